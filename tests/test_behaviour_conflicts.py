"""Behaviour spec: English news sentences in, typed conflict events and claims out.

Every case is a sentence written in wire-service style about a conflict (Ukraine/Russia,
Sudan, the Sahel, Somalia, Yemen/Red Sea, Myanmar, Colombia, DRC, Nigeria, Syria,
Gaza/Lebanon, Afghanistan/Pakistan, Mozambique, Haiti, Ethiopia) and what `extract` must
return for it. The tables are the spec; the test functions only compare.

A case the pipeline gets wrong today stays in its table as a strict xfail whose reason says
what goes wrong, so a fix shows up as an XPASS (and then the mark must go).

Sections:
1. events: one real attack per sentence -> exactly one asserted attack event of that kind
2. non-events: generic, hypothetical, threatened, negated, future -> no asserted attack
3. claims: who says what about the attack (stance, source role, anonymity, evidence span)
4. dates: relative dates resolved against the publication date; durations are not dates
5. places: country (ISO3), admin1 (ISO 3166-2) or the populated place of the event
6. end to end: docs/examples/sudan_el_fasher.txt and docs/examples/ukraine_drone_strike.txt
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Optional

import pytest

from conflictner.schema import (
    AttackKind,
    Claim,
    Event,
    EventType,
    Extraction,
    Mention,
    Modality,
    Place,
    PlaceKind,
    Precision,
    SourceRole,
    Stance,
    TimeSpan,
)

from .conftest import EXAMPLES

Extract = Callable[..., Extraction]
Range = Optional[tuple[Optional[int], Optional[int]]]

#: publication date of the single-sentence cases: a Wednesday
PUBLISHED = "2024-05-08"


def xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=reason, strict=True)


# -- helpers ---------------------------------------------------------------------------------
def asserted_attacks(x: Extraction) -> list[Event]:
    return [e for e in x.events if e.type == EventType.attack and e.modality == Modality.asserted]


def place_of(x: Extraction, e: Event) -> Optional[Place]:
    return next((p for p in x.places if p.id == e.place_id), None)


def time_of(x: Extraction, e: Event) -> Optional[TimeSpan]:
    return next((t for t in x.times if t.id == e.time_id), None)


def describe(x: Extraction) -> str:
    """A compact dump of what was extracted, for assertion messages."""
    lines = []
    for e in x.events:
        p, t = place_of(x, e), time_of(x, e)
        lines.append(
            f"event {e.id}: {e.type.value}/{e.attack_kind.value if e.attack_kind else None} "
            f"modality={e.modality.value} fatalities={e.fatalities} injured={e.injured} "
            f"place={(p.name, p.country, p.admin1) if p else None} "
            f"time={(t.text, t.start, t.precision.value) if t else None} "
            f"mentions={[m.text for m in e.mentions]}"
        )
    for c in x.claims:
        lines.append(
            f"claim {c.id} -> {c.event_id}: {c.stance.value} source={c.source.text!r} "
            f"role={c.source.role.value} anonymous={c.source.anonymous}"
        )
    lines.append(f"places={[(p.name, p.kind.value, p.country, p.admin1) for p in x.places]}")
    lines.append(f"times={[(t.text, t.start, t.precision.value) for t in x.times]}")
    return "\n".join(lines) or "(nothing extracted)"


def only_attack(x: Extraction) -> Event:
    attacks = asserted_attacks(x)
    assert len(attacks) == 1, f"expected exactly one asserted attack event\n{describe(x)}"
    return attacks[0]


def check_count(field: str, got: Any, want: Range, x: Extraction) -> None:
    if want is None:
        return
    assert got is not None, f"{field} missing, expected min={want[0]} max={want[1]}\n{describe(x)}"
    assert (got.min, got.max) == want, f"{field}: {got}, expected min={want[0]} max={want[1]}\n{describe(x)}"


def all_mentions(x: Extraction) -> list[Mention]:
    out = [m for layer in (x.actors, x.places, x.times, x.events) for obj in layer for m in obj.mentions]
    return out + [c.evidence for c in x.claims]


def assert_mentions_slice(x: Extraction) -> None:
    text = x.document.text
    assert text is not None
    for m in all_mentions(x):
        assert text[m.start_char:m.end_char] == m.text, m


def find_claims(x: Extraction, stance: Stance, source: str) -> list[Claim]:
    return [c for c in x.claims if c.stance == stance and source.lower() in c.source.text.lower()]


# ============================================================================================
# 1. Events: one real attack -> exactly one asserted attack event of the expected kind
# ============================================================================================
# (sentence, attack_kind, fatalities (min, max) or None = not stated, injured likewise)
EVENT_CASES = [
    pytest.param(
        "Russian forces shelled the town of Kupiansk on Monday, killing two civilians, the regional governor said.",
        AttackKind.shelling, (2, 2), None, id="ukraine-shelling-kupiansk",
    ),
    pytest.param(
        "A Russian missile strike on Kharkiv killed six people and wounded 20 on Thursday, Ukrainian officials said.",
        AttackKind.missile_attack, (6, 6), (20, 20), id="ukraine-missile-strike-kharkiv",
    ),
    pytest.param(
        "A Ukrainian drone hit a fuel depot in Russia's Belgorod region overnight, but no casualties were "
        "reported, the regional governor said.",
        AttackKind.drone_strike, (0, 0), (0, 0), id="russia-drone-belgorod-no-casualties",
    ),
    pytest.param(
        "Syrian government warplanes carried out airstrikes on a market in Idlib province on Sunday, killing at "
        "least 12 people, rescue workers said.",
        AttackKind.air_strike, (12, None), None, id="syria-airstrikes-idlib-market",
    ),
    pytest.param(
        "Myanmar military jets bombed a village in Sagaing region on Tuesday, killing at least 30 people, "
        "according to local media.",
        AttackKind.air_strike, (30, None), None, id="myanmar-jets-bombed-sagaing",
    ),
    pytest.param(
        "A drone strike on a bus in Ethiopia's Amhara region killed at least 30 civilians, health workers said.",
        AttackKind.drone_strike, (30, None), None, id="ethiopia-drone-strike-bus-amhara",
    ),
    pytest.param(
        "Resistance fighters attacked an air base in Naypyitaw with drones on Thursday, the junta said.",
        AttackKind.drone_strike, None, None, id="myanmar-drone-attack-naypyitaw",
    ),
    pytest.param(
        "A roadside bomb struck a police vehicle in Kandahar on Tuesday, killing three officers and wounding five "
        "others, a provincial spokesman said.",
        AttackKind.ied, (3, 3), (5, 5), id="afghanistan-roadside-bomb-kandahar",
    ),
    pytest.param(
        "An improvised explosive device exploded under an army truck in Mali's Mopti region, killing two "
        "soldiers, a military source said.",
        AttackKind.ied, (2, 2), None, id="mali-ied-mopti",
    ),
    pytest.param(
        "A suicide bomber blew himself up at a police checkpoint in Peshawar on Friday, killing at least seven "
        "officers, police said.",
        AttackKind.suicide_bombing, (7, None), None, id="pakistan-suicide-bombing-peshawar",
    ),
    pytest.param(
        "Suspected jihadists ambushed a military convoy near Kidal on Wednesday, killing 15 soldiers, the army said.",
        AttackKind.ambush, (15, 15), None, id="mali-ambush-kidal",
    ),
    pytest.param(
        "At least 20 soldiers were killed when militants ambushed their patrol near the border with Burkina "
        "Faso, Niger's defence ministry said.",
        AttackKind.ambush, (20, None), None, id="niger-ambush-passive-killed-when",
    ),
    pytest.param(
        "Soldiers clashed with ELN guerrillas in the department of Arauca on Saturday, leaving four fighters "
        "dead, the army said.",
        AttackKind.armed_clash, (4, 4), None, id="colombia-clash-eln-arauca",
    ),
    pytest.param(
        "Troops and Fano militiamen fought heavy battles in the town of Lalibela on Sunday, residents said.",
        AttackKind.armed_clash, None, None, id="ethiopia-clash-fano-lalibela",
    ),
    pytest.param(
        "Colombian troops and FARC dissidents exchanged fire in Cauca on Sunday, leaving two soldiers dead, "
        "the army said.",
        AttackKind.armed_clash, (2, 2), None, id="colombia-exchanged-fire-cauca",
    ),
    pytest.param(
        "Israeli forces raided the Jenin refugee camp on Tuesday, killing three Palestinians, the Palestinian "
        "health ministry said.",
        AttackKind.raid, (3, 3), None, id="westbank-raid-jenin-camp",
    ),
    pytest.param(
        "Islamic State-linked insurgents raided the town of Macomia in Cabo Delgado province on Friday, looting "
        "shops and burning homes, residents said.",
        AttackKind.raid, None, None, id="mozambique-raid-macomia",
    ),
    pytest.param(
        "Armed men massacred at least 40 civilians in the village of Solenzo in western Burkina Faso on Sunday, "
        "local sources said.",
        AttackKind.massacre, (40, None), None, id="burkina-massacre-solenzo",
    ),
    pytest.param(
        "Gunmen abducted more than 100 students from a school in Kaduna state on Thursday, residents said.",
        AttackKind.abduction, None, None, id="nigeria-abduction-kaduna-school",
    ),
    pytest.param(
        "Houthi rebels fired an anti-ship missile at a commercial vessel in the Red Sea on Sunday, the U.S. "
        "military said.",
        AttackKind.missile_attack, None, None, id="yemen-houthi-missile-red-sea",
    ),
    pytest.param(
        "Hezbollah fired dozens of rockets at northern Israel on Wednesday, the Israeli military said.",
        AttackKind.rocket_attack, None, None, id="lebanon-hezbollah-rockets",
    ),
    pytest.param(
        "Paramilitary fighters shelled a displacement camp in Omdurman on Saturday, killing nine people, "
        "medics said.",
        AttackKind.shelling, (9, 9), None, id="sudan-shelling-omdurman-camp",
    ),
    pytest.param(
        "Gang members opened fire on a police patrol in the Port-au-Prince suburb of Croix-des-Bouquets on "
        "Monday, killing two officers, the police union said.",
        AttackKind.shooting, (2, 2), None, id="haiti-shooting-police-patrol",
    ),
    pytest.param(
        "Unidentified gunmen shot dead a former rebel commander in Daraa province on Sunday, the Syrian "
        "Observatory for Human Rights said.",
        AttackKind.shooting, None, None, id="syria-shooting-daraa",
    ),
    pytest.param(
        "An attacker threw a grenade into a crowded tea shop in Beledweyne on Friday, wounding six people, "
        "police said.",
        AttackKind.grenade, None, (6, 6), id="somalia-grenade-beledweyne",
    ),
    pytest.param(
        "Militiamen set fire to dozens of homes in the village of Ardamata on Sunday, residents said.",
        AttackKind.arson, None, None, id="sudan-arson-ardamata",
    ),
    pytest.param(
        "FARC dissidents used a drone to drop explosives on a police station in Cauca, injuring three officers, "
        "the police said.",
        AttackKind.drone_strike, None, (3, 3), id="colombia-drone-drops-explosives-cauca",
    ),
]


@pytest.mark.parametrize("text,kind,fatalities,injured", EVENT_CASES)
def test_event(extract: Extract, text: str, kind: AttackKind, fatalities: Range, injured: Range) -> None:
    x = extract(text, published=PUBLISHED)
    event = only_attack(x)
    assert event.attack_kind == kind, describe(x)
    check_count("fatalities", event.fatalities, fatalities, x)
    check_count("injured", event.injured, injured, x)


# ============================================================================================
# 2. Non-events: talk about attacks that did not (or not yet) happen -> no asserted attack
# ============================================================================================
NON_EVENT_CASES = [
    pytest.param("Drone strikes have become a hallmark of the war in Ukraine.", id="generic-drone-strikes-hallmark"),
    pytest.param(
        "Suicide bombings are rare in Mozambique, where insurgents usually raid villages with machetes.",
        id="generic-suicide-bombings-rare-mozambique",
    ),
    pytest.param(
        "Myanmar's junta has long used airstrikes to punish villages that support the resistance.",
        id="generic-habitual-myanmar-airstrikes",
    ),
    pytest.param(
        "If the rebels attack El Fasher, thousands of civilians could be forced to flee.",
        id="hypothetical-if-rebels-attack-el-fasher",
    ),
    pytest.param(
        "Officials fear that jihadists may try to ambush convoys on the road to Gao.",
        id="hypothetical-jihadists-may-ambush-gao",
    ),
    pytest.param(
        "Residents of Goma fled their homes, fearing an attack by M23 rebels.",
        id="feared-attack-goma",
    ),
    pytest.param("Al-Shabaab vowed to carry out more attacks against government forces.", id="threat-shabaab-vowed"),
    pytest.param(
        "The Houthis threatened to target any ship linked to Israel in the Red Sea.", id="threat-houthis-ships",
    ),
    pytest.param(
        "Pakistan warned that it would strike militant hideouts in Afghanistan if cross-border attacks continued.",
        id="threat-conditional-pakistan-strike-afghanistan",
    ),
    pytest.param(
        "The army denied that it had shelled the village.", id="negated-army-denied-shelling",
    ),
    pytest.param(
        "No airstrikes were carried out in the area on Tuesday, the military said.", id="negated-no-airstrikes",
    ),
    pytest.param(
        "Kyiv said it had not carried out any drone strikes on Russian territory that night.",
        id="negated-kyiv-had-not-carried-out-drone-strikes",
    ),
    pytest.param("The militia was preparing to attack the base.", id="preparatory-militia-preparing"),
    pytest.param(
        "The army plans to launch an offensive against ELN guerrillas in Arauca next month.",
        id="future-army-plans-offensive-arauca",
    ),
    pytest.param(
        "The Houthis have said they will keep attacking ships until the war in Gaza ends.",
        id="future-houthis-will-keep-attacking",
    ),
]


@pytest.mark.parametrize("text", NON_EVENT_CASES)
def test_non_event(extract: Extract, text: str) -> None:
    x = extract(text, published=PUBLISHED)
    assert asserted_attacks(x) == [], describe(x)


# ============================================================================================
# 3. Claims: stance, source, role, anonymity, evidence span
# ============================================================================================
ANY_ROLE = frozenset(SourceRole)
OFFICIAL = frozenset({SourceRole.official, SourceRole.spokesperson})
# (text, stance, source substring, allowed roles, anonymous or None = not checked,
#  number of asserted attack events or None = not checked)
CLAIM_CASES = [
    pytest.param(
        "Gunmen killed nine soldiers in an attack on an army post near Menaka on Sunday. JNIM, al-Qaeda's "
        "affiliate in the Sahel, claimed responsibility for the attack.",
        Stance.claim_responsibility, "JNIM", {SourceRole.armed_group}, False, 1, id="mali-jnim-claims-attack",
    ),
    pytest.param(
        "A suicide bomber killed nine police officers in Bannu on Monday. The Pakistani Taliban claimed "
        "responsibility for the bombing in a statement.",
        Stance.claim_responsibility, "Pakistani Taliban", {SourceRole.armed_group}, False, 1,
        id="pakistan-ttp-claims-bombing",
    ),
    pytest.param(
        "A bomb exploded at a Shiite mosque in Kabul during Friday prayers, killing at least six worshippers. "
        "Islamic State Khorasan Province claimed responsibility for the attack.",
        Stance.claim_responsibility, "Islamic State Khorasan Province", {SourceRole.armed_group}, False, 1,
        id="afghanistan-iskp-claims-mosque-bombing",
    ),
    pytest.param(
        "Islamic State West Africa Province claimed responsibility for an ambush that killed 10 soldiers in "
        "Borno state.",
        Stance.claim_responsibility, "Islamic State West Africa Province", {SourceRole.armed_group}, False, 1,
        id="nigeria-iswap-claims-ambush",
    ),
    pytest.param(
        "The Houthis claimed responsibility for a missile attack on a Greek-owned tanker in the Gulf of Aden "
        "on Tuesday.",
        Stance.claim_responsibility, "Houthis", {SourceRole.armed_group}, False, 1, id="yemen-houthis-claim-tanker",
    ),
    pytest.param(
        "A suicide bomber killed four soldiers at a checkpoint in Mogadishu on Thursday, a military spokesman said.",
        Stance.report, "military spokesman", OFFICIAL, None, 1, id="somalia-military-spokesman",
    ),
    pytest.param(
        "Russian missiles struck energy facilities in the Lviv region overnight, air force spokesman Yuriy "
        "Ihnat said.",
        Stance.report, "Yuriy Ihnat", OFFICIAL, False, 1, id="ukraine-named-air-force-spokesman",
    ),
    pytest.param(
        "Gunmen killed five soldiers in an ambush near Menaka on Saturday, a security source, who spoke on "
        "condition of anonymity, said.",
        Stance.report, "security source", ANY_ROLE, True, 1, id="mali-security-source-anonymity",
    ),
    pytest.param(
        "Jihadists attacked an army base in Djibo on Sunday, killing dozens of soldiers, a security official "
        "who requested anonymity told AFP.",
        Stance.report, "security official", OFFICIAL, True, 1, id="burkina-official-requested-anonymity",
    ),
    pytest.param(
        "Rapid Support Forces fighters shelled the Zamzam camp on Sunday, killing four people, residents said.",
        Stance.report, "residents", {SourceRole.witness}, None, 1, id="sudan-residents-said",
    ),
    pytest.param(
        "A drone struck a crowded market in the town of Kutum on Friday, killing 11 people, witnesses told Reuters.",
        Stance.report, "witnesses", {SourceRole.witness}, None, 1, id="sudan-witnesses-told-reuters",
    ),
    pytest.param(
        "An airstrike killed seven members of a family in the town of Maarat al-Numan on Sunday, the Syrian "
        "Observatory for Human Rights said.",
        Stance.report, "Syrian Observatory for Human Rights", {SourceRole.ngo, SourceRole.activist}, False, 1,
        id="syria-observatory-named-monitor",
    ),
    pytest.param(
        "A Russian drone attack on Odesa killed two people overnight, Ukrainian state media reported.",
        Stance.report, "state media", {SourceRole.media}, None, 1, id="ukraine-state-media-reported",
    ),
    pytest.param(
        "Houthi forces launched a drone at a cargo ship in the Red Sea on Wednesday, the British maritime "
        "agency UKMTO said.",
        Stance.report, "UKMTO", OFFICIAL, False, 1, id="yemen-ukmto-maritime-agency",
    ),
    pytest.param(
        "An Israeli airstrike on a car in southern Lebanon killed two Hezbollah fighters on Tuesday, the group said.",
        Stance.report, "the group", {SourceRole.armed_group}, None, 1, id="lebanon-hezbollah-reports-own-losses",
    ),
    pytest.param(
        "Residents said an airstrike hit a wedding party in Sagaing region on Monday. The military denied "
        "carrying out the airstrike.",
        Stance.deny, "military", ANY_ROLE, None, 1, id="myanmar-military-denies-airstrike",
    ),
    pytest.param(
        "A drone strike killed 14 people at a market in Amhara region on Monday, residents said. The defence "
        "ministry denied that it had targeted civilians.",
        Stance.deny, "defence ministry", OFFICIAL, None, 1, id="ethiopia-ministry-denies-targeting-civilians",
    ),
    pytest.param(
        "The Sudanese army accused the RSF of shelling a displacement camp near El Fasher on Saturday.",
        Stance.accuse, "Sudanese army", OFFICIAL, None, None, id="sudan-army-accuses-rsf-of-shelling",
    ),
    pytest.param(
        "The Israeli military confirmed that it had carried out a strike on a car in southern Lebanon on Wednesday.",
        Stance.confirm, "Israeli military", OFFICIAL, None, 1, id="lebanon-idf-confirms-strike",
    ),
]


@pytest.mark.parametrize("text,stance,source,roles,anonymous,n_attacks", CLAIM_CASES)
def test_claim(extract: Extract, text: str, stance: Stance, source: str, roles: set[SourceRole],
               anonymous: Optional[bool], n_attacks: Optional[int]) -> None:
    x = extract(text, published=PUBLISHED)
    for c in x.claims:  # every claim's evidence is an exact span of the text
        assert c.evidence.text == x.document.text[c.evidence.start_char:c.evidence.end_char], c
    found = find_claims(x, stance, source)
    assert found, f"no {stance.value} claim whose source contains {source!r}\n{describe(x)}"
    claim = found[0]
    assert claim.source.role in roles, describe(x)
    if anonymous is not None:
        assert claim.source.anonymous is anonymous, describe(x)
    event = next((e for e in x.events if e.id == claim.event_id), None)
    assert event is not None and event.type == EventType.attack, describe(x)
    if n_attacks is not None:
        assert len(asserted_attacks(x)) == n_attacks, describe(x)
        assert event in asserted_attacks(x), describe(x)


# ============================================================================================
# 4. Dates: the event's TimeSpan, resolved against the publication date
# ============================================================================================
# (sentence, published, start, end or None = not checked, precision)
DATE_CASES = [
    pytest.param(
        "Russian drones struck the port of Izmail on Monday, damaging grain silos, the regional governor said.",
        PUBLISHED, dt.date(2024, 5, 6), dt.date(2024, 5, 6), Precision.day, id="on-monday",
    ),
    pytest.param(
        "Gunmen ambushed a bus near Menaka late on Friday, killing six passengers, local officials said.",
        PUBLISHED, dt.date(2024, 5, 3), dt.date(2024, 5, 3), Precision.day, id="late-on-friday",
    ),
    pytest.param(
        "Russian drones attacked Odesa on Sunday night, damaging port infrastructure, the regional governor said.",
        PUBLISHED, dt.date(2024, 5, 5), None, Precision.day, id="sunday-night",
    ),
    pytest.param(
        "Houthi forces launched a drone at a cargo ship in the Red Sea on Wednesday, the British maritime "
        "agency UKMTO said.",
        PUBLISHED, dt.date(2024, 5, 8), dt.date(2024, 5, 8), Precision.day, id="on-wednesday-same-day-as-published",
    ),
    pytest.param(
        "Government troops clashed with Fano militiamen near Gondar yesterday, residents said.",
        PUBLISHED, dt.date(2024, 5, 7), dt.date(2024, 5, 7), Precision.day, id="yesterday",
    ),
    pytest.param(
        "Al-Shabaab fighters attacked a military base in Hiraan region last week, killing at least 10 soldiers, "
        "officials said.",
        PUBLISHED, dt.date(2024, 4, 29), dt.date(2024, 5, 5), Precision.week, id="last-week",
    ),
    pytest.param(
        "Suspected ADF rebels attacked a village in Ituri province earlier this month, killing 18 people, a "
        "local official said.",
        PUBLISHED, dt.date(2024, 5, 1), None, Precision.month, id="earlier-this-month",
    ),
    pytest.param(
        "An Israeli airstrike hit a residential building in Khan Younis on March 3, killing 11 people, the "
        "Gaza health ministry said.",
        PUBLISHED, dt.date(2024, 3, 3), dt.date(2024, 3, 3), Precision.day, id="on-march-3",
    ),
    pytest.param(
        "Gunmen abducted 20 villagers in Zamfara state on May 1, police said.",
        PUBLISHED, dt.date(2024, 5, 1), dt.date(2024, 5, 1), Precision.day, id="on-may-1",
    ),
    pytest.param(
        "A car bomb exploded outside a police station in Quetta on Dec. 28, killing four people, officials said.",
        "2024-01-05", dt.date(2023, 12, 28), dt.date(2023, 12, 28), Precision.day, id="dec-28-previous-year",
    ),
]


@pytest.mark.parametrize("text,published,start,end,precision", DATE_CASES)
def test_event_date(extract: Extract, text: str, published: str, start: dt.date, end: Optional[dt.date],
                    precision: Precision) -> None:
    x = extract(text, published=published)
    time = time_of(x, only_attack(x))
    assert time is not None, describe(x)
    assert (time.start, time.precision) == (start, precision), describe(x)
    if end is not None:
        assert time.end == end, describe(x)


# (sentence, the duration phrase that must not become a date)
DURATION_CASES = [
    pytest.param(
        "A two-hour gun battle between police and gang members in Port-au-Prince left three officers dead, "
        "the police union said.",
        "two-hour", id="two-hour-gun-battle",
    ),
    pytest.param(
        "Soldiers and rebels fought a three-day battle for control of the town of Lashio, residents said.",
        "three-day", id="three-day-battle",
    ),
    pytest.param(
        "A Ukrainian drone struck an oil refinery in Russia's Krasnodar region overnight, starting a fire that "
        "burned for hours, the regional governor said.",
        "hours", id="fire-burned-for-hours",
    ),
]


@pytest.mark.parametrize("text,duration", DURATION_CASES)
def test_duration_is_not_a_date(extract: Extract, text: str, duration: str) -> None:
    x = extract(text, published=PUBLISHED)
    assert len(asserted_attacks(x)) == 1, describe(x)
    for t in x.times:
        assert duration not in t.text.lower(), describe(x)
        if t.start is not None:  # a dated span must not come from the duration
            assert all(duration not in m.text.lower() for m in t.mentions), describe(x)


# ============================================================================================
# 5. Places: the event's place
# ============================================================================================
# (sentence, country ISO3 or None, admin1 or None = not checked, name or None = not checked,
#  kind or None = not checked)
PLACE_CASES = [
    pytest.param(
        "Russian artillery shelled a residential area in Kherson on Sunday, killing two people, the regional "
        "governor said.",
        "UKR", "UA-65", "Kherson", None, id="ukraine-in-kherson",
    ),
    pytest.param(
        "A Russian drone struck a bus in Nikopol on Saturday, wounding nine people, the regional governor said.",
        "UKR", "UA-12", "Nikopol", None, id="ukraine-in-nikopol",
    ),
    pytest.param(
        "Suspected jihadists ambushed a military convoy near Kidal on Wednesday, the army said.",
        "MLI", "ML-8", None, None, id="mali-near-kidal",
    ),
    pytest.param(
        "Gunmen ambushed a truck convoy near Gao on Thursday, local officials said.",
        "MLI", "ML-7", "Gao", None, id="mali-near-gao",
    ),
    pytest.param(
        "RSF fighters attacked the village of Tawila in North Darfur on Saturday, residents said.",
        "SDN", "SD-DN", None, None, id="sudan-in-north-darfur",
    ),
    pytest.param(
        "The RSF shelled a market in Omdurman on Sunday, killing 15 people, medics said.",
        "SDN", "SD-KH", "Omdurman", None, id="sudan-in-omdurman",
    ),
    pytest.param(
        "M23 rebels shelled a displacement camp on the outskirts of Goma on Friday, killing five people, the "
        "U.N. said.",
        "COD", "CD-NK", "Goma", None, id="drc-outskirts-of-goma",
    ),
    pytest.param(
        "Insurgents raided a village near Mocimboa da Praia in Cabo Delgado province on Tuesday, residents said.",
        "MOZ", "MZ-P", None, None, id="mozambique-in-cabo-delgado",
    ),
    pytest.param(
        "A suicide bomber blew herself up at a market in Maiduguri on Saturday, killing 12 people, police said.",
        "NGA", "NG-BO", "Maiduguri", None, id="nigeria-in-maiduguri",
    ),
    pytest.param(
        "Gang members attacked a police station in Port-au-Prince on Monday, the police union said.",
        "HTI", "HT-OU", "Port-au-Prince", None, id="haiti-in-port-au-prince",
    ),
    pytest.param(
        "Houthi forces fired two anti-ship missiles at a container ship in the Gulf of Aden on Tuesday, the "
        "U.S. military said.",
        None, None, "Gulf of Aden", PlaceKind.water_body, id="yemen-in-the-gulf-of-aden",
    ),
    pytest.param(
        "Houthi forces fired two anti-ship missiles at a container ship in the Red Sea on Tuesday, the U.S. "
        "military said.",
        None, None, "Red Sea", PlaceKind.water_body, id="yemen-in-the-red-sea",
    ),
]


@pytest.mark.parametrize("text,country,admin1,name,kind", PLACE_CASES)
def test_event_place(extract: Extract, text: str, country: Optional[str], admin1: Optional[str],
                     name: Optional[str], kind: Optional[PlaceKind]) -> None:
    x = extract(text, published=PUBLISHED)
    place = place_of(x, only_attack(x))
    assert place is not None, describe(x)
    assert place.country == country, describe(x)
    if admin1 is not None:
        assert place.admin1 == admin1, describe(x)
    if name is not None:
        assert place.name == name, describe(x)
    if kind is not None:
        assert place.kind == kind, describe(x)


def test_near_kidal_keeps_the_qualifier(extract: Extract) -> None:
    x = extract("Suspected jihadists ambushed a military convoy near Kidal on Wednesday, the army said.",
                published=PUBLISHED)
    place = place_of(x, only_attack(x))
    assert place is not None and place.qualifier == "near", describe(x)


# ============================================================================================
# 6. End to end on the two example articles
# ============================================================================================
SUDAN_PUBLISHED = "2024-06-10"  # a Monday
UKRAINE_PUBLISHED = "2024-09-18"  # a Wednesday


@pytest.fixture(scope="module")
def sudan(extract: Extract) -> Extraction:
    text = (EXAMPLES / "sudan_el_fasher.txt").read_text(encoding="utf8")
    return extract(text, published=SUDAN_PUBLISHED, outlet="conflictner example")


@pytest.fixture(scope="module")
def ukraine(extract: Extract) -> Extraction:
    text = (EXAMPLES / "ukraine_drone_strike.txt").read_text(encoding="utf8")
    return extract(text, published=UKRAINE_PUBLISHED, outlet="conflictner example")


def event_matching(x: Extraction, spec: dict[str, Any]) -> Event:
    """The single asserted attack with the given kind / place country / place name / date."""

    def ok(e: Event) -> bool:
        p, t = place_of(x, e), time_of(x, e)
        return (
            ("kind" not in spec or e.attack_kind == spec["kind"])
            and ("country" not in spec or (p is not None and p.country == spec["country"]))
            and ("place" not in spec or (p is not None and p.name == spec["place"]))
            and ("date" not in spec or (t is not None and t.start in spec["date"]))
        )

    hits = [e for e in asserted_attacks(x) if ok(e)]
    assert len(hits) == 1, f"expected one asserted attack matching {spec}\n{describe(x)}"
    return hits[0]


def sentence_span(x: Extraction, needle: str) -> tuple[int, int]:
    """Character span of the paragraph (one sentence each in the examples) containing needle."""
    text = x.document.text or ""
    at = text.index(needle)
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end == -1 else end


# -- the Sudan article -------------------------------------------------------------------------
HOSPITAL = {"kind": AttackKind.drone_strike}
CAMP = {"kind": AttackKind.attack}


def test_sudan_asserted_attacks(sudan: Extraction) -> None:
    kinds = sorted(e.attack_kind.value for e in asserted_attacks(sudan) if e.attack_kind)
    assert kinds == ["attack", "drone_strike"], describe(sudan)


def test_sudan_two_attacks_headline_folded_in(sudan: Extraction) -> None:
    """Headline, lead and 'the strike'/'the attack on the camp' refer back: two incidents only."""
    assert len(asserted_attacks(sudan)) == 2, describe(sudan)


def test_sudan_hospital_strike(sudan: Extraction) -> None:
    e = event_matching(sudan, HOSPITAL)
    check_count("fatalities", e.fatalities, (9, 9), sudan)
    check_count("injured", e.injured, (14, 14), sudan)
    place, time = place_of(sudan, e), time_of(sudan, e)
    assert place is not None and (place.name, place.country, place.admin1) == ("El Fasher", "SDN", "SD-DN")
    assert time is not None and (time.start, time.precision) == (dt.date(2024, 6, 9), Precision.day)


def test_sudan_camp_attack(sudan: Extraction) -> None:
    e = event_matching(sudan, CAMP)
    check_count("fatalities", e.fatalities, (5, None), sudan)
    time = time_of(sudan, e)
    assert time is not None and (time.start, time.precision) == (dt.date(2024, 6, 8), Precision.day)
    place = place_of(sudan, e)
    assert place is not None and place.country == "SDN", describe(sudan)


# (stance, source substring, roles, anonymous or None, the event it must be attached to)
SUDAN_CLAIMS = [
    pytest.param(Stance.report, "health ministry", OFFICIAL, None, HOSPITAL, id="health-ministry-reports-strike"),
    pytest.param(Stance.accuse, "ministry", OFFICIAL, None, HOSPITAL, id="ministry-blames-rsf"),
    pytest.param(
        Stance.deny, "RSF spokesman", {SourceRole.spokesperson, SourceRole.armed_group}, None, HOSPITAL,
        id="rsf-spokesman-denies",
    ),
    pytest.param(
        Stance.report, "residents", {SourceRole.witness}, None, CAMP, id="residents-report-camp-attack",
    ),
    pytest.param(
        Stance.report, "resident", {SourceRole.witness}, True, CAMP, id="anonymous-resident",
    ),
    pytest.param(
        Stance.report, "army", OFFICIAL, None, CAMP, id="army-reports-repelled-attack",
    ),
]


@pytest.mark.parametrize("stance,source,roles,anonymous,target", SUDAN_CLAIMS)
def test_sudan_claims(sudan: Extraction, stance: Stance, source: str, roles: set[SourceRole],
                      anonymous: Optional[bool], target: dict[str, Any]) -> None:
    event = event_matching(sudan, target)
    found = [c for c in find_claims(sudan, stance, source) if c.event_id == event.id]
    assert found, f"no {stance.value} claim from {source!r} on {event.id}\n{describe(sudan)}"
    assert found[0].source.role in roles, describe(sudan)
    if anonymous is not None:
        assert found[0].source.anonymous is anonymous, describe(sudan)


@pytest.mark.parametrize("needle", [
    pytest.param("almost daily occurrence", id="generic-drone-strikes-daily"),
    pytest.param("If the RSF launches a full assault", id="hypothetical-full-assault"),
])
def test_sudan_generic_sentences_are_not_events(sudan: Extraction, needle: str) -> None:
    start, end = sentence_span(sudan, needle)
    for e in asserted_attacks(sudan):
        assert all(not (start <= m.start_char < end) for m in e.mentions), describe(sudan)


def test_sudan_two_hours_is_not_a_date(sudan: Extraction) -> None:
    assert all("hour" not in t.text.lower() for t in sudan.times), describe(sudan)


def test_sudan_mentions_slice_the_text(sudan: Extraction) -> None:
    assert_mentions_slice(sudan)
    assert sudan.document.published == dt.date(2024, 6, 10)


# -- the Ukraine article -----------------------------------------------------------------------
TVER = {"kind": AttackKind.drone_strike, "country": "RUS"}
SUMY = {"kind": AttackKind.drone_strike, "country": "UKR"}
MERGED = ("the Sumy strike ('Separately, a Russian drone hit ...') is merged into the Tver depot event, "
          "while the headline 'Russian Drone Kills Two in Sumy' becomes an event of its own")


def test_ukraine_asserted_attacks(ukraine: Extraction) -> None:
    kinds = sorted(e.attack_kind.value for e in asserted_attacks(ukraine) if e.attack_kind)
    assert kinds == ["drone_strike", "drone_strike"], describe(ukraine)
    countries = sorted(p.country for e in asserted_attacks(ukraine) if (p := place_of(ukraine, e)))
    assert countries == ["RUS", "UKR"], describe(ukraine)
    # the body's Sumy sentence belongs to the Sumy event, not to the Tver one
    start, end = sentence_span(ukraine, "hit an apartment building")
    tver, sumy = event_matching(ukraine, TVER), event_matching(ukraine, SUMY)
    assert any(start <= m.start_char < end for m in sumy.mentions), describe(ukraine)
    assert not any(start <= m.start_char < end for m in tver.mentions), describe(ukraine)


def test_ukraine_tver_depot_strike(ukraine: Extraction) -> None:
    e = event_matching(ukraine, TVER)
    assert e.fatalities is None or e.fatalities.min in (0, None), describe(ukraine)
    time = time_of(ukraine, e)
    assert time is not None and time.start in (dt.date(2024, 9, 17), dt.date(2024, 9, 18)), describe(ukraine)


def test_ukraine_sumy_strike(ukraine: Extraction) -> None:
    e = event_matching(ukraine, SUMY)
    check_count("fatalities", e.fatalities, (2, 2), ukraine)
    check_count("injured", e.injured, (11, 11), ukraine)
    place, time = place_of(ukraine, e), time_of(ukraine, e)
    assert place is not None and (place.name, place.admin1) == ("Sumy", "UA-59"), describe(ukraine)
    assert time is not None and (time.start, time.precision) == (dt.date(2024, 9, 17), Precision.day)


UKRAINE_CLAIMS = [
    pytest.param(
        Stance.claim_responsibility, "military intelligence", OFFICIAL, False, TVER,
        id="military-intelligence-claims-depot-strike",
    ),
    pytest.param(
        Stance.report, "Igor Rudenya", OFFICIAL, False, TVER, id="named-governor-reports-fire",
    ),
    pytest.param(
        Stance.report, "regional military administration", OFFICIAL, None, SUMY,
        id="military-administration-reports-sumy",
    ),
]


@pytest.mark.parametrize("stance,source,roles,anonymous,target", UKRAINE_CLAIMS)
def test_ukraine_claims(ukraine: Extraction, stance: Stance, source: str, roles: set[SourceRole],
                        anonymous: Optional[bool], target: dict[str, Any]) -> None:
    event = event_matching(ukraine, target)
    found = [c for c in find_claims(ukraine, stance, source) if c.event_id == event.id]
    assert found, f"no {stance.value} claim from {source!r} on {event.id}\n{describe(ukraine)}"
    assert found[0].source.role in roles, describe(ukraine)
    if anonymous is not None:
        assert found[0].source.anonymous is anonymous, describe(ukraine)


@pytest.mark.parametrize("needle", [
    pytest.param("Kyiv has increasingly relied", id="generic-long-range-drone-strikes"),
    pytest.param("could provoke a harsher response", id="threat-harsher-response"),
])
def test_ukraine_generic_sentences_are_not_events(ukraine: Extraction, needle: str) -> None:
    start, end = sentence_span(ukraine, needle)
    for e in asserted_attacks(ukraine):
        assert all(not (start <= m.start_char < end) for m in e.mentions), describe(ukraine)


@pytest.mark.parametrize("duration", [
    pytest.param("hours", id="burned-for-hours"),
    pytest.param("three-hour", id="three-hour-search"),
])
def test_ukraine_durations_are_not_dates(ukraine: Extraction, duration: str) -> None:
    assert all(duration not in t.text.lower() for t in ukraine.times), describe(ukraine)


def test_ukraine_mentions_slice_the_text(ukraine: Extraction) -> None:
    assert_mentions_slice(ukraine)
    assert ukraine.document.published == dt.date(2024, 9, 18)
