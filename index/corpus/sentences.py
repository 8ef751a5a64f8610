"""Sentence boundaries, from blingfire's finite-state splitter (fast enough for every passage)."""

from __future__ import annotations

import blingfire


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return `(start, end)` character offsets of each sentence in `text`."""
    if not text.strip():
        return []
    _, offsets = blingfire.text_to_sentences_and_offsets(text)
    return [(start, end) for start, end in offsets if text[start:end].strip()]


def split_sentences(text: str) -> list[str]:
    """Return the sentences of `text`, stripped, in order."""
    return [text[start:end].strip() for start, end in sentence_spans(text)]
