"""How near in meaning a question's verb is to a sentence's: the embedding model on words.

A reader fitted on SQuAD trusts a sentence that names what the question names: asked "how
much was Vellstream fined?", it marks "$500,000" in "Vellstream said it had donated $500,000".
The question's main verb is the part it loses; paraphrase keeps its meaning ("quit" and
"resigned" are near, "fined" and "donated" are not). Words are embedded once per process.

In bfloat16 (ANSWER_PRECISION, `index.answer.precision`) the words are embedded by a bfloat16
copy of a torch embedder's model: about twice as fast where the CPU multiplies bfloat16
natively, and within 0.01 of float32's similarities.

With a word store (`index.store.words`), the words of the coverage are embedded when it is
indexed (`Lexicon.keep`) and only looked up when a question needs them.
"""

from __future__ import annotations

import copy
import logging
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from index.caching import BatchCache
from index.store.embedding import Embedder
from index.store.words import WordVectors, digest

WORDS: BatchCache[tuple[str, str], np.ndarray] = BatchCache(50_000)  # by (model, word)
_UNREADABLE: set[Path] = set()  # word stores said to be unreadable, once each
log = logging.getLogger(__name__)


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

    def __init__(self, embedder: Embedder, precision: str = "float32",
                 store: WordVectors | None = None) -> None:
        """Embed with `embedder` (its vectors are unit length), in `precision` on torch.

        `precision` is a resolved ANSWER_PRECISION, `float32` or `bfloat16`; an embedder that
        does not run on torch always embeds as it does. `store` keeps words embedded before.
        """
        self.embedder = embedder
        self.store = store
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

    @property
    def name(self) -> str:
        """Return the model (and precision) its vectors come from: their key in a store."""
        return self._name

    def vectors(self, phrases: list[str]) -> np.ndarray:
        """Return the unit vector of each phrase, a row each (embedded once per process)."""
        if not phrases:  # a question of question words only: "who is ?"
            return np.zeros((0, self.embedder.dimension), dtype=np.float32)
        name = self._name
        return np.vstack(WORDS.get([(name, p) for p in phrases],
                                   lambda keys: self._looked_up([p for _, p in keys])))

    def _looked_up(self, phrases: list[str]) -> list[np.ndarray]:
        """Return the phrases' vectors from the store, embedding those it lacks.

        A store that cannot be read is said once per process, and the model embeds them all.
        """
        found: dict[str, np.ndarray] = {}
        if self.store is not None:
            try:
                found = self.store.get(self._name, phrases)
            except (sqlite3.Error, OSError) as exc:
                if self.store.path not in _UNREADABLE:
                    _UNREADABLE.add(self.store.path)
                    log.warning("the kept word vectors at %s cannot be read (%s): words are "
                                "embedded as questions need them", self.store.path, exc)
        rest = [p for p in phrases if p not in found]
        if rest:
            found.update(zip(rest, self._encode(rest), strict=True))
        return [found[p] for p in phrases]

    def keep(self, texts: Sequence[str], batch: int = 2048,
             progress: Callable[[int, int], None] | None = None) -> int:
        """Embed and store the words of the texts not read before; return how many were new.

        A text is read once (by its digest); only words the store lacks are embedded.
        `progress` is told (words embedded, words to embed) after each batch.
        """
        from index.answer.nlp import get_nlp

        store = self.store
        if store is None or not texts:
            return 0
        by_digest = {digest(t): t for t in texts}
        unread = store.unread(self._name, by_digest)
        if not unread:
            return 0
        found: set[str] = set()  # stop words too: "made" may be a sentence's verb
        for doc in get_nlp().tokenizer.pipe(by_digest[d] for d in sorted(unread)):
            found.update(t.lower_ for t in doc if t.is_alpha)
        words = sorted(found)
        kept = store.known(self._name, words)
        new = [w for w in words if w not in kept]
        for start in range(0, len(new), batch):
            part = new[start : start + batch]
            store.add(self._name, dict(zip(part, self.vectors(part), strict=True)), ())
            if progress is not None:
                progress(start + len(part), len(new))
        store.add(self._name, {}, unread)
        return len(new)

    def similarities(self, phrase: str, others: Iterable[str]) -> dict[str, float]:
        """Return the cosine similarity of `phrase` to each of `others`, by other."""
        wanted = list(dict.fromkeys(others))
        if not wanted:
            return {}
        vectors = self.vectors([phrase, *wanted])
        return {w: float(v @ vectors[0]) for w, v in zip(wanted, vectors[1:], strict=True)}
