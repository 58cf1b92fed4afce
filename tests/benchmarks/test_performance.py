"""Performance benchmarks (run on demand: `make benchmark`; never part of `make test`).

Each benchmark prints a table, records its numbers in docs/performance.md (via the `report`
fixture) and asserts the bar from the issue, so a regression fails `make benchmark`. When a bar
is missed the benchmark also profiles the slow part and reports the hotspots. Timings on a shared
machine are noisy: speed is therefore judged as a ratio to the bare base pipeline measured in
the same run, on the same texts, in interleaved rounds.
"""

from __future__ import annotations

import functools
import json
import os
import statistics
import subprocess
import time
from collections.abc import Callable, Iterable
from typing import Any, Optional

import pytest
from spacy.language import Language

import conflictner
from conflictner.api import _item, _make_doc
from conflictner.build import build

from .corpus import build_corpus, word_count
from .profiling import Profile, hotspots
from .reporting import ROOT, Report, Settings

pytestmark = pytest.mark.benchmark

#: the bars from the issue
RATIO_BAR = 0.85  # extract_many words/s ÷ bare nlp.pipe words/s
RSS_BAR_MB = 700.0  # peak RSS, load + extraction on 1,000 docs
GAZ_TIME_BAR_S = 1.0  # Gazetteer.load()
GAZ_MEM_BAR_MB = 150.0  # memory the gazetteer adds to its process
ACTOR_SHARE_BAR = 0.10  # conflictner_actors ÷ pipeline time
#: linear scaling: the CPU cost per word may vary this much between corpus sizes
SCALING_TOLERANCE = 1.3
WARMUP_SEED = 99  # warm-up texts differ from the measured ones
BUILD = "build (Doc → Extraction)"


