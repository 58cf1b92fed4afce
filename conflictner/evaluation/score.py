"""Aligning predictions with gold and counting, by the tolerant rules in docs/evaluation.md.

News text names the same thing many ways ("the Malian army", "Mali's army"), dates are fuzzy
("overnight") and one attack may be split or merged by the pipeline, so exact span matching
would mostly measure annotation style. Alignment here is deliberately tolerant; correctness of
each attribute is then scored separately on the aligned pairs, and every disagreement is listed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from ..schema import Actor, Claim, Count, Event, Extraction, Place, SourceRole, TimeSpan, kinds_compatible
from .gold import GoldActor, GoldClaim, GoldDocument, GoldEvent, GoldFormatError, GoldSource, load_gold
from .report import (
    Counts,
    DocumentScore,
    ErrorItem,
    EvaluationReport,
    EventMatch,
    Tally,
    aggregate,
)

if TYPE_CHECKING:
    from spacy.language import Language

# -- string folding ----------------------------------------------------------------------------
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free words; drops a leading "the", a possessive 's
    and the Arabic article "al" before a word, so "the al-Shabaab's" and "Al Shabaab" agree."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).translate(_QUOTES).lower()
    s = re.sub(r"'s\b", "", s)
    s = s.replace(".", "")  # U.S. -> us
    words = re.sub(r"[\W_]+", " ", s).split()
    words = [w for i, w in enumerate(words) if not (w == "al" and i + 1 < len(words))]
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def contains(needle: str, hay: str) -> bool:
    """Whole-word containment of two folded strings (so "army" is in "malian army", "us" is not in "houses")."""
    return bool(needle) and bool(hay) and f" {needle} " in f" {hay} "


def _ends_with(phrase: str, name: str) -> bool:
    """Whole-word suffix of two folded strings: 'at least 10 people' ends with 'people'."""
    return bool(name) and f" {phrase}".endswith(f" {name}")


# -- one-to-one assignment ---------------------------------------------------------------------
def greedy(candidates: Iterable[tuple[float, int, int]]) -> list[tuple[int, int, float]]:
    """Best-scoring pairs first, each side used once; ties go to document order. Greedy rather
    than optimal because the scores are coarse and a reader can follow greedy choices."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[int, int, float]] = []
    for score, g, p in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if score > 0 and g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            out.append((g, p, score))
    return sorted(out)


# -- predicted items ---------------------------------------------------------------------------
@dataclass
class _Item:
    """Something a gold actor can be matched with: a predicted actor, or a bare target text."""

    label: str
    exact: list[str]
    loose: list[str]
    phrase: bool = False  # an event's target_text, not an actor


def _actor_item(a: Actor) -> _Item:
    return _Item(label=a.name, exact=[a.name, *a.aliases], loose=[m.text for m in a.mentions])


def actor_score(names: Iterable[str], item: _Item) -> float:
    """2 = a gold name equals the canonical name or an alias, 1.5 = equals a mention,
    1 = a gold name is contained (whole words) in a mention, name or alias; 0 = no match.
    The gold's first name (its surface) adds 0.25, so among equal candidates it wins."""
    gold = [f for f in (fold(n) for n in names) if f]
    exact = {fold(s) for s in item.exact}
    loose = [fold(s) for s in item.loose]
    if any(g in exact for g in gold):
        return 2.0 + 0.25 * (bool(gold) and gold[0] in exact)
    if any(g == m for g in gold for m in loose):
        return 1.5 + 0.25 * (bool(gold) and gold[0] in loose)
    if any(contains(g, h) for g in gold for h in [*loose, *exact]):
        return 1.0
    return 0.0


