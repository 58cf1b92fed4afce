"""GeoVirus (Gritta et al. 2018): toponym resolution on WikiNews disease-outbreak articles.

A clean-licence geocoding regression set, not conflict text. Same setting as GeoWebNews: the
gold span is given, each system picks coordinates (see `toponyms`). A gold toponym is an area
when its Wikipedia page title names an area in our gazetteer (a country, admin1 unit, region or
water body); an answer naming that same area then counts 0 km, as in GeoWebNews.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Optional

from .base import CorpusReport, log, run_ours
from .geocoding import area_entity
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

FOLDER = "geovirus"
FILE = "GeoVirus.xml"
TITLE = "GeoVirus — toponym resolution (gold spans)"


def page_entity(url: str) -> Optional[str]:
    """Our gazetteer id of the area a Wikipedia page is about ('.../wiki/Kenya'), else None."""
    from urllib.parse import unquote

    title = unquote(url.rstrip("/").rsplit("/", 1)[-1]).replace("_", " ")
    return area_entity(title) if title else None


def read(folder: Path, limit: Optional[int] = None) -> tuple[list[GeoDoc], int]:
    """Articles with their located toponyms; also how many were skipped (offsets off).

    GeoVirus offsets are 1-based in this copy (text[start-1:end-1] is the name); a record is read at
    the exact position when that matches, else one character earlier, else skipped."""
    root = ET.parse(folder / FILE).getroot()
    docs, skipped = [], 0
    for i, art in enumerate(root.findall("article")[: limit if limit is not None else None]):
        text = art.findtext("text") or ""
        tops = []
        for loc in art.iter("location"):
            s, e = int(loc.findtext("start") or 0), int(loc.findtext("end") or 0)
            name = loc.findtext("name") or ""
            if text[s:e] != name and text[s - 1 : e - 1] == name:
                s, e = s - 1, e - 1  # GeoVirus offsets are one past the name (1-based)
            if text[s:e] != name:
                skipped += 1
                continue
            tops.append(GoldToponym(s, e, name, float(loc.findtext("lat") or 0), float(loc.findtext("lon") or 0),
                                    entity=page_entity(loc.findtext("page") or "")))
        docs.append(GeoDoc(id=str(i), text=text, toponyms=sorted(tops, key=lambda t: t.start)))
    return docs, skipped


def evaluate(folder: Path, limit: Optional[int] = None) -> CorpusReport:
    t0 = time.time()
    docs, skipped = read(folder, limit)
    log(f"geovirus: {len(docs)} articles, {sum(len(d.toponyms) for d in docs):,} toponyms")
    acc = Resolution()
    adj = adjectives()
    for gdoc, doc in zip(docs, run_ours((d.text, None) for d in docs), strict=True):
        resolve_doc(gdoc, doc, acc, adj)
    res = resolution_table(acc)
    return CorpusReport(
        key="geovirus",
        title=TITLE,
        items=f"{len(docs)} articles, {len(acc.errors_ours):,} toponyms ({skipped} skipped: offsets off)",
        tables=[res],
        notes=["Same resolution setting and baseline as GeoWebNews."],
        failures=resolution_failures(acc),
        summary=resolution_summary(res),
        seconds=time.time() - t0,
    )
