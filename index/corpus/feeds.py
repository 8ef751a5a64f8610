"""Followed feeds: the list in the corpus folder, following a feed, and polling them all.

The list lives in the corpus folder as `.newsdesk-feeds.json` (hidden, so ingestion ignores
it): each feed's URL and title, when it was followed and last polled, its last error, and the
item links already handled. A poll fetches every feed (with the same safe fetcher as articles),
adds new items as `index.corpus.adding` adds URLs, records an error per feed without stopping
the others, and indexes once at the end.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import json
import os
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import feedparser

from index.corpus.adding import Outcome, index_saved, known_urls, normalise_url, save_article
from index.corpus.fetching import FEED_TYPES, Fetcher, Page, parse_url
from index.errors import IngestError, NewsdeskError
from index.models import IndexReport

FEEDS_FILE = ".newsdesk-feeds.json"
MAX_NEW_PER_POLL = 20  # per feed; the rest wait for the next poll
MAX_SEEN = 2000  # item links remembered per feed
_file_lock = threading.Lock()


@dataclass(frozen=True)
class Feed:
    """One followed feed and what its polls found."""

    url: str
    title: str = ""
    followed_at: str = ""
    last_poll: str | None = None  # ISO 8601, UTC
    last_error: str | None = None  # the last poll's error, None when it succeeded
    added: int = 0  # articles added from this feed so far
    seen: tuple[str, ...] = field(default=(), repr=False)  # normalised item links handled


@dataclass(frozen=True)
class FeedPoll:
    """What one poll did for one feed."""

    url: str
    title: str
    outcomes: tuple[Outcome, ...] = ()
    error: str | None = None  # the feed itself could not be fetched or read

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready summary."""
        return {
            "url": self.url,
            "title": self.title,
            "error": self.error,
            "items": [outcome.to_json() for outcome in self.outcomes],
        }


@dataclass(frozen=True)
class PollReport:
    """What one poll of every feed did."""

    feeds: tuple[FeedPoll, ...]
    index: IndexReport | None = None
    index_error: str | None = None

    @property
    def ok(self) -> bool:
        """Return True when every feed was read and whatever was added is indexed."""
        return self.index_error is None and all(feed.error is None for feed in self.feeds)

    @property
    def added(self) -> int:
        """Return how many articles the poll added."""
        return sum(o.status == "added" for f in self.feeds for o in f.outcomes)

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready summary."""
        return {
            "feeds": [feed.to_json() for feed in self.feeds],
            "added": self.added,
            "index": None if self.index is None else self.index.to_json(),
            "index_error": self.index_error,
        }


@dataclass(frozen=True)
class Parsed:
    """A feed's title and its item links, in feed order."""

    title: str
    links: tuple[str, ...]


def load_feeds(corpus_dir: Path) -> list[Feed]:
    """Return the followed feeds ([] when none are).

    Raises:
        IngestError: the feeds file exists but cannot be read.

    """
    path = corpus_dir / FEEDS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [_feed(entry) for entry in data["feeds"]]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise IngestError(f"the feed list {path} cannot be read: {error}") from None


def read_feeds(corpus_dir: Path) -> tuple[list[Feed], str | None]:
    """Return the followed feeds, or [] and why the list cannot be read (for status lines)."""
    try:
        return load_feeds(corpus_dir), None
    except IngestError as error:
        return [], str(error)


def _feed(entry: dict[str, Any]) -> Feed:
    return Feed(**{**entry, "seen": tuple(entry.get("seen", ()))})


def save_feeds(corpus_dir: Path, feeds: list[Feed]) -> None:
    """Write the feed list atomically."""
    path = corpus_dir / FEEDS_FILE
    temporary = path.with_name(f"{FEEDS_FILE}.{os.getpid()}.{threading.get_ident()}.tmp")
    body = {"version": 1, "feeds": [{**asdict(f), "seen": list(f.seen)} for f in feeds]}
    temporary.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def _update(corpus_dir: Path, change: Callable[[list[Feed]], list[Feed]]) -> list[Feed]:
    """Apply `change` to the current list on disk and save the result (read-modify-write)."""
    with _file_lock:
        feeds = change(load_feeds(corpus_dir))
        save_feeds(corpus_dir, feeds)
        return feeds


