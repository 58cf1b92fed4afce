"""The rule data in models/: every file validates, every pattern compiles, every entry has a
source, and a typo fails loudly with its file and line."""

from __future__ import annotations

import json

import pytest
from spacy.lang.en import English
from spacy.matcher import Matcher

from conflictner.components import ActorRecognizer, ClaimLinker, EventExtractor, ModalityCues, TimeNormalizer
from conflictner.rules import ActorEntry, PlaceEntry, data_dir, read_jsonl

COMPONENTS = [ActorRecognizer, ClaimLinker, EventExtractor, ModalityCues, TimeNormalizer]
FILES = [(c.folder, f, m) for c in COMPONENTS for f, m in c.files.items()]
FILES += [("places", f, PlaceEntry) for f in ("admin1.jsonl", "facilities.jsonl", "regions.jsonl")]


@pytest.mark.parametrize("folder,fname,model", FILES, ids=[f"{a}/{b}" for a, b, _ in FILES])
def test_rule_file_validates_and_cites_a_source(folder, fname, model):
    path = data_dir() / folder / fname
    assert path.exists(), f"{path} is not shipped"
    entries = read_jsonl(path, model)
    assert entries
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert all(e.source.strip() for e in entries)


def test_trigger_patterns_compile_with_validation():
    from conflictner.rules import TriggerRule

    matcher = Matcher(English().vocab, validate=True)
    for r in read_jsonl(data_dir() / "events" / "triggers.jsonl", TriggerRule):
        matcher.add(r.id, [r.pattern])
    assert len(matcher) > 20


def test_a_typo_in_a_rule_file_names_file_and_line(tmp_path):
    good = {"id": "x", "name": "X", "kind": "militia", "source": "team"}
    bad = dict(good, id="y", knd="militia")
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(good) + "\n\n" + json.dumps(bad) + "\n", encoding="utf8")
    with pytest.raises(ValueError, match=r"E003.*a\.jsonl, line 3"):
        read_jsonl(path, ActorEntry)


def test_every_un_member_state_is_in_the_gazetteer():
    states = read_jsonl(data_dir() / "actors" / "states.jsonl", ActorEntry)
    assert len(states) >= 193
    by_id = {s.id: s for s in states}
    for iso, adjective in [("IRQ", "Iraqi"), ("SDN", "Sudanese"), ("MMR", "Myanmar"), ("COL", "Colombian"),
                           ("UKR", "Ukrainian"), ("SOM", "Somali"), ("PSE", "Palestinian")]:
        assert adjective in by_id[iso].adjectives, iso
