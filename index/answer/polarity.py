"""Yes/no questions: the best sentence's polarity, or both when sources' polarities differ."""

from __future__ import annotations

import re

from index.answer.analysis import Analysis
from index.answer.citing import Citations
from index.answer.sentences import Sentence
from index.models import Answer, Side

NEGATION = re.compile(
    r"\b(no|not|never|none|neither|nor|without|yet to|denied|denies|refused|n't)\b", re.I
)


def about_it(analysis: Analysis, sentence: Sentence, share: float) -> bool:
    """Return True when a sentence's passage holds the question's words and names."""
    text = f"{sentence.hit.passage.title}\n{sentence.hit.passage.text}"
    return analysis.coverage(text) >= share and analysis.names_share(text) >= 0.5


def yes_or_no(analysis: Analysis, ranked: list[Sentence], share: float,
              limit: int) -> Answer | None:
    """Answer yes or no from the best sentence about it, or report that sources disagree.

    Returns None when no sentence is about what the question asks.
    """
    relevant = [s for s in ranked if about_it(analysis, s, share)]
    if not relevant:
        return None
    best = relevant[0]
    negated = bool(NEGATION.search(best.text))
    other = next((s for s in relevant[1:] if s.hit.passage.source != best.hit.passage.source
                  and s.features["coverage"] >= share
                  and bool(NEGATION.search(s.text)) != negated), None)
    citations = Citations(limit)
    if other is None:
        citations.cite([best], best.score)
        return Answer(analysis.text, True, "No" if negated else "Yes", best.text, False,
                      tuple(citations.items), support=1)
    first, second = citations.cite([best], best.score), citations.cite([other], other.score)
    sides = (Side("No" if negated else "Yes", first, citations.published(first)),
             Side("Yes" if negated else "No", second, citations.published(second)))
    return Answer(analysis.text, True, "Sources disagree", best.text, True,
                  tuple(citations.items), support=1, sides=sides)
