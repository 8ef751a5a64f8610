"""Buttons on messages sent before the bot restarted: only persistent views still answer.

A persistent view (timeout=None, every item with a custom_id) registered with `add_view`
handles clicks on messages the previous process sent; any other view is gone with the process,
so Discord shows "This interaction failed" once the 3 s to acknowledge have passed.
"""

from __future__ import annotations

import discord

from tests.fakediscord import FakeDiscord
from tests.fakediscord.state import ACK_DEADLINE_S
from tests.integration.fakediscord.clients import running


class Persistent(discord.ui.View):
    """Survives restarts when registered with `add_view`."""

    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.button(label="Ping", custom_id="persistent:ping")
    async def ping(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.send_message(f"pong from {interaction.client.generation}")


class Temporary(discord.ui.View):
    """An ordinary view: a random custom_id, known only to the process that sent it."""

    def __init__(self) -> None:
        super().__init__(timeout=180)

    @discord.ui.button(label="Once")
    async def once(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.send_message(f"once from {interaction.client.generation}")


class ViewBot(discord.Client):
    """A client that registers the persistent view on start when asked to."""

    def __init__(self, generation: str, *, register: bool) -> None:
        super().__init__(intents=discord.Intents.default(), guild_ready_timeout=0.05)
        self.generation = generation
        self.register = register

    async def setup_hook(self) -> None:
        if self.register:
            self.add_view(Persistent())


async def send_both(fake: FakeDiscord) -> tuple[int, int]:
    """Have a first process send a persistent and a temporary view, and check both work."""
    async with running(ViewBot("first", register=True), fake) as first:
        channel = first.get_channel(fake.channel.id)
        persistent = await channel.send("persistent", view=Persistent())
        temporary = await channel.send("temporary", view=Temporary())
        for message_id, label, text in [
            (persistent.id, "Ping", "pong from first"),
            (temporary.id, "Once", "once from first"),
        ]:
            handle = await fake.click(fake.member, message_id, label)
            assert (await handle.response()).content == text
    return persistent.id, temporary.id


async def test_persistent_view_answers_after_a_restart(fake: FakeDiscord):
    persistent, _ = await send_both(fake)
    await fake.wait_for(lambda: not fake.gateway.live())  # the first process is gone
    async with running(ViewBot("second", register=True), fake):
        handle = await fake.click(fake.member, persistent, "Ping")
        assert (await handle.response()).content == "pong from second"
        assert handle.acks == [4]


async def test_unregistered_and_temporary_views_fail_after_a_restart(fake: FakeDiscord):
    persistent, temporary = await send_both(fake)
    fake.state.ack_deadline = 0.3
    try:
        async with running(ViewBot("second", register=False), fake):
            clicks = [
                await fake.click(fake.member, temporary, "Once"),
                await fake.click(fake.member, persistent, "Ping"),  # never add_view'd here
            ]
            for handle in clicks:
                await fake.wait_for(lambda handle=handle: handle.failed)
    finally:
        fake.state.ack_deadline = ACK_DEADLINE_S
    for handle in clicks:
        assert handle.acks == [] and handle.original is None
        assert not fake.calls_to("POST", f"/interactions/{handle.interaction.id}/")
