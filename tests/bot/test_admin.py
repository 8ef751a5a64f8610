"""/reindex: who may run it, live progress, the report, and questions asked meanwhile."""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path

import pytest

from bot.replies import NOT_ADMIN
from index.settings import Settings
from tests.bot.conftest import EVS_SOURCE
from tests.fakediscord import FakeDiscord, InvocationRefused, Message

ADDED = 30
TOPICS = ("ferry timetable", "harbour dredging", "library opening hours", "bridge repairs")


def write_articles(corpus: Path) -> list[Path]:
    """Add invented articles (enough that indexing takes a few seconds) and one bad file."""
    paths = []
    for n in range(ADDED):
        topic = TOPICS[n % len(TOPICS)]
        paragraphs = [
            f"Report {n} on the {topic}: council officers met residents on day {p} of the "
            f"consultation, and {n * 7 + p} people wrote in about the {topic} plans."
            for p in range(1, 7)
        ]
        path = corpus / f"zz-report-{n:02d}.md"
        path.write_text(f"# Council report {n}: {topic}\n\n" + "\n\n".join(paragraphs) + "\n")
        paths.append(path)
    pdf = corpus / "minutes.pdf"
    pdf.write_bytes(b"%PDF-1.4 not an article")
    return [*paths, pdf]


def report_counts(message: Message) -> dict[str, str]:
    return {field["name"]: field["value"] for field in message.embeds[0]["fields"]}


def is_report(message: Message) -> bool:
    return "Reindex finished" in message.text


async def test_reindex_progress_report_and_questions_meanwhile(
    fake: FakeDiscord, bot_settings: Settings, new_user
):
    added = write_articles(bot_settings.corpus_dir)
    try:
        handle = await fake.invoke("reindex", user=fake.admin)
        await handle.response(until=lambda m: "Reindexing" in m.text, timeout=30)
        second = await fake.invoke("reindex", user=fake.moderator)
        busy = await second.response()
        asks = await asyncio.gather(
            *(fake.invoke("ask", {"question": "how many EVs?"}, user=new_user()) for _ in range(20))
        )
        answers = await asyncio.gather(*(ask.response(timeout=60) for ask in asks))
        report = await handle.response(until=is_report, timeout=60)
    finally:
        for path in added:
            path.unlink()

    assert second.acks == [4] and busy.ephemeral and "already running" in busy.content
    for answer in answers:
        assert "49,000" in answer.text and EVS_SOURCE in answer.text
    report_at = report.versions[-1]["at"]
    assert all(ask.interaction.created < report_at for ask in asks)  # asked during the run

    progress = [v for v in report.versions if "Reindexing" in str(v["embeds"])]
    assert progress, "at least one progress edit before the report"
    for version in progress:
        text = version["embeds"][0]["description"]
        assert "Documents read" in text and "Passages embedded" in text and "Elapsed" in text
    times = [v["at"] for v in progress]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert all(gap >= 1.0 for gap in gaps), gaps  # at most once a second

    counts = report_counts(report)
    assert (counts["Added"], counts["Updated"], counts["Unchanged"]) == (str(ADDED), "0", "2")
    assert (counts["Removed"], counts["Skipped"]) == ("0", "1")
    assert "`minutes.pdf`: unsupported file type .pdf" in counts["Skipped documents"]

    cleanup = await fake.invoke("reindex", user=fake.admin)
    counts = report_counts(await cleanup.response(until=is_report, timeout=60))
    assert (counts["Removed"], counts["Unchanged"], counts["Skipped"]) == (str(ADDED), "2", "0")


async def test_reindex_by_a_moderator_in_the_server(fake: FakeDiscord):
    handle = await fake.invoke("reindex", user=fake.moderator)
    counts = report_counts(await handle.response(until=is_report, timeout=30))
    assert counts["Unchanged"] == "2" and counts["Added"] == "0"


async def test_reindex_in_a_dm_by_an_admin_user_id(fake: FakeDiscord, bot_admin):
    handle = await fake.invoke("reindex", user=bot_admin, guild=False)
    message = await handle.response(until=is_report, timeout=30)
    assert message.guild_id is None and report_counts(message)["Unchanged"] == "2"


async def test_reindex_refused_by_discord_for_a_plain_member(fake: FakeDiscord):
    with pytest.raises(InvocationRefused, match="lacks permission"):
        await fake.invoke("reindex", user=fake.member)


@pytest.mark.parametrize("guild", [True, False], ids=["server-gate-bypassed", "dm"])
async def test_reindex_refused_by_the_bot_itself(fake: FakeDiscord, guild: bool):
    before = len(fake.messages)
    handle = await fake.invoke("reindex", user=fake.member, guild=guild, bypass_permissions=True)
    message = await handle.response()
    assert handle.acks == [4] and message.ephemeral and message.content == NOT_ADMIN
    assert not [m for m in fake.messages[before:] if "Reindex" in m.text]
