"""Claims: who asserts what about each event.

First every attribution of the document is read, whatever it is about: a reporting cue ("said",
"told", "claimed responsibility", "blamed", "according to") with its speaker, its stance and the
tokens it reports (the clause it governs, or a quotation that runs over several sentences). The
speaker is described once, in document order, so "He said" inherits the previous speaker and
"the ministry" the earlier "the defence ministry": its actor, role, affiliation, anonymity, named
person and relaying channel. These go to `doc._.cn_attributions`.

Then for every reference to an event (`doc._.cn_event_refs`) we take the cue that governs it; a
reference no cue governs is the outlet's own assertion (role media). An attribution that governs
no event reference still speaks of the event under discussion when it claims, blames, denies or
confirms, gives casualty figures, or points back at the incident ("the attackers", "the
bodies"). Each claim carries what it says of the event (figures, outcome, attacker); one source
with one stance makes one claim per event; the event keeps every claim, takes the most
conservative figure and lists the fields on which claims disagree in `disputed`.

Writes `doc._.cn_claims`, `doc._.cn_attributions` and updates `attacker_ids`, `claim_ids`,
`disputed` and the figures of `doc._.cn_events`.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, Optional

import numpy
from spacy.attrs import ENT_TYPE, IS_SPACE, IS_STOP, LEMMA, LOWER, ORTH, POS, SENT_START
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..extensions import meta_of, records
from ..rules import AttributionCue, SourceRoleEntry, _Rule, data_dir
from . import casualties as cas
from .base import CharIndex, Parse, RuleComponent, column_list, column_set, parse_of, positions, span_record
from .base import span_of as _span
from .events import _headline_end

PRONOUNS = {"he", "she", "they", "it", "we", "i"}
#: actor kinds of a state's side, and of armed men outside it (who claim attacks)
STATE_KINDS = {"state", "state_forces", "police"}
NON_STATE_ARMED_KINDS = {"militia", "rebel_group", "insurgent_group", "paramilitary", "unidentified_armed_group",
                         "identity_militia", "criminal_group"}
CLAUSE_CUT = {"relcl", "acl", "appos", "punct", "advcl", "cc"}
AGENTIVE = {"launch", "carry", "conduct", "attack", "strike", "target", "fire", "kill", "shoot",
            "bomb", "shell", "ambush", "raid", "storm", "hit", "stage", "stag", "mount", "down", "execute", "order",
            "capture", "seize", "overrun"}
MEDIA_CHANNELS = {"reuters", "afp", "ap", "the associated press", "associated press", "al jazeera",
                  "bbc", "cnn", "tass", "ria novosti", "xinhua", "sana", "irna", "anadolu", "efe"}
#: children of a reporting verb that hold what it reports
CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "parataxis", "oprd", "attr", "dative"}
#: stances that are about an incident even when the clause names none ("X claimed responsibility")
STANDALONE = {"claim_responsibility", "accuse", "deny", "confirm"}
#: quotation marks (a quotation may run over several sentences)
QUOTE_MARKS = {'"', "\u201c", "\u201d", "''", "``"}
#: how far (in sentences) an attribution may be from the incident it is read as being about
CONTEXT_SENTENCES = 4


class ClaimWord(_Rule):
    """Words the claims layer reads besides cues and roles: `incident` nouns that point back at
    the incident under discussion ('the attackers', 'the bodies'); `commentator` heads whose talk
    is analysis, not a claim about an incident ('analysts said'); `forces` nouns for a state's
    armed forces and their weapons ('Turkish warplanes', 'Israeli jets') whose strike that
    state's officials confirm when they report it; `department` words of an administration
    ('health', 'ministry'); `title_abbreviation`s before a name ('Capt.', 'Gen.'); `alliance` words
    of a coalition of states ('the Saudi-led coalition'); `military_unit` formations ('battalion');
    `modal` auxiliaries that make a reported clause a guess or a demand ('could have been', 'must
    be held accountable') rather than an account of what happened."""

    id: str
    kind: Literal["incident", "commentator", "settlements", "forces", "generic", "accusation", "crime", "naming", "responsibility",
                  "attack_noun", "department", "title_abbreviation", "alliance",
                  "military_unit", "modal"]
    terms: list[str]
    source: str


@dataclass
class _Attribution:
    """One reporting cue of the document and what it reports."""

    cue: Token
    stance: str
    speaker: Token
    sources: list[dict]
    content: list[tuple[int, int]] = field(default_factory=list)  # token ranges [start, end)
    #: a committal stance what is reported amounts to ('said Kyiv was behind the attack')
    upgrade: Optional[str] = None

    def covers(self, i: int) -> bool:
        return any(s <= i < e for s, e in self.content)


@Language.factory(
    "conflictner_claims",
    assigns=["doc._.cn_claims", "doc._.cn_events", "doc._.cn_attributions"],
    requires=["doc._.cn_event_refs", "doc._.cn_actors", "doc._.cn_events"],
    default_config={"data_path": None},
)
def make_claims(nlp: Language, name: str, *, data_path: Optional[str]) -> ClaimLinker:
    return ClaimLinker(nlp, name, data_path=data_path)


class ClaimLinker(RuleComponent):
    folder = "claims"
    files = {"cues.jsonl": AttributionCue, "roles.jsonl": SourceRoleEntry, "words.jsonl": ClaimWord}

    def _compile(self) -> None:
        self.verb_cues = {c.lemma: c for c in self.rules.get("cues.jsonl", []) if c.kind == "verb"}
        self.noun_cues = {c.lemma: c for c in self.rules.get("cues.jsonl", []) if c.kind == "noun"}
        self.phrase_cues = {c.lemma: c for c in self.rules.get("cues.jsonl", []) if c.kind == "phrase"}
        self.role_of: dict[str, str] = {}
        self.role_phrases: list[tuple[str, str]] = []
        for r in self.rules.get("roles.jsonl", []):
            for t in r.terms:
                self.role_of.setdefault(t.lower(), r.role.value)
                if " " in t:
                    self.role_phrases.append((t.lower(), r.role.value))
        self.role_phrases.sort(key=lambda tr: -len(tr[0]))
        self._phrase_index = _PhraseIndex(self.role_phrases)
        self.capitals = {t.lower() for r in self.rules.get("roles.jsonl", []) if r.id == "role-official-capitals"
                         for t in r.terms}
        words = self.rules.get("words.jsonl", [])
        self.incident_words = {t.lower() for w in words if w.kind == "incident" for t in w.terms}
        self.commentators = {t.lower() for w in words if w.kind == "commentator" for t in w.terms}
        self.forces = {t.lower() for w in words if w.kind == "forces" for t in w.terms}
        self.generic_words = {t.lower() for w in words if w.kind == "generic" for t in w.terms}
        self.attack_nouns = {t.lower() for w in words if w.kind == "attack_noun" for t in w.terms}
        self.accusation_words = {t.lower() for w in words if w.kind == "accusation" for t in w.terms}
        self.crime_words = {t.lower() for w in words if w.kind == "crime" for t in w.terms}
        self.naming_verbs = {t.lower() for w in words if w.kind == "naming" for t in w.terms}
        self.responsibility_words = {t.lower() for w in words if w.kind == "responsibility" for t in w.terms}
        self.departments = {t.lower() for w in words if w.kind == "department" for t in w.terms}
        self.title_abbreviations = {t.lower() for w in words if w.kind == "title_abbreviation" for t in w.terms}
        self.alliance_words = {t.lower() for w in words if w.kind == "alliance" for t in w.terms}
        self.military_units = {t.lower() for w in words if w.kind == "military_unit" for t in w.terms}
        self.modals = {t.lower() for w in words if w.kind == "modal" for t in w.terms}
        self.settlements = {t.lower() for w in words if w.kind == "settlements" for t in w.terms}
        self.threat_lemmas = frozenset(c.lemma for c in self.verb_cues.values() if c.stance == "threaten")
        self.committal_lemmas = frozenset(self.accusation_words | self.responsibility_words | self.naming_verbs
                                          | {"come"})
        # the hash arrays `base.token_indices` would build from these sets on every Doc
        self._cue_hashes = _hash_array(self.verb_cues)
        self._settlement_hashes = _hash_array(self.settlements)
        self._committal_hashes = _hash_array(self.committal_lemmas)

    # -- main ------------------------------------------------------------------------------
    def _lead_start(self, doc: Doc, body_start: int) -> int:
        """Where the lead starts: the body's first sentence, or the one after it when that is a
        wire dateline split off by the segmenter ('KHARKIV, Ukraine —', no verb of its own)."""
        k = bisect.bisect_right(self._starts, body_start) - 1
        start = self._starts[k] if k >= 0 else 0
        end = self._starts[k + 1] if k + 1 < len(self._starts) else len(doc)
        if end < len(doc) and not any(t.pos_ in {"VERB", "AUX"} for t in doc[start:end]):
            return end
        return body_start

    def process(self, doc: Doc) -> Doc:
        meta = meta_of(doc)
        self._offsets = CharIndex(doc)
        self._actor_at = _actor_index(doc, self._offsets)
        self._actors = {a["id"]: a for a in records(doc, "cn_actors")}
        # entities once per document: `doc.ents` (and `Span.ents`, which reads it) builds new
        # Spans on every access
        ents = doc.ents
        self._ents = [(e.start, e.end) for e in ents]
        self._persons = [(e.start, e.text) for e in ents if e.label_ == "PERSON"]
        self._id_lists: dict = {}
        self._scan_words(doc)
        self._ev_words: dict[str, set[str]] = {}
        self._speaks_for: dict[int, str] = {}
        self._out_hits: Optional[list[tuple[int, str]]] = None
        self._elsewhere: set[int] = set()
        if not hasattr(self, "_actors_pipe"):
            names = self.nlp.pipe_names
            self._actors_pipe = self.nlp.get_pipe("conflictner_actors") if "conflictner_actors" in names else None
        events = {e["id"]: e for e in records(doc, "cn_events")}
        self._refs = records(doc, "cn_event_refs")
        self._times = records(doc, "cn_times")
        self._places = records(doc, "cn_places")
        self._fig_cache: dict[int, dict] = {}
        self._pos: Optional[list[int]] = None
        self._topic_memo: dict[int, Optional[str]] = {}
        self._topic_cols: Optional[tuple[list[int], list[int]]] = None
        self._vcue_memo: dict[int, Optional[AttributionCue]] = {}
        self._cue_speakers: dict[int, tuple[Optional[Token], bool]] = {}
        self._speakers: dict[int, Optional[Token]] = {}
        self._n = len(doc)
        # the parse as lists: the events layer's, read just before (no Tokens for word tests)
        P = self._P = parse_of(doc)
        low = self._ids(doc, LOWER)
        self._starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist() if len(doc) else [0]
        if not self._starts or self._starts[0] != 0:
            self._starts = [0] + self._starts
        self._start_set = set(self._starts)
        attributions = self._attributions(doc)
        by_cue = {a.cue.i: a for a in attributions}
        body_start = _headline_end(doc)
        lead_at = self._lead_start(doc, body_start)
        claims: list[dict] = []
        index: dict[tuple, dict] = {}
        used: set[int] = set()
        cue_events: dict[int, list[str]] = {}

        offsets = self._offsets

        space = column_list(doc, IS_SPACE)

        def add(eid: str, stance: str, source: dict, cue_tok: Optional[Token], asserts: dict,
                sent: tuple[int, int]) -> None:
            """sent: the token bounds of the sentence the claim is read from."""
            key = (eid, stance, _source_key(source))
            if source["role"] == "media" and cue_tok is None:
                # the article itself: one claim per event, unless it gives different figures
                key = key + (repr(asserts.get("fatalities")), repr(asserts.get("injured")))
            same = index.get(key)
            if same is not None:
                # the same source saying more about the same event: one claim, figures merged
                for k, v in asserts.items():
                    same["asserts"].setdefault(k, v)
                return
            rule_ids = ["claims.outlet"] if cue_tok is None else [f"claims.cue:{cue_tok.lemma_.lower()}"]
            start, end = _trim(space, *sent)
            if start < end:
                evidence = (offsets.idx[start], offsets.end(end - 1))  # (no Span for its offsets)
            else:
                span = _span(doc, start, end)
                evidence = (span.start_char, span.end_char)
            claim = {
                "id": f"claim-{len(claims)}",
                "event_id": eid,
                "stance": stance,
                "source": source,
                "cue": cue_tok.text if cue_tok is not None else None,
                "asserts": dict(asserts),
                "evidence": span_record(*evidence),
                "rule_ids": rule_ids,
                "_headline": sent[0] < body_start,
            }
            index[key] = claim
            claims.append(claim)

        for ref in self._refs:
            if not ref["event_ids"]:
                continue
            s, e = ref["tokens"]
            head = _span(doc, s, e).root
            found = self._cue_for(doc, head, self_cue=ref["kind"] == "threat")
            quoted = None if found is not None else next((a for a in attributions if a.covers(head.i)), None)
            known = quoted
            if quoted is not None:
                # inside a quotation whose speaker is named in another sentence
                sources, cue_tok, stance = quoted.sources, quoted.cue, quoted.stance
            elif found is None:
                sources, cue_tok, stance = [self._outlet(meta)], None, "report"
            elif found[2] is None and found[0].lemma_.lower() not in {"claim", "deny", "confirm"}:
                # "No injuries were reported": a passive with no agent is the outlet speaking
                sources, cue_tok, stance = [self._outlet(meta)], found[0], found[1]
            elif found[2] is not None and self._nobody(found[2]):
                continue  # 'No group has claimed the attack': nobody speaks
            else:
                cue_tok, stance, speaker = found
                known = by_cue.get(cue_tok.i)
                sources = known.sources if known is not None else [self._source(doc, speaker, cue_tok, None)]
                if (stance == "report" and known is not None and not known.upgrade and self._hedged(known)
                        and not (ref.get("asserts") or {}).get("fatalities")
                        and not (ref.get("asserts") or {}).get("injured")):
                    used.add(cue_tok.i)
                    continue  # 'said the bombing could have been revenge': a guess about the incident
                if stance == "report" and self._claims_own_act(doc, cue_tok, head, speaker, sources[0],
                                                               [events[e] for e in ref["event_ids"] if e in events]):
                    stance = self._own_act_stance(sources[0])
            if cue_tok is not None:
                used.add(cue_tok.i)
                cue_events.setdefault(cue_tok.i, []).extend(ref["event_ids"])
            sources = [src for src in sources if not self._commentator(src)]
            sent = self._sent_of(s)
            for source in sources:
                this = stance
                if ref["kind"] == "threat":
                    this = "threaten" if source["role"] != "media" else "report"
                for eid in ref["event_ids"]:
                    if eid not in events:
                        continue
                    if source["role"] == "witness" and cue_tok is not None:
                        eid = self._told_back(doc, head, eid, events) or eid
                    asserts = dict(ref.get("asserts") or {}) if len(ref["event_ids"]) == 1 or ref["kind"] == "collective" else {}
                    if this == "claim_responsibility" and source.get("actor_id"):
                        asserts["attacker_ids"] = [source["actor_id"]]
                    elif this == "accuse" and cue_tok is not None:
                        accused = self._accused(cue_tok, source)
                        if accused:
                            asserts["attacker_ids"] = accused
                    if this == "report" and known is not None and known.upgrade and cue_tok is not None:
                        committal, report = _split_committal(known.upgrade, source, asserts)
                        add(eid, known.upgrade, source, cue_tok, committal, sent)
                        if report is None:
                            continue
                        asserts = report
                    add(eid, this, source, cue_tok, asserts, sent)
                if (cue_tok is not None and this == "report" and sent[0] <= lead_at < sent[1]
                        and any(low[k] in self._settlement_hashes and P.tag[k] == "NNS" for k in range(s, e))):
                    # 'Russia fired 40 missiles at Ukrainian cities ..., officials said': the lead's
                    # account of a barrage on several places reports each strike the article breaks
                    # out, without the overall toll
                    for other in events:
                        if other not in ref["event_ids"] and events[other].get("type") == "attack" and (
                                events[other].get("place_id")):
                            add(other, this, source, cue_tok, {}, sent)

        for a in attributions:
            if a.cue.i in used or a.cue.i < body_start:
                continue
            if a.cue.dep_ == "relcl" and a.speaker.lower_ in PRONOUNS:
                continue  # 'young men they accused of supporting the militia': a description, not a claim
            if a.stance == "report" and not a.upgrade and self._hedged(a) and not self._figures(doc, a):
                continue  # 'said the bombing could have been revenge': a guess, not an account
            eid = self._context_event(doc, a, events, attributions, cue_events)
            if eid is None:
                continue
            asserts = self._figures(doc, a)
            outcome = self._outcome(doc, a)
            if outcome is not None:
                asserts["outcome"] = outcome
            cue_sent = self._sent_of(a.cue.i)  # `Token.sent` walks to the sentence start
            for source in a.sources:
                extra = dict(asserts)
                if a.stance == "claim_responsibility" and source.get("actor_id"):
                    extra["attacker_ids"] = [source["actor_id"]]
                elif a.stance == "accuse":
                    accused = self._accused(a.cue, source)
                    if accused:
                        extra["attacker_ids"] = accused
                if a.upgrade and a.stance == "report":
                    committal, report = _split_committal(a.upgrade, source, extra)
                    add(eid, a.upgrade, source, a.cue, committal, cue_sent)
                    if report is None:
                        continue
                    extra = report
                add(eid, a.stance, source, a.cue, extra, cue_sent)

        _lend_figures(claims, self._speaks_for)
        claims = _fold_follow_ups(_drop_headline_echoes(claims))
        for i, c in enumerate(claims):
            c["id"] = f"claim-{i}"
        _fold_into_events(events, claims)
        doc._.cn_claims = claims
        doc._.cn_attributions = [_attribution_record(a, offsets) for a in attributions]
        # this Doc's: not kept alive until the next one
        self._id_lists, self._cue_speakers, self._speakers = {}, {}, {}
        self._P = None
        return doc

    def _scan_words(self, doc: Doc) -> None:
        """One vectorized pass over the LOWER column for the few words whose absence lets whole
        checks be skipped: 'according' (its positions), 'no' ('No group has claimed ...') and
        the anonymity words ('on condition of anonymity'), which no speaker phrase can hold if
        the Doc has none of them."""
        if not len(doc):
            self._according, self._no_word, self._anonymity_words = [], False, False
            return
        # a set intersection with the Doc's (shared) set of ids: on a few hundred tokens numpy's
        # per-call overhead costs more than the scan
        hits = _WATCHED.intersection(self._id_set(doc, LOWER))
        self._according = positions(self._ids(doc, LOWER), (_ACCORDING,)) if _ACCORDING in hits else []
        self._no_word = _NO in hits
        self._anonymity_words = not _ANONYMITY_HASHES.isdisjoint(hits)

    def _ids(self, doc: Doc, attr: int) -> list[int]:
        """The `attr` (LOWER, LEMMA, ORTH) ids of the Doc's tokens as a list, read once per Doc."""
        ids = self._id_lists.get(attr)
        if ids is None:
            # the list other components read too (shared: never modified here)
            ids = self._id_lists[attr] = column_list(doc, attr) if len(doc) else []
        return ids

    def _id_set(self, doc: Doc, attr: int) -> frozenset[int]:
        """The distinct `attr` ids of the Doc (shared), kept per Doc here: each `column_set`
        call goes through two weak-keyed lookups."""
        ids = self._id_lists.get(("set", attr))
        if ids is None:
            ids = self._id_lists[("set", attr)] = column_set(doc, attr)
        return ids

    def _indices(self, doc: Doc, attr: int, hashes: frozenset[int]) -> list[int]:
        """`base.token_indices` for an id set built once: the few ids of `hashes` the Doc holds
        (from its shared id set) are looked up with `list.index`, which scans in C, instead of
        testing every token in Python."""
        if not len(doc):
            return []
        hits = hashes.intersection(self._id_set(doc, attr))
        return positions(self._ids(doc, attr), hits) if hits else []

    def _nobody(self, speaker: Token) -> bool:
        """`_nobody`, whose 'no' determiner is only looked for in a Doc that has the word."""
        if not self._no_word:
            return speaker.lower_ in NOBODY_WORDS
        return _nobody(speaker)

    # -- attributions ---------------------------------------------------------------------------
    def _attributions(self, doc: Doc) -> list[_Attribution]:
        """Every reporting cue with a speaker, in document order; sources resolved in that order
        so that pronouns and definite descriptions find the speaker they continue."""
        found: list[_Attribution] = []
        cues = self._indices(doc, LEMMA, self._cue_hashes) + self._according
        for i in sorted(set(cues)):
            tok = doc[i]
            if tok.lower_ == "according":
                if i + 1 >= len(doc) or doc[i + 1].lower_ != "to":
                    continue
                objs = [c for c in doc[i + 1].children if c.dep_ == "pobj"]
                if not objs:
                    continue
                speaker, stance = objs[0], "report"
                sent_start, sent_end = self._sent_of(i)
                end = objs[0].right_edge.i + 1
                content = [(sent_start, i), (end, sent_end)]
            else:
                cue = self._verb_cue(tok)
                if cue is None:
                    continue
                speaker, embedded = self._cue_speaker(tok)
                if speaker is None or embedded:
                    continue
                stance = self._stance(tok, cue)
                content = _content(tok, self._P)
            if self._nobody(speaker) or speaker.pos_ not in {"NOUN", "PROPN", "PRON"} or (
                    speaker.pos_ == "PRON" and speaker.lower_ not in PRONOUNS):
                continue
            found.append(_Attribution(tok, stance, speaker, [], content))
        self._quotations(doc, found)
        self._committal_at: Optional[list[int]] = None
        last: Optional[dict] = None
        seen: list[dict] = []
        self._last_cue = None
        for a in found:
            a.sources = []
            for sp in _coordinated(a.speaker, self._P):
                src = self._source(doc, sp, a.cue, last, seen,
                                   cut_conj=sp is not a.speaker or _has_conj(a.speaker, self._P))
                a.sources.append(src)
                seen.append(src)
            last = a.sources[0]
            self._last_cue = a.cue.i
            if a.stance == "report" and a.sources:
                a.upgrade = self._committal_content(doc, a)
        self._committal_at = None
        return found

    def _committal_content(self, doc: Doc, a: _Attribution) -> Optional[str]:
        """What a source reports may commit it beyond telling: saying who was behind the attack
        ('Kyiv was behind the attack', 'the fragments came from a Russian missile': the speaker's
        own side claims it, another side is accused), that it was done on purpose ('deliberately
        targeted shoppers') or calling it a crime ('called the shelling a war crime')."""
        source = a.sources[0]
        if self._committal_at is None:
            self._committal_at = self._indices(doc, LEMMA, self._committal_hashes)
        for i in self._committal_at:
            if a.covers(i):
                t = doc[i]
                low = t.lower_
                if low in self.accusation_words and t.pos_ == "ADV":
                    return "accuse"
                if t.lemma_.lower() in self.naming_verbs and t.pos_ == "VERB":
                    named = [c for c in t.children if c.dep_ in {"oprd", "xcomp", "attr", "dobj", "prep"}]
                    if len(named) > 1 and any(w.lemma_.lower() in self.crime_words for c in named[1:]
                                              for w in c.subtree):
                        return "accuse"
                if low in self.responsibility_words or (t.lemma_ == "come" and any(
                        c.dep_ == "prep" and c.lower_ == "from" for c in t.children)):
                    side = self._side_named(doc, t)
                    if side is None:
                        continue
                    own = side in {source.get("actor_id"), source.get("affiliation")} - {None}
                    return "claim_responsibility" if own else "accuse"
        return None

    def _side_named(self, doc: Doc, t: Token) -> Optional[str]:
        """The actor or country said to be behind an act: the subject of 'X was behind / was
        responsible', the object of 'came from X'."""
        if t.lemma_ == "come":
            holders = [p for c in t.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        else:
            verb = t.head if t.dep_ in {"prep", "acomp", "amod"} else t
            holders = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        for h in holders:
            span = _span(doc, h.left_edge.i, h.right_edge.i + 1)
            for k in span:
                aid = self._actor_at.get(k.i)
                if aid:
                    a = self._actors.get(aid, {})
                    return a.get("country") if a.get("kind") == "state" and a.get("country") else aid
            iso = self._country_word(span) or self._capital_country(doc, span)
            if iso:
                return iso
        return None

    def _capital_country(self, doc: Doc, span: Span) -> Optional[str]:
        """'Kyiv was behind the attack': a capital standing for its government."""
        for t in span:
            if t.lower_ in self.capitals:
                for p in self._places:
                    if any(s <= t.i < e for s, e in p.get("tokens") or []):
                        return p.get("country")
        return None

    def _quotations(self, doc: Doc, found: list[_Attribution]) -> None:
        """A quotation over several sentences belongs to the cue just after it ('..." said a
        witness') or just before it ('a witness said: "...'). Quote marks are found by a
        vectorized scan and paired in order."""
        marks = self._indices(doc, ORTH, _QUOTE_HASHES)
        for open_i, close_i in zip(marks[0::2], marks[1::2], strict=False):
            first, last = self._sent_of(open_i), self._sent_of(close_i)
            if first == last or close_i - open_i < 3:
                continue
            after = [a for a in found if last[0] <= a.cue.i < last[1] and a.cue.i > close_i]
            before = [a for a in found if first[0] <= a.cue.i < first[1] and a.cue.i < open_i]
            owner = after[0] if after else (before[-1] if before else None)
            if owner is not None:
                owner.content.append((open_i, close_i + 1))

    def _sent_of(self, i: int) -> tuple[int, int]:
        """Token range of the sentence holding token i (from one array of sentence starts:
        `Token.sent` walks the document each time)."""
        k = bisect.bisect_right(self._starts, i) - 1
        end = self._starts[k + 1] if k + 1 < len(self._starts) else self._n
        return self._starts[max(k, 0)], end

    def _stance(self, tok: Token, cue: AttributionCue) -> str:
        stance = cue.stance.value
        if cue.lemma != "claim":
            return stance  # (the tests below are about 'claim' only)
        if not _has_child_lemma(tok, {"responsibility", "credit"}) and not any(
            (c.dep_ in {"dobj", "nsubjpass"} or (c.dep_ == "nsubj" and any(k.dep_ == "agent" for k in tok.children)))
            and c.lemma_.lower() in self.attack_nouns for c in tok.children
        ) and not (tok.dep_ == "acl" and tok.head.lemma_.lower() in self.attack_nouns):
            # 'claimed that the bomber was a teenager' asserts; only 'claimed responsibility / credit /
            # the attack' or 'attacks claimed by X' claims an act (a group's 'claimed its fighters
            # killed ...' is its own act)
            stance = "report"
        return stance

    def _context_event(self, doc: Doc, a: _Attribution, events: dict[str, dict],
                       attributions: list[_Attribution], cue_events: dict[int, list[str]]) -> Optional[str]:
        """The incident an attribution that governs no event mention is about. Candidates are the
        events mentioned in the last few sentences before it (or earlier in its own sentence: a
        mention after the cue that the cue does not govern is a description, 'blamed the RSF, which
        are trying to seize the city'). A statement continuing what the same source said about an
        event in the sentence before or after ('denied hitting civilians. It said its missiles had
        struck ...') is about that event; otherwise the candidate whose sentences share the most
        words with what is reported ('fragments found at the hospital'), else the last one
        mentioned. A statement with no stance, figure, pointer or eyewitness account only counts
        when it shares such words with an event ('the fire', 'the town')."""
        if a.stance == "threaten":
            return None
        if all(self._commentator(src) for src in a.sources):
            return None
        if a.stance == "accuse" and self._accused_of_other(doc, a):
            return None  # 'accused villagers of informing on them': not about who did the attack
        k_cue = bisect.bisect_right(self._starts, a.cue.i)
        named = self._named_incident(doc, a, events)
        if named is not None:
            if not named:
                self._elsewhere.add(k_cue)
            return named or None
        if k_cue - 1 in self._elsewhere and a.stance in STANDALONE and not self._figures(doc, a):
            return None  # 'Both groups have denied involvement': a reply about that other incident
        memo: list[bool] = []

        def eligible() -> bool:
            """Whether the attribution may stand alone (computed once, only when asked)."""
            if not memo:
                memo.append(bool(a.stance in STANDALONE or a.upgrade or self._figures(doc, a)
                                 or self._points_back(doc, a) or self._eyewitness(doc, a)))
            return memo[0]

        sent_start, sent_end = self._sent_of(a.cue.i)
        k_here = bisect.bisect_right(self._starts, sent_start)
        latest: dict[str, int] = {}
        earlier: dict[str, int] = {}
        for ref in self._refs:
            if not ref["event_ids"] or ref["kind"] == "threat" or ref["tokens"][0] >= sent_end:
                continue
            start = ref["tokens"][0]
            if start >= sent_start and start > a.cue.i and not a.covers(start):
                continue
            eid = ref["event_ids"][0]
            if k_here - bisect.bisect_right(self._starts, start) > CONTEXT_SENTENCES:
                if eid in events:
                    earlier[eid] = max(earlier.get(eid, -1), start)
                continue
            if eid in events:
                latest[eid] = max(latest.get(eid, -1), start)
        if latest and all(events[e].get("outcome") == "intercepted" for e in latest) and any(
                src["role"] == "witness" for src in a.sources):
            # '"... the stairwell filled with smoke," said a neighbor' after a paragraph on the drones
            # shot down: a witness on the ground tells of the strike that hit, not the interceptions
            hit = [e for e in earlier if e not in latest and events[e].get("outcome") == "effective"]
            if hit:
                return max(hit, key=lambda e: earlier[e])
        if not latest:
            return None
        if a.stance == "claim_responsibility" and len(latest) > 1:
            # 'Security forces ended the siege after killing all the gunmen. The group claimed
            # responsibility': a group claims an attack by its side, not the state's reply to it
            theirs = {e: s for e, s in latest.items() if self._claimable(events[e])}
            latest = theirs or latest
        run = self._same_source_event(a, attributions, cue_events)
        if run is not None and run in latest:
            return run
        if len(latest) == 1 and eligible():
            return next(iter(latest))
        if len(latest) > 1:
            back = self._definite_antecedent(doc, a, latest, k_here)
            if back is not None:
                return back
        overlap = self._topic_overlap(doc, a, latest)
        if overlap:
            return max(overlap, key=lambda e: (overlap[e], latest[e]))
        if len(latest) == 1 or not eligible():
            return None
        return max(latest, key=lambda e: latest[e])

    def _claimable(self, event: dict) -> bool:
        """Whether an armed group could claim this event: not one the state's forces carried out,
        nor one with no attacker whose targets are armed men (the attackers killed in reply)."""
        kinds = [self._actors.get(x, {}).get("kind") for x in event.get("attacker_ids") or []]
        if any(k in STATE_KINDS for k in kinds):
            return False
        targets = [self._actors.get(x, {}).get("kind") for x in event.get("target_ids") or []]
        return bool(kinds) or not any(k in NON_STATE_ARMED_KINDS for k in targets)

    def _definite_antecedent(self, doc: Doc, a: _Attribution, latest: dict[str, int], k_here: int) -> Optional[str]:
        """'... shot down a Ukrainian drone over the region. Ukrainian media reported that the drone
        had been aimed at ...': a definite noun in what is reported whose word ends the sentence
        before, where one event is mentioned, refers to that event's thing."""
        if k_here < 2:
            return None
        lo, hi = self._starts[k_here - 2], self._starts[k_here - 1]
        before = [e for e, start in latest.items() if lo <= start < hi]
        if len(before) != 1:
            return None
        words = None
        for s, e in a.content:
            for t in _span(doc, s, e):
                if t.pos_ != "NOUN" or t.lemma_.lower() in self.generic_words or not any(
                        c.dep_ == "det" and c.lower_ == "the" for c in t.children):
                    continue
                if words is None:
                    words = {w.lemma_.lower() for w in _span(doc, lo, hi) if w.pos_ == "NOUN"}
                if t.lemma_.lower() in words:
                    return before[0]
        return None

    def _named_incident(self, doc: Doc, a: _Attribution, events: dict[str, dict]) -> Optional[str]:
        """'blames the PKK for the Nov. 13 attack on Kizilay Square': what is reported names an
        incident by its own date or place, which the events layer did not take for a current
        event. The event with that date or place, else none ('' : the statement is about another
        incident); None when no such dated or placed reference is reported."""
        for ref in self._refs:
            s, e = ref["tokens"]
            if ref["event_ids"] or ref["kind"] == "threat" or not a.covers(s):
                continue
            head = _span(doc, s, e).root
            if head.pos_ != "NOUN" or (head.lemma_.lower() not in self.attack_nouns
                                       and head.lower_ not in self.attack_nouns) or not any(
                    c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in head.children):
                continue  # a definite incident noun: 'the Nov. 13 attack', 'last week's bombing'
            lo, hi = head.left_edge.i, head.right_edge.i + 1
            times = {t["id"] for t in self._times if any(lo <= x < hi for x, _ in t.get("tokens") or [])}
            places = {p["id"] for p in self._places if any(lo <= x < hi for x, _ in p.get("tokens") or [])}
            if not times and not any(t.ent_type_ in {"DATE", "FAC", "GPE", "LOC"} for t in _span(doc, lo, hi)):
                if not places:
                    continue
            for eid, ev in events.items():
                if (ev.get("time_id") in times) or (ev.get("place_id") in places):
                    return eid
            return ""
        return None

    def _told_back(self, doc: Doc, head: Token, eid: str, events: dict[str, dict]) -> Optional[str]:
        """'A survivor told reporters that the attackers kept shooting at the car': a witness whose
        account first mentions an event, with the incident's own participants as its subject ('the
        attackers'), tells of the incident mentioned before, not of a new one."""
        if not any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in self.incident_words and any(
                d.dep_ == "det" and d.lower_ == "the" for d in c.children)
                for t in (head, head.head) for c in t.children):
            return None
        before: Optional[tuple[int, str]] = None
        for ref in self._refs:
            start = ref["tokens"][0]
            if ref["event_ids"] and ref["event_ids"][0] == eid and start < head.i:
                return None  # the event was mentioned before: the account is about it
            if ref["event_ids"] and ref["event_ids"][0] != eid and ref["kind"] != "threat" and start < head.i and (
                    ref["event_ids"][0] in events) and (before is None or start > before[0]):
                before = (start, ref["event_ids"][0])
        return before[1] if before else None

    def _same_source_event(self, a: _Attribution, attributions: list[_Attribution],
                           cue_events: dict[int, list[str]]) -> Optional[str]:
        """The event the same source spoke of in a neighbouring sentence (a statement goes on)."""
        if not a.sources or a.sources[0].get("anonymous"):
            return None
        key = _source_key(a.sources[0])
        k = bisect.bisect_right(self._starts, a.cue.i)
        best: Optional[tuple[int, str]] = None
        for b in attributions:
            if b is a or b.cue.i not in cue_events or not b.sources or _source_key(b.sources[0]) != key:
                continue
            dist = abs(bisect.bisect_right(self._starts, b.cue.i) - k)
            if dist <= 1 and (best is None or dist < best[0]):
                best = (dist, cue_events[b.cue.i][0])
        return best[1] if best else None

    def _topic_word(self, doc: Doc, i: int) -> Optional[str]:
        """Token i's lemma if it is a noun or name that can tell one incident from another: not a
        date or number, not a word of attribution, not a country (every statement of the article
        names it). Read from the Doc's columns, fetched once per Doc: no Token per word."""
        P = self._P
        if P.pos[i] not in {"NOUN", "PROPN"}:
            return None
        cols = self._topic_cols
        if cols is None:
            cols = self._topic_cols = (doc.to_array(IS_STOP).tolist(), doc.to_array(ENT_TYPE).tolist())
        stop, ent = cols
        if stop[i] or self._offsets.length[i] < 3 or ent[i] in _NOT_TOPIC_ENTS:
            return None
        lemma = P.lemma[i].lower()
        if lemma in self.generic_words:
            return None
        if ent[i] == _GPE and self._is_country(doc[i].text):
            return None
        return lemma

    def _topic_words_in(self, doc: Doc, start: int, end: int) -> set[str]:
        """`_topic_word`s of the NOUN and PROPN tokens of doc[start:end], each token judged once
        per Doc (the sentences of several events, and what several sources say, overlap)."""
        if not 0 <= start <= end <= len(doc):
            words = (self._topic_word(doc, t.i) for t in _span(doc, start, end))
            return {w for w in words if w is not None}
        pos = self._pos
        if pos is None:
            pos = self._pos = column_list(doc, POS)
        memo = self._topic_memo
        out = set()
        for i in range(start, end):
            if pos[i] in _NOUNISH:
                word = memo.get(i, 0)
                if word == 0:
                    word = memo[i] = self._topic_word(doc, i)
                if word is not None:
                    out.add(word)
        return out

    def _is_country(self, text: str) -> bool:
        pipe = self._actors_pipe
        return pipe is not None and bool(pipe.country_of(text))

    def _topic_overlap(self, doc: Doc, a: _Attribution, latest: dict[str, int]) -> dict[str, int]:
        """Per candidate event, how many content words of what is reported also occur in the
        sentences that mention the event."""
        said: set[str] = set()
        for s, e in a.content:
            said |= self._topic_words_in(doc, s, e)
        if not said:
            return {}
        out: dict[str, int] = {}
        for eid in latest:
            n = len(said & self._event_words(doc, eid))
            if n:
                out[eid] = n
        return out

    def _event_words(self, doc: Doc, eid: str) -> set[str]:
        cache = self._ev_words
        if eid not in cache:
            words: set[str] = set()
            seen: set[int] = set()
            for ref in self._refs:
                if eid in ref["event_ids"]:
                    s, e = self._sent_of(ref["tokens"][0])
                    if s not in seen:
                        seen.add(s)
                        words |= self._topic_words_in(doc, s, e)
            cache[eid] = words
        return cache[eid]

    def _accused_of_other(self, doc: Doc, a: _Attribution) -> bool:
        """'accused villagers of informing on them', 'accused both sides of abuses': an accusation
        of something that is no incident mention and no incident word."""
        if a.cue.lemma_.lower() != "accuse":
            return False
        holders = [a.cue] + [c for c in a.cue.children if c.dep_ == "dobj"]
        of = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "of"]
        if not of:
            return False
        refs = [r["tokens"][0] for r in self._refs if r["event_ids"]]
        for p in of:
            lo, hi = p.left_edge.i, p.right_edge.i + 1
            if any(lo <= i < hi for i in refs):
                return False
            if any(t.lemma_.lower() in self.incident_words or t.lower_ in self.incident_words for t in _span(doc, lo, hi)):
                return False
        return True

    def _reported(self, doc: Doc, a: _Attribution) -> list[Span]:
        return [_span(doc, s, e) for s, e in a.content if e > s]

    def _casualty_lexicon(self) -> cas.Lexicon:
        """The events layer's casualty vocabulary (read once: figures in reported words are
        counted the way the events layer counts them)."""
        lex = getattr(self, "_cas_lex", None)
        if lex is None:
            lex = self._cas_lex = cas.load_lexicon(data_dir() / "events" / "casualties.json")
            self._cas_words = lex.words  # a property that builds the union on every read
        return lex

    def _figures(self, doc: Doc, a: _Attribution) -> dict:
        cached = self._fig_cache.get(a.cue.i)
        if cached is not None:
            return dict(cached)
        out: dict = {}
        lex = self._casualty_lexicon()
        words = self._cas_words
        lower, lemma = self._P.lower, self._P.lemma
        for s, e in a.content:
            if e <= s or not any(lower[k] in words or lemma[k].lower() in words for k in range(s, e)):
                continue  # no casualty word (the words `figures_in` anchors on): no figure
            fat, inj = cas.figures_in(_span(doc, s, e), lex)
            if fat is not None:
                out.setdefault("fatalities", fat)
            if inj is not None:
                out.setdefault("injured", inj)
        self._fig_cache[a.cue.i] = out
        return dict(out)

    def _outcome_words(self) -> tuple[dict[str, tuple[str, Optional[set[str]]]], dict[str, tuple[str, Optional[set[str]]]]]:
        """The events layer's outcome triggers ('shot down', 'intercepted', 'foiled'), read once:
        what a statement that names no incident says of how it ended. By lemma and by lower-case
        form: the outcome and the words that must follow (for 'shot down')."""
        words = getattr(self, "_out_words", None)
        if words is None:
            by_lemma: dict[str, tuple[str, Optional[set[str]]]] = {}
            by_lower: dict[str, tuple[str, Optional[set[str]]]] = {}
            with open(data_dir() / "events" / "triggers.jsonl", encoding="utf-8") as f:
                for line in f:
                    rule = json.loads(line) if line.strip() else {}
                    if rule.get("role") != "outcome" or not rule.get("outcome") or not rule.get("pattern"):
                        continue
                    if rule.get("weapon_only"):
                        continue  # its word tells an outcome only of a weapon ('the shells missed', not 'reported missing')
                    first, rest = rule["pattern"][0], rule["pattern"][1:]
                    follow = None
                    if rest:
                        follow = {w.lower() for w in rest[0].get("LOWER", {}).get("IN", [])} or None
                        if follow is None:
                            continue
                    for attr, table in (("LEMMA", by_lemma), ("LOWER", by_lower)):
                        for w in first.get(attr, {}).get("IN", []):
                            table[w.lower()] = (rule["outcome"], follow)
            words = self._out_words = (by_lemma, by_lower)
            self._out_hashes = (_hash_array(by_lemma), _hash_array(by_lower))
        return words

    def _outcome(self, doc: Doc, a: _Attribution) -> Optional[str]:
        if self._out_hits is None:
            by_lemma, by_lower = self._outcome_words()
            hits = []
            for attr, table, hashes in ((LEMMA, by_lemma, self._out_hashes[0]), (LOWER, by_lower, self._out_hashes[1])):
                for i in self._indices(doc, attr, hashes):
                    key = doc[i].lemma_.lower() if attr == LEMMA else doc[i].lower_
                    outcome, follow = table[key]
                    if follow is None or (i + 1 < len(doc) and doc[i + 1].lower_ in follow):
                        if outcome != "intercepted" or not self._attack_acts(doc[i]):
                            hits.append((i, outcome))
            self._out_hits = sorted(hits)
        for start, outcome in self._out_hits:
            if a.covers(start):
                return outcome
        return None

    def _attack_acts(self, verb: Token) -> bool:
        """'air strikes had neutralised the assailants': an active verb whose subject is an
        attack the events layer found did the destroying; nothing was intercepted."""
        if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
            return False
        refs = {i for r in self._refs for i in range(*r["tokens"])}
        return any(g.i in refs for c in verb.children if c.dep_ == "nsubj" for g in c.subtree)

    def _accused(self, cue: Token, source: dict) -> list[str]:
        """The actors an accusation names: the object of 'blamed the RSF', 'accused the army of
        shelling', 'held the militia responsible', or what an attack is blamed on ('blamed the
        attack on remnants of the group', 'attributed the attack to dissidents'); never the
        accuser itself."""
        heads = [c for c in cue.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"} and c.i > cue.i]
        heads += [p for c in cue.children if c.dep_ == "dobj" for p in c.children if p.dep_ == "prep"
                  and p.lower_ == "on"]
        heads += [c for c in cue.children if c.dep_ == "prep" and (
            c.lower_ == "on" or (c.lower_ == "to" and cue.lemma_.lower() == "attribute"))]  # 'attributed it to X'
        nouns = [g for h in heads for g in ([h] if h.dep_ != "prep" else [g for g in h.children if g.dep_ == "pobj"])]
        nouns += [c for n in list(nouns) for c in n.conjuncts]
        out: list[str] = []
        for n in nouns:
            aid = self._actor_at.get(n.i)
            if aid is None:
                # 'remnants of the group', 'fighters of the militia'
                of = [g for p in n.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                      if g.dep_ == "pobj"]
                aid = next((self._actor_at[g.i] for g in of if g.i in self._actor_at), None)
            if aid and aid != source.get("actor_id") and aid not in out:
                out.append(aid)
        return out

    def _hedged(self, a: _Attribution) -> bool:
        """'said the attack could have been revenge', 'said Russia must be held accountable': every
        clause the cue reports is hedged or demanded by a modal."""
        P = self._P
        dep, kids = P.dep, P.children
        clauses = [c for c in kids[a.cue.i] if dep[c] == "ccomp"]
        # a negated modal ('said it could not give a toll') tells a fact, not a guess
        return bool(clauses) and all(any(dep[x] == "aux" and P.lower[x] in self.modals for x in kids[c])
                                     and not any(dep[x] == "neg" for x in kids[c]) for c in clauses)

    def _points_back(self, doc: Doc, a: _Attribution) -> bool:
        """'the attackers', 'the bodies', 'the wounded': words that only make sense about the
        incident the article is reporting. Not in what a source vows or warns it will do ('vowed
        to hunt down the attackers'): a promise about the future is no account of the incident."""
        P = self._P  # words from the parse lists; a Token only for a vow's right edge
        pos, lemma, lower, words = P.pos, P.lemma, P.lower, self.incident_words
        for s, e in a.content:
            if e <= s:
                continue
            hits = [k for k in range(s, e) if lemma[k].lower() in words or lower[k] in words]
            if not hits:
                continue
            vows = [(k + 1, doc[k].right_edge.i + 1) for k in range(s, e)
                    if pos[k] == "VERB" and lemma[k] in self.threat_lemmas]
            for k in hits:
                if not any(lo <= k < hi for lo, hi in vows):
                    return True
        return False

    @staticmethod
    def _eyewitness(doc: Doc, a: _Attribution) -> bool:
        """'"We heard the explosion ...," said a resident': what witnesses and unnamed people
        quoted in a conflict report tell is their account of the incident under discussion."""
        if any(src["role"] == "witness" for src in a.sources):
            return True
        if not all(src["anonymous"] and not src.get("person") for src in a.sources):
            return False
        orth = column_list(doc, ORTH)  # quote marks by their ids: no Token per word
        return any(orth[k] in _QUOTE_HASHES for s, e in a.content for k in range(max(s - 1, 0), min(e + 1, len(doc))))

    def _commentator(self, source: dict) -> bool:
        """'Analysts said ...': comment on an incident, not a claim about it."""
        words = source["text"].lower().split()
        return source.get("role") != "media" and bool(words) and words[-1] in self.commentators and not source.get("person")

    def _own_act_stance(self, source: dict) -> str:
        """A non-state armed group (or its spokesman) saying it did it claims responsibility; a
        state body saying its forces did it confirms the strike."""
        if source["role"] == "armed_group" or (source["role"] == "spokesperson" and self._actors.get(
                source.get("affiliation") or "", {}).get("kind") in ARMED_KINDS):
            return "claim_responsibility"
        return "confirm"

    # -- cues -----------------------------------------------------------------------------------
    def _cue_for(self, doc: Doc, head: Token, self_cue: bool = False) -> Optional[tuple[Token, str, Optional[Token]]]:
        """The reporting cue governing an event mention: (cue token, stance, speaker head).
        With `self_cue` the mention's own verb may be the cue ('X threatened action')."""
        P = self._P  # the walk up the heads by index: a Token only for the cue found
        dep, up, lower = P.dep, P.head, P.lower
        t = head.i
        steps = 0
        while steps < 12:
            steps += 1
            cue = self._verb_cue_at(t) if (t != head.i or self_cue) else None
            if cue is not None:
                tok = doc[t]
                speaker, embedded = self._cue_speaker(tok)
                # 'young men they accused of supporting the militia': a description, not a claim
                if speaker is None or not (embedded or (dep[t] == "relcl" and speaker.lower_ in PRONOUNS)):
                    return tok, self._stance(tok, cue), speaker
            if dep[t] == "pobj" and lower[up[t]] == "to" and lower[up[up[t]]] == "according":
                return doc[up[up[t]]], "report", doc[t]
            if up[t] == t:
                break
            t = up[t]
        # "according to X" anywhere in the sentence; "X said" as a parenthetical root
        sent_start, sent_end = self._sent_of(head.i)
        sent = _span(doc, sent_start, sent_end)
        for i in self._according:
            if sent_start <= i < sent_end and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
                objs = [c for c in doc[i + 1].children if c.dep_ == "pobj"]
                if objs:
                    return doc[i], "report", objs[0]
        root = sent.root
        cue = self._verb_cue(root)
        if cue is not None and root.i != head.i and _governs(self._P, root.i, head.i):
            return root, cue.stance.value, self._speaker(root)
        return None

    def _verb_cue(self, tok: Token) -> Optional[AttributionCue]:
        """The reporting cue a verb is (`_verb_cue_at` of its index)."""
        return self._verb_cue_at(tok.i)

    def _verb_cue_at(self, i: int) -> Optional[AttributionCue]:
        """The reporting cue token i is, remembered per token of the Doc being processed: every
        event mention walks up its heads asking this of the same few verbs."""
        memo = self._vcue_memo
        if i not in memo:
            memo[i] = self._read_verb_cue(i)
        return memo[i]

    def _read_verb_cue(self, i: int) -> Optional[AttributionCue]:
        P = self._P  # the parse lists: no Token per child
        if P.pos[i] not in {"VERB", "AUX"}:
            return None
        cue = self.verb_cues.get(P.lemma[i].lower())
        if cue is not None and _negated(i, P):
            return None
        if cue is not None and cue.needs_object and not any(
            P.dep[c] == "dobj" and P.lemma[c].lower() in cue.needs_object for c in P.children[i]
        ):
            # 'gave a toll of 56' reports; 'gave weapons' does not
            return None
        return cue

    def _cue_speaker(self, cue: Token) -> tuple[Optional[Token], bool]:
        """The speaker of a cue (`_outer_speaker`, else `_speaker`) and whether the cue is
        `_embedded` in another's statement (False without a speaker), remembered per cue: the
        attributions and every event mention the cue governs ask for them."""
        memo = self._cue_speakers
        found = memo.get(cue.i)
        if found is None:
            speaker = self._outer_speaker(cue) or self._speaker(cue)
            found = memo[cue.i] = (speaker, speaker is not None and self._embedded(cue, speaker))
        return found

    def _outer_speaker(self, cue: Token) -> Optional[Token]:
        """'X said the bomb had been planted in the church and blamed the ADF': a speech verb
        coordinated with the clause another cue reports, with no subject of its own, is said by
        that cue's speaker (the parser hangs it on the reported clause)."""
        if cue.dep_ != "conj" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children):
            return None
        clause = cue.head
        if clause.dep_ not in {"ccomp", "parataxis"} or clause.head.i == clause.i:
            return None
        outer = clause.head
        if self._verb_cue(outer) is None or self._verb_cue(clause) is not None:
            return None
        return self._speaker(outer)

    def _embedded(self, cue: Token, speaker: Token) -> bool:
        """'An initial assessment indicated that ..., he said': a cue whose speaker is a thing
        (an assessment, a report, footage) inside what a person is reported to say belongs to
        that person's statement, not to a source of its own."""
        if cue.dep_ not in {"ccomp", "parataxis"} or cue.head.i == cue.i:
            return False
        if speaker.pos_ != "NOUN" or speaker.i in self._actor_at:
            return False
        if speaker.lemma_.lower() in PERSON_HEADS or speaker.lower_ in PERSON_HEADS or speaker.lower_ in self.role_of:
            return False
        outer = cue.head
        return self._verb_cue(outer) is not None and self._speaker(outer) is not None

    def _speaker(self, cue: Token) -> Optional[Token]:
        """`_read_speaker`, remembered per cue: a cue is asked for its speaker as a cue, as the
        outer cue of the verbs it reports and as the root of a sentence."""
        memo = self._speakers
        if cue.i not in memo:
            memo[cue.i] = self._read_speaker(cue)
        return memo[cue.i]

    def _read_speaker(self, cue: Token) -> Optional[Token]:
        """The cue's subject; for a participle ('issued a statement claiming ...') the subject
        of the verb it hangs from; for a passive the agent."""
        doc = cue.doc
        P = self._P  # token indices into the parse lists: no Token per child looked at
        dep, head, kids = P.dep, P.head, P.children
        t = cue.i
        for _ in range(4):
            subj: Optional[int] = None
            agent: Optional[int] = None
            for c in kids[t]:
                if dep[c] == "nsubj":
                    if P.tag[c] in {"WDT", "WP"} and dep[t] == "relcl" and head[t] != t:
                        return doc[head[t]]  # 'the ministry, which said ...': the ministry speaks
                    if subj is None or (c > t > subj and t > 0 and doc[t - 1].is_punct):
                        # '... the stairwell filled with smoke," said a neighbor': after a closed
                        # quotation the inverted subject speaks, not a noun the parser hung on the cue
                        subj = c
                elif dep[c] == "agent" and agent is None:
                    agent = next((p for p in kids[c] if dep[p] == "pobj"), None)
            if agent is not None and (subj is None or P.pos[agent] == "PROPN" or doc[agent].ent_type_ in {
                    "ORG", "PERSON", "GPE", "NORP"}):
                # 'X confirmed as Y by the Ministry of Defence': with a named agent the subject is
                # the patient ('said by phone' keeps its subject)
                return doc[agent]
            if subj is not None:
                return _set_off_subject(doc[t], doc[subj], cue, P)
            if t == cue.i and dep[t] == "conj" and t > 0 and P.pos[t - 1] in {"NOUN", "PROPN"}:
                # '..., killing several officers, a source in Ukraine's General Staff told Reuters':
                # the cue is read as the conjunct of the attack verb and its speaker as an apposition
                left = _left_speaker(cue)
                if left is not None and left.dep_ == "appos" and left.left_edge.i > 0 and (
                        doc[left.left_edge.i - 1].text == ","):
                    return left
            if dep[t] in {"advcl", "xcomp", "conj", "acl", "pcomp"} and head[t] != t:
                t = head[t]
                continue
            break
        return _left_speaker(cue)

    def _claims_own_act(self, doc: Doc, cue: Token, head: Token, speaker: Optional[Token], source: dict,
                        about: Optional[list[dict]] = None) -> bool:
        """'X announced it had launched ...', 'X said it carried out ...': a claim of its own act.
        A spokesperson's group ('the group had launched ..., Houthi spokesman X said') is the
        spokesperson's own side; 'the jets' (forces named before) are the source's own when the
        event's attacker is the source's state."""
        if speaker is None or source["role"] not in {"armed_group", "official", "spokesperson", "other", "ngo"}:
            return False
        P = self._P  # the path up the heads by index: a Token only for an agentive verb on it
        up, pos, lemma = P.head, P.pos, P.lemma
        path = [head.i]
        while path[-1] != cue.i and up[path[-1]] != path[-1] and len(path) < 10:
            path.append(up[path[-1]])
        for k in path:
            if pos[k] == "VERB" and lemma[k] in AGENTIVE:
                t = doc[k]
                subj = [c for c in t.children if c.dep_ == "nsubj"]
                if not subj and t.dep_ == "conj" and t.head.i < t.i and t.head.dep_ not in {"relcl", "acl"}:
                    # 'said its fighters were inside the hotel and had killed 20': coordinated
                    # verbs share the first one's subject (not inside a relative clause: 'young
                    # men they accused … and shot' is the parser gluing the report's act to it)
                    subj = [c for c in t.head.children if c.dep_ == "nsubj" and c.i < t.head.i]
                own = subj and any(c.dep_ == "poss" and c.lower_ in {"its", "our", "their"} for c in subj[0].children)
                if subj and (own or subj[0].lower_ in {"it", "we", "they"}):
                    return True  # 'the coalition said it had hit ...', 'said its fighters killed ...'
                if subj and subj[0].lower_ in {"he", "she"} and source.get("person"):
                    return True  # 'Trump wrote that he had ordered the strikes'
                if subj and source.get("actor_id") is not None and self._actor_at.get(subj[0].i) == source["actor_id"]:
                    return True
                if subj and source["role"] == "spokesperson" and source.get("affiliation") and self._actor_at.get(
                        subj[0].i) == source["affiliation"]:
                    return True  # 'the group had launched ...', said the group's spokesman
                if subj and source["role"] in {"official", "spokesperson"} and source.get("affiliation"):
                    # 'Turkish warplanes struck ..., Turkey's defence ministry said': a state's own forces
                    actor = self._actors.get(self._actor_at.get(subj[0].i, ""))
                    if actor and actor["kind"] in {"state", "state_forces"} and actor.get("country") == source["affiliation"]:
                        return True
                    if actor is None and subj[0].lemma_.lower() in self.forces and self._country_word(
                            _span(doc, subj[0].left_edge.i, subj[0].i + 1)) == source["affiliation"]:
                        return True
                    if actor is None and subj[0].lemma_.lower() in self.forces and any(
                            c.dep_ == "det" and c.lower_ == "the" for c in subj[0].children) and any(
                            self._actors.get(x, {}).get("country") == source["affiliation"]
                            for ev in about or [] for x in ev.get("attacker_ids") or []):
                        return True  # 'the jets bombed ..., Turkish officials said' (Turkey's strike)
        return False

    # -- sources --------------------------------------------------------------------------------
    def _source(self, doc: Doc, speaker: Optional[Token], cue: Token, last: Optional[dict],
                seen: Optional[list[dict]] = None, cut_conj: bool = False) -> dict:
        """Describe a speaker. A pronoun continues the previous speaker ('He said'); a definite
        description repeats an earlier one ('the ministry' after 'the defence ministry')."""
        if speaker is None:
            return {"text": cue.text, "actor_id": None, "role": "other", "affiliation": None,
                    "anonymous": True, "person": None, "channel": self._channel(cue)}
        if speaker.lower_ in {"he", "she"} and (last is None or not _person_like(last) or (
                last.get("anonymous") and not last.get("person"))):
            # 'He said' after an institution spoke: the person last named before it; after an
            # unnamed speaker ('the victim's father said ... Williams ... He admitted'), a person
            # named since that speaker spoke
            named = self._person_before(doc, speaker)
            if named is not None and (last is None or not _person_like(last) or (
                    self._last_cue is not None and named.i > self._last_cue)):
                return {**self._source(doc, named, cue, None, seen), **_local(speaker)}
        if speaker.lower_ in PRONOUNS and last is not None and speaker.lower_ != "it":
            return {**last, "channel": self._channel(cue) or last.get("channel")}
        if (speaker.lower_ == "it" and last is not None and last.get("role") != "media" and not _person_like(last)
                and self._after_last(cue)):
            # 'The ministry said ... It said ...': the institution that spoke just before
            return {**last, "channel": self._channel(cue) or last.get("channel"), **_local(speaker)}
        span = self._title_fragment(doc, _phrase(speaker, cut_conj, self._P))
        named = _surname(span, speaker, seen or [])
        if named is not None:
            return {**named, "channel": self._channel(cue) or named.get("channel"),
                    "start_char": span.start_char, "end_char": span.end_char}
        earlier = _repeats(span, speaker, seen or [], self._ents)
        if earlier is not None:
            return {**earlier, "channel": self._channel(cue) or earlier.get("channel")}
        actor_id = self._actor_at.get(speaker.i)
        if actor_id is None and speaker.lemma_.lower() in GROUP_NOUNS:
            # 'the al-Qaeda-linked JNIM group': the group is the name it is called by
            actor_id = next((self._actor_at[c.i] for c in reversed(list(speaker.lefts))
                             if c.dep_ == "compound" and c.i in self._actor_at), None)
        if actor_id is None and speaker.lower_ in {"it", "they", "we"}:
            actor_id = self._antecedent(doc, speaker)
            if actor_id is None and speaker.lower_ == "it" and last is not None and last.get("role") != "media":
                # 'It said ...' after an institution spoke: the institution again
                return {**last, "channel": self._channel(cue) or last.get("channel")}
        actor_at, si = self._actor_at, speaker.i  # the phrase by token index: no Token per word
        inner = [actor_at[k] for k in range(span.start, span.end) if k in actor_at and k != si]
        person = next((text for start, text in self._persons if span.start <= start < span.end
                       and self._actors.get(self._actor_at.get(start, ""), {}).get("kind") not in ARMED_KINDS), None)
        if person is None and speaker.pos_ == "NOUN":
            # 'The regional governor, Igor Rudenya, said': the name in apposition is the speaker's
            for c in speaker.children:
                if c.dep_ == "appos" and c.i > speaker.i:
                    person = next((text for start, text in self._persons
                                   if c.left_edge.i <= start <= c.right_edge.i), None)
                    name = list(c.subtree)
                    if person is None and all(t.pos_ == "PROPN" and t.ent_type_ not in {"GPE", "ORG", "NORP", "LOC"}
                                              and t.i not in self._actor_at for t in name):
                        person = _span(doc, name[0].i, name[-1].i + 1).text
                    if person is not None:
                        span = _span(doc, span.start, c.right_edge.i + 1)
                    break
        core = _of_group(speaker)  # 'one of the officials' speaks as an official
        role = self._role(span, core, actor_id)
        if role == "spokesperson":
            self._note_speaks_for(speaker, span, seen or [])
        affiliation = None
        if actor_id and role == "armed_group":
            affiliation = actor_id
        elif inner:
            a = self._actors.get(inner[0])
            affiliation = (a["country"] if a and a["kind"] == "state" else inner[0])
        else:
            for k in range(span.start, span.end):
                a = self._actors.get(actor_at.get(k, ""))
                if a and a.get("country"):
                    affiliation = a["country"]
                    break
            if affiliation is None:
                affiliation = self._country_word(span)
        named_actor = actor_id is not None and not self._actors[actor_id].get("descriptor")
        anonymous = _anonymous(core, person, named_actor, phrase_possible=self._anonymity_words) or (
            core is not speaker and _anonymous(speaker, person, named_actor, phrase_possible=self._anonymity_words))
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

    def _title_fragment(self, doc: Doc, span: Span) -> Span:
        """'Army spokesman Capt. Anthony Mualushayi said': the parser often ends a sentence at the
        period of an abbreviated title; the words before it belong to the speaker's name."""
        i = span.start
        if i < 2 or i not in self._start_set:
            return span
        j = i - 2 if doc[i - 1].text == "." else i - 1
        if doc[j].lower_.rstrip(".") not in self.title_abbreviations or (j == i - 1 and not doc[j].text.endswith(".")):
            return span
        k = j
        while k > 0 and j - k < 8 and not doc[k - 1].is_space and not doc[k - 1].is_punct and doc[k - 1].pos_ in {
                "PROPN", "NOUN", "ADJ", "DET", "NUM"}:
            k -= 1
        if k == j or not (doc[k - 1].is_space or doc[k - 1].is_punct or k == 0):
            return span
        return _span(doc, k, span.end)

    def _note_speaks_for(self, speaker: Token, span: Span, seen: list[dict]) -> None:
        """'Thameen Al-Kheetan, a spokesman for the office': the figures a spokesperson gives are
        also those of the institution named before, which the spokesperson speaks for."""
        for c in speaker.children:
            if c.dep_ != "appos":
                continue
            for t in c.subtree:
                if t.dep_ == "prep" and t.lower_ == "for":
                    for obj in t.children:
                        if obj.dep_ == "pobj":
                            earlier = _repeats(_phrase(obj, P=self._P), obj, seen, self._ents)
                            if earlier is not None:
                                self._speaks_for[span.start_char] = _source_key(earlier)
                                return

    def _after_last(self, cue: Token) -> bool:
        """The previous attribution is in this sentence or the one before."""
        last = getattr(self, "_last_cue", None)
        if last is None:
            return False
        return bisect.bisect_right(self._starts, cue.i) - bisect.bisect_right(self._starts, last) <= 1

    def _person_before(self, doc: Doc, pron: Token) -> Optional[Token]:
        """The last person named in this sentence or the one before, before the pronoun."""
        k = bisect.bisect_right(self._starts, pron.i) - 1
        lo = self._starts[max(k - 1, 0)]
        best = None
        for start, _text in self._persons:
            if lo <= start < pron.i:
                best = start
        # 'President Ivan Petrov ... Petrov was travelling ... he said': a surname alone repeats a
        # person named earlier, though the tagger may not mark it a person; the full mention speaks
        surnames = {text.split()[-1]: start for start, text in self._persons if start < lo and " " in text}
        for i in range(max(lo, best + 1 if best is not None else lo), pron.i):
            t = doc[i]
            if t.pos_ == "PROPN" and t.dep_ in {"nsubj", "nsubjpass"} and t.text in surnames:
                best = surnames[t.text]  # the climb below reaches the name's head
        if best is None:
            return None
        tok = doc[best]
        while tok.head.i != tok.i and tok.dep_ in {"compound", "flat"} and tok.head.pos_ == "PROPN":
            tok = tok.head
        return tok

    def _antecedent(self, doc: Doc, tok: Token) -> Optional[str]:
        start = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
        for i in range(tok.i - 1, start - 1, -1):
            a = self._actor_at.get(i)
            if a and not self._actors[a].get("descriptor"):
                return a
        return None

    def _role(self, span: Span, speaker: Token, actor_id: Optional[str]) -> str:
        # the words as indices into the parse lists: no Token per word and test
        P = self._P
        dep, plemma = P.dep, P.lemma
        si = speaker.i
        low = P.lower[si]
        lemma = plemma[si].lower()
        # 'Farhad Shami, a spokesman for the SDF': the apposition says what the person is
        doc = span.doc
        described = [t.i for c in P.children[si] if dep[c] == "appos" for t in doc[c].subtree]
        span_idx = range(span.start, span.end)
        words = [*span_idx, *described]
        lows = [P.lower[k] for k in words]
        span_lows = lows[: len(span_idx)]
        role_of = self.role_of
        if any(role_of.get(w) == "spokesperson" for w in lows):
            return "spokesperson"
        folded = " " + " ".join(lows) + " "
        phrases = self._phrase_index.candidates(folded)
        for padded, role in phrases:
            if role == "media" and padded in folded:
                # 'the state news agency SANA': a news outlet, whoever owns it
                return role
        heads = [k for k in span_idx if plemma[k].lower() in _INSTITUTION_OR_SOURCE and dep[k] in {
            "nsubj", "compound", "appos", "ROOT", "nsubjpass", "pobj", "dobj"} or k == si]
        if any(plemma[h].lower() in _INSTITUTION_OR_SOURCE for h in heads) and any(
            w in STATE_MODIFIERS for k, w in zip(span_idx, span_lows, strict=True) if k not in heads
        ):
            # "Ukraine's military intelligence agency", "the British maritime agency UKMTO"
            return "official"
        actors, actor_at = self._actors, self._actor_at
        if any(actors.get(actor_at.get(k, ""), {}).get("kind") in ARMED_KINDS
               for k in words if k != si) and not actors.get(actor_id or "") and not any(
                w in self.departments for w in span_lows):
            # 'a commander of the Pakistani Taliban', 'senior Hezbollah official X': the group speaks
            # ('a Houthi health official': an official of the authority's ministry is an official)
            return "armed_group"
        for padded, role in phrases:
            if padded in folded and role != "armed_group":
                # 'Save the Children', 'human rights commission', 'press secretary'
                return role
        named = actors.get(actor_id or "")
        if named is not None and named["kind"] in ARMED_KINDS and not named.get("descriptor") and not named.get(
                "candidate") and actor_at.get(si) == actor_id:
            # 'the Kachin Independence Army said': a named armed group, whatever its head word
            return "armed_group"
        for key in (low, lemma):
            if key in role_of and role_of[key] != "armed_group":
                return role_of[key]
        key = span.text.lower()  # (built token by token: only when the words above say nothing)
        if key in role_of and role_of[key] != "armed_group":
            return role_of[key]
        actor = actors.get(actor_id or "")
        if actor is not None and not (actor.get("candidate") and actor["kind"] == "other"):
            kind = actor["kind"]
            if kind in {"state", "state_forces", "police"}:
                return "official"
            if kind in {"civilians"}:
                return "witness"
            if kind in {"international"}:
                # 'the gang coalition' is an armed group, 'the Saudi-led coalition' speaks for states
                if any(role_of.get(w) == "armed_group" for w in span_lows):
                    return "armed_group"
                if any(w in self.alliance_words for w in span_lows):
                    return "official"
                return "ngo"
            return "armed_group"
        # a modifier's witness word says less than another role word ('a local activist group')
        fallback = None
        for k, w in zip(words, lows, strict=True):
            role = role_of.get(w)
            if role == "witness" and dep[k] == "amod":
                fallback = fallback or role
            elif role:
                return role
        if fallback:
            return fallback
        if lemma in self.military_units and self._country_word(span):
            return "official"  # 'the Jordanian 71st Counter Terrorism Battalion': a state's formation
        if speaker.ent_type_ == "GPE" and self._country_word(span):
            # 'Iraq blames ...', 'Niger says ...': a state speaking through its government
            return "official"
        return "other"

    def _country_word(self, span: Span) -> Optional[str]:
        # token indices and the parse's lower-case forms: no Token per word (`country_of`
        # folds the case of what it is given anyway)
        tokens = range(span.start, span.end)
        for k in tokens:
            a = self._actors.get(self._actor_at.get(k, ""))
            if a and a.get("kind") == "state":
                return a.get("country")
        actors = self._actors_pipe  # looked up once: `nlp.pipe_names` builds a list on every call
        if actors is not None:
            lower = self._P.lower
            for k in tokens:
                iso = actors.country_of(lower[k])
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


