"""When sources disagree: two values of one fact, a later revision, or a yes and a no.

Two merged answers disagree when their values are of one kind and differ (two counts of one
thing, two dates or weekdays as said, two names said to hold the role the question asks
about: `index.answer.values.comparable`, `index.answer.roles`), each is itself
a likely answer, both are read in sentences about the question to a like degree (the other
lacks no weightier question word than the best: "the depot fire" is not another fire), and neither
side's sentences are all hedged ("could rise to", "if", "by 2030") while the other's are
not: a possibility is another fact, not a disagreement. When the newest side's sentence says
that it revises ("revised", "up from", "has risen to", "more than first reported"), the
newest value is the answer and the one before it what it was revised from; otherwise every
side is given. A question that asks for the value as it stands now ("latest death toll?",
"how many ... in the end?") says itself that the figure changed: the newest is the answer,
revised, whatever its sentence's words. Two amounts that may both hold ("more than $2.3
million", then "3.1 million dollars") are no disagreement, but the later one is the answer,
revised, when its sentence says it updates the earlier ("has now raised"). A sentence that
says which figure replaced which ("has risen to 2,140, up from the 1,870 it reported") makes
a revision whatever the articles' dates. One dissenting
source is enough: no majority silences it.
An amount said as added to another ("a further 4 per cent") is no side.
Two amounts twenty times apart or more count different things ("$3 million" more for a "$162
million" project), as do two whose nouns are qualified otherwise ("198 people", "the 13
people still missing"), and a figure that may be a side's, rounded ("$188.4 million" beside
"$188 million"), joins that side instead of making a third.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from index.answer.clashes import one_act, years
from index.answer.config import CONFIG
from index.answer.cues import REVISIONS
from index.answer.merging import DATED, Merged
from index.answer.roles import ROLES, beside
from index.answer.values import (
    comparable,
    counted_noun,
    may_be_one,
    ratio,
    same_value,
    updatable,
    value_of,
)
from index.corpus.dates import MONTHS, WEEKDAYS, resolve_relative_dates
from index.terms import STOPWORDS, WORD, is_known_word, stem, text_stems

AMOUNTS = ("number", "percent", "money")


@dataclass(frozen=True)
class Scored:
    """A merged answer, the ranker's share of belief in it, and the chance that it is right."""

    merged: Merged
    probability: float  # that it is right (`index.answer.decision`)
    share: float = 1.0  # its softmax probability among its question's answers


@dataclass(frozen=True)
class Disagreement:
    """The sides that disagree (the likeliest first), or a revision (newest, then earlier)."""

    sides: tuple[Scored, ...]
    revision: bool


