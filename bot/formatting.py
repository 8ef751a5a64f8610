"""Embeds built from newsdesk's typed values, always within Discord's limits.

Pure functions: no network, no bot. Long text is trimmed at sentence boundaries (falling back to
a word boundary) and marked with an ellipsis; article and question text is markdown-escaped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime
from urllib.parse import urlsplit

import discord

from index.corpus.feeds import Feed
from index.corpus.sentences import sentence_spans
from index.models import (
    EMPTY_INDEX,
    Answer,
    Citation,
    IndexReport,
    Progress,
    Side,
    SourceInfo,
    Status,
)
from index.readable import evidence

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
CONTENT_MAX = 2000
TITLE_MAX = 256
AUTHOR_MAX = 256
DESCRIPTION_MAX = 4096
FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
EMBED_TOTAL_MAX = 6000
SIDES_ROOM = 2000  # of the description, for the sides of a conflict
SIDE_LINE_MAX = 300

ELLIPSIS = "…"
ANSWER_COLOUR = discord.Colour.blurple()
CONFLICT_COLOUR = discord.Colour.orange()
MISSING_COLOUR = discord.Colour.light_grey()
ADMIN_COLOUR = discord.Colour.dark_teal()
EMPTY_INDEX_REPLY = (
    f"{EMPTY_INDEX} An admin can add articles with /add or /follow, or put them in the "
    "corpus folder and run /reindex."
)


def trim(text: str, limit: int) -> str:
    """Return `text` cut to at most `limit` characters, at a sentence end when one fits."""
    text = text.strip()
    if len(text) <= limit:
        return text
    room = limit - len(ELLIPSIS)
    end = max((stop for _, stop in sentence_spans(text) if stop <= room), default=0)
    if end == 0:
        end = text.rfind(" ", 0, room + 1)
    if end <= 0:
        end = room
    return text[:end].rstrip() + ELLIPSIS


def escape(text: str) -> str:
    """Escape Discord markdown in text that comes from users or articles."""
    return discord.utils.escape_markdown(text)


def cooldown_text(retry_after: float, now: float) -> str:
    """Tell a user who asks too often when they can ask again."""
    seconds = max(1, math.ceil(retry_after))
    return (
        f"You're asking quickly: please try again in {seconds} s "
        f"(<t:{math.ceil(now + retry_after)}:R>)."
    )


def queued_text(ahead: int) -> str:
    """Tell a user their question waits for its turn, and where the answer will appear."""
    questions = "question" if ahead == 1 else "questions"
    return f"Queued: {ahead:,} {questions} ahead of yours. The answer will appear here."


# -- answers -------------------------------------------------------------------------------


def _where(source: str, url: str | None) -> str:
    """Show an article's source: its URL when known, else its file name."""
    if url:
        parts = urlsplit(url)
        label = trim(f"{parts.netloc}{parts.path}".rstrip("/"), 60)
        return f"[{escape(label)}]({url})" if len(url) <= 512 else escape(label)
    return f"`{trim(source, 200)}`"


def _citation_field(citation: Citation, quote_room: int, shown: str) -> tuple[str, str]:
    """Return a citation's field; the quote is left out when the description shows it."""
    name = trim(f"[{citation.n}] {citation.title or citation.source}", FIELD_NAME_MAX)
    where = f"{_where(citation.source, citation.url)} · paragraph {citation.paragraph}"
    if citation.published:
        where += f" · {citation.published[:10]}"
    quote = " ".join(citation.quote.split())
    if not quote or quote == shown:
        return name, trim(where, FIELD_VALUE_MAX)
    room = min(quote_room, FIELD_VALUE_MAX - len(where) - 3)
    return name, trim(f"{where}\n> {trim(escape(quote), max(room, 40))}", FIELD_VALUE_MAX)


def _add_citations(
    embed: discord.Embed, citations: Sequence[Citation], inline: bool, shown: str = ""
) -> None:
    """Add one field per citation, quotes shortened until all fit in 6,000 characters."""
    base = len(embed)
    fields: list[tuple[str, str]] = []
    for room in (700, 450, 300, 200, 120, 80):
        fields = [_citation_field(citation, room, shown) for citation in citations[:10]]
        if base + sum(len(name) + len(value) for name, value in fields) <= EMBED_TOTAL_MAX:
            break
    while fields and base + sum(len(name) + len(value) for name, value in fields) > EMBED_TOTAL_MAX:
        fields.pop()
    for name, value in fields:
        embed.add_field(name=name, value=value, inline=inline)


def _refs(citations: Sequence[Citation]) -> str:
    return "".join(f"[{c.n}]" for c in citations)


