"""Relative date expressions resolved against a published date (Saturday 17 January 2026)."""

import pytest

from index.corpus.dates import date_answer, parse_anchor, resolve_relative_dates
from index.models import Answer, Citation

SATURDAY = "2026-01-17"

TABLE = [
    # weekdays: the most recent one (the published day counts), unless the clause looks ahead
    ("The board voted on Friday.", "The board voted on Friday (16 January 2026)."),
    ("The board met on Saturday.", "The board met on Saturday (17 January 2026)."),
    ("It opened on Monday morning.", "It opened on Monday morning (12 January 2026)."),
    ("The board will meet on Monday.", "The board will meet on Monday (19 January 2026)."),
    ("Talks are due to resume on Friday.", "Talks are due to resume on Friday (23 January 2026)."),
    ("The strike ends at 7am on Monday.", "The strike ends at 7am on Monday (19 January 2026)."),
    ("The rule takes effect on Friday.", "The rule takes effect on Friday (23 January 2026)."),
    ("The strike ended on Monday.", "The strike ended on Monday (12 January 2026)."),
    ("They spoke last Friday.", "They spoke last Friday (16 January 2026)."),
    ("They speak next Friday.", "They speak next Friday (23 January 2026)."),
    ("They speak this Tuesday.", "They speak this Tuesday (20 January 2026)."),
    ("Friday's vote was close.", "Friday's (16 January 2026) vote was close."),
    # days
    ("He said yesterday that", "He said yesterday (16 January 2026) that"),
    ("the day before yesterday", "the day before yesterday (15 January 2026)"),
    ("Today the mayor", "Today (17 January 2026) the mayor"),
    ("due tomorrow", "due tomorrow (18 January 2026)"),
    ("Fire broke out last night.", "Fire broke out last night (16 January 2026)."),
    ("three days ago", "three days ago (14 January 2026)"),
    ("in 2 days", "in 2 days (19 January 2026)"),
    # hours: the published day has no time, so the day is given as a range
    ("Published 23 hours ago", "Published 23 hours ago (16–17 January 2026)"),
    ("40 minutes ago", "40 minutes ago (16–17 January 2026)"),
    # weeks, weekends, months, years
    ("last week", "last week (week of 5 January 2026)"),
    ("earlier this week", "earlier this week (week of 12 January 2026)"),
    ("next week", "next week (week of 19 January 2026)"),
    ("a week ago", "a week ago (week of 5 January 2026)"),
    ("last weekend", "last weekend (10–11 January 2026)"),
    ("this weekend", "this weekend (17–18 January 2026)"),
    ("last month", "last month (December 2025)"),
    ("next month", "next month (February 2026)"),
    ("two months ago", "two months ago (November 2025)"),
    ("last October", "last October (October 2025)"),
    ("next October", "next October (October 2026)"),
    ("this March", "this March (March 2026)"),
    ("last January", "last January (January 2025)"),
    ("this year's budget", "this year's (2026) budget"),
    ("Last year", "Last year (2025)"),
    ("next year", "next year (2027)"),
    ("in a year", "in a year (2027)"),
    # left alone: not relative, recurring, already dated, not a date at all
    ("every Friday until March", "every Friday until March"),
    ("Good Friday services", "Good Friday services"),
    ("Fridays are quiet", "Fridays are quiet"),
    ("on Friday, 16 January", "on Friday, 16 January"),
    ("on Friday (16 January 2026)", "on Friday (16 January 2026)"),
    ("last October 2025", "last October 2025"),
    ("in October", "in October"),
    ("they may vote", "they may vote"),
    ("a few days ago", "a few days ago"),
    (
        "Yesterday's news, today's paper",
        "Yesterday's (16 January 2026) news, today's (17 January 2026) paper",
    ),
]


@pytest.mark.parametrize(("text", "resolved"), TABLE, ids=[t for t, _ in TABLE])
def test_relative_expressions_resolve_against_the_published_date(text, resolved):
    assert resolve_relative_dates(text, SATURDAY) == resolved


@pytest.mark.parametrize(
    ("published", "resolved"),
    [
        ("2026-01-17T08:30:00+00:00", "Published 23 hours ago (16 January 2026)"),
        ("2026-01-17T23:30:00Z", "Published 23 hours ago (17 January 2026)"),
        ("2026-01-17", "Published 23 hours ago (16–17 January 2026)"),
    ],
)
def test_hours_resolve_to_one_day_when_the_time_is_known(published, resolved):
    assert resolve_relative_dates("Published 23 hours ago", published) == resolved


@pytest.mark.parametrize("published", [None, "", "undated", "17/01/2026"])
def test_without_a_usable_date_nothing_changes(published):
    assert parse_anchor(published) is None
    assert resolve_relative_dates("The board voted on Friday.", published) == (
        "The board voted on Friday."
    )


def citation(quote, published=SATURDAY, n=1):
    return Citation(n, "a.md", "A", 1, quote, 0.9, published=published)


def test_an_answer_and_its_sentence_agree_on_the_date():
    sentence = "Talks are due to resume on Friday, the minister said."
    answer = Answer("When?", True, "Friday", sentence, citations=(citation(sentence),))
    dated = date_answer(answer)
    assert dated.answer == "Friday (23 January 2026)"  # the sentence looks ahead
    assert (
        dated.sentence == "Talks are due to resume on Friday (23 January 2026), the minister said."
    )
    assert dated.citations[0].quote == dated.sentence


