"""Measurements that need a fresh process: load times and peak memory.

Run as `python -m tests.benchmarks.probe MODE [N]` from the project root; prints one JSON
object on its last line. Modes:

- `load`: time of `import conflictner` and of `conflictner.load()`, memory after;
- `gazetteer`: time and memory of `conflictner.geo.Gazetteer.load()` alone;
- `rss N`: load the pipeline, stream `extract_many` over N benchmark documents, report peak RSS;
- `profile-gazetteer`, `profile-load`: cProfile hotspots of `Gazetteer.load()` / `conflictner.load()`.

Memory is read from /proc/self/status (VmRSS, VmHWM) and `resource.getrusage` (ru_maxrss), in MB.
VmHWM is the peak that counts: on Linux ru_maxrss is carried over `exec`, so in a child of a big
process (pytest with two pipelines loaded) it can report the parent's peak instead of ours.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from typing import Any

MB = 1024.0  # /proc and ru_maxrss report kB on Linux


def proc_status() -> dict[str, float]:
    """VmRSS (current) and VmHWM (peak) of this process in MB; empty where /proc is absent."""
    out: dict[str, float] = {}
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    out[key] = int(value.split()[0]) / MB
    except OSError:
        pass
    return out


def maxrss_mb() -> float:
    """Peak resident set size of this process (ru_maxrss), MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / MB


def probe_load() -> dict[str, Any]:
    """Time `import conflictner` and `conflictner.load()` in this (fresh) process."""
    t0 = time.perf_counter()
    import conflictner

    t1 = time.perf_counter()
    nlp = conflictner.load()
    t2 = time.perf_counter()
    return {
        "import_s": t1 - t0,
        "load_s": t2 - t1,
        "total_s": t2 - t0,
        "pipes": len(nlp.pipe_names),
        "rss_mb": proc_status().get("VmRSS"),
        "peak_mb": proc_status().get("VmHWM", maxrss_mb()),
    }


def probe_gazetteer() -> dict[str, Any]:
    """Time and memory of building the offline gazetteer alone (its module already imported)."""
    t0 = time.perf_counter()
    from conflictner.geo import Gazetteer

    t1 = time.perf_counter()
    before = proc_status().get("VmRSS", 0.0)
    gaz = Gazetteer.load()
    t2 = time.perf_counter()
    after = proc_status()
    peak = after.get("VmHWM", maxrss_mb())
    return {
        "import_s": t1 - t0,
        "load_s": t2 - t1,
        "names": len(gaz.index),
        "places": len(gaz.by_id),
        "rss_before_mb": before,
        "rss_after_mb": after.get("VmRSS"),
        "retained_mb": after.get("VmRSS", 0.0) - before,
        "peak_increment_mb": peak - before,
        "peak_mb": peak,
    }


def probe_rss(n: int) -> dict[str, Any]:
    """Load the pipeline and stream extraction over `n` documents; peak memory of the process."""
    import conflictner
    from tests.benchmarks.corpus import build_corpus

    docs = build_corpus(n)
    nlp = conflictner.load()
    loaded = proc_status()
    t0 = time.perf_counter()
    count = events = 0
    for x in conflictner.extract_many(docs, nlp=nlp, n_process=1, batch_size=32):
        count += 1
        events += len(x.events)
    elapsed = time.perf_counter() - t0
    status = proc_status()
    return {
        "docs": count,
        "events": events,
        "extract_s": elapsed,
        "rss_after_load_mb": loaded.get("VmRSS"),
        "peak_during_load_mb": loaded.get("VmHWM"),
        "rss_end_mb": status.get("VmRSS"),
        "vmhwm_mb": status.get("VmHWM"),
        "peak_mb": maxrss_mb(),
    }


def probe_profile(what: str) -> dict[str, Any]:
    """Hotspots of a cold `Gazetteer.load()` or `conflictner.load()` (both are cached per process)."""
    import conflictner
    from conflictner.geo import Gazetteer
    from tests.benchmarks.profiling import hotspots

    if what == "gazetteer":
        return hotspots(Gazetteer.load, "Gazetteer.load() in a fresh process").as_dict()
    return hotspots(conflictner.load, "conflictner.load() in a fresh process").as_dict()


def main(argv: list[str]) -> int:
    """Dispatch on the mode and print the result as JSON."""
    mode = argv[0] if argv else ""
    if mode == "load":
        result = probe_load()
    elif mode == "gazetteer":
        result = probe_gazetteer()
    elif mode == "rss":
        result = probe_rss(int(argv[1]) if len(argv) > 1 else 1000)
    elif mode in ("profile-gazetteer", "profile-load"):
        result = probe_profile(mode.split("-", 1)[1])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
