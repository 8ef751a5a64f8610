"""Analyse a question before retrieval: its kind, weighted words, names, and typos repaired.

A question typed in lower case ("velcor ceo?") is first written the way the coverage writes
its names ("Velcor CEO?"), so that the parse reads them as names; the reader and the embedding
model are uncased, so only the parse and the name features see the difference.

A question word the coverage never uses, if it is no name and no word spelt right, is read as
the indexed word one edit away ("purhcased" -> "purchased"), both for the search and for the
weights. Words weigh by inverse document frequency times their part of speech's factor
(nouns, names and numbers more than verbs and modifiers, which are often paraphrased).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from index.answer.questions import (
    QUESTION_WORDS,
    Question,
    apostrophes,
    parse_question,
    spelt_out,
)
from index.terms import (
    STOPWORDS,
    WORD,
    is_known_word,
    other_forms,
    stem,
    stem_words,
    text_stems,
)


class Vocabulary(Protocol):
    """What the analysis needs of the indexed coverage (the BM25 index has it)."""

    def document_frequency(self, term: str) -> int:
        """Return in how many passages a stemmed term occurs."""
        ...

    def nearest_term(self, term: str) -> str | None:
        """Return the indexed stem one edit from `term`, or None."""
        ...

    def written(self, words: Iterable[str]) -> dict[str, str]:
        """Return how the coverage writes those of `words` it writes as names, by word."""
        ...

    def __len__(self) -> int:
        """Return the number of indexed passages."""
        ...


@dataclass(frozen=True)
class Analysis:
    """A question as the pipeline reads it."""

    text: str  # as asked (checked and stripped)
    query: str  # as searched: misspelt words replaced by the indexed ones
    question: Question
    weights: dict[str, float]  # stem -> weight

    @property
    def cue(self) -> str:
        """Return the words that say what type of answer is wanted (the query, failing them)."""
        return self.question.cue or self.query

    @property
    def read_as(self) -> str:
        """Return the query as the reader reads it: written out in full (`spelt_out`)."""
        return spelt_out(self.query)

    @property
    def kind(self) -> str:
        """Return the kind of answer asked for (a key of `index.answer.questions.KINDS`)."""
        return self.question.kind

    def held(self, text: str) -> set[str]:
        """Return the question's words (stems) that `text` holds, spelt-out acronyms too."""
        stems = text_stems(text)  # "province" held by "provincial" (`other_forms`)
        held = {t for t in self.weights
                if t in stems or not stems.isdisjoint(other_forms(t))}
        for acronym in self.question.acronyms:
            if acronym_found(acronym, text):
                held.add(stem_words([acronym])[0])
        return held

    def coverage(self, text: str) -> float:
        """Return the weighted share of the question's words that `text` holds."""
        return self.share(self.held(text))

    def missing(self, text: str) -> float:
        """Return the weight of the weightiest question word `text` lacks, as a share."""
        return self.lacking(self.held(text))

    def share(self, held: set[str]) -> float:
        """Return the weighted share of the question's words among `held` (`coverage`)."""
        if not self.weights:
            return 1.0
        return sum(self.weights.get(t, 0.0) for t in held) / sum(self.weights.values())

    def lacking(self, held: set[str]) -> float:
        """Return the weight of the weightiest question word not `held`, as a share (`missing`)."""
        if not self.weights:
            return 0.0
        lacking = [w for t, w in self.weights.items() if t not in held]
        return max(lacking, default=0.0) / max(self.weights.values())

    def repeats(self, text: str) -> bool:
        """Return True when every content word of `text` is a word of the question.

        "polynomial-time reduction" repeats "Polynomial time reductions are an example of
        what?": it tells the asker nothing. A text of stop words alone repeats nothing.
        """
        stems = stem_words([w for w in WORD.findall(text) if w.lower() not in STOPWORDS])
        return bool(stems) and all(s in self.weights for s in stems)

    def names_share(self, text: str) -> float:
        """Return the share of the names and acronyms the question uses that `text` holds."""
        question = self.question
        named = [n for n in question.names if n not in question.acronyms]
        wanted = len(named) + len(question.acronyms)
        if not wanted:
            return 1.0
        stems = text_stems(text)
        found = sum(_name_found(n, stems, text) for n in named)
        found += sum(acronym_found(a, text) for a in question.acronyms)
        return found / wanted