@pytest.mark.parametrize(
    ("short", "dated"),
    [
        ("October", "October (October 2026)"),  # cut from "next October"
        ("Friday", "Friday (16 January 2026)"),
        ("the board", "the board"),
    ],
)
def test_an_answer_cut_from_a_dated_expression_gets_its_date(short, dated):
    sentence = "The board voted on Friday and the ferry sails next October."
    answer = Answer("When?", True, short, sentence, citations=(citation(sentence),))
    assert date_answer(answer).answer == dated


def test_other_citations_keep_their_quotes_and_unanswered_answers_are_untouched():
    sentence = "The board voted on Friday."
    other = citation("It met last week.", published="2026-02-01", n=2)
    answer = Answer("When?", True, "Friday", sentence, citations=(citation(sentence), other))
    assert date_answer(answer).citations[1] == other
    missing = Answer("When?", False, citations=(citation(sentence),))
    assert date_answer(missing) is missing
    undated = Answer("When?", True, "Friday", sentence, citations=(citation(sentence, None),))
    assert date_answer(undated) is undated


def test_a_resolved_short_answer_stays_within_fifteen_words():
    long = ("Thursday, the first visit to Kessaria by a Valdessan chancellor since the "
            "trade row began")
    answer = Answer("when?", True, long, long + ".", citations=(
        Citation(1, "a.md", "A", 1, long + ".", 1.0, published="2026-01-23"),))
    short = date_answer(answer).answer
    assert len(short.split()) <= 15
    assert short.count("(") == short.count(")")
    assert short.startswith("Thursday (22 January 2026)")


def _side_citation(n, source, quote, published):
    return Citation(n, source, source, 1, quote, 0.9, published=published)


def test_sides_that_name_one_date_in_other_words_agree():
    """"Thursday" said on Friday 22 May and on Saturday 23 May is the same day."""
    from index.models import Side

    citations = (_side_citation(1, "a.md", "On Thursday the company apologised.", "2026-05-22"),
                 _side_citation(2, "b.md", "The firm apologised on Thursday.", "2026-05-23"))
    answer = Answer("when did it apologise?", True, "Sources disagree: Thursday or Thursday",
                    "On Thursday the company apologised.", True, citations,
                    sides=(Side("Thursday", (1,), ("2026-05-22",)),
                           Side("Thursday", (2,), ("2026-05-23",))))
    dated = date_answer(answer)
    assert (dated.conflict, dated.sides, dated.support) == (False, (), 2)
    assert dated.answer == "Thursday (21 May 2026)"


def test_sides_that_name_different_dates_each_get_their_own():
    from index.models import Side

    citations = (_side_citation(1, "a.md", "They met on Friday.", "2026-02-14"),
                 _side_citation(2, "b.md", "They met on Thursday.", "2026-02-14"))
    answer = Answer("what day did they meet?", True, "Sources disagree: Friday or Thursday",
                    "They met on Friday.", True, citations,
                    sides=(Side("Friday", (1,), ("2026-02-14",)),
                           Side("Thursday", (2,), ("2026-02-14",))))
    dated = date_answer(answer)
    assert dated.conflict
    assert [s.answer for s in dated.sides] == ["Friday (13 February 2026)",
                                               "Thursday (12 February 2026)"]
    assert dated.answer.startswith("Sources disagree: Friday (13 February 2026) or Thursday")


def test_a_disagreement_without_relative_dates_is_left_as_it_is():
    from index.models import Side

    citations = (_side_citation(1, "a.md", "A deal was announced.", "2026-02-14"),
                 _side_citation(2, "b.md", "No deal was announced.", "2026-02-14"))
    answer = Answer("was a deal announced?", True, "Sources disagree", "A deal was announced.",
                    True, citations, sides=(Side("Yes", (1,), ("2026-02-14",)),
                                            Side("No", (2,), ("2026-02-14",))))
    assert date_answer(answer) is answer


@pytest.mark.parametrize(("sentence", "resolved"), [
    ("A walkout is due to begin next Tuesday.", "Tuesday (7 October 2025)"),
    ("The offer was made last Tuesday.", "Tuesday (30 September 2025)"),
    ("The offer was made on Tuesday.", "Tuesday (30 September 2025)"),
])
def test_a_weekday_cut_from_its_placing_word_reads_as_its_sentence_does(sentence, resolved):
    assert resolve_relative_dates("Tuesday", "2025-10-02T09:00:00Z", sentence) == resolved


def test_a_short_answer_takes_the_date_its_sentence_says() -> None:
    sentence = ("The strike will begin at 7 a.m. on Tuesday, September 23, and end at 7 a.m. "
                "on Thursday, September 25.")
    assert resolve_relative_dates("7 a.m. on Tuesday", "2025-09-15", sentence) == (
        "7 a.m. on Tuesday (September 23)")
    assert resolve_relative_dates("Thursday", "2025-09-15", sentence) == "Thursday (September 25)"


def test_a_clock_time_does_not_end_the_clause_that_speaks_of_the_future() -> None:
    assert resolve_relative_dates("It will begin at 7 a.m. on Tuesday.", "2025-09-15") == (
        "It will begin at 7 a.m. on Tuesday (16 September 2025).")
