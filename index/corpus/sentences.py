"""Sentence boundaries, from blingfire's finite-state splitter (fast enough for every passage).

A wire story's dateline ("FENMOUTH, March 17 (Meridian Wire) - ") is no part of its first
sentence: it says where and when the story was filed, not when what it reports happened, and
a reader given both takes the filing date for the event's. It is split off as a span of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache

import blingfire

# "FENMOUTH, March 17 (Meridian Wire) - ", "SALTMERE, Norland, May 10 (Reuters) - ",
# "WASHINGTON (AP) — ": a place in capitals, perhaps a region and a date, the agency, a dash.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][\w.'\- ]{1,30}){0,2}\s*\([A-Z][\w.&'\- ]{0,40}\)"
    r"\s*[-\u2013\u2014]+\s+(?=\S)"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return `(start, end)` character offsets of each sentence in `text`."""
    if not text.strip():
        return []
    _, offsets = blingfire.text_to_sentences_and_offsets(text)
    spans = [(start, end) for start, end in offsets if text[start:end].strip()]
    if spans and (dateline := _DATELINE.match(text, spans[0][0])) and dateline.end() < spans[0][1]:
        start, end = spans[0]
        spans[0:1] = [(start, start + len(dateline[0].rstrip())), (dateline.end(), end)]
    return spans


def split_sentences(text: str) -> list[str]:
    """Return the sentences of `text`, stripped, in order."""
    return list(_split(text))


@lru_cache(maxsize=4096)
def _split(text: str) -> tuple[str, ...]:
    # answering splits each passage it reads twice (to rank and to read its sentences), and
    # the passages of one story again for each question: about 0.4 ms a passage
    return tuple(text[start:end].strip() for start, end in sentence_spans(text))
