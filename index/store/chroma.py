"""The passage store: Chroma, embedded (`PersistentClient`) or a server (`HttpClient`).

Layout. Passages live in a generation collection (`newsdesk-passages-<stamp>`), one record
per passage *version*: the record id is `<passage id>:<article hash>`, so a record never
changes once written (an edited article gets new records beside the old ones). A generation's
own metadata holds its manifest, `source -> article hash` for every article of the last
committed run, and that run's id. A small pointer collection (`newsdesk-meta`) names the
active generation, with the last index time and how the index was built: the corpus folder,
the embedding model and its backend (`index.store.provenance`).

What readers see: exactly the active generation's records whose `(source, article hash)` is in
its manifest. Anything else in it (an edited or deleted article's old version, or the records
of a run that was killed before it committed) is invisible and left for the next run to delete.

Commit: one collection-metadata write, which Chroma applies in one transaction. An
incremental run writes its records into the active generation and commits by replacing that
generation's manifest; a full run fills a new generation (manifest included) and commits by
moving the pointer to it. A store written before manifests existed (no manifest in the
generation) is read as it was: every record counts; the next run rewrites it into this layout.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import chromadb
import httpx
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.config import Settings as ChromaSettings

from index.errors import StoreUnavailableError
from index.models import Passage
from index.settings import Settings
from index.store.vectors import KEY as SENTENCES

log = logging.getLogger(__name__)

META = "newsdesk-meta"
PREFIX = "newsdesk-passages-"
PAGE = 2000
_OPTIONAL = ("url", "published", "outlet")

Manifest = Mapping[str, str]  # source -> article hash


@dataclass(frozen=True)
class StoredPassage:
    """A passage as stored: its record id and the hash of the article version it came from."""

    record: str
    passage: Passage
    article_hash: str


@dataclass(frozen=True)
class Committed:
    """The last committed index: the active generation, its manifest and run id."""

    collection: Collection | None
    manifest: Manifest | None  # None: a store from before manifests, where every record counts
    run: str | None = None

    def holds(self, stored: StoredPassage) -> bool:
        """Return True when `stored` belongs to the committed index."""
        if self.manifest is None:
            return True
        return self.manifest.get(stored.passage.source) == stored.article_hash


def record_id(passage_id: str, article_hash: str) -> str:
    """Return the Chroma id of one passage version."""
    return f"{passage_id}:{article_hash}"


def new_run_id() -> str:
    """Return a unique, time-ordered id for an index run or a generation."""
    return f"{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 1_000_000:06d}"


def connect(settings: Settings) -> ClientAPI:
    """Open the Chroma client the settings name; raise StoreUnavailableError if unreachable."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        where = f"{settings.chroma_host}:{settings.chroma_port}"
        try:
            client = chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
            )
            client.heartbeat()
        except Exception as exc:  # chromadb raises several types for a dead server
            raise unreachable(where, exc) from None
        return client
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


def unreachable(where: str, error: Exception) -> StoreUnavailableError:
    """Return the error for a Chroma server that does not answer, naming host and port."""
    detail = f" ({type(error).__name__})" if isinstance(error, httpx.HTTPError) else ""
    return StoreUnavailableError(f"the Chroma server at {where} cannot be reached{detail}")


def _server_address(client: ClientAPI) -> str | None:
    """Return `host:port` for a Chroma server client, None for an embedded store."""
    settings = client.get_settings()
    if not settings.chroma_server_host:
        return None
    return f"{settings.chroma_server_host}:{settings.chroma_server_http_port}"


@dataclass(frozen=True)
class Vectors:
    """What was embedded for one passage: its vector and its packed sentence vectors."""

    passage: np.ndarray
    sentences: str | None = None  # `index.store.vectors.pack`; None when the indexer made none


def _to_metadata(passage: Passage, article_hash: str, sentences: str | None) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "source": passage.source,
        "title": passage.title,
        "paragraph": passage.paragraph,
        "article": article_hash,
    }
    for key in _OPTIONAL:
        value = getattr(passage, key)
        if value:
            meta[key] = value
    if sentences:
        meta[SENTENCES] = sentences
    return meta


def _packed(meta: Mapping[str, Any] | None) -> str | None:
    """Return a record's packed sentence vectors, or None when it has none."""
    packed = (meta or {}).get(SENTENCES)
    return packed if isinstance(packed, str) else None


def _from_record(record: str, text: str, meta: dict[str, Any]) -> StoredPassage:
    passage = Passage(
        id=record.partition(":")[0],
        source=str(meta["source"]),
        title=str(meta.get("title", "")),
        paragraph=int(meta.get("paragraph", 0)),
        text=text,
        **{key: meta.get(key) for key in _OPTIONAL},
    )
    return StoredPassage(record, passage, str(meta.get("article", "")))


