"""Claims layer: attributions read over the whole document, not only over event sentences.

Table-style: short articles written by the team from varied conflicts, and for each the claim
that must come out (source substring, stance, anonymity, figures). Each row exercises one rule of
`conflictner/components/claims.py`; the attribution table (`doc._.cn_attributions`) is checked
on its own at the end.
"""

from __future__ import annotations

from typing import Any, Optional

import pytest

from conflictner import Extraction

PUBLISHED = "2024-05-08"


def describe(x: Extraction) -> str:
    return "\n".join(f"{c.event_id} {c.stance.value} {c.source.text!r} role={c.source.role.value} "
                     f"anon={c.source.anonymous} person={c.source.person!r} asserts={c.asserts}"
                     for c in x.claims)


def claims_of(x: Extraction, source: str, stance: str) -> list:
    attacks = {e.id for e in x.events if e.type.value == "attack"}
    return [c for c in x.claims if c.event_id in attacks and c.stance.value == stance
            and (source.lower() in c.source.text.lower() or source.lower() in (c.source.person or "").lower())]


# (text, source substring, stance, anonymous or None, role or None, asserted figures or None)
CASES = [
    pytest.param(
        "Gunmen killed 12 villagers in Zamfara state on Sunday, police said. A local official, who asked not to "
        "be named, said the death toll had risen to 31.",
        "local official", "report", True, "official", {"fatalities": {"min": 31, "max": 31}},
        id="nigeria-figures-without-trigger",
    ),
    pytest.param(
        "A car bomb exploded outside a hotel in Mogadishu on Friday, killing eight people, police said. "
        "Al-Shabaab claimed responsibility in a statement on its radio station.",
        "Al-Shabaab", "claim_responsibility", False, "armed_group", None,
        id="somalia-claimed-responsibility-no-object",
    ),
    pytest.param(
        "Shelling hit a market in Kharkiv on Saturday, killing six people, regional officials said. Russia's "
        "Defence Ministry denied targeting civilians.",
        "Defence Ministry", "deny", False, "official", None, id="ukraine-denial-next-sentence",
    ),
    pytest.param(
        "An air strike hit a village in Sagaing region on Tuesday, killing 11 people, residents said. A "
        "volunteer blamed the military.",
        "volunteer", "accuse", True, "witness", None, id="myanmar-blame-next-sentence",
    ),
    pytest.param(
        "Militants attacked an army post near Djibo on Monday, killing 15 soldiers, security sources said. "
        "\"They attacked the post at dawn. We could not hold it,\" said a soldier who survived.",
        "soldier", "report", True, None, None, id="burkina-quote-over-two-sentences",
    ),
    pytest.param(
        "Drones struck a fuel depot in Bryansk overnight, the regional governor said. He said no one was hurt.",
        "regional governor", "report", False, "official", {"injured": {"min": 0, "max": 0}},
        id="russia-he-said-chain",
    ),
    pytest.param(
        "Rebels ambushed a convoy in Cauca province on Thursday, killing four soldiers, the defence ministry "
        "said. The ministry said 9 soldiers were wounded.",
        "defence ministry", "report", False, "official", {"fatalities": {"min": 4, "max": 4},
                                                          "injured": {"min": 9, "max": 9}},
        id="colombia-definite-description-repeats-source",
    ),
    pytest.param(
        "Gunmen stormed a church in Tillaberi on Sunday, killing nine worshippers, officials and residents said.",
        "residents", "report", True, "witness", None, id="niger-coordinated-speakers",
    ),
    pytest.param(
        "Israeli jets struck a building in Khan Younis on Monday, killing 14 people, the health ministry said. "
        "The Israeli military said its aircraft had hit a Hamas command centre.",
        "Israeli military", "confirm", False, "official", None, id="gaza-state-forces-own-strike-confirmed",
    ),
    pytest.param(
        "Fighters stormed a camp near Beni on Tuesday, killing 22 civilians, the army said. A commander of the "
        "Allied Democratic Forces claimed responsibility for the attack.",
        "commander", "claim_responsibility", None, "armed_group", None, id="drc-group-commander-speaks-for-group",
    ),
    pytest.param(
        "A drone hit a bus in Kherson on Wednesday, killing three people, said the regional governor, Roman "
        "Mrochko.",
        "Roman Mrochko", "report", False, "official", None, id="ukraine-governor-named-in-apposition",
    ),
    pytest.param(
        "Houthi fighters fired missiles at a tanker in the Red Sea on Friday, the British maritime agency said. "
        "Houthi military spokesman Yahya Saree gave a toll of three sailors dead.",
        "Yahya Saree", "report", False, "spokesperson", {"fatalities": {"min": 3, "max": 3}},
        id="yemen-gave-a-toll",
    ),
    # -- follow-up statements, pronouns and repeated names ----------------------------------------------
    pytest.param(
        "Militants overran an army post near Fada N'Gourma on Friday, killing 23 soldiers, Interior Minister "
        "Boubacar Sidibe said. Sidibe said 11 soldiers were wounded.",
        "Boubacar Sidibe", "report", False, "official", {"fatalities": {"min": 23, "max": 23},
                                                          "injured": {"min": 11, "max": 11}},
        id="burkina-surname-repeats-the-named-speaker",
    ),
    pytest.param(
        "A drone struck a market in Omdurman on Monday, killing nine people, the health ministry said. The "
        "Sudanese army said its aircraft had hit a paramilitary base nearby. It said 30 fighters were killed.",
        "Sudanese army", "report", False, "official", {"fatalities": {"min": 30, "max": 30}},
        id="sudan-it-continues-the-institution",
    ),
    pytest.param(
        "Gunmen opened fire on a bus near Bunia on Sunday, killing seven passengers, the army said. Army "
        "spokesman Jules Ngongo said the attackers had come from the forest and blamed the CODECO militia.",
        "Jules Ngongo", "accuse", False, "spokesperson", None,
        id="drc-said-and-blamed-one-speaker",
    ),
    pytest.param(
        "A car bomb exploded outside a police station in Cali on Tuesday, wounding 14 people, the police said. "
        "President Alvaro Mora blamed the rebels. In a televised address, he said the bombing was an attack on "
        "the peace talks.",
        "Alvaro Mora", "accuse", False, "official", None,
        id="colombia-follow-up-without-figures-joins-the-accusation",
    ),
    pytest.param(
        "Jets struck a rebel camp in Karen state on Monday, killing eight fighters, the rebels said. The "
        "military said its aircraft had carried out the strike. An initial review indicated that 20 fighters "
        "were killed, the military said.",
        "military", "report", False, "official", {"fatalities": {"min": 20, "max": 20}},
        id="myanmar-a-review-inside-a-statement-is-the-speakers",
    ),
    # -- a state's own strike ----------------------------------------------------------------------------
    pytest.param(
        "Turkish drones struck a convoy near Qamishli overnight, Turkey's defence ministry said on Monday.",
        "defence ministry", "confirm", False, "official", None, id="syria-state-forces-named-by-nationality",
    ),
    pytest.param(
        "A strike on a port warehouse in Hodeidah killed two guards, a port official said. The coalition "
        "said it had hit a weapons depot in the port.",
        "coalition", "confirm", False, None, None, id="yemen-it-had-hit-own-strike",
    ),
    pytest.param(
        "An explosion at a mosque in Quetta killed 20 worshippers on Friday, officials said. A spokesman for "
        "the group, Abdul Rehman, distanced the movement from the attack.",
        "Abdul Rehman", "deny", False, "spokesperson", None, id="pakistan-distanced-from-the-attack",
    ),
    # -- witnesses and who they are ------------------------------------------------------------------------
    pytest.param(
        "Gunmen killed 14 villagers in Bandiagara on Sunday, officials said. \"They came at night and burned "
        "the granaries. We ran into the bush,\" said a farmer who escaped.",
        "farmer who escaped", "report", True, "witness", None, id="mali-eyewitness-quote",
    ),
    pytest.param(
        "Militiamen attacked a displacement camp near Djugu on Friday, killing 17 people, the army said. "
        "Residents who buried the dead said more than 40 people had been killed.",
        "Residents who buried the dead", "report", True, "witness", {"fatalities": {"min": 41, "max": None}},
        id="drc-restrictive-clause-names-the-residents",
    ),
    pytest.param(
        "Militants stormed a school in Kunduz on Monday, killing 5 pupils, said a police officer, who asked "
        "not to be named.",
        "a police officer", "report", True, "official", None, id="afghanistan-nonrestrictive-clause-cut",
    ),
    pytest.param(
        "The al-Qaeda-linked group al-Shabaab claimed responsibility for a car bombing in Baidoa that killed "
        "nine people.",
        "al-Shabaab", "claim_responsibility", False, "armed_group", None, id="somalia-group-named-in-apposition",
    ),
    pytest.param(
        "Shells hit a camp for displaced people near Goma on Friday, killing nine people, the provincial "
        "governor said. A humanitarian official said the blast had torn through tents at the camp's edge.",
        "humanitarian official", "report", True, None, None, id="drc-statement-sharing-the-incident-words",
    ),
    pytest.param(
        "A drone hit a fuel depot in the port of Hodeidah on Monday, setting off a blaze, port officials said. "
        "Gunmen also attacked a bus near Taiz, killing two. The shipping company said the blaze at the depot had "
        "been put out.",
        "shipping company", "report", False, None, None, id="yemen-topic-picks-the-earlier-incident",
    ),
    pytest.param(
        "An air strike hit a market in Sagaing region on Monday, killing 14 people, residents said. A spokesman "
        "for the shadow government said the junta had deliberately targeted shoppers.",
        "spokesman", "accuse", True, "spokesperson", None, id="myanmar-deliberately-targeted-is-an-accusation",
    ),
    pytest.param(
        "Gunmen killed 11 farmers near Kidal on Sunday, a local official said. The governor said the gunmen had "
        "shot the farmers in their fields and called the killings a massacre.",
        "governor", "accuse", False, "official", None, id="mali-called-a-massacre-is-an-accusation",
    ),
    pytest.param(
        "A drone struck an oil depot near Bryansk on Tuesday, the regional governor said. A source in Ukraine's "
        "military intelligence told reporters that Kyiv was behind the strike.",
        "source", "claim_responsibility", True, None, None, id="ukraine-own-side-behind-the-strike",
    ),
    pytest.param(
        "A missile hit a school in Kramatorsk on Sunday, killing four people, the regional governor said. "
        "Ukraine's prosecutors said debris found at the school came from a Russian Iskander missile.",
        "prosecutors", "accuse", None, None, None, id="ukraine-weapon-came-from-the-other-side",
    ),
    pytest.param(
        "Gunmen stormed a police station in Cite Soleil on Saturday, officials said. Fritz Jean, a spokesman for "
        "the interior ministry, said 11 officers had been wounded.",
        "Fritz Jean", "report", False, "spokesperson", {"injured": {"min": 11, "max": 11}},
        id="haiti-spokesperson-figures",
    ),
    pytest.param(
        "A bomb exploded at a checkpoint in Mogadishu on Monday, killing six soldiers, police said. Al-Shabaab "
        "claimed the bombing in a statement.",
        "Al-Shabaab", "claim_responsibility", False, "armed_group", None, id="somalia-claimed-the-bombing",
    ),
    pytest.param(
        "A car bomb killed seven people in Kabul on Monday. Local reports claimed that the bomber was a teenager.",
        "Local reports", "report", None, None, None, id="afghanistan-claimed-that-is-an-assertion",
    ),
    pytest.param(
        "Gunmen killed four miners in Ituri on Monday, according to the provincial government, which said "
        "the attackers had crossed from Uganda.",
        "provincial government", "report", False, "official", None, id="drc-which-said-is-the-government",
    ),
    # roles
    pytest.param(
        "An air strike hit a market in Maaret al-Numan on Monday, killing 15 people, the state news agency "
        "Petra said.",
        "state news agency", "report", False, "media", None, id="syria-state-news-agency-is-media",
    ),
    pytest.param(
        "A car bomb killed six soldiers near Tikrit on Sunday, the Joint Operations Media Cell said.",
        "Media Cell", "report", False, "official", None, id="iraq-government-media-cell-is-official",
    ),
    pytest.param(
        "Shells hit a hospital in Taiz on Friday, killing four patients, a Houthi interior official said.",
        "interior official", "report", True, "official", None, id="yemen-de-facto-authority-official",
    ),
    pytest.param(
        "Mortar rounds hit a displacement camp near Goma on Thursday, killing nine people. \"Most of the "
        "wounded were children,\" said a nurse at the Ndosho hospital.",
        "nurse", "report", True, "witness", None, id="drc-nurse-is-a-witness",
    ),
    pytest.param(
        "A drone strike hit a clinic in Nyala on Tuesday, killing 11 people, a doctor at the clinic said.",
        "doctor", "report", True, "witness", None, id="sudan-doctor-is-a-witness",
    ),
    pytest.param(
        "Fighters stormed a police post in Kidal on Monday, killing three officers, a regional human rights "
        "network said.",
        "rights network", "report", None, "activist", None, id="mali-regional-network-is-activist",
    ),
    pytest.param(
        "Gunmen attacked a bus near Cap-Haitien on Monday, killing five passengers. The gang alliance said "
        "its fighters attacked the bus.",
        "gang alliance", "claim_responsibility", False, "armed_group", None, id="haiti-gang-alliance-is-armed",
    ),
    pytest.param(
        "Army spokesman Lt. Col. Boubacar Diallo said gunmen killed 12 soldiers in an ambush near Menaka on "
        "Saturday.",
        "spokesman", "report", False, "spokesperson", None, id="mali-title-abbreviation-splits-sentence",
    ),
    pytest.param(
        "Rockets hit an outpost near Kidal on Friday, killing three soldiers, the Malian 5th Battalion said.",
        "5th Battalion", "report", False, "official", None, id="mali-army-formation-is-official",
    ),
    # stance of one's own side's act
    pytest.param(
        "Indian warplanes struck camps in Muzaffarabad overnight, the defence ministry said. In the north, the "
        "jets hit a training site near Balakot, Indian officials said.",
        "Indian officials", "confirm", True, "official", None, id="india-definite-jets-are-the-states-own",
    ),
    pytest.param(
        "A drone hit a cargo ship in the Gulf of Aden on Monday. Later, Houthi spokesman Mohammed Abdulsalam "
        "said the group had launched the drone at the vessel.",
        "Abdulsalam", "claim_responsibility", False, "spokesperson", None,
        id="yemen-armed-group-spokesman-claims",
    ),
    # speakers the parser hides
    pytest.param(
        "MOSCOW — Drones struck a refinery run by oil producer Lukoil at the Black Sea port of Tuapse early "
        "on Sunday, setting off a large fire, the governor of the Krasnodar region said.",
        "governor of the Krasnodar region", "report", False, "official", None,
        id="ukraine-speaker-hung-on-the-last-noun",
    ),
    pytest.param(
        "Drones struck an oil depot in Bryansk overnight, setting off a large blaze, the regional governor said. "
        "Transneft said in a statement that the blaze at the depot had been put out.",
        "Transneft", "report", False, None, None, id="russia-said-in-a-statement-that",
    ),
    pytest.param(
        "OUAGADOUGOU (Reuters) - Jihadist fighters killed at least 34 soldiers in an attack on an army post in "
        "northern Burkina Faso, security sources said on Saturday.",
        "security sources", "report", True, "official", None, id="burkina-second-subject-after-the-comma-speaks",
    ),
    pytest.param(
        "A Mi-35 helicopter fired rockets at the school compound in Let Yet Kone village at around 11 a.m., a "
        "teacher who survived the attack told Radio Free Asia.",
        "teacher who survived", "report", True, "witness", None, id="myanmar-apposition-before-the-cue-speaks",
    ),
    pytest.param(
        "The RSF shelled the Abu Shouk camp near El Fasher on Sunday, killing 40 people, the camp's emergency room "
        "said.\n\"The shells fell on the market and on homes,\" a volunteer who asked not to be named told Reuters.",
        "volunteer who asked", "report", True, "witness", None, id="sudan-speaker-after-a-closed-quote",
    ),
    pytest.param(
        "Gunmen shot dead four farmers in their fields near Kaduna on Monday, a local vigilante leader told AFP.",
        "vigilante leader", "report", True, None, None, id="nigeria-speaker-after-the-clause",
    ),
    pytest.param(
        "Ukrainian forces struck a Russian command post in the Kursk region with HIMARS rockets, killing several "
        "officers, a source in Ukraine's General Staff told Reuters.",
        "source in Ukraine's General Staff", "report", True, "official", None,
        id="ukraine-apposition-before-a-conjoined-cue",
    ),
    pytest.param(
        "Gunmen abducted 30 worshippers from a church in Kaduna state on Sunday, a church official and a local "
        "lawmaker said on Monday.",
        "local lawmaker", "report", True, "official", None, id="nigeria-unnamed-lawmaker-is-anonymous",
    ),
    pytest.param(
        "M23 rebels backed by Rwanda said on Monday they had captured Goma, the largest city in eastern Congo.",
        "M23 rebels", "claim_responsibility", False, "armed_group", None, id="drc-group-says-it-captured-a-city",
    ),
    pytest.param(
        "Paratrooper killed in Mali by jihadists confirmed as Corporal Sam Reed by the Ministry of Defence.",
        "Ministry of Defence", "confirm", False, "official", None, id="mali-headline-passive-with-named-agent",
    ),
    pytest.param(
        "Gunmen attacked a market in Bunia on Friday, killing nine traders, officials said. Today, two bombings, "
        "also claimed by the ADF, killed 14 more people in Beni.",
        "ADF", "claim_responsibility", False, None, None, id="drc-attacks-claimed-by-group-passive",
    ),
    pytest.param(
        "An arson attack destroyed a mosque in Leeds in May, a neighbour said. Police arrested John Harlow "
        "last week. He admitted setting the fire at the mosque.",
        "John Harlow", "confirm", False, None, None, id="uk-he-after-an-unnamed-speaker-is-the-named-person",
    ),
]


