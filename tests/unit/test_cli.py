"""How `newsdesk ask`, `status` and `index` show what they found in a terminal."""

import io

from index.cli import _print_report, _print_status, format_answer
from index.corpus.feeds import Feed
from index.models import Answer, Citation, IndexReport, Side, Status


def cited(n: int, quote: str, published: str | None = None) -> Citation:
    return Citation(n, f"{n}.txt", f"Article {n}", 1, quote, 0.5, published=published)


def test_text_answer_says_how_many_sources_agree_and_what_was_revised():
    answer = Answer(
        "How many buses?", True, "40 buses", "The order grew to 40 buses.", support=2,
        citations=(cited(1, "The order grew to 40 buses.", "2026-02-03T09:00:00Z"),
                   cited(2, "It ordered 36 buses.", "2026-01-17")),
        revised_from=Side("36 buses", (2,), ("2026-01-17",)),
    )
    assert format_answer(answer).splitlines() == [
        "40 buses",
        "  2 sources agree",
        "  revised from 36 buses [2] (17 Jan 2026)",
        "  “The order grew to 40 buses.”",
        "  [1] Article 1 (1.txt, paragraph 1, 2026-02-03): “The order grew to 40 buses.”",
        "  [2] Article 2 (2.txt, paragraph 1, 2026-01-17): “It ordered 36 buses.”",
    ]
    single = Answer("Q?", True, "Monday", "It reopened on Monday.", support=1)
    assert format_answer(single).splitlines() == ["Monday", "  “It reopened on Monday.”"]


def test_text_conflict_lists_each_side_with_its_citations_and_dates():
    sides = (Side("36 buses", (1, 3), ("2026-01-17", "2026-01-19")),
             Side("40 buses", (2,), (None,)))
    answer = Answer("How many buses?", True, "36 or 40 buses", conflict=True, support=2,
                    citations=(cited(1, "36."), cited(2, "40."), cited(3, "36.")), sides=sides)
    assert format_answer(answer).splitlines()[:3] == [
        "The sources disagree:",
        "  - 36 buses [1] [3] (17 Jan 2026, 19 Jan 2026)",
        "  - 40 buses [2]",
    ]
    old_style = Answer("Approved?", True, "Sources disagree", conflict=True,
                       citations=(cited(1, "Approved."), cited(2, "No vote yet.")))
    assert format_answer(old_style).splitlines() == [
        "The sources disagree:",
        "  [1] Article 1 (1.txt, paragraph 1): “Approved.”",
        "  [2] Article 2 (2.txt, paragraph 1): “No vote yet.”",
    ]


def test_status_text_names_each_part_of_the_index_and_the_feeds():
    status = Status(2, 24, "all-MiniLM-L6-v2 (packaged)", "embedded chroma at data/chroma",
                    "2026-11-23T11:00:00+00:00", 1.25, "/news/corpus")
    feeds = [Feed("https://e.example/rss", "Harbour News", last_poll="2026-11-23T10:00:00+00:00",
                  last_error="HTTP 503 Service Unavailable"),
             Feed("https://e.example/atom", "City Desk")]
    out = io.StringIO()
    _print_status(status, feeds, None, out)
    assert out.getvalue().splitlines() == [
        "articles:       2",
        "passages:       24",
        "last index:     2026-11-23T11:00:00+00:00",
        "index duration: 1.2 s",
        "model:          all-MiniLM-L6-v2 (packaged)",
        "store:          embedded chroma at data/chroma",
        "corpus folder:  /news/corpus",
        "feeds:          2 followed",
        "  Harbour News (https://e.example/rss) · polled 2026-11-23T10:00:00+00:00 · failed: "
        "HTTP 503 Service Unavailable",
        "  City Desk (https://e.example/atom) · not polled yet",
    ]


def test_status_text_of_a_store_never_indexed():
    out = io.StringIO()
    _print_status(Status(0, 0, "m", "s"), [], "the feed list x cannot be read: oops", out)
    lines = out.getvalue().splitlines()
    assert lines[2:4] == ["last index:     never", "index duration: n/a"]
    assert lines[6:] == [
        "corpus folder:  not recorded (run `newsdesk index`)",
        "feeds:          the feed list x cannot be read: oops",
        "nothing indexed yet: run `newsdesk index`",
    ]
    out = io.StringIO()
    _print_status(Status(0, 0, "m", "s"), [], None, out)
    none = "feeds:          none followed: add one with `newsdesk follow FEED_URL`"
    assert none in out.getvalue().splitlines()


def test_the_index_report_says_when_the_corpus_folder_changed():
    out = io.StringIO()
    _print_report(IndexReport(added=1, removed=2, articles=1, passages=3, corpus="/news/b",
                              corpus_changed_from="/news/a"), out)
    assert out.getvalue().splitlines()[1] == (
        "corpus folder changed from /news/a to /news/b: 2 articles of /news/a removed"
    )
    out = io.StringIO()
    _print_report(IndexReport(added=1, corpus="/news/b"), out)
    assert len(out.getvalue().splitlines()) == 1


def test_since_reads_days_hours_and_dates():
    import argparse
    import datetime as dt

    import pytest

    from index.cli import _since

    now = dt.datetime.now(dt.UTC)
    assert abs((now - _since("7d")) - dt.timedelta(days=7)) < dt.timedelta(seconds=5)
    assert abs((now - _since("24h")) - dt.timedelta(hours=24)) < dt.timedelta(seconds=5)
    assert _since("2026-11-30") == dt.datetime(2026, 11, 30, tzinfo=dt.UTC)
    with pytest.raises(argparse.ArgumentTypeError, match="use 7d, 24h or a date"):
        _since("last week")
