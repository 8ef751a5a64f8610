"""/add, /follow, the feed poll and /status's feeds, through the fake Discord."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from bot.replies import NOT_ADMIN
from index.corpus.adding import WEB_FOLDER
from index.corpus.feeds import FEEDS_FILE
from tests.fakediscord import FakeDiscord, InvocationRefused
from tests.newsroom import Newsroom


@pytest_asyncio.fixture
async def newsroom() -> AsyncIterator[Newsroom]:
    async with Newsroom() as site:
        yield site


@pytest_asyncio.fixture
async def corpus_restored(fake: FakeDiscord, bot_settings, desk) -> AsyncIterator[None]:
    """Leave the shared bot corpus and index as they were: the other bot tests rely on it."""
    yield
    shutil.rmtree(bot_settings.core.corpus_dir / WEB_FOLDER, ignore_errors=True)
    (bot_settings.core.corpus_dir / FEEDS_FILE).unlink(missing_ok=True)
    await asyncio.to_thread(desk.index)


def shown(handle):
    return [m for m in handle.interaction.messages if not m.deleted and not m.loading]


async def test_add_by_an_admin_then_ask(fake: FakeDiscord, newsroom, new_user, corpus_restored):
    url = newsroom.article_url("tramway")
    handle = await fake.invoke("add", {"url": url}, user=fake.moderator)
    message = await handle.response(timeout=60)
    embed = message.embeds[0]
    assert handle.acks == [5] and not message.ephemeral
    assert embed["title"] == "Quarry Hill tramway extension opens to passengers"
    assert embed["url"] == url
    assert "Saved as `web/127-0-0-1-articles-tramway-" in embed["description"]
    assert "Indexed: 3 articles in the index." in embed["description"]

    ask = await fake.invoke(
        "ask",
        {"question": "How many passengers will the Quarry Hill tramway carry a day?"},
        user=new_user(),
    )
    answer = await ask.response(timeout=30)
    assert "Not in the coverage" not in answer.text
    cited = answer.embeds[0]["fields"][0]["value"]  # the article and its published date
    assert f"({url})" in cited and cited.endswith("· 2026-02-14")

    again = await fake.invoke("add", {"url": url}, user=fake.admin)
    assert "Already in the coverage as `web/" in (await again.response(timeout=30)).text


async def test_add_refused_says_why_privately(fake: FakeDiscord, bot_admin):
    handle = await fake.invoke(
        "add", {"url": "ftp://files.example/a.txt"}, user=bot_admin, guild=False
    )
    await fake.wait_for(lambda: shown(handle))
    (message,) = shown(handle)
    assert message.ephemeral
    assert message.content == (
        "Could not add ftp://files.example/a.txt: "
        "only http and https URLs can be fetched (scheme: 'ftp')"
    )


async def test_add_applies_the_fetch_limit_settings(fake: FakeDiscord, newsroom, bot_settings):
    assert bot_settings.core.fetch_max_bytes == 1024 * 1024  # the default, 5 MiB, would read /big
    url = newsroom.url("/big")
    handle = await fake.invoke("add", {"url": url}, user=fake.admin)
    await fake.wait_for(lambda: shown(handle), timeout=30)
    (message,) = shown(handle)
    assert message.ephemeral
    assert message.content == (
        f"Could not add {url}: too large: 2,097,159 bytes, over the 1 MiB limit"
    )


async def test_add_and_follow_are_for_admins_only(fake: FakeDiscord):
    for name, option in (("add", "url"), ("follow", "feed")):
        with pytest.raises(InvocationRefused, match="lacks permission"):
            await fake.invoke(name, {option: "https://news.example/"}, user=fake.member)
        handle = await fake.invoke(
            name, {option: "https://news.example/"}, user=fake.member, bypass_permissions=True
        )
        message = await handle.response()
        assert handle.acks == [4] and message.ephemeral and message.content == NOT_ADMIN


async def test_follow_poll_and_status(
    fake: FakeDiscord, running_bot, newsroom, new_user, corpus_restored
):
    cog = running_bot.get_cog("Adding")
    assert cog.poll_feeds.is_running() and cog.poll_feeds.minutes == 30
    newsroom.feeds["news"] = ["/articles/orchard"]
    newsroom.feeds["atom-sport"] = ["/articles/observatory"]
    for name in ("news", "atom-sport"):
        handle = await fake.invoke(
            "follow", {"feed": newsroom.url(f"/feeds/{name}.xml")}, user=fake.admin
        )
        text = (await handle.response(timeout=30)).content
        assert text.startswith(f"Now following **Ledger {name}**")
        assert text.endswith("new items are added every 30 minutes.")

    newsroom.feeds["atom-sport"] = 503
    report = await cog.poll_once()
    assert report.added == 1 and report.feeds[1].error == "HTTP 503 Service Unavailable"

    status = await fake.invoke("status", user=new_user())
    fields = {f["name"]: f["value"] for f in (await status.response()).embeds[0]["fields"]}
    news, sport = fields["Feeds (2)"].splitlines()
    assert "Ledger news · polled <t:" in news and "⚠" not in news
    assert "Ledger atom-sport · polled <t:" in sport
    assert sport.endswith("⚠ HTTP 503 Service Unavailable")
    assert fields["Articles"] == "3"
