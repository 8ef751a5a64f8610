"""The newsroom dev set (../shared/eval): every question asked through `Newsdesk.ask`, judged
by the official scorer.

    .venv/bin/python bench/newsroom.py [--set newsroom|stories] [--show] [--json FILE]
        [--backend torch|onnx-int8] [--ids nr-01,nr-05] [--fresh] [--decision FILE --fold K]
        [--reader NAME] [--splits]

The 45 invented articles of ../shared/eval/newsroom are indexed into
bench/.cache/newsroom-<backend> (built when absent, refreshed incrementally, rebuilt with
--fresh). `--set stories` runs the second invented set instead, bench/stories (four more
stories with distractors, in the same schema; the decision may be fitted on it, so that the
newsroom stays unseen: `bench/train_decision.py --stories`), indexed into
bench/.cache/stories-<backend>. `--set distractors` asks bench/distractors/questions.jsonl,
questions of the same schema about the newsroom's coverage, mostly its stories beside the
main three (answer and unanswerable kinds only), indexed into bench/.cache/distractors-<backend>.
Each answer is the object `newsdesk ask --batch` prints
(`Answer.to_json(id=...)`), judged by `judge` from ../shared/eval/score_answers.py, imported by
path. Prints `k/n kind (rate)` per kind of question and the total, the wall time and the p50
ask latency; --show lists the failures (id, kind, question, why).

tests/integration/test_newsroom.py asks the same questions once per test run through the
functions here and holds each kind to a floor.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # measure this checkout's code, not the installed one
EVAL = ROOT.parent / "shared" / "eval"
CORPUS = EVAL / "newsroom"
QUESTIONS = EVAL / "newsroom-questions.jsonl"
SCORER = EVAL / "score_answers.py"
STORIES = ROOT / "bench" / "stories"
DISTRACTORS = ROOT / "bench" / "distractors" / "questions.jsonl"
CACHE = ROOT / "bench" / ".cache"
KINDS = ("answer", "unanswerable", "conflict", "time")

Judge = Callable[[dict, dict], tuple[bool, str]]


@dataclass(frozen=True)
class DevSet:
    """Invented coverage and its questions (files of the newsroom dev set's schema)."""

    name: str  # also its index's folder in bench/.cache: <name>-<backend>
    corpus: Path
    questions: tuple[Path, ...]


NEWSROOM = DevSet("newsroom", CORPUS, (QUESTIONS,))


def dev_set(name: str) -> DevSet:
    """Return the dev set called `name`: "newsroom", "stories" or "distractors"."""
    if name == "newsroom":
        return NEWSROOM
    if name == "stories":
        return DevSet("stories", STORIES / "articles",
                      tuple(sorted(STORIES.glob("questions-*.jsonl"))))
    if name == "distractors":
        return DevSet("distractors", CORPUS, (DISTRACTORS,))
    raise ValueError(f"no dev set called {name!r}: newsroom, stories or distractors")


@dataclass(frozen=True)
class Result:
    """One question, the answer object given for it and the scorer's verdict."""

    id: str
    kind: str
    question: str
    passed: bool
    why: str
    ms: float  # wall time of the ask
    answer: dict


def use_models(desk, reader: str | None = None, decision: Path | None = None) -> None:
    """Make `desk` answer with another reader (a folder name in index/answer/readers/) or
    decision model (a file) than the shipped ones; None keeps the shipped one."""
    if decision:
        from index.answer.decision import load_decision

        desk.decision = load_decision(decision)
    if reader:
        from index.service import reader_for

        reader_for(desk.settings, reader)  # loaded now, not in the first ask's time
        desk.reader = reader


def missing(devset: DevSet = NEWSROOM) -> str | None:
    """Return why the dev set cannot run here, or None when it can."""
    for path in (devset.corpus, *devset.questions, SCORER):
        if not path.exists():
            return f"{path} is absent: the {devset.name} dev set cannot run"
    if not devset.questions:
        return f"{devset.name} has no questions"
    return None


def load_questions(ids: Iterable[str] | None = None,
                   devset: DevSet = NEWSROOM) -> list[dict]:
    """Return the dev questions in file order; only those in `ids` when given."""
    lines = [line for path in devset.questions
             for line in path.read_text(encoding="utf-8").splitlines()]
    items = [json.loads(line) for line in lines if line.strip()]
    if ids is None:
        return items
    wanted = set(ids)
    unknown = sorted(wanted - {item["id"] for item in items})
    if unknown:
        raise ValueError(f"no such question ids: {', '.join(unknown)}")
    return [item for item in items if item["id"] in wanted]


def load_judge() -> Judge:
    """Return `judge(question, answer) -> (passed, why)` from the official scorer."""
    spec = importlib.util.spec_from_file_location("score_answers", SCORER)
    assert spec is not None and spec.loader is not None, SCORER
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.judge


def answer_object(desk, item: dict) -> dict:
    """Return the line `newsdesk ask --batch` prints for `item`."""
    from index.errors import QuestionError

    try:
        return desk.ask(item["question"]).to_json(id=item["id"])
    except QuestionError as exc:
        return {"id": item["id"], "question": item["question"], "error": str(exc)}


def run(desk, questions: list[dict], judge: Judge | None = None) -> list[Result]:
    """Ask every question of `questions` on `desk` and judge each answer."""
    judge = judge or load_judge()
    results = []
    for item in questions:
        started = time.perf_counter()
        body = answer_object(desk, item)
        ms = (time.perf_counter() - started) * 1000
        passed, why = judge(item, body)
        results.append(Result(item["id"], item["kind"], item["question"], bool(passed), why,
                              round(ms, 1), body))
    return results


def tally(results: list[Result]) -> dict[str, tuple[int, int]]:
    """Return {kind: (passed, asked)} for every kind asked, in `KINDS` order."""
    asked = [kind for kind in KINDS if any(r.kind == kind for r in results)]
    asked += sorted({r.kind for r in results} - set(KINDS))
    return {kind: (sum(r.passed for r in results if r.kind == kind),
                   sum(r.kind == kind for r in results)) for kind in asked}


def summary_lines(results: list[Result]) -> list[str]:
    """Return `k/n kind (rate)` per kind, then the total."""
    rows = [*tally(results).items(), ("total", (sum(r.passed for r in results), len(results)))]
    return [f"{k}/{n} {kind} ({k / n:.2f})" for kind, (k, n) in rows if n]


def held_out_splits(desk, folds: list[Path], questions: list[dict]) -> list[str]:
    """Answer each half of the questions with the fold model that did not see it.

    `folds` are the models `bench/train_decision.py --newsroom --splits N` writes, each naming
    the ids it holds out. Returns a line per halving (both halves' results together), then
    per kind the mean over halvings with its range.
    """
    from index.answer.decision import load_decision

    by_id = {q["id"]: q for q in questions}
    splits: dict[int, list[Result]] = {}
    for path in folds:
        model = load_decision(path)
        desk.decision = model
        asked = [by_id[i] for i in model.meta["held_out_ids"] if i in by_id]
        splits.setdefault(model.meta["split"], []).extend(run(desk, asked))
    lines, tallies = [], []
    for split, results in sorted(splits.items()):
        counts = {**tally(results), "total": (sum(r.passed for r in results), len(results))}
        tallies.append(counts)
        lines.append(f"split {split}: " + " · ".join(f"{k}/{n} {kind}"
                                                      for kind, (k, n) in counts.items()))
    for kind in tallies[0] if tallies else ():
        right = [t[kind][0] for t in tallies]
        lines.append(f"{statistics.mean(right):.1f}/{tallies[0][kind][1]} {kind} "
                     f"(mean of {len(right)} halvings; {min(right)}-{max(right)})")
    return lines


def failure_lines(results: list[Result], kind: str | None = None) -> list[str]:
    """Return one line per failed question (of `kind` only, when given)."""
    return [f"  {r.id} [{r.kind}] {r.question!r}: {r.why}" for r in results
            if not r.passed and kind in (None, r.kind)]


def open_desk(backend: str = "torch", fresh: bool = False, devset: DevSet = NEWSROOM):
    """Open the desk over the dev set's cached index, (re)building it as needed."""
    from index.service import Newsdesk, warm_up
    from index.settings import Settings

    chroma = CACHE / f"{devset.name}-{backend}" / "chroma"
    if fresh:
        shutil.rmtree(chroma, ignore_errors=True)
    settings = Settings(corpus_dir=devset.corpus, chroma_path=chroma, embedding_backend=backend,
                        answer_precision=Settings.from_env().answer_precision)
    desk = Newsdesk.open(settings)
    report = desk.index()
    print(f"indexed {report.articles} articles, {report.passages} passages "
          f"({report.embedded} embedded) in {report.elapsed_s:.1f} s", file=sys.stderr)
    warm_up(settings, desk.embedder)  # the models load here, not in the first ask
    return desk


def main(argv: list[str] | None = None) -> int:
    """Run the dev set and print the rates (and the failures, and JSON, when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="newsroom", choices=("newsroom", "stories", "distractors"),
                        help="the dev set to run (default %(default)s)")
    parser.add_argument("--show", action="store_true", help="list every failed question")
    parser.add_argument("--json", type=Path, help="write the per-question results here")
    parser.add_argument("--backend", default="torch", help="EMBEDDING_BACKEND for the run")
    parser.add_argument("--ids", help="only these question ids, comma-separated: nr-01,nr-05")
    parser.add_argument("--fresh", action="store_true", help="rebuild the cached index")
    parser.add_argument("--decision", type=Path,
                        help="answer with this decision model (a decision.json) instead")
    parser.add_argument("--reader", help="answer with this reader (a folder name in "
                        "index/answer/readers/) instead of the shipped one")
    parser.add_argument("--splits", action="store_true",
                        help="answer each half of the questions with the fold model that did "
                             "not see it, for every halving bench/train_decision.py --splits "
                             "fitted; print the mean and range per kind")
    parser.add_argument("--fold", type=int, choices=(0, 1),
                        help="only the questions of this fold (question number modulo 2), as "
                             "bench/train_decision.py --newsroom splits them")
    args = parser.parse_args(argv)
    devset = dev_set(args.set)
    reason = missing(devset)
    if reason:
        print(f"{reason}; nothing to measure", file=sys.stderr)
        return 0
    try:
        questions = load_questions(args.ids.split(",") if args.ids else None, devset)
    except ValueError as exc:
        parser.error(str(exc))
    if args.fold is not None:
        questions = [q for q in questions if int(q["id"].split("-")[1]) % 2 == args.fold]
    started = time.perf_counter()
    desk = open_desk(args.backend, args.fresh, devset)
    use_models(desk, args.reader, args.decision)
    if args.splits:
        folds = sorted(CACHE.glob("decision-split-*-fold-*.json"))
        if not folds:
            parser.error("no split fold models: run bench/train_decision.py --newsroom --splits N")
        print("\n".join(held_out_splits(desk, folds, questions)))
        return 0
    results = run(desk, questions)
    wall = time.perf_counter() - started
    if args.show:
        print("\n".join(failure_lines(results)) or "  no failures")
    print("\n".join(summary_lines(results)))
    p50 = statistics.median(r.ms for r in results)
    print(f"wall {wall:.1f} s for {len(results)} questions (opening and indexing included); "
          f"p50 ask {p50:.0f} ms")
    if args.json:
        rows = [asdict(r) for r in results]
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
