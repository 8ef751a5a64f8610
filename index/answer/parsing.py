"""spaCy parses of the sentences answering reads: kept at index time, else parsed when read.

Parsing the 16 sentences a question then read was about 90 ms of its `ask` (docs/benchmarks.md).
A parse depends only on the sentence, so the indexer parses the sentences of the passages it
adds (`Parser.keep`) and keeps them (`index.store.parses`, by the spaCy pipeline and version
that made them); answering looks them up and parses only what is not kept. A kept parse is
the parse itself, as spaCy writes a `Doc` to JSON (compressed): the same tokens, tags,
dependencies, lemmas, morphology, entities and sentences as parsing the sentence again, read
back in about 0.5 ms (a `DocBin` took three times as long: its msgpack reader looks up its
plug-ins at every call).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

from spacy.tokens import Doc

from index.answer.nlp import get_nlp
from index.caching import BatchCache
from index.corpus.sentences import split_sentences
from index.store.kept import digest
from index.store.parses import Parses

PARSES: BatchCache[str, Doc] = BatchCache(4096)  # parses of read sentences, by sentence
FORMAT = 2  # how a parse is written (`_to_bytes`): a change makes those kept before unread
_UNREADABLE: set[Path] = set()  # parse stores said to be unreadable, once each
log = logging.getLogger(__name__)


def pipeline_name() -> str:
    """Return what a parse is kept under: the spaCy pipeline, its version, spaCy's, the format."""
    import spacy

    meta = get_nlp().meta
    return (f"{meta['lang']}_{meta['name']}-{meta['version']} (spacy {spacy.__version__}, "
            f"format {FORMAT})")


def _to_bytes(doc: Doc) -> bytes:
    return zlib.compress(json.dumps(doc.to_json(), separators=(",", ":")).encode("utf-8"))


def _from_bytes(blob: bytes) -> Doc:
    return Doc(get_nlp().vocab).from_json(json.loads(zlib.decompress(blob)))


def _kept(store: Parses, sentences: list[str]) -> dict[str, Doc]:
    """Return the parses `store` keeps of the sentences, by sentence (those kept only)."""
    keys = {digest(s): s for s in sentences}
    docs = {keys[k]: _from_bytes(blob)
            for k, blob in store.values(pipeline_name(), list(keys)).items()}
    return {s: doc for s, doc in docs.items() if doc.text == s}


class Parser:
    """Parses of sentences, looked up in a store of kept parses before parsing."""

    def __init__(self, store: Parses | None = None) -> None:
        """Look parses up in `store` (none: parse every sentence not parsed before)."""
        self.store = store

    def parse(self, sentences: list[str]) -> list[Doc]:
        """Return a parse of each sentence; those not parsed before in this process in one batch."""
        return PARSES.get(sentences, self._looked_up)

    def _looked_up(self, sentences: list[str]) -> list[Doc]:
        """Return the sentences' kept parses, parsing those not kept.

        A store that cannot be read is said once per process, and every sentence is parsed.
        """
        found: dict[str, Doc] = {}
        if self.store is not None:
            try:
                found = _kept(self.store, sentences)
            except (sqlite3.Error, OSError, ValueError, KeyError, zlib.error) as exc:
                if self.store.path not in _UNREADABLE:
                    _UNREADABLE.add(self.store.path)
                    log.warning("the kept parses at %s cannot be read (%s): sentences are "
                                "parsed as questions read them", self.store.path, exc)
        rest = [s for s in dict.fromkeys(sentences) if s not in found]
        found.update(zip(rest, get_nlp().pipe(rest), strict=True))
        return [found[s] for s in sentences]

    def keep(self, texts: Sequence[str], batch: int = 1000,
             progress: Callable[[int, int], None] | None = None) -> int:
        """Parse and store the sentences of the texts not read before; return how many were new.

        A text is read once (by its digest), split into sentences as answering splits it; a
        sentence already kept (another outlet's reprint) is not parsed again. `progress` is
        told (sentences parsed, sentences to parse) after each batch is written.
        """
        store = self.store
        if store is None or not texts:
            return 0
        name = pipeline_name()
        by_digest = {digest(t): t for t in texts}
        unread = sorted(store.unread(name, by_digest))
        if not unread:
            return 0
        sentences = {digest(s): s for d in unread for s in split_sentences(by_digest[d])}
        kept = store.known(name, list(sentences))
        new = [s for k, s in sentences.items() if k not in kept]
        parsed: dict[str, bytes] = {}
        for done, doc in enumerate(get_nlp().pipe(new, batch_size=64), 1):
            parsed[digest(doc.text)] = _to_bytes(doc)
            if len(parsed) >= batch or done == len(new):  # a long run keeps what it parsed
                store.put(name, parsed, ())
                parsed = {}
                if progress is not None:
                    progress(done, len(new))
        store.put(name, {}, unread)
        return len(new)
