"""One indexing run: read the corpus, work out what changed, embed only that, write, switch.

Incremental runs write into the active generation: new and changed passages are upserted
first, the caller switches readers to the new passage set, and only then are stale passages
deleted, so a question asked meanwhile is answered from the previous complete index. A full
run (`--full`, a first run, or a change of embedding model) fills a new generation and moves
the pointer only when it is complete.
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from chromadb.api.models.Collection import Collection

from index.chunking import chunk_article
from index.embedding import Embedder
from index.ingestion import load_corpus
from index.models import Article, IndexReport, Passage, Progress, Skipped
from index.store import PassageStore

ProgressFn = Callable[[Progress], None]


def article_hash(article: Article, passages: list[Passage]) -> str:
    """Return a hash of everything stored for an article, to tell changed from unchanged."""
    digest = hashlib.sha256()
    for part in (article.title, article.url, article.published, article.outlet):
        digest.update(f"{part or ''}\x1f".encode())
    for passage in passages:
        digest.update(f"{passage.id}:{passage.paragraph}\x1e".encode())
    return digest.hexdigest()[:32]


@dataclass
class Plan:
    """What an incremental run must do to bring the store in line with the corpus."""

    passages: list[Passage] = field(default_factory=list)  # every passage after the run
    hashes: dict[str, str] = field(default_factory=dict)  # article hash by passage id
    write: list[Passage] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # passage ids to delete after the switch
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0


def make_plan(
    articles: list[Article],
    existing: dict[str, tuple[str, set[str]]],
    skipped: list[Skipped],
) -> Plan:
    """Compare the corpus with what is stored (`source -> (article hash, passage ids)`)."""
    plan = Plan()
    kept: set[str] = set()
    for article in articles:
        passages = chunk_article(article)
        digest = article_hash(article, passages)
        kept.add(article.source)
        before = existing.get(article.source)
        if before is None:
            plan.added += 1
        elif before[0] == digest:
            plan.unchanged += 1
        else:
            plan.updated += 1
            plan.stale.extend(before[1] - {p.id for p in passages})
        if before is None or before[0] != digest:
            plan.write.extend(passages)
        plan.passages.extend(passages)
        plan.hashes.update((p.id, digest) for p in passages)
    # A file that could not be read this time keeps its last good version.
    unreadable = {s.source for s in skipped}
    for source, (_, ids) in existing.items():
        if source in kept:
            continue
        if source in unreadable:
            kept.add(source)
            continue
        plan.removed += 1
        plan.stale.extend(ids)
    return plan


def stored_articles(collection: Collection) -> tuple[dict[str, tuple[str, set[str]]], dict]:
    """Return `source -> (article hash, ids)` and every stored passage by id."""
    existing: dict[str, tuple[str, set[str]]] = {}
    ids: dict[str, set[str]] = defaultdict(set)
    passages: dict[str, tuple[Passage, str]] = {}
    for stored in PassageStore.scan(collection):
        ids[stored.passage.source].add(stored.passage.id)
        existing[stored.passage.source] = (stored.article_hash, ids[stored.passage.source])
        passages[stored.passage.id] = (stored.passage, stored.article_hash)
    return existing, passages


@dataclass(frozen=True)
class Outcome:
    """A finished run: its report, the collection now active, and its passages."""

    report: IndexReport
    collection: Collection
    passages: tuple[Passage, ...]
    stale: tuple[str, ...]


class IndexJob:
    """Bring the store in line with a corpus folder; see the module docstring."""

    def __init__(
        self,
        store: PassageStore,
        embedder: Embedder,
        progress: ProgressFn | None = None,
    ) -> None:
        """Prepare a job; `progress` receives snapshots while it runs."""
        self.store = store
        self.embedder = embedder
        self.progress = progress or (lambda _: None)
        self.started = time.perf_counter()
        self._counts: dict[str, int] = {}

    def run(self, corpus_dir: Path, full: bool = False) -> Outcome:
        """Index `corpus_dir`; return the outcome (stale ids are left for the caller)."""
        self._tell("reading")
        articles, skipped = load_corpus(corpus_dir)
        self._tell("reading", documents_read=len(articles), documents_total=len(articles))
        active = self.store.active()
        model_changed = self.store.info().get("model") not in (None, self.embedder.name)
        rebuild = full or active is None or model_changed
        if rebuild:
            existing, stored = {}, {}
            target = self.store.new_generation()
        else:
            existing, stored = stored_articles(active)
            target = active
        plan = make_plan(articles, existing, skipped)
        embedded = self._write(target, plan, stored)
        elapsed = time.perf_counter() - self.started
        info = {
            "model": self.embedder.name,
            "indexed_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "index_s": round(elapsed, 3),
        }
        self.store.activate(target, **info)
        report = IndexReport(
            added=plan.added,
            updated=plan.updated,
            unchanged=plan.unchanged,
            removed=plan.removed,
            skipped=tuple(skipped),
            articles=len({p.source for p in plan.passages}),
            passages=len(plan.passages),
            embedded=embedded,
            elapsed_s=elapsed,
        )
        self._tell("done", passages_embedded=embedded, passages_total=len(plan.write))
        return Outcome(report, target, tuple(plan.passages), tuple(plan.stale))

    def _write(self, target: Collection, plan: Plan, stored: dict) -> int:
        """Embed what is new (reusing stored vectors for known text) and upsert it."""
        if not plan.write:
            return 0
        reuse = PassageStore.embeddings(target, [p.id for p in plan.write if p.id in stored])
        fresh = [p for p in plan.write if p.id not in reuse]
        total = len(fresh)
        self._tell("embedding", passages_total=total)

        def on_batch(done: int) -> None:
            self._tell("embedding", passages_embedded=done, passages_total=total)

        vectors = self.embedder.encode([p.text for p in fresh], on_batch=on_batch)
        by_id = dict(reuse)
        by_id.update((p.id, v) for p, v in zip(fresh, vectors, strict=True))
        self._tell("writing", passages_embedded=total, passages_total=total)
        PassageStore.write(
            target,
            plan.write,
            np.vstack([by_id[p.id] for p in plan.write]),
            [plan.hashes[p.id] for p in plan.write],
        )
        return total

    def _tell(self, stage: str, **counts: int) -> None:
        """Report progress; counts from earlier stages carry over."""
        self._counts.update(counts)
        self.progress(
            Progress(stage=stage, elapsed_s=time.perf_counter() - self.started, **self._counts)
        )
