"""/gaps: the questions the coverage could not answer and the answers voted down (admins)."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.cogs.admin import AdminCog
from bot.listing import gaps_embed

if TYPE_CHECKING:
    from bot.app import NewsdeskBot


class Editors(AdminCog):
    """Show editors what readers asked for and did not get."""

    def __init__(self, bot: NewsdeskBot) -> None:
        """Args: bot: the running bot (its desk and settings)."""
        self.bot = bot

    @app_commands.command()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.describe(days="How many days back (default 7)")
    async def gaps(self, interaction: discord.Interaction,
                   days: app_commands.Range[int, 1, 365] = 7) -> None:
        """List the most asked questions newsdesk declined, and the answers voted down."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        since = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
        declined, downvoted = await asyncio.to_thread(self.bot.desk.gaps, since)
        await interaction.followup.send(embed=gaps_embed(declined, downvoted, days),
                                        ephemeral=True)


async def setup(bot: NewsdeskBot) -> None:
    """Add the cog (called by `load_extension`)."""
    await bot.add_cog(Editors(bot))
