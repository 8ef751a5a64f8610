"""The fake Discord, exercised by a minimal real `commands.Bot` over 127.0.0.1.

These tests pin the fake's behaviour to Discord's, so the bot's tests can trust it.
"""

from __future__ import annotations

import asyncio
import json

import aiohttp
import discord
import discord.gateway
import discord.http
import pytest
import pytest_asyncio
from discord import app_commands
from discord.ext import commands

from tests.fakediscord import FakeDiscord, InvocationRefused
from tests.fakediscord.control import PREFIX
from tests.fakediscord.render import render_version
from tests.fakediscord.state import ACK_DEADLINE_S, TOKEN_LIFETIME_S


class MiniBot(commands.Bot):
    """The smallest bot that exercises the protocol: commands, DMs and mentions."""

    def __init__(self) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),
            guild_ready_timeout=0.05,
            allowed_mentions=discord.AllowedMentions.none(),
        )
        self.errors: list[Exception] = []
        self.seen: list[discord.Message] = []

    async def setup_hook(self) -> None:
        errors = self.errors

        @self.tree.command()
        async def echo(
            interaction: discord.Interaction, text: app_commands.Range[str, 1, 50]
        ) -> None:
            """Reply at once."""
            await interaction.response.send_message(f"echo: {text}")

        @self.tree.command()
        @app_commands.default_permissions(manage_guild=True)
        async def slow(interaction: discord.Interaction, private: bool = False) -> None:
            """Defer, then answer by followup, then edit the original."""
            await interaction.response.defer(ephemeral=private, thinking=True)
            await interaction.followup.send("step 1")
            await interaction.edit_original_response(content="step 2")

        @self.tree.command()
        async def big(interaction: discord.Interaction, size: int) -> None:
            """Try to send `size` characters."""
            try:
                await interaction.response.send_message("x" * size)
            except discord.HTTPException as exc:
                errors.append(exc)
                await interaction.response.send_message("too big")

        @self.tree.command()
        async def gone(interaction: discord.Interaction) -> None:
            """Defer publicly, then swap the placeholder for a private note."""
            await interaction.response.defer(thinking=True)
            await interaction.delete_original_response()
            await interaction.followup.send("private note", ephemeral=True)

        @self.tree.command()
        async def late(interaction: discord.Interaction) -> None:
            """Acknowledge too late."""
            await asyncio.sleep(0.3)
            try:
                await interaction.response.send_message("late")
            except discord.HTTPException as exc:
                errors.append(exc)

    async def on_message(self, message: discord.Message) -> None:
        if message.author == self.user:
            return
        self.seen.append(message)
        if message.guild is None or self.user in message.mentions:
            sent = await message.reply(f"heard: {message.content}")
            if "edit me" in message.content:
                await sent.edit(content="edited")


@pytest_asyncio.fixture(scope="module")
async def minibot(fake: FakeDiscord):
    bot = MiniBot()
    task = asyncio.create_task(bot.start(fake.token))
    await asyncio.wait_for(bot.wait_until_ready(), 10)
    await bot.tree.sync()
    yield bot
    await bot.close()
    await task


async def test_client_connects_and_identifies(fake: FakeDiscord, minibot: MiniBot):
    assert minibot.user.id == fake.bot.id
    assert [g.id for g in minibot.guilds] == [fake.guild.id]
    assert minibot.guilds[0].member_count == len(fake.guild.members)
    paths = [(c.method, c.path) for c in fake.calls]
    assert ("GET", "/users/@me") in paths
    assert ("GET", "/oauth2/applications/@me") in paths
    session = fake.gateway.live()[0]
    identify = next(p for p in session.received if p["op"] == 2)
    assert identify["d"]["token"] == fake.token
    assert any(p["op"] == 1 for p in session.received)  # heartbeats are acknowledged


