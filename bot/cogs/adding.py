"""/add and /follow (admins only), and the feed poll that runs every FEED_POLL_MINUTES."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import aiohttp
import discord
from discord import app_commands
from discord.ext import tasks

from bot.cogs.admin import AdminCog
from bot.formatting import ADMIN_COLOUR, escape, trim
from index.corpus.adding import AddReport
from index.corpus.feeds import Feed, PollReport
from index.errors import IngestError, NewsdeskError

if TYPE_CHECKING:
    from bot.app import NewsdeskBot

log = logging.getLogger(__name__)

URL_MAX = 2000


def added_embed(report: AddReport) -> discord.Embed:
    """Describe an added (or already present) article."""
    outcome = report.outcomes[0]
    if outcome.status == "present":
        text = f"Already in the coverage as `{trim(outcome.source or '', 200)}`."
        return discord.Embed(title="Already there", description=text, colour=ADMIN_COLOUR)
    lines = [f"Saved as `{trim(outcome.source or '', 200)}`."]
    if report.index is not None:
        lines.append(f"Indexed: {report.index.articles:,} articles in the index.")
    if report.index_error:
        lines.append(escape(report.index_error))
    title = trim(outcome.title or outcome.url, 256)
    embed = discord.Embed(title=title, description="\n".join(lines), colour=ADMIN_COLOUR)
    if len(outcome.url) <= 2000:
        embed.url = outcome.url
    return embed


def following_text(feed: Feed, new: bool, minutes: float) -> str:
    """Confirm a followed feed."""
    name = f"**{escape(trim(feed.title, 200))}** (<{feed.url}>)"
    if not new:
        return f"Already following {name}."
    return f"Now following {name}: new items are added every {minutes:g} minutes."


class Adding(AdminCog):
    """Bring new coverage in: articles by URL and followed feeds."""

    def __init__(self, bot: NewsdeskBot) -> None:
        """Args: bot: the running bot (its desk and settings)."""
        self.bot = bot
        self.session: aiohttp.ClientSession | None = None  # the desk's, shared by every fetch

    async def cog_load(self) -> None:
        """Open the HTTP session and start polling feeds."""
        self.session = self.bot.desk.fetch_session()
        self.poll_feeds.change_interval(minutes=self.bot.settings.feed_poll_minutes)
        self.poll_feeds.start()

    async def cog_unload(self) -> None:
        """Stop polling and close the HTTP session."""
        self.poll_feeds.cancel()
        if self.session is not None:
            await self.session.close()

    @app_commands.command()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.describe(url="The article's address (http or https)")
    async def add(
        self, interaction: discord.Interaction, url: app_commands.Range[str, 1, URL_MAX]
    ) -> None:
        """Fetch an article into the coverage and index it (Manage Server or ADMIN_USER_IDS)."""
        await interaction.response.defer(thinking=True)
        report = await self.bot.desk.add_urls([url], self.session)
        if report.outcomes[0].status == "refused":
            raise IngestError(f"Could not add {url}: {report.outcomes[0].detail}")
        await interaction.followup.send(embed=added_embed(report))

    @app_commands.command(name="follow")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.describe(feed="The RSS or Atom feed's address (http or https)")
    async def follow_feed(
        self, interaction: discord.Interaction, feed: app_commands.Range[str, 1, URL_MAX]
    ) -> None:
        """Follow a news feed; its new articles are added as it is polled (admins)."""
        await interaction.response.defer(thinking=True)
        followed, new = await self.bot.desk.follow(feed, self.session)
        minutes = self.bot.settings.feed_poll_minutes
        await interaction.followup.send(following_text(followed, new, minutes))

    @tasks.loop(minutes=30)
    async def poll_feeds(self) -> None:
        """Poll every followed feed (the interval is set from FEED_POLL_MINUTES)."""
        try:
            await self.poll_once()
        except NewsdeskError as error:
            log.warning("feed poll failed: %s", error)
        except Exception:  # a background task must outlive one bad poll
            log.exception("feed poll failed unexpectedly")

    @poll_feeds.before_loop
    async def _until_ready(self) -> None:
        await self.bot.wait_until_ready()

    async def poll_once(self) -> PollReport:
        """Poll every followed feed once and log what happened."""
        report = await self.bot.desk.poll(self.session)
        failed = [f for f in report.feeds if f.error]
        if report.feeds:
            log.info(
                "polled %d feeds: %d articles added, %d feeds failed",
                len(report.feeds),
                report.added,
                len(failed),
            )
        for feed in failed:
            log.warning("feed %s: %s", feed.url, feed.error)
        return report


async def setup(bot: NewsdeskBot) -> None:
    """Add the cog (called by `load_extension`)."""
    await bot.add_cog(Adding(bot))
