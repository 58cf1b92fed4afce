"""The offline gazetteer: one alias index over countries, admin1 units, towns, facilities,
regions and water bodies, with the tie-breaks conflict news needs."""

from __future__ import annotations

import json

import pytest

from conflictner.geo import Gazetteer, fold
from conflictner.rules import data_dir


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def first(gaz: Gazetteer, name: str, countries: set[str] | None = None):
    cands = gaz.lookup(name, countries)
    assert cands, name
    return cands[0]


@pytest.mark.parametrize("name,expected_id", [
    ("U.S.", "country:USA"), ("Britain", "country:GBR"), ("Ivory Coast", "country:CIV"), ("DRC", "country:COD"),
    ("Ain al-Asad air base", "facility:ain-al-asad"), ("the Red Sea", "water_body:red-sea"),
    ("Gulf of Aden", "water_body:gulf-of-aden"), ("Mogadishu airport", "facility:mogadishu-airport"),
    ("Middle East", "region:middle-east"), ("Anbar", "admin1:IQ-AN"), ("Gezira State", "admin1:SD-GZ"),
])
def test_names_and_aliases_resolve(gaz, name, expected_id):
    assert first(gaz, name).id == expected_id


@pytest.mark.parametrize("name,country", [
    ("Gao", "MLI"),          # its own name beats an alternate name of a larger Cuban city
    ("Kharkiv", "UKR"), ("Kherson", "UKR"), ("El Fasher", "SDN"), ("Kismayo", "SOM"), ("Goma", "COD"),
    ("Sittwe", "MMR"), ("Kidal", "MLI"), ("Maiduguri", "NGA"), ("Hodeidah", "YEM"), ("Khan Younis", "PSE"),
])
def test_conflict_towns_resolve_to_the_right_country(gaz, name, country):
    assert first(gaz, name).country == country


def test_document_countries_break_ties(gaz):
    assert first(gaz, "Congo").country == "COD"  # wire-service style: bare "Congo" is the DRC
    assert first(gaz, "Tripoli").country == "LBY"
    assert first(gaz, "Tripoli", {"LBN"}).country == "LBN"


def test_every_un_member_has_coordinates(gaz):
    states = [json.loads(line) for line in (data_dir() / "actors" / "states.jsonl").read_text("utf8").splitlines()]
    missing = [s["country"] for s in states if s.get("country") and gaz.country(s["country"])
               and gaz.country(s["country"]).lat is None]
    assert missing == []


def test_water_bodies_have_no_country(gaz):
    for name in ("Red Sea", "Black Sea", "Gulf of Aden", "Lake Chad"):
        entry = first(gaz, name)
        assert entry.kind.value == "water_body" and entry.country is None, name


def test_fold_unifies_case_accents_apostrophes_and_articles():
    assert fold("Al-Ḥudaydah") == fold("al-hudaydah") == "hudaydah"
    assert fold("Kata’ib") == fold("Kata'ib")
    assert fold("The  Gaza Strip") == "gaza strip"


def test_the_built_index_is_cached_on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICTNER_CACHE", str(tmp_path))
    build = Gazetteer.load.__wrapped__  # past the in-process cache
    first = build(Gazetteer, None, "15000")
    files = list(tmp_path.glob("gazetteer-*.pickle"))
    assert len(files) == 1
    again = build(Gazetteer, None, "15000")
    assert again is not first and again.lookup("Gao")[0].id == first.lookup("Gao")[0].id
    assert len(again.index) == len(first.index)


def test_a_damaged_cache_is_rebuilt_and_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICTNER_CACHE", str(tmp_path))
    build = Gazetteer.load.__wrapped__
    build(Gazetteer, None, "15000")
    (cached,) = tmp_path.glob("gazetteer-*.pickle")
    cached.write_bytes(b"not a pickle")
    assert build(Gazetteer, None, "15000").lookup("Kharkiv")[0].country == "UKR"
    monkeypatch.setenv("CONFLICTNER_CACHE", "off")
    for f in tmp_path.glob("*"):
        f.unlink()
    build(Gazetteer, None, "15000")
    assert list(tmp_path.glob("*")) == []
