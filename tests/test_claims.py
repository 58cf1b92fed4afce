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
