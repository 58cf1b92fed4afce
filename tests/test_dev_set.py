"""The team dev set (tests/data/events_dev.jsonl, docs/evaluation.md): text in, scores out.

Floors keep what has been reached from sliding back; the issue's bars that are not reached yet are
strict expected failures, so the day one is met the test says so. The rules were written while
reading this set's errors: its scores are optimistic for unseen text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import conflictner
from conflictner.evaluation import EvaluationReport, read_gold

DEV = Path(__file__).parent / "data" / "events_dev.jsonl"


@pytest.fixture(scope="module")
def report(nlp) -> EvaluationReport:
    return conflictner.evaluate(str(DEV), nlp=nlp)


@pytest.fixture(scope="module")
def predictions(nlp) -> dict:
    gold = read_gold(DEV)
    return {g.id: conflictner.extract(g.text, nlp=nlp, published=str(g.published)) for g in gold}


def test_the_dev_set_is_what_the_docs_say():
    gold = read_gold(DEV)
    assert len(gold) >= 40
    assert len({g.id.split("-")[1] for g in gold}) >= 12  # ids name the conflict: dev-<country>-...
    assert sum(1 for g in gold if not any(e.type.value == "attack" for e in g.events)) >= 6


# layer -> micro F1 reached (floor, a little under the measured value) and the issue's bar
LAYERS = {
    "events": (0.91, 0.90),
    "attackers": (0.85, 0.85),
    "targets": (0.85, 0.85),
    "claims": (0.85, 0.85),
}
# attribute -> micro accuracy reached and the issue's bar
ATTRIBUTES = {
    "fatalities": (0.95, 0.90),
    "injured": (0.94, 0.90),
    "claim_anonymous": (0.95, 0.95),
    "claim_figures": (0.93, 0.90),
}


@pytest.mark.parametrize("layer", LAYERS)
def test_layer_floor(report, layer):
    assert report.layers[layer].micro.f1 >= LAYERS[layer][0]


@pytest.mark.parametrize("attribute", ATTRIBUTES)
def test_attribute_floor(report, attribute):
    assert report.attributes[attribute].micro >= ATTRIBUTES[attribute][0]


NOT_YET: set[str] = set()  # every bar of issues 7 and 8 is met on the dev set


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason="below the issue's bar on the dev set"))
    if n in NOT_YET else n
    for n in [*LAYERS, *ATTRIBUTES]
])
def test_issue_bar(report, name):
    if name in LAYERS:
        assert report.layers[name].micro.f1 >= LAYERS[name][1]
    else:
        assert report.attributes[name].micro >= ATTRIBUTES[name][1]


def test_articles_without_an_attack_give_no_attack_event(predictions):
    """The bar is zero, and it is met: none of the 8 no-attack articles yields an attack."""
    gold = {g.id: g for g in read_gold(DEV)}
    quiet = [i for i, g in gold.items() if not any(e.type.value == "attack" for e in g.events)]
    spurious = {i: sum(1 for e in predictions[i].events
                       if e.type.value == "attack" and e.modality.value == "asserted") for i in quiet}
    assert sum(spurious.values()) == 0, spurious
