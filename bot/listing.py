"""Search results as embeds: a few articles a page, each with its best passage."""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.formatting import ANSWER_COLOUR, MISSING_COLOUR, TITLE_MAX, escape, trim
from index.search import Found

PER_PAGE = 5
PASSAGE_MAX = 300  # characters of each article's best passage
TITLE_SHOWN_MAX = 200


def found_pages(query: str, found: Sequence[Found], sort: str = "relevance",
                per_page: int = PER_PAGE) -> list[discord.Embed]:
    """Return the pages of a search's results (one page saying so when nothing matched)."""
    title = trim(f"Search: {query}", TITLE_MAX)
    if not found:
        return [discord.Embed(title=title, colour=MISSING_COLOUR,
                              description="No article matches. Try other words, or a longer "
                                          "period.")]
    chunks = [found[i : i + per_page] for i in range(0, len(found), per_page)]
    order = "newest first" if sort == "newest" else "best match first"
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        start = (number - 1) * per_page + 1
        lines = [_entry(n, item) for n, item in enumerate(chunk, start=start)]
        embed = discord.Embed(title=title, colour=ANSWER_COLOUR, description="\n\n".join(lines))
        embed.set_footer(text=f"{len(found)} articles, {order} · page {number} of {len(chunks)}")
        pages.append(embed)
    return pages


def _entry(n: int, item: Found) -> str:
    """Return one article: its title (linked when it has a link), outlet, date, passage."""
    name = escape(trim(item.title, TITLE_SHOWN_MAX))
    heading = f"**{n}. [{name}](<{item.url}>)**" if item.url else f"**{n}. {name}**"
    where = escape(item.outlet) if item.outlet else None
    when = (item.published or "")[:10] or "undated"
    meta = " · ".join(x for x in (where, when) if x)
    file = "" if item.url else f" · `{item.source}`"
    return f"{heading}\n{meta}{file}\n> {escape(trim(item.passage, PASSAGE_MAX))}"
