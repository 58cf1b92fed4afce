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


# -- namesakes and abbreviations ----------------------------------------------------------------
@pytest.mark.parametrize("name,expected_id", [
    # a province beats a foreign town of its name ...
    ("Florida", "admin1:US-FL"), ("Ontario", "admin1:CA-ON"), ("Victoria", "admin1:AU-VIC"),
    # ... and a town merely listing the name among its alternates is not its namesake town
    ("Missouri", "admin1:US-MO"),
    # AP-style state and province abbreviations in datelines and bylines
    ("Calif.", "admin1:US-CA"), ("Ky.", "admin1:US-KY"), ("N.M.", "admin1:US-NM"), ("Wash.", "admin1:US-WA"),
    ("Ont.", "admin1:CA-ON"), ("N.B.", "admin1:CA-NB"),
    # 'Baringo County' is a Kenyan admin1 listed with its suffix
    ("Baringo County", "admin1:KE-01"),
])
def test_provinces_and_their_abbreviations(gaz, name, expected_id):
    assert first(gaz, name).id == expected_id


@pytest.mark.parametrize("name,country", [
    # a big town still beats its own province ('Kirkuk'), and a capital a namesake province
    ("Kirkuk", "IRQ"), ("Aleppo", "SYR"), ("Kandahar", "AFG"), ("Washington", "USA"),
])
def test_towns_beat_their_own_province_and_capitals_any_province(gaz, name, country):
    top = first(gaz, name)
    assert (top.kind.value, top.country) == ("populated_place", country)
    assert first(gaz, "Washington").admin1 == "US-DC"


def test_saint_and_st_are_one_word(gaz):
    # 'St. Petersburg' is the own name of Saint Petersburg, not only of the Florida city
    assert first(gaz, "St. Petersburg", {"RUS", "USA"}).country == "RUS"
    assert first(gaz, "St Petersburg").country == "RUS"


def test_a_county_is_not_the_state_of_its_name(gaz):
    # 'Ohio County' (West Virginia, Kentucky) is not the state of Ohio; 'Gezira State' is Gezira
    assert all(c.id != "admin1:US-OH" for c in gaz.lookup("Ohio County"))
    assert first(gaz, "Gezira State").id == "admin1:SD-GZ"


@pytest.mark.parametrize("word", ["Western", "Northern", "East", "Central", "south"])
def test_a_bare_direction_is_not_a_province(gaz, word):
    # 'Western countries', 'in the North': not Rwanda's Western Province or Cameroon's North Region
    assert all(c.kind.value != "admin1" for c in gaz.lookup(word))


@pytest.mark.parametrize("text,town,town_admin1,container", [
    ("Gunmen opened fire on a bus near the depot in Kent, Washington, late on Friday.",
     "Kent", "US-WA", "admin1:US-WA"),
    ("A car bomb exploded outside a police station in Kidal, Mali, on Sunday.", "Kidal", "ML-8", None),
    ("Protesters marched in Lexington, Massachusetts, against the war in Sudan.", "Lexington", "US-MA",
     "admin1:US-MA"),
    ("Shelling hit Donetsk, Donetsk Oblast, and Kherson, Ukraine, overnight.", "Kherson", "UA-65", None),
])
def test_a_town_and_its_province_after_a_comma_are_read_together(nlp, text, town, town_admin1, container):
    """'Kent, Washington': the Kent inside the state named after the comma, and that state rather
    than the capital or another namesake."""
    places = nlp(text)._.cn_places
    by_name = {p["name"]: p for p in places}
    assert by_name[town]["admin1"] == town_admin1
    if container is not None:
        assert container in {p["gazetteer_id"] for p in places}


def test_a_list_of_places_is_not_read_as_town_and_province(nlp):
    places = nlp("Air strikes hit Aleppo, Idlib and Hama, and officials in Washington condemned them.")._.cn_places
    assert {p["name"]: p["admin1"] for p in places}.get("Washington") == "US-DC"
    assert {p["admin1"] for p in places} >= {"SY-HL", "SY-ID"}


@pytest.mark.parametrize("name,expected_id", [
    ("North America", "region:north-america"), ("South America", "region:south-america"),
    ("the Americas", "region:americas"), ("Oceania", "region:oceania"), ("Korean Peninsula", "region:korean-peninsula"),
    ("Atlantic", "water_body:atlantic-ocean"), ("the Pacific", "water_body:pacific-ocean"),
])
def test_continents_and_oceans(gaz, name, expected_id):
    assert first(gaz, name).id == expected_id


