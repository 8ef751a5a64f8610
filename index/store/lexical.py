"""Lexical search over passages with bm25s (stemmed, English stop words removed).

Each passage is searched with its article's title before it: a paragraph that says "Justice
Ellen Thwaite said the ministry had given fishing groups nine days" is about the scallop
quota its headline names, though it never says so. Word frequencies (`document_frequency`,
which weigh a question's words) count the passages' own words only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

import bm25s
from bm25s.tokenization import Tokenizer
from rapidfuzz import process
from rapidfuzz.distance import OSA

from index.models import Passage
from index.terms import (
    STOPWORDS,
    content_terms,
    derived_stems,
    is_known_word,
    other_forms,
    stem,
)

MIN_CORRECTED = 6  # the shortest stem `nearest_term` corrects
CASE_SAMPLE = 30  # passages `written` reads to learn how the coverage writes a word
CASE_SHARE = 0.9  # the share of a word's mid-sentence uses capitalised that makes it a name
_OPENING = 8  # characters before a word read to tell whether it opens a sentence
_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w'’&.-]*\s+)+$")
_CAPITALISED_AFTER = re.compile(r"(?:\s+[A-Z][\w'’&.-]*)+")
_SENTENCE_END = re.compile(r"(^|[.!?:;]['\"’”)]*)\s*['\"‘“(]*$")  # what may open a sentence


def _name_around(text: str, start: int, end: int) -> set[str]:
    """Return the other words of the capitalised run that text[start:end] stands in.

    Lower-cased: "maritime" and "board" for "Safety" in "the Maritime Safety Board"; {""} for
    a word that stands alone.
    """
    before = _CAPITALISED_BEFORE.search(text, max(0, start - 80), start)
    after = _CAPITALISED_AFTER.match(text, end)
    words = ((before.group() if before else "") + " " + (after.group() if after else "")).split()
    return {w.lower() for w in words} or {""}


class LexicalIndex:
    """A BM25 index over a fixed list of passages."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        """Index `passages`."""
        self.passages = tuple(passages)
        self.tokenizer = Tokenizer(stemmer=stem, stopwords=list(STOPWORDS))
        self._bm25: bm25s.BM25 | None = None
        self._df: Counter[str] = Counter()
        self._vocabulary: list[str] | None = None
        self._folded: dict[int, int] = {}  # a derived stem's token id -> its root's
        if not self.passages:
            return
        ids = self.tokenizer.tokenize(
            [f"{p.title}\n{p.text}" for p in self.passages], update_vocab=True,
            show_progress=False)
        vocabulary = self.tokenizer.get_vocab_dict()
        self._folded = {vocabulary[word]: vocabulary[root]  # "provincial" found as "province"
                        for word, root in derived_stems(vocabulary).items()}
        self._bm25 = bm25s.BM25()
        self._bm25.index((self._fold(ids), dict(vocabulary)), show_progress=False)
        words = {i: w for w, i in vocabulary.items()}
        own = self.tokenizer.tokenize([p.text for p in self.passages], update_vocab=False,
                                      show_progress=False)
        for doc in own:
            self._df.update(words[i] for i in set(doc))

    def _unwritten(self, query: str) -> list[int]:
        """Return the ids of the forms the coverage writes of the query's words it never does.

        "province" is found as "provincial", "Kessarian" as "Kessaria" (`index.terms.other_forms`).
        """
        vocabulary = self.tokenizer.get_vocab_dict()
        found = []
        for term in content_terms(query):
            if term not in vocabulary:
                known = [t for t in other_forms(term) if t in vocabulary]
                found.extend(vocabulary[t] for t in known[:1])
        return found

    def _fold(self, ids: list[list[int]]) -> list[list[int]]:
        """Return token ids with each derived stem's id replaced by its root's (`derived_stems`)."""
        folded = self._folded
        if not folded:
            return ids
        return [[folded.get(i, i) for i in doc] if not folded.keys().isdisjoint(doc) else doc
                for doc in ids]

    def __len__(self) -> int:
        """Return the number of indexed passages."""
        return len(self.passages)

    def search(self, query: str, n: int) -> list[tuple[Passage, float]]:
        """Return up to `n` passages that share terms with `query`, best first."""
        if self._bm25 is None or n <= 0:
            return []
        tokens = self.tokenizer.tokenize([query], update_vocab=False, show_progress=False)
        tokens[0].extend(self._unwritten(query))
        if not any(tokens[0]):
            return []
        rows, scores = self._bm25.retrieve(
            self._fold(tokens), k=min(n, len(self.passages)), show_progress=False, n_threads=0
        )
        return [
            (self.passages[int(row)], float(score))
            for row, score in zip(rows[0], scores[0], strict=True)
            if score > 0
        ]

    def document_frequency(self, term: str) -> int:
        """Return in how many passages a stemmed term occurs."""
        return self._df.get(term, 0)

    def written(self, words: Iterable[str]) -> dict[str, str]:
        """Return how the coverage writes those of `words` it writes as names, by word.

        A chat question is often typed in lower case ("velcor ceo?"); the coverage says
        "Velcor" and "CEO". A word counts as a name when, in the passages that hold it (up to
        `CASE_SAMPLE`, found by one search for all of `words`), at least `CASE_SHARE` of its
        uses that do not open a sentence are capitalised, twice or more; its commonest such
        form is returned ("bltc" -> "BLTC"). Words it never capitalises, or seldom ("board"
        of "the board" and "Competition Board"), are left out. So is a common word the
        coverage capitalises only within longer names unless `words` hold another word of
        one: "safety" of "Maritime Safety Board" asked about a "safety survey", not "grey" of
        "Orsola Grey" asked with "orsola".
        """
        wanted = {w.lower(): w for w in words if w.isalpha()}
        if not wanted:
            return {}
        hits = self.search(" ".join(wanted.values()), CASE_SAMPLE)
        pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, wanted)) + r")(?![\w-])",
                             re.IGNORECASE)
        forms: dict[str, Counter[str]] = {}
        named_with: dict[str, set[str]] = {}  # the other words of the names a word is said in
        for passage, _ in hits:
            text = passage.text
            for match in pattern.finditer(text):
                start = match.start()  # what opens a sentence is a few characters long
                if _SENTENCE_END.search(text, max(0, start - _OPENING), start) is not None:
                    continue  # opens a sentence: capitalised whatever it is
                form = match.group(1)
                forms.setdefault(form.lower(), Counter())[form] += 1
                if form[0].isupper():
                    named_with.setdefault(form.lower(), set()).update(
                        _name_around(text, start, match.end()))
        out = {}
        for lower, counts in forms.items():
            capitalised = {f: n for f, n in counts.items() if f[0].isupper()}
            used = sum(counts.values())
            if used < 2 or sum(capitalised.values()) < CASE_SHARE * used:
                continue
            others = named_with.get(lower, set())
            if is_known_word(lower) and "" not in others and not others & wanted.keys():
                continue  # "Safety" only in "Maritime Safety Board"
            out[wanted[lower]] = max(capitalised, key=lambda f: (capitalised[f], f))
        return out

    def nearest_term(self, term: str) -> str | None:
        """Return the indexed stem one edit from `term` ("purhcas" -> "purchas"), or None.

        An edit is an insertion, deletion, substitution or swap of neighbours (optimal string
        alignment); of several such stems the most frequent wins. Only for stems of at least
        `MIN_CORRECTED` letters: shorter ones have too many neighbours to guess among.
        """
        if len(term) < MIN_CORRECTED or not self._df:
            return None
        if self._vocabulary is None:
            self._vocabulary = list(self._df)
        found = process.extract(term, self._vocabulary, scorer=OSA.distance, score_cutoff=1,
                                limit=None)
        near = [word for word, distance, _ in found if distance == 1]
        return max(near, key=lambda w: (self._df[w], w)) if near else None
