"""Actors at the behaviour level: a table of sentences from many conflicts and the actor each
must yield (span text, kind, country, backers). The seed article is not used here."""

from __future__ import annotations

import pytest

from conflictner import Extraction

# (sentence, mention text, kind, country or None, backers)
ACTORS = [
    ("Hizballah fired anti-tank missiles at an Israeli army post.", "Hizballah", "militia", "LBN", ["IRN"]),
    ("Fighters from al Shabaab stormed a hotel in Mogadishu.", "al Shabaab", "insurgent_group", "SOM", []),
    ("Kata'ib Hezbollah denied any role in the drone attack.", "Kata'ib Hezbollah", "militia", "IRQ", ["IRN"]),
    ("ISWAP fighters overran a base in Borno state.", "ISWAP fighters", "insurgent_group", "NGA", []),
    ("The Rapid Support Forces shelled El Fasher on Sunday.", "Rapid Support Forces", "paramilitary", "SDN", None),
    ("M23 rebels seized the town of Rubaya.", "M23 rebels", "rebel_group", "COD", ["RWA"]),
    ("The Arakan Army captured a military command in Rakhine.", "Arakan Army", "rebel_group", "MMR", None),
    ("ELN guerrillas bombed an oil pipeline in Arauca.", "ELN guerrillas", "rebel_group", "COL", None),
    ("Russian forces shelled Kherson overnight.", "Russian forces", "state_forces", "RUS", []),
    ("Somali soldiers repelled the assault.", "Somali soldiers", "state_forces", "SOM", []),
    ("The Israeli army said it struck targets in Rafah.", "Israeli army", "state_forces", "ISR", []),
    ("U.S. troops came under rocket fire in eastern Syria.", "U.S. troops", "state_forces", "USA", []),
    ("Iranian-backed militias fired drones at a base in Syria.", "Iranian-backed militias", "militia", None, ["IRN"]),
    ("Iran-aligned factions claimed the attack.", "Iran-aligned factions", "militia", None, ["IRN"]),
    ("Unidentified gunmen killed a local chief near Bunia.", "Unidentified gunmen", "unidentified_armed_group",
     None, []),
    ("Suspected jihadists attacked a convoy in northern Burkina Faso.", "Suspected jihadists", "insurgent_group", None, []),
    ("Security forces killed three militants in Balochistan.", "Security forces", "state_forces", None, []),
    ("Villagers fled after the attack on Solenzo.", "Villagers", "civilians", None, []),
    ("Police said gunmen abducted 20 students in Kaduna.", "gunmen", "unidentified_armed_group", None, []),
    ("Houthi forces fired a missile at a tanker.", "Houthi forces", "rebel_group", "YEM", None),
    ("Wagner fighters and Malian soldiers killed dozens in Moura.", "Wagner fighters", "other", "RUS", None),
    ("The Tigray People's Liberation Front accused the army of shelling Mekelle.", "Tigray People's Liberation Front",
     "rebel_group", "ETH", None),
    ("Fighters of the Popular Resistance Army (PRA) attacked Kassala.", "Popular Resistance Army", "other", None, []),
    # a state's name of several words whose last word is another state's
    ("South Sudan police said cattle raiders killed 20 people.", "South Sudan police", "police", "SSD", []),
    ("Police in South Sudan said cattle raiders killed 20 people.", "Police", "police", "SSD", []),
    ("Papua New Guinea police said tribal fighters killed 26 people.", "Papua New Guinea police", "police", "PNG",
     []),
    ("Troops in Papua New Guinea were deployed to Enga.", "Troops", "state_forces", "PNG", []),
]


def actor_at(x: Extraction, text: str):
    for a in x.actors:
        if any(m.text == text or m.text.endswith(text) for m in a.mentions):
            return a
    return None


def _raw_actors(nlp, text: str):
    """Every actor record, candidates included: role-less actors are dropped from the output."""
    doc = nlp.make_doc(text)
    doc._.cn_meta = {"doc_id": "t", "published": "2024-06-12", "url": None, "outlet": None, "title": None}
    return nlp(doc)._.cn_actors


@pytest.mark.parametrize("text,mention,kind,country,backers", ACTORS, ids=[a[1] for a in ACTORS])
def test_actor_table(nlp, text, mention, kind, country, backers):
    recs = _raw_actors(nlp, text)
    found = [a for a in recs if any(text[s:e] == mention for s, e in a["mentions"])]
    assert found, (mention, [(a["name"], [text[s:e] for s, e in a["mentions"]]) for a in recs])
    a = found[0]
    assert a["kind"] == kind
    assert a["country"] == country
    if backers is not None:
        assert sorted(a["backers"]) == sorted(backers)


def test_umbrella_relation(extract):
    x = extract("The Islamic Resistance in Iraq, an umbrella group of Iranian-backed militias, claimed the "
                "drone attack on a base in Syria.", published="2024-01-29")
    iri = next(a for a in x.actors if a.name == "Islamic Resistance in Iraq")
    militias = next(a for a in x.actors if a.name == "Iranian-backed militias")
    assert militias.parent_id == iri.id and "IRN" in iri.backers


def test_defined_acronym_and_the_group_resolve_to_one_actor(nlp):
    text = ("Fighters of the Sudan Liberation Forces Alliance (SLFA) attacked a checkpoint near Kutum on Monday. "
            "SLFA later withdrew, and the group said it had lost two men.")
    recs = _raw_actors(nlp, text)
    slfa = [a for a in recs if "SLFA" in [text[s:e] for s, e in a["mentions"]]]
    assert len(slfa) == 1
    assert [text[s:e] for s, e in slfa[0]["mentions"]].count("SLFA") == 2