# -- helpers -----------------------------------------------------------------------------------
def run_probe(python: str, *args: str) -> dict[str, Any]:
    """Run tests/benchmarks/probe.py in a fresh interpreter; its JSON result."""
    proc = subprocess.run([python, "-m", "tests.benchmarks.probe", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=3600)
    assert proc.returncode == 0, f"probe {args} failed:\n{proc.stderr[-3000:]}"
    return json.loads(proc.stdout.strip().splitlines()[-1])


def timed(fn: Callable[[], Any]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (this process) of `fn()`."""
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w0, time.process_time() - c0


def drain(it: Iterable[Any]) -> int:
    """Consume an iterator (results are discarded as they come); how many items it gave."""
    n = 0
    for _ in it:
        n += 1
    return n


def run_ours(nlp: Language, items: list[dict], n_process: int, batch_size: int) -> int:
    """The full product path: `extract_many` to `Extraction`s."""
    return drain(conflictner.extract_many(items, nlp=nlp, n_process=n_process, batch_size=batch_size))


def run_pipe(nlp: Language, items: list[dict], n_process: int, batch_size: int) -> int:
    """conflictner's pipeline alone: the Docs `extract_many` would make, through `nlp.pipe`, no `build`."""
    docs = (_make_doc(nlp, *_item(i, d)) for i, d in enumerate(items))
    return drain(nlp.pipe(docs, n_process=n_process, batch_size=batch_size))


def run_bare(bare: Language, items: list[dict], n_process: int, batch_size: int) -> int:
    """The bare base pipeline over the same texts."""
    return drain(bare.pipe([d["text"] for d in items], n_process=n_process, batch_size=batch_size))


def warm_up(nlp: Language, bare: Language | None = None) -> None:
    """First calls load lazy data (dateparser, vectors); keep them out of the measurements."""
    items = build_corpus(16, seed=WARMUP_SEED)
    run_ours(nlp, items, 1, 8)
    if bare is not None:
        run_bare(bare, items, 1, 8)


def chunks(items: list[Any], n: int) -> list[list[Any]]:
    """`items` split into `n` contiguous, near-equal parts."""
    size, extra = divmod(len(items), n)
    out, start = [], 0
    for i in range(n):
        end = start + size + (1 if i < extra else 0)
        out.append(items[start:end])
        start = end
    return [c for c in out if c]


def add_profile(report: Report, prof: Profile) -> None:
    """Put a profile in the report (and on the terminal)."""
    report.profile(prof.markdown())


def check(ok: bool, message: str) -> None:
    """Fail with just the message: the numbers are in the printed tables and the report."""
    if not ok:
        pytest.fail(message, pytrace=False)


def our_steps(nlp: Language) -> list[str]:
    """conflictner's components that run after the base pipeline (the segmenter runs inside it)."""
    return [n for n in nlp.pipe_names if n.startswith("conflictner_") and n != "conflictner_segmenter"]


def profile_layer(nlp: Language, items: list[dict], names: list[str], label: str, *, with_build: bool) -> Profile:
    """Hotspots of the named components (and `build`) alone, over docs the base pipeline has
    already annotated, so the statistical models do not drown our own code in the profile."""
    before = nlp.pipe_names[: nlp.pipe_names.index(names[0])]
    with nlp.select_pipes(enable=before):
        parsed = list(nlp.pipe((_make_doc(nlp, *_item(i, d)) for i, d in enumerate(items)), batch_size=32))
    procs = [nlp.get_pipe(n) for n in names]

    def run() -> None:
        for doc in parsed:
            for proc in procs:
                doc = proc(doc)
            if with_build:
                build(doc)

    return hotspots(run, label)


# -- load time and memory ------------------------------------------------------------------------
def test_gazetteer_load(python: str, settings: Settings, report: Report) -> None:
    """`Gazetteer.load()` alone in a fresh process: < 1 s and < 150 MB."""
    runs = [run_probe(python, "gazetteer") for _ in range(settings.load_runs)]
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    report.add("load", "\n".join([
        f"`conflictner.geo.Gazetteer.load()` alone, median of {len(runs)} fresh processes "
        f"({int(med['places'])} places under {int(med['names'])} names):", "",
        "| measurement | median | all runs |", "|---|---:|---|",
        *(f"| {label} | {med[key]:.{d}f} | {', '.join(f'{r[key]:.{d}f}' for r in runs)} |" for label, key, d in (
            ("import conflictner.geo (s)", "import_s", 2),
            ("Gazetteer.load() (s)", "load_s", 2),
            ("RSS before load (MB)", "rss_before_mb", 0),
            ("RSS after load (MB)", "rss_after_mb", 0),
            ("memory added by the gazetteer, peak (MB)", "peak_increment_mb", 0),
            ("peak RSS of the process (MB)", "peak_mb", 0),
        )),
    ]))
    time_ok = med["load_s"] < GAZ_TIME_BAR_S
    mem_ok = med["peak_increment_mb"] < GAZ_MEM_BAR_MB
    report.bar("gazetteer load time", f"{med['load_s']:.2f} s", f"< {GAZ_TIME_BAR_S:.0f} s", time_ok)
    report.bar("gazetteer memory (added to the process, peak)", f"{med['peak_increment_mb']:.0f} MB "
               f"(whole process {med['peak_mb']:.0f} MB)", f"< {GAZ_MEM_BAR_MB:.0f} MB", mem_ok)
    if not time_ok or settings.profile:
        add_profile(report, Profile.from_dict(run_probe(python, "profile-gazetteer")))
    check(time_ok and mem_ok, f"Gazetteer.load() takes {med['load_s']:.2f} s (bar < {GAZ_TIME_BAR_S:.0f} s) and adds "
          f"{med['peak_increment_mb']:.0f} MB (bar < {GAZ_MEM_BAR_MB:.0f} MB)")


def test_pipeline_load(python: str, settings: Settings, report: Report) -> None:
    """`conflictner.load()` in a fresh process (reported; the issue sets no bar)."""
    runs = [run_probe(python, "load") for _ in range(settings.load_runs)]
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    report.add("load", "\n".join([
        f"`conflictner.load()` in a fresh process, median of {len(runs)}:", "",
        "| measurement | median | all runs |", "|---|---:|---|",
        *(f"| {label} | {med[key]:.{d}f} | {', '.join(f'{r[key]:.{d}f}' for r in runs)} |" for label, key, d in (
            ("import conflictner (s)", "import_s", 2),
            ("conflictner.load() (s)", "load_s", 2),
            ("import + load (s)", "total_s", 2),
            ("RSS after load (MB)", "rss_mb", 0),
        )),
    ]))
    if settings.profile:
        add_profile(report, Profile.from_dict(run_probe(python, "profile-load")))


# -- throughput --------------------------------------------------------------------------------
@pytest.mark.parametrize("n_process", [1, 2])
def test_throughput(n_process: int, nlp: Language, bare: Language, settings: Settings, report: Report) -> None:
    """Words/s of `extract_many` ≥ 0.85 × the bare pipeline's `nlp.pipe`, interleaved on the same texts."""
    if n_process > (os.cpu_count() or 1):
        pytest.skip(f"n_process={n_process} on a machine with {os.cpu_count()} CPU")
    ndocs, rounds = (settings.docs, settings.rounds) if n_process == 1 else (settings.mp_docs, settings.mp_rounds)
    bs = settings.batch_size
    items = build_corpus(ndocs)
    warm_up(nlp, bare)
    # the middle runner splits the gap: our components (nlp.pipe) vs the API around them (build, flushes)
    runners: dict[str, Callable[[list[dict]], int]] = {
        "bare": lambda c: run_bare(bare, c, n_process, bs),
        "pipe": lambda c: run_pipe(nlp, c, n_process, bs),
        "ours": lambda c: run_ours(nlp, c, n_process, bs),
    }
    labels = {"bare": f"bare `nlp.pipe` ({base_label(bare)})",
              "pipe": "conflictner pipeline, `nlp.pipe` only (no `build`)",
              "ours": "**`conflictner.extract_many`**"}
    totals = {name: [0.0, 0.0] for name in runners}  # wall, CPU (parent process)
    round_ratios = []
    names = list(runners)
    for r, chunk in enumerate(chunks(items, rounds)):
        order = names[r % 3:] + names[: r % 3]  # rotate, so drift in the machine's load hits all alike
        this = {}
        for name in order:
            this[name] = timed(functools.partial(runners[name], chunk))
            totals[name][0] += this[name][0]
            totals[name][1] += this[name][1]
        round_ratios.append(this["bare"][0] / this["ours"][0])
    words, docs = word_count([d["text"] for d in items]), len(items)
    wps = {k: words / v[0] for k, v in totals.items()}
    ratio = wps["ours"] / wps["bare"]
    cpu_note = "CPU s (this process)" if n_process == 1 else "CPU s (parent only)"
    rows = [f"| {labels[k]} | {docs} | {words} | {totals[k][0]:.1f} | {docs / totals[k][0]:.1f} "
            f"| {wps[k]:.0f} | {wps[k] / wps['bare']:.2f}× | {totals[k][1]:.1f} "
            + (f"| {totals['bare'][1] / totals[k][1]:.2f}× |" if n_process == 1 else "|")
            for k in runners]
    lines = [
        f"n_process={n_process}: {docs} docs ({words} words) in {len(round_ratios)} interleaved rounds, "
        f"batch_size {bs}.", "",
        f"| pipeline | docs | words | wall s | docs/s | words/s | ÷ bare | {cpu_note} |"
        + (" ÷ bare (CPU) |" if n_process == 1 else ""),
        "|---|---:|---:|---:|---:|---:|---:|---:|" + ("---:|" if n_process == 1 else ""), *rows, "",
        f"Ratio (extract_many ÷ bare words/s): **{ratio:.2f}×**; per round: "
        + ", ".join(f"{x:.2f}" for x in round_ratios) + f" (median {statistics.median(round_ratios):.2f}).",
    ]
    report.add("throughput", "\n".join(lines) + "\n")
    ok = ratio >= RATIO_BAR
    report.bar(f"throughput ratio, n_process={n_process}",
               f"{ratio:.2f}× ({wps['ours']:.0f} vs {wps['bare']:.0f} words/s)", f"≥ {RATIO_BAR}×", ok)
    if not ok or settings.profile:
        if n_process == 1:
            sample = items[: min(len(items), 200)]
            add_profile(report, profile_layer(nlp, sample, our_steps(nlp), f"conflictner's components + build over "
                                              f"{len(sample)} docs already parsed by the base pipeline",
                                              with_build=True))
        else:
            sample = items[: min(len(items), 300)]
            add_profile(report, hotspots(lambda: run_ours(nlp, sample, n_process, bs),
                                         f"extract_many over {len(sample)} docs, n_process=2: the parent process "
                                         f"(serial work; waiting for the workers shows as posix.read)"))
    check(ok, f"extract_many runs at {ratio:.2f}× the bare pipeline's words/s at n_process={n_process} (bar {RATIO_BAR}×)")


def base_label(bare: Language) -> str:
    return f"{bare.meta.get('lang')}_{bare.meta.get('name')} {bare.meta.get('version')}"


# -- component shares --------------------------------------------------------------------------
def component_times(nlp: Language, items: list[dict], batch_size: int) -> dict[str, list[float]]:
    """Wall and CPU seconds of each pipeline step over `items`, batch by batch as `nlp.pipe`
    runs them: the tokenizer (`make_doc`), every component, then `build` (Doc → Extraction)."""
    steps: dict[str, list[float]] = {"tokenizer (make_doc)": [0.0, 0.0]}
    steps.update({name: [0.0, 0.0] for name in nlp.pipe_names})
    steps[BUILD] = [0.0, 0.0]
    clock = Clock()
    for batch in chunks(items, max(1, len(items) // batch_size)):
        clock.start()
        docs = [_make_doc(nlp, *_item(i, d)) for i, d in enumerate(batch)]
        clock.stop(steps["tokenizer (make_doc)"])
        for name, proc in nlp.pipeline:
            clock.start()
            docs = list(proc.pipe(docs, batch_size=len(docs))) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            clock.stop(steps[name])
        clock.start()
        for doc in docs:
            build(doc)
        clock.stop(steps[BUILD])
    return steps


class Clock:
    """Adds the wall and CPU seconds between `start()` and `stop(acc)` to `acc`."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    def start(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def stop(self, acc: list[float]) -> None:
        acc[0] += time.perf_counter() - self.wall
        acc[1] += time.process_time() - self.cpu


def ruler_times(nlp: Language, bare: Language, items: list[dict]) -> Optional[tuple[float, float]]:
    """CPU seconds of conflictner's attribute ruler and of the bare pipeline's own (spaCy's) over
    the same docs, parsed by the bare pipeline up to its ruler; None if either has none."""
    if "attribute_ruler" not in nlp.pipe_names or "attribute_ruler" not in bare.pipe_names:
        return None
    before = bare.pipe_names[: bare.pipe_names.index("attribute_ruler")]
    with bare.select_pipes(enable=before):
        docs = list(bare.pipe(d["text"] for d in items))
    out = []
    for ruler in (nlp.get_pipe("attribute_ruler"), bare.get_pipe("attribute_ruler")):
        copies = [d.copy() for d in docs]
        c = time.process_time()
        for d in copies:
            ruler(d)
        out.append(time.process_time() - c)
    return out[0], out[1]


def test_component_shares(nlp: Language, bare: Language, settings: Settings, report: Report) -> None:
    """Share of pipeline time per component; the actor layer ≤ 10%."""
    items = build_corpus(settings.shares_docs, seed=7)
    warm_up(nlp, bare)
    steps = component_times(nlp, items, settings.batch_size)
    build_key = BUILD
    pipeline = sum(v[0] for k, v in steps.items() if k != build_key)
    pipeline_cpu = sum(v[1] for k, v in steps.items() if k != build_key)
    everything = pipeline + steps[build_key][0]
    ours = sum(v[0] for k, v in steps.items() if k.startswith("conflictner_"))
    base = pipeline - ours
    words = word_count([d["text"] for d in items])
    lines = [f"{len(items)} docs ({words} words), each step timed batch by batch (batch_size "
             f"{settings.batch_size}) as `nlp.pipe` runs it. Shares are of the pipeline's wall time "
             f"(tokenizer + components); `build` is shown against the whole extraction.", "",
             "| step | wall s | CPU s | share of pipeline | share (CPU) |", "|---|---:|---:|---:|---:|"]
    for name, (wall, cpu) in steps.items():
        if name == build_key:
            lines.append(f"| {name} | {wall:.2f} | {cpu:.2f} | ({wall / everything:.1%} of pipeline + build) | |")
        else:
            lines.append(f"| {name} | {wall:.2f} | {cpu:.2f} | {wall / pipeline:.1%} | {cpu / pipeline_cpu:.1%} |")
    expected = base / everything
    lines += ["", f"Base components + tokenizer: {base:.2f} s; conflictner components: {ours:.2f} s "
              f"({ours / pipeline:.1%} of the pipeline); build: {steps[build_key][0]:.2f} s. "
              f"Our components and build alone, against this same base: base ÷ (pipeline + build) = "
              f"**{expected:.2f}×**."]
    rulers = ruler_times(nlp, bare, items)
    if rulers is not None:
        fast, spacy_ruler = rulers
        stock = (base - fast + spacy_ruler) / everything
        lines += ["", f"The base's `attribute_ruler` is conflictner's (`conflictner_attribute_ruler`, the same patterns "
                  f"and annotations): {fast:.2f} s CPU over these docs, where the bare pipeline's spaCy ruler takes "
                  f"{spacy_ruler:.2f} s. Against the bare pipeline, these timings imply "
                  f"(base − our ruler + spaCy's) ÷ (pipeline + build) = **{stock:.2f}×**."]
    report.add("shares", "\n".join(lines) + "\n")
    share = steps["conflictner_actors"][0] / pipeline
    ok = share <= ACTOR_SHARE_BAR
    report.bar("actor layer share of pipeline time", f"{share:.1%}", f"≤ {ACTOR_SHARE_BAR:.0%}", ok)
    if not ok or settings.profile:
        sample = items[:200]
        add_profile(report, profile_layer(nlp, sample, ["conflictner_actors"],
                                          f"conflictner_actors alone over {len(sample)} parsed docs", with_build=False))
    check(ok, f"the actor layer takes {share:.1%} of pipeline time (bar ≤ {ACTOR_SHARE_BAR:.0%})")


# -- memory ------------------------------------------------------------------------------------
def test_peak_rss(python: str, settings: Settings, report: Report) -> None:
    """Peak RSS of a fresh process that loads the pipeline and extracts from 1,000 docs: < 700 MB."""
    r = run_probe(python, "rss", str(settings.rss_docs))
    report.add("rss", "\n".join([
        f"A fresh process: `conflictner.load()`, then `extract_many` (n_process=1) streaming over "
        f"{r['docs']} docs ({r['events']} events), results discarded as they come.", "",
        "| measurement | MB |", "|---|---:|",
        f"| RSS after load | {r['rss_after_load_mb']:.0f} |",
        f"| peak during load | {r['peak_during_load_mb']:.0f} |",
        f"| RSS at the end | {r['rss_end_mb']:.0f} |",
        f"| **peak (VmHWM)** | **{r['vmhwm_mb']:.0f}** |",
        f"| ru_maxrss | {r['peak_mb']:.0f} |", "",
        "The bar is judged on VmHWM, this process's own peak: on Linux ru_maxrss survives `exec`, so in a "
        "child of pytest it also reports the peak of the pytest process it was forked from.",
        f"Extraction took {r['extract_s']:.1f} s ({r['docs'] / r['extract_s']:.1f} docs/s).",
    ]) + "\n")
    peak = r["vmhwm_mb"] or r["peak_mb"]
    ok = peak < RSS_BAR_MB
    report.bar(f"peak RSS, load + {r['docs']} docs", f"{peak:.0f} MB", f"< {RSS_BAR_MB:.0f} MB", ok)
    check(ok, f"peak RSS {peak:.0f} MB (bar < {RSS_BAR_MB:.0f} MB)")


# -- scaling -----------------------------------------------------------------------------------
def test_scaling(nlp: Language, settings: Settings, report: Report) -> None:
    """Per-word cost stays flat from 100 to 10,000 docs (n_process=1): the cost grows linearly."""
    from .probe import proc_status

    corpus = build_corpus(max(settings.sizes))
    warm_up(nlp)
    rows, costs = [], []
    for n in settings.sizes:
        items = corpus[:n]
        words = word_count([d["text"] for d in items])
        wall, cpu = timed(lambda items=items: run_ours(nlp, items, 1, settings.batch_size))
        costs.append(cpu / words)
        status = proc_status()
        rows.append((n, words, wall, cpu, status.get("VmRSS", 0.0), status.get("VmHWM", 0.0)))
    ref = min(costs)
    lines = ["`extract_many` (n_process=1) over the first N docs of one corpus, in the pytest process (RSS "
             "includes both loaded pipelines). CPU time (this process) is the measure: it is far less disturbed "
             "by other jobs than wall time.", "",
             "| docs | words | wall s | CPU s | ms/doc (wall) | ms/doc (CPU) | CPU µs/word | ÷ cheapest | RSS MB | peak RSS MB |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for (n, words, wall, cpu, rss, peak), cost in zip(rows, costs, strict=True):
        lines.append(f"| {n} | {words} | {wall:.1f} | {cpu:.1f} | {1000 * wall / n:.1f} | {1000 * cpu / n:.1f} "
                     f"| {1e6 * cost:.0f} | {cost / ref:.2f} | {rss:.0f} | {peak:.0f} |")
    growth = max(costs) / ref
    report.add("scaling", "\n".join(lines) + "\n")
    ok = growth <= SCALING_TOLERANCE
    report.bar(f"linear scaling {settings.sizes[0]}→{settings.sizes[-1]} docs (CPU per word, max ÷ min)",
               f"{growth:.2f}", f"≤ {SCALING_TOLERANCE}", ok)
    if not ok or settings.profile:
        sample = corpus[-min(len(corpus), 300):]
        add_profile(report, hotspots(lambda: run_ours(nlp, sample, 1, settings.batch_size),
                                     f"extract_many over the last {len(sample)} docs, n_process=1 (scaling)"))
    check(ok, f"per-word cost varies {growth:.2f}× across corpus sizes {settings.sizes} (bar ≤ {SCALING_TOLERANCE})")
