"""The gold-standard format: JSONL, one annotated document per line.

Every model forbids unknown keys, so a misspelt field ("atackers") stops the run with the
file and line instead of silently scoring nothing. Optional fields follow one convention:
a key that is *absent* is not annotated and not scored; a key that is present with `null`
is a statement ("no fatalities reported", "no date in the text") and is scored.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any, Optional, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from ..schema import (
    ActorKind,
    AttackKind,
    Count,
    EventType,
    Extraction,
    Modality,
    Outcome,
    Precision,
    SourceRole,
    Stance,
)

ISO3 = r"^[A-Z]{3}$"


class GoldFormatError(ValueError):
    """A gold (or prediction) file that cannot be used; the message names the file and line."""

    def __init__(self, source: str, line: Optional[int], message: str) -> None:
        self.source = source
        self.line = line
        where = f"{source}, line {line}" if line is not None else source
        super().__init__(f"{where}: {message}")


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _count_shorthand(value: Any) -> Any:
    """`3` is short for {"min": 3, "max": 3}: annotators mostly write exact figures."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return {"min": value, "max": value}
    return value


def _check_count(value: Optional[Count]) -> Optional[Count]:
    if value is not None and value.min is not None and value.max is not None and value.min > value.max:
        raise ValueError(f"min {value.min} is greater than max {value.max}")
    return value


GoldCount = Annotated[Optional[Count], BeforeValidator(_count_shorthand)]


class GoldActor(_Gold):
    """An actor as the text names it. A bare string or a list of strings (aliases) is accepted."""

    surface: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    kind: Optional[ActorKind] = None
    country: Optional[str] = Field(default=None, pattern=ISO3)

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"surface": value}
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return {"surface": value[0], "aliases": value[1:]}
        return value

    def names(self) -> list[str]:
        """Every string that may identify this actor."""
        return [self.surface, *self.aliases]


class GoldPlace(_Gold):
    """A document-level toponym. `country` must be given (null for seas and other no-country places)."""

    surface: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    country: Optional[str] = Field(pattern=ISO3)
    admin1: Optional[str] = None

    def names(self) -> list[str]:
        return [self.surface, *self.aliases]


class GoldEventPlace(_Gold):
    """Where an event happened; `precision` is ACLED geo_precision (1 town, 2 near/part, 3 region)."""

    name: Optional[str] = None
    aliases: list[str] = Field(default_factory=list)
    country: Optional[str] = Field(pattern=ISO3)
    admin1: Optional[str] = None
    precision: Optional[int] = Field(default=None, ge=1, le=3)

    def names(self) -> list[str]:
        return [n for n in [self.name, *self.aliases] if n]


class GoldDate(_Gold):
    """An inclusive date range; a bare ISO string is a single day. `end` defaults to `start`."""

    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    precision: Optional[Precision] = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"start": value, "end": value}
        return value

    @model_validator(mode="after")
    def _ordered(self) -> GoldDate:
        if self.start is None and self.end is None:
            raise ValueError("a date needs start or end (write `\"date\": null` for 'no date in the text')")
        if self.end is None:
            self.end = self.start
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        return self


class GoldTime(_Gold):
    """A time expression and its normalised value; `text` must occur in the document."""

    text: str = Field(min_length=1)
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    precision: Optional[Precision] = None

    @model_validator(mode="after")
    def _ordered(self) -> GoldTime:
        if self.end is None:
            self.end = self.start
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        return self


class GoldAsserts(_Gold):
    """Figures a source gives; only the keys present are scored."""

    fatalities: GoldCount = None
    injured: GoldCount = None
    outcome: Optional[Outcome] = None

    @model_validator(mode="after")
    def _counts(self) -> GoldAsserts:
        _check_count(self.fatalities)
        _check_count(self.injured)
        return self


class GoldClaim(_Gold):
    """Who says what about the event: the speaker as written, and how they say it."""

    source: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list, description="Other ways the text names the speaker.")
    stance: Stance
    anonymous: bool = False
    role: Optional[SourceRole] = None
    asserts: Optional[GoldAsserts] = None


class GoldEvent(_Gold):
    """One event the pipeline should report. `evidence` is an exact quote of the text that states it."""

    id: Optional[str] = None
    type: EventType
    attack_kind: Optional[AttackKind] = None
    modality: Modality = Modality.asserted
    attackers: list[GoldActor] = Field(default_factory=list)
    targets: list[GoldActor] = Field(default_factory=list)
    place: Optional[GoldEventPlace] = None
    date: Optional[GoldDate] = None
    outcome: Optional[Outcome] = None
    fatalities: GoldCount = None
    injured: GoldCount = None
    evidence: Optional[str] = Field(default=None, min_length=1)
    claims: list[GoldClaim] = Field(default_factory=list)
    note: Optional[str] = None

    @model_validator(mode="after")
    def _counts(self) -> GoldEvent:
        _check_count(self.fatalities)
        _check_count(self.injured)
        return self

    def annotated(self, field: str) -> bool:
        """True when the annotator wrote the key (even as null), i.e. the field is scored."""
        return field in self.model_fields_set


