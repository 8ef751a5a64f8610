"""Interactions: slash commands (type 2) and component clicks (type 3), from dispatch to followups.

The callback types Discord accepts depend on the interaction: a command may answer with a
message (4) or defer one (5); a component click may also update the message the component is
on (7) or defer that update (6). For 6 and 7 the "original response" that `@original`
webhook calls edit is the message the component is on.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tests.fakediscord import components
from tests.fakediscord.limits import DiscordError
from tests.fakediscord.models import (
    CONTEXT_BOT_DM,
    CONTEXT_GUILD,
    EPHEMERAL,
    LOADING,
    Channel,
    Message,
    User,
    snowflake,
)

if TYPE_CHECKING:
    from tests.fakediscord.state import State

APPLICATION_COMMAND, MESSAGE_COMPONENT = 2, 3
REPLY, DEFER, DEFERRED_UPDATE, UPDATE = 4, 5, 6, 7
ALLOWED_CALLBACKS = {APPLICATION_COMMAND: (REPLY, DEFER), MESSAGE_COMPONENT: (4, 5, 6, 7)}


class InvocationRefused(Exception):
    """The Discord client would not send this interaction (what the user would see)."""


@dataclass
class Interaction:
    """One command invocation or component click, from dispatch to its last followup."""

    id: int
    token: str
    user: User
    channel: Channel
    guild_id: int | None
    type: int = APPLICATION_COMMAND
    command: dict[str, Any] = field(default_factory=dict)
    options: list[dict[str, Any]] = field(default_factory=list)
    target: Message | None = None  # the message whose component was clicked
    custom_id: str | None = None
    created: float = field(default_factory=time.monotonic)
    acks: list[int] = field(default_factory=list)  # callback types, in order
    original: Message | None = None
    followups: list[Message] = field(default_factory=list)
    expired: bool = False  # set to play "15 minutes later" without waiting

    @property
    def messages(self) -> list[Message]:
        """Return the original response and every followup."""
        shown = self.original is not None and not self.original.deleted
        return ([self.original] if shown else []) + self.followups


def new_interaction(state: State, user: User, channel: Channel, **kind: Any) -> Interaction:
    """Register an interaction about to be dispatched (`kind`: type, command, target...)."""
    interaction = Interaction(
        id=snowflake(),
        token=secrets.token_urlsafe(24),
        user=user,
        channel=channel,
        guild_id=channel.guild_id,
        **kind,
    )
    state.interactions[interaction.token] = interaction
    return interaction


def _invalid_type() -> DiscordError:
    return DiscordError.invalid("type", "INTERACTION_TYPE_INVALID", "Invalid interaction type")


def acknowledge(
    state: State, interaction_id: int, token: str, kind: int, data: dict
) -> Interaction:
    """Record an interaction callback (4 reply, 5 defer, 6 deferred update, 7 update)."""
    found = state.interactions.get(token)
    if found is None or found.id != interaction_id:
        raise DiscordError(404, 10062, "Unknown interaction")
    if found.acks:
        raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
    if time.monotonic() - found.created > state.ack_deadline:
        raise DiscordError(404, 10062, "Unknown interaction")
    if kind not in ALLOWED_CALLBACKS[found.type]:
        raise _invalid_type()
    payload = data or {}
    if kind == DEFER:
        original = Message(
            id=snowflake(),
            channel_id=found.channel.id,
            author=state.bot,
            flags=LOADING | (int(payload.get("flags") or 0) & EPHEMERAL),
            guild_id=found.guild_id,
            interaction_id=found.id,
            allowed_mentions=payload.get("allowed_mentions"),
        )
        state.add_message(original, found.channel)
    elif kind == REPLY:
        original = state.create_message(found.channel, state.bot, payload, interaction_id=found.id)
    else:
        assert found.target is not None
        original = found.target
        if kind == UPDATE:
            state.edit_message(original, {k: v for k, v in payload.items() if k != "flags"})
    found.acks.append(kind)
    found.original = original
    state.changed()
    return found


def callback_body(found: Interaction, kind: int) -> dict[str, Any]:
    """Return the `?with_response=1` answer: the interaction, and the message it made or edited."""
    body: dict[str, Any] = {
        "interaction": {"id": str(found.id), "type": found.type, "activity_instance_id": None}
    }
    original = found.original
    if kind == DEFERRED_UPDATE or original is None:
        return body  # nothing was created or changed yet
    body["interaction"].update(
        response_message_id=str(original.id),
        response_message_loading=original.loading,
        response_message_ephemeral=original.ephemeral,
    )
    body["resource"] = {"type": kind, "message": original.to_json()}
    return body


def followup(state: State, interaction: Interaction, payload: dict[str, Any]) -> Message:
    """Handle `POST /webhooks/{app}/{token}`: the first one after a defer edits it."""
    original = interaction.original
    if original is None:
        raise DiscordError(404, 10015, "Unknown Webhook")
    if original.loading and not original.deleted:
        return state.edit_message(original, payload)
    message = state.create_message(
        interaction.channel, state.bot, payload, interaction_id=interaction.id
    )
    interaction.followups.append(message)
    return message


def base_payload(state: State, interaction: Interaction) -> dict[str, Any]:
    """Return the INTERACTION_CREATE fields every interaction type carries (no `data`)."""
    channel = interaction.channel
    body: dict[str, Any] = {
        "id": str(interaction.id),
        "application_id": str(state.app_id),
        "type": interaction.type,
        "token": interaction.token,
        "version": 1,
        "attachment_size_limit": 10 * 1024 * 1024,
        "locale": "en-US",
        "entitlements": [],
        "app_permissions": str(state.channel_permissions(state.bot, channel)),
        "channel": channel.to_json(),
        "channel_id": str(channel.id),
    }
    if channel.guild_id is not None:
        member = state.guild.member(interaction.user.id)
        assert member is not None, "only guild members interact in the guild"
        permissions = state.channel_permissions(interaction.user, channel)
        body.update(
            guild_id=str(channel.guild_id),
            guild={"id": str(channel.guild_id), "locale": "en-US", "features": []},
            guild_locale="en-US",
            context=CONTEXT_GUILD,
            member=member.to_json(with_permissions=permissions),
            authorizing_integration_owners={"0": str(channel.guild_id)},
        )
    else:
        body.update(
            context=CONTEXT_BOT_DM,
            user=interaction.user.to_json(),
        )
    return body


def component_payload(state: State, interaction: Interaction) -> dict[str, Any]:
    """Return the INTERACTION_CREATE payload of a button click."""
    assert interaction.target is not None
    body = base_payload(state, interaction)
    body["data"] = {"custom_id": interaction.custom_id, "component_type": components.BUTTON}
    body["message"] = interaction.target.to_json()
    return body


def clickable_button(state: State, user: User, message: Message, key: str) -> dict[str, Any]:
    """Return the button `key` (custom_id or label) `user` may click, or refuse as Discord does."""
    if message.deleted or state.message(message.id) is None:
        raise InvocationRefused("the message is gone")
    channel = state.channels[message.channel_id]
    if channel.guild_id is None:
        if channel.recipient is not user:
            raise InvocationRefused(f"{user.username} cannot see this DM")
    elif not state.channel_permissions(user, channel):
        raise InvocationRefused(f"{user.username} cannot see this channel")
    if message.ephemeral:
        owner = next(
            (i.user for i in state.interactions.values() if i.id == message.interaction_id), None
        )
        if owner is not user:
            raise InvocationRefused("only the user who ran the command sees this message")
    button = components.find_button(message.components, key)
    if button is None:
        raise InvocationRefused(f"the message has no button {key!r}")
    if button.get("disabled"):
        raise InvocationRefused(f"the button {key!r} is disabled")
    if button.get("style") in (components.LINK, components.PREMIUM):
        raise InvocationRefused(f"the button {key!r} opens a link; the bot never hears of it")
    return button
