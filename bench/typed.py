"""Questions typed afresh about the coverage the dev sets hold, judged by what they expect.

    .venv/bin/python bench/typed.py [--show] [FILE ...]

Each file of bench/typed is named for the dev set whose coverage it asks about
(`newsroom-*.jsonl`, `stories-*.jsonl`); its lines are {"question", and one of "expect_any"
(a right answer holds one of the phrases, and is no disagreement), "expect_all" (every
phrase is said: the sides of a disagreement) or "expect": "declined"}. The questions were
typed the way a user asks, without looking at what the answerer does; a phrase is found in
the answer (and its sides) as a whole, case-insensitively. Prints each file's tally of right,
wrong (answered, and not right), declined (where an answer was expected) and half (some of
the phrases of "expect_all", or a right one beside a wrong side); --show lists every answer.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from newsroom import dev_set, open_desk

TYPED = Path(__file__).resolve().parent / "typed"


def verdict(expected: dict, answered: bool, text: str, conflict: bool) -> str:
    """Return "right", "wrong", "declined" or "half" for an answer (its text and sides)."""
    if expected.get("expect") == "declined":
        return "wrong" if answered else "right"
    if not answered:
        return "declined"
    if "expect_all" in expected:
        found = [p for p in expected["expect_all"] if _says(text, p)]
        return ("right" if len(found) == len(expected["expect_all"])
                else "half" if found else "wrong")
    if any(_says(text, p) for p in expected["expect_any"]):
        return "half" if conflict else "right"
    return "wrong"


def _says(text: str, phrase: str) -> bool:
    """Return True when the phrase is in the text as a whole ("8%" is not in "48%")."""
    return re.search(rf"(?<![\w.,]){re.escape(phrase.lower())}(?!\w)",
                     text.lower().replace("\u2019", "'")) is not None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--show", action="store_true", help="list every answer")
    args = parser.parse_args()
    files = args.files or sorted(TYPED.glob("*.jsonl"))
    for name in sorted({f.name.split("-")[0] for f in files}):
        desk = open_desk(devset=dev_set(name))
        for file in (f for f in files if f.name.split("-")[0] == name):
            tally: Counter[str] = Counter()
            for line in file.read_text(encoding="utf-8").splitlines():
                expected = json.loads(line)
                answer = desk.ask(expected["question"])
                text = " ".join([answer.answer, *(side.answer for side in answer.sides)])
                said = verdict(expected, answer.answered, text, answer.conflict)
                tally[said] += 1
                if args.show:
                    shown = answer.answer if answer.answered else "(declined)"
                    print(f"  {said:8} {expected['question']} -> {shown}")
            total = sum(tally.values())
            print(f"{file.name}: " + " · ".join(
                f"{tally[k]} {k}" for k in ("right", "wrong", "declined", "half"))
                + f" of {total}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
