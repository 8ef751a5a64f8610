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

from bot.formatting import answer_embed, cooldown_text
from bot.queued import MessageReply, interaction_notice
from bot.replies import error_text
from index.service import MAX_QUESTION_CHARS

if TYPE_CHECKING:
    from bot.app import NewsdeskBot
    from index.models import Answer

log = logging.getLogger(__name__)

BARE_MENTION_HINT = "Ask me after the mention, e.g. “@newsdesk how many EVs will China import?”"


def question_in(message: discord.Message, me: discord.abc.User) -> str | None:
    """Return the question a message asks the bot, or None if it is not for the bot."""
    if message.author.bot or message.type not in (
        discord.MessageType.default,
        discord.MessageType.reply,
    ):
        return None
    if message.guild is None:
        return message.content.strip()
    if me not in message.mentions:
        return None
    return re.sub(rf"<@!?{me.id}>", " ", message.content).strip()


class Ask(commands.Cog):
    """Answer questions about the coverage, with cited passages."""

    def __init__(self, bot: NewsdeskBot) -> None:
        """Args: bot: the running bot (its desk and question limiter)."""
        self.bot = bot

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
        with self.bot.answering.turn(question) as turn:  # in line in order of arrival
            await interaction.response.defer(ephemeral=private, thinking=True)
            answer = await turn.answer(queued=interaction_notice(interaction))
        await interaction.edit_original_response(content=None, embed=answer_embed(answer))
        await asyncio.to_thread(self.bot.desk.record, answer, interaction.user.id,
                                interaction.guild_id, interaction.channel_id)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Answer a DM, or a server message that mentions the bot, as a reply."""
        me = self.bot.user
        question = None if me is None else question_in(message, me)
        if question is None:
            return
        sent = MessageReply(message)
        reply, answer = await self._reply_for(message, question, sent)
        try:
            await sent.send(**reply)
        except discord.HTTPException as error:  # e.g. no permission to send in that channel
            log.warning("could not reply in channel %s: %s", message.channel.id, error)
        if answer is not None:
            guild = None if message.guild is None else message.guild.id
            await asyncio.to_thread(self.bot.desk.record, answer, message.author.id, guild,
                                    message.channel.id)

    async def _reply_for(self, message: discord.Message, question: str,
                         sent: MessageReply) -> tuple[dict[str, Any], Answer | None]:
        """Return the reply (a hint, a notice, an apology or the answer) and the answer."""
        if not question and message.guild is not None:
            return {"content": BARE_MENTION_HINT}, None
        retry = self.bot.limiter.retry_after(message.author.id)
        if retry is not None:
            return {"content": cooldown_text(retry, time.time())}, None
        try:
            with self.bot.answering.turn(question) as turn:  # in line in order of arrival
                async with message.channel.typing():
                    answer = await turn.answer(queued=sent.queued)
        except Exception as error:  # every failure gets a reply; unexpected ones are logged
            return {"content": error_text(error, "a message question")}, None
        return {"embed": answer_embed(answer)}, answer


async def setup(bot: NewsdeskBot) -> None:
    """Add the cog (called by `load_extension`)."""
    await bot.add_cog(Ask(bot))
