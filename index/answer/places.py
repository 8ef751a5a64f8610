"""A place answer named more precisely when the coverage names a place inside it.

"Beijing" becomes "Beijing's Great Hall of the People" when a sentence among those retrieved
calls a place that: the possessive names a place within the answer, which is what a "where"
question wants.
"""

from __future__ import annotations

from index.answer.parsing import Parser
from index.answer.sentences import Sentence

PLACES = frozenset({"FAC", "LOC", "GPE", "ORG"})


def more_precise(place: str, sentences: list[Sentence],
                 parser: Parser | None = None) -> tuple[str, Sentence] | None:
    """Return a place the sentences name inside `place` ("X's <place>"), with its sentence."""
    marks = (f"{place}'s ", f"{place}’s ")
    marked = [s for s in sentences if any(m in s.text for m in marks)]
    for sentence, doc in zip(marked, (parser or Parser()).parse([s.text for s in marked]),
                             strict=True):
        for entity in doc.ents:
            if entity.label_ not in PLACES:
                continue
            if entity.text.startswith(marks):
                return entity.text, sentence
            owner = doc[max(0, entity.start - 2) : entity.end]  # "Oslo 's City Hall"
            if owner.text.replace(" ", "").startswith(tuple(m.strip() for m in marks)):
                return owner.text, sentence
    return None
