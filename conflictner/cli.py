"""The `conflictner` command: extract, schema, actors.

Exit codes: 0 success, 1 bad input (unreadable file, bad date, bad model), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Optional, TextIO

from .schema import Extraction, json_schema

SCHEMA_PATH = Path("docs/schema/extraction.schema.json")


def _fmt_count(c: object) -> str:
    if c is None:
        return "-"
    lo, hi = c.min, c.max
    if lo == hi:
        return str(lo)
    return f"{lo if lo is not None else '?'}-{hi if hi is not None else ''}".rstrip("-") + ("+" if hi is None else "")


def render_table(x: Extraction, out: TextIO) -> None:
    """A readable summary: one block per event with its claims."""
    title = x.document.title or x.document.id
    out.write(f"# {title}  (published {x.document.published or 'unknown'}, {len(x.events)} events, "
              f"{len(x.claims)} claims)\n")
    actors = {a.id: a for a in x.actors}
    places = {p.id: p for p in x.places}
    times = {t.id: t for t in x.times}
    if not x.events:
        out.write("  no events found\n")
    for e in x.events:
        place = places.get(e.place_id or "")
        time = times.get(e.time_id or "")
        when = "?"
        if time is not None:
            when = str(time.start) if time.start == time.end else f"{time.start or '…'}..{time.end or '…'}"
        where = "?"
        if place is not None:
            where = " ".join(filter(None, [place.qualifier, place.name])) + (f" [{place.country}]" if place.country else "")
        kind = e.attack_kind.value if e.attack_kind else e.type.value
        out.write(f"\n{e.id}  {e.type.value}/{kind}  {e.acled_event_type or ''} / {e.acled_sub_event_type or ''}\n")
        rows = [
            ("attacker", ", ".join(actors[i].name for i in e.attacker_ids if i in actors) or "-"),
            ("target", ", ".join(actors[i].name for i in e.target_ids if i in actors) or (e.target_text or "-")),
            ("with", ", ".join(f"{i.count} {i.kind}" if i.count else i.kind for i in e.instruments) or "-"),
            ("where", where),
            ("when", when),
            ("outcome", f"{e.outcome.value}; damage {e.damage if e.damage is not None else '-'}; "
                        f"killed {_fmt_count(e.fatalities)}; injured {_fmt_count(e.injured)}"),
            ("modality", e.modality.value + (f"; disputed: {', '.join(sorted(e.disputed))}" if e.disputed else "")),
        ]
        for k, v in rows:
            out.write(f"  {k:<9} {v}\n")
        for c in x.claims:
            if c.event_id != e.id:
                continue
            anon = " (anonymous)" if c.source.anonymous else ""
            out.write(f"  claim    {c.stance.value:<20} {c.source.text}{anon} [{c.source.role.value}]"
                      f"  «{c.evidence.text[:70].strip()}{'…' if len(c.evidence.text) > 70 else ''}»\n")


def _cmd_extract(args: argparse.Namespace) -> int:
    from .api import extract, load

    try:
        nlp = load(args.base) if args.base else load()
    except (OSError, ValueError) as err:
        print(f"conflictner: {err}", file=sys.stderr)
        return 1
    inputs = args.files or ["-"]
    first = True
    for name in inputs:
        try:
            text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf8")
        except OSError as err:
            print(f"conflictner: cannot read {name}: {err.strerror}", file=sys.stderr)
            return 1
        try:
            x = extract(text, published=args.published, url=args.url, outlet=args.outlet,
                        title=args.title or (None if name == "-" else Path(name).stem),
                        doc_id=None if name == "-" else Path(name).stem, nlp=nlp)
        except (TypeError, ValueError) as err:
            print(f"conflictner: {err}", file=sys.stderr)
            return 1
        if args.format == "json":
            sys.stdout.write(x.model_dump_json(indent=2) + "\n")
        elif args.format == "jsonl":
            sys.stdout.write(x.model_dump_json() + "\n")
        else:
            if not first:
                sys.stdout.write("\n")
            render_table(x, sys.stdout)
        first = False
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text, encoding="utf8")
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _cmd_actors(args: argparse.Namespace) -> int:
    from .rules import ActorEntry, data_dir, read_jsonl

    entries: list[ActorEntry] = []
    for fname in ("states.jsonl", "state_forces.jsonl", "international.jsonl", "armed_groups.jsonl"):
        path = data_dir() / "actors" / fname
        if path.exists():
            entries += read_jsonl(path, ActorEntry)
    pattern = re.compile(args.pattern, re.I) if args.pattern else None
    n = 0
    for e in entries:
        if args.kind and e.kind.value != args.kind:
            continue
        if args.country and (e.country or "") != args.country.upper():
            continue
        names = [e.name, *e.aliases, *e.acronyms]
        if pattern and not any(pattern.search(s) for s in names):
            continue
        n += 1
        if args.json:
            print(e.model_dump_json(exclude_none=True))
        else:
            extra = f" backers={','.join(e.backers)}" if e.backers else ""
            extra += f" parent={e.parent}" if e.parent else ""
            print(f"{e.id:<40} {e.kind.value:<24} {e.country or '-':<4} {e.name}{extra}")
    print(f"{n} actors", file=sys.stderr)
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    """Score the pipeline (or stored predictions) against a gold JSONL file; see docs/evaluation.md."""
    from .evaluation import GoldFormatError, evaluate, read_extractions, read_gold

    if args.date_tolerance < 0:
        print("conflictner evaluate: --date-tolerance must be 0 or more", file=sys.stderr)
        return 2
    try:
        gold = read_gold(args.gold)
        predictions = read_extractions(args.predictions) if args.predictions else None
    except GoldFormatError as err:
        print(f"conflictner: {err}", file=sys.stderr)
        return 1
    nlp = None
    if predictions is None:
        from .api import load

        try:
            nlp = load(args.base) if args.base else load()
        except (OSError, ValueError) as err:
            print(f"conflictner: {err}", file=sys.stderr)
            return 1
    try:
        report = evaluate(gold, nlp=nlp, date_tolerance_days=args.date_tolerance, predictions=predictions)
    except ValueError as err:  # a prediction missing or made on another text
        print(f"conflictner: {err}", file=sys.stderr)
        return 1
    report.gold = args.gold
    text = report.model_dump_json(indent=2) + "\n" if args.report == "json" else report.to_markdown()
    if args.out:
        try:
            Path(args.out).parent.mkdir(parents=True, exist_ok=True)
            Path(args.out).write_text(text, encoding="utf8")
        except OSError as err:
            print(f"conflictner: cannot write {args.out}: {err.strerror}", file=sys.stderr)
            return 1
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    summary = ", ".join(f"{name} {report.f1(name):.2f}" for name in ("events", "attackers", "targets", "claims"))
    print(f"{report.n_documents} documents; micro F1: {summary}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="conflictner", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract events from article files (or - for stdin)")
    ex.add_argument("files", nargs="*", help="text files; '-' or nothing reads standard input")
    ex.add_argument("--published", help="publication date, ISO 8601 (2023-10-19)")
    ex.add_argument("--url")
    ex.add_argument("--outlet")
    ex.add_argument("--title")
    ex.add_argument("--base", help="base spaCy pipeline (package name or path)")
    ex.add_argument("--format", choices=["table", "json", "jsonl"], default="table")
    ex.set_defaults(func=_cmd_extract)
    sc = sub.add_parser("schema", help="print (or write) the JSON Schema of the output")
    sc.add_argument("--out", help=f"write to this file (the published copy is {SCHEMA_PATH})")
    sc.set_defaults(func=_cmd_schema)
    ac = sub.add_parser("actors", help="list or search the actor gazetteer")
    ac.add_argument("pattern", nargs="?", help="regular expression over names, aliases, acronyms")
    ac.add_argument("--kind")
    ac.add_argument("--country", help="ISO 3166-1 alpha-3")
    ac.add_argument("--json", action="store_true", help="print the entries as JSONL")
    ac.set_defaults(func=_cmd_actors)
    ev = sub.add_parser("evaluate", help="score the pipeline against a gold JSONL file (docs/evaluation.md)")
    ev.add_argument("gold", help="gold file: one annotated document per line")
    ev.add_argument("--report", choices=["md", "json"], default="md", help="Markdown tables or the JSON model")
    ev.add_argument("--out", help="write the report to this file instead of standard output")
    ev.add_argument("--date-tolerance", type=int, default=1, metavar="DAYS",
                    help="days an event date may be off and still align (default 1)")
    ev.add_argument("--base", help="base spaCy pipeline (package name or path)")
    ev.add_argument("--predictions", help="score these stored extractions (extract --format jsonl) instead")
    ev.set_defaults(func=_cmd_evaluate)
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:
        # the reader went away (`| head`): stop quietly, as shell tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
