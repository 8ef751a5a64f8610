"""What readers see: an immutable view of the last committed index.

A `Snapshot` holds the committed passages (for BM25, counts and sources) and the manifest that
tells committed records from the others that may share their Chroma collection (an edited
article's old version, the records of a run in progress or of one that was killed; see
`index.store.chroma`). Dense search asks Chroma for a margin of extra neighbours and widens it when
such records crowd out the committed ones.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from chromadb.api.models.Collection import Collection

from index.models import Passage
from index.store.chroma import Committed, PassageStore, record_id
from index.store.lexical import LexicalIndex
from index.store.vectors import unpack

log = logging.getLogger(__name__)

MARGIN = 16  # extra neighbours asked for, for records outside the snapshot
WIDEN = 4  # how much more to ask for when the margin was not enough


@dataclass(frozen=True)
class Snapshot:
    """A complete, immutable view of the index that readers use."""

    committed: Committed
    lexical: LexicalIndex
    ids: frozenset[str]
    by_id: Mapping[str, Passage] = field(default_factory=dict)

    @classmethod
    def build(cls, committed: Committed, passages: Sequence[Passage]) -> Snapshot:
        """Index `passages` lexically and remember which ids belong to this view."""
        by_id = {p.id: p for p in passages}
        return cls(committed, LexicalIndex(passages), frozenset(by_id), by_id)

    @classmethod
    def load(cls, store: PassageStore) -> Snapshot:
        """Read the last committed index from the store, ignoring every other record."""
        committed = store.committed()
        if committed.collection is None:
            return cls.build(committed, ())
        passages = [
            stored.passage
            for stored in PassageStore.scan(committed.collection)
            if committed.holds(stored)
        ]
        return cls.build(committed, passages)

    @property
    def collection(self) -> Collection | None:
        """Return the Chroma collection the committed passages live in."""
        return self.committed.collection

    def nearest(self, vector: np.ndarray, n: int) -> list[tuple[Passage, float]]:
        """Return up to `n` committed passages nearest to `vector`, with cosine similarity."""
        if self.collection is None or n <= 0:
            return []
        want = n + MARGIN
        while True:
            found = PassageStore.query(self.collection, vector, want)
            kept = [(p, score) for record, score in found if (p := self._committed(record))]
            if len(kept) >= n or len(found) < want:
                return kept[:n]
            want *= WIDEN

    def sentence_vectors(
        self, passages: Sequence[Passage], dimension: int
    ) -> dict[str, np.ndarray]:
        """Return the sentence vectors the indexer stored for `passages`, by passage id.

        Passages indexed without them (by an embedder that does not mean-pool, or before
        newsdesk stored them) are left out: their sentences are encoded when needed.
        """
        manifest = self.committed.manifest
        if self.collection is None or manifest is None:
            return {}
        records = {
            record_id(p.id, manifest[p.source]): p.id for p in passages if p.source in manifest
        }
        found = {}
        for record, packed in PassageStore.sentence_vectors(self.collection, list(records)).items():
            try:
                found[records[record]] = unpack(packed, dimension)
            except ValueError as exc:  # written by another model: encode instead
                log.warning("ignoring the stored sentence vectors of %s: %s", record, exc)
        return found

    def _committed(self, record: str) -> Passage | None:
        """Return the passage a record id stands for, if that version is the committed one."""
        passage_id, _, article_hash = record.partition(":")
        passage = self.by_id.get(passage_id)
        manifest = self.committed.manifest
        if passage is None:
            return None
        if manifest is not None and manifest.get(passage.source) != article_hash:
            return None
        return passage
