"""Start-up as Discord sees it: login, identify, command sync, sharding, bad or missing token."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import socket
import sys

from bot.app import build_bot
from bot.settings import BotSettings
from tests.fakediscord import FakeDiscord

MANAGE_GUILD = 1 << 5
INTENTS = (1 << 0) | (1 << 9) | (1 << 12)  # guilds, guild messages, direct messages


async def test_connects_and_syncs_globally(fake: FakeDiscord):
    paths = [(c.method, c.path, c.status) for c in fake.calls]
    assert ("GET", "/users/@me", 200) in paths
    assert ("GET", "/oauth2/applications/@me", 200) in paths
    assert ("PUT", f"/applications/{fake.bot.id}/commands", 200) in paths
    identify = next(
        p["d"]
        for s in fake.gateway.live()
        for p in s.received
        if p["op"] == 2 and "shard" not in p["d"]
    )
    assert identify["intents"] == INTENTS  # no privileged intent needed

    synced = fake.synced_commands[None]
    assert set(synced) == {"ask", "search", "sources", "status", "reindex", "add", "follow",
                           "gaps"}
    options = {name: {o["name"]: o for o in c["options"]} for name, c in synced.items()}
    question, private = options["ask"]["question"], options["ask"]["private"]
    assert (question["type"], question["required"], question["max_length"]) == (3, True, 1000)
    assert (private["type"], private.get("required", False)) == (5, False)
    assert (options["sources"]["page"]["type"], options["sources"]["page"]["min_value"]) == (4, 1)
    assert options["reindex"]["full"]["type"] == 5 and options["status"] == {}
    search = options["search"]
    assert (search["query"]["required"], search["since"].get("required", False)) == (True, False)
    assert [c["value"] for c in search["sort"]["choices"]] == ["relevance", "newest"]
    assert (options["gaps"]["days"]["min_value"], options["gaps"]["days"]["max_value"]) == (1, 365)
    for admin_only in ("reindex", "add", "follow", "gaps"):
        assert synced[admin_only]["default_member_permissions"] == str(MANAGE_GUILD)
    assert (options["add"]["url"]["type"], options["add"]["url"]["max_length"]) == (3, 2000)
    assert all(
        synced[n]["default_member_permissions"] is None
        for n in ("ask", "search", "sources", "status")
    )
    assert all(command["description"] for command in synced.values())


async def test_guild_sync_and_shard_count(fake: FakeDiscord, bot_settings: BotSettings, desk):
    settings = dataclasses.replace(bot_settings, discord_guild_id=fake.guild.id, shard_count=1)
    before = set(fake.gateway.live())
    bot = build_bot(settings, desk, guild_ready_timeout=0.05)
    task = asyncio.create_task(bot.start(settings.discord_token))
    try:
        await fake.wait_for(lambda: fake.guild.id in fake.synced_commands or task.done())
        session = await fake.wait_for(lambda: set(fake.gateway.live()) - before)
        commands = {"ask", "search", "sources", "status", "reindex", "add", "follow", "gaps"}
        assert set(fake.synced_commands[fake.guild.id]) == commands
        assert fake.calls_to("PUT", f"/guilds/{fake.guild.id}/commands")[-1].status == 200
        identify = next(p["d"] for p in session.pop().received if p["op"] == 2)
        assert identify["shard"] == [0, 1]  # SHARD_COUNT runs the auto-sharded client
    finally:
        await bot.close()
        await task
        fake.synced_commands.pop(fake.guild.id, None)  # as if an admin removed them again


async def newsdesk_run(cwd, **env: str) -> tuple[int, str, str]:
    """Run `newsdesk run` in a subprocess with these settings; return (code, stdout, stderr)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        "from index.cli import main; raise SystemExit(main(['run']))",
        cwd=cwd,
        env={**os.environ, **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    return process.returncode, out.decode(), err.decode()


async def test_wrong_token_via_newsdesk_run(fake: FakeDiscord, tmp_path):
    token = "wrong.token-Secret-123"
    code, out, err = await newsdesk_run(
        tmp_path,
        DISCORD_TOKEN=token,
        DISCORD_API_BASE=fake.api_base,
        DISCORD_GATEWAY_URL=fake.gateway_url,
    )
    assert code == 1
    assert out == "" and err.count("\n") == 1, err
    assert "Discord rejected DISCORD_TOKEN" in err and token not in err
    assert fake.calls[-1].path == "/users/@me" and fake.calls[-1].status == 401


async def test_unreachable_discord_via_newsdesk_run(tmp_path):
    with socket.socket() as sock:  # a port nothing listens on once this socket is closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    token = "unreachable.token-Secret-456"
    api_base = f"http://127.0.0.1:{port}/api/v10"
    code, out, err = await newsdesk_run(
        tmp_path,
        DISCORD_TOKEN=token,
        DISCORD_API_BASE=api_base,
        DISCORD_GATEWAY_URL=f"ws://127.0.0.1:{port}/gateway/",
    )
    assert code == 1
    assert out == "" and err.count("\n") == 1, err
    assert err.startswith(f"newsdesk: cannot reach Discord at {api_base} (")
    assert token not in err and "Traceback" not in err
