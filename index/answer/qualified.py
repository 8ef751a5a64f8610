"""A thing the question qualifies, said of another by a sentence: "the 12 academies", not 16.

A question often names what it is about with a word that picks one of its kind: a number ("12
national science academies"), a name ("the Spanish Parliament", "the Liberal victory", "the
House of Lords"), a monarch's numeral ("Queen Elizabeth I") or one of a pair of opposites ("a
larger number of electors", "slowly changing", "inside the legislative competence"); or it
asks about an act that has an opposite ("who closes debates?"). A sentence that qualifies the
same noun with another of the same sort ("16 national science academies", "the Scottish
Parliament", "the House of Commons", "Queen Elizabeth II", "a much smaller number") or
states the opposite act ("ministers or party leaders open debates") and never says the asked
one speaks of another thing, however many of the question's other words it holds: its answer
is not the asked thing's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from spacy.tokens import Doc, Token

from index.answer.cues import DENYING
from index.answer.tokens import is_verb, text_of, tokens
from index.corpus.dates import NUMBER_WORDS
from index.terms import WORD, same_stem, stem, text_stems

# Pairs of opposites a qualifier may be one of: each word and the words it is the opposite of.
# A word's inflections are its own entries ("larger", "largest"). Not "first" and "last": "the
# first visit since 2017" dates the last one.
_OPPOSITES = """
large small; larger smaller; largest smallest; big small; bigger smaller; biggest smallest
high low; higher lower; highest lowest; upper lower; major minor; majority minority
more less; more fewer; most least; many few; much little; maximum minimum
long short; longer shorter; longest shortest; early late; earlier later; earliest latest
beginning end; beginning final; start end; initial final; open closed; open secret
public private; strong weak; stronger weaker; strongest weakest; fast slow; rapid slow
rapidly slowly; quickly slowly; north south; east west; northern southern; eastern western
northeast southwest; northwest southeast; inner outer; internal external; domestic foreign
increase decrease; rise fall; gain loss; victory defeat; win loss; positive negative
success failure; legal illegal; legitimate illegitimate; same different; before after
above below; inside outside; upstream downstream; male female; men women; old young
older younger; oldest youngest; ancient modern; cheap expensive; rich poor; wet dry
hot cold; warm cold; heavy light; wide narrow; deep shallow; near far; junior senior
primary secondary; direct indirect; within outside; over under; full partial
formal informal; official unofficial; governmental non-governmental; eligible non-eligible
profitable unprofitable; natural artificial; urban rural; military civilian
upward downward; rising falling; similar different; common rare; simple complex; easy difficult
simplicity complexity; simplicity difficulty; precede succeed; predecessor successor
add subtract; addition subtraction; encourage discourage; temporary permanent; true false
known unknown; possible impossible
national provincial; national regional; national local; national municipal; federal provincial
federal state; federal regional; federal local; federal municipal; central provincial
central regional; central local; provincial municipal; state municipal
"""


def _pairs(spec: str, key: Callable[[str], str]) -> dict[str, frozenset[str]]:
    """Return each word of a table of pairs, read by `key`, with the words it is paired with.

    Pairs end at a ";" or at the end of a line: "large small; larger smaller"; a group of
    more words is read as every pair of them.
    """
    table: dict[str, set[str]] = {}
    for pair in spec.replace("\n", ";").split(";"):
        words = [key(w) for w in pair.split()]
        for word in words:  # a group of more than two: each is paired with every other
            table.setdefault(word, set()).update(w for w in words if w != word)
    return {word: frozenset(others) for word, others in table.items()}


# Sets of words only one of which holds of a thing, each the others' opposite: a day of the
# week, how one person is related to another, a month (not "May", also a verb), an ordinal, a
# point of the compass.
_ONE_OF = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "father mother son daughter brother sister husband wife uncle aunt nephew niece "
    "grandfather grandmother grandson granddaughter cousin",
    "January February March April June July August September October November December",
    "second third fourth fifth sixth seventh eighth ninth tenth",  # not "first" nor "last"
    "north south east west", "northern southern eastern western",
)


def _merged(*tables: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Return one table of words and their opposites out of several."""
    return {word: frozenset().union(*(table.get(word, frozenset()) for table in tables))
            for word in set().union(*tables)}


