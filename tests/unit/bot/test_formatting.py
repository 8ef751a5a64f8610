"""Embeds from typed values stay within Discord's limits and read well."""

from __future__ import annotations

import pytest

from bot.formatting import (
    answer_embed,
    cooldown_text,
    progress_embed,
    report_embed,
    source_pages,
    status_embed,
    trim,
)
from index.models import (
    EMPTY_INDEX,
    Answer,
    Citation,
    IndexReport,
    Progress,
    Side,
    Skipped,
    SourceInfo,
    Status,
)
from tests.fakediscord.limits import message_errors

LONG_SENTENCES = "The council met on Monday. " * 300


def valid(embeds) -> bool:
    """Ask the fake Discord's own validator, so the limits are checked in one place."""
    return message_errors({"embeds": [e.to_dict() for e in embeds]}, creating=True) is None


def citation(n: int, quote: str = "Officials confirmed the order on Tuesday.", **extra) -> Citation:
    base = dict(source=f"{n:03d}.txt", title=f"Article {n}", paragraph=n, quote=quote, score=0.5)
    return Citation(n=n, **(base | extra))


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Short.", 10, "Short."),
        ("One two. Three four. Five six.", 22, "One two. Three four.…"),
        ("Averyveryverylongword and more words", 25, "Averyveryverylongword…"),
        ("abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…"),
    ],
)
def test_trim_prefers_sentence_then_word_boundaries(text, limit, expected):
    assert trim(text, limit) == expected
    assert len(trim(text, limit)) <= limit


def test_answer_embed_puts_answer_quote_then_numbered_citations():
    answer = Answer(
        question="How many buses?",
        answered=True,
        answer="36 buses",
        sentence="Harbourview ordered 36 electric buses.",
        citations=(
            citation(1, "Harbourview ordered 36 electric buses.", url="https://news.example/a/b"),
            citation(2, published="2026-03-12T08:00:00Z"),
        ),
    )
    embed = answer_embed(answer).to_dict()
    assert embed["title"] == "How many buses?"
    assert embed["description"].splitlines() == [
        "**36 buses**",
        "> Harbourview ordered 36 electric buses. [1]",
    ]
    first, second = embed["fields"]
    assert first["name"] == "[1] Article 1"
    assert first["value"] == "[news.example/a/b](https://news.example/a/b) · paragraph 1"
    assert second["value"].splitlines() == [
        "`002.txt` · paragraph 2 · 2026-03-12",
        "> Officials confirmed the order on Tuesday.",
    ]
    assert not first["inline"]


def test_conflicting_sources_are_side_by_side():
    answer = Answer(
        "How many?",
        True,
        "36 or 40",
        conflict=True,
        citations=(citation(1, "It was 36."), citation(2, "It was 40.")),
    )
    embed = answer_embed(answer).to_dict()
    assert "disagree" in embed["description"]
    assert [f["inline"] for f in embed["fields"]] == [True, True]
    assert ["It was 36." in f["value"] for f in embed["fields"]] == [True, False]


@pytest.mark.parametrize(("support", "head"), [
    (0, "**36 buses**"), (1, "**36 buses**"), (3, "**36 buses** · 3 sources agree"),
])
def test_support_of_two_or_more_sources_is_shown_beside_the_answer(support, head):
    answer = Answer("How many buses?", True, "36 buses", "It ordered 36 buses.",
                    citations=(citation(1, "It ordered 36 buses."),), support=support)
    assert answer_embed(answer).description.splitlines() == [head, "> It ordered 36 buses. [1]"]


BUS_SIDES = (
    Side("36 buses", (1, 3), ("2026-01-17", "2026-01-19T08:30:00Z")),
    Side("40 buses", (2,), (None,)),
)