def _claimed_by(stance: str, source: dict) -> dict:
    """The asserts of a committal claim: a claim of responsibility names its source the attacker."""
    if stance == "claim_responsibility" and source.get("actor_id"):
        return {"attacker_ids": [source["actor_id"]]}
    return {}


def _lend_figures(claims: list[dict], speaks_for: dict[int, str]) -> None:
    """A spokesperson's casualty figures are also the figures of the institution it speaks for,
    where that institution has a claim of its own on the event and gives none."""
    if not speaks_for:
        return
    by_key = {(c["event_id"], _source_key(c["source"])): c for c in claims}
    for c in claims:
        key = speaks_for.get(c["source"].get("start_char", -1))
        target = by_key.get((c["event_id"], key)) if key else None
        if target is None or target is c:
            continue
        for k in ("fatalities", "injured"):
            if k in c["asserts"]:
                target["asserts"].setdefault(k, c["asserts"][k])


def _split_committal(stance: str, source: dict, asserts: dict) -> tuple[dict, Optional[dict]]:
    """A report that amounts to a committal stance is that claim; its casualty figures, if it
    gives any, stay a report of their own (the claim conventions)."""
    figures = {k: v for k, v in asserts.items() if k in {"fatalities", "injured"}}
    committal = {k: v for k, v in asserts.items() if k not in figures and k != "attacker_ids"}
    committal.update(_claimed_by(stance, source))
    return committal, (dict(asserts) if figures else None)


