"""Which namesake a document means: its main country, the places only one country has, and
second-level units (US counties, UK counties, the provinces and districts of conflict countries)
beside the towns of the same name."""

from __future__ import annotations

import pytest

from conflictner.geo import Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def places(nlp, text: str) -> dict[str, tuple[str, str]]:
    return {p["name"]: (p["country"], p["kind"]) for p in nlp(text)._.cn_places}


# -- the document's main country ----------------------------------------------------------------
@pytest.mark.parametrize("name,countries,main,expected", [
    ("Hyderabad", {"PAK", "IND"}, {"PAK"}, "PAK"),   # Sindh, not the larger Indian city
    ("Hyderabad", {"PAK", "IND"}, {"IND"}, "IND"),
    ("Cartagena", {"COL", "ESP"}, {"ESP"}, "ESP"),   # Murcia, not the larger Colombian port
    ("Tripoli", {"LBN", "LBY"}, {"LBN"}, "LBN"),     # the Lebanese city, not the Libyan capital
])
def test_the_main_country_decides_between_namesakes_of_the_documents_countries(gaz, name, countries, main, expected):
    assert gaz.lookup(name, countries, main)[0].country == expected


def test_without_a_main_country_the_documents_countries_are_equal(gaz):
    # two countries named as often: the larger namesake, as before
    assert gaz.lookup("Hyderabad", {"PAK", "IND"})[0].country == "IND"
    assert gaz.lookup("Hyderabad", {"PAK", "IND"}, {"PAK", "IND"})[0].country == "IND"


def test_a_world_capital_is_not_displaced_by_a_village_of_the_main_country(gaz):
    # 'Berlin' in a US report is Germany's capital, not a New England village (cities1000)
    assert gaz.lookup("Berlin", {"USA", "DEU"}, {"USA"})[0].country == "DEU"
    # nor by a town of the document's countries when the capital's country goes unnamed
    assert gaz.lookup("Moscow", {"USA"})[0].country == "RUS"
    assert gaz.lookup("Rome", {"USA", "GBR"})[0].country == "ITA"
    # a real city at home still wins: London, Ontario in a report on Canada
    assert gaz.lookup("London", {"CAN"})[0].country == "CAN"


@pytest.mark.parametrize("text,name,country", [
    # Pakistan named three times (and its police), India once
    ("Pakistani police said gunmen killed four people in Hyderabad on Sunday. Pakistan's interior minister "
     "blamed a banned group, and Pakistan's army was deployed. India denied any link.", "Hyderabad", "PAK"),
    # Lebanon named three times, Libya once
    ("Lebanese soldiers clashed with gunmen in Tripoli overnight. Lebanon's army said two soldiers were wounded; "
     "Lebanon has seen a surge in violence since Libya's envoy visited.", "Tripoli", "LBN"),
    ("Colombian troops clashed with ELN rebels near Cartagena, Colombia's defence ministry said. Colombia's "
     "president, speaking in Spain, promised more troops.", "Cartagena", "COL"),
])
def test_a_report_means_the_namesake_in_the_country_it_is_about(nlp, text, name, country):
    assert places(nlp, text)[name][0] == country


# -- second-level units ------------------------------------------------------------------------
@pytest.mark.parametrize("name,country,admin1", [
    ("Orange County", "USA", "US-CA"),        # the largest of the eight, California's
    ("Cuyahoga County", "USA", "US-OH"),
    ("Miami-Dade County", "USA", "US-FL"),
    ("Kent", "GBR", "GB-ENG"),
    ("Ceredigion", "GBR", "GB-WLS"),          # 'County of Ceredigion' in GeoNames
    ("Northamptonshire", "GBR", "GB-ENG"),
])
def test_counties_resolve(gaz, name, country, admin1):
    top = gaz.lookup(name, {country})[0]
    assert (top.kind.value, top.country, top.admin1) == ("admin2", country, admin1)


