"""The feedback database: questions recorded, votes counted once per user (real SQLite)."""

import logging
import sqlite3
import stat

from index.feedback import FeedbackLog, Tally, open_log
from index.models import Answer, Citation

ANSWER = Answer("how many EVs?", True, "49,000", "Canada will admit 49,000 EVs.",
                citations=(Citation(1, "a.txt", "T", 2, "q", 0.5),
                           Citation(2, "b.txt", "U", 1, "r", 0.4)))


def test_a_question_is_recorded_with_its_answer_and_a_hashed_asker(tmp_path):
    log = FeedbackLog(tmp_path / "feedback.sqlite3")
    asked = log.record(ANSWER, user=123456789012345678, guild=7, channel=8)
    row = sqlite3.connect(tmp_path / "feedback.sqlite3").execute(
        "SELECT question, answer, answered, conflict, sources, guild, channel, user "
        "FROM asked WHERE id = ?", (asked,)).fetchone()
    assert row[:7] == ("how many EVs?", "49,000", 1, 0, '["a.txt", "b.txt"]', 7, 8)
    assert row[7] == log.user(123456789012345678) and len(row[7]) == 64
    log.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("feedback.sqlite3*"))
    assert b"123456789012345678" not in raw  # the raw id is never stored


def test_the_hashing_key_is_made_once_and_readable_by_its_owner_only(tmp_path):
    first = FeedbackLog(tmp_path / "f.sqlite3")
    again = FeedbackLog(tmp_path / "f.sqlite3")
    assert first.user(42) == again.user(42) != first.user(43)
    mode = stat.S_IMODE((tmp_path / "f.sqlite3.key").stat().st_mode)
    assert mode == 0o600
    assert FeedbackLog(tmp_path / "other.sqlite3").user(42) != first.user(42)  # another key


def test_a_user_may_change_their_vote_and_counts_once(tmp_path):
    log = FeedbackLog(tmp_path / "f.sqlite3")
    asked = log.record(ANSWER, user=1)
    assert log.vote(asked, user=2, up=True)
    assert log.vote(asked, user=3, up=True)
    assert log.vote(asked, user=2, up=False)  # changed their mind
    assert log.tally(asked) == Tally(up=1, down=1)
    assert log.tally(asked + 1) == Tally(0, 0)
    assert not log.vote(asked + 1, user=2, up=True)  # no such question: nothing written
    assert log.tally(asked + 1) == Tally(0, 0)


def test_the_database_runs_in_wal_mode(tmp_path):
    FeedbackLog(tmp_path / "f.sqlite3")
    mode = sqlite3.connect(tmp_path / "f.sqlite3").execute("PRAGMA journal_mode").fetchone()
    assert mode == ("wal",)


def test_a_database_that_cannot_be_opened_gives_one_log_line_and_none(tmp_path, caplog):
    (tmp_path / "taken").mkdir()  # a folder where the file should be
    with caplog.at_level(logging.WARNING, logger="index.feedback"):
        assert open_log(tmp_path / "taken") is None
    assert [r.getMessage() for r in caplog.records] == [
        f"cannot open the feedback database {tmp_path / 'taken'} (unable to open database "
        "file): questions are answered but not recorded"]


def test_a_failing_write_is_logged_once_and_answering_goes_on(tmp_path, caplog):
    log = FeedbackLog(tmp_path / "f.sqlite3")
    blocker = sqlite3.connect(tmp_path / "f.sqlite3", timeout=0)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    log._db.execute("PRAGMA busy_timeout = 0")
    with caplog.at_level(logging.WARNING, logger="index.feedback"):
        assert log.record(ANSWER, user=1) is None
        assert log.record(ANSWER, user=1) is None
    assert len(caplog.records) == 1 and "database is locked" in caplog.records[0].getMessage()
    blocker.rollback()
    assert log.record(ANSWER, user=1) is not None  # the lock gone, recording resumes


def test_the_latest_answer_in_a_channel_or_its_message_thread_is_what_follows_on(tmp_path):
    import datetime as dt

    from index.feedback import Said
    from index.models import Side

    log = FeedbackLog(tmp_path / "f.sqlite3")
    since = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    assert log.last_said(8, since) is None
    first = log.record(ANSWER, user=1, guild=7, channel=8)
    followed = Answer("and canola?", True, "2 million tonnes",
                      answered_question="how many tonnes of canola?")
    log.record(followed, user=1, guild=7, channel=8)
    assert log.last_said(8, since) == Said("how many tonnes of canola?", "2 million tonnes")
    log.attach(first, message=555)  # a thread started from that answer's message
    assert log.last_said(555, since) == Said("how many EVs?", "49,000")
    split = Answer("who?", True, "Sources disagree: A or B", conflict=True,
                   sides=(Side("A", (1,), ()), Side("B", (2,), ())))
    log.record(split, user=1, channel=9)
    log.record(Answer("why?", False), user=1, channel=10)
    assert log.last_said(9, since) == Said("who?", "A")
    assert log.last_said(10, since) == Said("why?", "")
    assert log.last_said(8, dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)) is None


def test_a_database_made_before_the_conversation_columns_gains_them(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE asked (id INTEGER PRIMARY KEY, at TEXT NOT NULL, question TEXT NOT NULL,"
        " answer TEXT NOT NULL, answered INTEGER NOT NULL, conflict INTEGER NOT NULL,"
        " sources TEXT NOT NULL, guild INTEGER, channel INTEGER, user TEXT NOT NULL);"
        "INSERT INTO asked VALUES (1, '2026-01-01T00:00:00+00:00', 'q', 'a', 1, 0, '[]',"
        " NULL, 8, 'h');")
    old.close()
    log = FeedbackLog(path)
    assert log.record(ANSWER, user=1, channel=8) == 2
    assert log.vote(1, user=2, up=False) and log.tally(1) == Tally(0, 1)


def test_the_recorder_counts_votes_and_stays_quiet_when_turned_off(tmp_path):
    from index.feedback import Recorder

    recorder = Recorder(tmp_path / "f.sqlite3")
    asked = recorder.record(ANSWER, user=1)
    assert recorder.vote(asked, user=2, up=True) == Tally(1, 0)
    assert recorder.vote(asked, user=2, up=False) == Tally(0, 1)
    assert recorder.vote(asked + 100, user=2, up=True) is None  # no such answer
    off = Recorder(tmp_path / "off.sqlite3", enabled=False)
    assert off.record(ANSWER, user=1) is None and off.vote(1, user=2, up=True) is None
    assert not (tmp_path / "off.sqlite3").exists()


def test_in_a_shared_channel_each_askers_last_question_is_their_own(tmp_path):
    import datetime as dt

    log = FeedbackLog(tmp_path / "f.sqlite3")
    since = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    log.record(ANSWER, user=1, guild=7, channel=8)
    log.record(Answer("who quit?", True, "Penhale"), user=2, guild=7, channel=8)
    assert log.last_said(8, since, user=1).question == "how many EVs?"
    assert log.last_said(8, since, user=2).question == "who quit?"
    assert log.last_said(8, since).question == "who quit?"
    assert log.last_said(8, since, user=3) is None
