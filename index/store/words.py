"""Word vectors kept beside the index, so that answering need not embed the coverage's words.

Answering compares the question's words with the words of the sentences it reads under the
embedding model (`index.answer.lexicon`); embedding words no question has needed before was
60-80 ms of a torch `ask` (docs/benchmarks.md). The indexer embeds the words of the passages
it adds once and keeps them here, by the model (and precision) that embedded them, in a
SQLite file beside the Chroma folder: the same file serves the embedded store and a Chroma
server. A word missing here is embedded when a question needs it, as before. Which passages'
words are kept is recorded by a digest of their text, so that a passage is read once.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from pathlib import Path

import numpy as np

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS words (model TEXT NOT NULL, word TEXT NOT NULL, "
    "vector BLOB NOT NULL, PRIMARY KEY (model, word))",
    "CREATE TABLE IF NOT EXISTS read (model TEXT NOT NULL, digest TEXT NOT NULL, "
    "PRIMARY KEY (model, digest))",
)
_BATCH = 500  # SQLite binds at most 999 variables a statement


def digest(text: str) -> str:
    """Return the key a passage's text is recorded under once its words are kept."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class WordVectors:
    """Unit word vectors by (model, word), and the passages whose words they cover."""

    def __init__(self, path: Path) -> None:
        """Use (and create when first written) the SQLite file at `path`."""
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=30.0)
        db.execute("PRAGMA journal_mode=WAL")
        for statement in _SCHEMA:
            db.execute(statement)
        return db

    def get(self, model: str, words: Sequence[str]) -> dict[str, np.ndarray]:
        """Return the vectors kept for `words` under `model`, by word (those kept only)."""
        return {w: np.frombuffer(v, dtype=np.float32)
                for w, v in self._select("word, vector", model, words)}

    def known(self, model: str, words: Sequence[str]) -> set[str]:
        """Return those of `words` whose vectors are kept under `model`."""
        return {w for (w,) in self._select("word", model, words)}

    def _select(self, columns: str, model: str, words: Sequence[str]) -> list[tuple]:
        if not words or not self.path.exists():
            return []
        rows: list[tuple] = []
        with closing(self._connect()) as db:
            for start in range(0, len(words), _BATCH):
                part = list(words[start : start + _BATCH])
                marks = ",".join("?" * len(part))
                rows.extend(db.execute(f"SELECT {columns} FROM words WHERE model = ? AND word "
                                       f"IN ({marks})", [model, *part]))
        return rows

    def unread(self, model: str, digests: Iterable[str]) -> set[str]:
        """Return those of the passage digests whose words are not kept under `model`."""
        wanted = set(digests)
        if not wanted or not self.path.exists():
            return wanted
        with closing(self._connect()) as db:
            read = {d for (d,) in db.execute("SELECT digest FROM read WHERE model = ?", [model])}
        return wanted - read

    def add(self, model: str, vectors: Mapping[str, np.ndarray], read: Iterable[str]) -> None:
        """Keep `vectors` under `model` and record the passages (digests) they cover."""
        with closing(self._connect()) as db, db:
            db.executemany("INSERT OR REPLACE INTO words VALUES (?, ?, ?)",
                           [(model, w, np.asarray(v, dtype=np.float32).tobytes())
                            for w, v in vectors.items()])
            db.executemany("INSERT OR IGNORE INTO read VALUES (?, ?)",
                           [(model, d) for d in read])
