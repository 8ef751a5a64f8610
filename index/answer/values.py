"""Canonical values of candidate answers, so that equivalent answers from many outlets merge.

`value_of` reads a short answer into a `Value` whose `key` is canonical (equal keys of one kind
say the same thing):

- number: (amount, measure), a measure in its base unit ("6.4 km" -> (6400.0, "m"), "2 years"
  -> (24.0, "month")); a count has measure "" and its noun's stem as `unit` ("vehicl").
- percent: (amount, "" or "point"); money: (amount, currency), a code ("CAD"), "$" for a dollar
  of unsaid country, "" for none ("188.4m" asked as money).
- date and time: (year, month, day, weekday, hour, minute), None where the phrase is silent;
  weekday 0 is Monday, worked out from a full date. Kind "time" when only the clock is said.
- name: its casefolded words without titles ("Prime Minister", "Dr"), "the" or possessive;
  `unit` is "place" when a place was asked (places nest, so two never contradict).
- text: ("#ordinal", n, *rest) ("second-largest"), ("#pair", high, low) for a tally ("9-4"),
  ("yes",) or ("no",), else the content words.

`same_value` lets a partial value match a fuller one ("1 May" and "May 1, 2026", "Carney" and
"Mark Carney", "38,000" and "38,000 cars"). `comparable` holds only when a difference would be a
contradiction: qualifiers ("more than", "about") and rounding widen a number into its `span`,
and two numbers whose spans overlap ("4.9%" and "5%") are neither the same nor contradictory.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import Stemmer
from text_to_num import alpha2digit

from index.answer.roles import GENERIC_ROLES, ROLES


@dataclass(frozen=True)
class Value:
    """The canonical value of one candidate answer."""

    kind: str  # "number" | "percent" | "money" | "date" | "time" | "name" | "text"
    key: tuple[Hashable, ...]  # canonical: equal keys of one kind are the same value
    text: str  # the phrase as given
    unit: str = ""  # number: counted noun's stem or base measure; money: currency; name: "place"
    span: tuple[float, float] | None = None  # number, percent, money: the amounts it allows

    @property
    def words(self) -> list[str]:
        """Return the words of its key: a name's without its title ("alexius", "komnenos")."""
        return [w for w in self.key if isinstance(w, str)]


def _table(spec: str) -> dict[str, tuple[str, ...]]:
    """Return {name: values} from "name,name = value value; ..." lines."""
    rows = (row.split("=") for row in spec.replace("\n", " ").split(";") if row.strip())
    return {n.strip(): tuple(v.split()) for names, v in rows for n in names.split(",")}


def _alternatives(names: Iterable[str]) -> str:
    """Return a regex alternation of `names`, the longest first."""
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_NUMERIC_HINTS = frozenset({"quantity", "count", "percent", "money", "duration", "ordinal"})
_NAME_HINTS = frozenset({"person", "place", "organisation"})
_SUM_HINTS = frozenset({"money", "percent"})  # a bare year is never a sum nor a share
_FAMILY = {"number": "q", "percent": "q", "money": "q", "date": "d", "time": "d",
           "name": "n", "text": "t"}
_STOP = frozenset(
    "a an the and or but of in on at to for from by with as per each than that this these those "
    "is are was were be been being has have had it its their his her they he she we you who whom "
    "which what when where why how not nor so such into onto over under about up down out off "
    "all any some more most less few many much very also only just other another there here s "
    "said says say".split())
_WORD = re.compile(r"[^\W_]+")
_NORMAL = str.maketrans({"–": "-", "—": "-", "−": "-", "‐": "-", "’": "'", "‘": "'"})
_STEMMER = Stemmer.Stemmer("english")

# Qualifiers before an amount, as factors of the lowest and highest amount they allow.
_QUALIFIERS = {q: (float(lo), float(hi)) for q, (lo, hi) in _table("""
    more than, over, above, at least, upwards of, upward of, in excess of, exceeding,
    greater than, north of = 1 inf; less than, fewer than, under, below, up to, at most,
    as many as, as much as, no more than, as high as = 0 1; nearly, almost, just under,
    close to, just shy of = 0.9 1; just over, just above, slightly more than = 1 1.15;
    about, around, approximately, approx., approx, roughly, some, circa, an estimated,
    estimated, ~, in the region of = 0.85 1.15; a, an, the, a total of, total of, a record,
    record, only, just, exactly, precisely, another, a further, an additional, up, down, by,
    of = 1 1""").items()}
_QUALIFIER = re.compile(rf"^(?:{_alternatives(_QUALIFIERS)})(?![a-z])\s*")
# "A" or "an", a word in lower case describing the amount, and the amount: "an initial 800
# million kessars", "a whopping 40 per cent". ("The" is left out: "the Arc 7" is a name.)
_ARTICLES = frozenset({"a", "an"})
_DESCRIBED = re.compile(r"^([a-z]+) (?=[$£€¥₹]?\d)")
_LOOSE = re.compile(r"^(?:about|around|approximately|roughly|circa|shortly|just|before|after"
                    r"|by|until|till|no later than|not before)\b", re.IGNORECASE)