class GoldDocument(_Gold):
    """One article with its gold annotation. Layers left out (`actors`, `places`, `times`) are not scored."""

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    published: Optional[dt.date] = None
    url: Optional[str] = None
    outlet: Optional[str] = None
    title: Optional[str] = None
    events: list[GoldEvent] = Field(default_factory=list)
    actors: Optional[list[GoldActor]] = None
    places: Optional[list[GoldPlace]] = None
    times: Optional[list[GoldTime]] = None
    note: Optional[str] = None

    @model_validator(mode="after")
    def _anchored(self) -> GoldDocument:
        """Quotes must be in the text: a gold string that cannot be found can never be matched."""
        low = self.text.lower()
        seen: set[str] = set()
        for i, e in enumerate(self.events):
            if e.id is None:
                e.id = f"g{i}"
            if e.id in seen:
                raise ValueError(f"events.{i}: duplicate event id {e.id!r}")
            seen.add(e.id)
            if e.evidence is not None and e.evidence not in self.text:
                raise ValueError(f"events.{i}.evidence is not an exact substring of text: {e.evidence!r}")
        surfaces = [("actors", i, a.surface) for i, a in enumerate(self.actors or [])]
        surfaces += [("places", i, p.surface) for i, p in enumerate(self.places or [])]
        for layer, i, surface in surfaces:
            if surface.lower() not in low:
                raise ValueError(f"{layer}.{i}.surface does not occur in text: {surface!r}")
        for i, t in enumerate(self.times or []):
            if t.text.lower() not in low:
                raise ValueError(f"times.{i}.text does not occur in text: {t.text!r}")
        return self


GoldSource = Union[str, Path, Iterable[Union[GoldDocument, Mapping[str, Any]]]]


def _explain(err: ValidationError) -> str:
    """The first few pydantic errors as 'path: message', short enough for one terminal line."""
    parts = []
    for e in err.errors()[:3]:
        loc = ".".join(str(p) for p in e["loc"])
        msg = e["msg"]
        if e["type"] == "extra_forbidden":
            msg = "unknown key"
        parts.append(f"{loc}: {msg}" if loc else msg)
    more = len(err.errors()) - 3
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def read_gold(path: Union[str, Path]) -> list[GoldDocument]:
    """Read and validate a gold JSONL file; blank lines are skipped, document ids must be unique."""
    name = str(path)
    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        reason = getattr(err, "strerror", None) or str(err)
        raise GoldFormatError(name, None, f"cannot read gold file: {reason}") from err
    docs: list[GoldDocument] = []
    ids: dict[str, int] = {}
    for lineno, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            raise GoldFormatError(name, lineno, f"not valid JSON: {err.msg} (column {err.colno})") from err
        doc = _validate(data, name, lineno)
        if doc.id in ids:
            raise GoldFormatError(name, lineno, f"duplicate document id {doc.id!r} (first on line {ids[doc.id]})")
        ids[doc.id] = lineno
        docs.append(doc)
    if not docs:
        raise GoldFormatError(name, None, "no documents in gold file")
    return docs


def _validate(data: Any, name: str, line: Optional[int]) -> GoldDocument:
    if isinstance(data, GoldDocument):
        return data
    if not isinstance(data, Mapping):
        raise GoldFormatError(name, line, f"expected a JSON object, got {type(data).__name__}")
    try:
        return GoldDocument.model_validate(data)
    except ValidationError as err:
        raise GoldFormatError(name, line, _explain(err)) from err


def load_gold(source: GoldSource) -> tuple[list[GoldDocument], Optional[str]]:
    """Gold documents from a path, or from GoldDocuments/dicts in memory (errors then name the item).

    Returns the documents and the path they came from (None for in-memory input).
    """
    if isinstance(source, (str, Path)):
        return read_gold(source), str(source)
    docs: list[GoldDocument] = []
    ids: set[str] = set()
    for i, item in enumerate(source):
        doc = _validate(item, f"gold item {i}", None)
        if doc.id in ids:
            raise GoldFormatError(f"gold item {i}", None, f"duplicate document id {doc.id!r}")
        ids.add(doc.id)
        docs.append(doc)
    return docs, None


def read_extractions(path: Union[str, Path]) -> list[Extraction]:
    """Stored predictions, as written by `conflictner extract --format jsonl`."""
    name = str(path)
    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        reason = getattr(err, "strerror", None) or str(err)
        raise GoldFormatError(name, None, f"cannot read predictions: {reason}") from err
    out: list[Extraction] = []
    for lineno, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            out.append(Extraction.model_validate_json(line))
        except ValidationError as err:
            raise GoldFormatError(name, lineno, _explain(err)) from err
    return out