async def test_sync_stores_names_options_and_permissions(fake: FakeDiscord, minibot: MiniBot):
    synced = fake.synced_commands[None]
    assert set(synced) == {"echo", "slow", "big", "gone", "late"}
    assert (
        synced["echo"]["options"][0] | {"name": "text", "max_length": 50, "required": True}
        == synced["echo"]["options"][0]
    )
    assert synced["slow"]["default_member_permissions"] == str(1 << 5)
    assert synced["echo"]["default_member_permissions"] is None
    put = fake.calls_to("PUT", "/commands")[-1]
    assert put.path == f"/applications/{fake.bot.id}/commands" and put.status == 200


async def test_invoke_immediate_reply(fake: FakeDiscord, minibot: MiniBot):
    handle = await fake.invoke("echo", {"text": "hello @everyone"}, user=fake.member)
    message = await handle.response()
    assert handle.acks == [4]
    assert message.content == "echo: hello @everyone"
    assert message.allowed_mentions["parse"] == []
    assert message.pings == set()
    callback = fake.calls_to("POST", f"/interactions/{handle.interaction.id}/")[0]
    assert callback.query == {"with_response": "1"}
    assert callback.response["interaction"]["response_message_id"] == str(message.id)


async def test_defer_then_followup_then_edit(fake: FakeDiscord, minibot: MiniBot):
    handle = await fake.invoke("slow", {"private": True}, user=fake.moderator)
    message = await handle.response(until=lambda m: m.content == "step 2")
    assert handle.acks == [5]
    assert message.ephemeral
    assert [v["content"] for v in message.versions] == ["", "step 1", "step 2"]
    assert handle.followups == []  # the first followup filled in the deferred message


async def test_second_ack_and_unknown_interaction_are_rejected(fake: FakeDiscord, minibot):
    handle = await fake.invoke("echo", {"text": "once"}, user=fake.member)
    await handle.response()
    url = (
        f"{fake.api_base}/interactions/{handle.interaction.id}/{handle.interaction.token}/callback"
    )
    async with aiohttp.ClientSession() as session:
        async with session.post(url, json={"type": 4, "data": {"content": "twice"}}) as second:
            assert second.status == 400
            assert second.headers["Content-Type"] == "application/json"
            assert (await second.json())["code"] == 40060
        async with session.post(
            url.replace(handle.interaction.token, "nope"), json={"type": 5}
        ) as r:
            assert r.status == 404 and (await r.json())["code"] == 10062


async def test_late_acknowledgement_is_unknown_interaction(fake: FakeDiscord, minibot: MiniBot):
    fake.state.ack_deadline = 0.1
    try:
        handle = await fake.invoke("late", user=fake.member)
        await fake.wait_for(lambda: minibot.errors)
    finally:
        fake.state.ack_deadline = ACK_DEADLINE_S
    error = minibot.errors.pop()
    assert isinstance(error, discord.NotFound) and error.code == 10062
    assert handle.original is None


async def test_limits_are_enforced_with_discord_error_body(fake: FakeDiscord, minibot: MiniBot):
    handle = await fake.invoke("big", {"size": 2001}, user=fake.member)
    assert (await handle.response()).content == "too big"
    error = minibot.errors.pop()
    assert isinstance(error, discord.HTTPException) and error.code == 50035
    rejected = [c for c in fake.calls if c.status == 400 and c.response.get("code") == 50035]
    assert (
        rejected[-1].response["errors"]["content"]["_errors"][0]["code"] == "BASE_TYPE_MAX_LENGTH"
    )


async def test_default_member_permissions_gate(fake: FakeDiscord, minibot: MiniBot):
    with pytest.raises(InvocationRefused):
        await fake.invoke("slow", user=fake.member)
    for allowed in (fake.admin, fake.moderator, fake.owner):
        await (await fake.invoke("slow", user=allowed)).response(lambda m: m.content == "step 2")
    bypassed = await fake.invoke("slow", user=fake.member, bypass_permissions=True)
    assert (await bypassed.response(lambda m: m.content == "step 2")).content == "step 2"


