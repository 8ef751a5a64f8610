"""What the Discord client checks before a slash command reaches the bot, and the payload it sends.

Discord, not discord.py, decides which synced commands a user may run where: guild commands
only in their guild, global ones in DMs only if their contexts allow it, and
`default_member_permissions` in guilds (administrators bypass it). Option values are checked
against the synced schema (type, required, length and value ranges, choices).
"""

from __future__ import annotations

from typing import Any

from tests.fakediscord.interactions import Interaction, InvocationRefused, base_payload
from tests.fakediscord.models import CONTEXT_BOT_DM, CONTEXT_GUILD, Channel, User
from tests.fakediscord.permissions import ADMINISTRATOR
from tests.fakediscord.state import State

__all__ = [
    "InvocationRefused",
    "build_options",
    "check_permissions",
    "find_command",
    "interaction_payload",
    "invocation_channel",
]

STRING, INTEGER, BOOLEAN, NUMBER = 3, 4, 5, 10
_PYTHON_TYPES: dict[int, tuple[type, ...]] = {
    STRING: (str,),
    INTEGER: (int,),
    BOOLEAN: (bool,),
    NUMBER: (int, float),
}


def find_command(state: State, name: str, *, in_guild: bool) -> dict[str, Any]:
    """Return the synced command a user can pick here, or refuse like Discord's client."""
    if in_guild and name in state.synced_commands.get(state.guild.id, {}):
        return state.synced_commands[state.guild.id][name]
    command = state.synced_commands.get(None, {}).get(name)
    if command is None:
        raise InvocationRefused(f"/{name} is not a synced command here")
    contexts = command.get("contexts")
    context = CONTEXT_GUILD if in_guild else CONTEXT_BOT_DM
    if contexts is not None and context not in contexts:
        raise InvocationRefused(f"/{name} is not available in this context")
    if contexts is None and not in_guild and command.get("dm_permission") is False:
        raise InvocationRefused(f"/{name} is not available in DMs")
    return command


def check_permissions(state: State, command: dict[str, Any], user: User) -> None:
    """Apply `default_member_permissions` in the guild (administrators bypass it)."""
    required = command.get("default_member_permissions")
    if required is None:
        return
    have = state.permissions(user)
    if have & ADMINISTRATOR:
        return
    needed = int(required)
    if needed == 0 or have & needed != needed:
        raise InvocationRefused(f"{user.username} lacks permission to use /{command['name']}")


def build_options(command: dict[str, Any], values: dict[str, Any], *, check: bool) -> list[dict]:
    """Turn `{name: value}` into typed interaction options, validating them like Discord."""
    schema = {option["name"]: option for option in command.get("options") or []}
    unknown = set(values) - set(schema)
    if unknown:
        raise InvocationRefused(f"unknown options {sorted(unknown)} for /{command['name']}")
    options = []
    for name, option in schema.items():
        if name not in values:
            if option.get("required") and check:
                raise InvocationRefused(f"option {name!r} is required")
            continue
        value = values[name]
        if check:
            _check_value(option, value)
        options.append({"name": name, "type": option["type"], "value": value})
    return options


def _check_value(option: dict[str, Any], value: Any) -> None:
    name, kind = option["name"], option["type"]
    allowed = _PYTHON_TYPES.get(kind, (object,))
    if not isinstance(value, allowed) or (kind != BOOLEAN and isinstance(value, bool)):
        raise InvocationRefused(f"option {name!r} must be of type {kind}")
    if kind == STRING:
        if len(value) < option.get("min_length", 0):
            raise InvocationRefused(f"option {name!r} is shorter than {option['min_length']}")
        if len(value) > option.get("max_length", 6000):
            raise InvocationRefused(
                f"option {name!r} must be {option.get('max_length', 6000)} or fewer in length"
            )
    if kind in (INTEGER, NUMBER):
        if "min_value" in option and value < option["min_value"]:
            raise InvocationRefused(f"option {name!r} is below {option['min_value']}")
        if "max_value" in option and value > option["max_value"]:
            raise InvocationRefused(f"option {name!r} is above {option['max_value']}")
    choices = option.get("choices")
    if choices and value not in [choice["value"] for choice in choices]:
        raise InvocationRefused(f"option {name!r} must be one of the choices")


def interaction_payload(state: State, interaction: Interaction) -> dict[str, Any]:
    """Return the INTERACTION_CREATE payload for an invocation."""
    command = interaction.command
    body = base_payload(state, interaction)
    body["data"] = {
        "id": command["id"],
        "name": command["name"],
        "type": 1,
        "options": interaction.options,
        **({"guild_id": command["guild_id"]} if "guild_id" in command else {}),
    }
    return body


def invocation_channel(
    state: State, user: User, *, guild: bool, channel: Channel | None
) -> Channel:
    """Return where the command runs: a guild channel, or the user's DM with the bot."""
    if guild:
        return channel or state.channel
    return state.dm_channel(user)
