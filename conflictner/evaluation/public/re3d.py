"""re3d (Dstl): actor mentions on Syria/Iraq conflict text.

Gold = entities of type Organisation or Nationality (re3d annotates generic mentions such as
"rebels" or "the Army" as Organisation, and "Kurdish", "Syrian" as Nationality). A span that
the same file also gives another type with a higher crowd confidence is left out: re3d keeps
competing readings of one span ("VBIED" as Organisation 0.0 and Weapon 0.83).

Ours = every mention of every `doc._.cn_actors` record: gazetteer names, descriptors ("U.S.
forces", "the Iraqi government"), "the group" anaphora, unknown ORGs kept as candidates, and
states when they act ("Turkey shelled ..."); plus every mention of `doc._.cn_affiliations`, the
layer's nationality and community words ("Iraqi", "Syrians", "Kurdish", "U.S." in "U.S.
support"), which is what re3d's Nationality type is. Both are taken whole, as the layer writes
them: nothing is added or dropped to suit the corpus. A second row keeps only what
`Extraction.actors` keeps (no affiliations; candidates only if they play a part in an event or
claim). Baseline = the bare base pipeline's ORG + NORP (NORP is its nationality type).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc

from .base import CorpusReport, Table, log, record_spans, run_bare, run_ours, top
from .metrics import PRF, Span, overlaps, pct, span_prf

FOLDER = "re3d"
TITLE = "re3d — actor mentions (Organisation + Nationality)"
ACTOR_TYPES = {"Organisation", "Nationality"}
BASELINE_LABELS = {"ORG", "NORP"}


@dataclass
class Re3dDoc:
    id: str
    subset: str
    text: str
    gold: list[Span] = field(default_factory=list)  # actor spans, deduplicated, sorted


def read_jsonl(path: Path) -> list[dict]:
    """mongoexport output: one JSON object per line (a BOM is tolerated)."""
    with path.open(encoding="utf-8-sig") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_spans(entities: list[dict]) -> list[Span]:
    """Actor spans of one document: Organisation/Nationality unless a rival type on the very
    same span carries a higher confidence."""
    best_other: dict[Span, float] = {}
    actor: dict[Span, float] = {}
    for e in entities:
        span = (int(e["begin"]), int(e["end"]))
        conf = float(e.get("confidence") or 0.0)
        if e["type"] in ACTOR_TYPES:
            actor[span] = max(actor.get(span, -1.0), conf)
        else:
            best_other[span] = max(best_other.get(span, -1.0), conf)
    return sorted(s for s, c in actor.items() if c >= best_other.get(s, -1.0))


def read_subset(folder: Path, limit: Optional[int] = None) -> list[Re3dDoc]:
    docs = read_jsonl(folder / "documents.json")
    if limit is not None:
        docs = docs[:limit]
    by_doc: dict[str, list[dict]] = {}
    for e in read_jsonl(folder / "entities.json"):
        by_doc.setdefault(e["documentId"], []).append(e)
    return [Re3dDoc(id=d["_id"], subset=folder.name, text=d["text"], gold=gold_spans(by_doc.get(d["_id"], [])))
            for d in docs]


def subsets(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if (p / "documents.json").exists() and (p / "entities.json").exists())


def read(folder: Path, limit: Optional[int] = None) -> list[Re3dDoc]:
    """All documents of all subsets; `limit` caps the documents per subset."""
    return [d for sub in subsets(folder) for d in read_subset(sub, limit)]


def our_spans(doc: Doc, keep_candidates: bool = True) -> list[Span]:
    actors = doc._.cn_actors or []
    if not keep_candidates:
        used = {a for e in doc._.cn_events or [] for a in e.get("attacker_ids", []) + e.get("target_ids", [])}
        used |= {c["source"].get("actor_id") for c in doc._.cn_claims or []}
        actors = [a for a in actors if not a.get("candidate") or a["id"] in used]
        return sorted(set(record_spans(actors)))
    return sorted(set(record_spans(actors)) | set(record_spans(doc._.cn_affiliations or [])))


def baseline_spans(doc: Doc) -> list[Span]:
    return sorted({(e.start_char, e.end_char) for e in doc.ents if e.label_ in BASELINE_LABELS})


def boundary_kind(text: str, gold: Span, pred: Span) -> str:
    """Why an overlapping prediction is not an exact match (the strict-vs-overlap gap)."""
    if gold[1] == pred[1] and text[gold[0]:pred[0]].strip().lower() in {"the", "a", "an"}:
        return "gold adds a determiner"
    if pred[0] <= gold[0] and gold[1] <= pred[1]:
        return "ours longer"
    if gold[0] <= pred[0] and pred[1] <= gold[1]:
        return "ours shorter"
    return "crossing"


SYSTEMS = ("ours (all cn_actors + cn_affiliations mentions)", "ours (Extraction: role-less candidates dropped)",
           "baseline (base NER ORG+NORP)")


def evaluate(folder: Path, limit: Optional[int] = None) -> CorpusReport:
    t0 = time.time()
    docs = read(folder, limit)
    log(f"re3d: {len(docs)} documents")
    texts = [d.text for d in docs]
    preds: list[list[list[Span]]] = []  # per doc: one span list per system
    for ours_doc, base_doc in zip(run_ours((t, None) for t in texts), run_bare(texts), strict=True):
        preds.append([our_spans(ours_doc), our_spans(ours_doc, keep_candidates=False), baseline_spans(base_doc)])
    scores: dict[tuple[str, int, str], PRF] = {}
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    boundary: Counter[str] = Counter()
    for d, p in zip(docs, preds, strict=True):
        for k in range(len(SYSTEMS)):
            for mode in ("strict", "overlap"):
                score = span_prf(d.gold, p[k], mode)
                for sub in (d.subset, "all"):
                    scores[(sub, k, mode)] = scores.get((sub, k, mode), PRF()) + score
        for g in d.gold:
            if not any(overlaps(g, s) for s in p[0]):
                missed[d.text[g[0]:g[1]]] += 1
            elif g not in p[0]:
                # the prediction sharing most characters with the gold span (a nested nationality
                # word such as 'Iraqi' inside 'Iraqi people' is not the one to compare)
                near = max((s for s in p[0] if overlaps(g, s)), key=lambda s: min(g[1], s[1]) - max(g[0], s[0]))
                boundary[boundary_kind(d.text, g, near)] += 1
        for s in p[0]:
            if not any(overlaps(g, s) for g in d.gold):
                spurious[d.text[s[0]:s[1]]] += 1
    n_gold = sum(len(d.gold) for d in docs)
    overall = Table(
        "All subsets",
        ["system", "strict P", "strict R", "strict F1", "overlap P", "overlap R", "overlap F1"],
    )
    for k, name in enumerate(SYSTEMS):
        st, ov = scores[("all", k, "strict")], scores[("all", k, "overlap")]
        overall.rows.append([name, pct(st.precision), pct(st.recall), pct(st.f1),
                             pct(ov.precision), pct(ov.recall), pct(ov.f1)])
    per = Table("Per subset (F1)", ["subset", "docs", "gold spans", "ours strict", "baseline strict",
                                    "ours overlap", "baseline overlap"])
    for sub in sorted({d.subset for d in docs}):
        in_sub = [d for d in docs if d.subset == sub]
        per.rows.append([sub, str(len(in_sub)), str(sum(len(d.gold) for d in in_sub)),
                         pct(scores[(sub, 0, "strict")].f1), pct(scores[(sub, 2, "strict")].f1),
                         pct(scores[(sub, 0, "overlap")].f1), pct(scores[(sub, 2, "overlap")].f1)])
    return CorpusReport(
        key="re3d",
        title=TITLE,
        items=f"{len(docs)} documents, {n_gold:,} gold actor spans",
        tables=[overall, per],
        notes=[
            "Gold: Organisation + Nationality spans; a span also given a rival type with higher confidence is left out.",
            "Ours counts every mention in `doc._.cn_actors` (named, descriptor, anaphor, candidate ORG, acting state) "
            "and in `doc._.cn_affiliations` (nationality and community words).",
            "Overlap: a prediction is right if it shares a character with a gold span, and vice versa.",
        ],
        failures=[
            f"Gold actor spans ours never overlaps (most frequent): {top(missed)}",
            f"Our actor mentions overlapping no gold span (most frequent): {top(spurious)}",
            "Gold spans we overlap but not exactly, by kind: "
            + ", ".join(f"{k} ×{v}" for k, v in boundary.most_common()),
        ],
        summary=[
            ["actor spans, strict F1", pct(scores[("all", 0, "strict")].f1), pct(scores[("all", 2, "strict")].f1)],
            ["actor spans, overlap F1", pct(scores[("all", 0, "overlap")].f1), pct(scores[("all", 2, "overlap")].f1)],
        ],
        seconds=time.time() - t0,
    )
