"""Add articles by URL: fetch, extract with trafilatura, save as a corpus `.md` file, index.

A saved article is an ordinary corpus file under `web/` in the corpus folder: YAML front
matter (`title`, `url`, `published`, `outlet`, `author`, `fetched_url`, `fetched_at`) and one
markdown paragraph per paragraph of the article. A rebuild reproduces it and a person can read
or delete it. The file name comes from the URL, and the front matter of every `.md` file is
checked for the same URL (as requested, as finally fetched, or the page's canonical URL), so an
article is never saved twice.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import trafilatura
import yaml
from yarl import URL

from index.corpus.fetching import Fetcher, FetchError, Page, parse_url
from index.corpus.files import _html_paragraphs, decode_text, load_file
from index.errors import IndexBusyError, IngestError, NewsdeskError
from index.models import IndexReport

log = logging.getLogger(__name__)

WEB_FOLDER = "web"
INDEX_WAIT_S = 120.0  # how long to wait for a running reindex before leaving it to the next
FRONT_MATTER_BYTES = 16 * 1024
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid)$", re.IGNORECASE)
_INLINE_MARKUP = re.compile(r"([\\`*_\[\]<>~]|&(?=#?\w+;))")
_NUMBERED = re.compile(r"\d+(?=[.)])")
_BLOCK_MARKERS = frozenset("#>+=-")
_save_lock = threading.Lock()

Status = Literal["added", "present", "refused"]


@dataclass(frozen=True)
class Outcome:
    """What adding one URL did."""

    url: str
    status: Status
    detail: str = ""  # why it was refused
    source: str | None = None  # the corpus file that holds the article
    title: str | None = None
    transient: bool = False  # refused for a reason that may pass (time-out, server error)

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready summary."""
        return {
            "url": self.url,
            "status": self.status,
            "detail": self.detail,
            "source": self.source,
            "title": self.title,
        }


@dataclass(frozen=True)
class AddReport:
    """What adding a list of URLs did, and the index run that followed."""

    outcomes: tuple[Outcome, ...]
    index: IndexReport | None = None  # None when nothing new was saved
    index_error: str | None = None  # why the saved articles are not indexed yet

    @property
    def ok(self) -> bool:
        """Return True when every URL is in the corpus and indexed."""
        return self.index_error is None and all(o.status != "refused" for o in self.outcomes)

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready summary."""
        return {
            "outcomes": [outcome.to_json() for outcome in self.outcomes],
            "index": None if self.index is None else self.index.to_json(),
            "index_error": self.index_error,
        }


@dataclass(frozen=True)
class Clipping:
    """An article extracted from a web page, ready to be saved."""

    title: str | None
    paragraphs: tuple[str, ...]
    url: str | None = None  # the page's canonical URL, when it names one
    published: str | None = None
    outlet: str | None = None
    author: str | None = None


def normalise_url(url: str) -> str:
    """Return the form two URLs of the same page share: no fragment, tracking or default port."""
    parsed = URL(url.strip())
    query = [(k, v) for k, v in parsed.query.items() if not _TRACKING.match(k)]
    parsed = parsed.with_fragment(None).with_query(query)
    port = "" if parsed.is_default_port() else f":{parsed.port}"
    host = (parsed.raw_host or "").lower()
    if ":" in host:
        host = f"[{host}]"
    query_text = f"?{parsed.raw_query_string}" if parsed.raw_query_string else ""
    return f"{parsed.scheme.lower()}://{host}{port}{parsed.raw_path or '/'}{query_text}"


def article_path(corpus_dir: Path, url: str) -> Path:
    """Return the file an article fetched from `url` is saved as (stable for the URL)."""
    key = normalise_url(url)
    parsed = URL(key)
    words = [parsed.raw_host or "", *[p for p in parsed.raw_path.split("/") if p][-2:]]
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-")[:60].strip("-")
    digest = hashlib.sha256(key.encode()).hexdigest()[:10]
    return corpus_dir / WEB_FOLDER / f"{slug or 'article'}-{digest}.md"


def known_urls(corpus_dir: Path) -> dict[str, str]:
    """Map each URL named in a corpus `.md` file's front matter to that file's source."""
    known: dict[str, str] = {}
    if not corpus_dir.is_dir():
        return known
    for path in sorted(corpus_dir.rglob("*.md")):
        source = path.relative_to(corpus_dir).as_posix()
        if any(part.startswith(".") for part in source.split("/")):
            continue
        for url in _front_matter_urls(path):
            known.setdefault(url, source)
    return known


def _front_matter_urls(path: Path) -> list[str]:
    """Return the normalised `url` and `fetched_url` of a markdown file's front matter."""
    try:
        with path.open("rb") as handle:
            head = handle.read(FRONT_MATTER_BYTES).decode("utf-8", errors="replace")
        _, block, _ = head.split("---\n", 2) if head.startswith("---\n") else ("", "", "")
        meta = yaml.safe_load(block) if block else None
    except (OSError, ValueError, yaml.YAMLError):
        return []
    if not isinstance(meta, dict):
        return []
    urls = [meta.get("url"), meta.get("fetched_url")]
    found = []
    for url in urls:
        if isinstance(url, str) and url.strip():
            try:
                found.append(normalise_url(url))
            except ValueError:
                continue
    return found


def extract(page: Page) -> Clipping:
    """Extract the article of a fetched HTML page.

    Raises:
        IngestError: the page holds no article text.

    """
    html = _decoded(page)
    document = trafilatura.bare_extraction(
        html, url=page.url, with_metadata=True, favor_precision=True, include_comments=False
    )
    if document is None or document.body is None:
        raise IngestError("no article text found on the page")
    texts = (" ".join(text.split()) for text in _html_paragraphs(document.body))
    paragraphs = tuple(text for text in texts if text)
    if not paragraphs:
        raise IngestError("no article text found on the page")
    return Clipping(
        title=document.title,
        paragraphs=paragraphs,
        url=document.url,
        published=document.date,
        outlet=document.sitename or document.hostname,
        author=document.author,
    )


