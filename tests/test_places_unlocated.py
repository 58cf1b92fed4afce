"""Names no place table knows and no known place in the text locates: kept at the level that is
known (ACLED's geo_precision 3), in the country the text gives them or the country the report is
clearly about, and never when they do not read as places. Sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from conflictner.components.places import _clear_lead, _locative_use, _person_names, _place_like


def found(nlp, text: str) -> dict[str, dict]:
    return {p["name"]: p for p in nlp(text)._.cn_places}


# -- in the country the report is clearly about --------------------------------------------------
@pytest.mark.parametrize("text,name,country,admin1,qualifier", [
    # Sudan named by its province twice and itself: the village is in North Kordofan
    ("Sudanese army troops clashed with the Rapid Support Forces in North Kordofan on Monday. In Sudan's "
     "North Kordofan state, residents said RSF fighters also looted shops in Um Sumeima.",
     "Um Sumeima", "SDN", "SD-KN", "in North Kordofan, the report's province"),
    # Nigeria named three times, Borno once by name: Borno
    ("Islamist fighters attacked the town of Ngala in northeastern Nigeria, killing nine. Nigeria's army said "
     "Nigeria would send more troops to Borno, and troops later clashed with militants in Kirawa.",
     "Kirawa", "NGA", "NG-BO", "in Borno, the report's province"),
    # one town named once ('officials in Aden') says nothing of the province: the country
    ("Houthi drones struck a fuel depot in Khamer, Yemen's government said. Yemen's coast guard said Yemen had "
     "seen more strikes this month, and Yemeni officials in Aden condemned the attack.",
     "Khamer", "YEM", None, "in Yemen, the report's country"),
    ("Colombia's army said troops clashed with FARC dissidents near Huisito, Colombia's defence minister said, "
     "after Colombia's president ordered an offensive. Petro said Colombia would not negotiate.",
     "Huisito", "COL", None, "in Colombia, the report's country"),
])
def test_an_unknown_name_is_placed_in_the_reports_country(nlp, text, name, country, admin1, qualifier):
    place = found(nlp, text)[name]
    assert (place["country"], place["admin1"], place["geo_precision"], place["gazetteer_id"],
            place["qualifier"]) == (country, admin1, 3, None, qualifier)
    assert place["rule_ids"][0] == "places.unlocated_in_document_country"
    assert place["lat"] is not None and place["lon"] is not None


def test_a_name_holding_a_seas_is_no_town_of_the_reports_country(nlp):
    text = ("The Philippines said Chinese coast guard ships fired water cannon near Manila's outposts. Philippine "
            "officials said Philippine patrols were stepped up in the western Pacific equatorial region and the "
            "Philippines would protest.")
    assert not [p for p in nlp(text)._.cn_places if "Pacific" in p["name"]]


# -- in the country the text gives it --------------------------------------------------------------
@pytest.mark.parametrize("text,name,country", [
    ("JNIM fighters attacked a military camp in Boulkessi in central Mali on Tuesday. The army said the "
     "assault was repelled.", "Boulkessi", "MLI"),
    ("Government troops and ADF rebels clashed in Kikingi, a town in eastern Congo, on Sunday.", "Kikingi", "COD"),
    # the adjective of a constituent country of the UK
    ("Counter-terrorism police said a man was stabbed in the English village of Great Wishford on Friday.",
     "Great Wishford", "GBR"),
    # a nationality adjective before 'town/village of' says the country, whoever fired
    ("Hezbollah fired rockets at the Israeli town of Kiryat Shmona and the Israeli village of Margaliot, "
     "Lebanon's state media said.", "Margaliot", "ISR"),
])
def test_an_unknown_name_is_placed_in_the_country_the_text_gives(nlp, text, name, country):
    place = found(nlp, text)[name]
    assert (place["country"], place["geo_precision"], place["gazetteer_id"]) == (country, 3, None)
    assert place["rule_ids"][0] == "places.unlocated_in_stated_country"


# -- no clear country, or the name is not used as a place: dropped --------------------------------
@pytest.mark.parametrize("weight,placed,lead", [
    ({"SDN": 5, "TCD": 1}, {"SDN", "TCD"}, "SDN"),
    ({"SDN": 3, "TCD": 2}, {"SDN", "TCD"}, None),  # about as often: neither
    ({"SDN": 1}, {"SDN"}, "SDN"),  # the only country named
    ({"SDN": 1, "TCD": 1}, {"SDN", "TCD"}, None),
    ({"RUS": 2, "USA": 1}, {"USA"}, None),  # only an actor names Russia ('Ben Wagner' misread)
])
def test_the_reports_country_must_lead_clearly(weight, placed, lead):
    assert _clear_lead(weight, placed) == lead


@pytest.mark.parametrize("text,start,end,label,expected", [
    ("Fighters attacked an outpost at Ceel Dheere on Sunday.", 5, 7, "GPE", True),
    ("The EU said it would send aid.", 1, 2, "GPE", False),  # an acronym no table knows
    ("Sanctions by the West hurt the economy.", 3, 4, "LOC", False),  # a bare direction
    ("Comparisons with Nazi Germany were made.", 2, 4, "GPE", False),  # holds a country's name
    ("He is a professor at Khartoum University.", 5, 7, "ORG", False),  # an affiliation
    # holds a sea's name: a stretch of sea the NER cut short, never a town
    ("Patrols were stepped up in the western Pacific equatorial region.", 7, 9, "LOC", False),
    ("Boats were intercepted in the Atlantic Mauritanian waters.", 5, 7, "LOC", False),
])
def test_what_reads_as_a_place(nlp, text, start, end, label, expected):
    doc = nlp(text)
    gaz = nlp.get_pipe("conflictner_places").gazetteer
    assert _place_like(Span(doc, start, end, label=label), gaz) is expected


@pytest.mark.parametrize("text,start,end,label,expected", [
    ("Militants attacked a checkpoint in Ceel Dheere on Sunday.", 5, 7, "GPE", True),
    ("Soldiers were killed west of the Golis range.", 5, 6, "LOC", True),
    ("Residents fled the fighting in the Hodan area.", 6, 7, "GPE", True),  # the noun says 'place'
    ("Farmers voted in Modi's name.", 3, 4, "GPE", False),  # a possessor
    ("She starred in the Broadway smash.", 4, 5, "GPE", False),  # qualifies a noun
    ("Salah scored twice on Sunday.", 0, 1, "GPE", False),  # no preposition
    ("A letter was sent to the Carter Center.", 6, 8, "ORG", False),  # not a place word, not 'at/in'
])
def test_what_is_used_as_a_place(nlp, text, start, end, label, expected):
    doc = nlp(text)
    assert _locative_use(Span(doc, start, end, label=label)) is expected


def test_a_persons_surname_or_a_firm_is_no_place(nlp):
    doc = nlp.make_doc("Mohamed Salah met Wedbush Securities staff at Karl Bremer Hospital .")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 5, label="ORG"), Span(doc, 7, 10, label="PERSON")]
    names = _person_names(doc)
    assert {"salah", "mohamed", "wedbush", "wedbush securities"} <= names
    assert "karl bremer hospital" not in names  # a site the NER called a person


def test_an_unknown_name_beside_another_country_is_not_put_in_the_reports_country(nlp):
    # the report is about Iraq; the sentence on Tinzaouaten names Algeria: no guess
    text = ("Islamic State militants ambushed an Iraqi army patrol in Kirkuk province, Iraq's army said. Iraq's "
            "interior ministry said Iraq would send troops to Kirkuk. Separately, rebels said they had killed "
            "soldiers in fighting near Tinzaouaten, close to the border with Algeria. In Kirkuk province, "
            "militants also attacked a checkpoint in Wadi al-Shay.")
    places = found(nlp, text)
    assert "Tinzaouaten" not in places
    assert places["Wadi al-Shay"]["country"] == "IRQ"  # the same report's own village is kept


# -- events -----------------------------------------------------------------------------------------
def test_an_event_is_placed_at_the_unknown_village_not_only_the_country(extract):
    text = ("Sudanese army troops clashed with the Rapid Support Forces in North Kordofan on Monday. In Sudan's "
            "North Kordofan state, residents said RSF fighters attacked the market in Um Sumeima, killing "
            "seven people.")
    x = extract(text)
    places = {p.id: p for p in x.places}
    ev = next(e for e in x.events if e.fatalities and e.fatalities.min == 7)
    place = places[ev.place_id]
    assert (place.name, place.country, place.admin1, ev.geo_precision) == ("Um Sumeima", "SDN", "SD-KN", 3)


# -- the report's own country and province, on the Extraction -------------------------------------
@pytest.mark.parametrize("text,country,admin1", [
    # Sudan three times (province, "Sudan's", actor): Sudan, and North Kordofan twice
    ("Sudanese army troops clashed with the Rapid Support Forces in North Kordofan on Monday. In Sudan's "
     "North Kordofan state, residents said RSF fighters also looted shops in Um Sumeima.", "SDN", "SD-KN"),
    # Mali's towns in three regions: the country, no one province
    ("JNIM fighters attacked an army post near Boni in central Mali. Malian troops later clashed with the "
     "militants outside Gao, and a convoy was ambushed near Kidal, the army said.", "MLI", None),
    # a Myanmar report whose places all fall in Rakhine
    ("The Arakan Army said it had captured a junta base in Rakhine state. Fighting also spread to Sittwe and "
     "Kyauktaw in Rakhine, residents said, as Myanmar's military launched air strikes.", "MMR", "MM-16"),
    # two countries named about equally: no one country leads
    ("Delegations from Ethiopia and Eritrea met in Jeddah. Ethiopia's envoy said Eritrea had agreed to talks.",
     None, None),
    # the only country named, if only once
    ("Gunmen killed four people in an attack on a village in Kenya on Sunday, witnesses said.", "KEN", None),
    # one country named once beside another: no lead
    ("Gunmen killed four people near the border between Kenya and Somalia, witnesses said.", None, None),
])
def test_the_extraction_says_which_country_and_province_the_report_is_about(extract, text, country, admin1):
    result = extract(text)
    assert (result.report_country, result.report_admin1) == (country, admin1)
    again = type(result).model_validate_json(result.model_dump_json())
    assert (again.report_country, again.report_admin1) == (country, admin1)


# -- a small town abroad that the report has no reason to visit -----------------------------------
@pytest.mark.parametrize("text,name,country", [
    # Turkey has a small Solhan, the report is about Burkina Faso and never names Turkey
    ("Gunmen killed more than 130 people in an overnight raid on Solhan, the government of Burkina Faso said. "
     "Burkina Faso's president declared three days of mourning after the attack near Sebba.", "Solhan", "BFA"),
    # the gazetteer's nearest name is a German town
    ("Gunmen killed 17 villagers in an attack on Zike, Nigeria's police said, days after an attack on Miango in "
     "Plateau state. Nigeria's president condemned the killings.", "Zike", "NGA"),
])
def test_a_small_foreign_namesake_gives_way_to_the_reports_country(nlp, text, name, country):
    place = found(nlp, text)[name]
    assert (place["country"], place["geo_precision"], place["gazetteer_id"]) == (country, 3, None)
    assert place["rule_ids"][0] == "places.unlocated_in_document_country"


@pytest.mark.parametrize("text,name,country,precision", [
    # the other country is named by another of its places
    ("RSF fighters shelled El Fasher and Tawila on Sunday, Sudan's army said, and Sudan's government said 20 "
     "people died. Fighting around Sake, west of Goma, also forced thousands to flee.", "Sake", "COD", 2),
    # ... or by its own name
    ("Sudanese refugees fled to Adre in Chad after RSF fighters attacked El Geneina, the Sudanese army said. "
     "Fighting continued in West Darfur.", "Adré", "TCD", 1),
    # ... or it lies next to the report's towns: a border story crosses the border
    ("Thousands of refugees crossed to Adre after RSF fighters attacked El Geneina, the Sudanese army said. "
     "Sudan's government said the fighting in El Geneina had killed dozens.", "Adré", "TCD", 1),
    # a capital and a large city are not strays
    ("Sudan's army said RSF drones struck Port Sudan and Kassala. A Sudanese delegation later flew to "
     "N'Djamena for talks on the fighting in Sudan.", "N'Djamena", "TCD", 1),
    ("Sudan's army chief flew to Jeddah for talks after RSF shelling killed 12 people in Omdurman, Sudan's "
     "health ministry said.", "Jeddah", "SAU", 1),
])
def test_a_foreign_town_the_report_has_reason_to_name_stays_abroad(nlp, text, name, country, precision):
    place = found(nlp, text)[name]
    assert (place["country"], place["geo_precision"]) == (country, precision)
    assert place["gazetteer_id"] is not None


def test_the_reports_country_is_weighed_on_the_places_as_resolved(nlp):
    # Lebanon has a Tripoli too: before resolution the name counts for neither country, after it
    # for Libya, twice, and the unknown wadi is put there
    doc = nlp("Gunmen attacked a church in Tripoli on Sunday. Police in Tripoli said the attackers fled towards "
              "Tajoura and a camp near Wadi al-Rabie.")
    places = {p["name"]: p for p in doc._.cn_places}
    assert (places["Wadi al-Rabie"]["country"], places["Wadi al-Rabie"]["geo_precision"]) == ("LBY", 3)
    assert doc._.cn_report == {"country": "LBY", "admin1": None}


def test_an_acronym_is_no_town_of_the_reports_country(nlp):
    # 'OAS' is also a town in Albay: it must not make the Philippines the report's country
    doc = nlp("The OAS said observers were attacked near Ti Ravin.")
    assert doc._.cn_report == {"country": None, "admin1": None}
    assert "Ti Ravin" not in {p["name"] for p in doc._.cn_places}
