"""The real bot (built as `newsdesk run` builds it) over the real Newsdesk, on a fake Discord.

One fake Discord, one desk (real model, embedded Chroma in a temp dir, a copy of
../shared/corpus) and one connected bot serve the whole session. discord.py reads its REST and
gateway addresses from process-wide attributes, so only one fake is live at a time (the fake's
own self-test borrows those attributes while the session bot sits idle, then restores them).
"""

from __future__ import annotations

import asyncio
import itertools
import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import discord.gateway
import discord.http
import pytest
import pytest_asyncio

from bot.app import NewsdeskBot, build_bot
from bot.endpoints import current_endpoints
from bot.settings import BotSettings
from index.service import Newsdesk
from index.settings import Settings
from tests.fakediscord import FakeDiscord, User

EVS_SOURCE = "000_41f0d333e3b56902.txt"


@pytest_asyncio.fixture(scope="session")
async def discord_fake() -> AsyncIterator[FakeDiscord]:
    """The fake Discord every bot test talks to."""
    saved = current_endpoints()
    async with FakeDiscord(token="session-token.abc.DEF") as fake:
        yield fake
    discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = saved


@pytest.fixture(scope="session")
def bot_admin(discord_fake: FakeDiscord) -> User:
    """A user listed in ADMIN_USER_IDS, without any server permission."""
    return discord_fake.add_member("bot-admin")


@pytest.fixture(scope="session")
def bot_settings(
    discord_fake: FakeDiscord, bot_admin: User, shared_corpus: Path, tmp_path_factory
) -> BotSettings:
    """Settings as `newsdesk run` would read them, pointed at the fake and a temp store."""
    root = tmp_path_factory.mktemp("bot")
    corpus = root / "corpus"
    shutil.copytree(shared_corpus, corpus)
    core = Settings(
        corpus_dir=corpus,
        chroma_path=root / "chroma",
        allow_private_urls=True,  # the adding tests fetch from a server on 127.0.0.1
        fetch_max_bytes=1024 * 1024,  # not the default: the adding tests check it is applied
    )
    return BotSettings(
        core,
        discord_token=discord_fake.token,
        discord_api_base=discord_fake.api_base,
        discord_gateway_url=discord_fake.gateway_url,
        admin_user_ids=frozenset({bot_admin.id}),
        ask_rate=(5, 30.0),
    )


@pytest_asyncio.fixture(scope="session")
async def desk(bot_settings: BotSettings) -> AsyncIterator[Newsdesk]:
    """The real Newsdesk over the copied corpus, indexed once."""
    opened = await asyncio.to_thread(Newsdesk.open, bot_settings.core)
    await asyncio.to_thread(opened.index)
    yield opened
    opened.close()


@pytest_asyncio.fixture(scope="session")
async def running_bot(
    discord_fake: FakeDiscord, bot_settings: BotSettings, desk: Newsdesk
) -> AsyncIterator[NewsdeskBot]:
    """The bot `newsdesk run` builds, connected to the fake with its commands synced."""
    bot = build_bot(bot_settings, desk, guild_ready_timeout=0.05)
    task = asyncio.create_task(bot.start(bot_settings.discord_token or ""))
    await discord_fake.wait_for(lambda: None in discord_fake.synced_commands or task.done())
    await asyncio.wait_for(bot.wait_until_ready(), 10)
    yield bot
    await bot.close()
    await task


@pytest.fixture
def fake(discord_fake: FakeDiscord, running_bot: NewsdeskBot) -> FakeDiscord:
    """The fake Discord, with the bot connected and ready."""
    return discord_fake


_names = itertools.count(1)


@pytest.fixture
def new_user(fake: FakeDiscord) -> Callable[[], User]:
    """Make fresh guild members, so each test has its own question budget."""
    return lambda: fake.add_member(f"reader{next(_names)}")


def sent_payloads(fake: FakeDiscord) -> list[dict]:
    """Return every message body the bot sent or edited (REST and interaction callbacks)."""
    bodies = []
    for call in fake.calls:
        body = call.body if isinstance(call.body, dict) else {}
        if "/callback" in call.path:
            body = body.get("data") or {}
        if "content" in body or "embeds" in body:
            bodies.append(body)
    return bodies
