"""Every Doc extension conflictner sets, registered once under the `cn_` namespace.

Values are plain msgpack-safe records (dicts of str/int/float/bool/None and lists), never
Spans, so Docs survive `Doc.to_bytes`, `DocBin` and `nlp.pipe(n_process=2)`. Each record
mirrors the pydantic model of its layer, with mentions as [start_char, end_char] pairs;
`conflictner.build` turns them into the public models.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: name -> what it holds
DOC_EXTENSIONS: dict[str, str] = {
    "cn_meta": "document metadata: id, url, outlet, title, published (ISO date string)",
    "cn_actors": "actor records (schema.Actor fields; mentions as [start, end] pairs)",
    "cn_affiliations": "nationality and community words ('Iraqi', 'Syrians', 'Kurdish', 'U.S.' as a "
    "modifier): the state or community named, with the actor each one qualifies",
    "cn_places": "place records (schema.Place fields)",
    "cn_report": "where the report is about: {'country': the ISO3 of the one country it is clearly about "
    "or None, 'admin1': the province of that country it is clearly about or None}",
    "cn_times": "time records (schema.TimeSpan fields)",
    "cn_modality": "modality cue scopes: category, cue offsets, token scope, rule id",
    "cn_events": "event records (schema.Event fields plus trigger offsets)",
    "cn_event_refs": "every trigger occurrence: token span, the event ids it refers to, kind",
    "cn_claims": "claim records (schema.Claim fields)",
    "cn_attributions": "every reporting cue of the document (also those about no event): cue, stance, "
    "sources and the reported tokens",
}


def register_extensions() -> None:
    """Register the Doc attributes; idempotent, and never overwrites a foreign attribute."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def meta_of(doc: Doc) -> dict:
    """The document metadata: `doc._.cn_meta`, or the context `nlp.pipe(as_tuples=True)` put on
    the Doc (how `extract_many` sends metadata to worker processes without serializing Docs);
    copied to `cn_meta` on first use so it travels back with the Doc."""
    meta = doc._.cn_meta
    if meta:
        return meta
    ctx = getattr(doc, "_context", None)
    if isinstance(ctx, dict) and "doc_id" in ctx:
        doc._.cn_meta = ctx
        return ctx
    return {}


def records(doc: Doc, name: str) -> list[dict]:
    """The records a component stored, or an empty list when it has not run."""
    value = getattr(doc._, name)
    return value if value is not None else []


register_extensions()
