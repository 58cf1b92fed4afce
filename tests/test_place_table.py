"""Event places against the team-written table for the issue "Places"
(tests/data/places_table.jsonl), read as a spec: a news sentence with an attack in it, the phrase
naming where it happened, and the country, admin1 (ISO 3166-2) and ACLED geo_precision the
attack's place must get (1 the town or its outskirts, 2 near a known place or a small part of a
region, 3 only the region is known), taken from real geography rather than from the pipeline.

The table is scored as a whole against the issue's bar (>= 95 % of rows right on country + admin1
+ precision), and each row is also a test of its own so a regression names its sentence; rows
that still fail are listed in KNOWN_MISSES (strict xfails, so a fix shows up at once)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import pytest
from spacy.language import Language

from conflictner import Extraction

TABLE = Path(__file__).parent / "data" / "places_table.jsonl"
ROWS: list[dict[str, Any]] = [
    json.loads(line) for line in TABLE.read_text(encoding="utf8").splitlines() if line.strip()
]
BAR = 0.95

#: measured on the table below: rows fully right / rows
MEASURED = "220/222 = 0.991"

#: row index -> why it still fails
KNOWN_MISSES: dict[int, str] = {
    # distances
    124: "30 km south-west of Mogadishu lies in Lower Shabelle (SO-SH), but the offset keeps the anchor's "
         "admin1 (Banadir, SO-BN, a small region)",
    # geography the data lacks
    122: "Beirut's southern suburbs (Dahiyeh) are in Mount Lebanon governorate (LB-JL, Baabda district); "
         "the place is Beirut with Beirut's admin1 (LB-BA)",
}


def event_place(x: Extraction) -> Optional[dict[str, Any]]:
    """The Place of the first asserted attack, as the fields the table checks (None when there
    is no asserted attack or it has no place)."""
    attack = next(
        (e for e in x.events if e.type.value == "attack" and e.modality.value == "asserted"), None
    )
    if attack is None or attack.place_id is None:
        return None
    place = next((p for p in x.places if p.id == attack.place_id), None)
    if place is None:
        return None
    return {
        "country": place.country,
        "admin1": place.admin1,
        "precision": place.geo_precision,
        "qualifier": place.qualifier,
        "name": place.name,
        "mention": place.mentions[0].text,
    }


def what_was_found(x: Extraction) -> str:
    """Every event and place of the sentence, for the failure message."""
    events = [f"{e.type.value}/{e.modality.value}/{e.attack_kind.value if e.attack_kind else None}"
              f"@{e.place_id}{[r for r in e.rule_ids if 'place' in r]}" for e in x.events]
    places = [f"{p.id}={p.mentions[0].text!r}->{p.name}({p.kind.value},{p.country},{p.admin1},"
              f"{p.geo_precision},{p.qualifier})" for p in x.places]
    return f"events {events}; places {places}"


def row_right(got: Optional[dict[str, Any]], row: dict[str, Any]) -> bool:
    """Country and precision always; admin1 and qualifier when the row gives them."""
    if got is None:
        return False
    return (
        got["country"] == row["country"]
        and (row["admin1"] is None or got["admin1"] == row["admin1"])
        and got["precision"] == row["precision"]
        and (row["qualifier"] is None or got["qualifier"] == row["qualifier"])
    )


@pytest.fixture(scope="module")
def results(nlp: Language) -> list[tuple[Optional[dict[str, Any]], str]]:
    """(the checked place or None, what the pipeline found) per row."""
    import conflictner

    items = [{"text": r["text"], "published": r["published"], "doc_id": f"p{i}"} for i, r in enumerate(ROWS)]
    return [(event_place(x), what_was_found(x)) for x in conflictner.extract_many(items, nlp=nlp)]


def test_table_size_and_spread() -> None:
    countries = {r["country"] for r in ROWS if r["country"]}
    forms = {r["form"] for r in ROWS}
    assert len(ROWS) >= 100
    assert len(countries) >= 15, sorted(countries)
    assert {"town", "small_town", "admin1", "directional", "near", "outskirts", "distance", "village_in",
            "facility", "water", "dateline", "ambiguous", "affiliation"} <= forms
    for r in ROWS:
        assert r["place"] in r["text"], r
        assert r["precision"] in {1, 2, 3}, r


def test_table_accuracy_meets_the_bar(results: list[tuple[Optional[dict[str, Any]], str]]) -> None:
    right = sum(row_right(got, r) for (got, _), r in zip(results, ROWS, strict=True))
    assert right / len(ROWS) >= BAR, f"{right}/{len(ROWS)} event places right"


@pytest.mark.parametrize(
    "index", range(len(ROWS)), ids=[f"{i}-{r['country']}-{r['form']}" for i, r in enumerate(ROWS)]
)
def test_row(nlp: Language, results: list[tuple[Optional[dict[str, Any]], str]], index: int,
             request: pytest.FixtureRequest) -> None:
    if index in KNOWN_MISSES:
        request.applymarker(pytest.mark.xfail(reason=KNOWN_MISSES[index], strict=True))
    row = ROWS[index]
    got, found = results[index]
    if not row_right(got, row):
        want = {k: row[k] for k in ("country", "admin1", "precision", "qualifier")}
        doc = nlp(row["text"])
        ents = [(e.text, e.label_) for e in doc.ents]
        at = row["text"].find(row["place"])
        span = doc.char_span(at, at + len(row["place"]), alignment_mode="expand")
        chain: list[str] = []
        if span is not None:
            tok = span.root
            for _ in range(3):
                chain.append(f"{tok.text}<-{tok.dep_}-")
                tok = tok.head
            chain.append(tok.text)
        pytest.fail(f"{row['text']!r} [{row['place']}]: want {want}, got {got}; {found}; NER {ents}; "
                    f"parse {''.join(chain)}")