def _decoded(page: Page) -> str:
    if page.charset:
        try:
            return page.body.decode(page.charset, errors="replace")
        except LookupError:
            pass  # an unknown charset name: detect instead
    return decode_text(page.body)


def escape_markdown(text: str) -> str:
    """Escape what markdown would read as markup, so the text reads back unchanged."""
    text = _INLINE_MARKUP.sub(r"\\\1", " ".join(text.split()))
    numbered = _NUMBERED.match(text)
    if numbered:  # "1. " or "2) " would start a list
        return f"{text[: numbered.end()]}\\{text[numbered.end() :]}"
    if text[:1] in _BLOCK_MARKERS:  # a heading, quote, list item or rule
        return "\\" + text
    return text


def render(clipping: Clipping, fetched_url: str, fetched_at: str) -> str:
    """Return the markdown file for a clipping: front matter, title heading, paragraphs."""
    meta = {
        "title": clipping.title,
        "url": clipping.url or fetched_url,
        "published": clipping.published,
        "outlet": clipping.outlet,
        "author": clipping.author,
        "fetched_url": fetched_url,
        "fetched_at": fetched_at,
    }
    front = yaml.safe_dump(
        {k: v for k, v in meta.items() if v}, sort_keys=False, allow_unicode=True, width=10_000
    )
    parts = [f"---\n{front}---\n"]
    if clipping.title:
        parts.append(f"# {escape_markdown(clipping.title)}\n")
    parts.extend(f"{escape_markdown(paragraph)}\n" for paragraph in clipping.paragraphs)
    return "\n".join(parts)


def save(corpus_dir: Path, target: Path, text: str) -> str | None:
    """Write `text` to `target` if it reads back as an article; None if `target` exists.

    Raises:
        IngestError: the file would not read back as an article (the reason says why).

    """
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.stem}.{os.getpid()}.{threading.get_ident()}.tmp.md")
    try:
        temporary.write_text(text, encoding="utf-8")
        articles, skipped = load_file(temporary, corpus_dir)
        if not articles:
            raise IngestError(skipped[0].reason if skipped else "no article text found")
        with _save_lock:
            if target.exists():
                return None
            os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return target.relative_to(corpus_dir).as_posix()


async def save_article(
    fetcher: Fetcher, url: str, corpus_dir: Path, known: dict[str, str]
) -> Outcome:
    """Fetch `url` and save its article into the corpus, unless it is there already.

    `known` (from `known_urls`) is updated with the URLs of a newly saved article.
    """
    url = url.strip()
    try:
        parse_url(url)
        target = article_path(corpus_dir, url)
        present = _present(url, [url], corpus_dir, target, known)
        if present:
            return present
        page = await fetcher.fetch(url)
        clipping = await asyncio.to_thread(extract, page)
        present = _present(url, [page.url, clipping.url], corpus_dir, target, known)
        if present:
            return present
        fetched_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        text = render(clipping, url, fetched_at)
        source = await asyncio.to_thread(save, corpus_dir, target, text)
    except IngestError as error:
        transient = isinstance(error, FetchError) and error.transient
        return Outcome(url, "refused", str(error), transient=transient)
    if source is None:  # saved meanwhile by a concurrent add of the same URL
        return Outcome(url, "present", source=target.relative_to(corpus_dir).as_posix())
    for seen in (url, page.url, clipping.url):
        if seen:
            known.setdefault(normalise_url(seen), source)
    return Outcome(url, "added", source=source, title=clipping.title)


def _present(
    url: str, aliases: Iterable[str | None], corpus_dir: Path, target: Path, known: dict[str, str]
) -> Outcome | None:
    """Return a "present" outcome when the article is in the corpus already."""
    if target.exists():
        return Outcome(url, "present", source=target.relative_to(corpus_dir).as_posix())
    for alias in aliases:
        source = known.get(normalise_url(alias)) if alias else None
        if source is not None:
            return Outcome(url, "present", source=source)
    return None


async def add_urls(
    fetcher: Fetcher,
    urls: Iterable[str],
    corpus_dir: Path,
    index: Callable[[], IndexReport],
) -> AddReport:
    """Save the article of each URL into the corpus, then run `index` once if any is new.

    Args:
        fetcher: fetches within its limits and address policy.
        urls: the article URLs, in order; each gets one `Outcome`.
        corpus_dir: the corpus folder.
        index: brings the index in line with the corpus (blocking; run in a thread).

    """
    known = await asyncio.to_thread(known_urls, corpus_dir)
    outcomes = tuple([await save_article(fetcher, url, corpus_dir, known) for url in urls])
    if not any(outcome.status == "added" for outcome in outcomes):
        return AddReport(outcomes)
    report, error = await index_saved(index)
    return AddReport(outcomes, report, error)


async def index_saved(
    index: Callable[[], IndexReport], wait_s: float = INDEX_WAIT_S
) -> tuple[IndexReport | None, str | None]:
    """Run `index` in a thread, waiting for a running reindex; return (report, error)."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            return await asyncio.to_thread(index), None
        except IndexBusyError:
            if time.monotonic() >= deadline:
                return None, (
                    "the index is busy: the articles are saved and the next reindex adds them"
                )
            await asyncio.sleep(1.0)
        except NewsdeskError as error:
            log.warning("indexing the added articles failed: %s", error)
            return None, f"saved, but not indexed yet: {error}"
