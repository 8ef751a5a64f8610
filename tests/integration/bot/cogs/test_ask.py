"""/ask, DM questions and mentions: what Discord sees when people ask the real bot."""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3

import pytest

from bot.formatting import EMPTY_INDEX_REPLY
from index.feedback import FeedbackLog
from index.service import Newsdesk
from index.settings import Settings
from tests.fakediscord import FakeDiscord, InvocationRefused, Message
from tests.integration.bot.conftest import EVS_SOURCE, sent_payloads

QUESTION = "how many EVs?"


def assert_evs_answer(message: Message) -> None:
    """The answer says 49,000 and cites the article it comes from."""
    assert "49,000" in message.text
    assert EVS_SOURCE in message.text
    assert len(message.embeds) == 1


async def test_ask_in_a_server_defers_then_answers_with_citation(fake: FakeDiscord, new_user):
    handle = await fake.invoke("ask", {"question": QUESTION}, user=new_user())
    message = await handle.response()
    assert handle.acks == [5]  # deferred first: the fake rejects acknowledgements after 3 s
    assert_evs_answer(message)
    embed = message.embeds[0]
    assert embed["description"].startswith("**49,000")  # the short answer comes first
    assert "> The two leaders announced" in embed["description"]  # then the supporting quote
    assert embed["fields"][0]["name"].startswith("[1] In a historic move")  # the title
    assert f"`{EVS_SOURCE}` · paragraph 2" in embed["fields"][0]["value"]
    assert not message.ephemeral and message.guild_id == fake.guild.id
    assert [v["content"] for v in message.versions] == ["", ""]  # loading, then the embed


async def test_ask_private_answers_ephemerally(fake: FakeDiscord, new_user):
    handle = await fake.invoke("ask", {"question": QUESTION, "private": True}, user=new_user())
    message = await handle.response()
    assert message.ephemeral
    assert_evs_answer(message)


async def test_ask_in_a_dm(fake: FakeDiscord, new_user):
    user = new_user()
    handle = await fake.invoke("ask", {"question": QUESTION}, user=user, guild=False)
    message = await handle.response()
    assert message.guild_id is None and message.channel_id == fake.dm_channel(user).id
    assert_evs_answer(message)


async def test_plain_dm_is_a_question(fake: FakeDiscord, new_user):
    user = new_user()
    sent = await fake.send_dm(user, QUESTION)
    reply = await sent.reply()
    assert_evs_answer(reply)
    assert reply.guild_id is None
    assert fake.calls_to("POST", f"/channels/{reply.channel_id}/typing")


async def test_mention_in_a_server_answers_as_a_reply(fake: FakeDiscord, new_user, caplog):
    with caplog.at_level(logging.WARNING):
        sent = await fake.send_guild_message(new_user(), QUESTION, mention_bot=True)
        reply = await sent.reply()
    assert reply.channel_id == fake.channel.id
    assert reply.reference["message_id"] == str(sent.message.id)
    assert_evs_answer(reply)
    assert not caplog.records  # a question is not a failed text command


async def test_conflicting_sources_are_shown_side_by_side(fake: FakeDiscord, new_user):
    question = "Has a tariff agreement been announced?"
    handle = await fake.invoke("ask", {"question": question}, user=new_user())
    embed = (await handle.response()).embeds[0]
    lines = embed["description"].splitlines()
    assert lines[0] == "**Sources disagree**" and lines[-1] == "Their passages, side by side:"
    fields = embed["fields"]
    quoted = {f["name"].split(" ")[0]: f["value"] for f in fields}
    # each value on its own line, with the number of the passage saying it (the corpus is undated)
    found = [re.fullmatch(r"• \*\*(Yes|No)\*\* (\[\d\])", line) for line in lines[1:-1]]
    assert all(found), lines
    sides = dict(match.groups() for match in found)
    assert sides.keys() == {"Yes", "No"} and len(found) == 2
    assert "preliminary trade deal" in quoted[sides["Yes"]]
    assert "no agreement has yet been announced" in quoted[sides["No"]]
    assert [f["inline"] for f in fields] == [True, True]
    assert {f["value"].split(" · ")[0] for f in fields} == {
        f"`{EVS_SOURCE}`",
        "`001_5c88e681c271383d.txt`",
    }
    assert all(f["name"].startswith(f"[{n}] ") for n, f in enumerate(fields, 1))
    assert all(" · paragraph " in f["value"] and "\n> " in f["value"] for f in fields)
    quotes = " ".join(f["value"] for f in fields)
    assert "preliminary trade deal" in quotes and "no agreement has yet been announced" in quotes


