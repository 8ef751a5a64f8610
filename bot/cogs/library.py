"""/search, /sources and /status: find articles, what is indexed, the state of the index."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.formatting import source_pages, status_embed, unavailable_status_embed
from bot.listing import found_pages
from bot.paging import send_pages
from index.errors import StoreUnavailableError
from index.service import MAX_QUESTION_CHARS
from index.store.finding import parse_since

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
        await send_pages(interaction, pages, start=page - 1)

    @app_commands.command()
    @app_commands.describe(
        query="What to look for in the coverage",
        since="Only articles published since then: 7d, 24h or a date (YYYY-MM-DD)",
        outlet="Only articles of this outlet (its name or web address)",
        sort="Best match first (default) or newest first",
    )
    async def search(
        self,
        interaction: discord.Interaction,
        query: app_commands.Range[str, 1, MAX_QUESTION_CHARS],
        since: app_commands.Range[str, 1, 40] | None = None,
        outlet: app_commands.Range[str, 1, 100] | None = None,
        sort: Literal["relevance", "newest"] = "relevance",
    ) -> None:
        """Find articles in the coverage: title, outlet, date and the best matching passage."""
        try:
            start = parse_since(since) if since else None
        except ValueError as error:
            await interaction.response.send_message(str(error), ephemeral=True)
            return
        await interaction.response.defer(thinking=True)
        found = await asyncio.to_thread(self.bot.desk.find, query, start, outlet, sort)
        await send_pages(interaction, found_pages(query, found, sort))

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
