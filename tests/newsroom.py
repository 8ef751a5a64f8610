"""A small news site on 127.0.0.1 for intake tests: articles, feeds and every bad case.

All text is invented for the tests. `Newsroom.feeds` maps a feed name to the paths its items
link to (newest first), or to an HTTP status the feed answers with instead; tests change it
between polls.
"""

from __future__ import annotations

import asyncio
import html
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

from aiohttp import web

REDIRECTS_FOREVER = "/chain/0"


@dataclass(frozen=True)
class Story:
    title: str
    published: str  # ISO date-time
    author: str
    paragraphs: tuple[str, ...]
    canonical: str | None = None


STORIES = {
    "ferries": Story(
        "Lakeside orders six hydrogen ferries",
        "2026-01-17T08:30:00+00:00",
        "Mara Quill",
        (
            "The Lakeside harbour board ordered six hydrogen ferries on Friday, replacing a "
            "diesel fleet that has crossed the lake since 1988.",
            "The order, worth 84 million crowns, was approved by seven votes to two after a "
            "debate that lasted most of the afternoon. Board chair Ilse Varga said the first "
            "vessel would enter service next October.",
            "Residents of the north shore have complained for years about noise and fumes from "
            "the old boats, and a petition signed by 3,200 people was handed to the board last "
            "October.",
            "Opponents argued that hydrogen supply on the lake remains uncertain and that "
            "battery ferries would have been cheaper to run over the thirty-year life of the "
            "fleet.",
        ),
        canonical="https://ledger.example/news/lakeside-ferries",
    ),
    "observatory": Story(
        "Brackwater observatory reopens after roof repairs",
        "2026-02-03T17:05:00+00:00",
        "Tobias Wren",
        (
            "The Brackwater observatory reopened to visitors on Tuesday after a two-year "
            "closure to replace its copper dome roof.",
            "The repairs cost 2.4 million crowns, most of it raised by a public appeal that "
            "drew donations from 11,000 people, the observatory's director Hanna Solberg said.",
            "Evening viewings of the winter sky will run every Thursday until the end of March, "
            "and school groups can book free morning visits.",
        ),
    ),
    "orchard": Story(
        "Fenmoor orchard cooperative doubles apple exports",
        "2026-02-10T06:45:00+00:00",
        "Ruth Okafor",
        (
            "The Fenmoor orchard cooperative shipped 1,900 tonnes of apples abroad last year, "
            "twice as many as the year before, its annual report says.",
            "Cooperative chair Jonas Prell credited a new cold store that keeps fruit fresh "
            "for up to nine months and a trade agreement that lowered duties on fresh fruit.",
            "The cooperative now employs 140 pickers at harvest, up from 90, and plans a "
            "second cold store at its southern orchards next year.",
        ),
    ),
    "tramway": Story(
        "Quarry Hill tramway extension opens to passengers",
        "2026-02-14T12:00:00+00:00",
        "Selma Haddad",
        (
            "Trams began running on the Quarry Hill extension on Saturday morning, adding four "
            "stops and 3.1 kilometres of track to the city network.",
            "Transport councillor Petra Lind said the line would carry 9,000 passengers a day "
            "within a year and cut the journey to the hospital to eleven minutes.",
            "Construction ran fourteen months late after engineers found old mine workings "
            "under the route, which had to be filled with concrete.",
        ),
    ),
}

NAV_ONLY = """<!doctype html><html><head><title>Menu</title>
<script>window.tracking = {"id": 1};</script></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<script>document.write("loading");</script></body></html>"""


def article_html(slug: str, story: Story) -> str:
    """Render a story as a news page: navigation, metadata, the article, a footer."""
    canonical = f'<link rel="canonical" href="{story.canonical}">' if story.canonical else ""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in story.paragraphs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(story.title)} | Lakeside Ledger</title>