async def test_option_schema_is_checked_unless_bypassed(fake: FakeDiscord, minibot: MiniBot):
    with pytest.raises(InvocationRefused, match="50 or fewer"):
        await fake.invoke("echo", {"text": "x" * 51}, user=fake.member)
    with pytest.raises(InvocationRefused, match="required"):
        await fake.invoke("echo", {}, user=fake.member)
    with pytest.raises(InvocationRefused, match="not a synced command"):
        await fake.invoke("nope", user=fake.member)


async def test_dm_and_mention_and_hidden_content(fake: FakeDiscord, minibot: MiniBot):
    dm = await fake.send_dm(fake.member, "hello bot")
    reply = await dm.reply()
    assert reply.content == "heard: hello bot"
    assert reply.channel_id == fake.dm_channel(fake.member).id and reply.guild_id is None
    mention = await fake.send_guild_message(fake.member, "are you there?", mention_bot=True)
    assert (await mention.reply()).content == f"heard: {fake.bot.mention} are you there?"
    await fake.send_guild_message(fake.member, "no mention here")
    await fake.wait_for(lambda: minibot.seen and minibot.seen[-1].content == "")


async def test_dm_invocation(fake: FakeDiscord, minibot: MiniBot):
    handle = await fake.invoke("echo", {"text": "in private"}, user=fake.member, guild=False)
    message = await handle.response()
    assert message.guild_id is None and message.channel_id == fake.dm_channel(fake.member).id


async def test_guild_sync_is_not_available_in_dms(fake: FakeDiscord, minibot: MiniBot):
    guild = discord.Object(fake.guild.id)
    minibot.tree.copy_global_to(guild=guild)
    await minibot.tree.sync(guild=guild)
    assert set(fake.synced_commands[fake.guild.id]) == set(fake.synced_commands[None])
    minibot.tree.clear_commands(guild=guild)
    await minibot.tree.sync(guild=guild)
    assert fake.synced_commands[fake.guild.id] == {}


async def test_wrong_token_rest_401_and_gateway_4004(fake: FakeDiscord):
    intruder = MiniBot()
    with pytest.raises(discord.LoginFailure):
        await intruder.login("wrong-token")
    await intruder.close()
    assert fake.calls[-1].status == 401
    url = fake.gateway_url + "?v=10&encoding=json"
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
        hello = json.loads((await ws.receive()).data)
        assert hello["op"] == 10
        await ws.send_json(
            {"op": 2, "d": {"token": "wrong-token", "intents": 513, "properties": {}}}
        )
        closed = await ws.receive()
        assert closed.type == aiohttp.WSMsgType.CLOSE and closed.data == 4004


async def test_bot_opens_a_dm_and_edits_its_message(fake: FakeDiscord, minibot: MiniBot):
    channel = await minibot.create_dm(discord.Object(fake.moderator.id))
    assert channel.id == fake.dm_channel(fake.moderator).id
    await channel.send("a note")
    assert fake.calls_to("POST", "/users/@me/channels")[-1].status == 200
    assert fake.messages[-1].content == "a note" and fake.messages[-1].guild_id is None
    dm = await fake.send_dm(fake.moderator, "please edit me")
    reply = await fake.wait_for(lambda: [m for m in dm.replies() if m.content == "edited"])
    assert [v["content"] for v in reply[0].versions] == ["heard: please edit me", "edited"]
    assert fake.calls_to("PATCH", f"/channels/{channel.id}/messages/")[-1].status == 200


async def test_sharded_client_gets_the_guild_on_its_shard(fake: FakeDiscord, minibot: MiniBot):
    class ShardedMini(commands.AutoShardedBot):
        async def before_identify_hook(self, shard_id, *, initial=False):
            pass  # the real one sleeps 5 s between shards

    sharded = ShardedMini(
        command_prefix=commands.when_mentioned,
        shard_count=2,
        intents=discord.Intents.default(),
        guild_ready_timeout=0.05,
    )
    task = asyncio.create_task(sharded.start(fake.token))
    try:
        await asyncio.wait_for(sharded.wait_until_ready(), 10)
        owner = (fake.guild.id >> 22) % 2
        assert [g.shard_id for g in sharded.guilds] == [owner]
        shards = sorted(s.shard for s in fake.gateway.live() if s.shard[1] == 2)
        assert shards == [(0, 2), (1, 2)]
    finally:
        await sharded.close()
        await task


