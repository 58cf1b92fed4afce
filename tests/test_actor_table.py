"""Actors against the issue's bar: the team-written actor table (tests/data/actors_table.jsonl),
sentences from many conflicts, each naming one actor mention and what it must come out as.

A row is a sentence, the exact substring that must be the span of one actor mention, and the
expected kind, country (ISO3 or null) and backers (a list, or null when not checked). The
expectations come from the facts, not from the pipeline's output:

- a named group gets its home country (JNIM in Burkina Faso is Malian, the ADF is Ugandan) and
  its widely reported state backers (Iran for Hezbollah and the Houthis, Rwanda for M23);
- an unnamed actor gets the nationality its own words give ("Somali soldiers", "separatists in
  eastern Ukraine", "UAE-backed Yemeni separatists") and otherwise none ("gunmen", "villagers");
- spans leave out determiners and numbers ("Israeli army", not "the Israeli army") but keep
  adjectives, affixes and the descriptor a name qualifies ("Unidentified gunmen",
  "Rwanda-backed M23 rebels", "Houthi rebels"); an anaphor is its own span ("the group") and
  takes its antecedent's kind, country and backers;
- an organisation nobody knows, introduced with a bracketed acronym, is kind "other" with no
  country: nothing but its name is known;
- a row with "layer": "affiliations" names a nationality or community word ("Eritrean",
  "Sudanese", "Rohingya") or a state name used as a modifier ("Kenya-led", "Sudan peace talks"),
  looked up in `doc._.cn_affiliations`: its kind is "affiliation" and the row checks the country
  (and the community, when the row gives one).

The table is scored as a whole against the bar (>= 95% of rows fully right), and each row is a
test of its own so a regression names its sentence; rows that still fail are listed in
KNOWN_MISSES with their cause (strict xfails, so a fix shows up at once). The whole table runs
through the pipeline once, in one `nlp.pipe`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import pytest
from spacy.language import Language

TABLE = Path(__file__).parent / "data" / "actors_table.jsonl"
ROWS: list[dict[str, Any]] = [
    json.loads(line) for line in TABLE.read_text(encoding="utf8").splitlines() if line.strip()
]
BAR = 0.95
META = {"doc_id": "t", "published": "2024-06-12", "url": None, "outlet": None, "title": None}

#: row index -> why it still fails (checked against the facts before being listed here)
KNOWN_MISSES: dict[int, str] = {}

#: set to the measured figure while the table as a whole is below the bar
ACCURACY_BELOW_BAR: Optional[str] = None


def find_actor(text: str, mention: str, records: list[dict[str, Any]]) -> Optional[dict[str, Any]]:
    """The actor record with a mention whose text is exactly `mention`."""
    for rec in records:
        if any(text[s:e] == mention for s, e in rec["mentions"]):
            return rec
    return None


def problems(row: dict[str, Any], records: list[dict[str, Any]]) -> list[str]:
    """What is wrong with the row's actor; empty when the row is fully right."""
    text, mention = row["text"], row["mention"]
    rec = find_actor(text, mention, records)
    if rec is None:
        seen = [(r["name"], r["kind"], [text[s:e] for s, e in r["mentions"]]) for r in records]
        return [f"no actor with the span {mention!r}; actors: {seen}"]
    out = []
    if rec.get("kind", "affiliation") != row["kind"]:
        out.append(f"kind {rec['kind']!r}, expected {row['kind']!r}")
    if rec["country"] != row["country"]:
        out.append(f"country {rec['country']!r}, expected {row['country']!r}")
    if row["backers"] is not None and sorted(rec["backers"]) != sorted(row["backers"]):
        out.append(f"backers {sorted(rec['backers'])}, expected {sorted(row['backers'])}")
    if "community" in row and rec.get("community") != row["community"]:
        out.append(f"community {rec.get('community')!r}, expected {row['community']!r}")
    return out


@pytest.fixture(scope="module")
def results(nlp: Language) -> list[list[str]]:
    """Problems per row, the whole table in one pass through the pipeline."""
    docs = []
    for row in ROWS:
        doc = nlp.make_doc(row["text"])
        doc._.cn_meta = dict(META)
        docs.append(doc)
    return [problems(row, doc._.cn_affiliations if row.get("layer") == "affiliations" else doc._.cn_actors)
            for row, doc in zip(ROWS, nlp.pipe(docs, batch_size=64), strict=True)]


def test_table_covers_the_issue():
    conflicts = {r["conflict"] for r in ROWS}
    forms = {r["form"] for r in ROWS}
    assert len(ROWS) >= 150
    assert len(conflicts) >= 15, sorted(conflicts)
    assert {"gazetteer_name", "alias", "acronym", "state_forces_descriptor", "sponsored", "unidentified",
            "civilians", "name_descriptor", "umbrella", "defined_acronym", "anaphora"} <= forms
    for row in ROWS:
        assert row["mention"] in row["text"], row


def test_table_accuracy_meets_the_bar(results: list[list[str]], request: pytest.FixtureRequest):
    if ACCURACY_BELOW_BAR:
        request.applymarker(pytest.mark.xfail(reason=ACCURACY_BELOW_BAR, strict=True))
    right = sum(not p for p in results)
    assert right / len(ROWS) >= BAR, f"{right}/{len(ROWS)} actor rows fully right ({right / len(ROWS):.1%})"


@pytest.mark.parametrize("index", range(len(ROWS)), ids=[f"{i}-{r['conflict']}-{r['form']}" for i, r in enumerate(ROWS)])
def test_row(results: list[list[str]], index: int, request: pytest.FixtureRequest):
    if index in KNOWN_MISSES:
        request.applymarker(pytest.mark.xfail(reason=KNOWN_MISSES[index], strict=True))
    assert not results[index], (ROWS[index]["text"], results[index])
