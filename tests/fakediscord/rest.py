"""Discord's REST API, as much of it as a bot uses, under `/api/v10`."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from tests.fakediscord.interactions import acknowledge, callback_body, followup
from tests.fakediscord.models import Call, Channel, Message
from tests.fakediscord.permissions import (
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    SEND_MESSAGES_IN_THREADS,
)
from tests.fakediscord.state import DiscordError, State

STATE = web.AppKey("state", State)
JSON = web.RequestKey("json", object)
API = "/api/v10"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
routes = web.RouteTableDef()


def reply(body: Any, status: int = 200) -> web.Response:
    """Answer JSON with exactly `application/json`, as Discord does (no charset)."""
    if status == 204:
        return web.Response(status=204)
    return web.Response(
        body=json.dumps(body).encode(), status=status, headers={"Content-Type": "application/json"}
    )


async def _body(request: web.Request) -> Any:
    if not request.can_read_body:
        return None
    if request.content_type == "multipart/form-data":
        form = await request.post()
        raw = form.get("payload_json")
        return json.loads(raw) if isinstance(raw, str) else None
    if request.headers.get("Content-Type") != "application/json":
        raise DiscordError(400, 50109, "The request body contains invalid JSON.")
    return json.loads(await request.text())


def _needs_auth(path: str) -> bool:
    return not (path.startswith("/webhooks/") or path.startswith("/interactions/"))


@web.middleware
async def record(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Check the bot token, park held requests, answer Discord's error bodies, log every call."""
    if not request.path.startswith(API):
        return await handler(request)
    state = request.app[STATE]
    path = request.path.removeprefix(API)
    body: Any = None
    try:
        try:
            body = await _body(request)
        finally:
            if _needs_auth(path) and request.headers.get("Authorization") != f"Bot {state.token}":
                raise DiscordError(401, 0, "401: Unauthorized")
        request[JSON] = body
        hold = state.hold_for(request.method, path)
        if hold is not None:
            await hold.wait_here(body)
        failure = state.injected_failure(request.method, path)
        if failure is not None:
            raise failure
        response = await handler(request)
    except DiscordError as error:
        response = reply(error.body, error.status)
    except web.HTTPException as error:
        response = reply({"message": f"{error.status}: {error.reason}", "code": 0}, error.status)
    answer = (
        json.loads(response.body) if isinstance(response, web.Response) and response.body else None
    )
    state.calls.append(
        Call(request.method, path, dict(request.query), body, response.status, answer)
    )
    state.changed()
    return response


def channel_of(state: State, request: web.Request) -> Channel:
    """Return the channel named in the path, or 404 Unknown Channel."""
    channel = state.channels.get(int(request.match_info["channel"]))
    if channel is None:
        raise DiscordError(404, 10003, "Unknown Channel")
    return channel


def message_in(state: State, channel: Channel, message_id: str) -> Message:
    """Return a message of `channel`, or raise Discord's Unknown Message."""
    message = state.message(int(message_id))
    if message is None or message.channel_id != channel.id:
        raise DiscordError(404, 10008, "Unknown Message")
    return message


def _own_message(state: State, channel: Channel, message_id: str) -> Message:
    message = message_in(state, channel, message_id)
    if message.author is not state.bot:
        raise DiscordError(403, 50005, "Cannot edit a message authored by another user")
    return message


# -- identity and gateway ------------------------------------------------------------------


@routes.get(API + "/users/@me")
async def get_me(request: web.Request) -> web.Response:
    """Return the bot user."""
    user = request.app[STATE].bot.to_json()
    return reply({**user, "verified": True, "mfa_enabled": False, "flags": 0})


@routes.get(API + "/oauth2/applications/@me")
async def get_application(request: web.Request) -> web.Response:
    """Return the application (id, owner, flags)."""
    state = request.app[STATE]
    return reply(
        {
            "id": str(state.app_id),
            "name": state.bot.username,
            "description": "",
            "icon": None,
            "bot_public": False,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "owner": state.owner.to_json(),
            "flags": 0,
            "team": None,
        }
    )


@routes.get(API + "/gateway")
@routes.get(API + "/gateway/bot")
async def get_gateway(request: web.Request) -> web.Response:
    """Return the gateway address (this server) and the session start limit."""
    url = f"ws://{request.host}/gateway/"
    limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
    return reply({"url": url, "shards": 1, "session_start_limit": limit})


# -- application commands ------------------------------------------------------------------


def _check_app(request: web.Request) -> State:
    state = request.app[STATE]
    if request.match_info["app"] != str(state.app_id):
        raise DiscordError(403, 50001, "Missing Access")
    return state


@routes.put(API + "/applications/{app}/commands")
@routes.put(API + "/applications/{app}/guilds/{guild}/commands")
async def put_commands(request: web.Request) -> web.Response:
    """Bulk-overwrite the global or one guild's commands."""
    state = _check_app(request)
    guild = request.match_info.get("guild")
    if guild is not None and int(guild) != state.guild.id:
        raise DiscordError(403, 50001, "Missing Access")
    return reply(state.sync(int(guild) if guild else None, request[JSON] or []))


@routes.get(API + "/applications/{app}/commands")
@routes.get(API + "/applications/{app}/guilds/{guild}/commands")
async def get_commands(request: web.Request) -> web.Response:
    """List the synced commands of a scope."""
    state = _check_app(request)
    guild = request.match_info.get("guild")
    return reply(list(state.synced_commands.get(int(guild) if guild else None, {}).values()))


# -- interactions and their webhooks -------------------------------------------------------