async def test_hold_parks_one_request_until_released(fake: FakeDiscord, minibot: MiniBot):
    hold = fake.hold("PATCH", "/messages/@original")
    handle = await fake.invoke("slow", user=fake.moderator)
    body = await hold.reached()
    assert body["content"] == "step 2" and hold.held
    assert handle.original.content == "step 1"  # the followup went through meanwhile
    hold.release()
    message = await handle.response(lambda m: m.content == "step 2")
    assert [v["content"] for v in message.versions] == ["", "step 1", "step 2"]
    assert not hold.matches("PATCH", "/messages/@original")  # one request only


async def test_expired_token_is_401_invalid_webhook_token(fake: FakeDiscord, minibot: MiniBot):
    first = await fake.invoke("echo", {"text": "one"}, user=fake.member)
    second = await fake.invoke("echo", {"text": "two"}, user=fake.member)
    await first.response()
    await second.response()
    first.expire()  # as if 15 minutes had passed
    fake.state.token_lifetime = 0.0  # or as if every token were that old
    try:
        async with aiohttp.ClientSession() as session:
            for handle in (first, second):
                token = handle.interaction.token
                url = f"{fake.api_base}/webhooks/{fake.bot.id}/{token}/messages/@original"
                async with session.patch(url, json={"content": "late"}) as response:
                    assert response.status == 401
                    assert (await response.json())["code"] == 50027
            unknown = f"{fake.api_base}/webhooks/{fake.bot.id}/nope/messages/@original"
            async with session.patch(unknown, json={"content": "x"}) as response:
                assert response.status == 404 and (await response.json())["code"] == 10015
    finally:
        fake.state.token_lifetime = TOKEN_LIFETIME_S
    assert first.original.content == "echo: one"


async def test_control_api_plays_users_and_renders_replies(fake: FakeDiscord, minibot: MiniBot):
    base = f"http://127.0.0.1:{fake.port}{PREFIX}"
    async with aiohttp.ClientSession() as session:
        async with session.get(base + "/") as response:
            where = await response.json()
        assert where["DISCORD_API_BASE"] == fake.api_base and where["connected"]
        async with session.post(base + "/command/echo?user=walker", json={"text": "hi"}) as r:
            assert r.status == 200 and (await r.text()) == "echo: hi\n"
        async with session.post(base + "/command/gone?user=walker", json={}) as r:
            assert (await r.text()).splitlines() == [
                "(the bot deleted its “thinking…” message)",
                "(only you can see this)",
                "private note",
            ]
        async with session.post(base + "/command/slow?user=member", json={}) as r:
            assert r.status == 403 and "lacks permission" in await r.text()
        async with session.post(base + "/dm?user=walker", data="hello there") as r:
            assert await r.text() == "heard: hello there\n"
        async with session.post(base + "/mention?user=walker", data="anyone?") as r:
            assert await r.text() == f"heard: {fake.bot.mention} anyone?\n"
    walker = [u for u in fake.state.users.values() if u.username == "walker"]
    assert len(walker) == 1 and fake.guild.member(walker[0].id) is not None


def test_render_shows_embeds_and_side_by_side_fields():
    version = {
        "flags": 64,
        "content": "",
        "embeds": [
            {
                "title": "Q?",
                "description": "**A**",
                "fields": [
                    {"name": "[1] One", "value": "`a.txt` · paragraph 2", "inline": True},
                    {"name": "[2] Two", "value": "`b.txt` · paragraph 5", "inline": True},
                ],
                "footer": {"text": "2 passages"},
            }
        ],
    }
    assert render_version(version).splitlines() == [
        "(only you can see this)",
        "┃ ## Q?",
        "┃ **A**",
        "┃   col 1│ [[1] One]",
        "┃   col 1│ `a.txt` · paragraph 2",
        "┃   col 2│ [[2] Two]",
        "┃   col 2│ `b.txt` · paragraph 5",
        "┃ — 2 passages",
    ]
