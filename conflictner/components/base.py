"""Shared machinery of the rule components: rule data that is loaded, saved and reloaded.

Each component declares the JSONL files it reads (`files`: filename -> line model). The
constructor only records where the data is; `initialize()` (or the first call) reads and
validates it, `to_disk`/`from_disk` save and restore the exact rules a pipeline ran with,
so a saved pipeline never depends on the package's current data.
"""

from __future__ import annotations

import bisect
import functools
import weakref
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, ClassVar, Optional

import numpy
import srsly
from pydantic import BaseModel
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_SPACE,
    IS_TITLE,
    LEMMA,
    LENGTH,
    LIKE_NUM,
    LOWER,
    NORM,
    ORTH,
    POS,
    SHAPE,
    TAG,
)
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import ensure_path
from spacy.vocab import Vocab

from ..rules import data_dir, dump_jsonl, read_jsonl


class RuleComponent:
    """Base class: holds validated rule lists per file and (de)serializes them."""

    #: subfolder of models/en_conflict and the files in it
    folder: ClassVar[str] = ""
    files: ClassVar[dict[str, type[BaseModel]]] = {}

    def __init__(self, nlp: Language, name: str, *, data_path: Optional[str] = None) -> None:
        self.nlp = nlp
        self.name = name
        self.data_path = data_path
        self.rules: dict[str, list[Any]] = {}
        self._ready = False

    # -- loading -------------------------------------------------------------------------
    def _source_dir(self) -> Path:
        if self.data_path:
            return Path(self.data_path)
        return data_dir() / self.folder

    def initialize(
        self,
        get_examples: Any = None,
        *,
        nlp: Optional[Language] = None,
        data_path: Optional[str] = None,
    ) -> None:
        """Read the rule files (bundled data unless `data_path` names another folder)."""
        if data_path:
            self.data_path = data_path
        self._load_dir(self._source_dir())

    def _load_dir(self, path: Path) -> None:
        rules = {}
        for fname, model in self.files.items():
            fpath = path / fname
            rules[fname] = read_jsonl(fpath, model) if fpath.exists() else []
        self.rules = rules
        self._compile()
        self._ready = True

    def _compile(self) -> None:
        """Build matchers and indexes from `self.rules`; subclasses override."""

    def _ensure_ready(self) -> None:
        if not self._ready:
            self.initialize()

    def __call__(self, doc: Doc) -> Doc:
        self._ensure_ready()
        return self.process(doc)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def process(self, doc: Doc) -> Doc:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- serialization -------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self._ensure_ready()
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        for fname, entries in self.rules.items():
            dump_jsonl(entries, path / fname)
        srsly.write_json(path / "cfg.json", {"files": sorted(self.rules)})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RuleComponent:
        self._load_dir(ensure_path(path))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        self._ensure_ready()
        payload = {
            fname: [e.model_dump(mode="json", exclude_none=True) for e in entries]
            for fname, entries in self.rules.items()
        }
        return srsly.msgpack_dumps(payload)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> RuleComponent:
        payload = srsly.msgpack_loads(data)
        self.rules = {
            fname: [self.files[fname].model_validate(x) for x in entries]
            for fname, entries in payload.items()
            if fname in self.files
        }
        self._compile()
        self._ready = True
        return self


#: words too common to anchor a window on: a pattern is anchored on a later token instead
#: ("the next day" on "next"), else every "the" in a text would open a window
COMMON_WORDS = frozenset(
    "a an the one two three four five from since between last late early in on at of to by and or "
    "for with after before during until".split()
)


class _Columns(dict):
    """attribute -> the Doc's column of it as a list, read when first asked for."""

    def __init__(self, doc: Doc) -> None:
        super().__init__()
        self.doc = doc

    def __missing__(self, attr: int) -> list[int]:
        col = self[attr] = column_list(self.doc, attr)
        return col

    def present(self, attr: int) -> frozenset[int]:
        """The values of the column (which words the Doc holds)."""
        return column_set(self.doc, attr)


