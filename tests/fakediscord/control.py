"""A small HTTP control API to try a bot against the fake by hand (`python -m tests.fakediscord`).

Each call plays one user and answers with the bot's reply rendered as text:

    POST /_control/command/<name>?user=<who>[&dm=1][&until=<text>]   body: JSON options
    POST /_control/dm?user=<who>                                     body: the message text
    POST /_control/mention?user=<who>                                body: the message text
    POST /_control/click?user=<who>&message=<id>&button=<custom_id or label>
    POST /_control/thread?user=<who>&name=<name>[&message=<id>]      start a public thread
    POST /_control/thread/<thread id>?user=<who>[&mention=1]         body: the message text
    GET  /_control/messages                                          every stored message
    GET  /_control/                                                   where to point the bot

`who` is owner, admin, moderator or member, or any other name (a new guild member is made
for it, so it has its own question budget). `/messages` heads each message with its id and
where it is (`#<channel id>`, `DM`, or `thread <name> (<id>) in #<parent id>`), and shows its
buttons as `[👍 Yes] [~Disabled~] [Docs ↗]`. A click answers with what the user then sees:
the updated message (callback 6 or 7), the bot's new message (4 or 5) and any followups, or
"This interaction failed" when the bot did not acknowledge within 3 s.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import TYPE_CHECKING

from aiohttp import web

from tests.fakediscord.commands import InvocationRefused
from tests.fakediscord.limits import DiscordError
from tests.fakediscord.models import Message, User
from tests.fakediscord.render import render
from tests.fakediscord.threads import Thread

if TYPE_CHECKING:
    from tests.fakediscord.server import FakeDiscord, InteractionHandle, MessageHandle

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


def _where(fake: FakeDiscord, message: Message) -> str:
    if message.guild_id is None:
        return "DM"
    channel = fake.state.channels.get(message.channel_id)
    if isinstance(channel, Thread):
        return f"thread {channel.name} ({channel.id}) in #{channel.parent_id}"
    return f"#{message.channel_id}"


@control.get(PREFIX + "/messages")
async def messages(request: web.Request) -> web.Response:
    """Return every stored message, oldest first, as text."""
    fake = _fake(request)
    blocks = []
    for message in fake.messages:
        where = _where(fake, message)
        head = f"=== {message.author.username} in {where} · message {message.id} ==="
        blocks.append(f"{head}\n{render(message)}")
    return web.Response(text="\n".join(blocks) + "\n")


async def _quiet(handle: InteractionHandle, quiet: float = 0.3) -> None:
    """Wait until the interaction's messages stop changing for `quiet` seconds."""

    def seen() -> tuple[float, ...]:
        return tuple(m.updated for m in handle.interaction.messages)

    before = None
    while seen() != before:
        before = seen()
        await asyncio.sleep(quiet)


async def _click_result(fake: FakeDiscord, handle: InteractionHandle, timeout: float) -> str:
    """Wait for what the user sees after a click (until it settles), and render it."""
    await fake.wait_for(lambda: handle.acks or handle.failed, timeout)
    if not handle.acks:
        return "This interaction failed (the bot did not acknowledge within 3 s)"
    target = handle.message
    assert target is not None
    if handle.acks[0] == 6:  # the bot edits the message, or sends followups, in its own time
        clicked = handle.interaction.created
        with contextlib.suppress(TimeoutError):
            await fake.wait_for(
                lambda: target.updated > clicked or handle.followups, min(timeout, 5.0)
            )
    else:
        await handle.response(timeout=timeout)
    await _quiet(handle)
    original = handle.original
    shown = [render(original)] if original is not None and not original.deleted else []
    return "\n".join(shown + [render(followup) for followup in handle.followups])


@control.post(PREFIX + "/click")
async def click(request: web.Request) -> web.Response:
    """Click a button on a message; answer with what the user sees next."""
    fake = _fake(request)
    query = request.query
    try:
        handle = await fake.click(_user(fake, request), int(query["message"]), query["button"])
    except InvocationRefused as refused:
        return web.Response(text=f"Discord refused: {refused}\n", status=403)
    return web.Response(text=await _click_result(fake, handle, _timeout(request)) + "\n")


@control.post(PREFIX + "/thread")
async def start_thread(request: web.Request) -> web.Response:
    """Start a public thread in #newsroom (from a message, if given); answer with its id."""
    fake = _fake(request)
    query = request.query
    message = fake.state.message(int(query["message"])) if "message" in query else None
    try:
        thread = await fake.create_thread(_user(fake, request), query["name"], message=message)
    except DiscordError as error:
        return web.Response(text=f"Discord refused: {error}\n", status=error.status)
    return web.Response(text=f"{thread.id}\n")


@control.post(PREFIX + "/thread/{thread}")
async def post_in_thread(request: web.Request) -> web.Response:
    """Post in a thread; answer with the bot's next message there."""
    fake = _fake(request)
    try:
        thread = fake.thread(int(request.match_info["thread"]))
    except KeyError:
        return web.Response(text="no such thread\n", status=404)
    mention = request.query.get("mention") in ("1", "true")
    text = await request.text()
    try:
        sent = await fake.send_thread_message(
            _user(fake, request), thread, text, mention_bot=mention
        )
    except InvocationRefused as refused:
        return web.Response(text=f"Discord refused: {refused}\n", status=403)
    answer = await sent.answer(timeout=_timeout(request))
    return web.Response(text=render(answer) + "\n")
