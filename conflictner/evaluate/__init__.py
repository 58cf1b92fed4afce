"""Evaluation against gold annotations: `conflictner.evaluate(gold)` -> `EvaluationReport`.

This package is itself callable, so `conflictner.evaluate(...)` runs an evaluation while
`conflictner.evaluate.gold`, `.score`, `.report` (and `.public`, imported only on demand)
stay reachable as submodules. Importing it does not import spaCy.
"""

from __future__ import annotations

import sys
import types
from typing import Any

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


class _CallablePackage(types.ModuleType):
    """`conflictner.evaluate` names both this package and the function; calling it runs the function.

    A plain `from .evaluate import evaluate` in conflictner/__init__ would shadow the package,
    breaking `conflictner.evaluate.public` attribute access and `mock.patch` paths.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> EvaluationReport:
        return evaluate(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
