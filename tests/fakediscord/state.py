"""The fake's world: one bot, one guild, DM channels, synced commands, interactions, messages."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from tests.fakediscord.holds import Hold
from tests.fakediscord.limits import error_body, message_errors
from tests.fakediscord.models import (
    ADMINISTRATOR,
    EPHEMERAL,
    EVERYONE_PERMISSIONS,
    LOADING,
    MANAGE_GUILD,
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

T = TypeVar("T")

ACK_DEADLINE_S = 3.0  # an interaction must be acknowledged within 3 s
TOKEN_LIFETIME_S = 15 * 60  # interaction tokens last 15 minutes


class DiscordError(Exception):
    """A REST failure: HTTP status plus Discord's JSON error body."""

    def __init__(self, status: int, code: int, message: str, errors: dict | None = None) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status = status
        self.body = error_body(code, message, errors)

    @classmethod
    def from_body(cls, status: int, body: dict[str, Any]) -> DiscordError:
        """Wrap an already built error body."""
        error = cls(status, body["code"], body["message"])
        error.body = body
        return error


@dataclass
class Interaction:
    """One command invocation, from dispatch to its last followup."""

    id: int
    token: str
    user: User
    channel: Channel
    command: dict[str, Any]
    options: list[dict[str, Any]]
    guild_id: int | None
    created: float = field(default_factory=time.monotonic)
    acks: list[int] = field(default_factory=list)  # callback types, in order
    original: Message | None = None
    followups: list[Message] = field(default_factory=list)
    expired: bool = False  # set to play "15 minutes later" without waiting

    @property
    def messages(self) -> list[Message]:
        """Return the original response and every followup."""
        shown = self.original is not None and not self.original.deleted
        return ([self.original] if shown else []) + self.followups


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

    # -- messages --------------------------------------------------------------------------

    def message(self, message_id: int) -> Message | None:
        """Return a stored message by id."""
        return next((m for m in self.messages if m.id == message_id), None)

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
            flags=int(payload.get("flags") or 0) & EPHEMERAL,
            allowed_mentions=payload.get("allowed_mentions"),
            reference=self._reference(channel, payload.get("message_reference")),
            guild_id=channel.guild_id,
            mentions=[self.users[uid] for uid in mentioned_ids(content) if uid in self.users],
            pings=compute_pings(content, payload.get("allowed_mentions")),
            **extra,
        )
        self.messages.append(message)
        self.changed()
        return message

    def _reference(self, channel: Channel, ref: dict[str, Any] | None) -> dict[str, Any] | None:
        if not ref:
            return None
        target = self.message(int(ref["message_id"]))
        if target is None or target.channel_id != channel.id:
            if ref.get("fail_if_not_exists", True):
                raise DiscordError(
                    400,
                    50035,
                    "Invalid Form Body",
                    {
                        "message_reference": {
                            "_errors": [
                                {
                                    "code": "MESSAGE_REFERENCE_UNKNOWN_MESSAGE",
                                    "message": "Unknown message",
                                }
                            ]
                        }
                    },
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
        if not content and not embeds:
            raise DiscordError(400, 50006, "Cannot send an empty message")
        message.history.append(message.snapshot())
        message.content = content
        message.embeds = copy.deepcopy(embeds or [])
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

    def acknowledge(self, interaction_id: int, token: str, kind: int, data: dict) -> Interaction:
        """Record an interaction callback (type 4 reply or type 5 defer)."""
        found = self.interactions.get(token)
        if found is None or found.id != interaction_id:
            raise DiscordError(404, 10062, "Unknown interaction")
        if found.acks:
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        if time.monotonic() - found.created > self.ack_deadline:
            raise DiscordError(404, 10062, "Unknown interaction")
        if kind not in (4, 5):
            raise DiscordError(
                400,
                50035,
                "Invalid Form Body",
                {
                    "type": {
                        "_errors": [
                            {
                                "code": "INTERACTION_TYPE_INVALID",
                                "message": "Invalid interaction type",
                            }
                        ]
                    }
                },
            )
        payload = data or {}
        if kind == 5:
            original = Message(
                id=snowflake(),
                channel_id=found.channel.id,
                author=self.bot,
                flags=LOADING | (int(payload.get("flags") or 0) & EPHEMERAL),
                guild_id=found.guild_id,
                interaction_id=found.id,
                allowed_mentions=payload.get("allowed_mentions"),
            )
            self.messages.append(original)
        else:
            original = self.create_message(
                found.channel, self.bot, payload, interaction_id=found.id
            )
        found.acks.append(kind)
        found.original = original
        self.changed()
        return found

    def followup(self, interaction: Interaction, payload: dict[str, Any]) -> Message:
        """Handle `POST /webhooks/{app}/{token}`: the first one after a defer edits it."""
        original = interaction.original
        if original is None:
            raise DiscordError(404, 10015, "Unknown Webhook")
        if original.loading and not original.deleted:
            return self.edit_message(original, payload)
        message = self.create_message(
            interaction.channel, self.bot, payload, interaction_id=interaction.id
        )
        interaction.followups.append(message)
        return message

    def new_interaction(
        self, user: User, channel: Channel, command: dict, options: list[dict]
    ) -> Interaction:
        """Register an invocation about to be dispatched."""
        interaction = Interaction(
            id=snowflake(),
            token=secrets.token_urlsafe(24),
            user=user,
            channel=channel,
            command=command,
            options=options,
            guild_id=channel.guild_id,
        )
        self.interactions[interaction.token] = interaction
        return interaction
