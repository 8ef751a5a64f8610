"""Resolve relative date expressions against an article's published date.

"on Friday" in an article published on Saturday 17 January 2026 becomes "on Friday (16 January
2026)"; "last October" becomes "last October (October 2025)". Handled: today, yesterday,
tomorrow, the day before yesterday / after tomorrow, last night, tonight, this morning /
afternoon / evening; weekdays (bare, last, this, next, coming); last / this / next week,
weekend, month, year and a named month; "N minutes / hours / days / weeks / months / years
ago" and "in N days / weeks / months / years". Weekdays and month names must be capitalised
("may" is not a month). A bare weekday means the most recent one (the published day counts)
unless its clause speaks of the future ("will", "is due to", a timetable's "ends" ...), then
the next one.
Expressions already followed by a date or a parenthesis are left alone. Without a usable
published date the text is returned unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from index.models import MAX_WORDS, Answer

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_DAY_PART = r"(?:\s+(?i:morning|afternoon|evening|night))?"
_POSSESSIVE = r"(?:['’]s)?"
_NOT_RECURRING = r"(?<!every\s)(?<!Every\s)(?<!Good\s)(?<!Black\s)"  # not "every Friday"
_NUMBERS = r"\d{1,3}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_COUNT = rf"(?P<count>{_NUMBERS})"
_UNIT = r"(?P<unit>(?i:minute|hour|day|week|month|year)s?)"
_PATTERN = re.compile(
    r"\b(?:"
    rf"(?P<dayword>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
    rf"|yesterday|today|tomorrow)){_DAY_PART}"
    r"|(?P<sameday>(?i:last\s+night|tonight|this\s+(?:morning|afternoon|evening)))"
    rf"|(?:(?P<wmod>(?i:last|this|next|coming))\s+)?{_NOT_RECURRING}"
    rf"(?P<weekday>{'|'.join(WEEKDAYS)}){_DAY_PART}"
    rf"|(?P<pmod>(?i:last|this|next))\s+(?P<period>(?i:week|weekend|month|year)|{'|'.join(MONTHS)})"
    rf"|{_COUNT}\s+{_UNIT}\s+(?i:ago)"
    rf"|(?i:in)\s+(?P<fcount>{_NUMBERS})\s+(?P<funit>(?i:day|week|month|year)s?)"
    rf"){_POSSESSIVE}\b"
)
_MONTH_NAMES = "|".join(MONTHS)
_ANNOTATED = re.compile(  # "(...", ", 16 January", " January 16", " 2025" already say when
    rf"\s*\(|,?\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})\b"
    rf"|,?\s+(?:{_MONTH_NAMES})\s+\d{{1,2}}\b|\s+\d{{4}}\b"
)
# Words that say a clause speaks of what is to come: "will", "is due to", and the present of
# a verb that states a timetable ("The strike ends at 7am on Thursday": it has not ended).
_FUTURE = re.compile(
    r"\b(?:will|shall|won['’]t|(?:is|are)\s+(?:due|set|expected|scheduled|going)\s+to"
    r"|plans?\s+to|intends?\s+to"
    r"|(?:begin|start|end|finish|open|close|resume|expire|reopen)s"
    r"|takes\s+effect|comes\s+into\s+force)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[.;:!?,]")
_CLOCK_DOTS = re.compile(r"(?i)\b[ap]\.m\.")


@dataclass(frozen=True)
class Anchor:
    """The moment an article was published; `timed` when the time of day is known."""

    moment: dt.datetime
    timed: bool

    @property
    def day(self) -> dt.date:
        """Return the published day."""
        return self.moment.date()


def parse_anchor(published: str | None) -> Anchor | None:
    """Return the published moment of an ISO 8601 date or date-time, or None if unusable."""
    if not published:
        return None
    text = published.strip().replace("Z", "+00:00")
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = dt.datetime.fromisoformat(text[:10])
        except ValueError:
            return None
        return Anchor(moment, timed=False)
    return Anchor(moment, timed=len(text) > 10)


def resolve_relative_dates(text: str, published: str | None, context: str | None = None) -> str:
    """Add the date each relative expression in `text` means, as of `published`.

    Args:
        text: an answer or a sentence.
        published: the article's ISO 8601 published date (or date-time).
        context: the sentence `text` was cut from; its reading of an expression wins, so a
            short answer and its sentence agree.

    """
    anchor = parse_anchor(published)
    if anchor is None or not text:
        return text
    labels: dict[str, str] = {}
    for phrase, label in _labels(context, anchor):
        labels.setdefault(phrase.casefold(), label)  # the first reading of a phrase wins

    def annotate(match: re.Match[str]) -> str:
        label = labels.get(match.group(0).casefold()) or _label(match, text, anchor)
        if label is None or _ANNOTATED.match(text, match.end()):
            return match.group(0)
        return f"{match.group(0)} ({label})"

    return _PATTERN.sub(annotate, text)


def date_answer(answer: Answer) -> Answer:
    """Resolve relative dates in an answer and its sentence against the first citation's date.

    The first citation quotes the answer's sentence; when it does, it gets the same dates.
    """
    if not answer.answered or not answer.citations:
        return answer
    if answer.conflict and answer.sides:
        return _sides_dated(answer)
    first = answer.citations[0]
    sentence = resolve_relative_dates(answer.sentence, first.published)
    if sentence == answer.sentence:
        return answer
    short = resolve_relative_dates(answer.answer, first.published, context=answer.sentence)
    if short == answer.answer:  # "October", cut from "next October": borrow its date
        short = _within(answer.answer, first.published, answer.sentence)
    short = _at_most(short, MAX_WORDS)
    citations = answer.citations
    if first.quote == answer.sentence:
        citations = (replace(first, quote=sentence), *citations[1:])
    return replace(answer, answer=short, sentence=sentence, citations=citations)


def _sides_dated(answer: Answer) -> Answer:
    """Resolve each side of a disagreement against its own sources' date.

    Two outlets that say "Thursday" on different days may mean one date: then they agree,
    and the answer is that date, supported by both.
    """
    by_number = {c.n: c for c in answer.citations}
    sides = []
    for side in answer.sides:
        cited = next((by_number[n] for n in side.citations if n in by_number), None)
        if cited is None:
            sides.append(side)
            continue
        value = resolve_relative_dates(side.answer, cited.published, context=cited.quote)
        if value == side.answer:
            value = _within(side.answer, cited.published, cited.quote)
        sides.append(replace(side, answer=_at_most(value, MAX_WORDS)))
    if all(new.answer == old.answer for new, old in zip(sides, answer.sides, strict=True)):
        return answer  # no relative date in any side
    if len({side.answer for side in sides}) == 1:
        numbers = {n for side in sides for n in side.citations}
        sources = {c.source for c in answer.citations if c.n in numbers}
        return replace(answer, answer=sides[0].answer, conflict=False, sides=(),
                       support=len(sources))
    text = " or ".join(side.answer for side in sides)
    phrase = _at_most(f"Sources disagree: {text}", MAX_WORDS)
    return replace(answer, answer=phrase, sides=tuple(sides))


def _at_most(short: str, words: int) -> str:
    """Return `short` cut to `words` words, never inside a date's parenthesis."""
    cut = short.split()
    if len(cut) <= words:
        return short
    text = " ".join(cut[:words])
    if text.count("(") > text.count(")"):
        text = text[: text.rindex("(")].rstrip()
    return text