<meta property="og:title" content="{html.escape(story.title)}">
<meta property="og:site_name" content="Lakeside Ledger">
<meta name="author" content="{html.escape(story.author)}">
<meta property="article:published_time" content="{story.published}">
{canonical}
<script>var ads = ["{slug}"];</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<main><article>
<h1>{html.escape(story.title)}</h1>
<p class="byline">By {html.escape(story.author)}</p>
{body}
</article></main>
<footer><p>Copyright Lakeside Ledger. All rights reserved.</p></footer>
</body></html>"""


class Newsroom:
    """The site, served by a real aiohttp server on 127.0.0.1 while in `async with`."""

    def __init__(self) -> None:
        self.feeds: dict[str, list[str] | int] = {}
        self.requests: list[str] = []
        self.base = ""
        self._runner: web.AppRunner | None = None

    def url(self, path: str) -> str:
        """Return the absolute URL of `path` on this site."""
        return f"{self.base}{path}"

    def article_url(self, slug: str) -> str:
        return self.url(f"/articles/{slug}")

    async def __aenter__(self) -> Newsroom:
        app = web.Application()
        app.middlewares.append(self._record)
        app.add_routes(
            [
                web.get("/articles/{slug}", self.article),
                web.get("/redirect/{slug}", self.redirect_to_article),
                web.get("/missing", _status(404)),
                web.get("/broken", _status(500)),
                web.get("/slow", self.slow),
                web.get("/loop/a", _redirect("/loop/b")),
                web.get("/loop/b", _redirect("/loop/a")),
                web.get("/chain/{n}", self.chain),
                web.get("/report.pdf", _body(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf")),
                web.get("/big", _body(b"<p>" + b"a" * (2 * 1024 * 1024) + b"</p>", "text/html")),
                web.get("/endless", self.endless),
                web.get("/nav-only", _body(NAV_ONLY.encode(), "text/html")),
                web.get("/to-metadata", _redirect("http://169.254.169.254/latest/meta-data/")),
                web.get("/to-intranet", _redirect("http://10.1.2.3/wiki")),
                web.get("/feeds/{name}.xml", self.feed),
                web.get("/not-a-feed.xml", _body(b"this is not XML at all {", "application/xml")),
            ]
        )
        self._runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base = f"http://127.0.0.1:{port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._runner is not None
        await self._runner.cleanup()

    @web.middleware
    async def _record(self, request: web.Request, handler):
        self.requests.append(request.path_qs)
        return await handler(request)

    async def article(self, request: web.Request) -> web.Response:
        slug = request.match_info["slug"]
        if slug not in STORIES:
            raise web.HTTPNotFound()
        return web.Response(text=article_html(slug, STORIES[slug]), content_type="text/html")

    async def redirect_to_article(self, request: web.Request) -> web.Response:
        raise web.HTTPMovedPermanently(f"/articles/{request.match_info['slug']}")

    async def slow(self, _: web.Request) -> web.Response:
        await asyncio.sleep(60)
        return web.Response(text="<p>too late</p>", content_type="text/html")

    async def chain(self, request: web.Request) -> web.Response:
        raise web.HTTPFound(f"/chain/{int(request.match_info['n']) + 1}")

    async def endless(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        chunk = b"<p>" + b"more " * 2000 + b"</p>\n"
        while True:
            await response.write(chunk)

    async def feed(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        listed = self.feeds.get(name, 404)
        if isinstance(listed, int):
            return web.Response(status=listed, text="feed unavailable")
        if name.startswith("atom"):
            return web.Response(text=self._atom(name, listed), content_type="application/atom+xml")
        return web.Response(text=self._rss(name, listed), content_type="application/rss+xml")

    def _rss(self, name: str, paths: list[str]) -> str:
        items = "".join(
            f"<item><title>{html.escape(_title(p))}</title>"
            f"<link>{self.url(p)}</link><guid>{self.url(p)}</guid>"
            f"<pubDate>{_rfc822(_published(p))}</pubDate></item>"
            for p in paths
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Ledger {name}</title><link>{self.base}/</link>"
            f"<description>Test feed</description>{items}</channel></rss>"
        )

    def _atom(self, name: str, paths: list[str]) -> str:
        entries = "".join(
            f"<entry><title>{html.escape(_title(p))}</title>"
            f'<link href="{self.url(p)}"/><id>{self.url(p)}</id>'
            f"<updated>{_published(p)}</updated></entry>"
            for p in paths
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Ledger {name}</title><id>{self.base}/{name}</id>"
            f"<updated>2026-02-14T12:00:00Z</updated>{entries}</feed>"
        )


def _status(status: int):
    async def handler(_: web.Request) -> web.Response:
        return web.Response(status=status, text=f"status {status}")

    return handler


def _redirect(location: str):
    async def handler(_: web.Request) -> web.Response:
        raise web.HTTPFound(location)

    return handler


def _body(body: bytes, content_type: str):
    async def handler(_: web.Request) -> web.Response:
        return web.Response(body=body, content_type=content_type)

    return handler


def _story(path: str) -> Story | None:
    return STORIES.get(path.removeprefix("/articles/"))


def _title(path: str) -> str:
    story = _story(path)
    return story.title if story else f"Item at {path}"


def _published(path: str) -> str:
    story = _story(path)
    return story.published if story else "2026-02-01T09:00:00+00:00"


def _rfc822(iso: str) -> str:
    return format_datetime(datetime.fromisoformat(iso))
