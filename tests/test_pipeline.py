"""The spaCy side: factories and entry points, Doc extensions that survive serialization and
multiprocessing, components that save and restore their rules, and the pinned base model."""

from __future__ import annotations

import hashlib
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import conflictner
from conflictner.api import DEFAULT_BASE, default_base
from conflictner.build import build
from conflictner.extensions import DOC_EXTENSIONS

from .conftest import EXAMPLES

OURS = ["conflictner_segmenter", "conflictner_parse_fixes", "conflictner_actors", "conflictner_places", "conflictner_times",
        "conflictner_modality", "conflictner_events", "conflictner_claims"]
TEXT = (EXAMPLES / "somalia_base_attack.txt").read_text(encoding="utf8")

#: sha256 of the registry copy's weights, identical to the official en_core_web_sm 3.8.0
WEIGHTS = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
}


def _doc(nlp, text: str = TEXT) -> Doc:
    doc = nlp.make_doc(text)
    doc._.cn_meta = {"doc_id": "s", "published": "2024-03-06", "url": None, "outlet": None, "title": None}
    return nlp(doc)


def test_pipeline_has_our_components_in_order(nlp):
    names = [n for n in nlp.pipe_names if n.startswith("conflictner_")]
    assert names == OURS
    assert nlp.pipe_names.index("conflictner_segmenter") < nlp.pipe_names.index("parser")
    assert nlp.pipe_names.index("ner") < nlp.pipe_names.index("conflictner_actors")


def test_base_has_parser_and_ner(nlp):
    assert {"parser", "ner", "tagger"} <= set(nlp.pipe_names)
    assert "ORG" in nlp.get_pipe("ner").labels and "nsubj" in nlp.get_pipe("parser").labels


def test_default_base_is_the_pinned_registry_copy_unless_the_official_one_is_installed():
    import importlib.util

    expected = "en_core_web_sm" if importlib.util.find_spec("en_core_web_sm") else DEFAULT_BASE
    assert default_base() == expected


def test_registry_base_weights_match_the_official_release():
    mod = pytest.importorskip(DEFAULT_BASE)
    root = Path(mod.__file__).parent
    data = next(p for p in root.iterdir() if p.is_dir() and (p / "meta.json").exists())
    for rel, digest in WEIGHTS.items():
        assert hashlib.sha256((data / rel).read_bytes()).hexdigest() == digest, rel
    meta = spacy.util.load_meta(data / "meta.json")
    assert meta["version"] == "3.8.0" and meta["license"] == "MIT"


def test_factories_are_declared_as_entry_points():
    eps = {ep.name: ep for ep in entry_points(group="spacy_factories")}
    for name in [*OURS, "conflictner_attribute_ruler"]:
        assert name in eps, name
        assert callable(eps[name].load())


def test_extensions_hold_plain_msgpack_safe_records(nlp):
    import srsly

    doc = _doc(nlp)
    for name in DOC_EXTENSIONS:
        value = getattr(doc._, name)
        assert value is not None, name
        assert srsly.msgpack_loads(srsly.msgpack_dumps(value)) == value, name


def test_docbin_round_trip_keeps_the_extraction(nlp):
    doc = _doc(nlp)
    db = DocBin(store_user_data=True)
    db.add(doc)
    again = list(DocBin(store_user_data=True).from_bytes(db.to_bytes()).get_docs(nlp.vocab))[0]
    assert build(again) == build(doc)
    assert build(Doc(nlp.vocab).from_bytes(doc.to_bytes())) == build(doc)


@pytest.mark.slow
def test_two_processes_give_the_same_results_as_one(nlp):
    items = [{"text": TEXT, "published": "2024-03-06", "doc_id": f"d{i}"} for i in range(4)]
    one = list(conflictner.extract_many(items, nlp=nlp, n_process=1, batch_size=2))
    two = list(conflictner.extract_many(items, nlp=nlp, n_process=2, batch_size=2))
    assert one == two
    assert all(x.events for x in two)


def test_pipeline_round_trips_through_disk(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipe")
    for name in OURS[1:]:
        assert (tmp_path / "pipe" / name).is_dir(), name
    again = spacy.load(tmp_path / "pipe")
    assert again.pipe_names == nlp.pipe_names
    assert type(again.get_pipe("attribute_ruler")) is type(nlp.get_pipe("attribute_ruler"))  # the swapped-in ruler
    a = conflictner.extract(TEXT, published="2024-03-06", nlp=nlp)
    b = conflictner.extract(TEXT, published="2024-03-06", nlp=again)
    assert a == b


def test_saved_rules_are_the_ones_used(nlp, tmp_path):
    """A saved pipeline carries its own rule files: editing them changes what it finds."""
    nlp.to_disk(tmp_path / "pipe")
    trig = tmp_path / "pipe" / "conflictner_events" / "triggers.jsonl"
    kept = [line for line in trig.read_text(encoding="utf8").splitlines() if '"v-ambush"' not in line]
    trig.write_text("\n".join(kept) + "\n", encoding="utf8")
    again = spacy.load(tmp_path / "pipe")
    text = "Gunmen ambushed a police patrol in Afgooye on Monday, residents said."
    assert conflictner.extract(text, published="2024-03-06", nlp=nlp).events
    assert not conflictner.extract(text, published="2024-03-06", nlp=again).events


def test_components_round_trip_through_bytes(nlp):
    for name in OURS[1:]:
        pipe = nlp.get_pipe(name)
        if hasattr(pipe, "to_bytes"):
            data = pipe.to_bytes()
            pipe.from_bytes(data)
            assert pipe.to_bytes() == data, name


def test_saved_casualty_lexicon_is_the_one_used(nlp, tmp_path):
    """The casualty vocabulary is data saved with the events component, like its rules."""
    import json

    nlp.to_disk(tmp_path / "pipe")
    lex = tmp_path / "pipe" / "conflictner_events" / "casualties.json"
    data = json.loads(lex.read_text(encoding="utf8"))
    data["injury"] = [w for w in data["injury"] if not w.startswith("wound")]
    lex.write_text(json.dumps(data), encoding="utf8")
    again = spacy.load(tmp_path / "pipe")
    text = "Militants attacked an army post near Gao on Monday, wounding four soldiers, officials said."
    (before,) = conflictner.extract(text, published="2024-03-06", nlp=nlp).events
    (after,) = conflictner.extract(text, published="2024-03-06", nlp=again).events
    assert before.injured is not None and before.injured.min == 4
    assert after.injured is None