class _SimplePatterns:
    """Matcher patterns made of single and optional ('?') tokens that test word attributes for
    equality or membership, matched in Python over the attribute columns of the Doc. Finds the
    same (start, end) pairs as spaCy's Matcher (which follows both branches of every '?' and
    drops repeats), without the Token object the Matcher creates per word of every text it is
    run on, nor its per-call overhead: run on many short windows, those are most of its cost.
    Each pattern is tried only where its anchor (a required token on a word form) occurs."""

    ATTRS = {"LOWER": LOWER, "LEMMA": LEMMA, "ORTH": ORTH, "POS": POS, "TAG": TAG, "IS_TITLE": IS_TITLE,
             "LIKE_NUM": LIKE_NUM}
    #: attributes whose values can anchor a pattern
    INDEXED = (LOWER, LEMMA, ORTH)

    Spec = tuple[bool, tuple[tuple[int, frozenset[int]], ...]]  # (optional, ((attr, allowed ids), ...))

    def __init__(self, patterns: list[tuple[int, list[Spec], tuple[int, frozenset[int], int, int]]]) -> None:
        """patterns: (key, token specs, anchor: (attribute, ids, least and most tokens before it))."""
        self.patterns = patterns
        # the word tests every match passes: a Doc without such a word cannot match the pattern
        self.required = [[(a, ids) for optional, tests in specs if not optional for a, ids in tests
                          if a in self.INDEXED] for _, specs, _ in patterns]

    @classmethod
    def compile(cls, vocab: Vocab, patterns: list[tuple[str, list[dict[str, Any]]]]) -> Optional[_SimplePatterns]:
        """The patterns compiled, or None if one uses anything else (another operator or
        attribute, a predicate other than IN) or has no required token on a word form."""
        out = []
        for key, pattern in patterns:
            specs = []
            anchors = []  # (common words among the values, number of values, position, attr, ids)
            for pos, tok in enumerate(pattern):
                op = tok.get("OP")
                if op not in (None, "?"):
                    return None
                tests = []
                for name, value in tok.items():
                    if name == "OP":
                        continue
                    attr = cls.ATTRS.get(name)
                    if attr is None:
                        return None
                    if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
                        words = list(value["IN"])
                    elif isinstance(value, bool):
                        tests.append((attr, frozenset({int(value)})))
                        continue
                    elif isinstance(value, str):
                        words = [value]
                    else:
                        return None
                    ids = frozenset(get_string_id(v) for v in words)
                    tests.append((attr, ids))
                    if op is None and attr in cls.INDEXED:
                        common = sum(w.lower() in COMMON_WORDS for w in words)
                        anchors.append((common, len(words), pos, attr, ids))
                specs.append((op == "?", tuple(tests)))
            if not anchors:
                return None
            _, _, pos, attr, ids = min(anchors, key=lambda x: x[:3])
            least = sum(not optional for optional, _ in specs[:pos])
            out.append((vocab.strings.add(key), specs, (attr, ids, least, pos)))
        return cls(out)

    def possible(self, cols: _Columns) -> set[int]:
        """The patterns whose required words all occur in the Doc (most of a list of idioms
        cannot match a given text)."""
        present: dict[int, frozenset[int]] = {}
        out = set()
        for k, required in enumerate(self.required):
            for a, ids in required:
                if a not in present:
                    present[a] = cols.present(a)
                if present[a].isdisjoint(ids):
                    break
            else:
                out.add(k)
        return out

    def anchors(self, cols: _Columns, allowed: set[int]) -> dict[int, list[int]]:
        """pattern -> the token indices of the Doc where its anchor occurs."""
        out = {}
        for k in sorted(allowed):
            attr, ids, _, _ = self.patterns[k][2]
            col = cols[attr]
            at: list[int] = []
            # list.index scans in C: only the anchor words the Doc holds, each a few times
            for v in ids & cols.present(attr):
                t = col.index(v)
                while True:
                    at.append(t)
                    try:
                        t = col.index(v, t + 1)
                    except ValueError:
                        break
            at.sort()
            out[k] = at
        return out

    def __call__(self, cols: _Columns, start: int, end: int,
                 anchors: dict[int, list[int]]) -> list[tuple[int, int, int]]:
        """(key, start, end) of every match inside tokens [start, end) of the patterns in
        `anchors` (from `anchors()`), grouped by pattern."""
        out: list[tuple[int, int, int]] = []
        for k, at in anchors.items():
            key, specs, (_, _, least, most) = self.patterns[k]
            starts: set[int] = set()
            for t in at[bisect.bisect_left(at, start + least):bisect.bisect_left(at, end)]:
                starts.update(range(max(start, t - most), t - least + 1))
            for s in sorted(starts):
                out += [(key, s, e) for e in sorted(self._ends(specs, cols, s, end))]
        return out

    @staticmethod
    def _ends(specs: list[Spec], cols: _Columns, i: int, end: int) -> set[int]:
        """Ends of the matches of `specs` that start at token i and end by `end`."""
        ends: set[int] = set()
        states = [(0, i)]  # (pattern position, token position)
        n = len(specs)
        while states:
            p, t = states.pop()
            if p == n:
                if t > i:
                    ends.add(t)
                continue
            optional, tests = specs[p]
            if t < end and all(cols[a][t] in ids for a, ids in tests):
                states.append((p + 1, t + 1))
            if optional:
                states.append((p + 1, t))
        return ends