OPPOSITES = _merged(_pairs(_OPPOSITES, stem), _pairs(";".join(_ONE_OF), stem))
# Verbs of opposite acts, by lemma; not the two ends of one act ("won" and "lost to", "bought"
# and "sold to", "gained" and "lost to"), which say the same thing the other way round.
_OPPOSED_ACTS = """
open close; open shut; increase decrease; increase reduce; increase cut; raise lower
rise fall; begin end; start end; start finish; enter leave; join leave; accept reject
approve reject; include exclude; support oppose; allow forbid; allow ban; allow prohibit
succeed fail; strengthen weaken; expand shrink; add remove; appoint dismiss; hire fire
arrive depart; lift impose; ease tighten; upturn downturn
"""


OPPOSED_ACTS = _pairs(_OPPOSED_ACTS, str.lower)
_MODIFIERS = frozenset({"amod", "compound", "nummod", "advmod", "npadvmod"})
_HEADS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})


class Qualifier(NamedTuple):
    """A word that picks which of its kind the question speaks of, and the noun it qualifies."""

    head: str  # the qualified word's stem ("academi", "parliament")
    sort: str  # "number", "model" ("Arc 7"), "name", "numeral", "opposite", "act" (a verb)
    # or "word" (one of a pair of opposites anywhere in the question)
    word: str  # the qualifier: a number's value as text, a name's or an opposite's stem


def _number(token: Token) -> str:
    """Return the number a token says, as text ("12" of "12" and "twelve"), or ""."""
    text = token.text.replace(",", "")
    if text.replace(".", "", 1).isdigit():
        return text.rstrip("0").rstrip(".") if "." in text else text
    value = NUMBER_WORDS.get(token.lower_)
    return str(value) if value is not None and token.lower_ not in {"a", "an"} else ""


def _qualifiers(token: Token) -> list[Qualifier]:
    """Return what qualifies a noun (or a verb, by an adverb) of a sentence or question."""
    head = stem(token.text)
    out = []
    for child in token.children:
        if child.dep_ not in _MODIFIERS or any(c.lower_ == "how" for c in child.children):
            continue  # "how many buses" asks, not qualifies
        number = _number(child) if child.dep_ == "nummod" else ""
        if number:  # "12 academies"; after the noun, a model's: "the Arc 7", "Terminal 5"
            model = child.i > token.i and "DATE" not in {child.ent_type_, token.ent_type_}
            out.append(Qualifier(head, "model" if model else "number", number))  # not
            # "December 1965"
        elif (child.pos_ in {"PROPN", "ADJ"} and child.text[:1].isupper() and child.i > 0
              and child.is_alpha and token.pos_ in {"NOUN", "PROPN"}):
            out.append(Qualifier(head, "name", stem(child.text)))
        elif stem(child.text) in OPPOSITES and child.pos_ in {"ADJ", "ADV", "NOUN", "VERB"}:
            out.append(Qualifier(head, "opposite", stem(child.text)))
    if token.dep_ == "pobj" and token.head.pos_ == "ADP" and stem(token.head.text) in OPPOSITES:
        out.append(Qualifier(head, "opposite", stem(token.head.text)))  # "inside the remit"
    if token.pos_ == "PROPN":  # "the House of Lords", "Queen Elizabeth I"
        out += [Qualifier(head, "name", stem(g.text)) for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                if g.dep_ == "pobj" and g.pos_ == "PROPN" and g.text[:1].isupper()]
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if after is not None and _NUMERAL.fullmatch(after.text):
            out.append(Qualifier(head, "numeral", after.text))
    return out


_NUMERAL = re.compile(r"(?:X{0,2})(?:IX|IV|V?I{0,3})")  # a monarch's or a pope's: "Henry III"


def asked_qualifiers(question: Doc) -> tuple[Qualifier, ...]:
    """Return the qualifiers of the question's nouns and verbs.

    "In what year did 12 national science academies issue a joint statement?" ->
    (academi, number, 12); "The Scotland Act enabled the Spanish Parliament to pass what?" ->
    (parliament, name, spanish); "Which islands comprise a larger number of electors?" ->
    (number, opposite, larger). A capital that opens the question is no name.
    """
    acts = [Qualifier(t.lemma_.lower(), "act", t.lemma_.lower()) for t in question
            if is_verb(t) and t.lemma_.lower() in OPPOSED_ACTS
            and not _denied(t)]  # "who closes debates?"; not "what did they refuse to accept?"
    words = [Qualifier(stem(t.text), "word", stem(t.text)) for t in question
             if t.pos_ in {*_HEADS, "ADV"} and stem(t.text) in OPPOSITES and not _asking(t)]
    return tuple(dict.fromkeys([*(q for token in question if token.pos_ in _HEADS
                                  for q in _qualifiers(token)), *acts, *words]))


