"""Claims: who asserts what about each event.

For every reference to an event (`doc._.cn_event_refs`) we look for the reporting cue that
governs it ("a U.S. defense official said", "X claimed responsibility for", "according
to", "X said in a statement"), then describe the speaker: its actor, role, affiliation,
anonymity, named person and relaying channel. A reference no cue governs is the outlet's
own assertion (role media). Each claim carries what its mention says of the event (figures,
outcome, attacker); the event keeps every claim, takes the most conservative figure and
lists the fields on which claims disagree in `disputed`.

Writes `doc._.cn_claims` and updates `attacker_ids`, `claim_ids`, `disputed` and the
figures of `doc._.cn_events`.
"""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..extensions import meta_of, records
from ..rules import AttributionCue, SourceRoleEntry
from .base import RuleComponent, span_record

PRONOUNS = {"he", "she", "they", "it", "we", "i"}
CLAUSE_CUT = {"relcl", "acl", "appos", "punct", "advcl", "cc"}
AGENTIVE = {"launch", "carry", "conduct", "attack", "strike", "target", "fire", "kill", "shoot",
            "bomb", "shell", "ambush", "raid", "storm", "hit", "stage", "mount", "down", "execute"}
MEDIA_CHANNELS = {"reuters", "afp", "ap", "the associated press", "associated press", "al jazeera",
                  "bbc", "cnn", "tass", "ria novosti", "xinhua", "sana", "irna", "anadolu", "efe"}


@Language.factory(
    "conflictner_claims",
    assigns=["doc._.cn_claims", "doc._.cn_events"],
    requires=["doc._.cn_event_refs", "doc._.cn_actors", "doc._.cn_events"],
    default_config={"data_path": None},
)
def make_claims(nlp: Language, name: str, *, data_path: Optional[str]) -> ClaimLinker:
    return ClaimLinker(nlp, name, data_path=data_path)


