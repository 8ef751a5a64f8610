"""A fake Discord (REST + gateway on 127.0.0.1) that the real discord.py client connects to."""

from tests.fakediscord.models import Call, Channel, Message, User
from tests.fakediscord.server import (
    FakeDiscord,
    InteractionHandle,
    InvocationRefused,
    MessageHandle,
)
from tests.fakediscord.threads import Thread

__all__ = [
    "Call",
    "Channel",
    "FakeDiscord",
    "InteractionHandle",
    "InvocationRefused",
    "Message",
    "MessageHandle",
    "Thread",
    "User",
]
