"""Either-or questions: which of the things offered the coverage states, or each it states.

"is the quota yearly or spread out?" is no yes/no question: the answer is one of its
alternatives (`Question.alternatives`, two or more). A sentence states an alternative when it
is about the rest of the question (holds `yes_no_coverage` of its other words) and says that
one and none of the others: a number or a date by its value ("two" for "one or two people"),
words by their stems or by a word at least `near_word` like them under the embedding model
("a year" for "yearly"). When some sources state one and others another, the sources
disagree, unless a side's sentences are far less about the rest of the question than the
best side's (`conflict_coverage`); when no sentence tells them apart (it says several, or
none), there is no answer: never a "Yes" or a "No".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from index.answer.analysis import Analysis
from index.answer.citing import Citations, disagreeing
from index.answer.config import AnswerConfig
from index.answer.lexicon import Lexicon
from index.answer.sentences import Sentence
from index.answer.spans import asked_words
from index.answer.values import TIME_MEASURES, Value, same_value, value_of
from index.models import Answer, Side
from index.terms import STOPWORDS, WORD, stem, text_stems

_WORDS = frozenset({"text", "name"})  # the kinds of value read as words, not by value
_LONGEST = 3  # words in a sentence's phrase read as a value ("24 January 2026")


def either_or(analysis: Analysis, ranked: list[Sentence], config: AnswerConfig,
              lexicon: Lexicon | None = None) -> Answer | None:
    """Answer with the alternative the coverage states, or both when sources disagree.

    Returns None when no sentence about the question states one alternative without the other.
    """
    offered = analysis.question.alternatives
    if len(offered) < 2:
        return None
    choices = [Choice(text, [o for o in offered if o is not text], lexicon) for text in offered]
    own = set().union(*(c.stems for c in choices))
    rest = {t: w for t, w in analysis.weights.items() if t not in own}
    asked = {t: word for t, word in asked_words(analysis).items() if t in rest}
    stated: list[list[Sentence]] = [[] for _ in offered]
    about: dict[int, float] = {}  # how much of the rest of the question a sentence holds
    for sentence in ranked[: config.scanned]:
        held = _coverage(analysis, rest, asked, sentence.text, lexicon, config.near_word)
        if held < config.yes_no_coverage:
            continue
        says = [choice.stated_in(sentence.text, config.near_word) for choice in choices]
        if says.count(True) == 1:
            stated[says.index(True)].append(sentence)
            about[id(sentence)] = held
    for found in stated:
        found.sort(key=lambda s: -about[id(s)])  # the sentence most about it first
    strength = [about[id(found[0])] if found else 0.0 for found in stated]
    # a side far less about the question than the other is another thing: "diesel buses"
    # when the new buses are asked about
    sides = sorted((i for i in range(len(offered)) if stated[i]
                    and strength[i] >= config.conflict_coverage * max(strength)),
                   key=lambda i: (-strength[i], -_sources(stated[i])))
    if not sides:
        return None
    sentences = [stated[i] for i in sides]
    citations = Citations(config.cited)
    numbers = [citations.cite(found, found[0].score) for found in sentences]
    best = sentences[0][0]
    if len(sides) == 1:
        return Answer(analysis.text, True, offered[sides[0]], best.text, False,
                      tuple(citations.items), support=_sources(sentences[0]))
    given = tuple(Side(offered[i], n, citations.published(n))
                  for i, n in zip(sides, numbers, strict=True))
    return Answer(analysis.text, True, disagreeing(given), best.text, True,
                  tuple(citations.items), support=_sources(sentences[0]), sides=given)


class Choice:
    """One alternative of an either-or question, and how to find it said in a sentence."""

    def __init__(self, text: str, others: list[str], lexicon: Lexicon | None) -> None:
        self.value = value_of(text)
        self.valued = _valued(self.value) and all(_valued(value_of(o)) for o in others)
        theirs = {stem(w) for other in others for w in _content(other)}
        words = [w for w in _content(text) if stem(w) not in theirs]
        # a verb's particle need not be said too: "spread over three years" is "spread out"
        self.words = [w for w in words if w.lower() not in _PARTICLES] or words
        self.stems = {stem(w) for w in _content(text)}
        self.lexicon = lexicon

    def stated_in(self, sentence: str, near: float) -> bool:
        """Return True when `sentence` says this alternative."""
        if self.valued:  # a bare "three" is no "three days"
            return any(same_value(self.value, v) for v in _values(sentence)
                       if self.value.unit or v.unit not in TIME_MEASURES)
        if not self.words:
            return False
        if not all(_rate_said(w, sentence) for w in self.words if w.lower() in _RATES):
            return False
        held = text_stems(sentence)
        lacking = [w for w in self.words if stem(w) not in held and w.lower() not in _RATES]
        if not lacking:
            return True
        if self.lexicon is None:
            return False
        return all(_nearest(self.lexicon, w, sentence) >= near for w in lacking)


_PARTICLES = frozenset("out up off down over away back".split())
# Words of a rate, by the period they count per: "yearly" is said by "38,000 a year" or "each
# year", not by "spread over three years", a length of time.
_RATES = {"yearly": "year", "annual": "year", "annually": "year", "monthly": "month",
          "weekly": "week", "daily": "day", "nightly": "night", "hourly": "hour",
          "quarterly": "quarter"}


def _rate_said(word: str, sentence: str) -> bool:
    """Return True when a sentence says a rate: the word itself, or "a" (per, each) period."""
    period = _RATES[word.lower()]
    words = "|".join(w for w, p in _RATES.items() if p == period)  # "annual" for "yearly"
    return re.search(rf"\b(?:{words}|(?:a|an|per|each|every)\s+{period})\b", sentence,
                     re.IGNORECASE) is not None


def _valued(value: Value) -> bool:
    """Return True for a value compared by value: an amount, a date, an ordinal ("second")."""
    return value.kind not in _WORDS or value.key[:1] == ("#ordinal",)


def _content(text: str) -> list[str]:
    """Return the words of `text` that carry meaning (no stop words)."""
    return [w for w in WORD.findall(text) if w.lower() not in STOPWORDS]


@lru_cache(maxsize=256)
def _values(sentence: str) -> tuple[Value, ...]:
    """Return the values of the sentence's short phrases compared by value (`_valued`)."""
    words = sentence.split()
    found: list[Value] = []
    for start in range(len(words)):  # the longest reading at each word: "three days", not "three"
        for end in range(min(len(words), start + _LONGEST), start, -1):
            value = value_of(" ".join(words[start:end]).strip(".,;:!?()\"'"))
            if _valued(value):
                found.append(value)
                break
    return tuple(found)


def _nearest(lexicon: Lexicon, word: str, text: str) -> float:
    """Return how near the nearest word of `text` is to `word` under the embedding model."""
    said = {w.lower() for w in _content(text)}
    return max(lexicon.similarities(word.lower(), said).values(), default=0.0)


def _coverage(analysis: Analysis, weights: dict[str, float], asked: dict[str, str], text: str,
              lexicon: Lexicon | None, near: float) -> float:
    """Return the weighted share of `weights`' words (stems) that `text` holds.

    A word it lacks counts when a word of `text` is at least `near` like it (`asked` gives
    each stem's word as asked): "vehicles" for "cars".
    """
    if not weights:
        return 1.0
    held = analysis.held(text)
    credit = sum(w for t, w in weights.items() if t in held)
    if lexicon is not None:
        credit += sum(w for t, w in weights.items() if t not in held and t in asked
                      and _nearest(lexicon, asked[t], text) >= near)
    return credit / sum(weights.values())


def _sources(sentences: Sequence[Sentence]) -> int:
    """Return how many distinct sources the sentences come from."""
    return len({s.hit.passage.source for s in sentences})
