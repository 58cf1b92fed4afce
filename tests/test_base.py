"""Shared component machinery: the windowed Matcher finds exactly what the plain Matcher finds."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from conflictner.components.base import WindowedMatcher

from .conftest import EXAMPLES

TEXTS = [p.read_text(encoding="utf8") for p in sorted(EXAMPLES.glob("*.txt"))]


@pytest.mark.parametrize("component", ["conflictner_times", "conflictner_events"])
def test_windowed_matcher_equals_the_plain_matcher(nlp, component):
    pipe = nlp.get_pipe(component)
    windowed: WindowedMatcher = pipe.matcher
    assert windowed.start_keys is not None, "every pattern should start with an indexable token"
    plain = Matcher(nlp.vocab)
    rules = pipe.rules["patterns.jsonl" if component == "conflictner_times" else "triggers.jsonl"]
    for r in rules:
        if component == "conflictner_events" and len(r.pattern) == 1:
            continue  # one-token triggers are looked up by word, not matched
        plain.add(r.id, [r.pattern])
    for text in TEXTS:
        doc = nlp(text)
        assert sorted(windowed(doc)) == sorted(plain(doc))


def test_an_optional_first_token_anchors_on_the_next_one(nlp):
    m = WindowedMatcher(nlp.vocab, [("x", [{"LOWER": "the", "OP": "?"}, {"LOWER": "night"}])])
    assert m.start_keys is not None and m.lookback == 1
    doc = nlp.make_doc("It was the night of 5 June.")
    assert sorted((s, e) for _, s, e in m(doc)) == [(2, 4), (3, 4)]


@pytest.mark.parametrize("text, expected", [
    ("The next day, the army shelled the town.", [(0, 3)]),
    ("Clashes resumed on the following morning near Bakhmut.", [(3, 6)]),
    ("The day after, nothing happened; the next one was calm.", []),
])
def test_a_common_first_word_anchors_on_a_rarer_one(nlp, text, expected):
    """'the next day' opens a window at 'next' (one token of lookback), not at every 'the'."""
    pattern = [{"LOWER": "the"}, {"LOWER": {"IN": ["next", "following"]}}, {"LOWER": {"IN": ["day", "morning"]}}]
    m = WindowedMatcher(nlp.vocab, [("next_day", pattern)])
    assert m.lookback == 1
    assert [m_ for m_ in m.start_keys.values()][0].size == 2  # 'next', 'following'
    doc = nlp.make_doc(text)
    assert sorted((s, e) for _, s, e in m(doc)) == expected == sorted((s, e) for _, s, e in m.matcher(doc))


def test_an_unbounded_token_before_any_anchor_falls_back_to_the_whole_doc(nlp):
    m = WindowedMatcher(nlp.vocab, [("x", [{"IS_DIGIT": True, "OP": "+"}, {"LOWER": "killed"}])])
    assert m.start_keys is None
    doc = nlp.make_doc("At least 12 15 killed.")
    assert sorted((s, e) for _, s, e in m(doc)) == sorted((s, e) for _, s, e in m.matcher(doc))


@pytest.mark.parametrize("seed", range(5))
def test_is_in_agrees_with_numpy_isin(seed):
    import numpy

    from conflictner.components.base import is_in

    rng = numpy.random.default_rng(seed)
    values = numpy.unique(rng.integers(0, 2**63, size=int(rng.integers(0, 50)), dtype=numpy.uint64))
    column = numpy.concatenate([rng.integers(0, 2**63, size=200, dtype=numpy.uint64), values[:3],
                                numpy.array([numpy.iinfo(numpy.uint64).max], dtype=numpy.uint64)])
    assert (is_in(column, values) == numpy.isin(column, values)).all()


def test_stable_columns_are_read_once_per_doc_and_afresh_after_retokenizing(nlp):
    from spacy.attrs import ENT_TYPE, LOWER

    from conflictner.components.base import column, token_indices

    doc = nlp.make_doc("Militants shelled the market in Mogadishu.")
    first = column(doc, LOWER)
    assert column(doc, LOWER) is first  # shared, not rebuilt
    assert not first.flags.writeable
    assert (first == doc.to_array([LOWER]).astype("uint64")).all()
    assert token_indices(doc, LOWER, {"market", "mogadishu"}) == [3, 5]
    with doc.retokenize() as retok:
        retok.merge(doc[2:4])
    assert token_indices(doc, LOWER, {"mogadishu"}) == [4]  # length changed: read again
    assert column(doc, ENT_TYPE) is not column(doc, ENT_TYPE)  # entities can change: never cached
