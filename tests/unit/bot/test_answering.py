"""The answering line: first come first served, at most `workers` at once, places told right."""

from __future__ import annotations

import asyncio
import threading

import pytest

from bot.answering import AnsweringQueue, Line
from bot.formatting import queued_text


def test_line_starts_in_order_of_arrival_up_to_the_workers():
    line = Line(workers=2)
    numbers = [line.join() for _ in range(5)]
    assert line.start() == numbers[:2]
    assert line.start() == []  # both workers busy
    assert [line.ahead(n) for n in numbers] == [0, 1, 2, 3, 4]
    line.leave(numbers[1])  # the second finishes first
    assert line.start() == [numbers[2]]
    assert [line.ahead(n) for n in numbers[2:]] == [1, 2, 3]
    assert line.is_waiting(numbers[3]) and not line.is_waiting(numbers[2])


def test_giving_up_while_waiting_moves_the_later_ones_up():
    line = Line(workers=1)
    first, second, third = line.join(), line.join(), line.join()
    line.start()
    line.leave(second)
    assert line.ahead(third) == 1 and len(line) == 2
    line.leave(first)
    assert line.start() == [third]


def test_a_line_needs_a_worker():
    with pytest.raises(ValueError, match="at least 1"):
        Line(workers=0)


@pytest.mark.parametrize(("ahead", "text"), [(1, "1 question ahead"), (12, "12 questions ahead"),
                                             (1500, "1,500 questions ahead")])
def test_queued_text(ahead, text):
    assert queued_text(ahead).startswith(f"Queued: {text} of yours.")


class Gate:
    """A blocking `answer` that returns its question once let through, recording the order."""

    def __init__(self) -> None:
        self.started: list[str] = []
        self.open = threading.Event()

    def __call__(self, question: str, previous=None) -> str:
        self.started.append(question if previous is None else f"{question} after {previous}")
        if question == "boom":
            raise RuntimeError("boom")
        self.open.wait(10)
        return question.upper()


async def test_queue_answers_in_order_and_tells_the_waiting_their_place():
    gate = Gate()
    queue = AnsweringQueue(gate, workers=1)
    told: dict[str, int] = {}

    async def ask(question: str) -> str:
        async def queued(ahead: int) -> None:
            told[question] = ahead
        return await queue.ask(question, queued)

    asks = [asyncio.create_task(ask(q)) for q in ("a", "b", "c", "d")]
    await asyncio.sleep(0.05)
    assert gate.started == ["a"] and told == {"b": 1, "c": 2, "d": 3}
    gate.open.set()
    assert await asyncio.gather(*asks) == ["A", "B", "C", "D"]
    assert gate.started == ["a", "b", "c", "d"] and len(queue.line) == 0
    queue.close()


async def test_a_failed_answer_raises_for_its_asker_only_and_the_line_moves_on():
    gate = Gate()
    gate.open.set()
    queue = AnsweringQueue(gate, workers=1)
    results = await asyncio.gather(queue.ask("boom"), queue.ask("fine"), return_exceptions=True)
    assert isinstance(results[0], RuntimeError) and results[1] == "FINE"
    queue.close()


async def test_a_question_given_up_while_waiting_is_never_answered():
    gate = Gate()
    queue = AnsweringQueue(gate, workers=1)
    first = asyncio.create_task(queue.ask("first"))
    await asyncio.sleep(0.01)
    with queue.place("abandoned") as turn:
        assert turn.waiting and turn.ahead == 1
    last = asyncio.create_task(queue.ask("last"))
    await asyncio.sleep(0.01)
    gate.open.set()
    assert await asyncio.gather(first, last) == ["FIRST", "LAST"]
    assert gate.started == ["first", "last"]
    queue.close()