_CURRENCIES = {
    "us$": "USD", "c$": "CAD", "ca$": "CAD", "cdn$": "CAD", "a$": "AUD", "au$": "AUD",
    "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "$": "$", "£": "GBP", "€": "EUR", "¥": "¥",
    "₹": "INR", **{c.lower(): c for c in "USD CAD AUD NZD EUR GBP JPY CNY CHF INR".split()}}
_DOLLARS = frozenset({"$", "USD", "CAD", "AUD", "NZD", "HKD", "SGD"})
_SCALES = {"thousand": 3, "k": 3, "million": 6, "mln": 6, "mn": 6, "m": 6, "billion": 9,
           "bn": 9, "b": 9, "trillion": 12, "tn": 12, "1000": 3, "1000000": 6,
           "1000000000": 9, "1000000000000": 12}
_AMOUNT = re.compile(
    rf"^(?P<cur>{_alternatives(_CURRENCIES)})?\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?![\d.])|\d*\.\d+|\d+)"
    rf"(?:[\s-]?(?P<scale>{_alternatives(_SCALES)})(?![a-z\d]))?"
    r"(?P<dozen>\s?dozen\b)?\s*-?\s*(?P<rest>.*)$")
_PERCENT = re.compile(r"^(?:(?P<pt>percentage points?|pp|ppts?)|%|per ?cent|percent|pc|pct)"
                      r"(?![a-z])")
# Currencies said in words after the amount. The crowns (krona, krone, koruna) are one word
# in English: "400 kronor" and "400 crowns" are one sum.
_CROWNS = ("crown", "krona", "kronor", "krone", "kroner", "koruna", "korun", "kr")
_MONEY_WORD = re.compile(r"^(?:(?P<land>canadian|us|u\.s\.|american|australian)\s+)?"
                         r"(?P<word>dollar|euro|pound|yen|yuan|rupee|cent|franc|peso|rand|"
                         r"lira|lire|rouble|ruble|zloty|zlotys|shekel|dinar|dirham|baht|"
                         r"ringgit|rupiah|forint|riyal|rial|" + "|".join(_CROWNS) +
                         r")s?(?: sterling)?(?![a-z])")
_MONEY_CODES = {"dollar": "$", "euro": "EUR", "pound": "GBP", "yen": "JPY", "yuan": "CNY",
                "rupee": "INR", "cent": "$", "canadian": "CAD", "us": "USD", "u.s.": "USD",
                "american": "USD", "australian": "AUD", "lire": "lira", "ruble": "rouble",
                "zlotys": "zloty", **dict.fromkeys(_CROWNS, "crown")}
_MEASURES = {n: (base, Decimal(factor)) for n, (base, factor) in _table("""
    m, metre, metres, meter, meters = m 1; km, kilometre, kilometres, kilometer, kilometers
    = m 1000; cm, centimetre, centimetres, centimeter, centimeters = m 0.01; mm, millimetre,
    millimetres, millimeter, millimeters = m 0.001; g, gram, grams = g 1; kg, kilogram,
    kilograms, kilo, kilos = g 1e3; t, tonne, tonnes, metric tons = g 1e6; wh = wh 1;
    kwh = wh 1e3; mwh = wh 1e6; gwh = wh 1e9; twh = wh 1e12; w, watts = w 1; kw = w 1e3;
    mw, megawatts = w 1e6; gw, gigawatts = w 1e9; l, litre, litres, liter, liters = l 1;
    ml, millilitres = l 0.001; year, years, yr, yrs = month 12; month, months = month 1;
    week, weeks = s 604800; day, days = s 86400; hour, hours, hr, hrs, h = s 3600; minute,
    minutes, min, mins = s 60; second, seconds, sec, secs = s 1; km/h, kph, kmh, kilometres
    per hour = km/h 1; mph = mph 1; mile, miles, mi = mi 1; foot, feet, ft = ft 1; inch,
    inches = in 1; hectare, hectares, ha = ha 1; acre, acres = acre 1; km2, km², square
    kilometres = km2 1; °c, degrees celsius = °c 1; °f, degrees fahrenheit = °f 1; lb, lbs,
    pound, pounds = lb 1""").items()}
_MEASURE = re.compile(rf"^(?:{_alternatives(_MEASURES)})(?![a-z\d])")
_RATE = re.compile(  # a measure per a length of time: "4 cm an hour", "60 km per hour"
    r"^\s*(?:an?|per|each|every)\s+(?P<per>second|minute|hour|day|week|month|year)\b")
TIME_MEASURES = frozenset({"s", "month"})  # the base measures of lengths of time
_PLURALS = {"people": "person", "men": "man", "women": "woman", "children": "child"}
_PAIR = re.compile(r"^(\d+(?:\.\d+)?) ?(?:-|to) ?(\d+(?:\.\d+)?)(?: [a-z]+){0,2}$")
_YES_NO = re.compile(r"^(yes|no)\b(?!\.? ?\d)", re.IGNORECASE)
_ORDINAL = re.compile(r"^(?:the )?(\d+)(?:st|nd|rd|th)\b[ -]*(.*)$")


