"""More outlets for an answer: sentences not read that state its value, found by searching for it.

Retrieval finds the passages nearest the question, a few per article, and the reader reads
the best of their sentences; an outlet that states the answer in other words ("Shares in
Carrowmere Mining closed 27 per cent higher" for "how much did carrowmere stock gain the day
the bid went public?") may not be among them. Once the answer is known, the facade (which
owns every search) looks for its value beside the question's words (`query`), and
`corroborate` cites each sentence of the passages retrieved or found whose sentence states
the same value and holds enough of the question's words: the answer's `support` and each
side's citations then count every outlet that says it, not only those read. An outlet cited
for one side is cited for another side it states too ("BLTC has maintained that the ferry
was certified to carry 250 passengers", in an article that gave 198 people on board).

Only a figure or a date is looked for: their equality is exact (`values.same_value`) where a
name or a phrase would need the reader; and only one specific enough to be said of one fact
(`_specific`: not "Friday", not "3 per cent").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from spacy.tokens import Doc
from text_to_num import alpha2digit

from index.answer.analysis import Analysis
from index.answer.parsing import Parser
from index.answer.tokens import tokens
from index.answer.values import Value, same_value, value_of
from index.corpus.sentences import split_sentences
from index.models import Answer, Citation, Passage

_KINDS = frozenset({"number", "percent", "money", "date"})  # values found by equality
_LABELS = frozenset({"CARDINAL", "QUANTITY", "PERCENT", "MONEY", "DATE"})


@dataclass(frozen=True)
class _Said:
    """One value an answer gives, with the numbers of the citations that say it."""

    text: str
    value: Value
    citations: tuple[int, ...]


def query(found: Answer, analysis: Analysis) -> str:
    """Return what to search for to find more outlets stating the answer ("" for nothing)."""
    said = _values(found, analysis)
    if not said:
        return ""
    return " ".join([*(s.text for s in said), analysis.query])


def corroborate(found: Answer, analysis: Analysis, passages: Sequence[Passage],
                parser: Parser, share: float, missing_gap: float, limit: int) -> Answer:
    """Return `found` citing the sentences of `passages` (not quoted yet) that state its values.

    A sentence corroborates a value when the parse finds the value in it (an entity equal to
    it), it states no other value the answer gives (then it is one account of both, or two
    facts), its article (its title and the passages given of it) names every name of the
    question the value's cited sentences name ("gives her passenger certificate as 180" in an
    article whose first paragraph names the Orsola Grey), it holds at least `share` of the
    question's words that the best of them holds, and it lacks no question word weightier by
    `missing_gap` (a share of the weightiest word's weight) than the word they lack: "Shares in
    Carrowmere Mining closed 31 per cent higher" for "how much did carrowmere stock gain the day
    the bid went public?", beside "Carrowmere shares jumped 31 per cent on the day the bid went
    public"; not "it holds about 11 per cent of the (phone) market" beside "home insurance rose
    11 per cent last year". Each value is cited at most `limit` times, by outlets it does not
    cite yet, with the score of its first citation; `support` counts the distinct sources of the
    first.
    """
    said = _values(found, analysis)
    if not said or not passages:
        return found
    quotes = {c.n: c.quote for c in found.citations}
    scores = {c.n: c.score for c in found.citations}
    floors = [share * max((analysis.coverage(quotes[n]) for n in s.citations), default=0.0)
              for s in said]
    named = [max((analysis.names_share(quotes[n]) for n in s.citations), default=0.0)
             for s in said]
    lacking = [min((analysis.missing(quotes[n]) for n in s.citations), default=1.0)
               + missing_gap for s in said]
    by_n = {c.n: c.source for c in found.citations}
    quoted = {" ".join(c.quote.lower().split()) for c in found.citations}
    looked_for = _looked_for(said)
    passages = list(dict.fromkeys(passages))
    articles: dict[str, list[str]] = {}  # what the passages give of each article
    for p in passages:
        articles.setdefault(p.source, [p.title]).append(p.text)
    sentences = [(p, s) for p in passages for s in split_sentences(p.text)
                 if " ".join(s.lower().split()) not in quoted
                 and looked_for.search(_in_digits(s))]
    docs = parser.parse([s for _, s in sentences]) if sentences else []
    citations = list(found.citations)
    numbers = [list(s.citations) for s in said]
    cited = [{by_n[n] for n in s.citations} for s in said]  # a source each side cites already
    sources: list[set[str]] = [set() for _ in said]
    for (passage, text), doc in zip(sentences, docs, strict=True):
        stated = _stated(doc, said, analysis.kind)
        if len(stated) != 1:
            continue
        i = stated[0]
        if (len(numbers[i]) >= limit or passage.source in sources[i] | cited[i]
                or analysis.coverage(text) < floors[i] or analysis.missing(text) > lacking[i]
                or analysis.names_share("\n".join(articles[passage.source])) < named[i]):
            continue
        citations.append(Citation(
            n=len(citations) + 1, source=passage.source, title=passage.title,
            paragraph=passage.paragraph, quote=text, score=scores[said[i].citations[0]],
            url=passage.url, published=passage.published))
        numbers[i].append(len(citations))
        sources[i].add(passage.source)
    if len(citations) == len(found.citations):
        return found
    published = {c.n: c.published for c in citations}
    support = found.support + len(sources[0])
    if found.conflict:
        sides = tuple(replace(side, citations=tuple(n), published=tuple(published[k] for k in n))
                      for side, n in zip(found.sides, numbers, strict=True))
        return replace(found, citations=tuple(citations), sides=sides, support=support)
    return replace(found, citations=tuple(citations), support=support)


def _values(found: Answer, analysis: Analysis) -> list[_Said]:
    """Return the figures or dates the answer gives (each side's), none if any is another kind."""
    if not found.answered or found.revised_from is not None:
        return []
    given = ([(s.answer, s.citations) for s in found.sides] if found.conflict
             else [(found.answer, tuple(c.n for c in found.citations))])
    said = [_Said(text, value_of(text, analysis.kind), numbers) for text, numbers in given]
    if not all(_specific(s.value) for s in said):
        return []
    return said


def _specific(value: Value) -> bool:
    """Return True for a figure or date that another article would state only of one fact.

    A date with its year or month ("9 July", "1983"; not "Friday", which means a day only
    against its article's date); a figure of two significant digits or more ("31 per cent",
    "4.9 per cent", "$162 million"; not "3 per cent" or "two", said of many things).
    """
    if value.kind == "date":
        return value.key[0] is not None or value.key[1] is not None
    if value.kind not in _KINDS or not isinstance(value.key[0], float):
        return False
    return len(Decimal(repr(value.key[0])).normalize().as_tuple().digits) >= 2


def _looked_for(said: list[_Said]) -> re.Pattern[str]:
    """Return a pattern a sentence must match to be parsed: a value's first number, or word.

    Matched against the sentence in digits (`_in_digits`): "38,000" is looked for as "38000"
    not after a digit, "fourteen" as "14", "August" as itself. A sentence without it states
    none of the values.
    """
    parts = set()
    for s in said:
        text = _in_digits(s.text)
        run = re.search(r"\d+", text)
        parts.add(rf"(?<![\d.]){run.group()}" if run else
                  "|".join(rf"\b{re.escape(w)}\b" for w in text.split()))
    return re.compile("|".join(sorted(parts)))


def _in_digits(text: str) -> str:
    """Return `text` lower-cased, its numbers in digits without commas ("Fourteen" -> "14")."""
    return alpha2digit(text.lower(), "en", threshold=0).replace(",", "")


def _stated(doc: Doc, said: list[_Said], kind: str) -> list[int]:
    """Return which of the answer's values the parsed sentence states (their positions)."""
    found: list[int] = []
    for entity in tokens(doc).ents:
        if entity.label_ not in _LABELS:
            continue
        value = value_of(entity.text, kind)
        for i, s in enumerate(said):
            if i not in found and same_value(s.value, value):
                found.append(i)
    return found