@pytest.mark.parametrize("text,source,stance,anonymous,role,figures", CASES)
def test_claim_table(extract: Any, text: str, source: str, stance: str, anonymous: Optional[bool],
                     role: Optional[str], figures: Optional[dict]) -> None:
    x = extract(text, published=PUBLISHED)
    found = claims_of(x, source, stance)
    assert found, f"no {stance} claim from {source!r}\n{describe(x)}"
    c = found[0]
    if anonymous is not None:
        assert c.source.anonymous is anonymous, describe(x)
    if role is not None:
        assert c.source.role.value == role, describe(x)
    if figures is not None:
        for k, v in figures.items():
            assert c.asserts.get(k) == v, describe(x)
    assert x.document.text[c.evidence.start_char:c.evidence.end_char] == c.evidence.text


# (text, source substring that must NOT have a claim on any attack)
NOT_CLAIMS = [
    pytest.param(
        "Gunmen killed seven farmers in Plateau state on Monday, police said. Analysts said the killings could "
        "deepen the crisis.",
        "Analysts", id="nigeria-analysts-comment",
    ),
    pytest.param(
        "A roadside bomb killed two soldiers in Kidal on Friday, the army said. No group has claimed "
        "responsibility.",
        "No group", id="mali-no-group-claims",
    ),
    pytest.param(
        "An air strike hit a clinic in Idlib on Sunday, the White Helmets said. The army said it would hold "
        "elections in the spring.",
        "The army", id="syria-unrelated-statement",
    ),
    pytest.param(
        "Gunmen attacked a bus in Balochistan on Monday, killing five people, officials said. Officials did "
        "not give a toll for a second attack.",
        "did not", id="pakistan-negated-cue",
    ),
    pytest.param(
        "No group immediately claimed the bombing in Maiduguri, but officials blamed Boko Haram. The blast "
        "killed six people, police said.",
        "No group", id="nigeria-no-group-claimed-the-bombing",
    ),
    pytest.param(
        "Artillery hit a village in Tigray on Monday, killing 12 people, the regional health bureau said. It "
        "said soldiers searched for young men they accused of helping the rebels.",
        "they", id="ethiopia-accused-in-a-relative-clause",
    ),
    pytest.param(
        "Fighters attacked a village near Bunia on Tuesday, killing 20 people, the army said. The militia "
        "accused villagers of spying for the army.",
        "The militia", id="drc-accused-of-something-else",
    ),
    pytest.param(
        "Gunmen shot dead a bus driver in Catatumbo on Monday, police said. Further north, a landslide hit a "
        "road. The company said it would reopen the road next week.",
        "The company", id="colombia-unrelated-company-statement",
    ),
    pytest.param(
        "Ethiopian drones struck a market in Bahir Dar on Monday, killing eight people, residents said. The "
        "government blames the Fano militia for the July 4 ambush on the Gondar road. The militia denied "
        "involvement.",
        "The government", id="ethiopia-accusation-about-another-dated-incident",
    ),
    pytest.param(
        "Ethiopian drones struck a market in Bahir Dar on Monday, killing eight people, residents said. The "
        "government blames the Fano militia for the July 4 ambush on the Gondar road. The militia denied "
        "involvement.",
        "The militia", id="ethiopia-reply-about-another-dated-incident",
    ),
]