@lru_cache(maxsize=8192)
def value_of(phrase: str, kind_hint: str = "") -> Value:
    """Return the canonical value of an answer phrase.

    Args:
        phrase: a short answer as extracted ("49,000 EVs", "May 1, 2026", "Mark Carney").
        kind_hint: the question's answer kind (`index.answer.questions.KINDS`) or "". It decides a
            bare year ("2019" is a date unless a quantity is asked), a lone month ("May" is a
            name when a person, place or organisation is asked, "may" a month only when a
            date is) and a bare amount ("188.4m" is money when money is asked, "4.9" a
            percent when a percent is); a name asked as a place gets `unit` "place".

    """
    text = _clean(phrase)
    if answer := _YES_NO.match(text):
        return Value("text", (answer[1].lower(),), phrase)
    words = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text.lower())
    spoken = _spoken(words)
    found = _date(text, phrase, kind_hint)
    if found is None and kind_hint in _NAME_HINTS:
        found = _name(text, phrase, kind_hint)
    if not _BARE_SCALE.match(words):  # "billion Norland dollars" lost its number: no amount
        found = found or _pair_or_ordinal(spoken, phrase) or _quantity(spoken, phrase, kind_hint)
    return found or _name(text, phrase, kind_hint) or _text(text, phrase)


def _spoken(words: str) -> str:
    """Return lower-cased words with the numbers they spell in figures ("a dozen" -> "12")."""
    spoken = alpha2digit(re.sub(r"\b(an?|one) dozen\b", "12", words), "en", threshold=0)
    return re.sub(r"\bhalf an? ", "0.5 ", spoken)


_BARE_SCALE = re.compile(r"(?:hundred|thousand|million|billion|trillion)s?\b")
_BOUNDING = sorted((q for q, f in _QUALIFIERS.items() if f != (1.0, 1.0)), key=len, reverse=True)
_BOUND_BEFORE = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, _BOUNDING))})\s+$", re.I)


