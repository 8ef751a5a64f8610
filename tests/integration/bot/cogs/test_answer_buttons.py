"""The buttons under an answer: votes (counted once per user, across restarts) and threads."""

from __future__ import annotations

import datetime as dt

import pytest
from discord.http import Route

from bot.answer_view import NO_THREADS
from tests.fakediscord import FakeDiscord, InvocationRefused, Message
from tests.fakediscord.permissions import CREATE_PUBLIC_THREADS, VIEW_CHANNEL

QUESTION = "How many electric vehicles will Canada let in?"


def labels(message: Message) -> list[str]:
    """Return each button's label, or its emoji when it has none."""
    return [b.get("label") or b["emoji"]["name"] for row in message.components
            for b in row["components"]]


def answered(message: Message) -> bool:
    return bool(message.embeds)


async def ask(fake: FakeDiscord, user, question: str = QUESTION, **where) -> Message:
    handle = await fake.invoke("ask", {"question": question}, user=user, **where)
    return await handle.response(until=answered, timeout=60)


async def vote(fake: FakeDiscord, user, message: Message, emoji: str, **how) -> Message:
    clicked = await fake.click(user, message, emoji, **how)
    return await clicked.response(timeout=30)


def downvotes(desk, question: str) -> int:
    since = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    return sum(v.down for v in desk.gaps(since)[1] if v.question == question)


async def test_votes_count_once_per_user_who_may_change_theirs(fake: FakeDiscord, new_user,
                                                              desk):
    asker, other = new_user(), new_user()
    message = await ask(fake, asker)
    assert labels(message) == ["👍", "👎", "Follow up in a thread"]
    thanks = await vote(fake, asker, message, "👍")
    assert thanks.ephemeral and "(1 👍 · 0 👎 so far)" in thanks.text
    assert "(0 👍 · 1 👎 so far)" in (await vote(fake, asker, message, "👎")).text
    assert "(0 👍 · 2 👎 so far)" in (await vote(fake, other, message, "👎")).text
    assert downvotes(desk, QUESTION) >= 2
    assert "@" not in thanks.text


async def test_a_vote_on_an_answer_sent_before_a_restart_still_counts(
        fake: FakeDiscord, new_user, running_bot, desk):
    """The message is sent with no view in this process, as if by the bot before a restart."""
    asked = desk.record(desk.ask(QUESTION), user=1, guild=fake.guild.id, channel=fake.channel.id)
    down = {"type": 2, "style": 2, "emoji": {"name": "👎"},
            "custom_id": f"newsdesk:vote:down:{asked}"}
    row = {"type": 1, "components": [down]}
    route = Route("POST", "/channels/{channel_id}/messages", channel_id=fake.channel.id)
    sent = await running_bot.http.request(route, json={
        "content": "an answer from before", "components": [row],
        "allowed_mentions": {"parse": []}})
    message = fake.state.message(int(sent["id"]))
    thanks = await vote(fake, new_user(), message, "👎")
    assert "(0 👍 · 1 👎 so far)" in thanks.text


async def test_a_vote_from_someone_who_can_no_longer_see_the_channel_is_ignored(
        fake: FakeDiscord, new_user, desk):
    message = await ask(fake, new_user(), "Who did Carney meet in Beijing?")
    leaver = new_user()
    await fake.set_permissions(fake.channel, leaver, deny=VIEW_CHANNEL)
    try:
        with pytest.raises(InvocationRefused):  # Discord's client sends no such click
            await fake.click(leaver, message, "👎")
        clicked = await fake.click(leaver, message, "👎", stale=True)  # a client out of date
        assert await clicked.acknowledged() == 6 and not clicked.followups
    finally:
        await fake.set_permissions(fake.channel, leaver)
    assert downvotes(desk, "Who did Carney meet in Beijing?") == 0


