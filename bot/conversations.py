"""Which question a follow-up follows: the turn each conversation is at.

A conversation is a thread (everyone in it), a DM, or one person in a server channel. Its
last turn is kept in memory, and read back from the feedback database (`index.feedback`)
when the process has not seen it: after a restart, or in a thread started from an answer
(a thread started from a message has the message's id, and each answer is remembered under
its message's id too). A turn older than `TURN_TTL` is forgotten: the question after it is
answered on its own.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import OrderedDict

import discord

from index.answer.followups import Turn
from index.feedback import Recorder

TURN_TTL = dt.timedelta(hours=24)
REMEMBERED = 10_000  # conversations kept in memory, the least recent forgotten first

Key = tuple[int, int | None]  # (channel, user); user None: everyone in it


def conversation(channel: discord.abc.Messageable | None, channel_id: int, user: int) -> Key:
    """Return whose conversation a question belongs to: a thread's or DM's, or the asker's."""
    shared = isinstance(channel, discord.Thread | discord.DMChannel) or channel is None
    return (channel_id, None if shared else user)


class Conversations:
    """The last turn of each conversation, in memory and in the feedback database."""

    def __init__(self, recorder: Recorder, ttl: dt.timedelta = TURN_TTL,
                 size: int = REMEMBERED) -> None:
        """Args: recorder: the feedback database; ttl: how long a turn is followed."""
        self.recorder = recorder
        self.ttl = ttl
        self.size = size
        self._turns: OrderedDict[Key, tuple[float, Turn]] = OrderedDict()

    def previous(self, key: Key) -> Turn | None:
        """Return the conversation's last turn (blocking: it may read the database)."""
        kept = self._turns.get(key)
        if kept is not None and time.time() - kept[0] <= self.ttl.total_seconds():
            return kept[1]
        channel, user = key
        since = dt.datetime.now(dt.UTC) - self.ttl
        said = self.recorder.last_said(channel, since, user)
        return None if said is None else Turn(said.question, said.value)

    def remember(self, key: Key, turn: Turn, message: int | None = None) -> None:
        """Note a conversation's new turn, and the message that showed it (for its thread)."""
        now = time.time()
        for where in (key, *(() if message is None else ((message, None),))):
            self._turns[where] = (now, turn)
            self._turns.move_to_end(where)
        while len(self._turns) > self.size:
            self._turns.popitem(last=False)