class WindowedMatcher:
    """A spaCy Matcher run only on short windows around the tokens that can anchor a pattern.

    The Matcher's cost grows with patterns x tokens; most of a news text cannot start any of
    our patterns. Each pattern is anchored on its first required token with indexable values
    (LOWER/LEMMA/ORTH/SHAPE values, or an ENT_TYPE) that are not all-too-common words, preceded
    only by single or optional tokens; a window opens that many tokens before each anchor hit.
    If a pattern has no such token, the whole Doc is matched. Matches are the same as the plain
    Matcher's on the whole Doc."""

    ATTRS = {"LOWER": LOWER, "LEMMA": LEMMA, "ORTH": ORTH, "ENT_TYPE": ENT_TYPE, "SHAPE": SHAPE}

    def __init__(self, vocab: Vocab, patterns: list[tuple[str, list[dict[str, Any]]]],
                 prefer: Optional[set[str]] = None, sieve: bool = False, prefilter: bool = False) -> None:
        """prefer: words to anchor on when a pattern has a token that can be one of them (the
        attack word of a non-trigger phrase: 'strike' in 'went on strike'), so no window opens
        at the pattern's commoner words ('went', 'day').
        sieve: run only the patterns whose every required word occurs in the Doc (most of a
        list of idioms cannot match a given text), in Python when they are simple enough
        (`_SimplePatterns`), else each through a Matcher of its own (the Matcher's cost grows
        with its patterns); the matches then come grouped by pattern, not in the Matcher's
        order, so only callers that do not depend on the order use it.
        prefilter: skip a window unless, for some pattern anchored on one of its words, every
        word the pattern requires (`_needs`) occurs in the window: most windows open at a word
        ('from', a weekday) whose pattern needs a DATE or TIME entity the window lacks, and
        the Matcher's call on a window costs far more than the test."""
        self.matcher = Matcher(vocab, validate=True)
        self.sieve: Optional[list[tuple[list[tuple[int, frozenset[int]]], Matcher]]] = None
        # the sieve's matches need no order: simple patterns are matched in Python
        self.simple = _SimplePatterns.compile(vocab, patterns) if sieve else None
        # without preferred words the windows hold every match: matching the whole Doc finds the same
        self.complete = prefer is None
        if sieve and self.simple is None:
            self.sieve = []
            for key, pattern in patterns:
                single = Matcher(vocab, validate=True)
                single.add(key, [pattern])
                self.sieve.append((self._required(pattern), single))
        self.window = 1
        self.lookback = 0
        anchors: Optional[dict[str, set[str]]] = {a: set() for a in self.ATTRS}
        #: (attribute, anchor value) -> the words each pattern anchored on it requires
        by_anchor: dict[tuple[int, int], list[list[tuple[int, frozenset[int]]]]] = {}
        for key, pattern in patterns:
            self.matcher.add(key, [pattern])
            self.window = max(self.window, len(pattern) + 4)
            found = (self._preferred(pattern, prefer) if prefer else None) or (
                self._anchor(pattern) if anchors is not None else None)
            if found is None:
                anchors = None
                continue
            pos, attr, values = found
            anchors[attr].update(values)
            self.lookback = max(self.lookback, pos)
            needs = self._needs(pattern)
            for v in values:
                by_anchor.setdefault((self.ATTRS[attr], get_string_id(v)), []).append(needs)
        self.start_keys = None if anchors is None else {
            self.ATTRS[a]: _hashes(frozenset(ws)) for a, ws in anchors.items() if ws
        }
        # (only for the plain Matcher over windows, whose anchors hold every match)
        self.by_anchor = by_anchor if prefilter and prefer is None and not sieve and anchors is not None else None
        #: the columns the pre-filter reads: the anchors' and those the requirements test
        self.prefilter_attrs = sorted(set(self.start_keys or ()) | {
            a for lists in by_anchor.values() for needs in lists for a, _ in needs})

    @classmethod
    def _needs(cls, pattern: list[dict[str, Any]]) -> list[tuple[int, frozenset[int]]]:
        """(attribute, ids) of each token of `pattern` that every match holds (no operator, or
        '+') and whose LOWER/LEMMA/ORTH/ENT_TYPE/SHAPE must be one of a list of values."""
        out = []
        for tok in pattern:
            if tok.get("OP") not in (None, "+"):
                continue
            for name, attr in cls.ATTRS.items():
                vals = tok.get(name)
                if isinstance(vals, dict) and set(vals) == {"IN"}:
                    vals = vals["IN"]
                if isinstance(vals, str):
                    vals = [vals]
                if isinstance(vals, list) and vals and all(isinstance(v, str) for v in vals):
                    out.append((attr, frozenset(get_string_id(v) for v in vals)))
        return out

    def _may_match_cols(self, cols: dict[int, list[int]], anchor_cols: dict[int, list[int]], hits: list[int],
                        ws: int, we: int) -> bool:
        """Whether a pattern anchored on one of the window's anchor `hits` can match inside
        tokens [ws, we): all the words it requires occur there."""
        by_anchor = self.by_anchor
        present: dict[int, set[int]] = {}
        for i in hits:
            for attr, col in anchor_cols.items():
                for needs in by_anchor.get((attr, col[i]), ()):
                    for a, ids in needs:
                        words = present.get(a)
                        if words is None:
                            words = present[a] = set(cols[a][ws:we])
                        if words.isdisjoint(ids):
                            break
                    else:
                        return True
        return False

    @classmethod
    def _anchor(cls, pattern: list[dict[str, Any]]) -> Optional[tuple[int, str, list[str]]]:
        """(position, attribute, values) of the token to anchor `pattern` on, or None."""
        fallback = None
        for pos, tok in enumerate(pattern):
            op = tok.get("OP")
            attr = next((a for a in cls.ATTRS if a in tok), None)
            vals = tok.get(attr) if attr else None
            if isinstance(vals, dict) and set(vals) == {"IN"}:
                vals = vals["IN"]
            if op is None and attr is not None and isinstance(vals, (str, list)):
                values = [vals] if isinstance(vals, str) else list(vals)
                if attr == "ENT_TYPE" or not any(str(v).lower() in COMMON_WORDS for v in values):
                    return pos, attr, values
                fallback = fallback or (pos, attr, values)
            if op not in (None, "?"):
                break  # a repeated token before the anchor: its offset is unbounded
        return fallback

    @classmethod
    def _preferred(cls, pattern: list[dict[str, Any]], prefer: set[str]) -> Optional[tuple[int, str, list[str]]]:
        """The first token that can be one of the `prefer` words (preceded only by single or
        optional tokens), anchored on those of its values that are: a match whose token there is
        none of them is not looked for (with `prefer`, only matches that hold a preferred word
        at their anchor are found)."""
        for pos, tok in enumerate(pattern):
            attr = next((a for a in ("LOWER", "LEMMA", "ORTH") if a in tok), None)
            vals = tok.get(attr) if attr else None
            if isinstance(vals, dict) and set(vals) == {"IN"}:
                vals = vals["IN"]
            values = [vals] if isinstance(vals, str) else list(vals) if isinstance(vals, list) else []
            wanted = [v for v in values if str(v).lower() in prefer]
            if tok.get("OP") is None and wanted:
                return pos, attr, wanted
            if tok.get("OP") not in (None, "?"):
                return None
        return None

    @classmethod
    def _required(cls, pattern: list[dict[str, Any]]) -> list[tuple[int, frozenset[int]]]:
        """(attribute, ids) of each token of `pattern` that every match holds and that must be
        one of a list of words (LOWER/LEMMA/ORTH): a Doc with none of those words cannot match."""
        out = []
        for tok in pattern:
            if tok.get("OP") not in (None, "+"):
                continue
            for name in ("LOWER", "LEMMA", "ORTH"):
                vals = tok.get(name)
                if isinstance(vals, dict) and set(vals) == {"IN"}:
                    vals = vals["IN"]
                if isinstance(vals, str):
                    vals = [vals]
                if isinstance(vals, list) and all(isinstance(v, str) for v in vals):
                    out.append((cls.ATTRS[name], frozenset(get_string_id(v) for v in vals)))
        return out

    def _possible(self, doc: Doc) -> list[Matcher]:
        """The single-pattern matchers of the sieve whose required words all occur in `doc`."""
        words: dict[int, set[int]] = {}
        out = []
        for required, matcher in self.sieve or ():
            for attr, ids in required:
                if attr not in words:
                    words[attr] = set(column(doc, attr).tolist())
                if words[attr].isdisjoint(ids):
                    break
            else:
                out.append(matcher)
        return out

    def __len__(self) -> int:
        return len(self.matcher)

    def __call__(self, doc: Doc, covering: Optional[Sequence[int]] = None) -> list[tuple[int, int, int]]:
        """covering: sorted token indices; when given, windows that hold none of them are not
        matched (their matches cannot hold those tokens), so a caller that only asks which of
        a few tokens a match covers pays for the windows around them alone."""
        simple = self.simple
        if simple is not None:
            matchers: list[Matcher] = []
            cols = _Columns(doc)
            allowed = simple.possible(cols) if len(doc) else set()
            if not allowed:
                return []
            anchors = simple.anchors(cols, allowed)
            if self.complete and covering is None:
                return simple(cols, 0, len(doc), anchors)
        else:
            matchers = [self.matcher] if self.sieve is None else self._possible(doc)
            if not matchers:
                return []
        if self.start_keys is None or not len(doc):
            if simple is not None:
                return simple(cols, 0, len(doc), anchors)
            return [m for matcher in matchers for m in matcher(doc)]
        hits = numpy.zeros(len(doc), dtype=bool)
        for attr, keys in self.start_keys.items():
            hits |= is_in(column(doc, attr), keys)
        windows: list[tuple[int, int]] = []
        at: list[list[int]] = []  # the anchor hits of each window
        for i in numpy.flatnonzero(hits).tolist():
            start, end = max(0, i - self.lookback), min(len(doc), i + self.window)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
                at[-1].append(i)
            else:
                windows.append((start, end))
                at.append([i])
        prefilter = self.by_anchor is not None and simple is None
        if prefilter:
            wcols = {a: column_list(doc, a) for a in self.prefilter_attrs}
            anchor_cols = {a: wcols[a] for a in self.start_keys}
        out = []
        for (ws, we), hit_at in zip(windows, at, strict=True):
            if covering is not None:
                k = bisect.bisect_left(covering, ws)
                if k == len(covering) or covering[k] >= we:
                    continue
            if prefilter and not self._may_match_cols(wcols, anchor_cols, hit_at, ws, we):
                continue
            if simple is not None:
                out += simple(cols, ws, we, anchors)
                continue
            window = doc[ws:we]
            for matcher in matchers:
                out += [(mid, ws + s, ws + e) for mid, s, e in matcher(window)]
        return out


