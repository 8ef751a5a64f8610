"""Settings, read once from the environment (and an optional `.env`) in the entry point."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from index.errors import ConfigError
from index.log_setup import check_level

BACKENDS = ("torch", "onnx", "onnx-int8")  # how the embedding model and the reader run


def _env(name: str, parse: Callable[[str], Any] = str) -> dict[str, Any]:
    return {"env": name, "parse": parse}


def _int_list(raw: str) -> frozenset[int]:
    return frozenset(int(part) for part in raw.replace(",", " ").split())


def _flag(raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"expected 1/0, true/false, yes/no or on/off, got {raw!r}")


def _rate(raw: str) -> tuple[int, float]:
    count, _, per = raw.partition("/")
    parsed = int(count), float(per)
    if parsed[0] < 1 or parsed[1] <= 0:
        raise ValueError("expected COUNT/SECONDS with both above zero, e.g. 5/30")
    return parsed


def _seconds(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not 0 < value < float("inf"):  # also refuses nan
        raise ValueError("expected a number of seconds above zero, e.g. 20 or 2.5")
    return value


def _byte_count(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise ValueError("expected a whole number of bytes above zero, e.g. 5242880 (5 MiB)")
    return value


def _redirect_count(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise ValueError("expected a whole number, 0 or more (0: follow no redirect), e.g. 5")
    return value


def check_backend(name: str) -> str:
    """Return `name` if it is an embedding backend; raise ValueError listing them otherwise."""
    if name not in BACKENDS:
        raise ValueError(f"unknown embedding backend {name!r}; valid: {', '.join(BACKENDS)}")
    return name


def _backend(raw: str) -> str:
    return check_backend(raw.strip().lower())


@dataclass(frozen=True)
class Settings:
    """Every setting newsdesk reads; `.env.example` documents the same names."""

    corpus_dir: Path = field(default=Path("corpus"), metadata=_env("CORPUS_DIR", Path))
    chroma_path: Path = field(default=Path("data/chroma"), metadata=_env("CHROMA_PATH", Path))
    chroma_host: str | None = field(default=None, metadata=_env("CHROMA_HOST"))
    chroma_port: int = field(default=8000, metadata=_env("CHROMA_PORT", int))
    embedding_model: str | None = field(default=None, metadata=_env("EMBEDDING_MODEL"))
    embedding_backend: str = field(
        default="torch", metadata=_env("EMBEDDING_BACKEND", _backend)
    )
    discord_token: str | None = field(
        default=None, repr=False, metadata=_env("DISCORD_TOKEN")
    )
    discord_guild_id: int | None = field(default=None, metadata=_env("DISCORD_GUILD_ID", int))
    shard_count: int | None = field(default=None, metadata=_env("SHARD_COUNT", int))
    discord_api_base: str | None = field(default=None, metadata=_env("DISCORD_API_BASE"))
    discord_gateway_url: str | None = field(default=None, metadata=_env("DISCORD_GATEWAY_URL"))
    admin_user_ids: frozenset[int] = field(
        default=frozenset(), metadata=_env("ADMIN_USER_IDS", _int_list)
    )
    ask_rate: tuple[int, float] = field(default=(5, 30.0), metadata=_env("ASK_RATE", _rate))
    feed_poll_minutes: float = field(default=30.0, metadata=_env("FEED_POLL_MINUTES", float))
    allow_private_urls: bool = field(
        default=False, metadata=_env("ALLOW_PRIVATE_URLS", _flag)
    )
    fetch_timeout_s: float = field(default=20.0, metadata=_env("FETCH_TIMEOUT_S", _seconds))
    fetch_max_bytes: int = field(
        default=5 * 1024 * 1024, metadata=_env("FETCH_MAX_BYTES", _byte_count)
    )
    fetch_max_redirects: int = field(
        default=5, metadata=_env("FETCH_MAX_REDIRECTS", _redirect_count)
    )
    log_level: str = field(default="INFO", metadata=_env("LOG_LEVEL", check_level))
    library_log_level: str = field(
        default="WARNING", metadata=_env("LIBRARY_LOG_LEVEL", check_level)
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Build settings from `environ` (default: the process environment)."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for item in fields(cls):
            name = item.metadata["env"]
            raw = environ.get(name, "").strip()
            if not raw:
                continue
            try:
                values[item.name] = item.metadata["parse"](raw)
            except ValueError as exc:
                shown = "(hidden)" if item.repr is False else repr(raw)
                raise ConfigError(f"{name}={shown} is not valid: {exc}") from None
        return cls(**values)

    @classmethod
    def env_names(cls) -> list[str]:
        """Return the environment variable names, in declaration order."""
        return [item.metadata["env"] for item in fields(cls)]

    @property
    def onnx_dir(self) -> Path:
        """Return where ONNX exports of the embedding model live: beside the Chroma folder."""
        return self.chroma_path.parent / f"{self.chroma_path.name}-onnx"

    @property
    def store_label(self) -> str:
        """Describe where the vector store lives, for status lines."""
        if self.chroma_host:
            return f"chroma server {self.chroma_host}:{self.chroma_port}"
        return f"embedded chroma at {self.chroma_path}"
