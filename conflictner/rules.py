"""Rule and gazetteer line models, and the JSONL loaders that validate them.

Knowledge lives in `models/` as JSONL, one entry per line, each with an id and its public
source. Every line is validated by a pydantic model with `extra="forbid"`, so a typo in a
rule file fails loudly with the file and line number instead of being ignored.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import Errors
from .schema import ActorKind, AttackKind, Modality, PlaceKind, SourceRole, Stance

M = TypeVar("M", bound=BaseModel)


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ActorEntry(_Rule):
    """A named actor: a state, a named force or an armed group."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    acronyms: list[str] = Field(default_factory=list)
    #: names the actor goes by only where it operates ('al-Shabaab' for the Cabo Delgado
    #: insurgents), and that name another actor elsewhere: read as this actor only when the
    #: document points to one of its operates_in countries
    local_aliases: list[str] = Field(default_factory=list)
    adjectives: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    kind: ActorKind
    acled_inter: Optional[int] = Field(default=None, ge=1, le=8)
    country: Optional[str] = Field(default=None, pattern=r"^[A-Z]{3}$")
    operates_in: list[str] = Field(default_factory=list)
    backers: list[str] = Field(default_factory=list)
    parent: Optional[str] = None
    active: Optional[str] = None
    source: str


class CommunityEntry(_Rule):
    """An ethnic or religious community that is not a state ('Kurdish', 'Yazidis', 'Fulani'):
    its words mark who an actor is, the way a nationality does."""

    id: str
    name: str
    adjectives: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    source: str


class DescriptorEntry(_Rule):
    """A head noun that denotes an unnamed actor ('troops', 'gunmen', 'villagers')."""

    id: str
    terms: list[str]
    kind: ActorKind
    needs_country: bool = False
    #: the term names an actor only as the head of its phrase: 'the government said', not
    #: 'government buildings' (political and civil nouns are common as modifiers)
    head_only: bool = False
    source: str


class PlaceEntry(_Rule):
    """A place the general gazetteer lacks: admin1 units, facilities, regions, water bodies."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    #: adjectives and demonyms of a region ('European'): never names in the alias index (a
    #: 'European diplomat' is not a place), only an answer when an adjective is asked for
    demonyms: list[str] = Field(default_factory=list)
    kind: PlaceKind
    type: Optional[str] = None
    facility_type: Optional[str] = None
    country: Optional[str] = Field(default=None, pattern=r"^[A-Z]{3}$")
    admin1: Optional[str] = None
    capital: Optional[str] = None
    capital_geonames: Optional[bool] = None
    geonames_admin1: Optional[str] = None
    near: Optional[str] = None
    population: Optional[int] = Field(default=None, ge=0)  # towns: ranks namesakes (GeoNames' figure)
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    source: str


class TriggerRule(_Rule):
    """An event trigger: a spaCy Matcher pattern and what a match means.

    `role` says how a match may be used: `event` can introduce a new event, `anaphor` only
    refers back to events already introduced ("the incident"), `outcome` marks the
    outcome of an event in the same clause ("intercepted", "shot down"). `needs_weapon`
    keeps a verb only with a weapon or a target phrase nearby ("fired at a base"), and
    `weapon_only` with a weapon alone ("threw a grenade at police", not "threw stones at police");
    `weapon_kinds` narrows `weapon_only` to a subject weapon of those kinds;
    `needs_object` keeps a verb only when it has an object ("burned homes", not "the fire
    burned for hours"), and `needs_place_object` only when the object is a place ("seized the
    town of X", not "seized weapons" or "captured a drug lord").
    """

    id: str
    pattern: list[dict[str, Any]]
    attack_kind: AttackKind
    role: Literal["event", "anaphor", "outcome"] = "event"
    outcome: Optional[Literal["intercepted", "failed", "effective"]] = None
    needs_weapon: bool = False
    weapon_only: bool = False
    needs_object: bool = False
    needs_place_object: bool = False
    #: with `weapon_only`: the weapon must be the verb's subject and of one of these instrument
    #: kinds ('a drone slammed into a building', not 'a helicopter crashed into a hillside')
    weapon_kinds: Optional[list[str]] = None
    source: str


class NonTriggerRule(_Rule):
    """A phrase whose attack word reports no attack ('struck a deal', 'heart attack', 'assault
    rifles', 'went on strike'). Like ConText's pseudo-triggers: a match silences every
    trigger inside it, so the word lists stay general and the exceptions stay data."""

    id: str
    pattern: list[dict[str, Any]]
    note: Optional[str] = None
    source: str


class CauseEntry(_Rule):
    """Nouns that make an attack verb report no attack. `role: doer`: the verb's subject,
    'by'-agent or (passive) 'in'-phrase names a hazard, accident, disease or economic force
    ('the storm killed 12', 'hit by floods', 'killed in a crash'), or a politician in a war of
    words ('the two leaders clashed over the budget'). `role: object`: what is hit is an idea,
    a text or a job ('attacked the government's handling', 'fired his army chief', 'the video
    was shot in Kyiv'). `verbs` limits an entry to some trigger lemmas (empty: any)."""

    id: str
    terms: list[str]
    role: Literal["doer", "object"] = "doer"
    verbs: list[str] = Field(default_factory=list)
    source: str


class InstrumentEntry(_Rule):
    """A weapon noun and the attack kind it implies ('drones' -> drone_strike)."""

    id: str
    terms: list[str]
    kind: str
    attack_kind: AttackKind
    source: str


class CueRule(_Rule):
    """A ConText-style modality cue: a phrase, its category, direction and scope in tokens."""

    id: str
    phrase: str
    category: Modality
    direction: Literal["forward", "backward", "bidirectional", "terminate"]
    max_scope: int = Field(default=8, ge=1, le=60)
    pos: Optional[str] = None
    source: str


class AttributionCue(_Rule):
    """A reporting verb or noun and the stance it gives the claim it introduces."""

    id: str
    lemma: str
    stance: Stance
    needs_object: Optional[list[str]] = None
    kind: Literal["verb", "noun", "phrase"] = "verb"
    source: str


class SourceRoleEntry(_Rule):
    """Words that give an attributed source its role ('spokesman' -> spokesperson)."""

    id: str
    terms: list[str]
    role: SourceRole
    source: str


def data_dir() -> Path:
    """The folder holding the bundled rule data (models/en_conflict)."""
    try:
        root = resources.files("conflictner.models")
        path = Path(str(root)) / "en_conflict"
    except ModuleNotFoundError:
        path = Path(__file__).resolve().parent.parent / "models" / "en_conflict"
    if not path.is_dir():
        raise FileNotFoundError(Errors.E008.format(path=path))
    return path


def read_jsonl(path: Path | str, model: type[M]) -> list[M]:
    """Read and validate a JSONL rule file; blank lines and `//` comment lines are skipped."""
    path = Path(path)
    out: list[M] = []
    with path.open(encoding="utf8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                out.append(model.model_validate(json.loads(line)))
            except (ValidationError, json.JSONDecodeError) as err:
                raise ValueError(Errors.E003.format(path=path, line=lineno, error=err)) from err
    return out


def dump_jsonl(entries: list[BaseModel], path: Path | str) -> None:
    """Write entries back as JSONL (what `to_disk` uses)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf8") as fh:
        for e in entries:
            fh.write(json.dumps(e.model_dump(mode="json", exclude_none=True), ensure_ascii=False))
            fh.write("\n")
