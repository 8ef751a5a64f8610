"""Hold one REST request inside the fake until the test lets it through.

A test uses a hold to freeze the bot at a known point (say, while /reindex shows its first
progress) and do things "meanwhile" without guessing how long anything takes.
"""

from __future__ import annotations

import asyncio
from typing import Any


class Hold:
    """The first request matching `method` and a path fragment waits here until released."""

    def __init__(self, method: str, fragment: str) -> None:
        self.method = method
        self.fragment = fragment
        self.body: Any = None  # the held request's JSON body, once it arrived
        self._arrived = asyncio.Event()
        self._released = asyncio.Event()

    def matches(self, method: str, path: str) -> bool:
        """Return whether this hold is still waiting for a request like this one."""
        return not self._arrived.is_set() and method == self.method and self.fragment in path

    async def wait_here(self, body: Any) -> None:
        """Called by the server for the matching request: park it until released."""
        self.body = body
        self._arrived.set()
        await self._released.wait()

    async def reached(self, timeout: float = 30.0) -> Any:
        """Wait until the matching request has arrived; return its body."""
        await asyncio.wait_for(self._arrived.wait(), timeout)
        return self.body

    def release(self) -> None:
        """Let the held request (or a future one) through."""
        self._released.set()

    @property
    def held(self) -> bool:
        """Return whether a request is parked here right now."""
        return self._arrived.is_set() and not self._released.is_set()