def analyse(text: str, vocabulary: Vocabulary) -> Analysis:
    """Parse `text`, weigh its words against the coverage and repair its typos."""
    asked = apostrophes(text)  # "whats" -> "what's"
    asked = _in_full(asked, vocabulary)  # "govt" -> "government"
    asked, known = _as_written(asked, vocabulary)
    question = parse_question(asked, known)
    n = max(len(vocabulary), 1)
    names = set(stem_words(list(question.names)))
    words = {stem(w): w for w in WORD.findall(asked)}
    weights: dict[str, float] = {}
    repaired: dict[str, str] = {}
    for term, factor in zip(question.terms, question.weights, strict=True):
        frequency = vocabulary.document_frequency(term)
        if not frequency and term not in names and not is_known_word(words.get(term, term)):
            # a word the coverage never uses may be misspelt ("purhcased"); a name, or a
            # common word spelt right ("tourists", not "tourism"), stays as it is
            fixed = vocabulary.nearest_term(term)
            if fixed is not None:
                if stem(fixed) == fixed:  # a stem that reads as itself can be searched
                    repaired[words.get(term, term)] = fixed
                term, frequency = fixed, vocabulary.document_frequency(fixed)
        weight = factor * math.log(1 + n / (frequency + 0.5))
        weights[term] = max(weights.get(term, 0.0), weight)
    query = asked
    for word, fixed in repaired.items():
        query = re.sub(rf"\b{re.escape(word)}\b", fixed, query)
    return Analysis(text, query, question, weights)


# Short forms typed in a chat that news copy spells out. Only one typed in lower case (an
# upper-case "PM" is an acronym, `acronym_found`) that the coverage never uses is replaced,
# and only by words it does use ("ceo" stays where outlets write "CEO").
SHORT_FORMS = {
    "govt": "government", "gov": "government", "dept": "department", "depts": "departments",
    "ops": "operations", "mgmt": "management", "intl": "international", "natl": "national",
    "approx": "approximately", "yr": "year", "yrs": "years", "mln": "million", "mn": "million",
    "bn": "billion", "pct": "per cent", "ceo": "chief executive", "cfo": "chief financial officer",
    "pm": "prime minister", "reps": "representatives", "amt": "amount", "info": "information",
    "admin": "administration", "corp": "corporation", "hosp": "hospital", "hq": "headquarters",
    "max": "maximum", "min": "minimum",
}


def _in_full(text: str, vocabulary: Vocabulary) -> str:
    """Return `text` with the chat short forms the coverage never uses spelt out."""
    def full(match: re.Match[str]) -> str:
        word = match.group()
        long = SHORT_FORMS.get(word) if word.islower() else None
        if long is None or vocabulary.document_frequency(stem(word)):
            return word
        words = long.split()
        return long if all(vocabulary.document_frequency(stem(w)) for w in words) else word

    return WORD.sub(full, text)


def _as_written(text: str, vocabulary: Vocabulary) -> tuple[str, tuple[str, ...]]:
    """Return `text` with the words the coverage writes as names written so, and those names.

    Only words typed in lower case, or first ("Velcor ceo?"), are asked about; question and
    stop words never are ("The" of "The Hague" stays "the").
    """
    found = [(m, m.group()) for m in WORD.finditer(text)]
    asked = [w for i, (_, w) in enumerate(found)
             if (w.islower() or i == 0) and w.lower() not in QUESTION_WORDS | STOPWORDS]
    written = vocabulary.written(asked) if asked else {}
    if not written:
        return text, ()
    out, end = [], 0
    for match, word in found:
        out += [text[end:match.start()], written.get(word, word)]
        end = match.end()
    return "".join([*out, text[end:]]), tuple(dict.fromkeys(written.values()))


def acronym_found(acronym: str, text: str) -> bool:
    """Return True when `text` spells out `acronym` ("EV" -> "electric vehicles")."""
    letters = acronym.lower()
    if re.search(rf"\b{re.escape(acronym)}s?\b", text):
        return True
    words = WORD.findall(text)
    initials = "".join(w[0].lower() for w in words)
    return len(letters) > 1 and letters in initials


def _name_found(name: str, stems: frozenset[str], text: str) -> bool:
    """Return True when `text` names `name`: by stem, or verbatim for "V&A", "U.S.", "Sky+HD"."""
    if WORD.fullmatch(name):
        return stem_words([name])[0] in stems
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None
