"""Text in, typed events out, on whole articles: the team's example article and, when
../shared is present, the article the project was designed from."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictner import Extraction

from .conftest import actor_names


def asserted_attacks(x: Extraction):
    return [e for e in x.events if e.type.value == "attack" and e.modality.value == "asserted"]


def sentence_span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def every_mention(x: Extraction):
    for layer in (x.actors, x.places, x.times, x.events):
        for obj in layer:
            yield from obj.mentions
    for c in x.claims:
        yield c.evidence


# -- the team's example (docs/examples/somalia_base_attack.txt, used by `make demo`) ----------
def test_somalia_two_attacks_of_the_right_kinds(somalia):
    attacks = asserted_attacks(somalia)
    assert [e.attack_kind.value for e in attacks] == ["shelling", "ambush"]


def test_somalia_mortar_attack_roles_place_time_and_figures(somalia):
    mortar = asserted_attacks(somalia)[0]
    assert "al-shabaab" in [n.lower() for n in actor_names(somalia, mortar.attacker_ids)]
    assert mortar.instruments and mortar.instruments[0].count == 6
    place = next(p for p in somalia.places if p.id == mortar.place_id)
    # "near Mogadishu airport": the facility table knows the airport (Aden Adde)
    assert (place.name, place.kind.value, place.country, place.admin1) == (
        "Aden Adde International Airport", "facility", "SOM", "SO-BN")
    assert (place.qualifier, place.geo_precision) == ("near", 2)
    time = next(t for t in somalia.times if t.id == mortar.time_id)
    assert time.start == dt.date(2024, 3, 5) and time.precision.value == "day"  # "late on Tuesday"
    # the official says 2 killed, al-Shabaab says 15: the event keeps the conservative figure
    assert (mortar.fatalities.min, mortar.fatalities.max) == (2, 2)
    assert (mortar.injured.min, mortar.injured.max) == (4, 4)
    assert "fatalities" in mortar.disputed
    assert mortar.outcome.value == "effective"


def test_somalia_claims_keep_competing_figures(somalia):
    mortar = asserted_attacks(somalia)[0]
    claims = {c.stance.value: c for c in somalia.claims if c.event_id == mortar.id}
    official, group = claims["report"], claims["claim_responsibility"]
    assert official.source.text == "a Somali military official"
    assert official.source.anonymous and official.source.affiliation == "SOM"
    assert official.asserts["fatalities"] == {"min": 2, "max": 2}
    assert group.source.text == "Al-Shabaab" and group.source.role.value == "armed_group"
    assert group.asserts["fatalities"] == {"min": 15, "max": 15}
    assert sorted(mortar.disputed["fatalities"]) == sorted([official.id, group.id])


def test_somalia_ambush_is_a_separate_event_reported_by_residents(somalia):
    ambush = asserted_attacks(somalia)[1]
    assert actor_names(somalia, ambush.attacker_ids) == ["gunmen"]
    place = next(p for p in somalia.places if p.id == ambush.place_id)
    assert place.name == "Afgooye"
    time = next(t for t in somalia.times if t.id == ambush.time_id)
    assert time.start == dt.date(2024, 3, 5)  # "Hours later", after the mortar attack
    assert (ambush.fatalities.max, ambush.injured.max) == (0, 0)  # "No casualties were reported"
    sources = {c.source.text: c for c in somalia.claims if c.event_id == ambush.id}
    assert sources["residents"].source.role.value == "witness"


def test_somalia_generic_closing_sentence_is_not_an_event(somalia):
    text = somalia.document.text
    lo, _ = sentence_span(text, "Mortar attacks have become a regular feature")  # the last sentence
    for e in somalia.events:
        assert all(m.start_char < lo for m in e.mentions), e


def test_somalia_offsets_slice_the_text(somalia):
    text = somalia.document.text
    for m in every_mention(somalia):
        assert text[m.start_char:m.end_char] == m.text


# -- the design article (../shared/seeds), published 2023-10-19 --------------------------------
@pytest.mark.shared
def test_seed_exactly_two_attacks_dated_in_iraq(seed):
    attacks = asserted_attacks(seed)
    assert len(attacks) == 2
    times = {t.id: t for t in seed.times}
    places = {p.id: p for p in seed.places}
    for e in attacks:
        assert times[e.time_id].start == dt.date(2023, 10, 18) and times[e.time_id].precision.value == "day"
        assert places[e.place_id].country == "IRQ"
        assert e.attack_kind.value == "drone_strike"
        assert not (e.fatalities and (e.fatalities.min or 0) > 0)
    assert places[attacks[0].place_id].qualifier == "western"
    assert attacks[0].outcome.value == "intercepted"
    assert attacks[0].acled_sub_event_type == "Disrupted weapons use"


@pytest.mark.shared
def test_seed_attacker_claimed_and_target_us_troops(seed):
    iri = next(a for a in seed.actors if a.name == "Islamic Resistance in Iraq")
    assert iri.kind.value == "militia" and iri.country == "IRQ" and "IRN" in iri.backers
    troops = next(a for a in seed.actors if a.name.lower() == "u.s. troops")
    assert troops.kind.value == "state_forces" and troops.country == "USA"
    for e in asserted_attacks(seed):
        assert iri.id in e.attacker_ids
        assert troops.id in e.target_ids
        claimed = [c for c in seed.claims if c.event_id == e.id and c.stance.value == "claim_responsibility"]
        assert any(c.source.actor_id == iri.id for c in claimed)


@pytest.mark.shared
def test_seed_claims_and_sources(seed):
    text = seed.document.text
    attacks = {e.id for e in asserted_attacks(seed)}

    def claims_from(prefix: str):
        return [c for c in seed.claims if c.source.text.startswith(prefix) and c.event_id in attacks]

    official = claims_from("a U.S. defense official")
    assert official and all(c.stance.value == "report" and c.source.anonymous for c in official)
    assert all(c.source.affiliation == "USA" and c.source.role.value == "official" for c in official)
    assert official[0].asserts.get("outcome") == "intercepted"
    militia_officials = claims_from("Two officials with Iranian-backed militias")
    assert {c.event_id for c in militia_officials} == attacks
    assert all(c.stance.value == "confirm" and c.source.anonymous for c in militia_officials)
    iri = claims_from("The Islamic Resistance in Iraq")
    assert {c.event_id for c in iri if c.stance.value == "claim_responsibility"} == attacks
    assert not any(c.source.anonymous for c in iri)
    for c in seed.claims:
        assert text[c.evidence.start_char:c.evidence.end_char] == c.evidence.text


@pytest.mark.shared
@pytest.mark.parametrize("needle", [
    "Small, independent militias, however, are well-suited for harassment operations",
    "Militia groups from Iraq, as with any Iranian forces, would have to transit Syria",
    "Given current tensions between Syria and Lebanon",
    "Jordan is a key U.S. ally in the region",
])
def test_seed_generic_and_hypothetical_sentences_give_no_event(seed, needle):
    text = seed.document.text
    lo = text.index(needle)
    hi = text.find(".", lo + len(needle)) + 1
    for e in seed.events:
        if e.type.value != "attack":
            continue
        assert not any(lo <= m.start_char < hi for m in e.mentions), (needle, e.mentions)


@pytest.mark.shared
def test_seed_threats_are_not_attacks(seed):
    threats = [e for e in seed.events if e.type.value == "threat"]
    assert threats and all(e.modality.value != "asserted" for e in threats)
    hezbollah = next(a for a in seed.actors if a.name == "Hezbollah")
    assert any(hezbollah.id in e.attacker_ids for e in threats)
