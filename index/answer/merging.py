"""Merge equivalent candidates from many sources into one answer each, and describe it.

Outlets repeat a fact in their own words: "49,000 electric vehicles", "49000 EVs",
"forty-nine thousand cars" are one answer, and so are "Carney" and "Mark Carney"
(`index.answer.values`). Each merged answer is described by its best candidate (the reader's
logit, the span ranker's, its sentence's relevance) and by its evidence across the coverage:
how many distinct sources state it, what share of the reader's probability mass over every
candidate it holds, and its margin over the strongest other answer. `index.answer.decision`
turns that description into a probability.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Mapping
from dataclasses import dataclass, replace

from index.answer.analysis import Analysis, acronym_found
from index.answer.config import CONFIG
from index.answer.cues import HEDGES
from index.answer.features import COARSE
from index.answer.holders import Titled, described, holder
from index.answer.lexicon import Lexicon
from index.answer.questions import asks_for_clock, asks_for_day
from index.answer.sentences import Sentence
from index.answer.spans import Candidate
from index.answer.values import (
    Value,
    counted_noun,
    merge_names,
    qualified,
    same_value,
    value_of,
)
from index.corpus.dates import resolve_relative_dates
from index.terms import WORD, stem_words

# The kinds of value (`index.answer.values`) that answer each kind of question.
VALUE_KINDS = {
    "quantity": ("number", "percent", "money"), "count": ("number",), "percent": ("percent",),
    "money": ("money", "number"), "date": ("date", "time"), "duration": ("number", "date"),
    "person": ("name",), "place": ("name",), "organisation": ("name",), "ordinal": ("text",),
}

# The kinds of value that can never answer a kind of question: "how many" is not a share or a
# sum, nor "what share" a count ("38,000 cars").
RULED_OUT = {"count": ("percent", "money"), "percent": ("number", "money"), "money": ("percent",),
             "date": ("percent", "money"), "person": ("number", "percent", "money", "date", "time"),
             "organisation": ("number", "percent", "money", "date", "time")}
# The answer types (`index.answer.types`) that are no reason: "why..." is not "30 per cent", but
# may be "the 2018 arrest of Meng Wanzhou", whose value reads as a number.
# A rate ("4 cm an hour", `values.value_of`) answers an amount only when the question asks
# for one.
AMOUNTS = frozenset({"quantity", "count"})
RATE_ASKED = re.compile(r"\b(how (fast|strong)|rate|speed|pace|gusts?|winds?|per|an? (second|"
                        r"minute|hour|day|week|month|year)|hourly|daily|weekly|monthly|yearly|"
                        r"annual)\b", re.I)
NO_REASON = frozenset({"DATE", "DURATION", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
DATED = frozenset({"date", "time"})  # the kinds of value that may say a day
# A length of time answers an amount only when the question counts time ("how many years",
# "how much time"): "three days" of "three days of torrential rain" is no "how much rain".
TIME_ASKED = re.compile(r"\bhow (long|much time|many (\w+ )?(seconds|minutes|hours|days|"
                        r"weeks|fortnights|months|years|decades|centuries|times))\b", re.I)


@dataclass(frozen=True)
class Merged:
    """One answer, the candidates that state it (best first), and its description."""

    text: str
    value: Value
    candidates: tuple[Candidate, ...]
    features: dict[str, float]

    @property
    def best(self) -> Candidate:
        """Return the candidate that states it most surely."""
        return self.candidates[0]

    @property
    def texts(self) -> list[str]:
        """Return the sentences that state it, each once, the surest first."""
        return list(dict.fromkeys(s.text for c in self.candidates for s in c.sentences))

    @property
    def sources(self) -> tuple[str, ...]:
        """Return the distinct sources that state it, the best first."""
        found = (s.hit.passage.source for c in self.candidates for s in c.sentences)
        return tuple(dict.fromkeys(found))


def merge(analysis: Analysis, candidates: list[Candidate], share: float,
          lifts: Mapping[str, float] | None = None, lexicon: Lexicon | None = None,
          synonym: float = CONFIG.unit_synonym) -> list[Merged]:
    """Merge equivalent candidates and describe each merged answer.

    An amount read without the qualifier that bounds it in its sentence gets it back ("70 per
    cent" -> "more than 70 per cent", `index.answer.values.qualified`).
    A value of a kind that cannot answer the question (`RULED_OUT`, `NO_REASON` for a reason,
    a rate or a length of time for an amount not asked as one: `RATE_ASKED`, `TIME_ASKED`) is
    dropped, and so is an answer that no source dates to a day when the question asks for
    one ("what date...": not "2011", but "last week" if another outlet says "Wednesday"), or
    that is no time of day when the
    question asks for one and another answer is ("what time...": "10:30 p.m.", not "March
    3"). A candidate joins an answer only when its sentence holds at least `share` of the
    question's words that the answer's surest sentence holds: "3" in a story about ships
    does not support "three" people injured. `lifts` says how much likelier the question
    makes each answer type (`index.answer.types`); none says nothing. With a lexicon, a count
    is also described by whether its noun counts what the question counts: the same word
    (`unit_match`), one at least `synonym` near it under the embedding model ("vehicles" for
    "cars"), or another ("52 countries" for "how many cars").
    """
    ruled_out = RULED_OUT.get(analysis.kind, ())
    candidates = [c if (q := qualified(c.text, c.best.text)) == c.text else replace(c, text=q)
                  for c in candidates]
    valued = ((c, value_of(_dated(c), analysis.kind))
              for c in sorted(candidates, key=lambda c: (-c.reader, -c.phrase)))
    rates = analysis.kind not in AMOUNTS or RATE_ASKED.search(analysis.text) is not None
    lengths = analysis.kind not in AMOUNTS or TIME_ASKED.search(analysis.text) is not None
    kept = [(c, v) for c, v in valued if v.kind not in ruled_out
            and not (analysis.kind == "reason" and c.type in NO_REASON)
            and (rates or "/" not in v.unit)  # "how much snow fell?" is no "4 cm an hour"
            and (lengths or c.type != "DURATION") and not _replaced(c)]
    if analysis.kind == "person" or (analysis.kind == "organisation"
                                      and analysis.question.focus):
        kept = _named(kept, analysis.kind, analysis.question.focus)  # "The managing director"
    ordered = [c for c, _ in kept]
    values = {id(c): v for c, v in kept}
    groups: list[tuple[Value, list[Candidate]]] = []
    for candidate, value in kept:
        covered = candidate.best.features["coverage"]
        # a date one with every member, not only the first: "27 March" and "Tuesday (10 March
        # 2026)" are both "March 2026", but not one date
        home = next((g for g in groups if same_value(g[0], value)
                     and covered >= share * g[1][0].best.features["coverage"]
                     and (value.kind not in DATED
                          or all(same_value(values[id(c)], value) for c in g[1][1:]))), None)
        if home is None:
            groups.append((value, [candidate]))
        else:
            home[1].append(candidate)
    if asks_for_day(analysis.text):
        groups = [g for g in groups if g[0].kind in DATED
                  and not all(_dayless(values[id(c)]) for c in g[1])]
    elif asks_for_clock(analysis.text) and any(_clocked(v) for v, _ in groups):
        groups = [g for g in groups if _clocked(g[0])]  # "what time": not "March 3"
    kept_ids = {id(c) for _, members in groups for c in members}
    ordered = [c for c in ordered if id(c) in kept_ids]
    if not groups:
        return []
    nearness = _unit_nearness(analysis, kept, lexicon)
    context = _Context(analysis, ordered, groups, lifts or {}, nearness, synonym)
    return [context.describe(value, members, _most_precise_first(value, members, values))
            for value, members in groups]


# Words before what a sentence says was not chosen: "400 crowns, instead of 150, for ...".
_INSTEAD = re.compile(r"\b(?:instead of|rather than|in place of)\s+(?:the\s+)?$", re.I)
_INSTEAD_SAID = re.compile(r"\b(?:instead of|rather than|in place of)\b", re.I)


def _replaced(candidate: Candidate) -> bool:
    """Return True when every mention of the candidate in its sentence is what was replaced.

    "a payment of 400 crowns, instead of 150, for those whose identity documents were
    copied" states 400 crowns; 150 is what it replaces.
    """
    text = candidate.best.text
    if _INSTEAD_SAID.search(text) is None:  # most sentences: no pattern built for the candidate
        return False
    starts = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(candidate.text)}(?!\w)", text)]
    return bool(starts) and all(_INSTEAD.search(text[:start]) for start in starts)


def _named(kept: list[tuple[Candidate, Value]], kind: str,
           noun: str = "") -> list[tuple[Candidate, Value]]:
    """Return the candidates with each phrase that stands for a name read as that name.

    Asked who (`kind` "person"), a role phrase: "The managing director" (of "The managing
    director of Pinmoor Data Services has resigned") becomes "Edwin Taskel" when a sentence
    read titles him so ("Pinmoor's managing director, Edwin Taskel") and no other person
    (`index.answer.holders.holder`). Asked for an organisation by a noun (`noun`, a stem):
    "the contractor's system" becomes "Pinmoor Data Services" when a sentence read calls it
    the contractor and no other name so (`holders.described`). The phrase keeps the sentence
    it was read in.
    """
    person = kind == "person"
    names = [(c, v) for c, v in kept if v.kind == "name"
             and (c.type == "PERSON" if person else c.type not in {"PERSON", "PLACE"})]
    if not names:
        return kept
    texts = {v.key: c.text for c, v in reversed(names)}  # the surest candidate's words
    titled = Titled.of((v, s.text) for c, v in names for s in c.sentences)
    read = []
    for candidate, value in kept:
        name = None
        if value.kind == "text":
            name = (holder(candidate.text, titled) if person
                    else described(candidate.text, noun, titled))
        if name is not None:
            candidate, value = replace(candidate, text=texts[name.key]), name
        read.append((candidate, value))
    return read


def _clocked(value: Value) -> bool:
    """Return True for a time of day ("2:40 a.m.", "shortly after 10:30 p.m.")."""
    return value.kind in {"date", "time"} and value.key[4] is not None


def _dayless(value: Value) -> bool:
    """Return True for a date without a day or a weekday ("2011", "September")."""
    return value.kind == "date" and value.key[2] is None and value.key[3] is None


class _Context:
    """What describing one merged answer needs to know of all the others."""

    def __init__(self, analysis: Analysis, ordered: list[Candidate],
                 groups: list[tuple[Value, list[Candidate]]],
                 lifts: Mapping[str, float], nearness: Mapping[str, float],
                 synonym: float) -> None:
        self.analysis = analysis
        self.lifts = lifts
        self.nearness = nearness
        self.synonym = synonym
        self.top_reader = ordered[0].reader
        self.masses = [_mass(members, self.top_reader) for _, members in groups]
        self.total_mass = sum(self.masses)
        self.best_of = [members[0].reader for _, members in groups]
        self.groups = groups
        self.nouns = {counted_noun(w) for w in WORD.findall(analysis.text)}
        every = [s for c in ordered for s in c.sentences]
        self.top_dense = max(s.features["dense"] for s in every)
        self.top_coverage = max(s.features["coverage"] for s in every)

    def describe(self, value: Value, members: list[Candidate],
                 shown: list[Candidate]) -> Merged:
        """Return one merged answer with its features.

        The features read `members` (the surest first); `shown` holds the same candidates in
        the order they are to be given.
        """
        i = next(i for i, g in enumerate(self.groups) if g[1] is members)
        best = members[0]
        others = [r for j, r in enumerate(self.best_of) if j != i]
        sentences = [s for c in members for s in c.sentences]
        near = max((self.nearness[c.text] for c in members if c.text in self.nearness),
                   default=None)
        features = {
            "bias": 1.0,
            "reader": best.reader,
            "reader_gap": best.reader - self.top_reader,
            "sentence_reader": best.sentence_reader,
            "null_gap": best.reader - best.null,
            "sentence_null_gap": best.sentence_reader - best.null,
            "phrase": max(c.phrase for c in members),
            "parsed": float(any(c.origin != "reader" for c in members)),
            "fit": float(any(c.fit for c in members)),
            "frame": float(any(c.origin == "frame" for c in members)),
            "sentence": max(s.score for s in sentences),
            "dense": max(s.features["dense"] for s in sentences),
            "coverage": max(s.features["coverage"] for s in sentences),
            "context_coverage": max(_in_context(s, "context_coverage", "coverage")
                                    for s in sentences),
            "passage_coverage": max(s.features["passage_coverage"] for s in sentences),
            "names": max(s.features["names"] for s in sentences),
            "top_dense": self.top_dense,
            "top_coverage": self.top_coverage,
            "mass": self.masses[i] / self.total_mass,
            "margin": best.reader - max(others, default=best.reader - 10.0),
            "novelty": _novelty(self.analysis, best.text),
            "words": math.log1p(len(best.text.split())),
            "value_fit": float(value.kind in VALUE_KINDS.get(self.analysis.kind, ())),
            "unit_match": float(value.kind == "number" and value.unit in self.nouns),
            "predicate": max(c.predicate for c in members),
            "soft_coverage": max(c.soft for c in members),
            "hedged": sum(bool(HEDGES.search(s.text)) for s in sentences) / len(sentences),
            "missing": self.analysis.missing(best.best.text),
            "context_missing": min(_in_context(s, "context_missing", "missing")
                                   for s in sentences),
            "type_lift": statistics.fmean(self.lifts.get(c.type, 0.0) for c in members),
            "unit_synonym": float(near is not None and near >= self.synonym),
            "unit_other": float(near is not None and near < self.synonym),
            f"kind_{COARSE[self.analysis.kind]}": 1.0,
        }
        return Merged(_display(value, shown, self.analysis.kind), value, tuple(shown), features)


def _in_context(sentence: Sentence, feature: str, alone: str) -> float:
    """Return a sentence's feature read after its headline and the sentence before it.

    Only for a sentence that refers back to what it is about ("The ferry, built in 1983"):
    one that names its own subject is read alone (`alone`, the feature without context).
    """
    features = sentence.features
    if features.get("refers_back"):
        return features[feature]
    return features.get(alone, 1.0)  # a sentence described without context lacks a word


def _unit_nearness(analysis: Analysis, kept: list[tuple[Candidate, Value]],
                   lexicon: Lexicon | None) -> dict[str, float]:
    """Return, by candidate text, how near a count's noun is to the noun the question counts.

    Only counts with a noun of their own ("52 countries", not "49,000") of a question that
    counts one ("how many cars"). An acronym counts what it spells out: "214,000 electric
    vehicles" counts EVs.
    """
    counted = analysis.question.counted
    if not counted or lexicon is None:
        return {}
    nouns = {c.text: words[-1] for c, v in kept
             if v.kind == "number" and v.unit and (words := WORD.findall(c.text))
             and words[-1].isalpha()}
    near = lexicon.similarities(counted.lower(), {n.lower() for n in nouns.values()})
    spelt = next((a for a in analysis.question.acronyms if counted in {a, f"{a}s"}), None)
    return {text: 1.0 if spelt and acronym_found(spelt, text) else near[noun.lower()]
            for text, noun in nouns.items()}


def _dated(candidate: Candidate) -> str:
    """Return a candidate with its relative dates resolved ("Monday (16 February 2026)")."""
    sentence = candidate.best
    return resolve_relative_dates(candidate.text, sentence.hit.passage.published, sentence.text)


def _mass(members: list[Candidate], top: float) -> float:
    """Return the reader's probability mass on an answer: its best logit in each sentence."""
    best: dict[str, float] = {}
    for candidate in members:
        for sentence in candidate.sentences:
            key = f"{sentence.hit.passage.id}\n{sentence.index}"
            best[key] = max(best.get(key, -math.inf), candidate.reader)
    return sum(math.exp(v - top) for v in best.values())


def _novelty(analysis: Analysis, text: str) -> float:
    """Return the share of the answer's words the question does not already hold."""
    stems = stem_words(WORD.findall(text))
    if not stems:
        return 0.0
    return sum(s not in analysis.weights for s in stems) / len(stems)


def _most_precise_first(value: Value, members: list[Candidate],
                        values: dict[int, Value]) -> list[Candidate]:
    """Return a date's candidates with the one that says the most of it first.

    Outlets that say "last week" and "on Wednesday" of one launch state one answer; the
    editor asked for a date, and the one that names the day is given, with its sentence.
    Ties go to the sentence that holds more of the question's words ("on Thursday" in a
    sentence about the talks, not "on Thursday night" in one about a phone call), then keep
    their order (the surest first). Other answers are left as they are. `values` holds each
    candidate's value, by `id`.
    """
    if value.kind not in {"date", "time"}:
        return members

    def said(candidate: Candidate) -> tuple[int, float]:
        key = values[id(candidate)].key
        return (sum(field is not None for i, field in enumerate(key) if i != 3),  # not weekday
                candidate.best.features["coverage"])

    return sorted(members, key=said, reverse=True)


def _display(value: Value, members: list[Candidate], asked: str) -> str:
    """Return how to give the answer: a name in its longest form, an amount as said, or as read.

    An amount is cut to what says it only when the question (of kind `asked`) asks for one:
    "What caused the tension?" is answered "the 2018 arrest of Huawei's chief financial
    officer", not "the 2018 arrest".
    """
    best = members[0].text
    if value.kind == "name":
        return merge_names([c.text for c in members]).get(best, best)
    if value.kind in {"number", "percent", "money"} and asked in _ASKS_AMOUNT:
        return amount_said(best, value)
    return best


_ASKS_AMOUNT = frozenset({"count", "quantity", "money", "percent"})


_RUNS_ON = 6  # words past which a phrase that opens with an amount has run on past it


def amount_said(text: str, value: Value) -> str:
    """Return the shortest opening of `text` that says its whole amount, `value`.

    A reader's span may run on past the amount it marks: "60 million crowns Amberlyn set
    aside less than a fortnight ago now looks too little" is given as "60 million crowns";
    "about 9,000 customers had copies of their passports" as "about 9,000 customers". What
    bounds or counts the amount stays ("more than $2.3 million", "1,870 planned operations"),
    and a phrase of a few words is given as read: "a $162 million contract", "about $21
    million a year".
    """
    words = text.split()
    if len(words) <= _RUNS_ON:  # "a $162 million contract", "about $21 million a year": as read
        return text
    whole = value_of(text)  # read without the question's hint: a bare "5.6" is no "5.6 per cent"
    if whole.kind != value.kind:
        return text
    for end in range(1, len(words)):
        opening = " ".join(words[:end]).rstrip(",;:")
        said = value_of(opening)
        if (said.kind, said.key, said.unit, said.span) == (whole.kind, whole.key, whole.unit,
                                                           whole.span):
            return opening
    return text