async def test_follow_ups_in_the_answers_thread_are_read_against_it(fake: FakeDiscord,
                                                                    new_user):
    asker = new_user()
    message = await ask(fake, asker)
    opened = await fake.click(asker, message, "Follow up in a thread")
    told = await opened.response(timeout=30)
    thread = fake.thread(message.id)  # started from the answer's message
    assert told.ephemeral and f"<#{thread.id}>" in told.text
    assert thread.name == QUESTION
    again = await (await fake.click(asker, message, "Follow up in a thread")).response()
    assert f"<#{thread.id}>" in again.text  # the same thread, not a second one

    reply = await (await fake.send_thread_message(asker, thread, "and canola?",
                                                  mention_bot=True)).reply(timeout=60)
    author = reply.embeds[0]["author"]["name"]
    assert author.startswith("Answering: ") and "canola" in author and author != (
        "Answering: and canola?")
    asked = await ask(fake, new_user(), "who said that?", channel=thread)  # /ask in the thread
    assert asked.embeds[0]["author"]["name"].startswith("Answering: who said ")


async def test_where_threads_are_refused_follow_ups_go_on_in_the_channel(fake: FakeDiscord,
                                                                          new_user):
    await fake.deny_bot(fake.channel, CREATE_PUBLIC_THREADS)
    try:
        asker = new_user()
        first = await ask(fake, asker)
        assert labels(first) == ["👍", "👎"] and first.content == NO_THREADS
        second = await ask(fake, asker, "and canola?")
        assert second.content == "" and labels(second) == ["👍", "👎"]  # told once
        assert second.embeds[0]["author"]["name"].startswith("Answering: ")
    finally:
        await fake.set_permissions(fake.channel, fake.bot)


async def test_a_dm_conversation_keeps_its_context(fake: FakeDiscord, new_user):
    user = new_user()
    first = await (await fake.send_dm(user, QUESTION)).reply(timeout=60)
    assert labels(first) == ["👍", "👎"]  # no thread in a DM
    follow = await (await fake.send_dm(user, "and canola?")).reply(timeout=60)
    assert follow.embeds[0]["author"]["name"].startswith("Answering: ")
    alone = await (await fake.send_dm(new_user(), "and canola?")).reply(timeout=60)
    assert "author" not in alone.embeds[0]  # no previous question: answered on its own


async def test_an_unusable_feedback_database_leaves_answers_without_votes(
        fake: FakeDiscord, new_user, running_bot, tmp_path, monkeypatch, caplog):
    from index.feedback import Recorder

    broken = tmp_path / "a-folder"
    broken.mkdir()  # a folder where the database file should be: it cannot be opened
    recorder = Recorder(broken)
    monkeypatch.setattr(running_bot.desk, "recorder", recorder)
    monkeypatch.setattr(running_bot.conversations, "recorder", recorder)
    with caplog.at_level("WARNING", logger="index.feedback"):
        first = await ask(fake, new_user())
        second = await ask(fake, new_user(), "Who did Carney meet in Beijing?")
    assert first.embeds and second.embeds and labels(first) == labels(second) == []
    lines = [r for r in caplog.records if "cannot open the feedback database" in r.message]
    assert len(lines) == 1 and str(broken) in lines[0].getMessage()


async def test_with_read_thread_messages_a_plain_message_in_its_thread_is_a_question(
        fake: FakeDiscord, new_user, bot_settings, desk):
    import asyncio
    import dataclasses

    from bot.app import build_bot

    asker = new_user()
    message = await ask(fake, asker)
    await (await fake.click(asker, message, "Follow up in a thread")).response(timeout=30)
    thread = fake.thread(message.id)
    plain = await fake.send_thread_message(asker, thread, "and canola?")
    with pytest.raises(TimeoutError):  # without the setting: only mentions and /ask
        await plain.reply(timeout=3)

    settings = dataclasses.replace(bot_settings, read_thread_messages=True)
    before = set(fake.gateway.live())
    reader = build_bot(settings, desk, guild_ready_timeout=0.05)
    task = asyncio.create_task(reader.start(settings.discord_token))
    try:
        session = await fake.wait_for(lambda: set(fake.gateway.live()) - before)
        await asyncio.wait_for(reader.wait_until_ready(), 10)
        identify = next(p["d"] for p in session.pop().received if p["op"] == 2)
        assert identify["intents"] & (1 << 15)  # the Message Content intent
        asked = await fake.send_thread_message(asker, thread, "and canola?")
        reply = await asked.reply(timeout=60)
        assert reply.embeds[0]["author"]["name"].startswith("Answering: ")
        chat = await fake.send_guild_message(asker, "lunch anyone?")
        with pytest.raises(TimeoutError):  # outside its threads, only mentions
            await chat.reply(timeout=2)
    finally:
        await reader.close()
        await task