def _set_off_subject(verb: Token, subj: Token, cue: Token, P: Parse) -> Token:
    """The parser sometimes hangs the reported clause itself on a sentence-final reporting verb:
    'Fighters killed 34 soldiers ..., security sources said' with two subjects, or 'A helicopter
    fired rockets at the school ..., a teacher who survived told RFA' with the speaker as the
    clause's apposition ('"The shells fell on the market," a volunteer told Reuters' too). The
    noun phrase set off by a comma or closing quote just before the cue speaks; a named subject
    with an apposition ('Ahmed Ali, a police spokesman, said') is left alone."""
    if subj.i > verb.i:
        return subj
    doc = cue.doc
    dep, s, v = P.dep, subj.i, verb.i
    later = [c for c in P.children[v] if dep[c] == "nsubj" and s < c < v
             and doc[c].left_edge.i > 0 and doc[doc[c].left_edge.i - 1].text == ","]
    if later:
        return doc[later[-1]]
    if P.pos[s] == "PROPN" or subj.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return subj
    for k in P.children[s]:
        if dep[k] != "appos" or k <= s:
            continue
        a = doc[k]
        if (a.right_edge.i + 1 == cue.i
                and doc[a.left_edge.i - 1].text in {",", '"', "”", "’", "'"}
                and any(t.pos_ == "VERB" for t in doc[subj.left_edge.i:a.left_edge.i])):
            return a
    return subj