def disagreement(ranked: list[Scored], threshold: float, reader_gap: float,
                 coverage_share: float, missing_gap: float, role: str = "",
                 role_window: int = CONFIG.role_window,
                 apart: float = CONFIG.conflict_ratio,
                 latest: bool = False,
                 most: int = CONFIG.conflict_sides,
                 asked: Mapping[str, float] | None = None,
                 shared: float = CONFIG.conflict_shared,
                 acts: Sequence[frozenset[tuple[str, str]]] = (),
                 one_story: bool = False) -> Disagreement | None:
    """Return the disagreement among the likely answers `ranked` (best first), if any.

    Args:
        ranked: merged answers, the likeliest first; the first is to be given.
        threshold: the decision's threshold: another side must be a likely answer itself.
        reader_gap: how far below the best answer's reader logit another side may be.
        coverage_share: the share of the best side's question coverage the other must reach.
        missing_gap: how much weightier a question word the other side's sentence may lack
            (a paraphrased verb, not the noun that names another event).
        role: the role a "who" question asks to fill (`Question.role`); names disagree only as
            holders of it.
        role_window: how many words from the role each name may be said.
        apart: two amounts this many times apart or more count different things.
        latest: the question asks for the value as it stands now ("how many ... now?",
            "latest death toll?", `questions.asks_latest`): values first said on different
            days are a figure and its update, the newest the answer, whatever the words.
        most: more sides than this are other facts, not accounts of one: no disagreement.
        asked: the question's words (stems) and their weights (`Analysis.weights`).
        shared: another side's sentence must hold more than this share of the question words
            the best side's sentence holds: two accounts of one fact share what they are about.
        acts: the acts each of `ranked` is stated in (`clashes.acts`), in the same order: a
            side stated in the best's act (`clashes.one_act`: "has demanded 7 million crowns"
            beside "is demanding a ransom of 12 million crowns", said of one group) need not
            hold its share of the question's words.
        one_story: a side told by fewer sources than the best must be of the best side's
            story (`_same_story`): the question names nothing that keeps its answers to one
            ("who is the health minister?").

    """
    best = ranked[0]
    stated = _stated_revision(ranked)
    if stated is not None:
        return stated
    sides, updates = [best], []
    elsewhere = 0  # sides left out as of another story
    limits = (reader_gap, coverage_share, missing_gap, apart, shared)
    likely = [s.merged for s in ranked if s.probability >= threshold]
    read = {id(s.merged): _read_about(s.merged, likely, asked or {}, best.merged.texts)
            for s in ranked[1:] if s.merged.value.kind in (*AMOUNTS, *DATED)}
    role_of_name = (role, role_window)
    acted = [*acts, *[frozenset()] * (len(ranked) - len(acts))]
    for other, act in zip(ranked[1:], acted[1:], strict=True):
        value = other.merged.value
        if other.probability < threshold:
            continue
        joined = next((i for i, s in enumerate(sides) if same_value(s.merged.value, value)),
                      None)
        if joined is None:
            joined = next((i for i, s in enumerate(sides[1:], 1)
                           if may_be_one(s.merged.value, value)
                           and _counts_alike(s.merged, other.merged)), None)
        if joined is not None:  # "78%" in a sentence worded otherwise, "$188.4 million" beside
            side = sides[joined]  # "$188 million": one account, its sources pooled
            pooled = side.merged.candidates + other.merged.candidates
            sides[joined] = replace(side, merged=replace(side.merged, candidates=pooled))
            continue
        if _increment(other.merged):  # "fell a further 4 per cent": added, not a rival
            continue
        same = one_act(acted[0], act)
        if _disagrees(best.merged, other.merged, limits, role_of_name, asked or {},
                      same_act=same, read=read):
            if (one_story and len(other.merged.sources) < len(best.merged.sources)
                    and not _same_story(best.merged, other.merged, asked or {})):
                elsewhere += 1  # another story's health minister, told by fewer sources: no
                # side, but counted among the values, which too many make no disagreement
            elif not any(_side_by_side(s.merged, other.merged) for s in sides[1:]):
                sides.append(other)  # "on January 4, ... completed on February 9": one side
        elif _disagrees(best.merged, other.merged, limits, role_of_name, asked or {},
                        updating=True, same_act=same, read=read):
            updates.append(other)  # "more than 2.3 million", then "3.1 million": no conflict
    dated = [s for s in (*sides, *updates) if _first_said(s.merged)]  # an undated side is of
    # no known day: neither newer nor older
    if latest and len(dated) > 1:
        *_, older, newest = sorted(dated, key=lambda s: _first_said(s.merged))
        if _first_said(older.merged) < _first_said(newest.merged):
            return Disagreement((newest, older), revision=True)
    if len(sides) == 1 and len(updates) == 1:
        older, newest = sorted([best, *updates], key=lambda s: _first_said(s.merged))
        if _revises(newest.merged, _first_said(older.merged)):
            return Disagreement((newest, older), revision=True)
    if len(sides) == 1 or len(sides) + elsewhere > most:
        return None
    *_, older, newest = sorted(sides, key=lambda s: _first_said(s.merged))
    if _revises(newest.merged, _first_said(older.merged)):  # of two sides or more
        return Disagreement((newest, older), revision=True)
    return Disagreement(tuple(sides), revision=False)


def _same_story(best: Merged, other: Merged, asked: Mapping[str, float]) -> bool:
    """Return True when two answers' paragraphs and headlines share a name the question lacks.

    Accounts of one story name its people and places around what they state ("Health
    Minister Isak Feldmoor" beside "Esterhold" and "NCWU"); a distractor's health minister
    is said beside other names ("Westerhold"). Names are the words written capitalised
    within a sentence, but for a role's, a month's or a day's; where both say names no
    dictionary holds, only those count ("Lake" of "Lake Semmer" is no "Lake Brennoch"); where
    either says none, they may be of one story.
    """
    names = [_names(m, asked) for m in (best, other)]
    rare = [{w for w in found if not is_known_word(w)} for found in names]
    if rare[0] and rare[1]:
        return bool(rare[0] & rare[1])
    return not (names[0] and names[1]) or bool(names[0] & names[1])  # no names: no telling


