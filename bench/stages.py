"""Where `ask`'s time goes: a timer around each stage of the answering pipeline.

    .venv/bin/python bench/stages.py [--backend onnx-int8] [--size 1000] [--queries 40]

Opens a desk over a synthetic store of --size passages (the stores of bench/speed.py, built
once and cached), asks 5 questions to warm it, then asks --queries SQuAD questions once each
(the same sample as bench/speed.py) with a timer around each stage, and prints the mean
milliseconds per question of each stage and of the whole `ask`. Stages nest (the reader and
the parse run inside marking), so they do not add up to the total. The timers wrap the
stages' functions by name in this process only; nothing else changes.
"""

from __future__ import annotations

import argparse
import collections
import functools
import importlib
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's code
import speed
import synthetic

# (module, attribute, label): a function of a module, or "Class.method".
STAGES = (
    ("index.service", "Newsdesk.evidence", "retrieval, with the sentence vectors"),
    ("index.answer.pipeline", "_ranked", "ranking every sentence"),
    ("index.answer.pipeline", "mark", "marking candidates (all below)"),
    ("index.answer.reading", "BaseReader.readings", "  the reader"),
    ("index.answer.parsing", "Parser.parse", "  spaCy parse (or the kept parses)"),
    ("index.answer.spans", "soft", "  soft word coverage"),
    ("index.answer.spans", "predicates", "  verbs' nearness"),
    ("index.answer.spans", "_read_spans", "  the reader's spans"),
    ("index.answer.spans", "_parsed", "  parsed phrases"),
    ("index.answer.spans", "phrase_options", "  every phrase of a sentence described and scored"),
    ("index.answer.pipeline", "merge", "merging"),
    ("index.answer.pipeline", "disagreement", "disagreements"),
)


def timed(function: Callable, label: str, spent: dict[str, float]) -> Callable:
    """Return `function` adding its wall time to `spent[label]` at each call."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - started

    return wrapper


def install(stages: tuple[tuple[str, str, str], ...], spent: dict[str, float]) -> None:
    """Wrap each stage's function where its callers look it up (module global or class)."""
    for module_name, attribute, label in stages:
        owner = importlib.import_module(module_name)
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        setattr(owner, name, timed(getattr(owner, name), label, spent))


def run(args: argparse.Namespace) -> dict[str, float]:
    """Return the mean milliseconds per question of each stage, and of `ask` ("total")."""
    paragraphs, questions = synthetic.squad()
    questions = random.Random(7).sample(questions, args.queries + 5)
    chroma = speed.build_store(paragraphs, args.size)
    speed.share_exports(chroma)
    desk = speed.open_desk(speed.settings_for(chroma, backend=args.backend),
                           speed.embedder(args.backend))
    speed.keep_readings(desk)  # as the indexer keeps them
    spent: dict[str, float] = collections.defaultdict(float)
    install(STAGES, spent)
    for question in questions[:5]:
        desk.ask(question)
    spent.clear()
    started = time.perf_counter()
    for question in questions[5:]:
        desk.ask(question)
    spent["total"] = time.perf_counter() - started
    return {label: spent[label] * 1000 / args.queries for label in [s[2] for s in STAGES]
            + ["total"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="torch", help="EMBEDDING_BACKEND")
    parser.add_argument("--size", type=int, default=1000, help="passages in the store")
    parser.add_argument("--queries", type=int, default=40, help="questions timed")
    args = parser.parse_args(argv)
    means = run(args)
    print(f"\nmean ms per question ({args.backend}, {args.size:,} passages, "
          f"{args.queries} questions)\n| stage | ms |\n|---|---|")
    for label, ms in means.items():
        print(f"| {label} | {ms:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