def _left_speaker(cue: Token) -> Optional[Token]:
    """'..., a security source, who spoke on condition of anonymity, said.': the parser
    often leaves a sentence-final reporting verb without a subject and hangs the speaker
    on the clause before it. Take the noun phrase that ends just before the cue."""
    doc = cue.doc
    sent_start = cue.sent.start  # once: Token.sent walks back to the sentence start
    j = cue.i - 1
    while j >= sent_start and doc[j].is_punct:
        j -= 1
    if j < sent_start or any(doc[k].is_punct and doc[k].text not in {",", "—", "-"}
                                 for k in range(j + 1, cue.i)):
        return None
    best: Optional[Token] = None
    set_off: Optional[Token] = None
    tok = doc[j]
    while True:
        if tok.pos_ in {"NOUN", "PROPN"} and tok.right_edge.i < cue.i and tok.left_edge.i > sent_start:
            best = tok
            if doc[tok.left_edge.i - 1].text == ",":
                set_off = tok
        head = tok.head
        if head.i == tok.i or head.i >= cue.i or (
            head.pos_ in {"VERB", "AUX"} and head.dep_ not in {"relcl", "acl"} and tok.dep_ not in {"relcl", "acl"}
        ):
            break
        tok = head
    if best is not None and best.left_edge.i > sent_start and doc[best.left_edge.i - 1].text == ",":
        # set off by a comma from the clause it reports: a parenthetical speaker
        return best
    # '..., setting off a large fire, the governor of the region said': the parser hangs the
    # speaker on the last noun of the clause as an apposition; the phrase set off by the comma
    return set_off


