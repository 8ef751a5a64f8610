"""Fixtures of the integration tests: the real model, real stores, the test news site.

The model is loaded once per session, stores live in temp folders, ONNX exports are made here
from the packaged weights, and fetchers point at the test site on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import pytest_asyncio

from index.corpus.fetching import Fetcher, open_session
from index.service import Newsdesk
from index.settings import Settings
from index.store.chroma import PassageStore, connect
from index.store.embedding import SentenceTransformerEmbedder
from index.store.embedding_backends import load_embedder
from index.store.onnx_embedding import ensure_export, export_folder
from tests.fetch_policies import LOCAL, TEST_LIMITS
from tests.newsroom import Newsroom


@pytest.fixture(scope="session")
def embedder() -> SentenceTransformerEmbedder:
    """The packaged all-MiniLM-L6-v2, loaded once for the whole session."""
    return load_embedder(None)


@pytest.fixture
def make_desk(
    tmp_path: Path, embedder: SentenceTransformerEmbedder
) -> Callable[..., Newsdesk]:
    """Build a real Newsdesk over a corpus folder, with embedded Chroma in a temp dir."""

    def build(corpus: Path, **overrides: object) -> Newsdesk:
        settings = Settings(corpus_dir=corpus, chroma_path=tmp_path / "chroma", **overrides)
        return Newsdesk(settings, embedder, PassageStore(connect(settings)))

    return build


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
def newsroom_desk(embedder, tmp_path_factory) -> Newsdesk:
    """A desk over ../shared/eval/newsroom, indexed once per test run (skips without it)."""
    from bench import newsroom

    if newsroom.missing() is not None:
        pytest.skip(newsroom.missing())
    settings = Settings(corpus_dir=newsroom.CORPUS,
                        chroma_path=tmp_path_factory.mktemp("newsroom") / "chroma")
    desk = Newsdesk(settings, embedder, PassageStore(connect(settings)))
    desk.index()
    return desk


@pytest.fixture(scope="session")
def stories_desk(embedder, tmp_path_factory) -> Newsdesk:
    """A desk over bench/stories, the second invented dev set, indexed once per test run."""
    from bench import newsroom

    settings = Settings(corpus_dir=newsroom.dev_set("stories").corpus,
                        chroma_path=tmp_path_factory.mktemp("stories") / "chroma")
    desk = Newsdesk(settings, embedder, PassageStore(connect(settings)))
    desk.index()
    return desk


@pytest.fixture(scope="session")
def onnx_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One export of the packaged model, made here from the packaged weights (no download).

    The folder is named as `Settings.onnx_dir` names it for CHROMA_PATH=<its parent>/chroma.
    """
    root = tmp_path_factory.mktemp("exports") / "chroma-onnx"
    folder, made = ensure_export(None, root)
    assert made and folder == export_folder(root, None)
    return root
