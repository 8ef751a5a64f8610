"""Cut the short answer out of a sentence: a phrase, never the whole sentence.

Every phrase of the parsed sentence that adds something to the question (entities, noun
chunks, short noun subtrees, single content words, clauses after a causal cue) is described
by `index.answer.features.span_features` and scored by the learned span ranker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from index.answer.features import MAX_WORDS, anchors, novelty, span_candidates, span_features
from index.answer.frames import frame_spans
from index.answer.phrases import trim
from index.answer.questions import Question
from index.answer.ranker import load_ranker
from index.answer.tokens import tokens
from index.terms import stem

__all__ = ["MAX_WORDS", "Option", "phrase_options", "short_answer", "widen"]
FOCUS_WINDOW = 5  # tokens between a which-question's focus noun and an instance cue


@dataclass(frozen=True)
class Option:
    """One candidate answer phrase of a sentence, scored (a logit: higher is better)."""

    score: float
    span: Span
    origin: str

    @property
    def text(self) -> str:
        """Return the phrase as it reads in the sentence, possessive mark dropped."""
        text = self.span.text
        for mark in ("'s", "’s"):
            if text.endswith(mark) and len(text) > len(mark):
                text = text[: -len(mark)]
        return " ".join(text.split()[:MAX_WORDS])


def phrase_options(doc: Doc, question: Question) -> list[Option]:
    """Return every candidate answer phrase of `doc`, best first."""
    ranker = load_ranker("span")
    found = anchors(doc, question)
    framed = [s for s in frame_spans(doc, question.frame) if novelty(s, question) > 0
              and not question.rules_out(s.text)] if question.frame else []
    spans = [("frame", s) for s in framed] + [
        (o, s) for o, s in span_candidates(doc, question)
        if all((s.start, s.end) != (f.start, f.end) for f in framed)]
    options = [
        Option(ranker.score(span_features(origin, span, question, found)), span, origin)
        for origin, span in spans
    ]
    # A cue answers more surely than any learned guess: a frame ("described Y as X"), "because
    # X" a why-question, and "<focus> ... such as X" a which-question about that focus.
    options.sort(key=lambda o: (not _cued(o, question), -o.score, o.span.start))
    return [Option(o.score, widen(o.span, question), o.origin) for o in options]


def _cued(option: Option, question: Question) -> bool:
    if option.origin == "frame":
        return True
    if option.origin == "cause":
        return question.kind == "reason"
    if option.origin != "instance" or not question.focus:
        return False
    before = option.span.doc[max(0, option.span.start - FOCUS_WINDOW) : option.span.start]
    return any(stem(t.text) == question.focus for t in before)


_DATES = frozenset({"DATE", "TIME"})
_CURRENCY = re.compile(r"(?:[A-Z]{1,3})?[$£€¥₹]")  # "$", "US$", "C$": a sign spaCy may leave out


def widen(span: Span, question: Question) -> Span:
    """Give a number its entity ("12%", "$899", "90 km/h") and, asked how many, its unit.

    Asked when, a span inside a date is the whole date ("14 July" of "July" in "on 14 July"):
    a month alone would be one value with every date of that month ("9 July").
    """
    table = tokens(span.doc)
    if question.kind == "date":
        for entity in table.ents:
            if entity.label_ in _DATES and entity.start <= span.start and span.end <= entity.end:
                return trim(entity) or span  # "the 1530s and" of "the 1530s and 1540s"
    if not any(table.number[span.start : span.end]):
        return span
    doc = span.doc
    for entity in table.ents:
        if entity.start <= span.start and span.end <= entity.end:
            span = doc[entity.start : entity.end]
            break
    if span.start > 0 and _CURRENCY.fullmatch(doc[span.start - 1].text):
        span = doc[span.start - 1 : span.end]  # "$899" of the entity "899"
    end = span.end
    if (end + 1 < len(doc) and doc[end].text == "/" and not doc[end - 1].whitespace_
            and not doc[end].whitespace_ and doc[end + 1].is_alpha and len(doc[end + 1]) <= 3):
        span = doc[span.start : end + 2]  # "90 km/h" of the entity "90 km"
    if question.kind in {"quantity", "count"}:
        for chunk in table.chunks:
            if chunk.start <= span.start and span.end <= chunk.end and len(chunk) <= 8:
                span = doc[min(chunk.start, span.start) : max(chunk.end, span.end)]
                break
    return span


def short_answer(doc: Doc, question: Question) -> str:
    """Return the short answer in the sentence `doc` for `question`, or ""."""
    options = phrase_options(doc, question)
    return options[0].text if options else ""
