"""A small HTTP control API to try a bot against the fake by hand (`python -m tests.fakediscord`).

Each call plays one user and answers with the bot's reply rendered as text:

    POST /_control/command/<name>?user=<who>[&dm=1][&until=<text>]   body: JSON options
    POST /_control/dm?user=<who>                                     body: the message text
    POST /_control/mention?user=<who>                                body: the message text
    GET  /_control/messages                                          every stored message
    GET  /_control/                                                   where to point the bot

`who` is owner, admin, moderator or member, or any other name (a new guild member is made
for it, so it has its own question budget).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from aiohttp import web

from tests.fakediscord.commands import InvocationRefused
from tests.fakediscord.models import Message, User
from tests.fakediscord.render import render

if TYPE_CHECKING:
    from tests.fakediscord.server import FakeDiscord, MessageHandle

control = web.RouteTableDef()
PREFIX = "/_control"


def _fake(request: web.Request) -> FakeDiscord:
    from tests.fakediscord.server import FAKE

    return request.app[FAKE]


def _user(fake: FakeDiscord, request: web.Request) -> User:
    name = request.query.get("user", "member")
    known = {"owner": fake.owner, "admin": fake.admin, "moderator": fake.moderator}
    known["member"] = fake.member
    if name in known:
        return known[name]
    for user in fake.state.users.values():
        if user.username == name:
            return user
    return fake.add_member(name)


def _timeout(request: web.Request) -> float:
    return float(request.query.get("timeout", "60"))


@control.get(PREFIX + "/")
async def where(request: web.Request) -> web.Response:
    """Return the settings that point a bot at this fake, and the users it knows."""
    fake = _fake(request)
    users = {u.username: str(u.id) for u in fake.state.users.values()}
    body = {
        "DISCORD_API_BASE": fake.api_base,
        "DISCORD_GATEWAY_URL": fake.gateway_url,
        "DISCORD_TOKEN": fake.token,
        "guild": str(fake.guild.id),
        "users": users,
        "connected": bool(fake.gateway.live()),
    }
    return web.json_response(body, dumps=lambda o: json.dumps(o, indent=2))


@control.post(PREFIX + "/command/{name}")
async def command(request: web.Request) -> web.Response:
    """Invoke a slash command; answer with its reply once filled in (and holding `until`)."""
    fake = _fake(request)
    options = await request.json() if request.can_read_body else {}
    until = request.query.get("until")
    try:
        handle = await fake.invoke(
            request.match_info["name"],
            options,
            user=_user(fake, request),
            guild=request.query.get("dm") not in ("1", "true"),
        )
    except InvocationRefused as refused:
        return web.Response(text=f"Discord refused: {refused}\n", status=403)

    def finished() -> list[Message]:
        shown = [m for m in handle.interaction.messages if not m.loading]
        return [m for m in shown if until is None or until in m.text]

    await fake.wait_for(finished, _timeout(request))
    original = handle.original
    parts = []
    if original is not None and original.deleted:
        parts.append("(the bot deleted its “thinking…” message)")
    elif original is not None:
        parts.append(render(original, history=True))
    parts += [render(followup) for followup in handle.followups]
    return web.Response(text="\n".join(parts) + "\n")


async def _reply_text(handle: MessageHandle, request: web.Request) -> web.Response:
    reply = await handle.reply(timeout=_timeout(request))
    return web.Response(text=render(reply) + "\n")


@control.post(PREFIX + "/dm")
async def dm(request: web.Request) -> web.Response:
    """Send the bot a DM; answer with its reply."""
    fake = _fake(request)
    handle = await fake.send_dm(_user(fake, request), await request.text())
    return await _reply_text(handle, request)


@control.post(PREFIX + "/mention")
async def mention(request: web.Request) -> web.Response:
    """Mention the bot in #newsroom; answer with its reply."""
    fake = _fake(request)
    user, text = _user(fake, request), await request.text()
    sent = await fake.send_guild_message(user, text, mention_bot=True)
    return await _reply_text(sent, request)


@control.get(PREFIX + "/messages")
async def messages(request: web.Request) -> web.Response:
    """Return every stored message, oldest first, as text."""
    fake = _fake(request)
    blocks = []
    for message in fake.messages:
        where = "DM" if message.guild_id is None else f"#{message.channel_id}"
        blocks.append(f"=== {message.author.username} in {where} ===\n{render(message)}")
    return web.Response(text="\n".join(blocks) + "\n")
