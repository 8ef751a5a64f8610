"""The `newsdesk` command line: index, ask, sources, run."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from dotenv import load_dotenv

from index.errors import NewsdeskError, QuestionError
from index.settings import Settings

if TYPE_CHECKING:
    from index.models import Answer, IndexReport
    from index.service import Newsdesk

log = logging.getLogger("newsdesk")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="newsdesk", description="Answer questions about news coverage, with citations."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    index = sub.add_parser("index", help="build or refresh the index from the corpus folder")
    index.add_argument("--corpus", type=Path, help="corpus folder (default: CORPUS_DIR)")
    index.add_argument("--full", action="store_true", help="rebuild everything from scratch")
    index.add_argument("--json", action="store_true", help="print the report as JSON")
    ask = sub.add_parser("ask", help="answer a question (or a batch of them)")
    ask.add_argument("question", nargs="?", help="the question, in quotes")
    ask.add_argument("--batch", type=Path, help="JSONL file of {id, question} lines ('-': stdin)")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.add_argument("-k", type=int, default=8, help="passages to retrieve (default 8)")
    sources = sub.add_parser("sources", help="list the indexed articles")
    sources.add_argument("--json", action="store_true", help="print JSON")
    sub.add_parser("run", help="start the Discord bot")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = build_parser().parse_args(argv)
    load_dotenv(Path.cwd() / ".env")
    try:
        settings = Settings.from_env()
        logging.basicConfig(
            level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        for noisy in ("bm25s", "httpx", "chromadb", "sentence_transformers"):
            logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.root.level))
        if args.command == "run":
            from bot.app import run

            return run(settings)
        return COMMANDS[args.command](args, settings)
    except NewsdeskError as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _open(settings: Settings) -> Newsdesk:
    from index.service import Newsdesk

    return Newsdesk.open(settings)


def _print_report(report: IndexReport, out: TextIO) -> None:
    print(
        f"indexed {report.articles} articles, {report.passages} passages in "
        f"{report.elapsed_s:.1f}s: {report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged, {report.removed} removed, "
        f"{len(report.skipped)} skipped; {report.embedded} passages embedded",
        file=out,
    )
    for skipped in report.skipped:
        print(f"  skipped {skipped.source}: {skipped.reason}", file=out)


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    """Build or refresh the index and report what happened."""
    desk = _open(settings)
    report = desk.index(args.corpus, full=args.full)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        _print_report(report, sys.stdout)
    return 0


def format_answer(answer: Answer) -> str:
    """Render an answer for a terminal."""
    lines = []
    if not answer.answered:
        lines.append("The coverage does not say. Nearest passages:")
    elif answer.conflict:
        lines.append("The sources disagree:")
    else:
        lines += [answer.answer, f"  “{answer.sentence}”"]
    for c in answer.citations:
        where = c.url or c.source
        lines.append(f"  [{c.n}] {c.title} ({where}, paragraph {c.paragraph}): “{c.quote}”")
    return "\n".join(lines)


def _batch_lines(path: Path) -> Iterator[tuple[Any, str | None, str | None]]:
    """Yield (id, question, error) for each non-blank line of a batch file."""
    handle = sys.stdin if str(path) == "-" else path.open(encoding="utf-8", errors="replace")
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                yield None, None, f"line {number} is not valid JSON: {exc.msg}"
                continue
            if not isinstance(item, dict) or not isinstance(item.get("question"), str):
                ident = item.get("id") if isinstance(item, dict) else None
                yield ident, None, f"line {number} has no \"question\" string"
                continue
            yield item.get("id"), item["question"], None


def _ensure_indexed(desk: Newsdesk) -> None:
    if desk.is_empty:
        print("newsdesk: the index is empty; indexing the corpus first", file=sys.stderr)
        _print_report(desk.index(), sys.stderr)


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer one question, or every line of a batch file."""
    if (args.question is None) == (args.batch is None):
        raise QuestionError("give a question, or --batch FILE.jsonl (not both)")
    if args.batch is not None and str(args.batch) != "-" and not args.batch.is_file():
        raise QuestionError(f"batch file {args.batch} does not exist")
    desk = _open(settings)
    _ensure_indexed(desk)
    if args.batch is None:
        answer = desk.ask(args.question, k=args.k)
        print(json.dumps(answer.to_json(), ensure_ascii=False) if args.json
              else format_answer(answer))
        return 0
    for ident, question, error in _batch_lines(args.batch):
        if question is not None:
            try:
                body = desk.ask(question, k=args.k).to_json(id=ident)
            except QuestionError as exc:
                error = str(exc)
        if error is not None:
            body = {"id": ident, "question": question, "error": error}
        print(json.dumps(body, ensure_ascii=False), flush=True)
    return 0


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    """List the indexed articles."""
    desk = _open(settings)
    infos = desk.sources()
    if args.json:
        print(json.dumps([info.__dict__ for info in infos], ensure_ascii=False))
        return 0
    for info in infos:
        date = info.published or "undated"
        print(f"{info.title}\n  {info.url or info.source} · {date} · {info.passages} passages")
    if not infos:
        print("nothing indexed yet: run `newsdesk index`")
    return 0


COMMANDS = {"index": cmd_index, "ask": cmd_ask, "sources": cmd_sources}
