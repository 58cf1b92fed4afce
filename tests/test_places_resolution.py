"""Toponym resolution rules of the places component: names the gazetteer lacks placed through
the place the text sets them in, namesakes decided by the document, names the NER cut in two,
and the phrases that must not be read as names. Sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from conflictner.components.places import _repeat_mentions, _site_names


def found(nlp, text: str) -> dict[str, dict]:
    return {p["name"]: p for p in nlp(text)._.cn_places}


# -- a site or village the gazetteer lacks, placed through the place the text sets it in ---------
@pytest.mark.parametrize("text,name,country,admin1,precision,qualifier", [
    # 'X in Y'
    ("RSF fighters stormed the Soba University Hospital in Khartoum on Sunday, witnesses said.",
     "Soba University Hospital", "SDN", "SD-KH", 2, "in Khartoum"),
    ("Drones struck the Tarasivka Grain Terminal in Odesa overnight, Ukraine's military said.",
     "Tarasivka Grain Terminal", "UKR", "UA-51", 2, "in Odesa"),
    ("Houthi rebels detained staff at the Al-Thawra Clinic in Sanaa, the UN said.",
     "Al-Thawra Clinic", "YEM", "YE-SA", 2, "in Sanaa"),
    ("Troops raided the Kiwanja Primary School in Rutshuru, local officials said.",
     "Kiwanja Primary School", "COD", "CD-NK", 2, "in Rutshuru"),
    ("Myanmar army jets bombed the Nanhtet Monastery in Kanbalu on Friday, residents said.",
     "Nanhtet Monastery", "MMR", "MM-01", 2, "in Kanbalu"),
    ("ELN rebels attacked the Canton Norte Barracks in Saravena, Arauca, the army said.",
     "Canton Norte Barracks", "COL", "CO-ARA", 2, "in Saravena"),
    # a lower-case kind word between the name and the phrase
    ("M23 rebels shelled the Kanyaruchinya camp near Goma, displacing thousands.",
     "Kanyaruchinya", "COD", "CD-NK", 2, "near Goma"),
    # 'X, Y'
    ("ELN fighters attacked the Bolivar Substation, Cucuta, the army said.",
     "Bolivar Substation", "COL", "CO-NSA", 2, "in Cúcuta"),
    # 'X, a village in Y' and 'in Country's Y': a province locates at region precision
    ("Clashes erupted in Teguey, a village in Tillaberi region, the army said.",
     "Teguey", "NER", "NE-6", 3, "in Tillaberi"),
    ("Jihadists ambushed soldiers near the village of Teguey in Niger's western Tillaberi region.",
     "Teguey", "NER", "NE-6", 3, "in Tillaberi"),
    # 'Y's X'
    ("Mogadishu's Hamar Weyne Market was hit by a car bomb.",
     "Hamar Weyne Market", "SOM", "SO-BN", 2, "in Mogadishu"),
    # a site named after its town
    ("A drone hit the Kramatorsk Railway Station on Friday, Ukrainian officials said.",
     "Kramatorsk Railway Station", "UKR", "UA-14", 2, "in Kramatorsk"),
    ("Houthi fighters advanced on Marib on Monday. Marib Dam was not damaged, officials said.",
     "Marib Dam", "YEM", "YE-MA", 2, "in Ma'rib"),
])
def test_an_unknown_name_is_placed_through_its_container(nlp, text, name, country, admin1, precision, qualifier):
    place = found(nlp, text)[name]
    assert (place["country"], place["admin1"], place["geo_precision"], place["qualifier"]) == (
        country, admin1, precision, qualifier)
    assert place["gazetteer_id"] is None and "places.located" in place["rule_ids"]


@pytest.mark.parametrize("text,name,country,admin1,seat", [
    # (a district the admin2 table lacks: Tanzania's are not in it; Mozambique's Macomia is, see
    # test_places_context.py)
    ("Insurgents attacked villages in Tandahimba District, Tanzanian police said.",
     "Tandahimba District", "TZA", "TZ-17", "Tandahimba"),
    ("Army jets bombed villages in Kanbalu Township, Myanmar media reported.",
     "Kanbalu Township", "MMR", "MM-01", "Kanbalu"),
])
def test_a_district_is_placed_around_the_town_it_is_named_after(nlp, text, name, country, admin1, seat):
    place = found(nlp, text)[name]
    assert (place["kind"], place["country"], place["admin1"], place["geo_precision"], place["qualifier"]) == (
        "admin2", country, admin1, 3, f"around {seat}")


def test_a_located_site_takes_its_containers_coordinates(nlp):
    places = found(nlp, "Gunmen stormed the Mafa General Hospital in Mafa, Borno police said.")
    site, town = places["Mafa General Hospital"], places["Mafa"]
    assert (site["lat"], site["lon"], site["kind"]) == (town["lat"], town["lon"], "facility")


@pytest.mark.parametrize("text,name,country", [
    # the comma ends a clause: the next name qualifies a noun ('Ukraine's air force', 'Benue state police')
    ("Russian drones hit a depot in Rann, Ukraine's air force said.", "Rann", "UKR"),
    ("Fulani herders attacked Agatu and Logo, Benue state police said.", "Logo", "NGA"),
    # an area named after a place is not in it
    ("A shooting was reported at Seasons restaurant in Washington Township.", "Washington Township", "USA"),
    # a country is too large to locate a town by: at most the country, at its own level
    ("An explosion hit a church in Kasindi, a town in eastern Congo, on Sunday.", "Kasindi", "COD"),
    ("Militias clashed in Um Sidir, the Sudanese army said.", "Um Sidir", "SDN"),
])
def test_no_container_no_located_place(nlp, text, name, country):
    # no place of the tables and no container's point: absent, or a place the tables lack at
    # the level of its country (see test_places_unlocated.py)
    place = found(nlp, text).get(name)
    assert place is None or (place["gazetteer_id"], place["geo_precision"], place["country"]) == (None, 3, country)
    assert place is None or not any(r.startswith("places.located") for r in place["rule_ids"])


@pytest.mark.parametrize("text,absent", [
    # a region and the country in it, not the reverse
    ("Analysts said tensions in the Gulf, Qatar and Bahrain were rising.", "Gulf"),
    # a headline's capitals say nothing about names
    ("More Than 100 Killed in Paramilitary Assault on Village in Sudan's Gezira", "Village"),
    # a ministry is an organisation, not a site
    ("Russia's Defense Ministry said air defences downed 20 drones.", "Defense Ministry"),
])
def test_not_a_place(nlp, text, absent):
    assert absent not in found(nlp, text)


def test_a_person_named_like_a_site_is_a_person(nlp):
    doc = nlp.make_doc("The historian Stuart Hall in London wrote about Karl Bremer Hospital in Bellville .")
    doc.ents = [Span(doc, 2, 4, label="PERSON"), Span(doc, 8, 11, label="PERSON")]
    names = [sp.text for sp in _site_names(doc, doc.ents, set())]
    assert names == ["Karl Bremer Hospital"]


# -- lower-case phrases and short fragments are not names ----------------------------------------
@pytest.mark.parametrize("text,absent", [
    ("Gunmen killed five people in the isolated northern state of Roraima, police said.", "Northern State"),
    ("Soldiers from the MoD were deployed to Helmand.", "Modesto"),  # a GeoNames alias of Modesto
    ("The MoD said two soldiers were killed in Helmand province.", "Modesto"),
])
def test_descriptions_and_fragments_are_not_place_names(nlp, text, absent):
    assert absent not in found(nlp, text)


def test_a_capitalized_name_in_a_lower_case_phrase_still_matches(nlp):
    assert found(nlp, "Israeli jets bombed the port of Hodeidah on Saturday.")  # 'port of Hodeidah'


# -- names the NER cut in two ---------------------------------------------------------------------
def test_a_town_name_split_by_the_ner_is_read_whole(nlp):
    places = found(nlp, "Venezuelan migrants are living in Boa Vista, the state capital.")
    assert places["Boa Vista"]["country"] == "BRA"
    assert not {"Boma", "Vista"} & set(places)


# -- which namesake: own names, and the provinces the report names -------------------------------
@pytest.mark.parametrize("text,name,country,admin1", [
    # Southold's name is also among South Bend's GeoNames alternates: its own town wins
    ("The suspect was arrested in Southold, police said.", "Southold", "USA", "US-NY"),
    # the report names the county and state: the Riverdale there, not a larger one elsewhere
    ("The gunman was arrested in Riverdale on Friday. Police in Morris County, New Jersey, said he had fled.",
     "Riverdale", "USA", "US-NJ"),
    # an alternate spelling with no town of its own still finds the town
    ("Russian forces shelled Kupiansk overnight, Ukraine's military said.", "Kupyansk", "UKR", "UA-63"),
])
def test_the_document_picks_the_namesake(nlp, text, name, country, admin1):
    place = found(nlp, text)[name]
    assert (place["country"], place["admin1"]) == (country, admin1)


# -- a name both a state and a town outside it ---------------------------------------------------
@pytest.mark.parametrize("text,name,kind,admin1", [
    ("The National Guard deployed to central Washington after the floods.", "Washington", "admin1", "US-WA"),
    ("Wildfires spread while Oregon and Washington sent crews.", "Washington", "admin1", "US-WA"),
    # the capital when the district follows
    ("Lawmakers from Alaska, Hawaii and Washington, D.C. met on Monday.", "Washington", "populated_place", "US-DC"),
    # a town inside its namesake province keeps the town reading
    ("Kurdish forces shelled positions in northern Kirkuk overnight.", "Kirkuk", "populated_place", "IQ-KI"),
    ("Israeli troops raided central Jenin on Monday.", "Janīn", "populated_place", "PS-JEN"),
])
def test_a_direction_or_a_list_of_states_means_the_state(nlp, text, name, kind, admin1):
    place = found(nlp, text)[name]
    assert (place["kind"], place["admin1"]) == (kind, admin1)


# -- a direction word in front of a known area ---------------------------------------------------
@pytest.mark.parametrize("text,name,qualifier,precision", [
    ("Fighting intensified in Eastern Ukraine as Russian forces advanced.", "Ukraine", "eastern", 3),
    # a name with its direction word is left whole
    ("Jihadists attacked army posts in West Darfur.", "West Darfur", None, 3),
    ("Heavy fighting was reported in North Kivu.", "North Kivu", None, 3),
])
def test_a_direction_word_before_a_known_area(nlp, text, name, qualifier, precision):
    place = found(nlp, text)[name]
    assert (place["qualifier"], place["geo_precision"]) == (qualifier, precision)


# -- one name, one place in a report -------------------------------------------------------------
def _record(start: int, end: int) -> dict:
    return {"id": "place-0", "name": "Kurmuk", "kind": "populated_place", "mentions": [[0, 0]],
            "tokens": [[start, end]]}


def test_a_resolved_town_is_the_same_town_where_the_ner_missed_it(nlp):
    doc = nlp.make_doc("Fighters attacked Kurmuk on Monday . Residents of Kurmuk fled , and the Kurmuk area "
                       "emptied . Kurmuk Hospital closed .")
    rec = _record(2, 3)
    _repeat_mentions(doc, [rec], set())
    got = [doc[s:e].text for s, e in rec["tokens"]]
    assert got == ["Kurmuk", "Kurmuk", "Kurmuk"]  # not 'Kurmuk Hospital', a longer name
    assert rec["tokens"][1:] == [[8, 9], [13, 14]]


@pytest.mark.parametrize("label,kept", [("PERSON", False), ("ORG", True)])
def test_a_person_of_the_same_name_needs_a_preposition(nlp, label, kept):
    # 'Kurmuk said': the NER's person stays a person unless a preposition or 'the' governs it
    doc = nlp.make_doc("Fighters attacked Kurmuk on Monday . Kurmuk said the town had fallen .")
    doc.ents = [Span(doc, 6, 7, label=label)]
    rec = _record(2, 3)
    _repeat_mentions(doc, [rec], set())
    assert ([6, 7] in rec["tokens"]) is kept


def test_a_name_two_places_share_is_not_spread(nlp):
    doc = nlp.make_doc("Troops entered Kurmuk . Kurmuk and Kurmuk were hit .")
    a, b = _record(2, 3), _record(4, 5)
    b["id"] = "place-1"
    _repeat_mentions(doc, [a, b], set())
    assert a["tokens"] == [[2, 3]] and b["tokens"] == [[4, 5]]


# the noun before 'of' says which reading of a shared name is meant
@pytest.mark.parametrize("text,name,kind", [
    ("Six police officers were killed in the northern department of Antioquia.", "Antioquia", "admin1"),
    ("Gunmen opened fire outside a bar in the central Mexican state of Guanajuato.", "Guanajuato", "admin1"),
    ("Israeli strikes hit military sites in the southern province of Daraa.", "Daraa", "admin1"),
    ("Gunmen attacked a bus in the city of Guanajuato on Sunday.", "Guanajuato", "populated_place"),
    ("Fighters seized the town of Kidal after a week of clashes.", "Kidal", "populated_place"),
])
def test_unit_or_town_before_of(nlp, text, name, kind):
    doc = nlp(text)
    (p,) = [p for p in doc._.cn_places if name in p["name"] or p["name"] in name]
    assert p["kind"] == kind


# 'territory' and 'state' name countries too: a country the report is about keeps its reading
# against a province abroad that shares its name (the US state of Georgia)
@pytest.mark.parametrize("text", [
    "Russian troops crossed into Georgia in August. Tbilisi said Russian forces had mined the border territory "
    "of Georgia near South Ossetia.",
    "Azerbaijan and Armenia traded fire near Nagorno-Karabakh. Baku accused Armenian units of shelling the "
    "border territory of Georgia, and Georgia protested.",
    "Georgia's interior ministry said Russian-backed forces moved fences deeper into the state of Georgia "
    "near Tskhinvali, and Tbilisi protested.",
])
def test_a_country_the_report_is_about_keeps_its_reading_after_a_unit_noun(nlp, text):
    doc = nlp(text)
    assert {(p["country"], p["kind"]) for p in doc._.cn_places if p["name"] == "Georgia"} == {("GEO", "country")}


# -- 'X, County': a small place named by its area ------------------------------------------------
@pytest.mark.parametrize("text,name,country,admin1,kind,qualifier", [
    # a town the NER left untagged or called an organisation: the namesake inside the area
    ("Two men were stabbed outside a pub. Police were called to Croft, Yorkshire, at midnight.",
     "Croft", "GBR", "GB-ENG", "populated_place", None),
    ("Regime jets struck Kafr Nabl, Idlib, on Tuesday, rescuers said.", "Kafranbel", "SYR", "SY-ID",
     "populated_place", None),
    ("ELN fighters ambushed a patrol at Tame, Arauca, the army said.", "Tame", "COL", "CO-ARA",
     "populated_place", None),
    # a name the gazetteer lacks (or has only abroad) is located in the area
    ("Gunmen attacked Yelwata, Benue, on Friday night, killing dozens of displaced farmers.",
     "Yelwata", "NGA", "NG-BE", "populated_place", "in Benue"),
    ("Al-Shabaab fighters overran Mahaday, Middle Shabelle, on Sunday.", "Mahaday", "SOM", "SO-SD",
     "populated_place", "in Middle Shabelle"),
    ("Protesters blocked the gates of Rockingham, Northamptonshire, overnight.", "Rockingham", "GBR", "GB-ENG",
     "populated_place", "in Northamptonshire"),
    # an entity the NER ran across the comma; a region inside one province locates like a province
    ("Fixtures: 28 April, Donington Park, Leicestershire; 9 June, Oulton Park, Cheshire.",
     "Donington Park", "GBR", "GB-ENG", "facility", "in Leicestershire"),
    ("Fixtures: 28 April, Donington Park, Leicestershire; 9 June, Oulton Park, Cheshire.",
     "Oulton Park", "GBR", "GB-ENG", "facility", "in Cheshire"),
])
def test_a_name_before_a_comma_and_its_area(nlp, text, name, country, admin1, kind, qualifier):
    place = found(nlp, text)[name]
    assert (place["country"], place["admin1"], place["kind"], place["qualifier"]) == (country, admin1, kind, qualifier)


@pytest.mark.parametrize("text,absent", [
    # a person, a news agency or a group before a country is no town of it
    ("Speaking to Reuters, Ukraine's foreign minister denied the report.", "Reuters"),
    ("According to Amnesty International, Nigeria has failed to protect villagers.", "Amnesty International"),
    # the area qualifies the noun after it: not a place and its area
    ("Officers told Hartley, Kent police said, that the road was closed.", "Hartley"),
    # dates and nationalities
    ("On Sunday, Texas police arrested two men.", "Sunday"),
    ("Pro-Kurdish, Syrian and Iraqi groups met in Geneva.", "Kurdish"),
])
def test_no_name_and_area_pair(nlp, text, absent):
    assert absent not in found(nlp, text)


# -- 'Y's suburb of X': a part of a town named through its owner ----------------------------------
@pytest.mark.parametrize("text,name,country,admin1,qualifier", [
    ("Shelling hit Khartoum's eastern district of Haj Yousif overnight, residents said.",
     "Haj Yousif", "SDN", "SD-KH", "in Khartoum"),
    ("Kurdish fighters held Aleppo's neighbourhood of Sheikh Maqsoud.", "Sheikh Maqsoud", "SYR", "SY-HL", "in Aleppo"),
    ("Gunmen attacked Mogadishu's district of Hodan on Friday.", "Hodan", "SOM", "SO-BN", "in Mogadishu"),
    ("Israel's strike on Beirut's southern suburb of Dahiyeh killed a commander.", "Dahiyeh", "LBN", "LB-BA",
     "in Beirut"),
    ("On a pitch in Cairo's gated suburb of Madinaty, boys train in red jerseys.", "Madinaty", "EGY", "EG-C",
     "in Cairo"),
])
def test_a_part_of_a_town_is_placed_through_its_owner(nlp, text, name, country, admin1, qualifier):
    place = found(nlp, text)[name]
    assert (place["country"], place["admin1"], place["qualifier"], place["geo_precision"]) == (
        country, admin1, qualifier, 2)


@pytest.mark.parametrize("text,absent", [
    # the owner's phrase must name a part of it: an official is no place
    ("Kyiv's mayor of Bucha fame, Vitali Klitschko, spoke.", "Vitali Klitschko"),
    ("Nigeria's minister of Defence visited Maiduguri.", "Defence"),
])
def test_an_owners_phrase_that_names_no_part_is_no_place(nlp, text, absent):
    assert absent not in found(nlp, text)


@pytest.mark.parametrize("text,name,admin1,located", [
    # the NER tags only 'Kasserine': the governorate, and the mountain located in it
    ("Tunisian troops have struggled to contain the insurgency in Mount Chaambi, Kasserine governorate.",
     "Al Qasrayn", "TN-al-qasrayn", "Mount Chaambi"),
    ("Gunmen killed 12 people in Kaduna state, Nigerian police said.", "Kaduna", "NG-KD", None),
])
def test_a_name_and_a_first_level_unit_word_is_the_province(nlp, text, name, admin1, located):
    places = found(nlp, text)
    assert (places[name]["kind"], places[name]["admin1"]) == ("admin1", admin1)
    if located:
        assert places[located]["qualifier"] == f"in {name}"


# '<town/city/village> of X': a name the small NER calls a person or an organisation is a place
@pytest.mark.parametrize("text,name,country", [
    ("Mali's army said it had killed dozens of fighters in air strikes near the northern town of Tessalit.",
     "Tessalit", "MLI"),
    ("Gunmen stormed the town of Mirebalais in central Haiti on Thursday.", "Mirebalais", "HTI"),
    ("Drones struck the city of Kramatorsk overnight, officials said.", "Kramatorsk", "UKR"),
    # the small NER calls these a PRODUCT, an EVENT
    ("Gang members opened fire on a police station in the town of Mirebalais overnight, police said.",
     "Mirebalais", "HTI"),
    ("Shelling hit the city of Tumaco overnight, Colombian police said.", "Tumaco", "COL"),
    # a WORK_OF_ART that runs on past the name: the name alone, and the places after it kept
    ("Insurgents attacked the town of Macomia in Mozambique's Cabo Delgado province on Friday, officials said.",
     "Macomia", "MOZ"),
    ("Insurgents attacked the town of Macomia in Mozambique's Cabo Delgado province on Friday, officials said.",
     "Cabo Delgado", "MOZ"),
])
def test_a_name_after_town_of_is_a_place_whatever_the_ner_says(nlp, text, name, country):
    places = found(nlp, text)
    assert places[name]["country"] == country


def test_a_person_after_of_is_no_place(nlp):
    places = found(nlp, "Supporters of Ibrahim Traore rallied in the capital on Friday.")
    assert "Ibrahim Traore" not in places


# -- a place name that is part of a street's or a saint's ------------------------------------------
@pytest.mark.parametrize("text,not_a_place,place", [
    # a street named after a town: the street is in the town the sentence names
    ("Russian shells hit houses on Donetsk St. in Kramatorsk, Ukrainian officials said.", "Donetsk", "Kramatorsk"),
    # a possessive saint's name before a site word: a dedication, not the town St. John's
    ("A suicide bomber struck St. John's Cathedral in Peshawar, Pakistani police said.", "St. John's", "Peshawar"),
    ("Jihadists burned St. Paul's Church near Djibo, Burkina Faso's army said.", "Paul", "Djibo"),
])
def test_a_name_inside_a_streets_or_a_saints_name_is_not_that_place(nlp, text, not_a_place, place):
    names = {p["name"]: p for p in nlp(text)._.cn_places}
    assert place in names
    assert not_a_place not in names


# -- a continent's, cross-border region's or sea's name inside an organisation's name --------------
@pytest.mark.parametrize("text,region,place", [
    ("The Council of Europe condemned the killings in Mariupol, Ukraine's foreign ministry said.", "Europe",
     "Mariupol"),
    ("Protesters gathered outside the Bank of Asia branch in Yangon, Myanmar's junta said.", "Asia", "Yangon"),
    # a sea's name too
    ("The North Atlantic Council met after Russian missiles struck Lviv, Ukraine's air force said.",
     "Atlantic Ocean", "Lviv"),
])
def test_a_region_inside_an_organisations_name_is_not_that_region(nlp, text, region, place):
    names = {p["name"] for p in nlp(text)._.cn_places}
    assert place in names
    assert region not in names


def test_a_sea_the_ner_tags_as_an_organisation_with_its_article_is_still_the_sea(nlp):
    # the small NER tags 'the Bab el-Mandeb' ORG: no longer name than the strait's own
    doc = nlp("Houthi forces fired missiles at a cargo ship, a new threat for vessels using the Bab el-Mandeb strait.")
    assert "Bab el-Mandeb" in {p["name"] for p in doc._.cn_places}


# -- a plural unit word after a list of names names each of them ----------------------------------
@pytest.mark.parametrize("text,name,kind,admin1", [
    ("Bandits killed 30 villagers in attacks across Zamfara and Kaduna states, police said.", "Kaduna", "admin1",
     "NG-KD"),
    ("Clashes in Katsina, Sokoto and Zamfara states left 40 dead, Nigerian officials said.", "Katsina", "admin1",
     "NG-KT"),
    ("Pakistani jets struck hideouts in Afghanistan's Khost and Paktika provinces, the Taliban said.", "Khost",
     "admin1", "AF-KHO"),
    ("Russia said it destroyed 35 Ukrainian drones over the Belgorod, Kursk and Voronezh regions.", "Kursk", "admin1",
     "RU-KRS"),
    # no unit word: the towns
    ("Gunmen attacked churches in Kaduna and Zaria on Sunday, police said.", "Kaduna", "populated_place", "NG-KD"),
    ("Officials from Kaduna and United States envoys met in Abuja on Sunday.", "Kaduna", "populated_place", "NG-KD"),
])
def test_a_plural_unit_word_after_a_list_makes_each_name_the_unit(nlp, text, name, kind, admin1):
    place = {p["name"]: p for p in nlp(text)._.cn_places}[name]
    assert (place["kind"], place["admin1"]) == (kind, admin1)


def test_a_direction_cut_from_an_elided_pair_is_no_place(nlp):
    # the NER tags 'North and' of 'North and South Waziristan' as a place
    names = {p["name"] for p in nlp("Militants attacked checkpoints in North and South Waziristan districts, "
                                    "Pakistan's army said.")._.cn_places}
    assert "North and" not in names and "South Waziristan" in names


def test_a_countrys_name_the_ner_missed_is_read_whole(nlp):
    # the NER calls 'Papua New Guinea' a person: not the Indonesian province Papua
    places = {p["name"]: p["country"] for p in nlp("Papua New Guinea police said tribal fighters killed 26 people "
                                                    "in Enga province.")._.cn_places}
    assert places.get("Papua New Guinea") == "PNG" and "Papua" not in places
    # but not inside an organisation's name
    names = {p["name"] for p in nlp("A tanker was hit by a missile, according to the United Kingdom Maritime Trade "
                                    "Operations agency.")._.cn_places}
    assert "United Kingdom" not in names


def test_a_qualifier_before_an_area_naming_a_town_qualifies_the_town(nlp):
    # 'Near Burkina Faso Town': the town is near, not the country
    doc = nlp("Jihadist Attack Near Burkina Faso Town Kills Dozens\n\nGunmen killed 30 people near Djibo, officials said.")
    places = {p["name"]: p for p in doc._.cn_places}
    assert (places["Burkina Faso"]["qualifier"], places["Djibo"]["qualifier"]) == (None, "near")


# -- first-level units the curated table lacks, in a country it covers -----------------------------
@pytest.mark.parametrize("text,name,kind,admin1", [
    ("A Ukrainian drone struck an oil refinery in Bashkortostan overnight, the region's governor said.",
     "Bashkortostan", "admin1", "RU-bashkortostan"),
    # a town of such a unit has its admin1
    ("A drone hit a metals plant in Chelyabinsk, Russian officials said.", "Chelyabinsk", "populated_place",
     "RU-chelyabinsk"),
])
def test_every_geonames_unit_of_a_curated_country_is_known(nlp, text, name, kind, admin1):
    place = {p["name"]: p for p in nlp(text)._.cn_places}[name]
    assert (place["kind"], place["country"], place["admin1"]) == (kind, "RUS", admin1)


@pytest.mark.parametrize("text", [
    "Russian President Vladimir Putin said the strikes would continue.",  # Vladimir Oblast, named after its town
    "The tanker Marlin Luanda was hit by a missile, the ship's operator said.",  # Luanda Province, likewise
])
def test_a_generated_unit_named_after_its_town_is_not_matched_in_any_name(nlp, text):
    assert nlp(text)._.cn_places == []
