"""Buttons on the fake Discord, driven by a real discord.py bot with a `discord.ui.View`.

Each callback type a click may answer with is exercised: 7 updates the clicked message, 6
defers that update, 4 sends a new message, 5 defers one.
"""

from __future__ import annotations

import aiohttp
import discord
import pytest
import pytest_asyncio
from discord.ext import commands
from discord.http import Route

from tests.fakediscord import FakeDiscord, InvocationRefused, Message
from tests.fakediscord.control import PREFIX
from tests.fakediscord.interactions import new_interaction
from tests.fakediscord.render import render
from tests.integration.fakediscord.clients import running


class Vote(discord.ui.View):
    """Five buttons, one per way to answer a click, plus a disabled one and a link."""

    def __init__(self, clicks: list[discord.Interaction]) -> None:
        super().__init__(timeout=60)
        self.clicks = clicks
        self.add_item(discord.ui.Button(label="Docs", url="https://example.org/docs"))

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        self.clicks.append(interaction)
        return True

    @discord.ui.button(label="Yes", emoji="👍", custom_id="vote:yes")
    async def yes(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        button.disabled = True
        await interaction.response.edit_message(content="voted yes", view=self)

    @discord.ui.button(label="No", emoji="👎", custom_id="vote:no")
    async def no(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.defer()
        await interaction.edit_original_response(content="voted no")
        await interaction.followup.send("thanks for voting", ephemeral=True)

    @discord.ui.button(label="Why", custom_id="vote:why")
    async def why(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.send_message(f"asked by {interaction.user.name}", ephemeral=True)

    @discord.ui.button(label="Slow", custom_id="vote:slow")
    async def slow(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.defer(thinking=True)
        await interaction.followup.send("thought about it")

    @discord.ui.button(label="Closed", custom_id="vote:closed", disabled=True)
    async def closed(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.send_message("never")


class VoteBot(commands.Bot):
    """Sends votes from /vote (public or ephemeral)."""

    def __init__(self) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),
            guild_ready_timeout=0.05,
        )
        self.clicks: list[discord.Interaction] = []

    async def setup_hook(self) -> None:
        clicks = self.clicks

        @self.tree.command()
        async def vote(interaction: discord.Interaction, private: bool = False) -> None:
            """Post a vote."""
            await interaction.response.send_message("Vote?", view=Vote(clicks), ephemeral=private)


@pytest_asyncio.fixture(scope="module")
async def votebot(fake: FakeDiscord):
    async with running(VoteBot(), fake) as bot:
        await bot.tree.sync()
        yield bot


async def post_vote(fake: FakeDiscord, *, private: bool = False, user=None) -> Message:
    handle = await fake.invoke("vote", {"private": private}, user=user or fake.moderator)
    return await handle.response()


async def test_message_carries_rows_of_buttons(fake: FakeDiscord, votebot: VoteBot):
    message = await post_vote(fake)
    assert [row["type"] for row in message.components] == [1, 1]
    first = message.components[0]["components"]
    assert [b["custom_id"] for b in first] == [
        "vote:yes",
        "vote:no",
        "vote:why",
        "vote:slow",
        "vote:closed",
    ]
    assert first[0]["emoji"]["name"] == "👍" and first[4]["disabled"] is True
    link = message.components[1]["components"][0]
    assert link["style"] == 5 and link["url"] == "https://example.org/docs"
    assert "custom_id" not in link
    ids = [message.components[0]["id"], first[0]["id"], first[1]["id"]]
    assert ids == [1, 2, 3]  # Discord numbers components in reading order
    assert render(message).splitlines() == [
        "Vote?",
        "[👍 Yes] [👎 No] [Why] [Slow] [~Closed~]",
        "[Docs ↗]",
    ]
    fetched = await votebot.get_channel(fake.channel.id).fetch_message(message.id)
    assert [c.label for c in fetched.components[0].children][:2] == ["Yes", "No"]


async def test_update_message_edits_the_clicked_message(fake: FakeDiscord, votebot: VoteBot):
    message = await post_vote(fake)
    handle = await fake.click(fake.member, message, "vote:yes")
    updated = await handle.response(lambda m: m.content == "voted yes")
    assert handle.acks == [7] and updated is message and handle.message is message
    assert [v["content"] for v in message.versions] == ["Vote?", "voted yes"]
    assert message.components[0]["components"][0]["disabled"] is True
    clicked = votebot.clicks[-1]
    assert clicked.type is discord.InteractionType.component
    assert clicked.data == {"custom_id": "vote:yes", "component_type": 2}
    assert clicked.message.id == message.id and clicked.user.id == fake.member.id
    assert clicked.channel.id == fake.channel.id
    callback = fake.calls_to("POST", f"/interactions/{handle.interaction.id}/")[0]
    assert callback.response["interaction"]["type"] == 3
    assert callback.response["resource"]["type"] == 7
    with pytest.raises(InvocationRefused, match="disabled"):
        await fake.click(fake.member, message, "Yes")  # by label, now disabled


async def test_deferred_update_then_edit_original_and_followup(fake: FakeDiscord, votebot):
    message = await post_vote(fake)
    handle = await fake.click(fake.member, message.id, "No")
    assert await handle.acknowledged() == 6
    await handle.response(lambda m: m.content == "voted no")
    assert handle.original is message  # @original is the clicked message
    thanks = await fake.wait_for(lambda: handle.followups)
    assert [m.content for m in thanks] == ["thanks for voting"] and thanks[0].ephemeral
    callback = fake.calls_to("POST", f"/interactions/{handle.interaction.id}/")[0]
    assert "resource" not in callback.response


async def test_new_message_and_thinking_defer(fake: FakeDiscord, votebot: VoteBot):
    message = await post_vote(fake)
    why = await fake.click(fake.member, message, "vote:why")
    reply = await why.response()
    assert why.acks == [4] and reply is not message
    assert reply.content == "asked by member" and reply.ephemeral
    slow = await fake.click(fake.admin, message, "vote:slow")
    thought = await slow.response()
    assert slow.acks == [5] and thought.content == "thought about it"
    assert [v["flags"] for v in thought.versions] == [128, 0]
    assert message.content == "Vote?"  # neither touched the clicked message


async def test_clicks_discord_would_not_send(fake: FakeDiscord, votebot: VoteBot):
    message = await post_vote(fake)
    for button, reason in [("nope", "no button"), ("Closed", "disabled"), ("Docs", "link")]:
        with pytest.raises(InvocationRefused, match=reason):
            await fake.click(fake.member, message, button)
    private = await post_vote(fake, private=True, user=fake.moderator)
    with pytest.raises(InvocationRefused, match="only the user"):
        await fake.click(fake.member, private, "Why")
    handle = await fake.click(fake.moderator, private, "Why")
    assert (await handle.response()).content == "asked by moderator"


async def test_click_in_a_dm(fake: FakeDiscord, votebot: VoteBot):
    channel = await votebot.create_dm(discord.Object(fake.member.id))
    sent = await channel.send("Vote in private?", view=Vote(votebot.clicks))
    with pytest.raises(InvocationRefused, match="cannot see"):
        await fake.click(fake.admin, sent.id, "Why")
    handle = await fake.click(fake.member, sent.id, "Why")
    reply = await handle.response()
    assert reply.guild_id is None and reply.channel_id == channel.id
    assert votebot.clicks[-1].guild is None and votebot.clicks[-1].user.id == fake.member.id


def _row(*buttons: dict) -> dict:
    return {"type": 1, "components": list(buttons)}


def _button(custom_id: str = "b", **extra) -> dict:
    return {"type": 2, "style": 1, "label": "B", "custom_id": custom_id, **extra}


@pytest.mark.parametrize(
    ("components", "path", "code"),
    [
        ([_row(_button(f"b{n}")) for n in range(6)], [], "BASE_TYPE_MAX_LENGTH"),
        (
            [_row(*[_button(f"b{n}") for n in range(6)])],
            ["0", "components"],
            "BASE_TYPE_BAD_LENGTH",
        ),
        (
            [_row(_button("x" * 101))],
            ["0", "components", "0", "custom_id"],
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            [_row(_button("same")), _row(_button("same"))],
            ["1", "components", "0", "custom_id"],
            "COMPONENT_CUSTOM_ID_DUPLICATED",
        ),
        (
            [_row(_button(label="x" * 81))],
            ["0", "components", "0", "label"],
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            [_row(_button(style=5, url="https://example.org"))],
            ["0", "components", "0", "custom_id"],
            "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED",
        ),
        (
            [_row(_button(url="https://example.org"))],
            ["0", "components", "0", "url"],
            "BUTTON_COMPONENT_URL_NOT_ALLOWED",
        ),
        (
            [_row({"type": 2, "style": 2, "label": "no id"})],
            ["0", "components", "0", "custom_id"],
            "BUTTON_COMPONENT_CUSTOM_ID_REQUIRED",
        ),
    ],
)
async def test_component_limits(fake: FakeDiscord, votebot: VoteBot, components, path, code):
    route = Route("POST", "/channels/{channel_id}/messages", channel_id=fake.channel.id)
    with pytest.raises(discord.HTTPException) as raised:
        await votebot.http.request(route, json={"content": "x", "components": components})
    assert raised.value.status == 400 and raised.value.code == 50035
    errors = fake.calls[-1].response["errors"]["components"]
    for key in path:
        errors = errors[key]
    assert errors["_errors"][0]["code"] == code


async def test_components_alone_make_a_message_and_edits_replace_them(fake, votebot):
    channel = votebot.get_channel(fake.channel.id)
    sent = await channel.send(view=Vote(votebot.clicks))
    stored = fake.state.message(sent.id)
    assert stored.content == "" and len(stored.components) == 2
    await sent.edit(content="closed", view=None)
    assert stored.components == [] and [len(v["components"]) for v in stored.versions] == [2, 0]
    with pytest.raises(InvocationRefused, match="no button"):
        await fake.click(fake.member, stored, "Yes")


async def test_control_api_clicks_and_shows_buttons(fake: FakeDiscord, votebot: VoteBot):
    message = await post_vote(fake)
    base = f"http://127.0.0.1:{fake.port}{PREFIX}"
    async with aiohttp.ClientSession() as session:
        url = f"{base}/click?user=walker&message={message.id}&button=Yes"
        async with session.post(url) as response:
            assert response.status == 200
            assert (await response.text()).splitlines() == [
                "voted yes",
                "[~👍 Yes~] [👎 No] [Why] [Slow] [~Closed~]",
                "[Docs ↗]",
            ]
        async with session.post(url) as response:
            assert response.status == 403 and "disabled" in await response.text()
        async with session.post(url.replace("button=Yes", "button=No")) as response:
            assert (await response.text()).splitlines() == [
                "voted no",
                "[~👍 Yes~] [👎 No] [Why] [Slow] [~Closed~]",
                "[Docs ↗]",
                "(only you can see this)",
                "thanks for voting",
            ]
        async with session.get(f"{base}/messages") as response:
            listing = await response.text()
    assert f"=== newsdesk in #{fake.channel.id} · message {message.id} ===" in listing


async def test_only_clicks_may_be_answered_with_an_update(fake: FakeDiscord, votebot: VoteBot):
    command = new_interaction(fake.state, fake.member, fake.channel, command={"name": "x"})
    url = f"{fake.api_base}/interactions/{command.id}/{command.token}/callback?with_response=1"
    async with aiohttp.ClientSession() as session:
        for kind in (6, 7):
            async with session.post(url, json={"type": kind, "data": {"content": "x"}}) as r:
                assert r.status == 400 and (await r.json())["code"] == 50035
    assert command.acks == []
