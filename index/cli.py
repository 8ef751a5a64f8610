"""The `newsdesk` command line (`newsdesk --help` lists its commands)."""

from __future__ import annotations

import argparse
import asyncio
import csv
import dataclasses
import datetime as dt
import getpass
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from dotenv import load_dotenv

from index.errors import NewsdeskError, QuestionError
from index.log_setup import configure_logging
from index.readable import evidence
from index.settings import Settings
from index.store.finding import SORTS

if TYPE_CHECKING:
    from index.answer.followups import Turn
    from index.corpus.adding import AddReport
    from index.corpus.feeds import Feed, PollReport
    from index.feedback import Voted
    from index.gaps import Gap
    from index.models import Answer, IndexReport, Progress, Side, Status
    from index.service import Newsdesk, UnopenedDesk
    from index.store.finding import Found

log = logging.getLogger("newsdesk")
EMPTY_INDEX_EXIT = 3  # `ask` on an index with nothing in it


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
    index.add_argument(
        "--progress", action="store_true", help="print progress on stderr, one JSON per line"
    )
    ask = sub.add_parser("ask", help="answer a question (or a batch of them)")
    ask.add_argument("question", nargs="?", help="the question, in quotes")
    ask.add_argument("--batch", type=Path,
                     help="JSONL file of {id, question[, previous]} lines ('-': stdin)")
    ask.add_argument("--follow-up-of", metavar="PREVIOUS", default=None,
                     help="the question asked before: read this one as its follow-up")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.add_argument("-k", type=int, default=None,
                     help="passages to read (default 24, at most 4 of one article)")
    sources = sub.add_parser("sources", help="list the indexed articles")
    sources.add_argument("--json", action="store_true", help="print JSON")
    status = sub.add_parser("status", help="describe the index: size, last run, model, feeds")
    status.add_argument("--json", action="store_true", help="print JSON")
    chat = sub.add_parser("chat", help="ask questions one after another; follow-ups in context")
    chat.add_argument("-k", type=int, default=None, help="passages to read (default 24)")
    search = sub.add_parser("search", help="find articles: title, outlet, date, best passage")
    search.add_argument("query", help="what to look for, in quotes")
    search.add_argument("--since", type=_since, metavar="7d|24h|YYYY-MM-DD",
                        help="only articles published since then")
    search.add_argument("--outlet", help="only articles of this outlet (name or web address)")
    search.add_argument("--sort", choices=SORTS, default="relevance",
                        help="relevance (default) or newest first")
    search.add_argument("--limit", type=_positive, default=10,
                        help="how many articles (default 10)")
    search.add_argument("--json", action="store_true", help="print JSON")
    gaps = sub.add_parser("gaps", help="what the coverage lacks: declined and down-voted")
    gaps.add_argument("--since", type=_since, default="7d", metavar="7d|24h|YYYY-MM-DD",
                      help="how far back (default 7d)")
    shape = gaps.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="print JSON")
    shape.add_argument("--csv", action="store_true", help="print CSV")
    add = sub.add_parser("add", help="fetch articles by URL into the corpus and index them")
    add.add_argument("urls", nargs="+", metavar="URL", help="article URLs (http or https)")
    add.add_argument("--json", action="store_true", help="print the report as JSON")
    follow = sub.add_parser("follow", help="follow an RSS or Atom feed (see `poll`)")
    follow.add_argument("feed", metavar="FEED_URL", help="the feed's URL")
    poll = sub.add_parser("poll", help="add new items of every followed feed, once")
    poll.add_argument("--json", action="store_true", help="print the report as JSON")
    sub.add_parser("run", help="start the Discord bot")
    onnx = sub.add_parser(
        "export-onnx",
        help="export the embedding model and the reader to ONNX for EMBEDDING_BACKEND=onnx*"
    )
    onnx.add_argument("--force", action="store_true", help="export again even if present")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = build_parser().parse_args(argv)
    load_dotenv(Path.cwd() / ".env")
    try:
        if args.command == "run":
            return _run_bot()
        settings = Settings.from_env()
        configure_logging(settings.log_level, settings.library_log_level)
        return COMMANDS[args.command](args, settings)
    except NewsdeskError as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _run_bot() -> int:
    """Start the Discord bot with its settings (the core's among them)."""
    from bot.app import run
    from bot.settings import BotSettings

    settings = BotSettings.from_env()
    configure_logging(settings.core.log_level, settings.core.library_log_level)
    return run(settings)


