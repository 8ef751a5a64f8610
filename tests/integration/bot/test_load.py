"""Several people asking at once: all answered, in order of arrival, the later ones told to wait.

The bot's queue is swapped for one with a single worker, whose thread is first kept busy, so
that every question arrives while the one before it still waits: what a busy bot looks like,
without depending on how long an answer takes.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.answering import AnsweringQueue
from tests.fakediscord import FakeDiscord, Message
from tests.integration.bot.conftest import EVS_SOURCE, sent_payloads

QUESTIONS = (
    "how many EVs?",
    "Who did Carney meet on Thursday?",
    "Where did Carney and Xi hold their talks?",
)


@pytest.fixture
def busy_queue(running_bot, monkeypatch):
    """A one-worker queue whose worker is busy until `gate.set()`."""
    gate = threading.Event()
    executor = ThreadPoolExecutor(1, "answering-test")
    executor.submit(gate.wait, 60)  # the worker's thread is taken until the gate opens
    queue = AnsweringQueue(running_bot._answer, workers=1, executor=executor)
    monkeypatch.setattr(running_bot, "answering", queue)
    yield gate
    gate.set()
    queue.close()


def answered(message: Message) -> bool:
    return bool(message.embeds)


async def test_questions_at_once_are_answered_in_order_of_arrival(
    fake: FakeDiscord, new_user, busy_queue
):
    handles = [await fake.invoke("ask", {"question": q}, user=new_user()) for q in QUESTIONS]
    dm = await fake.send_dm(new_user(), "What share of Canada's crude oil went to China?")
    note = await dm.reply(timeout=30)  # the fourth in line is told at once
    for handle in handles[1:]:
        await fake.wait_for(lambda h=handle: h.original and h.original.content, 30)
    busy_queue.set()
    messages = [await h.response(until=answered, timeout=60) for h in handles]
    await fake.wait_for(lambda: answered(note), 60)

    assert [h.acks for h in handles] == [[5]] * 3
    assert [v["content"] for v in messages[0].versions] == ["", ""]  # first in line: no note
    for ahead, message in enumerate(messages[1:], 1):
        shown = [v["content"] for v in message.versions]
        waiting = f"Queued: {ahead} question{'s' * (ahead > 1)} ahead of yours."
        assert shown[0] == "" and shown[1].startswith(waiting) and shown[2] == ""
    assert note.versions[0]["content"].startswith("Queued: 3 questions ahead of yours.")
    assert note.content == "" and len(note.embeds) == 1  # the note became the answer
    assert "49,000" in messages[0].text and EVS_SOURCE in messages[0].text
    assert not any("49,000" in m.embeds[0]["description"] for m in [*messages[1:], note])
    finished = [m.versions[-1]["at"] for m in messages] + [note.versions[-1]["at"]]
    assert finished == sorted(finished)  # one worker: answered in order of arrival
    assert all(m.pings == set() for m in [*messages, note])
    assert all(body["allowed_mentions"]["parse"] == [] for body in sent_payloads(fake))
