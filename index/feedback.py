"""What people asked and what they thought of the answers: a SQLite file beside the store.

Every question asked is recorded with its answer (whether it was answered, whether sources
disagreed, the sources cited), where it was asked (server and channel; none from the command
line) and when. The asker is kept only as a keyed hash (HMAC-SHA256 under a key made once,
beside the database, readable by its owner only), never as the raw id. A vote (up or down)
belongs to one asked question and one user: voting again changes the vote, and each user
counts once. The database runs in WAL mode with synchronous writes, so a process killed at
any moment loses at most the write it was making. A database that cannot be opened or
written (unreadable, locked, a full disk) gives one log line, and the caller goes on
answering without recording.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import os
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from index.models import Answer

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS asked (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,             -- ISO 8601, UTC
    question TEXT NOT NULL,
    answer TEXT NOT NULL,         -- "" when not answered
    answered INTEGER NOT NULL,
    conflict INTEGER NOT NULL,
    sources TEXT NOT NULL,        -- JSON list of the cited sources, in citation order
    guild INTEGER,                -- NULL: a DM, or the command line
    channel INTEGER,
    user TEXT NOT NULL            -- keyed hash of the asker
);
CREATE TABLE IF NOT EXISTS votes (
    asked INTEGER NOT NULL REFERENCES asked(id),
    user TEXT NOT NULL,           -- keyed hash of the voter
    up INTEGER NOT NULL,          -- 1: thumbs up, 0: thumbs down
    at TEXT NOT NULL,
    PRIMARY KEY (asked, user)
);
CREATE INDEX IF NOT EXISTS asked_at ON asked(at);
"""


@dataclass(frozen=True)
class Tally:
    """The votes on one answer: each user counted once, with their latest vote."""

    up: int
    down: int


@dataclass(frozen=True)
class Asked:
    """A question as worded, how often it was asked, and when last (ISO 8601)."""

    question: str
    count: int
    last: str


@dataclass(frozen=True)
class Voted:
    """An answer given to a question, and the votes on it."""

    question: str
    answer: str
    up: int
    down: int
    last: str


class FeedbackLog:
    """The questions asked and the votes on their answers, in one SQLite database."""

    def __init__(self, path: Path) -> None:
        """Open (or create) the database at `path` and its key; raise sqlite3.Error, OSError."""
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._key = _key(path.with_name(f"{path.name}.key"))
        self._db = sqlite3.connect(path, timeout=5.0, check_same_thread=False,
                                   isolation_level=None)
        self._lock = threading.Lock()
        self._failed = False
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(SCHEMA)

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    def user(self, raw: int | str) -> str:
        """Return the keyed hash that stands for a user id (the same id, the same hash)."""
        return hmac.new(self._key, str(raw).encode(), hashlib.sha256).hexdigest()

    def record(self, answer: Answer, user: int | str, guild: int | None = None,
               channel: int | None = None, at: dt.datetime | None = None) -> int | None:
        """Record a question and its answer; return its id (None if it could not be written)."""
        when = (at or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
        sources = json.dumps([c.source for c in answer.citations])
        row = (when, answer.question, answer.answer, int(answer.answered), int(answer.conflict),
               sources, guild, channel, self.user(user))
        done = self._write("INSERT INTO asked (at, question, answer, answered, conflict, sources,"
                           " guild, channel, user) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
        return None if done is None else done.lastrowid

    def vote(self, asked: int, user: int | str, up: bool,
             at: dt.datetime | None = None) -> bool:
        """Record a user's vote on an answer (replacing their earlier one); True if written."""
        when = (at or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
        done = self._write(
            "INSERT INTO votes (asked, user, up, at) SELECT ?, ?, ?, ? WHERE EXISTS "
            "(SELECT 1 FROM asked WHERE id = ?) ON CONFLICT (asked, user) DO UPDATE SET "
            "up = excluded.up, at = excluded.at", (asked, self.user(user), int(up), when, asked))
        return done is not None and done.rowcount > 0  # 0: no such question

    def tally(self, asked: int) -> Tally:
        """Return the votes on one answer."""
        with self._lock:
            up, down = self._db.execute(
                "SELECT COALESCE(SUM(up), 0), COALESCE(SUM(1 - up), 0) FROM votes WHERE asked = ?",
                (asked,)).fetchone()
        return Tally(int(up), int(down))

    def declined(self, since: dt.datetime) -> list[Asked]:
        """Return each question declined since `since`: how often, and when last (most first)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT question, COUNT(*), MAX(at) FROM asked WHERE answered = 0 AND at >= ? "
                "GROUP BY question ORDER BY COUNT(*) DESC, MAX(at) DESC",
                (since.isoformat(timespec="seconds"),)).fetchall()
        return [Asked(q, int(n), last) for q, n, last in rows]

    def downvoted(self, since: dt.datetime) -> list[Voted]:
        """Return the answers voted down since `since`, the most down-voted first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT a.question, a.answer, SUM(v.up), SUM(1 - v.up), MAX(a.at) FROM asked a "
                "JOIN votes v ON v.asked = a.id WHERE a.at >= ? GROUP BY a.question, a.answer "
                "HAVING SUM(1 - v.up) > 0 ORDER BY SUM(1 - v.up) DESC, MAX(a.at) DESC",
                (since.isoformat(timespec="seconds"),)).fetchall()
        return [Voted(q, a, int(up), int(down), last) for q, a, up, down, last in rows]

    def _write(self, sql: str, row: tuple) -> sqlite3.Cursor | None:
        """Run one write; on failure log once per database and return None."""
        try:
            with self._lock:
                return self._db.execute(sql, row)
        except sqlite3.Error as exc:
            if not self._failed:
                self._failed = True
                log.warning("cannot write to the feedback database %s (%s): questions are "
                            "answered but not recorded", self.path, exc)
            return None


class Recorder:
    """Records the questions a desk answers, opening the database on first use (thread-safe).

    Off when `enabled` is False; a database that cannot be opened is logged once, and
    questions are answered without recording.
    """

    def __init__(self, path: Path, enabled: bool = True) -> None:
        """Record into the database at `path`, if `enabled`."""
        self.path = path
        self.enabled = enabled
        self._log: FeedbackLog | None = None
        self._opened = False
        self._lock = threading.Lock()

    def record(self, answer: Answer, user: int | str, guild: int | None = None,
               channel: int | None = None) -> int | None:
        """Record a question and its answer; return its id, or None when not recorded."""
        if not self.enabled or answer.error is not None:  # an empty index was asked nothing
            return None
        with self._lock:
            if not self._opened:
                self._log, self._opened = open_log(self.path), True
        return None if self._log is None else self._log.record(answer, user, guild, channel)


def open_log(path: Path) -> FeedbackLog | None:
    """Open the feedback database, or log one line and return None if it cannot be used."""
    try:
        return FeedbackLog(path)
    except (sqlite3.Error, OSError, ValueError) as exc:  # ValueError: a key file that is no key
        log.warning("cannot open the feedback database %s (%s): questions are answered but "
                    "not recorded", path, exc)
        return None


def _key(path: Path) -> bytes:
    """Return the hashing key kept at `path`, made (owner-readable only) on first use."""
    for _ in range(2):  # another process may make it between our read and our write
        try:
            return bytes.fromhex(path.read_text().strip())
        except FileNotFoundError:
            pass
        key = secrets.token_bytes(32)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w") as out:
            out.write(key.hex())
        return key
    raise OSError(f"the key file {path} cannot be read")
