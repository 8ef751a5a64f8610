"""The newsdesk facade: one object that indexes, answers and describes the coverage.

Every method blocks (model inference, Chroma I/O); async callers use `asyncio.to_thread`.
Readers work on an immutable `Snapshot`; an index run builds the next one and swaps it in
when it is complete, so questions asked during a run are answered from the previous index.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from chromadb.api.models.Collection import Collection

from index.answering import Evidence, compose
from index.dates import date_answer
from index.embedding import Embedder, embedder_for
from index.errors import IndexBusyError, QuestionError
from index.indexing import IndexJob, ProgressFn, stored_articles
from index.lexical import LexicalIndex
from index.models import Answer, Hit, IndexReport, Passage, SourceInfo, Status
from index.retrieval import retrieve
from index.settings import Settings
from index.store import PassageStore, connect

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 1000


@dataclass(frozen=True)
class Snapshot:
    """A complete, immutable view of the index that readers use."""

    collection: Collection | None
    lexical: LexicalIndex
    ids: frozenset[str]

    @classmethod
    def build(cls, collection: Collection | None, passages: tuple[Passage, ...]) -> Snapshot:
        """Index `passages` lexically and remember which ids belong to this view."""
        return cls(collection, LexicalIndex(passages), frozenset(p.id for p in passages))


def check_question(question: str) -> str:
    """Return the question stripped, or raise QuestionError saying what is wrong with it."""
    cleaned = " ".join(question.split())
    if not cleaned:
        raise QuestionError("The question is empty: ask something about the coverage.")
    if len(cleaned) > MAX_QUESTION_CHARS:
        raise QuestionError(
            f"The question is {len(cleaned):,} characters long; please keep it under "
            f"{MAX_QUESTION_CHARS:,}."
        )
    return cleaned


class Newsdesk:
    """Index a corpus folder into Chroma and answer questions about it."""

    def __init__(self, settings: Settings, embedder: Embedder, store: PassageStore) -> None:
        """Wire up open parts; use `Newsdesk.open` to build them from settings."""
        self.settings = settings
        self.embedder = embedder
        self.store = store
        self._lock = threading.Lock()
        self._snapshot = self._load_snapshot()

    @classmethod
    def open(cls, settings: Settings) -> Newsdesk:
        """Load the embedding model and open the store the settings name."""
        store = PassageStore(connect(settings))
        return cls(settings, embedder_for(settings), store)

    def close(self) -> None:
        """Release the store (Chroma clients hold no resources that need closing today)."""

    # -- reading -----------------------------------------------------------------------------

    def _load_snapshot(self) -> Snapshot:
        collection = self.store.active()
        if collection is None:
            return Snapshot.build(None, ())
        _, stored = stored_articles(collection)
        return Snapshot.build(collection, tuple(p for p, _ in stored.values()))

    @property
    def is_empty(self) -> bool:
        """Return True when nothing is indexed yet."""
        return not self._snapshot.ids

    def ask(self, question: str, k: int = 8, mode: str = "hybrid") -> Answer:
        """Answer `question` from the coverage, citing the passages used."""
        started = time.perf_counter()
        question = check_question(question)
        snapshot = self._snapshot
        hits, query_vector = self._search(snapshot, question, max(1, k), mode)
        evidence = Evidence(
            question=question,
            hits=tuple(hits),
            query_vector=query_vector,
            embed=self.embedder,
            document_frequency=snapshot.lexical.document_frequency,
            documents=len(snapshot.ids),
        )
        answer = date_answer(compose(evidence))  # "on Friday" -> "on Friday (16 January 2026)"
        elapsed = (time.perf_counter() - started) * 1000
        return replace(answer, elapsed_ms=elapsed)

    def _search(self, snapshot: Snapshot, question: str, k: int, mode: str) -> tuple[list, object]:
        query_vector = self.embedder.embed_query(question)

        def dense(_: str, n: int) -> list[tuple[Passage, float]]:
            if snapshot.collection is None:
                return []
            # Ask for a margin: passages written by a running index job are not ours yet.
            found = PassageStore.query(snapshot.collection, query_vector, n + 16)
            return [(p, s) for p, s in found if p.id in snapshot.ids][:n]

        hits: list[Hit] = retrieve(question, k, dense, snapshot.lexical.search, mode)
        return hits, query_vector

    def sources(self) -> list[SourceInfo]:
        """Return the indexed articles, newest first when dated, then by title."""
        counts: Counter[str] = Counter()
        first: dict[str, Passage] = {}
        for passage in self._snapshot.lexical.passages:
            counts[passage.source] += 1
            first.setdefault(passage.source, passage)
        infos = [
            SourceInfo(s, first[s].title, counts[s], first[s].published, first[s].url)
            for s in counts
        ]
        infos.sort(key=lambda i: i.title.lower())
        infos.sort(key=lambda i: i.published or "", reverse=True)
        return infos

    def status(self) -> Status:
        """Describe the index: size, model, store, last run."""
        info = self.store.info()
        return Status(
            articles=len({p.source for p in self._snapshot.lexical.passages}),
            passages=len(self._snapshot.ids),
            model=self.embedder.name,
            store=self.settings.store_label,
            last_indexed_at=info.get("indexed_at"),
            last_index_s=info.get("index_s"),
        )

    # -- writing -----------------------------------------------------------------------------

    def index(
        self,
        corpus_dir: Path | None = None,
        full: bool = False,
        progress: ProgressFn | None = None,
    ) -> IndexReport:
        """Bring the index in line with `corpus_dir` (default: the CORPUS_DIR setting)."""
        if not self._lock.acquire(blocking=False):
            raise IndexBusyError("An index run is already in progress; try again when it ends.")
        try:
            job = IndexJob(self.store, self.embedder, progress)
            outcome = job.run(corpus_dir or self.settings.corpus_dir, full=full)
            self._snapshot = Snapshot.build(outcome.collection, outcome.passages)
            PassageStore.delete(outcome.collection, outcome.stale)
            dropped = self.store.drop_inactive()
            if dropped:
                log.info("dropped old generations: %s", ", ".join(dropped))
            return outcome.report
        finally:
            self._lock.release()
