"""Threads on the fake Discord, with a real discord.py bot: starting them, permissions, posting.

The bot answers a mention in #newsroom by starting a thread from the message, and a mention in
a thread by replying there.
"""

from __future__ import annotations

import aiohttp
import discord
import pytest
import pytest_asyncio
from discord.ext import commands

from tests.fakediscord import FakeDiscord, InvocationRefused, Thread
from tests.fakediscord.control import PREFIX
from tests.fakediscord.permissions import CREATE_PUBLIC_THREADS, SEND_MESSAGES_IN_THREADS
from tests.integration.fakediscord.clients import running


class ThreadBot(commands.Bot):
    """Starts a thread for each mention in a channel; replies to mentions inside threads."""

    def __init__(self) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),
            guild_ready_timeout=0.05,
            allowed_mentions=discord.AllowedMentions.none(),
        )
        self.created: list[discord.Thread] = []
        self.seen: list[discord.Message] = []

    async def on_thread_create(self, thread: discord.Thread) -> None:
        self.created.append(thread)

    async def on_message(self, message: discord.Message) -> None:
        if message.author == self.user:
            return
        self.seen.append(message)
        if self.user not in message.mentions:
            return
        if isinstance(message.channel, discord.Thread):
            await message.reply(f"in {message.channel.name}, under #{message.channel.parent}")
        else:
            thread = await message.create_thread(name=f"answers for {message.author.name}")
            await thread.send("answers go here")


@pytest_asyncio.fixture(scope="module")
async def threadbot(fake: FakeDiscord):
    async with running(ThreadBot(), fake) as bot:
        yield bot


def channel(bot: ThreadBot, fake: FakeDiscord) -> discord.TextChannel:
    return bot.get_channel(fake.channel.id)


async def test_bot_starts_a_thread_from_a_message(fake: FakeDiscord, threadbot: ThreadBot):
    asked = await fake.send_guild_message(fake.member, "a question", mention_bot=True)
    # a thread started from a message has the message's id
    [posted] = await fake.wait_for(lambda: fake.thread_messages(asked.message.id))
    thread = fake.thread(asked.message.id)
    assert asked.answers() == []  # nothing in #newsroom itself
    assert posted.channel_id == thread.id and posted.content == "answers go here"
    assert (thread.type, thread.parent_id, thread.owner_id) == (11, fake.channel.id, fake.bot.id)
    assert thread.name == "answers for member" and thread.auto_archive_duration == 1440
    assert (thread.message_count, list(thread.members)) == (1, [fake.bot.id])
    assert fake.thread_messages(thread) == [posted]
    cached = await fake.wait_for(lambda: threadbot.get_guild(fake.guild.id).get_thread(thread.id))
    assert isinstance(cached, discord.Thread) and cached.parent.id == fake.channel.id
    assert cached.owner_id == fake.bot.id and cached.me is not None  # the bot joined it
    assert thread.id in [t.id for t in threadbot.created]  # newly_created: on_thread_create


async def test_one_thread_per_message(fake: FakeDiscord, threadbot: ThreadBot):
    sent = await channel(threadbot, fake).send("start here")
    first = await sent.create_thread(name="first")
    assert first.id == sent.id and isinstance(first, discord.Thread)
    with pytest.raises(discord.HTTPException) as raised:
        await sent.create_thread(name="second")
    assert raised.value.status == 400 and raised.value.code == 160004
    assert raised.value.text == "A thread has already been created for this message"


async def test_threads_without_a_message(fake: FakeDiscord, threadbot: ThreadBot):
    text = channel(threadbot, fake)
    public = await text.create_thread(name="desk", type=discord.ChannelType.public_thread)
    private = await text.create_thread(name="editors", invitable=False)
    assert (public.type, private.type) == (
        discord.ChannelType.public_thread,
        discord.ChannelType.private_thread,
    )
    assert fake.thread(private.id).type == 12 and not fake.thread(private.id).invitable
    fetched = await threadbot.fetch_channel(public.id)
    assert isinstance(fetched, discord.Thread) and fetched.name == "desk"
    guild = threadbot.get_guild(fake.guild.id)
    await fake.wait_for(lambda: guild.get_thread(public.id) and guild.get_thread(private.id))
    with pytest.raises(InvocationRefused, match="private thread"):
        await fake.send_thread_message(fake.member, fake.thread(private.id), "may I?")
    asked = await fake.send_thread_message(fake.admin, fake.thread(private.id), "admins may")
    assert asked.message.channel_id == private.id


@pytest.mark.parametrize("name", ["", "x" * 101])
async def test_thread_name_is_1_to_100_characters(fake, threadbot: ThreadBot, name: str):
    with pytest.raises(discord.HTTPException) as raised:
        await channel(threadbot, fake).create_thread(
            name=name, type=discord.ChannelType.public_thread
        )
    assert raised.value.status == 400 and raised.value.code == 50035
    errors = fake.calls[-1].response["errors"]
    assert errors["name"]["_errors"][0]["code"] == "BASE_TYPE_BAD_LENGTH"


