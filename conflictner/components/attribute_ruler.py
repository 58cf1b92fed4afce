"""An AttributeRuler that finds its matches by lookup: the base pipeline's own patterns and
annotations, at a fraction of the cost.

spaCy's `attribute_ruler` runs a `Matcher` with every pattern at every token. The English
pipelines' rulers hold ~180 patterns, nearly all of one token that only test attributes for
equality (`{"TAG": "NNS"}`, `{"LOWER": "'s", "TAG": "POS"}`). Trying each of them at each token
is about an eighth of en_core_web_sm's time, as much as all of conflictner's rule components
together. Such a pattern matches a token exactly when the token's attributes equal the
pattern's values, so a dictionary keyed by those values finds the same matches. Sets of values
(IN) are several keys; NOT_IN and REGEX are checked once per distinct token (the answers are
memoized by the token's attribute values); a pattern of several tokens matches where each of
its tokens does, in a row. Only patterns with operators or other predicates stay in a `Matcher`
of their own. The matches are sorted and applied as spaCy's ruler applies them (later patterns
win), so the annotations are the same; `tests/test_attribute_ruler.py` checks this against
spaCy's ruler on the base pipeline's patterns and on hand-written ones.

`conflictner.load()` swaps it in for the base pipeline's `attribute_ruler` (config.cfg,
`[pipeline.swap_base]`), keeping the name, the patterns and the serialization.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from typing import Any, Optional

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, NORM, ORTH, POS, TAG, intify_attr
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: attributes `Doc.to_array` reads as the Matcher does; of them, the flags (0 or 1)
FLAGS = frozenset({IS_SPACE})
INDEXED_ATTRS = frozenset({ORTH, LOWER, NORM, TAG, POS, DEP, LEMMA}) | FLAGS
#: bound on the per-token memo (distinct attribute tuples); cleared when full
MEMO_SIZE = 200_000

Match = tuple[int, int, int, int]  # (pattern index, match id, start, end), as AttributeRuler.match


@Language.factory(
    "conflictner_attribute_ruler",
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: Optional[Callable]) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler, its patterns matched by lookup rather than by a Matcher."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", *, validate: bool = False,
                 scorer: Optional[Callable] = None) -> None:
        kwargs: dict[str, Any] = {"validate": validate}
        if scorer is not None:
            kwargs["scorer"] = scorer
        super().__init__(vocab, name, **kwargs)
        self._index: Optional[_Index] = None

    # every way of changing the patterns goes through these two
    def clear(self) -> None:
        super().clear()
        self._index = None

    def add(self, patterns: Iterable[Any], attrs: dict, index: int = 0) -> None:
        patterns = list(patterns)
        super().add(patterns, attrs, index)
        self._index = None

    def match(self, doc: Doc) -> list[Match]:
        if self._index is None:
            self._index = _Index(self)
        return self._index.match(doc)


class _Spec:
    """What one token of a pattern requires: values from sets (equality is a set of one),
    values outside sets (NOT_IN) and regular expressions over the attribute's string."""

    __slots__ = ("equal", "not_in", "regex")

    def __init__(self) -> None:
        self.equal: dict[int, frozenset[int]] = {}
        self.not_in: dict[int, frozenset[int]] = {}
        self.regex: list[tuple[int, re.Pattern]] = []