@routes.post(API + "/interactions/{id}/{token}/callback")
async def callback(request: web.Request) -> web.Response:
    """Acknowledge an interaction; `?with_response=1` returns the callback resource."""
    state = request.app[STATE]
    body = request[JSON] or {}
    kind = body.get("type")
    found = acknowledge(
        state,
        int(request.match_info["id"]),
        request.match_info["token"],
        kind,
        body.get("data") or {},
    )
    if request.query.get("with_response") not in ("1", "true", "True"):
        return reply(None, 204)
    return reply(callback_body(found, kind))


def _webhook(request: web.Request) -> tuple[State, Any]:
    state = request.app[STATE]
    if request.match_info["app"] != str(state.app_id):
        raise DiscordError(404, 10015, "Unknown Webhook")
    return state, state.interaction(request.match_info["token"])


def _webhook_message(request: web.Request) -> tuple[State, Message]:
    state, found = _webhook(request)
    wanted = request.match_info["message"]
    for message in found.messages:
        if (wanted == "@original" and message is found.original) or wanted == str(message.id):
            return state, message
    raise DiscordError(404, 10008, "Unknown Message")


@routes.post(API + "/webhooks/{app}/{token}")
async def post_followup(request: web.Request) -> web.Response:
    """Send a followup (the first one after a defer fills in the deferred message)."""
    state, found = _webhook(request)
    message = followup(state, found, request[JSON] or {})
    wait = request.query.get("wait") in ("1", "true", "True")
    return reply(message.to_json()) if wait else reply(None, 204)


@routes.get(API + "/webhooks/{app}/{token}/messages/{message}")
async def get_webhook_message(request: web.Request) -> web.Response:
    """Return the original response or a followup."""
    return reply(_webhook_message(request)[1].to_json())


@routes.patch(API + "/webhooks/{app}/{token}/messages/{message}")
async def patch_webhook_message(request: web.Request) -> web.Response:
    """Edit the original response or a followup."""
    state, message = _webhook_message(request)
    return reply(state.edit_message(message, request[JSON] or {}).to_json())


@routes.delete(API + "/webhooks/{app}/{token}/messages/{message}")
async def delete_webhook_message(request: web.Request) -> web.Response:
    """Delete the original response or a followup."""
    state, message = _webhook_message(request)
    state.delete_message(message)
    return reply(None, 204)


# -- channels, DMs and messages ------------------------------------------------------------


@routes.post(API + "/users/@me/channels")
async def create_dm(request: web.Request) -> web.Response:
    """Open (or return) the DM channel with a user."""
    state = request.app[STATE]
    user = state.users.get(int((request[JSON] or {}).get("recipient_id", 0)))
    if user is None:
        raise DiscordError(
            400,
            50035,
            "Invalid Form Body",
            {"recipient_id": {"_errors": [{"code": "USER_UNKNOWN", "message": "Unknown user"}]}},
        )
    return reply(state.dm_channel(user).to_json())


@routes.get(API + "/channels/{channel}")
async def get_channel(request: web.Request) -> web.Response:
    """Return a channel."""
    return reply(channel_of(request.app[STATE], request).to_json())


@routes.post(API + "/channels/{channel}/typing")
async def typing(request: web.Request) -> web.Response:
    """Show the typing indicator."""
    channel_of(request.app[STATE], request)
    return reply(None, 204)


@routes.post(API + "/channels/{channel}/messages")
async def post_message(request: web.Request) -> web.Response:
    """Send a message (a reply when it carries `message_reference`)."""
    state = request.app[STATE]
    channel = channel_of(state, request)
    if channel.guild_id is not None:
        state.require(
            state.bot, channel, SEND_MESSAGES_IN_THREADS if channel.is_thread else SEND_MESSAGES
        )
    payload = {k: v for k, v in (request[JSON] or {}).items() if k != "flags"}
    return reply(state.create_message(channel, state.bot, payload).to_json())


@routes.get(API + "/channels/{channel}/messages")
async def list_messages(request: web.Request) -> web.Response:
    """Return a channel's messages, newest first (`limit`, `before`, `after`)."""
    state = request.app[STATE]
    channel = channel_of(state, request)
    if channel.guild_id is not None:
        state.require(state.bot, channel, READ_MESSAGE_HISTORY)
    limit = min(max(int(request.query.get("limit", "50")), 1), 100)
    before, after = request.query.get("before"), request.query.get("after")
    found = [m for m in state.messages if m.channel_id == channel.id and not m.ephemeral]
    if before:
        found = [m for m in found if m.id < int(before)]
    if after:
        found = [m for m in found if m.id > int(after)][:limit]  # the oldest ones after it
    return reply([m.to_json() for m in reversed(found[-limit:])])


@routes.get(API + "/channels/{channel}/messages/{message}")
async def get_message(request: web.Request) -> web.Response:
    """Return one message of a channel."""
    state = request.app[STATE]
    message = message_in(state, channel_of(state, request), request.match_info["message"])
    return reply(message.to_json())


@routes.patch(API + "/channels/{channel}/messages/{message}")
async def patch_message(request: web.Request) -> web.Response:
    """Edit one of the bot's messages."""
    state = request.app[STATE]
    message = _own_message(state, channel_of(state, request), request.match_info["message"])
    return reply(state.edit_message(message, request[JSON] or {}).to_json())


@routes.delete(API + "/channels/{channel}/messages/{message}")
async def delete_message(request: web.Request) -> web.Response:
    """Delete one of the bot's messages."""
    state = request.app[STATE]
    message = _own_message(state, channel_of(state, request), request.match_info["message"])
    state.delete_message(message)
    return reply(None, 204)
