"""The "queued" reply a question shows while it waits for its turn, replaced by the answer.

Best effort: if Discord refuses the note, the question keeps its place and is answered.
"""

from __future__ import annotations

import logging
from typing import Any

import discord

from bot.answering import Notice
from bot.formatting import queued_text

log = logging.getLogger(__name__)


def interaction_notice(interaction: discord.Interaction) -> Notice:
    """Return a notice that edits the deferred reply to say how many questions are ahead."""

    async def show(ahead: int) -> None:
        try:
            await interaction.edit_original_response(content=queued_text(ahead))
        except discord.HTTPException as error:
            log.warning("could not show a queued question's place: %s", error)

    return show


class MessageReply:
    """The reply to a question sent as a message: a queued note first if it must wait."""

    def __init__(self, message: discord.Message) -> None:
        """Args: message: the DM or mention that asks the question."""
        self.message = message
        self.note: discord.Message | None = None

    async def queued(self, ahead: int) -> None:
        """Reply at once with the question's place in the line."""
        try:
            self.note = await self.message.reply(queued_text(ahead))
        except discord.HTTPException as error:
            log.warning("could not show a queued question's place: %s", error)

    async def send(self, **reply: Any) -> discord.Message:
        """Send the reply (as an edit of the queued note when there is one); return it."""
        if self.note is None:
            return await self.message.reply(**reply)
        return await self.note.edit(**{"content": None, "embed": None, **reply})
