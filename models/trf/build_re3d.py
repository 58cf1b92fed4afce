"""Turn the re3d corpus into spaCy DocBins for actor/place NER.

Reads `<data_dir>/<subset>/documents.json` and `entities.json` (mongoexport JSON lines with
character offsets) and writes `train.spacy`, `dev.spacy` and `split.json` (document ids only, in DocBin order)
to `out_dir`. Nothing from the corpus is written anywhere else.

Labels: Organisation -> ORG, Nationality -> NORP, Location -> GPE (one place label; the
base model's GPE/LOC/FAC are folded into it for comparison). Other re3d types are dropped.

Which annotations are kept: those with crowd/IBCC confidence >= --min-confidence (re3d keeps
rejected candidates, mostly nested ones such as "Kurdish" inside "the Kurdish YPG", with
confidence 0) that are not a bare pronoun ("We", "their": see PRONOUNS); of one span
annotated with two of our types, the more confident one; of overlapping spans, the longest
(spacy.util.filter_spans). Spans are snapped to token boundaries with alignment_mode="expand".

Split: by document, deterministic: a document is in dev when
int(sha256(_id)[:8], 16) % 100 < --dev-percent (20 -> 18 of the 90 open-licence documents).

    python models/trf/build_re3d.py /work/shared/data/re3d corpus/re3d
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

LABELS: dict[str, str] = {"Organisation": "ORG", "Nationality": "NORP", "Location": "GPE"}
#: re3d marks pronouns that refer to a group as Organisation ("We", "they", "our"): 11% of its ORG
#: spans. conflictner would turn every such ORG into an actor candidate, so they are dropped
#: (the tokens become "outside") unless --keep-pronouns is given.
PRONOUNS = frozenset(
    "i me my mine we us our ours ourselves you your yours he him his she her hers it its they them their theirs "
    "themselves itself this that these those who which".split()
)


def read_jsonl(path: Path) -> Iterator[dict]:
    """Yield the objects of a mongoexport file (one JSON object per line)."""
    with path.open(encoding="utf-8-sig") as fh:
        for line in fh:
            line = line.strip()
            if line:
                yield json.loads(line)


def is_dev(doc_id: str, dev_percent: int) -> bool:
    """The document-level split: a stable hash of the re3d document id."""
    return int(hashlib.sha256(doc_id.encode("utf8")).hexdigest()[:8], 16) % 100 < dev_percent


def load_corpus(data_dir: Path) -> tuple[dict[str, dict], dict[str, list[dict]]]:
    """All documents (by id) and their entities (by document id) under data_dir/*/."""
    docs: dict[str, dict] = {}
    ents: dict[str, list[dict]] = defaultdict(list)
    subsets = sorted(p.parent for p in data_dir.glob("*/documents.json"))
    if not subsets:
        raise SystemExit(f"no <subset>/documents.json under {data_dir}")
    for sub in subsets:
        for d in read_jsonl(sub / "documents.json"):
            docs[d["_id"]] = d
        for e in read_jsonl(sub / "entities.json"):
            ents[e["documentId"]].append(e)
    return docs, ents


def make_doc(nlp: spacy.language.Language, text: str, entities: list[dict], min_conf: float,
             stats: Counter, keep_pronouns: bool = False) -> Doc:
    """Tokenize text and set the kept, non-overlapping entities."""
    doc = nlp.make_doc(text)
    best: dict[tuple[int, int], dict] = {}
    for e in entities:
        label = LABELS.get(e["type"])
        if label is None or float(e.get("confidence", 0)) < min_conf:
            stats["dropped_type_or_confidence"] += 1
            continue
        if not keep_pronouns and text[int(e["begin"]):int(e["end"])].strip().lower() in PRONOUNS:
            stats["dropped_pronoun"] += 1
            continue
        key = (int(e["begin"]), int(e["end"]))
        if key not in best or e["confidence"] > best[key]["confidence"]:
            best[key] = {**e, "label": label}
    spans: list[Span] = []
    for (start, end), e in best.items():
        if text[start:end] != e["value"]:
            stats["offset_mismatch"] += 1
        span = doc.char_span(start, end, label=e["label"], alignment_mode="strict")
        if span is None:
            span = doc.char_span(start, end, label=e["label"], alignment_mode="expand")
            stats["expanded_to_tokens"] += 1
        if span is None or not span.text.strip():
            stats["unalignable"] += 1
            continue
        spans.append(span)
    kept = spacy.util.filter_spans(spans)
    stats["dropped_overlap"] += len(spans) - len(kept)
    for s in kept:
        stats[f"kept_{s.label_}"] += 1
    doc.set_ents(kept, default="outside")
    return doc


def main(argv: list[str] | None = None) -> None:
    """Command line: build_re3d.py DATA_DIR OUT_DIR [--dev-percent N] [--min-confidence X]."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", type=Path, help="folder holding the re3d <subset>/ folders")
    ap.add_argument("out_dir", type=Path, help="where train.spacy, dev.spacy, split.json go")
    ap.add_argument("--dev-percent", type=int, default=20)
    ap.add_argument("--min-confidence", type=float, default=0.5)
    ap.add_argument("--keep-pronouns", action="store_true", help="keep Organisation spans that are pronouns")
    args = ap.parse_args(argv)

    docs, ents = load_corpus(args.data_dir)
    nlp = spacy.blank("en")
    bins = {"train": DocBin(store_user_data=False), "dev": DocBin(store_user_data=False)}
    split: dict[str, list[str]] = {"train": [], "dev": []}
    stats: Counter = Counter()
    for doc_id in sorted(docs):
        part = "dev" if is_dev(doc_id, args.dev_percent) else "train"
        doc = make_doc(nlp, docs[doc_id]["text"], ents.get(doc_id, []), args.min_confidence, stats,
                       args.keep_pronouns)
        bins[part].add(doc)
        split[part].append(doc_id)
        stats[f"{part}_docs"] += 1
        stats[f"{part}_words"] += len(docs[doc_id]["text"].split())
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for part, db in bins.items():
        db.to_disk(args.out_dir / f"{part}.spacy")
    (args.out_dir / "split.json").write_text(json.dumps(split, indent=1) + "\n", encoding="utf8")
    print(json.dumps(dict(sorted(stats.items())), indent=1))


if __name__ == "__main__":
    main()
