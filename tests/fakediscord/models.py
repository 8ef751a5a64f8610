"""What the fake Discord knows: users, the guild, channels, commands, messages and REST calls.

Everything here is plain data plus the JSON shapes Discord sends for it.
"""

from __future__ import annotations

import copy
import itertools
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tests.fakediscord.permissions import ADMINISTRATOR, ALL_PERMISSIONS, Overwrite

DISCORD_EPOCH_MS = 1_420_070_400_000
_counter = itertools.count()

# Gateway intents
INTENT_GUILDS = 1 << 0
INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_MESSAGE_CONTENT = 1 << 15

EPHEMERAL = 1 << 6  # message flag 64
LOADING = 1 << 7  # message flag 128: "bot is thinking"

CONTEXT_GUILD, CONTEXT_BOT_DM = 0, 1


def snowflake() -> int:
    """Return a fresh, increasing snowflake id."""
    ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
    return (ms << 22) | (next(_counter) % (1 << 22))


def iso_now() -> str:
    """Return the current time as Discord formats timestamps."""
    return datetime.now(UTC).isoformat()


@dataclass
class User:
    """A Discord user (a person or the bot)."""

    id: int
    username: str
    bot: bool = False

    def to_json(self) -> dict[str, Any]:
        """Return the user object."""
        return {
            "id": str(self.id),
            "username": self.username,
            "discriminator": "0",
            "global_name": self.username.title(),
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }

    @property
    def mention(self) -> str:
        """Return the `<@id>` mention text."""
        return f"<@{self.id}>"


@dataclass
class Role:
    """A guild role; the @everyone role has the guild's id."""

    id: int
    name: str
    permissions: int
    position: int = 0

    def to_json(self) -> dict[str, Any]:
        """Return the role object."""
        return {
            "id": str(self.id),
            "name": self.name,
            "permissions": str(self.permissions),
            "position": self.position,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": True,
            "flags": 0,
        }


@dataclass
class Member:
    """A user's membership in the guild."""

    user: User
    roles: list[Role]
    joined_at: str = field(default_factory=iso_now)

    def to_json(self, *, with_permissions: int | None = None) -> dict[str, Any]:
        """Return the guild member object (with `permissions` inside interactions)."""
        body: dict[str, Any] = {
            "user": self.user.to_json(),
            "roles": [str(role.id) for role in self.roles],
            "joined_at": self.joined_at,
            "nick": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
        }
        if with_permissions is not None:
            body["permissions"] = str(with_permissions)
        return body


@dataclass
class Channel:
    """A guild text channel (type 0) or a DM channel (type 1); threads are `threads.Thread`."""

    id: int
    type: int
    name: str | None = None
    guild_id: int | None = None
    recipient: User | None = None
    parent_id: int | None = None
    overwrites: list[Overwrite] = field(default_factory=list)

    @property
    def is_thread(self) -> bool:
        """Return whether this is a thread (types 10, 11 and 12)."""
        return self.type in (10, 11, 12)

    def to_json(self) -> dict[str, Any]:
        """Return the channel object."""
        if self.type == 1:
            assert self.recipient is not None
            return {
                "id": str(self.id),
                "type": 1,
                "last_message_id": None,
                "recipients": [self.recipient.to_json()],
            }
        return {
            "id": str(self.id),
            "type": self.type,
            "guild_id": str(self.guild_id),
            "name": self.name,
            "position": 0,
            "permission_overwrites": [o.to_json() for o in self.overwrites],
            "nsfw": False,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "parent_id": None,
            "default_auto_archive_duration": 1440,
        }


@dataclass
class Guild:
    """The one guild the bot is in."""

    id: int
    name: str
    owner_id: int
    roles: list[Role]
    members: list[Member]
    channels: list[Channel]
    threads: list[Channel] = field(default_factory=list)  # `threads.Thread`s, active or not

    def everyone(self) -> Role:
        """Return the @everyone role."""
        return next(role for role in self.roles if role.id == self.id)

    def permissions_of(self, member: Member) -> int:
        """Return a member's guild-level permissions as Discord computes them."""
        if member.user.id == self.owner_id:
            return ALL_PERMISSIONS
        value = self.everyone().permissions
        for role in member.roles:
            value |= role.permissions
        return ALL_PERMISSIONS if value & ADMINISTRATOR else value

    def channel(self, channel_id: int | None) -> Channel | None:
        """Return the guild channel or thread with this id, if any."""
        return next((c for c in [*self.channels, *self.threads] if c.id == channel_id), None)

    def member(self, user_id: int) -> Member | None:
        """Return the member with this user id, if any."""
        return next((m for m in self.members if m.user.id == user_id), None)

    def to_json(self) -> dict[str, Any]:
        """Return the GUILD_CREATE payload."""
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "owner_id": str(self.owner_id),
            "unavailable": False,
            "large": False,
            "member_count": len(self.members),
            "members": [member.to_json() for member in self.members],
            "roles": [role.to_json() for role in self.roles],
            "channels": [channel.to_json() for channel in self.channels],
            "threads": [t.to_json() for t in self.threads if not getattr(t, "archived", False)],
            "voice_states": [],
            "presences": [],
            "emojis": [],
            "stickers": [],
            "features": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "joined_at": iso_now(),
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "system_channel_id": None,
            "system_channel_flags": 0,
            "afk_channel_id": None,
            "afk_timeout": 300,
            "description": None,
        }