def _within(short: str, published: str | None, sentence: str) -> str:
    """Return `short` with the date of the resolved expression of `sentence` it is part of."""
    anchor = parse_anchor(published)
    words = re.compile(rf"\b{re.escape(short.strip())}\b", re.IGNORECASE)
    if anchor is None or not short.strip():
        return short
    for phrase, label in _labels(sentence, anchor):
        if words.search(phrase):
            return f"{short} ({label})"
    return short


def _labels(context: str | None, anchor: Anchor) -> list[tuple[str, str]]:
    """Return (phrase, label) for every expression resolved in `context`.

    A weekday said with a word that places it ("next Tuesday") is also given alone, so that
    a short answer cut to "Tuesday" reads it as its sentence does.
    """
    if not context:
        return []
    found = []
    for match in _PATTERN.finditer(context):
        said = _ANNOTATED.match(context, match.end())
        if said is not None and not said.group(0).lstrip().startswith("("):
            # "Tuesday, September 23": its date is said, and the short "Tuesday" takes it
            if not said.group(0).strip().isdigit():  # not a year alone
                found.append((match.group(0), said.group(0).strip(" ,")))
            continue
        label = _label(match, context, anchor)
        if label is not None:
            found.append((match.group(0), label))
            weekday = match.group("weekday")
            if weekday and weekday != match.group(0):
                found.append((weekday, label))
    return found