class ClaimLinker(RuleComponent):
    folder = "claims"
    files = {"cues.jsonl": AttributionCue, "roles.jsonl": SourceRoleEntry}

    def _compile(self) -> None:
        self.verb_cues = {c.lemma: c for c in self.rules.get("cues.jsonl", []) if c.kind == "verb"}
        self.noun_cues = {c.lemma: c for c in self.rules.get("cues.jsonl", []) if c.kind == "noun"}
        self.phrase_cues = {c.lemma: c for c in self.rules.get("cues.jsonl", []) if c.kind == "phrase"}
        self.role_of: dict[str, str] = {}
        for r in self.rules.get("roles.jsonl", []):
            for t in r.terms:
                self.role_of.setdefault(t.lower(), r.role.value)

    # -- main ------------------------------------------------------------------------------
    def process(self, doc: Doc) -> Doc:
        meta = meta_of(doc)
        self._actor_at = _actor_index(doc)
        self._actors = {a["id"]: a for a in records(doc, "cn_actors")}
        # PERSON entities once per document: `doc.ents` builds new Spans on every access
        self._persons = [(e.start, e.text) for e in doc.ents if e.label_ == "PERSON"]
        events = {e["id"]: e for e in records(doc, "cn_events")}
        claims: list[dict] = []
        seen: set[tuple] = set()
        last_speaker: Optional[dict] = None
        for ref in records(doc, "cn_event_refs"):
            if not ref["event_ids"]:
                continue
            s, e = ref["tokens"]
            head = doc[s:e].root
            found = self._cue_for(doc, head, self_cue=ref["kind"] == "threat")
            if found is None:
                source, cue_tok, stance = self._outlet(meta), None, "report"
            elif found[2] is None and found[0].lemma_.lower() not in {"claim", "deny", "confirm"}:
                # "No injuries were reported": a passive with no agent is the outlet speaking
                source, cue_tok, stance = self._outlet(meta), found[0], found[1]
            else:
                cue_tok, stance, speaker = found
                source = self._source(doc, speaker, cue_tok, last_speaker)
                last_speaker = source
                if stance == "report" and self._claims_own_act(doc, cue_tok, head, speaker, source):
                    stance = "claim_responsibility"
            if ref["kind"] == "threat":
                stance = "threaten" if source["role"] != "media" else "report"
            sent = doc[s].sent
            evidence = _trim(sent)
            for eid in ref["event_ids"]:
                if eid not in events:
                    continue
                asserts = dict(ref.get("asserts") or {}) if len(ref["event_ids"]) == 1 or ref["kind"] == "collective" else {}
                if stance == "claim_responsibility" and source.get("actor_id"):
                    asserts["attacker_ids"] = [source["actor_id"]]
                key = (eid, stance, source["text"], evidence.start_char)
                if key in seen:
                    # the same source saying more about the same event in the same sentence
                    same = next(c for c in claims if (c["event_id"], c["stance"], c["source"]["text"],
                                                      c["evidence"][0]) == key)
                    for k, v in asserts.items():
                        same["asserts"].setdefault(k, v)
                    continue
                seen.add(key)
                rule_ids = ["claims.outlet"] if cue_tok is None else [f"claims.cue:{cue_tok.lemma_.lower()}"]
                claims.append({
                    "id": f"claim-{len(claims)}",
                    "event_id": eid,
                    "stance": stance,
                    "source": source,
                    "cue": cue_tok.text if cue_tok is not None else None,
                    "asserts": asserts,
                    "evidence": span_record(evidence.start_char, evidence.end_char),
                    "rule_ids": rule_ids,
                })
        _fold_into_events(events, claims)
        doc._.cn_claims = claims
        return doc

    # -- cues -----------------------------------------------------------------------------------
    def _cue_for(self, doc: Doc, head: Token, self_cue: bool = False) -> Optional[tuple[Token, str, Optional[Token]]]:
        """The reporting cue governing an event mention: (cue token, stance, speaker head).
        With `self_cue` the mention's own verb may be the cue ('X threatened action')."""
        tok = head
        steps = 0
        while steps < 12:
            steps += 1
            cue = self._verb_cue(tok) if (tok is not head or self_cue) else None
            if cue is not None:
                stance = cue.stance.value
                if cue.lemma == "claim" and not _has_child_lemma(tok, {"responsibility", "credit"}) and not any(
                    c.dep_ in {"dobj", "ccomp"} for c in tok.children
                ):
                    stance = "report"
                return tok, stance, self._speaker(tok)
            if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
                return tok.head.head, "report", tok
            if tok.head.i == tok.i:
                break
            tok = tok.head
        # "according to X" anywhere in the sentence; "X said" as a parenthetical root
        sent = head.sent
        for t in sent:
            if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                objs = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
                if objs:
                    return t, "report", objs[0]
        root = sent.root
        cue = self._verb_cue(root)
        if cue is not None and root.i != head.i and head.i in {t.i for t in root.subtree}:
            return root, cue.stance.value, self._speaker(root)
        return None

    def _verb_cue(self, tok: Token) -> Optional[AttributionCue]:
        if tok.pos_ not in {"VERB", "AUX"}:
            return None
        return self.verb_cues.get(tok.lemma_.lower())

    @staticmethod
    def _speaker(cue: Token) -> Optional[Token]:
        """The cue's subject; for a participle ('issued a statement claiming ...') the subject
        of the verb it hangs from; for a passive the agent."""
        tok = cue
        for _ in range(4):
            for c in tok.children:
                if c.dep_ in {"nsubj"}:
                    return c
                if c.dep_ == "agent":
                    objs = [p for p in c.children if p.dep_ == "pobj"]
                    if objs:
                        return objs[0]
            if tok.dep_ in {"advcl", "xcomp", "conj", "acl", "pcomp"} and tok.head.i != tok.i:
                tok = tok.head
                continue
            break
        return _left_speaker(cue)

    def _claims_own_act(self, doc: Doc, cue: Token, head: Token, speaker: Optional[Token], source: dict) -> bool:
        """'X announced it had launched ...', 'X said it carried out ...': a claim of its own act."""
        if speaker is None or source["role"] not in {"armed_group", "official", "spokesperson", "other"}:
            return False
        path = [head]
        while path[-1].i != cue.i and path[-1].head.i != path[-1].i and len(path) < 10:
            path.append(path[-1].head)
        for t in path:
            if t.pos_ == "VERB" and t.lemma_ in AGENTIVE:
                subj = [c for c in t.children if c.dep_ == "nsubj"]
                own = subj and any(c.dep_ == "poss" and c.lower_ in {"its", "our", "their"} for c in subj[0].children)
                if subj and (own or subj[0].lower_ in {"it", "we", "they"} or self._actor_at.get(subj[0].i) == source.get("actor_id")):
                    return source["role"] == "armed_group" or source.get("actor_id") is not None
        return False

    # -- sources --------------------------------------------------------------------------------
    def _source(self, doc: Doc, speaker: Optional[Token], cue: Token, last: Optional[dict]) -> dict:
        if speaker is None:
            return {"text": cue.text, "actor_id": None, "role": "other", "affiliation": None,
                    "anonymous": True, "person": None, "channel": self._channel(cue)}
        if speaker.lower_ in PRONOUNS and last is not None and speaker.lower_ != "it":
            return {**last, "channel": self._channel(cue) or last.get("channel")}
        span = _phrase(speaker)
        actor_id = self._actor_at.get(speaker.i)
        if actor_id is None and speaker.lower_ in {"it", "they", "we"}:
            actor_id = self._antecedent(doc, speaker)
        inner = [self._actor_at[t.i] for t in span if t.i in self._actor_at and t.i != speaker.i]
        person = next((text for start, text in self._persons if span.start <= start < span.end), None)
        role = self._role(span, speaker, actor_id)
        affiliation = None
        if actor_id and role == "armed_group":
            affiliation = actor_id
        elif inner:
            a = self._actors.get(inner[0])
            affiliation = (a["country"] if a and a["kind"] == "state" else inner[0])
        else:
            for t in span:
                a = self._actors.get(self._actor_at.get(t.i, ""))
                if a and a.get("country"):
                    affiliation = a["country"]
                    break
            if affiliation is None:
                affiliation = self._country_word(span)
        anonymous = _anonymous(speaker, person, actor_id is not None and not self._actors[actor_id].get(
            "descriptor"))
        text = span.text
        if speaker.lower_ in {"it", "they", "we"} and actor_id:
            text = speaker.text
        return {
            "text": text,
            "actor_id": actor_id,
            "role": role,
            "affiliation": affiliation,
            "anonymous": anonymous,
            "person": person,
            "channel": self._channel(cue),
            "start_char": span.start_char,
            "end_char": span.end_char,
        }

    def _antecedent(self, doc: Doc, tok: Token) -> Optional[str]:
        start = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
        for i in range(tok.i - 1, start - 1, -1):
            a = self._actor_at.get(i)
            if a and not self._actors[a].get("descriptor"):
                return a
        return None

    def _role(self, span: Span, speaker: Token, actor_id: Optional[str]) -> str:
        low = speaker.lower_
        lemma = speaker.lemma_.lower()
        if any(self.role_of.get(t.lower_) == "spokesperson" for t in span):
            return "spokesperson"
        heads = [t for t in span if t.lemma_.lower() in INSTITUTION_HEADS | {"source"} and t.dep_ in {
            "nsubj", "compound", "appos", "ROOT", "nsubjpass", "pobj", "dobj"} or t.i == speaker.i]
        if any(h.lemma_.lower() in INSTITUTION_HEADS | {"source"} for h in heads) and any(
            t.lower_ in STATE_MODIFIERS for t in span if t.i not in {h.i for h in heads}
        ):
            # "Ukraine's military intelligence agency", "the British maritime agency UKMTO"
            return "official"
        for key in (low, lemma, span.text.lower()):
            if key in self.role_of and self.role_of[key] != "armed_group":
                return self.role_of[key]
        actor = self._actors.get(actor_id or "")
        if actor is not None and not (actor.get("candidate") and actor["kind"] == "other"):
            kind = actor["kind"]
            if kind in {"state", "state_forces", "police"}:
                return "official"
            if kind in {"civilians"}:
                return "witness"
            if kind in {"international"}:
                return "ngo"
            return "armed_group"
        for t in span:
            role = self.role_of.get(t.lower_)
            if role:
                return role
        return "other"

    def _country_word(self, span: Span) -> Optional[str]:
        for t in span:
            a = self._actors.get(self._actor_at.get(t.i, ""))
            if a and a.get("kind") == "state":
                return a.get("country")
        pipe = getattr(self.nlp, "get_pipe", None)
        if pipe is not None and "conflictner_actors" in self.nlp.pipe_names:
            actors = self.nlp.get_pipe("conflictner_actors")
            for t in span:
                iso = actors.country_of(t.text)
                if iso:
                    return iso
        return None

    @staticmethod
    def _channel(cue: Token) -> Optional[str]:
        """'told Reuters', 'told The Associated Press': the agency relaying the claim."""
        if cue.lemma_ != "tell":
            return None
        for c in cue.children:
            if c.dep_ in {"dobj", "dative"}:
                text = _phrase(c).text
                if text.lower() in MEDIA_CHANNELS or c.ent_type_ == "ORG":
                    return text
        return None

    @staticmethod
    def _outlet(meta: dict) -> dict:
        return {"text": meta.get("outlet") or "the article", "actor_id": None, "role": "media",
                "affiliation": None, "anonymous": False, "person": None, "channel": None}