def _names(merged: Merged, asked: Mapping[str, float]) -> set[str]:
    """Return the names said in the paragraphs and headlines of the sentences stating it."""
    passages = {s.hit.passage.id: s.hit.passage for c in merged.candidates for s in c.sentences}
    found = set()
    for passage in passages.values():
        for sentence in _SENTENCE.split(f"{passage.title}\n{passage.text}"):
            words = _WORD.findall(sentence)[1:]  # what opens a sentence is capitalised anyway
            found.update(w.lower() for w in words if w[:1].isupper())
    return {w for w in found if w not in _NOT_NAMES and stem(w) not in asked}


_SENTENCE = re.compile(r"(?<=[.!?:;\"“”])\s+|\n+")
_WORD = re.compile(r"[\w'’-]+")
_NOT_NAMES = ROLES | STOPWORDS | {w.lower() for w in (*WEEKDAYS, *MONTHS)} | {
    "prime", "deputy", "mr", "mrs", "ms", "dr", "sir"}


def _increment(merged: Merged) -> bool:
    """Return True when every sentence stating an amount says it as added to another.

    "Shares fell a further 4 per cent", "another 200 jobs", "an additional $5 million": an
    amount on top of one said before, no other account of it.
    """
    figure = _FIGURE.search(merged.value.text)
    if merged.value.kind not in AMOUNTS or figure is None:
        return False
    said = re.compile(rf"(?<![\d.,]){re.escape(figure.group())}(?![\d,]|\.\d)")
    found = [text[:m.start()] for text in merged.texts for m in said.finditer(text)]
    return bool(found) and all(_ADDED.search(before) for before in found)


_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_ADDED = re.compile(r"\b(?:a further|another|an additional|an extra|a fresh)\s+[$€£]?$",
                    re.IGNORECASE)


def _stated_revision(ranked: list[Scored]) -> Disagreement | None:
    """Return the revision a sentence states between the best answer and another.

    "has risen to 2,140, up from the 1,870 it reported", "203 people ..., revised up from the
    198 it gave": the sentence itself says which figure replaced which, whatever the dates of
    the articles, however each figure was worded elsewhere and however likely the other is
    on its own (the reader often prefers the figure it was revised from).
    """
    best = ranked[0]
    if best.merged.value.kind not in (*AMOUNTS, *DATED):
        return None
    for other in ranked[1:]:
        if same_value(best.merged.value, other.merged.value):
            continue
        if not (comparable(best.merged.value, other.merged.value)
                or updatable(best.merged.value, other.merged.value)):
            continue
        if _revised_within(best.merged, other.merged) and not _hedged(other.merged):
            return Disagreement((other, best), revision=True)  # not "could rise to 60"
        if _revised_within(other.merged, best.merged):
            return Disagreement((best, other), revision=True)
    return None


def _revised_within(older: Merged, newer: Merged) -> bool:
    """Return True when a sentence either was read in says `newer` replaced `older`.

    The sentence says it revises (`cues.REVISIONS`) or that the figure changed ("has also
    risen sharply, to 26,400 from about 9,000"), states `older` only as what it came from
    ("up from the 1,870", "from an earlier estimate of 2,600") and `newer` otherwise. A figure
    set against another period ("up from 48,400 tonnes a year earlier") is no revision.
    """
    read_in = {s.key for m in (older, newer) for c in m.candidates for s in c.sentences}
    for text in read_in:  # "It reckons it can save 175 million crowns a year, revised up
        # from 120 million crowns": read for the one, it states the other too
        if REVISIONS.search(text) is None and _CHANGED.search(text) is None:
            continue
        was = [m for p in _said(older, whole=False) for m in p.finditer(text)]
        now = [m.start() for p in _said(newer, whole=False) for m in p.finditer(text)]
        if (was and now and all(_REVISED_FROM.search(text[:m.start()])
                                and not _PERIOD.match(text[m.end():]) for m in was)
                and not any(_REVISED_FROM.search(text[:at]) for at in now)):
            return True
    return False


