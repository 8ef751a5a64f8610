"""The safe fetcher against a real HTTP server on 127.0.0.1: every refusal has its reason."""

import pytest

from index.corpus.fetching import FEED_TYPES, AddressPolicy, Fetcher, FetchError, open_session
from tests.fetch_policies import LOCAL, STRICT_BUT_TEST_SERVER, TEST_LIMITS, limits_from

BAD_PATHS = [
    ("/missing", "HTTP 404 Not Found", False),
    ("/broken", "HTTP 500 Internal Server Error", True),
    ("/slow", "timed out after 1 s", True),
    ("/loop/a", "redirect loop: ", False),
    ("/chain/0", "too many redirects (more than 5)", False),
    ("/report.pdf", "not an HTML page: the server sent application/pdf", False),
    ("/big", "too large: 2,097,159 bytes, over the 0.5 MiB limit", False),
    ("/endless", "too large: more than the 0.5 MiB limit (reading stopped)", False),
]


@pytest.mark.parametrize(("path", "reason", "transient"), BAD_PATHS)
async def test_each_bad_response_is_refused_with_its_reason(
    newsroom, fetcher, path, reason, transient
):
    with pytest.raises(FetchError) as caught:
        await fetcher.fetch(newsroom.url(path))
    assert reason in str(caught.value)
    assert caught.value.transient is transient


async def test_a_redirect_loop_names_both_ends(newsroom, fetcher):
    with pytest.raises(FetchError, match="redirect loop") as caught:
        await fetcher.fetch(newsroom.url("/loop/a"))
    assert str(caught.value) == (
        f"redirect loop: {newsroom.url('/loop/b')} redirects back to {newsroom.url('/loop/a')}"
    )
    assert newsroom.requests == ["/loop/a", "/loop/b"]


async def test_a_page_is_fetched_through_redirects(newsroom, fetcher):
    page = await fetcher.fetch(newsroom.url("/redirect/observatory"))
    assert page.url == newsroom.article_url("observatory")
    assert page.requested == newsroom.url("/redirect/observatory")
    assert page.content_type == "text/html" and page.charset == "utf-8"
    assert b"copper dome roof" in page.body


async def test_a_feed_is_accepted_only_where_feeds_are_asked_for(newsroom, fetcher):
    newsroom.feeds["news"] = ["/articles/ferries"]
    with pytest.raises(FetchError, match="not an HTML page: the server sent application/rss"):
        await fetcher.fetch(newsroom.url("/feeds/news.xml"))
    page = await fetcher.fetch(newsroom.url("/feeds/news.xml"), accept=FEED_TYPES)
    assert b"<rss" in page.body


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://files.example/a.txt", "only http and https URLs can be fetched (scheme: 'ftp')"),
        ("file:///etc/passwd", "only http and https URLs can be fetched (scheme: 'file')"),
        ("javascript:alert(1)", "only http and https URLs can be fetched (scheme: 'javascript')"),
        ("www.example.com/news", "only http and https URLs can be fetched (scheme: none)"),
        ("http:///no-host", "not a valid URL (no host)"),
    ],
)
async def test_bad_schemes_and_malformed_urls_are_refused(fetcher, url, reason):
    with pytest.raises(FetchError) as caught:
        await fetcher.fetch(url)
    assert reason in str(caught.value)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
async def test_private_addresses_are_refused_by_default(newsroom, host):
    policy = AddressPolicy()  # ALLOW_PRIVATE_URLS unset
    url = newsroom.url("/articles/ferries").replace("127.0.0.1", host)
    async with open_session(policy) as session:
        with pytest.raises(FetchError, match="private or local address") as caught:
            await Fetcher(session, policy, TEST_LIMITS).fetch(url)
    assert "ALLOW_PRIVATE_URLS=1" in str(caught.value)
    assert newsroom.requests == []  # refused before connecting


@pytest.mark.parametrize(
    ("path", "address"),
    [("/to-metadata", "169.254.169.254"), ("/to-intranet", "10.1.2.3")],
)
async def test_every_redirect_hop_is_checked(newsroom, path, address):
    """The test server is exempt, so the first hop passes; the redirect target must not."""
    async with open_session(STRICT_BUT_TEST_SERVER) as session:
        fetcher = Fetcher(session, STRICT_BUT_TEST_SERVER, TEST_LIMITS)
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(newsroom.url(path))
    assert str(caught.value).startswith(f"refused: {address} is a private or local address")
    assert newsroom.requests == [path]


@pytest.mark.parametrize(
    ("path", "setting", "reason"),
    [
        ("/articles/ferries", {"FETCH_MAX_BYTES": "1000"}, "over the 1,000 bytes limit"),
        ("/redirect/observatory", {"FETCH_MAX_REDIRECTS": "0"}, "too many redirects (more than 0)"),
    ],
)
async def test_a_page_the_default_limits_accept_is_refused_by_a_tighter_setting(
    newsroom, path, setting, reason
):
    async with open_session(LOCAL) as session:
        page = await Fetcher(session, LOCAL, limits_from()).fetch(newsroom.url(path))
        assert page.url == newsroom.article_url(path.rsplit("/", 1)[1])
        with pytest.raises(FetchError) as caught:
            await Fetcher(session, LOCAL, limits_from(**setting)).fetch(newsroom.url(path))
    assert reason in str(caught.value)


async def test_fetch_timeout_setting(newsroom):
    async with open_session(LOCAL) as session:
        fetcher = Fetcher(session, LOCAL, limits_from(FETCH_TIMEOUT_S="0.2"))
        with pytest.raises(FetchError, match=r"^timed out after 0\.2 s$") as caught:
            await fetcher.fetch(newsroom.url("/slow"))
    assert caught.value.transient
