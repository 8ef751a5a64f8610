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
    user TEXT NOT NULL,           -- keyed hash of the asker
    answered_question TEXT,       -- a follow-up as it was read; NULL: the question as asked
    value TEXT,                   -- what a follow-up may refer to (`Answer.value`)
    message INTEGER               -- the Discord message that showed the answer
);
CREATE TABLE IF NOT EXISTS votes (
    asked INTEGER NOT NULL REFERENCES asked(id),
    user TEXT NOT NULL,           -- keyed hash of the voter
    up INTEGER NOT NULL,          -- 1: thumbs up, 0: thumbs down
    at TEXT NOT NULL,
    PRIMARY KEY (asked, user)
);
"""
# Columns added since the first schema, for databases made before them.
ADDED_COLUMNS = {"answered_question": "TEXT", "value": "TEXT", "message": "INTEGER"}
INDEXES = """
CREATE INDEX IF NOT EXISTS asked_at ON asked(at);
CREATE INDEX IF NOT EXISTS asked_channel ON asked(channel, id);
CREATE INDEX IF NOT EXISTS asked_message ON asked(message);
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
class Said:
    """A question as it was answered, and what a follow-up may refer to in its answer."""

    question: str
    value: str  # "" when it was declined


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
            have = {row[1] for row in self._db.execute("PRAGMA table_info(asked)")}
            for column, kind in ADDED_COLUMNS.items():
                if column not in have:
                    self._db.execute(f"ALTER TABLE asked ADD COLUMN {column} {kind}")
            self._db.executescript(INDEXES)

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
               sources, guild, channel, self.user(user), answer.answered_question or None,
               answer.value)
        done = self._write("INSERT INTO asked (at, question, answer, answered, conflict, sources,"
                           " guild, channel, user, answered_question, value) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
        return None if done is None else done.lastrowid

    def attach(self, asked: int, message: int) -> None:
        """Note the message that showed an answer (a thread started from it continues it)."""
        self._write("UPDATE asked SET message = ? WHERE id = ?", (message, asked))

    def last_said(self, channel: int, since: dt.datetime,
                  user: int | str | None = None) -> Said | None:
        """Return the latest question answered in a channel or thread since `since`.

        Only `user`'s, when given. A thread started from an answer's message has that
        message's id, so the answer it was started from counts as said in the thread.
        """
        mine = "" if user is None else " AND user = ?"
        args = (channel, channel, since.isoformat(timespec="seconds"),
                *(() if user is None else (self.user(user),)))
        with self._lock:
            row = self._db.execute(
                "SELECT COALESCE(answered_question, question), COALESCE(value, ''), answered "
                f"FROM asked WHERE (channel = ? OR message = ?) AND at >= ?{mine} "
                "ORDER BY id DESC LIMIT 1", args).fetchone()
        return None if row is None else Said(row[0], row[1] if row[2] else "")

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
        log_ = self._open()
        return None if log_ is None else log_.record(answer, user, guild, channel)

    def vote(self, asked: int, user: int | str, up: bool) -> Tally | None:
        """Record a vote; return the answer's votes, or None when votes cannot be recorded."""
        log_ = self._open() if self.enabled else None
        if log_ is None or not log_.vote(asked, user, up):
            return None
        return log_.tally(asked)

    def attach(self, asked: int, message: int) -> None:
        """Note the message that showed an answer."""
        log_ = self._open() if self.enabled else None
        if log_ is not None:
            log_.attach(asked, message)

    def last_said(self, channel: int, since: dt.datetime,
                  user: int | str | None = None) -> Said | None:
        """Return the latest question answered in a channel since `since`, if recorded."""
        log_ = self._open() if self.enabled else None
        return None if log_ is None else log_.last_said(channel, since, user)

    def _open(self) -> FeedbackLog | None:
        with self._lock:
            if not self._opened:
                self._log, self._opened = open_log(self.path), True
        return self._log


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