def span_of(doc: Doc, start: int, end: int) -> Span:
    """`doc[start:end]`, without the Python-level slice normalization spaCy runs on every slice
    (it costs several times the Span itself); bounds out of range still go through it."""
    if 0 <= start <= end <= len(doc):
        return Span(doc, start, end)
    return doc[start:end]


def path_to_root(tok: Token) -> list[Token]:
    """The token and its heads up to the root of its sentence (bounded against loops)."""
    doc = tok.doc
    return [doc[i] for i in parse_of(doc).path(tok.i)]


class _Children:
    """Token index -> its children's indices, ascending as `Token.children` yields them. Kept
    as one flat list and its offsets, not a list per token: a few hundred small lists per
    Doc, alive while a batch of Docs is processed, would be promoted through the collector's
    generations and bring on full collections."""

    __slots__ = ("_kids", "_starts")

    def __init__(self, heads: numpy.ndarray) -> None:
        """heads: the head index of each token (a root is its own head)."""
        n = len(heads)
        idx = numpy.flatnonzero(heads != numpy.arange(n))
        of = heads[idx]
        # by head, then by index (a stable sort of the tokens, which come in index order)
        self._kids: list[int] = idx[numpy.argsort(of, kind="stable")].tolist()
        starts = numpy.zeros(n + 1, dtype="int64")
        numpy.cumsum(numpy.bincount(of, minlength=n), out=starts[1:])
        self._starts: list[int] = starts.tolist()

    def __getitem__(self, i: int) -> list[int]:
        return self._kids[self._starts[i] : self._starts[i + 1]]


