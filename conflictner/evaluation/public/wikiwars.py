"""WikiWars (TIMEX2 gold on Wikipedia war narratives): time expressions, detected and valued.

The anchor is what the corpus provides: each document's DATETIME (the download time,
2009-12-19), passed as `published` to our pipeline and as RELATIVE_BASE to dateparser. The
narratives rarely speak relative to that date, so values are reported separately for gold
expressions that carry their own year ("June 1950") and for those that do not ("late
September", "the next day"): the second group measures anchoring, which a single document
date cannot do for narrative text.

Gold = outermost TIMEX2 whose value is a calendar date (YYYY, YYYY-MM, YYYY-MM-DD or
YYYY-Www, time of day dropped); durations (P…), sets, seasons, decades, BC dates and
PRESENT_REF-style values are left out of value scoring but still count as time expressions
when judging a prediction's precision.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc

from .base import CorpusReport, Table, clean, log, run_ours, top
from .metrics import Span, overlaps, pct, ratio

FOLDER = "wikiwars"
TITLE = "WikiWars — time expressions (TIMEX2 values)"
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")
TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)((?:\s+[^>]*)?)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')
HAS_YEAR = re.compile(r"\b\d{4}\b|'\d{2}\b")


@dataclass
class Timex:
    start: int
    end: int
    text: str
    val: Optional[str]
    depth: int  # 0 = outermost
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def date_value(self) -> Optional[str]:
        """The calendar value, time of day dropped; None for durations, sets, seasons …"""
        if not self.val:
            return None
        v = self.val.split("T")[0]
        return v if DATE_VALUE.match(v) else None


@dataclass
class WikiWarsDoc:
    id: str
    dct: dt.date
    text: str
    timexes: list[Timex]


def parse_inline(markup: str) -> tuple[str, list[Timex]]:
    """Text without tags + TIMEX2 annotations with offsets into it (nesting kept)."""
    out: list[str] = []
    pos = 0
    length = 0
    stack: list[tuple[int, dict[str, str]]] = []
    spans: list[tuple[int, int, dict[str, str], int]] = []
    for m in TAG.finditer(markup):
        chunk = html.unescape(markup[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX2":
            continue
        if m.group(1):
            start, attrs = stack.pop()
            spans.append((start, length, attrs, len(stack)))
        else:
            stack.append((length, dict(ATTR.findall(m.group(3)))))
    out.append(html.unescape(markup[pos:]))
    text = "".join(out)
    found = [Timex(s, e, text[s:e], a.get("val"), depth, a) for s, e, a, depth in spans]
    found.sort(key=lambda t: (t.start, -t.end))
    return text, found


def read_file(path: Path) -> WikiWarsDoc:
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DATETIME>.*?val=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    body = raw[raw.index("<TEXT>") + len("<TEXT>"): raw.index("</TEXT>")]
    text, timexes = parse_inline(body)
    dct = dt.date.fromisoformat(dct_m.group(1)) if dct_m else dt.date(2009, 12, 19)
    return WikiWarsDoc(id=path.name.split(".")[0], dct=dct, text=text, timexes=timexes)


def read(folder: Path, limit: Optional[int] = None) -> list[WikiWarsDoc]:
    files = sorted((folder / "keyinline").glob("*.key.xml"))
    return [read_file(p) for p in (files[:limit] if limit is not None else files)]


def timex_value(start: Optional[str], end: Optional[str], precision: str) -> Optional[str]:
    """A TIMEX2-like value for one of our time records: day → YYYY-MM-DD, week → YYYY-Www,
    month → YYYY-MM, year → YYYY; unknown precision or no start → None."""
    if not start:
        return None
    d = dt.date.fromisoformat(start)
    if precision == "day":
        return d.isoformat()
    if precision == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "year":
        return f"{d.year:04d}"
    return None


#: a predicted expression: its span, the value of its start and the value of its end
Pred = tuple[Span, Optional[str], Optional[str]]


def our_times(doc: Doc) -> list[Pred]:
    """Our time records as predictions; a range ("22–25 April 1951") keeps both ends."""
    out = []
    for r in doc._.cn_times or []:
        precision = r.get("precision", "unknown")
        first = timex_value(r.get("start"), r.get("end"), precision)
        last = timex_value(r.get("end"), r.get("end"), precision) if r.get("end") else first
        for m in r.get("mentions", []):
            out.append(((int(m[0]), int(m[1])), first, last or first))
    return out


_DDP: dict[dt.date, object] = {}


def baseline_times(text: str, dct: dt.date) -> list[Pred]:
    """dateparser.search.search_dates per paragraph (it returns strings, not offsets: each is
    found again in order), its value's granularity from DateDataParser's `period`."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": dt.datetime(dct.year, dct.month, dct.day), "RETURN_AS_TIMEZONE_AWARE": False}
    ddp = _DDP.get(dct)
    if ddp is None:
        ddp = _DDP[dct] = DateDataParser(languages=["en"], settings=settings)
    out: list[Pred] = []
    offset = 0
    for para in text.split("\n"):
        if para.strip():
            found = search_dates(para, languages=["en"], settings=settings) or []
            cursor = 0
            for s, when in found:
                i = para.find(s, cursor)
                if i < 0:
                    continue
                cursor = i + len(s)
                period = getattr(ddp.get_date_data(s), "period", None) or "day"  # type: ignore[attr-defined]
                d = when.date()
                value = timex_value(d.isoformat(), None, period if period in {"day", "week", "month", "year"}
                                    else "day")
                out.append(((offset + i, offset + i + len(s)), value, value))
        offset += len(para) + 1
    return out


