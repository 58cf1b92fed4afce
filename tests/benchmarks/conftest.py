"""Benchmark fixtures: the run's settings, the two pipelines and the report (written to
docs/performance.md when the session ends). Sizes and options: see `reporting.py`."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
import spacy
from spacy.language import Language

import conflictner

from .reporting import BARE, Report, Settings, load_settings


# -- fixtures ----------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def settings() -> Settings:
    """Benchmark sizes for this run."""
    return load_settings()


@pytest.fixture(scope="session")
def report(settings: Settings) -> Iterator[Report]:
    """Collects every benchmark's tables; writes docs/performance.md when the run ends."""
    rep = Report(settings)
    yield rep
    path = rep.write()
    print(f"\nbenchmark report written to {path}")


@pytest.fixture(scope="session")
def nlp() -> Language:
    """conflictner's pipeline on the same base as `bare`."""
    return conflictner.load(base=BARE)


@pytest.fixture(scope="session")
def bare() -> Language:
    """The bare base pipeline, as users would load it."""
    return spacy.load(BARE)


@pytest.fixture(scope="session")
def python() -> str:
    """The interpreter for subprocess measurements."""
    return sys.executable