@pytest.mark.parametrize("text,source", NOT_CLAIMS)
def test_not_a_claim(extract: Any, text: str, source: str) -> None:
    x = extract(text, published=PUBLISHED)
    attacks = {e.id for e in x.events if e.type.value == "attack"}
    bad = [c for c in x.claims if c.event_id in attacks and c.cue is not None and c.source.text.startswith(source)]
    if source == "did not":
        bad = [c for c in x.claims if c.event_id in attacks and c.cue is not None and "did not" in c.evidence.text]
    assert not bad, describe(x)


def test_one_claim_per_source_and_stance(extract: Any) -> None:
    x = extract("Militants shelled an army base near Mopti on Sunday, killing five soldiers, a military source "
                "said. The source said 12 soldiers were wounded. The source said the attackers fled north.",
                published=PUBLISHED)
    found = claims_of(x, "military source", "report")
    assert len(found) == 1, describe(x)
    assert found[0].asserts.get("injured") == {"min": 12, "max": 12}, describe(x)


def test_follow_up_without_figures_joins_the_committal_claim(extract: Any) -> None:
    x = extract("A truck bomb exploded at an army base in Arauca on Tuesday, killing three soldiers, the army said. "
                "Defence Minister Ana Rojas blamed the ELN. She said the attack would not stop the offensive.",
                published=PUBLISHED)
    mine = [c for c in x.claims if "Ana Rojas" in c.source.text]
    assert [c.stance.value for c in mine] == ["accuse"], describe(x)