def test_a_county_never_displaces_a_town_of_its_name_in_the_same_country(gaz):
    # Manchester, Liverpool, Bristol are also unitary units: the bare name is the city
    for name in ("Manchester", "Liverpool", "Bristol"):
        assert gaz.lookup(name, {"GBR"})[0].kind.value == "populated_place"


@pytest.mark.parametrize("text,name,expected", [
    ("Police in Kent arrested two men after a stabbing in Maidstone.", "Kent", ("GBR", "admin2")),
    ("The shooting happened in Kent, Ohio, near the university.", "Kent", ("USA", "populated_place")),
    ("Deputies in Orange County said the suspect fled toward Morris County.", "Morris County", ("USA", "admin2")),
    ("Flooding cut off villages across Norfolk and Suffolk after the storm, British police said.", "Norfolk",
     ("GBR", "admin2")),
])
def test_counties_in_reports(nlp, text, name, expected):
    assert places(nlp, text)[name] == expected


# -- second-level units of conflict countries --------------------------------------------------
def unit(nlp, text: str, name: str) -> tuple:
    """(kind, country, admin1, geo_precision, whether a gazetteer entry) of the place `name`."""
    p = next(p for p in nlp(text)._.cn_places if p["name"] == name)
    return p["kind"], p["country"], p["admin1"], p["geo_precision"], p["gazetteer_id"] is not None


@pytest.mark.parametrize("text,name,country,admin1", [
    # Mindanao: provinces, which GeoNames keeps a level below the regions
    ("Soldiers clashed with Abu Sayyaf militants in Sulu on Monday, the Philippine army said.",
     "Sulu", "PHL", "PH-14"),                                   # not its seat Jolo, alias 'Sulu'
    ("BIFF gunmen ambushed soldiers in Maguindanao, the Philippine army said.",
     "Maguindanao", "PHL", "PH-14"),                            # the province split in 2022
    ("Government troops killed five militants in Maguindanao del Sur, the military said.",
     "Maguindanao del Sur", "PHL", "PH-14"),                    # the NER calls it an ORG
    ("Communist rebels attacked a police station in Laguna, Philippine police said.",
     "Laguna", "PHL", "PH-40"),                                 # not Laguna, California
    ("Militants attacked an army post in Basilan, killing two soldiers.",
     "Basilan", "PHL", "PH-14"),                                # not Isabela City, alias 'Basilan'
    # Sahel
    ("Jihadists killed 20 civilians in Soum province, Burkina Faso's government said.",
     "Soum", "BFA", "BF-12"),
    ("Militants attacked soldiers in the province of Loroum, Burkina Faso's army said.",
     "Loroum", "BFA", "BF-10"),
    ("Suspected jihadists killed 12 soldiers in the Ouallam department of Niger's Tillaberi region.",
     "Ouallam", "NER", "NE-6"),
    ("Jihadists killed five soldiers in the Douentza cercle, Malian officials said.",
     "Douentza", "MLI", "ML-5"),
    # Lake Chad
    ("Boko Haram fighters raided villages in the Mayo-Tsanaga department of Cameroon.",
     "Mayo-Tsanaga", "CMR", "CM-EN"),
    ("Troops killed 10 insurgents in Gwoza LGA, Borno State, the Nigerian army said.",
     "Gwoza", "NGA", "NG-BO"),
    ("Gunmen killed 12 villagers in Zurmi local government area of Zamfara State, police said.",
     "Zurmi", "NGA", "NG-ZA"),
    # Pakistan, Afghanistan
    ("A roadside bomb killed three soldiers in North Waziristan district, Pakistan's army said.",
     "North Wazīristān", "PAK", "PK-KP"),
    ("Gunmen killed four policemen in Kurram district, Pakistani police said.", "Kurram", "PAK", "PK-KP"),
    ("Taliban fighters attacked a police post in Ghazni district, Afghan officials said.",
     "Ghaznī District", "AFG", "AF-GHA"),                       # not the province of the same name
    # Horn and East Africa
    ("Al-Shabaab fighters killed six soldiers in Adan Yabaal district, Somali officials said.",
     "Adan Yabaal", "SOM", "SO-SD"),
    ("Clashes erupted in Korahe Zone, Ethiopian officials said.", "Korahe", "ETH", "ET-SO"),
    ("Insurgents attacked villages in Macomia District, Mozambican police said.", "Macomia", "MOZ", "MZ-P"),
    ("ADF rebels killed 20 civilians in Beni territory, Congolese officials said.", "Beni", "COD", "CD-NK"),
    # Ukraine, Middle East
    ("Russian shelling hit Pokrovsk district, Ukraine's governor said.", "Pokrovsk", "UKR", "UA-14"),
    ("Islamic State fighters killed three soldiers in Hamdaniya district, Iraqi officials said.",
     "Al-Hamdaniya", "IRQ", "IQ-NI"),
    ("Government forces shelled Maarrat al-Nu'man district, Syrian activists said.",
     "Maarrat al-Nu'man", "SYR", "SY-ID"),
    ("Houthi forces shelled Hays district, Yemeni officials said.", "Hays District", "YEM", "YE-HU"),
])
def test_a_second_level_unit_of_a_conflict_country(nlp, text, name, country, admin1):
    # the unit itself, from the admin2 table, at region precision
    assert unit(nlp, text, name) == ("admin2", country, admin1, 3, True)