def parse_feed(page: Page) -> Parsed:
    """Return a fetched feed's title and item links.

    Raises:
        IngestError: the document is not an RSS or Atom feed.

    """
    headers = {"content-location": page.url, "content-type": page.content_type}
    parsed = feedparser.parse(io.BytesIO(page.body), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({str(problem).splitlines()[0][:200]})" if problem else ""
        raise IngestError(f"not an RSS or Atom feed{detail}")
    links: dict[str, str] = {}  # normalised -> as given, in feed order
    for entry in parsed.entries:
        link = str(entry.get("link") or "").strip()
        if not link.startswith(("http://", "https://")):
            continue
        try:
            links.setdefault(normalise_url(link), link)
        except ValueError:
            continue  # not a usable URL: skip the item
    title = " ".join(str(parsed.feed.get("title") or "").split())
    return Parsed(title or page.url, tuple(links.values()))


async def follow(fetcher: Fetcher, url: str, corpus_dir: Path) -> tuple[Feed, bool]:
    """Follow the feed at `url` after fetching and reading it once; return (feed, is_new).

    Raises:
        IngestError: the URL is refused, cannot be fetched, or is not a feed.

    """
    url = url.strip()
    parse_url(url)
    key = normalise_url(url)
    for feed in await asyncio.to_thread(load_feeds, corpus_dir):
        if normalise_url(feed.url) == key:
            return feed, False
    parsed = await asyncio.to_thread(parse_feed, await fetcher.fetch(url, accept=FEED_TYPES))
    new = Feed(url=url, title=parsed.title, followed_at=_now())

    def add(feeds: list[Feed]) -> list[Feed]:
        if any(normalise_url(f.url) == key for f in feeds):
            return feeds
        return [*feeds, new]

    await asyncio.to_thread(_update, corpus_dir, add)
    return new, True


async def poll(fetcher: Fetcher, corpus_dir: Path, index: Callable[[], IndexReport]) -> PollReport:
    """Fetch every followed feed, add its new items, then run `index` once if any was added.

    Args:
        fetcher: fetches feeds and articles within its limits and address policy.
        corpus_dir: the corpus folder (holds the feed list).
        index: brings the index in line with the corpus (blocking; run in a thread).

    """
    feeds = await asyncio.to_thread(load_feeds, corpus_dir)
    known = await asyncio.to_thread(known_urls, corpus_dir)
    results: list[FeedPoll] = []
    updated: dict[str, Feed] = {}
    for feed in feeds:
        result, after = await _poll_one(fetcher, feed, corpus_dir, known)
        results.append(result)
        updated[feed.url] = after

    def merge(current: list[Feed]) -> list[Feed]:
        return [updated.get(f.url, f) for f in current]  # feeds followed meanwhile are kept

    if updated:
        await asyncio.to_thread(_update, corpus_dir, merge)
    report = PollReport(tuple(results))
    if report.added:
        index_report, error = await index_saved(index)
        report = replace(report, index=index_report, index_error=error)
    return report


async def _poll_one(
    fetcher: Fetcher, feed: Feed, corpus_dir: Path, known: dict[str, str]
) -> tuple[FeedPoll, Feed]:
    """Poll one feed; return what it did and the feed's new state. Never raises IngestError."""
    try:
        page = await fetcher.fetch(feed.url, accept=FEED_TYPES)
        parsed = await asyncio.to_thread(parse_feed, page)
    except NewsdeskError as error:
        failed = replace(feed, last_poll=_now(), last_error=str(error))
        return FeedPoll(feed.url, feed.title, error=str(error)), failed
    seen = set(feed.seen)
    new = [link for link in parsed.links if normalise_url(link) not in seen]
    outcomes = []
    for link in new[:MAX_NEW_PER_POLL]:
        outcome = await save_article(fetcher, link, corpus_dir, known)
        outcomes.append(outcome)
        if not outcome.transient:  # a time-out or server error is tried again next poll
            seen.add(normalise_url(link))
    handled = [normalise_url(link) for link in parsed.links if normalise_url(link) in seen]
    kept = tuple(dict.fromkeys([*handled, *feed.seen]))[:MAX_SEEN]
    after = replace(
        feed,
        title=parsed.title,
        last_poll=_now(),
        last_error=None,
        added=feed.added + sum(o.status == "added" for o in outcomes),
        seen=kept,
    )
    return FeedPoll(feed.url, parsed.title, tuple(outcomes)), after


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