def answer_embed(answer: Answer) -> discord.Embed:
    """Build the reply to a question: short answer, supporting quote, numbered citations."""
    title = trim(answer.question, TITLE_MAX)
    if not answer.answered:
        embed = _not_found_embed(answer, title)
    else:
        colour = CONFLICT_COLOUR if answer.conflict else ANSWER_COLOUR
        embed = discord.Embed(title=title, description="\n".join(_answer_lines(answer)),
                              colour=colour)
        embed.set_footer(text=_footer(answer))
        shown = "" if answer.conflict else " ".join(answer.sentence.split())
        _add_citations(embed, answer.citations, inline=answer.conflict, shown=shown)
    if answer.answered_question:  # a follow-up, as it was read
        embed.set_author(name=trim(f"Answering: {answer.answered_question}", AUTHOR_MAX))
    return embed


def _answer_lines(answer: Answer) -> list[str]:
    """Return the answer and its support, a revision, then the quote or each side's value."""
    head = f"**{trim(escape(answer.answer), 500)}**"
    if not answer.conflict and answer.support >= 2:
        head += f" · {answer.support} sources agree"
    lines = [head]
    if answer.revised_from is not None:
        lines.append(f"Revised from {_valued(answer.revised_from, SIDE_LINE_MAX, bold=False)}")
    if not answer.conflict:
        if answer.sentence:
            lines.append(f"> {trim(escape(answer.sentence), 1200)} {_refs(answer.citations[:1])}")
        return lines
    if "disagree" not in answer.answer.lower():
        lines.append("The sources disagree:" if answer.sides else "The sources disagree.")
    lines += _side_lines(answer.sides)
    lines.append("Their passages, side by side:")
    return lines


