"""Point discord.py at a REST proxy or a test server (`DISCORD_API_BASE`, `DISCORD_GATEWAY_URL`).

discord.py has no documented setting for either address; it reads two class attributes,
`discord.http.Route.BASE` (every REST route, webhooks and interaction callbacks included) and
`discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY` (the first gateway connection). Routes build
their URL when created, so these must be set before the client starts. If a discord.py
release renames them, `apply_endpoints` fails loudly instead of silently talking to Discord.
"""

from __future__ import annotations

import discord.gateway
import discord.http
import yarl

from index.errors import ConfigError


def _require(owner: type, name: str) -> None:
    if not hasattr(owner, name):
        raise RuntimeError(
            f"discord.py {discord.__version__} has no {owner.__qualname__}.{name}; "
            "DISCORD_API_BASE / DISCORD_GATEWAY_URL cannot be applied"
        )


def apply_endpoints(api_base: str | None, gateway_url: str | None) -> None:
    """Make discord.py use `api_base` for REST and `gateway_url` for the gateway, when given."""
    _require(discord.http.Route, "BASE")
    _require(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY")
    if api_base:
        if not api_base.startswith(("http://", "https://")):
            raise ConfigError("DISCORD_API_BASE must start with http:// or https://")
        discord.http.Route.BASE = api_base.rstrip("/")
    if gateway_url:
        if not gateway_url.startswith(("ws://", "wss://")):
            raise ConfigError("DISCORD_GATEWAY_URL must start with ws:// or wss://")
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


def current_endpoints() -> tuple[str, yarl.URL]:
    """Return the REST base and gateway address discord.py will use."""
    return discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