def _phrase(tok: Token, cut_conj: bool = False, P: Optional[Parse] = None) -> Span:
    """The noun phrase of a speaker, without relative clauses and appositions after it (and,
    for one of several coordinated speakers, without the others)."""
    doc = tok.doc
    if P is None:
        P = parse_of(doc)  # indices into the parse lists: no Token per child and subtree word
    dep, kids, lower = P.dep, P.children, P.lower
    cut = CLAUSE_CUT | {"conj"} if cut_conj else CLAUSE_CUT
    ti = tok.i
    # a child's subtree reaches from its left edge to its right edge: one Token per child, not
    # one per word of its subtree
    left = min([ti] + [doc[c].left_edge.i for c in kids[ti] if c < ti and dep[c] not in cut])
    right = ti
    person = P.pos[ti] == "NOUN" and (P.lemma[ti].lower() in PERSON_HEADS or lower[ti] in PERSON_HEADS)
    for c in kids[ti]:
        if c < ti:
            continue
        d = dep[c]
        keep = d not in cut
        if d in {"relcl", "acl"} and person and doc[doc[c].left_edge.i - 1].text != ",":
            keep = True  # 'residents who helped with burials': the clause says which residents
        elif d == "appos" and doc[c].left_edge.i == ti + 1 and P.pos[c] == "PROPN":
            keep = True  # 'the al-Qaeda-linked group al-Shabaab': the name itself
        if keep:
            right = max(right, doc[c].right_edge.i)
    for k in range(ti + 1, right):
        if lower[k] == "," and P.tag[k + 1] in {"WDT", "WP", "WP$", "VBG"}:
            right = k - 1  # ', who asked not to be named': not part of the name
            break
    end = right + 1
    while end - left > 1 and doc[end - 1].is_punct:
        end -= 1
    return _span(doc, left, end)