def _side_lines(sides: Sequence[Side]) -> list[str]:
    """One line per side of a conflict, shortened (then cut off) to fit in `SIDES_ROOM`."""
    room = max(100, min(SIDE_LINE_MAX, SIDES_ROOM // max(len(sides), 1)))
    lines: list[str] = []
    used = 0
    for number, side in enumerate(sides):
        line = f"• {_valued(side, room, bold=True)}"
        if used + len(line) + 1 > SIDES_ROOM - 40:
            lines.append(f"…and {len(sides) - number:,} more")
            break
        lines.append(line)
        used += len(line) + 1
    return lines


def _valued(item: Side, room: int, bold: bool) -> str:
    """Show a value with its citation numbers and dates: "**36** [1] [3] (17 Jan 2026)"."""
    said = escape(evidence(item.citations, item.published))
    value = trim(escape(item.answer), max(room - len(said) - 5, room // 2))
    if bold and value:
        value = f"**{value}**"
    return f"{value} {trim(said, max(room - len(value) - 1, 40))}".strip()


def _not_found_embed(answer: Answer, title: str) -> discord.Embed:
    if answer.error is not None:  # the index is empty: nothing was searched
        text = EMPTY_INDEX_REPLY
    elif answer.citations:
        text = "Not in the coverage: no indexed article answers this. The nearest passages:"
    else:
        text = "Not in the coverage: nothing indexed matches this question."
    embed = discord.Embed(title=title, description=text, colour=MISSING_COLOUR)
    embed.set_footer(text=_footer(answer))
    _add_citations(embed, answer.citations, inline=False)
    return embed


def _footer(answer: Answer) -> str:
    count = len(answer.citations)
    return f"{count} passage{'s' * (count != 1)} · {answer.elapsed_ms:,.0f} ms · newsdesk"


# -- sources and status --------------------------------------------------------------------


def _source_field(info: SourceInfo) -> tuple[str, str]:
    name = trim(escape(info.title or info.source), FIELD_NAME_MAX)
    date = info.published[:10] if info.published else "undated"
    value = f"{_where(info.source, info.url)} · {date} · {info.passages:,} passages"
    return name, trim(value, FIELD_VALUE_MAX)


def source_pages(sources: Sequence[SourceInfo], per_page: int = 10) -> list[discord.Embed]:
    """Split the indexed articles into embeds that each fit Discord's limits."""
    pages: list[discord.Embed] = []
    page = discord.Embed(title="Indexed articles", colour=ANSWER_COLOUR)
    for info in sources:
        name, value = _source_field(info)
        full = len(page.fields) >= min(per_page, FIELDS_MAX)
        if full or len(page) + len(name) + len(value) > EMBED_TOTAL_MAX - 100:
            pages.append(page)
            page = discord.Embed(title="Indexed articles", colour=ANSWER_COLOUR)
        page.add_field(name=name, value=value, inline=False)
    pages.append(page)
    total = len(sources)
    for number, embed in enumerate(pages, start=1):
        embed.title = f"Indexed articles ({total:,})"
        embed.set_footer(text=f"Page {number} of {len(pages)}")
    if not total:
        pages[0].description = "Nothing is indexed yet: an admin can run /reindex."
    return pages


def _when(iso: str | None) -> str:
    if not iso:
        return "never"
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return escape(iso)
    return f"{discord.utils.format_dt(moment, 'f')} ({discord.utils.format_dt(moment, 'R')})"


def status_embed(
    status: Status, feeds: Sequence[Feed] = (), feeds_error: str | None = None
) -> discord.Embed:
    """Describe the index (size, last run, model, store) and the followed feeds."""
    embed = discord.Embed(title="newsdesk status", colour=ADMIN_COLOUR)
    duration = "n/a" if status.last_index_s is None else f"{status.last_index_s:,.1f} s"
    for name, value in (
        ("Articles", f"{status.articles:,}"),
        ("Passages", f"{status.passages:,}"),
        ("Last index", _when(status.last_indexed_at)),
        ("Index duration", duration),
        ("Model", trim(escape(status.model), FIELD_VALUE_MAX)),
        ("Store", trim(escape(status.store), FIELD_VALUE_MAX)),
    ):
        embed.add_field(name=name, value=value, inline=True)
    value = escape(feeds_error) if feeds_error else _feed_lines(feeds)
    embed.add_field(name=f"Feeds ({len(feeds)})", value=trim(value, FIELD_VALUE_MAX), inline=False)
    return embed


def _feed_lines(feeds: Sequence[Feed]) -> str:
    """One line per followed feed: link, title, last poll, and the last poll's error."""
    if not feeds:
        return "None followed (admins: /follow)."
    lines: list[str] = []
    for number, feed in enumerate(feeds):
        line = f"{_where(feed.url, feed.url)} {escape(trim(feed.title, 80))}"
        line += f" · polled {_when(feed.last_poll)}" if feed.last_poll else " · not polled yet"
        if feed.last_error:
            line += f" · ⚠ {escape(trim(feed.last_error, 150))}"
        if sum(len(x) + 1 for x in lines) + len(line) > FIELD_VALUE_MAX - 40:
            lines.append(f"…and {len(feeds) - number:,} more")
            break
        lines.append(line)
    return "\n".join(lines)


def unavailable_status_embed(store: str) -> discord.Embed:
    """Describe an index whose store cannot be reached right now."""
    return discord.Embed(
        title="newsdesk status",
        description=(
            f"**The index is unavailable**: its store ({escape(trim(store, 500))}) cannot be "
            "reached. Questions get a short notice until it is back; newsdesk reconnects on "
            "the next request."
        ),
        colour=MISSING_COLOUR,
    )


# -- reindex -------------------------------------------------------------------------------


def progress_embed(progress: Progress) -> discord.Embed:
    """Show a running index job."""
    docs = f"{progress.documents_read:,}"
    if progress.documents_total:
        docs += f" of {progress.documents_total:,}"
    passages = f"{progress.passages_embedded:,}"
    if progress.passages_total:
        passages += f" of {progress.passages_total:,}"
    lines = [
        f"Stage: {progress.stage}",
        f"Documents read: {docs}",
        f"Passages embedded: {passages}",
    ]
    if progress.words_total:
        lines.append(f"Words kept: {progress.words_embedded:,} of {progress.words_total:,}")
    if progress.sentences_total:
        lines.append(f"Sentences parsed: {progress.sentences_parsed:,} of "
                     f"{progress.sentences_total:,}")
    lines.append(f"Elapsed: {progress.elapsed_s:,.1f} s")
    return discord.Embed(title="Reindexing…", description="\n".join(lines), colour=ADMIN_COLOUR)


def report_embed(report: IndexReport) -> discord.Embed:
    """Summarise a finished index job, listing skipped documents with their reasons."""
    embed = discord.Embed(
        title="Reindex finished",
        description=(
            f"{'Full rebuild: ' if report.full else ''}"
            f"{report.articles:,} articles, {report.passages:,} passages in the index; "
            f"{report.embedded:,} passages embedded in {report.elapsed_s:,.1f} s."
        ),
        colour=ADMIN_COLOUR,
    )
    kept = ("Re-embedded", report.reembedded) if report.full else ("Unchanged", report.unchanged)
    for name, count in (
        ("Added", report.added),
        ("Updated", report.updated),
        kept,
        ("Removed", report.removed),
        ("Skipped", len(report.skipped)),
    ):
        embed.add_field(name=name, value=f"{count:,}", inline=True)
    note = report.corpus_note()
    if note is not None:  # the store now holds another folder's articles
        embed.add_field(name="Corpus folder changed", value=trim(escape(note), FIELD_VALUE_MAX),
                        inline=False)
    if report.skipped:
        embed.add_field(name="Skipped documents", value=_skipped_lines(report), inline=False)
    return embed


def _skipped_lines(report: IndexReport) -> str:
    lines: list[str] = []
    used = 0
    for number, item in enumerate(report.skipped):
        line = trim(f"`{trim(item.source, 120)}`: {escape(item.reason)}", 300)
        rest = len(report.skipped) - number
        if used + len(line) + 1 > FIELD_VALUE_MAX - 40:
            lines.append(f"…and {rest:,} more")
            break
        lines.append(line)
        used += len(line) + 1
    return "\n".join(lines)
