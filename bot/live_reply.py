"""A reply that keeps working after its interaction token runs out.

Discord lets a bot edit its reply to a slash command for 15 minutes (the interaction token's
lifetime); after that every edit fails with 401 Invalid Webhook Token. A long /reindex moves
to a message of its own in the same channel (or, if the bot may not post there, a DM to the
person who ran it) and goes on editing that one.
"""

from __future__ import annotations

import datetime
import logging

import discord

log = logging.getLogger(__name__)

TOKEN_ERRORS = frozenset({10015, 50027})  # Unknown Webhook, Invalid Webhook Token
TOKEN_MARGIN = datetime.timedelta(seconds=30)  # stop using the token a little before it dies


class LiveReply:
    """The message that shows a long-running command, wherever it has to live."""

    def __init__(self, interaction: discord.Interaction) -> None:
        """Args: interaction: the acknowledged (deferred) command."""
        self.interaction = interaction
        self.moved: discord.Message | None = None

    async def show(self, *, content: str | None = None, embed: discord.Embed | None = None) -> None:
        """Replace what the reply shows with `content` and `embed`."""
        if self.moved is None and not self._token_expiring():
            try:
                await self.interaction.edit_original_response(content=content, embed=embed)
            except discord.HTTPException as error:
                if error.code not in TOKEN_ERRORS:
                    raise
                log.info("the reply to /%s expired; continuing in a new message", self._name)
            else:
                self.interaction.extras["shown"] = True
                return
        text = self._moved_note(content)
        if self.moved is not None:
            await self.moved.edit(content=text, embed=embed)
        else:
            self.moved = await self._post(text, embed)

    def _token_expiring(self) -> bool:
        return discord.utils.utcnow() >= self.interaction.expires_at - TOKEN_MARGIN

    @property
    def _name(self) -> str:
        command = self.interaction.command
        return command.qualified_name if command else "command"

    def _moved_note(self, content: str | None) -> str:
        note = (
            f"{self.interaction.user.mention}'s /{self._name} took longer than Discord lets "
            "a reply be edited (15 minutes), so it continues here."
        )
        return f"{note}\n{content}" if content else note

    async def _post(self, text: str, embed: discord.Embed | None) -> discord.Message:
        """Post in the command's channel; if that is not allowed, DM the user instead."""
        channel = self.interaction.channel
        if isinstance(channel, discord.abc.Messageable):
            try:
                return await channel.send(text, embed=embed)
            except discord.Forbidden:
                log.info("may not post in channel %s; sending a DM instead", channel.id)
        return await self.interaction.user.send(text, embed=embed)
