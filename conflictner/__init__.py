"""conflictner: typed, source-linked conflict events from news text, offline.

    >>> import conflictner
    >>> result = conflictner.extract(text, published="2024-05-12", outlet="AP")
    >>> result.events[0].attack_kind, result.claims[0].source.text
"""

from .api import extract, extract_many, load
from .evaluation import evaluate
from .schema import (
    Actor,
    Claim,
    Count,
    Document,
    Event,
    Extraction,
    Instrument,
    Mention,
    Place,
    Source,
    TimeSpan,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Claim",
    "Count",
    "Document",
    "Event",
    "Extraction",
    "Instrument",
    "Mention",
    "Place",
    "Source",
    "TimeSpan",
    "__version__",
    "evaluate",
    "extract",
    "extract_many",
    "load",
]