@pytest.mark.parametrize("unit_text,town_text,name,country", [
    ("Taliban fighters attacked a police post in Ghazni district, Afghan officials said.",
     "Taliban fighters attacked a police post in Ghazni, Afghan officials said.", "Ghazni", "AFG"),
    ("ADF rebels killed 20 civilians in Beni territory, Congolese officials said.",
     "ADF rebels killed 20 civilians in Beni, Congolese officials said.", "Beni", "COD"),
    ("Troops killed 10 insurgents in Gwoza LGA, Borno State, the Nigerian army said.",
     "Troops killed 10 insurgents in Gwoza, Borno State, the Nigerian army said.", "Gwoza", "NGA"),
    # a seat only the small-town table holds
    ("Gunmen killed two soldiers in Adraskan district, Afghan officials said.",
     "Gunmen killed two soldiers in Adraskan, Afghan officials said.", "Adraskan", "AFG"),
])
def test_a_unit_named_after_its_seat_is_the_unit_by_its_full_name_and_the_town_by_its_bare_one(
        nlp, unit_text, town_text, name, country):
    units = [p for p in nlp(unit_text)._.cn_places if p["kind"] == "admin2"]
    assert [(p["country"], p["geo_precision"], p["gazetteer_id"][:7]) for p in units] == [(country, 3, "admin2:")]
    towns = [p for p in nlp(town_text)._.cn_places if p["name"] == name]
    assert [(p["kind"], p["country"], p["geo_precision"]) for p in towns] == [("populated_place", country, 1)]


@pytest.mark.parametrize("unit,unit_countries,other,other_countries,other_expected", [
    # a province beats a foreign town of its name in a report on its country, not elsewhere
    ("Laguna", {"PHL"}, "Laguna", {"USA"}, ("populated_place", "USA")),
    # a unit no bigger than its one town is that town ('Maimanah' is GeoNames' Maymana)
    ("Maimanah district", {"AFG"}, "Maimanah", {"AFG"}, ("populated_place", "AFG")),
    # 'X province' is the unit where the province is second-level ('Laguna'), the province where
    # it is first-level ('Ghazni')
    ("Laguna province", {"PHL"}, "Ghazni province", {"AFG"}, ("admin1", "AFG")),
])
def test_conflict_country_units_in_the_gazetteer(gaz, unit, unit_countries, other, other_countries, other_expected):
    top = gaz.lookup(unit, unit_countries, unit_countries)[0]
    assert (top.kind.value, top.country) == ("admin2", next(iter(unit_countries)))
    top = gaz.lookup(other, other_countries, other_countries)[0]
    assert (top.kind.value, top.country) == other_expected