class _Index:
    """The ruler's patterns as token specs found by lookup; patterns with operators or other
    predicates stay in a Matcher. `match` returns what `AttributeRuler.match` returns."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = self.strings = ruler.vocab.strings
        self.rest = Matcher(ruler.vocab, validate=ruler.validate)
        specs: list[_Spec] = []
        #: per pattern: (pattern index, match id, its specs' ids in token order)
        self.patterns: list[tuple[int, int, tuple[int, ...]]] = []
        for i in range(len(ruler.attrs)):
            key = str(i)
            match_id = strings.add(key)
            complex_ = []
            for pattern in ruler.matcher.get(key)[1]:
                parsed = [_spec(token, strings) for token in pattern]
                if not parsed or any(p is None for p in parsed):
                    complex_.append(pattern)
                    continue
                ids = tuple(range(len(specs), len(specs) + len(parsed)))
                specs.extend(p for p in parsed if p is not None)
                self.patterns.append((i, match_id, ids))
            if complex_:
                self.rest.add(key, complex_)
        self.attrs = sorted({a for sp in specs for a in (*sp.equal, *sp.not_in, *(r[0] for r in sp.regex))})
        col = {a: k for k, a in enumerate(self.attrs)}
        # specs found by the values of the attributes they fix (one table per attribute set)
        tables: dict[tuple[int, ...], dict[tuple[int, ...], list[int]]] = {}
        for n, sp in enumerate(specs):
            cols = tuple(sorted(col[a] for a in sp.equal))
            table = tables.setdefault(cols, {})
            for values in itertools.product(*(sorted(sp.equal[self.attrs[c]]) for c in cols)):
                table.setdefault(values, []).append(n)
        self.tables = list(tables.items())
        self.checks = {n: ([(col[a], v) for a, v in sp.not_in.items()], [(col[a], rx) for a, rx in sp.regex])
                       for n, sp in enumerate(specs) if sp.not_in or sp.regex}
        self.starts: dict[int, list[tuple[int, int, tuple[int, ...]]]] = {}  # first spec -> patterns
        for pat in self.patterns:
            self.starts.setdefault(pat[2][0], []).append(pat)
        self.memo: dict[tuple, frozenset[int]] = {}

    def _satisfied(self, row: tuple) -> frozenset[int]:
        """The specs a token with these attribute values satisfies."""
        found = []
        for cols, table in self.tables:
            found += table.get(tuple(row[c] for c in cols), ())
        checks = self.checks
        if checks:
            found = [n for n in found if n not in checks or self._passes(row, *checks[n])]
        return frozenset(found)

    def _passes(self, row: tuple, not_in: list[tuple[int, frozenset[int]]], regex: list[tuple[int, re.Pattern]]) -> bool:
        return (all(row[c] not in values for c, values in not_in)
                and all(rx.search(self.strings[row[c]]) for c, rx in regex))

    def match(self, doc: Doc) -> list[Match]:
        found: set[Match] = set()  # a Matcher reports a key once per span
        if self.patterns and len(doc):
            memo = self.memo
            if len(memo) > MEMO_SIZE:
                memo.clear()
            sat = []
            if self.attrs:
                values = doc.to_array(self.attrs).reshape(len(doc), len(self.attrs))  # (one attribute: 1-d)
                rows = map(tuple, values.tolist())
            else:
                rows = iter([()] * len(doc))  # only wildcard tokens ('[{}]'): nothing to read
            for row in rows:
                hits = memo.get(row)
                if hits is None:
                    hits = memo[row] = self._satisfied(row)
                sat.append(hits)
            n = len(sat)
            starts = self.starts
            for start, hits in enumerate(sat):
                for spec in hits:
                    for i, match_id, ids in starts.get(spec, ()):
                        end = start + len(ids)
                        if end <= n and all(ids[k] in sat[start + k] for k in range(1, len(ids))):
                            found.add((i, match_id, start, end))
        if len(self.rest):
            strings = self.strings
            found.update((int(strings[m]), m, s, e) for m, s, e in self.rest(doc, allow_missing=True, as_spans=False))
        return sorted(found)


def _spec(token: dict, strings: Any) -> Optional[_Spec]:
    """One pattern token as a `_Spec`, or None when it needs the Matcher (operators, other
    predicates, attributes `Doc.to_array` does not read as the Matcher does)."""
    spec = _Spec()
    for key, value in token.items():
        if isinstance(key, str) and key.upper() == "OP":
            return None
        try:
            attr = intify_attr(key)
        except (KeyError, ValueError):
            return None
        if attr is None or attr not in INDEXED_ATTRS:
            return None
        if isinstance(value, dict):
            if len(value) != 1:
                return None
            (pred, arg), = value.items()
            if pred in ("IN", "NOT_IN") and isinstance(arg, (list, tuple)):
                ids = frozenset(_value_id(v, strings) for v in arg)
                if None in ids:
                    return None
                if pred == "IN":
                    spec.equal[attr] = ids  # type: ignore[assignment]
                else:
                    spec.not_in[attr] = ids  # type: ignore[assignment]
            elif pred == "REGEX" and isinstance(arg, str) and attr not in FLAGS:
                spec.regex.append((attr, re.compile(arg)))
            else:
                return None
        else:
            v = _value_id(value, strings)
            if v is None:
                return None
            spec.equal[attr] = frozenset({v})
    return spec


def _value_id(value: Any, strings: Any) -> Optional[int]:
    """The id the Matcher compares a token's attribute with ('' is 0, a flag is 0 or 1)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return strings.add(value) if value else 0
    if isinstance(value, int):
        return value
    return None


def swap_in(nlp: Language, name: str, factory: str) -> bool:
    """Replace the base pipeline's AttributeRuler `name` by one made with `factory` (an
    `IndexedAttributeRuler`), same name, place and patterns. False when there is nothing to
    swap: no such component, not an AttributeRuler, or already swapped."""
    if name not in nlp.pipe_names:
        return False
    old = nlp.get_pipe(name)
    if not isinstance(old, AttributeRuler) or isinstance(old, IndexedAttributeRuler):
        return False
    patterns = old.patterns
    new = nlp.replace_pipe(name, factory, config={"validate": old.validate})
    if not isinstance(new, AttributeRuler):
        raise TypeError(f"factory {factory!r} made a {type(new).__name__}, not an AttributeRuler")
    new.add_patterns(patterns)
    return True
