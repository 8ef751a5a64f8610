"""The per-user question rate (`ASK_RATE`), shared by /ask, DMs and mentions."""

from __future__ import annotations

import time

from discord.app_commands import Cooldown

PRUNE_ABOVE = 1000  # users remembered before idle buckets are forgotten


class QuestionLimiter:
    """Allow each user `rate` questions per `per` seconds, wherever they ask."""

    def __init__(self, rate: int, per: float) -> None:
        """Args: rate: questions allowed in a window; per: the window, in seconds."""
        self.cooldown = Cooldown(rate, per)
        self._buckets: dict[int, Cooldown] = {}

    def __len__(self) -> int:
        """Return how many users are remembered."""
        return len(self._buckets)

    def retry_after(self, user_id: int, now: float | None = None) -> float | None:
        """Count one question from `user_id`; return seconds to wait if over the rate."""
        now = time.time() if now is None else now
        if len(self._buckets) > PRUNE_ABOVE:
            self._prune(now)
        bucket = self._buckets.setdefault(user_id, self.cooldown.copy())
        return bucket.update_rate_limit(now)

    def _prune(self, now: float) -> None:
        idle = [uid for uid, b in self._buckets.items() if b.get_tokens(now) == b.rate]
        for user_id in idle:
            del self._buckets[user_id]
