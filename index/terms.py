"""Word-level text handling shared by lexical search and answering: one stemmer, one stop list."""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_EN

WORD = re.compile(r"(?u)\b\w\w+\b")
STOPWORDS = frozenset(STOPWORDS_EN)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def stem(word: str) -> str:
    """Return the Snowball stem of one lower-cased word."""
    return _stemmer().stemWord(word.lower())


def stem_words(words: list[str]) -> list[str]:
    """Return the Snowball stems of lower-cased words (bm25s's calling convention)."""
    return _stemmer().stemWords([w.lower() for w in words])


def content_terms(text: str) -> list[str]:
    """Return the stems of the words of `text` that are not stop words, in order."""
    words = [w.lower() for w in WORD.findall(text)]
    return stem_words([w for w in words if w not in STOPWORDS])
