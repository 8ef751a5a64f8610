"""The gateway websocket: HELLO, heartbeats, IDENTIFY/RESUME, READY, GUILD_CREATE, dispatches."""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web

from tests.fakediscord.models import (
    INTENT_DIRECT_MESSAGES,
    INTENT_GUILD_MESSAGES,
    INTENT_GUILDS,
    INTENT_MESSAGE_CONTENT,
)
from tests.fakediscord.state import State

DISPATCH, HEARTBEAT, IDENTIFY, RESUME, RECONNECT = 0, 1, 2, 6, 7
REQUEST_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 8, 9, 10, 11
AUTHENTICATION_FAILED = 4004
HEARTBEAT_INTERVAL_MS = 41_250


class Session:
    """One identified gateway connection (one shard)."""

    def __init__(self, ws: web.WebSocketResponse, state: State) -> None:
        self.ws = ws
        self.state = state
        self.id = secrets.token_hex(16)
        self.seq = 0
        self.intents = 0
        self.shard = (0, 1)
        self.identified = False
        self.resume_url = ""
        self.received: list[dict[str, Any]] = []  # every payload the client sent

    def owns(self, guild_id: int | None) -> bool:
        """Return whether events for `guild_id` (None: DMs) go to this shard."""
        shard_id, count = self.shard
        if guild_id is None:
            return shard_id == 0
        return (guild_id >> 22) % count == shard_id

    async def send(self, op: int, data: Any, event: str | None = None) -> None:
        """Send one gateway payload as a plain text frame."""
        seq = None
        if op == DISPATCH:
            self.seq += 1
            seq = self.seq
        if not self.ws.closed:
            await self.ws.send_str(json.dumps({"op": op, "d": data, "s": seq, "t": event}))

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send an event, if the session asked for it."""
        await self.send(DISPATCH, data, event)

    async def identify(self, data: dict[str, Any]) -> None:
        """Check the token, then send READY and this shard's GUILD_CREATE."""
        if data.get("token") != self.state.token:
            await self.ws.close(code=AUTHENTICATION_FAILED, message=b"Authentication failed.")
            return
        self.intents = int(data.get("intents", 0))
        shard = data.get("shard") or [0, 1]
        self.shard = (int(shard[0]), int(shard[1]))
        self.identified = True
        guild = self.state.guild
        mine = self.owns(guild.id)
        await self.dispatch(
            "READY",
            {
                "v": 10,
                "user": self.state.bot.to_json(),
                "guilds": [{"id": str(guild.id), "unavailable": True}] if mine else [],
                "session_id": self.id,
                "resume_gateway_url": self.resume_url,
                "shard": list(self.shard),
                "application": {"id": str(self.state.app_id), "flags": 0},
                "private_channels": [],
                "relationships": [],
                "presences": [],
                "guild_join_requests": [],
                "geo_ordered_rtc_regions": [],
            },
        )
        if mine and self.intents & INTENT_GUILDS:
            await self.dispatch("GUILD_CREATE", guild.to_json())

    async def handle(self, payload: dict[str, Any]) -> None:
        """React to one client payload."""
        self.received.append(payload)
        op, data = payload.get("op"), payload.get("d")
        if op == HEARTBEAT:
            await self.send(HEARTBEAT_ACK, None)
        elif op == IDENTIFY:
            await self.identify(data or {})
        elif op == RESUME:
            known = (data or {}).get("session_id") == self.id and self.identified
            if known:
                await self.dispatch("RESUMED", {})
            else:
                await self.send(INVALID_SESSION, False)
        elif op == REQUEST_MEMBERS:
            guild = self.state.guild
            await self.dispatch(
                "GUILD_MEMBERS_CHUNK",
                {
                    "guild_id": str(guild.id),
                    "members": [m.to_json() for m in guild.members],
                    "chunk_index": 0,
                    "chunk_count": 1,
                    "nonce": (data or {}).get("nonce"),
                },
            )


class Gateway:
    """Accept gateway connections and fan events out to the right shard."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.sessions: list[Session] = []

    async def handler(self, request: web.Request) -> web.WebSocketResponse:
        """Serve one websocket connection until either side closes it."""
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        session = Session(ws, self.state)
        session.resume_url = f"ws://{request.host}/gateway/"
        self.sessions.append(session)
        await session.send(HELLO, {"heartbeat_interval": HEARTBEAT_INTERVAL_MS})
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    await session.handle(json.loads(msg.data))
                elif msg.type == WSMsgType.ERROR:
                    break
        finally:
            self.sessions.remove(session)
            self.state.changed()
        return ws

    def live(self) -> list[Session]:
        """Return the identified, open sessions."""
        return [s for s in self.sessions if s.identified and not s.ws.closed]

    async def dispatch(self, event: str, data: dict[str, Any], guild_id: int | None) -> int:
        """Send an event to the shard that owns `guild_id`; return how many sessions got it."""
        needed = _intent_for(event, guild_id)
        sent = 0
        for session in self.live():
            if session.owns(guild_id) and (needed == 0 or session.intents & needed):
                payload = data
                if event == "MESSAGE_CREATE":
                    payload = _hide_content(data, session, self.state.bot.id)
                await session.dispatch(event, payload)
                sent += 1
        return sent

    async def close(self) -> None:
        """Close every connection."""
        for session in list(self.sessions):
            with contextlib.suppress(Exception):
                await asyncio.wait_for(session.ws.close(code=WSCloseCode.GOING_AWAY), 2)


def _intent_for(event: str, guild_id: int | None) -> int:
    if event == "MESSAGE_CREATE":
        return INTENT_GUILD_MESSAGES if guild_id else INTENT_DIRECT_MESSAGES
    if event.startswith(("THREAD_", "CHANNEL_")):
        return INTENT_GUILDS
    return 0


def _hide_content(data: dict[str, Any], session: Session, bot_id: int) -> dict[str, Any]:
    """Blank guild message content for bots without the intent, unless the bot is mentioned."""
    if "guild_id" not in data or session.intents & INTENT_MESSAGE_CONTENT:
        return data
    if any(int(user["id"]) == bot_id for user in data.get("mentions", [])):
        return data
    if int(data["author"]["id"]) == bot_id:
        return data
    return {**data, "content": "", "embeds": [], "attachments": []}
