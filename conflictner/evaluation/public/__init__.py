"""Adapters for the public annotated corpora in ../shared/data, each scored beside a baseline
measured in the same run.

    python -m conflictner.evaluation.public --out docs/benchmarks.md

One module per corpus; each has `FOLDER` (its folder name under the data directory),
`TITLE`, a `read(folder, limit)` that parses the corpus files, and an `evaluate(folder,
limit)` returning a `CorpusReport`. Nothing from a corpus is copied into the repository:
the files are read from the data directory at run time.

This package stands alone (it does not import `conflictner.evaluate`'s own modules).
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from types import ModuleType

from .base import CorpusReport, Table

#: run order: cheap corpora first, so a broken adapter shows up early
ADAPTERS: dict[str, str] = {
    "re3d": "re3d",
    "plover": "plover",
    "ucdp": "ucdp",
    "wikiwars": "wikiwars",
    "geowebnews": "geowebnews",
    "geovirus": "geovirus",
    "gum": "gum",
}


def adapter(name: str) -> ModuleType:
    """The adapter module for a corpus key (see ADAPTERS)."""
    return importlib.import_module(f"{__name__}.{ADAPTERS[name]}")


def default_data_dir() -> Path:
    """$CONFLICTNER_DATA, else ../shared/data next to the repository root (a source checkout),
    else ../shared/data relative to the working directory."""
    env = os.environ.get("CONFLICTNER_DATA")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[3]
    if (repo / "pyproject.toml").exists():
        return repo.parent / "shared" / "data"
    return Path("..") / "shared" / "data"


__all__ = ["ADAPTERS", "CorpusReport", "Table", "adapter", "default_data_dir"]
