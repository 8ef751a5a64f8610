"""What an index was built from, and how a command's settings differ from it.

Each index commit records, in the pointer's metadata (`index.store.chroma`), the corpus
folder it read (resolved to an absolute path), the embedding model's name and the backend it
ran on. A command whose settings name another corpus folder, backend or model would answer
from an index built for something else; `settings_differ` says so. An index committed before
the corpus folder was recorded differs in nothing: nothing is known of how it was built.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from index.settings import Settings
from index.store.embedding import Embedder
from index.store.embedding_backends import embedder_name


def built_with(corpus_dir: Path, embedder: Embedder) -> dict[str, str]:
    """Return what a commit records of how the index was built (pointer metadata)."""
    recorded = {"corpus": str(corpus_dir.resolve()), "model": embedder.name}
    backend = getattr(embedder, "backend", None)  # an embedder may not say what it runs on
    if backend:
        recorded["backend"] = backend
    return recorded


def corpus_change(info: Mapping[str, Any], corpus_dir: Path) -> str | None:
    """Return the corpus folder the index was last built from if it is not `corpus_dir`."""
    before = info.get("corpus")
    return before if before and before != str(corpus_dir.resolve()) else None


def differences(info: Mapping[str, Any], settings: Settings) -> list[str]:
    """Return how `settings` differ from the recorded build `info`, one phrase a difference."""
    if not info.get("corpus"):
        return []
    found = []
    corpus = str(settings.corpus_dir.resolve())
    if info["corpus"] != corpus:
        found.append(f"corpus folder {info['corpus']} (CORPUS_DIR is {corpus})")
    backend = info.get("backend") or settings.embedding_backend
    if backend != settings.embedding_backend:
        found.append(
            f"embedding backend {backend} (EMBEDDING_BACKEND is {settings.embedding_backend})"
        )
    elif info.get("model") not in (None, embedder_name(settings.embedding_model, backend)):
        wanted = settings.embedding_model or "unset: the packaged model"
        found.append(f"embedding model {info['model']} (EMBEDDING_MODEL is {wanted})")
    return found


def settings_differ(info: Mapping[str, Any], settings: Settings) -> str | None:
    """Return a warning when `settings` differ from how the index was built, else None."""
    found = differences(info, settings)
    if not found:
        return None
    return (
        f"the index was built with {'; '.join(found)}: answers come from that index. "
        "Run `newsdesk index` to index what these settings name."
    )