def _open(settings: Settings) -> Newsdesk:
    from index.service import Newsdesk

    return Newsdesk.open(settings)


def _unopened(settings: Settings) -> UnopenedDesk:
    """Return what `add`, `follow` and `poll` add through: a desk opens only to index."""
    from index.service import UnopenedDesk

    return UnopenedDesk(settings)


def _print_report(report: IndexReport, out: TextIO) -> None:
    kept = (
        f"{report.reembedded} re-embedded" if report.full else f"{report.unchanged} unchanged"
    )
    print(
        f"indexed {report.articles} articles, {report.passages} passages in "
        f"{report.elapsed_s:.1f}s{' (full rebuild)' if report.full else ''}: "
        f"{report.added} added, {report.updated} updated, {kept}, {report.removed} removed, "
        f"{len(report.skipped)} skipped; {report.embedded} passages embedded",
        file=out,
    )
    note = report.corpus_note()
    if note is not None:
        print(note, file=out)
    for skipped in report.skipped:
        print(f"  skipped {skipped.source}: {skipped.reason}", file=out)


def _print_progress(progress: Progress) -> None:
    """Print one progress snapshot as a JSON line on stderr."""
    print(json.dumps(dataclasses.asdict(progress)), file=sys.stderr, flush=True)


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    """Build or refresh the index and report what happened."""
    desk = _open(settings)
    progress = _print_progress if args.progress else None
    report = desk.index(args.corpus, full=args.full, progress=progress)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        _print_report(report, sys.stdout)
    return 0


def format_answer(answer: Answer) -> str:
    """Render an answer for a terminal."""
    if not answer.answered:
        lines = ["The coverage does not say. Nearest passages:"]
    elif answer.conflict:
        lines = ["The sources disagree:", *(_valued("  - ", side) for side in answer.sides)]
    else:
        lines = [answer.answer]
        if answer.support >= 2:
            lines.append(f"  {answer.support} sources agree")
    if answer.answered_question:
        lines.insert(0, f"Answering: {answer.answered_question}")
    if answer.answered and answer.revised_from is not None:
        lines.append(_valued("  revised from ", answer.revised_from))
    if answer.answered and not answer.conflict:
        lines.append(f"  “{answer.sentence}”")
    for c in answer.citations:
        where = c.url or c.source
        when = f", {c.published[:10]}" if c.published else ""
        lines.append(f"  [{c.n}] {c.title} ({where}, paragraph {c.paragraph}{when}): “{c.quote}”")
    return "\n".join(lines)


def _valued(prefix: str, item: Side) -> str:
    """Show a value with its citation numbers and dates: "36 buses [1] [3] (17 Jan 2026)"."""
    return f"{prefix}{item.answer} {evidence(item.citations, item.published)}".rstrip()


def _batch_lines(path: Path) -> Iterator[tuple[Any, str | None, str | None, str | None]]:
    """Yield (id, question, previous question, error) for each non-blank line of a batch file."""
    handle = sys.stdin if str(path) == "-" else path.open(encoding="utf-8", errors="replace")
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                yield None, None, None, f"line {number} is not valid JSON: {exc.msg}"
                continue
            if not isinstance(item, dict) or not isinstance(item.get("question"), str):
                ident = item.get("id") if isinstance(item, dict) else None
                yield ident, None, None, f"line {number} has no \"question\" string"
                continue
            previous = item.get("previous")
            if previous is not None and not isinstance(previous, str):
                yield item.get("id"), None, None, f"line {number}: \"previous\" is not a string"
                continue
            yield item.get("id"), item["question"], previous, None