def _coordinated(speaker: Token, P: Parse) -> list[Token]:
    """'police and residents said': two speakers, each making its own claim."""
    out = [speaker]
    doc = speaker.doc  # (P: the parse lists, no Token per child looked at)
    pos, dep, kids = P.pos, P.dep, P.children
    if pos[speaker.i] not in {"NOUN", "PROPN"}:
        return out
    t = speaker.i
    while True:
        nxt = [c for c in kids[t] if dep[c] == "conj" and pos[c] in {"NOUN", "PROPN"}]
        if not nxt:
            return out
        t = nxt[0]
        out.append(doc[t])


def _has_conj(tok: Token, P: Parse) -> bool:
    pos, dep = P.pos, P.dep
    return pos[tok.i] in {"NOUN", "PROPN"} and any(dep[c] == "conj" and pos[c] in {"NOUN", "PROPN"}
                                                   for c in P.children[tok.i])


def _repeats(span: Span, speaker: Token, seen: list[dict], ents: list[tuple[int, int]]) -> Optional[dict]:
    """'The official', 'the ministry', 'The charity': a definite description with no name of
    its own that repeats the head of an earlier speaker is that speaker. `ents`: the Doc's
    entities as token ranges (what `Span.ents` reads, without building the Doc's entity Spans
    anew)."""
    first = span[0].lower_
    if first not in {"the", "that", "this"} or speaker.pos_ != "NOUN" or any(
            span.start <= s and e <= span.end for s, e in ents):
        return None
    head = speaker.lemma_.lower()
    for src in reversed(seen):
        words = {w.strip(".,'\u2019").lower() for w in src["text"].split()}
        singular = {w[:-1] if w.endswith("s") else w for w in words}
        if src.get("role") != "media" or src.get("actor_id") or src.get("start_char") is not None:
            if head in words or head in singular:
                return src
    return None