def _label(match: re.Match[str], text: str, anchor: Anchor) -> str | None:
    """Return the date a matched expression means, as text, or None to leave it alone."""
    groups = match.groupdict()
    if groups["dayword"]:
        return _day(_dayword(groups["dayword"], anchor.day))
    if groups["sameday"]:
        night = groups["sameday"].lower().startswith("last")
        return _day(anchor.day - dt.timedelta(days=1 if night else 0))
    if groups["weekday"]:
        future = _speaks_of_future(text, match.start())
        return _day(_weekday(groups["weekday"], groups["wmod"], future, anchor.day))
    if groups["period"]:
        return _period(groups["pmod"].lower(), groups["period"], anchor.day)
    if groups["unit"]:
        return _ago(_count(groups["count"]), groups["unit"].lower().rstrip("s"), anchor)
    if groups["funit"]:
        return _ahead(_count(groups["fcount"]), groups["funit"].lower().rstrip("s"), anchor.day)
    return None


def _dayword(word: str, day: dt.date) -> dt.date:
    word = " ".join(word.lower().split())
    offsets = {
        "the day before yesterday": -2,
        "yesterday": -1,
        "today": 0,
        "tomorrow": 1,
        "the day after tomorrow": 2,
    }
    return day + dt.timedelta(days=offsets[word])


def _speaks_of_future(text: str, position: int) -> bool:
    """Return True when the clause before `position` holds a future marker."""
    text = _CLOCK_DOTS.sub(lambda m: m.group(0).replace(".", "_"), text)  # "7 a.m." ends none
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, position)]
    clause = text[breaks[-1] if breaks else 0 : position]
    return bool(_FUTURE.search(clause))


def _weekday(name: str, modifier: str | None, future: bool, day: dt.date) -> dt.date:
    target = WEEKDAYS.index(name)
    back = (day.weekday() - target) % 7
    ahead = (target - day.weekday()) % 7
    modifier = (modifier or "").lower()
    if modifier == "last":
        return day - dt.timedelta(days=back or 7)
    if modifier == "next":
        return day + dt.timedelta(days=ahead or 7)
    if modifier in ("this", "coming") or future:
        return day + dt.timedelta(days=ahead)
    return day - dt.timedelta(days=back)


def _period(modifier: str, period: str, day: dt.date) -> str:
    step = {"last": -1, "this": 0, "next": 1}[modifier]
    kind = period.lower()
    if kind == "week":
        return _week(day + dt.timedelta(weeks=step))
    if kind == "weekend":
        return _weekend(modifier, day)
    if kind == "month":
        return _month(*_add_months(day.year, day.month, step))
    if kind == "year":
        return str(day.year + step)
    month = MONTHS.index(period) + 1
    if modifier == "last":
        return _month(day.year if month < day.month else day.year - 1, month)
    if modifier == "next":
        return _month(day.year if month > day.month else day.year + 1, month)
    return _month(day.year, month)


def _weekend(modifier: str, day: dt.date) -> str:
    saturday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(days=5)
    if modifier == "next":
        saturday += dt.timedelta(weeks=1)
    elif modifier == "last":
        while saturday + dt.timedelta(days=1) >= day:
            saturday -= dt.timedelta(weeks=1)
    return _span(saturday, saturday + dt.timedelta(days=1))


def _ago(count: int, unit: str, anchor: Anchor) -> str:
    if unit in ("minute", "hour"):
        delta = dt.timedelta(**{f"{unit}s": count})
        if anchor.timed:
            return _day((anchor.moment - delta).date())
        start = dt.datetime.combine(anchor.day, dt.time.min) - delta
        end = dt.datetime.combine(anchor.day, dt.time.max) - delta
        return _span(start.date(), end.date())
    return _ahead(-count, unit, anchor.day)


def _ahead(count: int, unit: str, day: dt.date) -> str:
    if unit == "day":
        return _day(day + dt.timedelta(days=count))
    if unit == "week":
        return _week(day + dt.timedelta(weeks=count))
    if unit == "month":
        return _month(*_add_months(day.year, day.month, count))
    return str(day.year + count)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _add_months(year: int, month: int, step: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1


def _day(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _month(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


def _week(day: dt.date) -> str:
    return f"week of {_day(day - dt.timedelta(days=day.weekday()))}"


def _span(first: dt.date, last: dt.date) -> str:
    """Return a span of days, naming the month and year once when they are shared."""
    if first == last:
        return _day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTHS[last.month - 1]} {last.year}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]} – {_day(last)}"
    return f"{_day(first)} – {_day(last)}"