async def test_starting_a_thread_needs_create_public_threads(fake, threadbot: ThreadBot):
    text = channel(threadbot, fake)
    await fake.deny_bot(fake.channel, CREATE_PUBLIC_THREADS)
    try:
        me = text.guild.me
        await fake.wait_for(lambda: not text.permissions_for(me).create_public_threads)
        sent = await text.send("no threads here")
        with pytest.raises(discord.Forbidden) as raised:
            await sent.create_thread(name="refused")
        assert raised.value.status == 403 and raised.value.code == 50013
        private = await text.create_thread(name="private is another permission")
        assert private.type is discord.ChannelType.private_thread
    finally:
        await fake.set_permissions(fake.channel, fake.bot)
    assert fake.channel.overwrites == []
    assert (await sent.create_thread(name="allowed again")).id == sent.id


async def test_posting_in_a_thread_needs_send_messages_in_threads(fake, threadbot: ThreadBot):
    text = channel(threadbot, fake)
    thread = await text.create_thread(name="quiet", type=discord.ChannelType.public_thread)
    await fake.deny_bot(fake.channel, SEND_MESSAGES_IN_THREADS)  # the thread follows its parent
    try:
        with pytest.raises(discord.Forbidden) as raised:
            await thread.send("hello")
        assert raised.value.code == 50013
        await text.send("the channel itself is fine")
    finally:
        await fake.set_permissions(fake.channel, fake.bot)
    await thread.send("hello")
    assert [m.content for m in fake.thread_messages(thread.id)] == ["hello"]


async def test_user_posts_in_a_thread_and_the_bot_replies_there(fake, threadbot: ThreadBot):
    thread = await fake.create_thread(fake.member, "questions")
    assert isinstance(thread, Thread) and thread.owner_id == fake.member.id
    await fake.wait_for(lambda: thread.id in [t.id for t in threadbot.created])
    asked = await fake.send_thread_message(fake.member, thread, "what's new?", mention_bot=True)
    reply = await asked.reply()
    assert reply.channel_id == thread.id and reply.guild_id == fake.guild.id
    assert reply.content == "in questions, under #newsroom"
    assert reply.reference["message_id"] == str(asked.message.id)
    seen = threadbot.seen[-1]
    assert isinstance(seen.channel, discord.Thread) and seen.channel.id == thread.id
    await fake.send_thread_message(fake.admin, thread, "no mention")
    await fake.wait_for(lambda: threadbot.seen[-1].author.id == fake.admin.id)
    assert isinstance(threadbot.seen[-1].channel, discord.Thread)
    assert [m.author.username for m in fake.thread_messages(thread)] == [
        "member",
        "newsdesk",
        "admin",
    ]
    assert set(thread.members) == {fake.member.id, fake.bot.id, fake.admin.id}
    history = [
        m.author.id
        async for m in threadbot.get_guild(fake.guild.id).get_thread(thread.id).history()
    ]
    assert history == [fake.admin.id, fake.bot.id, fake.member.id]  # newest first


async def test_users_need_send_messages_in_threads(fake: FakeDiscord, threadbot: ThreadBot):
    thread = await fake.create_thread(fake.member, "locked out")
    await fake.set_permissions(fake.channel, fake.member, deny=SEND_MESSAGES_IN_THREADS)
    try:
        with pytest.raises(InvocationRefused):
            await fake.send_thread_message(fake.member, thread, "let me in")
    finally:
        await fake.set_permissions(fake.channel, fake.member)


async def test_a_new_client_gets_active_threads_in_guild_create(fake, threadbot: ThreadBot):
    thread = await fake.create_thread(fake.admin, "carried over")
    other = discord.Client(intents=discord.Intents.default(), guild_ready_timeout=0.05)
    async with running(other, fake):
        found = other.get_guild(fake.guild.id).get_thread(thread.id)
        assert isinstance(found, discord.Thread) and found.name == "carried over"
        assert found.parent_id == fake.channel.id


async def test_control_api_posts_in_threads(fake: FakeDiscord, threadbot: ThreadBot):
    base = f"http://127.0.0.1:{fake.port}{PREFIX}"
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{base}/thread?user=walker&name=from%20curl") as response:
            thread_id = int(await response.text())
        url = f"{base}/thread/{thread_id}?user=walker&mention=1"
        async with session.post(url, data="anyone?") as response:
            assert await response.text() == "in from curl, under #newsroom\n"
        async with session.get(f"{base}/messages") as response:
            listing = await response.text()
    assert (
        f"=== walker in thread from curl ({thread_id}) in #{fake.channel.id} · message" in listing
    )
