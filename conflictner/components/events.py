"""Attack events: triggers (data), roles from the dependency parse, typology, outcome,
casualties, modality and within-document event coreference.

Reads the actor, place, time and modality records; writes `doc._.cn_events` (one record
per real event, plus `threat` events for threatened attacks) and `doc._.cn_event_refs`
(every trigger occurrence and the events it refers to, so claims can find their event).

A sentence's triggers are grouped into one *mention* when the parse links them ("two
drones launched at a base ... were intercepted"). Mentions are then merged into events:
definite singular mentions ("the attack") refer back, plural definite ones ("the two
attacks", "either incident") refer to several events, indefinite ones start a new event
unless they share facts with an earlier one, and "another"/"a second" never merge into
the first event.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, Optional

import numpy
import srsly
from spacy.attrs import IS_SPACE, LEMMA, LOWER, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..extensions import meta_of, records
from ..rules import CauseEntry, InstrumentEntry, NonTriggerRule, TriggerRule, data_dir
from ..schema import kinds_compatible
from . import casualties as cas
from .base import (
    CharIndex,
    Parse,
    RuleComponent,
    WindowedMatcher,
    column_list,
    column_set,
    parse_of,
    positions,
    span_of,
    span_record,
)
from .base import path_to_root as _path_to_root
from .places import UNLOCATED_IN_DOCUMENT_COUNTRY

REPORT_LEMMAS = {"say", "tell", "claim", "announce", "confirm", "deny", "report", "accuse",
                 "allege", "warn", "add", "state", "indicate", "note", "insist", "acknowledge",
                 "admit", "write", "post", "issue"}
DEFINITE = {"the", "this", "that", "these", "those", "either", "both", "its", "their", "his",
            "her", "our", "such", "each"}
OTHER_MARKERS = {"another", "second", "third", "fourth", "fifth", "separate", "new", "further",
                 "other", "later", "earlier", "latest", "subsequent", "additional"}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
                "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
                "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                "hundred": 100, "several": 3, "dozen": 12, "dozens": 24, "scores": 40,
                "hundreds": 200, "thousands": 2000, "both": 2, "couple": 2}
FUTURE_GOVERNORS = {"vow", "swear", "threaten", "plan", "prepare", "promise", "intend", "pledge", "warn", "order",
                    "instruct", "urge", "tell", "call", "command",
                    "aim", "vowe", "seek", "want", "hope", "decide", "expect", "mean", "ready"}
ATTEMPT_GOVERNORS = {"try", "attempt", "manage", "continue", "begin", "start", "go"}
#: "used a drone to drop explosives": the infinitive tells how an attack was done, and the
#: governor's object is its weapon
MEANS_GOVERNORS = {"use", "employ"}
THREAT_VERBS = {"threaten", "vow", "warn", "pledge", "promise", "herald", "swear"}
THREAT_OBJECTS = {"action", "retaliation", "revenge", "response", "operation", "attack", "strike", "blow",
                  "war", "escalation", "consequence", "reprisal", "retribution"}
SPECIFIC_KINDS = ["suicide_bombing", "drone_strike", "air_strike", "missile_attack", "rocket_attack",
                  "shelling", "ied", "grenade", "bombing", "massacre", "abduction", "ambush", "raid",
                  "territory_capture", "armed_clash", "shooting", "arson", "attack", "other"]
CIVILIAN_KINDS = {"civilians", "protesters"}
TIME_GAP_NOUNS = {"minute", "hour", "day", "night", "week", "month", "year"}
GROUND_TOLD = {"massacre", "raid", "abduction", "territory_capture"}
VICTIM_VERBS = {"kill", "wound", "injure", "massacre", "slaughter", "execute", "behead", "murder", "slay",
                "abduct", "kidnap", "shoot"}


@Language.factory(
    "conflictner_events",
    assigns=["doc._.cn_events", "doc._.cn_event_refs"],
    requires=["token.dep", "doc._.cn_actors", "doc._.cn_places", "doc._.cn_times",
              "doc._.cn_modality"],
    default_config={"data_path": None},
)
def make_events(nlp: Language, name: str, *, data_path: Optional[str]) -> EventExtractor:
    return EventExtractor(nlp, name, data_path=data_path)


@dataclass
class _Trigger:
    tok: Token
    span: Span
    rule: TriggerRule


@dataclass
class _Mention:
    """One event mention: the triggers of a sentence that the parse links together."""

    triggers: list[_Trigger]
    sent_start: int
    kinds: list[str] = field(default_factory=list)
    instruments: list[dict] = field(default_factory=list)
    attackers: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    target_text: Optional[str] = None
    target_texts: list[str] = field(default_factory=list)  # the target phrase and its conjuncts
    target_head: Optional[str] = None
    victims: list[str] = field(default_factory=list)  # targets only ever met as the killed or wounded
    place: Optional[str] = None
    time: Optional[str] = None
    report_time: Optional[str] = None
    outcome: Optional[str] = None
    damage: Optional[bool] = None
    fatalities: Optional[dict] = None
    injured: Optional[dict] = None
    modality: str = "asserted"
    modality_rule: Optional[str] = None
    definite: bool = False
    plural: bool = False
    count: Optional[int] = None
    other_marker: bool = False
    apart: bool = False  # told in a clause dated by a gap from the main one ('two weeks after an attack ...')
    refers_back: bool = False
    anaphor_only: bool = False
    target_inherited: bool = False
    target_weak: bool = False
    target_scope: bool = False  # the target phrase is a bare plural of places ('Ukrainian cities')
    nation: Optional[tuple[str, str, int, int]] = None  # (ISO3, name, chars) of 'a Ukrainian drone', 'an Israeli air strike'
    continuation: bool = False  # joined the event told last (no date, town or contrast of its own)
    place_own: bool = False  # the place is in the mention's own phrase, not just in its sentence
    place_told: bool = False  # the place is where its sentence says things happen (own or not)
    answered: bool = False  # the attack a reply answers ('in response to the killing of X')
    replies: bool = False  # the act is itself a reply ('fired shells at the troops in response')
    bounds: Optional[_Bounds] = field(default=None, compare=False, repr=False)  # see `_mention_span`

    @property
    def head(self) -> Token:
        return self.triggers[0].tok

    @property
    def tokens(self) -> list[int]:
        return sorted({t.tok.i for t in self.triggers})


@dataclass
class _Event:
    id: str
    mentions: list[_Mention] = field(default_factory=list)
    refs: list[tuple[int, int]] = field(default_factory=list)  # collective references
    other_marker: bool = False
    type: str = "attack"
    last_pos: int = 0
    collective: list[dict] = field(default_factory=list)  # figures said of several events


class EventExtractor(RuleComponent):
    folder = "events"
    files = {"triggers.jsonl": TriggerRule, "instruments.jsonl": InstrumentEntry,
             "non_triggers.jsonl": NonTriggerRule, "non_attack_causes.jsonl": CauseEntry}

    def _compile(self) -> None:
        self.by_id: dict[str, TriggerRule] = {}
        # one-token patterns (most triggers) are looked up by word instead of run through the
        # Matcher, whose cost grows with the number of patterns; longer ones go to the Matcher
        self.by_word: dict[tuple[str, str], list[tuple[TriggerRule, Optional[set[str]]]]] = {}
        longer: list[tuple[str, list[dict]]] = []
        for r in self.rules.get("triggers.jsonl", []):
            self.by_id[r.id] = r
            single = _single_token(r.pattern)
            if single is None:
                longer.append((r.id, r.pattern))
                continue
            attr, words, pos = single
            for w in words:
                self.by_word.setdefault((attr, w), []).append((r, pos))
        # (a sieve: its matches come in no set order, see `_find_triggers`)
        self.matcher = WindowedMatcher(self.nlp.vocab, longer, sieve=True)
        self.word_keys = {attr: {w for a, w in self.by_word if a == name} for name, attr in (("LOWER", LOWER),
                                                                                            ("LEMMA", LEMMA))}
        # a non-trigger phrase matters only where it holds a trigger word: windows open there
        attack_words = {w.lower() for words in self.word_keys.values() for w in words}
        attack_words |= {w + "s" for w in attack_words}  # LOWER patterns name plurals ('strikes')
        self.non_matcher = WindowedMatcher(self.nlp.vocab, [(r.id, r.pattern) for r in self.rules.get(
            "non_triggers.jsonl", [])], prefer=attack_words, sieve=True)
        # (role, verb lemma or "" for any) -> nouns that make the verb report no attack
        self.causes: dict[tuple[str, str], frozenset[str]] = {}
        self._cause_memo: dict[tuple[str, str], frozenset[str]] = {}
        for e in self.rules.get("non_attack_causes.jsonl", []):
            for verb in e.verbs or [""]:
                key = (e.role, verb)
                self.causes[key] = self.causes.get(key, frozenset()) | {t.lower() for t in e.terms}
        self.inst_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.inst_by_id: dict[str, InstrumentEntry] = {}
        for e in self.rules.get("instruments.jsonl", []):
            self.inst_by_id[e.id] = e
            self.inst_matcher.add(e.id, [self.nlp.make_doc(t) for t in e.terms])

    # -- main ------------------------------------------------------------------------------
    def process(self, doc: Doc) -> Doc:
        # the parse as lists, read afresh: the hot rules walk it instead of creating Tokens
        self._parse = parse_of(doc, fresh=True)
        actors = records(doc, "cn_actors")
        self._tables_memo: Optional[tuple[list[dict], dict[str, str], dict[str, Optional[str]]]] = None
        self._chars = CharIndex(doc)
        self._actor_at = _token_index(doc, actors, chars=self._chars)
        kinds = {a["id"]: a["kind"] for a in actors if a.get("descriptor")}
        self._actor_kind_at = {i: kinds[a] for i, a in self._actor_at.items() if a in kinds}
        self._descriptor_ids = set(kinds)
        self._candidate_ids = {a["id"] for a in actors if a.get("candidate")}
        self._state_ids = {a["id"] for a in actors if a["kind"] == "state"}
        self._actor_country = {a["id"]: a.get("country") for a in actors
                               if a["kind"] in {"state", "state_forces", "police"}}
        self._actor_rec = {a["id"]: a for a in actors}
        self._nation_at = self._nationality_words(doc)
        places = records(doc, "cn_places")  # (each read of doc._ makes an Underscore object)
        self._place_at = _token_index(doc, places, key="tokens")
        self._places = {p["id"]: p for p in places}
        # an unknown ORG that the place layer read as a town ('attacked Nyala') is a place
        self._town_at = self._unknown_places(doc, actors)
        times = records(doc, "cn_times")
        self._times = {t["id"]: t for t in times}
        published = meta_of(doc).get("published")
        self._published = dt.date.fromisoformat(published) if published else None
        self._time_at = _token_index(doc, times, key="tokens")
        self._time_heads: dict[str, int] = {}  # time id -> its phrase's root, read once for all its sentence's mentions
        self._instruments = self._find_instruments(doc)
        self._instrument_at = sorted(self._instruments)
        self._sent_casualties: dict[int, tuple] = {}
        self._gap_verbs: dict[int, bool] = {}  # `_gap_verb` of the tokens tested in this Doc (`_dated_apart`, `_linked`)
        self._scopes = records(doc, "cn_modality")
        self._doc = doc
        self._main_place = self._document_country()
        self._dateline, self._dateline_at = self._dateline_place()
        # sentence bounds once per document: Token.sent scans the Doc and slices on every call
        starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1)
        self._sent_marks: list[int] = starts.tolist()  # tokens marked as sentence starts
        # (a list: bisect on a few dozen ints is cheaper than numpy's per-call overhead)
        self._sent_starts = numpy.concatenate([[0], starts[starts > 0], [len(doc)]]).astype("int64").tolist()
        triggers = self._find_triggers(doc)
        # the few marker words, in one pass over the lower-case forms
        self._during_at, self._which_at, self._answer_at = [], [], []
        lower = self._parse.lower
        for i in _word_positions(doc, MARKER_IDS):
            w = lower[i]
            if w in DURING_WORDS:
                self._during_at.append(i)
            if w in WHICH:
                self._which_at.append(i)
            if w in ANSWER_FORMS or w in COUNTER_FORMS:
                self._answer_at.append(i)
        self._headline_end = _headline_end(doc)
        self._lead_sent = self._lead_sentence(doc)
        mentions: list[_Mention] = []
        # the sentences from the bounds read above (Doc.sents makes a Span of each); triggers
        # come in token order
        by_sent: dict[int, list[_Trigger]] = {}
        for t in triggers:
            by_sent.setdefault(self._sent_bounds(t.tok.i)[0], []).append(t)
        for start in sorted(by_sent):
            for group in self._cluster(by_sent[start]):
                m = _Mention(triggers=group, sent_start=start)
                self._describe(doc, m)
                mentions.append(m)
        self._announced_attacks: list[_Mention] = []
        events, refs = self._corefer(doc, mentions)
        threats = self._threats(doc, len(events))
        threats += self._announced_threats(doc, threats, len(events) + len(threats))
        for t in threats:
            i = t["trigger_tokens"][0]
            refs.append({"tokens": [i, i + 1], "chars": t["mentions"][0], "event_ids": [t["id"]],
                         "kind": "threat", "modality": "future", "asserts": {}, "rule_ids": t["rule_ids"]})
        doc._.cn_events = self._lead_attackers(events, [self._record(doc, e) for e in events]) + threats
        doc._.cn_event_refs = refs
        return doc

    def _unknown_places(self, doc: Doc, actors: list[dict]) -> set[int]:
        """Tokens of unknown names (ORGs the gazetteer does not know) that name a place: one the
        place layer reads as a town ('attacked Nyala', 'in eastern Putumayo'), or one told as
        a place ('the town of Sake', 'their base at Bula Hawo', 'near Kidal'). Such a name is
        where something happened, not a party to it."""
        towns: set[str] = set()
        for a in actors:
            if a["id"] not in self._candidate_ids:
                continue
            for h in a.get("heads") or []:
                if not 0 <= h < len(doc):
                    continue
                tok = doc[h]
                prep = tok.head if tok.dep_ == "pobj" else None
                if prep is not None and (prep.lower_ in WHERE_PREPOSITIONS or (
                        prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS)):
                    towns.add(a["id"])
                elif tok.dep_ == "appos" and tok.head.lemma_.lower() in PLACE_NOUNS:
                    towns.add(a["id"])
        towns |= {a for i, a in self._actor_at.items() if i in self._place_at and a in self._candidate_ids}
        return {i for i, a in self._actor_at.items() if a in towns}

    # -- triggers and instruments -----------------------------------------------------------
    def _find_instruments(self, doc: Doc) -> dict[int, tuple[InstrumentEntry, Span]]:
        spans = filter_spans([Span(doc, s, e, label=m) for m, s, e in self.inst_matcher(doc)])
        out = {}
        for sp in spans:
            entry = self.inst_by_id[doc.vocab.strings[sp.label]]
            for i in range(sp.start, sp.end):
                out[i] = (entry, sp)
        return out

    def _cause_terms(self, role: str, lemma: str) -> frozenset[str]:
        """The nouns that make a verb of this lemma report no attack in this role (those for any
        verb and those for it): the union is asked for per child of every attack verb, so it
        is made once per (role, lemma), the rules being fixed once compiled."""
        key = (role, lemma)
        terms = self._cause_memo.get(key)
        if terms is None:
            if len(self._cause_memo) > 10_000:
                self._cause_memo.clear()  # bounded: lemmas are an open set
            terms = self._cause_memo[key] = self.causes.get((role, ""), frozenset()) | self.causes.get(
                (role, lemma.lower()), frozenset())
        return terms

    def _caused_by_no_one(self, i: int) -> bool:
        """'The storm killed 12', 'hit by floods', 'killed in a bus crash', 'an earthquake struck
        the region, killing 40': an attack verb whose doer is a hazard, an accident, a disease or
        an economic force reports no attack; nor does one whose object is an idea or a job
        ('attacked the government's handling of the economy', 'fired his army chief') — see
        models/en_conflict/events/non_attack_causes.jsonl. The doer of a verb tied to another
        one ('..., killing 40') is the other verb's."""
        P = self._parse
        if not self.causes or P.pos[i] not in {"VERB", "AUX"}:
            return False
        dep, lower, lemma, kids = P.dep, P.lower, P.lemma, P.children
        verbs = [i]
        if dep[i] in {"advcl", "conj", "xcomp"} and P.pos[P.head[i]] == "VERB" and P.head[i] != i:
            verbs.append(P.head[i])
        for k, verb in enumerate(verbs):
            passive = any(dep[c] == "nsubjpass" for c in kids[verb])
            for child in kids[verb]:
                role, nouns = None, []
                if dep[child] in {"nsubj", "csubj"}:
                    role, nouns = "doer", [child]
                elif dep[child] == "agent" or (passive and dep[child] == "prep" and lower[child] in {"in", "during", "from"}):
                    role, nouns = "doer", [c for c in kids[child] if dep[c] == "pobj"]
                elif k == 0 and dep[child] in {"dobj", "nsubjpass"}:
                    role, nouns = "object", [child]
                elif k == 0 and dep[child] == "prep" and lower[child] in {"at", "against"}:
                    role, nouns = "object", [c for c in kids[child] if dep[c] == "pobj"]
                elif k == 0 and dep[child] == "prt" and lower[child] == "back":
                    role, nouns = "object", [c for p in kids[P.head[child]] if dep[p] == "prep" and lower[p] == "at"
                                             for c in kids[p] if dep[c] == "pobj"]
                if role is None or not nouns:
                    continue
                terms = self._cause_terms(role, lemma[i])
                if not terms:
                    continue
                for noun in nouns:
                    if role == "doer" and any(dep[c] == "prep" and lower[c] == "of" for c in kids[noun]):
                        continue  # 'a storm of rockets hit Sderot': the rockets did
                    if role == "object" and lemma[noun].lower() in SPAN_HOLDERS:
                        # 'launched 10 days of war games', 'a series of drills': what the span holds
                        noun = next((p for c in kids[noun] if dep[c] == "prep" and lower[c] == "of"
                                     for p in kids[c] if dep[p] == "pobj"), noun)
                    words = [noun, *P.conjuncts(noun)]
                    if role == "doer":  # 'Cyclone Freddy'; but 'the media centre' is a building
                        words += [c for c in kids[noun] if dep[c] == "compound"]
                    if any(lemma[w].lower() in terms or lower[w] in terms for w in words):
                        return True
        return False

    def _find_triggers(self, doc: Doc) -> list[_Trigger]:
        P = self._parse
        dep, kids = P.dep, P.children
        strings = doc.vocab.strings
        # candidate spans as (start, end, rule id): Span objects only for those kept
        matches = self.matcher(doc)
        if len({(s, e) for _, s, e in matches}) < len(matches):
            # two patterns match the same words: the Matcher's order says which one wins
            matches = self.matcher.matcher(doc)
        spans = [(s, e, strings[mid]) for mid, s, e in matches]
        by_word = self.by_word
        lower, lemma, pos_ = P.lower, P.lemma, P.pos
        lower_words, lemma_words = self.word_keys[LOWER], self.word_keys[LEMMA]
        # (a comprehension finds the few trigger words faster than a loop over every token)
        for i in [i for i, (low, lem) in enumerate(zip(lower, lemma, strict=True))
                  if low in lower_words or lem in lemma_words]:
            for key in (("LOWER", lower[i]), ("LEMMA", lemma[i])):
                for rule, pos in by_word.get(key, ()):
                    if pos is None or pos_[i] in pos:
                        spans.append((i, i + 1, rule.id))
        found = [(s, e, rid, s if e - s == 1 else Span(doc, s, e).root.i) for s, e, rid in _filter_spans(spans)]
        # 'struck a deal', 'heart attack', 'assault rifles': the attack word reports no attack
        # (only matches that cover a trigger matter: the windows without one are skipped)
        roots = sorted({i for _, _, _, i in found})
        silenced = {i for _, s, e in self.non_matcher(doc, covering=roots)
                    for i in range(s, e)} if len(self.non_matcher) and roots else set()
        out = []
        for s, e, rid, i in found:
            rule = self.by_id[rid]
            if i in silenced or self._caused_by_no_one(i):
                continue
            if rule.role == "outcome" and rule.needs_weapon and lemma[i] in REPEL_LEMMAS and any(
                    dep[c] in {"dobj", "nsubjpass"} and lemma[c].lower() in ASSAULT_NOUNS for c in kids[i]):
                # 'repelled 48 Russian assaults', 'foiled an attack on the base': the attack failed
                rule = rule.model_copy(update={"outcome": "failed", "needs_weapon": False})
            elif rule.role == "event" and lemma[i] in HIT_VERBS and _none_of_them(P, i):
                # 'Neither missile hit the vessel', 'None of the rockets struck the base': it
                # tells how an attack told before ended, and it is no attack of its own
                rule = rule.model_copy(update={"role": "outcome", "outcome": "failed", "needs_weapon": False,
                                               "weapon_only": False, "needs_object": False})
            elif rule.role == "outcome" and rule.outcome == "intercepted" and not self._has_weapon(i):
                continue
            if rule.needs_object and not any(dep[c] in {"dobj", "nsubjpass", "prt"} for c in kids[i]):
                continue
            sp = Span(doc, s, e, label=rid)
            if rule.needs_place_object and not self._place_object(sp):
                continue
            if rule.weapon_only and not self._has_weapon(i):
                continue
            if rule.weapon_kinds and not self._subject_weapon_kinds(i) & set(rule.weapon_kinds):
                continue
            if rule.role == "outcome" and rule.outcome == "intercepted" and self._weapon_acts(i):
                # 'a missile destroyed a school', 'air strikes neutralised the assailants': the
                # weapon acted, so the verb tells an attack, not an interception
                rule = rule.model_copy(update={"role": "event", "outcome": None})
            if rule.needs_weapon and not (self._has_weapon(i) or self._has_target_prep(i)):
                if rule.role == "event" and pos_[i] == "NOUN":
                    rule = rule.model_copy(update={"role": "anaphor"})
                else:
                    continue
            if lemma[i] == "strike" and any(lower[c] in {"general", "hunger", "labour", "labor", "workers"}
                                            for c in kids[i]):
                continue
            if pos_[i] == "VERB" and lemma[i] in LAUNCH_LEMMAS and _into_the_sea(doc, P, i):
                continue  # 'fired two ballistic missiles into the sea': a launch or test, no target
            out.append(_Trigger(tok=doc[i], span=sp, rule=rule))
        return out

    def _refers_back(self, m: _Mention, toks: list[Token]) -> bool:
        """A verb mention that tells more about an event already told: 'shot dead during the
        raid', 'accused the M23 of firing the shells', 'the attackers set fire to vehicles'."""
        P = self._parse
        dep, lower, pos, kids = P.dep, P.lower, P.pos, P.children
        verbs = [t.i for t in toks if pos[t.i] == "VERB"]
        if not verbs or m.count is not None:
            return False
        for tok in toks:
            t = tok.i
            if pos[t] == "NOUN" and any(dep[c] == "det" and lower[c] in {"the", "this", "that"} for c in kids[t]):
                return True
        for v in verbs:
            subjects = [c for c in kids[v] if dep[c] in {"nsubj", "nsubjpass"}]
            if not subjects and dep[v] in {"conj", "xcomp", "advcl"}:
                subjects = [c for c in kids[P.head[v]] if dep[c] == "nsubj"]  # "arrived ... and set fire"
            for c in [*kids[v], *subjects]:
                # (the article is looked for only on the few weapons and armed groups)
                if ((dep[c] in {"dobj", "nsubjpass"} and c in self._instruments) or (
                        dep[c] == "nsubj" and self._actor_kind_at.get(c) in {"unidentified_armed_group",
                                                                            "insurgent_group"})) and any(
                        dep[d] == "det" and lower[d] in {"the", "these", "those"} for d in kids[c]):
                    return True
        return False

    def _place_object(self, span: Span) -> bool:
        """The object of 'seized / captured / took control of' is a place: a gazetteer place or
        a place noun ('the town of X', 'an army base', 'dozens of villages')."""
        tok = span.root
        objs = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
        objs += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in {"of", "over"}
                 for p in c.children if p.dep_ == "pobj"]
        objs += [p for t in span if t.lower_ in {"control", "over"} for c in t.children if c.dep_ == "prep"
                 for p in c.children if p.dep_ == "pobj"]
        for o in objs:
            for t in [o, *(g for q in _quantified(o) for g in [q])]:
                if t.i in self._place_at or t.lemma_.lower() in PLACE_NOUNS:
                    return True
                if any(g.i in self._place_at for g in t.subtree
                       if g.dep_ in {"compound", "appos"} or (g.dep_ == "pobj" and g.head.lower_ == "of")):
                    return True
        return False

    def _has_weapon(self, i: int) -> bool:
        """A weapon in the phrases of trigger `i` (its objects, subject, prepositions), on the
        noun it describes, or on the subject it shares."""
        P = self._parse
        dep, head, kids, inst = P.dep, P.head, P.children, self._instruments
        for c in [i, *kids[i]]:
            if c in inst:
                return True
            if dep[c] in {"dobj", "nsubjpass", "nsubj", "compound", "pobj", "prep", "conj"}:
                if any(g in inst for g in _subtree(P, c) if g - c < 4):
                    return True
        h = head[i]
        if dep[i] in {"acl", "relcl"} and h in inst:
            return True
        if dep[i] == "conj" and P.pos[h] == "VERB":
            # "drones launched at a base ... were intercepted": the subject is shared
            return any(c in inst for c in kids[h] if dep[c] in {"nsubj", "nsubjpass"})
        # "intercepted three rockets fired at X", parsed as a clause whose subject is the weapon
        return any(g in inst for c in kids[i] if dep[c] == "ccomp" and c > i
                   for s in kids[c] if dep[s] in {"nsubj", "nsubjpass"} for g in _subtree(P, s))

    def _weapon_acts(self, i: int) -> bool:
        """An active verb whose subject is the weapon and whose object is none: the weapon did
        the destroying ('a missile destroyed a school'), nothing was intercepted."""
        P = self._parse
        dep, kids, inst = P.dep, P.children, self._instruments
        if P.pos[i] != "VERB" or any(dep[c] in {"nsubjpass", "auxpass"} for c in kids[i]):
            return False
        if not any(g in inst for c in kids[i] if dep[c] == "nsubj" for g in _subtree(P, c)):
            return False
        return not any(g in inst for c in kids[i] if dep[c] in {"dobj", "conj", "prep", "ccomp"}
                       for g in _subtree(P, c))

    def _subject_weapon_kinds(self, i: int) -> set[str]:
        """Instrument kinds in the verb's subject ('a drone slammed into ...')."""
        P = self._parse
        return {self._instruments[g][0].kind for c in P.children[i] if P.dep[c] in {"nsubj", "nsubjpass"}
                for g in _subtree(P, c) if g in self._instruments}

    def _has_target_prep(self, i: int) -> bool:
        P = self._parse
        return any(P.dep[c] == "prep" and P.lower[c] in {"on", "at", "against", "toward", "towards", "into"}
                   for c in P.children[i])

    def _cluster(self, triggers: list[_Trigger]) -> list[list[_Trigger]]:
        """Group a sentence's triggers that the parse links without crossing a clause that has
        its own subject (which would be a second event: '..., while drones hit ...')."""
        groups: list[list[_Trigger]] = []
        P, gaps = self._parse, self._gap_verbs
        for t in sorted(triggers, key=lambda t: t.tok.i):
            for g in groups:
                if any(_linked(t.tok, o.tok, P, gaps) for o in g):
                    g.append(t)
                    break
            else:
                groups.append([t])
        # 'an offensive in Sake on Friday, in which troops killed 11': a clause opened by
        # 'in which' / 'during which' tells the attack named just before it, however parsed
        for g in list(groups) if self._which_at else []:
            opener = min((w for t in g for w in [_relative_which(self._parse, t.tok.i)] if w is not None), default=None)
            if opener is None:
                continue
            before = [o for o in groups if o is not g and max(t.tok.i for t in o) < opener]
            if before:
                max(before, key=lambda o: max(t.tok.i for t in o)).extend(g)
                groups.remove(g)
        # order triggers so the head is an event trigger, not an anaphor or outcome marker
        for g in groups:
            g.sort(key=lambda t: ({"event": 0, "anaphor": 1, "outcome": 2}[t.rule.role], t.tok.i))
        return groups

    # -- describing one mention ---------------------------------------------------------------
    def _describe(self, doc: Doc, m: _Mention) -> None:
        toks = [t.tok for t in m.triggers]
        for t in m.triggers:
            if t.rule.role == "outcome" and t.rule.outcome:
                m.outcome = _better_outcome(m.outcome, t.rule.outcome)
            if t.rule.role == "event":
                m.kinds.append(t.rule.attack_kind.value)
        self._instruments_of(m, toks)
        # "Two drones were shot down over the Kremlin": an interception of weapons is itself
        # the report of an (intercepted) attack, even with no attack verb
        weapon_outcome = any(t.rule.role == "outcome" for t in m.triggers) and bool(m.instruments)
        m.anaphor_only = all(t.rule.role != "event" for t in m.triggers) and not weapon_outcome
        self._roles(doc, m, toks)
        self._form(m)
        m.refers_back = self._refers_back(m, toks)
        m.answered = bool(self._answer_at) and any(_answered(t) for t in toks)
        m.replies = bool(self._answer_at) and not m.answered and any(_replies(t) for t in toks)
        self._time_place(doc, m, toks)
        self._casualties(doc, m, toks)
        self._modality(doc, m, toks)
        if m.outcome is None and (cas.hurt(m.fatalities, m.injured) or m.damage):
            m.outcome = "effective"

    def _instruments_of(self, m: _Mention, toks: list[Token]) -> None:
        # no weapon named in the sentence: nothing to look for around the triggers
        k = bisect.bisect_left(self._instrument_at, m.sent_start)
        if k == len(self._instrument_at) or self._instrument_at[k] >= self._sent_end(m.sent_start):
            return
        P = self._parse
        dep, lower, lemma, pos, head, kids = P.dep, P.lower, P.lemma, P.pos, P.head, P.children
        seen: set[int] = set()
        roles = {t.tok.i: t.rule.role for t in m.triggers}
        for tok in toks:
            t = tok.i
            cands = [t, *kids[t]]
            if dep[t] in {"acl", "relcl"} or lemma[head[t]] in MEANS_GOVERNORS:
                cands.append(head[t])
            if dep[t] in {"nsubjpass", "nsubj", "dobj"} and pos[head[t]] == "VERB":
                cands.append(head[t])
            for c in cands:
                for g in [c, *kids[c], *_quantified_at(P, c)]:
                    hit = self._instruments.get(g)
                    if hit is None or hit[1].start in seen:
                        continue
                    verb = head[g]
                    if dep[g] == "pobj" and lower[verb] in TARGET_PREPOSITIONS and head[verb] in roles:
                        continue  # 'fired on a helicopter': the aircraft is the target, not the weapon
                    if dep[g] == "dobj" and pos[verb] == "VERB" and lemma[verb] not in WEAPON_USE_VERBS \
                            and roles.get(verb) == "event":
                        continue  # 'striking the aircraft': what an attack verb hits is its target
                    entry, span = hit
                    seen.add(span.start)
                    m.instruments.append({"kind": entry.kind, "count": _count_of(span.root)})
                    m.kinds.append(entry.attack_kind.value)

    def _roles(self, doc: Doc, m: _Mention, toks: list[Token]) -> None:
        P = self._parse
        dep, lower, lemma, head, kids = P.dep, P.lower, P.lemma, P.head, P.children
        actors_at, set_target = self._actors_at, self._set_target
        for tok in toks:
            t = tok.i
            rule_role = next(x.rule.role for x in m.triggers if x.tok.i == t)
            if P.pos[t] == "VERB":
                passive = any(dep[c] in {"nsubjpass", "auxpass"} for c in kids[t])
                for c in kids[t]:
                    d = dep[c]
                    if d == "nsubj" and rule_role == "event":
                        m.attackers += actors_at(c, shallow=True) or self._speaker_pronoun(tok, doc[c])
                    elif d == "agent" and rule_role == "event":
                        for p in kids[c]:
                            m.attackers += actors_at(p, shallow=True)
                    elif (d == "dobj" and rule_role == "event" and c not in self._instruments
                          and lower[c] != "fire" and not self._weapons_quantity(c)) or (
                        d == "nsubjpass" and c not in self._instruments and rule_role == "event"
                    ):
                        victims = lemma[t] in VICTIM_VERBS
                        set_target(m, c, weak=victims)
                    elif d == "prep" and (lower[c] in {"on", "at", "against", "toward", "towards", "targeting",
                                                       "into", "inside"} or (
                            lower[c] == "with" and lemma[t] in CLASH_VERBS and rule_role == "event")):
                        # 'clashed with federal troops': the other side of a clash ('fought with
                        # sticks' names a weapon, no side)
                        for p in kids[c]:
                            if dep[p] == "pobj" and (lower[c] != "with" or actors_at(p, shallow=True)):
                                set_target(m, p)
                    if d in {"dobj", "nsubjpass"} and c in self._instruments:
                        # "fired six mortar shells at a base": the weapon carries the target
                        for g in kids[c]:
                            if dep[g] == "prep" and lower[g] in {"at", "on", "against", "toward", "towards", "into"}:
                                for p in kids[g]:
                                    if dep[p] == "pobj":
                                        set_target(m, p)
                if dep[t] == "acl" and not passive and P.tag[t] == "VBN":
                    # "drones launched by X at Y": the head noun is the instrument
                    for c in kids[t]:
                        if dep[c] == "agent":
                            for p in kids[c]:
                                m.attackers += actors_at(p, shallow=True)
            else:
                for c in kids[t]:
                    d = dep[c]
                    if d == "poss":
                        m.attackers += actors_at(c, shallow=True)
                    elif d == "prep" and lower[c] in {"on", "at", "against", "targeting", "in"}:
                        for p in kids[c]:
                            if dep[p] == "pobj" and (lower[c] != "in" or actors_at(p, shallow=True)):
                                if lower[c] == "in" and p in self._place_at:
                                    continue
                                set_target(m, p)
                    elif d == "prep" and lower[c] == "by":
                        for p in kids[c]:
                            m.attackers += actors_at(p, shallow=True)
                    elif d in {"amod", "compound"} and c in self._actor_at:
                        a = self._actor_at[c]
                        if a not in m.attackers:
                            m.attackers.append(a)
                h = head[t]
                if dep[t] in {"dobj", "nsubjpass"} and lemma[h] in {"repel", "repulse"}:
                    # 'troops repelled an attack on their base': the ones who repel it defend (who
                    # 'foiled' it may have been elsewhere: police foiling a plot)
                    for c in kids[h]:
                        if dep[c] == "nsubj" or dep[c] == "agent":
                            who = c if dep[c] == "nsubj" else next((p for p in kids[c] if dep[p] == "pobj"), c)
                            for a in actors_at(who, shallow=True):
                                if a not in m.targets:
                                    m.targets.append(a)
                # "launched another drone attack on a base": the verb's subject attacks; so too
                # through a quantity ("carried out a new round of strikes")
                phrase = t
                if dep[t] == "pobj" and lower[h] == "of" and lower[head[h]] in QUANTITY_HEADS and dep[head[h]] == "dobj":
                    phrase = head[h]
                ph = head[phrase]
                # ('stag': the base lemmatizer's lemma of 'staged')
                if dep[phrase] == "dobj" and lemma[ph] in {"launch", "carry", "conduct", "stage", "stag", "mount", "claim"}:
                    for c in kids[ph]:
                        if dep[c] == "nsubj" and lemma[ph] != "claim":
                            m.attackers += actors_at(c, shallow=True)
                        if dep[c] == "prep" and lower[c] in {"on", "at", "against"}:
                            for p in kids[c]:
                                set_target(m, p)
        for tok in toks:
            t = tok.i
            if P.pos[t] == "VERB" and dep[t] in {"advcl", "conj", "xcomp"} and not m.attackers and not any(
                dep[c] in {"nsubj", "nsubjpass", "agent"} for c in kids[t]
            ):
                # "troops pushed into Kursk, seizing dozens of villages": the participle's agent is
                # the subject of the clause it hangs from
                for c in kids[head[t]]:
                    if dep[c] == "nsubj":
                        m.attackers += actors_at(c, shallow=True)
        if not m.attackers and self._instruments:
            m.attackers += self._weapon_owners(toks)
        m.attackers = list(dict.fromkeys(a for a in m.attackers if a not in m.targets))
        if not m.attackers and self._nation_at:
            m.nation = self._nation_of(m, toks)

    def _weapons_quantity(self, i: int) -> bool:
        """'a barrage of rockets', 'a salvo of missiles': a quantity of weapons is what was fired,
        not what was hit (the target follows: 'at an army base')."""
        P = self._parse
        return P.lower[i] in QUANTITY_HEADS and any(q in self._instruments for q in _quantified_at(P, i))

    def _weapon_owners(self, toks: list[Token]) -> list[str]:
        """'shot down four Houthi drones', 'destroyed 12 RSF drones', 'Hezbollah rockets hit ...':
        a named party on the weapon the trigger governs fired it (the nationality form, 'a
        Ukrainian drone', is read by `_nation_of`)."""
        P = self._parse
        dep, kids = P.dep, P.children
        out: list[str] = []
        for tok in toks:
            t = tok.i
            weapons = [c for c in [t, *kids[t]] if c in self._instruments and (
                c == t or dep[c] in {"dobj", "nsubj", "nsubjpass", "compound"})]
            for w in weapons:
                for q in [w, *_quantified_at(P, w)]:
                    for g in kids[q]:
                        aid = self._actor_at.get(g)
                        if (dep[g] in {"compound", "amod", "nmod", "poss"} and aid is not None
                                and g not in self._town_at and aid not in self._descriptor_ids):
                            out.append(aid)
        return out

    def _nationality_words(self, doc: Doc) -> dict[int, tuple[str, str, int, int]]:
        """token index -> (ISO3, state name) for nationality adjectives that qualify no actor
        ('a Ukrainian drone'); 'Russian-made' tells where a weapon was built, not who fired it."""
        out: dict[int, tuple[str, str, int, int]] = {}
        for g in records(doc, "cn_affiliations"):
            if not g.get("country"):
                continue
            for (s, e), form, aid in zip(g["mentions"], g["forms"], g["actor_ids"], strict=False):
                if form != "adjective" or aid is not None:
                    continue
                found = self._chars.expand(s, e)
                if found is None or (found[1] < len(doc) and self._parse.lower[found[1]] in {"-", "–"}):
                    continue
                out[found[1] - 1] = (g["country"], g["name"], s, e)
        return out

    def _nation_of(self, m: _Mention, toks: list[Token]) -> Optional[tuple[str, str, int, int]]:
        """The state a nationality adjective on the weapon or on the attack noun names as the
        attacker: 'a Ukrainian drone crashed into ...', 'an Israeli air strike hit ...', 'shot down
        a Russian missile', 'Turkish warplanes bombed ...'. A state's aircraft, drones and
        missiles stand for its forces; the adjective on anything else (the target, the victims,
        the place) says nothing about who attacked."""
        P = self._parse
        dep, lower, kids, inst = P.dep, P.lower, P.children, self._instruments
        nouns: list[int] = []
        for tok in toks:
            t = tok.i
            if P.pos[t] in {"NOUN", "PROPN"}:
                nouns.append(t)
                nouns += [c for c in kids[t] if dep[c] in {"compound", "amod"} and c in inst]
                nouns += [p for c in kids[t] if dep[c] == "prep" and lower[c] in {"by", "from", "with"}
                          for p in kids[c] if dep[p] == "pobj" and p in inst]
            elif P.pos[t] == "VERB":
                for c in kids[t]:
                    if dep[c] in {"nsubj", "nsubjpass", "dobj"} and c in inst:
                        nouns.append(c)
                    elif dep[c] in {"agent", "prep"} and lower[c] in {"by", "with"}:
                        nouns += [p for p in kids[c] if dep[p] == "pobj" and p in inst]
        for n in nouns:
            for q in [n, *_quantified_at(P, n)]:
                for c in kids[q]:
                    if dep[c] in {"amod", "compound", "nmod"} and c in self._nation_at:
                        return self._nation_at[c]
        return None

    def _nation_actor(self, doc: Doc, nation: tuple[str, str, int, int]) -> str:
        """The id of the state actor for a nationality word: the document's own actor for that
        state, else a new one (a candidate, so it is only kept when an event uses it)."""
        iso, name, start, end = nation
        actors = records(doc, "cn_actors")
        for a in actors:
            if a["kind"] == "state" and a.get("country") == iso and not a.get("descriptor"):
                return a["id"]
        used = {a["id"] for a in actors}
        n = len(actors)
        while f"actor-{n}" in used:
            n += 1
        rec = {"id": f"actor-{n}", "name": name, "kind": "state", "acled_inter": 1, "country": iso, "backers": [],
               "aliases": [], "gazetteer_id": iso, "descriptor": False, "candidate": True, "mentions": [[start, end]],
               "heads": [], "rule_ids": ["events.attacker:nationality"], "parent_id": None,
               "parent_gazetteer_id": None}
        doc._.cn_actors = [*actors, rec]
        self._actor_rec[rec["id"]] = rec
        return rec["id"]

    def _specific_victims(self, ids: list[str]) -> list[str]:
        """'people' next to the victims a sentence names ('villagers', 'worshippers') is the
        same crowd counted again: the population word yields to the specific one."""
        recs = [self._actor_rec.get(i) or {} for i in ids]
        specific = any(r.get("kind") == "civilians" and "actors.descriptor:people" not in r.get("rule_ids", [])
                       for r in recs)
        if not specific:
            return ids
        return [i for i, r in zip(ids, recs, strict=True) if "actors.descriptor:people" not in r.get("rule_ids", [])]

    def _one_party(self, ids: list[str]) -> list[str]:
        """An event's attackers as parties: a description ('fighters', 'the gunmen') next to the
        name of the group it describes ('RSF fighters', 'JNIM') or to a description of the same
        kind ('a suicide bomber and gunmen', 'government soldiers' / 'Ethiopian soldiers') is
        that party again, not a second attacker. Kinds that may describe one party: the armed
        non-state kinds among themselves; state kinds (state, its forces, police) when the
        countries do not differ."""
        recs = [self._actor_rec.get(i) for i in ids]
        if len(ids) < 2 or any(r is None for r in recs):
            return ids
        keep: list[dict] = []
        # names first: a description yields to a name, never the reverse
        for r in sorted(recs, key=lambda r: bool(r.get("descriptor"))):
            if r.get("descriptor") and not r.get("backers") and any(_same_party(r, k) for k in keep):
                continue
            keep.append(r)
        kept = {r["id"] for r in keep}
        return [i for i in ids if i in kept]

    def _set_target(self, m: _Mention, i: int, weak: bool = False) -> None:
        """Record the target phrase headed by token `i`; victims of 'killed'/'wounded' are weak
        and give way to the thing attacked ('fired shells at a base, killing two soldiers'). An
        aircraft or a vehicle after 'on'/'at' is what was attacked ('fired on a helicopter')."""
        P = self._parse
        dep, lower, head, kids = P.dep, P.lower, P.head, P.children
        aimed_at = dep[i] == "pobj" and lower[head[i]] in TARGET_PREPOSITIONS
        if (i in self._instruments and not aimed_at) or i in self._time_at or self._ent_type(i) in DATE_TIME_IDS:
            return
        if aimed_at and P.lemma[i].lower() in MEDIA_NOUNS:
            return  # 'claimed the killings on its Telegram channel': where it was said, not what was hit
        if P.pos[i] == "PRON" or lower[i] in NOBODY or any(dep[c] == "det" and lower[c] == "no" for c in kids[i]):
            # 'killed them', 'whether anyone was hurt', 'No one was hurt': a pronoun or a
            # quantifier names nobody in particular (who 'them' are is told elsewhere)
            return
        if m.target_text is not None and m.target_weak and not weak:
            m.target_text = None
        if m.target_text is None:
            doc = self._doc
            m.target_weak = weak
            m.target_text = _np_text(doc, P, i)
            # 'attacked a gendarmerie school and a military airbase': each conjunct was attacked
            parts = _breakdown(P, i)
            m.target_texts = [m.target_text, *(_np_text(doc, P, c) for c in P.conjuncts(i)
                                               if c > i and P.pos[c] in {"NOUN", "PROPN"} and c not in self._place_at
                                               and c not in parts)]
            m.target_head = P.lemma[i].lower() if lower[i] != "bases" else "base"
            m.target_scope = P.tag[i] == "NNS" and P.lemma[i].lower() in SCOPE_NOUNS and not any(
                dep[c] in {"det", "nummod", "poss"} for c in kids[i])
        found = self._actors_at(i)
        if found and self._instruments:
            # 'struck a command post with U.S.-supplied HIMARS rockets': who made or owns the
            # weapon the target phrase carries was not hit
            armed = {g for w in _subtree(P, i) if dep[w] == "prep" and lower[w] == "with" and any(
                p in self._instruments for p in kids[w] if dep[p] == "pobj") for g in _subtree(P, w)}
            if armed:
                hit = {self._actor_at[k] for k in _subtree(P, i) if k in self._actor_at and k not in armed}
                found = [a for a in found if a in hit]
        parts = _breakdown(P, i) if len(found) > 1 else []
        if parts:
            # 'Six members of a family, three women and three children,': the parts restate the whole
            in_parts = {self._actor_at.get(k) for c in parts for sub in [_subtree(P, c)]
                        for k in range(min(sub), max(sub) + 1)}
            found = [a for a in found if a not in in_parts or a == self._actor_at.get(i)]
        if len(found) > 1:
            # '11 members of Dawlah Islamiyah, a group that has pledged allegiance to the Islamic
            # State': a relative clause describes the target; the actors it names were not hit
            inside: set[str] = set()
            outside: set[str] = set()
            sub = _subtree(P, i)
            for k in range(min(sub), max(sub) + 1):
                a = self._actor_at.get(k)
                if a is None:
                    continue
                t = k
                while t != i and dep[t] != "relcl" and head[t] != t:
                    t = head[t]
                (inside if dep[t] == "relcl" and t != i else outside).add(a)
            found = [a for a in found if a not in inside or a in outside]
        if found:
            # 'a children's hospital', 'a women's clinic': the kind of place, not who was hit
            poss_only: dict[str, bool] = {}
            for t in _subtree(P, i):
                a = self._actor_at.get(t)
                if a is None or self._actor_kind_at.get(t) != "civilians":
                    continue
                if head[t] != t and self._actor_at.get(head[t]) == a:
                    continue  # a word inside the mention ('displaced' in 'displaced people')
                poss_only[a] = poss_only.get(a, True) and dep[t] == "poss" and head[t] not in self._actor_at
            found = [a for a in found if not poss_only.get(a)]
        for a in found:
            if a not in m.targets and not (a in self._state_ids and self._actor_at.get(i) != a):
                # 'Haiti's main prison', 'a base in Colombia's Arauca province': the state names
                # where the target is, it is not itself the target
                m.targets.append(a)
                if weak:
                    m.victims.append(a)
            elif a in m.victims and not weak:
                m.victims.remove(a)

    def _ent_type(self, i: int) -> int:
        """The entity label id of token `i`, read off its Token: a Doc asks for a few, and
        reading the Doc's whole ENT_TYPE column costs as much as a hundred Tokens."""
        return self._doc[i].ent_type

    def _actors_in(self, tok: Token, shallow: bool = False) -> list[str]:
        """Actor ids mentioned in a token's subtree (its own phrase only when shallow)."""
        return self._actors_at(tok.i, shallow)

    def _actors_at(self, i: int, shallow: bool = False) -> list[str]:
        """`_actors_in` for token index `i`."""
        P = self._parse
        dep, head = P.dep, P.head
        out: list[str] = []
        if i in self._actor_at and i not in self._town_at and i not in self._dateline_at:
            out = [self._actor_at[i]]
            if shallow and out[0] in self._descriptor_ids:
                # 'fighters from the RSF', 'members of the Gran Grif gang': the group they belong to
                for c in P.children[i]:
                    if dep[c] == "prep" and P.lower[c] in {"of", "from"}:
                        for p in P.children[c]:
                            a = self._actor_at.get(p)
                            if dep[p] == "pobj" and a and a not in out and p not in self._town_at:
                                out.append(a)
                    elif dep[c] == "nmod" and c < i:
                        # 'U.S. Central Command (CENTCOM) forces': the named command the parser
                        # hangs on the noun across the bracket
                        a = self._actor_at.get(c)
                        if a and a not in out and a not in self._descriptor_ids and c not in self._town_at:
                            out.append(a)
            for c in P.children[i]:
                if c in self._actor_at and c not in self._town_at and (
                        dep[c] == "conj" or any(dep[g] == "cc" for g in P.children[c])):
                    # 'the United States and Britain struck ...': every conjunct acts; 'the RSF
                    # and allied militias', which the parser reads as a modifier with its 'and'
                    out += [a for a in self._actors_at(c, shallow=shallow) if a not in out]
            return out
        for t in _subtree(P, i):
            if shallow and head[t] != i and t != i and dep[t] not in {"conj", "appos", "compound", "amod"}:
                continue
            if t in self._town_at or t in self._dateline_at:
                continue  # the dateline's agency ('(AP)') acts in no event
            a = self._actor_at.get(t)
            if a and a not in out:
                out.append(a)
        return out

    @staticmethod
    def _form(m: _Mention) -> None:
        """Definiteness, number and 'another'-marking of the mention's noun trigger."""
        doc = m.head.doc
        P = parse_of(doc)
        dep, lower, pos, kids = P.dep, P.lower, P.pos, P.children
        nouns = [t.tok for t in m.triggers if pos[t.tok.i] in {"NOUN", "PROPN"}]
        verbs = [t.tok for t in m.triggers if pos[t.tok.i] == "VERB"]
        tok = nouns[0] if nouns else m.head
        dets = [c for c in kids[tok.i] if dep[c] in {"det", "poss", "predet"}]
        nums = [doc[c] for c in kids[tok.i] if dep[c] == "nummod" and not _calibre(doc[c])]
        m.definite = bool(dets and lower[dets[0]] in DEFINITE) and not verbs
        m.plural = P.tag[tok.i] in {"NNS", "NNPS"} or any(lower[d] in {"both", "either", "these", "those"} for d in dets)
        if nums:
            m.count = NUMBER_WORDS.get(nums[0].lower_) or (int(nums[0].text) if nums[0].text.isdigit() else None)
        words = {lower[c] for t in m.triggers for c in kids[t.tok.i]}
        for t in m.triggers:
            for c in kids[t.tok.i]:
                if dep[c] == "prep":
                    for p in kids[c]:
                        words |= {lower[g] for g in kids[p]}
        if words & OTHER_MARKERS:
            m.other_marker = True

    def _time_place(self, doc: Doc, m: _Mention, toks: list[Token]) -> None:
        P = self._parse
        dep, lemma, pos, lower = P.dep, P.lemma, P.pos, P.lower
        ss, se = self._sent_bounds(m.head.i)
        cluster_ids = {x.i for x in toks}
        apart = _dated_apart(toks, self._gap_verbs)
        if apart is not None:
            # 'struck the port on Saturday, a day after a drone launched by the rebels slammed
            # into a building in Eilat': the clause tells another attack, dated and placed by
            # its own words only
            m.other_marker = m.apart = True
            ss, se = apart.left_edge.i, apart.right_edge.i + 1
        own: list[str] = []
        report: list[str] = []
        loose: list[str] = []
        for tid, t in self._times.items():
            (s, e), = t["tokens"][:1] or [(None, None)]
            if s is None or not (ss <= s < se):
                continue
            head = self._time_heads.get(tid)
            if head is None:
                head = self._time_heads[tid] = doc[s:e].root.i
            path = P.path(head)
            if apart is not None and P.head[head] == apart.i and dep[head] == "npadvmod":
                continue  # 'a day after': it dates the main clause from this one, not this one
            if t.get("anchor") == "event":
                if lower[e - 1] == "after" and dep[e - 1] == "mark" and P.head[e - 1] in cluster_ids:
                    # 'The strikes came two days after militants ambushed a convoy': the phrase
                    # dates the main clause from this one, not this one
                    continue
                # "Hours later, X announced it had struck ...": sequencing words date the
                # event told in the sentence, whatever verb the parser hangs them on
                loose.append(tid)
                continue
            if any(p in cluster_ids for p in path):
                first = next(k for k, p in enumerate(path) if p in cluster_ids)
                if any(lemma[p] in REPORT_LEMMAS and pos[p] == "VERB" and p not in cluster_ids for p in path[:first]):
                    report.append(tid)
                else:
                    own.append(tid)
            elif any(lemma[p] in REPORT_LEMMAS and pos[p] == "VERB" for p in path):
                report.append(tid)
            else:
                loose.append(tid)
        m.time = (own or loose or [None])[0]
        m.report_time = (report or [None])[0]
        places_own: list[str] = []
        places_sent: list[str] = []
        origins: list[str] = []
        for tok_i, pid in self._place_at.items():
            if not (ss <= tok_i < se) or tok_i in self._dateline_at:
                continue  # the dateline says where the report was filed, not where this happened
            head = P.head[tok_i]
            if head != tok_i and self._place_at.get(head) == pid:
                continue  # 'United' in 'United States': the name's head speaks for it
            first = tok_i  # 'The United States and Britain struck ...': a conjunct shares the first one's role
            while dep[first] == "conj" and P.head[first] != first:
                first = P.head[first]
            head = P.head[first]
            if self._places[pid]["kind"] == "country" and (
                    dep[first] == "nsubj" or (dep[first] == "pobj" and dep[head] == "agent") or (
                        dep[first] in {"compound", "amod", "nmod", "poss"} and (
                            (head in self._actor_at and head not in self._place_at) or head in cluster_ids))):
                # 'Russia launched ...', 'drones launched by Russia', 'U.S. forces', 'a U.S.
                # strike': the country names a side, not the place
                continue
            path = P.path(tok_i)
            if any(dep[p] == "prep" and lower[p] == "from" and lemma[P.head[p]] in LAUNCH_LEMMAS for p in path[1:3]):
                origins.append(pid)  # 'a drone launched from Lebanon struck ...': where it came from
                continue
            if any(p in cluster_ids for p in path) or (
                m.target_text and any(dep[p] in {"pobj", "dobj", "nsubjpass"} and p in cluster_ids for p in path)
            ):
                places_own.append(pid)
            elif not any(lemma[p] in REPORT_LEMMAS and pos[p] == "VERB" for p in path[:3]) and not any(
                dep[p] == "appos" or (p in self._actor_at and p != tok_i and self._actor_rec.get(
                    self._actor_at[p], {}).get("kind") != "civilians") for p in path[1:5]
            ):
                # a place describing an actor ('al-Qaeda's affiliate in the Sahel') is not where
                # this event happened; civilians' place is ('a camp for displaced people in Kachin State')
                places_sent.append(pid)
        best = self._most_precise(places_own) or self._most_precise(places_sent) or self._most_precise(origins)
        m.place = best
        m.place_own = bool(places_own)
        m.place_told = bool(places_own or places_sent)

    def _most_precise(self, pids: list[str]) -> Optional[str]:
        if not pids:
            return None
        return min(dict.fromkeys(pids), key=lambda p: (self._places[p]["geo_precision"], _kind_rank(self._places[p]["kind"])))

    def _casualties(self, doc: Doc, m: _Mention, toks: list[Token]) -> None:
        """The figures, damage and 'target unhurt' statements this mention owns: those of its
        sentence whose word hangs nearer its triggers than another trigger's."""
        if getattr(self, "_cas_doc", None) is not doc:
            self._cas_init(doc)
        start, end = self._sent_bounds(m.head.i)
        if start not in self._sent_casualties:  # several mentions share a sentence
            anchors = self._cas_anchors.get(start, [])
            self._sent_casualties[start] = cas.scan_sentence(Span(doc, start, end), anchors, self._instruments,
                                                             self._cas_lex)
        self._cas_mentions.setdefault(start, []).append(m)
        stmts = self._sent_casualties[start]
        lo, hi = bisect.bisect_left(self._cas_trig, start), bisect.bisect_left(self._cas_trig, end)
        mine = cas.owned(stmts, doc, {t.tok.i for t in m.triggers},
                         [doc[i] for i in self._cas_trig[lo:hi]]) if stmts else []
        self._cas_owned[id(m)] = mine
        by_field = cas.fold_fields(mine)
        fat, inj = cas.largest(by_field["fatalities"]), cas.largest(by_field["injured"])
        m.fatalities = dict(fat.figure) if fat else None
        m.injured = dict(inj.figure) if inj else None
        dmg = cas.damage_of(mine)
        if dmg is not None:
            m.damage = dmg
        if m.outcome is None and any(s.field == "unhurt" for s in mine) and not cas.hurt(m.fatalities, m.injured):
            m.outcome = "failed"  # "a bomb exploded near the convoy, but the president was not hurt"

    # -- the casualty lexicon (casualties.json) travels with the rules -------------------------
    def _casualty_data(self) -> dict:
        data = getattr(self, "_cas_data", None)
        if data is None:
            src = self._source_dir() / "casualties.json"
            data = srsly.read_json(src if src.exists() else data_dir() / self.folder / "casualties.json")
            self._cas_data = data
        return data

    def _load_dir(self, path: Path) -> None:
        src = Path(path) / "casualties.json"
        self._cas_data = srsly.read_json(src) if src.exists() else None
        self._cas_hashes = None
        super()._load_dir(path)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        super().to_disk(path, exclude=exclude)
        srsly.write_json(Path(path) / "casualties.json", self._casualty_data())

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"rules": super().to_bytes(exclude=exclude), "casualties": self._casualty_data()})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> EventExtractor:
        payload = srsly.msgpack_loads(data)
        self._cas_data, self._cas_hashes = payload["casualties"], None
        super().from_bytes(payload["rules"], exclude=exclude)
        return self

    def _cas_init(self, doc: Doc) -> None:
        """Per document: the casualty words by sentence (one vectorized lookup) and the
        lexicon; what mentions own is filled in as they are described."""
        self._cas_doc = doc
        if getattr(self, "_cas_hashes", None) is None or self._cas_hashes[0] != self.data_path:
            self._cas_lex = cas.lexicon_from(self._casualty_data())
            # the trigger words that need no weapon or object to count: a statement near one of
            # them belongs to that attack ('a bombing ... killed six')
            keys = {key for key, rules in self.by_word.items() if any(
                r.role != "anaphor" and not (r.needs_weapon or r.weapon_only or r.needs_object
                                             or r.needs_place_object) for r, _ in rules)}
            words = frozenset(self._cas_lex.words)
            trig_words = frozenset(w for _, w in keys)
            self._cas_hashes = (self.data_path, words, trig_words, words | trig_words)
        _, words, trig_words, either = self._cas_hashes
        # the word forms are already decoded (Parse): one pass over them, no arrays; the few
        # words of either list are told apart afterwards
        P = self._parse
        lower, lemma = P.lower, P.lemma
        starts = self._sent_marks or [0]
        self._cas_anchors: dict[int, list[int]] = {}
        trig = []
        for i in [i for i, (low, lem) in enumerate(zip(lower, lemma, strict=True)) if low in either or lem in either]:
            low, lem = lower[i], lemma[i]
            if low in words or lem in words:
                self._cas_anchors.setdefault(starts[bisect.bisect_right(starts, i) - 1], []).append(i)
            if low in trig_words or lem in trig_words:
                trig.append(i)
        self._cas_mentions: dict[int, list[_Mention]] = {}
        self._cas_owned: dict[int, list] = {}
        self._cas_orphans: Optional[dict[int, list]] = None
        self._cas_trig = [i for i in trig if not cas.bare_victim_verb_at(P, i)]

    def _cas_orphan_statements(self, doc: Doc) -> dict[int, list]:
        """Figures told apart from any attack word ('No casualties were reported.', 'The
        source said more than 200 people had been wounded.', or a bare 'nine people were
        killed') belong to the event of the main mention of the last sentence that tells one.
        Keyed by id() of that mention."""
        if self._cas_orphans is not None:
            return self._cas_orphans
        out: dict[int, list] = {}
        P = self._parse
        # the sentences whose mentions tell an attack (not only bare victim clauses), found once
        # rather than again for each later sentence with a figure
        told = sorted(s for s, ms in self._cas_mentions.items() if not all(_bare_victim_clause(x, P) for x in ms))
        for start, anchors in sorted(self._cas_anchors.items()):
            if start in told:
                continue
            k = bisect.bisect_left(told, start)  # the last of them before this one
            if not k or start < getattr(self, "_headline_end", 0):
                continue
            asserted = [x for x in self._cas_mentions[told[k - 1]] if x.modality == "asserted"]
            if not asserted:
                continue
            sent = self._sentence(start)
            if _habitual_at(P, doc, sent.root.i) or any(_habitual_at(P, doc, P.head[i]) for i in anchors):
                continue  # "the war has killed thousands since 2023"
            stmts = self._sent_casualties.get(start)
            if stmts is None:
                stmts = cas.scan_sentence(sent, anchors, self._instruments, self._cas_lex)
            main = min(asserted, key=lambda x: len(P.path(x.head.i)))
            out.setdefault(id(main), []).extend(stmts)
        self._cas_orphans = out
        return out

    def _modality(self, doc: Doc, m: _Mention, toks: list[Token]) -> None:
        P = self._parse
        dep, lower, lemma, pos, tag, head, kids = P.dep, P.lower, P.lemma, P.pos, P.tag, P.head, P.children
        h = m.head.i
        idx = [t.i for t in toks]
        # syntax first: infinitives and negated verbs
        for t in idx:
            if pos[t] == "VERB":
                if any(dep[c] == "neg" for c in kids[t]):
                    m.modality, m.modality_rule = "negated", "events.modality.neg_child"
                    return
                if any(dep[c] == "aux" and lower[c] == "to" for c in kids[t]):
                    gov = head[t]
                    if lemma[gov] in {"try", "attempt", "seek"} and tag[gov] == "VBG" and set(m.kinds) <= {"territory_capture"} \
                            and any(dep[c] == "aux" for c in kids[gov]):
                        # 'the RSF are trying to seize the city': a capture under way is a
                        # campaign, not a place taken (an assault told in it is its own mention)
                        m.modality, m.modality_rule = "hypothetical", "events.modality.capture_attempt"
                        return
                    if lemma[gov] in ATTEMPT_GOVERNORS or lemma[gov] in MEANS_GOVERNORS:
                        continue
                    if lemma[gov] in FUTURE_GOVERNORS:
                        m.modality, m.modality_rule = "future", f"events.modality.to_{lemma[gov]}"
                    else:
                        m.modality, m.modality_rule = "hypothetical", "events.modality.infinitive"
                    return
        for t in idx:
            # 'the group would retaliate ... and keep targeting Israel': a verb joined to a modal
            # one, with no auxiliary or subject of its own, shares its modal
            verb = head[t] if dep[t] == "xcomp" and lemma[head[t]] in ATTEMPT_GOVERNORS | {"keep"} else t
            if pos[t] != "VERB" or dep[verb] != "conj" or any(
                    dep[c] in {"aux", "nsubj", "nsubjpass"} for c in kids[verb]):
                continue
            modal = next((lower[c] for c in kids[head[verb]] if dep[c] == "aux" and lower[c] in MODALS), None)
            if modal is not None:
                m.modality, m.modality_rule = ("future", "events.modality.conj.fut-will") if modal == "will" else (
                    "hypothetical", f"events.modality.conj.hyp-{modal}")
                return
        for t in idx:
            if pos[t] == "VERB" and _habitual_at(P, doc, t):
                m.modality, m.modality_rule = "generic", "events.modality.habitual"
                return
        if self._summary(m, toks):
            m.modality, m.modality_rule = "generic", "events.modality.summary"
            return
        hh = head[h]
        if dep[h] in {"nsubj", "nsubjpass"} and any(
            dep[c] == "mark" and lower[c] in {"since", "until"} for c in kids[hh]
        ):
            # "since the fighting began": the start of a period, told to date something else
            m.modality, m.modality_rule = "generic", "events.modality.since_clause"
            return
        if dep[h] == "pobj" and lower[hh] == "of" and lemma[head[hh]] in SPAN_NOUNS:
            # "more than a year of fighting", "decades of violence": a span of conflict
            m.modality, m.modality_rule = "generic", "events.modality.span_of"
            return
        if pos[h] == "NOUN" and dep[h] in {"nsubj", "nsubjpass"} and any(
            dep[c] == "aux" and lower[c] in MODALS for c in kids[hh]
        ):
            # "An attack on the capital would be a blow": what an attack would mean
            m.modality, m.modality_rule = "hypothetical", "events.modality.modal_subject"
            return
        for t in idx:
            # ('letting both sides hit targets': 'hit' is read as a past tense, its form is the base)
            if pos[t] == "VERB" and (tag[t] == "VB" or (tag[t] == "VBD" and lower[t] == lemma[t].lower())) and (
                    dep[t] in {"xcomp", "ccomp", "advcl", "conj"}) and not any(
                dep[c] == "aux" for c in kids[t]
            ) and lemma[head[t]] in ENABLING_VERBS:
                # "sent to help Mozambique fight an insurgency": a purpose, not a report
                m.modality, m.modality_rule = "hypothetical", "events.modality.bare_infinitive"
                return
        if self._perfect_record(m, toks):
            m.modality, m.modality_rule = "generic", "events.modality.perfect_record"
            return
        support = hh if pos[h] == "NOUN" and dep[h] in {"dobj", "nsubjpass"} else None
        if support is not None and pos[support] == "VERB":
            # "ordered their fighters to carry out attacks": the support verb's infinitive
            if any(dep[c] == "aux" and lower[c] == "to" for c in kids[support]):
                gov = head[support]
                if lemma[gov] in FUTURE_GOVERNORS:
                    m.modality, m.modality_rule = "future", f"events.modality.to_{lemma[gov]}"
                    return
                if lemma[gov] not in ATTEMPT_GOVERNORS:
                    m.modality, m.modality_rule = "hypothetical", "events.modality.infinitive"
                    return
            # "had not carried out any strikes", "has long used airstrikes"
            if any(dep[c] == "neg" for c in kids[support]):
                m.modality, m.modality_rule = "negated", "events.modality.neg_support_verb"
                return
            if _habitual_at(P, doc, support):
                m.modality, m.modality_rule = "generic", "events.modality.habitual"
                return
        up = P.path(h)[:5]
        own_act = any(dep[c] == "nsubj" and lower[c] in {"it", "they", "we"} for c in kids[h])
        for k in range(1, len(up)):
            anc = up[k]
            if dep[up[k - 1]] == "conj" and own_act:
                # 'denied the claim and said it fired rockets': the group's own act, told beside
                # the denial, is outside it ('denied involvement and said that the army had
                # shelled the market' keeps the old reading: the other side's act is disputed)
                break
            if pos[anc] == "VERB" and lemma[anc] in DENIAL_LEMMAS:
                # "the army denied that it had shelled the village": the speaker negates it
                m.modality, m.modality_rule = "negated", f"events.modality.{lemma[anc]}"
                return
        if pos[h] == "NOUN" and tag[h] == "NNS" and dep[h] == "nsubj" and lemma[hh] in COPULAS:
            if not any(dep[c] in {"det", "poss", "nummod"} for c in kids[h]) and tag[hh] in {
                "VBZ", "VBP"
            }:
                # "Suicide bombings are rare in Mozambique": a statement about a kind of attack
                m.modality, m.modality_rule = "generic", "events.modality.generic_subject"
                return
        if pos[h] == "NOUN" and tag[h] == "NNS" and dep[h] == "nsubj" and m.count is None and not any(
                dep[c] in {"det", "poss", "nummod"} for c in kids[h]) and _present_of_other_verb(P, hh, m):
            # "Drone strikes have changed the war", "airstrikes make up half of all attacks": a
            # kind of attack as the subject of what it does in general, even in the lead
            m.modality, m.modality_rule = "generic", "events.modality.generic_subject"
            return
        best = None
        for sc in self._scopes:
            lo, hi = sc["scope"]
            if lo <= h < hi or (sc["cue_tokens"][0] <= h < sc["cue_tokens"][1]):
                dist = abs(sc["cue_tokens"][0] - h)
                if best is None or dist < best[0]:
                    best = (dist, sc)
        if best is not None:
            m.modality, m.modality_rule = best[1]["category"], best[1]["rule_id"]
            if m.modality == "negated" and not self._negation_applies(doc, m, best[1]):
                m.modality, m.modality_rule = "asserted", None
            else:
                return
        governing = [t for t in idx if pos[t] == "VERB"] or [
            next((a for a in P.path(h)[1:4] if pos[a] == "VERB"), h)]
        # a reporting verb tells of a past event ('the group claims the attack'), but not of a
        # bare plural in its object ('units post videos of their attacks'): that is a habit
        kinds_of = tag[h] == "NNS" and m.count is None and dep[h] == "pobj" and not any(
            dep[c] == "det" and lower[c] in {"the", "these", "those"} for c in kids[h])
        if h >= self._headline_end and any(
            pos[t] == "VERB" and tag[t] in {"VBZ", "VBP"} and (lemma[t] not in REPORT_LEMMAS or kinds_of)
            and not any(dep[c] in {"aux", "auxpass"} for c in kids[t])
            for t in governing
        ):
            # "The rebels still ambush army patrols", "units post videos of their attacks": the
            # simple present of an attack verb (or of the verb an attack noun hangs from) in a
            # news body tells what happens, not what happened
            # (headlines, which use it for past events, are read before this)
            m.modality, m.modality_rule = "generic", "events.modality.simple_present"
            return
        # bare plural or mass nouns ('attacks', 'fighting') with no day, no town and no toll of
        # their own: talk about a kind of violence or a campaign, not one attack
        nominal = pos[h] == "NOUN" or (tag[h] == "VBG" and dep[h] in {"nsubj", "nsubjpass", "dobj", "pobj"})
        bare = nominal and (tag[h] == "NNS" or lower[h] in MASS_EVENT_NOUNS)
        if bare and not m.definite and m.count is None:
            if not any(dep[c] in {"det", "poss", "nummod"} for c in kids[h]):
                t = self._times.get(m.time or "")
                place = self._places.get(m.place or "")
                # (a town named elsewhere in the sentence, 'support Kyiv', is not the attacks' own)
                if (not t or t.get("precision") != "day") and (
                        not place or place["geo_precision"] == 3 or not m.place_own) and not (
                    m.fatalities or m.injured
                ) and not self._is_lead(m):
                    m.modality, m.modality_rule = "generic", "events.modality.bare_plural"

    def _perfect_record(self, m: _Mention, toks: list[Token]) -> bool:
        """'The group has repeatedly shelled army-held districts', 'the army has pounded
        RSF-held areas', 'X has been accused of looting and killing': after the lead, a present
        perfect with no date, toll or definite article of its own sums up a record of conduct."""
        if self._is_lead(m) or m.time or m.definite or m.fatalities or m.injured:
            return False
        P = self._parse
        pos = P.pos
        verbs = [t.i for t in toks if pos[t.i] == "VERB"]
        verbs += [a for t in toks for a in P.path(t.i)[1:3] if pos[a] == "VERB"]
        return any(P.dep[c] in {"aux", "auxpass"} and P.lemma[c] == "have" and P.tag[c] in {"VBZ", "VBP"}
                   for v in verbs for c in P.children[v])

    def _sent_end(self, start: int) -> int:
        return self._sent_starts[bisect.bisect_right(self._sent_starts, start)]

    def _sent_bounds(self, i: int) -> tuple[int, int]:
        """(start, end) of the sentence holding token `i` (no Span, which reads three Tokens)."""
        k = bisect.bisect_right(self._sent_starts, i) - 1
        return self._sent_starts[k], self._sent_starts[k + 1]

    def _sentence(self, i: int) -> Span:
        """The sentence holding token `i`, from the bounds read once per document."""
        k = bisect.bisect_right(self._sent_starts, i) - 1
        return Span(self._doc, self._sent_starts[k], self._sent_starts[k + 1])

    def _lead_sentence(self, doc: Doc) -> Optional[int]:
        """Start of the lead: the first sentence after the headline with a verb (a dateline on a
        line of its own has none). An article whose lead tells no attack is not about one."""
        pos = self._parse.pos
        first = next((i for i in range(self._headline_end, len(pos)) if pos[i] == "VERB"), None)
        return self._sent_bounds(first)[0] if first is not None else None

    def _is_lead(self, m: _Mention) -> bool:
        """A mention in the lead (or in a text with none): a story's lead is never generic talk."""
        return self._lead_sent is None or m.sent_start <= self._lead_sent

    def _summary(self, m: _Mention, toks: list[Token]) -> bool:
        """'Fighting this year has killed thousands', 'more than 5,000 people have been killed
        since 2017': a running toll in the perfect tense over a period is a summary of a
        conflict, not one attack. So is a toll in the thousands with no day of its own, after the lead."""
        P = self._parse
        dep, lemma, tag = P.dep, P.lemma, P.tag
        perfect = any(dep[c] in {"aux", "auxpass"} and lemma[c] == "have" and tag[c] in {"VBZ", "VBP"}
                      for t in toks if P.pos[t.i] in {"VERB", "AUX"} for c in P.children[t.i])
        t = self._times.get(m.time or "")
        if t and t.get("precision") == "day":
            return False
        toll = max((x.get("min") or 0) for x in (m.fatalities or {}, m.injured or {}))
        if toll >= SUMMARY_TOLL and not self._is_lead(m):
            return True
        if not perfect:
            return False
        start, end = self._sent_bounds(m.head.i)
        return bool(t) or any(w in PERIOD_WORDS for w in P.lower[start:end])

    @staticmethod
    def _negation_applies(doc: Doc, m: _Mention, scope: dict) -> bool:
        """'no attack' / 'did not attack' negate; 'no injuries' near an attack does not."""
        s, e = scope["cue_tokens"]
        cue = doc[s]
        return cue.head.i in {t.tok.i for t in m.triggers} or cue.head == m.head.head and m.head.dep_ in {"attr", "nsubj"}

    # -- coreference --------------------------------------------------------------------------
    def _corefer(self, doc: Doc, mentions: list[_Mention]) -> tuple[list[_Event], list[dict]]:
        events: list[_Event] = []
        refs: list[dict] = []
        # a headline announces the story the body tells: read it after the body, so it joins the
        # event the lead introduces instead of founding one of its own
        headline = self._headline_end
        mentions = [m for m in mentions if m.head.i >= headline] + [m for m in mentions if m.head.i < headline]
        answered_sents = {m.sent_start for m in mentions if m.answered}
        history = False  # the lead tells history
        for pos, m in enumerate(mentions):
            span = _mention_span(doc, m)
            ref = {"tokens": [span.start, span.end], "chars": span_record(span.start_char, span.end_char),
                   "event_ids": [], "kind": "mention", "modality": m.modality,
                   "asserts": _asserts(m), "rule_ids": [t.rule.id for t in m.triggers]}
            refs.append(ref)
            if m.answered:
                ref["kind"] = "answered"
            if m.modality != "asserted":
                ref["kind"] = "non_asserted"
                if self._announced(m):
                    self._announced_attacks.append(m)
                if m.definite and (m.modality_rule or "").split(".")[-1] in DENIAL_LEMMAS:
                    # "The military denied carrying out the airstrike": a denial of a known event
                    # is a claim about it, not a new (negated) event
                    denied = self._refer(m, events)
                    if denied:
                        ref["kind"], ref["event_ids"] = "denied", [e.id for e in denied]
                continue
            if self._background(m) or (history and not events and not m.time and not m.place_own) or (
                    self._period_total(m)):
                # "the 2021 siege of Palma", "attacks in 2017": history told as context; and an
                # undated mention after a lead that tells history tells more of it ('sentenced
                # for killings in the 1990s ... his fighters had massacred villagers')
                ref["kind"] = "background"
                history = history or self._is_lead(m)
                continue
            # a reply and the attack it answers ('targeted bases in response to the killing of
            # its commander') are two events: neither joins the event the other is in
            pool = events
            reply = m.sent_start in answered_sents or m.replies
            if reply:
                pool = [e for e in events if not any(
                    o.sent_start == m.sent_start and o.answered != m.answered for o in e.mentions)]
            targets = self._elaborates(m, mentions[:pos], refs[:-1], pool)
            if targets is None:
                targets = self._refer(m, pool)
            if targets is None and not reply:
                # a reply is another act than the story under way, and the attack it answers
                # happened before it: neither simply continues the event told last
                targets = self._continues(doc, m, pool)
                m.continuation = targets is not None
            if targets is not None and len(targets) == 1 and self._during_other_kind(m, targets[0]):
                targets = None  # 'were abducted by armed men during the violence': another incident
            if targets is not None and len(targets) == 1 and self._other_state_side(m, targets[0]):
                targets = None  # '... destroyed 17 Ukrainian drones' after Russia's drone attack
            if targets is not None:
                if len(targets) > 1 or (m.plural and not m.kinds and m.count is None):
                    for ev in targets:
                        ev.refs.append((span.start_char, span.end_char))
                        ev.last_pos = pos
                        _apply_collective(ev, m)
                    ref["kind"] = "collective"
                else:
                    targets[0].mentions.append(m)
                    targets[0].last_pos = pos
                ref["event_ids"] = [e.id for e in targets]
                if ref["kind"] == "answered":
                    # a reply's speaker names an attack told before as its reason: what it says
                    # is about its own act, not a report of that attack (claims skip the ref)
                    ref["answered_event_ids"], ref["event_ids"] = ref["event_ids"], []
                continue
            if m.anaphor_only:
                ref["kind"] = "unresolved_anaphor"
                continue
            if m.answered and (m.definite or not (m.time or m.place_own or m.fatalities or m.injured)):
                # 'in response to Russia's bombardment of Ukrainian cities': a reason given with
                # no day, town or toll of its own names a campaign, not a new incident; 'the
                # strike on Bakhmut' names one already known, however its place is spelled
                continue
            if m.other_marker and m.target_head and not m.targets:
                # "another drone attack on a second base" after "a base housing U.S. troops":
                # the contrast is between bases; who is in them carries over
                for prev in reversed(events):
                    same = [o for o in prev.mentions if o.target_head == m.target_head and o.targets]
                    if same:
                        m.targets = list(same[0].targets)
                        m.target_inherited = True
                        break
            ev = _Event(id=f"event-{len(events)}", mentions=[m], other_marker=m.other_marker, last_pos=pos)
            # "Hours later, ...": resolve against the event told just before
            events.append(ev)
            ref["event_ids"] = [ev.id]
        self._resolve_relative_times(events, mentions)
        return events, refs

    def _other_state_side(self, m: _Mention, ev: _Event) -> bool:
        """A mention whose own attackers (or the nationality of its weapon) are states or state
        forces of one country, none of them the event's, while the event's belong to another: the other
        side's attack ('Ukraine's air force shot down 45 Russian drones ... Russia said it
        destroyed 17 Ukrainian drones'). A definite noun ('the strikes') still refers back."""
        if m.definite or not (m.attackers or m.nation):
            return False
        told = {a for o in ev.mentions for a in o.attackers}
        if told & set(m.attackers):
            return False
        mine = {self._actor_country.get(a) for a in m.attackers} if m.attackers else {m.nation[0]}
        theirs = {self._actor_country.get(a) for a in told} | {o.nation[0] for o in ev.mentions if o.nation}
        return bool(theirs) and None not in mine and None not in theirs and not mine & theirs

    def _during_other_kind(self, m: _Mention, ev: _Event) -> bool:
        """'Six villagers were abducted from a camp during the violence' after a gunfight:
        an act of another specific kind, dated by 'during/amid the <incident>', happened while
        that incident went on; it is not the incident. ('A driver was shot dead during the
        raid' tells no kind of its own and stays the raid's detail.)"""
        if not self._during_at or _specific(m.kinds) in {None, "shooting"} or _specific(
                [k for o in ev.mentions for k in o.kinds]) is None:
            return False
        sent = self._sentence(m.head.i)
        trig = {t.tok.i for t in m.triggers}
        during = next((c for i in self._during_at if sent.start <= i < sent.end for c in [self._doc[i]]
                       if c.dep_ == "prep" and any(a.i in trig for a in c.ancestors) and any(
                           p.dep_ == "pobj" and any(d.lower_ in DEFINITE for d in p.children) for p in c.children)), None)
        if during is None:
            return False
        # the kind the mention tells by itself, not by the incident it is dated by
        kinds = list(m.kinds)
        for t in m.triggers:
            if during.left_edge.i <= t.tok.i <= during.right_edge.i and t.rule.attack_kind.value in kinds:
                kinds.remove(t.rule.attack_kind.value)
        kind = _specific(kinds)
        if kind is None or kind == "shooting":
            return False
        told = _specific([k for o in ev.mentions for k in o.kinds])
        return told is not None and told != kind

    def _announced(self, m: _Mention) -> bool:
        """'The group would intensify its attacks', 'vowed to keep striking': an armed actor
        announcing attacks of its own — in the future, or as 'would' in its reported words —
        is threatening them."""
        if m.modality not in {"future", "hypothetical"}:
            return False
        path = _path_to_root(m.head)
        # the subject of the clause announcing them ('it would keep attacking', 'X ordered its
        # fighters to carry out attacks'), found on the nearest verb above that has one
        subj = next((c for a in path[:4] if a.pos_ in {"VERB", "AUX"} for c in a.children if c.dep_ == "nsubj"), None)
        if not m.attackers and subj is not None:
            m.attackers = self._actors_in(subj, shallow=True) or self._pronoun_actor(subj.doc, subj)
        if not m.attackers:
            return False
        if m.modality == "hypothetical":
            if (m.modality_rule or "").split(".")[-1] not in {"hyp-would", "fut-will"}:
                return False
            if any(t.lower_ in {"if", "unless"} for t in self._sentence(m.head.i)):
                return False  # a condition, not an announcement
            report = next((a for a in path[1:6] if a.pos_ == "VERB" and a.lemma_ in REPORT_LEMMAS), None)
            if report is None:
                return False
            # the actor speaks of itself: its own voice says it ('a Hezbollah official said the
            # group would ...'), or the clause names it by pronoun or as 'the group'
            speaker = next((c for c in report.children if c.dep_ == "nsubj"), None)
            own_voice = speaker is not None and bool(set(self._actors_in(speaker)) & set(m.attackers))
            self_ref = subj is not None and subj.lower_ in {"it", "they", "we", "group", "movement", "militia"}
            return own_voice or self_ref
        return True

    def _background(self, m: _Mention) -> bool:
        """A mention after the lead, dated by its own words to a period that ended well before
        publication."""
        t = self._times.get(m.time or "")
        if self._published is None or not t or not t.get("end") or t.get("anchor") == "event":
            return False
        age = (self._published - dt.date.fromisoformat(t["end"])).days
        if t.get("start") and "times.since" in t.get("rule_ids", ()) and self._when_since(m, t):
            # 'the deadliest since 2016, when al-Shabaab overran a Kenyan base': the clause on the
            # year tells what happened then, not over the years since
            age = (self._published - dt.date.fromisoformat(t["start"])).days
        if self._is_lead(m):
            # the lead is the story, however old the date it gives, unless that date is history
            # ('sentenced ... for the killing of civilians during the civil war in the 1990s')
            return age > HISTORY_DAYS
        return age > BACKGROUND_DAYS

    def _when_since(self, m: _Mention, t: dict) -> bool:
        """The mention's verb is a 'when' clause hung on a 'since <year>' expression."""
        P = self._parse
        inside = {i for s, e in t.get("tokens") or [] for i in range(s, e)}
        for trig in m.triggers:
            k = trig.tok.i
            for _ in range(6):
                h = P.head[k]
                if h == k:
                    break
                if h in inside:
                    return any(P.lower[c] == "when" for c in P.children[k])
                k = h
        return False

    def _period_total(self, m: _Mention) -> bool:
        """'126 civilians were killed in attacks in the first half of the year', 'bandits have
        killed 400 people in the state this year': a period's total is context, not an incident;
        'a drone strike killed 12 people this week' names one attack."""
        P = self._parse
        dep, lower, lemma, tag, kids = P.dep, P.lower, P.lemma, P.tag, P.children
        events = [t.tok.i for t in m.triggers if t.rule.role == "event"]
        if any(P.pos[t] in {"NOUN", "PROPN"} and tag[t] in {"NN", "NNP"} for t in events):
            return False
        # many acts: a plural attack noun ('in attacks'), or a running total ('have killed')
        many = any(tag[t] == "NNS" and lemma[t] not in CLASH_NOUNS for t in events) or any(
            dep[c] == "aux" and lower[c] in {"have", "has"} for t in events for c in kids[t]) or any(
            tag[g] == "NNS" and lemma[g] in SIDE_NOUNS for t in events
            for v in (t, *(c for c in kids[t] if dep[c] == "conj")) for c in kids[v]
            if dep[c] == "prep" and lower[c] in {"in", "during"} for g in kids[c] if dep[g] == "pobj")
        return many and any(cas.period_total(P, t) for t in events)

    def _continues(self, doc: Doc, m: _Mention, events: list[_Event]) -> Optional[list[_Event]]:
        """A body mention with no date, no town and no 'another' of its own tells more of the
        story under way ('The bomber blew himself up ...', 'gunmen then opened fire'): news
        reports one incident over several sentences, and ACLED codes it once. It joins the
        event told last unless a place, an attacker or a contrast word sets it apart."""
        if not events or m.other_marker or m.head.i < self._headline_end:
            return None
        if m.time and not self._dates_undated_lead(m, events):
            return None
        sent = self._sentence(m.head.i)
        first = next((t for t in sent if not (t.is_space or t.is_punct)), None)
        if first is not None and first.lower_ in CONTRAST_OPENERS:
            return None
        # the event told last that it fits (kind, place, day), else simply the event told last;
        # not one told only in a clause dated apart ('two weeks after an attack ...'), which the
        # story does not go on about
        recent = sorted(events, key=lambda e: -e.last_pos)
        recent = [e for e in recent if not all(o.apart for o in e.mentions)] or recent
        ev = next((e for e in recent if self._compatible(m, e)), recent[0])
        # unnamed attackers ('the bomber', 'gunmen') may be anyone already in the story
        named = {a for a in m.attackers if a not in self._descriptor_ids}
        known = {a for o in ev.mentions for a in o.attackers if a not in self._descriptor_ids}
        if named and known and not named & known:
            return None
        place = self._places.get(m.place or "") if m.place_told else None
        if place is not None and place.get("kind") == "country" and not m.place_own:
            place = None  # a country its sentence names in passing ('supporting Israel', 'Ukraine's services')
        if place is not None:
            have = [self._places[o.place] for o in ev.mentions if o.place in self._places]
            if place["geo_precision"] == 3 and (place.get("kind") in {"country", "admin1", "region"}
                                                or UNLOCATED_IN_DOCUMENT_COUNTRY in place.get("rule_ids", ())):
                # 'in Sudan', 'in Gezira state': no nearer than what the story already says; nor is
                # a name no table knows, put in the report's country ('in the Abu Salim district'
                # of a report on Tripoli may be a part of the town)
                if any(h.get("country") and h.get("country") != place.get("country") for h in have):
                    return None
            elif any(h.get("name") == place.get("name") for h in have):
                pass  # the same town again
            elif have and all(h.get("kind") in {"admin1", "region", "country"} and h.get("admin1") == place.get("admin1")
                              for h in have):
                pass  # 'a village in Sennar' ... 'stormed Um Dabakir': the town names the village
            elif any(h["geo_precision"] < 3 for h in have) or not self._compatible(m, ev):
                return None  # another town: another incident
        return [ev]

    def _dates_undated_lead(self, m: _Mention, events: list[_Event]) -> bool:
        """'Clashes between rival militias killed nine people, the ministry said. Fighting erupted
        late Sunday in the Abu Salim district ...': a wire lead often gives no day, and the next
        sentence dates it. A dated mention continues the only event so far when that event has no
        date of its own, is of a compatible kind, and no two tolls compete."""
        if len(events) != 1:
            return False
        ev = events[0]
        if any(o.time for o in ev.mentions) or not self._compatible(m, ev):
            return False
        return not ((m.fatalities or m.injured) and any(o.fatalities or o.injured for o in ev.mentions))

    def _elaborates(
        self, m: _Mention, before: list[_Mention], refs: list[dict], events: list[_Event]
    ) -> Optional[list[_Event]]:
        """A victim clause under the same reporting verb as a reference to a known event is
        that event's detail, not a new one: 'X claimed responsibility for the attack, saying
        its fighters had killed 15 soldiers' -> the attack. Only a mention with no place or
        time of its own and no weapon-specific trigger qualifies."""
        if m.place or m.time or _specific(m.kinds) or m.head.lemma_ not in VICTIM_VERBS:
            return None
        for o, ref in zip(reversed(before), reversed(refs), strict=True):
            if o.sent_start != m.sent_start:
                break
            if len(ref["event_ids"]) != 1 or ref["kind"] == "collective":
                continue
            common = _common_ancestor(m.head, o.head)
            if common is not None and common.pos_ == "VERB" and common.lemma_ in REPORT_LEMMAS:
                return [e for e in events if e.id in ref["event_ids"]] or None
        return None

    def _refer(self, m: _Mention, events: list[_Event]) -> Optional[list[_Event]]:
        """The events an asserted mention refers to, or None when it introduces a new one."""
        if not events:
            return None
        if m.definite or m.anaphor_only or m.refers_back:
            if m.plural:
                n = m.count or (2 if any(t.tok.lower_ in {"either", "both"} or any(
                    c.lower_ in {"either", "both"} for c in t.tok.children) for t in m.triggers) else None)
                pool = sorted((e for e in events if self._compatible(m, e)), key=lambda e: e.last_pos)
                if not pool:
                    return None
                chosen = pool[-n:] if n else pool
                return sorted(chosen, key=lambda e: e.id)
            for ev in sorted(events, key=lambda e: -e.last_pos):
                if self._compatible(m, ev):
                    return [ev]
            return None if not m.anaphor_only else [max(events, key=lambda e: e.last_pos)]
        candidates = sorted(events, key=lambda e: -e.last_pos)
        if m.head.i < self._headline_end:
            # a headline: the event it shares most with, the earliest on a tie, else the lead's
            pool = [e for e in events if self._compatible(m, e)]
            if not pool:
                # the headline sums up the story the lead opens, even in other words
                return [events[0]]
            return [max(pool, key=lambda e: (self._shares(m, e), -events.index(e)))]
        if m.other_marker:
            others = [e for e in candidates if e.other_marker and self._compatible(m, e)]
            return [others[0]] if others else None
        scored = [(self._shares(m, ev), -i, ev) for i, ev in enumerate(candidates) if self._compatible(m, ev)]
        scored = [x for x in scored if x[0] > 0]
        if scored:
            return [max(scored, key=lambda x: (x[0], x[1]))[2]]
        return None

    def _compatible(self, m: _Mention, ev: _Event) -> bool:
        km = _specific(m.kinds)
        for o in ev.mentions:
            # a definite reference ('the attack came as ... in New Delhi') is placed only by its
            # own phrase, not by whatever else its sentence names
            if m.place and o.place and m.place != o.place and (m.place_own or not m.definite):
                pm, po = self._places[m.place], self._places[o.place]
                if (pm["country"] and po["country"] and pm["country"] != po["country"]) or (
                    pm["geo_precision"] == 1 and po["geo_precision"] == 1
                ) or (m.place_own and pm.get("admin1") and po.get("admin1") and pm["admin1"] != po["admin1"]):
                    # ... or in another province: 'in Cauca province' then 'a police station in the
                    # town of Jamundi' (Valle del Cauca) are two attacks, even on one day
                    return False
            tm, to = self._times.get(m.time or ""), self._times.get(o.time or "")
            if tm and to and tm.get("start") and to.get("start") and tm["precision"] == to["precision"] == "day":
                if tm["start"] != to["start"]:
                    return False
            if not kinds_compatible(km, _specific(o.kinds)):
                return False
        known = {a for o in ev.mentions for a in o.attackers}
        if m.attackers and known and not set(m.attackers) & known and not m.refers_back:
            # different attackers: a different event (the event's attackers taken together:
            # "militants" and "its fighters" may both describe it), unless a definite reference
            # names another unit of the same state ('the strikes' by AFRICOM after 'U.S. strikes')
            countries = {self._actor_country.get(a) for a in known} - {None}
            if not (m.definite and countries & {self._actor_country.get(a) for a in m.attackers}):
                return False
        return True

    def _shares(self, m: _Mention, ev: _Event) -> int:
        """How many facts a mention shares with an event (place, target, actors, weapon, day)."""
        shared: set[str] = set()
        for o in ev.mentions:
            if m.place and m.place == o.place:
                shared.add("place")
            if m.target_head and m.target_head == o.target_head:
                shared.add("target_head")
            if set(m.targets) & set(o.targets):
                shared.add("targets")
            if (set(m.attackers) & set(o.attackers)) - self._descriptor_ids:
                shared.add("attackers")  # a name: 'gunmen' in two sentences may be two gangs
            if {i["kind"] for i in m.instruments} & {i["kind"] for i in o.instruments}:
                shared.add("instrument")
            if {(i["kind"], i["count"]) for i in m.instruments if i["count"]} & {
                (i["kind"], i["count"]) for i in o.instruments if i["count"]
            }:
                shared.add("instrument_count")
            tm, to = self._times.get(m.time or ""), self._times.get(o.time or "")
            if tm and to and tm.get("start") and tm.get("start") == to.get("start") and tm["precision"] == "day":
                shared.add("day")
        return len(shared)

    def _resolve_relative_times(self, events: list[_Event], mentions: list[_Mention]) -> None:
        """'Hours later' / 'the next day': the date of the event told just before, plus the
        offset; the time record is updated in place so every layer sees the same date."""
        order = {id(m): i for i, m in enumerate(mentions)}
        for ev in events:
            for m in ev.mentions:
                t = self._times.get(m.time or "")
                if not t or t.get("anchor") != "event" or t.get("start"):
                    continue
                pos = order[id(m)]
                prev = None
                for other in events:
                    if other is ev:
                        continue
                    for om in other.mentions:
                        if order[id(om)] < pos and self._event_date(other):
                            prev = other
                if prev is not None:
                    base = dt.date.fromisoformat(self._event_date(prev))
                else:
                    # no earlier event: "Security forces captured X on Thursday. A day later, ..."
                    # counts from the last date the text gave before it
                    here = (t.get("tokens") or [[0, 0]])[0][0]
                    earlier = [o for o in self._times.values() if o.get("start") and o.get("anchor") != "event"
                               and (o.get("tokens") or [[here, here]])[0][0] < here]
                    if not earlier:
                        continue
                    base = dt.date.fromisoformat(max(earlier, key=lambda o: o["tokens"][0][0])["start"])
                day = base + dt.timedelta(days=int(t.get("offset_days") or 0))
                t["start"] = t["end"] = day.isoformat()
                t["based_on"] = prev.id if prev is not None else "text"

    def _event_date(self, ev: _Event) -> Optional[str]:
        for m in ev.mentions:
            t = self._times.get(m.time or "")
            if t and t.get("start") and t.get("anchor") != "event":
                return t["start"]
        return None

    # -- threats -------------------------------------------------------------------------------
    def _threats(self, doc: Doc, offset: int) -> list[dict]:
        """'X threatened action against Y', 'vowed more attacks', 'the strike heralds further raids'."""
        out = []
        for i in _word_positions(doc, frozenset(), THREAT_IDS):
            tok = doc[i]
            if tok.pos_ != "VERB":
                continue
            objs = [c for c in tok.children if c.dep_ in {"dobj", "xcomp", "ccomp"}]
            if not any(_threat_object(o) or any(_threat_object(g) for g in o.subtree) for o in objs):
                continue
            if any(c.dep_ == "neg" for c in tok.children):
                continue
            if any(c.dep_ == "aux" and c.lower_ in MODALS - {"will"} for c in tok.children) or any(
                t.lower_ in {"if", "unless"} for t in tok.sent
            ):
                continue  # "insurgents could threaten the port if ...": a risk, not a threat
            attackers: list[str] = []
            targets: list[str] = []
            for c in tok.children:
                if c.dep_ == "nsubj":
                    attackers += self._actors_in(c, shallow=True) or self._governing_subject(c) or self._pronoun_actor(doc, c)
            if tok.lemma_ == "warn" and not attackers:
                # "Officials warned that more attacks could follow": a warning about others'
                # violence, not a threat of one's own
                continue
            clause_subjects = [c for o in objs if o.dep_ == "ccomp" for c in o.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if tok.lemma_ == "warn" and clause_subjects and not any(
                c.lower_ in {"it", "they", "we", "i"} or set(self._actors_in(c, shallow=True)) & set(attackers)
                for c in clause_subjects
            ):
                # "Authorities warned that the killings could set off reprisals": the violence
                # warned of is someone else's
                continue
            for o in [tok, *objs]:
                for c in o.subtree:
                    if c.dep_ == "pobj" and c.head.lower_ in {"against", "on"}:
                        targets += self._actors_in(c) or []
            sub = list(tok.subtree)
            span = doc[sub[0].i : sub[-1].i + 1] if len(sub) < 30 else doc[tok.i : tok.i + 1]
            out.append({
                "id": f"event-{offset + len(out)}",
                "type": "threat",
                "attack_kind": None,
                "acled_event_type": None,
                "acled_sub_event_type": None,
                "cameo_root": "13",
                "plover_mode": "violence",
                "attacker_ids": list(dict.fromkeys(attackers)),
                "target_ids": list(dict.fromkeys(targets)),
                "target_text": None,
                "instruments": [],
                "place_id": None,
                "time_id": None,
                "outcome": "unknown",
                "damage": None,
                "fatalities": None,
                "injured": None,
                "modality": "future",
                "mentions": [span_record(span.start_char, span.end_char)],
                "trigger_tokens": [tok.i],
                "rule_ids": [f"events.threat:{tok.lemma_}"],
            })
        return out

    def _announced_threats(self, doc: Doc, threats: list[dict], offset: int) -> list[dict]:
        """Threat records for announced attacks in sentences no threat verb already covers."""
        covered = {self._sentence(t["trigger_tokens"][0]).start for t in threats}
        out: list[dict] = []
        for m in self._announced_attacks:
            if m.sent_start in covered:
                continue
            covered.add(m.sent_start)
            span = _mention_span(doc, m)
            same = next((t for t in [*threats, *out] if set(t["attacker_ids"]) & set(m.attackers)), None)
            if same is not None:
                # the same actor's threat told again ('It told its fighters to strike anywhere')
                same["mentions"].append(span_record(span.start_char, span.end_char))
                continue
            out.append({
                "id": f"event-{offset + len(out)}", "type": "threat", "attack_kind": None,
                "acled_event_type": None, "acled_sub_event_type": None, "cameo_root": "13",
                "plover_mode": "violence", "attacker_ids": list(dict.fromkeys(m.attackers)),
                "target_ids": list(dict.fromkeys(m.targets)), "target_text": m.target_text,
                "instruments": [], "place_id": None, "time_id": None, "outcome": "unknown", "damage": None,
                "fatalities": None, "injured": None, "modality": "future",
                "mentions": [span_record(span.start_char, span.end_char)],
                "trigger_tokens": [m.head.i], "rule_ids": [f"events.threat:announced:{m.modality_rule}"],
            })
        return out

    def _governing_subject(self, tok: Token) -> list[str]:
        """'X issued a statement ... saying it heralds ...': 'it' is the subject of a verb
        higher up that has a real (non-pronoun) subject."""
        if tok.lower_ not in {"it", "they", "we"}:
            return []
        for anc in list(tok.head.ancestors):
            subj = [c for c in anc.children if c.dep_ == "nsubj" and c.lower_ not in {"it", "they", "we"}]
            if subj:
                return self._actors_in(subj[0], shallow=True)
        return []

    def _speaker_pronoun(self, verb: Token, subj: Token) -> list[str]:
        """'Hezbollah said it had targeted military bases', 'police said they killed two
        gunmen', 'Kyiv says its drones struck ...': a pronoun subject, or one its/their/our
        qualifies, under a reporting verb is (of) the one who reports."""
        if subj.lower_ not in {"it", "they", "we"} and not any(
                c.dep_ == "poss" and c.lower_ in {"its", "their", "our"} for c in subj.children):
            return []
        for anc in verb.ancestors:
            if anc.pos_ != "VERB":
                continue
            speaker = next((c for c in anc.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if speaker is None:
                continue
            if anc.lemma_ not in REPORT_LEMMAS or speaker.dep_ == "nsubjpass":
                # 'two soldiers were killed when their vehicle hit a mine, the army said':
                # the pronoun is bound by the clause above it, not by the speaker
                return []
            return self._actors_in(speaker, shallow=True)
        return []

    def _pronoun_actor(self, doc: Doc, tok: Token) -> list[str]:
        """'it'/'they'/'we' -> the nearest named actor before it in the same or last sentence."""
        if tok.lower_ not in {"it", "they", "we"}:
            return []
        sent_start = self._sentence(tok.i).start
        prev_start = self._sentence(sent_start - 1).start if sent_start > 0 else sent_start
        at = [(i, self._actor_at[i]) for i in range(tok.i - 1, prev_start - 1, -1) if i in self._actor_at]
        # a subject beats an object ('X ordered attacks on police posts. It ...' is X), and a name
        # the gazetteer knows beats an unknown ORG the NER saw ('areas including Bannu')
        subjects = [a for i, a in at if any(t.dep_ in {"nsubj", "nsubjpass"} for t in _path_to_root(doc[i])[:3])]
        known = [a for _, a in at if a not in self._candidate_ids]
        return ([a for a in subjects if a not in self._candidate_ids] or known or [a for _, a in at])[:1]

    # -- output ---------------------------------------------------------------------------------
    def _record(self, doc: Doc, ev: _Event) -> dict:
        ms = ev.mentions
        # the mentions that tell the event, not those that add a detail to it ('the attackers set
        # fire to vehicles' does not make an assault an arson)
        primary = [m for m in ms if not m.refers_back and not m.continuation] or ms
        # a ground assault told with its weapons ('stormed the village, firing artillery') stays a
        # ground assault: the weapon says how it was fought, the verb what happened
        ground = [k for m in primary for t in m.triggers if t.rule.role == "event"
                  for k in [t.rule.attack_kind.value] if k in GROUND_TOLD]
        kind = _specific(ground) or _specific([k for m in primary for k in m.kinds]) or "attack"
        fatalities, injured, damage = self._event_figures(doc, ev)
        outcome = _event_outcome(ms, fatalities, injured, damage)
        instruments: list[dict] = []
        for m in ms:
            for i in m.instruments:
                same = [x for x in instruments if x["kind"] == i["kind"]]
                if not same:
                    instruments.append(dict(i))
                elif same[0]["count"] is None:
                    same[0]["count"] = i["count"]
        # roles from the mentions that tell the event; the details that follow ('troops killed
        # two of the gunmen') add roles only when the telling gave none
        told = [m for m in primary if m.attackers] or [m for m in ms if m.attackers]
        attackers = self._one_party(list(dict.fromkeys(a for m in told for a in m.attackers)))
        if not attackers:
            nation = next((m.nation for m in [*primary, *ms] if m.nation), None)
            if nation is not None:
                attackers = [self._nation_actor(doc, nation)]
        hit = [m for m in primary if m.targets] or ms
        targets = self._specific_victims(list(dict.fromkeys(a for m in hit for a in m.targets if a not in attackers)))
        if any(m.target_text and not m.target_weak for m in ms):
            # 'attacked a school and an airbase, killing 70 people', 'a strike on a telecoms
            # building killed three children': what was attacked is the target; those killed
            # or wounded in it are its victims (the toll), not another target
            victims = {a for m in hit for a in m.victims} - {a for m in hit for a in m.targets if a not in m.victims}
            kept = [a for a in targets if a not in victims]
            if not kept:
                # 'killed 30 soldiers in an attack on a military post': a post, a convoy or a
                # checkpoint names no side; the forces killed in it are the side attacked
                # ('killed about 40 attackers': the attacking side's dead are not)
                kinds = self._actor_tables(doc)[0]
                kept = [a for a in targets if kinds.get(a) in ARMED_VICTIM_KINDS
                        and not set((self._actor_rec.get(a) or {}).get("name", "").lower().split()[-1:])
                        & ATTACKING_SIDE_WORDS]
            targets = kept
        target_texts = _best_target_texts(doc, ms, self._sentence)
        place = self._most_precise([m.place for m in ms if m.place])
        place_rule = None
        if place is None and self._dateline is not None:
            place, place_rule = self._dateline, "events.place_fallback:dateline"
        if place is None and self._main_place is not None:
            place, place_rule = self._main_place, "events.place_fallback:document_country"
        # ACLED lowers the precision of a location not told for the event itself
        geo_precision = self._places[place]["geo_precision"] if place in self._places else None
        if geo_precision is not None and place_rule is not None:
            geo_precision = 3 if place_rule.endswith("document_country") else max(geo_precision, 2)
        time = next((m.time for m in ms if m.time and self._times[m.time].get("start")), None)
        time = time or next((m.report_time for m in ms if m.report_time), None)
        mentions = []
        for m in ms:
            span = _mention_span(doc, m)
            mentions.append(span_record(span.start_char, span.end_char))
        mentions += [list(r) for r in ev.refs]
        actor_kinds, actor_countries = self._actor_tables(doc)
        acled = acled_type(kind, outcome, list(targets), actor_kinds, attackers, actor_countries,
                           self._places[place]["country"] if place in self._places else None)
        rule_ids = list(dict.fromkeys(f"events.trigger:{t.rule.id}" for m in ms for t in m.triggers))
        rule_ids += [m.modality_rule for m in ms if m.modality_rule]
        if place_rule:
            rule_ids.append(place_rule)
        if any(m.target_inherited for m in ms):
            rule_ids.append("events.target_inherited")
        return {
            "id": ev.id,
            "type": "attack",
            "attack_kind": kind,
            "acled_event_type": acled[0],
            "acled_sub_event_type": acled[1],
            "cameo_root": CAMEO.get(kind, "18"),
            "plover_mode": PLOVER_MODE.get(kind),
            "attacker_ids": attackers,
            "target_ids": targets,
            "target_text": target_texts[0] if target_texts else None,
            "target_texts": target_texts,
            "instruments": instruments,
            "place_id": place,
            "geo_precision": geo_precision,
            "time_id": time,
            "outcome": outcome,
            "damage": damage,
            "fatalities": fatalities,
            "injured": injured,
            "modality": "asserted",
            "mentions": mentions,
            "trigger_tokens": [t.tok.i for m in ms for t in m.triggers],
            "rule_ids": rule_ids,
        }

    def _lead_attackers(self, events: list[_Event], recs: list[dict]) -> list[dict]:
        """'Russia fired more than 40 missiles at Ukrainian cities ... In Zaporizhzhia, a missile
        strike killed 10', 'Coalition forces conducted 34 strikes ... Near Mosul, two strikes hit
        an ISIL unit': a remote strike of the very kind the lead tells, in the same country, told
        later with no attacker of its own, is part of the barrage or campaign the lead
        attributes. A ground attack is not: anyone may fight anywhere."""
        if self._lead_sent is None:
            return recs
        lead = next((r for e, r in zip(events, recs, strict=True)
                     if any(m.sent_start == self._lead_sent and m.head.i >= self._headline_end for m in e.mentions)), None)
        if lead is None or not lead["attacker_ids"] or lead["attack_kind"] not in INHERITED_KINDS:
            return recs
        # the countries the lead names ('34 strikes against ISIL in Syria and Iraq')
        end = self._sentence(self._lead_sent).end
        countries = {self._places[p]["country"] for i, p in self._place_at.items()
                     if self._lead_sent <= i < end and self._places[p].get("country")}
        if lead["place_id"] in self._places and self._places[lead["place_id"]].get("country"):
            countries.add(self._places[lead["place_id"]]["country"])
        for r in recs:
            if r is lead or r["attacker_ids"]:
                continue
            if r["attack_kind"] != lead["attack_kind"] and not (lead["attack_kind"] in {"air_strike", "drone_strike"}
                                                                 and self._bare_strike(r)):
                continue
            here = self._places[r["place_id"]]["country"] if r["place_id"] in self._places else None
            if here is not None and countries and here not in countries:
                continue
            r["attacker_ids"] = list(lead["attacker_ids"])
            r["rule_ids"].append("events.attacker_from_lead")
            if r["attack_kind"] != lead["attack_kind"]:
                # 'two strikes engaged a unit' in a report of air strikes: air strikes too
                r["attack_kind"] = lead["attack_kind"]
                r["acled_event_type"], r["acled_sub_event_type"] = lead["acled_event_type"], lead["acled_sub_event_type"]
                r["cameo_root"], r["plover_mode"] = lead["cameo_root"], lead["plover_mode"]
        return recs

    def _bare_strike(self, rec: dict) -> bool:
        """An event told only by the noun 'strike' (no weapon, no other attack word)."""
        ids = [i.split(":", 1)[1] for i in rec["rule_ids"] if i.startswith("events.trigger:")]
        events = [i for i in ids if i in self.by_id and self.by_id[i].role == "event"]
        return rec["attack_kind"] == "attack" and not rec["instruments"] and bool(events) and set(events) == {"n-strike"}

    def _dateline_place(self) -> tuple[Optional[str], set[int]]:
        """The dateline's place ('GOMA, Congo —') and the dateline's tokens. An event whose
        sentence names no place happened there, unless most of the document's places lie in
        another country (a report filed from Nairobi about Somalia)."""
        for p in self._places.values():
            if p.get("dateline"):
                s, e = p["dateline"]
                main = self._places.get(self._main_place or "")
                if main is not None and main.get("country") != p.get("country"):
                    return None, set(range(s, e))
                return p["id"], set(range(s, e))
        return None, set()

    def _event_figures(self, doc: Doc, ev: _Event) -> tuple[Optional[dict], Optional[dict], Optional[bool]]:
        """Deaths, injured and damage of an event: the most conservative whole figure its
        mentions and the bare figure sentences after them give (ACLED), then what was said of
        several events at once ('no injuries in either attack')."""
        orphans = self._cas_orphan_statements(doc) if getattr(self, "_cas_doc", None) is doc else {}
        stmts = [s for m in ev.mentions for s in self._cas_owned.get(id(m), []) + orphans.get(id(m), [])] \
            if getattr(self, "_cas_doc", None) is doc else []
        by_field = cas.fold_fields(stmts)
        fatalities = cas.conservative(by_field["fatalities"])
        injured = cas.conservative(by_field["injured"])
        damage = cas.damage_of(stmts)
        for extra in ev.collective:
            fatalities = fatalities or extra.get("fatalities")
            injured = injured or extra.get("injured")
            damage = damage if damage is not None else extra.get("damage")
        if injured and injured.get("min") == injured.get("max") == 0 and fatalities is None:
            fatalities = {"min": 0, "max": 0}  # "no injuries": nobody was hurt, so nobody killed
        return fatalities, injured, damage

    def _document_country(self) -> Optional[str]:
        """The country most place mentions fall in: the last resort for an event's place."""
        weight: dict[str, int] = {}
        doc = self._doc
        for p in self._places.values():
            if p.get("country") and UNLOCATED_IN_DOCUMENT_COUNTRY not in p.get("rule_ids", ()):
                # (a name placed only by the document's own country is no evidence of it)
                n = len(p["mentions"])
                if p["kind"] == "country":
                    # 'a U.S. strike', 'U.S. forces': a country qualifying a side or an attack
                    # names who acted, not where
                    n -= sum(1 for s, e in p.get("tokens") or [] if e - 1 < len(doc) and _names_side(doc[e - 1]))
                if n > 0:
                    weight[p["country"]] = weight.get(p["country"], 0) + n
        if not weight:
            return None
        iso = max(weight, key=lambda k: weight[k])
        ranked = sorted(
            (p for p in self._places.values() if p.get("country") == iso
             and UNLOCATED_IN_DOCUMENT_COUNTRY not in p.get("rule_ids", ())),
            key=lambda p: (p["kind"] != "country", p.get("qualifier") is not None, -len(p["mentions"])),
        )
        return ranked[0]["id"] if ranked else None

    def _actor_tables(self, doc: Doc) -> tuple[dict[str, str], dict[str, Optional[str]]]:
        """Each actor's kind and country, made once per list of actors (not per event): the
        list is replaced, not changed, when an event adds an actor (`_nation_actor`)."""
        actors = records(doc, "cn_actors")
        memo = self._tables_memo
        if memo is None or memo[0] is not actors:
            memo = self._tables_memo = (actors, {a["id"]: a["kind"] for a in actors},
                                        {a["id"]: a.get("country") for a in actors})
        return memo[1], memo[2]


# -- typology tables -----------------------------------------------------------------------------
CAMEO = {"air_strike": "19", "drone_strike": "19", "shelling": "19", "missile_attack": "19",
         "rocket_attack": "19", "armed_clash": "19", "massacre": "20", "bombing": "18", "ied": "18",
         "suicide_bombing": "18", "grenade": "18", "abduction": "18", "ambush": "19", "raid": "19",
         "shooting": "18", "attack": "18", "arson": "18", "territory_capture": "19"}
PLOVER_MODE = {"air_strike": "aerial", "drone_strike": "drone", "shelling": "heavy-weapons",
               "missile_attack": "heavy-weapons", "rocket_attack": "heavy-weapons",
               "bombing": "explosives", "ied": "explosives", "grenade": "explosives",
               "suicide_bombing": "suicide-attack", "abduction": "abduct", "shooting": "firearms",
               "massacre": "firearms", "ambush": "firearms", "raid": "firearms",
               "armed_clash": "firearms", "arson": "destroy"}
#: verbs whose 'from' phrase names where a weapon came from, not where it struck
LAUNCH_LEMMAS = {"launch", "fire", "shoot", "take", "fly", "send", "lob"}
#: kinds of the victims who are the side attacked when the thing attacked names none ('killed 30
#: soldiers in an attack on a military post'); civilians killed in a strike on a building stay its toll
ARMED_VICTIM_KINDS = frozenset({"state_forces", "police", "militia", "identity_militia", "paramilitary",
                                "insurgent_group", "rebel_group", "unidentified_armed_group", "criminal_group"})
#: head words that name the attacking side itself ('about 40 attackers were killed')
ATTACKING_SIDE_WORDS = frozenset({"attackers", "assailants"})
#: what a territory can be called when 'seized' or 'captured'
#: remote attacks whose attacker a later report of the same kind shares with the lead
INHERITED_KINDS = {"air_strike", "drone_strike", "missile_attack", "rocket_attack", "shelling"}
#: 'at X', 'near X': an unknown name after these is a place ('from' is not: 'fighters from X')
WHERE_PREPOSITIONS = {"at", "near", "in", "outside", "around", "inside", "across", "towards", "toward"}
PLACE_NOUNS = {"town", "city", "village", "base", "camp", "airport", "airfield", "district", "region", "area",
               "territory", "position", "capital", "outpost", "checkpoint", "facility", "barracks", "crossing",
               "province", "state", "neighbourhood", "neighborhood", "hill", "headquarters", "garrison", "port",
               "bridge", "road", "highway", "stronghold", "settlement", "locality", "county", "municipality"}
REMOTE = {"air_strike", "drone_strike", "shelling", "missile_attack", "rocket_attack", "bombing", "ied",
          "suicide_bombing", "grenade"}


def acled_type(kind: str, outcome: Optional[str], target_ids: list[str], actor_kinds: dict[str, str],
               attacker_ids: Sequence[str] = (), actor_countries: Optional[dict[str, Optional[str]]] = None,
               place_country: Optional[str] = None) -> tuple[str, str]:
    """ACLED event type and sub-event type, following the codebook's rules of thumb."""
    actor_countries = actor_countries or {}
    if kind == "territory_capture":
        # a government retaking its own ground 'regains' it; anyone else, foreign armies
        # included, 'overtakes' it
        states = [a for a in attacker_ids if actor_kinds.get(a) in {"state", "state_forces", "police"}]
        home = not place_country or any(actor_countries.get(a) in {None, place_country} for a in states)
        return "Battles", "Government regains territory" if states and home else "Non-state actor overtakes territory"
    if outcome in {"intercepted", "failed"} and kind in REMOTE | {"attack"}:
        return "Strategic developments", "Disrupted weapons use"
    if kind in {"air_strike", "drone_strike"}:
        return "Explosions/Remote violence", "Air/drone strike"
    if kind in {"shelling", "missile_attack", "rocket_attack"}:
        return "Explosions/Remote violence", "Shelling/artillery/missile attack"
    if kind in {"ied", "bombing"}:
        return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    if kind == "suicide_bombing":
        return "Explosions/Remote violence", "Suicide bomb"
    if kind == "grenade":
        return "Explosions/Remote violence", "Grenade"
    civilians = bool(target_ids) and all(actor_kinds.get(t) in CIVILIAN_KINDS for t in target_ids)
    if kind == "abduction":
        return "Violence against civilians", "Abduction/forced disappearance"
    if kind == "arson" and not civilians:
        return "Strategic developments", "Looting/property destruction"
    if civilians or kind == "massacre":
        return "Violence against civilians", "Attack"
    return "Battles", "Armed clash"


# -- helpers ---------------------------------------------------------------------------------------
def _filter_spans(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """spacy.util.filter_spans on (start, end, label) tuples, which need no Span objects: the
    longest span wins (the first of equals), then spans are in order of start."""
    result = []
    seen: set[int] = set()
    for span in sorted(spans, key=lambda sp: (sp[1] - sp[0], -sp[0]), reverse=True):
        start, end = span[0], span[1]
        # end - 1, as filter_spans checks (boundaries are inclusive)
        if start not in seen and end - 1 not in seen:
            result.append(span)
            seen.update(range(start, end))
    return sorted(result, key=lambda sp: sp[0])


def _ids(words: Iterable[str]) -> frozenset[int]:
    """The string ids of `words` (what the LOWER and LEMMA columns hold)."""
    return frozenset(get_string_id(w) for w in words)


def _word_positions(doc: Doc, lower_ids: frozenset[int], lemma_ids: frozenset[int] = frozenset()) -> list[int]:
    """Ascending indices of the tokens whose lower-case form or lemma is one of the ids. The
    few words of a list a text holds are found by intersecting it with the Doc's set of words,
    then each with `list.index` (C scans): a Python test per token costs several times more."""
    found: set[int] = set()
    for attr, ids in ((LOWER, lower_ids), (LEMMA, lemma_ids)):
        if ids:
            wanted = ids & column_set(doc, attr)
            if wanted:
                found.update(positions(column_list(doc, attr), wanted))
    return sorted(found)


def _token_index(doc: Doc, recs: list[dict], key: str = "mentions",
                 chars: Optional[CharIndex] = None) -> dict[int, str]:
    """token index -> record id, for every token inside one of the records' spans."""
    out: dict[int, str] = {}
    for r in recs:
        for s, e in r.get(key) or []:
            if key == "mentions":
                found = (chars or CharIndex(doc)).expand(s, e)
                if found is None:
                    continue
                s, e = found
            for i in range(s, e):
                out.setdefault(i, r["id"])
    return out


def _headline_end(doc: Doc) -> int:
    """Token index where the body starts when the text opens with a headline (a first line
    with no closing punctuation, followed by a line break), else 0."""
    # a line break is always a whitespace token of its own (`Doc.text` would rebuild the text);
    # the lower-case forms answer for the text here (casing changes no space or punctuation)
    lower = parse_of(doc).lower
    space = column_list(doc, IS_SPACE)
    first = next((i for i, s in enumerate(space) if s and "\n" in lower[i]), None)
    if first is None:
        return 0
    end = first + 1  # the first token after the break
    words = [i for i in range(end) if not space[i]]
    if not words or lower[words[-1]] in {".", "!", "?", "\u201d", '"'}:
        return 0
    # (the line's words through Tokens, up to the most a headline has: the IS_ALPHA column of
    # the whole Doc costs more than ten of them)
    alpha = 0
    for i in words:
        alpha += doc[i].is_alpha
        if alpha > 25:
            return 0
    return end if alpha >= 2 else 0


def _single_token(pattern: list[dict]) -> Optional[tuple[str, list[str], Optional[set[str]]]]:
    """(attribute, words, allowed POS) for a one-token pattern on LOWER or LEMMA (and POS);
    None for anything the Matcher must handle."""
    if len(pattern) != 1 or not set(pattern[0]) <= {"LOWER", "LEMMA", "POS"}:
        return None
    tok = pattern[0]
    attrs = [a for a in ("LOWER", "LEMMA") if a in tok]
    if len(attrs) != 1:
        return None

    def values(v: object) -> Optional[list[str]]:
        if isinstance(v, str):
            return [v]
        if isinstance(v, dict) and set(v) == {"IN"}:
            return list(v["IN"])
        return None

    words = values(tok[attrs[0]])
    pos = values(tok["POS"]) if "POS" in tok else None
    if words is None or ("POS" in tok and pos is None):
        return None
    return attrs[0], words, set(pos) if pos is not None else None


ARMED_NON_STATE = {"insurgent_group", "rebel_group", "militia", "paramilitary", "unidentified_armed_group",
                   "criminal_group"}
STATE_SIDE = {"state", "state_forces", "police"}


def _same_party(desc: dict, other: dict) -> bool:
    """Whether a descriptor actor may describe the same party as another attacker."""
    a, b = desc["kind"], other["kind"]
    if a in ARMED_NON_STATE and b in ARMED_NON_STATE:
        return not other.get("descriptor") or a == b
    if a in STATE_SIDE and b in STATE_SIDE:
        ca, cb = desc.get("country"), other.get("country")
        return (ca is None or cb is None or ca == cb) and (not other.get("descriptor") or a == b)
    return False


def _common_ancestor(a: Token, b: Token) -> Optional[Token]:
    """The lowest token that dominates both (either may be the other's ancestor)."""
    P = parse_of(a.doc)
    up = set(P.path(a.i))
    for t in P.path(b.i):
        if t in up:
            return a.doc[t]
    return None


def _victims_when(P: Parse, ends: list[int]) -> bool:
    """'20 soldiers were killed when militants ambushed their patrol': victims in the passive,
    and a when/as/after clause telling the attack they died in, are one incident."""
    dep, kids = P.dep, P.children
    victim = next((t for t in ends if P.lemma[t] in VICTIM_VERBS and any(dep[c] == "nsubjpass" for c in kids[t])), None)
    if victim is None:
        return False
    other = ends[1] if victim == ends[0] else ends[0]
    return dep[other] == "advcl" and P.head[other] == victim and any(
        dep[c] in {"mark", "advmod"} and P.lower[c] in {"when", "as", "after"} for c in kids[other])


SIDE_NOUNS = {"strike", "airstrike", "attack", "raid", "operation", "bombing", "bombardment", "offensive",
              "forces", "force", "troops", "military", "army", "jet", "warplane", "drone", "aircraft"}


def _names_side(tok: Token) -> bool:
    """'a U.S. strike', 'U.S. forces': a place word qualifying an attack or a force."""
    return tok.dep_ in {"compound", "amod", "nmod"} and tok.head.lemma_.lower() in SIDE_NOUNS


def _gap_verb(P: Parse, t: int) -> bool:
    """'(struck ...,) a day after a drone slammed into ...': a clause dated by a gap from another."""
    dep, lower, kids = P.dep, P.lower, P.children
    gaps = [c for c in kids[t] if dep[c] == "npadvmod" and P.lemma[c] in TIME_GAP_NOUNS]
    return any(any(lower[g] in {"after", "before"} for g in kids[c]) for c in gaps) or (
        bool(gaps) and any(dep[c] == "mark" and lower[c] in {"after", "before"} for c in kids[t])) or (
        _gap_mark(P, t) is not None)


def _gap_mark(P: Parse, t: int) -> Optional[int]:
    """'..., two weeks after an attack on tourists killed 26': the 'after' that opens clause t,
    itself measured by a time gap."""
    dep, lower, kids = P.dep, P.lower, P.children
    return next((c for c in kids[t] if dep[c] == "mark" and lower[c] in {"after", "before"} and any(
        dep[g] == "npadvmod" and P.lemma[g] in TIME_GAP_NOUNS for g in kids[c])), None)


def _dated_apart(toks: list[Token], gap_verbs: Optional[dict[int, bool]] = None) -> Optional[Token]:
    """The verb of a clause set apart by a time gap ('a day after ...', 'hours before ...') that
    holds the triggers, or None. gap_verbs: `_gap_verb` of the verbs already tested in this
    Doc's parse (the paths of a mention's tokens, and of the mentions of a sentence, meet)."""
    if not toks:
        return None
    P = parse_of(toks[0].doc)
    if gap_verbs is None:
        gap_verbs = {}
    for tok in toks:
        for t in P.path(tok.i)[:6]:
            if P.pos[t] != "VERB":
                gap = False
            else:
                gap = gap_verbs.get(t)
                if gap is None:
                    gap = gap_verbs[t] = _gap_verb(P, t)  # (a test of the token alone: any caller may share it)
            if gap:
                mark = _gap_mark(P, t)
                if mark is not None and tok.i < mark:
                    break  # the parser hung the main clause under the dated one: it is not apart
                return tok.doc[t]
            if P.dep[t] == "ROOT":
                break
    return None


#: places a barrage ranges over ('fired missiles at Ukrainian cities', 'struck towns across the north')
SCOPE_NOUNS = {"city", "town", "region", "area", "province", "village", "part", "target"}

#: verbs of a fight between two sides: 'with' names the other side ('clashed with troops')
CLASH_VERBS = {"clash", "fight", "battle", "skirmish"}
#: nouns plural for one incident ("clashes in Tripoli killed 32")
CLASH_NOUNS = {"clash", "fighting", "hostility", "skirmish", "battle", "gunfight", "exchange"}

WHICH = frozenset({"which"})
DURING_WORDS = frozenset({"during", "amid", "amidst"})

#: words by which a reply names the attack it answers ('in response to', 'revenge for', 'to avenge')
ANSWER_WORDS = {"response", "retaliation", "revenge", "reprisal", "reprisals", "vengeance", "avenge", "retaliate",
                "respond"}
#: words of the other side's reply ('during a counter-attack'; 'counter' as the tokenizer splits it)
COUNTER_FORMS = frozenset({"counter", "counterattack", "counterattacks", "counteroffensive", "counter-attack",
                           "counter-offensive"})
ANSWER_FORMS = frozenset(ANSWER_WORDS | {"responses", "avenged", "avenging", "avenges", "retaliated", "retaliating",
                                         "retaliates", "responded", "responding", "responds"})
MARKER_WORDS = DURING_WORDS | WHICH | ANSWER_FORMS | COUNTER_FORMS
MARKER_IDS = _ids(MARKER_WORDS)
THREAT_IDS = _ids(THREAT_VERBS)


def _relative_which(P: Parse, i: int) -> Optional[int]:
    """The index of 'in' / 'during' opening the clause 'in which ...' that verb `i` heads, or None."""
    if P.pos[i] != "VERB":
        return None
    return next((c for c in P.children[i] if P.dep[c] == "prep" and P.lower[c] in {"in", "during"} and c < i
                 and any(P.lower[p] == "which" for p in P.children[c])), None)


def _answered(tok: Token) -> bool:
    """'(fired rockets) in response to the killing of X', 'revenge for an offensive', 'to
    avenge the killing': the trigger names the attack a reply answers."""
    t = tok
    for _ in range(3):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in ANSWER_WORDS:
            return True
        if t.pos_ == "VERB":
            return False
    return False


def _replies(tok: Token) -> bool:
    """'fired mortar shells at the troops in response', 'struck back in retaliation for the
    raid', 'retaliated by shelling the town': a verb told as a reply is a new act of the other
    side, not more about the attack told before it (which it answers)."""
    if tok.pos_ != "VERB":
        return False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"in", "as"} and any(
                p.dep_ == "pobj" and p.lemma_.lower() in ANSWER_WORDS for p in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ in {"in", "during", "as"} and any(
                p.dep_ == "pobj" and _counter(p) for p in c.children):
            return True  # 'officers killed ten gang members during a counter-attack'
    return tok.head.i != tok.i and tok.dep_ in {"pcomp", "xcomp", "advcl"} and tok.head.lemma_.lower() in ANSWER_WORDS


def _counter(p: Token) -> bool:
    """'a counter-attack', 'a counteroffensive': the other side's reply."""
    if p.lemma_.lower() in {"counterattack", "counteroffensive", "counter-attack", "counter-offensive"}:
        return True
    if p.lemma_.lower() not in {"attack", "offensive", "assault"}:
        return False
    doc = p.doc
    return any(c.lower_ in {"counter", "counter-"} for c in p.children) or (
        p.i >= 2 and doc[p.i - 1].text == "-" and doc[p.i - 2].lower_ == "counter")


def _into_the_sea(doc: Doc, P: Parse, i: int) -> bool:
    """'fired two missiles into the sea off its east coast' and nothing at, on or against anyone
    (a date after 'on' aims at no one)."""
    dep, lower, kids = P.dep, P.lower, P.children
    sea = any(dep[c] == "prep" and lower[c] == "into" and any(
        dep[p] == "pobj" and P.lemma[p].lower() in {"sea", "ocean", "water", "waters"} for p in kids[c])
        for c in kids[i])
    if not sea:
        return False
    return not any(dep[c] == "prep" and lower[c] in TARGET_PREPOSITIONS | {"toward", "towards"} and any(
        dep[p] == "pobj" and doc[p].ent_type_ not in {"DATE", "TIME"} for p in kids[c]) for c in kids[i])


def _present_of_other_verb(P: Parse, v: int, m: _Mention) -> bool:
    """Verb `v` is not one of the mention's triggers, and is a simple present or present
    perfect ('change', 'have changed', 'make up', 'has become')."""
    if P.pos[v] not in {"VERB", "AUX"} or any(t.tok.i == v for t in m.triggers):
        return False
    if P.tag[v] in {"VBZ", "VBP"}:
        return True
    return P.tag[v] == "VBN" and any(P.dep[c] == "aux" and P.lemma[c] == "have" and P.tag[c] in {"VBZ", "VBP"}
                                     for c in P.children[v])


def _linked(a: Token, b: Token, P: Optional[Parse] = None, gap_verbs: Optional[dict[int, bool]] = None) -> bool:
    """True when a and b lie on one head chain with no clause in between that has its own
    subject (a separate event) or is a reporting verb. P: the Doc's parse, when the caller
    holds it; gap_verbs: `_gap_verb` of tokens already tested in it (see `_dated_apart`)."""
    if P is None:
        P = parse_of(a.doc)
    if gap_verbs is None:
        gap_verbs = {}
    dep, pos, lemma = P.dep, P.pos, P.lemma
    pa, pb = P.path(a.i), P.path(b.i)
    if b.i in pa:
        chain = pa[: pa.index(b.i) + 1]
    elif a.i in pb:
        chain = pb[: pb.index(a.i) + 1]
    else:
        ib = set(pb)
        common = next((t for t in pa if t in ib), None)
        if common is None or pos[common] != "VERB" or lemma[common] in REPORT_LEMMAS:
            return False
        chain = pa[: pa.index(common) + 1] + pb[: pb.index(common)]
        if dep[a.i] == "conj" or dep[b.i] == "conj":
            return False
    if any(dep[t] in {"relcl", "acl"} and pos[t] in {"VERB", "AUX"} and P.head[t] not in {a.i, b.i}
           for t in chain[:-1]):
        # 'an insurgency that has killed thousands', 'missiles that were prepared to launch': a
        # relative clause on a non-trigger noun tells its own story
        return False
    if any(lemma[t].lower() in ANSWER_WORDS for t in chain[1:-1]):
        # 'targeted bases in response to the killing of its commander', 'revenge for an
        # offensive': the answered attack is another event, by other hands
        return False
    if any(gap_verbs[t] if t in gap_verbs else gap_verbs.setdefault(t, _gap_verb(P, t)) for t in chain[:-1]):
        # 'struck the port a day after a drone slammed into a building': the clause is dated
        # apart from the other, so it tells another attack
        return False
    inner = chain[1:-1]
    for t in inner:
        if pos[t] == "VERB" and (lemma[t] in REPORT_LEMMAS or any(dep[c] in {"nsubj"} for c in P.children[t])):
            return False
    ends = [chain[0], chain[-1]]
    if _victims_when(P, ends):
        return len(chain) <= 7
    if all(pos[t] == "VERB" for t in ends) and any(dep[t] in {"conj", "advcl", "ccomp"} for t in ends):
        # two verbs, each with a subject of its own: two events
        if all(any(dep[c] in {"nsubj", "nsubjpass"} for c in P.children[t]) for t in ends):
            return False
    return len(chain) <= 7


#: heads of "dozens of rockets", "a barrage of missiles": the weapon is in the of-phrase
QUANTITY_HEADS = {"dozens", "dozen", "hundreds", "scores", "number", "barrage", "salvo", "volley", "wave",
                  "swarm", "series", "hail", "couple", "pair", "string", "round", "spate", "flurry", "rash"}


def _quantified(tok: Token) -> list[Token]:
    """The nouns inside 'dozens of X' / 'a barrage of X' hanging from tok or its children."""
    return [tok.doc[i] for i in _quantified_at(parse_of(tok.doc), tok.i)]


def _quantified_at(P: Parse, i: int) -> list[int]:
    """`_quantified` on token indices (no Token objects)."""
    dep, lower, kids = P.dep, P.lower, P.children
    out = []
    for q in [i, *kids[i]]:
        if lower[q] in QUANTITY_HEADS or P.pos[q] == "NUM":
            for prep in kids[q]:
                if dep[prep] == "prep" and lower[prep] == "of":
                    out += [p for p in kids[prep] if dep[p] == "pobj"]
    return out


def _subtree(P: Parse, i: int) -> list[int]:
    """Token.subtree of token `i` as indices, in its order (the left children's subtrees, the
    token, the right children's): walking it through Tokens creates one per word."""
    kids = P.children[i]
    out: list[int] = []
    for c in kids:
        if c < i:
            out += _subtree(P, c)
    out.append(i)
    for c in kids:
        if c > i:
            out += _subtree(P, c)
    return out


#: units after a number that make it a calibre ('155mm shells', '7.62 mm rounds'), not a count
CALIBRE_UNITS = {"mm", "millimetre", "millimeter", "millimetres", "millimeters", "cm", "calibre", "caliber", "inch"}


def _number(P: Parse, i: int) -> Optional[int]:
    """The number a nummod child gives token `i` (digits or a number word), or None. (Casing
    does not change digits: the lower-case form answers for the text.)"""
    num = next((c for c in P.children[i] if P.dep[c] == "nummod"), None)
    if num is None:
        return None
    word = P.lower[num]
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _breakdown(P: Parse, i: int) -> list[int]:
    """'Six members of a family, three women and three children': conjuncts whose numbers add
    up to the head's number break the same people down; they are no further targets."""
    total = _number(P, i)
    if not total:
        return []
    parts = [c for c in P.conjuncts(i) if c > i]
    if len(parts) < 2:
        return []
    counts = [_number(P, c) for c in parts]
    return parts if None not in counts and sum(counts) == total else []


def _calibre(num: Token) -> bool:
    """'155' in '155mm shells' / '155 mm' / '155-mm': a calibre, not a count."""
    nxt = num.doc[num.i + 1] if num.i + 1 < len(num.doc) else None
    if nxt is not None and nxt.lower_ == "-" and num.i + 2 < len(num.doc):
        nxt = num.doc[num.i + 2]
    return (nxt is not None and nxt.lower_ in CALIBRE_UNITS) or num.lower_.endswith("mm")


def _count_of(tok: Token) -> Optional[int]:
    for c in tok.children:
        if c.dep_ == "nummod" and _calibre(c):
            continue  # '155mm artillery': a calibre
        if c.dep_ == "nummod":
            if c.text.isdigit():
                return int(c.text)
            if c.lower_ in NUMBER_WORDS:
                return NUMBER_WORDS[c.lower_]
        if c.dep_ == "det" and c.lower_ in {"a", "an"} and tok.tag_ == "NN":
            return 1
    return None


def _bare_victim_clause(m: _Mention, P: Parse) -> bool:
    """'34 people had been killed', 'multiple operatives were killed': a passive victim verb
    with no attacker, place, time or weapon of its own adds a figure, not an incident. (The
    mention's own facts are tested first: most mentions have one.)"""
    if len(m.triggers) != 1 or m.attackers or m.place or m.time or m.instruments:
        return False
    h = m.head.i
    return (P.pos[h] == "VERB" and P.lemma[h] in VICTIM_VERBS and any(P.dep[c] == "nsubjpass" for c in P.children[h])
            and not _specific(m.kinds))


def _apply_collective(ev: _Event, m: _Mention) -> None:
    """'No injuries were reported in either incident': figures said of several events."""
    extra = {}
    if m.fatalities is not None:
        extra["fatalities"] = m.fatalities
    if m.injured is not None:
        extra["injured"] = m.injured
    if m.damage is not None:
        extra["damage"] = m.damage
    if extra:
        ev.collective.append(extra)


DURATION_UNITS = {"years", "decades", "months", "weeks", "decade", "year", "centuries"}


DENIAL_LEMMAS = {"deny", "refute", "dismiss", "reject"}
#: event nouns used without an article for violence in general ("years of fighting")
MASS_EVENT_NOUNS = {"fighting", "violence", "shelling", "bombardment", "hostilities", "bloodshed", "unrest"}
#: entity labels of a date or a time, as ids (what ENT_TYPE arrays hold)
DATE_TIME_IDS = frozenset({get_string_id("DATE"), get_string_id("TIME")})
#: nouns for a stretch of time: "a year of fighting" is no single event
SPAN_NOUNS = {"year", "month", "week", "day", "decade", "century", "hour", "cycle", "era", "wave", "spate", "campaign"}
#: nouns of a span or a quantity whose 'of' phrase says what was launched ('10 days of war games')
SPAN_HOLDERS = SPAN_NOUNS | TIME_GAP_NOUNS | QUANTITY_HEADS
#: modal auxiliaries: an attack they govern has not happened
MODALS = {"would", "could", "might", "may", "should", "can", "will", "must"}
#: verbs whose bare-infinitive complement is a purpose ("help X fight", "let them attack")
ENABLING_VERBS = {"help", "let", "make", "allow", "enable", "assist"}
#: verbs whose object is the weapon used ('fired rockets', 'dropped bombs'), not what was hit
WEAPON_USE_VERBS = {"fire", "launch", "drop", "use", "deploy", "detonate", "plant", "hurl", "lob", "throw",
                    "shoot", "explode", "fly", "send", "set", "trigger", "unleash", "rain", "carry", "conduct"}
#: prepositions whose object is what an attack is aimed at
NOBODY = {"nobody", "noone", "anyone", "anybody", "everyone", "everybody", "someone", "somebody", "none"}
TARGET_PREPOSITIONS = {"on", "at", "against", "upon"}
#: where a claim or statement is published: 'on its Telegram channel', 'on social media' name no target
MEDIA_NOUNS = {"channel", "website", "account", "page", "platform", "feed", "app", "medium", "media",
               "telegram", "twitter", "facebook", "broadcast", "television", "radio", "messaging"}
#: a toll this high with no day of its own sums up a war, not an attack
SUMMARY_TOLL = 1000
#: words that make a perfect-tense toll a running count over a period
PERIOD_WORDS = {"since", "far", "date", "past", "recent", "throughout", "overall", "total", "altogether"}
#: a mention whose own date ended this many days before publication is background history
BACKGROUND_DAYS = 90
#: a lead dated this long before publication tells history (a trial, an anniversary), not news
HISTORY_DAYS = 5 * 365
#: sentence openers that announce a different incident ("Separately, gunmen ...")
CONTRAST_OPENERS = {"separately", "elsewhere", "meanwhile", "earlier", "later", "previously"}
COPULAS = {"be", "become", "remain", "grow"}
FREQUENCY_ADVERBS = {"long", "often", "regularly", "repeatedly", "frequently", "routinely", "increasingly",
                     "usually", "typically", "commonly", "rarely", "seldom", "sometimes", "occasionally"}


def _threat_object(tok: Token) -> bool:
    """A word naming violence to come; 'the attack' (a known one, as in 'vowed to bring those
    behind the attack to justice') is the reason for a vow, not its object."""
    return tok.lemma_ in THREAT_OBJECTS and not any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"} for c in tok.children)


def _habitual_at(P: Parse, doc: Doc, v: int) -> bool:
    """'has fought the government for two decades', 'which has attacked bases since 2019':
    verb `v` tells a history, not an event. Also a perfect-tense relative clause on an actor
    description."""
    dep, lower, tag, kids = P.dep, P.lower, P.tag, P.children
    for c in kids[v]:
        if dep[c] == "prep" and lower[c] in {"for", "since", "over", "throughout"}:
            for p in kids[c]:
                if lower[p] in DURATION_UNITS or any(lower[g] in DURATION_UNITS for g in _subtree(P, p)):
                    return True
                if lower[c] == "since" and doc[p].like_num and len(doc[p].text) == 4:
                    return True
    perfect = any(dep[c] == "aux" and P.lemma[c] == "have" and tag[c] in {"VBZ", "VBP"} for c in kids[v])
    present = tag[v] in {"VBZ", "VBP"} or perfect or any(
        dep[c] == "aux" and tag[c] in {"VBZ", "VBP"} for c in kids[v])
    if present and any(dep[c] == "advmod" and lower[c] in FREQUENCY_ADVERBS for c in kids[v]):
        # "has long used airstrikes", "often attack convoys": a pattern, not one event
        return True
    if dep[v] == "relcl" and perfect and P.lemma[P.head[v]] in {"group", "militia", "movement", "organization",
                                                                "organisation", "faction", "insurgency"}:
        return True
    return False


def _np_text(doc: Doc, P: Parse, i: int) -> str:
    """A noun phrase without the relative clauses and appositions hanging off it."""
    toks = [i]
    for c in P.children[i]:
        if P.dep[c] in {"relcl", "appos", "punct", "cc", "conj"} and c > i:
            continue
        toks += _subtree(P, c)
    return span_of(doc, min(toks), max(toks) + 1).text.strip()


def _best_target_texts(doc: Doc, ms: list[_Mention], sentence: Callable[[int], Span]) -> list[str]:
    """The target phrase of the first mention in a full sentence (headlines come last), with
    the phrases coordinated with it."""
    def headline(m: _Mention) -> bool:
        sent = sentence(m.head.i)  # its last printed token, not Span.text (which rebuilds the sentence)
        last = sent.end - 1
        while last > sent.start and doc[last].is_space:
            last -= 1
        return not doc[last].text.endswith((".", "!", "?", "\"", "”"))

    # a bare plural ('fired missiles at Ukrainian cities') names the range of a barrage, not what
    # was hit: a phrase of a thing attacked (not only of those killed), told in another sentence
    # of the event, comes first
    scoped = any(m.target_scope for m in ms)
    texts = [(headline(m), m.target_scope, scoped and m.target_weak, i) for i, m in enumerate(ms) if m.target_text]
    if not texts:
        return []
    m = ms[min(texts)[3]]
    return list(dict.fromkeys(m.target_texts or [m.target_text]))


def _asserts(m: _Mention) -> dict:
    """What one mention says of its event, for the claim that carries it."""
    out: dict = {}
    if m.fatalities is not None:
        out["fatalities"] = m.fatalities
    if m.injured is not None:
        out["injured"] = m.injured
    if m.outcome is not None:
        out["outcome"] = m.outcome
    if m.damage is not None:
        out["damage"] = m.damage
    if m.attackers:
        out["attacker_ids"] = list(m.attackers)
    return out


class _Bounds(NamedTuple):
    """Token and character bounds of a stretch of text (what callers read of a Span)."""

    start: int
    end: int
    start_char: int
    end_char: int


def _mention_span(doc: Doc, m: _Mention) -> _Bounds:
    """The bounds of the text from the mention's first trigger to its last, read off the
    trigger spans (slicing the Doc would make a Span and read its end Tokens again). Kept on
    the mention: coreference, the event record and the threats each ask for them."""
    if m.bounds is None:
        first = min((t.span for t in m.triggers), key=lambda s: s.start)
        last = max((t.span for t in m.triggers), key=lambda s: s.end)
        m.bounds = _Bounds(first.start, last.end, first.start_char, last.end_char)
    return m.bounds


#: rank of each specific kind ('attack' and 'other' are none)
_SPECIFIC_RANK = {k: r for r, k in enumerate(SPECIFIC_KINDS) if k not in {"attack", "other"}}


def _specific(kinds: list[str]) -> Optional[str]:
    """The first kind of SPECIFIC_KINDS among `kinds`, or None. Asked for every pair of a
    mention and an event, so one rank lookup per kind, not a scan of `kinds` per entry."""
    best: Optional[int] = None
    for k in kinds:
        r = _SPECIFIC_RANK.get(k)
        if r is not None and (best is None or r < best):
            best = r
    return None if best is None else SPECIFIC_KINDS[best]


def _event_outcome(ms: list[_Mention], fatalities: Optional[dict], injured: Optional[dict],
                   damage: Optional[bool]) -> str:
    """effective when people were hurt or things damaged, else what an outcome word says
    ('intercepted', 'foiled', 'the president was unhurt'), else effective when a trigger says
    the attack reached its target ('struck', 'stormed', 'abducted', 'an air strike on'), and
    unknown when the text only says weapons were fired or sides fought."""
    if cas.hurt(fatalities, injured) or damage:
        return "effective"
    marked: Optional[str] = None
    for m in ms:
        if m.outcome:
            marked = _better_outcome(marked, m.outcome)
    if marked == "intercepted" and any(
            m.outcome is None and any(t.rule.role == "event" and t.tok.pos_ == "VERB" and t.tok.lemma_ in HIT_VERBS
                                      for t in m.triggers) for m in ms):
        # 'Drones struck the airport ... air defences shot down several drones': some got through
        return "effective"
    if marked is not None:
        return marked
    if any(cas.impact(t.tok, t.rule.role, t.rule.attack_kind.value) for m in ms for t in m.triggers):
        return "effective"
    return "unknown"


#: verbs that turn back an attack, and the attacks they turn back
REPEL_LEMMAS = {"repel", "repulse", "thwart", "foil"}
ASSAULT_NOUNS = {"assault", "attack", "offensive", "advance", "attempt", "incursion", "infiltration", "raid",
                 "storming", "push"}
#: verbs that tell a weapon reached what it was aimed at
HIT_VERBS = {"strike", "hit", "slam", "smash", "pound", "damage"}


#: a subject that says none of the weapons did it: 'neither missile', 'none of the rockets', 'no shell'
NONE_WORDS = {"neither", "none"}


def _none_of_them(P: Parse, i: int) -> bool:
    """The verb's subject is 'neither' / 'none (of them)' or is determined by 'neither' / 'no'."""
    for c in P.children[i]:
        if P.dep[c] in {"nsubj", "nsubjpass"}:
            if P.lower[c] in NONE_WORDS or any(
                    P.dep[d] == "det" and P.lower[d] in NONE_WORDS | {"no"} for d in P.children[c]):
                return True
    return False


def _better_outcome(a: Optional[str], b: str) -> str:
    order = {"intercepted": 0, "failed": 1, "effective": 2, "unknown": 3}
    if a is None:
        return b
    return a if order[a] <= order[b] else b


def _first(values: list) -> object:
    return next((v for v in values if v is not None), None)


def _kind_rank(kind: str) -> int:
    return {"facility": 0, "populated_place": 1, "admin2": 2, "admin1": 3, "region": 4,
            "water_body": 4, "country": 5}.get(kind, 6)
