"""Build and run the Discord bot; `newsdesk run` calls `run(settings)` with `BotSettings`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import aiohttp
import discord
from discord.ext import commands

from bot.answer_view import ThreadButton, VoteButton
from bot.answering import AnsweringQueue, share_cores
from bot.conversations import Conversations
from bot.cooldown import QuestionLimiter
from bot.desk import Desk, ReconnectingDesk
from bot.endpoints import apply_endpoints
from bot.replies import on_tree_error
from bot.settings import BotSettings
from index.models import Answer

if TYPE_CHECKING:
    from bot.conversations import Key

log = logging.getLogger(__name__)

__all__ = ["EXTENSIONS", "Desk", "NewsdeskBot", "build_bot", "run", "serve"]
SETUP_HINT = "see the Discord section of README.md"
EXTENSIONS = ("bot.cogs.ask", "bot.cogs.library", "bot.cogs.admin", "bot.cogs.adding",
              "bot.cogs.editors")


class NewsdeskBot(commands.Bot):
    """The bot: holds the settings, the desk, the question limiter and the answering queue."""

    def __init__(self, settings: BotSettings, desk: Desk, **options: Any) -> None:
        """Args: settings and desk are injected; options go to `commands.Bot`."""
        options.setdefault("intents", discord.Intents(
            guilds=True, guild_messages=True, dm_messages=True,
            message_content=settings.read_thread_messages))
        # A text-only bot: discord.py's "voice will NOT be supported" warnings only confuse.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
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
        self.answering = AnsweringQueue(self._answer, settings.answer_workers)
        self.conversations = Conversations(desk.recorder)
        self.tree.on_error = on_tree_error

    def _answer(self, question: str, conversation: Key | None = None) -> Answer:
        """Answer from the current desk (blocking: the answering queue's workers call it).

        A question asked in a conversation is read against its last turn (if a follow-up).
        """
        previous = None if conversation is None else self.conversations.previous(conversation)
        return self.desk.ask(question, previous=previous)

    async def close(self) -> None:
        """Close the connection to Discord, then stop the answering workers."""
        await super().close()
        self.answering.close()

    async def setup_hook(self) -> None:
        """Load the cogs, then sync commands to DISCORD_GUILD_ID, or globally."""
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        self.add_dynamic_items(VoteButton, ThreadButton)  # answers' buttons, across restarts
        guild_id = self.settings.discord_guild_id
        if guild_id is None:
            synced = await self.tree.sync()
        else:
            guild = discord.Object(guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
        where = "globally" if guild_id is None else f"to guild {guild_id}"
        log.info("synced %d commands %s", len(synced), where)

    async def on_message(self, message: discord.Message, /) -> None:
        """Run no text commands: the ask cog answers messages (a mention is a question)."""

    async def on_ready(self) -> None:
        """Log who we are once connected."""
        log.info("connected as %s to %d guilds", self.user, len(self.guilds))


class ShardedNewsdeskBot(NewsdeskBot, commands.AutoShardedBot):
    """The same bot over several gateway shards (`SHARD_COUNT`)."""


def build_bot(settings: BotSettings, desk: Desk, **options: Any) -> NewsdeskBot:
    """Return the bot `newsdesk run` starts (sharded when SHARD_COUNT is set).

    Also points discord.py at DISCORD_API_BASE / DISCORD_GATEWAY_URL when they are set.
    """
    apply_endpoints(settings.discord_api_base, settings.discord_gateway_url)
    if settings.shard_count:
        return ShardedNewsdeskBot(settings, desk, shard_count=settings.shard_count, **options)
    return NewsdeskBot(settings, desk, **options)


def run(settings: BotSettings) -> int:
    """Start the bot and serve until stopped; return the exit code."""
    if not settings.discord_token:
        print(f"newsdesk: DISCORD_TOKEN is not set; {SETUP_HINT}", file=sys.stderr)
        return 1
    return asyncio.run(serve(settings))


async def serve(settings: BotSettings) -> int:
    """Check the token, open the desk, then run the bot until it closes (or SIGTERM)."""
    apply_endpoints(settings.discord_api_base, settings.discord_gateway_url)
    token = settings.discord_token or ""
    problem = await _login_problem(token)
    if problem is not None:
        print(f"newsdesk: {problem}", file=sys.stderr)
        return 1
    threads = share_cores(settings.answer_workers)
    log.info("answering %d questions at once, %d torch threads each",
             settings.answer_workers, threads)
    desk = ReconnectingDesk(settings.core)
    await asyncio.to_thread(desk.start)
    try:
        async with build_bot(settings, desk) as bot:
            with _close_on_sigterm(bot):
                await bot.start(token)
    finally:
        await asyncio.to_thread(desk.close)
    return 0


async def _login_problem(token: str) -> str | None:
    """Check the token before the slow model load (`GET /users/@me`); say what is wrong."""
    http = discord.http.HTTPClient(asyncio.get_running_loop())
    where = discord.http.Route.BASE
    try:
        await http.static_login(token)
    except discord.LoginFailure:
        return f"Discord rejected DISCORD_TOKEN (401 Unauthorized); {SETUP_HINT} to reset it"
    except (aiohttp.ClientError, OSError) as exc:
        reason = getattr(exc, "os_error", None) or exc
        name = type(reason).__name__
        return f"cannot reach Discord at {where} ({name}); check the network or DISCORD_API_BASE"
    except discord.HTTPException as exc:
        return f"Discord answered {exc.status} at {where}; try again later"
    finally:
        await http.close()
    return None


@contextlib.contextmanager
def _close_on_sigterm(bot: NewsdeskBot) -> Iterator[None]:
    """Close the bot cleanly (gateway, HTTP session) when the process gets SIGTERM."""
    loop = asyncio.get_running_loop()
    closing: list[asyncio.Task[None]] = []

    def stop() -> None:
        log.info("SIGTERM: closing the connection to Discord")
        closing.append(loop.create_task(bot.close()))

    try:
        loop.add_signal_handler(signal.SIGTERM, stop)
    except (NotImplementedError, RuntimeError):  # not on this platform / not the main thread
        yield
        return
    try:
        yield
    finally:
        loop.remove_signal_handler(signal.SIGTERM)