# Verbs of a figure that changed, beside the revision cues: "has also risen sharply, to 26,400".
_CHANGED = re.compile(r"\b(?:ris(?:en|es|e|ing)|rose|f[ae]ll(?:en|s|ing)?|climb\w*|jump\w*|"
                      r"increas\w*|decreas\w*|gr[eo]w\w*|drop\w*|revis\w*|rais\w*|lower\w*|"
                      r"reduc\w*|updat\w*|correct\w*|cut)\b")
# What a figure was revised from: "up from the 1,870", "from an earlier estimate of 2,600".
_REVISED_FROM = re.compile(
    r"\bfrom (?:(?:the|an?|its|their|earlier|initial|first|previous|original|estimate[ds]?|"
    r"figure|count|total|of|about|around|roughly|some|nearly|almost|more than)\s+){0,4}$")
# A figure of another period, not an earlier account of the same: "48,400 tonnes a year earlier".
_PERIOD = re.compile(r"^(?:\s+\w+)?\s+(?:a year (?:earlier|before|ago)|last year|the year before|"
                     r"in (?:19|20)\d\d|the (?:previous|same) (?:year|quarter|month|period))\b")


def _disagrees(best: Merged, other: Merged, limits: tuple[float, float, float, float, float],
               role: tuple[str, int], asked: Mapping[str, float],
               updating: bool = False, same_act: bool = False,
               read: Mapping[int, tuple[float, float]] | None = None) -> bool:
    """Return True when `other` states another value of the fact `best` states.

    `role` is the role a "who" question asks to fill ("trade minister"; "" if none) and how
    many words from it a name may be said.
    With `updating`, two amounts that may both hold ("more than 2.3 million", "3.1 million")
    count too: a later report of one may update the other, though they do not contradict.
    With `same_act`, both are stated in one act (`clashes.one_act`), so `other`'s sentence need
    not hold as much of the question as the best's. `read` gives an amount's or a date's
    coverage and missing word as every likely answer of its value reads it (`_read_about`), by
    `id`; the best's own sentence is the bar (a name's sides are told by the role they hold).
    """
    reader_gap, coverage_share, missing_gap, apart, shared = limits
    pooled = (read or {}).get(id(other), (0.0, 1.0))
    covered, missing = max(_coverage(other), pooled[0]), min(_missing(other), pooled[1])
    related = updatable if updating else comparable
    if not related(best.value, other.value) or same_value(best.value, other.value):
        return False
    if not _counts_alike(best, other):
        return False  # "40 firefighters" and "90 appointments" count different things
    if best.value.kind in AMOUNTS and (ratio(best.value, other.value) >= apart
                                       or best.best.qualifiers != other.best.qualifiers):
        return False  # "$3 million" is no account of a "$162 million" project's cost, nor
        # "the 13 people still missing" of the "198 people" on board
    if other.best.best.key == best.best.best.key or _side_by_side(best, other):
        return False  # two figures of one sentence are two facts ("5 of the 14 ferries")
    if best.value.kind == "name" and not _one_role(best, other, *role):
        return False  # two people named in answer to "who operates the dam?" are two facts
    if best.value.kind in DATED and not comparable(value_of(best.best.text, "date"),
                                                   value_of(other.best.text, "date")):
        return False  # "Friday" said, resolved to 17 April 2026, is no other year than "2018"
    if best.value.kind in DATED and bool(_SINCE.match(best.value.text)) != bool(
            _SINCE.match(other.value.text)):
        return False  # "since 2005" says from when a thing holds, not when it was done
    if best.value.kind in DATED and other.best.another_event and not best.best.another_event:
        return False  # "returned on Saturday ..., where she held talks" dates the return
    if other.best.reader < best.best.reader - reader_gap:
        return False
    if not same_act and covered < coverage_share * best.features["coverage"]:
        return False
    if not same_act and missing > best.features["missing"] + missing_gap:
        return False  # it lacks a weightier question word: another fire, another visit
    if _shared(best, other, asked) <= shared:
        return False  # "vote on 9 July" and "takeover rules ... firm offer by June 15"
    if best.value.kind not in DATED and _another_year(other, _years_of(best)):
        return False  # "last went on strike in 2011, in a one-day stoppage" is no account of
        # this year's strike
    return _hedged(best) == _hedged(other)


_SINCE = re.compile(r"(?:ever )?since\b", re.IGNORECASE)


