"""Casualty figures, damage and outcome (issue 7), one table per convention, sentences from
many conflicts. Conventions are those of docs/evaluation.md ("Casualty figures and outcome"):
'at least N' = min N, 'more than N' = min N+1, 'up to N' = max N, 'about N' = N, 'dozens' =
min 24, 'hundreds' = min 200, 'several' = min 3, 'multiple' = min 2, 'no casualties' = 0,
no figure = None. An event keeps the most conservative whole figure its sources give."""

from __future__ import annotations

from typing import Optional

import pytest

from conflictner import Extraction

Fig = Optional[tuple[Optional[int], Optional[int]]]


def main_event(x: Extraction):
    attacks = [e for e in x.events if e.type.value == "attack" and e.modality.value == "asserted"]
    assert attacks, "no asserted attack"
    return attacks[0]


def fig(count) -> Fig:
    return None if count is None else (count.min, count.max)


def xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=reason, strict=True)


# -- quantities -------------------------------------------------------------------------------------
QUANTITIES = [
    ("Russian missiles struck an apartment block in Dnipro on Saturday, killing at least 20 people.",
     (20, None), None),
    ("RSF fighters attacked the village of Wad Rawah in Gezira state on Monday, killing more than 30 people.",
     (31, None), None),
    ("A suicide bomber struck a market in Mogadishu on Friday, killing up to 12 people, officials said.",
     (None, 12), None),
    ("Gunmen stormed a church in Ondo state on Sunday, killing about 40 worshippers.", (40, 40), None),
    ("An air strike on a market in Depayin township in Sagaing killed dozens of villagers on Tuesday.",
     (24, None), None),
    ("Gangs attacked the Cite Soleil district of Port-au-Prince on Friday, killing hundreds of residents.",
     (200, None), None),
    ("JNIM fighters ambushed a convoy near Djibo in Burkina Faso on Monday, killing several soldiers.",
     (3, None), None),
    ("Fifty-four soldiers were killed when militants overran a base in Lower Shabelle on Friday.", (54, 54), None),
    ("A roadside bomb hit a police patrol in Kirkuk on Sunday, killing nine officers and wounding 14 others.",
     (9, 9), (14, 14)),
    ("A drone struck a bus in Kherson on Tuesday, killing a driver and wounding four passengers.", (1, 1), (4, 4)),
    ("Houthi missiles hit a ship in the Gulf of Aden on Wednesday, killing two crew members and injuring "
     "fewer than 10 others.", (2, 2), (None, 9)),
]


@pytest.mark.parametrize("text,fatalities,injured", QUANTITIES, ids=[q[0][:40] for q in QUANTITIES])
def test_quantities(extract, text, fatalities, injured):
    e = main_event(extract(text, published="2024-06-12"))
    assert fig(e.fatalities) == fatalities
    if injured is not None:
        assert fig(e.injured) == injured


# -- victims: who is counted ----------------------------------------------------------------------
VICTIMS = [
    # conjoined victims add up; a pronoun counts one
    ("He and three other fighters died when an Israeli strike flattened a house in Bint Jbeil on Tuesday.",
     (4, 4), None),
    ("A U.S. commando was killed and four others were wounded in a raid on an al-Shabaab camp in Jilib on "
     "Friday.", (1, 1), (4, 4)),
    ("The strike on a school in Khan Younis killed 15 women and 10 children on Monday.", (25, 25), None),
    # a part of the toll is not added to it
    ("Artillery shells hit a market in Sittwe on Thursday, killing 12 people, among them a child.", (12, 12), None),
    ("Gunmen stormed the town of Pont-Sonde on Thursday, killing at least 70 people, including 10 women.",
     (70, None), None),
    # an elided passive: 'and dozens wounded'
    ("In Kharkiv, at least 7 people were killed and dozens wounded as glide bombs hit a shopping centre on "
     "Saturday.", (7, None), (24, None)),
    # bodies recovered are a lower bound
    ("Gunmen attacked the village of Yelwata in Benue state on Friday. Rescuers said 81 bodies had been "
     "recovered by Saturday.", (81, None), None),
    # the word that names the attack is not a victim
    ("The army accused the RSF of a massacre in the village of Wad al-Noura on Wednesday.", None, None),
]


