"""Fixtures shared by every test: the real model (loaded once per session) and real stores."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from index.service import Newsdesk
from index.settings import Settings
from index.store.chroma import PassageStore, connect
from index.store.embedding import SentenceTransformerEmbedder
from index.store.embedding_backends import load_embedder

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """The two articles the bot was built for; tests using them skip when absent."""
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is not beside the repository")
    return corpus


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
