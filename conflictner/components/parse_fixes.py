"""Repairs of dependency misparses that conflict reporting triggers and every later rule reads.

The small parser attaches by local evidence. Some constructions of wire copy defeat it in a
way that misleads several layers at once; each repair here is narrow (a shape of the tree,
not a word list of one article), applied before the rule components, and tested on sentences
from several conflicts in tests/test_parse_fixes.py.

- Victims read as speakers. In "…, killing at least 22 people including three children, a
  resistance group and local media said" the parser makes the victims ("people", with the
  speakers as conjuncts of "children") the subject of "said", and leaves "killing" without an
  object: the event loses its toll and the claim gets "22 people including three children, a
  resistance group …" as its source. The victims become the object of the casualty verb, and
  the conjunct set off by the last comma (with its own conjuncts) the subject of the reporting
  verb.
"""

from __future__ import annotations

from pathlib import Path
from typing import Union

import numpy
from spacy.attrs import DEP, HEAD, LEMMA
from spacy.language import Language
from spacy.tokens import Doc

#: reporting verbs whose subject is a speaker (lemmas)
REPORTING_VERBS = frozenset({"say", "tell", "report", "add", "confirm", "state"})
#: casualty participles that take the victims as object ('killing', 'wounding')
CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "maim"})


@Language.factory("conflictner_parse_fixes", assigns=["token.head", "token.dep"])
def make_parse_fixes(nlp: Language, name: str) -> ParseFixes:
    return ParseFixes()


class ParseFixes:
    """Rewrites the heads and labels of misparsed constructions (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        moves = _victims_as_speakers(doc)
        if moves:
            cols = doc.to_array([HEAD, DEP]).astype("int64")  # HEAD: offset to the head
            strings = doc.vocab.strings
            for i, (head, dep) in moves.items():
                cols[i, 0] = head - i
                cols[i, 1] = strings.add(dep)
            doc.from_array([HEAD, DEP], cols.astype(numpy.uint64))
        return doc

    # no state: nothing to save
    def to_bytes(self, *, exclude: tuple = ()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude: tuple = ()) -> ParseFixes:
        return self

    def to_disk(self, path: Union[str, Path], *, exclude: tuple = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)  # an empty folder, as for any component

    def from_disk(self, path: Union[str, Path], *, exclude: tuple = ()) -> ParseFixes:
        return self


def _victims_as_speakers(doc: Doc) -> dict[int, tuple[int, str]]:
    """{token: (new head, new label)} for each 'killing N people including X, A and B said'.

    Two shapes: the victims are the reporting verb's subject ('killing' has no object), or the
    victims are the object of 'killing' and swallow the speakers as a conjunct or apposition
    ('… including a nurse, a local chief and residents said': 'said' has no subject)."""
    out: dict[int, tuple[int, str]] = {}
    strings = doc.vocab.strings
    lemmas = doc.to_array([LEMMA])
    verbs = numpy.array(sorted(strings.add(v) for v in REPORTING_VERBS), dtype=numpy.uint64)
    # reporting verbs (a Token only for these): the rest of the test reads the tree
    for v in numpy.flatnonzero(numpy.isin(lemmas, verbs)).tolist():
        verb = doc[v]
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            victims = subjects[0]
            if victims.i > v or victims.left_edge.i == 0:
                continue
            acting = doc[victims.left_edge.i - 1]
            if any(c.dep_ in {"dobj", "obj"} for c in acting.children):
                continue
        else:
            # the object of a casualty verb that runs up to the reporting verb
            victims = doc[v - 1] if v > 0 else verb
            while victims.head.i != victims.i and victims.head.i < v and victims.dep_ not in {"dobj", "obj"}:
                victims = victims.head
            if victims.dep_ not in {"dobj", "obj"} or victims.right_edge.i != v - 1:
                continue
            acting = victims.head
        if acting.tag_ != "VBG" or acting.lemma_ not in CASUALTY_VERBS:
            continue
        if not any(c.dep_ == "nummod" or c.like_num for c in victims.lefts):
            continue  # the victims are counted ('at least 22 people'), not a source ('officials')
        # the speakers: the conjunct or apposition set off by the last comma, ending right before the verb
        speakers = [c for c in victims.subtree if c.dep_ in {"conj", "appos"} and c.i > victims.i
                    and doc[c.left_edge.i - 1].text == "," and c.right_edge.i == v - 1]
        if not speakers:
            continue
        if subjects:
            out[victims.i] = (acting.i, "dobj")
        out[speakers[-1].i] = (v, "nsubj")
    return out
