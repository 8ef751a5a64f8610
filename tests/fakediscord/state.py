"""The fake's world: one bot, one guild (channels, threads, overwrites), DMs, commands, messages."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import time
from collections.abc import Callable
from typing import Any, TypeVar

from tests.fakediscord.components import numbered
from tests.fakediscord.holds import Hold
from tests.fakediscord.interactions import Interaction
from tests.fakediscord.limits import DiscordError, message_errors
from tests.fakediscord.models import (
    EPHEMERAL,
    LOADING,
    Call,
    Channel,
    Guild,
    Member,
    Message,
    Role,
    User,
    compute_pings,
    iso_now,
    mentioned_ids,
    snowflake,
)
from tests.fakediscord.permissions import (
    ADMINISTRATOR,
    EVERYONE_PERMISSIONS,
    MANAGE_GUILD,
    VIEW_CHANNEL,
    Overwrite,
    channel_permissions,
)
from tests.fakediscord.threads import Thread

__all__ = ["ACK_DEADLINE_S", "TOKEN_LIFETIME_S", "DiscordError", "Interaction", "State"]

T = TypeVar("T")

ACK_DEADLINE_S = 3.0  # an interaction must be acknowledged within 3 s
TOKEN_LIFETIME_S = 15 * 60  # interaction tokens last 15 minutes


class State:
    """Everything the fake Discord remembers; REST and gateway handlers mutate it."""

    def __init__(
        self,
        token: str,
        *,
        ack_deadline: float = ACK_DEADLINE_S,
        token_lifetime: float = TOKEN_LIFETIME_S,
    ) -> None:
        self.token = token
        self.ack_deadline = ack_deadline
        self.token_lifetime = token_lifetime
        self.bot = User(snowflake(), "newsdesk", bot=True)
        self.app_id = self.bot.id
        self.owner = User(snowflake(), "owner")
        self.admin = User(snowflake(), "admin")
        self.moderator = User(snowflake(), "moderator")
        self.member = User(snowflake(), "member")
        guild_id = snowflake()
        self.admin_role = Role(snowflake(), "Admin", ADMINISTRATOR, position=2)
        self.mod_role = Role(snowflake(), "Moderator", MANAGE_GUILD, position=1)
        self.channel = Channel(snowflake(), 0, name="newsroom", guild_id=guild_id)
        self.guild = Guild(
            id=guild_id,
            name="Newsroom",
            owner_id=self.owner.id,
            roles=[
                Role(guild_id, "@everyone", EVERYONE_PERMISSIONS),
                self.admin_role,
                self.mod_role,
            ],
            members=[
                Member(self.owner, []),
                Member(self.admin, [self.admin_role]),
                Member(self.moderator, [self.mod_role]),
                Member(self.member, []),
                Member(self.bot, []),
            ],
            channels=[self.channel, Channel(snowflake(), 0, name="general", guild_id=guild_id)],
        )
        self.users: dict[int, User] = {m.user.id: m.user for m in self.guild.members}
        self.channels: dict[int, Channel] = {c.id: c for c in self.guild.channels}
        self.messages: list[Message] = []
        self.calls: list[Call] = []
        self.synced_commands: dict[int | None, dict[str, dict[str, Any]]] = {}
        self.interactions: dict[str, Interaction] = {}
        self.failures: list[tuple[str, str, DiscordError]] = []  # injected, used once each
        self.holds: list[Hold] = []  # requests to park until the test releases them
        self._pulse = asyncio.Event()

    # -- change notification ---------------------------------------------------------------

    def changed(self) -> None:
        """Wake everyone waiting on the state."""
        self._pulse.set()
        self._pulse = asyncio.Event()

    async def wait_for(self, check: Callable[[], T | None], timeout: float = 10.0) -> T:
        """Return `check()` once it is truthy, re-checking after every change."""
        deadline = time.monotonic() + timeout
        while True:
            pulse = self._pulse
            result = check()
            if result:
                return result
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"fake Discord: condition not met within {timeout} s")
            # Re-check on every change, and every 50 ms for conditions outside the fake.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(pulse.wait(), min(remaining, 0.05))

    def hold_for(self, method: str, path: str) -> Hold | None:
        """Return the first waiting hold that matches this request."""
        return next((hold for hold in self.holds if hold.matches(method, path)), None)

    def injected_failure(self, method: str, path: str) -> DiscordError | None:
        """Return (and forget) the first injected failure matching this request."""
        for index, (want_method, fragment, error) in enumerate(self.failures):
            if method == want_method and fragment in path:
                del self.failures[index]
                return error
        return None

    # -- people and channels ---------------------------------------------------------------

    def add_member(self, name: str, roles: list[Role] | None = None) -> User:
        """Add a user to the guild."""
        user = User(snowflake(), name)
        self.guild.members.insert(-1, Member(user, roles or []))
        self.users[user.id] = user
        return user

    def dm_channel(self, user: User) -> Channel:
        """Return the DM channel between the bot and `user`, creating it once."""
        for channel in self.channels.values():
            if channel.type == 1 and channel.recipient is user:
                return channel
        channel = Channel(snowflake(), 1, recipient=user)
        self.channels[channel.id] = channel
        return channel

    def permissions(self, user: User) -> int:
        """Return the user's guild permissions (0 outside the guild)."""
        member = self.guild.member(user.id)
        return self.guild.permissions_of(member) if member else 0

    def channel_permissions(self, user: User, channel: Channel) -> int:
        """Return the user's permissions in a guild channel or thread (guild ones in DMs)."""
        member = self.guild.member(user.id)
        if member is None:
            return 0
        if channel.guild_id is None:
            return self.guild.permissions_of(member)
        return channel_permissions(self.guild, member, channel)

    def require(self, user: User, channel: Channel, needed: int) -> None:
        """Raise 403 as Discord does unless `user` has every bit of `needed` in `channel`."""
        have = self.channel_permissions(user, channel)
        if not have & VIEW_CHANNEL:
            raise DiscordError(403, 50001, "Missing Access")
        if have & needed != needed:
            raise DiscordError(403, 50013, "Missing Permissions")

    def overwrite(self, channel: Channel, target: User | Role, allow: int, deny: int) -> None:
        """Set (or with 0 and 0, remove) a member's or role's overwrite on a channel."""
        kind = 0 if isinstance(target, Role) else 1
        kept = [o for o in channel.overwrites if o.id != target.id]
        channel.overwrites = kept + (
            [Overwrite(target.id, kind, allow, deny)] if allow or deny else []
        )
        self.changed()

    # -- messages --------------------------------------------------------------------------

    def message(self, message_id: int) -> Message | None:
        """Return a stored message by id."""
        return next((m for m in self.messages if m.id == message_id), None)

    def add_message(self, message: Message, channel: Channel) -> Message:
        """Store a message (a thread counts it and its author joins)."""
        self.messages.append(message)
        if isinstance(channel, Thread):
            channel.counted(message)
        self.changed()
        return message

    def create_message(
        self, channel: Channel, author: User, payload: dict[str, Any], **extra: Any
    ) -> Message:
        """Validate and store a new message; raise DiscordError as Discord would."""
        problem = message_errors(payload, creating=True)
        if problem:
            raise DiscordError.from_body(400, problem)
        content = payload.get("content") or ""
        message = Message(
            id=snowflake(),
            channel_id=channel.id,
            author=author,
            content=content,
            embeds=copy.deepcopy(payload.get("embeds") or []),
            components=numbered(payload.get("components") or []),
            flags=int(payload.get("flags") or 0) & EPHEMERAL,
            allowed_mentions=payload.get("allowed_mentions"),
            reference=self._reference(channel, payload.get("message_reference")),
            guild_id=channel.guild_id,
            mentions=[self.users[uid] for uid in mentioned_ids(content) if uid in self.users],
            pings=compute_pings(content, payload.get("allowed_mentions")),
            **extra,
        )
        return self.add_message(message, channel)

    def _reference(self, channel: Channel, ref: dict[str, Any] | None) -> dict[str, Any] | None:
        if not ref:
            return None
        target = self.message(int(ref["message_id"]))
        if target is None or target.channel_id != channel.id:
            if ref.get("fail_if_not_exists", True):
                raise DiscordError.invalid(
                    "message_reference", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message"
                )
            return None
        return {
            "type": 0,
            "message_id": str(target.id),
            "channel_id": str(channel.id),
            **({"guild_id": str(channel.guild_id)} if channel.guild_id else {}),
        }

    def edit_message(self, message: Message, payload: dict[str, Any]) -> Message:
        """Apply an edit, keeping the previous version in the message's history."""
        problem = message_errors(payload, creating=False)
        if problem:
            raise DiscordError.from_body(400, problem)
        content = payload.get("content", message.content) or ""
        embeds = payload.get("embeds", message.embeds)
        components = payload.get("components", message.components) or []
        if not content and not embeds and not components:
            raise DiscordError(400, 50006, "Cannot send an empty message")
        message.history.append(message.snapshot())
        message.content = content
        message.embeds = copy.deepcopy(embeds or [])
        if "components" in payload:
            message.components = numbered(components)
        message.flags &= ~LOADING
        if "allowed_mentions" in payload:
            message.allowed_mentions = payload["allowed_mentions"]
        message.pings |= compute_pings(content, message.allowed_mentions)
        message.edited_timestamp = iso_now()
        message.updated = time.monotonic()
        self.changed()
        return message

    # -- commands and interactions ---------------------------------------------------------

    def sync(self, guild_id: int | None, commands: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Replace the commands of one scope (None = global); return them as Discord does."""
        stored: dict[str, dict[str, Any]] = {}
        for raw in commands:
            perms = raw.get("default_member_permissions")
            command = {
                **raw,
                "id": str(snowflake()),
                "application_id": str(self.app_id),
                "version": str(snowflake()),
                "type": raw.get("type", 1),
                "options": raw.get("options") or [],
                "default_member_permissions": None if perms is None else str(perms),
            }
            if guild_id is not None:
                command["guild_id"] = str(guild_id)
            stored[command["name"]] = command
        self.synced_commands[guild_id] = stored
        self.changed()
        return list(stored.values())

    def delete_message(self, message: Message) -> None:
        """Delete a message; interactions keep a reference, marked deleted."""
        message.deleted = True
        self.messages.remove(message)
        self.changed()

    def interaction(self, token: str) -> Interaction:
        """Return a live interaction by token, or fail as Discord does.

        An unknown token is 404 Unknown Webhook; a token older than its 15 minutes is
        401 Invalid Webhook Token (what Discord answers for every request that uses it).
        """
        found = self.interactions.get(token)
        if found is None:
            raise DiscordError(404, 10015, "Unknown Webhook")
        if found.expired or time.monotonic() - found.created > self.token_lifetime:
            raise DiscordError(401, 50027, "Invalid Webhook Token")
        return found
