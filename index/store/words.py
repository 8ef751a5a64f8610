"""Word vectors kept beside the index, so that answering need not embed the coverage's words.

Answering compares the question's words with the words of the sentences it reads under the
embedding model (`index.answer.lexicon`); embedding words no question has needed before was
60-80 ms of a torch `ask` (docs/benchmarks.md). The indexer embeds the words of the passages
it adds once and keeps them here (`index.store.kept`), by the model (and precision) that
embedded them. A word missing here is embedded when a question needs it, as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from index.store.kept import Kept, digest

__all__ = ["WordVectors", "digest"]


class WordVectors(Kept):
    """Unit word vectors by (model, word), and the passages whose words they cover."""

    table, key, value = "words", "word", "vector"

    def get(self, model: str, words: Sequence[str]) -> dict[str, np.ndarray]:
        """Return the vectors kept for `words` under `model`, by word (those kept only)."""
        return {w: np.frombuffer(v, dtype=np.float32)
                for w, v in self.values(model, words).items()}

    def add(self, model: str, vectors: Mapping[str, np.ndarray], read: Iterable[str]) -> None:
        """Keep `vectors` under `model` and record the passages (digests) they cover."""
        self.put(model, {w: np.asarray(v, dtype=np.float32).tobytes()
                         for w, v in vectors.items()}, read)
