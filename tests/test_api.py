"""The public API: input checking, metadata, batches, long texts, the loader."""

from __future__ import annotations

import datetime as dt

import pytest

import conflictner
from conflictner import Document, Extraction

ATTACK = "Gunmen attacked a police station in Kano on Monday, killing three officers, police said."


def test_public_api_is_small():
    assert {"load", "extract", "extract_many", "Extraction", "Event", "Claim"} <= set(conflictner.__all__)
    assert all(hasattr(conflictner, name) for name in conflictner.__all__)


def test_empty_text_gives_an_empty_extraction():
    x = conflictner.extract("", published="2024-05-08")
    assert isinstance(x, Extraction)
    assert (x.actors, x.places, x.times, x.events, x.claims) == ([], [], [], [], [])
    assert x.document.published == dt.date(2024, 5, 8)


def test_whitespace_only_text_is_empty(extract):
    assert extract("  \n\n ").events == []


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a list"]])
def test_non_string_text_raises_type_error_naming_it(bad):
    with pytest.raises(TypeError, match="`text`"):
        conflictner.extract(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["yesterday", "2023-13-45", "19/10/2023", 20231019])
def test_unparseable_published_raises_value_error_naming_it(bad):
    with pytest.raises(ValueError, match="published"):
        conflictner.extract(ATTACK, published=bad)


@pytest.mark.parametrize("value", ["2024-05-08", dt.date(2024, 5, 8), dt.datetime(2024, 5, 8, 14, 30),
                                   "2024-05-08T14:30:00Z"])
def test_published_accepts_iso_strings_dates_and_datetimes(extract, value):
    x = extract(ATTACK, published=value)
    assert x.document.published == dt.date(2024, 5, 8)


def test_metadata_reaches_document_and_claims(extract):
    x = extract(ATTACK, published="2024-05-08", url="https://example.org/k", outlet="Wire", title="Kano",
                doc_id="kano-1")
    d = x.document
    assert (d.id, d.url, d.outlet, d.title) == ("kano-1", "https://example.org/k", "Wire", "Kano")
    assert d.text == ATTACK and len(d.text_sha256) == 64
    assert x.claims, "police said -> a claim"
    for c in x.claims:
        assert (c.document_id, c.url, c.outlet, c.published) == ("kano-1", "https://example.org/k", "Wire",
                                                                  dt.date(2024, 5, 8))


def test_doc_id_defaults_to_a_hash_of_the_text(extract):
    a, b = extract(ATTACK), extract(ATTACK + " ")
    assert a.document.id != b.document.id
    assert a.document.id == extract(ATTACK).document.id


def test_without_published_no_year_is_invented(extract):
    x = extract("Militants attacked an army post near Kidal on Monday, the army said.")
    assert x.events
    for t in x.times:
        assert t.start is None or t.precision.value != "day" or t.anchor.value == "absolute"


def test_extract_many_keeps_order_and_metadata(nlp):
    items = [
        ATTACK,
        {"text": "", "doc_id": "empty"},
        {"text": ATTACK, "published": "2024-05-08", "outlet": "Wire", "id": "d3"},
        Document(id="d4", text_sha256="x", text=ATTACK, published=dt.date(2024, 5, 8)),
    ]
    out = list(conflictner.extract_many(items, nlp=nlp, batch_size=2))
    assert [x.document.id for x in out][1:] == ["empty", "d3", "d4"]
    assert out[1].events == []
    assert out[2].document.outlet == "Wire" and out[2].events
    assert out[3].document.published == dt.date(2024, 5, 8)
    single = conflictner.extract(ATTACK, published="2024-05-08", outlet="Wire", doc_id="d3", nlp=nlp)
    assert out[2] == single


