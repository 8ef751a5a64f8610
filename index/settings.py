"""The core's settings, read once from the environment (and an optional `.env`) at the start.

Each field names its environment variable (`env_field`); `read_env` reads the fields of any
such dataclass, so the bot's settings (`bot.settings`) are read the same way.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from index.errors import ConfigError
from index.log_setup import check_level

BACKENDS = ("torch", "onnx", "onnx-int8")  # how the embedding model and the reader run
ANSWER_PRECISIONS = ("auto", "bfloat16", "float32")  # what the answerer's torch models use


def env_field(name: str, parse: Callable[[str], Any] = str) -> dict[str, Any]:
    """Return a field's metadata: the environment variable it is read from, and its parser."""
    return {"env": name, "parse": parse}


def read_env(cls: type, environ: Mapping[str, str]) -> dict[str, Any]:
    """Return the fields of dataclass `cls` that `environ` sets, parsed, by field name.

    Raises:
        ConfigError: a value does not parse; the message names the variable (a field with
            `repr=False`, such as a token, shows its value as "(hidden)").

    """
    values: dict[str, Any] = {}
    for item in fields(cls):
        name = item.metadata.get("env")
        raw = environ.get(name, "").strip() if name else ""
        if not raw:
            continue
        try:
            values[item.name] = item.metadata["parse"](raw)
        except ValueError as exc:
            shown = "(hidden)" if item.repr is False else repr(raw)
            raise ConfigError(f"{name}={shown} is not valid: {exc}") from None
    return values


def env_names_of(cls: type) -> list[str]:
    """Return the environment variables the fields of dataclass `cls` are read from, in order."""
    return [item.metadata["env"] for item in fields(cls) if "env" in item.metadata]


def parse_flag(raw: str) -> bool:
    """Return a yes/no setting: 1/0, true/false, yes/no or on/off (empty: no)."""
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"expected 1/0, true/false, yes/no or on/off, got {raw!r}")


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


def _precision(raw: str) -> str:
    name = raw.strip().lower()
    if name not in ANSWER_PRECISIONS:
        raise ValueError(f"expected one of {', '.join(ANSWER_PRECISIONS)}, got {raw!r}")
    return name


@dataclass(frozen=True)
class Settings:
    """Every setting the core reads; `.env.example` documents the same names.

    The bot's own (Discord, who may reindex, question rate, feed polls) are in `bot.settings`.
    """

    corpus_dir: Path = field(default=Path("corpus"), metadata=env_field("CORPUS_DIR", Path))
    chroma_path: Path = field(
        default=Path("data/chroma"), metadata=env_field("CHROMA_PATH", Path)
    )
    chroma_host: str | None = field(default=None, metadata=env_field("CHROMA_HOST"))
    chroma_port: int = field(default=8000, metadata=env_field("CHROMA_PORT", int))
    embedding_model: str | None = field(default=None, metadata=env_field("EMBEDDING_MODEL"))
    embedding_backend: str = field(
        default="torch", metadata=env_field("EMBEDDING_BACKEND", _backend)
    )
    answer_precision: str = field(
        default="auto", metadata=env_field("ANSWER_PRECISION", _precision)
    )
    allow_private_urls: bool = field(
        default=False, metadata=env_field("ALLOW_PRIVATE_URLS", parse_flag)
    )
    fetch_timeout_s: float = field(
        default=20.0, metadata=env_field("FETCH_TIMEOUT_S", _seconds)
    )
    fetch_max_bytes: int = field(
        default=5 * 1024 * 1024, metadata=env_field("FETCH_MAX_BYTES", _byte_count)
    )
    fetch_max_redirects: int = field(
        default=5, metadata=env_field("FETCH_MAX_REDIRECTS", _redirect_count)
    )
    feedback_db: Path | None = field(default=None, metadata=env_field("FEEDBACK_DB", Path))
    record_questions: bool = field(
        default=True, metadata=env_field("RECORD_QUESTIONS", parse_flag)
    )
    keep_parses: bool = field(default=True, metadata=env_field("KEEP_PARSES", parse_flag))
    log_level: str = field(default="INFO", metadata=env_field("LOG_LEVEL", check_level))
    library_log_level: str = field(
        default="WARNING", metadata=env_field("LIBRARY_LOG_LEVEL", check_level)
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Build settings from `environ` (default: the process environment)."""
        return cls(**read_env(cls, os.environ if environ is None else environ))

    @classmethod
    def env_names(cls) -> list[str]:
        """Return the environment variable names, in declaration order."""
        return env_names_of(cls)

    @property
    def onnx_dir(self) -> Path:
        """Return where ONNX exports of the embedding model live: beside the Chroma folder."""
        return self.chroma_path.parent / f"{self.chroma_path.name}-onnx"

    @property
    def feedback_path(self) -> Path:
        """Return the feedback database: FEEDBACK_DB, or a file beside the Chroma folder."""
        if self.feedback_db is not None:
            return self.feedback_db
        return self.chroma_path.parent / f"{self.chroma_path.name}-feedback.sqlite3"

    @property
    def words_path(self) -> Path:
        """Return the word vectors kept for answering: beside the Chroma folder, server or not."""
        return self.chroma_path.parent / f"{self.chroma_path.name}-words.sqlite3"

    @property
    def parses_path(self) -> Path:
        """Return the sentence parses kept for answering: beside the Chroma folder, like words."""
        return self.chroma_path.parent / f"{self.chroma_path.name}-parses.sqlite3"

    @property
    def store_label(self) -> str:
        """Describe where the vector store lives, for status lines."""
        if self.chroma_host:
            return f"chroma server {self.chroma_host}:{self.chroma_port}"
        return f"embedded chroma at {self.chroma_path}"