def _asking(token: Token) -> bool:
    """Return True when a word is part of what the question asks: "how many", "more than"."""
    before = token.nbor(-1).lower_ if token.i else ""
    after = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    return before == "how" or after == "than"


def qualifier_said(doc: Doc, asked: Qualifier, context: str = "") -> str:
    """Return what a sentence says of the qualified noun: "asked", "other" or "" (nothing).

    "asked" when it says the asked qualifier anywhere (a name by its stem or its place's,
    "Kessarian" of "Kessaria", in a capitalised word, the number as a figure or a word, the
    opposite's word, the act's verb); "other" when every time it names the noun it qualifies
    it with another of the same sort (another number, name or numeral; "the Parliament" after
    "the Scottish Parliament" is that one again) and, for a name or a
    model, its `context` (its paragraph; for a model, its headline too: "unveils Arc 7 with
    bigger battery" over "thicker than the Arc 6") never says the asked one either, or when it
    qualifies the noun once by the asked word's opposite, or states the opposite act, not
    negated; "" otherwise.
    """
    if _says(doc, asked):
        return "asked"
    if asked.sort == "word":  # "the most used reduction" for "the least used type?"
        opposed = OPPOSITES[asked.word]
        return "other" if any(s in opposed for s in tokens(doc).stems) else ""
    if asked.sort == "act":  # "ministers or party leaders open debates" for "who closes?"
        opposed = OPPOSED_ACTS[asked.word]
        return "other" if any(t.pos_ == "VERB" and t.lemma_.lower() in opposed
                              and not _denied(t) for t in doc) else ""
    table = tokens(doc)
    heads = [doc[i] for i, s in enumerate(table.stems)
             if s == asked.head and table.pos[i] in _HEADS]
    if not heads:
        return ""
    found = [[q for q in _qualifiers(token) if q.sort == asked.sort] for token in heads]
    # "the Parliament" after "the Scottish Parliament" is that one again
    found = [qs for i, qs in enumerate(found)
             if qs or not (any(found[:i]) and _definite(heads[i]))]
    if asked.sort == "opposite":  # "the largest party" beside "opposing parties"
        opposite = OPPOSITES.get(asked.word, frozenset())
        return "other" if any(q.word in opposite for qs in found for q in qs) else ""
    if not all(found):
        return ""
    if asked.sort == "name" and context and _says_name(asked.word, context):
        return ""
    if asked.sort == "model" and any(stem(w) == asked.head for w in re.findall(
            rf"(\w+)\s+{re.escape(asked.word)}\b", context)):
        return ""
    return "other"


def _definite(noun: Token) -> bool:
    """Return True when a noun is said with "the" or "this": "the Parliament"."""
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children)


def _denied(verb: Token) -> bool:
    """Return True when a verb is negated or denied: "did not open", "refused to accept"."""
    return (any(c.dep_ == "neg" for c in verb.children)
            or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in DENYING))


def _says(doc: Doc, asked: Qualifier) -> bool:
    if asked.sort == "model":
        return any(_number(t) == asked.word and t.i and stem(t.nbor(-1).text) == asked.head
                   for t in doc)
    if asked.sort == "numeral":
        return any(t.text == asked.word and t.i and stem(t.nbor(-1).text) == asked.head
                   for t in doc)
    if asked.sort == "number":
        return any(_number(t) == asked.word for t in doc)
    if asked.sort == "act":
        return any(t.lemma_.lower() == asked.word for t in doc)
    if asked.sort == "name":
        return _says_name(asked.word, text_of(doc))
    return asked.word in tokens(doc).stems


def _says_name(word: str, text: str) -> bool:
    """Return True when a text's capitalised words say a name.

    By its stem, its place's ("Kessarian" of "Kessaria"), or its letters their initials ("UN"
    of "United Nations").
    """
    capitals = [w for w in WORD.findall(text) if w[:1].isupper()]
    if any(same_stem(said, word) for said in text_stems(" ".join(capitals))):
        return True
    return 1 < len(word) <= 5 and word.upper() in _initials(text)


def _initials(text: str) -> set[str]:
    """Return the initials of a text's runs of capitalised words ("United Nations" -> "UN")."""
    runs, run = set(), ""
    for word in re.findall(r"[^\W\d_]+|[^\w\s]", text):
        if word[:1].isupper():
            run += word[0]
        elif word not in _JOINING:
            runs.add(run)
            run = ""
    return runs | {run}


_JOINING = frozenset({"of", "the", "and", "for"})  # inside a name: "Bank of England"
