"""The evaluation core: the gold format, the scorer on hand-built Extractions, the report, the CLI.

The scorer tests build predictions by hand (no pipeline) from one perfect prediction and change
one thing at a time, so each test shows what a single kind of mistake does to the numbers.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any, Optional

import pytest

from conflictner.build import text_sha256
from conflictner.cli import main
from conflictner.evaluation import (
    EvaluationReport,
    GoldDocument,
    GoldFormatError,
    fold,
    kinds_compatible,
    read_gold,
    score,
)
from conflictner.schema import (
    ACLED_INTER,
    Actor,
    ActorKind,
    AttackKind,
    Claim,
    Count,
    Document,
    Event,
    EventType,
    Extraction,
    Mention,
    Modality,
    Outcome,
    Place,
    PlaceKind,
    Precision,
    Source,
    SourceRole,
    Stance,
    TimeAnchor,
    TimeSpan,
)

HERE = Path(__file__).parent
GOLD_EXAMPLE = HERE / "data" / "gold_example.jsonl"

TEXT = (
    "Insurgents fired rockets at an army base near Kandar on Monday, killing two soldiers, the army said. "
    "The Free Hills Front claimed responsibility. "
    "Separately, a drone struck a fuel depot in Ostrov on Tuesday, officials said."
)
PUBLISHED = "2024-04-10"  # a Wednesday

GOLD: dict[str, Any] = {
    "id": "t1",
    "text": TEXT,
    "published": PUBLISHED,
    "title": "Two attacks",
    "events": [
        {
            "id": "rockets",
            "type": "attack",
            "attack_kind": "rocket_attack",
            "attackers": [{"surface": "Insurgents", "aliases": ["Free Hills Front"], "kind": "insurgent_group"}],
            "targets": [["soldiers", "army base"]],
            "place": {"name": "Kandar", "country": "AFG", "admin1": "AF-KAN", "precision": 2},
            "date": "2024-04-08",
            "outcome": "effective",
            "fatalities": 2,
            "injured": None,
            "evidence": "Insurgents fired rockets at an army base near Kandar on Monday",
            "claims": [
                {"source": "the army", "stance": "report", "role": "official", "asserts": {"fatalities": 2}},
                {"source": "The Free Hills Front", "stance": "claim_responsibility", "role": "armed_group"},
            ],
        },
        {
            "id": "drone",
            "type": "attack",
            "attack_kind": "drone_strike",
            "targets": ["fuel depot"],
            "place": {"name": "Ostrov", "country": "RUS"},
            "date": {"start": "2024-04-09", "precision": "day"},
            "outcome": "effective",
            "evidence": "a drone struck a fuel depot in Ostrov on Tuesday",
            "claims": [{"source": "officials", "stance": "report", "anonymous": True, "role": "official"}],
        },
    ],
    "actors": [
        {"surface": "Insurgents", "kind": "insurgent_group"},
        {"surface": "Free Hills Front", "kind": "insurgent_group", "country": "AFG"},
        {"surface": "army", "aliases": ["soldiers"], "kind": "state_forces", "country": "AFG"},
    ],
    "places": [
        {"surface": "Kandar", "country": "AFG", "admin1": "AF-KAN"},
        {"surface": "Ostrov", "country": "RUS"},
    ],
    "times": [
        {"text": "Monday", "start": "2024-04-08", "precision": "day"},
        {"text": "Tuesday", "start": "2024-04-09", "precision": "day"},
    ],
}


class Builder:
    """Hand-builds an Extraction over a text: every mention is found by its phrase, so offsets are real."""

    def __init__(self, text: str, doc_id: str = "t1", published: str = PUBLISHED) -> None:
        self.text = text
        self.doc = Document(id=doc_id, published=dt.date.fromisoformat(published), text_sha256=text_sha256(text),
                            text=text)
        self.actors: list[Actor] = []
        self.places: list[Place] = []
        self.times: list[TimeSpan] = []
        self.events: list[Event] = []
        self.claims: list[Claim] = []

    def mention(self, phrase: str, nth: int = 0) -> Mention:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(phrase, start + 1)
        return Mention(text=phrase, start_char=start, end_char=start + len(phrase), sentence=0)

    def actor(self, name: str, kind: ActorKind, *phrases: str, country: Optional[str] = None) -> str:
        aid = f"actor-{len(self.actors)}"
        mentions = [self.mention(p) for p in (phrases or (name,))]
        self.actors.append(Actor(id=aid, name=name, kind=kind, acled_inter=ACLED_INTER[kind], country=country,
                                 mentions=mentions))
        return aid

    def place(self, name: str, country: Optional[str], admin1: Optional[str] = None, precision: int = 1) -> str:
        pid = f"place-{len(self.places)}"
        self.places.append(Place(id=pid, name=name, kind=PlaceKind.populated_place, country=country, admin1=admin1,
                                 geo_precision=precision, mentions=[self.mention(name)]))
        return pid

    def time(self, phrase: str, start: str, end: Optional[str] = None, precision: Precision = Precision.day) -> str:
        tid = f"time-{len(self.times)}"
        s = dt.date.fromisoformat(start)
        e = dt.date.fromisoformat(end) if end else s
        self.times.append(TimeSpan(id=tid, text=phrase, start=s, end=e, precision=precision, time_precision=1,
                                   anchor=TimeAnchor.published, mentions=[self.mention(phrase)]))
        return tid

    def event(self, trigger: str, *, kind: Optional[AttackKind], etype: EventType = EventType.attack,
              attackers: tuple[str, ...] = (), targets: tuple[str, ...] = (), target_text: Optional[str] = None,
              place: Optional[str] = None, time: Optional[str] = None, outcome: Outcome = Outcome.effective,
              fatalities: Optional[Count] = None, modality: Modality = Modality.asserted) -> str:
        eid = f"event-{len(self.events)}"
        self.events.append(Event(id=eid, type=etype, attack_kind=kind, attacker_ids=list(attackers),
                                 target_ids=list(targets), target_text=target_text, place_id=place, time_id=time,
                                 outcome=outcome, fatalities=fatalities, modality=modality,
                                 mentions=[self.mention(trigger)]))
        return eid

    def claim(self, event: str, source: str, stance: Stance, evidence: str, *, role: SourceRole = SourceRole.official,
              anonymous: bool = False, asserts: Optional[dict[str, Any]] = None) -> None:
        self.claims.append(Claim(id=f"claim-{len(self.claims)}", event_id=event, stance=stance,
                                 source=Source(text=source, role=role, anonymous=anonymous),
                                 asserts=asserts or {}, evidence=self.mention(evidence), document_id=self.doc.id))

    def build(self) -> Extraction:
        return Extraction(document=self.doc, actors=self.actors, places=self.places, times=self.times,
                          events=self.events, claims=self.claims)


def predict(*, drop_drone: bool = False, extra_event: bool = False, rocket_attacker: str = "Insurgents",
            rocket_date: str = "2024-04-08", rocket_stance: Stance = Stance.report,
            kandar_admin1: str = "AF-KAN") -> Extraction:
    """The prediction that matches GOLD exactly, with one thing changed when asked."""
    b = Builder(TEXT)
    ins = b.actor("Insurgents", ActorKind.insurgent_group)
    b.actor("Free Hills Front", ActorKind.insurgent_group, country="AFG")
    army = b.actor("army", ActorKind.state_forces, "army", "soldiers", country="AFG")
    kandar = b.place("Kandar", "AFG", kandar_admin1, precision=2)
    ostrov = b.place("Ostrov", "RUS")
    monday = b.time("Monday", "2024-04-08")
    tuesday = b.time("Tuesday", "2024-04-09")
    attacker = {"Insurgents": ins, "army": army}[rocket_attacker]
    start, _, end = rocket_date.partition("..")
    when = monday if rocket_date == "2024-04-08" else b.time("on Monday", start, end or None)
    rockets = b.event("fired rockets", kind=AttackKind.rocket_attack, attackers=(attacker,), targets=(army,),
                      place=kandar, time=when, fatalities=Count(min=2, max=2))
    b.claim(rockets, "the army", rocket_stance, "Insurgents fired rockets at an army base near Kandar on Monday, "
            "killing two soldiers, the army said.", asserts={"fatalities": {"min": 2, "max": 2}})
    b.claim(rockets, "The Free Hills Front", Stance.claim_responsibility,
            "The Free Hills Front claimed responsibility.", role=SourceRole.armed_group)
    if not drop_drone:
        drone = b.event("struck", kind=AttackKind.drone_strike, target_text="a fuel depot", place=ostrov, time=tuesday)
        b.claim(drone, "officials", Stance.report, "a drone struck a fuel depot in Ostrov on Tuesday, officials said.",
                anonymous=True)
        # the article's own voice: never scored
        b.claim(drone, "the article", Stance.report, "a drone struck a fuel depot", role=SourceRole.media)
    if extra_event:
        b.event("claimed responsibility", kind=AttackKind.bombing, outcome=Outcome.unknown)
    return b.build()


def gold_doc(**changes: Any) -> GoldDocument:
    data = copy.deepcopy(GOLD)
    data.update(changes)
    return GoldDocument.model_validate(data)


def run_score(x: Extraction, tolerance: int = 1, gold: Optional[GoldDocument] = None) -> EvaluationReport:
    return score([gold or gold_doc()], [x], date_tolerance_days=tolerance)


def errors(report: EvaluationReport, layer: str, kind: Optional[str] = None) -> list[Any]:
    return [e for d in report.documents for e in d.errors if e.layer == layer and (kind is None or e.error == kind)]


# -- the gold format ---------------------------------------------------------------------------
def write_lines(path: Path, *docs: Any) -> Path:
    path.write_text("\n".join(d if isinstance(d, str) else json.dumps(d) for d in docs) + "\n", encoding="utf8")
    return path


def test_gold_rejects_unknown_keys_with_file_and_line(tmp_path: Path) -> None:
    bad = copy.deepcopy(GOLD)
    bad["id"] = "t2"
    bad["events"][0]["atackers"] = bad["events"][0].pop("attackers")
    path = write_lines(tmp_path / "gold.jsonl", GOLD, "", bad)
    with pytest.raises(GoldFormatError) as exc:
        read_gold(path)
    assert exc.value.line == 3
    msg = str(exc.value)
    assert str(path) in msg and "line 3" in msg and "events.0.atackers: unknown key" in msg


@pytest.mark.parametrize(
    "change,expected",
    [
        pytest.param({"events": [{"type": "attack", "evidence": "not in the text"}]}, "evidence is not an exact",
                     id="evidence-not-in-text"),
        pytest.param({"events": [{"type": "atack"}]}, "events.0.type", id="bad-enum"),
        pytest.param({"places": [{"surface": "Kandar"}]}, "places.0.country: Field required", id="place-needs-country"),
        pytest.param({"events": [{"type": "attack", "fatalities": {"min": 3, "max": 1}}]}, "min 3 is greater",
                     id="reversed-count"),
        pytest.param({"times": [{"text": "Friday"}]}, "does not occur in text", id="time-not-in-text"),
    ],
)
def test_gold_rejects_bad_values_with_line(tmp_path: Path, change: dict[str, Any], expected: str) -> None:
    bad = copy.deepcopy(GOLD)
    bad.update(change)
    path = write_lines(tmp_path / "gold.jsonl", bad)
    with pytest.raises(GoldFormatError, match="line 1") as exc:
        read_gold(path)
    assert expected in str(exc.value)


def test_gold_rejects_bad_json_and_duplicate_ids(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match=r"line 2: not valid JSON"):
        read_gold(write_lines(tmp_path / "a.jsonl", GOLD, "{oops"))
    with pytest.raises(GoldFormatError, match=r"line 2: duplicate document id 't1' \(first on line 1\)"):
        read_gold(write_lines(tmp_path / "b.jsonl", GOLD, GOLD))


def test_gold_shorthands_expand() -> None:
    g = gold_doc()
    rockets, drone = g.events
    assert rockets.targets[0].surface == "soldiers" and rockets.targets[0].aliases == ["army base"]
    assert drone.targets[0].names() == ["fuel depot"]
    assert rockets.date is not None and rockets.date.start == rockets.date.end == dt.date(2024, 4, 8)
    assert rockets.fatalities == Count(min=2, max=2) and rockets.injured is None
    assert rockets.annotated("injured") and not drone.annotated("injured")


def test_gold_example_file_is_valid() -> None:
    docs = read_gold(GOLD_EXAMPLE)
    assert 3 <= len(docs) <= 5
    assert len({d.id for d in docs}) == len(docs)
    assert all(d.events and d.published for d in docs)


# -- the scorer, on hand-built predictions ----------------------------------------------------
def test_perfect_prediction_scores_one() -> None:
    report = run_score(predict())
    assert set(report.layers) == {"actors", "places", "times", "events", "attackers", "targets", "claims"}
    for name, layer in report.layers.items():
        assert (layer.micro.f1, layer.macro.f1) == (1.0, 1.0), name
        assert layer.fp == layer.fn == 0, name
    assert report.layers["events"].tp == 2 and report.layers["claims"].tp == 3
    for name, attr in report.attributes.items():
        assert attr.micro == 1.0, name
    assert {"kind", "outcome", "fatalities", "injured", "modality", "date", "place_country", "place_admin1",
            "geo_precision", "claim_figures"} <= set(report.attributes)
    doc = report.documents[0]
    assert doc.errors == []
    assert [(m.gold, m.predicted) for m in doc.matches] == [("rockets", "event-0"), ("drone", "event-1")]
    assert doc.ignored_claims == 1  # the article's own voice


def test_missing_event_lowers_recall_and_is_listed() -> None:
    report = run_score(predict(drop_drone=True))
    events = report.layers["events"]
    assert (events.tp, events.fp, events.fn) == (1, 0, 1)
    assert events.micro.recall == 0.5 and events.micro.precision == 1.0
    (missed,) = errors(report, "events", "missed")
    assert missed.event == "drone" and missed.context == "a drone struck a fuel depot in Ostrov on Tuesday"
    assert "drone_strike" in (missed.gold or "")
    assert report.layers["claims"].fn == 1 and report.layers["targets"].fn == 1


def test_spurious_event_lowers_precision_and_is_listed() -> None:
    report = run_score(predict(extra_event=True))
    events = report.layers["events"]
    assert (events.tp, events.fp, events.fn) == (2, 1, 0)
    assert events.micro.precision == pytest.approx(2 / 3) and events.micro.recall == 1.0
    (spurious,) = errors(report, "events", "spurious")
    assert spurious.event == "event-2" and spurious.context == "claimed responsibility"
    assert "bombing" in (spurious.predicted or "")


def test_wrong_attacker_is_a_role_error() -> None:
    report = run_score(predict(rocket_attacker="army"))
    assert report.layers["events"].tp == 2  # still aligned, through the evidence
    att = report.layers["attackers"]
    assert (att.tp, att.fp, att.fn) == (0, 1, 1)
    (wrong,) = errors(report, "attackers")
    assert (wrong.error, wrong.gold, wrong.predicted, wrong.event) == ("wrong", "Insurgents", "army", "rockets")
    assert report.layers["targets"].micro.f1 == 1.0


@pytest.mark.parametrize(
    "shift_to,tolerance,aligned,date_ok",
    [
        ("2024-04-08", 0, True, True),
        ("2024-04-09", 1, True, True),
        ("2024-04-09", 0, False, None),
        ("2024-04-10", 1, False, None),
        ("2024-04-10", 2, True, True),
        ("2024-04-01..2024-04-08", 1, True, False),  # overlaps, so aligned, but the range is not the day
    ],
)
def test_date_tolerance(shift_to: str, tolerance: int, aligned: bool, date_ok: Optional[bool]) -> None:
    report = run_score(predict(rocket_date=shift_to), tolerance=tolerance)
    assert report.date_tolerance_days == tolerance
    matches = {m.gold for m in report.documents[0].matches}
    assert ("rockets" in matches) is aligned
    if aligned:
        assert [e.event for e in errors(report, "date")] == ([] if date_ok else ["rockets"])
    else:
        (missed,) = errors(report, "events", "missed")
        assert "days off" in (missed.detail or "")


def test_date_tolerance_must_be_non_negative() -> None:
    with pytest.raises(ValueError, match="non-negative"):
        run_score(predict(), tolerance=-1)


def test_micro_and_macro_differ() -> None:
    """Doc a: 1 gold event, found. Doc b: 3 gold events, none found. Micro recall pools 1/4;
    macro recall averages 1 and 0."""
    a = gold_doc(id="a", events=[GOLD["events"][1]], actors=None, places=None, times=None)
    b_text = "Gunmen raided Alpha on Monday. Gunmen raided Beta on Monday. Gunmen raided Gamma on Monday."
    b_events = [{"type": "attack", "attack_kind": "raid", "attackers": ["Gunmen"], "evidence": f"Gunmen raided {n}"}
                for n in ("Alpha", "Beta", "Gamma")]
    b = GoldDocument.model_validate({"id": "b", "text": b_text, "events": b_events})
    xa = predict(drop_drone=False)
    xa = xa.model_copy(update={"document": xa.document.model_copy(update={"id": "a"}),
                               "events": [e for e in xa.events if e.id == "event-1"],
                               "claims": [c for c in xa.claims if c.event_id == "event-1"]})
    xb = Builder(b_text, doc_id="b").build()
    report = score([a, b], [xa, xb])
    ev = report.layers["events"]
    assert (ev.tp, ev.fp, ev.fn) == (1, 0, 3)
    assert ev.micro.recall == pytest.approx(0.25)
    assert ev.macro.recall == pytest.approx(0.5)
    assert ev.micro.f1 != pytest.approx(ev.macro.f1)
    assert ev.documents == 2


def test_wrong_stance_is_listed_once_and_counted_both_ways() -> None:
    report = run_score(predict(rocket_stance=Stance.deny))
    claims = report.layers["claims"]
    assert (claims.tp, claims.fp, claims.fn) == (2, 1, 1)
    (wrong,) = errors(report, "claims")
    assert wrong.error == "wrong" and "stance is deny, gold says report" in (wrong.detail or "")


def test_place_needs_matching_admin1_when_given() -> None:
    report = run_score(predict(kandar_admin1="AF-HEL"))
    places = report.layers["places"]
    assert (places.tp, places.fp, places.fn) == (1, 1, 1)
    (wrong,) = errors(report, "places")
    assert wrong.error == "wrong" and "admin1 is AF-HEL, gold says AF-KAN" in (wrong.detail or "")
    assert report.attributes["place_admin1"].micro == 0.0 and report.attributes["place_country"].micro == 1.0


def test_layers_left_out_of_the_gold_are_not_scored() -> None:
    report = run_score(predict(), gold=gold_doc(actors=None, places=None, times=None))
    assert not {"actors", "places", "times"} & set(report.layers)
    assert "actor_kind" not in report.attributes


def test_prediction_must_be_on_the_gold_text() -> None:
    other = Builder(TEXT + " More text.").build()
    with pytest.raises(ValueError, match="different text"):
        run_score(other)
    with pytest.raises(ValueError, match="no prediction for gold document 't1'"):
        score([gold_doc()], [])


@pytest.mark.parametrize(
    "a,b",
    [("the al-Shabaab's", "Al Shabaab"), ("U.S. Central Command", "US central command"), ("Djenné", "djenne"),
     ("The  Houthi–rebels", "houthi rebels")],
)
def test_fold_makes_variants_equal(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_fold_keeps_real_differences() -> None:
    assert fold("the army") != fold("the navy")
    assert fold("al") == "al"  # a lone "al" is a word, not an article


def test_kind_compatibility() -> None:
    assert kinds_compatible(AttackKind.drone_strike, AttackKind.air_strike)
    assert kinds_compatible(AttackKind.attack, AttackKind.ied)
    assert not kinds_compatible(AttackKind.drone_strike, AttackKind.ambush)


def test_markdown_report_has_tables_and_escapes_pipes() -> None:
    x = predict(rocket_attacker="army")
    x.actors[2].name = "army|navy"
    md = run_score(x).to_markdown()
    assert "| layer | TP | FP | FN | micro P |" in md and "| attackers | 0 | 1 | 1 |" in md
    assert "### t1 — Two attacks" in md
    assert "army\\|navy" in md and "army|navy" not in md.replace("army\\|navy", "")


def test_evaluate_is_exported_from_the_package() -> None:
    import conflictner
    import conflictner.evaluation.public  # noqa: F401  (the adapters stay importable beside it)

    assert "evaluate" in conflictner.__all__
    report = conflictner.evaluate([GOLD], predictions=[predict()])
    assert isinstance(report, EvaluationReport) and report.layers["events"].micro.f1 == 1.0
    assert report.gold is None
    with pytest.raises(GoldFormatError, match="gold item 0"):
        conflictner.evaluate([{"id": "x", "text": "t", "bogus": 1}], predictions=[])


# -- the command line --------------------------------------------------------------------------
def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_scores_stored_predictions(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    gold = write_lines(tmp_path / "gold.jsonl", GOLD)
    preds = tmp_path / "pred.jsonl"
    preds.write_text(predict(drop_drone=True).model_dump_json() + "\n", encoding="utf8")
    code, out, err = cli(capsys, "evaluate", str(gold), "--predictions", str(preds), "--report", "json")
    assert code == 0
    report = EvaluationReport.model_validate_json(out)
    assert report.layers["events"].micro.recall == 0.5 and report.gold == str(gold)
    assert "micro F1: events 0.67" in err


def test_cli_evaluate_gold_example_writes_md_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                     nlp: Any) -> None:
    md_path, json_path = tmp_path / "r.md", tmp_path / "out" / "r.json"
    code, out, err = cli(capsys, "evaluate", str(GOLD_EXAMPLE), "--out", str(md_path))
    assert code == 0 and out == "" and f"wrote {md_path}" in err
    md = md_path.read_text(encoding="utf8")
    ids = [d.id for d in read_gold(GOLD_EXAMPLE)]
    assert "## Layers" in md and "| events |" in md and all(f"### {i}" in md for i in ids)
    code, _, _ = cli(capsys, "evaluate", str(GOLD_EXAMPLE), "--report", "json", "--out", str(json_path),
                     "--date-tolerance", "2")
    assert code == 0
    report = EvaluationReport.model_validate_json(json_path.read_text(encoding="utf8"))
    assert report.n_documents == len(ids) and report.date_tolerance_days == 2
    assert [d.id for d in report.documents] == ids
    assert report.pipeline and "conflictner" in report.pipeline
    assert report.layers["events"].tp >= 1


def test_cli_bad_gold_exits_1_naming_the_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = copy.deepcopy(GOLD)
    bad["id"], bad["titel"] = "t2", "typo"
    path = write_lines(tmp_path / "bad.jsonl", GOLD, bad)
    code, out, err = cli(capsys, "evaluate", str(path))
    assert code == 1 and out == ""
    assert f"{path}, line 2: titel: unknown key" in err


def test_cli_missing_gold_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = cli(capsys, "evaluate", str(tmp_path / "nope.jsonl"))
    assert code == 1 and "nope.jsonl" in err and "cannot read" in err


def test_cli_evaluate_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["evaluate", str(GOLD_EXAMPLE), "--report", "xml"])
    assert exc.value.code == 2
    code, _, err = cli(capsys, "evaluate", str(GOLD_EXAMPLE), "--date-tolerance", "-1")
    assert code == 2 and "date-tolerance" in err