def test_each_side_of_a_conflict_shows_its_value_citations_and_dates():
    answer = Answer(
        "How many buses?", True, "36 or 40 buses", conflict=True, support=2,
        citations=(citation(1, "It was 36."), citation(2, "It was 40."), citation(3, "36.")),
        sides=BUS_SIDES,
    )
    embed = answer_embed(answer)
    assert embed.description.splitlines() == [
        "**36 or 40 buses**",  # no "sources agree" on a conflict
        "The sources disagree:",
        "• **36 buses** [1] [3] (17 Jan 2026, 19 Jan 2026)",
        "• **40 buses** [2]",  # an undated side shows no date
        "Their passages, side by side:",
    ]
    assert [f.name for f in embed.fields] == ["[1] Article 1", "[2] Article 2", "[3] Article 3"]
    assert all(f.inline for f in embed.fields)


def test_sides_under_an_answer_that_says_sources_disagree():
    answer = Answer("Approved?", True, "Sources disagree", conflict=True,
                    citations=(citation(1), citation(2)),
                    sides=(Side("Yes", (1,), ("2026-03-02",)), Side("No *vote* yet", (2,), ())))
    assert answer_embed(answer).description.splitlines() == [
        "**Sources disagree**",
        "• **Yes** [1] (2 Mar 2026)",
        r"• **No \*vote\* yet** [2]",
        "Their passages, side by side:",
    ]


def test_a_revised_figure_shows_the_earlier_value_after_the_answer():
    answer = Answer(
        "How many buses?", True, "40 buses", "The order grew to 40 buses.", support=1,
        citations=(citation(1, "The order grew to 40 buses.", published="2026-02-03"),
                   citation(2, published="2026-01-17")),
        revised_from=Side("36 buses", (2,), ("2026-01-17",)),
    )
    assert answer_embed(answer).description.splitlines() == [
        "**40 buses**",
        "Revised from 36 buses [2] (17 Jan 2026)",
        "> The order grew to 40 buses. [1]",
    ]


def test_many_long_sides_stay_within_discord_limits():
    dates = tuple(f"2026-01-{day:02d}" for day in range(1, 29))
    sides = tuple(
        Side(f"Side {n} " + "very long value " * 80, tuple(range(1, 29)), dates)
        for n in range(1, 26)
    )
    answer = Answer(
        "Q" * 300, True, "A " * 400, conflict=True, support=25, sides=sides,
        citations=tuple(citation(n, LONG_SENTENCES, title="T" * 400) for n in range(1, 29)),
        revised_from=Side("R " * 400, tuple(range(1, 29)), dates),
    )
    embed = answer_embed(answer)
    assert valid([embed])
    lines = embed.description.splitlines()
    shown = [line for line in lines if line.startswith("• **Side ")]
    assert 5 <= len(shown) < 25 and lines[-2] == f"…and {25 - len(shown)} more"
    assert all(line.count("**") == 2 and "…" in line for line in shown)
    assert len(embed.fields) >= 5  # the sides leave room for the passages


def test_not_in_the_coverage_lists_nearest_passages():
    embed = answer_embed(Answer("Who?", False, citations=(citation(1),))).to_dict()
    assert embed["description"].startswith("Not in the coverage")
    assert embed["fields"][0]["name"] == "[1] Article 1"
    empty = answer_embed(Answer("Who?", False)).to_dict()
    assert "nothing indexed matches" in empty["description"] and "fields" not in empty


def test_an_empty_index_says_so_and_how_admins_fill_it():
    error = f"{EMPTY_INDEX} Put articles in the corpus folder /srv/corpus and run `newsdesk index`."
    embed = answer_embed(Answer("Who?", False, error=error)).to_dict()
    assert embed["description"] == (
        "The index is empty: no article has been indexed yet. An admin can add articles with "
        "/add or /follow, or put them in the corpus folder and run /reindex."
    )
    assert "fields" not in embed and "/srv/corpus" not in str(embed)


