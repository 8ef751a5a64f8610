"""One indexing run: read the corpus, work out what changed, embed only that, write, commit.

The store's layout, and what a commit is, are described in `index.store.chroma`. A run holds the
index lock (`index.store.locking`) and:

1. drops every generation but the active one (a killed full run leaves its half-filled one);
2. reads the corpus and works out the new manifest, `source -> article hash`; an article that
   cannot be read this time keeps its committed version;
3. writes the records the new manifest needs and the store lacks, in small steps: into the
   active generation for an incremental run, into a new one for a full run (`--full`, a first
   run, or a change of embedding model). A vector is reused from any stored record with the
   same passage id (same source and text, so the same vector): an unchanged paragraph of an
   edited article, or a record a killed run already wrote, is not embedded again. A full run
   embeds everything;
4. commits with one metadata write, which also records the corpus folder, the embedding model
   and its backend (`index.store.provenance`); readers may switch to the new passage set then;
5. in `clean_up`, deletes what the commit left behind: old versions of edited or deleted
   articles, leftovers of a killed run, and the previous generation.

Killed before 4, a run leaves the committed index as it was, plus records no reader looks at;
killed during 5, it leaves records no reader looks at. The next run removes them either way.
On an unchanged corpus a run writes no records and only updates the pointer's metadata.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from chromadb.api.models.Collection import Collection

from index.corpus.chunking import chunk_article
from index.corpus.files import load_corpus
from index.models import Article, IndexReport, Passage, Progress, Skipped
from index.store.chroma import (
    Committed,
    Manifest,
    PassageStore,
    StoredPassage,
    Vectors,
    new_run_id,
    record_id,
)
from index.store.embedding import Embedder
from index.store.provenance import built_with, corpus_change
from index.store.vectors import pack

log = logging.getLogger(__name__)

ProgressFn = Callable[[Progress], None]
STEP = 64  # passages embedded and written per step; progress is reported after each


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
    """What the index holds after a run, and how that differs from before."""

    passages: list[tuple[Passage, str]] = field(default_factory=list)  # with article hash
    manifest: dict[str, str] = field(default_factory=dict)  # source -> article hash
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0


def make_plan(
    articles: list[Article],
    before: Manifest,
    skipped: list[Skipped],
    committed: Sequence[StoredPassage] = (),
) -> Plan:
    """Compare the corpus with the committed manifest `before` (whose passages are `committed`)."""
    plan = Plan()
    for article in articles:
        passages = chunk_article(article)
        digest = article_hash(article, passages)
        old = before.get(article.source)
        if old is None:
            plan.added += 1
        elif old == digest:
            plan.unchanged += 1
        else:
            plan.updated += 1
        plan.manifest[article.source] = digest
        plan.passages.extend((p, digest) for p in passages)
    # A file that could not be read this time keeps its last good version.
    unreadable = {s.source for s in skipped} - plan.manifest.keys()
    for source, digest in before.items():
        if source in unreadable:
            plan.manifest[source] = digest
        elif source not in plan.manifest:
            plan.removed += 1
    plan.passages.extend(
        (s.passage, s.article_hash)
        for s in committed
        if s.passage.source in unreadable and plan.manifest.get(s.passage.source) == s.article_hash
    )
    return plan


@dataclass(frozen=True)
class Outcome:
    """A committed run: its report, what readers now see, and the records left to delete."""

    report: IndexReport
    committed: Committed
    passages: tuple[Passage, ...]
    stale: tuple[str, ...]  # record ids in the committed collection that are not committed


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
        """Index `corpus_dir` and commit; leave the clean-up to `clean_up`."""
        self.tell("reading")
        articles, skipped = load_corpus(corpus_dir)
        self.tell("reading", documents_read=len(articles), documents_total=len(articles))
        dropped = self.store.drop_inactive()
        if dropped:
            log.info("dropped generations of an unfinished run: %s", ", ".join(dropped))
        committed = self.store.committed()
        info = self.store.info()
        model_changed = info.get("model") not in (None, self.embedder.name)
        rebuild = full or model_changed
        stored = list(PassageStore.scan(committed.collection)) if committed.collection else []
        before = committed.manifest
        if before is None:  # a store from before manifests: every record counts
            before = {s.passage.source: s.article_hash for s in stored}
        plan = make_plan(articles, before, skipped, [s for s in stored if committed.holds(s)])
        target = None if rebuild else committed.collection
        existing = {s.record: s for s in stored} if target is not None else {}
        if target is None:
            target = self.store.new_generation()
        embedded = self._write(target, plan.passages, existing)
        run = self._commit(target, committed, plan, fresh=rebuild, corpus_dir=corpus_dir)
        self.tell("done", passages_embedded=embedded)
        wanted = {record_id(p.id, h) for p, h in plan.passages}
        return Outcome(
            report=self._report(plan, skipped, embedded, full=rebuild,
                                corpus=(corpus_dir, corpus_change(info, corpus_dir))),
            committed=Committed(target, dict(plan.manifest), run),
            passages=tuple(p for p, _ in plan.passages),
            stale=tuple(r for r in existing if r not in wanted),
        )

    def _commit(
        self, target: Collection, committed: Committed, plan: Plan, fresh: bool, corpus_dir: Path
    ) -> str:
        """Commit `plan` into `target` unless nothing changed; return the committed run id."""
        info = {
            **built_with(corpus_dir, self.embedder),
            "indexed_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "index_s": round(time.perf_counter() - self.started, 3),
        }
        if not fresh and target is committed.collection and committed.manifest == plan.manifest:
            self.store.point(target, **info)  # the same passages: only the index time changes
            return committed.run or ""
        run = new_run_id()
        self.store.commit(target, plan.manifest, run, **info)
        return run

    def clean_up(self, outcome: Outcome) -> None:
        """Delete the records and generations a committed run left behind."""
        collection = outcome.committed.collection
        if collection is not None and outcome.stale:
            PassageStore.delete(collection, outcome.stale)
            log.info("deleted %d records no longer in the index", len(outcome.stale))
        dropped = self.store.drop_inactive()
        if dropped:
            log.info("dropped old generations: %s", ", ".join(dropped))

    def _write(
        self,
        target: Collection,
        passages: list[tuple[Passage, str]],
        existing: Mapping[str, StoredPassage],
    ) -> int:
        """Write the passage versions `target` lacks; return how many were embedded."""
        todo = [(p, h) for p, h in passages if record_id(p.id, h) not in existing]
        todo.sort(key=lambda item: len(item[0].text))  # similar lengths share a batch: less padding
        donors = {s.passage.id: s.record for s in existing.values()}
        found = PassageStore.vectors(target, [donors[p.id] for p, _ in todo if p.id in donors])
        reuse = {record.partition(":")[0]: vectors for record, vectors in found.items()}
        total = sum(p.id not in reuse for p, _ in todo)
        self.tell("embedding", passages_embedded=0, passages_total=total)
        done = 0
        for start in range(0, len(todo), STEP):
            step = todo[start : start + STEP]
            fresh = [p for p, _ in step if p.id not in reuse]
            made = dict(zip((p.id for p in fresh), self._embed([p.text for p in fresh]),
                            strict=True))
            PassageStore.write(
                target,
                [p for p, _ in step],
                [reuse[p.id] if p.id in reuse else made[p.id] for p, _ in step],
                [h for _, h in step],
            )
            done += len(fresh)
            self.tell("embedding", passages_embedded=done, passages_total=total)
        return total

    def _embed(self, texts: list[str]) -> list[Vectors]:
        """Embed passages, with their sentences when the embedder can pool them (see `_write`)."""
        if not texts:
            return []
        pooled = getattr(self.embedder, "encode_with_sentences", None)
        if pooled is None:  # an embedder that offers passage vectors only
            return [Vectors(v) for v in self.embedder.encode(texts)]
        vectors, sentences = pooled(texts)
        return [Vectors(v, None if s is None else pack(s))
                for v, s in zip(vectors, sentences, strict=True)]

    def _report(
        self,
        plan: Plan,
        skipped: list[Skipped],
        embedded: int,
        full: bool,
        corpus: tuple[Path, str | None],
    ) -> IndexReport:
        """Say what the run did; a full rebuild re-embedded what it would leave unchanged.

        `corpus` is the folder indexed and the other one the index was built from before, if any.
        """
        return IndexReport(
            added=plan.added,
            updated=plan.updated,
            unchanged=0 if full else plan.unchanged,
            removed=plan.removed,
            skipped=tuple(skipped),
            articles=len(plan.manifest),
            passages=len(plan.passages),
            embedded=embedded,
            elapsed_s=time.perf_counter() - self.started,
            reembedded=plan.unchanged if full else 0,
            full=full,
            corpus=str(corpus[0].resolve()),
            corpus_changed_from=corpus[1],
        )

    def tell(self, stage: str, **counts: int) -> None:
        """Report progress; counts from earlier stages carry over."""
        self._counts.update(counts)
        self.progress(
            Progress(stage=stage, elapsed_s=time.perf_counter() - self.started, **self._counts)
        )
