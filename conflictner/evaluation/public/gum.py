"""GUM news (WikiNews, RST): do our claims find who is reported as saying something?

Gold = every RST node (an EDU or a group of EDUs) whose relation is `attribution-positive` or
`attribution-negative`: the attributing unit, e.g. "officials said" or "According to Yonhap
news agency ,". Where GUM marks the source words with an `attribution_source` signal, that
source span is gold as well. The text is rebuilt from the CoNLL-U tokens (SpaceAfter=No
respected, a line break between paragraphs), which the RST segments match token for token.

Ours: each record of `doc._.cn_attributions` (every reporting cue the claims component read, with
its speaker, whether or not it is about an attack): the source span joined with the cue span.
Outlet claims ("the article" itself) are not attributions and never appear there. Baseline: a quotes-only detector: every quoted passage and the
nearest say-verb in its paragraph, with up to three words on the side away from the quote.
The last row counts only gold attributions in sentences where our pipeline found an event.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc

from .base import CorpusReport, Table, clean, log, run_ours, top
from .metrics import PRF, Span, overlaps, pct, span_prf

FOLDER = "gum-news"
TITLE = "GUM news — attribution (source + cue) detection"
SAY_WORDS = frozenset({"said", "says", "say", "told", "tells", "stated", "states", "added", "adds", "according",
                       "reported", "reports", "announced", "claimed", "claims", "explained", "noted", "wrote"})
QUOTE = re.compile(r"\"([^\"\n]{3,}?)\"|“([^”\n]{3,}?)”")


@dataclass
class Attribution:
    span: Span  # the attributing unit (source + cue)
    source: Optional[Span]  # the source words, when GUM signals them
    relation: str


@dataclass
class GumDoc:
    id: str
    text: str
    published: Optional[str]
    tokens: list[Span]  # char span of each word token, in document order
    attributions: list[Attribution] = field(default_factory=list)


def read_conllu(path: Path) -> tuple[str, list[Span], Optional[str]]:
    """Text, one char span per word token, and the creation date (meta::dateCreated)."""
    parts: list[str] = []
    length = 0
    spans: list[Span] = []
    published = None
    pending_space = ""
    mwt: Optional[tuple[int, int, str, bool]] = None  # first id, last id, form, space after
    mwt_words: list[str] = []

    def emit(form: str, space_after: bool) -> Span:
        nonlocal length, pending_space
        parts.append(pending_space)
        length += len(pending_space)
        start = length
        parts.append(form)
        length += len(form)
        pending_space = " " if space_after else ""
        return (start, length)

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# meta::dateCreated"):
            published = line.split("=", 1)[1].strip()[:10]
        if line.startswith("# newpar") and not line.startswith("# newpar_block") and spans:
            pending_space = "\n"
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        space_after = "SpaceAfter=No" not in cols[9]
        if "-" in cols[0]:
            a, b = (int(x) for x in cols[0].split("-"))
            mwt, mwt_words = (a, b, cols[1], space_after), []
            continue
        if "." in cols[0]:
            continue
        if mwt is not None and mwt[0] <= int(cols[0]) <= mwt[1]:
            mwt_words.append(cols[1])
            if int(cols[0]) == mwt[1]:
                whole = emit(mwt[2], mwt[3])
                if "".join(mwt_words) == mwt[2]:
                    pos = whole[0]
                    for w in mwt_words:
                        spans.append((pos, pos + len(w)))
                        pos += len(w)
                else:
                    spans.extend([whole] * len(mwt_words))
                mwt = None
            continue
        spans.append(emit(cols[1], space_after))
    return "".join(parts), spans, published


def read_rst(path: Path, tokens: list[Span]) -> list[Attribution]:
    """Attribution nodes of one RST tree as char spans over the rebuilt text."""
    body = ET.parse(path).getroot().find("body")
    assert body is not None
    seg_range: dict[str, tuple[int, int]] = {}
    i = 0
    parent: dict[str, str] = {}
    relname: dict[str, str] = {}
    for seg in body.findall("segment"):
        n = len((seg.text or "").split())
        seg_range[seg.get("id", "")] = (i, i + n)
        i += n
    for node in [*body.findall("segment"), *body.findall("group")]:
        nid = node.get("id", "")
        if node.get("parent"):
            parent[nid] = node.get("parent", "")
        relname[nid] = node.get("relname", "")
    children: dict[str, list[str]] = {}
    for c, p in parent.items():
        children.setdefault(p, []).append(c)

    def token_range(nid: str) -> tuple[int, int]:
        if nid in seg_range:
            return seg_range[nid]
        ranges = [token_range(c) for c in children.get(nid, [])]
        return (min(r[0] for r in ranges), max(r[1] for r in ranges))

    sources: dict[str, list[int]] = {}
    for sig in body.iter("signal"):
        if sig.get("subtype") == "attribution_source" and sig.get("tokens"):
            sources.setdefault(sig.get("source", ""), []).extend(int(t) - 1 for t in sig.get("tokens", "").split(","))
    out = []
    for nid, rel in relname.items():
        if not rel.startswith("attribution"):
            continue
        a, b = token_range(nid)
        src = sources.get(nid)
        src_span = (tokens[min(src)][0], tokens[max(src)][1]) if src else None
        out.append(Attribution(span=(tokens[a][0], tokens[b - 1][1]), source=src_span, relation=rel))
    out.sort(key=lambda x: x.span)
    return out


def read(folder: Path, limit: Optional[int] = None) -> list[GumDoc]:
    files = sorted((folder / "dep").glob("*.conllu"))
    docs = []
    for f in files[:limit] if limit is not None else files:
        rst = folder / "rstweb" / (f.stem + ".rs4")
        if not rst.exists():
            continue
        text, tokens, published = read_conllu(f)
        docs.append(GumDoc(id=f.stem, text=text, published=published, tokens=tokens,
                           attributions=read_rst(rst, tokens)))
    return docs


def our_attributions(doc: Doc) -> list[Span]:
    """Every attribution the claims component read (`doc._.cn_attributions`, whatever it is
    about): its in-text source span joined with its cue span. Without that table (an older
    pipeline), the source span of each in-text claim, widened to its cue in the same sentence."""
    table = getattr(doc._, "cn_attributions", None) if doc.has_extension("cn_attributions") else None
    if table is not None:
        found: set[Span] = set()
        for a in table:
            cue = (int(a["cue"][0]), int(a["cue"][1]))
            for src in a["sources"]:
                if src.get("start_char") is None:
                    continue
                s, e = int(src["start_char"]), int(src["end_char"])
                if max(e, cue[1]) - min(s, cue[0]) > 300:
                    # a speaker resolved from far away ('He said' -> the earlier name): the cue alone
                    found.add(cue)
                    continue
                found.add((min(s, cue[0]), max(e, cue[1])))
        return sorted(found)
    out: set[Span] = set()
    for c in doc._.cn_claims or []:
        src = c.get("source", {})
        ev_start, ev_end = c["evidence"][0], c["evidence"][1]
        span: Optional[Span] = None
        if src.get("start_char") is not None:
            span = (int(src["start_char"]), int(src["end_char"]))
        cue = c.get("cue")
        if cue and (span is not None or src.get("role") != "media"):
            # the cue word nearest the source inside the evidence sentence
            hits = [m.start() + ev_start for m in re.finditer(rf"\b{re.escape(cue)}\b", doc.text[ev_start:ev_end])]
            if hits:
                anchor = span[0] if span else ev_start
                i = min(hits, key=lambda h: abs(h - anchor))
                cue_span = (i, i + len(cue))
                span = (min(span[0], cue_span[0]), max(span[1], cue_span[1])) if span else cue_span
        if span is not None:
            out.add(span)
    return sorted(out)


def baseline_attributions(text: str) -> list[Span]:
    """Quoted passages + the nearest say-word in the same paragraph, with up to three words
    on each side of it that are neither inside the quote nor beyond the paragraph."""
    out: set[Span] = set()
    words = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\w[\w'’-]*", text)]
    for q in QUOTE.finditer(text):
        para_start = text.rfind("\n", 0, q.start()) + 1
        para_end = text.find("\n", q.end())
        para_end = len(text) if para_end < 0 else para_end
        cands = [(i, w) for i, w in enumerate(words) if w[2].lower() in SAY_WORDS and para_start <= w[0] < para_end
                 and not (q.start() <= w[0] < q.end())]
        if not cands:
            continue
        i, w = min(cands, key=lambda iw: min(abs(iw[1][0] - q.end()), abs(iw[1][1] - q.start())))
        lo = q.end() if w[0] >= q.end() else para_start  # never reach into the quote itself
        hi = q.start() if w[1] <= q.start() else para_end
        before = [x for x in words[max(0, i - 3) : i] if x[0] >= lo]
        after = [x for x in words[i + 1 : i + 4] if x[1] <= hi]
        span = (before[0][0] if before else w[0], after[-1][1] if after else w[1])
        out.add(span)
    return sorted(out)


def evaluate(folder: Path, limit: Optional[int] = None) -> CorpusReport:
    t0 = time.time()
    docs = read(folder, limit)
    log(f"gum: {len(docs)} documents, {sum(len(d.attributions) for d in docs)} attributions")
    unit = [PRF(), PRF()]
    source = [PRF(), PRF()]
    eligible = [PRF(), PRF()]
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    for d, doc in zip(docs, run_ours((d.text, d.published) for d in docs), strict=True):
        preds = [our_attributions(doc), baseline_attributions(d.text)]
        gold_units = [a.span for a in d.attributions]
        gold_sources = [a.source for a in d.attributions if a.source]
        sents = [(s.start_char, s.end_char) for s in doc.sents]
        event_spans = [(m[0], m[1]) for e in doc._.cn_events or [] for m in e.get("mentions", [])]
        event_sents = [s for s in sents if any(overlaps(s, m) for m in event_spans)]
        near_events = [g for g in gold_units if any(overlaps(g, s) for s in event_sents)]
        for k in (0, 1):
            unit[k] += span_prf(gold_units, preds[k], "overlap")
            source[k] += span_prf(gold_sources, preds[k], "overlap")
            eligible[k] += span_prf(near_events, preds[k], "overlap")
        for g in gold_units:
            if not any(overlaps(g, p) for p in preds[0]):
                missed[clean(d.text[g[0]:g[1]], 40).lower()] += 1
        for p in preds[0]:
            if not any(overlaps(g, p) for g in gold_units):
                spurious[clean(d.text[p[0]:p[1]], 40)] += 1
    table = Table("Attribution units (overlap)", ["measure", "ours (cn_attributions)", "baseline (quotes + nearest said)"])
    table.rows = [
        [f"recall: attributing unit found (n={unit[0].gold})", pct(unit[0].recall), pct(unit[1].recall)],
        [f"recall: signalled source words found (n={source[0].gold})", pct(source[0].recall), pct(source[1].recall)],
        ["precision: prediction overlaps an attributing unit", pct(unit[0].precision), pct(unit[1].precision)],
        ["F1 (units)", pct(unit[0].f1), pct(unit[1].f1)],
        [f"recall in sentences where we found an event (n={eligible[0].gold})", pct(eligible[0].recall),
         pct(eligible[1].recall)],
        ["predictions", str(unit[0].pred), str(unit[1].pred)],
    ]
    return CorpusReport(
        key="gum",
        title=TITLE,
        items=f"{len(docs)} documents, {unit[0].gold} gold attributions ({source[0].gold} with signalled source words)",
        tables=[table],
        notes=[
            "Only one GUM news article (korea) is about armed conflict; the attribution table covers every "
            "reporting cue, claims (doc._.cn_claims) attach to attack/threat events only.",
            "Published date for relative dates: the article's meta::dateCreated.",
        ],
        failures=[
            f"Gold attributing units we miss (most frequent, lower-cased): {top(missed, 10)}",
            f"Our attributions that are not gold units: {top(spurious, 8)}",
        ],
        summary=[["attributing units: recall", pct(unit[0].recall), pct(unit[1].recall)],
                 ["attributing units: precision", pct(unit[0].precision), pct(unit[1].precision)]],
        seconds=time.time() - t0,
    )
