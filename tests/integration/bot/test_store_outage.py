"""`newsdesk run` over a Chroma server that is down at start, comes up, goes away and returns.

Real processes throughout: `newsdesk run` (model, HttpClient) and `chroma run`, with a fake
Discord of this test's own on 127.0.0.1 playing the users.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from bot.replies import UNAVAILABLE
from tests.fakediscord import FakeDiscord, InteractionHandle, Message
from tests.integration.bot.conftest import EVS_SOURCE
from tests.integration.bot.processes import ChromaServer, free_port, start_newsdesk_run, stop

pytestmark = pytest.mark.server
TOKEN = "outage-token.Secret-789"
QUESTION = "how many EVs?"


async def final(fake: FakeDiscord, handle: InteractionHandle, timeout: float = 60) -> Message:
    """Wait for the interaction's first finished message (the reply, or its private notice)."""

    def shown() -> list[Message]:
        return [m for m in handle.interaction.messages if not m.loading]

    return (await fake.wait_for(shown, timeout))[0]


async def ask(fake: FakeDiscord, who: str) -> Message:
    return await final(
        fake, await fake.invoke("ask", {"question": QUESTION}, user=fake.add_member(who))
    )


async def test_bot_keeps_running_while_the_store_is_away(tmp_path: Path, shared_corpus: Path):
    corpus = tmp_path / "corpus"
    shutil.copytree(shared_corpus, corpus)
    chroma = ChromaServer(tmp_path / "chroma", free_port())
    log = tmp_path / "newsdesk.log"
    async with FakeDiscord(token=TOKEN) as fake:
        bot = start_newsdesk_run(
            tmp_path,
            log,
            CORPUS_DIR=str(corpus),
            CHROMA_HOST="127.0.0.1",
            CHROMA_PORT=str(chroma.port),
            DISCORD_TOKEN=TOKEN,
            DISCORD_API_BASE=fake.api_base,
            DISCORD_GATEWAY_URL=fake.gateway_url,
            ASK_RATE="100/1",
            LOG_LEVEL="INFO",
        )
        try:
            await fake.wait_for(lambda: "connected as" in log.read_text(), timeout=300)

            # Down from the start: the bot started anyway and says so, privately.
            down = await ask(fake, "early")
            assert down.ephemeral and down.content == UNAVAILABLE
            dm = await (await fake.send_dm(fake.add_member("dm-reader"), QUESTION)).reply()
            assert dm.content == UNAVAILABLE
            status = await final(fake, await fake.invoke("status", user=fake.member))
            assert "The index is unavailable" in status.text
            assert f"chroma server 127.0.0.1:{chroma.port}" in status.text

            # The server comes up: the next request opens it; the empty index is filled.
            await asyncio.to_thread(chroma.start)
            reindex = await fake.invoke("reindex", user=fake.moderator)
            report = await reindex.response(until=lambda m: "Reindex finished" in m.text)
            assert _count(report, "Added") == "2"
            assert EVS_SOURCE in (await ask(fake, "after-start")).text

            # The server goes away while the bot runs, then comes back.
            await asyncio.to_thread(chroma.stop)
            gone = await ask(fake, "during-outage")
            assert gone.ephemeral and gone.content == UNAVAILABLE
            await asyncio.to_thread(chroma.start)
            back = await ask(fake, "after-outage")
            assert "49,000" in back.text and EVS_SOURCE in back.text
        finally:
            code = await asyncio.to_thread(stop, bot)
            await asyncio.to_thread(chroma.stop)

    output = log.read_text()
    assert code == 0, output  # SIGTERM closes the bot cleanly
    assert TOKEN not in output and "Traceback" not in output, output
    assert output.count("the index is unavailable") == 2, output  # once per outage
    assert output.count("the index store is reachable again") == 2, output
    assert [c for c in fake.calls if c.status >= 400] == []


def _count(message: Message, name: str) -> str:
    return next(f["value"] for f in message.embeds[0]["fields"] if f["name"] == name)
