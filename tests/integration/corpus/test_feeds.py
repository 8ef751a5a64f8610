"""Following feeds and polling them, against a real HTTP server on 127.0.0.1."""

import json

import pytest

from index.corpus.feeds import FEEDS_FILE, follow, load_feeds, poll
from index.errors import IngestError


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    return folder


async def test_follow_reads_the_feed_once_and_stores_it_in_the_corpus_folder(
    newsroom, fetcher, corpus
):
    newsroom.feeds["news"] = ["/articles/ferries", "/articles/observatory"]
    feed, new = await follow(fetcher, newsroom.url("/feeds/news.xml"), corpus)
    assert new and feed.title == "Ledger news" and feed.url == newsroom.url("/feeds/news.xml")
    assert feed.last_poll is None and feed.seen == ()
    stored = json.loads((corpus / FEEDS_FILE).read_text())
    assert [f["url"] for f in stored["feeds"]] == [feed.url]
    assert load_feeds(corpus) == [feed]

    again, new = await follow(fetcher, newsroom.url("/feeds/news.xml#top"), corpus)
    assert not new and again == feed and len(load_feeds(corpus)) == 1


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/feeds/gone.xml", "HTTP 404 Not Found"),
        ("/articles/ferries", "not a feed: the server sent text/html"),
        ("/not-a-feed.xml", "not an RSS or Atom feed"),
        ("/report.pdf", "not a feed: the server sent application/pdf"),
    ],
)
async def test_follow_refuses_what_is_not_a_readable_feed(newsroom, fetcher, corpus, path, reason):
    with pytest.raises(IngestError) as caught:
        await follow(fetcher, newsroom.url(path), corpus)
    assert reason in str(caught.value)
    assert not (corpus / FEEDS_FILE).exists()


async def test_poll_adds_new_items_once_and_a_broken_feed_does_not_stop_the_others(
    newsroom, fetcher, corpus, make_desk
):
    desk = make_desk(corpus)
    newsroom.feeds["news"] = ["/articles/ferries", "/articles/observatory", "/report.pdf"]
    newsroom.feeds["atom-culture"] = ["/articles/orchard"]
    await follow(fetcher, newsroom.url("/feeds/news.xml"), corpus)
    await follow(fetcher, newsroom.url("/feeds/atom-culture.xml"), corpus)

    first = await poll(fetcher, corpus, desk.index)
    assert first.ok and first.added == 3
    news, culture = first.feeds
    assert [o.status for o in news.outcomes] == ["added", "added", "refused"]
    assert news.outcomes[2].detail == "not an HTML page: the server sent application/pdf"
    assert [o.status for o in culture.outcomes] == ["added"]
    assert first.index is not None and (first.index.articles, first.index.skipped) == (3, ())
    reopened = desk.ask("When did the Brackwater observatory reopen?")
    assert reopened.answer == "Tuesday (3 February 2026)"

    second = await poll(fetcher, corpus, desk.index)
    assert second.ok and second.added == 0 and second.index is None
    assert [f.outcomes for f in second.feeds] == [(), ()]  # the PDF is not tried again

    newsroom.feeds["news"] = 500
    newsroom.feeds["atom-culture"] = ["/articles/tramway", "/articles/orchard"]
    third = await poll(fetcher, corpus, desk.index)
    assert not third.ok  # the command line exits non-zero
    assert third.feeds[0].error == "HTTP 500 Internal Server Error"
    assert [(o.status, o.url) for o in third.feeds[1].outcomes] == [
        ("added", newsroom.article_url("tramway"))
    ]
    assert third.index is not None and third.index.articles == 4

    news_state, culture_state = load_feeds(corpus)
    assert news_state.last_error == "HTTP 500 Internal Server Error" and news_state.added == 2
    assert culture_state.last_error is None and culture_state.added == 2
    assert news_state.last_poll and culture_state.last_poll
    assert (corpus / FEEDS_FILE).exists() and desk.status().articles == 4  # the list is not indexed


async def test_items_that_failed_for_a_passing_reason_are_tried_again(newsroom, fetcher, corpus):
    newsroom.feeds["news"] = ["/slow", "/missing"]
    await follow(fetcher, newsroom.url("/feeds/news.xml"), corpus)
    for _ in range(2):
        report = await poll(fetcher, corpus, index=lambda: pytest.fail("nothing to index"))
        assert report.ok and report.added == 0
    assert newsroom.requests.count("/slow") == 2  # a time-out may pass: retried
    assert newsroom.requests.count("/missing") == 1  # a 404 will not: remembered


async def test_poll_with_no_feeds_does_nothing(fetcher, corpus):
    report = await poll(fetcher, corpus, index=lambda: pytest.fail("nothing to index"))
    assert report.feeds == () and report.ok