@pytest.mark.parametrize("adjective,expected_id", [
    ("European", "region:europe"), ("African", "region:africa"), ("Latin American", "region:latin-america"),
    ("West African", "region:west-africa"), ("Sahelian", "region:sahel"), ("Middle Eastern", "region:middle-east"),
])
def test_region_adjectives_name_their_region_but_are_not_names(gaz, adjective, expected_id):
    """'European' answers for Europe when an adjective is asked for, but a 'European diplomat'
    or 'West African troops' are not places: the adjective is not in the alias index."""
    assert gaz.demonym(adjective).id == expected_id
    assert not gaz.lookup(adjective)


def test_an_ocean_adjective_is_a_place_only_when_tagged(nlp):
    places = nlp("Pacific island states and Asia-Pacific ministers condemned the missile test over the "
                 "Sea of Japan, while a tanker was hijacked off Somalia in the Indian Ocean.")._.cn_places
    names = {p["name"] for p in places}
    assert "Pacific Ocean" not in names and "Indian Ocean" in names


def test_small_towns_are_a_fallback_in_the_documents_countries(gaz):
    """Towns under the city threshold (GeoNames cities500) answer a name nothing else knows,
    in a country the document is about; they never displace a bigger namesake."""
    assert gaz.lookup("Rann", {"NGA"})[0].country == "NGA"          # Borno, Nigeria
    assert gaz.lookup("Rann", {"NGA"})[0].source.endswith("(cities500)")
    assert not gaz.lookup("Rann", {"UKR"})                            # no Rann in a report on Ukraine
    assert gaz.lookup("Kharkiv", {"UKR"})[0].population > 1_000_000  # the city, not a village


def test_a_nationality_is_not_a_small_town(gaz):
    # 'Canadian' (Texas), 'Mexican': the word in the news is the adjective
    assert not gaz.lookup("Canadian", {"USA", "CAN"})


# -- a province named after its seat, known to the tables by another name ---------------------------
@pytest.mark.parametrize("text,countries,admin1", [
    ("Kasserine governorate", {"TUN"}, "TN-al-qasrayn"),  # GeoNames: Al Qasrayn
    ("Kasserine governorate", None, "TN-al-qasrayn"),     # a town of 80,000: no country needed
    ("Kassala state", {"SDN"}, "SD-KA"),                 # a name the table has: unchanged
])
def test_a_province_named_after_its_seat(gaz, text, countries, admin1):
    top = gaz.lookup(text, countries)[0]
    assert (top.kind.value, top.admin1) == ("admin1", admin1)


@pytest.mark.parametrize("text,countries", [
    ("Reasi district", {"IND"}),       # a district is no province (see places' seat towns)
    ("Islamic State", None),           # no town of that name
    ("Sidi Bouzid governorate", None),  # a small town, and the report names no country
])
def test_no_province_from_a_seat_town(gaz, text, countries):
    assert not [c for c in gaz.lookup(text, countries) if c.kind.value == "admin1"]


@pytest.mark.parametrize("text", ["Kirkuk", "Washington", "Paris", "WA", "Kasserine governorate", "Dundalk",
                                  "Tripoli", "Florida", "Delft", "Berlin", "Rann", "Reasi district", "Georgia"])
def test_only_the_lookup_countries_of_a_name_matter(gaz, text):
    """`lookup` answers alike for any document countries that agree on the name's
    `lookup_countries` (and on being empty): the key places remembers its answers by."""
    near = gaz.lookup_countries(text)
    other = "ZZZ"  # no country's code: keeps a set non-empty
    assert other not in near
    for countries, main in [({"USA"}, {"USA"}), ({"AUS", "GBR"}, {"AUS"}), ({"TUN", "FRA"}, None),
                            ({"IRL", "GBR", "USA"}, {"IRL"}), ({"LBN", "SYR"}, {"LBN"}), ({"ZAF"}, {"ZAF"}),
                            ({"NGA", "NER"}, {"NER"}), ({"IND"}, None), (None, None), ({"UKR"}, {"RUS"})]:
        def narrowed(s):
            return (s & near) | {other} if s else s
        assert gaz.lookup(text, countries, main) == gaz.lookup(text, narrowed(countries), narrowed(main)), (
            text, countries, main)
