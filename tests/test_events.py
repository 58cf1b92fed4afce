"""Event rules at the behaviour level, one table per rule, each with sentences from several
conflicts: text in, the events out."""

from __future__ import annotations

import pytest

from conflictner import Extraction


def asserted(x: Extraction):
    return [e for e in x.events if e.type.value == "attack" and e.modality.value == "asserted"]


# -- one incident told in several clauses stays one event -----------------------------------------
ONE_EVENT = [
    pytest.param("Gunmen Kill Nine Villagers in Zamfara\n\nGunmen attacked the village of Kadisau in Zamfara "
                 "state on Tuesday, killing nine people, police said.", "nigeria-headline-and-lead"),
    pytest.param("Russian Missile Hits Apartment Block in Dnipro\n\nA Russian missile struck a nine-storey "
                 "apartment block in Dnipro on Saturday, killing at least 20 people, officials said.",
                 "ukraine-headline-and-lead"),
    pytest.param("Al-Shabaab fighters attacked a military base in Lower Shabelle on Friday. The attackers set "
                 "fire to several vehicles before withdrawing, residents said.", "somalia-the-attackers-set-fire"),
    pytest.param("Bandits abducted 30 passengers on the Abuja-Kaduna road on Sunday, police said, adding that "
                 "a driver was shot dead during the raid.", "nigeria-during-the-raid"),
    pytest.param("Shells hit a market in Omdurman on Monday, killing 12 people. The army accused the RSF of "
                 "firing the shells from the east bank of the Nile.", "sudan-firing-the-shells"),
    pytest.param("JNIM claimed responsibility for the attack on the army post in Boulkessi, saying its fighters "
                 "had killed 20 soldiers.", "mali-claim-says-killed"),
]


@pytest.mark.parametrize("text", [p.values[0] for p in ONE_EVENT], ids=[p.values[1] for p in ONE_EVENT])
def test_one_incident_is_one_event(extract, text):
    assert len(asserted(extract(text, published="2024-06-12"))) == 1


# -- separate incidents stay apart ------------------------------------------------------------------
TWO_EVENTS = [
    pytest.param("Israeli strikes killed five people in Khan Younis on Monday. Separately, a drone strike hit a "
                 "car in southern Lebanon, killing two Hezbollah members.", "gaza-lebanon-separately"),
    pytest.param("Militants ambushed a convoy near Menaka on Sunday. Hours later, another group attacked a "
                 "checkpoint in Gao.", "mali-two-towns"),
]


@pytest.mark.parametrize("text", [p.values[0] for p in TWO_EVENTS], ids=[p.values[1] for p in TWO_EVENTS])
def test_separate_incidents_are_separate_events(extract, text):
    assert len(asserted(extract(text, published="2024-06-12"))) == 2


# -- kinds, outcome and ACLED types ------------------------------------------------------------------
KINDS = [
    ("M23 rebels seized the town of Rubaya in North Kivu on Tuesday.", "territory_capture",
     "Non-state actor overtakes territory"),
    ("The Malian army recaptured the town of Kidal on Tuesday.", "territory_capture", "Government regains territory"),
    ("Ukrainian troops pushed into Russia's Kursk region, seizing dozens of villages.", "territory_capture",
     "Non-state actor overtakes territory"),
    ("Two drones were shot down over Belgorod early on Friday, the governor said.", "drone_strike",
     "Disrupted weapons use"),
    ("Hezbollah fired dozens of rockets at northern Israel on Sunday.", "rocket_attack",
     "Shelling/artillery/missile attack"),
    ("Gunmen hijacked a bus near Quetta on Monday and took 12 passengers hostage.", "abduction",
     "Abduction/forced disappearance"),
]


@pytest.mark.parametrize("text,kind,sub_event", KINDS, ids=[k[0][:40] for k in KINDS])
def test_kind_and_acled_type(extract, text, kind, sub_event):
    (e,) = asserted(extract(text, published="2024-06-12"))
    assert (e.attack_kind.value, e.acled_sub_event_type) == (kind, sub_event)


@pytest.mark.parametrize("text", [
    "Security forces captured a cartel leader in Culiacan on Thursday.",        # a person, not territory
    "Police seized weapons and ammunition in Mogadishu on Monday.",
    "Officials warned that more attacks on schools could follow.",             # a warning about others
    "The fire at the fuel depot burned for hours, officials said.",
])
def test_not_attacks(extract, text):
    x = extract(text, published="2024-06-12")
    assert asserted(x) == []
    assert not any(e.type.value == "threat" for e in x.events)


def test_threat_by_an_armed_group_is_a_threat_event(extract):
    x = extract("The Houthis warned they would strike any ship linked to Israel.", published="2024-06-12")
    threats = [e for e in x.events if e.type.value == "threat"]
    assert threats and threats[0].modality.value == "future"
    assert asserted(x) == []
