"""cProfile hotspots, for the lead engineer when a benchmark bar is missed.

`hotspots(fn)` runs `fn` under cProfile and returns the functions with the most self time
(where the time is actually spent) and our own functions with the most cumulative time
(which of our entry points it is spent under), each with its share of the profiled time.
cProfile slows pure-Python code more than C code, so shares are indicative, not exact.
"""

from __future__ import annotations

import cProfile
import pstats
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

OURS = ("conflictner/",)


@dataclass
class Hotspot:
    """One function: where it lives, calls, self and cumulative seconds, share of the total."""

    function: str
    calls: int
    self_s: float
    cum_s: float
    share: float
    called_from: str = ""  # for library code: our function it is mostly reached from


@dataclass
class Profile:
    """What `hotspots` found: the profiled wall time and the two rankings."""

    label: str
    total_s: float
    by_self: list[Hotspot]
    ours_by_cum: list[Hotspot]

    def markdown(self) -> str:
        """Both rankings as markdown tables."""
        lines = [f"**Profile: {self.label}** (cProfile, {self.total_s:.2f} s profiled)", "",
                 "Top functions by self time:", "",
                 "| function | calls | self s | share | mostly reached from |", "|---|---:|---:|---:|---|"]
        lines += [f"| `{h.function}` | {h.calls} | {h.self_s:.3f} | {h.share:.1%} | "
                  + (f"`{h.called_from}`" if h.called_from else "") + " |" for h in self.by_self]
        lines += ["", "Our functions by cumulative time:", "",
                  "| function | calls | cumulative s | share |", "|---|---:|---:|---:|"]
        lines += [f"| `{h.function}` | {h.calls} | {h.cum_s:.3f} | {h.share:.1%} |" for h in self.ours_by_cum]
        return "\n".join(lines) + "\n"

    def as_dict(self) -> dict[str, Any]:
        """Plain data (for JSON from a subprocess)."""
        return {"label": self.label, "total_s": self.total_s,
                "by_self": [vars(h) for h in self.by_self], "ours_by_cum": [vars(h) for h in self.ours_by_cum]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Profile:
        """Inverse of `as_dict`."""
        return cls(data["label"], data["total_s"], [Hotspot(**h) for h in data["by_self"]],
                   [Hotspot(**h) for h in data["ours_by_cum"]])


def _label(key: tuple[str, int, str]) -> str:
    """'conflictner/components/actors.py:88(__call__)' rather than an absolute path."""
    path, line, func = key
    if path == "~":  # built-in
        return func
    parts = Path(path).parts
    for anchor in ("site-packages", "main", "work"):
        if anchor in parts:
            parts = parts[len(parts) - parts[::-1].index(anchor):]
            break
    return f"{'/'.join(parts[-3:])}:{line}({func})"


def _ours(key: tuple[str, int, str]) -> bool:
    path = key[0].replace("\\", "/")
    return any(p in path for p in OURS) and "site-packages" not in path


def _blame(stats: dict, key: tuple[str, int, str], depth: int = 8) -> str:
    """Follow the heaviest caller upwards to one of our functions; failing that, name the
    heaviest direct caller ("via ...")."""
    callers = stats.get(key, (0, 0, 0, 0, {}))[4]
    if not callers:
        return ""
    direct = max(callers, key=lambda c: callers[c][3])
    seen, cur = {key}, key
    for _ in range(depth):
        callers = stats.get(cur, (0, 0, 0, 0, {}))[4]
        if not callers:
            break
        cur = max(callers, key=lambda c: callers[c][3])  # the caller that accounts for the most time
        if cur in seen:
            break
        seen.add(cur)
        if _ours(cur):
            return _label(cur)
    return f"via {_label(direct)}"


def hotspots(fn: Callable[[], Any], label: str, *, top: int = 15) -> Profile:
    """Run `fn()` under cProfile; the `top` functions by self time and ours by cumulative time."""
    prof = cProfile.Profile()
    prof.enable()
    try:
        fn()
    finally:
        prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    total = sum(tt for _, _, tt, _, _ in stats.values()) or 1e-9

    def spot(key: tuple[str, int, str]) -> Hotspot:
        _, ncalls, tt, ct, _ = stats[key]
        return Hotspot(_label(key), ncalls, tt, ct, 0.0)

    by_self = sorted(stats, key=lambda k: stats[k][2], reverse=True)[:top]
    ours = sorted((k for k in stats if _ours(k)), key=lambda k: stats[k][3], reverse=True)[:top]
    self_spots = [spot(k) for k in by_self]
    for k, h in zip(by_self, self_spots, strict=True):
        h.share = h.self_s / total
        h.called_from = "" if _ours(k) else _blame(stats, k)
    cum_spots = [spot(k) for k in ours]
    for h in cum_spots:
        h.share = h.cum_s / total
    return Profile(label, total, self_spots, cum_spots)