async def test_server_message_without_mention_is_ignored(fake: FakeDiscord, new_user):
    before = len(fake.messages)
    ignored = await fake.send_guild_message(new_user(), QUESTION)
    mention = await fake.send_guild_message(new_user(), "thanks", mention_bot=True)
    await mention.reply()  # messages arrive in order: the first one has been handled too
    assert ignored.replies() == []
    from_bot = [m for m in fake.messages[before:] if m.author is fake.bot]
    assert [m.reference["message_id"] for m in from_bot] == [str(mention.message.id)]


async def test_bare_mention_gets_a_hint(fake: FakeDiscord, new_user):
    sent = await fake.send_guild_message(new_user(), "", mention_bot=True)
    assert "Ask me after the mention" in (await sent.reply()).content


async def test_not_in_the_coverage_shows_nearest_passages(fake: FakeDiscord, new_user):
    handle = await fake.invoke("ask", {"question": "Who won the 1998 World Cup?"}, user=new_user())
    embed = (await handle.response()).embeds[0]
    assert embed["description"].startswith("Not in the coverage")
    assert embed["fields"] and all("paragraph" in f["value"] for f in embed["fields"])


async def test_an_empty_index_is_told_with_how_admins_fill_it(
    fake: FakeDiscord, new_user, running_bot, tmp_path, monkeypatch
):
    settings = Settings(corpus_dir=tmp_path / "corpus", chroma_path=tmp_path / "chroma")
    monkeypatch.setattr(running_bot, "desk", Newsdesk.open(settings))  # nothing indexed
    handle = await fake.invoke("ask", {"question": QUESTION}, user=new_user())
    embed = (await handle.response()).embeds[0]
    assert embed["description"] == EMPTY_INDEX_REPLY and "fields" not in embed
    reply = await (await fake.send_dm(new_user(), QUESTION)).reply()
    assert reply.embeds[0]["description"] == EMPTY_INDEX_REPLY


@pytest.mark.parametrize("where", ["slash", "dm", "mention"])
async def test_everyone_in_a_question_pings_nobody(fake: FakeDiscord, new_user, where):
    question = f"@everyone @here <@{fake.admin.id}> <@&{fake.state.mod_role.id}> {QUESTION}"
    user = new_user()
    if where == "slash":
        message = await (await fake.invoke("ask", {"question": question}, user=user)).response()
    elif where == "dm":
        message = await (await fake.send_dm(user, question)).reply()
    else:
        message = await (await fake.send_guild_message(user, question, mention_bot=True)).reply()
    assert "@everyone" in message.text  # the question is shown, escaped or not...
    assert message.pings == set()  # ...but Discord notifies nobody
    assert message.allowed_mentions["parse"] == []
    for body in sent_payloads(fake):
        assert body["allowed_mentions"]["parse"] == []


async def test_question_of_5000_characters(fake: FakeDiscord, new_user):
    question = ("Why did the talks matter so much? " * 150)[:5000]
    with pytest.raises(InvocationRefused, match="1000 or fewer"):  # Discord's client says no
        await fake.invoke("ask", {"question": question}, user=new_user())
    handle = await fake.invoke(
        "ask", {"question": question}, user=new_user(), bypass_option_checks=True
    )
    await fake.wait_for(lambda: [m for m in handle.interaction.messages if not m.loading])
    shown = [m for m in handle.interaction.messages if not m.deleted]
    assert len(shown) == 1 and shown[0].ephemeral
    assert "1,000" in shown[0].content and len(shown[0].content) < 300
    dm = await fake.send_dm(new_user(), question[:4000])  # the most a user can type
    assert "1,000" in (await dm.reply()).content
    assert not [c for c in fake.calls if c.status == 400]


