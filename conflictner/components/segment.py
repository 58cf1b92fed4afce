"""Paragraph-aware sentence starts, set before the parser.

News text arrives with headlines, photo credits and "Advertisement" lines separated by blank
lines. The statistical parser happily glues them onto the next sentence, which wrecks the
dependency tree that every later component reads. A line break is a hard boundary in
newswire, so we mark the token after it as a sentence start; the parser keeps preset starts.
So is the dash after a wire dateline ("PESHAWAR, Pakistan (Reuters) - A suicide bomber ..."):
glued to the lead, the dateline's town and agency become the subject of its first verb.
"""

from __future__ import annotations

import re
from typing import Optional

import numpy
from spacy.attrs import IDX, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .places import DATELINE_RE

#: runs of whitespace holding at least one line break
_NEWLINES = re.compile(r"[^\S\n]*\n\s*")


@Language.factory(
    "conflictner_segmenter",
    assigns=["token.is_sent_start"],
    default_config={"min_newlines": 1},
)
def make_segmenter(nlp: Language, name: str, *, min_newlines: int) -> LineBreakSegmenter:
    return LineBreakSegmenter(min_newlines=min_newlines)


class LineBreakSegmenter:
    """Start a sentence after every whitespace run with at least `min_newlines` newlines, and
    never right after a comma or semicolon."""

    def __init__(self, *, min_newlines: int = 1) -> None:
        self.min_newlines = min_newlines

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2:
            return doc
        # vectorized: newline positions in the text and comma tokens, mapped to the tokens
        # after them (a Python loop over the Doc would build a Token object per token); the
        # columns are read in one `to_array`
        cols = doc.to_array([ORTH, IDX, IS_SPACE, SENT_START])
        orth = cols[:, 0]
        starts = cols[:, 1].astype("int64")
        strings = doc.vocab.strings
        commas = (orth == strings.add(",")) | (orth == strings.add(";"))
        after_comma = numpy.flatnonzero(commas[:-1]) + 1
        spaces = cols[:, 2].astype(bool)
        # the starts are written back in one `from_array`: setting `Token.is_sent_start` token
        # by token builds a Token object for each
        sent_start = cols[:, 3].astype("int32")
        after_comma = after_comma[~spaces[after_comma]]
        sent_start[after_comma] = -1
        text = doc.text
        newline_at = [m.start() for m in _NEWLINES.finditer(text)] if self.min_newlines <= 1 else [
            m.start() for m in _NEWLINES.finditer(text) if m.group().count("\n") >= self.min_newlines]
        if newline_at:
            after = numpy.searchsorted(starts, numpy.array(newline_at), side="right")
            for i in sorted(set(after.tolist())):
                while i < len(doc) and spaces[i]:
                    i += 1  # the sentence starts at the first word after the break
                if 0 < i < len(doc):
                    sent_start[i] = 1
        lead = _after_dateline(doc, text, starts, newline_at)
        if lead is not None:
            sent_start[lead] = 1
        doc.from_array([SENT_START], sent_start.astype("uint64").reshape(len(doc), 1))
        return doc

    def to_disk(self, path, *, exclude=()):  # noqa: ANN001 - spaCy's signature
        return None

    def from_disk(self, path, *, exclude=()):  # noqa: ANN001
        return self

    def to_bytes(self, *, exclude=()) -> bytes:  # noqa: ANN001
        return b""

    def from_bytes(self, data: bytes, *, exclude=()):  # noqa: ANN001
        return self


def _after_dateline(doc: Doc, text: str, starts: numpy.ndarray, newline_at: list[int]) -> Optional[int]:
    """The first token of the lead after a dateline at the start of the text or of its second
    line (after a headline), or None. Only those two places are looked at, so the cost does
    not grow with the document."""
    head = text[:600]
    for start in [0, *([newline_at[0] + 1] if newline_at and newline_at[0] < 300 else [])]:
        while start < len(head) and head[start] in " \t\n":
            start += 1
        m = DATELINE_RE.match(head, start)
        if m is None:
            continue
        i = int(numpy.searchsorted(starts, m.end(), side="left"))
        return i if 0 < i < len(doc) else None
    return None