def _years_of(merged: Merged) -> set[int]:
    """Return the years an answer's sentences are about.

    Those they name (not as a bound, "since 2011"), or else the year each was published.
    """
    found: set[int] = set()
    for candidate in merged.candidates:
        for sentence in candidate.sentences:
            published = sentence.hit.passage.published or ""
            said = years(resolve_relative_dates(sentence.text, published or None), bounds=False)
            found |= said or ({int(published[:4])} if published[:4].isdigit() else set())
    return found


def _another_year(merged: Merged, others: set[int]) -> bool:
    """Return True when every sentence stating an answer names years, none of `others`."""
    if not others:
        return False
    for candidate in merged.candidates:
        for sentence in candidate.sentences:
            text = resolve_relative_dates(sentence.text, sentence.hit.passage.published)
            said = years(text.replace(candidate.text, " "), bounds=False)
            if not said or said & others:
                return False
    return True


def _counts_alike(a: Merged, b: Merged) -> bool:
    """Return True when two answers may count one thing (other kinds: when of one unit).

    Two counts of one noun do ("198 people", "203 people"), and so does a bare figure said
    beside the other's noun ("the number of appointments cancelled has risen to 910" counts
    appointments); "40 firefighters" and "90", said of buses, or "910" said of appointments,
    do not.
    """
    units = a.value.unit, b.value.unit
    if units[0] == units[1]:
        return True
    if a.value.kind != "number" or b.value.kind != "number" or all(units):
        return False
    noun, bare = (units[0], b) if units[0] else (units[1], a)
    return any(noun in {counted_noun(w) for w in WORD.findall(s.text)}
               for c in bare.candidates for s in c.sentences)


def _shared(best: Merged, other: Merged, asked: Mapping[str, float]) -> float:
    """Return how much of what the best side's sentence says of the question the other's does.

    The weighted share of the question words the best side's sentence holds that a sentence
    of the other side holds too (1 when the best side's holds none).
    """
    held = {t: w for t, w in asked.items() if t in text_stems(best.best.best.text)}
    if not held:
        return 1.0
    texts = dict.fromkeys(s.text for c in other.candidates for s in c.sentences)
    both = max(sum(w for t, w in held.items() if t in text_stems(text)) for text in texts)
    return both / sum(held.values())


def _read_about(merged: Merged, likely: Sequence[Merged], asked: Mapping[str, float],
                besides: Sequence[str] = ()) -> tuple[float, float]:
    """Return how much of the question an answer's value is read with, and the word it lacks.

    Outlets word one fact otherwise: "78% of members who returned a ballot paper had backed
    industrial action" and "78% of those who voted backed a strike" together say what "what
    share of members backed strike action?" asks, though neither alone does as much as "87%
    of members ... backed strike action". The question words held by the sentences of every
    likely answer of the value (`likely`, same value) count together when two sources or more
    state it: the coverage is their weighted share, the missing word the weightiest none
    holds, as a share (0 and 1 otherwise, or without the question's words). One article's
    mentions of a figure are not several accounts of it, nor is a sentence that states the
    best answer too (`besides`): "Of the 129 MSPs, 73 are elected ... in constituencies" says
    nothing of how many constituency MSPs there are but 73.
    """
    stating = [merged, *(m for m in likely if m is not merged
                         and same_value(m.value, merged.value))]
    if not asked or len({s for m in stating for s in m.sources}) < 2:
        return 0.0, 1.0
    texts = {t for m in stating for t in m.texts} - set(besides)
    held = {t for t in asked if any(t in text_stems(text) for text in texts)}
    lacking = max((w for t, w in asked.items() if t not in held), default=0.0)
    return sum(asked[t] for t in held) / sum(asked.values()), lacking / max(asked.values())


def _coverage(merged: Merged) -> float:
    """Return the share of the question's words a side's sentences hold, read in context.

    "The ferry, built in 1983, ..." is about the Orsola Grey its headline names.
    """
    return max(merged.features["coverage"], merged.features.get("context_coverage", 0.0))


def _missing(merged: Merged) -> float:
    """Return the weightiest question word a side's sentences lack, read in context."""
    return min(merged.features["missing"], merged.features.get("context_missing", 1.0))


def _one_role(best: Merged, other: Merged, role: str, window: int) -> bool:
    """Return True when both names are said to hold the role the question asks about.

    Two names disagree only as two accounts of who holds one role: "trade minister Owen
    Balcombe" and "Fiona Ruddick, the trade minister". A question with no role noun, or a name
    said without it, gives no grounds for a disagreement.
    """
    return bool(role) and _holds(best, role, window) and _holds(other, role, window)