# Words that give an amount without a figure: "several", "dozens of people", "none", "free".
_VAGUE_AMOUNT = re.compile(
    r"\b(?:several|few|many|dozens|scores|hundreds|thousands|millions|billions|half|quarter|"
    r"third|none|no one|nobody|majority|minority|most|all|handful|number|numbers|twice|"
    r"double|triple|free)\b|\w+-?fold\b", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")


def says_amount(value: Value) -> bool:
    """Return True when an answer gives an amount: a figure, or words for one.

    "MV Linnet sank in 1994" gives none (its one figure is a year), nor does "Captain
    Tarvos" or "cut prices on most of its range" (amount words count only where the phrase
    opens); "several", "six gold", "nearly a million and a half" and "free" do.
    """
    if value.kind in {"number", "percent", "money"}:
        return True
    if value.kind != "text" or _SCORE.search(value.text):
        return False  # "a 2-1 win" is a score, no count of anything
    spoken = _spoken(re.sub(r"(?<=[a-z])-(?=[a-z])", " ", _clean(value.text).lower()))
    figures = re.findall(r"\d+(?:[.,]\d+)*", spoken)
    opening = " ".join(spoken.split()[:3])  # "dozens of people", not "cut prices on most"
    return bool(_VAGUE_AMOUNT.search(opening)) or any(not _YEAR.match(f) for f in figures)


_SCORE = re.compile(r"\b\d+\s?[-–]\s?\d+\s+(?:win|victory|defeat|loss|draw|lead|triumph|"
                    r"scoreline|home win|away win)\b", re.IGNORECASE)


def says_length(value: Value) -> bool:
    """Return True when an answer names a length of time: "a decade", "overnight", "48-hour"."""
    return _LENGTH_OF_TIME.search(value.text) is not None


_LENGTH_OF_TIME = re.compile(r"\b(?:[\w-]*-)?(?:seconds?|minutes?|hours?|days?|nights?|weeks?|"
                             r"fortnights?|months?|years?|decades?|century|centuries|"
                             r"overnight|lifetime)\b", re.IGNORECASE)


def money_word(word: str) -> bool:
    """Return True for a currency said in a word: "crowns", "dollars", "euro", "marks"."""
    lower = word.lower()
    return _MONEY_WORD.fullmatch(lower) is not None or lower.removesuffix("s") in _OTHER_MONEY


# Currencies `value_of` does not read as money, a word that may mean other things as well
_OTHER_MONEY = frozenset("mark shilling naira cedi kwacha real reai lev lei leu kuna dong "
                         "taka guilder drachma escudo peseta florin ducat".split())


def says_score(value: Value) -> bool:
    """Return True when an answer gives a score: two figures set against each other ("2-1")."""
    return _SCORE_SAID.search(value.text) is not None


_SCORE_SAID = re.compile(r"\b\d+\s?[-–]\s?\d+\b")


def says_speed(value: Value) -> bool:
    """Return True when an answer gives a speed, not a count of something ("250 passengers").

    "110 km/h", "70 mph", "40 knots", "gusts of up to 90 kilometres an hour".
    """
    if value.kind == "number" and ("/" in value.unit or value.unit in {"mph", "knot"}):
        return True
    return _SPEED_SAID.search(value.text) is not None


_SPEED_SAID = re.compile(r"\d\s*(?:km/h|kph|kmh|mph|knots?|m/s|rpm|(?:\w+ )?(?:an|a|per) "
                         r"(?:hour|minute|second))\b", re.IGNORECASE)


def says_year(value: Value) -> bool:
    """Return True when an answer names a year, or a span of years, by a figure or a word.

    "1066", "April 1191", "the 1990s", "last year (2025)" and "the same year" do; "theater"
    and "Australian Academy of Science" do not, whatever a reader read them as.
    """
    return _YEAR_SAID.search(value.text) is not None


_YEAR_SAID = re.compile(r"\d{3,4}|\b(?:years?|century|centuries|decades?)\b", re.IGNORECASE)


def only_shares(value: Value) -> bool:
    """Return True when a phrase's every figure is a share: "grew only 6 per cent".

    Read as text, since it opens with a verb, it gives no count and no sum: "what was
    Qorvane's profit?" is not answered by "sales grew only 6 per cent", nor "what is its
    dividend?" by "raised its dividend by a fifth". A phrase with another figure ("cut 6 per
    cent of its jobs, about 1,200") or none is not only shares.
    """
    if value.kind != "text":
        return value.kind == "percent"
    text = _clean(value.text)
    figures = _FIGURE_SAID.findall(text)
    if not figures:  # "raised its dividend by a fifth"
        return _FRACTION.search(text) is not None
    return all(figures)  # each its share word, or ""


# A share said as a fraction in words: "a fifth", "two-thirds", "half".
_FRACTION = re.compile(r"\b(?:(?:a|one|two|three|four)[ -](?:third|quarter|fifth|sixth|"
                       r"seventh|eighth|ninth|tenth)s?|half)\b", re.IGNORECASE)


_FIGURE_SAID = re.compile(r"\d+(?:[.,]\d+)*(\s*(?:%|per ?cent\b|percent\b|percentage points?\b))?",
                          re.IGNORECASE)


# A date phrase that says how long: "until Thursday", "since May", "from 9am", "through 2027".
_SPANNING = re.compile(r"^\W*(?:until|till|through|since|from|for|by)\b", re.IGNORECASE)


def names_moment(value: Value) -> bool:
    """Return True when an answer is a point in time: no answer to how long something lasts.

    "7am on Thursday", "24 September", "Tuesday" and a bare year ("2011", read as a number when
    asked how long) name a moment; "48-hour", "four days", "since 1979", "until Thursday" and
    "1892 to 1894" say how long.
    """
    if value.kind == "number":
        return not value.unit and _YEAR.match(value.text.strip()) is not None
    if value.kind not in {"date", "time"}:
        return False
    return not _SPANNING.match(value.text)


def qualified(phrase: str, sentence: str) -> str:
    """Return an amount with the qualifier that bounds it in its sentence, if it lacks it.

    "70 per cent" read in "taking more than 70 per cent of its exports" is "more than 70 per
    cent": without its qualifier a figure says another thing, and may seem to contradict one
    that keeps it ("71%"). Other phrases, and amounts already qualified, are kept as they are.
    """
    value = value_of(phrase)
    if value.kind not in {"number", "percent", "money"}:
        return phrase
    found = re.search(rf"(?<![\w.,]){re.escape(phrase)}(?!\w)", sentence)  # not of "148"
    if found is None:
        return phrase
    at = found.start()
    if value.kind == "number" and not value.unit:  # "48" of "nearer 48 crowns"
        phrase += _unit_after(sentence[found.end():])
    if at == 0 or _QUALIFIER.match(phrase.lower()):
        return phrase
    bound = _BOUND_BEFORE.search(sentence[:at])
    return sentence[bound.start() : at] + phrase if bound else phrase


def _unit_after(text: str) -> str:
    """Return the share's or currency's word that opens `text` ("-crown", " per cent"), or "".

    A bare figure read without the word after it ("48" of "48 crowns") is a count.
    """
    gap = text[:1] if text[:1] in {" ", "-"} else ""
    rest = text[len(gap):]
    said = _PERCENT.match(rest.lower()) or _MONEY_WORD.match(rest.lower())
    return gap + rest[:said.end()] if said else ""


def same_value(a: Value, b: Value) -> bool:
    """Return True when `a` and `b` say the same thing (a partial value matches a fuller one)."""
    family = _FAMILY[a.kind]
    if family != _FAMILY[b.kind]:
        text, name = (a, b) if a.kind == "text" else (b, a)  # "carney" is part of a name
        pair = {text.kind, name.kind} == {"text", "name"}
        return pair and bool(text.key) and _within(text.key, name.key)
    if family == "q":
        return a.key[0] == b.key[0] and _units_agree(a, b, strict=False)
    if family == "d":
        shared = _shared(a, b)
        return (bool(shared) and all(x == y for x, y in shared)
                and _in_week(a, b) and _in_week(b, a))
    if family == "n":
        return _names_match(a.key, b.key) or _acronym(a, b) or _acronym(b, a)
    return a.key == b.key


# A week as a relative date resolves ("next week (week of 6 October 2025)", `index.corpus.dates`).
_WEEK_OF = re.compile(r"\bweek of (\d{1,2}) ([A-Za-z]+)(?: (\d{4}))?")


def _in_week(week: Value, day: Value) -> bool:
    """Return False when `week` is a week and `day` a day of another week.

    "next week (week of 6 October 2025)" and "17 October" share the month, yet not the day.
    """
    match = _WEEK_OF.search(week.text)
    month, date = _MONTHS.get(match[2].lower()) if match else None, day.key[2]
    if match is None or month is None or date is None or day.key[1] is None:
        return True
    year = int(match[3]) if match[3] else 2024  # a leap year when none is said
    try:
        start = dt.date(year, month, int(match[1]))
        said = dt.date(day.key[0] or year, day.key[1], date)
    except ValueError:
        return True
    return 0 <= (said - start).days <= 6


def comparable(a: Value, b: Value) -> bool:
    """Return True when `a` and `b` are values of one fact, so they contradict unless the same.

    That is two counts of one noun (or a bare number), two measures of one dimension, two sums
    in one currency, two dates or clock times that share a field, two names (not places), two
    tallies, two ordinals of one thing, a yes and a no, or any two values that are the same.
    Amounts whose spans overlap ("about 50" and "52") are not, nor are dates when one is
    qualified ("before 2019"), nor is other text.
    """
    family = _FAMILY[a.kind]
    if same_value(a, b):
        return True
    if family != _FAMILY[b.kind]:
        return False
    if family == "q":
        return _units_agree(a, b, strict=True) and _apart(a, b)
    if family == "d":
        loose = _LOOSE.match(a.text.lstrip()) or _LOOSE.match(b.text.lstrip())
        return bool(_shared(a, b)) and not loose
    if family == "n":
        return "place" not in (a.unit, b.unit)
    tags = {a.key[:1], b.key[:1]}
    if tags == {("#ordinal",)}:
        return a.key[2:] == b.key[2:]
    return tags == {("#pair",)} or {a.key, b.key} <= {("yes",), ("no",)}


def may_be_one(a: Value, b: Value) -> bool:
    """Return True when two amounts may be one figure: one unit, and their spans overlap.

    "$188 million" is "$188.4 million" rounded; "about 50" may be 52. Neither contradicts the
    other, though neither is the same value.
    """
    return (_FAMILY[a.kind] == _FAMILY[b.kind] == "q" and _units_agree(a, b, strict=True)
            and not _apart(a, b))


def ratio(a: Value, b: Value) -> float:
    """Return how many times the larger of two amounts is the smaller (inf if one is 0)."""
    low, high = sorted((abs(a.key[0]), abs(b.key[0])))
    return high / low if low else float("inf")


def updatable(a: Value, b: Value) -> bool:
    """Return True when `a` and `b` are two amounts of one thing that may both hold.

    "more than $2.3 million" and "3.1 million dollars" do not contradict each other, but a
    later report of the second may update the first (a running total, a count still rising).
    """
    return (_FAMILY[a.kind] == _FAMILY[b.kind] == "q" and a.key[0] != b.key[0]
            and _units_agree(a, b, strict=True))


def merge_names(phrases: list[str]) -> dict[str, str]:
    """Map each name phrase to its longest form among `phrases`, without titles or "the".

    "Carney", "Carney's" and "Prime Minister Mark Carney" all map to "Mark Carney". A phrase
    that fits two different longer names ("Mark" beside "Mark Carney" and "Mark Wiseman")
    keeps its own form; a phrase that is not a name maps to itself.
    """
    forms = {p: _name_parts(_clean(p), "") for p in dict.fromkeys(phrases)}
    named = [form for form in forms.values() if form is not None]
    merged: dict[str, str] = {}
    for phrase, form in forms.items():
        if form is None:
            merged[phrase] = phrase
            continue
        wider = [f for f in named if _within(form[0], f[0])]
        widest = [f for f in wider
                  if not any(len(g[0]) > len(f[0]) and _within(f[0], g[0]) for g in wider)]
        merged[phrase] = widest[0][1] if len({f[0] for f in widest}) == 1 else form[1]
    return merged


def _clean(phrase: str) -> str:
    """Return a phrase with one kind of dash, quote and space, and no outer punctuation."""
    text = " ".join(unicodedata.normalize("NFKC", phrase).translate(_NORMAL).split())
    return text.strip(" ,;:!?\"'")


def _quantity(spoken: str, phrase: str, hint: str) -> Value | None:
    """Return a number, percent or money value when the phrase is an amount (and its noun)."""
    low, high = 1.0, 1.0
    article = False
    while qualifier := _QUALIFIER.match(spoken):
        factors = _QUALIFIERS[qualifier.group(0).strip()]
        low, high = factors if factors != (1.0, 1.0) else (low, high)
        article = qualifier.group(0).strip() in _ARTICLES
        spoken = spoken[qualifier.end():]
    if article and (described := _DESCRIBED.match(spoken)) and re.search(
            rf"\b{described[1]}\b", phrase):  # "an initial 800 million"; not "a Boeing 737"
        spoken = spoken[described.end():]
    match = _AMOUNT.match(spoken)
    if match is None or re.match(r"\d|(?:st|nd|rd|th)\b", match["rest"]):
        return None  # "9 4", "a 3rd"
    scale, rest, currency = match["scale"], match["rest"], _CURRENCIES.get(match["cur"] or "")
    word = _MONEY_WORD.match(rest)
    money = currency is not None or hint == "money" or bool(word and (scale or
                                                                      word["word"] != "pound"))
    if scale == "m" and not money and not rest:
        scale, rest = None, "m"  # "6.4m" is a length unless money is meant
    unit = _unit(rest, money) or (("money", "", "", Decimal(1)) if currency else None)
    if unit is None:
        return None
    kind, noun, measure, factor = unit
    if currency is not None:
        kind, noun = "money", (noun if kind == "money" and noun not in ("", "$") else currency)
    digits = match["num"].replace(",", "").replace(" ", "")
    factor *= Decimal(10) ** _SCALES.get(scale or "", 0) * (12 if match["dozen"] else 1)
    amount = Decimal(digits) * factor
    share = hint == "percent" and amount <= 100  # "roughly 70" asked as a share; not "38,000"
    if kind == "number" and not noun and (hint == "money" or share):
        kind = hint
    key = (float(amount), noun if kind == "money" else measure)
    return Value(kind, key, phrase, noun, _span(digits, amount, factor, low, high))


def _unit(rest: str, money: bool) -> tuple[str, str, str, Decimal] | None:
    """Return (kind, unit, measure, factor) for the words after an amount, None if not one."""
    if percent := _PERCENT.match(rest):
        return ("percent", "", "point" if percent["pt"] else "", Decimal(1))
    word = _MONEY_WORD.match(rest)
    if word and money:
        land = word["land"] if word["word"] == "dollar" else None
        factor = Decimal("0.01") if word["word"] == "cent" else Decimal(1)
        name = land or word["word"]
        return ("money", _MONEY_CODES.get(name, name), "", factor)
    if measure := _MEASURE.match(rest):
        base, factor = _MEASURES[measure.group(0)]
        if rate := _RATE.match(rest[measure.end():]):  # "4 cm an hour" is no depth of snow
            base = f"{base}/{rate['per']}"
        return ("number", base, base, factor)
    words = _WORD.findall(rest)
    run: list[str] = []
    for w in words[:4]:
        if w in _STOP or not w.isalpha():
            break
        run.append(w)
    if words and not run:
        return None  # "one of the biggest"
    plural = [w for w in run if w in _PLURALS or (w.endswith("s") and not w.endswith("ss"))]
    noun = (plural or run)[-1] if run else ""
    return ("number", _stem(noun) if noun else "", "", Decimal(1))


def _span(digits: str, amount: Decimal, factor: Decimal, low: float, high: float
          ) -> tuple[float, float]:
    """Return the amounts a number allows: its qualifier's, else those its rounding allows.

    A qualifier states its own vagueness: "nearly 2,000" is at most a tenth short of 2,000,
    however round the figure. An approximate one ("about", "nearly", "just over") is as vague
    as the figure lets it be: "about 50" may be 57, but "about 118 billion", stated to three
    figures, is within 1.5% of it (a tenth of the leeway for each figure past the second).
    """
    if (low, high) != (1.0, 1.0):
        size = float(amount)
        if low > 0 and high != math.inf:
            shrink = 10.0 ** -max(_significant(digits) - 2, 0)
            low, high = 1 - (1 - low) * shrink, 1 + (high - 1) * shrink
        return (size * low, math.inf if high == math.inf else size * high)
    whole, _, decimals = digits.partition(".")
    zeros = len(whole) - len(whole.rstrip("0")) if whole.strip("0") and not decimals else 0
    step = Decimal(1).scaleb(zeros - len(decimals))
    size = float(amount)
    slack = min(float(step * factor) / 2, 0.05 * size)  # "49,000" may be 48,700 rounded
    return (size * low - slack, math.inf if high == math.inf else size * high + slack)


def _significant(digits: str) -> int:
    """Return how many significant figures a written number states ("118" 3, "20000" 1)."""
    whole, _, decimals = digits.partition(".")
    if decimals:
        return len((whole + decimals).lstrip("0")) or 1
    return len(whole.strip("0")) or 1


def counted_noun(word: str) -> str:
    """Return a word as a counted noun's `unit` ("buses" -> "bus"), to compare with one."""
    return _stem(word.lower())


def _stem(word: str) -> str:
    """Return the Snowball stem of a counted noun, made singular first ("buses" -> "bus")."""
    return _STEMMER.stemWord(singular_noun(word))


def singular_noun(word: str) -> str:
    """Return a lower-case noun made singular: "buses" -> "bus", "people" -> "person".

    Only its ending is read: "minerals" -> "mineral", not the "miner" a stem would give.
    """
    if word in _PLURALS:
        return _PLURALS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _pair_or_ordinal(spoken: str, phrase: str) -> Value | None:
    """Return a tally ("9-4", "nine to four") or an ordinal ("second-largest") as text."""
    if pair := _PAIR.match(spoken):
        high, low = sorted((float(pair[1]), float(pair[2])), reverse=True)
        return Value("text", ("#pair", high, low), phrase)
    if ordinal := _ORDINAL.match(spoken):
        rest = tuple(w for w in _WORD.findall(ordinal[2]) if w not in _STOP)
        return Value("text", ("#ordinal", int(ordinal[1]), *rest), phrase)
    return None


def _units_agree(a: Value, b: Value, strict: bool) -> bool:
    """Return True when two amounts are of one unit (if strict, counts of one noun too)."""
    bare_a, bare_b = a.kind == "number" and not a.unit, b.kind == "number" and not b.unit
    if a.kind != b.kind:
        return bare_a or bare_b
    if a.kind == "money":
        pair = {a.unit, b.unit}
        return len(pair) == 1 or "" in pair or ("$" in pair and pair <= _DOLLARS)
    if a.kind == "percent" or a.key[1] or b.key[1]:
        return a.key[1] == b.key[1] or bare_a or bare_b
    return not strict or bare_a or bare_b or a.unit == b.unit


def _apart(a: Value, b: Value) -> bool:
    """Return True when two amounts' spans do not overlap."""
    if a.span is None or b.span is None:
        return a.key[0] != b.key[0]
    return a.span[1] < b.span[0] or b.span[1] < a.span[0]


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_MONTHS = {m.lower(): i for i, m in enumerate(_MONTH_NAMES, 1)} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12}
_WEEKDAYS = {d: i for i, d in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())} | {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6}
_SHORT = frozenset(list(_MONTHS)[12:] + list(_WEEKDAYS)[7:])  # "Sat" needs a dot or a number
_CAPITALISED = _SHORT | {"may", "march"}  # "may" is a month only when capitalised or asked
_DATE_FILLERS = frozenset(
    "on in of at the since from during early late mid last this next coming week about around "
    "approximately roughly circa shortly just before after by until till morning afternoon "
    "evening night yesterday today tonight tomorrow "  # resolved: "yesterday (5 July 2026)"
    "et est edt pt pst pdt ct cst cdt mt gmt utc bst".split())
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_CLOCK = re.compile(
    r"\b(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>[ap])\.?\s?m\b\.?"
    r"|\b(?P<h24>\d{1,2}):(?P<m24>\d{2})\b|\b(?P<word>noon|midday|midnight)\b", re.IGNORECASE)
