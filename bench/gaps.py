"""How long `newsdesk gaps` (and `/gaps`) takes over a large feedback database.

    .venv/bin/python bench/gaps.py [--asked 100000] [--distinct 2000] [--json out.json]

Fills a feedback database in a temp folder with --asked recorded questions over 30 days: a
tenth declined, drawn from --distinct wordings (SQuAD v2.0 questions their paragraph cannot
answer, from ../shared/bench, else made-up ones), the rest answered, a fifth of those voted on.
Then times `Newsdesk.gaps` over the last 7 days (twice: the second call finds the wordings'
vectors cached in the process), split into its parts: the two queries, and
encoding the distinct declined wordings with the embedding model (the grouping itself is
timed with them). The baseline, in the same process, is the model encoding the same number of
short questions bare: the cost that grows with distinct wordings, not with rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SQUAD2 = Path(__file__).resolve().parents[2] / "shared" / "bench"


def wordings(n: int) -> list[str]:
    """Return `n` distinct question wordings: SQuAD v2.0's unanswerable ones if present."""
    found: list[str] = []
    for path in sorted(SQUAD2.glob("squad-v2.0-dev*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for article in data["data"]:
            for paragraph in article["paragraphs"]:
                found += [q["question"] for q in paragraph["qas"] if q.get("is_impossible")]
    found = list(dict.fromkeys(found))
    if len(found) < n:
        found += [f"what was the figure for item {i}?" for i in range(n - len(found))]
    return found[:n]


def fill(path: Path, asked: int, distinct: int, seed: int = 1) -> None:
    """Write `asked` rows (and votes) straight into a feedback database at `path`."""
    from index.feedback import FeedbackLog

    FeedbackLog(path).close()  # the schema and the key
    rng = random.Random(seed)
    declined = wordings(distinct)
    now = dt.datetime.now(dt.UTC)
    rows, votes = [], []
    for i in range(1, asked + 1):
        at = (now - dt.timedelta(seconds=rng.uniform(0, 30 * 86400))).isoformat(
            timespec="seconds")
        if rng.random() < 0.1:
            rows.append((i, at, rng.choice(declined), "", 0, 0, "[]", 1, 2, f"u{i % 500}"))
            continue
        rows.append((i, at, f"answered question {i % 5000}?", f"answer {i % 300}", 1, 0,
                     '["a.txt"]', 1, 2, f"u{i % 500}"))
        if rng.random() < 0.2:
            votes.append((i, f"v{i % 800}", int(rng.random() < 0.7), at))
    db = sqlite3.connect(path)
    with db:
        db.executemany("INSERT INTO asked (id, at, question, answer, answered, conflict, "
                       "sources, guild, channel, user) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
        db.executemany("INSERT INTO votes (asked, user, up, at) VALUES (?,?,?,?)", votes)
    db.close()


def main(argv: list[str] | None = None) -> int:
    """Fill the database, time `gaps` and its parts, print them (and JSON, when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--asked", type=int, default=100_000)
    parser.add_argument("--distinct", type=int, default=2000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    from index.feedback import open_log
    from index.gaps import group
    from index.service import Newsdesk
    from index.settings import Settings

    with tempfile.TemporaryDirectory() as root:
        settings = Settings(corpus_dir=Path(root) / "corpus", chroma_path=Path(root) / "chroma",
                            feedback_db=Path(root) / "feedback.sqlite3")
        started = time.perf_counter()
        fill(settings.feedback_path, args.asked, args.distinct)
        filled = time.perf_counter() - started
        desk = Newsdesk.open(settings)
        since = dt.datetime.now(dt.UTC) - dt.timedelta(days=7)
        desk.embedder.encode(["warm up"])
        feedback = open_log(settings.feedback_path)
        assert feedback is not None
        t0 = time.perf_counter()
        declined = feedback.declined(since)
        t1 = time.perf_counter()
        downvoted = feedback.downvoted(since)
        t2 = time.perf_counter()
        vectors = desk.embedder.encode([a.question for a in declined])
        t3 = time.perf_counter()
        groups = group(declined, vectors)
        t4 = time.perf_counter()
        bare = desk.embedder.encode([f"bare question number {i}?" for i in range(len(declined))])
        t5 = time.perf_counter()
        whole_start = time.perf_counter()
        gaps, voted = desk.gaps(since)
        whole = time.perf_counter() - whole_start
        again_start = time.perf_counter()
        desk.gaps(since)  # the wordings' vectors are cached in the process
        again = time.perf_counter() - again_start
        assert len(gaps) == len(groups) and len(voted) == len(downvoted) and len(bare)
    result = {
        "asked": args.asked, "declined_wordings_7d": len(declined), "groups": len(groups),
        "downvoted_answers": len(downvoted), "fill_s": round(filled, 2),
        "declined_query_ms": round((t1 - t0) * 1000, 1),
        "downvoted_query_ms": round((t2 - t1) * 1000, 1),
        "encode_s": round(t3 - t2, 2), "group_ms": round((t4 - t3) * 1000, 1),
        "bare_encode_s": round(t5 - t4, 2), "gaps_s": round(whole, 2),
        "gaps_vs_bare_encode": round(whole / max(t5 - t4, 1e-9), 2),
        "gaps_again_s": round(again, 2),
    }
    for key, value in result.items():
        print(f"{key:>22}: {value}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