def _ensure_indexed(desk: Newsdesk) -> None:
    """Index the corpus folder first when nothing is indexed and the folder holds files."""
    from index.corpus.files import has_files

    if desk.is_empty and has_files(desk.settings.corpus_dir):
        print("newsdesk: the index is empty; indexing the corpus first", file=sys.stderr)
        _print_report(desk.index(), sys.stderr)


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer one question, or every line of a batch file; exit 3 if the index is empty."""
    from index.service import check_question

    if (args.question is None) == (args.batch is None):
        raise QuestionError("give a question, or --batch FILE.jsonl (not both)")
    if args.batch is not None and str(args.batch) != "-" and not args.batch.is_file():
        raise QuestionError(f"batch file {args.batch} does not exist")
    if args.question is not None:
        check_question(args.question)  # before the store is opened and the model loaded
    if args.follow_up_of is not None:
        if args.batch is not None:
            raise QuestionError("--follow-up-of goes with one question; in --batch, give "
                                "each line a \"previous\"")
        check_question(args.follow_up_of)
    desk = _open(settings)
    _ensure_indexed(desk)
    if args.batch is not None:
        return _ask_batch(desk, args.batch, args.k)
    answer = desk.ask(args.question, k=args.k, previous=_turn(args.follow_up_of))
    desk.record(answer, _local_user())
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False))
    elif answer.error is not None:
        print(f"newsdesk: {answer.error}", file=sys.stderr)
    else:
        print(format_answer(answer))
    return 0 if answer.error is None else EMPTY_INDEX_EXIT


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    """Answer questions from stdin one after another, each read against the one before."""
    from index.answer.followups import Turn

    desk = _open(settings)
    _ensure_indexed(desk)
    interactive = sys.stdin.isatty()
    previous: Turn | None = None
    while True:
        if interactive:
            print("> ", end="", flush=True)
        line = sys.stdin.readline()
        if not line:
            return 0
        if not line.strip():
            continue
        try:
            answer = desk.ask(line, k=args.k, previous=previous)
        except QuestionError as exc:
            print(f"newsdesk: {exc}", file=sys.stderr)
            continue
        desk.record(answer, _local_user())
        print(format_answer(answer) if answer.error is None else f"newsdesk: {answer.error}")
        print(flush=True)
        previous = Turn(answer.answered_question or answer.question, answer.value)


def _turn(previous: str | None) -> Turn | None:
    """Return the turn a follow-up is read against: a question whose answer is not known."""
    from index.answer.followups import Turn
    from index.service import check_question

    return None if previous is None else Turn(check_question(previous))


def _local_user() -> str:
    """Return who asks from the command line, as recorded (hashed) in the feedback database."""
    return f"local:{getpass.getuser()}"


def _ask_batch(desk: Newsdesk, path: Path, k: int | None) -> int:
    """Answer every line of a batch file, one JSON line each, in order."""
    empty = False
    for ident, question, previous, error in _batch_lines(path):
        if question is not None:
            try:
                answer = desk.ask(question, k=k, previous=_turn(previous))
                desk.record(answer, _local_user())
                body = answer.to_json(id=ident)
                empty = empty or answer.error is not None
            except QuestionError as exc:
                error = str(exc)
        if error is not None:
            body = {"id": ident, "question": question, "error": error}
        print(json.dumps(body, ensure_ascii=False), flush=True)
    return EMPTY_INDEX_EXIT if empty else 0


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


def cmd_status(args: argparse.Namespace, settings: Settings) -> int:
    """Describe the index (size, last run, model, store, corpus folder) and the followed feeds."""
    desk = _open(settings)
    status = desk.status()
    feeds, problem = desk.feeds()
    if args.json:
        body = {**status.to_json(), "feeds": [_feed_json(feed) for feed in feeds],
                "feeds_error": problem}
        print(json.dumps(body, ensure_ascii=False))
    else:
        _print_status(status, feeds, problem, sys.stdout)
    return 0


def _positive(raw: str) -> int:
    """Return a whole number of at least 1, for `--limit`."""
    if not raw.strip().isdigit() or int(raw) < 1:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a whole number of at least 1")
    return int(raw)


def _since(raw: str) -> dt.datetime:
    """Return the start of a `--since` period: "7d", "24h", or a date (UTC)."""
    from index.store.finding import parse_since

    try:
        return parse_since(raw)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    """List the articles matching a query, with their best passage."""
    from index.service import check_question

    check_question(args.query)
    desk = _open(settings)
    _ensure_indexed(desk)
    found = desk.find(args.query, args.since, args.outlet, args.sort)[: args.limit]
    if args.json:
        print(json.dumps([f.to_json() for f in found], ensure_ascii=False))
        return 0
    for n, item in enumerate(found, start=1):
        print(format_found(n, item))
    if not found:
        print("no article matches")
    return 0


def format_found(n: int, item: Found) -> str:
    """Render one search result for a terminal."""
    meta = " · ".join(x for x in (item.outlet, (item.published or "")[:10] or "undated") if x)
    quote = item.passage if len(item.passage) <= 240 else item.passage[:239].rstrip() + "…"
    return f"{n}. {item.title} ({meta})\n   {item.url or item.source}\n   “{quote}”"


def cmd_gaps(args: argparse.Namespace, settings: Settings) -> int:
    """List the declined questions (wordings grouped) and the down-voted answers."""
    from index.gaps import SIMILAR

    declined, downvoted = _open(settings).gaps(args.since)
    if args.json:
        print(json.dumps({"since": args.since.isoformat(timespec="seconds"), "similar": SIMILAR,
                          "declined": [dataclasses.asdict(g) for g in declined],
                          "downvoted": [dataclasses.asdict(v) for v in downvoted]},
                         ensure_ascii=False))
    elif args.csv:
        out = csv.writer(sys.stdout)
        out.writerow(["kind", "question", "count", "last", "answer", "up", "down", "wordings"])
        for g in declined:
            out.writerow(["declined", g.question, g.count, g.last, "", "", "",
                          " | ".join(g.wordings)])
        for v in downvoted:
            out.writerow(["downvoted", v.question, "", v.last, v.answer, v.up, v.down, ""])
    else:
        _print_gaps(declined, downvoted, args.since)
    return 0


def _print_gaps(declined: list[Gap], downvoted: list[Voted], since: dt.datetime) -> None:
    print(f"declined since {since:%Y-%m-%d %H:%M} UTC: {len(declined)} questions")
    for gap in declined:
        also = f"; also asked as: {', '.join(gap.wordings[1:])}" if len(gap.wordings) > 1 else ""
        print(f"  {gap.count}× {gap.question} (last {gap.last}{also})")
    print(f"voted down: {len(downvoted)} answers")
    for voted in downvoted:
        print(f"  {voted.down} down, {voted.up} up: {voted.question} -> {voted.answer!r} "
              f"(last {voted.last})")


def _feed_json(feed: Feed) -> dict[str, Any]:
    """Return what `status --json` tells of a followed feed."""
    return {"url": feed.url, "title": feed.title, "followed_at": feed.followed_at,
            "last_poll": feed.last_poll, "last_error": feed.last_error, "added": feed.added}


def _print_status(status: Status, feeds: list[Feed], problem: str | None, out: TextIO) -> None:
    duration = "n/a" if status.last_index_s is None else f"{status.last_index_s:,.1f} s"
    for name, value in (
        ("articles", f"{status.articles:,}"),
        ("passages", f"{status.passages:,}"),
        ("last index", status.last_indexed_at or "never"),
        ("index duration", duration),
        ("model", status.model),
        ("store", status.store),
        ("corpus folder", status.corpus or "not recorded (run `newsdesk index`)"),
        ("feeds", problem or (f"{len(feeds)} followed" if feeds else
                              "none followed: add one with `newsdesk follow FEED_URL`")),
    ):
        print(f"{name + ':':<16}{value}", file=out)
    for feed in feeds:
        polled = f"polled {feed.last_poll}" if feed.last_poll else "not polled yet"
        failed = f" · failed: {feed.last_error}" if feed.last_error else ""
        print(f"  {feed.title} ({feed.url}) · {polled}{failed}", file=out)
    if not status.passages:
        print("nothing indexed yet: run `newsdesk index`", file=out)


def _print_added(report: AddReport, out: TextIO) -> None:
    for outcome in report.outcomes:
        if outcome.status == "added":
            print(f"added    {outcome.url} -> {outcome.source} ({outcome.title})", file=out)
        elif outcome.status == "present":
            print(f"present  {outcome.url} (already in {outcome.source})", file=out)
        else:
            print(f"refused  {outcome.url}: {outcome.detail}", file=out)
    if report.index is not None:
        _print_report(report.index, out)
    if report.index_error:
        print(f"newsdesk: {report.index_error}", file=sys.stderr)


def cmd_add(args: argparse.Namespace, settings: Settings) -> int:
    """Fetch each URL's article into the corpus, then index; exit 1 if any was refused."""
    report = asyncio.run(_unopened(settings).add_urls(args.urls))
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        _print_added(report, sys.stdout)
    return 0 if report.ok else 1