_DATE_TOKEN = re.compile(r"[^\W\d_]+\.?|\d+(?:st|nd|rd|th)?|[^\s\w]")


def _date(text: str, phrase: str, hint: str) -> Value | None:
    """Return a date or time value when the whole phrase says a date or a clock time."""
    if hint in _NAME_HINTS and text.lower() in _MONTHS:
        return None  # "May" asked as a name
    text = _ISO.sub(_iso, text)
    clock, text = _clock(alpha2digit(text, "en", threshold=0))
    fields = _date_fields(text, hint)
    if fields is None or [*fields, *clock] == [None] * 6:
        return None
    if [*fields[1:], *clock] == [None] * 5 and hint in _NUMERIC_HINTS and not (
            hint in _SUM_HINTS and _YEAR.match(str(fields[0]))):
        return None  # a bare year asked as a number; not as a sum: "2029" of "by 2029"
    year, month, day, weekday = fields
    if day is not None and month is not None:
        try:
            full = dt.date(year or 2024, month, day)  # a leap year when none is said
        except ValueError:
            return None
        weekday = full.weekday() if year else weekday
    kind = "time" if fields == [None] * 4 else "date"
    return Value(kind, (year, month, day, weekday, *clock), phrase)


def _iso(match: re.Match[str]) -> str:
    """Return an ISO date ("2026-05-01") in words ("01 may 2026"), if its month is one."""
    year, month, day = match.groups()
    return f"{day} {_MONTH_NAMES[int(month) - 1]} {year}" if 1 <= int(month) <= 12 else match[0]


