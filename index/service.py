"""The newsdesk facade: one object that indexes, answers, adds and describes the coverage.

Every method blocks (model inference, Chroma I/O); async callers use `asyncio.to_thread`. The
exceptions are the coroutines that add coverage (`AddsCoverage`: articles by URL, feeds), which
fetch over HTTP and need neither the model nor the store until they index what they saved.
The embedding model loads on first use (a search, an answer, an index run): listing the
sources or describing the index never waits for it.
Readers work on an immutable `Snapshot` of the last committed index (`index.store.snapshot`);
an index run builds the next one and swaps it in when it is complete, so questions asked during
a run are answered from the previous index. A run holds the index lock (`index.store.locking`),
so one runs at a time across processes. If another process's full rebuild drops the generation
a snapshot reads, the snapshot is reloaded from the store. A Chroma server that stops answering
raises StoreUnavailableError (naming host and port) from every method; the next call after it
is back works again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import aiohttp
import numpy as np
from chromadb.errors import NotFoundError

from index.caching import BatchCache
from index.corpus.adding import AddReport, add_urls
from index.corpus.dates import date_answer
from index.corpus.feeds import Feed, PollReport, follow, poll, read_feeds
from index.corpus.fetching import AddressPolicy, Fetcher, FetchLimits, open_session
from index.corpus.sentences import split_sentences
from index.errors import IndexBusyError, QuestionError
from index.feedback import Recorder, Voted, open_log
from index.gaps import Gap, group
from index.models import EMPTY_INDEX, Answer, Hit, IndexReport, Passage, SourceInfo, Status
from index.settings import Settings
from index.store.chroma import PassageStore, connect
from index.store.embedding import Embedder
from index.store.embedding_backends import embedder_for, embedder_name
from index.store.finding import PASSAGES as SEARCH_PASSAGES
from index.store.finding import Found, find_articles
from index.store.indexing import IndexJob, ProgressFn
from index.store.locking import IndexLock, lock_path
from index.store.provenance import settings_differ
from index.store.retrieval import retrieve
from index.store.snapshot import Snapshot

if TYPE_CHECKING:  # the answerer (spaCy, the reader) is imported only by the paths that answer
    from index.answer import Analysis, Evidence
    from index.answer.decision import DecisionModel
    from index.answer.followups import Turn
    from index.answer.lexicon import Lexicon
    from index.answer.parsing import Parser
    from index.answer.reading import BaseReader

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 1000
# sentences encoded at question time (their passage was indexed without stored vectors)
SENTENCE_VECTORS: BatchCache[tuple[str, str], np.ndarray] = BatchCache(20_000)
# declined questions' vectors, for `gaps` (a second `gaps` encodes only the new wordings)
QUESTION_VECTORS: BatchCache[tuple[str, str], np.ndarray] = BatchCache(50_000)
T = TypeVar("T")


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


def empty_index_text(corpus_dir: Path) -> str:
    """Say that nothing is indexed, and how to index something."""
    return (
        f"{EMPTY_INDEX} Put articles (.txt, .md, .html or .jsonl files) in the corpus folder "
        f"{corpus_dir.resolve()} (CORPUS_DIR) and run `newsdesk index`, or add one by URL with "
        "`newsdesk add URL`."
    )


def reader_for(settings: Settings, name: str | None = None) -> BaseReader:
    """Return the named extractive reader (default: the shipped one) on the embedder's runtime.

    Each is loaded once per process.
    """
    from index.answer.reading import DEFAULT_READER
    from index.answer.reading_backends import load_reader

    return load_reader(name or DEFAULT_READER, settings.embedding_backend, settings.onnx_dir,
                       settings.answer_precision)


def lexicon_for(settings: Settings, embedder: Embedder) -> Lexicon:
    """Return word similarities under `embedder`, in ANSWER_PRECISION when it runs on torch."""
    from index.answer.lexicon import Lexicon
    from index.store.words import WordVectors

    precision = "float32"
    if getattr(embedder, "backend", "") == "torch":
        from index.answer.precision import resolve_precision

        precision = resolve_precision(settings.answer_precision)
    return Lexicon(embedder, precision, WordVectors(settings.words_path))


def warm_up(settings: Settings, embedder: Embedder | None = None) -> None:
    """Load the reader (on the settings' backend) and spaCy now, not at the first question.

    With the embedder, its copy for word similarities is made now too (in bfloat16).
    """
    from index.answer.nlp import get_nlp

    started = time.perf_counter()
    reader = reader_for(settings)
    get_nlp()
    if embedder is not None:
        lexicon_for(settings, embedder)
    precision = getattr(reader, "precision", "")
    log.info("the answerer is ready (reader %s%s) after %.1f s", reader.name,
             f", {precision}" if precision else "", time.perf_counter() - started)


class AddsCoverage:
    """Add articles by URL and follow feeds: saved into the corpus folder, then indexed.

    For a desk with `settings` and `index()`. Nothing here loads the model or reaches the
    store: `index()` runs once, after something new was saved. Fetches connect only where
    ALLOW_PRIVATE_URLS allows, within the FETCH_* limits. Each coroutine fetches through
    `session` (one from `fetch_session`, shared by many calls) or a session of its own.
    """

    settings: Settings
    index: Callable[[], IndexReport]  # the desk's own: brings the index in line with the corpus

    def fetch_session(self) -> aiohttp.ClientSession:
        """Open an HTTP session that connects only to the addresses ALLOW_PRIVATE_URLS allows."""
        return open_session(AddressPolicy.from_settings(self.settings))

    async def add_urls(
        self, urls: Iterable[str], session: aiohttp.ClientSession | None = None
    ) -> AddReport:
        """Save the article of each URL into the corpus, then index once if any is new."""
        async with self._fetcher(session) as fetcher:
            return await add_urls(fetcher, urls, self.settings.corpus_dir, self.index)

    async def follow(
        self, url: str, session: aiohttp.ClientSession | None = None
    ) -> tuple[Feed, bool]:
        """Follow the feed at `url` after reading it once; return (feed, whether it is new).

        Raises:
            IngestError: the URL is refused, cannot be fetched, or is not a feed.

        """
        async with self._fetcher(session) as fetcher:
            return await follow(fetcher, url, self.settings.corpus_dir)

    async def poll(self, session: aiohttp.ClientSession | None = None) -> PollReport:
        """Add the new items of every followed feed, then index once if any was added."""
        async with self._fetcher(session) as fetcher:
            return await poll(fetcher, self.settings.corpus_dir, self.index)

    def feeds(self) -> tuple[list[Feed], str | None]:
        """Return the followed feeds, and why their list cannot be read (None when it can)."""
        return read_feeds(self.settings.corpus_dir)

    @contextlib.asynccontextmanager
    async def _fetcher(self, session: aiohttp.ClientSession | None) -> AsyncIterator[Fetcher]:
        """Yield a fetcher within the settings' limits, over `session` or a new one."""
        policy = AddressPolicy.from_settings(self.settings)
        limits = FetchLimits.from_settings(self.settings)
        if session is not None:
            yield Fetcher(session, policy, limits)
            return
        async with open_session(policy) as opened:
            yield Fetcher(opened, policy, limits)


class Newsdesk(AddsCoverage):
    """Index a corpus folder into Chroma, answer questions about it and add to it."""

    def __init__(
        self, settings: Settings, embedder: Embedder | None, store: PassageStore
    ) -> None:
        """Wire up open parts (no embedder: the settings' loads on first use); see `open`."""
        self.settings = settings
        self.store = store
        self._embedder = embedder
        self._loading = threading.Lock()
        self._lock = threading.Lock()
        self._snapshot = self._load_snapshot()
        self._build_checked = False  # whether the settings were compared with the index's build
        self.decision: DecisionModel | None = None  # None: the shipped decision model
        self.reader: str | None = None  # a reader in index/answer/readers/; None: the shipped one
        self.recorder = Recorder(settings.feedback_path, settings.record_questions)

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder | None = None) -> Newsdesk:
        """Open the store the settings name; their embedding model loads on first use."""
        return cls(settings, embedder, PassageStore(connect(settings)))

    @property
    def embedder(self) -> Embedder:
        """Return the embedding model, loading the one the settings name on first use."""
        if self._embedder is None:
            with self._loading:
                if self._embedder is None:
                    self._embedder = embedder_for(self.settings)
        return self._embedder

    def close(self) -> None:
        """Release the store (Chroma clients hold no resources that need closing today)."""

    # -- reading -----------------------------------------------------------------------------

    def _load_snapshot(self) -> Snapshot:
        with self.store.reachable():
            return Snapshot.load(self.store)

    def _read(self, use: Callable[[Snapshot], T]) -> tuple[Snapshot, T]:
        """Run `use` on the current snapshot, reloading it once if its generation is gone."""
        with self.store.reachable():
            snapshot = self._snapshot
            try:
                return snapshot, use(snapshot)
            except NotFoundError:
                if snapshot.collection is None:
                    raise
                log.info("the index was rebuilt by another process; reloading it")
                self._snapshot = snapshot = Snapshot.load(self.store)
                return snapshot, use(snapshot)

    @property
    def is_empty(self) -> bool:
        """Return True when nothing is indexed yet."""
        return not self._snapshot.ids

    def ask(self, question: str, k: int | None = None, mode: str = "hybrid",
            previous: Turn | None = None) -> Answer:
        """Answer `question` from the coverage, citing the passages used.

        `k` is how many passages are read (default: `AnswerConfig.passages`). A follow-up
        ("and canola?") is read against `previous`, the turn before it; the question actually
        answered is the answer's `answered_question`.
        """
        from index.answer import answer
        from index.answer.questions import names_something

        asked = check_question(question)
        if self.is_empty:
            return Answer(asked, answered=False, error=empty_index_text(self.settings.corpus_dir))
        started = time.perf_counter()
        resolved = self.follow_up(asked, previous)
        if not names_something(resolved):
            raise QuestionError("The question names nothing to look for: ask about a person, a "
                                'place, a figure or an event in the coverage ("how many EVs?").')
        analysis, evidence = self.evidence(resolved, k, mode)
        parser = self.parser()
        found = answer(analysis, evidence, reader_for(self.settings, self.reader),
                       model=self.decision, lexicon=self.lexicon(), parser=parser)
        found = self._corroborated(found, analysis, evidence, parser)
        elapsed = (time.perf_counter() - started) * 1000
        return replace(date_answer(found), question=asked,  # relative dates resolved
                       answered_question=resolved if resolved != asked else "",
                       elapsed_ms=elapsed)

    def _corroborated(self, found: Answer, analysis: Analysis, evidence: Evidence,
                      parser: Parser) -> Answer:
        """Return the answer citing the outlets not read that state its value.

        In the passages retrieved, whose sentences the reader may not have read, and in those
        a lexical search finds: the value's words beside the question's
        (`index.answer.corroboration`).
        """
        from index.answer import CONFIG
        from index.answer.corroboration import corroborate, query

        wanted = query(found, analysis)
        if not wanted:
            return found
        read = {hit.passage.id for hit in evidence.hits}
        found_by = self._snapshot.lexical.search(wanted, len(read) + CONFIG.corroborating)
        passages = [hit.passage for hit in evidence.hits]
        passages += [p for p, _ in found_by if p.id not in read][:CONFIG.corroborating]
        return corroborate(found, analysis, passages, parser, CONFIG.corroborating_coverage,
                           CONFIG.conflict_missing, CONFIG.cited)

    def lexicon(self) -> Lexicon:
        """Return word similarities under the embedding model, in ANSWER_PRECISION on torch."""
        return lexicon_for(self.settings, self.embedder)

    def parser(self) -> Parser:
        """Return the sentence parser, looking up the parses the indexer kept."""
        from index.answer.parsing import Parser
        from index.store.parses import Parses

        return Parser(Parses(self.settings.parses_path))

    def follow_up(self, question: str, previous: Turn | None) -> str:
        """Return the question to answer for `question` asked after `previous`.

        A complete question is answered as asked; an incomplete one is rewritten with the
        previous question and its answer (answered first if not given).
        """
        from index.answer.followups import needs_context, resolve

        if previous is None:
            return question
        if not needs_context(question):
            return resolve(question, None)  # without an opening "and"
        if previous.answer is None:
            said = self.ask(previous.question)
            previous = replace(previous, question=said.answered_question or said.question,
                               answer=said.value)
        return resolve(question, previous, self.lexicon())

    def record(self, answer: Answer, user: int | str, guild: int | None = None,
               channel: int | None = None) -> int | None:
        """Record a question asked and its answer (`index.feedback`), unless turned off."""
        return self.recorder.record(answer, user, guild, channel)

    def gaps(self, since: dt.datetime) -> tuple[list[Gap], list[Voted]]:
        """Return the questions declined since `since`, grouped, and the answers voted down."""
        path = self.settings.feedback_path
        feedback = open_log(path) if path.is_file() else None
        if feedback is None:
            return [], []
        try:
            declined = feedback.declined(since)
            if not declined:
                return [], feedback.downvoted(since)
            name = self.embedder.name
            vectors = np.vstack(QUESTION_VECTORS.get(
                [(name, a.question) for a in declined],
                lambda keys: self.embedder.encode([q for _, q in keys])))
            return group(declined, vectors), feedback.downvoted(since)
        finally:
            feedback.close()

    def evidence(self, question: str, k: int | None = None,
                 mode: str = "hybrid") -> tuple[Analysis, Evidence]:
        """Analyse `question` and retrieve what the answerer reads for it."""
        from index.answer import CONFIG, Evidence, analyse
        from index.answer.sentences import spread

        question = check_question(question)
        self._check_build()
        config = CONFIG if k is None else replace(CONFIG, passages=max(1, k))
        analysis = analyse(question, self._snapshot.lexical)
        # the question and the words that say what type of answer it wants, in one pass
        query_vector, cue_vector = self.embedder.encode(
            [analysis.query, analysis.cue])
        snapshot, (hits, _) = self._read(  # twice as many, for `spread` to choose
            lambda s: self._search(s, analysis.query, 2 * config.passages, mode, query_vector))
        hits = spread(tuple(hits), config)
        vectors = self._sentence_vectors(snapshot, [h.passage for h in hits])
        return analysis, Evidence(hits, query_vector, vectors, cue_vector, self.embedder.name)

    def _sentence_vectors(self, snapshot: Snapshot,
                          passages: list[Passage]) -> dict[str, np.ndarray]:
        """Return each passage's sentence vectors: stored at index time, else encoded."""
        found = snapshot.sentence_vectors(passages, self.embedder.dimension)
        for passage in passages:
            sentences = split_sentences(passage.text)
            stored = found.get(passage.id)
            if stored is None or len(stored) != len(sentences) or np.isnan(stored).any():
                name = self.embedder.name
                found[passage.id] = np.vstack(SENTENCE_VECTORS.get(
                    [(name, s) for s in sentences],
                    lambda keys: self.embedder.encode([s for _, s in keys])))
        return found

    def search(self, question: str, k: int = 8, mode: str = "hybrid") -> list[Hit]:
        """Return the passages `ask` would read for `question`, best first."""
        question = check_question(question)
        self._check_build()
        return self._hits(question, k, mode)

    def _check_build(self) -> None:
        """Warn once if the settings name another corpus or model than the index was built with."""
        if self._build_checked:
            return
        with self.store.reachable():
            warning = settings_differ(self.store.info(), self.settings)
        self._build_checked = True
        if warning is not None:
            log.warning("%s", warning)

    def _hits(self, query: str, k: int, mode: str) -> list[Hit]:
        """Return the best `k` passages for a checked query (or one the answerer built)."""
        _, (hits, _) = self._read(lambda s: self._search(s, query, max(1, k), mode))
        return hits

    def _search(self, snapshot: Snapshot, question: str, k: int, mode: str,
                query_vector: np.ndarray | None = None) -> tuple[list, object]:
        if query_vector is None:
            query_vector = self.embedder.embed_query(question)

        def dense(_: str, n: int) -> list[tuple[Passage, float]]:
            return snapshot.nearest(query_vector, n)

        hits: list[Hit] = retrieve(question, k, dense, snapshot.lexical.search, mode)
        return hits, query_vector

    def find(self, query: str, since: dt.datetime | None = None, outlet: str | None = None,
             sort: str = "relevance") -> list[Found]:
        """Return the articles matching `query`, each with its best passage (`store.finding`)."""
        query = check_question(query)
        self._check_build()
        return find_articles(self._hits(query, SEARCH_PASSAGES, "hybrid"), since, outlet, sort)

    def sources(self) -> list[SourceInfo]:
        """Return the indexed articles, newest first when dated, then by title."""
        self.store.check()
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
        """Describe the index: size, model, store, last run (without loading the model)."""
        with self.store.reachable():
            info = self.store.info()
        settings = self.settings
        return Status(
            articles=len({p.source for p in self._snapshot.lexical.passages}),
            passages=len(self._snapshot.ids),
            model=info.get("model")
            or embedder_name(settings.embedding_model, settings.embedding_backend),
            store=settings.store_label,
            last_indexed_at=info.get("indexed_at"),
            last_index_s=info.get("index_s"),
            corpus=info.get("corpus"),
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
            with IndexLock(lock_path(self.settings)), self.store.reachable():
                job = IndexJob(self.store, self.embedder, progress)
                outcome = job.run(corpus_dir or self.settings.corpus_dir, full=full)
                if outcome.committed.run != self._snapshot.committed.run:  # else: no change
                    self._snapshot = Snapshot.build(outcome.committed, outcome.passages)
                job.clean_up(outcome)
                self._keep(outcome.passages, job.tell)
                return outcome.report
        finally:
            self._lock.release()

    def _keep(self, passages: Sequence[Passage], tell: Callable[..., None]) -> None:
        """Embed the words and parse the sentences (KEEP_PARSES) of passages not read before.

        The index is committed already: a store that cannot be written costs answering time,
        not the index. `tell` reports progress (`IndexJob.tell`).
        """
        texts = [p.text for p in passages]
        _kept(self.lexicon().keep, texts, "words", "embed",
              lambda done, total: tell("words", words_embedded=done, words_total=total))
        if self.settings.keep_parses:
            _kept(self.parser().keep, texts, "sentences", "parse",
                  lambda done, total: tell("parsing", sentences_parsed=done,
                                           sentences_total=total))


def _kept(keep: Callable[..., int], texts: list[str], what: str, verb: str,
          progress: Callable[[int, int], None]) -> None:
    """Keep what answering needs of `texts` (`keep` returns how many were new); log it."""
    started = time.perf_counter()
    try:
        new = keep(texts, progress=progress)
    except Exception as exc:  # the store, the model or spaCy failed: the index stands
        log.warning("the %s of the coverage were not kept (%s: %s); questions will %s them "
                    "as they need them", what, type(exc).__name__, exc, verb)
        return
    if new:
        log.info("kept %d new %s in %.1f s", new, what, time.perf_counter() - started)


class UnopenedDesk(AddsCoverage):
    """Adds coverage with no desk open: a `Newsdesk` opens (model, store) only to index.

    For the commands that add and stop (`newsdesk add`, `follow`, `poll`): following a feed,
    or adding what the corpus already holds, neither loads the model nor reaches the store.
    """

    def __init__(self, settings: Settings) -> None:
        """Args: settings: the corpus folder, the fetch limits, and the desk to open."""
        self.settings = settings

    def index(self) -> IndexReport:
        """Open a desk and bring its index in line with the corpus folder."""
        return Newsdesk.open(self.settings).index()
