"""A short answer does not say again what its question says: "129", not "the 129 MSPs".

The reader and the parse mark whole noun phrases, and a count is widened to its unit so that
it can be merged and weighed against the question's counted noun; but asked "how many MSPs?"
the answer is "129", and asked "what kind of chains?" it is "silver". The noun the question
asks about is taken off the end of the answer when what is left modifies it (a number, an
adjective, a noun in compound), and with it, down to a number, the question's words that
modify it. A name is never cut ("the Golden Gate Bridge" stays whole for "which bridge?"),
nor a list ("golf and tennis tournaments").
"""

from __future__ import annotations

import re
from collections.abc import Set

from spacy.tokens import Doc, Span, Token

from index.answer.questions import Question
from index.answer.tokens import text_of
from index.terms import stem

_MODIFIERS = frozenset({"nummod", "amod", "compound", "quantmod"})
_ARTICLES = frozenset({"the", "a", "an"})
_AMOUNTS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
_KIND_OF = re.compile(r"\b(?:kinds?|types?|sorts?|forms?) of (\w+)", re.I)


def asked_heads(question: Question) -> set[str]:
    """Return the stems of the nouns a question asks about: which X, how many X, what kind of X."""
    heads = {stem(w) for w in question.counted.split()[-1:]}
    heads.update(stem(m.group(1)) for m in _KIND_OF.finditer(question.text))
    if question.focus:
        heads.add(question.focus)  # already a stem
    return heads


def unrestated(answer: str, doc: Doc, asked: Set[str], heads: Set[str]) -> str | None:
    """Return `answer` without the question's words that end it, if any.

    `doc` is the parsed sentence the answer was read in, `asked` the stems of the question's
    words and `heads` those of the nouns it asks about (its "which X" or "how many X" noun).
    None when the answer is not found in the sentence or nothing comes off.
    """
    at = text_of(doc).find(answer)
    span = doc.char_span(at, at + len(answer), alignment_mode="expand") if at >= 0 else None
    if span is None or any(t.pos_ == "CCONJ" for t in span):
        return None  # "golf and tennis tournaments": a list shares its noun
    start, end = span.start, _restated(span, asked, heads)
    if end == span.end:
        return None
    if end - start > 1 and doc[start].lower_ in _ARTICLES and doc[start + 1].like_num:
        start += 1  # "the 129": a count needs no article
    return doc[start:end].text


def _restated(span: Span, asked: Set[str], heads: Set[str]) -> int:
    """Return where the answer ends once the question's words that end it are off.

    The noun the question asks about ("problem" of "integer factorization problem" for "what
    computational problem?") comes off if what is left modifies it; with a number, so do the
    question's words between them ("49,000 electric vehicles" for "how many electric
    vehicles?"), and all or nothing ("Fourteen battery ferries" stays). A name loses nothing.
    """
    doc, end = span.doc, span.end - 1
    head = doc[end]
    if end == span.start or head.pos_ not in {"NOUN", "PROPN"} or stem(head.text) not in heads:
        return span.end
    left = doc[end - 1]
    if head.pos_ == "PROPN" and not left.like_num:
        return span.end  # "Golden Gate Bridge" is a name; "129 MSPs" a count of them
    if _named(head, left) or not (left.like_num or _modifies(left, {head.i})):
        return span.end  # "Fresno Normal School"
    off, down = {head.i}, end
    while down - span.start > 1 and stem(doc[down - 1].text) in asked \
            and _modifies(doc[down - 1], off):
        down -= 1
        off.add(down)
    if doc[down - 1].like_num:
        return down
    counted = any(t.like_num for t in doc[span.start : end])
    return span.end if counted else end  # "Fourteen battery ferries" stays whole


def _modifies(word: Token, heads: set[int]) -> bool:
    return word.dep_ in _MODIFIERS and word.head.i in heads


def _named(head: Token, left: Token) -> bool:
    """Return True when `head` ends a name that `left` is part of."""
    return head.ent_iob_ == "I" and left.ent_type_ == head.ent_type_ \
        and left.ent_type_ not in _AMOUNTS
