"""A fake Discord per test module, with the control API; discord.py is pointed at it meanwhile.

discord.py reads its REST and gateway addresses from process-wide attributes, so only one fake
is live at a time: each module's fake saves the addresses, applies its own, and restores them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import discord
import discord.gateway
import discord.http
import pytest_asyncio

from bot.endpoints import apply_endpoints, current_endpoints
from tests.fakediscord import FakeDiscord
from tests.fakediscord.control import control


@pytest_asyncio.fixture(scope="module")
async def fake() -> AsyncIterator[FakeDiscord]:
    """A fresh fake Discord for the module (with the control API for hand tests)."""
    saved = current_endpoints()
    server = await FakeDiscord().start(extra=control)
    apply_endpoints(server.api_base, server.gateway_url)
    yield server
    await server.close()
    discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = saved