class Parse:
    """The parse of one Doc as plain Python lists (head index, dependency label, children, and
    the word forms the rules test), read once per Doc. Walking the tree through Token objects
    (`tok.head`, `tok.children`) creates a new Token at every step, which costs more than most
    rules themselves; the lists answer the same questions without any. Holds no reference to
    the Doc, so it can be cached weakly on it. The word forms are plain attributes, not
    properties: the rules read them tens of thousands of times per batch."""

    __slots__ = ("n", "head", "dep", "children", "lower", "lemma", "pos", "tag", "_strings", "_paths")

    def __init__(self, doc: Doc) -> None:
        n = self.n = len(doc)
        self._strings = doc.vocab.strings
        rel = doc.to_array([HEAD]).astype("int64").reshape(n)  # HEAD is an offset from the token
        heads = rel + numpy.arange(n)
        self.head: list[int] = heads.tolist()
        self.dep: list[str] = self._decode(doc.to_array([DEP]).reshape(n))
        self.children = _Children(heads)
        self.lower: list[str] = self._decode(column_list(doc, LOWER))
        self.lemma: list[str] = self._decode(column_list(doc, LEMMA))
        self.pos: list[str] = self._decode(column_list(doc, POS))
        self.tag: list[str] = self._decode(column_list(doc, TAG))
        self._paths: dict[int, tuple[int, ...]] = {}

    def _decode(self, ids: numpy.ndarray | list[int]) -> list[str]:
        if isinstance(ids, numpy.ndarray):
            ids = ids.tolist()
        names = _NAMES
        words = list(map(names.get, ids))  # most words were met in earlier texts
        if None in words:
            if len(names) > 500_000:
                names.clear()  # bounded: a long-running process meets ever new words
            strings = self._strings
            for k, w in enumerate(words):
                if w is None:
                    w = words[k] = names[ids[k]] = strings[ids[k]]
        return words

    def conjuncts(self, i: int) -> list[int]:
        """Token.conjuncts of token `i`: the tokens coordinated with it, itself left out."""
        head, dep = self.head, self.dep
        start = i
        while head[start] != start and dep[start] == "conj":
            start = head[start]
        out = [start]
        for word in out:
            out += [c for c in self.children[word] if c > word and dep[c] == "conj"]
        return [w for w in out if w != i]

    def path(self, i: int) -> tuple[int, ...]:
        """Token `i` and its heads up to the root of its sentence, as `path_to_root` walks them
        (at most 50 tokens, against loops); remembered, since rules ask for the same paths."""
        path = self._paths.get(i)
        if path is None:
            head = self.head
            out = [i]
            while head[out[-1]] != out[-1] and len(out) < 50:
                out.append(head[out[-1]])
            path = self._paths[i] = tuple(out)
        return path


