"""The evaluation report: pydantic models (the JSON form) and a Markdown rendering for people.

The report carries the counts behind every score and, per document, the list of errors that
produced them, so a low number can be traced to the sentence it came from.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

#: layers scored with precision/recall/F1, in report order
LAYERS: tuple[str, ...] = ("actors", "places", "times", "events", "attackers", "targets", "claims")

#: accuracies measured on aligned pairs, in report order
ATTRIBUTES: tuple[str, ...] = (
    "kind", "outcome", "fatalities", "injured", "modality", "date", "date_precision",
    "place_country", "place_admin1", "geo_precision",
    "actor_kind", "actor_country", "claim_anonymous", "claim_role", "claim_figures",
)


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PRF(_Out):
    precision: float
    recall: float
    f1: float


class Counts(_Out):
    """True positives, false positives, false negatives of one layer in one document."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> PRF:
        """Precision, recall, F1; an empty denominator gives 0.0 (nothing found is not perfect)."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return PRF(precision=p, recall=r, f1=f)

    def empty(self) -> bool:
        return self.tp + self.fp + self.fn == 0


class Tally(_Out):
    """Correct out of scored, for one attribute."""

    correct: int = 0
    total: int = 0

    def accuracy(self) -> Optional[float]:
        return self.correct / self.total if self.total else None


class LayerScore(_Out):
    """Pooled counts with micro scores, and the mean of per-document scores (macro)."""

    tp: int
    fp: int
    fn: int
    micro: PRF
    macro: PRF
    documents: int = Field(description="Documents that contribute to the macro average.")


class AttributeScore(_Out):
    correct: int
    total: int
    micro: Optional[float] = Field(description="Pooled accuracy; None when nothing was scored.")
    macro: Optional[float] = Field(description="Mean of per-document accuracies.")
    documents: int


class ErrorItem(_Out):
    """One reason a score is below 1: what the gold says, what the pipeline said, and where."""

    layer: str
    error: Literal["missed", "spurious", "wrong"]
    gold: Optional[str] = None
    predicted: Optional[str] = None
    detail: Optional[str] = None
    event: Optional[str] = Field(default=None, description="Gold event id, or predicted event id if spurious.")
    context: Optional[str] = Field(default=None, description="Evidence sentence or mention text.")


class EventMatch(_Out):
    gold: str
    predicted: str
    score: float


class DocumentScore(_Out):
    id: str
    title: Optional[str] = None
    layers: dict[str, Counts] = Field(default_factory=dict)
    attributes: dict[str, Tally] = Field(default_factory=dict)
    matches: list[EventMatch] = Field(default_factory=list)
    ignored_claims: int = Field(default=0, description="Predicted claims voiced by the article itself.")
    errors: list[ErrorItem] = Field(default_factory=list)


class EvaluationReport(_Out):
    """Scores of a pipeline against a gold set: summary tables plus per-document evidence."""

    gold: Optional[str] = Field(default=None, description="The gold file, when read from disk.")
    pipeline: Optional[str] = None
    date_tolerance_days: int
    n_documents: int
    layers: dict[str, LayerScore]
    attributes: dict[str, AttributeScore]
    documents: list[DocumentScore]

    def f1(self, layer: str) -> float:
        """Micro F1 of a layer (0.0 when the layer was not scored)."""
        score = self.layers.get(layer)
        return score.micro.f1 if score else 0.0

    def to_markdown(self) -> str:
        return render_markdown(self)


def aggregate(documents: list[DocumentScore]) -> tuple[dict[str, LayerScore], dict[str, AttributeScore]]:
    """Micro (pooled counts) and macro (mean over documents) from per-document results."""
    layers: dict[str, LayerScore] = {}
    for name in LAYERS:
        per_doc = [d.layers[name] for d in documents if name in d.layers]
        if not per_doc:
            continue
        pooled = Counts(
            tp=sum(c.tp for c in per_doc), fp=sum(c.fp for c in per_doc), fn=sum(c.fn for c in per_doc)
        )
        scored = [c.prf() for c in per_doc if not c.empty()]
        n = len(scored)
        macro = PRF(
            precision=sum(s.precision for s in scored) / n if n else 0.0,
            recall=sum(s.recall for s in scored) / n if n else 0.0,
            f1=sum(s.f1 for s in scored) / n if n else 0.0,
        )
        layers[name] = LayerScore(tp=pooled.tp, fp=pooled.fp, fn=pooled.fn, micro=pooled.prf(), macro=macro,
                                  documents=n)
    attributes: dict[str, AttributeScore] = {}
    for name in ATTRIBUTES:
        tallies = [d.attributes[name] for d in documents if name in d.attributes and d.attributes[name].total]
        if not tallies:
            continue
        correct = sum(t.correct for t in tallies)
        total = sum(t.total for t in tallies)
        accs = [t.accuracy() or 0.0 for t in tallies]
        attributes[name] = AttributeScore(correct=correct, total=total, micro=correct / total,
                                          macro=sum(accs) / len(accs), documents=len(tallies))
    return layers, attributes


# -- Markdown --------------------------------------------------------------------------------
def _cell(value: object, limit: int = 120) -> str:
    """A table cell: no pipes or line breaks (they would break the table), long text cut."""
    if value is None:
        return ""
    text = " ".join(str(value).split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _num(x: Optional[float]) -> str:
    return "–" if x is None else f"{x:.3f}"


def render_markdown(report: EvaluationReport) -> str:
    """Summary tables first, then one section per document with its errors."""
    out: list[str] = ["# conflictner evaluation", ""]
    out.append(f"- gold: `{report.gold}`" if report.gold else "- gold: in-memory documents")
    if report.pipeline:
        out.append(f"- pipeline: {report.pipeline}")
    out.append(f"- documents: {report.n_documents}; date tolerance: ±{report.date_tolerance_days} day(s)")
    out += ["", "## Layers", "",
            "| layer | TP | FP | FN | micro P | micro R | micro F1 | macro P | macro R | macro F1 | docs |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name in LAYERS:
        s = report.layers.get(name)
        if s is None:
            out.append(f"| {name} | – | – | – | – | – | – | – | – | – | 0 |")
            continue
        out.append(f"| {name} | {s.tp} | {s.fp} | {s.fn} | {_num(s.micro.precision)} | {_num(s.micro.recall)} | "
                   f"{_num(s.micro.f1)} | {_num(s.macro.precision)} | {_num(s.macro.recall)} | "
                   f"{_num(s.macro.f1)} | {s.documents} |")
    out += ["", "## Attributes of aligned pairs", "",
            "| attribute | correct | scored | micro acc. | macro acc. | docs |", "|---|---:|---:|---:|---:|---:|"]
    for name in ATTRIBUTES:
        a = report.attributes.get(name)
        if a is not None:
            out.append(f"| {name} | {a.correct} | {a.total} | {_num(a.micro)} | {_num(a.macro)} | {a.documents} |")
    out += ["", "## Documents", ""]
    for d in report.documents:
        title = f" — {d.title}" if d.title else ""
        out += [f"### {d.id}{title}", ""]
        f1s = ", ".join(f"{name} {_num(d.layers[name].prf().f1)}" for name in LAYERS
                        if name in d.layers and not d.layers[name].empty())
        out.append(f"F1: {f1s or 'nothing to score'}")
        if d.matches:
            out.append("Aligned events: " + ", ".join(f"{m.gold} ↔ {m.predicted}" for m in d.matches))
        if d.ignored_claims:
            out.append(f"Claims voiced by the article itself (not scored): {d.ignored_claims}")
        out.append("")
        if not d.errors:
            out += ["No errors.", ""]
            continue
        out += ["| layer | error | event | gold | predicted | detail | context |", "|---|---|---|---|---|---|---|"]
        for e in d.errors:
            out.append(f"| {e.layer} | {e.error} | {_cell(e.event)} | {_cell(e.gold)} | {_cell(e.predicted)} | "
                       f"{_cell(e.detail)} | {_cell(e.context, 160)} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
