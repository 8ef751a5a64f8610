"""/ask, and questions sent to the bot by DM or by mentioning it in a server channel."""

from __future__ import annotations

import asyncio
import logging
import re
import time
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.answer_view import NO_THREADS, answer_view
from bot.conversations import Key, conversation
from bot.formatting import answer_embed, cooldown_text
from bot.queued import MessageReply, interaction_notice
from bot.replies import error_text
from index.answer.followups import Turn
from index.service import MAX_QUESTION_CHARS

if TYPE_CHECKING:
    from bot.app import NewsdeskBot
    from index.models import Answer

log = logging.getLogger(__name__)

BARE_MENTION_HINT = "Ask me after the mention, e.g. “@newsdesk how many EVs will China import?”"


def question_in(message: discord.Message, me: discord.abc.User,
                threads: bool = False) -> str | None:
    """Return the question a message asks the bot, or None if it is not for the bot.

    A DM is a question, and so is a server message that mentions the bot; with `threads`
    (READ_THREAD_MESSAGES), so is any message in a thread the bot started.
    """
    if message.author.bot or message.type not in (
        discord.MessageType.default,
        discord.MessageType.reply,
    ):
        return None
    if message.guild is None:
        return message.content.strip()
    if me not in message.mentions:
        mine = isinstance(message.channel, discord.Thread) and message.channel.owner_id == me.id
        return (message.content.strip() or None) if threads and mine else None
    return re.sub(rf"<@!?{me.id}>", " ", message.content).strip()


class Ask(commands.Cog):
    """Answer questions about the coverage, with cited passages; follow-ups in context."""

    def __init__(self, bot: NewsdeskBot) -> None:
        """Args: bot: the running bot (its desk, question limiter and conversations)."""
        self.bot = bot
        self.told_no_threads: set[int] = set()  # channels where threads were found refused

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Apply the per-user question rate before anything else."""
        retry = self.bot.limiter.retry_after(interaction.user.id)
        if retry is not None:
            raise app_commands.CommandOnCooldown(self.bot.limiter.cooldown, retry)
        return True

    @app_commands.command()
    @app_commands.describe(
        question="What you want to know about the coverage",
        private="Show the answer to you only (default: no)",
    )
    async def ask(
        self,
        interaction: discord.Interaction,
        question: app_commands.Range[str, 1, MAX_QUESTION_CHARS],
        private: bool = False,
    ) -> None:
        """Ask a question about the news coverage; the answer cites its sources."""
        interaction.extras["private"] = private
        key = conversation(interaction.channel, interaction.channel_id or 0, interaction.user.id)
        with self.bot.answering.place(question, key) as place:  # in order of arrival
            await interaction.response.defer(ephemeral=private, thinking=True)
            answer = await place.answer(queued=interaction_notice(interaction))
        asked = await self._record(answer, interaction.user.id, interaction.guild_id,
                                   interaction.channel_id)
        threads = not private and self._threads(interaction.channel,
                                                interaction.app_permissions)
        note = None if private else self._no_threads_note(interaction.channel, threads)
        sent = await interaction.edit_original_response(
            content=note, embed=answer_embed(answer), view=answer_view(asked, threads))
        await self._remember(key, answer, asked, sent.id)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Answer a DM, or a server message that mentions the bot, as a reply."""
        me = self.bot.user
        threads = self.bot.settings.read_thread_messages
        question = None if me is None else question_in(message, me, threads)
        if question is None:
            return
        sent, asked = MessageReply(message), None
        key = conversation(message.channel, message.channel.id, message.author.id)
        reply, answer = await self._reply_for(message, question, key, sent)
        if answer is not None:
            guild = None if message.guild is None else message.guild.id
            asked = await self._record(answer, message.author.id, guild, message.channel.id)
            threads = message.guild is not None and self._threads(
                message.channel, message.channel.permissions_for(message.guild.me))
            reply["view"] = answer_view(asked, threads)
            reply["content"] = self._no_threads_note(message.channel, threads)
        try:
            shown = await sent.send(**reply)
        except discord.HTTPException as error:  # e.g. no permission to send in that channel
            log.warning("could not reply in channel %s: %s", message.channel.id, error)
            return
        if answer is not None:
            await self._remember(key, answer, asked, shown.id)

    async def _reply_for(self, message: discord.Message, question: str, key: Key,
                         sent: MessageReply) -> tuple[dict[str, Any], Answer | None]:
        """Return the reply (a hint, a notice, an apology or the answer) and the answer."""
        if not question and message.guild is not None:
            return {"content": BARE_MENTION_HINT}, None
        retry = self.bot.limiter.retry_after(message.author.id)
        if retry is not None:
            return {"content": cooldown_text(retry, time.time())}, None
        try:
            with self.bot.answering.place(question, key) as place:  # in order of arrival
                async with message.channel.typing():
                    answer = await place.answer(queued=sent.queued)
        except Exception as error:  # every failure gets a reply; unexpected ones are logged
            return {"content": error_text(error, "a message question")}, None
        return {"embed": answer_embed(answer)}, answer

    async def _record(self, answer: Answer, user: int, guild: int | None,
                      channel: int | None) -> int | None:
        """Record the question and its answer (off the event loop); return its id."""
        return await asyncio.to_thread(self.bot.desk.record, answer, user, guild, channel)

    async def _remember(self, key: Key, answer: Answer, asked: int | None,
                        message: int) -> None:
        """Make the answer the conversation's last turn (and its message's, for a thread)."""
        turn = Turn(answer.answered_question or answer.question, answer.value)
        self.bot.conversations.remember(key, turn, message)
        if asked is not None:
            await asyncio.to_thread(self.bot.desk.recorder.attach, asked, message)

    @staticmethod
    def _threads(channel: object, permissions: discord.Permissions) -> bool:
        """Return whether an answer in `channel` may offer a thread for its follow-ups."""
        return isinstance(channel, discord.TextChannel) and permissions.create_public_threads

    def _no_threads_note(self, channel: object, offered: bool) -> str | None:
        """Say once per channel why follow-ups go on there rather than in a thread."""
        if offered or not isinstance(channel, discord.TextChannel):
            return None
        if channel.id in self.told_no_threads:
            return None
        self.told_no_threads.add(channel.id)
        return NO_THREADS


async def setup(bot: NewsdeskBot) -> None:
    """Add the cog (called by `load_extension`)."""
    await bot.add_cog(Ask(bot))
