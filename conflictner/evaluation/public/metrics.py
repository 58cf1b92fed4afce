"""Small, dependency-free scoring helpers shared by the public-corpus adapters.

Kept separate from the adapters so that every number in docs/benchmarks.md comes from a
function that tests/test_public_adapters.py checks on hand-built inputs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Optional

Span = tuple[int, int]

#: half the Earth's circumference: the error given to a toponym a system could not resolve
#: (the convention of Gritta et al. 2018, so AUC and median stay comparable with their tables)
MAX_ERROR_KM = 20039.0


@dataclass
class PRF:
    """Precision and recall counted on each side separately.

    Strict matching has pred_ok == gold_ok; overlap matching does not (one long prediction can
    cover two gold spans), which is why both sides are kept."""

    pred_ok: int = 0
    pred: int = 0
    gold_ok: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.pred_ok / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.gold_ok / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.pred_ok + other.pred_ok, self.pred + other.pred,
                   self.gold_ok + other.gold_ok, self.gold + other.gold)


def overlaps(a: Span, b: Span) -> bool:
    """True when two half-open character spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def span_prf(gold: Iterable[Span], pred: Iterable[Span], mode: str = "strict") -> PRF:
    """Score predicted spans against gold spans (duplicates removed on both sides).

    mode "strict": a span counts only if the exact (start, end) is on the other side.
    mode "overlap": a prediction is right if it overlaps any gold span, a gold span is found
    if any prediction overlaps it.
    """
    g, p = sorted(set(gold)), sorted(set(pred))
    if mode == "strict":
        hit = len(set(g) & set(p))
        return PRF(hit, len(p), hit, len(g))
    if mode != "overlap":
        raise ValueError(f"unknown mode {mode!r}")
    pred_ok = sum(1 for s in p if any(overlaps(s, t) for t in g))
    gold_ok = sum(1 for t in g if any(overlaps(s, t) for s in p))
    return PRF(pred_ok, len(p), gold_ok, len(g))


def label_prf(gold: Sequence[set[str]], pred: Sequence[set[str]], label: str) -> PRF:
    """Per-item detection of one label in multi-label items (each item: a set of labels)."""
    if len(gold) != len(pred):
        raise ValueError("gold and pred must have one entry per item")
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if label in g and label in p)
    n_pred = sum(1 for p in pred if label in p)
    n_gold = sum(1 for g in gold if label in g)
    return PRF(tp, n_pred, tp, n_gold)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of radius 6371 km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi = p2 - p1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def median(values: Sequence[float]) -> float:
    if not values:
        return float("nan")
    v = sorted(values)
    mid = len(v) // 2
    return v[mid] if len(v) % 2 else (v[mid - 1] + v[mid]) / 2


def geo_auc(errors_km: Sequence[float]) -> float:
    """Area under the curve of sorted log errors, scaled to [0, 1]; lower is better.

    As in Gritta et al. (2018): each error becomes ln(1 + km) / ln(1 + MAX_ERROR_KM) (they divide
    by ln(MAX_ERROR_KM); the difference is below 1e-4), the values are sorted and integrated by the
    trapezoid rule over an x-axis scaled to [0, 1]."""
    if not errors_km:
        return float("nan")
    ys = sorted(math.log1p(min(e, MAX_ERROR_KM)) / math.log1p(MAX_ERROR_KM) for e in errors_km)
    if len(ys) == 1:
        return ys[0]
    width = 1 / (len(ys) - 1)
    return sum((a + b) / 2 * width for a, b in zip(ys, ys[1:], strict=False))


@dataclass
class GeoScore:
    """Summary of a list of distance errors, None meaning "not resolved" (scored as MAX_ERROR_KM)."""

    n: int
    resolved: int
    within_25: float
    within_161: float
    median_km: float
    auc: float


def geo_score(errors: Sequence[Optional[float]]) -> GeoScore:
    filled = [MAX_ERROR_KM if e is None else e for e in errors]
    n = len(filled)
    return GeoScore(
        n=n,
        resolved=sum(1 for e in errors if e is not None),
        within_25=sum(1 for e in filled if e <= 25) / n if n else 0.0,
        within_161=sum(1 for e in filled if e <= 161) / n if n else 0.0,
        median_km=median(filled),
        auc=geo_auc(filled),
    )


def ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def pct(x: float) -> str:
    """A share as a percentage with one decimal, '–' for undefined values."""
    return "–" if x != x else f"{100 * x:.1f}"


def km(x: float) -> str:
    return "–" if x != x else f"{x:,.0f}"