@dataclass
class Call:
    """One REST request the client made, and what the fake answered."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    status: int
    response: Any = None

    def __repr__(self) -> str:
        return f"<Call {self.method} {self.path} -> {self.status}>"


_USER_MENTION = re.compile(r"<@!?(\d+)>")
_ROLE_MENTION = re.compile(r"<@&(\d+)>")


@dataclass
class Message:
    """A message as Discord stores it, with every earlier version kept in `history`."""

    id: int
    channel_id: int
    author: User
    content: str = ""
    embeds: list[dict[str, Any]] = field(default_factory=list)
    components: list[dict[str, Any]] = field(default_factory=list)
    flags: int = 0
    allowed_mentions: dict[str, Any] | None = None
    reference: dict[str, Any] | None = None
    guild_id: int | None = None
    interaction_id: int | None = None
    history: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[User] = field(default_factory=list)
    pings: set[str] = field(default_factory=set)  # "everyone", "user:<id>", "role:<id>"
    created: float = field(default_factory=time.monotonic)
    updated: float = field(default_factory=time.monotonic)
    timestamp: str = field(default_factory=iso_now)
    deleted: bool = False
    edited_timestamp: str | None = None

    @property
    def ephemeral(self) -> bool:
        """Return whether only the invoking user sees this message."""
        return bool(self.flags & EPHEMERAL)

    @property
    def loading(self) -> bool:
        """Return whether this is a deferred "thinking" message not yet edited."""
        return bool(self.flags & LOADING)

    @property
    def versions(self) -> list[dict[str, Any]]:
        """Return every version of the message, oldest first, the current one last."""
        return [*self.history, self.snapshot()]

    @property
    def text(self) -> str:
        """Return the content and all embed text joined, for assertions."""
        return message_text(self.content, self.embeds)

    def snapshot(self) -> dict[str, Any]:
        """Return a copy of the editable state."""
        return copy.deepcopy(
            {
                "at": self.updated,  # when this version was written
                "content": self.content,
                "embeds": self.embeds,
                "components": self.components,
                "flags": self.flags,
                "allowed_mentions": self.allowed_mentions,
            }
        )

    def to_json(self) -> dict[str, Any]:
        """Return the message object."""
        body: dict[str, Any] = {
            "id": str(self.id),
            "channel_id": str(self.channel_id),
            "author": self.author.to_json(),
            "content": self.content,
            "timestamp": self.timestamp,
            "edited_timestamp": self.edited_timestamp,
            "tts": False,
            "mention_everyone": "everyone" in self.pings,
            "mentions": [user.to_json() for user in self.mentions],
            "mention_roles": _ROLE_MENTION.findall(self.content),
            "attachments": [],
            "embeds": self.embeds,
            "components": self.components,
            "pinned": False,
            "type": 19 if self.reference else 0,
            "flags": self.flags,
        }
        if self.guild_id is not None:
            body["guild_id"] = str(self.guild_id)
        if self.reference is not None:
            body["message_reference"] = self.reference
        return body


def message_text(content: str, embeds: list[dict[str, Any]]) -> str:
    """Join content and every text part of the embeds."""
    parts = [content]
    for embed in embeds:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        parts += [(embed.get("author") or {}).get("name") or ""]
        for item in embed.get("fields") or []:
            parts += [item.get("name") or "", item.get("value") or ""]
        parts += [(embed.get("footer") or {}).get("text") or ""]
    return "\n".join(part for part in parts if part)


def mentioned_ids(content: str) -> list[int]:
    """Return the user ids mentioned as `<@id>` in `content`, in order."""
    return [int(uid) for uid in _USER_MENTION.findall(content)]


def compute_pings(content: str, allowed: dict[str, Any] | None) -> set[str]:
    """Return who a message with `content` would notify under `allowed_mentions`."""
    parse = {"everyone", "users", "roles"} if allowed is None else set(allowed.get("parse", []))
    users = set((allowed or {}).get("users", []))
    roles = set((allowed or {}).get("roles", []))
    pings: set[str] = set()
    if "everyone" in parse and re.search(r"@(everyone|here)", content):
        pings.add("everyone")
    for uid in _USER_MENTION.findall(content):
        if "users" in parse or uid in users:
            pings.add(f"user:{uid}")
    for rid in _ROLE_MENTION.findall(content):
        if "roles" in parse or rid in roles:
            pings.add(f"role:{rid}")
    return pings
