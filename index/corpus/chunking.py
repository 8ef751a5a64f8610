"""Cutting articles into passages: one per paragraph, long paragraphs split at sentences."""

from __future__ import annotations

import hashlib

from index.corpus.sentences import split_sentences
from index.models import Article, Passage


def passage_id(source: str, text: str) -> str:
    """Return a stable hex id for a passage: the SHA-256 of its source and text."""
    return hashlib.sha256(f"{source}\x00{text}".encode()).hexdigest()


def chunk_article(article: Article, max_words: int = 160) -> list[Passage]:
    """Return the article's passages, in order, each at most `max_words` words long.

    A paragraph longer than `max_words` is split at sentence boundaries (a single longer
    sentence stays whole); every part keeps the paragraph's 1-based number. Text that
    repeats earlier text in the article gives no second passage.

    Args:
        article: a cleaned article.
        max_words: the longest passage, in whitespace-separated words.

    Raises:
        ValueError: `max_words` is less than 1.

    """
    if max_words < 1:
        raise ValueError(f"max_words must be at least 1, not {max_words}")
    passages: list[Passage] = []
    seen: set[str] = set()
    for number, paragraph in enumerate(article.paragraphs, 1):
        for text in _parts(paragraph, max_words):
            if text in seen:
                continue
            seen.add(text)
            passages.append(
                Passage(
                    id=passage_id(article.source, text),
                    source=article.source,
                    title=article.title,
                    paragraph=number,
                    text=text,
                    url=article.url,
                    published=article.published,
                    outlet=article.outlet,
                )
            )
    return passages


def _parts(paragraph: str, max_words: int) -> list[str]:
    """Split a paragraph into runs of whole sentences of at most `max_words` words."""
    paragraph = paragraph.strip()
    if len(paragraph.split()) <= max_words:
        return [paragraph] if paragraph else []
    parts: list[str] = []
    current: list[str] = []
    words = 0
    for sentence in split_sentences(paragraph):
        length = len(sentence.split())
        if current and words + length > max_words:
            parts.append(" ".join(current))
            current, words = [], 0
        current.append(sentence)
        words += length
    if current:
        parts.append(" ".join(current))
    return parts
