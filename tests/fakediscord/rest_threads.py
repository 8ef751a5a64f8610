"""The REST routes that start threads; each new thread reaches the bot as THREAD_CREATE."""

from __future__ import annotations

from aiohttp import web

from tests.fakediscord.gateway import Gateway
from tests.fakediscord.rest import API, JSON, STATE, channel_of, message_in, reply
from tests.fakediscord.state import DiscordError
from tests.fakediscord.threads import Thread, start_thread, thread_create_event

thread_routes = web.RouteTableDef()
GATEWAY = web.AppKey("gateway", Gateway)  # to dispatch THREAD_CREATE


async def _announce(request: web.Request, thread: Thread) -> web.Response:
    """Dispatch THREAD_CREATE to the bot and answer with the thread (and the bot's membership)."""
    state = request.app[STATE]
    event = thread_create_event(thread, state.bot)
    await request.app[GATEWAY].dispatch("THREAD_CREATE", event, thread.guild_id)
    return reply(thread.to_json(member_of=state.bot.id))


@thread_routes.post(API + "/channels/{channel}/messages/{message}/threads")
async def start_thread_from_message(request: web.Request) -> web.Response:
    """Start a public thread from a message; the thread gets the message's id."""
    state = request.app[STATE]
    channel = channel_of(state, request)
    message = message_in(state, channel, request.match_info["message"])
    thread = start_thread(state, channel, state.bot, request[JSON] or {}, message=message)
    return await _announce(request, thread)


@thread_routes.post(API + "/channels/{channel}/threads")
async def start_thread_without_message(request: web.Request) -> web.Response:
    """Start a thread that no message starts (type 11 public or 12 private)."""
    state = request.app[STATE]
    channel = channel_of(state, request)
    body = request[JSON] or {}
    if "message" in body:
        raise DiscordError(400, 50024, "Cannot execute action on this channel type")  # forums only
    thread = start_thread(state, channel, state.bot, body)
    return await _announce(request, thread)