#: string of each id met (ids are hashes of the strings, the same in every vocab)
_NAMES: dict[int, str] = {}
_PARSES: weakref.WeakKeyDictionary[Doc, Parse] = weakref.WeakKeyDictionary()


def parse_of(doc: Doc, fresh: bool = False) -> Parse:
    """The Parse of `doc`, read once (afresh when the Doc's length changed, or when `fresh`: a
    component that relies on it reads it anew when it starts, in case an earlier one reparsed)."""
    parse = _PARSES.get(doc)
    if fresh or parse is None or parse.n != len(doc):
        parse = _PARSES[doc] = Parse(doc)
    return parse


def release(doc: Doc) -> None:
    """Drop what our components keep for `doc`: its cached parse and columns and every
    extension value (records, attributions), once its `Extraction` is built. `nlp.pipe` holds
    a whole batch of Docs until the batch is done, so without this each built Doc's records
    would outlive it by a batch and be promoted to the collector's oldest generation, whose
    full collections then walk the whole heap."""
    _PARSES.pop(doc, None)
    _COLUMNS.pop(doc, None)
    doc.user_data.clear()


def token_indices(doc: Doc, attr: int, values: Iterable[str]) -> list[int]:
    """Indices of the tokens whose `attr` (spacy.attrs LOWER, LEMMA, ORTH) is one of `values`.
    One vectorized pass: looping over a Doc in Python creates a Token object per token, which
    costs more than most of our rules."""
    if not len(doc):
        return []
    return numpy.flatnonzero(is_in(column(doc, attr), _hashes(frozenset(values)))).tolist()


