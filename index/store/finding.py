"""Find articles: the passages a query retrieves, grouped by article, filtered and sorted.

`newsdesk search` and `/search` list the articles that match a query ("what have we run on
the tariff since Monday?"): each with its title, outlet, published date, link or file, and
its best matching passage. An article matches when one of its passages shares a word with
the query (BM25) or is near it in meaning (dense cosine at least `MIN_DENSE`); hybrid
retrieval ranks them. `since` keeps the articles published from then on (undated ones are
left out), `outlet` those whose outlet or web address names it, and `sort="newest"` orders
them by date instead of relevance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from index.corpus.dates import parse_anchor
from index.models import Hit

SORTS = ("relevance", "newest")
MIN_DENSE = 0.45  # a passage sharing no word with the query must be this near in meaning
PASSAGES = 300  # how many passages are retrieved for one search, before grouping


@dataclass(frozen=True)
class Found:
    """One article a search found, with the passage that matched best."""

    source: str
    title: str
    outlet: str | None
    published: str | None
    url: str | None
    paragraph: int  # of the best passage
    passage: str
    score: float  # fused rank score of the best passage

    def to_json(self) -> dict[str, Any]:
        """Return the article as `newsdesk search --json` prints it."""
        return {"source": self.source, "title": self.title, "outlet": self.outlet,
                "published": self.published, "url": self.url, "paragraph": self.paragraph,
                "passage": self.passage, "score": round(self.score, 4)}


def parse_since(raw: str, now: dt.datetime | None = None) -> dt.datetime:
    """Return the start of a period: "7d", "24h", or a date or date-time (UTC).

    Raises:
        ValueError: `raw` is none of these, with a message saying what is accepted.

    """
    now = now or dt.datetime.now(dt.UTC)
    text = raw.strip().lower()
    if text[-1:] in ("d", "h") and text[:-1].isdigit():
        return now - dt.timedelta(**{"days" if text[-1] == "d" else "hours": int(text[:-1])})
    try:
        moment = dt.datetime.fromisoformat(raw.strip())
    except ValueError:
        raise ValueError(f"{raw!r} is no period: use 7d, 24h or a date YYYY-MM-DD") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def outlet_of(outlet: str | None, url: str | None) -> str | None:
    """Return an article's outlet: as given, else its web address's host."""
    if outlet:
        return outlet
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def find_articles(hits: Iterable[Hit], since: dt.datetime | None = None,
                  outlet: str | None = None, sort: str = "relevance") -> list[Found]:
    """Return the matching articles of `hits` (best first), one entry per article."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; valid: {', '.join(SORTS)}")
    found: dict[str, Found] = {}
    for hit in hits:
        passage = hit.passage
        if passage.source in found or not _matches(hit):
            continue
        name = outlet_of(passage.outlet, passage.url)
        if outlet and not _names(outlet, name, passage.url):
            continue
        if since is not None and not _published_since(passage.published, since):
            continue
        found[passage.source] = Found(passage.source, passage.title, name, passage.published,
                                      passage.url, passage.paragraph, passage.text, hit.score)
    articles = sorted(found.values(), key=lambda f: -f.score)
    if sort == "newest":
        articles.sort(key=lambda f: _moment(f.published) or dt.datetime.min.replace(
            tzinfo=dt.UTC), reverse=True)
    return articles


def _matches(hit: Hit) -> bool:
    """Return True when a passage shares a word with the query or is near it in meaning."""
    return hit.lexical is not None or (hit.dense is not None and hit.dense >= MIN_DENSE)


def _names(wanted: str, outlet: str | None, url: str | None) -> bool:
    """Return True when the outlet's name or web address holds `wanted` (any case)."""
    needle = " ".join(wanted.lower().split())
    host = (urlsplit(url).hostname or "") if url else ""
    return needle in (outlet or "").lower() or needle in host.lower()


def _moment(published: str | None) -> dt.datetime | None:
    """Return when an article was published, in UTC, or None if undated or unreadable."""
    anchor = parse_anchor(published)
    if anchor is None:
        return None
    moment = anchor.moment
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _published_since(published: str | None, since: dt.datetime) -> bool:
    """Return True when the article was published at or after `since`."""
    moment = _moment(published)
    return moment is not None and moment >= since
