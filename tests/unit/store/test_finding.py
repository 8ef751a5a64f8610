"""Finding articles: grouping passages by article, filters, order, periods."""

import datetime as dt

import pytest

from index.models import Hit, Passage
from index.store.finding import Found, find_articles, outlet_of, parse_since

NOW = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)


def hit(source, paragraph, score, *, lexical=1.0, dense=0.2, published=None, outlet=None,
        url=None):
    passage = Passage(f"{source}-{paragraph}", source, f"Title of {source}", paragraph,
                      f"text {paragraph}", url, published, outlet)
    return Hit(passage, score, dense=dense, lexical=lexical)


HITS = [
    hit("a.md", 3, 0.9, published="2026-03-01", outlet="Harrowgate Courier"),
    hit("b.html", 1, 0.8, published="2026-03-09T08:00:00Z",
        url="https://www.sixnews.example/fire"),
    hit("a.md", 1, 0.7, published="2026-03-01", outlet="Harrowgate Courier"),
    hit("c.txt", 2, 0.6),  # undated, no outlet
    hit("d.md", 1, 0.5, lexical=None, dense=0.3, published="2026-03-10"),  # no match
    hit("e.md", 4, 0.4, lexical=None, dense=0.6, published="2026-02-01"),  # near in meaning
]


def test_each_article_once_with_its_best_passage_best_first():
    found = find_articles(HITS)
    assert [(f.source, f.paragraph) for f in found] == [
        ("a.md", 3), ("b.html", 1), ("c.txt", 2), ("e.md", 4)]
    assert found[1] == Found("b.html", "Title of b.html", "sixnews.example",
                             "2026-03-09T08:00:00Z", "https://www.sixnews.example/fire", 1,
                             "text 1", 0.8)


def test_since_keeps_dated_articles_from_then_on():
    found = find_articles(HITS, since=dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
    assert [f.source for f in found] == ["a.md", "b.html"]


@pytest.mark.parametrize(("outlet", "expected"), [
    ("courier", ["a.md"]), ("SIXNEWS", ["b.html"]), ("Six News", []), ("nnr", [])])
def test_outlet_matches_the_name_or_the_web_address(outlet, expected):
    assert [f.source for f in find_articles(HITS, outlet=outlet)] == expected


def test_newest_first_puts_undated_articles_last():
    assert [f.source for f in find_articles(HITS, sort="newest")] == [
        "b.html", "a.md", "e.md", "c.txt"]


def test_an_unknown_sort_is_a_clear_error():
    with pytest.raises(ValueError, match="valid: relevance, newest"):
        find_articles(HITS, sort="oldest")


@pytest.mark.parametrize(("raw", "expected"), [
    ("7d", NOW - dt.timedelta(days=7)),
    ("24h", NOW - dt.timedelta(hours=24)),
    ("2026-03-02", dt.datetime(2026, 3, 2, tzinfo=dt.UTC)),
    ("2026-03-02T10:00:00+01:00", dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)),
])
def test_periods(raw, expected):
    assert parse_since(raw, NOW) == expected


def test_a_bad_period_says_what_is_accepted():
    with pytest.raises(ValueError, match="use 7d, 24h or a date"):
        parse_since("last week", NOW)


def test_an_outlet_is_named_or_taken_from_the_web_address():
    assert outlet_of("NNR", "https://nnr.example/x") == "NNR"
    assert outlet_of(None, "https://www.nnr.example/x") == "nnr.example"
    assert outlet_of(None, None) is None
