"""Places: named more precisely, and told apart as where a journey starts or ends.

"Beijing" becomes "Beijing's Great Hall of the People" when a sentence among those retrieved
calls a place that: the possessive names a place within the answer, which is what a "where"
question wants. Asked where something was bound, the place it sailed from is no answer, and
asked where it set out from, the place it was heading to is none (`asked_way`, `way_of`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from index.answer.parsing import Parser
from index.answer.sentences import Sentence
from index.answer.tokens import text_of
from index.terms import STOPWORDS, WORD, same_stem, stem, text_stems

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


# A question for the end of a journey ("where was the ferry bound?", "where was she heading?")
# or for its start ("where did it sail from?", "where did the flight depart?").
_ASKS_TO = re.compile(r"\b(?:bound|head(?:ed|ing)|destination|going|en route|"
                      r"(?:travel|sail|fly|fli|driv|walk|mov)\w* (?:to|towards?))\b", re.I)
_ASKS_FROM = re.compile(r"\b(?:from|depart\w*|originat\w*|set (?:out|off|sail))\s*\??$|"
                        r"\b(?:depart\w*|originat\w*|start(?:ed)? out)\b", re.I)
_TO = frozenset({"to", "towards", "toward", "for", "into"})
_LEFT = frozenset({"leave", "depart", "quit", "flee", "evacuate"})
_REACHED = frozenset({"reach", "enter"})


def asked_way(question: str) -> str:
    """Return "to" asked for where a journey ended or was to end, "from" for where it began.

    "" when the question asks for neither ("where did the ferry capsize?").
    """
    if _ASKS_FROM.search(question):
        return "from"
    return "to" if _ASKS_TO.search(question) else ""


def way_of(span: Span) -> str:
    """Return "from" for a place a sentence gives as a start, "to" as an end, else "".

    "sailed from Dunmarrow", "left Dunmarrow at 7:50 p.m." start there; "the crossing to
    Kellin", "bound for Kellin", "its destination, Kellin", "reached Kellin" end there; "two
    kilometres from Kellin" says neither.
    """
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ in {"prep", "dative"}:
        if _measured(head.head) or any(c.dep_ in {"npadvmod", "advmod"} and _measured(c)
                                       for c in head.children):
            return ""  # "two kilometres from Kellin", "a mile away from": how far, not whence
        word = head.lower_
        return "from" if word == "from" else "to" if word in _TO else ""
    if root.dep_ == "dobj" and head.pos_ == "VERB":
        lemma = head.lemma_.lower()
        return "from" if lemma in _LEFT else "to" if lemma in _REACHED else ""
    if root.dep_ == "appos" and head.lemma_.lower() == "destination":
        return "to"
    return ""


def another_way(place: str, way: str, docs: Iterable[Doc]) -> bool:
    """Return True when every sentence (`docs`) gives `place` as the other end of a journey.

    `way` is what the question asks for (`asked_way`). A sentence that names the place
    otherwise, or whose parse does not tell, keeps it.
    """
    found = False
    for doc in docs:
        for at in (m.start() for m in re.finditer(re.escape(place), text_of(doc))):
            span = doc.char_span(at, at + len(place), alignment_mode="expand")
            told = way_of(span) if span is not None else ""
            if told in {"", way}:
                return False
            found = True
    return found


def _measured(token: Token) -> bool:
    """Return True for a distance a place is measured from: "two kilometres", "away"."""
    return token.pos_ == "ADV" or (token.pos_ == "NOUN" and any(
        c.dep_ == "nummod" or c.like_num for c in token.children))


_AT_PLACES = PLACES - {"ORG"}  # what something happens in or at: not an organisation
_AT = frozenset({"in", "at"})


def asked_places(question: Doc) -> tuple[str, ...]:
    """Return the places a question says something happened in or at: "in England".

    Not a question that asks where.
    """
    if any(t.lower_ == "where" for t in question):
        return ()
    return tuple(dict.fromkeys(
        ent.text for ent in question.ents if ent.label_ in _AT_PLACES
        and ent.root.dep_ == "pobj" and ent.root.head.lower_ in _AT
        and ent.root.pos_ == "PROPN" and not _quoted(question, ent.start_char)))


def _quoted(doc: Doc, at: int) -> bool:
    """Return True when a character of a text stands inside quotation marks."""
    before = text_of(doc)[:at]
    return (before.count('"') + before.count("“") - before.count("”")) % 2 == 1


def another_place(doc: Doc, answer: str, asked: tuple[str, ...]) -> bool:
    """Return True when a sentence says it happened in another place than the one asked.

    "In southern Italy, the Normans incorporated elements of Islamic, Lombard, and Byzantine
    building techniques" for "who incorporated them in England?": it names a place the
    answer is not ("in southern Italy") as where or at which something is, and never names
    the asked one, by a word of its name or its people's ("Italian" of "Italy"). Its
    paragraph is not read: "In England, the period of Norman architecture ..." opens the
    same one.
    """
    others = [ent for ent in doc.ents if ent.label_ in _AT_PLACES and ent.root.dep_ == "pobj"
              and ent.root.head.lower_ in _AT and ent.text not in answer
              and answer not in ent.text]
    if not others:
        return False
    said = text_stems(text_of(doc))
    return not any(any(same_stem(stem(word), s) for s in said)
                   for place in asked for word in WORD.findall(place)
                   if word.lower() not in STOPWORDS)
