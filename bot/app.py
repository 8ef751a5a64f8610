"""Build and run the Discord bot; `newsdesk run` calls `run(settings)`."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import aiohttp
import discord
from discord.ext import commands

from bot.cooldown import QuestionLimiter
from bot.endpoints import apply_endpoints
from bot.replies import on_tree_error
from index.models import Answer, IndexReport, Progress, SourceInfo, Status
from index.settings import Settings

log = logging.getLogger(__name__)

EXTENSIONS = ("bot.cogs.ask", "bot.cogs.library", "bot.cogs.admin")


class Desk(Protocol):
    """What the bot needs from `index.service.Newsdesk` (every method blocks)."""

    def ask(self, question: str, k: int = 8) -> Answer:
        """Answer a question from the coverage."""

    def index(
        self,
        corpus_dir: Path | None = None,
        full: bool = False,
        progress: Callable[[Progress], None] | None = None,
    ) -> IndexReport:
        """Bring the index in line with the corpus."""

    def sources(self) -> list[SourceInfo]:
        """List the indexed articles."""

    def status(self) -> Status:
        """Describe the index."""

    def close(self) -> None:
        """Release the store."""


class NewsdeskBot(commands.Bot):
    """The bot: holds the settings, the desk and the question limiter; cogs do the rest."""

    def __init__(self, settings: Settings, desk: Desk, **options: Any) -> None:
        """Args: settings and desk are injected; options go to `commands.Bot`."""
        options.setdefault(
            "intents", discord.Intents(guilds=True, guild_messages=True, dm_messages=True)
        )
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
            max_messages=None,
            chunk_guilds_at_startup=False,
            **options,
        )
        self.settings = settings
        self.desk = desk
        self.limiter = QuestionLimiter(*settings.ask_rate)
        self.tree.on_error = on_tree_error

    async def setup_hook(self) -> None:
        """Load the cogs, then sync commands to DISCORD_GUILD_ID, or globally."""
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        guild_id = self.settings.discord_guild_id
        if guild_id is None:
            synced = await self.tree.sync()
        else:
            guild = discord.Object(guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
        where = "globally" if guild_id is None else f"to guild {guild_id}"
        log.info("synced %d commands %s", len(synced), where)

    async def on_ready(self) -> None:
        """Log who we are once connected."""
        log.info("connected as %s to %d guilds", self.user, len(self.guilds))


class ShardedNewsdeskBot(NewsdeskBot, commands.AutoShardedBot):
    """The same bot over several gateway shards (`SHARD_COUNT`)."""


def build_bot(settings: Settings, desk: Desk, **options: Any) -> NewsdeskBot:
    """Return the bot `newsdesk run` starts (sharded when SHARD_COUNT is set).

    Also points discord.py at DISCORD_API_BASE / DISCORD_GATEWAY_URL when they are set.
    """
    apply_endpoints(settings.discord_api_base, settings.discord_gateway_url)
    if settings.shard_count:
        return ShardedNewsdeskBot(settings, desk, shard_count=settings.shard_count, **options)
    return NewsdeskBot(settings, desk, **options)


def run(settings: Settings) -> int:
    """Start the bot and serve until stopped; return the exit code."""
    if not settings.discord_token:
        print("newsdesk: DISCORD_TOKEN is not set; see docs/discord.md", file=sys.stderr)
        return 1
    return asyncio.run(serve(settings))


async def serve(settings: Settings) -> int:
    """Check the token, open the desk, then run the bot until it closes."""
    apply_endpoints(settings.discord_api_base, settings.discord_gateway_url)
    token = settings.discord_token or ""
    try:
        await _check_token(token)
    except discord.LoginFailure:
        print(
            "newsdesk: Discord rejected DISCORD_TOKEN (401 Unauthorized); "
            "reset it in the Developer Portal",
            file=sys.stderr,
        )
        return 1
    except (aiohttp.ClientError, OSError) as exc:
        print(f"newsdesk: cannot reach Discord: {type(exc).__name__}", file=sys.stderr)
        return 1
    desk = await asyncio.to_thread(_open_desk, settings)
    try:
        async with build_bot(settings, desk) as bot:
            await bot.start(token)
    finally:
        await asyncio.to_thread(desk.close)
    return 0


async def _check_token(token: str) -> None:
    """Fail fast on a rejected token, before the slow model load (`GET /users/@me`)."""
    http = discord.http.HTTPClient(asyncio.get_running_loop())
    try:
        await http.static_login(token)
    finally:
        await http.close()


def _open_desk(settings: Settings) -> Desk:
    from index.service import Newsdesk  # loads torch and Chroma: only when running

    desk = Newsdesk.open(settings)
    if desk.status().passages == 0:
        log.info("the index is empty; indexing %s first", settings.corpus_dir)
        desk.index()
    return desk