def test_two_different_groups_are_never_merged(nlp):
    text = "JNIM and the Islamic State Sahel Province clashed near Menaka; the group later claimed victory."
    recs = _raw_actors(nlp, text)
    names = {a["name"] for a in recs}
    assert {"Jama'at Nusrat al-Islam wal-Muslimin", "Islamic State Sahel Province"} <= names or len(
        [a for a in recs if not a["descriptor"]]) >= 2
    # 'the group' is ambiguous between two groups: it joins neither
    assert not any("the group" in [text[s:e] for s, e in a["mentions"]] for a in recs)


def test_place_words_inside_names_are_not_places(extract):
    x = extract("The Islamic Resistance in Iraq claimed a drone attack on a base in Syria on Sunday.",
                published="2024-01-29")
    assert [p.country for p in x.places] == ["SYR"]


# (sentence, a word that must NOT be an affiliation mention, why)
NOT_AFFILIATIONS = [
    ("Saudi Arabia hosted the talks between the army and the RSF.", "Saudi", "part of a state's name"),
    ("The Syrian Democratic Forces handed Raqqa over to the new authorities.", "Syrian", "part of a group's name"),
    ("Drones struck the Sudanese town of Tawila at dawn.", "Sudanese", "a place qualifier, not a side"),
    ("Smugglers use the Mali-Niger border to move fuel.", "Niger", "a border is geography"),
    ("Separatists killed six villagers in Cameroon's English-speaking Northwest region.", "English", "a language"),
    ("A French-language daily in Bamako said the convoy was ambushed near Gao.", "French", "a language"),
    ("Arabic-speaking gunmen stormed the checkpoint, witnesses said.", "Arabic", "a language"),
]


@pytest.mark.parametrize("text,word,why", NOT_AFFILIATIONS)
def test_words_that_are_not_affiliations(nlp, text, word, why):
    doc = nlp(text)
    spans = {text[s:e] for a in doc._.cn_affiliations for s, e in a["mentions"]}
    assert word not in spans, why


def test_affiliation_is_tied_to_the_actor_it_qualifies(nlp):
    doc = nlp("Chadian soldiers and Kurdish fighters crossed into the zone.")
    by_word = {doc.text[s:e]: (a, i) for a in doc._.cn_affiliations for i, (s, e) in enumerate(a["mentions"])}
    chad, i = by_word["Chadian"]
    actor = next(a for a in doc._.cn_actors if a["id"] == chad["actor_ids"][i])
    assert actor["name"] == "Chadian soldiers" and chad["country"] == "TCD"
    assert by_word["Kurdish"][0]["community"] == "kurds"


# (sentence, a word that must NOT start an actor mention, why)
NOT_ACTORS = [
    ("Shells hit government buildings in Goma.", "government", "a modifier, not the head of its phrase"),
    ("Fuel is smuggled across the border between Sudan and Chad.", "Chad", "a border is geography"),
    ("Air defence units shot down a UAV over Odesa, and two UAVs over Mykolaiv.", "UAVs",
     "an ORG with its own count is a thing"),
    ("PORT-AU-PRINCE, Haiti (AP) — Gang members stormed the town of Mirebalais.", "AU",
     "a piece of a hyphenated town name, not the African Union"),
    ("GAO-ANSONGO road: JNIM fighters ambushed a convoy near Ansongo.", "ANSONGO", "a hyphenated place name"),
]


@pytest.mark.parametrize("text,word,why", NOT_ACTORS)
def test_words_that_are_not_actors(nlp, text, word, why):
    doc = nlp(text)
    assert all(doc.text[s:e].split()[0] != word for a in doc._.cn_actors for s, e in a["mentions"]), why


def test_a_name_modifying_a_noun_keeps_its_article(nlp):
    """'a Defense Ministry statement': the article is the statement's, the ministry is an actor."""
    doc = nlp("According to a Defense Ministry statement, the strike hit Kherson.")
    assert "Defense Ministry" in {doc.text[s:e] for a in doc._.cn_actors for s, e in a["mentions"]}


def test_an_acronym_must_fit_the_name_it_follows(nlp):
    """'Sudan Liberation Front (SLF)' defines SLF; 'Kurdistan Workers' Party (PKK)' defines PKK from
    the Kurdish name, whose initial is one of the English words'; 'Haiti (AP)' defines nothing."""
    doc = nlp("The Kurdistan Workers' Party (PKK) said PKK fighters attacked. KHARTOUM, Sudan (AP) - The Sudan "
              "Liberation Front (SLF) said SLF units shelled a town.")
    names = {doc.text[s:e]: a["name"] for a in doc._.cn_actors for s, e in a["mentions"]}
    assert names.get("SLF") == "Sudan Liberation Front"
    assert "Kurdistan Workers" in (names.get("PKK") or "")
    assert "AP" not in names or names["AP"] != "Sudan"


@pytest.mark.parametrize("text,name", [
    ("YAOUNDE (AFP) - Separatist fighters kidnapped nine pupils in Bamenda on Monday.", "Separatist fighters"),
    ("KABUL - Pro-government militiamen clashed with Taliban fighters in Herat.", "Pro-government militiamen"),
    ("Iranian-backed militias fired rockets at a base in Syria.", "Iranian-backed militias"),
], ids=["cameroon-dateline-dash", "afghanistan-dateline-dash", "iraq-hyphen-kept"])
def test_a_spaced_dash_ends_a_description_a_hyphen_does_not(nlp, text, name):
    doc = nlp(text)
    assert name in [a["name"] for a in doc._.cn_actors]