def _left_speaker(cue: Token) -> Optional[Token]:
    """'..., a security source, who spoke on condition of anonymity, said.': the parser
    often leaves a sentence-final reporting verb without a subject and hangs the speaker
    on the clause before it. Take the noun phrase that ends just before the cue."""
    doc = cue.doc
    j = cue.i - 1
    while j >= cue.sent.start and doc[j].is_punct:
        j -= 1
    if j < cue.sent.start or any(doc[k].is_punct and doc[k].text not in {",", "—", "-"}
                                 for k in range(j + 1, cue.i)):
        return None
    best: Optional[Token] = None
    tok = doc[j]
    while True:
        if tok.pos_ in {"NOUN", "PROPN"} and tok.right_edge.i < cue.i and tok.left_edge.i > cue.sent.start:
            best = tok
        head = tok.head
        if head.i == tok.i or head.i >= cue.i or (
            head.pos_ in {"VERB", "AUX"} and head.dep_ not in {"relcl", "acl"} and tok.dep_ not in {"relcl", "acl"}
        ):
            break
        tok = head
    if best is not None and best.left_edge.i > cue.sent.start and doc[best.left_edge.i - 1].text == ",":
        # set off by a comma from the clause it reports: a parenthetical speaker
        return best
    return None


def _phrase(tok: Token) -> Span:
    """The noun phrase of a speaker, without relative clauses and appositions after it."""
    doc = tok.doc
    left = min([tok.i] + [t.i for t in tok.subtree if t.i < tok.i])
    right = tok.i
    for c in tok.children:
        if c.i > tok.i and c.dep_ not in CLAUSE_CUT:
            right = max(right, max(t.i for t in c.subtree))
    span = doc[left : right + 1]
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span


