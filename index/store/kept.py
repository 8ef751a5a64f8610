"""What the indexer works out once for answering to look up: a SQLite file beside the index.

Answering reads the words and sentences of the passages it retrieves; some of that work
(embedding the words, parsing the sentences) depends only on the passage, so the indexer does
it once, when it adds the passage, and keeps the result here by the model that made it (a
changed model makes nothing stale: it finds nothing kept). The file sits beside the Chroma
folder, so it serves the embedded store and a Chroma server alike. Which passages have been
read is recorded by a digest of their text, so that a passage is read once.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from pathlib import Path

_BATCH = 500  # SQLite binds at most 999 variables a statement


def digest(text: str) -> str:
    """Return the key a text is kept under (a passage read, a sentence parsed)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class Kept:
    """Values by (model, key) in one table of a SQLite file, and the passages they cover."""

    table = "kept"  # a subclass names its table and columns; the file may hold others
    key = "key"
    value = "value"

    def __init__(self, path: Path) -> None:
        """Use (and create when first written) the SQLite file at `path`."""
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=30.0)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute(f"CREATE TABLE IF NOT EXISTS {self.table} (model TEXT NOT NULL, "
                   f"{self.key} TEXT NOT NULL, {self.value} BLOB NOT NULL, "
                   f"PRIMARY KEY (model, {self.key}))")
        db.execute("CREATE TABLE IF NOT EXISTS read (model TEXT NOT NULL, digest TEXT NOT NULL, "
                   "PRIMARY KEY (model, digest))")
        return db

    def values(self, model: str, keys: Sequence[str]) -> dict[str, bytes]:
        """Return the values kept for `keys` under `model`, by key (those kept only)."""
        return dict(self._select(f"{self.key}, {self.value}", model, keys))

    def known(self, model: str, keys: Sequence[str]) -> set[str]:
        """Return those of `keys` kept under `model`."""
        return {k for (k,) in self._select(self.key, model, keys)}

    def _select(self, columns: str, model: str, keys: Sequence[str]) -> list[tuple]:
        if not keys or not self.path.exists():
            return []
        rows: list[tuple] = []
        with closing(self._connect()) as db:
            for start in range(0, len(keys), _BATCH):
                part = list(keys[start : start + _BATCH])
                marks = ",".join("?" * len(part))
                rows.extend(db.execute(f"SELECT {columns} FROM {self.table} WHERE model = ? "
                                       f"AND {self.key} IN ({marks})", [model, *part]))
        return rows

    def unread(self, model: str, digests: Iterable[str]) -> set[str]:
        """Return those of the passage digests not read under `model`."""
        wanted = set(digests)
        if not wanted or not self.path.exists():
            return wanted
        with closing(self._connect()) as db:
            read = {d for (d,) in db.execute("SELECT digest FROM read WHERE model = ?", [model])}
        return wanted - read

    def put(self, model: str, values: Mapping[str, bytes], read: Iterable[str]) -> None:
        """Keep `values` under `model` and record the passages (digests) they cover."""
        with closing(self._connect()) as db, db:
            db.executemany(f"INSERT OR REPLACE INTO {self.table} VALUES (?, ?, ?)",
                           [(model, k, v) for k, v in values.items()])
            db.executemany("INSERT OR IGNORE INTO read VALUES (?, ?)",
                           [(model, d) for d in read])
