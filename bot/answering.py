"""Questions answered by a fixed number of workers, in order of arrival (`ANSWER_WORKERS`).

Every question the bot answers (/ask, DMs, mentions) takes a `Place` in one line the moment it
arrives, before any round trip to Discord, so the line keeps the order in which the gateway
delivered the questions. At most `workers` answers run at once, each in a worker thread;
the rest wait, first come first served, and the person asking is told how many questions are
ahead of theirs. `Line` is the bookkeeping (pure); `AnsweringQueue` runs it on the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections import deque
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import Executor, ThreadPoolExecutor
from functools import partial
from typing import TYPE_CHECKING

from index.models import Answer

if TYPE_CHECKING:
    from bot.conversations import Key

log = logging.getLogger(__name__)

Notice = Callable[[int], Awaitable[None]]  # shows "N questions ahead of yours"


def cores() -> int:
    """Return the number of CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_workers() -> int:
    """Return ANSWER_WORKERS' default: one worker per core.

    Measured on 2 cores (docs/benchmarks.md): on a busy machine two answers on one core each
    answered 50 questions about 25% sooner than one answer on both cores (which was about 15%
    sooner on an idle machine); two processes were no faster than two threads.
    """
    return cores()


def share_cores(workers: int) -> int:
    """Give each answering worker its share of the cores for torch's intra-op threads.

    Torch otherwise runs every operation on all cores from every worker at once, and
    oversubscribed cores starve the event loop's thread. Returns the threads per worker.
    """
    import torch

    threads = max(1, cores() // workers)
    torch.set_num_threads(threads)
    return threads


class Line:
    """Arrivals numbered in order, started in that order, finished in any order."""

    def __init__(self, workers: int) -> None:
        """Args: workers: how many arrivals may be running at once (at least 1)."""
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self._next = 0
        self._waiting: deque[int] = deque()
        self._running: set[int] = set()

    def join(self) -> int:
        """Give a new arrival the next number and the back of the line; return the number."""
        number = self._next
        self._next += 1
        self._waiting.append(number)
        return number

    def start(self) -> list[int]:
        """Move arrivals from the front of the line to running while workers are free."""
        started = []
        while self._waiting and len(self._running) < self.workers:
            number = self._waiting.popleft()
            self._running.add(number)
            started.append(number)
        return started

    def leave(self, number: int) -> None:
        """Take `number` out: it finished, or gave up waiting."""
        self._running.discard(number)
        with contextlib.suppress(ValueError):
            self._waiting.remove(number)

    def is_waiting(self, number: int) -> bool:
        """Return whether `number` is still waiting for a worker."""
        return number in self._waiting

    def ahead(self, number: int) -> int:
        """Return how many earlier arrivals are still running or waiting."""
        earlier_running = sum(1 for other in self._running if other < number)
        return earlier_running + sum(1 for other in self._waiting if other < number)

    def __len__(self) -> int:
        """Return how many arrivals are running or waiting."""
        return len(self._running) + len(self._waiting)


class Place:
    """One question's place in the line; `answer()` waits for it."""

    def __init__(self, queue: AnsweringQueue, number: int, question: str,
                 conversation: Key | None = None) -> None:
        self.queue = queue
        self.number = number
        self.question = question
        self.conversation = conversation  # whose last turn a follow-up is read against
        self.result: asyncio.Future[Answer] = asyncio.get_running_loop().create_future()

    @property
    def waiting(self) -> bool:
        """Return whether the question still waits for a worker."""
        return self.queue.line.is_waiting(self.number)

    @property
    def ahead(self) -> int:
        """Return how many earlier questions are not answered yet."""
        return self.queue.line.ahead(self.number)

    async def answer(self, queued: Notice | None = None) -> Answer:
        """Return the answer; first `await queued(ahead)` if the question has to wait."""
        if queued is not None and self.waiting:
            await queued(self.ahead)
        return await self.result


class AnsweringQueue:
    """Answer questions with `workers` threads, first come first served."""

    def __init__(
        self,
        answer: Callable[[str, Key | None], Answer],
        workers: int,
        executor: Executor | None = None,
    ) -> None:
        """Args: answer: the blocking call (the desk's ask); workers: answers run at once."""
        self.line = Line(workers)
        self._answer = answer
        self._executor = executor or ThreadPoolExecutor(workers, "answering")
        self._turns: dict[int, Place] = {}

    @property
    def workers(self) -> int:
        """Return how many answers may run at once."""
        return self.line.workers

    @contextlib.contextmanager
    def place(self, question: str, conversation: Key | None = None) -> Iterator[Place]:
        """Join the line now; leave it at the end of the block if still unanswered."""
        turn = Place(self, self.line.join(), question, conversation)
        self._turns[turn.number] = turn
        self._dispatch()
        try:
            yield turn
        finally:
            if not turn.result.done():
                self._give_up(turn)

    async def ask(self, question: str, queued: Notice | None = None) -> Answer:
        """Join the line, wait for the answer and return it (see `Place.answer`)."""
        with self.place(question) as turn:
            return await turn.answer(queued)

    def close(self) -> None:
        """Stop the workers once the running answers end; drop the waiting ones."""
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _dispatch(self) -> None:
        loop = asyncio.get_running_loop()
        for number in self.line.start():
            turn = self._turns[number]
            job = loop.run_in_executor(self._executor, self._answer, turn.question,
                                     turn.conversation)
            job.add_done_callback(partial(self._finished, turn))

    def _finished(self, turn: Place, job: asyncio.Future[Answer]) -> None:
        self.line.leave(turn.number)
        self._turns.pop(turn.number, None)
        error = None if job.cancelled() else job.exception()  # retrieved even if unused
        if turn.result.done():  # nobody waits for it any more
            pass
        elif job.cancelled():
            turn.result.cancel()
        elif error is not None:
            turn.result.set_exception(error)
        else:
            turn.result.set_result(job.result())
        self._dispatch()

    def _give_up(self, turn: Place) -> None:
        """Forget a question nobody waits for: out of the line, or its answer unused."""
        turn.result.cancel()
        if turn.waiting:
            self.line.leave(turn.number)
            self._turns.pop(turn.number, None)