def _clock(text: str) -> tuple[tuple[int | None, int | None], str]:
    """Return the (hour, minute) a phrase says, if any, and the phrase without it."""
    match = _CLOCK.search(text)
    if match is None:
        return (None, None), text
    rest = text[:match.start()] + " " + text[match.end():]
    if match["word"]:
        return ((0 if match["word"].lower() == "midnight" else 12), 0), rest
    hour, minute = int(match["h"] or match["h24"]), match["m"] or match["m24"]
    if match["ap"]:
        hour = hour % 12 + (12 if match["ap"].lower() == "p" else 0)
    if hour > 23 or (minute is not None and int(minute) > 59):
        return (None, None), text
    return (hour, int(minute) if minute is not None else None), rest


def _date_fields(text: str, hint: str) -> list[int | None] | None:
    """Return [year, month, day, weekday] when every word of `text` is part of a date."""
    fields: list[int | None] = [None, None, None, None]
    days: set[int] = set()
    tokens = _DATE_TOKEN.findall(re.sub(r"'s\b", "", text))
    for token in tokens:
        low = token.lower().rstrip(".")
        if low in _MONTHS or low in _WEEKDAYS:
            if (low in _CAPITALISED and not token[0].isupper() and hint != "date") or (
                    low in _SHORT and not token.endswith(".") and not re.search(r"\d", text)):
                return None
            slot, number = (1, _MONTHS[low]) if low in _MONTHS else (3, _WEEKDAYS[low])
        elif low[:1].isdigit():
            number = int(low.rstrip("stndrh"))
            if 1000 <= number <= 2999 and low.isdigit():
                slot = 0
            elif 1 <= number <= 31:
                days.add(number)
                continue
            else:
                return None
        elif low in _DATE_FILLERS or not low.isalnum():
            continue
        else:
            return None
        if fields[slot] not in (None, number):
            return None
        fields[slot] = number
    if (fields[1] or 0) > 12 or (days and fields[1] is None):
        return None
    week = re.search(r"\bweek\b", text, re.IGNORECASE)  # "week of 12 January": no one day
    fields[2] = days.pop() if len(days) == 1 and not week else None
    return fields


