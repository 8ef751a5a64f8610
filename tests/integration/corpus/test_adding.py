"""Adding articles by URL: saved as corpus markdown, indexed, answerable, never twice."""

import pytest
import yaml

from index.corpus.adding import add_urls, article_path

FERRIES_CANONICAL = "https://ledger.example/news/lakeside-ferries"


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    return folder


def front_matter(path):
    _, block, _ = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(block)


async def test_an_added_article_is_saved_indexed_and_answerable(
    newsroom, fetcher, corpus, make_desk
):
    desk = make_desk(corpus)
    url = newsroom.article_url("ferries")
    report = await add_urls(fetcher, [url, newsroom.article_url("observatory")], corpus, desk.index)

    outcome = report.outcomes[0]
    assert (outcome.status, outcome.title) == ("added", "Lakeside orders six hydrogen ferries")
    path = corpus / outcome.source
    assert path == article_path(corpus, url) and path.parent.name == "web"
    meta = front_matter(path)
    assert {k: meta[k] for k in ("title", "url", "published", "outlet", "author")} == {
        "title": "Lakeside orders six hydrogen ferries",
        "url": FERRIES_CANONICAL,
        "published": "2026-01-17",
        "outlet": "Lakeside Ledger",
        "author": "Mara Quill",
    }
    assert meta["fetched_url"] == url
    text = path.read_text(encoding="utf-8")
    assert "Home" not in text and "Copyright" not in text and "var ads" not in text

    assert report.ok and report.index is not None
    assert (report.index.added, report.index.articles, report.index.skipped) == (2, 2, ())
    answer = desk.ask("How many people signed the petition?")
    assert answer.answered and "3,200" in answer.answer
    first = answer.citations[0]
    assert (first.source, first.url, first.published) == (
        outcome.source,
        FERRIES_CANONICAL,
        "2026-01-17",
    )


async def test_relative_dates_in_answers_are_resolved_against_the_published_date(
    newsroom, fetcher, corpus, make_desk
):
    """The ferries article is dated Saturday 17 January 2026, the observatory's Tuesday 3 Feb."""
    desk = make_desk(corpus)
    urls = [newsroom.article_url("ferries"), newsroom.article_url("observatory")]
    await add_urls(fetcher, urls, corpus, desk.index)
    for question, short, phrase, published in [
        (
            "When did the Lakeside harbour board order hydrogen ferries?",
            "Friday (16 January 2026)",
            "ordered six hydrogen ferries on Friday (16 January 2026), replacing",
            "2026-01-17",
        ),
        (
            "When will the first ferry enter service?",
            "October 2026)",
            "would enter service next October (October 2026).",
            "2026-01-17",
        ),
        (
            "When did the Brackwater observatory reopen?",
            "Tuesday (3 February 2026)",
            "reopened to visitors on Tuesday (3 February 2026) after",
            "2026-02-03",
        ),
    ]:
        answer = desk.ask(question)
        assert answer.answer.endswith(short) and answer.citations[0].published == published
        assert phrase in answer.sentence
        assert answer.citations[0].quote == answer.sentence


async def test_adding_the_same_article_again_does_not_duplicate_it(
    newsroom, fetcher, corpus, make_desk
):
    desk = make_desk(corpus)
    url = newsroom.article_url("ferries")
    first = await add_urls(fetcher, [url], corpus, desk.index)
    fetched = len(newsroom.requests)
    again = await add_urls(
        fetcher,
        [
            url,  # same URL: known from the file name, not fetched again
            f"{url}?utm_source=feed#comments",  # same page once tracking is dropped
            newsroom.url("/redirect/ferries"),  # redirects to a URL already saved
            f"{url}?print=1",  # another URL whose page names the same canonical URL
        ],
        corpus,
        desk.index,
    )
    source = first.outcomes[0].source
    assert [(o.status, o.source) for o in again.outcomes] == [("present", source)] * 4
    assert again.ok and again.index is None  # nothing new: no index run
    assert newsroom.requests[fetched:] == [
        "/redirect/ferries",
        "/articles/ferries",
        "/articles/ferries?print=1",
    ]
    assert [p.name for p in (corpus / "web").iterdir()] == [(corpus / source).name]
    assert desk.status().articles == 1


BAD = [
    ("/missing", "HTTP 404 Not Found"),
    ("/broken", "HTTP 500 Internal Server Error"),
    ("/slow", "timed out after 1 s"),
    ("/loop/a", "redirect loop: "),
    ("/report.pdf", "not an HTML page: the server sent application/pdf"),
    ("/endless", "too large: more than the 0.5 MiB limit"),
    ("/nav-only", "no article text found on the page"),
]


async def test_bad_urls_are_refused_each_with_its_reason_and_the_rest_is_added(
    newsroom, fetcher, corpus, make_desk
):
    desk = make_desk(corpus)
    urls = [newsroom.url(path) for path, _ in BAD]
    urls.insert(3, newsroom.article_url("observatory"))
    report = await add_urls(fetcher, [*urls, "gopher://old.example/1"], corpus, desk.index)

    refused = [(o.url, o.detail) for o in report.outcomes if o.status == "refused"]
    assert len(refused) == len(BAD) + 1
    for (url, detail), (path, reason) in zip(refused, BAD, strict=False):
        assert url == newsroom.url(path) and reason in detail
    assert refused[-1][1] == "only http and https URLs can be fetched (scheme: 'gopher')"
    assert [o.status for o in report.outcomes].count("added") == 1
    assert not report.ok  # the CLI exits non-zero
    assert [p.name for p in (corpus / "web").iterdir()] == [
        article_path(corpus, newsroom.article_url("observatory")).name
    ]  # no temporary files left behind
    assert report.index is not None and report.index.articles == 1
