"""The bot's settings: Discord, who may reindex, the question rate, feed polls, workers.

`newsdesk run` reads them once (`BotSettings.from_env`), the core's `Settings` among them;
`.env.example` lists these names in its Discord section.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.answering import default_workers
from index.settings import Settings, env_field, env_names_of, parse_flag, read_env


def _int_list(raw: str) -> frozenset[int]:
    return frozenset(int(part) for part in raw.replace(",", " ").split())


def _rate(raw: str) -> tuple[int, float]:
    count, _, per = raw.partition("/")
    parsed = int(count), float(per)
    if parsed[0] < 1 or parsed[1] <= 0:
        raise ValueError("expected COUNT/SECONDS with both above zero, e.g. 5/30")
    return parsed


def _workers(raw: str) -> int:
    count = int(raw)
    if count < 1:
        raise ValueError("expected a number of workers of at least 1")
    return count


@dataclass(frozen=True)
class BotSettings:
    """What `newsdesk run` reads beyond the core's settings, which it holds as `core`."""

    core: Settings = field(default_factory=Settings)
    discord_token: str | None = field(
        default=None, repr=False, metadata=env_field("DISCORD_TOKEN")
    )
    discord_guild_id: int | None = field(
        default=None, metadata=env_field("DISCORD_GUILD_ID", int)
    )
    shard_count: int | None = field(default=None, metadata=env_field("SHARD_COUNT", int))
    discord_api_base: str | None = field(default=None, metadata=env_field("DISCORD_API_BASE"))
    discord_gateway_url: str | None = field(
        default=None, metadata=env_field("DISCORD_GATEWAY_URL")
    )
    admin_user_ids: frozenset[int] = field(
        default=frozenset(), metadata=env_field("ADMIN_USER_IDS", _int_list)
    )
    ask_rate: tuple[int, float] = field(
        default=(5, 30.0), metadata=env_field("ASK_RATE", _rate)
    )
    feed_poll_minutes: float = field(
        default=30.0, metadata=env_field("FEED_POLL_MINUTES", float)
    )
    answer_workers: int = field(
        default_factory=default_workers, metadata=env_field("ANSWER_WORKERS", _workers)
    )
    # Answer every message in the bot's follow-up threads, not only mentions and /ask: needs
    # the privileged Message Content intent, turned on in the Developer Portal.
    read_thread_messages: bool = field(
        default=False, metadata=env_field("READ_THREAD_MESSAGES", parse_flag)
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> BotSettings:
        """Build the bot's settings, and the core's, from `environ` (default: the process's)."""
        environ = os.environ if environ is None else environ
        return cls(Settings.from_env(environ), **read_env(cls, environ))

    @classmethod
    def env_names(cls) -> list[str]:
        """Return the bot's own environment variable names, in declaration order."""
        return env_names_of(cls)
