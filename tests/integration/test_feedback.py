"""The feedback database survives `kill -9` (a real writer process, killed mid-run)."""

import signal
import sqlite3
import subprocess
import sys

WRITER = """
import sys
from pathlib import Path
from index.feedback import FeedbackLog
from index.models import Answer
log = FeedbackLog(Path(sys.argv[1]))
for n in range(100_000):
    asked = log.record(Answer(f"question {n}", False), user=n)
    log.vote(asked, user=n, up=n % 2 == 0)
    print(asked, flush=True)
"""


def test_every_recorded_question_survives_kill_9(tmp_path):
    path = tmp_path / "feedback.sqlite3"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE,
                              text=True)
    said = [int(writer.stdout.readline()) for _ in range(200)]  # recorded and committed
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    kept = {row[0] for row in db.execute("SELECT id FROM asked")}
    assert set(said) <= kept
    votes = dict(db.execute("SELECT asked, up FROM votes"))
    assert all(votes[a] == int((a - 1) % 2 == 0) for a in said)  # printed after its vote
