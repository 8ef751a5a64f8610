"""Fixtures for the index tests: ONNX exports, the test news site and fetchers pointed at it."""

from __future__ import annotations

import ipaddress
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import pytest_asyncio

from index.corpus.fetching import AddressPolicy, Fetcher, FetchLimits, open_session
from index.service import Newsdesk
from index.settings import Settings
from index.store.chroma import PassageStore, connect
from index.store.onnx_embedding import ensure_export, export_folder
from tests.newsroom import Newsroom

# Short enough that the slow endpoint is given up on quickly, small enough to keep tests light.
TEST_LIMITS = FetchLimits(timeout_s=1.0, max_bytes=512 * 1024, max_redirects=5)
LOCAL = AddressPolicy(allow_private=True)
# Private addresses refused as in production, except the test server's own address.
STRICT_BUT_TEST_SERVER = AddressPolicy(exempt=(ipaddress.ip_network("127.0.0.1/32"),))


@pytest.fixture(scope="session")
def corpus_desk(embedder, tmp_path_factory) -> Callable[[dict[str, str], str], Newsdesk]:
    """Build a real Newsdesk over articles given as {file name: text}, indexed, in a temp dir."""

    def build(articles: dict[str, str], name: str) -> Newsdesk:
        root = tmp_path_factory.mktemp(name)
        corpus = root / "corpus"
        corpus.mkdir()
        for file, text in articles.items():
            (corpus / file).write_text(text, encoding="utf-8")
        settings = Settings(corpus_dir=corpus, chroma_path=root / "chroma")
        desk = Newsdesk(settings, embedder, PassageStore(connect(settings)))
        desk.index()
        return desk

    return build


@pytest_asyncio.fixture
async def newsroom() -> AsyncIterator[Newsroom]:
    """A fresh test news site on 127.0.0.1."""
    async with Newsroom() as site:
        yield site


@pytest_asyncio.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    """A fetcher as ALLOW_PRIVATE_URLS=1 builds it, with short test limits."""
    async with open_session(LOCAL) as session:
        yield Fetcher(session, LOCAL, TEST_LIMITS)


@pytest.fixture(scope="session")
def onnx_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One export of the packaged model, made here from the packaged weights (no download).

    The folder is named as `Settings.onnx_dir` names it for CHROMA_PATH=<its parent>/chroma.
    """
    root = tmp_path_factory.mktemp("exports") / "chroma-onnx"
    folder, made = ensure_export(None, root)
    assert made and folder == export_folder(root, None)
    return root
