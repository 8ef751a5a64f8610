"""Phrases of a parsed sentence: trimmed of edge words, or introduced by a cue ("because of").

Answer candidates (`index.answer.features`) and answer frames (`index.answer.frames`) both cut
their phrases this way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from index.answer.tokens import text_of, tokens
from index.models import MAX_WORDS

CAUSES = re.compile(r"\b(because of|because|due to|caused by|as a result of|owing to|so that|"
                    r"in order to|to avoid|for(?= fear of)|stemming from)\b", re.I)
_EDGE = frozenset(",.;:!?—–-\"'“”‘’()[]{}") | {"and", "or", "but", "'s", "’s"}


def trim(span: Span) -> Span | None:
    """Return the span without edge punctuation or conjunctions, at most MAX_WORDS words."""
    lower = tokens(span.doc).lower
    start, end = span.start, span.end
    while start < end and lower[start] in _EDGE:
        start += 1
    while start < end and lower[end - 1] in _EDGE:
        end -= 1
    if start == end:
        return None
    return span.doc[start : min(end, start + MAX_WORDS)]


def cue_phrases(doc: Doc, cues: re.Pattern[str]) -> Iterator[tuple[Span, Span]]:
    """Yield (cue, the phrase it introduces) for each match of `cues` in a parsed sentence."""
    for match in cues.finditer(text_of(doc)):
        cue = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if cue is None:
            continue
        last = cue[-1]
        end = max(last.right_edge.i, last.i) + 1
        if end - last.i - 1 < 1:  # a subordinating cue: the clause it heads follows
            end = last.head.right_edge.i + 1
        if last.i + 1 < end <= last.i + 1 + MAX_WORDS:
            yield cue, doc[last.i + 1 : end]
