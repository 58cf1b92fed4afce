"""The public data contract: pydantic models for everything conflictner returns.

Field names here are a published contract (notebooks and evaluation scripts read them):
fields may be added, never renamed. Every closed vocabulary is an enum so that a typo in
code or in a stored file fails validation instead of passing silently.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False, validate_assignment=True)


class ActorKind(str, Enum):
    state = "state"
    state_forces = "state_forces"
    militia = "militia"
    rebel_group = "rebel_group"
    insurgent_group = "insurgent_group"
    paramilitary = "paramilitary"
    police = "police"
    civilians = "civilians"
    international = "international"
    unidentified_armed_group = "unidentified_armed_group"
    identity_militia = "identity_militia"
    criminal_group = "criminal_group"
    protesters = "protesters"
    rioters = "rioters"
    other = "other"


#: ACLED "inter" codes: 1 state forces, 2 rebels, 3 political militias, 4 identity militias,
#: 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
ACLED_INTER: dict[ActorKind, int] = {
    ActorKind.state: 1,
    ActorKind.state_forces: 1,
    ActorKind.police: 1,
    ActorKind.rebel_group: 2,
    ActorKind.insurgent_group: 2,
    ActorKind.militia: 3,
    ActorKind.paramilitary: 3,
    ActorKind.unidentified_armed_group: 3,
    ActorKind.criminal_group: 3,
    ActorKind.identity_militia: 4,
    ActorKind.rioters: 5,
    ActorKind.protesters: 6,
    ActorKind.civilians: 7,
    ActorKind.international: 8,
    ActorKind.other: 8,
}


class PlaceKind(str, Enum):
    country = "country"
    admin1 = "admin1"
    admin2 = "admin2"
    populated_place = "populated_place"
    facility = "facility"
    region = "region"
    water_body = "water_body"


class Precision(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"
    unknown = "unknown"


class TimeAnchor(str, Enum):
    absolute = "absolute"
    published = "published"
    event = "event"


class EventType(str, Enum):
    attack = "attack"
    threat = "threat"
    other = "other"


class AttackKind(str, Enum):
    drone_strike = "drone_strike"
    air_strike = "air_strike"
    missile_attack = "missile_attack"
    rocket_attack = "rocket_attack"
    shelling = "shelling"
    armed_clash = "armed_clash"
    ied = "ied"
    suicide_bombing = "suicide_bombing"
    bombing = "bombing"
    ambush = "ambush"
    raid = "raid"
    massacre = "massacre"
    shooting = "shooting"
    grenade = "grenade"
    abduction = "abduction"
    arson = "arson"
    territory_capture = "territory_capture"
    attack = "attack"
    other = "other"


#: attack kinds that may describe the same incident in different words ("the bombing" after
#: "a suicide bomber killed ..."): used by event coreference and by evaluation matching
ATTACK_FAMILIES: dict[str, frozenset[AttackKind]] = {
    "remote": frozenset({AttackKind.drone_strike, AttackKind.air_strike, AttackKind.missile_attack,
                         AttackKind.rocket_attack, AttackKind.shelling}),
    "explosive": frozenset({AttackKind.ied, AttackKind.suicide_bombing, AttackKind.bombing, AttackKind.grenade}),
    "ground": frozenset({AttackKind.armed_clash, AttackKind.ambush, AttackKind.raid, AttackKind.shooting,
                         AttackKind.massacre, AttackKind.territory_capture, AttackKind.abduction}),
}
#: kinds that say only "an attack happened": compatible with anything
WILDCARD_KINDS: frozenset[AttackKind] = frozenset({AttackKind.attack, AttackKind.other})


def kinds_compatible(a: Optional[AttackKind | str], b: Optional[AttackKind | str]) -> bool:
    """Same kind, same family (ATTACK_FAMILIES), or either one unknown/generic."""
    if a is None or b is None:
        return True
    a, b = AttackKind(a), AttackKind(b)
    if a == b or a in WILDCARD_KINDS or b in WILDCARD_KINDS:
        return True
    return any(a in fam and b in fam for fam in ATTACK_FAMILIES.values())


class Outcome(str, Enum):
    effective = "effective"
    intercepted = "intercepted"
    failed = "failed"
    unknown = "unknown"


class Modality(str, Enum):
    asserted = "asserted"
    negated = "negated"
    hypothetical = "hypothetical"
    generic = "generic"
    future = "future"


class Stance(str, Enum):
    report = "report"
    claim_responsibility = "claim_responsibility"
    confirm = "confirm"
    deny = "deny"
    accuse = "accuse"
    threaten = "threaten"


class SourceRole(str, Enum):
    official = "official"
    spokesperson = "spokesperson"
    armed_group = "armed_group"
    media = "media"
    witness = "witness"
    activist = "activist"
    ngo = "ngo"
    other = "other"


class Document(_Model):
    """The article an extraction comes from; every claim points back to it."""

    id: str
    url: Optional[str] = None
    outlet: Optional[str] = None
    title: Optional[str] = None
    published: Optional[dt.date] = None
    text_sha256: str
    text: Optional[str] = Field(default=None, description="The full text (offsets index into it).")


class Mention(_Model):
    """An exact span of the document text: text == document.text[start_char:end_char]."""

    text: str
    start_char: int = Field(ge=0)
    end_char: int = Field(ge=0)
    sentence: int = Field(ge=0, description="Index of the sentence the span starts in.")

    @model_validator(mode="after")
    def _ordered(self) -> Mention:
        if self.end_char < self.start_char:
            raise ValueError("end_char must be >= start_char")
        return self


class Actor(_Model):
    id: str
    name: str
    kind: ActorKind
    acled_inter: int = Field(ge=1, le=8)
    country: Optional[str] = Field(default=None, pattern=r"^[A-Z]{3}$")
    backers: list[str] = Field(default_factory=list)
    parent_id: Optional[str] = None
    parent_gazetteer_id: Optional[str] = Field(
        default=None, description="Gazetteer id of the umbrella group, even when not mentioned."
    )
    aliases: list[str] = Field(default_factory=list)
    gazetteer_id: Optional[str] = None
    descriptor: bool = Field(default=False, description="True for unnamed actors ('U.S. troops').")
    mentions: list[Mention] = Field(min_length=1)
    rule_ids: list[str] = Field(default_factory=list)


class Place(_Model):
    id: str
    name: str
    kind: PlaceKind
    country: Optional[str] = Field(default=None, pattern=r"^[A-Z]{3}$")
    admin1: Optional[str] = None
    lat: Optional[float] = Field(default=None, ge=-90, le=90)
    lon: Optional[float] = Field(default=None, ge=-180, le=180)
    gazetteer_id: Optional[str] = None
    qualifier: Optional[str] = None
    geo_precision: int = Field(ge=1, le=3)
    mentions: list[Mention] = Field(min_length=1)
    rule_ids: list[str] = Field(default_factory=list)


class TimeSpan(_Model):
    id: str
    text: str
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    precision: Precision
    time_precision: int = Field(ge=1, le=3)
    anchor: TimeAnchor
    mentions: list[Mention] = Field(min_length=1)
    rule_ids: list[str] = Field(default_factory=list)


class Instrument(_Model):
    kind: str
    count: Optional[int] = Field(default=None, ge=0)


class Count(_Model):
    """A casualty figure as a range; None on a side means open ('at least 12' -> min 12)."""

    min: Optional[int] = Field(default=None, ge=0)
    max: Optional[int] = Field(default=None, ge=0)


class Event(_Model):
    id: str
    type: EventType
    attack_kind: Optional[AttackKind] = None
    acled_event_type: Optional[str] = None
    acled_sub_event_type: Optional[str] = None
    cameo_root: Optional[str] = None
    plover_mode: Optional[str] = None
    attacker_ids: list[str] = Field(default_factory=list)
    target_ids: list[str] = Field(default_factory=list)
    target_text: Optional[str] = None
    target_texts: list[str] = Field(
        default_factory=list,
        description="The phrases of what was attacked: target_text first, then the phrases coordinated "
                    "with it ('a gendarmerie school and a military airbase').",
    )
    instruments: list[Instrument] = Field(default_factory=list)
    place_id: Optional[str] = None
    geo_precision: Optional[int] = Field(
        default=None, ge=1, le=3,
        description="ACLED geo_precision of the event's location: its place's own, lowered when the place "
                    "is a fallback (2 at least for the dateline's town, 3 for the document's main country).",
    )
    time_id: Optional[str] = None
    outcome: Outcome = Outcome.unknown
    damage: Optional[bool] = None
    fatalities: Optional[Count] = None
    injured: Optional[Count] = None
    modality: Modality = Modality.asserted
    disputed: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Field name -> ids of the claims whose values for that field disagree.",
    )
    claim_ids: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(min_length=1)
    rule_ids: list[str] = Field(default_factory=list)


class Source(_Model):
    text: str
    actor_id: Optional[str] = None
    role: SourceRole
    affiliation: Optional[str] = None
    anonymous: bool = False
    person: Optional[str] = None
    channel: Optional[str] = Field(default=None, description="A wire agency or outlet relaying it.")


class Claim(_Model):
    id: str
    event_id: str
    stance: Stance
    source: Source
    cue: Optional[str] = None
    asserts: dict[str, Any] = Field(default_factory=dict)
    evidence: Mention
    document_id: str
    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[dt.date] = None
    rule_ids: list[str] = Field(default_factory=list)


class Extraction(_Model):
    schema_version: str = SCHEMA_VERSION
    document: Document
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[TimeSpan] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    report_country: Optional[str] = Field(
        default=None,
        pattern=r"^[A-Z]{3}$",
        description="The one country the report is clearly about (ISO 3166 alpha-3): the only country "
        "it names, by places (as resolved) and actors, or one named at least twice as often as any other, "
        "and by at least one place name. None when no one country leads (a report on talks between two "
        "states). A place name no gazetteer knows is put in this country at geo_precision 3.",
    )
    report_admin1: Optional[str] = Field(
        default=None,
        description="The province or state of report_country the report is clearly about (its places "
        "fall in it at least twice as often as in any other), if any.",
    )

    # -- convenience views for pandas; plain lists of dicts so pandas stays optional ----------
    def events_table(self) -> list[dict[str, Any]]:
        """One flat row per event, with actor/place/time names resolved."""
        actors = {a.id: a for a in self.actors}
        places = {p.id: p for p in self.places}
        times = {t.id: t for t in self.times}
        rows = []
        for e in self.events:
            place = places.get(e.place_id) if e.place_id else None
            time = times.get(e.time_id) if e.time_id else None
            rows.append(
                {
                    "document_id": self.document.id,
                    "event_id": e.id,
                    "type": e.type.value,
                    "attack_kind": e.attack_kind.value if e.attack_kind else None,
                    "acled_event_type": e.acled_event_type,
                    "acled_sub_event_type": e.acled_sub_event_type,
                    "attackers": "; ".join(actors[i].name for i in e.attacker_ids if i in actors),
                    "targets": "; ".join(actors[i].name for i in e.target_ids if i in actors),
                    "target_text": e.target_text,
                    "instruments": "; ".join(
                        f"{i.count} {i.kind}" if i.count is not None else i.kind
                        for i in e.instruments
                    ),
                    "place": place.name if place else None,
                    "country": place.country if place else None,
                    "admin1": place.admin1 if place else None,
                    "lat": place.lat if place else None,
                    "lon": place.lon if place else None,
                    "geo_precision": place.geo_precision if place else None,
                    "date_start": time.start if time else None,
                    "date_end": time.end if time else None,
                    "time_precision": time.time_precision if time else None,
                    "outcome": e.outcome.value,
                    "damage": e.damage,
                    "fatalities_min": e.fatalities.min if e.fatalities else None,
                    "fatalities_max": e.fatalities.max if e.fatalities else None,
                    "injured_min": e.injured.min if e.injured else None,
                    "injured_max": e.injured.max if e.injured else None,
                    "modality": e.modality.value,
                    "n_claims": len(e.claim_ids),
                    "disputed": ", ".join(sorted(e.disputed)),
                }
            )
        return rows

    def claims_frame(self) -> Any:
        """One row per claim as a pandas DataFrame (or a list of dicts if pandas is absent)."""
        rows = [
            {
                "document_id": c.document_id,
                "url": c.url,
                "outlet": c.outlet,
                "published": c.published,
                "claim_id": c.id,
                "event_id": c.event_id,
                "stance": c.stance.value,
                "source": c.source.text,
                "source_role": c.source.role.value,
                "source_actor_id": c.source.actor_id,
                "affiliation": c.source.affiliation,
                "anonymous": c.source.anonymous,
                "cue": c.cue,
                "asserts": dict(c.asserts),
                "evidence": c.evidence.text,
                "start_char": c.evidence.start_char,
                "end_char": c.evidence.end_char,
            }
            for c in self.claims
        ]
        return _frame(rows)

    def events_frame(self) -> Any:
        """One row per event as a pandas DataFrame (or a list of dicts if pandas is absent)."""
        return _frame(self.events_table())


def _frame(rows: list[dict[str, Any]]) -> Any:
    try:
        import pandas as pd  # type: ignore[import-not-found]
    except ImportError:
        return rows
    return pd.DataFrame(rows)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of `Extraction`, as published in docs/schema/."""
    schema = Extraction.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "conflictner Extraction"
    return schema
