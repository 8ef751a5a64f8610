"""/reindex: who may run it, live progress, the report, and questions asked meanwhile."""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path

import pytest

from bot.replies import NOT_ADMIN
from bot.settings import BotSettings
from tests.fakediscord import FakeDiscord, InvocationRefused, Message
from tests.integration.bot.conftest import EVS_SOURCE

ADDED = 30
REPORT_URL = "https://news.example/reports/"
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
        meta = f'---\nurl: {REPORT_URL}{n}\npublished: "2026-03-{n % 28 + 1:02d}"\n---\n'
        path = corpus / f"zz-report-{n:02d}.md"
        body = f"# Council report {n}: {topic}\n\n" + "\n\n".join(paragraphs) + "\n"
        path.write_text(meta + body)
        paths.append(path)
    pdf = corpus / "minutes.pdf"
    pdf.write_bytes(b"%PDF-1.4 not an article")
    return [*paths, pdf]


def report_counts(message: Message) -> dict[str, str]:
    return {field["name"]: field["value"] for field in message.embeds[0]["fields"]}


def is_report(message: Message) -> bool:
    return "Reindex finished" in message.text


async def test_reindex_progress_report_and_questions_meanwhile(
    fake: FakeDiscord, bot_settings: BotSettings, new_user
):
    added = write_articles(bot_settings.core.corpus_dir)
    # Park the bot's first progress edit: until it is released, /reindex is provably still
    # running (its reply shows progress and its report cannot be written yet).
    first_progress = fake.hold("PATCH", "/messages/@original")
    try:
        handle = await fake.invoke("reindex", user=fake.admin)
        held = await first_progress.reached()
        second = await fake.invoke("reindex", user=fake.moderator)
        busy = await second.response()
        asks = await asyncio.gather(
            *(fake.invoke("ask", {"question": "how many EVs?"}, user=new_user()) for _ in range(20))
        )
        answers = await asyncio.gather(  # the ones that wait for a worker say so first
            *(ask.response(until=lambda m: bool(m.embeds), timeout=60) for ask in asks)
        )
        answered_at = max(answer.updated for answer in answers)
        first_progress.release()
        report = await handle.response(until=is_report, timeout=60)
    finally:
        first_progress.release()
        for path in added:
            path.unlink()

    assert "Reindexing" in str(held["embeds"])
    assert second.acks == [4] and busy.ephemeral and "already running" in busy.content
    for answer in answers:
        assert "49,000" in answer.text and EVS_SOURCE in answer.text
    assert answered_at < report.versions[-1]["at"]  # every answer came before the report

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

    await check_pages_and_links(fake, new_user())

    cleanup = await fake.invoke("reindex", user=fake.admin)
    counts = report_counts(await cleanup.response(until=is_report, timeout=60))
    assert (counts["Removed"], counts["Unchanged"], counts["Skipped"]) == (str(ADDED), "2", "0")


async def check_pages_and_links(fake: FakeDiscord, user) -> None:
    """With 32 articles indexed, /sources pages them and citations link to their URLs."""
    listed = await (await fake.invoke("sources", user=user)).response()
    first = listed.embeds[0]
    assert first["title"] == "Indexed articles (32)" and len(first["fields"]) == 10
    assert first["footer"]["text"] == "Page 1 of 4"
    assert button_states(listed) == {"Previous": True, "Next": False}  # label: disabled
    turned = await fake.click(user, listed, "Next")
    second = await turned.response(until=lambda m: "Page 2" in m.embeds[0]["footer"]["text"])
    assert await turned.acknowledged() == 7 and second.id == listed.id
    assert button_states(second) == {"Previous": False, "Next": False}
    stranger = await fake.click(fake.add_member("stranger"), listed, "Previous")
    refused = await stranger.response()
    assert refused.ephemeral and "run it yourself" in refused.text
    assert "Page 2 of 4" in fake.state.message(listed.id).embeds[0]["footer"]["text"]
    newest = first["fields"][0]  # dated articles first, newest first
    assert newest["name"] == "Council report 27: bridge repairs"
    assert newest["value"] == (
        f"[news.example/reports/27]({REPORT_URL}27) · 2026-03-28 · 6 passages"
    )
    last = (await (await fake.invoke("sources", {"page": 4}, user=user)).response()).embeds[0]
    assert last["footer"]["text"] == "Page 4 of 4" and len(last["fields"]) == 2
    assert any(f["value"].startswith(f"`{EVS_SOURCE}` · undated") for f in last["fields"])

    question = "What did residents write about the ferry timetable plans?"
    answer = await (await fake.invoke("ask", {"question": question}, user=user)).response()
    cited = [
        f
        for f in answer.embeds[0]["fields"]
        if f["name"].split("] ", 1)[1].startswith("Council report")
        and f"]({REPORT_URL}" in f["value"]
        and " · paragraph " in f["value"]
    ]
    assert cited, answer.embeds[0]


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


@pytest.mark.parametrize("where", ["channel", "dm", "dm-when-the-channel-is-closed"])
async def test_reindex_outliving_its_token_goes_on_in_a_message(
    fake: FakeDiscord, bot_admin, where: str
):
    user = bot_admin if where == "dm" else fake.admin
    before = len(fake.messages)
    first_progress = fake.hold("PATCH", "/messages/@original")
    try:
        handle = await fake.invoke("reindex", user=user, guild=where != "dm")
        await first_progress.reached()
        if where == "dm-when-the-channel-is-closed":
            fake.fail_next(
                "POST",
                f"/channels/{fake.channel.id}/messages",
                status=403,
                code=50013,
                message="Missing Permissions",
            )
        handle.expire()  # the interaction token's 15 minutes run out while /reindex works
    finally:
        first_progress.release()

    def moved() -> list[Message]:
        return [
            m
            for m in fake.messages[before:]
            if m.author is fake.bot and m.interaction_id is None and is_report(m)
        ]

    message = (await fake.wait_for(moved, timeout=60))[0]
    expected = fake.channel if where == "channel" else fake.dm_channel(user)
    assert message.channel_id == expected.id
    assert user.mention in message.content and "continues here" in message.content
    assert message.pings == set()  # names the user without pinging anyone
    assert report_counts(message)["Unchanged"] == "2"
    refused = [c for c in fake.calls_to("PATCH", handle.interaction.token) if c.status == 401]
    assert refused and refused[0].response["code"] == 50027  # Invalid Webhook Token


def button_states(message) -> dict[str, bool]:
    """Return each button's label and whether it is disabled."""
    return {b["label"]: b.get("disabled", False) for row in message.components
            for b in row["components"]}
