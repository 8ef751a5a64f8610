"""Word-level text handling shared by lexical search and answering: one stemmer, one stop list."""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_EN

from index.packaged import packaged_model_path

WORD = re.compile(r"(?u)\b\w\w+\b")
STOPWORDS = frozenset(STOPWORDS_EN)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def stem(word: str) -> str:
    """Return the Snowball stem of one lower-cased word (`singular` first)."""
    return _stemmer().stemWord(singular(word.lower()))


def stem_words(words: list[str]) -> list[str]:
    """Return the Snowball stems of lower-cased words (bm25s's calling convention)."""
    return _stemmer().stemWords([singular(w.lower()) for w in words])


@lru_cache(maxsize=8192)
def text_stems(text: str) -> frozenset[str]:
    """Return the stems of the words of `text` (answering asks this of a sentence many times)."""
    return frozenset(stem_words(WORD.findall(text)))


def singular(word: str) -> str:
    """Return a lower-cased "-ses" plural of a word ending in one "s" as that word.

    Snowball stems "buses" as "buse" but "bus" as "bus" (and "gases", "lenses", "statuses"
    alike), so a question about a bus would miss every article about buses. The plural is read
    as its singular only when the vocabulary knows that word and not the one with an "e"
    ("bases" stays: "base" is a word).
    """
    if len(word) > 4 and word.endswith("ses") and not word.endswith("sses"):
        known = _known_words()
        if word[:-2] in known and word[:-1] not in known:
            return word[:-2]
    return word


def content_terms(text: str) -> list[str]:
    """Return the stems of the words of `text` that are not stop words, in order."""
    words = [w.lower() for w in WORD.findall(text)]
    return stem_words([w for w in words if w not in STOPWORDS])


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """Return the whole words of the packaged MiniLM's WordPiece vocabulary (about 22,500)."""
    vocabulary = (packaged_model_path() / "vocab.txt").read_text(encoding="utf-8").split()
    return frozenset(w for w in vocabulary if w.isalpha())


def is_known_word(word: str) -> bool:
    """Return True for a common English word ("tourists"), False for "purhcased" or a rare one.

    The vocabulary of the packaged model's tokenizer keeps common words whole and splits the
    rest into pieces, so it tells a word worth trusting as written from a likely misspelling.
    """
    return word.lower() in _known_words()