def place_score(names: Iterable[str], place: Place) -> float:
    """Like actors, but containment works both ways: place spans carry qualifiers on either side
    ("Tver region" vs "Tver", "the outskirts of Goma" vs "Goma")."""
    gold = [f for f in (fold(n) for n in names) if f]
    pred = [f for f in (fold(s) for s in [place.name, *(m.text for m in place.mentions)]) if f]
    if any(g == p for g in gold for p in pred):
        return 2.0 + 0.25 * (bool(gold) and gold[0] in pred)
    if any(contains(g, p) or contains(p, g) for g in gold for p in pred):
        return 1.0
    return 0.0


def article_voice(claim: Claim, x: Extraction) -> bool:
    """The claims component attributes unattributed sentences to the article (or its outlet);
    gold claims are in-text attributions only, so these are left out of claim scoring."""
    s = claim.source
    own = {"the article"} | ({x.document.outlet} if x.document.outlet else set())
    return (s.actor_id is None and s.role == SourceRole.media and not s.anonymous and s.person is None
            and s.text in own)


@dataclass
class _Pred:
    """A predicted event with its actors, place, time and claims resolved."""

    event: Event
    attackers: list[_Item]
    targets: list[_Item]
    place: Optional[Place]
    time: Optional[TimeSpan]
    claims: list[Claim]
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def date(self) -> Optional[tuple[dt.date, dt.date]]:
        """The event's date range; None when the text gives none (a publication-date bound is not a date)."""
        t = self.time
        if t is None or t.start is None:
            return None
        return t.start, t.end or t.start


def _resolve(x: Extraction) -> list[_Pred]:
    actors = {a.id: a for a in x.actors}
    places = {p.id: p for p in x.places}
    times = {t.id: t for t in x.times}
    preds = []
    for e in x.events:
        targets = [_actor_item(actors[i]) for i in e.target_ids if i in actors]
        actor_items = list(targets)
        for text in e.target_texts or ([e.target_text] if e.target_text else []):
            # the thing attacked ('a gendarmerie school', and 'a military airbase' coordinated
            # with it) is a target beside the people hit; a phrase ending in one of those
            # ('10 people', 'an army unit') restates it
            if not any(_ends_with(fold(text), fold(n)) for t in actor_items for n in [*t.exact, *t.loose]):
                targets.append(_Item(label=text, exact=[], loose=[text], phrase=True))
        preds.append(_Pred(
            event=e,
            attackers=[_actor_item(actors[i]) for i in e.attacker_ids if i in actors],
            targets=targets,
            place=places.get(e.place_id) if e.place_id else None,
            time=times.get(e.time_id) if e.time_id else None,
            claims=[c for c in x.claims if c.event_id == e.id and not article_voice(c, x)],
            spans=[(m.start_char, m.end_char) for m in e.mentions],
        ))
    return preds


# -- labels for error listings -----------------------------------------------------------------
def _fmt_count(c: Any) -> str:
    pair = _count_pair(c)
    if pair is None:
        return "not reported"
    lo, hi = pair
    if lo == hi:
        return str(lo)
    if hi is None:
        return f"at least {lo}"
    return f"{'?' if lo is None else lo}–{hi}"


def _count_pair(c: Any) -> Optional[tuple[Optional[int], Optional[int]]]:
    """Count, {min, max} dict or None -> comparable pair."""
    if c is None:
        return None
    if isinstance(c, Count):
        return c.min, c.max
    if isinstance(c, dict):
        return c.get("min"), c.get("max")
    if isinstance(c, tuple) and len(c) == 2:
        return c[0], c[1]
    if isinstance(c, int):
        return c, c
    return None


def _fmt_date(d: Optional[tuple[Optional[dt.date], Optional[dt.date]]]) -> str:
    if d is None:
        return "no date"
    start, end = d
    return str(start) if start == end else f"{start or '…'}..{end or '…'}"


def _gold_label(g: GoldEvent) -> str:
    kind = g.attack_kind.value if g.attack_kind else "-"
    parts = [f"{g.type.value}/{kind}"]
    if g.attackers:
        parts.append("by " + ", ".join(a.surface for a in g.attackers))
    if g.targets:
        parts.append("on " + ", ".join(a.surface for a in g.targets))
    if g.place:
        parts.append("in " + (g.place.name or "") + (f" [{g.place.country}]" if g.place.country else ""))
    if g.date:
        parts.append(_fmt_date((g.date.start, g.date.end)))
    return " ".join(p.strip() for p in parts)


