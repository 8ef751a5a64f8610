"""What bot.endpoints relies on in discord.py."""

import discord.gateway
import discord.http
import yarl


def test_canary_discord_py_still_has_the_two_endpoint_attributes():
    # bot.endpoints relies on these undocumented attributes; fail loudly if they go away.
    assert isinstance(discord.http.Route.BASE, str)
    assert isinstance(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY, yarl.URL)
    assert discord.http.Route("GET", "/users/@me").url == discord.http.Route.BASE + "/users/@me"