def test_unnamed_sources_are_never_folded(extract: Any) -> None:
    x = extract("Gunmen abducted 40 pupils from a school in Katsina on Friday, residents said. Residents blamed "
                "bandits who raid villages in the area.", published=PUBLISHED)
    stances = sorted(c.stance.value for c in x.claims if c.source.text.lower() == "residents")
    assert stances == ["accuse", "report"], describe(x)


def test_headline_attribution_echoing_the_body_is_dropped(extract: Any) -> None:
    x = extract("Strike on Market Kills 20, Officials Say\n\nAn air strike hit a market in Sudan's Kordofan "
                "region on Monday, killing 20 people, local officials said.", published=PUBLISHED)
    texts = [c.source.text for c in x.claims if c.cue is not None]
    assert "local officials" in texts and "Officials" not in texts, describe(x)


# -- the attribution table ------------------------------------------------------------------------
ATTRIBUTIONS = [
    pytest.param("The minister said the talks would resume next week.", "The minister", "said", "report",
                 id="said-not-about-an-attack"),
    pytest.param("Elections will be held in March, according to the electoral commission.",
                 "the electoral commission", "according to", "report", id="according-to"),
    pytest.param("The rebels denied the report.", "The rebels", "denied", "deny", id="denied"),
    pytest.param("\"We will not negotiate,\" the spokeswoman told reporters.", "the spokeswoman", "told",
                 "report", id="told-after-quote"),
]


