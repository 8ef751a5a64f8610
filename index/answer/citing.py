"""Assemble the `Answer`: the phrase, its sentence, numbered citations, support and sides."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from index.answer.disagreement import Disagreement, Scored
from index.answer.sentences import Sentence
from index.models import Answer, Citation, Side


class Citations:
    """Numbered citations, one per passage, shared by the sides of an answer."""

    def __init__(self, limit: int) -> None:
        """Cite at most `limit` passages per call of `cite`."""
        self.limit = limit
        self.items: list[Citation] = []
        self._of: dict[str, int] = {}

    def cite(self, sentences: Iterable[Sentence], score: float) -> tuple[int, ...]:
        """Cite each sentence's passage (once), return their numbers."""
        numbers: list[int] = []
        for sentence in sentences:
            passage = sentence.hit.passage
            if passage.id not in self._of:
                if len(numbers) >= self.limit:
                    continue
                self._of[passage.id] = len(self.items) + 1
                self.items.append(Citation(
                    n=len(self.items) + 1, source=passage.source, title=passage.title,
                    paragraph=passage.paragraph, quote=sentence.text, score=score,
                    url=passage.url, published=passage.published))
            if self._of[passage.id] not in numbers:
                numbers.append(self._of[passage.id])
        return tuple(numbers)

    def published(self, numbers: tuple[int, ...]) -> tuple[str | None, ...]:
        """Return the published date of each cited passage."""
        return tuple(self.items[n - 1].published for n in numbers)


def sentences_of(scored: Scored) -> list[Sentence]:
    """Return the sentences stating an answer, the surest first, each passage once."""
    found: dict[str, Sentence] = {}
    for candidate in scored.merged.candidates:
        for sentence in candidate.sentences:
            found.setdefault(sentence.hit.passage.id, sentence)
    return list(found.values())


def answered(question: str, scored: Scored, limit: int) -> Answer:
    """Return the answer, citing every read passage that states it (up to `limit`)."""
    citations = Citations(limit)
    citations.cite(sentences_of(scored), scored.probability)
    merged = scored.merged
    return Answer(question, True, merged.text, merged.best.best.text, False,
                  tuple(citations.items), support=len(merged.sources))


def restated(found: Answer, phrase: str, sentence: Sentence) -> Answer:
    """Return `found` said more precisely by `sentence`, which is cited first."""
    citations = Citations(len(found.citations) + 1)
    citations.cite([sentence], sentence.score)
    for citation in found.citations:
        if citation.source != sentence.hit.passage.source \
                or citation.paragraph != sentence.hit.passage.paragraph:
            citations.items.append(replace(citation, n=len(citations.items) + 1))
    return replace(found, answer=phrase, sentence=sentence.text,
                   citations=tuple(citations.items))


def disagreed(question: str, found: Disagreement, limit: int) -> Answer:
    """Return the answer when sources disagree, or the newest value and what it revised."""
    citations = Citations(limit)
    numbers = [citations.cite(sentences_of(s), s.probability) for s in found.sides]
    first = found.sides[0].merged
    if found.revision:
        earlier = Side(found.sides[1].merged.text, numbers[1],
                           citations.published(numbers[1]))
        return Answer(question, True, first.text, first.best.best.text, False,
                      tuple(citations.items), support=len(first.sources), revised_from=earlier)
    sides = tuple(Side(s.merged.text, n, citations.published(n))
                  for s, n in zip(found.sides, numbers, strict=True))
    return Answer(question, True, disagreeing(sides), first.best.best.text, True,
                  tuple(citations.items), support=len(first.sources), sides=sides)


def disagreeing(sides: Iterable[Side]) -> str:
    """Return the short answer that says the sources disagree, and on what (15 words at most)."""
    text = " or ".join(s.answer for s in sides)
    return " ".join(f"Sources disagree: {text}".split()[:15])


def not_found(question: str, ranked: list[Sentence], nearest: int) -> Answer:
    """Return "the coverage does not say", citing the nearest passages."""
    citations = Citations(nearest)
    seen: dict[str, Sentence] = {}
    for sentence in ranked:
        seen.setdefault(sentence.hit.passage.id, sentence)
        if len(seen) == nearest:
            break
    for sentence in seen.values():
        citations.cite([sentence], sentence.score)
    return Answer(question, False, citations=tuple(citations.items))