# -- villages after a locative preposition ----------------------------------------------------
@pytest.mark.parametrize("text,name,country", [
    ("Boko Haram fighters attacked a military base in Rann, Nigerian officials said.", "Rann", "NGA"),
    ("Nigerian troops repelled an ambush near Gajiram on Tuesday, the army said.", "Gajiram", "NGA"),
    ("FARC dissidents clashed with Colombian soldiers in Briceno, Colombia's army said.", "Briceño", "COL"),
])
def test_a_village_only_the_small_town_table_knows_is_found_after_in_or_near(nlp, text, name, country):
    assert places(nlp, text).get(name, (None,))[0] == country


@pytest.mark.parametrize("text,absent", [
    # not after a locative preposition
    ("Gajiram said the Nigerian army had withdrawn.", "Gajiram"),
])
def test_the_small_town_table_is_not_read_outside_the_documents_countries_or_locatives(nlp, text, absent):
    assert absent not in places(nlp, text)


def test_the_small_town_table_is_not_read_outside_the_documents_countries(nlp):
    # no Rann in Ukraine: not the Nigerian village; at most a place the tables lack, in Ukraine
    rann = [p for p in nlp("Russian drones hit a depot in Rann, Ukraine's air force said.")._.cn_places
            if p["name"] == "Rann"]
    assert all(p["country"] == "UKR" and p["gazetteer_id"] is None for p in rann)


def test_ghouta_is_the_enclave_east_of_damascus(nlp):
    found = places(nlp, "Syrian government forces pressed into eastern Ghouta as convoys left Ghouta for Idlib.")
    assert found["Eastern Ghouta"] == ("SYR", "region")


# -- a report that names no country: the country its place names share -------------------------
@pytest.mark.parametrize("text,expected", [
    # Ennis is in Texas and County Clare, Listowel in Ontario and County Kerry: an Irish report
    ("The man was stabbed in Ennis on Friday and died in hospital in Listowel.", {"Ennis": "IRL", "Listowel": "IRL"}),
    # Athlone is also a Cape Town suburb, Ballina also in New South Wales
    ("Gardai said a car was set alight in Athlone and a second in Ballina.", {"Athlone": "IRL", "Ballina": "IRL"}),
    # one name alone says nothing: the larger namesake
    ("The man was stabbed in Ennis on Friday.", {"Ennis": "USA"}),
    # a world capital keeps its name whatever the other names share
    ("Flooding hit Paris and Lexington overnight.", {"Paris": "FRA", "Lexington": "USA"}),
])
def test_a_report_naming_no_country_reads_the_country_its_places_share(nlp, text, expected):
    got = places(nlp, text)
    assert {name: got[name][0] for name in expected} == expected


# -- a region inside one province says which country the report is about -------------------------
@pytest.mark.parametrize("text,name,expected", [
    ("Militants attacked a checkpoint in Waziristan overnight. Hours later police raided a house in Hyderabad.",
     "Hyderabad", ("PAK", "populated_place")),
    ("Storms flooded homes across the Thames Valley and in Berkshire, the worst since a hurricane crossed "
     "America in 2012.", "Berkshire", ("GBR", "region")),
    # counter-example: no region, no country: the larger namesake
    ("Police raided a house in Hyderabad.", "Hyderabad", ("IND", "populated_place")),
])
def test_a_region_inside_a_province_counts_for_its_country(nlp, text, name, expected):
    assert places(nlp, text)[name] == expected


# -- counties a report names together are counties of one state -----------------------------------
@pytest.mark.parametrize("text,expected", [
    # Muhlenberg County is only in Kentucky, which has a Grant and a Pike County too
    ("Tornadoes destroyed homes in Grant County, Pike County and Muhlenberg County overnight.",
     {"Grant County": "US-KY", "Pike County": "US-KY", "Muhlenberg County": "US-KY"}),
    # the state named once anchors the county named without it
    ("Sheriffs in Lincoln County and Jefferson County, Colorado, searched for the gunman.",
     {"Lincoln County": "US-CO", "Jefferson County": "US-CO"}),
    # no anchor: each county keeps its own reading
    ("Deputies in Orange County said the suspect fled toward Morris County.",
     {"Orange County": "US-CA", "Morris County": "US-NJ"}),
])
def test_counties_named_together_are_in_one_state(nlp, text, expected):
    got = {p["name"]: p["admin1"] for p in nlp(text)._.cn_places}
    assert {name: got[name] for name in expected} == expected


