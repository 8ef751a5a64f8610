"""How near in meaning a question's verb is to a sentence's: the embedding model on words.

A reader fitted on SQuAD trusts a sentence that names what the question names: asked "how
much was Vellstream fined?", it marks "$500,000" in "Vellstream said it had donated $500,000".
The question's main verb is the part it loses; paraphrase keeps its meaning ("quit" and
"resigned" are near, "fined" and "donated" are not). Words are embedded once per process.

In bfloat16 (ANSWER_PRECISION, `index.answer.precision`) the words are embedded by a bfloat16
copy of a torch embedder's model: about twice as fast where the CPU multiplies bfloat16
natively, and within 0.01 of float32's similarities.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from functools import cache
from typing import Any

import numpy as np

from index.caching import BatchCache
from index.store.embedding import Embedder

WORDS: BatchCache[tuple[str, str], np.ndarray] = BatchCache(50_000)  # by (model, word)


@cache
def _bfloat16_model(embedder: Embedder) -> Any:
    """Return a bfloat16 copy of a torch embedder's model (once per process), or None."""
    model = getattr(embedder, "model", None)
    if getattr(embedder, "backend", "") != "torch" or model is None:
        return None
    import torch

    return copy.deepcopy(model).to(torch.bfloat16)


class Lexicon:
    """Similarities of short phrases under one embedding model."""

    def __init__(self, embedder: Embedder, precision: str = "float32") -> None:
        """Embed with `embedder` (its vectors are unit length), in `precision` on torch.

        `precision` is a resolved ANSWER_PRECISION, `float32` or `bfloat16`; an embedder that
        does not run on torch always embeds as it does.
        """
        self.embedder = embedder
        self._model = _bfloat16_model(embedder) if precision == "bfloat16" else None
        self._name = f"{embedder.name} [bfloat16]" if self._model is not None else embedder.name

    def _encode(self, phrases: list[str]) -> np.ndarray:
        if self._model is None:
            return self.embedder.encode(phrases)
        vectors = np.asarray(self._model.encode(
            phrases, batch_size=getattr(self.embedder, "batch_size", 32), convert_to_numpy=True,
            show_progress_bar=False,
        ), dtype=np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)  # in float32

    def vectors(self, phrases: list[str]) -> np.ndarray:
        """Return the unit vector of each phrase, a row each (embedded once per process)."""
        name = self._name
        return np.vstack(WORDS.get([(name, p) for p in phrases],
                                   lambda keys: self._encode([p for _, p in keys])))

    def similarities(self, phrase: str, others: Iterable[str]) -> dict[str, float]:
        """Return the cosine similarity of `phrase` to each of `others`, by other."""
        wanted = list(dict.fromkeys(others))
        if not wanted:
            return {}
        vectors = self.vectors([phrase, *wanted])
        return {w: float(v @ vectors[0]) for w, v in zip(wanted, vectors[1:], strict=True)}
