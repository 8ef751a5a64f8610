"""Page buttons (◀ ▶) under a list that spans several embeds: /search and /sources.

Only the person who ran the command turns its pages; anyone else is told, privately, to run
it themselves. The buttons go when the view times out (a fresh command lists afresh): the
pages live in this process, so they are not kept across a restart.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

import discord

PAGES_TIMEOUT_S = 15 * 60  # as long as the command's interaction token lasts
NOT_YOURS = "These pages belong to whoever ran the command; run it yourself to page through."


class Pager(discord.ui.View):
    """◀ / ▶ buttons turning the pages of a list, for the user who asked."""

    def __init__(self, pages: Sequence[discord.Embed], owner: int, start: int = 0,
                 timeout: float = PAGES_TIMEOUT_S) -> None:
        """Args: pages: the embeds; owner: who may turn them; start: the page shown first."""
        super().__init__(timeout=timeout)
        self.pages = list(pages)
        self.owner = owner
        self.index = max(0, min(start, len(self.pages) - 1))
        self.message: discord.Message | discord.WebhookMessage | None = None
        self._sync()

    def _sync(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Let only the owner turn the pages."""
        if interaction.user.id == self.owner:
            return True
        await interaction.response.send_message(NOT_YOURS, ephemeral=True)
        return False

    @discord.ui.button(label="Previous", emoji="◀️", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        """Show the page before."""
        await self._turn(interaction, -1)

    @discord.ui.button(label="Next", emoji="▶️", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        """Show the page after."""
        await self._turn(interaction, +1)

    async def _turn(self, interaction: discord.Interaction, step: int) -> None:
        self.index = max(0, min(self.index + step, len(self.pages) - 1))
        self._sync()
        await interaction.response.edit_message(embed=self.pages[self.index], view=self)

    async def on_timeout(self) -> None:
        """Take the buttons away once they can no longer be used."""
        if self.message is not None:
            with contextlib.suppress(discord.HTTPException):
                await self.message.edit(view=None)


async def send_pages(interaction: discord.Interaction, pages: Sequence[discord.Embed],
                     start: int = 0) -> None:
    """Send the first page (or `start`) as the deferred reply, with buttons if there are more."""
    if len(pages) == 1:
        await interaction.followup.send(embed=pages[0])
        return
    view = Pager(pages, interaction.user.id, start)
    view.message = await interaction.followup.send(embed=view.pages[view.index], view=view,
                                                   wait=True)
