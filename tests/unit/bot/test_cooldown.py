"""The per-user question rate."""

from __future__ import annotations

from bot.cooldown import QuestionLimiter


def test_each_user_gets_their_own_budget():
    limiter = QuestionLimiter(2, 30.0)
    assert limiter.retry_after(1, now=100.0) is None
    assert limiter.retry_after(1, now=101.0) is None
    assert limiter.retry_after(1, now=102.0) == 28.0
    assert limiter.retry_after(2, now=102.0) is None
    assert limiter.retry_after(1, now=131.0) is None  # the window has passed


def test_idle_users_are_forgotten():
    limiter = QuestionLimiter(1, 10.0)
    for user in range(1500):
        limiter.retry_after(user, now=1.0)
    assert limiter.retry_after(99_999, now=100.0) is None
    assert len(limiter) < 10