def _pred_label(p: _Pred) -> str:
    e = p.event
    kind = e.attack_kind.value if e.attack_kind else "-"
    parts = [f"{e.id} {e.type.value}/{kind}"]
    if p.attackers:
        parts.append("by " + ", ".join(a.label for a in p.attackers))
    if p.targets:
        parts.append("on " + ", ".join(a.label for a in p.targets))
    if p.place:
        parts.append(f"in {p.place.name}" + (f" [{p.place.country}]" if p.place.country else ""))
    parts.append(_fmt_date(p.date))
    return " ".join(parts)


def _pred_context(p: _Pred) -> str:
    return " … ".join(m.text.strip() for m in p.event.mentions)


def _value(v: Any) -> str:
    if v is None:
        return "none"
    return str(getattr(v, "value", v))


# -- event alignment ---------------------------------------------------------------------------
def _occurrences(text: str, quote: Optional[str]) -> list[tuple[int, int]]:
    if not quote:
        return []
    spans, start = [], text.find(quote)
    while start != -1:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def _gap_days(gold: tuple[dt.date, dt.date], pred: tuple[dt.date, dt.date]) -> int:
    """Days between two inclusive ranges; 0 when they overlap."""
    return max(0, (pred[0] - gold[1]).days, (gold[0] - pred[1]).days)


def event_pair_score(g: GoldEvent, p: _Pred, evidence: list[tuple[int, int]], tolerance: int) -> float:
    """0 when the pair cannot be the same event, else a score: higher = more agreement.

    Hard conditions: same type; compatible kinds; dates within `tolerance` days when both known;
    same country when both known; and, when the gold gives any of attackers, targets or
    evidence, at least one of them agrees (overlapping actor, or evidence overlapping a mention).
    """
    return _event_pair(g, p, evidence, tolerance)[0]


def _event_pair(g: GoldEvent, p: _Pred, evidence: list[tuple[int, int]], tolerance: int) -> tuple[float, str]:
    """The score of `event_pair_score`, and the reason when it is 0 (shown for missed events)."""
    e = p.event
    if g.type != e.type:
        return 0.0, f"type is {e.type.value}, gold says {g.type.value}"
    score = 1.0
    if g.attack_kind is not None and e.attack_kind is not None:
        if not kinds_compatible(g.attack_kind, e.attack_kind):
            return 0.0, f"kind {e.attack_kind.value} is incompatible with {g.attack_kind.value}"
        score += 1.0 if g.attack_kind == e.attack_kind else 0.5
    if g.date is not None and g.date.start is not None and p.date is not None:
        gap = _gap_days((g.date.start, g.date.end or g.date.start), p.date)
        if gap > tolerance:
            return 0.0, f"date {_fmt_date(p.date)} is {gap} days off (tolerance {tolerance})"
        score += 1.0
    if g.place is not None and g.place.country and p.place is not None and p.place.country:
        if g.place.country != p.place.country:
            return 0.0, f"country is {p.place.country} ({p.place.name}), gold says {g.place.country}"
        score += 1.0
        if g.place.names() and place_score(g.place.names(), p.place):
            score += 0.5
    attacker = any(actor_score(a.names(), i) for a in g.attackers for i in p.attackers)
    target = any(actor_score(t.names(), i) for t in g.targets for i in p.targets)
    overlap = any(s < pe and ps < e_ for s, e_ in evidence for ps, pe in p.spans)
    if (g.attackers or g.targets or evidence) and not (attacker or target or overlap):
        return 0.0, "no shared attacker or target, and no mention inside the evidence"
    return score + attacker + target + 2.0 * overlap, ""


