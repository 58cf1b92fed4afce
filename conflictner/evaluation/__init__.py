"""Evaluation against gold annotations: `conflictner.evaluate(gold)` -> `EvaluationReport`.

Submodules: `gold` (the annotation format), `score` (matching and metrics), `report` (the
report model and its Markdown), and `public` (adapters for public corpora, imported only on
demand). Importing this package does not import spaCy.
"""

from __future__ import annotations

from .gold import (
    GoldActor,
    GoldClaim,
    GoldDate,
    GoldDocument,
    GoldEvent,
    GoldEventPlace,
    GoldFormatError,
    GoldPlace,
    GoldTime,
    load_gold,
    read_extractions,
    read_gold,
)
from .report import LAYERS, EvaluationReport, render_markdown
from .score import evaluate, fold, kinds_compatible, score

__all__ = [
    "LAYERS",
    "EvaluationReport",
    "GoldActor",
    "GoldClaim",
    "GoldDate",
    "GoldDocument",
    "GoldEvent",
    "GoldEventPlace",
    "GoldFormatError",
    "GoldPlace",
    "GoldTime",
    "evaluate",
    "fold",
    "kinds_compatible",
    "load_gold",
    "read_extractions",
    "read_gold",
    "render_markdown",
    "score",
]
