"""Shared fixtures: the pipeline is built once per test run."""

from __future__ import annotations

from pathlib import Path

import pytest

import conflictner

HERE = Path(__file__).parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_25f5773b3494cece.txt"
EXAMPLES = ROOT / "docs" / "examples"


@pytest.fixture(scope="session")
def nlp():
    return conflictner.load()


@pytest.fixture(scope="session")
def extract(nlp):
    """extract(text, published=...) bound to the session pipeline."""

    def run(text: str, **kw):
        return conflictner.extract(text, nlp=nlp, **kw)

    return run


@pytest.fixture(scope="session")
def somalia(extract):
    text = (EXAMPLES / "somalia_base_attack.txt").read_text(encoding="utf8")
    return extract(text, published="2024-03-06", outlet="conflictner example", url="https://example.org/a")


@pytest.fixture(scope="session")
def seed(extract):
    if not SEED.exists():
        pytest.skip("../shared/seeds is absent")
    return extract(SEED.read_text(encoding="utf8"), published="2023-10-19", outlet="RedState")


def actor_names(x, ids):
    names = {a.id: a.name for a in x.actors}
    return [names[i] for i in ids]