class PassageStore:
    """Passages and their embeddings in Chroma, behind a generation pointer."""

    def __init__(self, client: ClientAPI) -> None:
        """Wrap an open Chroma client."""
        self.client = client
        self.server = _server_address(client)
        with self.reachable():
            self._meta = client.get_or_create_collection(META, embedding_function=None)

    @contextmanager
    def reachable(self) -> Iterator[None]:
        """Turn a lost connection to the Chroma server into StoreUnavailableError."""
        try:
            yield
        except httpx.TransportError as exc:
            if self.server is None:
                raise
            raise unreachable(self.server, exc) from None

    def check(self) -> None:
        """Raise StoreUnavailableError unless the store answers (a no-op when embedded)."""
        if self.server is not None:
            with self.reachable():
                self.client.heartbeat()

    # -- the pointer and the manifest --------------------------------------------------------

    def info(self) -> dict[str, Any]:
        """Return the pointer's metadata (active generation, how it was built, last index time)."""
        self._meta = self.client.get_collection(META, embedding_function=None)
        return dict(self._meta.metadata or {})

    def active(self) -> Collection | None:
        """Return the active generation, or None before the first index."""
        name = self.info().get("active")
        if not name:
            return None
        return self.client.get_collection(name, embedding_function=None)

    def committed(self) -> Committed:
        """Return the active generation with the manifest of its last committed run."""
        collection = self.active()
        if collection is None:
            return Committed(None, {})
        meta = collection.metadata or {}
        if "manifest" not in meta:
            return Committed(collection, None)
        return Committed(collection, json.loads(meta["manifest"]), meta.get("run"))

    def commit(self, collection: Collection, manifest: Manifest, run: str, **info: Any) -> None:
        """Record `manifest` as `collection`'s content, then point at it with `info`."""
        text = json.dumps(dict(manifest), separators=(",", ":"), sort_keys=True)
        collection.modify(metadata={"manifest": text, "run": run})
        self.point(collection, run=run, **info)

    def point(self, collection: Collection, **info: Any) -> None:
        """Point at `collection` and record `info` (run, corpus, model, backend, indexed_at...)."""
        merged = {**self.info(), **{k: v for k, v in info.items() if v is not None}}
        merged["active"] = collection.name
        self._meta.modify(metadata=merged)

    def new_generation(self) -> Collection:
        """Create an empty generation collection (cosine space, no embedding function)."""
        return self.client.create_collection(
            f"{PREFIX}{new_run_id()}",
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}},
        )

    def drop_inactive(self) -> list[str]:
        """Delete generations that are not active (left by finished or killed rebuilds)."""
        keep = self.info().get("active")
        dropped = []
        for collection in self.client.list_collections():
            name = collection if isinstance(collection, str) else collection.name
            if name.startswith(PREFIX) and name != keep:
                self.client.delete_collection(name)
                dropped.append(name)
        return dropped

    # -- records -------------------------------------------------------------------------------

    @staticmethod
    def write(
        collection: Collection,
        passages: Sequence[Passage],
        vectors: Sequence[Vectors],
        article_hashes: Sequence[str],
    ) -> None:
        """Add passage versions with their vectors (rewriting one changes nothing)."""
        for start in range(0, len(passages), PAGE):
            chunk = slice(start, start + PAGE)
            rows = list(zip(passages[chunk], vectors[chunk], article_hashes[chunk], strict=True))
            collection.upsert(
                ids=[record_id(p.id, h) for p, _, h in rows],
                embeddings=np.vstack([v.passage for _, v, _ in rows]),
                documents=[p.text for p, _, _ in rows],
                metadatas=[_to_metadata(p, h, v.sentences) for p, v, h in rows],
            )

    @staticmethod
    def delete(collection: Collection, records: Sequence[str]) -> None:
        """Delete records by id."""
        for start in range(0, len(records), PAGE):
            collection.delete(ids=list(records[start : start + PAGE]))

    @staticmethod
    def scan(collection: Collection) -> Iterator[StoredPassage]:
        """Yield every stored record, committed or not, page by page."""
        offset = 0
        while True:
            page = collection.get(include=["documents", "metadatas"], limit=PAGE, offset=offset)
            for record, text, meta in zip(
                page["ids"], page["documents"] or [], page["metadatas"] or [], strict=True
            ):
                yield _from_record(record, text or "", dict(meta))
            if len(page["ids"]) < PAGE:
                return
            offset += PAGE

    @staticmethod
    def vectors(collection: Collection, records: Sequence[str]) -> dict[str, Vectors]:
        """Return what is stored for `records` (those that exist) to reuse, by record id."""
        found: dict[str, Vectors] = {}
        for start in range(0, len(records), PAGE):
            page = collection.get(ids=list(records[start : start + PAGE]),
                                  include=["embeddings", "metadatas"])
            for record, vector, meta in zip(
                page["ids"], page["embeddings"], page["metadatas"] or [], strict=True
            ):
                found[record] = Vectors(np.asarray(vector, dtype=np.float32), _packed(meta))
        return found

    @staticmethod
    def sentence_vectors(collection: Collection, records: Sequence[str]) -> dict[str, str]:
        """Return the packed sentence vectors stored for `records`, by record id."""
        if not records:
            return {}
        page = collection.get(ids=list(records), include=["metadatas"])
        return {
            record: packed
            for record, meta in zip(page["ids"], page["metadatas"] or [], strict=True)
            if (packed := _packed(meta)) is not None
        }

    @staticmethod
    def query(collection: Collection, embedding: np.ndarray, n: int) -> list[tuple[str, float]]:
        """Return up to `n` nearest record ids, committed or not, with their cosine similarity.

        Only ids and distances are fetched: readers hold the passages themselves (a Snapshot),
        and fetching documents and metadata too costs 4-5 times the query at 100k records.
        Chroma returns fewer than `n` when it holds fewer (so no `count()`, which costs twice
        the query itself at 100k records).
        """
        result = collection.query(
            query_embeddings=[embedding], n_results=max(1, n), include=["distances"]
        )
        return [
            (record, 1.0 - float(distance))
            for record, distance in zip(
                result["ids"][0], (result["distances"] or [[]])[0], strict=True
            )
        ]
