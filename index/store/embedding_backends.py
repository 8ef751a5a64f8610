"""Load the embedder that EMBEDDING_MODEL and EMBEDDING_BACKEND name: torch, or an ONNX export."""

from __future__ import annotations

import logging
from pathlib import Path

from index.settings import BACKENDS, Settings, check_backend
from index.store.embedding import PACKAGED_MODEL, Embedder, SentenceTransformerEmbedder
from index.store.onnx_embedding import load_onnx_embedder

log = logging.getLogger(__name__)


def load_embedder(
    model: str | None = None, backend: str = "torch", export_root: Path | None = None
) -> Embedder:
    """Load the embedder named by EMBEDDING_MODEL (None: packaged MiniLM) and EMBEDDING_BACKEND.

    Args:
        model: a local path or sentence-transformers model name; None for the packaged MiniLM.
        backend: one of `index.settings.BACKENDS`.
        export_root: where ONNX exports live (made there on first use); required for onnx.

    """
    check_backend(backend)
    log.info("loading embedding model %s (%s)", model or PACKAGED_MODEL, backend)
    if backend == "torch":
        return SentenceTransformerEmbedder(model)
    if export_root is None:
        raise ValueError(f"the {backend} embedding backend needs a folder for its export")
    return load_onnx_embedder(model, embedder_name(model, backend), backend == "onnx-int8",
                              export_root)


def embedder_name(model: str | None, backend: str) -> str:
    """Return the name the embedder of `model` on `backend` gets, without loading it."""
    name = model or PACKAGED_MODEL
    return name if backend == "torch" else f"{name} [{backend}]"


def model_of(name: str) -> str:
    """Return the model an embedder's name (`embedder_name`) runs, whatever its backend.

    An ONNX export computes the same model's vectors (float32: cosine 1.0 to torch's; int8:
    0.993 on average over the newsroom questions, 0.986 at least), so what was fitted on one
    backend's vectors reads another's.
    """
    for backend in BACKENDS:
        if name.endswith(suffix := f" [{backend}]"):
            return name[: -len(suffix)]
    return name


def embedder_for(settings: Settings) -> Embedder:
    """Load the embedder the settings name (EMBEDDING_MODEL, EMBEDDING_BACKEND)."""
    return load_embedder(settings.embedding_model, settings.embedding_backend, settings.onnx_dir)
