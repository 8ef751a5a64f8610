"""/sources and /status: what is indexed, and the state of the index."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.formatting import source_pages, status_embed, unavailable_status_embed
from index.errors import StoreUnavailableError

if TYPE_CHECKING:
    from bot.app import NewsdeskBot


class Library(commands.Cog):
    """Describe the coverage newsdesk answers from."""

    def __init__(self, bot: NewsdeskBot) -> None:
        """Args: bot: the running bot (its desk)."""
        self.bot = bot

    @app_commands.command()
    @app_commands.describe(page="Which page of the list (default: 1)")
    async def sources(
        self, interaction: discord.Interaction, page: app_commands.Range[int, 1, 10_000] = 1
    ) -> None:
        """List the indexed articles: title, source, date and passages."""
        await interaction.response.defer(thinking=True)
        pages = source_pages(await asyncio.to_thread(self.bot.desk.sources))
        await interaction.followup.send(embed=pages[min(page, len(pages)) - 1])

    @app_commands.command()
    async def status(self, interaction: discord.Interaction) -> None:
        """Show the index (articles, passages, last run, model, store) and followed feeds."""
        await interaction.response.defer(thinking=True)
        feeds, problem = await asyncio.to_thread(self.bot.desk.feeds)
        try:
            embed = status_embed(await asyncio.to_thread(self.bot.desk.status), feeds, problem)
        except StoreUnavailableError:
            embed = unavailable_status_embed(self.bot.settings.core.store_label)
        await interaction.followup.send(embed=embed)


async def setup(bot: NewsdeskBot) -> None:
    """Add the cog (called by `load_extension`)."""
    await bot.add_cog(Library(bot))
