"""Modality cues, ConText-style: each cue phrase (data in models/en_conflict/modality)
opens a scope of tokens, forward, backward or both, cut by terminators and the sentence
end. The events component reads the scopes to decide whether an attack mention is
asserted, negated, hypothetical, generic or future (threatened / planned).

Writes `doc._.cn_modality`: [{category, cue: [start_char, end_char], scope: [tok_start,
tok_end], rule_id}].
"""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..rules import CueRule
from .base import RuleComponent


@Language.factory(
    "conflictner_modality",
    assigns=["doc._.cn_modality"],
    requires=["token.pos", "token.is_sent_start"],
    default_config={"data_path": None},
)
def make_modality(nlp: Language, name: str, *, data_path: Optional[str]) -> ModalityCues:
    return ModalityCues(nlp, name, data_path=data_path)


class ModalityCues(RuleComponent):
    folder = "modality"
    files = {"cues.jsonl": CueRule}

    def _compile(self) -> None:
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.by_id: dict[str, CueRule] = {}
        for cue in self.rules.get("cues.jsonl", []):
            self.by_id[cue.id] = cue
            self.matcher.add(cue.id, [self.nlp.make_doc(cue.phrase)])

    def process(self, doc: Doc) -> Doc:
        matches = []
        for mid, s, e in self.matcher(doc):
            cue = self.by_id[doc.vocab.strings[mid]]
            if cue.pos and doc[s].pos_ != cue.pos:
                continue
            matches.append((s, e, cue))
        terminators = {s for s, _, c in matches if c.direction == "terminate"}
        out = []
        for s, e, cue in matches:
            if cue.direction == "terminate":
                continue
            sent = doc[s].sent
            lo, hi = s, e
            if cue.direction in {"forward", "bidirectional"}:
                hi = e
                while hi < sent.end and hi - e < cue.max_scope and hi not in terminators:
                    hi += 1
            if cue.direction in {"backward", "bidirectional"}:
                lo = s
                while lo > sent.start and s - lo < cue.max_scope and (lo - 1) not in terminators:
                    lo -= 1
            out.append(
                {
                    "category": cue.category.value,
                    "cue": [doc[s].idx, doc[e - 1].idx + len(doc[e - 1])],
                    "cue_tokens": [s, e],
                    "scope": [lo, hi],
                    "rule_id": f"modality.{cue.id}",
                }
            )
        doc._.cn_modality = out
        return doc
