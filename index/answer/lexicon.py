"""How near in meaning a question's verb is to a sentence's: the embedding model on words.

A reader fitted on SQuAD trusts a sentence that names what the question names: asked "how
much was Vellstream fined?", it marks "$500,000" in "Vellstream said it had donated $500,000".
The question's main verb is the part it loses; paraphrase keeps its meaning ("quit" and
"resigned" are near, "fined" and "donated" are not). Words are embedded once per process.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from index.caching import BatchCache
from index.store.embedding import Embedder

WORDS: BatchCache[tuple[str, str], np.ndarray] = BatchCache(50_000)  # by (model, word)


class Lexicon:
    """Similarities of short phrases under one embedding model."""

    def __init__(self, embedder: Embedder) -> None:
        """Embed with `embedder` (its vectors are unit length)."""
        self.embedder = embedder

    def vectors(self, phrases: list[str]) -> np.ndarray:
        """Return the unit vector of each phrase, a row each (embedded once per process)."""
        name = self.embedder.name
        return np.vstack(WORDS.get([(name, p) for p in phrases],
                                   lambda keys: self.embedder.encode([p for _, p in keys])))

    def similarities(self, phrase: str, others: Iterable[str]) -> dict[str, float]:
        """Return the cosine similarity of `phrase` to each of `others`, by other."""
        wanted = list(dict.fromkeys(others))
        if not wanted:
            return {}
        vectors = self.vectors([phrase, *wanted])
        return {w: float(v @ vectors[0]) for w, v in zip(wanted, vectors[1:], strict=True)}
