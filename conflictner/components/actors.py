"""Actors: named armed groups and states from the gazetteer, descriptor actors built from the
parse ("U.S. troops", "an Iraqi militia"), sponsorship ("Iranian-backed"), umbrella relations
("X, an umbrella group of ..."), and in-document resolution of repeated mentions.

Writes `doc._.cn_actors`: one record per resolved actor with all its mentions, and
`doc._.cn_affiliations`: the nationality and community words ("Iraqi", "Syrians", "Kurdish", "U.S."
in "U.S. support") that say whose side a person, a body or an action is on, each tied to the actor
it qualifies when there is one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, Optional

import numpy as np
from spacy.attrs import LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..rules import ActorEntry, CommunityEntry, DescriptorEntry
from ..schema import ACLED_INTER, ActorKind
from .base import RuleComponent, column, column_list, column_set, is_in, positions, span_record
from .base import span_of as _span

if TYPE_CHECKING:
    from ..geo import Gazetteer

#: the second half of "Iranian-backed", "Iran-aligned", "Lebanon-based": what it makes of the
#: country named in the first half
AFFIX_RELATION = {
    "backed": "backer",
    "sponsored": "backer",
    "supported": "backer",
    "funded": "backer",
    "armed": "backer",
    "aligned": "backer",
    "allied": "backer",
    "proxy": "backer",
    "based": "base",
    "led": "country",
}
DEFINITE_ANAPHORS = {
    "group": {ActorKind.militia, ActorKind.rebel_group, ActorKind.insurgent_group,
              ActorKind.identity_militia, ActorKind.criminal_group, ActorKind.paramilitary},
    "militia": {ActorKind.militia, ActorKind.identity_militia, ActorKind.paramilitary},
    "paramilitary": {ActorKind.paramilitary},
    "rebels": {ActorKind.rebel_group},
    "insurgents": {ActorKind.insurgent_group, ActorKind.rebel_group},
    "movement": {ActorKind.rebel_group, ActorKind.insurgent_group, ActorKind.militia},
    "organization": {ActorKind.militia, ActorKind.insurgent_group, ActorKind.rebel_group},
    "organisation": {ActorKind.militia, ActorKind.insurgent_group, ActorKind.rebel_group},
    "jihadists": {ActorKind.insurgent_group},
    "cartel": {ActorKind.criminal_group},
    "gang": {ActorKind.criminal_group},
}
#: the LOWER ids of the anaphor words, for a vectorized scan (built once, not per Doc)
_ANAPHOR_IDS = frozenset(get_string_id(w) for w in DEFINITE_ANAPHORS)
#: nouns that may stand inside a descriptor ('security forces', 'defense officials')
ROLE_COMPOUNDS = {"security", "defense", "defence", "government", "army", "police", "militia",
                  "rebel", "border", "coast", "special", "air", "naval", "navy", "junta",
                  "paramilitary", "opposition", "resistance", "tribal", "jihadist", "islamist",
                  "regime", "state", "federal", "national", "military", "peacekeeping", "gang",
                  "cartel", "drug", "terrorist", "insurgent", "separatist", "coalition"}
#: words of a national force's name ("Nigerian Air Force", "Somali National Army")
STATE_FORCE_WORDS = {"armed", "forces", "force", "defence", "defense", "national", "air", "naval", "navy", "army",
                     "police", "guard", "guards", "republican", "special", "border", "federal", "royal", "military",
                     "land", "ground", "marine", "marines", "corps", "coast", "gendarmerie", "presidential"}
STRUCTURE_HEADS = {"umbrella", "coalition", "alliance", "network", "grouping", "federation"}
LINK_WORDS = {"affiliate", "branch", "offshoot", "wing", "front", "faction", "proxy", "arm"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "poss", "agent", "dobj", "appos"}
#: match-key prefixes of the nationality words, the local names and the descriptor terms in the
#: name matchers
AFFILIATION = "aff:"
LOCAL = "local:"
DESCRIPTOR = "descriptor:"
#: verbs whose object is a state acting in politics or war ('thanked Turkey', 'sanctioned Iran')
STATE_OBJECT_VERBS = {"attack", "accuse", "blame", "strike", "target", "warn", "threaten", "fight", "support",
                      "help", "assist", "join", "thank", "urge", "sanction", "back", "condemn", "invade", "defeat",
                      "invite", "press", "pressure", "punish", "arm", "fund", "engage", "congratulate", "criticize",
                      "criticise"}
#: prepositions whose object is a state as a party ('talks with Iran', 'relations between X and Y'),
#: unless the phrase they hang on is a place ('the border between Syria and Iraq')
STATE_PARTY_PREPS = {"by", "against", "with", "between"}
PLACE_NOUNS = {"border", "borders", "frontier", "boundary", "area", "areas", "region", "road", "crossing", "line",
               "corridor", "airspace", "waters", "territory", "coast", "city", "town", "village", "province",
               "capital", "countryside", "soil", "side"}
#: words in a descriptor's modifiers that make the forces international ('Coalition military forces')
INTERNATIONAL_WORDS = {"coalition", "peacekeeping", "multinational", "international"}
#: dependencies of a word that modifies a noun ('U.S.' in 'U.S. support', 'Iraqi' in 'Iraqi people')
MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod"}
#: entity labels of names a nationality word can be part of ('Iraqi Kurdistan', 'Syrian Civil War')
NAME_LABELS = {"GPE", "LOC", "FAC", "PERSON", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "ORG"}


@Language.factory(
    "conflictner_actors",
    assigns=["doc._.cn_actors", "doc._.cn_affiliations"],
    requires=["token.dep", "doc.ents"],
    default_config={"data_path": None, "keep_unknown_orgs": True},
)
def make_actors(
    nlp: Language, name: str, *, data_path: Optional[str], keep_unknown_orgs: bool
) -> ActorRecognizer:
    return ActorRecognizer(nlp, name, data_path=data_path, keep_unknown_orgs=keep_unknown_orgs)


@dataclass
class _Mention:
    start: int  # token indices
    end: int
    key: str
    name: str
    kind: ActorKind
    country: Optional[str]
    backers: list[str] = field(default_factory=list)
    gazetteer_id: Optional[str] = None
    parent: Optional[str] = None
    descriptor: bool = False
    candidate: bool = False
    rule_id: str = ""
    head: int = -1


class ActorRecognizer(RuleComponent):
    folder = "actors"
    files = {
        "states.jsonl": ActorEntry,
        "state_forces.jsonl": ActorEntry,
        "armed_groups.jsonl": ActorEntry,
        "descriptors.jsonl": DescriptorEntry,
        "international.jsonl": ActorEntry,
        "communities.jsonl": CommunityEntry,
    }

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        data_path: Optional[str] = None,
        keep_unknown_orgs: bool = True,
    ) -> None:
        super().__init__(nlp, name, data_path=data_path)
        self.keep_unknown_orgs = keep_unknown_orgs
        self._place_memo: tuple[Optional[Gazetteer], dict[str, Optional[str]]] = (None, {})

    # -- indexes -----------------------------------------------------------------------------
    def _compile(self) -> None:
        self.entries: dict[str, ActorEntry] = {}
        self._country_at: dict[int, str] = {}
        self.adjective_country: dict[str, str] = {}
        self.name_country: dict[str, str] = {}
        self.descriptor_terms: dict[str, DescriptorEntry] = {}
        self.lower_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.exact_matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        lower: dict[str, set[str]] = {}
        exact: dict[str, set[str]] = {}
        local: dict[str, list[str]] = {}
        for fname in ("states.jsonl", "state_forces.jsonl", "international.jsonl", "armed_groups.jsonl"):
            for e in self.rules.get(fname, []):
                self.entries[e.id] = e
                for s in [e.name, *e.aliases]:
                    if _needs_exact(s):
                        exact.setdefault(e.id, set()).add(s)
                    else:
                        lower.setdefault(e.id, set()).add(s)
                for s in e.acronyms:
                    exact.setdefault(e.id, set()).add(s)
                if e.local_aliases:
                    local[LOCAL + e.id] = e.local_aliases
                if e.kind == ActorKind.state and e.country:
                    for s in [e.name, *e.aliases]:
                        self.name_country[s.lower()] = e.country
                    for s in [*e.adjectives, *e.demonyms]:
                        self.adjective_country[s.lower()] = e.country
                    for s in e.acronyms:
                        self.name_country[s.lower()] = e.country
        make = self.nlp.make_doc
        # nationality and community words, matched as written (they are capitalized; 'US' is not 'us')
        self.affiliation_words: dict[str, tuple[Optional[str], Optional[str], bool]] = {}
        for e in self.rules.get("states.jsonl", []):
            for s in e.adjectives:
                self.affiliation_words.setdefault(s, (e.country, None, False))
            for s in e.demonyms:
                self.affiliation_words.setdefault(s, (e.country, None, s not in e.adjectives))
        self.communities = {c.id: c for c in self.rules.get("communities.jsonl", [])}
        for c in self.communities.values():
            for s in c.adjectives:
                self.affiliation_words.setdefault(s, (None, c.id, False))
            for s in c.demonyms:
                self.affiliation_words.setdefault(s, (None, c.id, s not in c.adjectives))
        # one pass of two matchers finds names, local names, nationality words and descriptors alike
        named_phrases: set[tuple[str, ...]] = set()  # the lower-case names, word by word
        for key, patterns in [*((k, sorted(v)) for k, v in lower.items()), *local.items()]:
            docs = [make(s) for s in patterns]
            named_phrases.update(tuple(t.lower_ for t in d) for d in docs)
            self.lower_matcher.add(key, docs)
        for key, strings in exact.items():
            self.exact_matcher.add(key, [make(s) for s in sorted(strings)])
        for s in sorted(self.affiliation_words):
            self.exact_matcher.add(AFFILIATION + s, [make(s)])
        self._affiliation_ids = frozenset(get_string_id(s) for s in self.affiliation_words)
        descriptors = self.rules.get("descriptors.jsonl", [])
        terms = {d.id: [make(t) for t in d.terms] for d in descriptors}
        # the descriptor terms join the names' matcher (a pass over the Doc fewer) unless a term
        # is spelled like a name: the matcher lists the keys of one phrase in an order of its
        # own, which sharing the phrase could change; then they keep a matcher of their own
        shared = named_phrases.isdisjoint(tuple(t.lower_ for t in d) for docs in terms.values() for d in docs)
        self.descriptor_matcher: Optional[PhraseMatcher] = None
        if not shared:
            self.descriptor_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for d in descriptors:
            for term in d.terms:
                self.descriptor_terms[term.lower()] = d
            (self.descriptor_matcher or self.lower_matcher).add(DESCRIPTOR + d.id, terms[d.id])
        self.descriptor_by_id = {DESCRIPTOR + d.id: d for d in descriptors}

    def country_of(self, text: str) -> Optional[str]:
        """ISO3 for a country name, alias, adjective or demonym ('Iraqi', 'U.S.'), else None."""
        t = text.lower().strip()
        return self.adjective_country.get(t) or self.name_country.get(t)

    def country_of_token(self, tok: Token) -> Optional[str]:
        """`country_of` for a token, which may be half of a two-word nationality ('North Korean')."""
        return self._country_at.get(tok.i) or self.country_of(tok.text)

    # -- main --------------------------------------------------------------------------------
    def process(self, doc: Doc) -> Doc:
        spans: list[Span] = []  # gazetteer names
        local: list[Span] = []  # local names ('al-Shabaab' in Cabo Delgado)
        words: list[Span] = []  # nationality and community words, labelled with the word
        strings = doc.vocab.strings
        orth = column_list(doc, ORTH) if len(doc) else []  # shared: the later components read it too
        found: list[tuple[int, int, int]] = []  # descriptor terms
        for mid, s, e in [*self.lower_matcher(doc), *self.exact_matcher(doc)]:
            key = strings[mid]
            if key.startswith(DESCRIPTOR):
                found.append((mid, s, e))
            elif key.startswith(AFFILIATION):
                words.append(Span(doc, s, e, label=key[len(AFFILIATION):]))
            elif key.startswith(LOCAL):
                local.append(Span(doc, s, e, label=key[len(LOCAL):]))
            elif not _inside_hyphenated_word(doc, orth, s, e):  # 'PORT-AU-PRINCE' holds no 'AU'
                spans.append(Span(doc, s, e, label=mid))
        # 'North Korean', 'South Sudanese': a nationality of two tokens gives its country to both,
        # for the token-by-token descriptor scans (reset for every Doc)
        self._country_at = {i: self.affiliation_words[w.label_][0] for w in words if len(w) > 1
                            for i in range(w.start, w.end) if self.affiliation_words[w.label_][0]}
        # ... and so does a state's name of several ('South Sudan police', 'Papua New Guinea'), whose
        # last word may be another state's ('Sudan', 'Guinea')
        for sp in spans:
            if len(sp) > 1 and (entry := self.entries.get(sp.label_)) is not None and entry.kind == ActorKind.state \
                    and entry.country:
                for i in range(sp.start, sp.end):
                    self._country_at.setdefault(i, entry.country)
        self._sents = _Sentences(doc)
        self._ents: Optional[tuple[Span, ...]] = None
        self._affix_memo: dict[int, Optional[str]] = {}
        self._country_memo: dict[int, Optional[str]] = {}
        self._edge_memo: dict[int, tuple[bool, bool, int, bool, bool]] = {}
        named, names = self._named(doc, spans, local, words)
        covered = {i for m in named for i in range(m.start, m.end)}
        if self.descriptor_matcher is not None:
            found = self.descriptor_matcher(doc)
        descriptors = self._descriptors(doc, covered, named, found)
        mentions = sorted(named + descriptors, key=lambda m: m.start)
        self._structure(doc, mentions)
        if self.keep_unknown_orgs:
            taken = {i for m in mentions for i in range(m.start, m.end)}
            mentions += self._unknown_orgs(doc, taken)
        mentions.sort(key=lambda m: m.start)
        mentions += self._defined_acronyms(doc, mentions)
        mentions.sort(key=lambda m: m.start)
        self._resolve_anaphors(doc, mentions)
        doc._.cn_actors, key_to_id = self._group(doc, mentions)
        doc._.cn_affiliations = self._affiliations(doc, names, words, mentions, key_to_id)
        self._ents = None  # this Doc's: not kept alive until the next one
        return doc

    def _named(self, doc: Doc, spans: list[Span], local: list[Span],
               words: list[Span]) -> tuple[list[_Mention], list[Span]]:
        """Gazetteer names that are actor mentions, and every gazetteer name found (a state
        that does not act is still a name: 'Saudi' in 'Saudi Arabia' is no nationality word)."""
        if local:
            # a local name wins where the document points to the actor's own countries
            here = self._doc_countries(doc, spans, words)
            own = [sp for sp in local if set(self.entries[sp.label_].operates_in) & here]
            spans = own + [sp for sp in spans if not any(o.start == sp.start and o.end == sp.end for o in own)]
        names = filter_spans(spans)
        out: list[_Mention] = []
        for span in names:
            entry = self.entries[doc.vocab.strings[span.label]]
            if entry.kind == ActorKind.state:
                if not self._state_acts(span):
                    continue
            m = self._from_entry(span.start, span.end, entry, "actors.gazetteer")
            m.head = span.root.i  # 'Resistance' in 'Islamic Resistance in Iraq': where appositions hang
            out.append(m)
        return out, names

    def _doc_countries(self, doc: Doc, names: list[Span], words: list[Span]) -> set[str]:
        """Countries the document points to: state names and nationality words, and the countries
        of the places the NER finds (looked up in the places component's gazetteer, when the
        pipeline has one). Only computed when a local alias needs it."""
        out = {self.entries[n.label_].country for n in names
               if self.entries[n.label_].kind == ActorKind.state and self.entries[n.label_].country}
        out |= {self.affiliation_words[w.label_][0] for w in words if self.affiliation_words[w.label_][0]}
        if "conflictner_places" in self.nlp.pipe_names:
            gaz = self.nlp.get_pipe("conflictner_places").gazetteer
            for ent in self._doc_ents(doc):
                if ent.label_ in {"GPE", "LOC", "FAC"}:
                    country = self._place_country(gaz, ent.text)
                    if country:
                        out.add(country)
        return out

    def _place_country(self, gaz: Gazetteer, text: str) -> Optional[str]:
        """The country of `gaz`'s best candidate for a place name, remembered per gazetteer
        (which is only built when loaded): the same place names recur from text to text, and a
        lookup costs more than the rest of `_doc_countries`. Bounded: a long run meets ever new
        names."""
        held, memo = self._place_memo
        if held is not gaz:
            memo = {}
            self._place_memo = (gaz, memo)
        if text not in memo:
            if len(memo) >= 4096:
                memo.clear()
            cands = gaz.lookup(text)
            memo[text] = cands[0].country if cands else None
        return memo[text]

    def _doc_ents(self, doc: Doc) -> tuple[Span, ...]:
        """`doc.ents`, built once per Doc when first asked for: every access builds a new Span
        per entity."""
        if self._ents is None:
            self._ents = doc.ents
        return self._ents

    def _from_entry(self, start: int, end: int, entry: ActorEntry, rule: str) -> _Mention:
        return _Mention(
            start=start,
            end=end,
            key=f"gaz:{entry.id}",
            name=entry.name,
            kind=entry.kind,
            country=entry.country,
            backers=list(entry.backers),
            gazetteer_id=entry.id,
            parent=entry.parent,
            rule_id=f"{rule}:{entry.id}",
            head=end - 1,
        )

    @staticmethod
    def _state_acts(span: Span) -> bool:
        """A state name is an actor when it acts or is acted on, not when it is a place
        ('in Iraq') or the first half of an affix ('Iran-backed')."""
        doc = span.doc
        if span.end < len(doc) - 1 and doc[span.end].text == "-":
            return False
        root = span.root
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head  # 'Russia and Iran must ...': the list acts as its first member does
        if root.dep_ in {"nsubj", "nsubjpass", "poss"}:
            return True
        if root.dep_ == "pobj" and root.head.lower_ in STATE_PARTY_PREPS:
            return root.head.lower_ in {"by", "against"} or root.head.head.lower_ not in PLACE_NOUNS
        if root.dep_ == "dobj" and root.head.pos_ == "VERB" and root.head.lemma_ in STATE_OBJECT_VERBS:
            return True
        return False

    def _descriptors(self, doc: Doc, covered: set[int], named: list[_Mention],
                     found: list[tuple[int, int, int]]) -> list[_Mention]:
        """found: the matches of the descriptor terms, (key, start, end) in the matcher's order."""
        out: list[_Mention] = []
        # matches as plain ranges: the loop reads only their bounds and label, so no Span is built
        spans = _filter_ranges([_Range(s, e, m) for m, s, e in found])
        named_by_tok = {i: m for m in named for i in range(m.start, m.end)}
        heads = {sp.end - 1 for sp in spans}
        for span in spans:
            head = doc[span.end - 1]
            if head.i in covered or head.pos_ not in {"NOUN", "PROPN"}:
                continue
            d = self.descriptor_by_id[doc.vocab.strings[span.label]]
            modifies = head.dep_ in MODIFIER_DEPS and head.head.i > head.i and head.head.pos_ in {"NOUN", "PROPN"}
            if modifies and (d.head_only or head.head.i in heads):
                # 'government buildings'; 'coalition' in 'coalition troops' belongs to that phrase
                continue
            name = self._proper_name(head, span.start)
            if name is not None:
                # "the Popular Resistance Army": a capitalized name ending in a descriptor noun is
                # an organisation the gazetteer does not know, not "an army"
                out.append(_unknown(name.start, name.end, name.text, head.i, "actors.unknown_name"))
                continue
            start = self._left_edge(head, span.start)
            j = start - 1
            if j >= 0 and j in named_by_tok and doc[j].dep_ in {"compound", "amod", "nmod"} and (
                span.start <= doc[j].head.i <= head.i
            ):
                # "Houthi forces", "Wagner fighters": the name modifies the descriptor
                start = self._left_edge(head, named_by_tok[j].start)
            if d.kind == ActorKind.state:
                # 'the Assad regime', 'the Biden administration': a leader's name stands for the
                # state; 'the Israeli health ministry': the compound says which body
                first = start
                while first > 0 and doc[first - 1].pos_ in {"PROPN", "NOUN"} and doc[first - 1].dep_ == "compound" \
                        and first - 1 not in named_by_tok and not self._country_of(doc[first - 1]):
                    first -= 1
                if first < start:
                    start = self._left_edge(head, first)
            country, backers, base, community = None, [], None, None
            inner_named: Optional[_Mention] = None
            for k in range(start, span.start):  # the modifiers (no Span: most phrases have none)
                tok = doc[k]
                if tok.i in named_by_tok:
                    inner_named = named_by_tok[tok.i]
                    continue
                if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in {"anti", "pro"}:
                    continue
                rel = self._affix_of(tok)
                iso = self._country_of(tok)
                if tok.text in self.affiliation_words and not iso:
                    community = self.affiliation_words[tok.text][1]
                if rel and iso:
                    if rel == "backer":
                        backers.append(iso)
                    elif rel == "base":
                        base = iso
                    else:
                        country = iso
                elif iso and tok.text[0].isupper():
                    country = iso
            if country is None and base is not None:
                country = base
            end = span.end
            if country is None:
                country, obj = self._country_from_prep(head)
                if obj is not None and obj.head.lower_ == "of" and obj.i > head.i:
                    end = obj.i + 1  # 'the Government of Iraq', 'the people of Syria': the phrase names it
            if inner_named is not None:
                # "Iranian-backed Houthi rebels": the name decides, the descriptor widens it.
                inner_named.start = min(inner_named.start, start)
                inner_named.end = max(inner_named.end, end)
                inner_named.backers = sorted(set(inner_named.backers) | set(backers))
                continue
            name = _span(doc, start, end).text
            kind = d.kind
            if kind == ActorKind.state_forces and any(doc[k].lower_ in INTERNATIONAL_WORDS for k in range(start, span.start)):
                kind = ActorKind.international  # 'Coalition military forces', 'multinational troops'
            elif kind == ActorKind.state_forces and community and country is None:
                # 'Kurdish-led forces', 'Tuareg forces': a community's forces are no state's; ACLED
                # codes such forces (the SDF, the Tuareg-led CSP) as rebels
                kind = ActorKind.rebel_group
            out.append(
                _Mention(
                    start=start,
                    end=end,
                    key=f"desc:{_KIND_VALUE[kind]}:{country}:{_singular(head.lower_)}:{','.join(sorted(backers))}",
                    name=name,
                    kind=kind,
                    country=country,
                    backers=sorted(set(backers)),
                    descriptor=True,
                    rule_id=f"actors.descriptor:{d.id}",
                    head=head.i,
                )
            )
        # widen named mentions by their own affixes ("the Lebanon-based Hezbollah")
        for m in named:
            start = self._left_edge(doc[m.head], m.start)
            if start == m.start:
                continue  # no word before the name to widen it by (most names)
            ext = [doc[k] for k in range(start, m.start)]
            for tok in ext:
                rel = self._affix_of(tok)
                iso = self._country_of(tok)
                if rel == "backer" and iso:
                    m.backers = sorted(set(m.backers) | {iso})
            if any(self._affix_of(t) for t in ext) and all(
                self._affix_of(t) or t.text == "-" or t.lower_ in AFFIX_RELATION or self._country_of(t) for t in ext
            ):
                m.start = start
        return out

    def _proper_name(self, head: Token, start: int) -> Optional[Span]:
        """The capitalized name a descriptor noun ends, when the words before it are names and
        not country words: 'Popular Resistance Army', 'Sudan Liberation Forces'."""
        doc = head.doc
        if not head.is_title or head.is_sent_start:
            return None
        sent_start, sent_end = self._sents.bounds(head.i)
        if self._sents.title_case(sent_start, sent_end):
            return None
        if head.ent_type_ == "ORG":
            ent = next((e for e in self._doc_ents(doc) if e.start <= head.i < e.end), None)
            if ent is not None and len(ent) > 1 and not self._country_of(ent[-1]):
                first = ent.start + (1 if ent[0].lower_ == "the" else 0)
                if self._state_force_name(_span(doc, first, ent.end)):
                    return None
                end = ent.end
                while end > first and doc[end - 1].is_space:
                    end -= 1
                if any(not self._country_of(t) for t in _span(doc, first, end) if t.i != head.i):
                    return _span(doc, first, end)
        i = start
        while i > sent_start and doc[i - 1].is_title and doc[i - 1].pos_ in {"PROPN", "NOUN", "ADJ"} \
                and not doc[i - 1].is_sent_start:
            i -= 1
        if i == start or self._state_force_name(_span(doc, i, head.i + 1)):
            return None
        return _span(doc, i, head.i + 1)

    def _state_force_name(self, span: Span) -> bool:
        """'Sudanese Armed Forces', 'Israel Defense Forces', 'Nigerian Air Force': a country word
        and military words only, so a country's own forces (a descriptor); 'Sudan Liberation Forces
        Alliance' has a word of its own and is an organisation."""
        words = [t for t in span if not t.is_space and not t.is_punct]
        return bool(words) and bool(self._country_of(words[0])) and all(
            t.lower_ in STATE_FORCE_WORDS or self._country_of(t) for t in words[1:])

    def _left_edge(self, head: Token, start: int) -> int:
        """Extend a phrase left over the modifiers that belong to an actor description:
        adjectives ('unidentified', 'Islamist'), country words ('U.S.', 'Iraqi'), affixes
        ('Iranian-backed') and a few role nouns ('security', 'defense'). Other nouns and
        names stop it: 'western Iraq housing U.S. troops' keeps only 'U.S. troops'."""
        doc = head.doc
        h_i = head.i
        memo = self._edge_memo
        i = start
        while i > 0:
            # what the word before says for any phrase, read once per token (the descriptor
            # and name scans walk over the same words)
            found = memo.get(i - 1)
            if found is None:
                found = memo[i - 1] = self._edge_word(doc, i - 1)
            stop, dash, prev_head, escape, takes = found
            if stop:
                break
            if dash:
                i -= 1
                continue
            if prev_head > h_i or prev_head < i - 1 and prev_head != h_i:
                if not escape:
                    break
            if takes:
                i -= 1
                continue
            break
        return i

    def _edge_word(self, doc: Doc, j: int) -> tuple[bool, bool, int, bool, bool]:
        """For `_left_edge`, the tests of token j that do not depend on the phrase: whether it
        ends any phrase, is a glued dash, its head, whether it may hang elsewhere
        (npadvmod, affix) and whether it belongs to a description."""
        # labels and words compared as ids (no string looked up per test; LOWER is the
        # lower-cased text)
        prev = doc[j]
        orth = prev.orth
        if prev.is_punct and (orth != _HYPHEN or prev.whitespace_ or (j >= 1 and doc[j - 1].whitespace_)):
            return True, False, -1, False, False  # a spaced dash ('YAOUNDE (AFP) - Separatist fighters')
        if prev.ent_type in _NUMERIC_ENTS:
            return True, False, -1, False, False
        if orth == _HYPHEN and j >= 1:
            return False, True, -1, False, False
        affix = self._affix_of(prev)
        dep = prev.dep
        escape = bool(dep == _NPADVMOD or affix)
        takes = bool(
            affix or self._country_of(prev) or prev.lower in _PRO_ANTI
            or orth in self._affiliation_ids  # 'Rohingya refugees', 'Fulani herders'
            or (prev.pos == _ADJ and dep in _MODIFIER_IDS)
            or (prev.tag == _VBN and dep == _AMOD)
            or (prev.pos in _NOUN_IDS and dep == _COMPOUND and prev.lower in _ROLE_COMPOUND_IDS))
        return False, False, prev.head.i, escape, takes

    def _affix_of(self, tok: Token) -> Optional[str]:
        """`_affix`, remembered per token of the Doc being processed: the descriptor scans ask
        about the same few tokens many times."""
        memo = self._affix_memo
        i = tok.i
        if i not in memo:
            memo[i] = self._affix(tok)
        return memo[i]

    def _country_of(self, tok: Token) -> Optional[str]:
        """`country_of_token`, remembered per token of the Doc being processed."""
        memo = self._country_memo
        i = tok.i
        if i not in memo:
            memo[i] = self.country_of_token(tok)
        return memo[i]

    @staticmethod
    def _affix(tok: Token) -> Optional[str]:
        """'backer' for the country half of 'Iranian-backed', 'base' for 'Lebanon-based'."""
        doc = tok.doc
        if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
            return AFFIX_RELATION.get(doc[tok.i + 2].lower_)
        if "-" in tok.text:
            first, _, second = tok.text.partition("-")
            return AFFIX_RELATION.get(second.lower())
        return None

    def _country_from_prep(self, head: Token) -> tuple[Optional[str], Optional[Token]]:
        """'militias in Iraq', 'forces from Chad' -> the country named in the prep phrase, and
        the token that names it."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "from", "of"}:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        iso = self._country_at.get(obj.i) or self.name_country.get(obj.text.lower())
                        if iso:
                            return iso, obj
        return None, None

    def _structure(self, doc: Doc, mentions: list[_Mention]) -> None:
        """Appositions: 'X, an umbrella group of Y' (Y's parent is X, X inherits Y's backers);
        'X, an affiliate of Y' / 'X, linked to Y' (X's parent is Y)."""
        by_head = {m.head: m for m in mentions}
        for m in mentions:
            head = doc[m.head]
            # the children read once: appositions first, then participles, as before
            appositions, participles = [], []
            for c in head.children:
                dep = c.dep_
                if dep == "appos":
                    appositions.append(c)
                elif dep == "acl":
                    participles.append(c)
            for appos in appositions:
                words = {t.lower_ for t in appos.subtree}
                inner = [by_head[t.i] for t in appos.subtree if t.i in by_head and t.i != appos.i]
                if appos.lower_ in {"group", "coalition", "alliance"} and words & STRUCTURE_HEADS:
                    for y in inner:
                        y.parent = m.key
                        m.backers = sorted(set(m.backers) | set(y.backers))
                elif appos.lower_ in LINK_WORDS:
                    for y in inner[:1]:
                        m.parent = y.key
                for tok in appos.subtree:
                    rel, iso = self._affix_of(tok), self._country_of(tok)
                    if rel == "backer" and iso and not inner:
                        m.backers = sorted(set(m.backers) | {iso})
            for tok in participles:
                if tok.lemma_ in {"link", "affiliate", "align", "tie"}:
                    for t in tok.subtree:
                        if t.i in by_head and t.i != head.i:
                            m.parent = by_head[t.i].key
                            break

    def _unknown_orgs(self, doc: Doc, taken: set[int]) -> list[_Mention]:
        """ORG entities the gazetteer does not know: kept as candidates; the builder keeps
        those that end up as attackers, targets or sources."""
        out = []
        for ent in self._doc_ents(doc):
            if ent.label_ != "ORG" or any(i in taken for i in range(ent.start, ent.end)):
                continue
            text = _LEADING_THE.sub("", ent.text).strip()
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            if not text or "\n" in text:
                continue
            before = doc[ent.start - 1] if ent.start > 0 else None
            if before is not None and (before.lower_ in {"a", "an"} or before.like_num) and before.head == ent.root:
                continue  # 'destroyed a VBIED', 'four UAVs': a name with its own article or count is a thing
            if self._sents.title_case(*self._sents.bounds(ent.start)) and self._sents.text().count(text) < 2:
                # 'Deadly Shelling', 'Ukraine Launches Its Biggest Drone Attack': in a title-case
                # headline capitals make any phrase look like a name; a real one recurs in the body
                continue
            out.append(_unknown(start, ent.end, text, ent.root.i, "actors.unknown_org"))
        return out

    @staticmethod
    def _defined_acronyms(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
        """'the Sudan Liberation Front (SLF) ... SLF fighters': an acronym defined in brackets
        after a name refers to that actor wherever it recurs, gazetteer or not."""
        defined: dict[str, _Mention] = {}
        orth = column_list(doc, ORTH) if len(doc) else []  # brackets by id: no Token per mention
        for m in mentions:
            if m.descriptor or m.end + 2 >= len(doc) or orth[m.end] != _OPEN or orth[m.end + 2] != _CLOSE:
                continue
            acr = doc[m.end + 1]
            if acr.is_upper and 2 <= len(acr.text) <= 8 and _may_abbreviate(acr.text, doc[m.start : m.end]):
                defined[acr.text] = m
        if not defined:
            return []
        for other in mentions:
            m = defined.get(_span(doc, other.start, other.end).text.removeprefix("the ").removeprefix("The "))
            if m is not None and other is not m and other.key.startswith("org:"):
                # the NER's own ORG for the acronym becomes a mention of the defined actor
                other.key, other.name, other.kind, other.country = m.key, m.name, m.kind, m.country
                other.gazetteer_id, other.candidate, other.rule_id = m.gazetteer_id, m.candidate, "actors.defined_acronym"
        taken = {i for m in mentions for i in range(m.start, m.end)}
        out = []
        # only the tokens spelling a defined acronym are visited (ORTH ids compared in numpy)
        ids = {doc.vocab.strings.add(acr): acr for acr in defined}
        orths = column(doc, ORTH)
        for i in np.flatnonzero(is_in(orths, np.array(sorted(ids), dtype="uint64"))):
            tok = doc[int(i)]
            m = defined[ids[int(orths[i])]]
            if tok.i in taken:
                continue
            out.append(_Mention(start=tok.i, end=tok.i + 1, key=m.key, name=m.name, kind=m.kind,
                                country=m.country, backers=list(m.backers), gazetteer_id=m.gazetteer_id,
                                parent=m.parent, candidate=m.candidate, rule_id="actors.defined_acronym",
                                head=tok.i))
        return out

    def _resolve_anaphors(self, doc: Doc, mentions: list[_Mention]) -> None:
        """'the group' / 'the militia' -> the one named actor of a compatible kind seen before."""
        # the Doc's (shared) set of words says whether any anaphor word occurs at all; their
        # positions are found by `list.index`, a C scan
        hits = _ANAPHOR_IDS.intersection(column_set(doc, LOWER)) if len(doc) else ()
        for i in positions(column_list(doc, LOWER), hits) if hits else []:
            tok = doc[i]
            kinds = DEFINITE_ANAPHORS[tok.lower_]
            if tok.i == 0 or doc[tok.i - 1].lower_ != "the":
                continue
            covering = [m for m in mentions if m.start <= tok.i < m.end]
            # a bare "the militia" that the descriptor rule took is still an anaphor
            bare = [m for m in covering if m.descriptor and m.end - m.start == 1 and not m.country and not m.backers]
            if covering and covering != bare:
                continue
            before = {m.key: m for m in mentions if m.end <= tok.i and m.kind in kinds and not m.descriptor}
            if len(before) == 1:
                for m in bare:
                    mentions.remove(m)
                ante = next(iter(before.values()))
                mentions.append(
                    _Mention(
                        start=tok.i - 1,
                        end=tok.i + 1,
                        key=ante.key,
                        name=ante.name,
                        kind=ante.kind,
                        country=ante.country,
                        backers=ante.backers,
                        gazetteer_id=ante.gazetteer_id,
                        parent=ante.parent,
                        candidate=ante.candidate,
                        rule_id="actors.anaphor",
                        head=tok.i,
                    )
                )
        mentions.sort(key=lambda m: m.start)

    def _group(self, doc: Doc, mentions: list[_Mention]) -> tuple[list[dict], dict[str, str]]:
        groups: dict[str, dict] = {}
        order: list[str] = []
        for m in mentions:
            g = groups.get(m.key)
            start_char, end_char, text = _extent(doc, m.start, m.end)
            if g is None:
                g = groups[m.key] = {
                    "id": f"actor-{len(order)}",
                    "name": m.name,
                    "kind": _KIND_VALUE[m.kind],
                    "acled_inter": self._inter(m),
                    "country": m.country,
                    "backers": list(m.backers),
                    "parent_key": m.parent,
                    "aliases": [],
                    "gazetteer_id": m.gazetteer_id,
                    "descriptor": m.descriptor,
                    "candidate": m.candidate,
                    "mentions": [],
                    "heads": [],
                    "rule_ids": [],
                }
                order.append(m.key)
            else:
                g["backers"] = sorted(set(g["backers"]) | set(m.backers))
                g["parent_key"] = g["parent_key"] or m.parent
                g["candidate"] = g["candidate"] and m.candidate
            g["mentions"].append(span_record(start_char, end_char))
            g["heads"].append(m.head)
            if text != g["name"] and text not in g["aliases"] and m.rule_id != "actors.anaphor":
                g["aliases"].append(text)
            if m.rule_id not in g["rule_ids"]:
                g["rule_ids"].append(m.rule_id)
        key_to_id = {k: groups[k]["id"] for k in order}
        out = []
        for k in order:
            g = groups[k]
            parent = g.pop("parent_key")
            if parent and not parent.startswith(("gaz:", "desc:", "org:")):
                parent = f"gaz:{parent}"
            g["parent_id"] = key_to_id.get(parent) if parent else None
            g["parent_gazetteer_id"] = parent[4:] if parent and parent.startswith("gaz:") else None
            out.append(g)
        return out, key_to_id

    def _affiliations(self, doc: Doc, names: list[Span], words: list[Span], mentions: list[_Mention],
                      key_to_id: dict[str, str]) -> list[dict]:
        """Nationality and community words ('Iraqi', 'Syrians', 'Kurdish') and state names used as
        modifiers ('U.S. support', 'UK-France talks'): the side a person, body or act is on.

        A word inside a gazetteer or NER name is part of that name ('Syrian Democratic Forces',
        'Saudi Arabia', 'Iraqi Kurdistan'), not a mention of its own; one inside a descriptor
        ('Iraqi security forces') is kept and tied to that actor. A state name that is itself
        an actor mention ('Turkey said') is already in cn_actors."""
        if not words and not names:
            return []
        at: dict[int, _Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                at.setdefault(i, m)
        groups: dict[str, dict] = {}
        is_word = {(w.start, w.end, w.label) for w in words}
        for span in filter_spans([*words, *names]):  # a tie goes to the word: 'U.S.' in 'U.S. troops'
            label = span.label_
            entry = None if (span.start, span.end, span.label) in is_word else self.entries[label]
            if entry is not None:
                if entry.kind != ActorKind.state or not self._name_modifies(span):
                    continue
                country, community, form = entry.country, None, "name"
            else:
                country, community, plural = self.affiliation_words[label]
                root = span.root  # (worked out anew on every read: once)
                form = "demonym" if plural or root.dep_ not in MODIFIER_DEPS else "adjective"
                if form == "adjective" and root.head.lower_ in PLACE_NOUNS:
                    continue  # 'the Iraqi city of Mosul', 'Syrian territory': geography, not a side
                if _language_compound(span):
                    continue  # "Cameroon's English-speaking regions", 'a French-language daily': a language
            inner = at.get(span.start)
            if inner is not None and not inner.descriptor:
                continue  # part of a named actor, or the acting state itself
            if inner is None and _in_name(span, community is not None):
                continue
            key = country or f"community:{community}"
            g = groups.get(key)
            if g is None:
                name = (self.communities[community].name if community else
                        self.entries[country].name if country in self.entries else country)
                g = groups[key] = {"id": f"affiliation-{len(groups)}", "name": name, "country": country,
                                   "community": community, "mentions": [], "forms": [], "actor_ids": [],
                                   "rule_ids": []}
            g["mentions"].append(span_record(span.start_char, span.end_char))
            g["forms"].append(form)
            g["actor_ids"].append(key_to_id.get(inner.key) if inner is not None else None)
            rule = f"actors.affiliation:{form}"
            if rule not in g["rule_ids"]:
                g["rule_ids"].append(rule)
        return list(groups.values())

    @staticmethod
    def _name_modifies(span: Span) -> bool:
        """A state name used as a modifier: 'U.S. strike', 'UK-France co-operation', 'Iran-backed'."""
        doc = span.doc
        root = span.root  # (worked out anew on every read: once)
        head = root.head
        if head.lower_ in PLACE_NOUNS:
            return False  # 'the Syria-Iraq border'
        if root.dep_ in MODIFIER_DEPS and head.i > root.i and head.pos_ in {"NOUN", "PROPN"}:
            return True
        before = doc[span.start - 2] if span.start > 1 else None
        hyphen_before = before is not None and _hyphen(doc[span.start - 1]) and not before.whitespace_
        hyphen_after = span.end < len(doc) - 1 and _hyphen(doc[span.end]) and not span[-1].whitespace_
        return hyphen_before or hyphen_after

    def _inter(self, m: _Mention) -> int:
        entry = self.entries.get(m.gazetteer_id or "")
        if entry is not None and entry.acled_inter:
            return entry.acled_inter
        return ACLED_INTER[m.kind]


def _unknown(start: int, end: int, name: str, head: int, rule_id: str) -> _Mention:
    """An organisation the gazetteer does not know: a candidate, kept only if it plays a part."""
    return _Mention(start=start, end=end, key=f"org:{name.lower()}", name=name, kind=ActorKind.other,
                    country=None, candidate=True, rule_id=rule_id, head=head)


def _in_name(span: Span, place_too: bool) -> bool:
    """Whether the NER reads the span as part of a longer name ('Iraqi Kurdistan', 'Syrian Civil
    War') or, with `place_too`, as a place itself ('Amhara' the region). Token attributes only:
    building `doc.ents` for every Doc costs more than the whole check."""
    first = span[0]
    if first.ent_type_ not in NAME_LABELS:
        return False
    doc = span.doc
    if first.ent_iob_ == "I" or (span.end < len(doc) and doc[span.end].ent_iob_ == "I"):
        return True
    return place_too and first.ent_type_ in {"GPE", "LOC", "FAC"}


def _extent(doc: Doc, start: int, end: int) -> tuple[int, int, str]:
    """`Span.start_char`, `Span.end_char` and `Span.text` of doc[start:end] (a non-empty span),
    read from its tokens: without the Span, and the text of a one-token span without a join."""
    if not 0 <= start < end <= len(doc):
        span = doc[start:end]
        return span.start_char, span.end_char, span.text
    last = doc[end - 1]
    text = last.text
    if end - start > 1:
        text = "".join([doc[k].text_with_ws for k in range(start, end - 1)]) + text
        first_idx = doc[start].idx
    else:
        first_idx = last.idx
    return first_idx, last.idx + len(last), text


class _Range(NamedTuple):
    """A match as token bounds and label id, for `_filter_ranges`."""

    start: int
    end: int
    label: int


def _filter_ranges(ranges: list[_Range]) -> list[_Range]:
    """`spacy.util.filter_spans` over plain ranges (the first longest of overlapping ones,
    in document order), without building a Span per match."""
    if len(ranges) < 2:
        return ranges
    result = []
    seen: set[int] = set()
    for r in sorted(ranges, key=lambda r: (r.end - r.start, -r.start), reverse=True):
        if r.start not in seen and r.end - 1 not in seen:
            result.append(r)
            seen.update(range(r.start, r.end))
    result.sort(key=lambda r: r.start)
    return result


#: ActorKind -> its value (`Enum.value` is a descriptor call on every read)
_KIND_VALUE = {k: k.value for k in ActorKind}
_LEADING_THE = re.compile(r"^(the|The)\s+")
#: ORTH ids of a hyphen and of round brackets
_HYPHEN, _OPEN, _CLOSE = get_string_id("-"), get_string_id("("), get_string_id(")")
#: the ids `_edge_word` compares token attributes with
_NUMERIC_ENTS = frozenset(get_string_id(x) for x in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY"))
_PRO_ANTI = frozenset({get_string_id("pro"), get_string_id("anti")})
_MODIFIER_IDS = frozenset(get_string_id(x) for x in ("amod", "compound", "nmod"))
_NOUN_IDS = frozenset({get_string_id("NOUN"), get_string_id("PROPN")})
_ROLE_COMPOUND_IDS = frozenset(get_string_id(w) for w in ROLE_COMPOUNDS)
_NPADVMOD, _AMOD, _COMPOUND = get_string_id("npadvmod"), get_string_id("amod"), get_string_id("compound")
_ADJ, _VBN = get_string_id("ADJ"), get_string_id("VBN")


def _hyphen(tok: Token) -> bool:
    """A hyphen or en dash glued to the next word ('U.S.-led', 'UK–France')."""
    return tok.text in {"-", "–"} and not tok.whitespace_


def _title_case(sent: Span) -> bool:
    """A headline set in title case, where capitals say nothing about names."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text in {".", "!", "?", '"', "\u201d"}:
        return False  # (tested first: most sentences end so, and need no word count)
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) / len(words) > 0.7


class _Sentences:
    """Sentence bounds of one Doc, read once from its SENT_START column, and which sentences
    are title-case headlines, each worked out once: `Token.sent` and `Span.sent` walk the Doc
    token by token on every call. Bounds are those `Span.sent` gives (the sentence of the first
    token); a Doc without sentence boundaries is left to spaCy, which raises as before."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts: Optional[list[int]] = None  # read when first asked: most Docs never ask
        self._title: dict[tuple[int, int], bool] = {}
        self._text: Optional[str] = None

    def bounds(self, i: int) -> tuple[int, int]:
        """(start, end) of the sentence holding token i."""
        if self.starts is None:
            doc = self.doc
            self.parsed = doc.has_annotation("SENT_START")
            self.starts = np.flatnonzero(doc.to_array(SENT_START) == 1).tolist() if self.parsed and len(doc) else []
        if not self.parsed:
            sent = self.doc[i].sent
            return sent.start, sent.end
        k = bisect.bisect_right(self.starts, i) - 1
        start = self.starts[k] if k >= 0 else 0
        end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.doc)
        return start, end

    def title_case(self, start: int, end: int) -> bool:
        """`_title_case` of the sentence [start, end), remembered."""
        found = self._title.get((start, end))
        if found is None:
            found = self._title[(start, end)] = _title_case(_span(self.doc, start, end))
        return found

    def text(self) -> str:
        """`doc.text` (joined token by token), once."""
        if self._text is None:
            self._text = self.doc.text
        return self._text


def _singular(word: str) -> str:
    """'Gunmen' and 'gunman', 'soldiers' and 'soldier' name the same descriptor; the tagger's
    lemma is unreliable on capitalized headline words, so fold the plural by its spelling."""
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _needs_exact(s: str) -> bool:
    """Short or all-caps names ('US', 'IS', 'KH') match case-sensitively."""
    letters = re.sub(r"[^A-Za-z]", "", s)
    return len(letters) <= 3 or (letters.isupper() and len(letters) <= 6)


def _inside_hyphenated_word(doc: Doc, orth: list[int], start: int, end: int) -> bool:
    """A match joined by hyphens, without spaces, to words on both sides is part of a longer
    word ('PORT-AU-PRINCE'), not a name of its own ('AU-led' and 'pro-Hamas' are kept).
    `orth`: the Doc's ORTH ids, so that a match with no hyphen before it costs no Token."""
    if start < 2 or end + 1 >= len(doc) or orth[start - 1] != _HYPHEN:
        return False
    left, right = doc[start - 1], doc[end]
    return (left.text == "-" and not left.whitespace_ and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha
            and right.text == "-" and not doc[end - 1].whitespace_ and not right.whitespace_ and doc[end + 1].is_alpha)


def _may_abbreviate(acronym: str, name: Span) -> bool:
    """'Rapid Support Forces (RSF)', 'Kurdistan Workers' Party (PKK)', 'FDLR' for a French name:
    an acronym starts with the initial of one of the name's words. 'Haiti (AP)' in a dateline
    names the news agency, not Haiti."""
    initials = {t.text[0].lower() for t in name if t.text and t.text[0].isalpha()}
    return acronym[0].lower() in initials


#: words after 'X-' that make the nationality word a language ('English-speaking', 'French-language')
LANGUAGE_COMPOUND_HEADS = frozenset({"speaking", "speaker", "speakers", "language", "medium"})


def _language_compound(span: Span) -> bool:
    """The word is the first half of a language compound: 'English-speaking', 'Arabic-language'."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ in LANGUAGE_COMPOUND_HEADS