# -- a local report stays local: the namesake next to a town only one place has ---------------------
@pytest.mark.parametrize("text,name,admin1", [
    # Fort Salonga is on Long Island, where there is an Oceanside too (not the larger one in California)
    ("A teenager from Oceanside was arrested after a shooting in Fort Salonga, police said.", "Oceanside", "US-NY"),
    # fourteen Novoselivkas in Ukraine: the one 70 km from Kupiansk, not the largest, near Odesa
    ("Russian troops attacked positions in Kupiansk and in Novoselivka, Ukraine's general staff said.",
     "Novoselivka", "UA-14"),
    # counter-examples: no anchor, the larger namesake; an anchor with no namesake near it changes nothing
    ("A teenager from Oceanside was arrested, police said.", "Oceanside", "US-CA"),
    ("Russian troops attacked positions in Novoselivka, Ukraine's general staff said.", "Novoselivka", "UA-51"),
])
def test_the_namesake_next_to_an_unambiguous_town(nlp, text, name, admin1):
    got = {p["name"]: p["admin1"] for p in nlp(text)._.cn_places}
    assert got[name] == admin1


# -- the state in brackets after a county or town -------------------------------------------------
@pytest.mark.parametrize("text,name,admin1", [
    ("The Pike County (Ky.) sheriff said two deputies were shot.", "Pike County", "US-KY"),
    ("Deputies from Lincoln County (Mo.) searched the river.", "Lincoln County", "US-MO"),
    # without the bracket, the largest namesake
    ("The Pike County sheriff said two deputies were shot.", "Pike County", "US-AL"),
])
def test_a_state_in_brackets_is_the_container(nlp, text, name, admin1):
    got = {p["name"]: p["admin1"] for p in nlp(text)._.cn_places}
    assert got[name] == admin1


# -- a small town of the state named after it; names with a capital inside -------------------------
@pytest.mark.parametrize("text,name,admin1", [
    # GeoNames' larger Lafayettes are in Louisiana, Indiana and Colorado; 'Georgia' is then the state
    ("Police said two men were arrested in LaFayette, Georgia, after the robbery.", "LaFayette", "US-GA"),
    ("Gunmen killed five people in Gajiram, Borno, the army said.", "Gajiram", "NG-BO"),
    # a name with a capital inside after 'in', placed in the county's state
    ("Two inmates escaped from a work crew in LaFayette, the Walker County (Ga.) sheriff said.", "LaFayette",
     "US-GA"),
])
def test_small_towns_of_a_named_state(nlp, text, name, admin1):
    got = {p["name"]: p["admin1"] for p in nlp(text)._.cn_places}
    assert got[name] == admin1


def test_a_country_after_its_own_town_stays_the_country(nlp):
    assert places(nlp, "Police said the bomb exploded in Tbilisi, Georgia.")["Georgia"] == ("GEO", "country")


# -- a province's local abbreviation that only one country uses says which country the report is on
@pytest.mark.parametrize("text,name,country", [
    # 'KZN police': KwaZulu-Natal, so the South African Newcastle, not the larger Australian one
    ("Gunmen shot dead two councillors in Newcastle on Sunday, KZN police said. The KZN provincial commissioner "
     "said a task team would hunt the killers.", "Newcastle", "ZAF"),
    # 'KP police' names no other place: Khyber Pakhtunkhwa, and the village is in Pakistan
    ("Militants attacked a police checkpoint in Gul Imam on Monday, killing three officers, KP police said. The "
     "KP government announced compensation for the families.", "Gul Imam", "PAK"),
    ("Militants attacked a police checkpoint in Gul Imam on Monday, killing three officers, KP police said. The "
     "KP government announced compensation for the families.", "Khyber Pakhtunkhwa", "PAK"),
    # 'the J&K police': the village is in India's Jammu and Kashmir
    ("Two soldiers were killed when militants ambushed a patrol near Shewa, the J&K police said.", "Shewa", "IND"),
])
def test_a_local_abbreviation_of_one_country_counts_for_it(nlp, text, name, country):
    assert places(nlp, text)[name][0] == country


