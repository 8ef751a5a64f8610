"""The buttons under every answer: 👍 / 👎, and "Follow up in a thread" in server channels.

They are `DynamicItem`s: the bot registers their custom-id patterns once (`add_dynamic_items`),
so a button on an answer sent before a restart still works. A vote's custom id carries the
recorded question's id (`index.feedback`); a user may change their vote, and counts once.

Threads: a button, not a thread opened for every answer, because most questions need no
follow-up and a channel where each answer spawns a thread fills the channel's thread list
(Discord's own guidance for bots is to open threads on request). The thread is started from
the answer message, so the answer stays in the channel, and what follows in the thread is read
against it. A bot that may not create threads there says so, once, and the follow-ups go on in
the channel.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

import discord

from bot.formatting import trim

log = logging.getLogger(__name__)

THREAD_NAME_MAX = 100
THREAD_ARCHIVE_MINUTES = 1440  # a day without messages
NO_THREADS = (
    "I can't open a thread here: I lack the Create Public Threads permission in this channel. "
    "Ask your follow-up here instead, with /ask or by mentioning me; I read it against your "
    "last question."
)
NOT_COUNTED = "Thanks, but votes can't be recorded right now."


class VoteButton(discord.ui.DynamicItem[discord.ui.Button],
                 template=r"newsdesk:vote:(?P<way>up|down):(?P<asked>[0-9]+)"):
    """👍 or 👎 on one recorded answer."""

    def __init__(self, asked: int, up: bool) -> None:
        """Args: asked: the recorded question's id; up: a thumbs up (else down)."""
        way = "up" if up else "down"
        super().__init__(discord.ui.Button(
            emoji="👍" if up else "👎", style=discord.ButtonStyle.secondary,
            custom_id=f"newsdesk:vote:{way}:{asked}"))
        self.asked, self.up = asked, up

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str], /) -> VoteButton:
        """Rebuild the button from a click (also after a restart)."""
        return cls(int(match["asked"]), match["way"] == "up")

    async def callback(self, interaction: discord.Interaction) -> None:
        """Count the vote (replacing the user's earlier one) and thank them privately."""
        if interaction.guild_id is not None and not interaction.permissions.read_messages:
            log.info("ignored a vote from a user who cannot see channel %s",
                     interaction.channel_id)
            await interaction.response.defer()  # acknowledged, not counted
            return
        desk = interaction.client.desk  # type: ignore[attr-defined]  # a NewsdeskBot
        tally = await asyncio.to_thread(desk.recorder.vote, self.asked,
                                        interaction.user.id, self.up)
        if tally is None:
            await interaction.response.send_message(NOT_COUNTED, ephemeral=True)
            return
        await interaction.response.send_message(
            f"Thanks, your {'👍' if self.up else '👎'} is counted ({tally.up} 👍 · "
            f"{tally.down} 👎 so far). You can change it any time.", ephemeral=True)


class ThreadButton(discord.ui.DynamicItem[discord.ui.Button],
                   template=r"newsdesk:thread:(?P<asked>[0-9]+)"):
    """Start a thread from an answer, for follow-up questions."""

    def __init__(self, asked: int) -> None:
        """Args: asked: the recorded question's id."""
        super().__init__(discord.ui.Button(
            label="Follow up in a thread", emoji="🧵", style=discord.ButtonStyle.secondary,
            custom_id=f"newsdesk:thread:{asked}"))
        self.asked = asked

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str], /) -> ThreadButton:
        """Rebuild the button from a click (also after a restart)."""
        return cls(int(match["asked"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        """Open the thread on the answer (or point to the one already open)."""
        message = interaction.message
        if message is None or not isinstance(interaction.channel, discord.TextChannel):
            await interaction.response.send_message("Threads work in server text channels.",
                                                    ephemeral=True)
            return
        thread = interaction.channel.get_thread(message.id)  # a thread has its message's id
        if thread is None:
            thread = await self._start(interaction, message)
            if thread is None:
                return
        await interaction.response.send_message(
            f"Ask your follow-ups in {thread.mention} with /ask or by mentioning me.",
            ephemeral=True)

    @staticmethod
    async def _start(interaction: discord.Interaction,
                     message: discord.Message) -> discord.Thread | None:
        """Start the thread on the answer; None (the user told why) when it cannot be."""
        name = trim((message.embeds[0].title if message.embeds else None) or "Follow-ups",
                    THREAD_NAME_MAX)
        try:
            return await message.create_thread(
                name=name, auto_archive_duration=THREAD_ARCHIVE_MINUTES)
        except discord.Forbidden:
            await interaction.response.send_message(NO_THREADS, ephemeral=True)
            return None
        except discord.HTTPException as error:
            if error.code != 160004:  # a thread has already been created for this message
                raise
            await interaction.response.send_message(
                "This answer already has a thread: ask your follow-ups there.", ephemeral=True)
            return None


def answer_view(asked: int | None, thread: bool) -> discord.ui.View | None:
    """Return the buttons for a recorded answer (none if it was not recorded)."""
    if asked is None:
        return None
    view = discord.ui.View(timeout=None)
    view.add_item(VoteButton(asked, up=True))
    view.add_item(VoteButton(asked, up=False))
    if thread:
        view.add_item(ThreadButton(asked))
    return view


def send_options(embed: discord.Embed, view: discord.ui.View | None) -> dict[str, Any]:
    """Return the keyword arguments that send an answer with its buttons, if any."""
    return {"embed": embed} if view is None else {"embed": embed, "view": view}