@pytest.mark.parametrize("text,fatalities,injured", VICTIMS, ids=[v[0][:40] for v in VICTIMS])
def test_victims(extract, text, fatalities, injured):
    e = main_event(extract(text, published="2024-06-12"))
    assert fig(e.fatalities) == fatalities
    if injured is not None:
        assert fig(e.injured) == injured


# -- zero, unknown, and figures that are not this event's ----------------------------------------
ZERO_OR_NONE = [
    ("Drones struck an oil depot in Bryansk overnight, starting a fire. No casualties were reported.", (0, 0), (0, 0)),
    ("Houthi rebels fired a missile at a tanker in the Red Sea on Monday. Nobody was hurt, the navy said.",
     (0, 0), (0, 0)),
    ("Gunmen fired on a helicopter carrying the governor near Cucuta on Friday, injuring no one on board.",
     (0, 0), (0, 0)),
    # a restricted group unhurt is not a zero toll
    ("U.S. forces struck an Islamic State camp in the Cal Miskaad mountains on Saturday. No civilians were "
     "harmed, the command said.", None, None),
    ("Officials did not give a death toll after gangs stormed the prison in Croix-des-Bouquets on Sunday.",
     None, None),
    ("M23 rebels shelled the outskirts of Goma on Monday. There was no immediate word on casualties.", None, None),
    # a running total of the war, in the sentence of the attack, is not its toll
    ("Gunmen attacked a village in Plateau state on Sunday; the violence has killed more than 200 people "
     "since January.", None, None),
    ("Gunmen stormed a party in Elota on Saturday; more than 1,200 people have been killed in Sinaloa since the "
     "infighting began last September.", None, None),
    # a hedge is not a toll
    ("A car bomb was defused outside a police station in Quetta; officials said it could have killed dozens.",
     None, None),
]


@pytest.mark.parametrize("text,fatalities,injured", ZERO_OR_NONE, ids=[z[0][:40] for z in ZERO_OR_NONE])
def test_zero_or_none(extract, text, fatalities, injured):
    x = extract(text, published="2024-06-12")
    attacks = [e for e in x.events if e.type.value == "attack" and e.modality.value == "asserted"]
    if not attacks:
        assert fatalities is None and injured is None
        return
    e = attacks[0]
    assert (fig(e.fatalities), fig(e.injured)) == (fatalities, injured)


# -- several attacks in one sentence keep their own tolls ---------------------------------------------
def test_two_attacks_in_one_sentence_keep_their_tolls(extract):
    x = extract("Turkish jets struck Kurdish positions in northern Iraq on Sunday, a week after a bombing in "
                "Ankara killed six people.", published="2024-06-12")
    by_kind = {e.attack_kind.value: fig(e.fatalities) for e in x.events if e.type.value == "attack"}
    assert by_kind.get("bombing") == (6, 6)
    assert by_kind.get("air_strike") is None


# -- competing tolls: the most conservative whole figure ----------------------------------------------
CONSERVATIVE = [
    ("Boko Haram fighters stormed the village of Mafa on Sunday, killing at least 34 people, police said. "
     "Residents said more than 100 people had died.", (34, None)),
    pytest.param("Dozens Killed in Strike on Saada Prison\n\nAn air strike on a prison in Saada on Friday "
                 "killed at least 70 people, the charity said.", (70, None)),
    ("Gunmen attacked a bus carrying pilgrims near Reasi on Sunday, killing at least 20 people, police said. "
     "Two adults died later at the hospital.", (20, None)),
    # the attackers' own deaths are a part of the toll, not a rival whole figure
    ("Al-Shabaab fighters stormed a hotel in Mogadishu on Friday. At least nine people were killed, police "
     "said. All five attackers were killed by security forces.", (9, None)),
    ("Gunmen attacked a police station in Dera Ismail Khan overnight, killing 12 people, officials said. "
     "Three of the assailants were shot dead.", (12, 12)),
    ("JNIM militants ambushed an army convoy near Djibo, killing 15 soldiers. The army said two gunmen "
     "were killed in the clash.", (15, 15)),
]


