"""Repairs of misparses (conflictner_parse_fixes): the tree shape, and what the event and
claim layers then read from it."""

from __future__ import annotations

import pytest

#: (sentence, fatalities or injured (min), the claim sources expected)
VICTIMS_NOT_SPEAKERS = [
    ("Myanmar's military carried out air strikes on a monastery in Sagaing region, killing at least 22 people "
     "including three children, a resistance group and local media said on Saturday.",
     ("fatalities", 22), {"a resistance group", "local media"}),
    ("Government troops shelled a market in El Fasher, killing at least 15 people including four women, "
     "activists and a local monitor said.", ("fatalities", 15), {"activists", "a local monitor"}),
    ("Gunmen attacked a bus near Kidal, killing 9 passengers including two children, residents and a "
     "local official told AFP.", ("fatalities", 9), {"residents", "a local official"}),
    ("A drone struck a wedding party in Marib, wounding 14 people including the groom, witnesses and "
     "medics said.", ("injured", 14), {"witnesses", "medics"}),
    # the parse is already right: nothing to repair
    ("Al-Shabaab fighters stormed a base near Kismayo, killing 12 soldiers, officials said.",
     ("fatalities", 12), {"officials"}),
]


@pytest.mark.parametrize("text, figure, sources", VICTIMS_NOT_SPEAKERS)
def test_victims_are_not_speakers(extract, text, figure, sources):
    x = extract(text, published="2025-06-01")
    (event,) = x.events
    field, n = figure
    assert getattr(event, field) is not None and getattr(event, field).min == n
    got = {c.source.text for c in x.claims}
    assert sources <= got  # ('the article' may also report it, when the cue does not govern the clause)
    assert not any("including" in g or "people" in g for g in got)  # no victim speaks


@pytest.mark.parametrize("text", [
    "Officials including two ministers and a governor said the talks in Juba would resume.",
    "After the killing, relatives including his brother and two cousins said he had no enemies.",
    "Killing civilians including children, the rights group said, is a war crime.",
])
def test_other_subjects_are_left_alone(nlp, text):
    before = nlp.pipe_names[: nlp.pipe_names.index("conflictner_parse_fixes")]
    with nlp.select_pipes(enable=before):
        plain = nlp(text)
    fixed = nlp.get_pipe("conflictner_parse_fixes")(plain.copy())
    assert [(t.head.i, t.dep_) for t in fixed] == [(t.head.i, t.dep_) for t in plain]


def test_repair_keeps_one_tree_per_sentence(nlp):
    doc = nlp("Troops shelled Sake, killing at least 7 people including a nurse, a local chief and "
              "residents said.\nThe army denied it.")
    assert len(list(doc.sents)) == 2
    people = next(t for t in doc if t.text == "people")
    assert (people.head.text, people.dep_) == ("killing", "dobj")
    chief = next(t for t in doc if t.text == "chief")
    assert (chief.head.text, chief.dep_) == ("said", "nsubj")