def cmd_follow(args: argparse.Namespace, settings: Settings) -> int:
    """Validate a feed by reading it once, then add it to the corpus folder's feed list."""
    feed, new = asyncio.run(_unopened(settings).follow(args.feed))
    verb = "now following" if new else "already following"
    print(f"{verb} {feed.title} ({feed.url}); `newsdesk poll` adds its new items")
    return 0


def cmd_poll(args: argparse.Namespace, settings: Settings) -> int:
    """Poll every followed feed once; exit 1 if a feed could not be read."""
    report = asyncio.run(_unopened(settings).poll())
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        _print_poll(report, sys.stdout)
    return 0 if report.ok else 1


def _print_poll(report: PollReport, out: TextIO) -> None:
    if not report.feeds:
        print("no feeds followed: add one with `newsdesk follow FEED_URL`", file=out)
    for feed in report.feeds:
        if feed.error:
            print(f"{feed.title} ({feed.url}): failed: {feed.error}", file=out)
            continue
        added = sum(o.status == "added" for o in feed.outcomes)
        print(f"{feed.title} ({feed.url}): {added} new", file=out)
        for outcome in feed.outcomes:
            if outcome.status == "refused":
                print(f"  refused {outcome.url}: {outcome.detail}", file=out)
    if report.index is not None:
        _print_report(report.index, out)
    if report.index_error:
        print(f"newsdesk: {report.index_error}", file=sys.stderr)


def cmd_export_onnx(args: argparse.Namespace, settings: Settings) -> int:
    """Make the ONNX exports (float32 and int8) of the embedding model and the reader, once."""
    from index.answer.onnx_reading import ensure_export as ensure_reader_export
    from index.answer.reading import DEFAULT_READER
    from index.store.onnx_embedding import ensure_export

    folder, made = ensure_export(settings.embedding_model, settings.onnx_dir, force=args.force)
    print(f"{'exported' if made else 'already exported'}: {folder}")
    folder, made = ensure_reader_export(DEFAULT_READER, settings.onnx_dir, force=args.force)
    print(f"{'exported' if made else 'already exported'}: {folder}")
    return 0


COMMANDS = {
    "index": cmd_index,
    "ask": cmd_ask,
    "sources": cmd_sources,
    "status": cmd_status,
    "gaps": cmd_gaps,
    "add": cmd_add,
    "follow": cmd_follow,
    "search": cmd_search,
    "chat": cmd_chat,
    "poll": cmd_poll,
    "export-onnx": cmd_export_onnx,
}
