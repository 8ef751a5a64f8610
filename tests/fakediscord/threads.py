"""Threads: channels of type 11 (public) and 12 (private) inside a text channel.

https://discord.com/developers/docs/topics/threads: a thread started from a message has that
message's id; its name is 1-100 characters; `auto_archive_duration` is 60, 1440, 4320 or 10080
minutes; a message starts at most one thread (160004). Starting one needs Create Public (or
Private) Threads in the parent channel, and posting in one Send Messages in Threads. Who posts
in a thread joins it; Discord caps the `member_count` it reports at 50.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tests.fakediscord.limits import DiscordError
from tests.fakediscord.models import Channel, Message, User, iso_now, snowflake
from tests.fakediscord.permissions import CREATE_PRIVATE_THREADS, CREATE_PUBLIC_THREADS

if TYPE_CHECKING:
    from tests.fakediscord.state import State

NEWS_THREAD, PUBLIC_THREAD, PRIVATE_THREAD = 10, 11, 12
TEXT, NEWS = 0, 5
ARCHIVE_DURATIONS = (60, 1440, 4320, 10080)
NAME_MAX = 100
SLOWMODE_MAX = 21600


@dataclass
class Thread(Channel):
    """A thread channel; `parent_id` is the text channel it lives in."""

    owner_id: int = 0
    archived: bool = False
    locked: bool = False
    invitable: bool = True
    auto_archive_duration: int = 1440
    rate_limit_per_user: int = 0
    archive_timestamp: str = field(default_factory=iso_now)
    create_timestamp: str = field(default_factory=iso_now)
    message_count: int = 0
    total_message_sent: int = 0
    last_message_id: int | None = None
    members: dict[int, str] = field(default_factory=dict)  # user id -> when they joined

    def counted(self, message: Message) -> None:
        """Count a new message in the thread; its author joins the thread."""
        self.message_count += 1
        self.total_message_sent += 1
        self.last_message_id = message.id
        self.members.setdefault(message.author.id, iso_now())

    def to_json(self, *, member_of: int | None = None) -> dict[str, Any]:
        """Return the thread channel object (with `member` when `member_of` has joined)."""
        metadata: dict[str, Any] = {
            "archived": self.archived,
            "auto_archive_duration": self.auto_archive_duration,
            "archive_timestamp": self.archive_timestamp,
            "locked": self.locked,
            "create_timestamp": self.create_timestamp,
        }
        if self.type == PRIVATE_THREAD:
            metadata["invitable"] = self.invitable
        body: dict[str, Any] = {
            "id": str(self.id),
            "type": self.type,
            "guild_id": str(self.guild_id),
            "parent_id": str(self.parent_id),
            "owner_id": str(self.owner_id),
            "name": self.name,
            "last_message_id": None if self.last_message_id is None else str(self.last_message_id),
            "rate_limit_per_user": self.rate_limit_per_user,
            "message_count": self.message_count,
            "member_count": min(len(self.members), 50),
            "total_message_sent": self.total_message_sent,
            "flags": 0,
            "thread_metadata": metadata,
        }
        if member_of is not None and member_of in self.members:
            body["member"] = {
                "id": str(self.id),
                "user_id": str(member_of),
                "join_timestamp": self.members[member_of],
                "flags": 0,
            }
        return body


def _checked_options(payload: dict[str, Any]) -> tuple[str, int, int]:
    """Return name, auto-archive duration and slowmode, or raise Invalid Form Body."""
    name = payload.get("name")
    if not isinstance(name, str) or not 1 <= len(name) <= NAME_MAX:
        raise DiscordError.invalid(
            "name", "BASE_TYPE_BAD_LENGTH", f"Must be between 1 and {NAME_MAX} in length."
        )
    duration = payload.get("auto_archive_duration")
    duration = 1440 if duration is None else duration
    if duration not in ARCHIVE_DURATIONS:
        choices = ", ".join(str(d) for d in ARCHIVE_DURATIONS)
        raise DiscordError.invalid(
            "auto_archive_duration", "BASE_TYPE_CHOICES", f"Value must be one of ({choices})."
        )
    slowmode = payload.get("rate_limit_per_user") or 0
    if not 0 <= slowmode <= SLOWMODE_MAX:
        raise DiscordError.invalid(
            "rate_limit_per_user",
            "NUMBER_TYPE_MAX",
            f"int value should be less than or equal to {SLOWMODE_MAX}.",
        )
    return name, duration, slowmode


def _thread_type(parent: Channel, payload: dict[str, Any], message: Message | None) -> int:
    if message is not None:
        return NEWS_THREAD if parent.type == NEWS else PUBLIC_THREAD
    kind = payload.get("type")
    kind = PRIVATE_THREAD if kind is None else kind  # the API's default, kept for v9 clients
    if kind not in (PUBLIC_THREAD, PRIVATE_THREAD, NEWS_THREAD):
        raise DiscordError.invalid(
            "type", "BASE_TYPE_CHOICES", "Value must be one of (10, 11, 12)."
        )
    return kind


def start_thread(
    state: State,
    parent: Channel,
    owner: User,
    payload: dict[str, Any],
    *,
    message: Message | None = None,
) -> Thread:
    """Create a thread in `parent` (from `message`, if given), checking what Discord checks."""
    if parent.type not in (TEXT, NEWS):
        raise DiscordError(400, 50024, "Cannot execute action on this channel type")
    name, duration, slowmode = _checked_options(payload)
    kind = _thread_type(parent, payload, message)
    needed = CREATE_PRIVATE_THREADS if kind == PRIVATE_THREAD else CREATE_PUBLIC_THREADS
    state.require(owner, parent, needed)
    if message is not None and state.guild.channel(message.id) is not None:
        raise DiscordError(400, 160004, "A thread has already been created for this message")
    thread = Thread(
        id=message.id if message is not None else snowflake(),
        type=kind,
        name=name,
        guild_id=parent.guild_id,
        parent_id=parent.id,
        owner_id=owner.id,
        auto_archive_duration=duration,
        rate_limit_per_user=slowmode,
        invitable=bool(payload.get("invitable", True)),
        members={owner.id: iso_now()},
    )
    state.guild.threads.append(thread)
    state.channels[thread.id] = thread
    state.changed()
    return thread


def thread_create_event(thread: Thread, viewer: User) -> dict[str, Any]:
    """Return the THREAD_CREATE payload `viewer` receives for a thread just made."""
    return {**thread.to_json(member_of=viewer.id), "newly_created": True}