@pytest.mark.parametrize("text,expected", [
    ("Militants attacked a police checkpoint, KP police said.", {"PAK": 1}),
    ("Militants attacked a police checkpoint, KPK police said.", {"PAK": 1}),
    ("Militants ambushed an army patrol, the J&K police said.", {"IND": 1}),
    ("Shelling damaged homes, AJK officials said.", {"PAK": 1}),
    ("Officers from NSW Police said two men were arrested.", {"AUS": 1}),
    ("The curfew in Birmingham runs until 11:59 p.m. CT on Sunday.", {}),  # a time zone, not Connecticut
    ("Gunmen killed two men, the SA army said.", {}),  # 'SA': South Africa or South Australia
])
def test_which_local_abbreviations_count(nlp, text, expected):
    pipe = nlp.get_pipe("conflictner_places")
    assert pipe._local_name_countries(nlp(text).ents, pipe.gazetteer) == expected


# -- a township the GeoNames tables lack (towns.jsonl), in a report on its country ----------------
@pytest.mark.parametrize("text,country", [
    ("Soldiers were deployed in Delft, Bishop Lavis and Manenberg after a surge in gang killings on the Cape "
     "Flats, Western Cape police said. Western Cape police said six people were shot dead in Delft on Friday.",
     "ZAF"),
])
def test_a_township_of_the_reports_country_beats_a_namesake_city_abroad(nlp, gaz, text, country):
    assert places(nlp, text)["Delft"][0] == country
    assert gaz.lookup("Delft")[0].country == "NLD"  # without the country: the better-known city


# -- a name after a word for kin is a relative, not a place ----------------------------------------
@pytest.mark.parametrize("text,absent,kept", [
    ("The soldier, who served in Mosul, is survived by his wife Georgia and his brother Jordan.",
     {"Georgia", "Jordan"}, {"Mosul"}),
    ("A British soldier born in Manchester was killed in Syria. He is survived by his mother Michelle and "
     "girlfriend Olivia.", {"Olivia"}, {"Manchester", "Syria"}),
    ("Her son Kabul was killed by a drone in Helmand.", {"Kabul"}, {"Helmand"}),
    # a preposition between: a place again
    ("His brother in Jordan said the family had fled Daraa.", set(), {"Jordan"}),
])
def test_a_name_after_a_word_for_kin_is_a_relative(nlp, text, absent, kept):
    got = set(places(nlp, text))
    assert not got & absent
    assert kept <= got


# -- at sea off a town, and a town named after its country's "'s" --------------------------------
@pytest.mark.parametrize("text,name,qualifier", [
    ("A missile hit a tanker off Mokha on Tuesday, the UKMTO agency said.", "Mocha", "near"),
    ("Houthi rebels attacked a cargo ship off the coast of Hodeidah on Monday.", "Al Ḩudaydah", "near"),
    ("Ukrainian sea drones struck a Russian patrol ship off Crimea overnight.", "Crimea", "near"),
    ("The army called off its offensive in Gaza on Sunday.", "Gaza", None),  # a particle, not 'off X'
    # the NER calls the town a nationality, or nothing at all
    ("Drones hit a market in Sudan's Omdurman on Tuesday, killing five people.", "Omdurman", None),
    ("Militants attacked a checkpost in Pakistan's Dera Ismail Khan district, killing 10 soldiers.",
     "Dera Ismail Khan", None),
])
def test_off_a_town_and_a_countrys_town(nlp, text, name, qualifier):
    got = {p["name"]: p["qualifier"] for p in nlp(text)._.cn_places}
    assert name in got and got[name] == qualifier


def test_a_person_after_a_countrys_s_is_no_place(nlp):
    assert set(places(nlp, "Syria's Assad met Russian officials in Moscow.")) == {"Syria", "Moscow"}