async def test_cooldown_tells_when_to_retry(fake: FakeDiscord, new_user):
    user = new_user()
    for _ in range(5):
        await (await fake.invoke("ask", {"question": QUESTION}, user=user)).response()
    limited = await fake.invoke("ask", {"question": QUESTION}, user=user)
    message = await limited.response()
    assert limited.acks == [4] and message.ephemeral
    assert "try again in" in message.content and "<t:" in message.content
    dm = await fake.send_dm(user, QUESTION)  # the limit is per user, across /ask and DMs
    assert "try again in" in (await dm.reply()).content


async def test_unexpected_error_is_logged_once_and_apologised_for(
    fake: FakeDiscord, new_user, caplog
):
    fake.fail_next("PATCH", "/messages/@original", status=403, code=50001,
                   message="Missing Access")
    with caplog.at_level(logging.ERROR):
        handle = await fake.invoke("ask", {"question": QUESTION}, user=new_user())
        apology = await fake.wait_for(
            lambda: [m for m in handle.interaction.messages if "Sorry" in m.content]
        )
    assert apology[0].ephemeral
    assert "Traceback" not in apology[0].content and "Forbidden" not in apology[0].content
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is not None


async def test_unexpected_error_in_a_dm_question(fake: FakeDiscord, new_user, caplog):
    fake.fail_next("POST", "/typing", status=403, code=50013, message="Missing Permissions")
    with caplog.at_level(logging.ERROR):
        reply = await (await fake.send_dm(new_user(), QUESTION)).reply()
    assert reply.content.startswith("Sorry") and "Forbidden" not in reply.content
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is not None


async def test_each_question_is_recorded_with_where_it_was_asked(
        fake: FakeDiscord, new_user, bot_settings):
    asker = new_user()
    handle = await fake.invoke("ask", {"question": QUESTION}, user=asker)
    await handle.response()
    sent = await fake.send_dm(asker, "who did Carney meet on Thursday?")
    await sent.reply()
    log = FeedbackLog(bot_settings.core.feedback_path)
    rows = await wait_for_rows(bot_settings.core.feedback_path, log.user(asker.id), 2)
    assert rows[0][:2] == (QUESTION, 1) and "49,000" in rows[0][2]
    assert rows[0][3:] == (fake.guild.id, fake.channel.id)
    assert rows[1][0] == "who did Carney meet on Thursday?"
    assert rows[1][3:] == (None, fake.dm_channel(asker).id)


async def wait_for_rows(path, user: str, count: int) -> list[tuple]:
    """Return the questions `user` asked, oldest first, once `count` are recorded."""
    for _ in range(100):  # the bot records after it replies
        with sqlite3.connect(path) as db:
            rows = db.execute("SELECT question, answered, answer, guild, channel FROM asked "
                              "WHERE user = ? ORDER BY id", (user,)).fetchall()
        if len(rows) >= count:
            return rows
        await asyncio.sleep(0.05)
    raise AssertionError(f"{len(rows)} of {count} questions recorded")


async def test_a_question_that_names_nothing_gets_a_private_reply_saying_so(
    fake: FakeDiscord, new_user, caplog
):
    with caplog.at_level(logging.ERROR):
        handle = await fake.invoke("ask", {"question": "who is ?"}, user=new_user())
        told = await fake.wait_for(
            lambda: [m for m in handle.interaction.messages if "names nothing" in m.content]
        )
    assert told[0].ephemeral
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]  # expected, not logged


async def test_a_dm_that_names_nothing_gets_a_reply_saying_so(fake: FakeDiscord, new_user):
    reply = await (await fake.send_dm(new_user(), "or?")).reply()
    assert "names nothing to look for" in reply.content
