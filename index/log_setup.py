"""Logging for `newsdesk`: our lines from LOG_LEVEL up, other libraries' from LIBRARY_LOG_LEVEL.

Levels are applied by a filter on the one stderr handler rather than by setting each library's
logger level, because some libraries set their own level when imported: bm25s sets its logger to
DEBUG at import time, which is after logging is configured here (it is imported lazily).
"""

from __future__ import annotations

import logging
import sys

OWN = ("newsdesk", "index", "bot", "__main__")  # our loggers: LOG_LEVEL
DISCORD = ("discord",)  # discord.py: its INFO lines follow LOG_LEVEL, its DEBUG a library's
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def check_level(raw: str) -> str:
    """Return a logging level name in upper case, or raise ValueError listing the valid ones."""
    name = raw.strip().upper()
    if name not in LEVELS:
        raise ValueError(f"expected one of {', '.join(LEVELS)}")
    return name


def _under(name: str, roots: tuple[str, ...]) -> bool:
    return any(name == root or name.startswith(root + ".") for root in roots)


class LevelByOrigin(logging.Filter):
    """Show our records from `own` up and other libraries' from `library` up (see `threshold`)."""

    def __init__(self, own: int, library: int) -> None:
        """Args: own and library: the lowest level shown for each kind of logger."""
        super().__init__()
        self.own = own
        self.library = library
        # discord.py's INFO lines (log-in, connected, reconnecting, rate limited) follow `own`;
        # its DEBUG lines (every gateway event) only show when libraries' are asked for.
        self.discord = min(library, max(own, logging.INFO))

    def threshold(self, name: str) -> int:
        """Return the lowest level shown for records of logger `name`."""
        if _under(name, OWN):
            return self.own
        if _under(name, DISCORD):
            return self.discord
        return self.library

    def filter(self, record: logging.LogRecord) -> bool:
        """Return whether `record` is shown."""
        return record.levelno >= self.threshold(record.name)


def configure_logging(level: str, library_level: str) -> None:
    """Log to stderr: our records from `level` up, other libraries' from `library_level` up.

    Like `logging.basicConfig`, it adds no handler when someone else (an application embedding
    newsdesk, pytest) already put one on the root logger; a second call replaces the first.
    """
    origin = LevelByOrigin(logging.getLevelName(level), logging.getLevelName(library_level))
    root = logging.getLogger()
    ours = [h for h in root.handlers if any(isinstance(f, LevelByOrigin) for f in h.filters)]
    for handler in ours:
        root.removeHandler(handler)
    if root.handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(origin)
    root.addHandler(handler)
    root.setLevel(min(origin.own, origin.discord, origin.library))