def _shared(a: Value, b: Value) -> list[tuple[Hashable, Hashable]]:
    """Return the pairs of date fields both values say."""
    return [(x, y) for x, y in zip(a.key, b.key, strict=True) if x is not None and y is not None]


_HONORIFICS = frozenset("mr mrs ms miss mx dr prof professor sir dame lord lady hon rev".split())
_ROLES = _HONORIFICS | frozenset(
    "minister premier president mayor senator governor chancellor chief commissioner "
    "inspector sergeant sgt constable const cst detective det councillor cllr judge justice "
    "leader spokesperson spokesman spokeswoman mp mpp mla ceo deputy superintendent "
    "supt officer secretary ambassador pm".split())
_TITLE_HEADS = _ROLES | (ROLES - GENERIC_ROLES)  # "director", "boss": not "man"
_LOWER_TITLE = 3  # words a lower-case title may run to
_JOINERS = frozenset({"and", "&", "of", "the", "for"})
_PARTICLES = _JOINERS | frozenset("de du la le van von der den da di del dos des y".split())


def _name(text: str, phrase: str, hint: str) -> Value | None:
    """Return a name value when the phrase is a capitalised name."""
    parts = _name_parts(text, hint)
    unit = "place" if hint == "place" else ""
    return Value("name", parts[0], phrase, unit) if parts else None


