"""Casualty figures, damage and outcome of attack events.

A sentence is read once into `Statement`s (one per casualty or damage word: "killing at
least 20 people", "no injuries were reported", "a house was flattened"); each statement is
then owned by the event mention its word hangs from in the parse, so two attacks told in one
sentence ("strikes hit X, a week after a bombing killed six") keep their own tolls. An event
folds the figures of all its mentions the ACLED way: the most conservative toll wins, a
number beats a vague quantity ("dozens") and a part of the toll ("among them a child",
"two adults died at the hospital") never replaces the whole.

Quantity conventions (docs/evaluation.md): "at least N" = min N; "more than N" / "over N" =
min N+1; "up to N" = max N; "about N" = N; "dozens" = min 24, "scores" = min 40, "hundreds"
= min 200, "several" = min 3, "multiple" = min 2; "N bodies" = at least N dead; "no
casualties/nobody was hurt" = 0; no figure in the text = None.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc, Span, Token

from .base import Parse, parse_of

Figure = dict  # {"min": Optional[int], "max": Optional[int]}

NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
                "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
                "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                "hundred": 100, "thousand": 1000, "dozen": 12, "both": 2, "couple": 2}
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
PRONOUNS_ONE = {"he", "she", "him", "her"}
ZERO = {"min": 0, "max": 0}


@dataclass(frozen=True)
class Lexicon:
    """The casualty vocabulary (models/en_conflict/events/casualties.json)."""

    fatal: frozenset[str]
    injury: frozenset[str]
    both: frozenset[str]
    damage: frozenset[str]
    intransitive: frozenset[str]
    lower_bound_nouns: frozenset[str]
    vague: dict[str, int]
    min_inclusive: tuple[str, ...]
    min_exclusive: tuple[str, ...]
    max_inclusive: tuple[str, ...]
    max_exclusive: tuple[str, ...]
    approximate: tuple[str, ...]
    nobody: frozenset[str]
    anyone: frozenset[str]
    subgroups: frozenset[str]
    unhurt: frozenset[str]
    modal: frozenset[str]
    fire_nouns: frozenset[str]
    fire_verbs: frozenset[str]

    @property
    def words(self) -> frozenset[str]:
        """Every word that can open a statement (matched on LOWER and LEMMA)."""
        return self.fatal | self.injury | self.both | self.damage | self.unhurt | self.fire_nouns


@functools.lru_cache(maxsize=8)
def load_lexicon(path: Path) -> Lexicon:
    return lexicon_from(json.loads(Path(path).read_text(encoding="utf8")))


def lexicon_from(data: dict) -> Lexicon:
    """The Lexicon of a parsed casualties.json (as saved with a pipeline)."""
    sets = {"fatal", "injury", "both", "damage", "intransitive", "lower_bound_nouns", "nobody", "anyone",
            "subgroups", "unhurt", "modal", "fire_nouns", "fire_verbs"}
    kw: dict = {}
    for k in Lexicon.__dataclass_fields__:
        v = data[k]
        if k in sets:
            kw[k] = frozenset(v)
        elif k == "vague":
            kw[k] = dict(v)
        else:
            kw[k] = tuple(sorted(v, key=len, reverse=True))  # longest phrase first
    return Lexicon(**kw)


@dataclass
class Statement:
    """One casualty, damage or 'unhurt' statement in a sentence."""

    field: str  # "fatalities" | "injured" | "both" | "damage" | "unhurt"
    anchor: int  # token index of the casualty word
    figure: Optional[Figure] = None
    damage: Optional[bool] = None
    subset: bool = False  # a part of the toll ("among them a child", "including 10 women")
    vague: bool = False  # "dozens", "several": dominated by any real number


# -- numbers ---------------------------------------------------------------------------------
def _value(t: Token, lex: Lexicon) -> Optional[int]:
    """The integer a number token stands for, counting 'Fifty - four' and 'two hundred'."""
    return _value_at(parse_of(t.doc), t.doc, t.i, lex)


def _value_at(P: Parse, doc: Doc, i: int, lex: Lexicon) -> Optional[int]:
    """`_value` of token i, read off the parse lists (a Token only for a child's number test)."""
    low = P.lower[i].replace(",", "")
    if low.isdigit():
        v = int(low)
    elif low in NUMBER_WORDS:
        v = NUMBER_WORDS[low]
    elif "-" in low and all(p in NUMBER_WORDS for p in low.split("-")):
        v = sum(NUMBER_WORDS[p] for p in low.split("-"))
    elif low in lex.vague:
        return lex.vague[low]
    else:
        return None
    dep = P.dep
    for c in P.children[i]:
        if dep[c] in {"compound", "nummod", "quantmod"} and c < i and doc[c].like_num:
            w = _value_at(P, doc, c, lex)
            if w is None:
                continue
            v = w * MULTIPLIERS[low] if low in MULTIPLIERS else v + w
    return v


def _qualify(num: Token, v: int, lex: Lexicon, vague: bool) -> Figure:
    """min/max of a number from the words before it ('at least', 'more than', 'up to')."""
    return _qualify_at(parse_of(num.doc), num.i, v, lex, vague)


def _qualify_at(P: Parse, i: int, v: int, lex: Lexicon, vague: bool) -> Figure:
    """`_qualify` of token i, read off the parse lists."""
    dep, lower = P.dep, P.lower
    first = min([i] + [c for c in P.children[i] if dep[c] in {"compound", "nummod"} and c < i])
    text = " " + " ".join(lower[x] for x in range(max(0, first - 3), first))
    if any(text.endswith(" " + p) for p in lex.min_exclusive):
        return {"min": v + 1, "max": None}
    if any(text.endswith(" " + p) for p in lex.min_inclusive) or vague:
        return {"min": v, "max": None}
    if any(text.endswith(" " + p) for p in lex.max_exclusive):
        return {"min": None, "max": v - 1}
    if any(text.endswith(" " + p) for p in lex.max_inclusive):
        return {"min": None, "max": v}
    return {"min": v, "max": v}


def _count(tok: Token, lex: Lexicon) -> Optional[tuple[Figure, bool]]:
    """The count a victim phrase gives: ('20 people' -> 20), with whether it is vague."""
    return _count_at(parse_of(tok.doc), tok.doc, tok.i, lex)


def _count_at(P: Parse, doc: Doc, i: int, lex: Lexicon) -> Optional[tuple[Figure, bool]]:
    """`_count` of token i, read off the parse lists: a Token only for the number and entity
    tests, which the lists do not hold."""
    dep, lower, kids = P.dep, P.lower, P.children[i]
    low = lower[i]
    lem = P.lemma[i].lower()
    if low in lex.vague or lem + "s" in lex.vague and low.endswith("s"):
        key = low if low in lex.vague else lem + "s"
        return _qualify_at(P, i, lex.vague[key], lex, vague=True), True
    if (low in NUMBER_WORDS and P.pos[i] == "NUM") or doc[i].like_num:
        v = _value_at(P, doc, i, lex)
        if v is not None and low not in {"a", "an", "both"}:
            return _qualify_at(P, i, v, lex, vague=False), False
    for c in kids:
        if dep[c] in {"nummod", "quantmod"} or (dep[c] == "amod" and lower[c] in lex.vague):
            if lower[c] in lex.vague:
                return _qualify_at(P, c, lex.vague[lower[c]], lex, vague=True), True
            v = _value_at(P, doc, c, lex)
            if v is not None:
                return _qualify_at(P, c, v, lex, vague=False), False
    if lem == "dozen" and any(dep[c] == "det" and lower[c] in {"a", "one"} for c in kids):
        return {"min": 12, "max": 12}, False
    if low in NUMBER_WORDS and any(dep[c] == "prep" and lower[c] == "of" for c in kids):
        return _qualify_at(P, i, NUMBER_WORDS[low], lex, vague=False), False  # "one of its commanders"
    tag = P.tag[i]
    if tag in {"NN", "NNP"} and any(dep[c] == "det" and lower[c] in {"a", "an", "one"} for c in kids):
        return {"min": 1, "max": 1}, False  # "a soldier was killed"
    if low in PRONOUNS_ONE or (tag == "NNP" and doc[i].ent_type_ == "PERSON"):
        return {"min": 1, "max": 1}, False  # "he and three other fighters died"
    return None


def _numbers_of(tok: Token, lex: Lexicon) -> tuple[Optional[Figure], bool]:
    """A casualty noun's own count ('12 deaths', 'hundreds of casualties'), never its article."""
    doc, i = tok.doc, tok.i
    P = parse_of(doc)
    dep, lower = P.dep, P.lower
    if lower[i] in lex.vague:
        return _qualify_at(P, i, lex.vague[lower[i]], lex, vague=True), True
    for c in P.children[i]:
        if dep[c] in {"nummod", "quantmod"} or (dep[c] == "amod" and lower[c] in lex.vague):
            if lower[c] in lex.vague:
                return _qualify_at(P, c, lex.vague[lower[c]], lex, vague=True), True
            v = _value_at(P, doc, c, lex)
            if v is not None and lower[c] not in {"a", "an"}:
                return _qualify_at(P, c, v, lex, vague=False), False
    return None, False


PERIODS = {"year", "decade", "month", "week"}


def _periodic(P: Parse, t: int) -> bool:
    """'this year', 'the past month': a period counted through. 'Last week' and 'this week'
    date an attack ('attacked a base last week, killing 10'), as 'earlier this month' does;
    a week is a period only as 'the past week'."""
    words = {P.lower[c] for c in P.children[t]}
    if words & {"earlier", "later", "early", "late"}:
        return False
    if P.lemma[t].lower() == "week":
        return bool(words & {"past", "previous"})
    return bool(words & {"this", "past", "last", "previous", "recent"})


def _cumulative(P: Parse, i: int) -> bool:
    """'has killed more than 200 people since May 2023', 'killed 500 this year': a running
    total of a conflict, not the toll of one attack (token `i`, read on the Parse lists)."""
    dep, lower, kids = P.dep, P.lower, P.children
    for t in (i, P.head[i]):
        for c in kids[t]:
            if dep[c] == "prep" and lower[c] in {"since", "throughout"}:
                return True
            if dep[c] == "advcl" and any(dep[m] == "mark" and lower[m] == "since" for m in kids[c]):
                return True  # "have been killed since the infighting began"
    return period_total(P, i)


def period_total(P: Parse, i: int) -> bool:
    """'killed 500 people this year', 'in the first half of the year', 'over the past three
    months': the words count a period's dead, not one attack's (token `i`, on the Parse lists)."""
    dep, lower, lemma, kids = P.dep, P.lower, P.lemma, P.children
    for t in (i, P.head[i], *(c for c in kids[i] if dep[c] == "conj")):
        for c in kids[t]:
            if dep[c] == "npadvmod" and lemma[c].lower() in PERIODS and _periodic(P, c):
                return True  # "killed 500 people this year"
            if dep[c] == "prep" and lower[c] in {"over", "in", "during"}:
                for p in kids[c]:
                    if dep[p] != "pobj":
                        continue
                    if lemma[p].lower() in PERIODS and _periodic(P, p):
                        return True  # "over the past decade", "in the last year"
                    if lemma[p].lower() in {"half", "quarter"} and any(
                            lemma[q].lower() in PERIODS for g in kids[p] if lower[g] == "of" for q in kids[g]):
                        return True  # "in the first half of the year"
    return False


def _add(a: Optional[Figure], b: Optional[Figure]) -> Optional[Figure]:
    if a is None:
        return b
    if b is None:
        return a
    mn = (a["min"] or 0) + (b["min"] or 0) if (a["min"] is not None or b["min"] is not None) else None
    mx = a["max"] + b["max"] if a["max"] is not None and b["max"] is not None else None
    return {"min": mn, "max": mx}


def _among(v: Token) -> bool:
    """'killing nine tourists, among them a child': the child is counted in the nine."""
    lower = parse_of(v.doc).lower
    return any(lower[t] in {"among", "including", "incl"} for t in range(max(0, v.left_edge.i - 3), v.i))


def _victim_figure(victims: list[Token], lex: Lexicon) -> tuple[Optional[Figure], bool, bool]:
    """Sum of the counts of the victim phrases and their conjuncts: (figure, vague, subset).
    Read off the parse lists: walking `children` would create a Token per child."""
    total: Optional[Figure] = None
    vague = subset = False
    if not victims:
        return total, vague, subset
    doc = victims[0].doc
    P = parse_of(doc)
    dep, lower, lemma, kids = P.dep, P.lower, P.lemma, P.children
    for v in victims:
        vi = v.i
        if total is not None and _among(v):
            continue
        for part in [vi, *(c for c in kids[vi] if dep[c] == "conj")]:
            got = _count_at(P, doc, part, lex)
            if got is None:
                continue
            total = _add(total, got[0])
            vague = vague or got[1]
            # 'nine children', 'three of the assailants': a named part of the dead
            nouns = [part, *(p for c in kids[part] if dep[c] == "prep" and lower[c] == "of"
                             for p in kids[c] if dep[p] == "pobj")]
            subset = subset or any(lower[n] in lex.subgroups or lemma[n].lower() in lex.subgroups for n in nouns)
        if dep[vi] in {"nsubj", "nsubjpass", "attr"} and _among(v):
            subset = True
        if any(dep[c] == "prep" and lower[c] == "among" for c in kids[P.head[vi]]):
            subset = True  # "an officer was among the dead"
    return total, vague, subset


# -- one sentence ----------------------------------------------------------------------------
def _negated(P: Parse, i: int, lex: Lexicon) -> Optional[str]:
    """'generic' for 'no casualties' / 'nobody was hurt' / 'injuring no one' (a zero),
    'specific' for 'the president was not hurt' (the target escaped), else None."""
    dep, lower, kids = P.dep, P.lower, P.children
    mine = kids[i]
    if any(dep[c] == "det" and lower[c] == "no" for c in mine):
        return "generic"
    if i > 0 and lower[i - 1] in {"without", "no"}:
        return "generic"
    h = P.head[i]
    if dep[i] == "conj" and (
        any(dep[c] == "det" and lower[c] == "no" for c in kids[h])
        or (h > 0 and lower[h - 1] in {"without", "no"})
    ):
        return "generic"  # "no injuries or damage"
    people = [c for c in mine if dep[c] in {"nsubj", "nsubjpass", "dobj"}]
    for p in people:
        if lower[p] in lex.nobody or (lower[p] == "one" and any(lower[g] == "no" for g in kids[p])):
            return "generic"
    if any(dep[c] == "neg" for c in mine):
        if any(lower[p] in lex.anyone for p in people):
            return "generic"  # "did not kill anyone"
        subj = [p for p in people if dep[p] in {"nsubj", "nsubjpass"}]
        if subj:
            return "specific"
    return None


def _victims(tok: Token, lex: Lexicon) -> list[Token]:
    """The victim phrases a casualty word counts."""
    low, lem = tok.lower_, tok.lemma_.lower()
    if tok.pos_ in {"VERB", "AUX"} or tok.tag_ == "VBN":
        if lem in lex.intransitive or low in lex.intransitive:
            return [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
        vs = [c for c in tok.children if c.dep_ in {"nsubjpass", "dobj"}]
        if not vs and tok.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in tok.children):
            # "at least 20 people were killed and dozens wounded": an elided passive
            vs = [c for c in tok.children if c.dep_ == "nsubj"]
        if not vs and tok.dep_ in {"acl", "amod"}:
            vs = [tok.head]  # "people killed in the attack", "wounded civilians"
        return vs
    if tok.pos_ == "ADJ" and tok.dep_ in {"oprd", "acomp", "ccomp", "xcomp", "advcl", "conj"}:
        # "leaving four fighters dead", "three soldiers were left wounded"
        vs = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return vs or [c for c in tok.head.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}]
    if tok.pos_ == "ADJ" and tok.dep_ == "amod":
        return [tok.head]
    if lem == "toll" or low == "toll":
        # "the death toll rose to at least 93", "a toll of 12": the number after the word
        # (a subtree is not in text order when the parse is non-projective: sort it; a number in
        # an 'among them' phrase is a part: 'put the toll at 25, among them 12 children' -> 25)
        nums = sorted((g for g in tok.head.subtree if g.like_num and g.i > tok.i), key=lambda g: g.i)
        whole = [g for g in nums if not _among(g)]
        return (whole or nums)[:1]
    if tok.dep_ == "pobj" and tok.head.lower_ == "among" and tok.head.head.pos_ in {"AUX", "VERB"}:
        # "at least nine children were among the dead": a part of the toll
        return [c for c in tok.head.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return []  # "12 deaths", "a massacre": counted by the noun's own numbers below


def scan_sentence(sent: Span, anchors: Iterable[int], instruments: dict, lex: Lexicon) -> list[Statement]:
    """The statements of one sentence, read at the casualty words `anchors` (token indices)."""
    doc = sent.doc
    # the parse as lists: most casualty words are dismissed before a Token is needed
    P = parse_of(doc)
    dep, lower, lemma, pos, head, kids = P.dep, P.lower, P.lemma, P.pos, P.head, P.children
    out: list[Statement] = []
    seen: set[int] = set()
    for i in anchors:
        low, lem = lower[i], lemma[i].lower()
        if low in lex.unhurt or lem in lex.unhurt:
            out.append(Statement("unhurt", i))
            continue
        is_fat = low in lex.fatal or lem in lex.fatal
        is_inj = low in lex.injury or lem in lex.injury
        is_both = low in lex.both
        is_dmg = low in lex.damage or lem in lex.damage
        field = "fatalities" if is_fat else "injured" if is_inj else "both" if is_both else "damage"
        if any(dep[c] == "aux" and lower[c] in lex.modal for c in kids[i]) or _cumulative(P, i):
            continue  # "could have killed hundreds", "has killed thousands since 2009": not a toll
        neg = _negated(P, i, lex)
        if low in lex.fire_nouns and not (dep[i] == "dobj" and lemma[head[i]].lower() in lex.fire_verbs):
            continue  # "opened fire" is no damage; "setting off a large fire" is
        is_dmg = is_dmg or low in lex.fire_nouns
        if not (is_dmg or is_fat or is_inj or is_both):
            continue  # an anchor for the fire words above ('set fire to'), no casualty word itself
        if is_dmg and not (is_fat or is_inj or is_both):
            if pos[i] == "VERB" and any(dep[c] in {"dobj", "nsubjpass"} and c in instruments for c in kids[i]):
                continue  # "destroyed 144 drones" is an interception, not damage
            out.append(Statement("damage", i, damage=neg is None))
            continue
        if neg == "generic":
            out.append(Statement(field, i, figure=dict(ZERO)))
            continue
        if neg == "specific":
            out.append(Statement("unhurt", i))
            continue
        tok = doc[i]
        victims = [v for v in _victims(tok, lex) if v.i not in seen]
        fig, vague, subset = _victim_figure(victims, lex)
        if fig is None and pos[i] in {"NOUN", "PROPN", "ADJ"} and low != "toll":
            fig, vague = _numbers_of(tok, lex)  # "12 deaths", "81 bodies", "30 casualties"
        if fig is None or field == "both":
            continue
        seen.update(v.i for v in victims)
        seen.update(c.i for v in victims for c in v.children if c.dep_ == "conj")
        if dep[i] == "pobj" and lower[head[i]] == "among" and fig["min"] is not None:
            fig = {"min": fig["min"], "max": None}  # 'nine children were among the dead': at least 9
        if low in lex.lower_bound_nouns and fig["max"] is not None:
            fig = {"min": fig["min"] if fig["min"] is not None else fig["max"], "max": None}
        out.append(Statement(field, i, figure=fig, subset=subset, vague=vague))
    return out


# -- ownership and folding -------------------------------------------------------------------
def _distance(parse: Parse, a: int, b: int) -> int:
    """Steps in the parse tree between tokens a and b (99 if not in one tree)."""
    pa, pb = parse.path(a), parse.path(b)
    ib = {t: n for n, t in enumerate(pb)}
    for n, t in enumerate(pa):
        if t in ib:
            return n + ib[t]
    return 99


def owned(statements: list[Statement], doc: Doc, mine: set[int], triggers: list[Token]) -> list[Statement]:
    """The statements whose word lies nearest (in the parse tree) to one of this mention's
    triggers rather than to another trigger of the sentence (`triggers`: the sentence's
    trigger words, bare passive victim verbs left out: '54 soldiers were killed when
    militants overran their base' gives its figure to the overrunning too)."""
    others = [t.i for t in triggers if t.i not in mine]
    if not statements or not others:
        return list(statements)
    parse = parse_of(doc)
    out = []
    for s in statements:
        a = s.anchor
        d_mine = min(_distance(parse, a, i) for i in mine)
        if d_mine <= min(_distance(parse, a, t) for t in others):
            out.append(s)
    return out


def _rank(f: Figure) -> int:
    return f["min"] if f["min"] is not None else (f["max"] if f["max"] is not None else 0)


def conservative(candidates: list[Statement]) -> Optional[Figure]:
    """The figure an event keeps from several statements (ACLED: the most conservative):
    whole tolls before parts, numbers before vague quantities, then the lowest."""
    figs = [s for s in candidates if s.figure is not None]
    if not figs:
        return None
    best_tier = min((s.subset, s.vague) for s in figs)
    pool = [s.figure for s in figs if (s.subset, s.vague) == best_tier]
    return dict(min(pool, key=_rank))


def largest(candidates: list[Statement]) -> Optional[Statement]:
    """Within one mention: the statement giving the largest whole figure ('20 were killed,
    among them two children' -> 20)."""
    figs = [s for s in candidates if s.figure is not None]
    if not figs:
        return None
    best_tier = min((s.subset, s.vague) for s in figs)
    pool = [s for s in figs if (s.subset, s.vague) == best_tier]
    return max(pool, key=lambda s: _rank(s.figure))


def fold_fields(statements: list[Statement]) -> dict[str, list[Statement]]:
    """Statements by field; 'both' zeros ('no casualties') count for deaths and injuries."""
    out: dict[str, list[Statement]] = {"fatalities": [], "injured": []}
    for s in statements:
        if s.field in out:
            out[s.field].append(s)
        elif s.field == "both" and s.figure is not None:
            out["fatalities"].append(s)
            out["injured"].append(s)
    return out


def damage_of(statements: list[Statement]) -> Optional[bool]:
    vals = [s.damage for s in statements if s.field == "damage" and s.damage is not None]
    if not vals:
        return None
    return True if any(vals) else False


def hurt(*figures: Optional[Figure]) -> bool:
    return any(f is not None and (f.get("min") or f.get("max") or 0) > 0 for f in figures)


#: trigger words that say a weapon was fired or sides fought, not that a target was hit
NO_IMPACT = {"fire", "launch", "lob", "throw", "hurl", "drop", "plant", "clash", "fight", "battle", "exchange",
             "open", "fighting", "clashes", "gunfire", "firefight", "skirmish", "barrage", "salvo"}


def impact(tok: Token, role: str, kind: str) -> bool:
    """Does this trigger say the attack reached its target? ('struck', 'stormed', 'an air
    strike on', 'abducted' yes; 'fired rockets at', 'clashed with' no)."""
    if role != "event" or kind == "armed_clash":
        return False
    return tok.lemma_.lower() not in NO_IMPACT and tok.lower_ not in NO_IMPACT


VICTIM_LEMMAS = {"kill", "wound", "injure", "massacre", "slaughter", "execute", "behead", "murder", "slay"}


def bare_victim_verb(tok: Token) -> bool:
    """A passive victim verb with no agent: 'nine people were killed'."""
    return bare_victim_verb_at(parse_of(tok.doc), tok.i)


def bare_victim_verb_at(P: Parse, i: int) -> bool:
    """`bare_victim_verb` for token `i` of a Parse."""
    kids = P.children[i]
    return (P.pos[i] == "VERB" and P.lemma[i].lower() in VICTIM_LEMMAS
            and any(P.dep[c] == "nsubjpass" for c in kids)
            and not any(P.dep[c] == "agent" for c in kids))


def figures_in(span: Span, lex: Lexicon) -> tuple[Optional[Figure], Optional[Figure]]:
    """Deaths and injured that a stretch of text states (the words a source is reported to
    have said), each folded the ACLED way when it gives several."""
    words = lex.words
    anchors = [t.i for t in span if t.lower_ in words or t.lemma_.lower() in words]
    by_field = fold_fields(scan_sentence(span, anchors, {}, lex))
    return conservative(by_field["fatalities"]), conservative(by_field["injured"])