#: heads that name an institution when a state word modifies them ("military intelligence agency")
INSTITUTION_HEADS = {"agency", "service", "office", "center", "centre", "authority", "directorate", "unit",
                     "operations", "department", "command", "body"}
STATE_MODIFIERS = {"military", "intelligence", "security", "defence", "defense", "maritime", "border", "emergency",
                   "interior", "state", "national", "federal", "regional", "government", "naval", "army", "police",
                   "civil", "presidential"}
#: heads that stand for one unnamed person: "a U.S. defense official", "a security source"
PERSON_HEADS = {"official", "officials", "source", "sources", "officer", "officers", "diplomat", "diplomats",
                "commander", "commanders", "resident", "residents", "witness", "witnesses", "villager",
                "villagers", "survivor", "survivors", "local", "locals", "doctor", "doctors", "medic", "medics",
                "fighter", "fighters", "member", "members", "soldier", "soldiers", "aide", "aides", "person",
                "people", "man", "woman", "relative", "relatives", "activist", "activists", "spokesman",
                "spokeswoman", "spokesperson", "analyst", "expert", "employee", "worker", "workers", "leader",
                "leaders", "elder", "elders", "insider", "insiders"}


def _anonymous(speaker: Token, person: Optional[str], named_actor: bool) -> bool:
    """Unnamed people are anonymous ('an official', 'two militia officials', 'residents');
    institutions and named groups speak under their own name ('the Syrian Observatory for
    Human Rights', 'UKMTO', 'al-Shabaab'), and so do people whose name is given."""
    if _anonymity_phrase(speaker):
        return True
    if person is not None:
        return False
    if named_actor or speaker.pos_ == "PROPN":
        return False
    return speaker.lemma_.lower() in PERSON_HEADS or speaker.lower_ in PERSON_HEADS