@pytest.mark.parametrize("text,source,cue,stance", ATTRIBUTIONS)
def test_every_attribution_is_listed(nlp: Any, text: str, source: str, cue: str, stance: str) -> None:
    doc = nlp(text)
    recs = doc._.cn_attributions
    assert recs, "no attribution"
    r = recs[0]
    assert r["cue_text"] == cue and r["stance"] == stance, recs
    s = r["sources"][0]
    assert text[s["start_char"]:s["end_char"]] == source, recs
    assert text[r["cue"][0]:r["cue"][1]] == cue


def test_statement_goes_on_about_the_event_its_source_spoke_of(extract: Any) -> None:
    """A denial naming no incident belongs with what the same source says next about an event, not
    with the event mentioned last."""
    x = extract("Missiles hit a hospital in Dnipro on Monday, killing seven people, officials said. In Odesa, a drone "
                "strike killed two people, the governor said. Russia's Defence Ministry denied hitting any civilian "
                "site. It said its missiles had struck a weapons plant in Dnipro.", published=PUBLISHED)
    denials = claims_of(x, "Defence Ministry", "deny")
    confirmations = claims_of(x, "Defence Ministry", "confirm") + claims_of(x, "Defence Ministry", "report")
    assert denials and confirmations, describe(x)
    assert denials[0].event_id == confirmations[0].event_id, describe(x)


