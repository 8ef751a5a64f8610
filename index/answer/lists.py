"""A question asking for things in the plural is answered with the whole list its answer heads.

The reader often marks the first item of a list ("police" of "the police and the armed
forces", "acupuncture" of "acupuncture, moxibustion, pulse diagnosis, and various herbal
drugs"); asked "which organizations" or "which three doctors", the editor wants every item.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from index.answer.tokens import text_of
from index.models import MAX_WORDS


def whole_list(answer: str, doc: Doc) -> str | None:
    """Return the coordination of noun phrases `answer` begins in the parsed sentence, if any.

    None when the answer is not found in the sentence, heads no coordination, or the whole
    list would run past `MAX_WORDS`.
    """
    at = text_of(doc).find(answer)
    span = doc.char_span(at, at + len(answer), alignment_mode="expand") if at >= 0 else None
    if span is None:
        return None
    head = span.root
    items = _items(head)
    if head.pos_ not in {"NOUN", "PROPN"} or not items:
        return None
    end = max(c.right_edge.i for c in items) + 1
    whole = doc[span.start : end]
    if len(whole) > MAX_WORDS + 5 or len(whole.text.split()) > MAX_WORDS:
        return None
    return whole.text.rstrip(" ,.;:")


def _items(head: Token) -> list[Token]:
    """Return the items after `head` of the list it heads.

    Its conjuncts, and a name in apposition that heads the rest: "Peter Davison, Colin Baker
    and Sylvester McCoy", which the parser reads as "Colin Baker" in apposition, "Sylvester
    McCoy" joined to it.
    """
    found = []
    for child in head.children:
        if child.i < head.i or child.pos_ not in {"NOUN", "PROPN"}:
            continue
        listing = child.dep_ == "appos" and child.pos_ == "PROPN" and any(
            c.dep_ == "conj" for c in child.children)
        if child.dep_ == "conj" or listing:
            found.extend([child, *_items(child)])
    return found
