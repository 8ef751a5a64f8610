"""`newsdesk add`, `follow` and `poll`, run as real subprocesses against the test site."""

import asyncio
import json
import os
import sys
from pathlib import Path

import pytest

from index.corpus.feeds import FEEDS_FILE
from tests.newsroom import STORIES, article_html

NEWSDESK = Path(sys.executable).with_name("newsdesk")


@pytest.fixture
def cli_env(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("ALLOW_PRIVATE_URLS",)}
    env.update(
        CORPUS_DIR=str(corpus),
        CHROMA_PATH=str(tmp_path / "chroma"),
        ALLOW_PRIVATE_URLS="1",
        LOG_LEVEL="WARNING",
    )
    return env


async def newsdesk(env, *args, cwd):
    """Run the installed `newsdesk` command; return (exit code, stdout, stderr)."""
    process = await asyncio.create_subprocess_exec(
        str(NEWSDESK),
        *args,
        env=env,
        cwd=cwd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 300)
    return process.returncode, out.decode(), err.decode()


async def test_add_reports_each_url_and_exits_non_zero_when_any_is_refused(
    newsroom, cli_env, tmp_path
):
    good, missing, pdf = (newsroom.url(p) for p in ("/articles/ferries", "/missing", "/report.pdf"))
    code, out, err = await newsdesk(cli_env, "add", good, missing, pdf, cwd=tmp_path)
    assert code == 1, err
    lines = out.splitlines()
    assert lines[0].startswith(f"added    {good} -> web/127-0-0-1-articles-ferries-")
    assert lines[0].endswith(".md (Lakeside orders six hydrogen ferries)")
    assert lines[1] == f"refused  {missing}: HTTP 404 Not Found"
    assert lines[2] == f"refused  {pdf}: not an HTML page: the server sent application/pdf"
    assert lines[3].startswith("indexed 1 articles, ")

    code, out, err = await newsdesk(cli_env, "add", "--json", good, cwd=tmp_path)
    assert code == 0, err
    report = json.loads(out)
    assert [o["status"] for o in report["outcomes"]] == ["present"] and report["index"] is None

    code, out, err = await newsdesk(
        cli_env,
        "ask",
        "--json",
        "When did the Lakeside harbour board order hydrogen ferries?",
        cwd=tmp_path,
    )
    assert code == 0, err
    body = json.loads(out)
    assert body["answer"] == "Friday (16 January 2026)"
    assert body["citations"][0]["published"] == "2026-01-17"


async def test_add_refuses_local_addresses_unless_allowed(newsroom, cli_env, tmp_path):
    cli_env.pop("ALLOW_PRIVATE_URLS")
    code, out, _ = await newsdesk(cli_env, "add", newsroom.article_url("ferries"), cwd=tmp_path)
    assert code == 1
    assert "refused: 127.0.0.1 is a private or local address" in out
    assert "ALLOW_PRIVATE_URLS=1" in out
    assert newsroom.requests == []


async def test_follow_then_poll(newsroom, cli_env, tmp_path):
    newsroom.feeds["news"] = ["/articles/observatory"]
    feed = newsroom.url("/feeds/news.xml")
    code, out, err = await newsdesk(cli_env, "follow", feed, cwd=tmp_path)
    assert code == 0, err
    assert out.strip() == f"now following Ledger news ({feed}); `newsdesk poll` adds its new items"
    assert (Path(cli_env["CORPUS_DIR"]) / FEEDS_FILE).is_file()

    code, out, err = await newsdesk(
        cli_env, "follow", newsroom.url("/not-a-feed.xml"), cwd=tmp_path
    )
    assert code == 1 and err.startswith("newsdesk: not an RSS or Atom feed")

    code, out, err = await newsdesk(cli_env, "poll", "--json", cwd=tmp_path)
    assert code == 0, err
    report = json.loads(out)
    assert report["added"] == 1 and report["index"]["articles"] == 1
    assert report["feeds"][0]["items"][0]["status"] == "added"

    newsroom.feeds["news"] = 500
    code, out, err = await newsdesk(cli_env, "poll", cwd=tmp_path)
    assert code == 1
    assert out.strip() == f"Ledger news ({feed}): failed: HTTP 500 Internal Server Error"


async def test_add_applies_the_fetch_limit_settings(newsroom, cli_env, tmp_path):
    cli_env.update(FETCH_MAX_BYTES="1000", FETCH_MAX_REDIRECTS="0", FETCH_TIMEOUT_S="0.5")
    urls = [newsroom.url(p) for p in ("/articles/ferries", "/redirect/observatory", "/slow")]
    size = len(article_html("ferries", STORIES["ferries"]).encode())
    code, out, err = await newsdesk(cli_env, "add", *urls, cwd=tmp_path)
    assert code == 1, err
    assert out.splitlines() == [
        f"refused  {urls[0]}: too large: {size:,} bytes, "
        "over the 1,000 bytes limit",
        f"refused  {urls[1]}: too many redirects (more than 0)",
        f"refused  {urls[2]}: timed out after 0.5 s",
    ]

    cli_env["FETCH_MAX_BYTES"] = "-1"
    code, out, err = await newsdesk(cli_env, "add", urls[0], cwd=tmp_path)
    assert (code, out) == (1, "")
    assert err == (
        "newsdesk: FETCH_MAX_BYTES='-1' is not valid: expected a whole number of bytes above "
        "zero, e.g. 5242880 (5 MiB)\n"
    )
