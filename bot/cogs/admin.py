"""/reindex: update the index from the corpus, with live progress (admins only)."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import replace
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.formatting import progress_embed, report_embed
from bot.live_reply import LiveReply
from bot.replies import error_text
from index.errors import IndexBusyError
from index.models import IndexReport, Progress

if TYPE_CHECKING:
    from bot.app import NewsdeskBot

log = logging.getLogger(__name__)

PROGRESS_EVERY_S = 1.0  # edit the reply at most this often
POLL_S = 0.25


class LatestProgress:
    """Keep the newest progress the index thread reported (a callable for `progress=`)."""

    def __init__(self) -> None:
        self.value: Progress | None = None
        self.version = 0

    def __call__(self, progress: Progress) -> None:
        """Record `progress` (called from the index thread)."""
        self.value = progress
        self.version += 1


def is_admin(interaction: discord.Interaction, admin_ids: frozenset[int]) -> bool:
    """Return whether the user may reindex: ADMIN_USER_IDS, or Manage Server in a guild."""
    if interaction.user.id in admin_ids:
        return True
    return interaction.guild_id is not None and interaction.permissions.manage_guild


class AdminCog(commands.Cog):
    """A cog whose every command is for admins: the bot checks again what Discord gates."""

    bot: NewsdeskBot

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Check again what Discord's default_member_permissions should have enforced."""
        if not is_admin(interaction, self.bot.settings.admin_user_ids):
            raise app_commands.MissingPermissions(["manage_guild"])
        return True


class Admin(AdminCog):
    """Keep the index up to date."""

    def __init__(self, bot: NewsdeskBot) -> None:
        """Args: bot: the running bot (its desk and settings)."""
        self.bot = bot
        self.running = asyncio.Lock()

    @app_commands.command()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.describe(full="Re-embed every article, not only new and changed ones")
    async def reindex(self, interaction: discord.Interaction, full: bool = False) -> None:
        """Re-read the corpus and update the index (Manage Server or ADMIN_USER_IDS)."""
        if self.running.locked():
            raise IndexBusyError("A reindex is already running; its reply shows the report.")
        async with self.running:
            await interaction.response.defer(thinking=True)
            reply = LiveReply(interaction)
            try:
                report = await self._index_with_progress(reply, full)
            except Exception as error:  # the reply may have moved: answer there, not in on_error
                await reply.show(content=error_text(error, "/reindex"))
                return
            await reply.show(embed=report_embed(report))

    async def _index_with_progress(self, reply: LiveReply, full: bool) -> IndexReport:
        """Run the index job off the event loop, editing the reply at most once a second."""
        latest = LatestProgress()
        job = asyncio.create_task(
            asyncio.to_thread(self.bot.desk.index, full=full, progress=latest)
        )
        shown, started = 0, time.monotonic()
        await self._show_progress(reply, Progress(stage="starting"))
        last_edit = time.monotonic()
        while not job.done():
            await asyncio.wait({job}, timeout=POLL_S)
            waited = time.monotonic() - last_edit
            if job.done() or latest.version == shown or waited < PROGRESS_EVERY_S:
                continue
            shown = latest.version
            assert latest.value is not None
            now = replace(latest.value, elapsed_s=time.monotonic() - started)  # as of this edit
            await self._show_progress(reply, now)
            last_edit = time.monotonic()  # the next edit starts a full interval after this one
        return await job

    @staticmethod
    async def _show_progress(reply: LiveReply, progress: Progress) -> None:
        """Show progress if Discord lets us; the job goes on either way."""
        try:
            await reply.show(embed=progress_embed(progress))
        except discord.HTTPException as error:
            log.warning("could not show reindex progress: %s", error)


async def setup(bot: NewsdeskBot) -> None:
    """Add the cog (called by `load_extension`)."""
    await bot.add_cog(Admin(bot))