#: token attributes that no component changes once the base pipeline has run (tokenization,
#: tags, lemmas, and the flags and length of the word itself): their columns are read from the
#: Doc once and shared by every rule
STABLE_ATTRS = frozenset({ORTH, LOWER, NORM, SHAPE, LEMMA, POS, TAG, IDX, IS_SPACE, LENGTH, IS_TITLE, LIKE_NUM})
_COLUMNS: weakref.WeakKeyDictionary[Doc, tuple[int, dict[Any, Any]]] = weakref.WeakKeyDictionary()


def column(doc: Doc, attr: int) -> numpy.ndarray:
    """`doc.to_array(attr)` as uint64, read once per Doc for the attributes in STABLE_ATTRS
    (our components run the same lookups many times; a Doc whose length changed, e.g. by
    retokenizing, is read afresh). Other attributes (ENT_TYPE, SENT_START) are read each time.
    The array is shared: do not modify it."""
    if attr not in STABLE_ATTRS:
        return doc.to_array([attr]).astype("uint64").reshape(len(doc))
    n = len(doc)
    cached = _COLUMNS.get(doc)
    if cached is None or cached[0] != n:
        cached = (n, {})
        _COLUMNS[doc] = cached
    col = cached[1].get(attr)
    if col is None:
        col = doc.to_array([attr]).astype("uint64").reshape(n)
        col.flags.writeable = False
        cached[1][attr] = col
    return col


