"""Parses of the coverage's sentences kept beside the index, for answering to look up.

Each is a sentence's spaCy parse, serialised, by the digest of the sentence and the pipeline
that made it (`index.answer.parsing` makes and reads them); the file is a `Kept` store
(`index.store.kept`) of its own, beside the Chroma folder.
"""

from __future__ import annotations

from index.store.kept import Kept


class Parses(Kept):
    """Serialised parses by (pipeline, sentence digest), and the passages they cover."""

    table, key, value = "parses", "sentence", "doc"
