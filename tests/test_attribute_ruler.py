"""The indexed attribute ruler finds exactly the matches spaCy's AttributeRuler finds, so the
base pipeline's annotations do not change when `conflictner.load()` swaps it in."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, NORM, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from conflictner.components.attribute_ruler import IndexedAttributeRuler, swap_in

ANNOTATIONS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, NORM]

#: sentences from conflict reporting; contractions and spoken forms exercise the two-token and
#: regular-expression patterns of the English rulers
SENTENCES = [
    "Russian forces shelled Kherson overnight, killing two civilians, the regional governor said.",
    "The RSF said it had taken El Fasher's last army base; the army didn't comment.",
    "“We're gonna hit them again,” a JNIM commander told followers in a voice message from Mali.",
    "Al-Shabaab claimed the attack on the base near Kismayo, which y'all saw on TV, didn't it?",
    "Houthi rebels fired two anti-ship missiles at a tanker in the Red Sea, but neither hit it.",
    "There were no casualties, the military junta in Naypyitaw said, though residents of Sagaing disagree.",
    "Let's be clear: ELN guerrillas ain't negotiating while drones strike Catatumbo.",
    "If the ceasefire fails, Israel will have to decide whether it is nothin' but a pause.",
    "C'mon, it got ta stop, said a resident of Goma whom I met; do you hear him?",
    "",
    "   \n\n  ",
]

#: hand-written rulers: (patterns, attrs, index) as AttributeRuler.add takes them
RULERS = [
    pytest.param([([[{"LOWER": "shelled"}]], {"LEMMA": "shell"}, 0)], id="equality"),
    pytest.param([([[{"LOWER": {"IN": ["forces", "rebels"]}, "TAG": "NNS"}]], {"POS": "PROPN"}, 0)], id="in"),
    pytest.param([([[{"TAG": {"NOT_IN": ["NN", ""]}, "IS_SPACE": False}]], {"MORPH": "Foo=Bar"}, 0)], id="not-in"),
    pytest.param([([[{"LOWER": {"REGEX": "^kh"}}]], {"LEMMA": "KH"}, 0)], id="regex"),
    pytest.param([([[{"LOWER": "the"}, {"TAG": "NN"}]], {"POS": "X"}, -1)], id="two-tokens-last"),
    pytest.param([([[{"LOWER": "the"}, {"OP": "?"}, {"LOWER": "governor"}]], {"LEMMA": "gov"}, 0)],
                 id="operator-falls-back-to-matcher"),
    pytest.param([([[{"LOWER": "two"}], [{"TAG": "CD"}]], {"LEMMA": "2"}, 0),  # one key, two patterns
                  ([[{"TAG": "CD"}]], {"LEMMA": "num"}, 0)], id="later-pattern-wins"),
    pytest.param([([[{}, {"LOWER": "said"}]], {"LEMMA": "before-said"}, 0)], id="wildcard-token"),
    pytest.param([([[{}]], {"LEMMA": "any"}, 0)], id="only-wildcards"),
    pytest.param([([[{"LOWER": {"IN": ["said", "told"]}, "DEP": {"IN": ["ROOT", "parataxis"]}}]],
                   {"POS": "AUX"}, 0),
                  ([[{"IS_SPACE": True}]], {"TAG": "_SP", "POS": "SPACE"}, 0)], id="dep-and-flags"),
]


@pytest.fixture(scope="module")
def parsed(nlp) -> list[Doc]:
    """The sentences through the base pipeline up to (not including) its attribute ruler."""
    before = nlp.pipe_names[: nlp.pipe_names.index("attribute_ruler")]
    with nlp.select_pipes(enable=before):
        return [nlp(s) for s in SENTENCES]


def both(nlp, patterns) -> tuple[AttributeRuler, IndexedAttributeRuler]:
    ref, fast = AttributeRuler(nlp.vocab), IndexedAttributeRuler(nlp.vocab)
    for ruler in (ref, fast):
        ruler.add_patterns(patterns)
    return ref, fast


def assert_same(ref: AttributeRuler, fast: AttributeRuler, docs: list[Doc]) -> None:
    for doc in docs:
        a, b = doc.copy(), doc.copy()
        assert fast.match(b) == ref.match(a), doc.text
        ref(a)
        fast(b)
        assert (a.to_array(ANNOTATIONS) == b.to_array(ANNOTATIONS)).all(), doc.text


def test_load_swaps_the_base_attribute_ruler_in_place(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert nlp.pipe_names.index("attribute_ruler") == nlp.pipe_names.index("parser") + 1
    assert len(nlp.get_pipe("attribute_ruler").patterns) > 100


def test_base_patterns_give_the_same_matches_and_annotations(nlp, parsed):
    ref, fast = both(nlp, [dict(p) for p in nlp.get_pipe("attribute_ruler").patterns])
    assert_same(ref, fast, parsed)


@pytest.mark.parametrize("rules", RULERS)
def test_hand_written_patterns_match_as_spacy_does(nlp, parsed, rules):
    ref, fast = both(nlp, [{"patterns": p, "attrs": a, "index": i} for p, a, i in rules])
    assert_same(ref, fast, parsed)
    assert any(ref.match(d) for d in parsed)  # the table exercises each rule


def test_new_patterns_reset_the_index(nlp, parsed):
    ref, fast = both(nlp, [{"patterns": [[{"LOWER": "the"}]], "attrs": {"LEMMA": "THE"}}])
    assert_same(ref, fast, parsed)
    for ruler in (ref, fast):
        ruler.add([[{"LOWER": "army"}]], {"LEMMA": "ARMY"})
    assert_same(ref, fast, parsed)
    fast.clear()
    assert fast.match(parsed[0]) == []


def test_serialization_round_trip(nlp, parsed):
    ruler = nlp.get_pipe("attribute_ruler")
    again = IndexedAttributeRuler(nlp.vocab).from_bytes(ruler.to_bytes())
    assert again.patterns == ruler.patterns
    assert_same(ruler, again, parsed)


def test_swap_in_only_replaces_a_spacy_attribute_ruler():
    blank = spacy.blank("en")
    assert not swap_in(blank, "attribute_ruler", "conflictner_attribute_ruler")  # none there
    blank.add_pipe("sentencizer", name="attribute_ruler")
    assert not swap_in(blank, "attribute_ruler", "conflictner_attribute_ruler")  # not a ruler
    other = spacy.blank("en")
    ruler = other.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "drone"}]], {"LEMMA": "UAV"})
    assert swap_in(other, "attribute_ruler", "conflictner_attribute_ruler")
    assert isinstance(other.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert [t.lemma_ for t in other("a drone")] == ["", "UAV"]
    assert not swap_in(other, "attribute_ruler", "conflictner_attribute_ruler")  # already ours
