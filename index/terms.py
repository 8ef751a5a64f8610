"""Word-level text handling shared by lexical search and answering: one stemmer, one stop list."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
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
    """Return the Snowball stem of one lower-cased word (`singular` first), accents dropped."""
    return _stemmer().stemWord(singular(unaccented(word.lower())))


def stem_words(words: list[str]) -> list[str]:
    """Return the Snowball stems of lower-cased words (bm25s's calling convention)."""
    return _stemmer().stemWords([singular(unaccented(w.lower())) for w in words])


def unaccented(word: str) -> str:
    """Return a word without its accents: "Hervé" -> "Herve", "Pérez" -> "Perez".

    A question typed without them ("Montreal", "Sao Paulo") names what the coverage spells
    with them.
    """
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def text_stems(text: str) -> frozenset[str]:
    """Return the stems of the words of `text` (answering asks this of a sentence many times)."""
    return frozenset(stem_words(WORD.findall(text)))


def same_stem(one: str, other: str) -> bool:
    """Return True when two stems are one, or may be one word's (a demonym and its place).

    Two stems of five letters or more that share all but the last two of the shorter's:
    "chines" and "china", "norwegian" and "norway"; not "french" and "franc".
    """
    if one == other:
        return True
    shorter = min(len(one), len(other))
    shared = sum(1 for _ in itertools.takewhile(lambda pair: pair[0] == pair[1],
                                                zip(one, other, strict=False)))
    return shorter >= 5 and shared >= max(4, shorter - 2)


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


# What a stem may add to another stem to name the same thing in another part of speech, as
# Snowball leaves them: a people or a language from a place ("kessaria" -> "kessarian"), a
# follower or a practitioner ("luther" -> "lutheran", "clinic" -> "clinician"), and an
# adjective or a noun the stemmer ends in "i" ("provinc" -> "provinci" of "provincial",
# "econom" -> "economi" of "economy").
MIN_ROOT = 6  # the shortest stem another is folded into ("africa"): shorter ones are words
_DERIVED = (("n", "a"), ("i", ""), ("an", ""), ("ian", ""))  # the longest root first
# Stems ending so, with an "i" after them, are mostly another word ("factor" and "factori",
# "victor" and "victori", "station" and "stationi")
_NOT_BEFORE_I = ("or", "er", "on")


def roots(stem: str) -> list[str]:
    """Return the stems `stem` may derive from, the longest first ("provinci" -> ["provinc"])."""
    return [stem[: -len(tail)] for tail, before in _DERIVED
            if stem.endswith(tail) and len(stem) - len(tail) >= MIN_ROOT
            and stem[: -len(tail)].endswith(before)
            and not (tail == "i" and stem[: -len(tail)].endswith(_NOT_BEFORE_I))]


def derivations(stem: str) -> list[str]:
    """Return the stems that may derive from `stem` ("provinc" -> ["provinci", ...])."""
    return [stem + tail for tail, _ in _DERIVED if stem in roots(stem + tail)]


@lru_cache(maxsize=8192)
def other_forms(stem: str) -> tuple[str, ...]:
    """Return the stems `stem` may derive from or give, by `roots` and `derivations`."""
    return (*roots(stem), *derivations(stem))


def derived_stems(stems: Iterable[str]) -> dict[str, str]:
    """Return each stem of `stems` that derives from a shorter one of them, mapped to that one.

    "provinci" (of "provincial") -> "provinc" (of "province"), "kessarian" -> "kessaria",
    "christian" -> "christi" -> "christ" (followed to the end). A question about the province
    should find the passage about the provincial government; Snowball keeps them apart.
    """
    known = set(stems)
    parent = {word: root for word in known
              for root in [next((r for r in roots(word) if r in known), None)] if root}
    out = {}
    for word in parent:
        root = word
        while root in parent:
            root = parent[root]
        out[word] = root
    return out
