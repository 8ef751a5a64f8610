"""Turn errors into short, polite replies; log the unexpected ones once, with a traceback."""

from __future__ import annotations

import contextlib
import logging
import time

import discord
from discord import app_commands

from bot.formatting import CONTENT_MAX, cooldown_text, trim
from index.errors import NewsdeskError, StoreUnavailableError

log = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong on my side. It has been logged; please try again later."
NOT_ADMIN = (
    "Only members with the Manage Server permission (or listed in ADMIN_USER_IDS) "
    "can use this command."
)
UNAVAILABLE = (
    "Sorry, the index is unavailable right now: its store cannot be reached. "
    "newsdesk keeps trying; please try again in a few minutes."
)


def error_text(error: BaseException, where: str) -> str:
    """Return what to tell the user about `error`; log it if nobody expected it."""
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, StoreUnavailableError):  # logged when the store goes away (bot.desk)
        return UNAVAILABLE
    if isinstance(error, NewsdeskError):
        return trim(str(error), CONTENT_MAX)
    if isinstance(error, app_commands.CommandOnCooldown):
        return cooldown_text(error.retry_after, time.time())
    if isinstance(error, app_commands.MissingPermissions):
        return NOT_ADMIN
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command only works in a server."
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use this command here."
    log.error("unexpected error in %s", where, exc_info=error)
    return APOLOGY


async def reply_privately(interaction: discord.Interaction, text: str) -> None:
    """Tell only the invoking user `text`, whatever state the response is in.

    A public "thinking…" placeholder is deleted first so it does not linger; a reply that
    already shows work in progress (`extras["shown"]`) is edited in place instead.
    """
    if not interaction.response.is_done():
        await interaction.response.send_message(text, ephemeral=True)
        return
    if interaction.extras.get("shown"):
        await interaction.edit_original_response(content=text, embed=None)
        return
    if not interaction.extras.get("private"):
        with contextlib.suppress(discord.HTTPException):
            await interaction.delete_original_response()
    await interaction.followup.send(text, ephemeral=True)


async def on_tree_error(
    interaction: discord.Interaction, error: app_commands.AppCommandError
) -> None:
    """Answer every failed command politely (the one `tree.on_error`)."""
    name = interaction.command.qualified_name if interaction.command else "a command"
    text = error_text(error, f"/{name}")
    try:
        await reply_privately(interaction, text)
    except discord.HTTPException:
        log.warning("could not tell %s about a failed /%s", interaction.user.id, name)
