"""Doc records -> the public `Extraction`: the one place where plain records become
pydantic models, mentions get their text and sentence index, and unknown organisations
are kept only when they play a part (attacker, target or source)."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from typing import Any, Optional

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc

from .extensions import meta_of, records
from .schema import (
    Document,
    Extraction,
)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf8")).hexdigest()


def document_of(doc: Doc, text: Optional[str] = None) -> Document:
    """The Document of an annotated Doc (`text`: doc.text, when the caller has it already;
    spaCy rebuilds it from the tokens on every access)."""
    meta = meta_of(doc)
    published = meta.get("published")
    text = doc.text if text is None else text
    digest = text_sha256(text)
    return Document(
        id=meta.get("doc_id") or digest[:16],
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        title=meta.get("title"),
        published=dt.date.fromisoformat(published) if published else None,
        text_sha256=digest,
        text=text,
    )


class _Mentions:
    """Turns [start, end] pairs into Mentions with their sentence index."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.text = text
        # sentence starts read as arrays: iterating `doc.sents` builds a Token object per token
        if not len(doc) or not doc.has_annotation("SENT_START"):
            self.starts = [0]  # a Doc without sentence boundaries (no parser, no senter)
            return
        first = doc.to_array(SENT_START) == 1
        first[0] = True
        self.starts = doc.to_array(IDX)[first].tolist()

    def __call__(self, pair: list[int]) -> dict:
        s, e = int(pair[0]), int(pair[1])
        sent = max(0, bisect.bisect_right(self.starts, s) - 1)
        return {"text": self.text[s:e], "start_char": s, "end_char": e, "sentence": sent}


def build(doc: Doc, text: Optional[str] = None) -> Extraction:
    """Convert an annotated Doc into an `Extraction` (ids are local to the document).

    text: the text the Doc was made from, when the caller has it: `doc.text` joins the
    tokens' texts anew on every access, and spaCy's tokenizer keeps the text as it is."""
    if text is None or not _same_length(doc, text):
        text = doc.text
    document = document_of(doc, text)
    if not text.strip():
        return Extraction(document=document)
    mention = _Mentions(doc, text)
    report = doc._.cn_report or {}
    events_raw = records(doc, "cn_events")
    claims_raw = records(doc, "cn_claims")
    used_actors = {a for e in events_raw for a in e.get("attacker_ids", []) + e.get("target_ids", [])}
    used_actors |= {c["source"].get("actor_id") for c in claims_raw if c["source"].get("actor_id")}
    actors = []
    for a in records(doc, "cn_actors"):
        if a.get("candidate") and a["id"] not in used_actors:
            continue
        actors.append(
            dict(
                id=a["id"],
                name=a["name"],
                kind=a["kind"],
                acled_inter=a["acled_inter"],
                country=a.get("country"),
                backers=a.get("backers", []),
                parent_id=a.get("parent_id"),
                parent_gazetteer_id=a.get("parent_gazetteer_id"),
                aliases=a.get("aliases", []),
                gazetteer_id=a.get("gazetteer_id"),
                descriptor=a.get("descriptor", False),
                mentions=[mention(m) for m in a["mentions"]],
                rule_ids=a.get("rule_ids", []),
            )
        )
    kept = {a["id"] for a in actors}
    places = [
        dict(
            id=p["id"],
            name=p["name"],
            kind=p["kind"],
            country=p.get("country"),
            admin1=p.get("admin1"),
            lat=p.get("lat"),
            lon=p.get("lon"),
            gazetteer_id=p.get("gazetteer_id"),
            qualifier=p.get("qualifier"),
            geo_precision=p["geo_precision"],
            mentions=[mention(m) for m in p["mentions"]],
            rule_ids=p.get("rule_ids", []),
        )
        for p in records(doc, "cn_places")
    ]
    times = [
        dict(
            id=t["id"],
            text=t["text"],
            start=t.get("start"),
            end=t.get("end"),
            precision=t["precision"],
            time_precision=t["time_precision"],
            anchor=t["anchor"],
            mentions=[mention(m) for m in t["mentions"]],
            rule_ids=t.get("rule_ids", []),
        )
        for t in records(doc, "cn_times")
    ]
    time_ids = {t["id"] for t in times}
    events = []
    for e in events_raw:
        time_id = e.get("time_id") if e.get("time_id") in time_ids else None
        if time_id is None and document.published is not None:
            # nothing in the text dates it: the publication date is an upper bound
            fallback = dict(
                id=f"time-{len(times)}",
                text="",
                start=None,
                end=document.published,
                precision="unknown",
                time_precision=3,
                anchor="published",
                mentions=[mention(e["mentions"][0])],
                rule_ids=["times.fallback_published"],
            )
            times.append(fallback)
            time_id = fallback["id"]
        events.append(
            dict(
                id=e["id"],
                type=e["type"],
                attack_kind=e.get("attack_kind"),
                acled_event_type=e.get("acled_event_type"),
                acled_sub_event_type=e.get("acled_sub_event_type"),
                cameo_root=e.get("cameo_root"),
                plover_mode=e.get("plover_mode"),
                attacker_ids=[a for a in e.get("attacker_ids", []) if a in kept],
                target_ids=[a for a in e.get("target_ids", []) if a in kept],
                target_text=e.get("target_text"),
                target_texts=list(e.get("target_texts") or ([e["target_text"]] if e.get("target_text") else [])),
                instruments=list(e.get("instruments", [])),
                place_id=e.get("place_id"),
                geo_precision=e.get("geo_precision"),
                time_id=time_id,
                outcome=e.get("outcome") or "unknown",
                damage=e.get("damage"),
                fatalities=_count(e.get("fatalities")),
                injured=_count(e.get("injured")),
                modality=e.get("modality") or "asserted",
                disputed=e.get("disputed", {}),
                claim_ids=e.get("claim_ids", []),
                mentions=[mention(m) for m in e["mentions"]],
                rule_ids=e.get("rule_ids", []),
            )
        )
    claims = []
    for c in claims_raw:
        src = dict(c["source"])
        src.pop("start_char", None)
        src.pop("end_char", None)
        if src.get("actor_id") not in kept:
            src["actor_id"] = None
        claims.append(
            dict(
                id=c["id"],
                event_id=c["event_id"],
                stance=c["stance"],
                source=src,
                cue=c.get("cue"),
                asserts=_plain(c.get("asserts", {})),
                evidence=mention(c["evidence"]),
                document_id=document.id,
                url=document.url,
                outlet=document.outlet,
                published=document.published,
                rule_ids=c.get("rule_ids", []),
            )
        )
    # one validation call for the whole document: pydantic-core checks every nested record
    # (types, enums, offsets) far faster than one constructor call per object
    return Extraction.model_validate(
        {"document": document, "actors": actors, "places": places, "times": times, "events": events, "claims": claims,
         "report_country": report.get("country"), "report_admin1": report.get("admin1")}
    )


def _same_length(doc: Doc, text: str) -> bool:
    """A cheap check that `text` is the Doc's: the same length (a tokenizer that changed the
    text would most likely change it)."""
    if not len(doc):
        return text == ""
    last = doc[-1]
    return last.idx + len(last.text_with_ws) == len(text)


def _count(value: Optional[dict]) -> Optional[dict]:
    return dict(value) if value else None


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
