"""Follow-up questions over the newsroom dev set: each asked after the question before it.

    .venv/bin/python bench/followups.py [--show] [--json FILE] [--backend torch|onnx-int8]

Each line of bench/followups.jsonl is a previous question, a follow-up ("and the Westmoor
premier?", "when?", "who replaced him?"), the answers accepted for the follow-up and the words
the question actually answered must hold (`asks`). Some follow-ups are complete questions,
marked `standalone`: they must be answered on their own. Each follow-up is asked as
`newsdesk ask --follow-up-of PREVIOUS FOLLOW_UP` asks it: the previous question is answered
first, then the follow-up is read against it and answered. Prints how many were read right
(the answered question holds every `asks` phrase, or is the follow-up itself when standalone)
and how many were answered right (judged by ../shared/eval/score_answers.py as an "answer"
question). Needs ../shared/eval (skips cleanly without it).

tests/integration/test_followups.py runs the same table with a floor.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import newsroom

TABLE = Path(__file__).with_name("followups.jsonl")


@dataclass(frozen=True)
class Result:
    """One follow-up: the question answered, and whether it was read and answered right."""

    previous: str
    follow_up: str
    answered_question: str
    answer: str
    read_right: bool
    answered_right: bool
    why: str


def load_table(path: Path = TABLE) -> list[dict]:
    """Return the (previous, follow-up, expected) rows."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def read_right(row: dict, answered_question: str) -> bool:
    """Return True when the question answered is the one the follow-up meant."""
    if row.get("standalone"):
        return answered_question.lower().rstrip("?") in row["follow_up"].lower()
    wanted = answered_question.lower()
    return all(phrase.lower() in wanted for phrase in row["asks"])


def run(desk, rows: list[dict]) -> list[Result]:
    """Ask each follow-up after its previous question and judge it."""
    from index.answer.followups import Turn

    judge = newsroom.load_judge()
    results = []
    for n, row in enumerate(rows, start=1):
        answer = desk.ask(row["follow_up"], previous=Turn(row["previous"]))
        body = answer.to_json(id=f"fu-{n:02d}")
        item = {"id": f"fu-{n:02d}", "kind": "answer", "question": row["follow_up"],
                "expect_any": row["expect_any"]}
        passed, why = judge(item, body)
        results.append(Result(row["previous"], row["follow_up"], body["answered_question"],
                              answer.answer, read_right(row, body["answered_question"]),
                              bool(passed), why))
    return results


def main(argv: list[str] | None = None) -> int:
    """Run the table and print the two rates (and the misses, when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list every follow-up")
    parser.add_argument("--json", type=Path, help="write the per-row results here")
    parser.add_argument("--backend", default="torch", help="EMBEDDING_BACKEND for the run")
    args = parser.parse_args(argv)
    reason = newsroom.missing()
    if reason:
        print(f"{reason}; nothing to measure", file=sys.stderr)
        return 0
    rows = load_table()
    desk = newsroom.open_desk(args.backend)
    started = time.perf_counter()
    results = run(desk, rows)
    wall = time.perf_counter() - started
    if args.show:
        for r in results:
            mark = ("read " if r.read_right else "MISREAD ") + ("right" if r.answered_right
                                                                else "WRONG")
            print(f"  [{mark}] {r.previous!r} -> {r.follow_up!r}\n"
                  f"      answering {r.answered_question!r}: {r.answer!r} ({r.why})")
    n = len(results)
    print(f"{sum(r.read_right for r in results)}/{n} follow-ups read as meant")
    print(f"{sum(r.answered_right for r in results)}/{n} follow-ups answered right")
    print(f"wall {wall:.1f} s (each previous question answered too)")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=1,
                                        ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