def _nearest(g: GoldEvent, preds: list[_Pred], evidence: list[tuple[int, int]], tolerance: int,
             owner: dict[int, str]) -> Optional[str]:
    """Why a missed gold event did not align with the prediction that looks most like it."""
    best: Optional[tuple[float, int]] = None
    for pi, p in enumerate(preds):
        near = (2.0 * any(s < pe and ps < e_ for s, e_ in evidence for ps, pe in p.spans)
                + any(actor_score(a.names(), i) for a in g.attackers for i in p.attackers)
                + any(actor_score(t.names(), i) for t in g.targets for i in p.targets)
                + 0.5 * (p.event.type == g.type) - 0.25 * (pi in owner))
        if near > 0.5 and (best is None or near > best[0]):
            best = (near, pi)
    if best is None:
        return "no prediction shares its type, actors or evidence"
    pi = best[1]
    score, reason = _event_pair(g, preds[pi], evidence, tolerance)
    pid = preds[pi].event.id
    if pi in owner:
        return f"nearest prediction {pid} is aligned with gold {owner[pi]}"
    return f"nearest prediction {pid} rejected: {reason}" if not score else f"nearest prediction {pid}"


# -- the scorer --------------------------------------------------------------------------------
class _DocScorer:
    """Scores one document; collects counts, attribute tallies and errors as it goes."""

    def __init__(self, gold: GoldDocument, x: Extraction, tolerance: int) -> None:
        self.gold = gold
        self.x = x
        self.tolerance = tolerance
        self.result = DocumentScore(id=gold.id, title=gold.title)

    # bookkeeping
    def count(self, layer: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        c = self.result.layers.setdefault(layer, Counts())
        c.tp += tp
        c.fp += fp
        c.fn += fn

    def tally(self, attribute: str, ok: bool, *, gold: Any, predicted: Any, event: Optional[str] = None,
              context: Optional[str] = None, what: Optional[str] = None) -> None:
        t = self.result.attributes.setdefault(attribute, Tally())
        t.total += 1
        t.correct += int(ok)
        if not ok:
            self.error(attribute, "wrong", gold=_value(gold), predicted=_value(predicted), event=event,
                       context=context, detail=f"{attribute} of {what}" if what else attribute)

    def error(self, layer: str, error: str, **kw: Any) -> None:
        self.result.errors.append(ErrorItem(layer=layer, error=error, **kw))  # type: ignore[arg-type]

    # layers
    def run(self) -> DocumentScore:
        self.events()
        if self.gold.actors is not None:
            self.actors()
        if self.gold.places is not None:
            self.places()
        if self.gold.times is not None:
            self.times()
        return self.result

    def events(self) -> None:
        gold, text = self.gold.events, self.gold.text
        preds = _resolve(self.x)
        self.result.ignored_claims = sum(article_voice(c, self.x) for c in self.x.claims)
        evidence = [_occurrences(text, g.evidence) for g in gold]
        cands = [(event_pair_score(g, p, evidence[gi], self.tolerance), gi, pi)
                 for gi, g in enumerate(gold) for pi, p in enumerate(preds)]
        pairs = greedy(cands)
        self.count("events", tp=len(pairs), fp=len(preds) - len(pairs), fn=len(gold) - len(pairs))
        for layer in ("attackers", "targets", "claims"):
            self.count(layer)
        matched_g = {g for g, _, _ in pairs}
        matched_p = {p for _, p, _ in pairs}
        owner = {pi: gold[gi].id or "" for gi, pi, _ in pairs}
        for gi, g in enumerate(gold):
            if gi in matched_g:
                continue
            self.error("events", "missed", gold=_gold_label(g), event=g.id, context=g.evidence,
                       detail=_nearest(g, preds, evidence[gi], self.tolerance, owner))
            self.count("attackers", fn=len(g.attackers))
            self.count("targets", fn=len(g.targets))
            self.count("claims", fn=len(g.claims))
        for pi, p in enumerate(preds):
            if pi in matched_p:
                continue
            self.error("events", "spurious", predicted=_pred_label(p), event=p.event.id, context=_pred_context(p))
            self.count("attackers", fp=len(p.attackers))
            self.count("targets", fp=len(p.targets))
            self.count("claims", fp=len(p.claims))
        for gi, pi, score in pairs:
            g, p = gold[gi], preds[pi]
            assert g.id is not None
            self.result.matches.append(EventMatch(gold=g.id, predicted=p.event.id, score=score))
            context = g.evidence or _pred_context(p)
            self.roles("attackers", g.attackers, p.attackers, g.id, context)
            self.roles("targets", g.targets, p.targets, g.id, context)
            self.event_attributes(g, p, context)
            self.claims(g, p)

    def roles(self, layer: str, gold: list[GoldActor], pred: list[_Item], event: str, context: str) -> None:
        cands = [(actor_score(a.names(), item), gi, pi) for gi, a in enumerate(gold) for pi, item in enumerate(pred)]
        pairs = greedy(cands)
        # a second predicted filler that the gold names as the same aligned actor (an alias or a
        # mention equal to one of its names: 'Jihadist fighters' and 'JNIM' for gold JNIM with
        # alias 'Jihadist fighters') names that party again: neither a hit nor a false alarm
        aligned = {g for g, _, _ in pairs}
        used = {p for _, p, _ in pairs}
        again = {pi for pi in range(len(pred)) if pi not in used
                 and any(actor_score(gold[gi].names(), pred[pi]) >= (1 if pred[pi].phrase else 1.5) for gi in aligned)}
        self.count(layer, tp=len(pairs), fp=len(pred) - len(pairs) - len(again), fn=len(gold) - len(pairs))
        missed = [gold[i].surface for i in range(len(gold)) if i not in aligned]
        spurious = [pred[i].label for i in range(len(pred)) if i not in used and i not in again]
        role = layer[:-1]
        # a miss and a spurious filler of the same role read best as one wrong answer
        for m, s in zip(missed, spurious, strict=False):
            self.error(layer, "wrong", gold=m, predicted=s, event=event, context=context,
                       detail=f"{role} is {s!r}, gold says {m!r}")
        for m in missed[len(spurious):]:
            self.error(layer, "missed", gold=m, event=event, context=context, detail=f"{role} not found")
        for s in spurious[len(missed):]:
            self.error(layer, "spurious", predicted=s, event=event, context=context, detail=f"extra {role}")

    def event_attributes(self, g: GoldEvent, p: _Pred, context: str) -> None:
        e, ev = p.event, g.id
        what = f"event {g.id} ↔ {e.id}"
        kw: dict[str, Any] = {"event": ev, "context": context, "what": what}
        if g.attack_kind is not None:
            self.tally("kind", g.attack_kind == e.attack_kind, gold=g.attack_kind, predicted=e.attack_kind, **kw)
        if g.outcome is not None:
            self.tally("outcome", g.outcome == e.outcome, gold=g.outcome, predicted=e.outcome, **kw)
        for name in ("fatalities", "injured"):
            if g.annotated(name):
                want, got = getattr(g, name), getattr(e, name)
                self.tally(name, _count_pair(want) == _count_pair(got), gold=_fmt_count(want),
                           predicted=_fmt_count(got), **kw)
        self.tally("modality", g.modality == e.modality, gold=g.modality, predicted=e.modality, **kw)
        if g.annotated("date"):
            got_date = p.date
            if g.date is None:
                ok = got_date is None
                want_s = "no date"
            else:
                ok = got_date is not None and _near(g.date.start, got_date[0], self.tolerance) and _near(
                    g.date.end, got_date[1], self.tolerance)
                want_s = _fmt_date((g.date.start, g.date.end))
            self.tally("date", ok, gold=want_s, predicted=_fmt_date(got_date), **kw)
            if g.date is not None and g.date.precision is not None:
                got_prec = p.time.precision if p.time is not None else None
                self.tally("date_precision", got_prec == g.date.precision, gold=g.date.precision,
                           predicted=got_prec, **kw)
        if g.annotated("place"):
            place = p.place
            if g.place is None:
                self.tally("place_country", place is None, gold="no place",
                           predicted=place.name if place else None, **kw)
            else:
                got_country = place.country if place else None
                self.tally("place_country", place is not None and got_country == g.place.country,
                           gold=g.place.country, predicted=f"{got_country} ({place.name})" if place else None, **kw)
                if g.place.admin1 is not None:
                    self.tally("place_admin1", place is not None and place.admin1 == g.place.admin1,
                               gold=g.place.admin1, predicted=place.admin1 if place else None, **kw)
                if g.place.precision is not None:
                    # the event's own precision (its place's, lowered for a fallback place)
                    got = p.event.geo_precision or (place.geo_precision if place else None)
                    self.tally("geo_precision", place is not None and got == g.place.precision,
                               gold=g.place.precision, predicted=got, **kw)

    def claims(self, g: GoldEvent, p: _Pred) -> None:
        gold, pred = g.claims, p.claims
        cands = [(_claim_score(gc, pc), gi, pi) for gi, gc in enumerate(gold) for pi, pc in enumerate(pred)]
        pairs = greedy(cands)
        tp = 0
        for gi, pi, _ in pairs:
            gc, pc = gold[gi], pred[pi]
            label = f"{gc.source} ({gc.stance.value})"
            if gc.stance != pc.stance:
                # same speaker, other stance: counted as a miss and a false alarm, listed once
                self.error("claims", "wrong", gold=label, predicted=f"{pc.source.text} ({pc.stance.value})",
                           event=g.id, context=pc.evidence.text,
                           detail=f"stance is {pc.stance.value}, gold says {gc.stance.value}")
                continue
            tp += 1
            kw: dict[str, Any] = {"event": g.id, "context": pc.evidence.text, "what": f"claim by {gc.source!r}"}
            self.tally("claim_anonymous", gc.anonymous == pc.source.anonymous, gold=gc.anonymous,
                       predicted=pc.source.anonymous, **kw)
            if gc.role is not None:
                self.tally("claim_role", gc.role == pc.source.role, gold=gc.role, predicted=pc.source.role, **kw)
            if gc.asserts is not None:
                keys = sorted(gc.asserts.model_fields_set)
                want = {k: _assert_value(getattr(gc.asserts, k)) for k in keys}
                got = {k: _assert_value(pc.asserts.get(k)) for k in keys}
                self.tally("claim_figures", want == got, gold=_fmt_asserts(want), predicted=_fmt_asserts(got), **kw)
        self.count("claims", tp=tp, fp=len(pred) - tp, fn=len(gold) - tp)
        paired_g = {gi for gi, _, _ in pairs}
        paired_p = {pi for _, pi, _ in pairs}
        for gi, gc in enumerate(gold):
            if gi not in paired_g:
                self.error("claims", "missed", gold=f"{gc.source} ({gc.stance.value})", event=g.id,
                           context=g.evidence)
        for pi, pc in enumerate(pred):
            if pi not in paired_p:
                self.error("claims", "spurious", predicted=f"{pc.source.text} ({pc.stance.value})", event=g.id,
                           context=pc.evidence.text)

    def actors(self) -> None:
        gold = self.gold.actors or []
        items = [_actor_item(a) for a in self.x.actors]
        pairs = greedy((actor_score(a.names(), it), gi, pi) for gi, a in enumerate(gold) for pi, it in enumerate(items))
        self.count("actors", tp=len(pairs), fp=len(items) - len(pairs), fn=len(gold) - len(pairs))
        for gi, pi, _ in pairs:
            a, pred = gold[gi], self.x.actors[pi]
            kw: dict[str, Any] = {"context": pred.mentions[0].text, "what": f"actor {a.surface!r}"}
            if a.kind is not None:
                self.tally("actor_kind", a.kind == pred.kind, gold=a.kind, predicted=pred.kind, **kw)
            if "country" in a.model_fields_set:
                self.tally("actor_country", a.country == pred.country, gold=a.country, predicted=pred.country, **kw)
        paired_g = {g for g, _, _ in pairs}
        paired_p = {p for _, p, _ in pairs}
        for gi, a in enumerate(gold):
            if gi not in paired_g:
                self.error("actors", "missed", gold=a.surface)
        for pi, pred in enumerate(self.x.actors):
            if pi not in paired_p:
                self.error("actors", "spurious", predicted=f"{pred.name} ({pred.kind.value})",
                           context=", ".join(sorted({m.text for m in pred.mentions})))

    def places(self) -> None:
        gold = self.gold.places or []
        pred = self.x.places
        pairs = greedy((place_score(g.names(), p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred))
        tp = 0
        for gi, pi, _ in pairs:
            g, p = gold[gi], pred[pi]
            problems = []
            if p.country != g.country:
                problems.append(f"country is {p.country}, gold says {g.country}")
            if g.admin1 is not None and p.admin1 != g.admin1:
                problems.append(f"admin1 is {p.admin1}, gold says {g.admin1}")
            if problems:
                self.error("places", "wrong", gold=f"{g.surface} [{g.country}]", predicted=f"{p.name} [{p.country}]",
                           detail="; ".join(problems), context=", ".join(sorted({m.text for m in p.mentions})))
            else:
                tp += 1
        self.count("places", tp=tp, fp=len(pred) - tp, fn=len(gold) - tp)
        paired_g = {g for g, _, _ in pairs}
        paired_p = {p for _, p, _ in pairs}
        for gi, g in enumerate(gold):
            if gi not in paired_g:
                self.error("places", "missed", gold=f"{g.surface} [{g.country}]")
        for pi, p in enumerate(pred):
            if pi not in paired_p:
                self.error("places", "spurious", predicted=f"{p.name} [{p.country}]",
                           context=", ".join(sorted({m.text for m in p.mentions})))

    def times(self) -> None:
        gold = self.gold.times or []
        pred = [t for t in self.x.times if t.text.strip()]  # the empty placeholder marks "no date"
        pairs = greedy((_time_score(g.text, t), gi, pi) for gi, g in enumerate(gold) for pi, t in enumerate(pred))
        tp = 0
        for gi, pi, _ in pairs:
            g, t = gold[gi], pred[pi]
            problems = []
            if (t.start, t.end) != (g.start, g.end):
                problems.append(f"value is {_fmt_date((t.start, t.end))}, gold says {_fmt_date((g.start, g.end))}")
            if g.precision is not None and t.precision != g.precision:
                problems.append(f"precision is {t.precision.value}, gold says {g.precision.value}")
            if problems:
                self.error("times", "wrong", gold=g.text, predicted=t.text, detail="; ".join(problems))
            else:
                tp += 1
        self.count("times", tp=tp, fp=len(pred) - tp, fn=len(gold) - tp)
        paired_g = {g for g, _, _ in pairs}
        paired_p = {p for _, p, _ in pairs}
        for gi, g in enumerate(gold):
            if gi not in paired_g:
                self.error("times", "missed", gold=f"{g.text} = {_fmt_date((g.start, g.end))}")
        for pi, t in enumerate(pred):
            if pi not in paired_p:
                self.error("times", "spurious", predicted=f"{t.text} = {_fmt_date((t.start, t.end))}")


def _near(a: Optional[dt.date], b: Optional[dt.date], tolerance: int) -> bool:
    if a is None or b is None:
        return a is b
    return abs((a - b).days) <= tolerance


def _time_score(gold_text: str, t: TimeSpan) -> float:
    g, p = fold(gold_text), fold(t.text)
    if g and g == p:
        return 2.0
    return 1.0 if contains(g, p) or contains(p, g) else 0.0


def _claim_score(g: GoldClaim, c: Claim) -> float:
    """Sources must overlap after folding (either contains the other, or the gold names the
    person); then agreement on stance and an exact source add to the score."""
    gold = [f for f in (fold(s) for s in [g.source, *g.aliases]) if f]
    names = [f for f in [fold(c.source.text)] + ([fold(c.source.person)] if c.source.person else []) if f]
    if not any(a == n or contains(a, n) or contains(n, a) for a in gold for n in names):
        return 0.0
    exact = bool(gold) and bool(names) and gold[0] == names[0]
    return 1.0 + (1.0 if g.stance == c.stance else 0.0) + (0.5 if exact else 0.0)


def _assert_value(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, (Count, dict)):
        return _count_pair(v)
    return _value(v)


def _fmt_asserts(d: dict[str, Any]) -> str:
    return ", ".join(f"{k}={_fmt_count(v) if isinstance(v, tuple) or v is None else v}" for k, v in d.items())


# -- public entry points -----------------------------------------------------------------------
def score(gold: Iterable[GoldDocument], predictions: Iterable[Extraction], *, date_tolerance_days: int = 1,
          gold_path: Optional[str] = None, pipeline: Optional[str] = None) -> EvaluationReport:
    """Score predictions against gold documents, paired by document id (no pipeline needed)."""
    _check_tolerance(date_tolerance_days)
    gold = list(gold)
    by_id: dict[str, Extraction] = {}
    for x in predictions:
        by_id.setdefault(x.document.id, x)
    documents = []
    for g in gold:
        found = by_id.get(g.id)
        if found is None:
            raise ValueError(f"no prediction for gold document {g.id!r}")
        if found.document.text is not None and found.document.text != g.text:
            raise ValueError(f"prediction for {g.id!r} was made on a different text than the gold one")
        documents.append(_DocScorer(g, found, date_tolerance_days).run())
    layers, attributes = aggregate(documents)
    return EvaluationReport(gold=gold_path, pipeline=pipeline, date_tolerance_days=date_tolerance_days,
                            n_documents=len(documents), layers=layers, attributes=attributes, documents=documents)


def _check_tolerance(days: Any) -> None:
    """Fail before the (slow) pipeline runs, not after."""
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise ValueError(f"date_tolerance_days must be a non-negative integer, not {days!r}")


def _pipeline_name(nlp: Language) -> str:
    from .. import __version__

    meta = nlp.meta
    ours = [n for n in nlp.pipe_names if n.startswith("conflictner_")]
    return (f"conflictner {__version__} on {meta.get('lang', '?')}_{meta.get('name', '?')} "
            f"{meta.get('version', '?')} ({len(ours)} conflictner components)")


def evaluate(gold_path_or_docs: GoldSource, *, nlp: Optional[Language] = None, date_tolerance_days: int = 1,
             predictions: Optional[Iterable[Extraction]] = None) -> EvaluationReport:
    """Run the pipeline on each gold document's text and metadata, and score the result.

    gold_path_or_docs: a gold JSONL path, or GoldDocuments / dicts in the same format.
    predictions: stored Extractions (matched by document id) to score instead of running `nlp`.
    Raises GoldFormatError (a ValueError naming file and line) for invalid gold.
    """
    _check_tolerance(date_tolerance_days)
    docs, path = load_gold(gold_path_or_docs)
    if predictions is not None:
        return score(docs, predictions, date_tolerance_days=date_tolerance_days, gold_path=path)
    from ..api import extract_many, load  # spaCy is imported only when the pipeline is needed

    nlp = nlp or load()
    items = [{"text": d.text, "published": d.published, "url": d.url, "outlet": d.outlet, "title": d.title,
              "doc_id": d.id} for d in docs]
    extracted = list(extract_many(items, nlp=nlp))
    return score(docs, extracted, date_tolerance_days=date_tolerance_days, gold_path=path,
                 pipeline=_pipeline_name(nlp))


__all__ = ["GoldFormatError", "evaluate", "fold", "kinds_compatible", "score"]
