"""Check a story set's questions against its articles: `python bench/stories/check.py [PREFIX]`.

Each line of bench/stories/questions-*.jsonl (only files named questions-PREFIX*.jsonl with a
PREFIX) must be a question of the newsroom dev set's schema (../shared/eval/newsroom-README.md):
an id, a question, a kind (answer, unanswerable, conflict, time), `expect_any` (answer, time)
or `expect_all` and `sides` (conflict), and `sources`, files of bench/stories/articles. Every
expected string must be found in a source (a time question's `relative` words, in one of its
sources; each side's value in each of its files), so a question cannot point at coverage that
does not state its answer. Prints each problem and exits 1 if there is any.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
KINDS = {"answer", "unanswerable", "conflict", "time"}


def problems(path: Path) -> list[str]:
    """Return what is wrong with the questions of one file."""
    found, seen = [], set()
    texts = {p.name: p.read_text(encoding="utf-8").lower() for p in ARTICLES.iterdir()}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            q = json.loads(line)
        except ValueError as error:
            found.append(f"{where}: not JSON ({error})")
            continue
        if q.get("id") in seen or not q.get("id") or not q.get("question"):
            found.append(f"{where}: missing or repeated id, or no question")
        seen.add(q.get("id"))
        kind = q.get("kind")
        if kind not in KINDS:
            found.append(f"{where}: kind {kind!r}")
            continue
        sources = q.get("sources", [])
        absent = [s for s in sources if s not in texts]
        if absent:
            found.append(f"{where}: no such article {absent}")
            continue
        if kind == "unanswerable":
            if sources or q.get("expect_any"):
                found.append(f"{where}: an unanswerable question has no sources or answers")
        elif kind == "conflict":
            sides = q.get("sides", {})
            if len(sides) < 2 or sorted(sides) != sorted(q.get("expect_all", [])):
                found.append(f"{where}: expect_all must name the sides, two or more")
            for value, files in sides.items():
                for f in files:
                    if f not in texts or value.lower() not in texts[f]:
                        found.append(f"{where}: side {value!r} not stated in {f}")
            if not all(set(files) & set(sources) for files in sides.values()):
                found.append(f"{where}: sources must cite each side")
        else:
            if not sources:
                found.append(f"{where}: no sources")
            wanted = [q.get("relative", "")] if kind == "time" else q.get("expect_any", [])
            if not wanted or not any(w.lower() in texts[s] for w in wanted for s in sources):
                found.append(f"{where}: none of {wanted} is in its sources")
            if kind == "time" and not (q.get("article_date") and q.get("expect_any")):
                found.append(f"{where}: a time question needs article_date and expect_any")
    return found


def main() -> int:
    prefix = sys.argv[1] if len(sys.argv) > 1 else ""
    files = sorted(HERE.glob(f"questions-{prefix}*.jsonl"))
    found = [p for f in files for p in problems(f)]
    for problem in found:
        print(problem)
    print(f"{len(files)} question files, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
