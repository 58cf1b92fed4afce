"""Attack words that report no attack: idioms, things named after attacks, labour strikes, and
deaths and damage with no armed doer (models/en_conflict/events/non_triggers.jsonl and
non_attack_causes.jsonl). Each table pairs with real attacks written the same way, so a rule
that silences too much fails here too."""

from __future__ import annotations

import pytest

NOT_ATTACKS = [
    # idioms of strike / hit / execute
    ("The two sides struck a deal in Doha to end the fighting.", "strike-a-deal"),
    ("The new policy struck a balance between security and rights in Colombia.", "strike-a-deal"),
    ("Mediators said the parties struck a ceasefire agreement in Jeddah.", "strike-a-deal"),
    ("Talks between Kinshasa and the rebels hit a snag on Tuesday.", "hit-a-record"),
    ("Exports hit a record high in March, the ministry in Kyiv said.", "hit-a-record"),
    ("The junta executed the plan to hold elections in Bamako with delays.", "execute-a-plan"),
    # medical attacks
    ("The former general died of a heart attack in Nairobi on Tuesday.", "medical-attack"),
    ("The rebel commander suffered an asthma attack in detention in Goma.", "medical-attack"),
    # attack words naming things and units
    ("Soldiers carried assault rifles and rocket-propelled grenades at the checkpoint in Juba.", "naming"),
    ("The amphibious assault ship USS Bataan arrived in the Red Sea.", "naming"),
    ("The carrier strike group sailed into the eastern Mediterranean.", "naming"),
    ("The army bought six attack helicopters from Turkey for its war in Tigray.", "naming"),
    ("Two F-16 Fighting Falcons landed at the air base in Jordan on Sunday.", "fighting-name"),
    ("The operation, Operation Inherent Resolve, continues in Syria.", "named-operation"),
    # a span of non-violent things launched: what the span holds is the object
    ("China launched three days of war games around Taiwan on Monday, the ministry said.", "days-of-games"),
    ("Russia launched a week of naval drills in the Baltic Sea on Tuesday.", "week-of-drills"),
    ("The army launched a series of exercises near the border with Myanmar.", "series-of-exercises"),
    # labour strikes
    ("Doctors went on strike in Khartoum over unpaid wages.", "on-strike"),
    ("Unions called a general strike for Monday across Myanmar.", "labour-strike"),
    ("The detained activist has been on hunger strike since May in Cairo.", "labour-strike"),
    # no armed doer
    ("A 6.2-magnitude earthquake struck the region on Monday, killing at least 40 people.", "cause"),
    ("Cyclone Freddy hit southern Malawi, killing 200 people.", "cause"),
    ("The storm killed 12 people and destroyed hundreds of homes in Rakhine.", "cause"),
    ("The bus crash killed 15 people on the highway near Bamako.", "cause"),
    ("Dozens of people were killed in a stampede at a food distribution in Mogadishu.", "cause"),
    ("Cholera has killed more than 300 people in the camps around El Fasher.", "cause"),
    ("The economy of Yemen has been hit hard by sanctions and inflation.", "cause"),
    # wars of words, jobs, films, illness
    ("The opposition leader attacked the government's handling of the economy in a speech in Nairobi.", "words"),
    ("The president attacked the media on Tuesday, calling reporters liars.", "words"),
    ("The two leaders clashed over the budget at the summit in Addis Ababa.", "words"),
    ("The government targeted inflation of 5 percent next year.", "words"),
    ("The prime minister hit back at critics in parliament.", "hit-back-at-words"),
    ("The president fired his army chief on Monday.", "jobs"),
    ("The video was shot in Kyiv last week.", "filming"),
    ("She is battling cancer in a hospital in Cairo.", "illness"),
    ("The party is locked in a legal battle with the electoral commission.", "figurative-battle"),
    ("The opposition stormed out of the meeting in Juba.", "storm-out"),
    ("Qatar's emir launched a mediation effort on Saturday between the two rival governments.", "launch"),
    ("The teachers' union called off a four-day strike after talks with the government in Abuja.", "labour"),
    ("Doctors began a 48-hour strike in Lagos on Monday.", "labour"),
    ("The minister said the battle against poverty would continue in Niger.", "battle-against-an-ill"),
    ("Hackers attacked the ministry's website in Kyiv on Monday.", "cyber"),
    ("A cyber attack on the ministry disrupted payments in Colombia.", "cyber"),
]