def _holds(merged: Merged, role: str, window: int) -> bool:
    """Return True when a sentence stating `merged` puts the role's words beside its name."""
    keys = [stem(w) for w in WORD.findall(role)]
    name = merged.value.words  # "fiona", "ruddick"
    texts = merged.texts
    return any(_within([stem(w) for w in near], keys)
               for text in texts for near in beside(name, text, window))


def _within(words: list[str], phrase: list[str]) -> bool:
    """Return True when `phrase` occurs in `words`, its words in a row."""
    n = len(phrase)
    return any(words[i:i + n] == phrase for i in range(len(words) - n + 1))


def _hedged(merged: Merged) -> bool:
    """Return True when every clause stating the answer is hedged ("could", "if", "by 2030")."""
    return all(c.hedged for c in merged.candidates)


def _first_said(merged: Merged) -> str:
    """Return the first published date of the sources stating the answer ("" if none says)."""
    return min((p for c in merged.candidates for s in c.sentences
                if (p := s.hit.passage.published)), default="")


def _revises(newest: Merged, older_first_said: str) -> bool:
    """Return True when the newer value came later and a sentence stating it says it revises.

    Not a sentence that states it only as what another figure was revised from ("had risen to
    530,000, up from 412,000").
    """
    if not older_first_said or _first_said(newest) <= older_first_said:
        return False
    said = _said(newest, whole=False)
    return any(REVISIONS.search(text) and not _only_revised_from(text, said)
               for text in {s.text for c in newest.candidates for s in c.sentences})


def only_earlier(merged: Merged) -> bool:
    """Return True when every sentence stating an amount states it as what another replaced.

    "Velcor's stake is up from 11.6 per cent a week ago": the stake was 11.6 per cent; what it
    is now, the sentence says otherwise.
    """
    said = _said(merged, whole=False)
    texts = {s.text for c in merged.candidates for s in c.sentences}
    return merged.value.kind in AMOUNTS and bool(texts) and all(
        (REVISIONS.search(text) or _CHANGED.search(text)) and _only_revised_from(text, said)
        for text in texts)


def _only_revised_from(text: str, said: list[re.Pattern[str]]) -> bool:
    """Return True when every mention of a value in the text is what it was revised from."""
    found = [m for p in said for m in p.finditer(text)]
    return bool(found) and all(_REVISED_FROM.search(text[:m.start()]) for m in found)


def _side_by_side(a: Merged, b: Merged) -> bool:
    """Return True when a sentence states both values, neither set against the other.

    "About 40 firefighters and 12 engines", "an extra $26.4 million, taking its budget to
    $188.4 million": two facts. "$188.4 million, up from $162 million" and "in November, later
    than the September date" are two accounts of one. In a sentence both answers were read in,
    each is found however it was read there ("2010" of "the 2010 special", read as 8 November
    2010); elsewhere, only as a whole ("July" of "9 July" is not found in "14 July").
    """
    read_in = [{s.key for c in m.candidates for s in c.sentences} for m in (a, b)]
    texts = {s.key for m in (a, b) for c in m.candidates for s in c.sentences}
    for text in texts:
        whole = text not in read_in[0] or text not in read_in[1]
        said = [_said(a, whole), _said(b, whole)]
        found = [[m.start() for p in patterns for m in p.finditer(text)] for patterns in said]
        if all(found) and not any(_FROM.search(text[:at]) for at in found[0] + found[1]):
            return True
    return False


def _said(merged: Merged, whole: bool) -> list[re.Pattern[str]]:
    """Return a pattern for each way the answer is said, found as a whole ("$40", not "$400").

    With `whole`, a way that is part of another is not one ("July" of "9 July").
    """
    texts = {" ".join(c.text.lower().split()) for c in merged.candidates}
    if whole:
        texts = {t for t in texts if not any(t != u and t in u for u in texts)}
    return [re.compile(rf"(?<!\w){re.escape(t)}(?!\w)") for t in texts]


# Words that set a figure against another as what it came from or replaces: "up from $162
# million", "later than the September date", "rather than March", "instead of 50".
_FROM = re.compile(r"\b(?:from|than|instead of|compared with|compared to|against) (?:the )?"
                   r"(?:about |around |roughly |some |nearly |almost )?$")