@dataclass
class Tally:
    gold: int = 0
    detected: int = 0
    value_ok: int = 0
    pred: int = 0
    pred_ok: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # with/without year -> [gold, detected, ok]


def score(doc: WikiWarsDoc, preds: list[Pred], tally: Tally,
          wrong: Optional[Counter[str]] = None, missed: Optional[Counter[str]] = None) -> None:
    """Detection = a prediction overlaps the gold span; value = the most-overlapping
    prediction's value equals the gold value. When one prediction covers several gold
    expressions (a range TIMEX2 splits in two), the first is judged against the prediction's
    start and the later ones against its end."""
    outer = [t for t in doc.timexes if t.depth == 0]
    gold = [t for t in outer if t.date_value]
    tally.pred += len(preds)
    tally.pred_ok += sum(1 for s, _, _ in preds if any(overlaps(s, (t.start, t.end)) for t in outer))
    for t in gold:
        kind = "own year" if HAS_YEAR.search(t.text) else "no year in text"
        k = tally.by_kind.setdefault(kind, [0, 0, 0])
        tally.gold += 1
        k[0] += 1
        hits = [(min(s[1], t.end) - max(s[0], t.start), s, first, last) for s, first, last in preds
                if overlaps(s, (t.start, t.end))]
        if not hits:
            if missed is not None:
                missed[t.text.lower()] += 1
            continue
        tally.detected += 1
        k[1] += 1
        _, span, first, last = max(hits, key=lambda h: h[0])
        later = any(g.start < t.start and overlaps(span, (g.start, g.end)) for g in gold)
        value = last if later else first
        if value == t.date_value:
            tally.value_ok += 1
            k[2] += 1
        elif wrong is not None:
            wrong[f"{clean(t.text, 30)}: {value} ≠ {t.date_value}"] += 1


def evaluate(folder: Path, limit: Optional[int] = None) -> CorpusReport:
    t0 = time.time()
    docs = read(folder, limit)
    log(f"wikiwars: {len(docs)} documents, {sum(len(d.text) for d in docs):,} characters")
    ours_t, base_t = Tally(), Tally()
    wrong: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for d, doc in zip(docs, run_ours(((d.text, d.dct.isoformat()) for d in docs), batch_size=2), strict=True):
        score(d, our_times(doc), ours_t, wrong, missed)
    log("wikiwars: dateparser baseline")
    for d in docs:
        score(d, baseline_times(d.text, d.dct), base_t)
    table = Table("Date-valued TIMEX2 (outermost)", ["measure", "ours", "baseline (dateparser.search_dates)"])
    rows = [
        ("detection recall (overlap)", ratio(ours_t.detected, ours_t.gold), ratio(base_t.detected, base_t.gold)),
        ("precision (prediction overlaps any TIMEX2)", ratio(ours_t.pred_ok, ours_t.pred),
         ratio(base_t.pred_ok, base_t.pred)),
        ("exact value, given detected", ratio(ours_t.value_ok, ours_t.detected), ratio(base_t.value_ok, base_t.detected)),
        ("exact value, all gold (end to end)", ratio(ours_t.value_ok, ours_t.gold), ratio(base_t.value_ok, base_t.gold)),
    ]
    for kind in ("own year", "no year in text"):
        o = ours_t.by_kind.get(kind, [0, 0, 0])
        b = base_t.by_kind.get(kind, [0, 0, 0])
        rows.append((f"exact value, all gold — {kind} (n={o[0]})", ratio(o[2], o[0]), ratio(b[2], b[0])))
    table.rows = [[name, pct(a), pct(b)] for name, a, b in rows]
    n_all = sum(1 for d in docs for t in d.timexes if t.depth == 0)
    return CorpusReport(
        key="wikiwars",
        title=TITLE,
        items=f"{len(docs)} documents, {ours_t.gold:,} date-valued TIMEX2 of {n_all:,} outermost TIMEX2; "
              f"ours {ours_t.pred:,} / baseline {base_t.pred:,} predicted expressions",
        tables=[table],
        notes=[
            "Anchor: the corpus DATETIME (2009-12-19, the download date) for both systems.",
            "Our value: day → YYYY-MM-DD, week → ISO week, month → YYYY-MM, year → YYYY from `start` "
            "(from `end` for a gold expression that is the later half of one of our ranges); records without "
            "start (unknown precision, unresolved 'event' anchors) have no value.",
            "Baseline: search_dates per paragraph, languages=['en'], RELATIVE_BASE = DATETIME; granularity from "
            "DateDataParser's period.",
        ],
        failures=[
            f"Gold dates we never overlap (most frequent): {top(missed, 10)}",
            f"Detected with a wrong value (most frequent): {top(wrong, 10)}",
        ],
        summary=[[table.rows[i][0].split(" (n=")[0], table.rows[i][1], table.rows[i][2]] for i in (0, 2, 3)],
        seconds=time.time() - t0,
    )
