"""Permission bits, channel overwrites, and how Discord computes permissions in a channel.

https://discord.com/developers/docs/topics/permissions#permission-overwrites: start from the
guild permissions (Administrator means everything), apply the channel's @everyone overwrite,
then the member's roles' overwrites together (denies, then allows), then the member's own.
A thread has no overwrites of its own: it uses its parent channel's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.fakediscord.models import Channel, Guild, Member

ADMINISTRATOR = 1 << 3
MANAGE_GUILD = 1 << 5
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
USE_APPLICATION_COMMANDS = 1 << 31
MANAGE_THREADS = 1 << 34
CREATE_PUBLIC_THREADS = 1 << 35
CREATE_PRIVATE_THREADS = 1 << 36
SEND_MESSAGES_IN_THREADS = 1 << 38
ALL_PERMISSIONS = (1 << 51) - 1
EVERYONE_PERMISSIONS = (
    VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | READ_MESSAGE_HISTORY
    | USE_APPLICATION_COMMANDS
    | CREATE_PUBLIC_THREADS
    | CREATE_PRIVATE_THREADS
    | SEND_MESSAGES_IN_THREADS
)

ROLE_OVERWRITE, MEMBER_OVERWRITE = 0, 1


@dataclass
class Overwrite:
    """One channel permission overwrite, for a role (type 0) or a member (type 1)."""

    id: int
    type: int
    allow: int = 0
    deny: int = 0

    def to_json(self) -> dict[str, Any]:
        """Return the overwrite object (bit sets as strings, as Discord sends them)."""
        return {
            "id": str(self.id),
            "type": self.type,
            "allow": str(self.allow),
            "deny": str(self.deny),
        }


def channel_permissions(guild: Guild, member: Member, channel: Channel) -> int:
    """Return the member's permissions in `channel` (0 without View Channel)."""
    base = guild.permissions_of(member)
    if base & ADMINISTRATOR:
        return ALL_PERMISSIONS
    source = guild.channel(channel.parent_id) if channel.parent_id else channel
    overwrites = {o.id: o for o in (source.overwrites if source else [])}
    value = base
    everyone = overwrites.get(guild.id)
    if everyone is not None:
        value = (value & ~everyone.deny) | everyone.allow
    allow = deny = 0
    for role in member.roles:
        found = overwrites.get(role.id)
        if found is not None and found.type == ROLE_OVERWRITE:
            allow, deny = allow | found.allow, deny | found.deny
    value = (value & ~deny) | allow
    own = overwrites.get(member.user.id)
    if own is not None and own.type == MEMBER_OVERWRITE:
        value = (value & ~own.deny) | own.allow
    return value if value & VIEW_CHANNEL else 0