ATTACKS = [
    ("Russian missiles struck a residential building in Dnipro, killing 12 people.", "missile_attack"),
    ("Attack helicopters struck rebel positions near Tessalit on Sunday.", "air_strike"),
    ("A drone hit the market in Omdurman, killing 15 people.", "drone_strike"),
    ("Five people were killed in an airstrike on the village of Hajjah.", "air_strike"),
    ("Two soldiers were killed in a clash with militants near Kismayo.", "armed_clash"),
    ("Workers went on strike after militants attacked the mine near Kalehe.", "attack"),
    ("The militants executed 12 hostages in Cabo Delgado.", "attack"),
    ("Israeli strikes hit Gaza City overnight, killing 30.", "attack"),
    ("A storm of rockets hit Sderot on Saturday morning.", "attack"),
    ("Ukraine's strike group hit the bridge with missiles.", "missile_attack"),
    ("The rebels struck a military base in Chocó, killing two soldiers.", "attack"),
    ("Gunmen killed 20 villagers in Zamfara state during heavy rains on Friday.", "attack"),
    ("Gunmen attacked voters at a polling station in Zamfara.", "attack"),
    ("Militants attacked the media centre in Mogadishu.", "attack"),
    ("The militia attacked its rivals near Bunia, killing eight people.", "attack"),
    ("RSF fighters fired at a crowd in El Geneina.", "attack"),
    ("Soldiers shot three protesters in Mandalay.", "shooting"),
    ("Warring parties clashed near Khartoum airport on Saturday.", "armed_clash"),
    ("Drones targeted the airport in Port Sudan.", "drone_strike"),
    ("Russian shells hit the market in Kherson, killing seven.", "shelling"),
    ("Houthi forces targeted a commercial ship in the Red Sea.", "attack"),
    ("Russia launched massive nationwide strikes on Ukraine's energy grid on Friday.", "attack"),
    ("The rebels launched an offensive on the town of Goma on Sunday.", "attack"),
    ("The army launched three days of air strikes on rebel positions in Sagaing.", "air_strike"),
    ("Russia launched a wave of drones at Odesa overnight, the governor said.", "drone_strike"),
    ("U.S. jets carried out strike missions against Houthi targets in Yemen on Friday.", "attack"),
]


@pytest.mark.parametrize("text,why", NOT_ATTACKS, ids=[f"{w}:{t[:30]}" for t, w in NOT_ATTACKS])
def test_no_attack_event(extract, text, why):
    ex = extract(text)
    assert not [e for e in ex.events if e.type.value == "attack"], (why, [e.mentions[0].text for e in ex.events])


@pytest.mark.parametrize("text,kind", ATTACKS, ids=[t[:40] for t, _ in ATTACKS])
def test_attack_still_found(extract, text, kind):
    ex = extract(text)
    attacks = [e for e in ex.events if e.type.value == "attack" and e.modality.value == "asserted"]
    assert len(attacks) == 1, [e.mentions[0].text for e in ex.events]
    assert attacks[0].attack_kind.value == kind


def test_non_trigger_rules_are_data_with_sources(nlp):
    comp = nlp.get_pipe("conflictner_events")
    comp._ensure_ready()
    rules = comp.rules["non_triggers.jsonl"]
    causes = comp.rules["non_attack_causes.jsonl"]
    assert len(rules) >= 8 and len(causes) >= 3
    assert all(r.source for r in rules) and all(c.source and c.terms for c in causes)
    assert len({r.id for r in rules}) == len(rules)


# history and talk are no events: a lead dated years before publication (a trial, an anniversary)
# and what it goes on to tell without a date of its own; condemnations of attacks in general
HISTORY_AND_TALK = [
    ("A court in The Hague on Tuesday sentenced a former Liberian rebel commander to 20 years in prison for "
     "war crimes, including the killing of civilians during the civil war in the 1990s. Prosecutors said his "
     "fighters had massacred villagers.", "trial"),
    ("Foreign ministers met in Berlin on Monday to discuss the war. The German minister pledged support for "
     "Kyiv and condemned recent attacks on civilian infrastructure.", "condemnation"),
    # a kind of attack as the subject of what it does in general, even in the lead
    ("Analysts say drone strikes have changed the war in Sudan, letting both sides hit targets far from the front.",
     "generic-subject-lead"),
    ("Experts say suicide bombings make up a third of all attacks in the Sahel.", "generic-subject-present"),
    # a launch or test into the sea
    ("North Korea fired two short-range ballistic missiles into the sea off its east coast on Tuesday, South "
     "Korea's military said.", "missile-test"),
    ("Iran fired cruise missiles into the waters of the Gulf during naval drills on Friday.", "drill"),
]


@pytest.mark.parametrize("text,why", HISTORY_AND_TALK, ids=[w for _, w in HISTORY_AND_TALK])
def test_history_and_talk_are_no_events(extract, text, why):
    ex = extract(text, published="2026-06-02")
    assert not [e for e in ex.events if e.type.value == "attack" and e.modality.value == "asserted"], (
        why, [e.mentions[0].text for e in ex.events])


@pytest.mark.parametrize("text", [
    "Gunmen killed 12 villagers in Zamfara on Sunday, police said. The attackers had stormed the village at dawn.",
    "A court on Monday charged two men over the bombing of a bus in Kano on May 20 that killed 15 people.",
    "Russian strikes on Kharkiv killed seven people on Tuesday. The German minister condemned the attacks.",
    "Air strikes have killed 12 people in Nyala since Sunday, the army said.",
    "The Houthis fired two missiles at a tanker in the Red Sea on Monday, the shipping agency said.",
    "Russia fired missiles into the port of Odesa on Monday, killing four people.",
])
def test_recent_attacks_told_beside_trials_and_talk_stay_events(extract, text):
    ex = extract(text, published="2026-06-02")
    assert [e for e in ex.events if e.type.value == "attack" and e.modality.value == "asserted"]