def _local(tok: Token) -> dict:
    """The words that name a speaker here ('It', 'he'), for the attribution table, when the
    speaker itself is resolved to an earlier mention."""
    return {"start_char": tok.idx, "end_char": tok.idx + len(tok)}


def _person_like(source: dict) -> bool:
    """A named person, an unnamed individual or a spokesperson (who 'he' or 'she' can continue)."""
    return bool(source.get("person")) or source.get("anonymous", False) or source.get("role") in {
        "spokesperson", "witness"}


def _surname(span: Span, speaker: Token, seen: list[dict]) -> Optional[dict]:
    """'Museveni said' after 'President Yoweri Museveni said': a bare name that ends an earlier
    speaker's full name is that speaker."""
    if speaker.pos_ != "PROPN" or len(span) > 2:
        return None
    name = span.text.lower().split()
    for src in reversed(seen):
        person = (src.get("person") or "").lower().split()
        if len(person) > len(name) and person[-len(name):] == name:
            return src
    return None


def _negated(i: int, P: Parse) -> bool:
    """'did not say', 'made no mention', 'declined to confirm': no attribution (token i)."""
    dep = P.dep  # the parse lists: no Token per child
    if any(dep[c] == "neg" for c in P.children[i]):
        return True
    return dep[i] == "xcomp" and P.lemma[P.head[i]] in {"decline", "refuse", "fail"}


def _nobody(speaker: Token) -> bool:
    """'No group has claimed responsibility': a speaker that is nobody."""
    return speaker.lower_ in NOBODY_WORDS or any(
        c.dep_ == "det" and c.lower_ == "no" for c in speaker.children)


def _content(cue: Token, P: Parse) -> list[tuple[int, int]]:
    """Token ranges a reporting verb reports: the clauses and objects it governs, and for a
    verb set after its clause ('..., police said') that clause."""
    doc = cue.doc  # labels and words from the parse lists P; Tokens only for the edges
    dep, lower, kids = P.dep, P.lower, P.children
    out = []
    for i in kids[cue.i]:
        d = dep[i]
        if d in CONTENT_DEPS or (d == "prep" and lower[i] in {"for", "of", "over"}):
            c = doc[i]
            out.append((c.left_edge.i, c.right_edge.i + 1))
        elif d == "prep" and lower[i] in {"in", "on"}:
            # 'said in a statement that the fire ...': the parser hangs the clause on the noun
            for p in kids[i]:
                if dep[p] == "pobj":
                    out.extend((k.left_edge.i, k.right_edge.i + 1) for k in doc[p].children
                               if k.dep_ in {"acl", "ccomp", "relcl"} and k.left_edge.lower_ == "that")
    head = cue.head
    if cue.dep_ in {"parataxis", "ccomp", "advcl"} and head.i < cue.i and head.i != cue.i:
        out.append((head.left_edge.i, cue.left_edge.i))
    return out


def _source_key(source: dict) -> str:
    """Claims of one source: by actor, else by named person, else by what the text calls it."""
    if source.get("person"):
        return "person:" + source["person"].lower()
    if source.get("actor_id") and source.get("role") == "armed_group":
        return "actor:" + source["actor_id"]
    return "text:" + source["text"].lower()


def _drop_headline_echoes(claims: list[dict]) -> list[dict]:
    """A headline's 'X Says' restates an attribution of the body: when the body has a sourced
    claim with the same stance on the same event, the headline's is dropped."""
    body = {(c["event_id"], c["stance"]) for c in claims if not c["_headline"] and c["cue"] is not None
            and c["source"]["role"] != "media"}
    out = []
    for c in claims:
        headline = c.pop("_headline")
        if headline and c["cue"] is not None and (c["event_id"], c["stance"]) in body:
            continue
        out.append(c)
    return out


#: stances that commit a source on an event beyond telling it
COMMITTAL = ("confirm", "claim_responsibility", "accuse", "deny")


