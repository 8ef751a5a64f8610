"""Lists as embeds: search results (a few articles a page), and what the coverage lacks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import discord

from bot.formatting import (
    ADMIN_COLOUR,
    ANSWER_COLOUR,
    FIELD_VALUE_MAX,
    MISSING_COLOUR,
    TITLE_MAX,
    escape,
    trim,
)
from index.feedback import Voted
from index.gaps import SIMILAR, Gap
from index.store.finding import Found

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


GAPS_SHOWN = 10  # questions of each list shown
QUESTION_SHOWN_MAX = 150


def gaps_embed(declined: Sequence[Gap], downvoted: Sequence[Voted], days: int) -> discord.Embed:
    """Return what the coverage lacks: the most asked declined questions, the down-voted."""
    embed = discord.Embed(title=f"What the coverage lacks (last {days} days)",
                          colour=ADMIN_COLOUR)
    lines = [_gap_line(g) for g in declined[:GAPS_SHOWN]]
    more = len(declined) - GAPS_SHOWN
    if more > 0:
        lines.append(f"… and {more} more: `newsdesk gaps --since {days}d` lists them all")
    embed.add_field(name=f"Declined ({len(declined)})",
                    value=trim("\n".join(lines) or "None: every question was answered.",
                               FIELD_VALUE_MAX), inline=False)
    voted = [_voted_line(v) for v in downvoted[:GAPS_SHOWN]]
    embed.add_field(name=f"Voted down ({len(downvoted)})",
                    value=trim("\n".join(voted) or "None.", FIELD_VALUE_MAX), inline=False)
    embed.set_footer(text=f"Wordings at cosine {SIMILAR} or nearer count as one question")
    return embed


def _gap_line(gap: Gap) -> str:
    also = f" (+{len(gap.wordings) - 1} wordings)" if len(gap.wordings) > 1 else ""
    question = escape(trim(gap.question, QUESTION_SHOWN_MAX))
    return f"**{gap.count}×** {question}{also} · {_ago(gap.last)}"


def _voted_line(voted: Voted) -> str:
    question = escape(trim(voted.question, QUESTION_SHOWN_MAX))
    answer = escape(trim(voted.answer or "(declined)", 80))
    return f"**{voted.down}👎 {voted.up}👍** {question} → {answer} · {_ago(voted.last)}"


def _ago(iso: str) -> str:
    """Return a Discord relative timestamp for an ISO 8601 moment (the text if unreadable)."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return escape(iso)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return discord.utils.format_dt(moment, "R")