def test_spokesperson_lends_figures_to_the_institution(extract: Any) -> None:
    x = extract("Gang members attacked the town of Mirebalais on Thursday, killing 15 people, the U.N. human rights "
                "office said. Marta Hurtado, a spokeswoman for the office, said 9 people had been wounded.",
                published=PUBLISHED)
    office = claims_of(x, "human rights office", "report")
    assert office and office[0].asserts.get("injured") == {"min": 9, "max": 9}, describe(x)


def test_the_article_speaks_once_per_event(extract: Any) -> None:
    """Unattributed sentences about one event are one claim of the article, not one per sentence."""
    x = extract("Gunmen attacked a bus near Kidal on Monday. The attack left the bus burned out. The attack was "
                "the third on the road this month.", published=PUBLISHED)
    outlet = [c for c in x.claims if c.cue is None and c.source.role.value == "media"]
    per_event = {}
    for c in outlet:
        per_event.setdefault(c.event_id, []).append(c)
    assert all(len(v) == 1 for v in per_event.values()), describe(x)


def test_which_is_never_a_source(extract: Any) -> None:
    x = extract("Militants attacked an army post near Djibo on Monday, according to the army, which said 12 "
                "soldiers were killed.", published=PUBLISHED)
    assert not [c for c in x.claims if c.source.text.lower() == "which"], describe(x)


def test_definite_noun_refers_to_the_event_of_the_sentence_before(extract: Any) -> None:
    """'... shot down a drone over X. Media reported that the drone had been aimed at ...': the
    drone is the one just mentioned, not the one of the first incident."""
    x = extract("Missiles hit an oil depot in Kharkiv on Sunday, killing four workers at the depot, the regional "
                "governor said. He said the missiles were fired from Belgorod. On Thursday, Belarus said its air "
                "defences had shot down a drone over the Gomel region. Belarusian media reported that the drone had "
                "been aimed at an oil depot near Kharkiv.", published=PUBLISHED)
    media = [c for c in x.claims if c.source.text == "Belarusian media"]
    ministry = [c for c in x.claims if c.source.text == "Belarus"]
    assert media and ministry, describe(x)
    assert media[0].event_id == ministry[0].event_id, describe(x)


def test_a_guess_or_a_demand_is_no_claim(extract: Any) -> None:
    """'said the shelling could have been retaliation', 'said Moscow must pay': a modal clause
    with no figures is speculation or a demand, not an account of the incident."""
    x = extract("Shells hit a market in Donetsk on Monday, killing seven people, the city's mayor said. "
                "Local commanders said the shelling could have been retaliation for a raid last week. "
                "The governor said the attackers must be punished and urged residents to stay indoors.",
                published=PUBLISHED)
    assert claims_of(x, "mayor", "report"), describe(x)
    assert not claims_of(x, "Local commanders", "report"), describe(x)
    assert not claims_of(x, "governor", "report"), describe(x)


def test_a_negated_modal_is_still_an_account(extract: Any) -> None:
    x = extract("An air strike hit a clinic in Hodeidah on Friday, killing nine patients. "
                "The health office said it could not yet give a full toll.", published=PUBLISHED)
    assert claims_of(x, "health office", "report"), describe(x)


def test_a_vow_does_not_point_back_at_the_incident(extract: Any) -> None:
    """'said troops were sent and vowed to track down the attackers': the attackers are in the vow,
    and a vow about the future is no report about the incident."""
    x = extract("Gunmen killed nine farmers in Plateau state on Sunday, residents said. "
                "The police said officers had been sent to the area and vowed to track down the attackers.",
                published=PUBLISHED)
    assert claims_of(x, "residents", "report"), describe(x)
    assert not claims_of(x, "police", "report"), describe(x)


def test_a_follow_up_with_the_same_figures_folds_into_the_claim(extract: Any) -> None:
    """'... blamed the attack on jihadists. Several trucks were burned, the broadcaster said': the
    same source saying more with no figure of its own is part of its claim."""
    x = extract("Gunmen attacked a bus near Kidal on Friday, killing at least 20 people, state television "
                "reported. The broadcaster ORTM said 15 civilians and five soldiers were among the dead and blamed "
                "the attack on jihadists. Several trucks were burned, the broadcaster said.", published=PUBLISHED)
    said = [c for c in x.claims if "broadcaster" in c.source.text.lower()]
    assert [c.stance.value for c in said] == ["accuse"], describe(x)


def test_an_accusation_names_the_attacker(extract: Any) -> None:
    """'blamed the Rapid Support Forces', 'accused the Russian army of shelling': the accused is
    the attacker the claim asserts, and the attacker of an event that names none itself."""
    for text, accused in [
        ("A drone hit a fuel depot in Sennar on Monday, killing five workers. The army blamed the Rapid Support "
         "Forces for the strike.", "Rapid Support Forces"),
        ("Shells hit a market in Kharkiv on Monday, killing seven people. The governor accused the Russian army "
         "of shelling the market.", "Russian army"),
        ("A truck bomb exploded near a police station in Cali on Thursday, killing five people. Authorities "
         "attributed the attack to the Jaime Martinez Front.", "Jaime Martínez Front"),
    ]:
        x = extract(text, published=PUBLISHED)
        names = {a.id: a.name for a in x.actors}
        acc = [c for c in x.claims if c.stance.value == "accuse"]
        assert acc and [names[i] for i in acc[0].asserts.get("attacker_ids", [])] == [accused], describe(x)
        assert [names[i] for i in x.events[0].attacker_ids] == [accused], describe(x)
        assert not x.events[0].disputed.get("attacker_ids"), describe(x)