def _fold_follow_ups(claims: list[dict]) -> list[dict]:
    """'Petro blamed the ELN. He said the bombing had ended the peace process': what a source that
    claims, confirms, accuses or denies goes on to say about the same event, when it gives no
    casualty figure (or only the figures the claim already gives), is part of that claim, not a
    separate report. A report with figures of its own stays
    its own claim (the figures a group gives for its own attack are its account, not the claim)."""
    committal: dict[tuple[str, str], dict] = {}
    for c in claims:
        # unnamed people ('residents', 'officials') may be different people each time: never folded
        if c["stance"] in COMMITTAL and c["cue"] is not None and not c["source"].get("anonymous"):
            committal.setdefault((c["event_id"], _source_key(c["source"])), c)
    out = []
    for c in claims:
        target = committal.get((c["event_id"], _source_key(c["source"])))
        if (target is not None and c["stance"] == "report" and c["cue"] is not None
                and all(c["asserts"].get(k) is None or c["asserts"].get(k) == target["asserts"].get(k)
                        for k in ("fatalities", "injured"))):
            for k, v in c["asserts"].items():
                target["asserts"].setdefault(k, v)
            continue
        out.append(c)
    return out


def _attribution_record(a: _Attribution, offsets: CharIndex) -> dict:
    """A msgpack-safe record of one attribution for `doc._.cn_attributions`."""
    cue = a.cue
    doc = cue.doc
    text = cue.text
    if cue.lower_ == "according" and cue.i + 1 < len(doc):
        to = doc[cue.i + 1]  # 'according to': the two tokens
        cue_end_char, text = to.idx + len(to), cue.text_with_ws + to.text
    else:
        cue_end_char = offsets.idx[cue.i] + len(text)  # (Token.idx + len, without a Span)
    return {
        "cue": span_record(offsets.idx[cue.i], cue_end_char),
        "cue_text": text,
        "stance": a.stance,
        "sources": [dict(s) for s in a.sources],
        "content": [span_record(offsets.idx[s], offsets.end(e - 1)) for s, e in a.content if e > s],
    }


#: actor kinds of non-state armed groups: their officials and commanders speak for the group
ARMED_KINDS = {"militia", "rebel_group", "insurgent_group", "paramilitary", "identity_militia",
               "criminal_group"}
#: heads that name an institution when a state word modifies them ("military intelligence agency")
INSTITUTION_HEADS = {"agency", "service", "office", "center", "centre", "authority", "directorate", "unit",
                     "operations", "department", "command", "body", "cell"}
#: POS ids of the tokens that can be topic words
_NOUNISH = frozenset({get_string_id("NOUN"), get_string_id("PROPN")})
#: ENT_TYPE ids of the entities whose words are no topic words (dates, numbers, nationalities)
_NOT_TOPIC_ENTS = frozenset(get_string_id(x) for x in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "NORP"))
_GPE = get_string_id("GPE")
_INSTITUTION_OR_SOURCE = frozenset(INSTITUTION_HEADS | {"source"})
STATE_MODIFIERS = {"military", "intelligence", "security", "defence", "defense", "maritime", "border", "emergency",
                   "interior", "state", "national", "federal", "regional", "government", "naval", "army", "police",
                   "civil", "presidential", "joint"}
#: heads that stand for one unnamed person: "a U.S. defense official", "a security source"
PERSON_HEADS = {"official", "officials", "source", "sources", "officer", "officers", "diplomat", "diplomats",
                "commander", "commanders", "resident", "residents", "witness", "witnesses", "villager",
                "villagers", "survivor", "survivors", "local", "locals", "doctor", "doctors", "medic", "medics",
                "fighter", "fighters", "member", "members", "soldier", "soldiers", "aide", "aides", "person",
                "people", "man", "woman", "relative", "relatives", "activist", "activists", "spokesman",
                "spokeswoman", "spokesperson", "analyst", "expert", "employee", "worker", "workers", "leader",
                "leaders", "elder", "elders", "insider", "insiders", "pilgrim", "pilgrims", "worshipper",
                "worshippers", "volunteer", "volunteers", "passenger", "passengers", "teacher", "teachers",
                "nurse", "nurses", "trader", "traders", "shopkeeper", "driver", "drivers", "fisherman",
                "fishermen", "student", "students", "neighbor", "neighbour", "neighbors", "neighbours",
                "farmer", "farmers", "men", "women", "mother", "mothers", "father", "fathers", "lawmaker",
                "lawmakers", "legislator", "legislators", "mp", "mps", "senator", "senators", "councillor",
                "councillors", "councilor", "councilors", "journalist", "journalists", "guard", "guards"}


#: nouns that stand for the organisation named before them ('the JNIM group', 'the M23 movement')
GROUP_NOUNS = frozenset({"group", "movement", "organisation", "organization", "militia", "faction", "alliance",
                         "network", "outfit"})


def _of_group(speaker: Token) -> Token:
    """'one of the sources', 'two of the officials': the group a counted speaker belongs to
    says what the speaker is; any other speaker is itself."""
    if speaker.lower_ not in QUANTIFIER_SPEAKERS and speaker.pos_ != "NUM":
        return speaker
    return next((p for c in speaker.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"), speaker)


QUANTIFIER_SPEAKERS = frozenset({"one", "two", "three", "some", "several", "many", "most", "another", "none"})


def _anonymous(speaker: Token, person: Optional[str], named_actor: bool, phrase_possible: bool = True) -> bool:
    """Unnamed people are anonymous ('an official', 'two militia officials', 'residents');
    institutions and named groups speak under their own name ('the Syrian Observatory for
    Human Rights', 'UKMTO', 'al-Shabaab'), and so do people whose name is given."""
    if phrase_possible and _anonymity_phrase(speaker):
        return True
    if person is not None:
        return False
    if named_actor or speaker.pos_ == "PROPN":
        return False
    return speaker.lemma_.lower() in PERSON_HEADS or speaker.lower_ in PERSON_HEADS


ANONYMITY_WORDS = frozenset({"anonymity", "authorized", "authorised", "named", "anonymous", "condition"})
NOBODY_WORDS = frozenset({"nobody", "none", "noone"})
_QUOTE_HASHES = frozenset(get_string_id(w) for w in QUOTE_MARKS)
_ACCORDING, _NO = get_string_id("according"), get_string_id("no")
_ANONYMITY_HASHES = frozenset(get_string_id(w) for w in ANONYMITY_WORDS)
#: LOWER ids `_scan_words` looks for
_WATCHED = frozenset({_ACCORDING, _NO, *_ANONYMITY_HASHES})


def _anonymity_phrase(tok: Token) -> bool:
    words = [t.lower_ for t in tok.subtree]
    if ANONYMITY_WORDS.isdisjoint(words):
        return False  # the phrases below all hold one of these words: no join for most speakers
    text = " ".join(words)
    return any(p in text for p in ("condition of anonymity", "not authorized to", "not authorised to",
                                   "asked not to be named", "declined to be named", "requested anonymity",
                                   "on condition they not be", "on condition he not be", "anonymous"))


def _has_child_lemma(tok: Token, lemmas: set[str]) -> bool:
    return any(c.lemma_.lower() in lemmas for c in tok.children)


def _trim(space: list[int], start: int, end: int) -> tuple[int, int]:
    """Tokens [start, end) without the whitespace tokens at either end (`space`: the Doc's
    IS_SPACE column: no Token per test)."""
    while start < end and space[start]:
        start += 1
    while end > start and space[end - 1]:
        end -= 1
    return start, end


def _actor_index(doc: Doc, offsets: CharIndex) -> dict[int, str]:
    """Token -> the first actor with a mention over it (mentions are character offsets)."""
    out: dict[int, str] = {}
    for a in records(doc, "cn_actors"):
        for s, e in a["mentions"]:
            span = offsets.expand(s, e)
            if span is None:
                continue
            for i in range(span[0], span[1]):
                out.setdefault(i, a["id"])
    return out


class _PhraseIndex:
    """Multi-word role phrases by their first word, so that only the phrases whose first word
    occurs in a folded speaker phrase (' the state news agency sana ') are tried, in their
    original order. A phrase padded with spaces can only occur there if its first word is one
    of the space-separated pieces of the folded text."""

    def __init__(self, phrases: list[tuple[str, str]]) -> None:
        self.by_first: dict[str, list[tuple[int, str, str]]] = {}
        self.always: list[tuple[int, str, str]] = []
        self._memo: dict[str, list[tuple[str, str]]] = {}
        for k, (phrase, role) in enumerate(phrases):
            first = phrase.split(" ")[0]
            entry = (k, f" {phrase} ", role)
            if first and not any(c.isspace() for c in first):
                self.by_first.setdefault(first, []).append(entry)
            else:
                self.always.append(entry)

    def candidates(self, folded: str) -> list[tuple[str, str]]:
        """(padded phrase, role) of the phrases that may occur in `folded`, in list order;
        remembered (bounded): the same speaker phrases ('police', 'the ministry') recur."""
        memo = self._memo
        out = memo.get(folded)
        if out is None:
            if len(memo) >= 4096:
                memo.clear()
            out = memo[folded] = self._candidates(folded)
        return out

    def _candidates(self, folded: str) -> list[tuple[str, str]]:
        found = list(self.always)
        for piece in set(folded.split(" ")):
            found.extend(self.by_first.get(piece, ()))
        found.sort()
        return [(padded, role) for _, padded, role in found]


def _governs(P: Parse, root: int, i: int) -> bool:
    """Whether token i is in the subtree of token `root` (`i in root.subtree`): `root` is i or
    one of its heads. Walks up from i instead of building the whole subtree."""
    head = P.head
    for _ in range(P.n + 1):
        if i == root:
            return True
        h = head[i]
        if h == i:
            return False
        i = h
    return False


def _hash_array(words: Iterable[str]) -> frozenset[int]:
    """The ids of `words` as spaCy stores them, for `ClaimLinker._indices`."""
    return frozenset(get_string_id(w) for w in words)


def _fold_into_events(events: dict[str, dict], claims: list[dict]) -> None:
    """Attach claims to events: claimed attackers join `attacker_ids`; figures that differ
    between claims mark the field as disputed and the event keeps the most conservative."""
    by_event: dict[str, list[dict]] = {}
    for c in claims:
        by_event.setdefault(c["event_id"], []).append(c)
    for eid, cl in by_event.items():
        ev = events[eid]
        ev["claim_ids"] = [c["id"] for c in cl]
        own = bool(ev["attacker_ids"])
        named: dict[str, list[str]] = {}
        for c in cl:
            if c["stance"] == "claim_responsibility":
                aid = c["source"].get("actor_id")
                if aid and aid not in ev["attacker_ids"]:
                    ev["attacker_ids"].append(aid)
                    if aid in ev["target_ids"]:
                        ev["target_ids"].remove(aid)
            if c["stance"] in {"claim_responsibility", "accuse"} and c["asserts"].get("attacker_ids"):
                named.setdefault(repr(sorted(c["asserts"]["attacker_ids"])), []).append(c["id"])
        if not own:
            # an accusation names the attacker of an event that has none of its own
            for c in cl:
                if c["stance"] == "accuse":
                    for aid in c["asserts"].get("attacker_ids", []):
                        if aid not in ev["attacker_ids"] and aid not in ev["target_ids"]:
                            ev["attacker_ids"].append(aid)
        disputed: dict[str, list[str]] = {}
        for fld in ("fatalities", "injured", "outcome"):
            values = {}
            for c in cl:
                v = c["asserts"].get(fld)
                if v is not None:
                    values.setdefault(repr(v), []).append(c["id"])
            if len(values) > 1:
                disputed[fld] = [i for ids in values.values() for i in ids]
                if fld in {"fatalities", "injured"} and ev.get(fld) is None:
                    # the event's own figure is already the conservative fold of every statement
                    # (numbers over vague words, wholes over parts); only fill a gap here
                    figures = [c["asserts"][fld] for c in cl if c["asserts"].get(fld) is not None]
                    ev[fld] = min(figures, key=lambda f: (f.get("min") if f.get("min") is not None else f.get("max") or 0))
        if len(named) > 1:
            # claims that name different attackers ('X claimed it; the army blamed Y')
            disputed["attacker_ids"] = [i for ids in named.values() for i in ids]
        ev["disputed"] = disputed
