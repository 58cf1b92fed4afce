"""Paragraph-aware sentence starts, set before the parser.

News text arrives with headlines, photo credits and "Advertisement" lines separated by blank
lines. The statistical parser happily glues them onto the next sentence, which wrecks the
dependency tree that every later component reads. A line break is a hard boundary in
newswire, so we mark the token after it as a sentence start; the parser keeps preset starts.
So is the dash after a wire dateline ("PESHAWAR, Pakistan (Reuters) - A suicide bomber ..."):
glued to the lead, the dateline's town and agency become the subject of its first verb.
"""

from __future__ import annotations

from typing import Optional

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .places import DATELINE_RE


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
        # vectorized: comma tokens and the whitespace tokens, mapped to the tokens after them
        # (a Python loop over the Doc would build a Token object per token); the columns are
        # read in one `to_array`
        cols = doc.to_array([ORTH, IDX, IS_SPACE, SENT_START, LENGTH])
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
        runs = _line_breaks(doc, numpy.flatnonzero(spaces).tolist(), orth, max(1, self.min_newlines))
        for _, last in runs:
            if last + 1 < len(doc):
                sent_start[last + 1] = 1  # the sentence starts at the first word after the break
        newline_at = None
        if runs:
            # where the first break's whitespace begins: at the trailing space of the word before, if any
            first = int(starts[runs[0][0]])
            before = runs[0][0] - 1
            newline_at = first - 1 if before >= 0 and first > int(starts[before]) + int(cols[before, 4]) else first
        lead = _after_dateline(doc, starts, newline_at)
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


def _line_breaks(doc: Doc, space_at: list[int], orth: numpy.ndarray, least: int) -> list[tuple[int, int]]:
    """(first, last) token of each run of whitespace tokens holding at least `least` line
    breaks. spaCy's tokenizer puts every line break in a whitespace token (a word's own
    trailing whitespace is one space), so these are the text's whitespace runs with line
    breaks, read from a few tokens' texts rather than from `Doc.text`, which joins every
    token's text anew."""
    runs: list[tuple[int, int, int]] = []  # (first, last, line breaks)
    strings = doc.vocab.strings
    for k in space_at:
        breaks = strings[int(orth[k])].count("\n")
        if runs and runs[-1][1] == k - 1:
            runs[-1] = (runs[-1][0], k, runs[-1][2] + breaks)
        else:
            runs.append((k, k, breaks))
    return [(first, last) for first, last, breaks in runs if breaks >= least]


def _after_dateline(doc: Doc, starts: numpy.ndarray, newline_at: Optional[int]) -> Optional[int]:
    """The first token of the lead after a dateline at the start of the text or of its second
    line (after a headline; `newline_at`: where the first line break's whitespace begins), or
    None. Only the text's first 600 characters are read (and built from their tokens), so the
    cost does not grow with the document."""
    head = doc[: int(numpy.searchsorted(starts, 600, side="left"))].text_with_ws[:600]
    for start in [0, *([newline_at + 1] if newline_at is not None and newline_at < 300 else [])]:
        while start < len(head) and head[start] in " \t\n":
            start += 1
        m = DATELINE_RE.match(head, start)
        if m is None:
            continue
        i = int(numpy.searchsorted(starts, m.end(), side="left"))
        return i if 0 < i < len(doc) else None
    return None
