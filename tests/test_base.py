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


def test_an_unindexable_first_token_falls_back_to_the_whole_doc(nlp):
    m = WindowedMatcher(nlp.vocab, [("x", [{"LOWER": "the", "OP": "?"}, {"LOWER": "night"}])])
    assert m.start_keys is None
    doc = nlp.make_doc("It was the night of 5 June.")
    assert [(s, e) for _, s, e in m(doc)] == [(2, 4), (3, 4)]