def test_extract_many_releases_each_doc_once_built(nlp, monkeypatch):
    """nlp.pipe holds a batch of Docs until the batch is done: each Doc's records must go as
    soon as its Extraction is built, not a batch later (they would reach the oldest GC
    generation), and the Extraction must not depend on them afterwards."""
    from conflictner import api
    from conflictner.components import base

    built = []
    real_build = api.build

    def spy(doc, text=None):
        out = real_build(doc, text)
        built.append((doc, out.model_dump_json()))
        return out

    monkeypatch.setattr(api, "build", spy)
    out = list(conflictner.extract_many([ATTACK, {"text": ATTACK, "doc_id": "b"}, ATTACK], nlp=nlp, batch_size=3))
    assert len(built) == 3 and out[0].events
    for (doc, js), ex in zip(built, out, strict=True):
        assert doc.user_data == {}
        assert doc not in base._PARSES and doc not in base._COLUMNS
        assert ex.model_dump_json() == js  # the Extraction holds no reference into the released records


def test_extract_many_rejects_unknown_keys_and_types(nlp):
    with pytest.raises(ValueError, match="unknown keys"):
        list(conflictner.extract_many([{"text": ATTACK, "pubished": "2024-01-01"}], nlp=nlp))
    with pytest.raises(TypeError, match="Item 1"):
        list(conflictner.extract_many([ATTACK, 3], nlp=nlp))
    with pytest.raises(TypeError, match=r"items\[0\]\['text'\]"):
        list(conflictner.extract_many([{"published": "2024-01-01"}], nlp=nlp))


def test_text_longer_than_max_length_is_processed_in_pieces(nlp):
    para = ("Militants fired mortars at an army base near Gao on Sunday, killing two soldiers, "
            "the army said.\n\n")
    text = para * 30
    old = nlp.max_length
    nlp.max_length = 1000
    try:
        with pytest.warns(UserWarning, match="W002"):
            x = conflictner.extract(text, published="2024-05-08", nlp=nlp)
    finally:
        nlp.max_length = old
    assert x.document.text == text
    assert x.events
    for layer in (x.actors, x.places, x.times, x.events):
        for obj in layer:
            for m in obj.mentions:
                assert text[m.start_char:m.end_char] == m.text
    for c in x.claims:
        assert text[c.evidence.start_char:c.evidence.end_char] == c.evidence.text


def test_load_is_cached_per_arguments(nlp):
    assert conflictner.load() is nlp


def test_load_rejects_a_missing_base():
    with pytest.raises(OSError, match="E004"):
        conflictner.load(base="no_such_spacy_pipeline_xyz")


def test_load_rejects_a_base_without_parser(tmp_path):
    import spacy

    blank = spacy.blank("en")
    blank.to_disk(tmp_path / "blank")
    with pytest.raises(ValueError, match="E005"):
        conflictner.load(base=tmp_path / "blank")


def test_extract_many_keeps_order_around_empty_and_long_texts(nlp):
    para = "Militants fired mortars at an army base near Gao on Sunday, killing two soldiers.\n\n"
    items = [{"text": ATTACK, "doc_id": "a"}, {"text": para * 30, "doc_id": "long"}, {"text": "", "doc_id": "e"},
             {"text": ATTACK, "doc_id": "b"}]
    old = nlp.max_length
    nlp.max_length = 1000
    try:
        with pytest.warns(UserWarning, match="W002"):
            out = list(conflictner.extract_many(items, nlp=nlp, batch_size=1))
    finally:
        nlp.max_length = old
    assert [x.document.id for x in out] == ["a", "long", "e", "b"]
    assert out[1].events and out[3].events and not out[2].events


@pytest.mark.slow
def test_extract_many_in_two_processes_reports_bad_items(nlp):
    with pytest.raises(TypeError, match="Item 1"):
        list(conflictner.extract_many([ATTACK, 3, ATTACK], nlp=nlp, n_process=2, batch_size=1))
    out = list(conflictner.extract_many([ATTACK, "", ATTACK], nlp=nlp, n_process=2, batch_size=1))
    assert [bool(x.events) for x in out] == [True, False, True]
