"""The public contract: round trips, JSON Schema, published schema file up to date."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from conflictner import Extraction, Mention
from conflictner.schema import ACLED_INTER, ActorKind, json_schema

from .conftest import ROOT

CONTRACT = {
    "Document": ["id", "url", "outlet", "title", "published", "text_sha256"],
    "Mention": ["text", "start_char", "end_char", "sentence"],
    "Actor": ["id", "name", "kind", "acled_inter", "country", "backers", "parent_id", "aliases", "mentions"],
    "Place": ["id", "name", "kind", "country", "admin1", "lat", "lon", "gazetteer_id", "qualifier",
              "geo_precision", "mentions"],
    "TimeSpan": ["id", "text", "start", "end", "precision", "time_precision", "anchor", "mentions"],
    "Event": ["id", "type", "attack_kind", "acled_event_type", "acled_sub_event_type", "attacker_ids",
              "target_ids", "target_text", "target_texts", "instruments", "place_id", "time_id", "outcome", "damage",
              "fatalities", "injured", "modality", "claim_ids", "rule_ids", "mentions"],
    "Claim": ["id", "event_id", "stance", "source", "cue", "asserts", "evidence", "document_id"],
    "Source": ["text", "actor_id", "role", "affiliation", "anonymous", "person"],
    "Extraction": ["schema_version", "document", "actors", "places", "times", "events", "claims"],
}


@pytest.mark.parametrize("model,fields", sorted(CONTRACT.items()))
def test_contract_fields_exist(model, fields):
    import conflictner.schema as s

    assert set(fields) <= set(getattr(s, model).model_fields), model


def test_every_actor_kind_has_an_acled_inter_code():
    assert set(ACLED_INTER) == set(ActorKind)
    assert set(ACLED_INTER.values()) <= set(range(1, 9))


def test_round_trip_json(somalia):
    again = Extraction.model_validate_json(somalia.model_dump_json())
    assert again == somalia
    assert json.loads(again.model_dump_json()) == json.loads(somalia.model_dump_json())


def test_json_schema_validates_output(somalia):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(somalia.model_dump_json()), schema)


def test_published_schema_file_is_current():
    path = ROOT / "docs" / "schema" / "extraction.schema.json"
    assert json.loads(path.read_text(encoding="utf8")) == json_schema(), "run `make schema`"


def test_mention_offsets_must_be_ordered():
    with pytest.raises(ValidationError):
        Mention(text="x", start_char=5, end_char=2, sentence=0)


def test_unknown_fields_are_rejected():
    with pytest.raises(ValidationError):
        Mention(text="x", start_char=0, end_char=1, sentence=0, colour="red")


def test_every_mention_slices_the_text(somalia):
    text = somalia.document.text
    mentions = [m for layer in (somalia.actors, somalia.places, somalia.times, somalia.events)
                for obj in layer for m in obj.mentions]
    mentions += [c.evidence for c in somalia.claims]
    assert mentions
    for m in mentions:
        assert text[m.start_char:m.end_char] == m.text


def test_tables_have_one_row_per_item(somalia):
    assert len(somalia.events_table()) == len(somalia.events)
    frame = somalia.claims_frame()
    assert len(frame) == len(somalia.claims)