def _name_parts(text: str, hint: str) -> tuple[tuple[str, ...], str] | None:
    """Return a name's key and its form without titles, "the" or possessive; None if none."""
    words = text.rstrip(".").split()
    if words[:1] in (["the"], ["The"]):
        words = words[1:]
    if words:
        words[-1] = re.sub(r"'s?$", "", words[-1])
    if hint not in ("organisation", "place"):
        if _two_people(words):
            return None
        words = _untitled(words)
    last = len(words) - 1
    if not words or last > 9:
        return None
    for i, w in enumerate(words):
        particle = w in _PARTICLES and i < last and (i > 0 or w not in _JOINERS)
        if not (w[:1].isupper() or particle) or any(c.isdigit() for c in w):
            return None
    key = tuple(f for w in words if w.lower() not in _JOINERS and (f := _fold(w)))
    return (key, " ".join(words)) if key else None


def _untitled(words: list[str]) -> list[str]:
    """Return a person's name without the titles before it ("Energy Minister", "Dr").

    A title in lower case is one too when a role word ends it, right before the name:
    "Managing director Colm Hardacre", "trade minister Owen Balcombe".
    """
    for i, word in enumerate(words[:_LOWER_TITLE]):
        if _fold(word) in _TITLE_HEADS and word.islower() and i + 1 < len(words) \
                and words[i + 1][:1].isupper() and all(w.isalpha() for w in words[:i]):
            return _untitled(words[i + 1:])
    cut = 0
    for i, word in enumerate(words[:-1]):
        if i > 6 or not (word[:1].isupper() or word in _PARTICLES):
            break
        if _fold(word) in _ROLES and words[i + 1][:1].isupper():
            cut = i + 1
    return words[cut:]


def _two_people(words: list[str]) -> bool:
    """Return True when a joiner leads to a title: two people, not one name.

    "Xi Jinping and Canadian Prime Minister Mark Carney" (or "... and Canadian Prime
    Minister", cut short) names two people; "the Energy and Utilities Regulator" and "Marks &
    Spencer" are one name each.
    """
    return any(w.lower() in {"and", "&"} and any(_fold(v) in _ROLES for v in words[i + 1:])
               for i, w in enumerate(words))


def _fold(word: str) -> str:
    """Return a word casefolded, without accents or dots ("U.S." -> "us")."""
    plain = unicodedata.normalize("NFKD", word.casefold()).replace(".", "")
    return "".join(c for c in plain if not unicodedata.combining(c))


def _names_match(a: tuple[Hashable, ...], b: tuple[Hashable, ...]) -> bool:
    """Return True when one name's words are among the other's, in order."""
    return bool(a and b) and (_within(a, b) or _within(b, a))


def _within(short: tuple[Hashable, ...], long: tuple[Hashable, ...]) -> bool:
    """Return True when `short`'s words appear in `long` in order ("J" matches "John")."""
    rest = iter(long)
    return all(any(s == w or _initial(str(s), str(w)) for w in rest) for s in short)


def _initial(a: str, b: str) -> bool:
    """Return True when one word is the other's initial."""
    return min(len(a), len(b)) == 1 and a[:1] == b[:1]


def _acronym(short: Value, long: Value) -> bool:
    """Return True when `short` is an upper-case acronym of `long` ("RCMP")."""
    word = re.sub(r"^(?i:the) ", "", _clean(short.text))
    initials = "".join(str(w)[0] for w in long.key)
    return len(short.key) == 1 and 2 <= len(word) <= 6 and word.isupper() and (
        short.key[0] == initials)


def _text(text: str, phrase: str) -> Value:
    """Return any other phrase as its content words."""
    words = _WORD.findall(text.lower())
    return Value("text", tuple(w for w in words if w not in _STOP) or tuple(words), phrase)
