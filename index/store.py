"""The passage store: Chroma, embedded (`PersistentClient`) or a server (`HttpClient`).

Passages live in a generation collection (`newsdesk-passages-<stamp>`). A small pointer
collection (`newsdesk-meta`) names the active generation in its metadata, with the model and
the last index time. A full rebuild fills a new generation and moves the pointer only when it
is complete, so a crash never leaves the bot without its last complete index.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.config import Settings as ChromaSettings

from index.errors import StoreUnavailableError
from index.models import Passage
from index.settings import Settings

log = logging.getLogger(__name__)

META = "newsdesk-meta"
PREFIX = "newsdesk-passages-"
PAGE = 2000
_OPTIONAL = ("url", "published", "outlet")


@dataclass(frozen=True)
class StoredPassage:
    """A passage as stored, with the hash of the article version it came from."""

    passage: Passage
    article_hash: str


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
            raise StoreUnavailableError(
                f"the Chroma server at {where} cannot be reached ({type(exc).__name__})"
            ) from None
        return client
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


def _to_metadata(passage: Passage, article_hash: str) -> dict[str, Any]:
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
    return meta


def _from_record(pid: str, text: str, meta: dict[str, Any]) -> Passage:
    return Passage(
        id=pid,
        source=str(meta["source"]),
        title=str(meta.get("title", "")),
        paragraph=int(meta.get("paragraph", 0)),
        text=text,
        **{key: meta.get(key) for key in _OPTIONAL},
    )


class PassageStore:
    """Passages and their embeddings in Chroma, behind a generation pointer."""

    def __init__(self, client: ClientAPI) -> None:
        """Wrap an open Chroma client."""
        self.client = client
        self._meta = client.get_or_create_collection(META, embedding_function=None)

    # -- the pointer -------------------------------------------------------------------------

    def info(self) -> dict[str, Any]:
        """Return the pointer's metadata (active generation, model, last index time)."""
        self._meta = self.client.get_collection(META, embedding_function=None)
        return dict(self._meta.metadata or {})

    def active(self) -> Collection | None:
        """Return the active generation, or None before the first index."""
        name = self.info().get("active")
        if not name:
            return None
        return self.client.get_collection(name, embedding_function=None)

    def activate(self, collection: Collection, **info: Any) -> None:
        """Point at `collection` and record `info` (model, indexed_at, index_s)."""
        merged = {**self.info(), **{k: v for k, v in info.items() if v is not None}}
        merged["active"] = collection.name
        self._meta.modify(metadata=merged)

    def new_generation(self) -> Collection:
        """Create an empty generation collection (cosine space, no embedding function)."""
        name = f"{PREFIX}{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 1_000_000:06d}"
        return self.client.create_collection(
            name,
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

    # -- passages ------------------------------------------------------------------------------

    @staticmethod
    def write(
        collection: Collection,
        passages: Sequence[Passage],
        embeddings: np.ndarray,
        article_hashes: Sequence[str],
    ) -> None:
        """Upsert passages with their embeddings."""
        for start in range(0, len(passages), PAGE):
            chunk = slice(start, start + PAGE)
            collection.upsert(
                ids=[p.id for p in passages[chunk]],
                embeddings=embeddings[chunk],
                documents=[p.text for p in passages[chunk]],
                metadatas=[
                    _to_metadata(p, h)
                    for p, h in zip(passages[chunk], article_hashes[chunk], strict=True)
                ],
            )

    @staticmethod
    def delete(collection: Collection, ids: Sequence[str]) -> None:
        """Delete passages by id."""
        for start in range(0, len(ids), PAGE):
            collection.delete(ids=list(ids[start : start + PAGE]))

    @staticmethod
    def scan(collection: Collection) -> Iterator[StoredPassage]:
        """Yield every stored passage, page by page."""
        offset = 0
        while True:
            page = collection.get(
                include=["documents", "metadatas"], limit=PAGE, offset=offset
            )
            for pid, text, meta in zip(
                page["ids"], page["documents"] or [], page["metadatas"] or [], strict=True
            ):
                yield StoredPassage(_from_record(pid, text or "", dict(meta)), str(meta["article"]))
            if len(page["ids"]) < PAGE:
                return
            offset += PAGE

    @staticmethod
    def embeddings(collection: Collection, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """Return stored embeddings for `ids` (those that exist)."""
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(ids), PAGE):
            page = collection.get(ids=list(ids[start : start + PAGE]), include=["embeddings"])
            for pid, vector in zip(page["ids"], page["embeddings"], strict=True):
                found[pid] = np.asarray(vector, dtype=np.float32)
        return found

    @staticmethod
    def query(
        collection: Collection, embedding: np.ndarray, n: int
    ) -> list[tuple[Passage, float]]:
        """Return up to `n` nearest passages with their cosine similarity."""
        count = collection.count()
        if count == 0:
            return []
        result = collection.query(
            query_embeddings=[embedding],
            n_results=min(n, count),
            include=["documents", "metadatas", "distances"],
        )
        return [
            (_from_record(pid, text or "", dict(meta)), 1.0 - float(distance))
            for pid, text, meta, distance in zip(
                result["ids"][0],
                (result["documents"] or [[]])[0],
                (result["metadatas"] or [[]])[0],
                (result["distances"] or [[]])[0],
                strict=True,
            )
        ]