def _anonymity_phrase(tok: Token) -> bool:
    text = " ".join(t.lower_ for t in tok.subtree)
    return any(p in text for p in ("condition of anonymity", "not authorized to", "not authorised to",
                                   "asked not to be named", "declined to be named", "requested anonymity",
                                   "on condition they not be", "on condition he not be", "anonymous"))


def _has_child_lemma(tok: Token, lemmas: set[str]) -> bool:
    return any(c.lemma_.lower() in lemmas for c in tok.children)


def _trim(sent: Span) -> Span:
    start, end = sent.start, sent.end
    doc = sent.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end]


def _actor_index(doc: Doc) -> dict[int, str]:
    out: dict[int, str] = {}
    for a in records(doc, "cn_actors"):
        for s, e in a["mentions"]:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            for i in range(span.start, span.end):
                out.setdefault(i, a["id"])
    return out


def _fold_into_events(events: dict[str, dict], claims: list[dict]) -> None:
    """Attach claims to events: claimed attackers join `attacker_ids`; figures that differ
    between claims mark the field as disputed and the event keeps the most conservative."""
    by_event: dict[str, list[dict]] = {}
    for c in claims:
        by_event.setdefault(c["event_id"], []).append(c)
    for eid, cl in by_event.items():
        ev = events[eid]
        ev["claim_ids"] = [c["id"] for c in cl]
        for c in cl:
            if c["stance"] == "claim_responsibility":
                aid = c["source"].get("actor_id")
                if aid and aid not in ev["attacker_ids"]:
                    ev["attacker_ids"].append(aid)
                    if aid in ev["target_ids"]:
                        ev["target_ids"].remove(aid)
        disputed: dict[str, list[str]] = {}
        for fld in ("fatalities", "injured", "outcome"):
            values = {}
            for c in cl:
                v = c["asserts"].get(fld)
                if v is not None:
                    values.setdefault(repr(v), []).append(c["id"])
            if len(values) > 1:
                disputed[fld] = [i for ids in values.values() for i in ids]
                if fld in {"fatalities", "injured"}:
                    figures = [c["asserts"][fld] for c in cl if c["asserts"].get(fld) is not None]
                    ev[fld] = min(figures, key=lambda f: (f.get("min") if f.get("min") is not None else f.get("max") or 0))
        ev["disputed"] = disputed
