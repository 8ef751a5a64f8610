"""A role said in place of its holder's name.

News names a person once and calls them by their role after, or the other way round: "The
managing director of Pinmoor Data Services has resigned", and in another paragraph or
another outlet "Pinmoor's managing director, Edwin Taskel, said ...". Asked "who resigned
at Pinmoor?", the role is what the reader finds in the sentence that answers; the answer is
the one person the coverage gives that role. So with an organisation asked for by a noun:
asked "which contractor did the hackers get in through?", "the contractor's system" is the
system of "Pinmoor Data Services, the contractor at the centre of the breach".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from index.answer.clashes import ROLE_NOUNS, role_nouns, titles
from index.answer.values import Value, same_value
from index.terms import STOPWORDS, stem

# Where a role phrase's owner begins: "director of Pinmoor", "chief executive at Metro".
_OWNER = re.compile(r"\s+(?:of|at|for)\s+|\s*[,;(]")
_WORD = re.compile(r"[\w'’-]+")


def role_words(phrase: str) -> tuple[list[str], list[str]] | None:
    """Return a role phrase's title words and its owner's, lower-cased, or None.

    "The managing director" -> (["managing", "director"], []); "director of Pinmoor Data
    Services, the contractor" -> (["director"], ["pinmoor", "data", "services"]). The title
    ends in a role noun (`index.answer.roles.ROLES`, a person's role); a phrase that names
    someone ("Managing director Colm Hardacre") is no role phrase: a word after the role noun
    is.
    """
    head, *rest = _OWNER.split(phrase, maxsplit=1)
    words = [w.lower().removesuffix("'s").removesuffix("’s") for w in _WORD.findall(head)]
    words = [w for w in words if w not in STOPWORDS]
    if not words or words[-1] not in ROLE_NOUNS:
        return None
    owner = _WORD.findall(rest[0].split(",")[0]) if rest else []
    return words, [w.lower() for w in owner if w[0].isupper()]


@dataclass(frozen=True)
class Titled:
    """The names read as answers and every title the sentences stating them give them."""

    names: tuple[Value, ...]
    titles: tuple[tuple[Value, frozenset[str]], ...]  # a name and the words of one title

    @classmethod
    def of(cls, said: Iterable[tuple[Value, str]]) -> Titled:
        """Read the titles of each name (its `Value`) in a sentence that states it, once."""
        pairs = dict.fromkeys((value, text) for value, text in said)
        return cls(tuple(dict.fromkeys(value for value, _ in pairs)), tuple(
            (value, frozenset(title)) for value, text in pairs
            for title in titles(value.words, text)))


def holder(phrase: str, titled: Titled) -> Value | None:
    """Return the one person that the coverage gives the role `phrase` says, or None.

    `titled` holds each person read as an answer with the titles the sentences stating it
    give it. A name holds the role when a sentence titles it with every title word of the
    phrase (its role noun or one naming the same role: "Justice Ellen Thwaite" is "the
    judge"), and with a word of its owner when the phrase has one ("Pinmoor's managing
    director, Edwin Taskel" holds "the managing director" and "director of Pinmoor Data
    Services"). None when no name does, or when two names that are not one person do (two
    ministers are "the minister" of different stories). The name is given in its longest
    form: "Taskel" holds what "Edwin Taskel" does.
    """
    read = role_words(phrase)
    if read is None:
        return None
    *kinds, head = read[0]
    heads, owner = role_nouns(head), set(read[1])
    return _one([value for value, title in titled.titles
                 if set(kinds) <= title and title & heads and (not owner or title & owner)],
                titled)


def described(phrase: str, noun: str, titled: Titled) -> Value | None:
    """Return the one name that the coverage calls by `noun` (a stem) and `phrase` says it by.

    `phrase` holds the noun, but no name ("contractor's system"); `titled` holds each name
    read as an answer with the titles the sentences stating it give it. A name is so called
    when a sentence titles it with the noun ("Pinmoor Data Services, the contractor at the
    centre of ..."). None when no name is, or two that are not one.
    """
    words = _WORD.findall(phrase)
    if any(w[0].isupper() for w in words[1:]) or noun not in {stem(w.lower()) for w in words}:
        return None
    return _one([value for value, title in titled.titles
                 if noun in {stem(w) for w in title}], titled)


def _one(found: list[Value], titled: Titled) -> Value | None:
    """Return the one name `found` holds (in its longest form among `titled`), or None."""
    if not found:
        return None
    longest = max(found, key=lambda v: len(v.key))
    if not all(same_value(v, longest) for v in found):
        return None
    return max((v for v in titled.names if same_value(v, longest)), key=lambda v: len(v.key))
