"""/gaps: declined questions (wordings grouped) and answers voted down, for admins only."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.fakediscord import FakeDiscord, InvocationRefused

UNANSWERABLE = "What is the population of Vancouver?"


async def test_gaps_lists_the_declined_questions_with_their_counts(fake: FakeDiscord,
                                                                   new_user, desk):
    for _ in range(2):
        asked = await fake.invoke("ask", {"question": UNANSWERABLE}, user=new_user())
        await asked.response(until=lambda m: bool(m.embeds))
    await fake.wait_for(lambda: gaps_has(desk), timeout=10)  # recorded after the reply

    handle = await fake.invoke("gaps", {"days": 1}, user=fake.admin)
    message = await handle.response()
    assert message.ephemeral
    embed = message.embeds[0]
    assert embed["title"] == "What the coverage lacks (last 1 days)"
    fields = {f["name"].split(" (")[0]: f["value"] for f in embed["fields"]}
    line = next(line for line in fields["Declined"].splitlines() if UNANSWERABLE in line)
    count = int(line.split("**")[1].rstrip("×"))
    assert count >= 2 and "<t:" in line and line.endswith(":R>")
    assert "@" not in embed["title"] and fields["Voted down"]


async def test_gaps_is_for_admins_only(fake: FakeDiscord, new_user):
    with pytest.raises(InvocationRefused):
        await fake.invoke("gaps", user=new_user())


def gaps_has(desk) -> bool:
    """Return True once the bot has recorded the two questions (its feedback database)."""
    declined, _ = desk.gaps(dt.datetime.now(dt.UTC) - dt.timedelta(days=1))
    return any(g.question == UNANSWERABLE and g.count >= 2 for g in declined)