def test_claims_naming_different_attackers_are_disputed(extract: Any) -> None:
    x = extract("Fighters attacked a base in Lower Shabelle on Friday. Al-Shabaab claimed responsibility for the "
                "attack. The government blamed the Islamic State for the attack.", published=PUBLISHED)
    ev = x.events[0]
    assert len(ev.disputed.get("attacker_ids", [])) == 2, describe(x)


def test_a_surname_alone_carries_he_back_to_the_person(extract: Any) -> None:
    """'... carrying Peruvian President Ana Torres ... Torres was visiting ... he said': a surname the
    tagger leaves untyped repeats the person named earlier; 'he' is that person, not the ministry."""
    x = extract("Gunmen fired on a convoy carrying Peruvian Vice President Luis Quispe near Ayacucho on Monday, "
                "wounding two guards, the interior ministry said.\n\nQuispe was returning from a visit to a mine "
                "in the nearby province. In a radio interview, he called the shooting an act of terror and said "
                "the armoured cars had saved his life.", published=PUBLISHED)
    assert claims_of(x, "Quispe", "report"), describe(x)


def test_an_inverted_speaker_after_a_quotation_speaks(extract: Any) -> None:
    """'"... Then the hallway filled with dust," said a shopkeeper': the subject after the cue speaks,
    not a noun of the quotation the parser hung on the cue."""
    x = extract("A rocket hit a market in Kharkiv on Friday, killing four people, the governor said. \"I heard a "
                "whistle and then everything shook. Then the hallway filled with dust,\" said a shopkeeper.",
                published=PUBLISHED)
    assert claims_of(x, "shopkeeper", "report"), describe(x)
    assert not claims_of(x, "hallway", "report"), describe(x)


def test_a_witness_tells_of_the_strike_that_hit_not_the_interceptions(extract: Any) -> None:
    """A witness quoted after paragraphs on drones shot down tells of the strike that hit a building."""
    x = extract("A drone slammed into a residential tower in the city of Belgorod on Monday, killing an elderly man "
                "and wounding two people, the regional governor said.\n\nThe governor said several flats had been "
                "gutted by fire. He said the wounded were in hospital.\n\nThe Defence Ministry said air defences "
                "shot down 60 drones over five regions overnight.\n\nTrains were delayed for hours. \"I heard a huge bang and I could "
                "not breathe. Then the hallway filled with dust,\" said a shopkeeper.", published=PUBLISHED)
    said = claims_of(x, "shopkeeper", "report")
    assert said, describe(x)
    hit = [e for e in x.events if e.outcome.value == "effective"]
    assert hit and said[0].event_id == hit[0].id, describe(x)




def test_a_witness_telling_what_the_attackers_did_tells_of_the_attack_before(extract: Any) -> None:
    """'A passenger told journalists that the attackers kept shooting at the vehicle': the attackers
    are the incident's own; the account is about the attack already reported, even when the events
    layer reads a new mention ('shooting') in it."""
    x = extract("Suspected rebels opened fire on a truck carrying miners in North Kivu on Sunday evening, sending it "
                "off a bridge and killing at least six people, police said.\n\nThe truck was taking workers to the "
                "town of Butembo when the gunmen targeted it, said the local administrator. A passenger from Beni "
                "who was being treated at a clinic told journalists that the attackers kept shooting at the vehicle "
                "after it had fallen into the river.\n\nNo group claimed responsibility.", published=PUBLISHED)
    said = claims_of(x, "passenger", "report")
    police = claims_of(x, "police", "report")
    assert said and police and said[0].event_id == police[0].event_id, describe(x)


def test_a_lead_on_a_barrage_over_several_cities_reports_each_strike(extract: Any) -> None:
    """'Russia fired 30 drones and missiles at Ukrainian cities ..., Ukrainian officials said': the
    lead sums up strikes the article then breaks out city by city; the officials report each."""
    x = extract("KHARKIV, Ukraine — Russia fired more than 30 missiles at Ukrainian cities overnight, killing at least "
                "14 people, Ukrainian officials said.\n\nIn Kharkiv, a missile hit a power plant, killing six workers, "
                "the regional governor said.\n\nIn the southern city of Odesa, a missile strike on a port killed eight "
                "people, said Oleh Kiper, the head of the regional administration.", published=PUBLISHED)
    said = {c.event_id for c in claims_of(x, "Ukrainian officials", "report")}
    strikes = {e.id for e in x.events if e.type.value == "attack"}
    assert len(strikes) >= 2 and said == strikes, describe(x)