def column_list(doc: Doc, attr: int) -> list[int]:
    """`column(doc, attr)` as a list, kept with it for the attributes in STABLE_ATTRS (the
    pattern sieves of several rules read the same ones). Shared: do not modify it."""
    if attr not in STABLE_ATTRS:
        return column(doc, attr).tolist()
    col = column(doc, attr)  # (also renews the Doc's entry when its length changed)
    store = _COLUMNS[doc][1]
    out = store.get(("list", attr))
    if out is None:
        out = store[("list", attr)] = col.tolist()
    return out


def column_set(doc: Doc, attr: int) -> frozenset[int]:
    """The distinct values of `column(doc, attr)`, kept like `column_list`."""
    if attr not in STABLE_ATTRS:
        return frozenset(column(doc, attr).tolist())
    column(doc, attr)
    store = _COLUMNS[doc][1]
    out = store.get(("set", attr))
    if out is None:
        out = store[("set", attr)] = frozenset(column_list(doc, attr))
    return out


def is_in(column: numpy.ndarray, sorted_values: numpy.ndarray) -> numpy.ndarray:
    """`numpy.isin` for a sorted lookup array, by binary search: an order of magnitude faster
    on the few hundred tokens of a news text, where isin's sorting and merging dominate."""
    if not len(sorted_values):
        return numpy.zeros(len(column), dtype=bool)
    pos = sorted_values.searchsorted(column)
    pos[pos == len(sorted_values)] = 0
    return sorted_values[pos] == column


@functools.lru_cache(maxsize=256)
def _hashes(values: frozenset[str]) -> numpy.ndarray:
    """The ids spaCy stores for `values`: symbol ids for built-in labels, else the string hash."""
    return numpy.array(sorted(get_string_id(v) for v in values), dtype="uint64")


def span_record(start: int, end: int) -> list[int]:
    """A mention as stored on the Doc: [start_char, end_char]."""
    return [int(start), int(end)]


def positions(ids: list[int], wanted: Iterable[int]) -> list[int]:
    """The ascending positions in `ids` of the values `wanted` (each looked for with
    `list.index`, a C scan: far cheaper than a Python loop when few tokens match)."""
    out: list[int] = []
    for w in wanted:
        i = -1
        try:
            while True:
                i = ids.index(w, i + 1)
                out.append(i)
        except ValueError:
            pass
    out.sort()
    return out


class CharIndex:
    """Character offsets -> token bounds, as `Doc.char_span(..., alignment_mode="expand")`
    finds them (the same binary search over token offsets), without the Span and the Tokens
    char_span creates; and token character ends without a Token."""

    __slots__ = ("doc", "idx", "length", "text_end")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.idx: list[int] = column_list(doc, IDX)  # shared: never modified
        self.length: list[int] = column(doc, LENGTH).tolist()
        self.text_end = self.idx[-1] + self.length[-1] + len(doc[-1].whitespace_) if len(doc) else 0

    def end(self, k: int) -> int:
        """Character end of token k (Span.end_char of a span ending with it)."""
        return self.idx[k] + self.length[k]

    def _token(self, char: int) -> int:
        """The token whose text or trailing space holds `char`, or -1 (tokens and their
        trailing spaces tile the text)."""
        if char < 0 or char >= self.text_end:
            return -1
        return bisect.bisect_right(self.idx, char) - 1

    def expand(self, start_char: int, end_char: int) -> Optional[tuple[int, int]]:
        """(start, end) of `doc.char_span(start_char, end_char, alignment_mode="expand")`, or None."""
        start = self._token(start_char)
        if start < 0:
            return None
        end = self._token(end_char - 1)
        if end < 0:
            return None
        if start_char > self.idx[start] and start_char == self.end(start):
            start += 1  # on the trailing space of a token: the span starts after it
        if start > end + 1:  # no valid Span: let spaCy decide
            span = self.doc.char_span(start_char, end_char, alignment_mode="expand")
            return None if span is None else (span.start, span.end)
        return start, end + 1
