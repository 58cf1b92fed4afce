"""What every adapter shares: the report it returns, the two pipelines it runs, progress.

Adapters work on Doc records (`doc._.cn_*`), not on `Extraction`s, because the public
corpora score things the Extraction deliberately filters (e.g. unknown organisations that
play no part in an event are dropped from `Extraction.actors` but are still mentions).
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc


@dataclass
class Table:
    """One markdown table: a title line, column names, rows of already formatted cells."""

    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class CorpusReport:
    """Everything one adapter measured, ready to print."""

    key: str
    title: str
    items: str  # what was counted, e.g. "90 documents, 1,480 gold actor spans"
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # definitions: how the numbers were made
    failures: list[str] = field(default_factory=list)  # the biggest error causes seen
    summary: list[list[str]] = field(default_factory=list)  # headline rows: [measure, ours, baseline]
    seconds: float = 0.0


def log(msg: str) -> None:
    """Progress goes to stderr so stdout stays clean for pipes."""
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


@functools.lru_cache(maxsize=1)
def ours() -> Language:
    """The full conflictner pipeline (cached by conflictner.load as well)."""
    import conflictner

    return conflictner.load()


def base_name() -> str:
    """The base spaCy pipeline conflictner builds on, so the baseline is the same model."""
    from conflictner.api import default_base

    return default_base()


@functools.lru_cache(maxsize=1)
def bare() -> Language:
    """The bare base pipeline, without any conflictner component: the NER baseline."""
    import spacy

    return spacy.load(base_name())


def run_ours(items: Iterable[tuple[str, Optional[str]]], batch_size: int = 16) -> Iterator[Doc]:
    """Run our pipeline over (text, published ISO date or None) pairs, in order."""
    nlp = ours()

    def docs() -> Iterator[Doc]:
        for i, (text, published) in enumerate(items):
            doc = nlp.make_doc(text)
            doc._.cn_meta = {"doc_id": f"eval-{i}", "published": published, "url": None,
                             "outlet": None, "title": None}
            yield doc

    yield from nlp.pipe(docs(), batch_size=batch_size)


def run_bare(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    yield from bare().pipe(texts, batch_size=batch_size)


def record_spans(records: Iterable[dict]) -> list[tuple[int, int]]:
    """Every mention of every record as (start_char, end_char)."""
    return [(int(m[0]), int(m[1])) for r in records for m in r.get("mentions", [])]


def top(counter: dict[str, int], n: int = 8) -> str:
    """'a' ×3, 'b' ×2 … — the most frequent strings of a failure list."""
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return ", ".join(f"`{clean(k)}` ×{v}" for k, v in items) if items else "none"


def clean(text: str, limit: int = 60) -> str:
    """Corpus text made safe for one markdown cell or code span (no newlines, pipes, backticks)."""
    text = " ".join(text.split()).replace("|", "/").replace("`", "'")
    return text if len(text) <= limit else text[: limit - 1] + "…"
