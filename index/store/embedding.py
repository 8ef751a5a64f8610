"""Text embedders: the packaged all-MiniLM-L6-v2 by default, or any sentence-transformers model.

An embedder looks like Chroma's `EmbeddingFunction`: `embedder(texts) -> vectors`. newsdesk
always computes embeddings itself and hands them to Chroma, so Chroma's own default embedding
function (which would download a model) never runs.

Backends (`EMBEDDING_BACKEND`): `torch` runs the model with sentence-transformers; `onnx` and
`onnx-int8` run a local ONNX export of it, float32 or int8-quantised, with ONNX Runtime
(`index.store.onnx_embedding`); `index.store.embedding_backends` loads the one named. A backend
other than `torch` is part of the embedder's name, so switching backends rebuilds the index with
the new vectors.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np

from index.errors import ConfigError
from index.packaged import packaged_model_path
from index.store.vectors import pool_sentences

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

PACKAGED_MODEL = "all-MiniLM-L6-v2 (packaged)"


class Embedder(Protocol):
    """Turns texts into unit-length vectors."""

    name: str
    dimension: int

    def __call__(self, input: Sequence[str]) -> np.ndarray:
        """Embed passages."""
        ...

    def encode(
        self, texts: list[str], on_batch: Callable[[int], None] | None = None
    ) -> np.ndarray:
        """Embed passages in batches, reporting how many are done after each."""
        ...

    def embed_query(self, text: str) -> np.ndarray:
        """Embed one question."""
        ...


Tokens = tuple[list[tuple[int, int]], np.ndarray]  # a text's token offsets and token vectors


def length_batches(texts: Sequence[str], batch_size: int) -> Iterator[list[int]]:
    """Yield row numbers of `texts` in batches of similar length (less padding), longest first."""
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    for start in range(0, len(texts), batch_size):
        yield order[start : start + batch_size]


def encode_by_length(
    texts: list[str],
    encode_batch: Callable[[list[str]], np.ndarray],
    dimension: int,
    batch_size: int,
    on_batch: Callable[[int], None] | None = None,
) -> np.ndarray:
    """Embed `texts` in batches of similar length (less padding); rows keep the input order."""
    out = np.zeros((len(texts), dimension), dtype=np.float32)
    done = 0
    for rows in length_batches(texts, batch_size):
        out[rows] = encode_batch([texts[i] for i in rows])
        done += len(rows)
        if on_batch is not None:
            on_batch(done)
    return out


def pipeline(st_model: SentenceTransformer) -> tuple[bool, str]:
    """Return whether a model is a transformer, mean pooling and (optional) normalisation.

    Only such a model's sentence vectors can be pooled from a passage's token vectors, and
    only such a model runs on the ONNX backends. The text describes the model's modules.
    """
    kinds = [type(module).__name__ for module in st_model]
    pooling = st_model[1].get_config_dict().get("pooling_mode") if len(kinds) > 1 else None
    plain = kinds[:2] == ["Transformer", "Pooling"] and pooling == "mean" and kinds[2:] in (
        [], ["Normalize"])
    return plain, f"{kinds} (pooling {pooling!r})"


class BatchEmbedder:
    """What every backend shares: batching by length, the query path, Chroma's call shape.

    Subclasses set `name`, `dimension`, `batch_size` and implement `_encode(texts)`, which
    returns unit vectors for one batch. A mean-pooling model also implements `_tokens(texts)`,
    which lets `encode_with_sentences` pool sentence vectors from the same pass.
    """

    name: str
    backend: str  # the EMBEDDING_BACKEND it runs on
    dimension: int
    batch_size: int

    def _encode(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def _tokens(self, texts: list[str]) -> tuple[np.ndarray, list[Tokens]] | None:
        """Return unit vectors for one batch and each text's tokens; None if not mean-pooled."""
        return None

    def __call__(self, input: Sequence[str]) -> np.ndarray:
        """Embed passages as unit vectors, in batches."""
        return self.encode(list(input))

    def encode(
        self, texts: list[str], on_batch: Callable[[int], None] | None = None
    ) -> np.ndarray:
        """Embed `texts` (longest first, to pad little), calling `on_batch(done)` per batch."""
        return encode_by_length(texts, self._encode, self.dimension, self.batch_size, on_batch)

    def encode_with_sentences(
        self, texts: list[str]
    ) -> tuple[np.ndarray, list[np.ndarray | None]]:
        """Embed passages and, from the same pass, each of their sentences (`index.store.vectors`).

        Returns the passage vectors and, per passage, its sentence vectors (NaN rows for
        sentences past the model's truncation), or None for every passage when the model
        does not mean-pool its tokens (its sentences are then encoded when a question needs
        them).
        """
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        sentences: list[np.ndarray | None] = [None] * len(texts)
        for rows in length_batches(texts, self.batch_size):
            batch = [texts[i] for i in rows]
            found = self._tokens(batch)
            if found is None:
                return self.encode(texts), [None] * len(texts)
            out[rows] = found[0]
            for row, text, (offsets, tokens) in zip(rows, batch, found[1], strict=True):
                sentences[row] = pool_sentences(text, offsets, tokens)
        return out, sentences

    def embed_query(self, text: str) -> np.ndarray:
        """Embed one question as a unit vector."""
        return self._encode([text])[0]


class SentenceTransformerEmbedder(BatchEmbedder):
    """A sentence-transformers model kept loaded for the life of the process."""

    backend = "torch"

    def __init__(self, model: str | None = None, batch_size: int = 32) -> None:
        """Load `model` (a local path or a model name); None means the packaged MiniLM."""
        if model is None:
            # The packaged weights are complete: never let the hub client reach out.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()

        location = str(packaged_model_path()) if model is None else model
        try:
            self._model: SentenceTransformer = SentenceTransformer(location, device="cpu")
        except (OSError, ValueError) as exc:
            raise ConfigError(f"EMBEDDING_MODEL {model!r} could not be loaded: {exc}") from None
        self.name = PACKAGED_MODEL if model is None else model
        model_ = self._model
        dimension = getattr(model_, "get_embedding_dimension", None)
        dimension = dimension or model_.get_sentence_embedding_dimension
        self.dimension = int(dimension() or 0)
        self.batch_size = batch_size
        self._mean_pooled = pipeline(model_)[0] and bool(model_.tokenizer.is_fast)

    @property
    def model(self) -> SentenceTransformer:
        """Return the loaded sentence-transformers model."""
        return self._model

    def _tokens(self, texts: list[str]) -> tuple[np.ndarray, list[Tokens]] | None:
        if not self._mean_pooled:
            return None
        import torch

        model = self._model
        features = model.tokenizer(
            texts, padding=True, truncation="longest_first", max_length=model.max_seq_length,
            return_offsets_mapping=True, return_tensors="pt",
        )
        offsets = features.pop("offset_mapping").tolist()
        with torch.inference_mode():
            out = model(dict(features))
        vectors = torch.nn.functional.normalize(out["sentence_embedding"], dim=1)
        tokens = out["token_embeddings"].float().numpy()
        return vectors.float().numpy(), [
            ([tuple(o) for o in offsets[i]], tokens[i]) for i in range(len(texts))
        ]

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)