def test_huge_answer_is_trimmed_into_one_valid_embed():
    long_title = "T" * 400
    answer = Answer(
        question="Q" * 1000,
        answered=True,
        answer="A " * 400,
        sentence=LONG_SENTENCES,
        citations=tuple(
            citation(n, LONG_SENTENCES, title=long_title, url="https://x.example/" + "p" * 600)
            for n in range(1, 13)
        ),
    )
    embed = answer_embed(answer)
    assert valid([embed])
    assert 0 < len(embed.fields) <= 10
    assert (
        embed.description.count("…") >= 1
        and "The council met on Monday. …" not in embed.description
    )


def test_markdown_in_article_text_is_escaped():
    answer = Answer("Q?", True, "*bold*", "A __sentence__.", citations=(citation(1, "x_y*z"),))
    embed = answer_embed(answer).to_dict()
    assert r"\*bold\*" in embed["description"] and r"\_\_sentence\_\_" in embed["description"]
    assert r"x\_y\*z" in embed["fields"][0]["value"]


def test_sources_are_paginated_within_limits():
    sources = [
        SourceInfo(
            f"{n:03d}.md",
            f"Title {n} " + "x" * 240,
            12,
            "2026-01-02",
            "https://e.example/" + "y" * 500,
        )
        for n in range(1, 58)
    ]
    pages = source_pages(sources)
    assert valid(pages[:1]) and all(valid([page]) for page in pages)
    assert sum(len(page.fields) for page in pages) == 57
    assert pages[0].footer.text == f"Page 1 of {len(pages)}"
    assert pages[-1].footer.text == f"Page {len(pages)} of {len(pages)}"
    assert all(page.title == "Indexed articles (57)" for page in pages)


def test_empty_index_says_how_to_fill_it():
    (page,) = source_pages([])
    assert "/reindex" in page.description and page.footer.text == "Page 1 of 1"


def test_status_progress_and_report():
    status = status_embed(Status(2, 24, "model", "store", "2026-11-23T11:00:00+00:00", 1.25))
    assert [f.value for f in status.fields][:2] == ["2", "24"]
    assert status.fields[2].value.startswith("<t:1795431600:f>")
    assert status_embed(Status(0, 0, "m", "s")).fields[2].value == "never"
    progress = progress_embed(Progress("embedding", 3, 10, 40, 120, 2.5)).description
    assert progress.splitlines() == [
        "Stage: embedding",
        "Documents read: 3 of 10",
        "Passages embedded: 40 of 120",
        "Elapsed: 2.5 s",
    ]
    parsing = Progress("parsing", 10, 10, 120, 120, 9.0, 300, 300, 1500, 2400)
    assert progress_embed(parsing).description.splitlines()[3:] == [
        "Words kept: 300 of 300", "Sentences parsed: 1,500 of 2,400", "Elapsed: 9.0 s"]
    skipped = tuple(Skipped(f"bad-{n}.pdf", "unsupported file type .pdf") for n in range(200))
    report = report_embed(IndexReport(added=1, unchanged=2, skipped=skipped, elapsed_s=3.0))
    fields = {f.name: f.value for f in report.fields}
    assert (fields["Added"], fields["Unchanged"], fields["Skipped"]) == ("1", "2", "200")
    assert fields["Skipped documents"].startswith("`bad-0.pdf`: unsupported file type .pdf")
    assert fields["Skipped documents"].endswith("more") and valid([report])
    full = report_embed(IndexReport(added=1, reembedded=2, embedded=9, full=True))
    assert [f.name for f in full.fields] == [
        "Added", "Updated", "Re-embedded", "Removed", "Skipped"
    ]
    assert full.fields[2].value == "2" and full.description.startswith("Full rebuild: ")
    moved = report_embed(IndexReport(removed=4, corpus="/news/b", corpus_changed_from="/news/a"))
    assert {f.name: f.value for f in moved.fields}["Corpus folder changed"] == (
        "corpus folder changed from /news/a to /news/b: 4 articles of /news/a removed")
    assert "Corpus folder changed" not in [f.name for f in full.fields]


def test_cooldown_text_says_when():
    assert cooldown_text(12.2, now=1000.0) == (
        "You're asking quickly: please try again in 13 s (<t:1013:R>)."
    )
