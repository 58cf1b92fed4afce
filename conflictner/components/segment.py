"""Paragraph-aware sentence starts, set before the parser.

News text arrives with headlines, photo credits and "Advertisement" lines separated by blank
lines. The statistical parser happily glues them onto the next sentence, which wrecks the
dependency tree that every later component reads. A line break is a hard boundary in
newswire, so we mark the token after it as a sentence start; the parser keeps preset starts.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


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
        for tok in doc[:-1]:
            newlines = tok.whitespace_.count("\n") if not tok.is_space else tok.text.count("\n")
            if tok.is_space:
                newlines += tok.whitespace_.count("\n")
            nxt = doc[tok.i + 1]
            if newlines >= self.min_newlines:
                nxt.is_sent_start = True
            elif tok.text in {",", ";"} and not nxt.is_space:
                # a comma never ends a sentence; without this the parser sometimes cuts
                # '..., a source, who spoke on condition of anonymity, said.' before 'said'
                nxt.is_sent_start = False
        return doc

    def to_disk(self, path, *, exclude=()):  # noqa: ANN001 - spaCy's signature
        return None

    def from_disk(self, path, *, exclude=()):  # noqa: ANN001
        return self

    def to_bytes(self, *, exclude=()) -> bytes:  # noqa: ANN001
        return b""

    def from_bytes(self, data: bytes, *, exclude=()):  # noqa: ANN001
        return self