@pytest.mark.parametrize("text,source,attacker", [
    ("Gunmen ambushed a convoy near Djibo on Monday, killing 30 soldiers. The al-Qaeda-linked JNIM group claimed "
     "the ambush on Tuesday.", "The al-Qaeda-linked JNIM group", "Jama'at Nusrat al-Islam wal-Muslimin"),
    ("Rebels shelled a camp near Goma on Friday, killing six people. The Rwanda-backed M23 movement claimed "
     "responsibility for the attack.", "The Rwanda-backed M23 movement", "M23"),
])
def test_a_group_noun_speaks_for_the_name_before_it(extract: Any, text: str, source: str, attacker: str) -> None:
    """'the JNIM group claimed': the group is JNIM, whose claim names it as the attacker."""
    x = extract(text, published=PUBLISHED)
    names = {a.id: a.name for a in x.actors}
    (c,) = [c for c in x.claims if c.stance.value == "claim_responsibility"]
    assert c.source.text == source, describe(x)
    assert [names[i] for i in c.asserts.get("attacker_ids", [])] == [attacker], describe(x)


def test_one_of_the_sources_is_as_anonymous_as_the_sources(extract: Any) -> None:
    x = extract("Jihadists killed 30 soldiers in an ambush near Djibo on Monday, security sources said. The attack "
                "targeted a supply convoy, one of the sources said.", published=PUBLISHED)
    (c,) = [c for c in x.claims if c.source.text == "one of the sources"]
    assert c.source.anonymous, describe(x)


@pytest.mark.parametrize("text,source", [
    ("The military bombed a camp near Laiza on Saturday, killing nine civilians. The Kachin Independence Army "
     "(KIA) said the jets bombed the camp.", "The Kachin Independence Army"),
    ("Gunmen attacked a bus near Arauca on Monday, killing four. The National Liberation Army said its fighters "
     "carried out the attack.", "The National Liberation Army"),
])
def test_a_named_armed_group_speaks_as_one_whatever_its_head_word(extract: Any, text: str, source: str) -> None:
    """'Army' in a rebel group's name does not make it an official source."""
    x = extract(text, published=PUBLISHED)
    (c,) = [c for c in x.claims if c.source.text == source]
    assert c.source.role.value == "armed_group", describe(x)


@pytest.mark.parametrize("text,source", [
    ("Al-Shabaab militants stormed a hotel in Mogadishu on Friday. Al-Shabaab said in a statement that its fighters "
     "were inside the hotel and had killed more than 20 people.", "Al-Shabaab"),
    ("Houthi forces attacked a tanker in the Red Sea on Monday. The Houthis said their forces had tracked the ship "
     "for hours and fired two missiles at it.", "The Houthis"),
    ("Gunmen ambushed a convoy near Monywa on Monday. The People's Defence Force said its fighters were waiting "
     "on the road and ambushed the convoy.", "The People's Defence Force"),
], ids=["somalia", "yemen", "myanmar"])
def test_a_group_claims_the_second_of_two_coordinated_acts(extract: Any, text: str, source: str) -> None:
    """'its fighters were inside … and had killed 20': the attack verb shares the first verb's subject."""
    x = extract(text, published=PUBLISHED)
    (c,) = [c for c in x.claims if c.source.text == source]
    assert c.stance.value == "claim_responsibility", describe(x)


def test_an_act_glued_to_a_relative_clause_is_not_the_speakers_own(extract: Any) -> None:
    """'young men they accused of … and shot them': 'they' is the soldiers the commission reports on."""
    x = extract("Government soldiers killed at least 45 civilians in Merawi in January, the Ethiopian Human Rights "
                "Commission said. It said soldiers went from house to house looking for young men they accused of "
                "supporting the militia and shot them in the street.", published=PUBLISHED)
    stances = {c.stance.value for c in x.claims if "Commission" in c.source.text}
    assert stances == {"report"}, describe(x)


@pytest.mark.parametrize("text", [
    "Jihadist fighters killed 34 soldiers in an attack on an army post near Djibo on Friday, security sources said. "
    "The army said air strikes had neutralised dozens of assailants as they withdrew.",
    "Gunmen attacked a police station in Zamfara on Monday, killing six officers, police said. The police said "
    "an air strike destroyed the gunmen's camp near Anka on Tuesday.",
], ids=["burkina", "nigeria"])
def test_a_strike_destroying_its_target_is_no_interception_claim(extract: Any, text: str) -> None:
    x = extract(text, published=PUBLISHED)
    assert x.claims
    assert all(c.asserts.get("outcome") != "intercepted" for c in x.claims), describe(x)


@pytest.mark.parametrize("text", [
    "Al-Shabaab militants stormed a hotel in Mogadishu on Friday, killing 21 people, police said. Security forces "
    "ended the siege on Saturday after killing all the gunmen. The al Qaeda-linked group claimed responsibility.",
    "Gunmen attacked a military post near Menaka on Sunday, killing nine soldiers, the army said. Troops later killed "
    "12 of the attackers in a counter-offensive. The Islamic State Sahel Province claimed responsibility.",
], ids=["somalia", "mali"])
def test_a_group_claims_the_attack_not_the_states_reply(extract: Any, text: str) -> None:
    x = extract(text, published=PUBLISHED)
    first = x.events[0].id
    claimed = claims_of(x, "", "claim_responsibility") or [c for c in x.claims if c.stance.value == "claim_responsibility"]
    assert claimed and all(c.event_id == first for c in claimed), describe(x)