@pytest.mark.parametrize("text,fatalities", CONSERVATIVE,
                         ids=[(c.values if hasattr(c, "values") else c)[0][:40] for c in CONSERVATIVE])
def test_conservative_toll(extract, text, fatalities):
    e = main_event(extract(text, published="2024-06-12"))
    assert fig(e.fatalities) == fatalities


# -- figures in a sentence of their own ---------------------------------------------------------------
FOLLOW_UP = [
    ("Jihadist fighters attacked a gendarmerie school in Bamako on Tuesday, killing more than 70 people. "
     "The source said more than 200 people had been wounded.", (71, None), (201, None)),
    ("A suicide bomber struck a mosque in Peshawar on Monday, killing 93 people. More than 150 people were "
     "wounded, a hospital spokesman said.", (93, 93), (151, None)),
    # an upper estimate, a toll with a part after it, a part alone
    ("A drone strike hit the market in Kherson on Monday. Officials said the toll could be as high as 40.",
     (None, 40), None),
    ("Gunmen attacked the village of Kuriga in Kaduna state on Friday. A local leader said the death toll "
     "could reach 60.", (None, 60), None),
    ("Militants attacked a displacement camp near Goma on Sunday. The UN put the toll at 25, among them 12 "
     "children.", (25, 25), None),
    ("The army shelled a market in Bamenda on Monday. The death toll rose to 32, among them four soldiers.",
     (32, 32), None),
    ("An airstrike hit a school in Khan Younis on Tuesday. At least nine children were among the dead, "
     "medics said.", (9, None), None),
]


@pytest.mark.parametrize("text,fatalities,injured", FOLLOW_UP, ids=[f[0][:40] for f in FOLLOW_UP])
def test_follow_up_sentence(extract, text, fatalities, injured):
    e = main_event(extract(text, published="2024-06-12"))
    assert (fig(e.fatalities), fig(e.injured)) == (fatalities, injured)


# -- outcome ----------------------------------------------------------------------------------------
OUTCOMES = [
    ("Gunmen abducted 40 pupils from a school in Kebbi state on Thursday.", "effective"),
    ("Al-Shabaab fighters stormed the town of Mahas in Hiraan on Friday.", "effective"),
    ("Israeli jets struck a building in Tyre on Monday, setting it ablaze.", "effective"),
    ("Two drones were shot down over Belgorod early on Friday, the governor said.", "intercepted"),
    ("A roadside bomb exploded near the convoy of the governor of Kandahar on Tuesday, but the governor "
     "was not hurt.", "failed"),
    ("Hezbollah fired dozens of rockets at northern Israel on Sunday.", "unknown"),
    ("ELN rebels clashed with army troops near Tame in Arauca on Monday.", "unknown"),
    ("ELN rebels clashed with army troops near Tame in Arauca on Monday, leaving four soldiers dead.", "effective"),
]


@pytest.mark.parametrize("text,outcome", OUTCOMES, ids=[o[0][:40] for o in OUTCOMES])
def test_outcome(extract, text, outcome):
    e = main_event(extract(text, published="2024-06-12"))
    assert e.outcome.value == outcome


@pytest.mark.parametrize("text,damage", [
    ("Hours later, the group said it fired a salvo of rockets at an army post near Metula.", None),
    ("Rebels fired two missiles at a ship in the Gulf of Aden, and one struck the vessel and caused minor damage.", True),
    ("Gunmen set fire to 30 homes in the village of Kuchi on Sunday.", True),
    ("The drone hit a warehouse in Kharkiv, but caused no damage, officials said.", False),
])
def test_damage_is_only_what_a_damage_word_says(extract, text, damage):
    """'fired' is no damage word: an attack told without one leaves damage unknown (None)."""
    e = main_event(extract(text, published="2024-06-12"))
    assert e.damage is damage
