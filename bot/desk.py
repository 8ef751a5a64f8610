"""The desk the bot talks to, and one that survives its vector store going away.

`newsdesk run` must keep answering in Discord when the Chroma server is down, at start-up
or later. `ReconnectingDesk` loads the model once, opens the store when it can, and tries
again on the next use after a failure; every call made while the store is unreachable raises
`StoreUnavailableError`, which the cogs turn into a short "the index is unavailable" reply.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

import aiohttp

from index.corpus.adding import AddReport
from index.corpus.feeds import Feed, PollReport
from index.errors import StoreUnavailableError
from index.feedback import Recorder, Voted
from index.gaps import Gap
from index.models import Answer, IndexReport, Progress, SourceInfo, Status
from index.service import AddsCoverage, Newsdesk, warm_up
from index.settings import Settings
from index.store.embedding import Embedder
from index.store.embedding_backends import embedder_for
from index.store.finding import Found

if TYPE_CHECKING:
    from index.answer.followups import Turn

log = logging.getLogger(__name__)
T = TypeVar("T")


class Desk(Protocol):
    """What the bot needs from `index.service.Newsdesk` (blocking but for the adding coroutines)."""

    recorder: Recorder  # the questions asked, their answers and the votes on them

    def ask(self, question: str, k: int | None = None, previous: Turn | None = None) -> Answer:
        """Answer a question from the coverage (a follow-up of `previous`, if given)."""

    def record(self, answer: Answer, user: int, guild: int | None,
               channel: int | None) -> int | None:
        """Record a question asked and its answer (when RECORD_QUESTIONS is on); its id."""

    def index(
        self,
        corpus_dir: Path | None = None,
        full: bool = False,
        progress: Callable[[Progress], None] | None = None,
    ) -> IndexReport:
        """Bring the index in line with the corpus."""

    def sources(self) -> list[SourceInfo]:
        """List the indexed articles."""

    def find(self, query: str, since: dt.datetime | None = None, outlet: str | None = None,
             sort: str = "relevance") -> list[Found]:
        """Find the articles matching a query."""

    def status(self) -> Status:
        """Describe the index."""

    def gaps(self, since: dt.datetime) -> tuple[list[Gap], list[Voted]]:
        """Return the questions declined since `since`, grouped, and the answers voted down."""

    def close(self) -> None:
        """Release the store."""

    def fetch_session(self) -> aiohttp.ClientSession:
        """Open the HTTP session that `/add`, `/follow` and the feed polls share."""

    async def add_urls(
        self, urls: Iterable[str], session: aiohttp.ClientSession | None = None
    ) -> AddReport:
        """Save the article of each URL into the corpus, then index."""

    async def follow(
        self, url: str, session: aiohttp.ClientSession | None = None
    ) -> tuple[Feed, bool]:
        """Follow a feed."""

    async def poll(self, session: aiohttp.ClientSession | None = None) -> PollReport:
        """Add the new items of every followed feed, then index."""

    def feeds(self) -> tuple[list[Feed], str | None]:
        """List the followed feeds."""


class ReconnectingDesk(AddsCoverage):
    """A `Newsdesk` opened on first use, and re-opened after its store could not be reached.

    Blocking, like the desk it wraps; one thread opens the store at a time. Adding coverage
    (`AddsCoverage`) reaches the store only to index what it saved.
    """

    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        """Args: settings: the store, corpus and model; embedder: a model already loaded."""
        self.settings = settings
        self._embedder = embedder
        self._desk: Newsdesk | None = None
        self._opening = threading.Lock()
        self._outage: str | None = None  # why the store is unreachable, while it is
        self.recorder = Recorder(settings.feedback_path, settings.record_questions)

    def start(self) -> None:
        """Load the models and try the store; index an empty index. A dead store is not fatal."""
        if self._embedder is None:
            self._embedder = embedder_for(self.settings)
        warm_up(self.settings, self._embedder)  # the first question waits for no model
        try:
            desk = self.current()
        except StoreUnavailableError:
            log.warning("starting without the index; it is retried on every request")
            return
        if desk.status().passages == 0:
            log.info("the index is empty; indexing %s first", self.settings.corpus_dir)
            desk.index()

    def current(self) -> Newsdesk:
        """Return the open desk, opening the store first if needed."""
        with self._opening:
            if self._desk is None:
                self._desk = self._call(self._open)
            return self._desk

    def _open(self) -> Newsdesk:
        desk = Newsdesk.open(self.settings, self._embedder)
        self._embedder = desk.embedder  # loaded once, kept across reconnections
        return desk

    def _call(self, work: Callable[[], T]) -> T:
        """Run `work`, logging once when the store goes away and once when it is back."""
        try:
            result = work()
        except StoreUnavailableError as error:
            if self._outage is None:
                log.warning("the index is unavailable: %s", error)
            self._outage = str(error)
            raise
        if self._outage is not None:
            log.info("the index store is reachable again")
            self._outage = None
        return result

    def ask(self, question: str, k: int | None = None, previous: Turn | None = None) -> Answer:
        """Answer a question from the coverage (a follow-up of `previous`, if given)."""
        return self._call(lambda: self.current().ask(question, k, previous=previous))

    def record(self, answer: Answer, user: int, guild: int | None,
               channel: int | None) -> int | None:
        """Record a question asked and its answer, unless RECORD_QUESTIONS is off; its id."""
        return self.recorder.record(answer, user, guild, channel)

    def index(
        self,
        corpus_dir: Path | None = None,
        full: bool = False,
        progress: Callable[[Progress], None] | None = None,
    ) -> IndexReport:
        """Bring the index in line with the corpus."""
        return self._call(lambda: self.current().index(corpus_dir, full, progress))

    def sources(self) -> list[SourceInfo]:
        """List the indexed articles."""
        return self._call(lambda: self.current().sources())

    def find(self, query: str, since: dt.datetime | None = None, outlet: str | None = None,
             sort: str = "relevance") -> list[Found]:
        """Find the articles matching a query."""
        return self._call(lambda: self.current().find(query, since, outlet, sort))

    def status(self) -> Status:
        """Describe the index."""
        return self._call(lambda: self.current().status())

    def gaps(self, since: dt.datetime) -> tuple[list[Gap], list[Voted]]:
        """Return the questions declined since `since`, grouped, and the answers voted down."""
        return self._call(lambda: self.current().gaps(since))

    def close(self) -> None:
        """Release the store, if it was ever opened."""
        if self._desk is not None:
            self._desk.close()
