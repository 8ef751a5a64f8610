"""What a test holds after playing a user: an interaction it started, or a message it sent."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from tests.fakediscord.interactions import Interaction
from tests.fakediscord.models import Message

if TYPE_CHECKING:
    from tests.fakediscord.server import FakeDiscord


class InteractionHandle:
    """A command invocation or a button click, seen from the user's side."""

    def __init__(self, fake: FakeDiscord, interaction: Interaction) -> None:
        self.fake = fake
        self.interaction = interaction

    @property
    def acks(self) -> list[int]:
        """Return the callback types sent: 4 reply, 5 defer, 6 deferred update, 7 update."""
        return self.interaction.acks

    @property
    def failed(self) -> bool:
        """Return whether the user now sees "This interaction failed" (no ack in time)."""
        late = time.monotonic() - self.interaction.created > self.fake.state.ack_deadline
        return late and not self.interaction.acks

    def expire(self) -> None:
        """Let the interaction's 15 minutes run out: its token stops working."""
        self.interaction.expired = True

    @property
    def message(self) -> Message | None:
        """Return the message whose button was clicked (None for a command)."""
        return self.interaction.target

    @property
    def original(self) -> Message | None:
        """Return the original response: for a deferred update or update, the clicked message."""
        return self.interaction.original

    @property
    def followups(self) -> list[Message]:
        """Return the followup messages after the original response."""
        return self.interaction.followups

    async def acknowledged(self, timeout: float = 10.0) -> int:
        """Wait for the bot's acknowledgement; return its callback type."""
        return (await self.fake.state.wait_for(lambda: self.interaction.acks, timeout))[0]

    async def response(
        self, until: Callable[[Message], bool] | None = None, timeout: float = 10.0
    ) -> Message:
        """Wait for the original response to be filled in (and to satisfy `until`).

        After a click answered with 6 or 7 the original response is the clicked message, so
        this returns as soon as the bot acknowledged: pass `until` to wait for its edit.
        """

        def ready() -> Message | None:
            message = self.interaction.original
            if message is None or message.loading:
                return None
            return message if until is None or until(message) else None

        return await self.fake.state.wait_for(ready, timeout)


class MessageHandle:
    """A message a user sent, from which the bot's replies can be awaited."""

    def __init__(self, fake: FakeDiscord, message: Message) -> None:
        self.fake = fake
        self.message = message

    def replies(self) -> list[Message]:
        """Return the bot's messages that reply to this one."""
        wanted = str(self.message.id)
        return [
            m
            for m in self.fake.messages
            if m.author is self.fake.bot and (m.reference or {}).get("message_id") == wanted
        ]

    def answers(self) -> list[Message]:
        """Return the bot's messages in the same channel after this one (replies or not)."""
        return [
            m
            for m in self.fake.messages
            if m.author is self.fake.bot
            and m.channel_id == self.message.channel_id
            and m.id > self.message.id
        ]

    async def reply(self, timeout: float = 10.0) -> Message:
        """Wait for the bot's first reply to this message."""
        return (await self.fake.state.wait_for(self.replies, timeout))[0]

    async def answer(self, timeout: float = 10.0) -> Message:
        """Wait for the bot's first message in this channel after this one."""
        return (await self.fake.state.wait_for(self.answers, timeout))[0]
