"""Sentences about something else than the question: another year, owner or role.

"How much copper did Carrowmere produce in 2024?" is not answered by "the mine produced
118,000 tonnes last year" in an article of 2026: the sentence speaks of 2025. A sentence that
names years (its relative ones resolved against its article's date, `index.corpus.dates`; a
month without its year, one near that date) and none of the question's cannot answer it,
whatever else it shares with it.

A year the question gives as a bound ("since 2005", "before 1960") says what it is not
about, and a question that asks for a date may give one year to find another; neither
rules a sentence out.

Nor is "who is Trennick's chairman?" answered by "Piers Haldane, Carrowmere's chairman": the
sentence gives the chairman another owner and never names Trennick. And "who's Kessaria's
commerce minister?" is not answered by a name its sources call "Prime Minister", nor by one
they never read as a person ("Halvane", a capital). And "the 13 people still missing" counts
other people than "198 people" on board: no disagreement. Nor does "Saturday" in "Stroud
returned on Saturday after four days in Kessaria, where she held talks" date the talks.
Nor is "who's running Metro?" answered by a chief the coverage says resigned last week, nor
"what profit did it make?" by its turnover, nor "how much was it fined?" by what it donated,
nor "how many buses did Harrowgate order?" by what Port Allard ordered, nor "who is the
trade minister?" by the "Finance" of "Finance Minister Jonas Arvelo", nor "what is its sales
target?" by "did not give a sales target", nor "how many hydrogen buses did it order?" by "120
electric buses".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from index.answer.config import CONFIG
from index.answer.cues import DENIALS, HEDGES
from index.answer.qualified import OPPOSED_ACTS
from index.answer.roles import GENERIC_ROLES, ROLES
from index.answer.tokens import LIGHT_VERBS, is_verb, text_of, tokens
from index.answer.values import money_word
from index.corpus.dates import resolve_relative_dates
from index.terms import STOPWORDS, same_stem, stem, text_stems

_YEAR = re.compile(r"(?<![\d,.])(1[5-9]\d\d|20\d\d|1[0-4]\d0(?='?s\b))"  # "the 1100s" too
                   r"(?:'?s\b|(?:\s?[-–/]\s?(\d{2}|\d{4}))?\b)")
_BOUND = re.compile(r"\b(since|after|before|until|till|prior to|pre|post|from|to)"
                    r"[\s-]+(the\s+)?$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween (1[5-9]\d\d|20\d\d) and (1[5-9]\d\d|20\d\d)\b", re.IGNORECASE)
_SPAN = 60  # the most years a range ("1952-1966") stands for


def years(text: str, bounds: bool = True) -> set[int]:
    """Return the years `text` names: a decade ("1970s") and a range give every year in them.

    So do a century ("the 11th century" -> 1000-1099, "the 10th and 11th centuries", "the
    1100s", "the ninth century BC" as years below 0) and a year before 1500 said as one ("in
    1107", "April 1191", "AD 800"; not "in 500 cases"). With `bounds` False, years the text
    gives as a bound ("since 2005") are left out.
    """
    found: set[int] = set()
    text = _BETWEEN.sub(r"\1-\2", text)
    for match in _YEAR.finditer(text):
        if not bounds and _BOUND.search(text[: match.start()]):
            continue
        first = int(match.group(1))
        last = first
        if match.group(0).rstrip().endswith("s"):  # "the 1970s", "the 2000s": a decade
            last = first + (99 if first % 100 == 0 and first < 2000 else 9)  # "the 1900s"
        elif match.group(2):
            tail = match.group(2)
            last = int(tail) if len(tail) == 4 else first // 100 * 100 + int(tail)
        hundred = last - first == 99 and first % 100 == 0
        found.update(range(first, last + 1) if 0 <= last - first <= _SPAN or hundred
                     else (first,))
    for match in _CENTURY.finditer(text):
        if not bounds and _BOUND.search(text[: match.start()]):
            continue
        sign = -1 if match.group("bc") else 1
        for ordinal in filter(None, (match.group("first"), match.group("second"))):
            number = _ordinal(ordinal)
            found.update(sign * year for year in range((number - 1) * 100, number * 100))
    for match in _OLD_YEAR.finditer(text):
        if not bounds and _BOUND.search(text[: match.start()]):
            continue
        year = int(next(g for g in match.group("dated", "year", "ad", "era") if g))
        found.add(-year if match.group("bc") else year)
    return found


_CENTURY_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                     "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                     "nineteenth twentieth twenty-first").split()
_CENTURY_ORDINAL = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(_CENTURY_ORDINALS) + ")"
_CENTURY = re.compile(rf"\b(?P<first>{_CENTURY_ORDINAL})(?:(?:\s+(?:and|or|to)\s+|\s*[-–]\s*)"
                      rf"(?P<second>{_CENTURY_ORDINAL}))?[\s-]+centur(?:y|ies)\b"
                      r"(?P<bc>\s+(?:BC|BCE|B\.C\.))?", re.IGNORECASE)
_MONTHS = "January|February|March|April|June|July|August|September|October|November|December"
# A year before 1500 only where it is said as one: after a month (not "May", a verb too:
# "April 1191"); after "in" and the like, before a pause or a word that starts a clause ("in
# 911 as a fiefdom", "in 1107, the Normans"; not "in 500 cases"); or with its era ("AD 800",
# "800 AD", "300 BC").
_OLD = r"(?:[1-9]\d{2}|1[0-4]\d\d)"
_OLD_YEAR = re.compile(
    rf"\b(?:{_MONTHS})\s+(?P<dated>{_OLD})\b(?![.,]?\d)"
    rf"|\b(?:in|by|since|until|till|from|after|before|around|circa|c\.)\s+(?P<year>{_OLD})"
    r"(?=\s*(?:[,.;:)](?!\d)|$)|\s(?:as|and|or|when|the|a|an|he|she|they|it|its|his|her|"
    r"their|this|which|who|under|with|by|at|to|after|before|during|until|in|on)\b)"
    r"|\b(?:AD|A\.D\.)\s+(?P<ad>[1-9]\d{0,3})\b"
    r"|\b(?P<era>[1-9]\d{0,3})\s+(?:AD|CE|(?P<bc>BC|BCE))\b")


def _ordinal(word: str) -> int:
    """Return the number a century's ordinal says ("11th", "eleventh")."""
    word = word.lower()
    return int(word[:-2]) if word[:1].isdigit() else _CENTURY_ORDINALS.index(word) + 1


def asked_years(question: str, kind: str) -> set[int]:
    """Return the years a question is about: none when it asks for a date."""
    return set() if kind == "date" else years(question, bounds=False)


def other_years(asked: set[int], sentence: str, published: str | None,
                paragraph: str = "") -> bool:
    """Return True when `sentence` names years, none of them one of `asked`.

    A month it names without a year ("in the six months to the end of April") is one near its
    article's date: of the year before it, its own or the next. "How much copper did it
    produce in 2024?" is not answered by an article of 2026 saying what it produced to April.
    A sentence that names no year is dated by its `paragraph`: "The racial makeup of Fresno
    was 245,306 (49.6%) White" in a paragraph of the 2010 census does not say the white
    population in 1942. Nor by its paragraph alone when its article is of a year asked: "The
    company now employs 3,100" in an article of 2024, whose paragraph recalls 2021, may say
    how many it employed in 2024. Where neither names a year, it is of its article's time:
    "evacuations pass 5,000" in an article of 2026 says nothing of 1987, nor of 2024, but may
    tell what will be in 2030.
    """
    if not asked:
        return False
    if paragraph and not _dated(sentence, published):
        if published and published[:4].isdigit() and int(published[:4]) in asked:
            return False
        return other_years(asked, paragraph, published)
    text = resolve_relative_dates(sentence, published)
    said = years(text)
    if not said and published and published[:4].isdigit():
        year = int(published[:4])
        if not _MONTH.search(text):  # nothing: of its article's time, or the year before, not
            return max(asked) < year - 1  # of years before them; it may tell what will be
        said = {year - 1, year, year + 1}  # a month: near its article's date
    return bool(said) and not said & asked


def _dated(text: str, published: str | None) -> bool:
    """Return True when a text names a year, or a month (then near its article's date)."""
    text = resolve_relative_dates(text, published)
    return bool(years(text) or (published and published[:4].isdigit() and _MONTH.search(text)))


def years_before(span: Span, published: str | None) -> bool:
    """Return True when a sentence dates the answer it states to years before its article's.

    "The record for a single day's snowfall in Harrowgate is 44 cm, set in January 1996", in
    an article of 2026, is no account of this storm's snow. Only a year that dates the
    answer's own clause (the verb it hangs from, or a verb said of it: "set in January 1996";
    not "the 70 per cent surtax imposed in November 2023" beside "will pay 4.9 per cent") and
    not as a bound ("since 2011"); none may be the article's year or the year before ("sold
    214,000 last year"). An undated article says nothing.
    """
    if not published or not published[:4].isdigit():
        return False
    year = int(published[:4])
    verbs = {t.i for t in _stating(span)}
    said: set[int] = set()
    for entity in span.doc.ents:
        verb = _dating(entity)
        if not ((verb is not None and (verb.i in verbs or span.start <= verb.head.i < span.end))
                or _when_clause(entity) & verbs):  # "in 2021, when about 450 jobs were lost"
            continue
        start = entity.start - 1 if entity.root.dep_ == "pobj" else entity.start  # "since"
        said |= years(span.doc[max(start, 0):entity.end].text, bounds=False)
    return bool(said) and all(y < year - 1 for y in said)


# A month named ("May" only beside a day or after a preposition: not the verb).
_MONTH = re.compile(r"\b(?:January|February|March|April|June|July|August|September|October|"
                    r"November|December)\b|\b\d{1,2} May\b|\bMay \d{1,2}\b|"
                    r"\b(?:in|of|to|since|until|by|from|early|late|mid-) ?May\b")


_OWNING = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT"})
Owner = tuple[str, tuple[str, ...]]  # a noun's stem, and the lower-case words of its owner's name


def owners(doc: Doc) -> tuple[Owner, ...]:
    """Return each noun that a name owns in `doc`: "Trennick's chairman", "chairman of Velcor"."""
    found = []
    for token in doc:
        if token.pos_ == "NOUN":
            found.extend((stem(token.text), name) for name in _owned_by(token))
    return tuple(dict.fromkeys(found))


def qualifies_another(span: Span, asked: frozenset[str]) -> bool:
    """Return True when a span qualifies a noun the question does not name (`asked`: stems).

    Asked how long the strike lasted, "two-year" of "a two-year pay deal" is the deal's term;
    "12-day" of "a 12-day strike" is the strike's.
    """
    root = span.root
    head = root.head
    return (root.dep_ in {"amod", "compound", "nummod"} and head.pos_ == "NOUN"
            and not span.start <= head.i < span.end and stem(head.text) not in asked)


def noun_owners(question: Doc) -> tuple[str, ...]:
    """Return the common nouns that own another in a question, lower-cased.

    "when did the dockworkers' strike end?" -> ("dockworkers",); "what is the port's annual
    profit?" -> ("port",). Not a pronoun ("its"), nor a name (`owners`).
    """
    return tuple(t.lower_ for t in question
                 if t.dep_ == "poss" and t.pos_ == "NOUN" and t.head.pos_ == "NOUN")


def timing_nouns(question: Doc) -> tuple[str, ...]:
    """Return the common nouns a question times its event by, lower-cased.

    "how many were taken to hospital after the grounding?" -> ("grounding",): an event of
    its own story, whose coverage names it so. Not a name ("after the Olympics"), nor a
    time ("after the weekend").
    """
    return tuple(t.lower_ for t in question if t.pos_ == "NOUN" and t.dep_ == "pobj"
                 and t.head.lower_ in _TIMING and t.ent_type_ not in {"DATE", "TIME"})


_TIMING = frozenset({"after", "before", "during", "since", "following", "amid", "until"})


def other_owner(asked: tuple[Owner, ...], doc: Doc) -> bool:
    """Return True when `doc` gives a noun the question's name owns another owner.

    Only when the sentence never names the question's owner: "Velcor's offer, which Carrowmere's
    board rejected" may still answer about Velcor's offer.
    """
    if not asked:
        return False
    words = set(tokens(doc).lower)
    for noun, name in asked:
        if words & set(name):
            continue
        for token in doc:
            if token.pos_ == "NOUN" and stem(token.text) == noun and any(
                    not _one_name(name, other) for other in _owned_by(token)):
                return True
    return False


def _one_name(name: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Return True when two owners' words may name one owner ("UK", "United Kingdom").

    Not by a title or a numeral alone: "Duke William II" is not "King Harold II".
    """
    if {w for w in name if w not in _NOT_NAMING} & {w for w in other if w not in _NOT_NAMING}:
        return True
    initials = ["".join(w[0] for w in words if w not in STOPWORDS) for words in (name, other)]
    return any(len(words) == 1 and words[0] == initial
               for words, initial in ((name, initials[1]), (other, initials[0])))


# Words of a name shared by others: a title, a monarch's numeral.
_NOT_NAMING = ROLES | frozenset("i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi".split())
Doer = tuple[str, tuple[str, ...]]  # a verb's lemma, and the lower-case words of its doer's name
# Auxiliaries a question puts before its subject and the verb: "did Harrowgate order?"
_AUXILIARIES = frozenset("do does did will would can could should has have had".split())
_PROGRESSIVE = frozenset("is are was were".split())  # before a verb in -ing
_DONE = frozenset({"VERB", "NOUN", "AUX", "ADJ"})  # what a misparsed question's verb may be
# tagged
# Names of a role, not of whoever holds it: "did the PM meet ...?"
_ROLE_ACRONYMS = ROLES | {"pm", "cfo", "coo", "cto", "vp", "mep"}


def doers(doc: Doc, names: Iterable[str] = ()) -> tuple[Doer, ...]:
    """Return each verb a name of the question does: "did Harrowgate order" -> (order, harrowgate).

    Only a doer that holds one of `names` (the question's names) other than a role's ("the PM",
    "the CEO": the coverage calls their holder by name).
    """
    asked = {n.lower() for n in names} - _ROLE_ACRONYMS
    found = []
    for token in doc:
        if token.pos_ == "VERB":
            found.extend((token.lemma_.lower(), name) for name in _done_by(token))
        if token.lower_ in _AUXILIARIES | _PROGRESSIVE:  # "did Harrowgate order?", "order"
            # parsed a noun; "is Velcor cutting?", not "was Tarvos arrested?"
            name = list(itertools.takewhile(lambda t: t.pos_ == "PROPN", doc[token.i + 1:]))
            after = token.i + 1 + len(name)
            verb = doc[after] if name and after < len(doc) else None
            if (verb is not None and verb.is_lower and verb.pos_ in _DONE
                    and (token.lower_ in _AUXILIARIES or verb.lower_.endswith("ing"))):
                found.append((verb.lemma_.lower(), tuple(t.lower_ for t in name)))
    return tuple(dict.fromkeys(d for d in found if asked & set(d[1]) and d[0] != "be"))


def other_doer(asked: tuple[Doer, ...], docs: list[Doc]) -> bool:
    """Return True when the sentences stating an answer say another name did what was asked.

    Only when none of them names the question's doer: "Port Allard Transit has ordered 40
    hydrogen buses" (and "The order, approved by the Port Allard Transit board, covers 40 ...")
    does not say how many Harrowgate ordered, while "Harrowgate ordered 120, and Port Allard
    40" may. Two names that may be one ("UK", "United Kingdom") are one doer. Or when each
    that names it has another name do the verb to it (`_done_to`): "Carrowmere has agreed to
    pay Velcor a break fee" does not say what Velcor would pay Carrowmere.
    """
    for lemma, name in asked:
        words = set(name) - _NOT_NAMING or set(name)  # not "II" of "Roger II"
        naming = [doc for doc in docs if words.intersection(tokens(doc).lower)]
        if naming:  # "Carrowmere has agreed to pay Velcor" for what Velcor would pay it;
            # "Duke William II conquered England killing King Harold II"
            if all(_done_to(doc, lemma, name) or _done_by_others(doc, lemma, name)
                   for doc in naming):
                return True
            continue
        if any(token.pos_ == "VERB" and token.lemma_.lower() == lemma and any(
                not _one_name(name, other) for other in _done_by(token))
               for doc in docs for token in doc):
            return True
    return False


def asks_passive(question: Doc) -> bool:
    """Return True when a question's verb is passive: its subject is done to, not the doer.

    "what day was the Wenna Grey taken out of service?", "when was Harvard founded?" (spaCy's
    small model parses the first's "was" as the root).
    """
    be = [t.i for t in question if t.lower_ in _BE]
    return any(t.dep_ == "auxpass" for t in question) or any(
        t.tag_ == "VBN" and any(i < t.i for i in be) for t in question)


_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})


def acts_on(question: Doc, lemma: str) -> bool:
    """Return True when a question's verb does something to an object ("tell the watchdog").

    Not a verb without one ("when did Dyrrachium fall to the Normans?"), nor a light verb's
    idiom ("when did the siege take place?"): their subject is what happened, which another
    may well be said to do ("the Normans took Dyrrachium in 1082").
    """
    return lemma not in _LIGHT and any(
        t.lemma_.lower() == lemma and any(c.dep_ in _RECEIVING for c in t.children)
        for t in question)


_LIGHT = LIGHT_VERBS | {"give", "hold"}  # "give way", "hold talks": idioms as well


def acted_on(span: Span, asked: tuple[Doer, ...]) -> bool:
    """Return True when a date's verb has another do something to the question's doer.

    "The watchdog opened a formal inquiry into Amberlyn Bank on Thursday": asked when Amberlyn
    told the watchdog, Thursday dates the watchdog's act, Amberlyn only its object. A subject
    that names the doer, or a pronoun that may, leaves the date to the doer. Only for a
    question whose verb acts on an object (`acts_on`).
    """
    verb = _hanging_from(span.root)
    subjects = [] if verb is None else [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or any(s.pos_ == "PRON" for s in subjects):
        return False
    said = {t.i for s in subjects for t in s.subtree}
    for _, name in asked:
        words = set(name) - _NOT_NAMING or set(name)
        if words & {verb.doc[i].lower_ for i in said}:
            return False
        if words & {verb.doc[i].lower_ for i in _clause(verb) - said}:
            return True  # in the verb's own clause: not "the authority told councillors
            # (that) the cost of Harrowgate Metro's programme has climbed"
    return False


_RECEIVING = frozenset({"dobj", "dative", "iobj"})  # "pay Velcor a fee", "pay Velcor"


def asked_patient(question: Doc) -> tuple[str, str] | None:
    """Return the verb and the stem of its object's noun when a question asks who does it.

    "who runs the health board?" -> ("run", "board"); "who runs Amberlyn?" -> ("run",
    "amberlyn"). None for any other question.
    """
    for verb in question:
        if verb.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lower_ in {"who", "what"}
                                       for c in verb.children):
            thing = next((c for c in verb.children
                          if c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"}), None)
            if thing is not None:
                return verb.lemma_.lower(), stem(thing.text)
    return None


def done_by_asked(span: Span, lemma: str, thing: str) -> bool:
    """Return True when a span is what the asked thing does the verb to, not who does it.

    Asked "who runs the health board?", "the six hospitals" of "The Esterhold Health Board,
    which runs the six hospitals" and "Varnley General Hospital" of "six hospitals run by the
    Esterhold Health Board, including Varnley General Hospital" are run by the board. Asked
    "who blocked the merger?", "Sundmere Line" of "blocked the merger of Sundmere Line and
    Gullholm Ferries" is part of what was blocked.
    """
    inside = set(range(span.start, span.end))
    for verb in span.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() != lemma:
            continue
        own = {t.i for t in verb.subtree}
        if verb.dep_ == "acl":  # "six hospitals run by the board": the noun is done to
            patients = [verb.head]
            doers = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
        else:
            patients = [c for c in verb.children if c.dep_ in _RECEIVING | {"nsubjpass"}]
            doers = [c for c in verb.children if c.dep_ == "nsubj"]
            doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
            if verb.dep_ == "relcl" and all(d.lower_ in _RELATIVE for d in doers):
                doers.append(verb.head)  # "The board, which runs the hospitals"
        done_to = {t.i for p in patients for t in p.subtree
                   if verb.dep_ != "acl" or t.i not in own}
        doing = {t.i for d in doers for t in d.subtree
                 if t.i not in done_to and (d.i != verb.head.i or t.i not in own)}
        if inside & done_to and not inside & doing and (
                thing in {stem(span.doc[i].text) for i in doing}
                or thing in {stem(p.text) for p in patients}):  # "blocked the merger of
            return True  # Sundmere Line and Gullholm": part of the asked thing
    return False


_RELATIVE = frozenset({"which", "that", "who"})


def does(span: Span, lemma: str) -> bool:
    """Return True when a span does what a verb of the lemma says (`_done_by`, any name)."""
    inside = set(range(span.start, span.end))
    for verb in span.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() != lemma:
            continue
        doers = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in _RELATIVE]
        doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
        if verb.dep_ == "relcl" and not doers:
            doers.append(verb.head)
        own = {t.i for t in verb.subtree}
        if inside & {t.i for d in doers for t in d.subtree
                     if d.i != verb.head.i or t.i not in own}:
            return True
    return False


def _done_to(doc: Doc, lemma: str, name: tuple[str, ...]) -> bool:
    """Return True when a sentence has another name do the verb to the asked doer.

    "Carrowmere has agreed to pay Velcor a 70 million crown break fee" names Velcor as whom
    Carrowmere pays: asked what Velcor would pay, it gives the fee the other way round.
    """
    verbs = [(v, _done_by(v)) for v in doc if v.pos_ == "VERB" and v.lemma_.lower() == lemma]
    if any(_one_name(name, other) for _, done_by in verbs for other in done_by):
        return False  # "... and Velcor would pay Carrowmere 50 million crowns"
    # the asked name whole in the verb's object: "the Office of Western Medicine" is not "the
    # Office of Eastern Medicine"
    return any(done_by and any(set(name) <= {t.lower_ for t in o.subtree if t.pos_ == "PROPN"}
                               for o in verb.children if o.dep_ in _RECEIVING)
               for verb, done_by in verbs)


def _done_by_others(doc: Doc, lemma: str, name: tuple[str, ...]) -> bool:
    """Return True when a sentence has names do the verb, each another than the asked doer."""
    verbs = [v for v in doc if v.pos_ == "VERB" and v.lemma_.lower() == lemma]
    done_by = [_done_by(v) for v in verbs]
    return bool(verbs) and all(done_by) and not any(
        _one_name(name, other) for names in done_by for other in names)


def _done_by(verb: Token) -> list[tuple[str, ...]]:
    """Return the names that do what `verb` says, each as its lower-case words.

    Its subject ("Port Allard Transit has ordered"), the subject of the verb it completes
    ("Carrowmere has agreed to pay"), or a passive's agent ("was ordered by Port Allard").
    """
    # "When was Harvard founded?" is parsed with "Harvard" its nsubj: what is done, not who
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    subjects = [] if passive else [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and not passive and verb.dep_ == "xcomp":  # "Carrowmere has agreed to pay"
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    subjects += [g for c in verb.children if c.dep_ == "agent"
                 for g in c.children if g.dep_ == "pobj"]
    if passive and not any(c.dep_ == "agent" for c in verb.children):
        # "were encouraged to come to the south by the Lombards": the parse hangs the agent
        # on the verb it completes
        subjects += [g for x in verb.children if x.dep_ == "xcomp" for c in x.children
                     if c.dep_ == "prep" and c.lower_ == "by"
                     for g in c.children if g.dep_ == "pobj"]
    return [tuple(t.lower_ for t in s.subtree if t.pos_ == "PROPN")
            for s in subjects if s.pos_ == "PROPN"]


def _owned_by(noun: Token) -> list[tuple[str, ...]]:
    """Return the names that own `noun`, each as its lower-case words."""
    heads = [c for c in noun.children if c.pos_ == "PROPN" and (
        c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_ in _OWNING))]  # not "Trade"
    if noun.lower_ in ROLES:  # "chairman of Trennick", not "the spread of Lutheranism"
        heads += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    return [tuple(t.lower_ for t in head.subtree if t.pos_ == "PROPN") for head in heads]


# Role nouns that name one role ("CEO", "chief executive"; "chair", "chairman").
_ONE_ROLE = tuple(frozenset(words.split()) for words in (
    "ceo executive exec boss head chief", "chair chairman chairwoman chairperson",
    "spokesperson spokesman spokeswoman", "lawyer attorney counsel solicitor",
    "leader head chief", "judge justice"))
ROLE_NOUNS = ROLES - GENERIC_ROLES  # nouns of a person's role (not "man", "person")
# Roles that head an organisation: "transit boss", "union leader", "board chair" qualify the
# role by what is headed, not by a portfolio ("trade minister")
_HEADING = frozenset(_ONE_ROLE[0] | _ONE_ROLE[1] | _ONE_ROLE[4])

# The titles of whoever heads a body, and the nouns that ask for any of them.
_TOP = _HEADING | {"president", "director"}
_TOP_ASKED = frozenset({"head", "leader"})

# Words that say when or how surely a role is held, not which role it is.
_TENURE = frozenset("new former interim acting permanent current then first last next "
                    "previous outgoing incoming".split())


def role_nouns(noun: str) -> frozenset[str]:
    """Return the nouns that name one role with `noun`: "boss" -> {boss, ceo, chief, ...}.

    A body's head or leader is whoever heads it, by whatever title: asked "who heads the
    federation?", "Federation president Lise Arnaud" is one.
    """
    if noun in _TOP_ASKED:
        return _TOP
    return next((f for f in _ONE_ROLE if noun in f), frozenset({noun}))


def other_role(role: str, name: list[str], texts: list[str]) -> bool:
    """Return True when the sentences title a name, but never with the role asked about.

    `role` is the role asked about ("commerce minister", `index.answer.roles`), `name` the
    answer's words, lower-cased. "Prime Minister Helena Stroud" is no commerce minister,
    "commerce ministry spokesperson Mira Solvane" no minister, "the ferry's captain, Emeric
    Tarvos" not his lawyer. A sentence that names her without a title says nothing either
    way, and "Stroud arrived with Trade Minister Owen Balcombe" gives the title to him. A role
    that heads something ("transit boss", "union leader") is qualified by what it heads, which
    any sentence naming the holder may say: "Darius Penhale, the chief executive of Harrowgate
    Metro" is the transit boss asked about where "Penhale, who took the top job at the transit
    authority" is read too; a portfolio ("trade minister") must be in the title. A word of the
    role counts in any form: "chief financial officer" is the finance chief.
    """
    *kinds, head = role.split() or [""]
    kinds = [stem(k) for k in kinds if k not in _TENURE]
    heads = role_nouns(head)
    beside: set[str] = set()  # what a sentence naming the holder says of a heading role:
    if name and heads & _HEADING:  # "Penhale, who took the top job at the transit authority"
        surname = re.compile(rf"(?i)\b{re.escape(name[-1])}\b")
        beside = set().union(*(text_stems(t) for t in texts if surname.search(t)))
    # a name that opens on a title holds it wherever it is said: "Captain Tarvos"
    own = list(itertools.takewhile(lambda w: w in ROLE_NOUNS, name[:-1]))
    if own and set(own) & heads and all(k in own for k in kinds):
        return False
    called = bool(own)
    if name and any(_does_role(name[-1], heads, text) and all(
            any(same_stem(k, w) for w in text_stems(text)) for k in kinds) for text in texts):
        return False  # "councillor Delia Prask, who chairs the health scrutiny committee"
    for text in texts:
        for title in titles(name, text):
            if title & heads:
                said = {stem(w) for w in title} | beside  # "financial" says "finance"
                if all(any(same_stem(k, s) for s in said) for k in kinds):
                    return False
                called = True
            elif title & ROLE_NOUNS:  # "engineering" is no engineer
                called = True
    return called


def _does_role(surname: str, heads: frozenset[str], text: str) -> bool:
    """Return True when a sentence says a name does what a role's noun says as a verb.

    "Delia Prask, who chairs the committee", "Prask, the councillor who chairs it", "Prask
    chaired the meeting": she is its chair, whatever else she is titled.
    """
    verbs = "|".join(rf"{re.escape(h)}(?:s|ed)" for h in sorted(heads) if h.isalpha())
    return bool(verbs) and re.search(
        rf"(?i)\b{re.escape(surname)}\b(?:,(?:\s+[\w'’-]+){{1,4}})?,?\s+(?:who\s+)?(?:now\s+|"
        rf"currently\s+|also\s+)?(?:{verbs})\b", text) is not None


def role_qualifiers(question: Doc, role: str) -> tuple[str, ...]:
    """Return the countries or peoples a question says the role it asks is of (`_WHOSE`).

    "who is the US president?" -> ("US",); "which Chinese premier ...?" -> ("Chinese",);
    "the president of Kessaria" -> ("Kessaria",), a name kept whole; "who is the trade
    minister?" -> (). A name that owns the post is one whatever spaCy tags it: "Kessaria's
    president" (tagged an organisation).
    """
    head = role.split()[-1] if role else ""
    for token in question:
        if token.lower_ != head:
            continue
        found = [c for c in token.lefts if c.dep_ in _QUALIFYING_DEPS]
        found += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
        return tuple(" ".join(t.text for t in q.subtree if t.ent_type_ in _WHOSE or (
            t.pos_ == "PROPN" and q.ent_type_ not in _WHOSE)) for q in found
            if q.ent_type_ in _WHOSE or (q.dep_ == "poss" and q.pos_ == "PROPN"))
    return ()


_QUALIFYING_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# A country or a people, the names that say whose a post is: "US", "Chinese". Not a body
# ("Brightwell"): spaCy tags a portfolio ("Trade") an organisation as often.
_WHOSE = frozenset({"GPE", "NORP"})
_POSSESSIVE = frozenset({"'s", "’s"})


def role_qualified(doc: Doc, name: list[str], heads: frozenset[str],
                   asked: tuple[str, ...], role: frozenset[str] = frozenset()) -> str:
    """Return whose a sentence says a name's role is, against the question's: "asked", "other", "".

    `name` is its words in lower case; `heads` the nouns of the role (`role_nouns`); `asked`
    the question's `role_qualifiers`. "Chinese President Xi Jinping" is "other" for the US
    president, "US President Donald Trump" "asked"; "Xi Jinping, China's president," reads
    the title set off after the name; "union president Rosa Kettering" is "other", a body's
    (`role`: the asked role's words, "trade" of "trade minister", qualify no body). "" when no
    title with the role says whose it is.
    """
    lower = tokens(doc).lower
    width = len(name)
    said = ""
    for start in range(len(doc) - width + 1):
        if list(lower[start:start + width]) != name:
            continue
        title = []
        for token in reversed(doc[:start]):  # "US President", "China's President"
            if (token.lower_ in STOPWORDS and not token.text.isupper()) or not (  # "US"
                    token.text[:1].isupper() or token.lower_ in ROLES
                    or token.text in _POSSESSIVE):
                break
            title.append(token)
        end = start + width
        if end < len(doc) and doc[end].text == ",":  # ", China's president,"
            title += itertools.takewhile(lambda t: not t.is_punct or t.text in _POSSESSIVE,
                                         doc[end + 1:end + 8])
        if not any(t.lower_ in heads for t in title):
            continue
        first = min(t.i for t in title)
        before = doc[first - 1] if first else None
        if (before is not None and before.pos_ == "NOUN" and before.is_lower
                and before.lower_ not in role and before.lower_ not in ROLES):
            said = "other"  # "union president Rosa Kettering" heads a union, not a country
            continue
        phrases = _names_in(sorted(t.i for t in title if t.ent_type_ in _WHOSE
                                   or _body_of_title(t, heads)), doc)
        if any(_same_name(q, p) for q in asked for p in phrases):
            return "asked"
        if phrases:
            said = "other"
    return said


def _body_of_title(token: Token, heads: frozenset[str]) -> bool:
    """Return True for a word of the body a title says it is of.

    "Casimir Oxenholme, chief executive of the Financial Markets Authority": the authority's
    chief executive, not Amberlyn's; "Piers Haldane, Carrowmere's chairman": Carrowmere's. A
    body named before the title without a possessive is not read so ("Trade" of "Trade
    Minister" is as often tagged an organisation).
    """
    if token.ent_type_ != "ORG" and token.pos_ != "PROPN":  # the tagger calls an invented
        return False  # firm a person as often
    owner = token
    while owner.dep_ == "compound" and owner.head.i != owner.i:
        owner = owner.head  # "Financial" of "the Financial Markets Authority's"
    if owner.dep_ == "poss" and owner.head.lower_ in heads:
        return True  # "Carrowmere's chairman"
    of = next((a for a in token.ancestors if a.lower_ == "of"), None)
    return of is not None and of.head.lower_ in heads and of.head.i < token.i


def names_whose(text: str, asked: tuple[str, ...]) -> bool:
    """Return True when a text names a country or people of the question's `role_qualifiers`.

    "Vastrenian" names "Vastrenia"; "U.S." and "United States" name "US".
    """
    runs = [re.sub(r"^The\s+", "", run) for run in _CAPITALISED.findall(text)]
    return any(_same_name(q, run) or any(_same_name(q, w) for w in run.split())
               for q in asked for run in runs)


_CAPITALISED = re.compile(r"\b[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*")


def _names_in(at: list[int], doc: Doc) -> list[str]:
    """Return the runs of adjacent tokens at the indices `at` (sorted) as texts."""
    runs: list[list[int]] = []
    for i in at:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [" ".join(doc[i].text for i in run) for run in runs]


def _same_name(asked: str, said: str) -> bool:
    """Return True when a title's name is the question's qualifier.

    "Chinese" and "China" by their stems; "US" and "United States" or "U.S." by its letters.
    """
    if any(same_stem(stem(a), stem(b)) for a in asked.split() for b in said.split()):
        return True
    letters = asked.replace(".", "")
    return letters.isupper() and len(letters) > 1 and letters.lower() in {
        said.replace(".", "").lower(), "".join(w[0] for w in said.split()).lower()}


def name_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Return a pattern that finds a name's words in a text, in order, whole, in any case."""
    said = r"\s+".join(re.escape(w) for w in words)
    return re.compile(rf"(?i)\b{said}\b")


def titles(name: list[str], text: str) -> list[set[str]]:
    """Return the words of each title `text` gives the name: before it, or set off after it.

    Lower-cased, hyphened words split: "by Prime Minister Helena Stroud" -> {prime,
    minister}; "Frank Marx, then ABC's vice-president of engineering," -> {then, abc, vice,
    president, of, engineering}; "the ferry's captain, Emeric Tarvos" -> {ferry, captain};
    "the last Norland prime minister to visit Kessaria, Gareth Lowe, had gone" -> {last,
    norland, prime, minister, ...}. A title before a name runs back to the first stop word or
    mark. A title of two words that heads something says so: "Brightwell's managing director"
    -> {brightwell, managing, director, head}.
    """
    found = []
    for match in name_pattern(name).finditer(text):
        before = _words_before(text, match.start())
        if before[-1:] == [","]:  # "the ferry's captain, Emeric Tarvos"
            before.pop()
        title: list[str] = []
        for word in reversed(before):
            if not word[0].isalnum() or word.lower() in STOPWORDS | _SAYING:
                break  # "His lawyer said Captain Tarvos ...": no title of his
            title.append(word)
        after = re.match(r"\s*,\s*([^,;.()]{1,60}?)\s*[,;.)]", text[match.end():])
        words = title + (re.findall(r"[\w'’-]+", after.group(1)) if after else [])
        comma = re.search(r",\s*$", text[: match.start()])
        if comma and re.match(r"\s*[,;.)]", text[match.end():]):  # ", Gareth Lowe,"
            words += _led_title(text[: comma.start()])
        title_words = {w.removesuffix("'s").removesuffix("’s") for word in words
                       for w in word.lower().split("-")}
        found.append(title_words | {role for pair, role in _COMPOUND_TITLES.items()
                                    if pair <= title_words})
    return found


_SAYING = frozenset({"said", "says", "told", "tells", "added", "asked", "wrote", "according"})


def named_thing(name: list[str], text: str) -> str:
    """Return the stem of the common noun right before a name that calls it so, or "".

    "since the ferry MV Linnet sank" -> "ferri" (a ferry called Linnet); "the ferry operator
    BLTC" -> "oper"; "the ferry's captain, Emeric Tarvos" -> "captain". Only the title's word
    in lower case nearest the name (its head): the words before it only qualify it. The title
    opens with a determiner: "police questioned Emeric Tarvos" calls him nothing.
    """
    for match in name_pattern(name).finditer(text):
        before = _words_before(text, match.start())
        if before[-1:] == [","]:
            before.pop()
        run: list[str] = []
        for word in reversed(before):
            if not word[0].isalnum() or word.lower() in STOPWORDS | _DETERMINERS:
                if word.lower() in _DETERMINERS:  # "the ferry MV", not "police questioned"
                    head = next((w for w in run if w.islower()), "")
                    return stem(head.removesuffix("'s").removesuffix("’s")) if head else ""
                break
            run.append(word)
    return ""


_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that",
                          "whose"})  # "the dam, whose operator, Vellstream Hydro,"


def asked_things(question: Doc, asked: Iterable[str] = ()) -> frozenset[str]:
    """Return the stems of the common nouns a who-question names as things it asks about.

    "who was skippering the ferry that went over?" -> {"ferri"}: the skipper is asked, not the
    ferry. Not a noun the question asks for ("who is the captain of the ferry?": "captain",
    the subject or complement of "be"; "qorvane chairman?": the noun the question is), nor a
    noun of a person's role (`roles.ROLES`), nor one of `asked` (its role, its focus).
    """
    skip = {stem(w) for w in asked if w}
    found = set()
    for token in question:
        if (token.pos_ != "NOUN" or stem(token.text) in skip or token.dep_ == "ROOT"
                or token.lemma_.lower() in ROLES):
            continue  # "qorvane chairman?" asks for the chairman; a person is no thing
        if token.dep_ in {"attr", "nsubj"} and token.head.lemma_ == "be":
            continue  # "who is the man who ...?" asks for the man
        found.add(stem(token.text))
    return frozenset(found)


def phrase_names_thing(phrase: str, things: frozenset[str]) -> bool:
    """Return True when a phrase is one of `things` (stems): a thing a who-question names.

    Its last word is one ("grain barge" for "who skippered the barge?"), or a name says it is
    one ("barge Pellow"). What owns a title is not the title's holder: "The ferry's captain,
    Emeric Tarvos" names the ferry's skipper.
    """
    words = [w for w in _PHRASE_WORD.findall(phrase) if not _OWNER.search(w)]
    return bool(words) and (stem(words[-1]) in things or (words[-1][:1].isupper() and any(
        w.islower() and stem(w) in things for w in words)))


_PHRASE_WORD = re.compile(r"\b\w\w+(?:['’]s?)?")  # `WORD`, with a possessive ending
_OWNER = re.compile(r"['’]s?$")  # "the ferry's", "the workers'"


def _words_before(text: str, at: int) -> list[str]:
    """Return the last five words and marks of `text` before `at`."""
    return re.findall(r"[\w'’-]+|[^\w\s]", text[:at])[-5:]


# Titles of two words that name a role neither word names alone: a managing director or a
# general secretary heads what they work for ("director", "secretary" alone head nothing).
_COMPOUND_TITLES = {frozenset(pair.split()): "head" for pair in (
    "managing director", "general secretary", "director general")}


def called(name: list[str], noun: str, texts: Iterable[str]) -> bool:
    """Return True when the name ends in a noun (its stem) or a sentence titles it so.

    `name` is its words, lower-cased. "Sable Moth" is a group in "The hacking group Sable
    Moth, which has claimed the attack"; "Sable Moth Group" is one by its name; "The
    Tarvesian Consumers' Council" is not one.
    """
    if name and stem(name[-1]) == noun:
        return True
    return any(noun in {stem(w) for w in title} for text in texts for title in titles(name, text))


# A role noun whose clause runs on to the name set off after it: "the last Norland prime
# minister to visit Kessaria, Gareth Lowe,", "the chief executive of Velcor, Anna Brandt,".
_LED_TITLE = re.compile(r"((?:[\w'’-]+\s+){0,3}[\w'’-]+)\s+(?:to|who|of|at)\s[^,;.()]{1,50}$")


def _led_title(text: str) -> list[str]:
    """Return the title that `text`, said before a name set off by commas, ends in."""
    match = _LED_TITLE.search(text)
    if match is None:
        return []
    words = match.group(1).split()
    if words[-1].lower() not in ROLE_NOUNS:
        return []
    title = []
    for word in reversed(words):
        if word.lower() in STOPWORDS:
            break
        title.append(word)
    return title


# Roles a company, a team or a country holds as well as a person ("the owner", "a player").
_ANYONE = frozenset({"owner", "player", "leader"})
# Answer types (`index.answer.types.TYPES`) of what no person is; the rest say too little.
_THINGS = frozenset({"ORG", "PLACE", "NORP"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord"})


def no_holder(span: Span) -> bool:
    """Return True when a span given for "who ...?" names nobody: a clause, or a portfolio.

    "Port Allard Transit runs about 140 buses" is a clause (its root a verb); "Finance" of
    "Finance Minister Jonas Arvelo" a noun that only qualifies the role noun after it. An
    ordinal or adjective before a role ("the Seventh Doctor") may be what is asked for.
    """
    if span.root.pos_ in {"VERB", "AUX"}:
        return True
    after = span.doc[span.end] if span.end < len(span.doc) else None
    last = span[-1]
    return (after is not None and last.dep_ == "compound" and last.pos_ in {"NOUN", "PROPN"}
            and after.lower_ in ROLE_NOUNS and not _ORDINAL.fullmatch(last.lower_))


def names_a_body(span: Span) -> bool:
    """Return True when a span is the first word of a body's name that holds a role's title.

    "Office" of "the Office of the Data Commissioner" is the commissioner's office: where a
    sentence names it so, the name is the body's, not a person's.
    """
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (after is not None and after.lower_ == "of" and span[-1].text[:1].isupper()
            and any(t.text[:1].isupper() and t.lower_ in ROLE_NOUNS
                    for t in span.doc[span.end + 1:span.end + 5]))


# Ordinals, which spaCy often tags as names before a noun ("the Seventh Doctor")
_ORDINAL = re.compile(r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                      r"eleventh|twelfth|\w+teenth|\w+ieth|\d+(?:st|nd|rd|th)")


def not_given(span: Span, asked: Iterable[str]) -> bool:
    """Return True when a span only says that what was asked was not given.

    "(did not) give a sales target for 2026" for "what is Qorvane's sales target for 2026?":
    a negated verb in it or over it (not "is": "not equal" may be the answer), and nouns,
    names and figures that are all the question's own (`asked`, stems).
    """
    asked = set(asked)
    verbs = [t for t in [*span, span.root.head] if t.pos_ in {"VERB", "AUX"}]
    negated = [v for v in verbs if any(c.dep_ == "neg" for c in v.children)]
    things = [t for t in span if t.pos_ in {"NOUN", "PROPN", "NUM"}]
    return (bool(negated) and all(v.lemma_ != "be" for v in negated) and bool(things)
            and all(stem(t.text) in asked for t in things))


def no_person(role: str, name: list[str], types: Iterable[str], texts: list[str],
              docs: list[Doc]) -> bool:
    """Return True when a name asked for in a person's role is never read as a person.

    `role` is the role asked about (`index.answer.roles`), `name` the answer's words,
    lower-cased, `types` its answer types in the sentences that state it, and `texts` and
    `docs` the sentences read for the question, raw and parsed. "Halvane" (typed a place or
    an organisation wherever it is an answer) is no commerce minister, unless a sentence calls
    a person by its words ("Colm Hardacre" for "Hardacre", whom spaCy types an organisation in
    "Hardacre said") or titles it ("Managing director Colm Hardacre", "Mr Hardacre"). A role
    an organisation may hold too ("owner") asks for anyone.
    """
    types = set(types)
    if not role or role.split()[-1] in _ANYONE or not types & _THINGS:
        return False
    return never_person(name, types, texts, docs)


def never_person(name: list[str], types: Iterable[str], texts: list[str],
                 docs: list[Doc]) -> bool:
    """Return True when no sentence reads a name as a person's.

    `types` are its answer types where it is stated; `texts` and `docs` the sentences read,
    raw and parsed. A name typed a person somewhere, found in a person's name ("Colm
    Hardacre" for "Hardacre"), or titled with a role or an honorific ("Mr Hardacre") is one.
    """
    if "PERSON" in set(types):
        return False
    words = set(name)
    for doc in docs:
        if any(e.label_ == "PERSON" and words <= {t.lower_ for t in e} for e in doc.ents):
            return False
    return not any(title & (ROLE_NOUNS | _HONORIFICS)
                   for text in texts for title in titles(name, text))


# Verbs by which a person leaves a post (`departed`): said of the person, or done to them.
_LEAVING = frozenset("resign quit retire depart".split())
_REMOVED = frozenset("oust fire sack dismiss remove depose replace succeed".split())
_FORMER = frozenset({"former", "outgoing", "ex", "departing", "late"})
_LEAVINGS = frozenset("resignation departure retirement exit ouster dismissal sacking".split())
_PAST = frozenset({"VBD", "VBN"})


def departed(name: list[str], docs: Iterable[Doc]) -> bool:
    """Return True when a sentence says the named person has left their post.

    `name` is the answer's words, lower-cased; a sentence may give its last word alone, whatever
    spaCy types it. "Darius Penhale, the chief executive, resigned on Friday", "after Penhale
    quit", "Penhale, who resigned", "Penhale's resignation", "Penhale stepped down", "Penhale
    was ousted", "Achterberg replaced Penhale", "took over from Penhale", "former chief
    executive Darius Penhale": asked who runs Metro now, he no longer does. What is only
    threatened or denied ("would resign", "refused to step down", "did not resign") says
    nothing.
    """
    if not name:
        return False
    for doc in docs:
        if any(_FORMER & title for title in titles(name, text_of(doc))):
            return True
        # the name's last word heads it ("Darius Penhale", "Penhale")
        if any(t.lower_ == name[-1] and t.pos_ == "PROPN" and _left(t) for t in doc):
            return True
    return False


def _left(person: Token) -> bool:
    """Return True when the parse says the person heading a name left a post.

    As the verb's subject or object, as the subject of a relative clause ("Penhale, who
    resigned last week"), or as the owner of a noun of leaving ("Penhale's resignation"); a
    name set after its title is judged as the title ("The chief executive, Graham Ostrowe, has
    resigned").
    """
    if person.dep_ == "appos":  # "The chief executive, Graham Ostrowe, has resigned"
        person = person.head
    if person.dep_ == "poss" and person.head.lemma_.lower() in _LEAVINGS:
        return True
    said = [(person.head, person.dep_)]
    said += [(c, "nsubj") for c in person.children if c.dep_ == "relcl" and any(
        s.dep_ == "nsubj" and s.lower_ in {"who", "that"} for s in c.children)]
    return any(_left_by(verb, role) for verb, role in said)


def _left_by(verb: Token, role: str) -> bool:
    """Return True when `verb` says its `role` (nsubj, nsubjpass, dobj, pobj) left a post."""
    if role == "pobj" and verb.lower_ == "from":  # "took over from Penhale"
        verb, role = verb.head, "from"
    if not _done(verb):
        return False
    lemma = verb.lemma_.lower()
    particles = _particles(verb)
    if role == "nsubj":
        return leaving(lemma, particles)
    if role == "nsubjpass":
        return lemma in _REMOVED
    if role == "dobj":  # "Achterberg replaced Penhale"
        return lemma in {"replace", "succeed"}
    return role == "from" and lemma == "take" and "over" in particles


def said_leaving(doc: Doc) -> bool:
    """Return True when a sentence says someone left a post ("The director has resigned")."""
    return any(_done(t) and leaving(t.lemma_.lower(), _particles(t)) for t in doc)


def _done(verb: Token) -> bool:
    """Return True for a verb said as done: past, not denied ("resigned", not "did not")."""
    return verb.pos_ == "VERB" and verb.tag_ in _PAST and not any(
        c.dep_ == "neg" for c in verb.children)


def _particles(verb: Token) -> set[str]:
    """Return the words that complete a verb: "down" of "stepped down"."""
    return {c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod"}}


def leaving(lemma: str, particles: Iterable[str] = ()) -> bool:
    """Return True for a verb by which a person leaves a post: "resign", "step down"."""
    return lemma in _LEAVING or (lemma == "step" and bool(set(particles) & {"down", "aside"}))


_POSTMODIFIERS = frozenset({"acl", "relcl", "amod"})


def qualifiers(span: Span) -> frozenset[str]:
    """Return the lemmas of what qualifies the noun an amount counts, after the noun.

    "the 13 people still missing" -> {miss}; "41 people killed", "people who were
    killed" -> {kill}; "198 people - 187 passengers and 11 crew -" -> {}. A qualifier after
    the noun restricts what is counted, unlike most before it ("electric vehicles"). The
    noun is the span's last, or the one its number counts ("13" of "13 people ...").
    """
    nouns = [t for t in span if t.pos_ in {"NOUN", "PROPN"}]
    if nouns:
        noun = nouns[-1]
    else:
        numbers = [t for t in span if t.like_num and t.dep_ == "nummod"]
        if not numbers or numbers[-1].head.pos_ != "NOUN":
            return frozenset()
        noun = numbers[-1].head
    return frozenset(t.lemma_.lower() for t in noun.children
                     if t.dep_ in _POSTMODIFIERS and t.i > noun.i and t.i >= span.end
                     and t.pos_ in {"VERB", "ADJ"})


_ONE_EVENT = frozenset({"xcomp", "conj", "aux", "auxpass"})  # "is scheduled to hold", "held and"


def _joined(token: Token) -> bool:
    """Return True when a verb is one event with its head: "wrote to his bishop, protesting"."""
    if token.dep_ == "conj" and _closes_aside(token):
        return False
    return token.dep_ in _ONE_EVENT or (
        token.dep_ == "advcl" and token.tag_ == "VBG"
        and not any(c.dep_ == "mark" for c in token.children))


def another_event(span: Span, lemma: str, asked: frozenset[str] = frozenset(),
                  event: str = "") -> bool:
    """Return True when the span hangs from another verb than the asked one its sentence has.

    `lemma` is the question's main verb's ("hold"), `asked` the stems of the question's words.
    "Saturday" in "Stroud returned on Saturday after four days in Kessaria, where she held
    talks" dates the return, not the talks; "Thursday" in "Stroud is scheduled to hold talks on
    Thursday" and in "talks were held on Thursday" dates them. A span of the opposite act
    dates another event ("The strike ends at 7am on Thursday" for "when did it start?"). A
    sentence without the asked verb says nothing else, nor does the verb said of something
    else ("said on Tuesday that it would examine the decision to open the spillway gates" for
    "when did the regulator open its investigation?").

    A question whose verb is light ("what day was the offer made?") asks about a noun, its
    `event` (a stem): the asked verbs are those said of it. "The minister yesterday raised the
    offer ... to head off a walkout due to begin next Tuesday": "next Tuesday" dates the
    walkout.
    """
    if lemma and (verb := _hanging_from(span.root)) is not None and (
            verb.lemma_.lower() in OPPOSED_ACTS.get(lemma, ())):  # "The strike ends at 7am
        return True  # on Thursday" for "when did it start?"
    if lemma:
        verbs = [t for t in span.doc if t.pos_ == "VERB" and t.lemma_.lower() == lemma
                 and _of_asked(t, asked)]
    elif event:
        verbs = [t for t in span.doc if t.pos_ == "VERB" and any(
            c.dep_ in _ARGUMENTS and c.pos_ == "NOUN" and stem(c.text) == event
            for c in t.children)]
    else:
        return False
    if not verbs:
        return False
    verb = _hanging_from(span.root)
    return verb is not None and not any(
        _one_event(verb, token) and not _dated_apart(verb, token) for token in verbs)


def entry_stamp(span: Span, lemma: str) -> bool:
    """Return True when the span is a live blog's stamp on an entry that lacks the asked act.

    "11:20 - Families are gathering at the ferry terminal in Dunmarrow" was posted at 11:20;
    asked "what time did the ferry leave Dunmarrow?", the stamp dates no leaving. An entry
    that states the asked act ("21:25 - Santov has spoken at Kellin harbour" for "when did
    she speak?") may be dated by it.
    """
    doc = span.doc
    if span.start != 0 or not _CLOCK.fullmatch(doc[0].text) or len(doc) < 2 or (
            doc[1].text not in _DASHES) or span.end > 1:
        return False
    return not any(t.lemma_.lower() == lemma and is_verb(t) for t in doc)


_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")
_DASHES = frozenset({"-", "\u2013", "\u2014", "--"})


def _dated_apart(verb: Token, other: Token) -> bool:
    """Return True when two verbs joined by "and" each have a date of their own.

    "The vote opens on Monday and closes on 17 October" says two events.
    """
    joined = (verb.dep_ == "conj" and verb.head.i == other.i) or (
        other.dep_ == "conj" and other.head.i == verb.i)
    return joined and _own_date(verb) and _own_date(other)


def _own_date(verb: Token) -> bool:
    """Return True when a date hangs from the verb itself, or from a preposition of it."""
    dates = {"DATE", "TIME"}
    return any(c.ent_type_ in dates or (c.dep_ == "prep" and any(
        g.ent_type_ in dates for g in c.children)) for c in verb.children if c.dep_ != "conj")


def _hanging_from(token: Token) -> Token | None:
    """Return the verb a token hangs from (the first verb up the parse), if any."""
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return token if token.pos_ in {"VERB", "AUX"} else None


def _when_clause(entity: Span) -> set[int]:
    """Return the verbs of the clauses a date introduces with "when" ("in 2021, when ... lost")."""
    return {c.i for c in entity.root.children if c.dep_ == "relcl" and any(
        w.lower_ == "when" and w.dep_ == "advmod" for w in c.children)}


def _dating(entity: Span) -> Token | None:
    """Return the verb a date entity dates: its head, or the head of its preposition.

    "turned it down on Sunday", "said Monday"; not "a 2017 conversion" (the conversion's
    date) nor "the 47-year-old vessel" (an age).
    """
    if entity.label_ not in {"DATE", "TIME"}:
        return None
    head = entity.root.head
    if entity.root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif entity.root.dep_ not in {"npadvmod", "advmod", "obl", "tmod"}:
        return None
    return head if head.pos_ in {"VERB", "AUX"} else None


def farther_dates(doc: Doc, nearness: dict[int, float], margin: float) -> frozenset[int]:
    """Return the tokens of the dates of a sentence that date a farther event than another.

    `nearness` gives, by token index, how near each verb of the sentence comes to the
    question's verb (`spans.verb_nearness`), for a sentence without the asked verb itself.
    A date hanging from a verb at least `margin` less near than the verb another date of the
    sentence hangs from dates another event: "made public on Monday a proposal ..., after the
    board turned the approach down on Sunday" asked "what date did the board reject it?"
    ("turned down" 0.40 from "reject", "made" 0.25).
    """
    dated: list[tuple[Span, float]] = []
    for entity in doc.ents:
        verb = _dating(entity)
        if verb is not None and verb.i in nearness:
            dated.append((entity, nearness[verb.i]))
    if len(dated) < 2:
        return frozenset()
    best = max(near for _, near in dated)
    return frozenset(t.i for entity, near in dated if near <= best - margin for t in entity)


def asked_figures(question: str) -> frozenset[str]:
    """Return the figures a question names, as digits ("4.5" of "up to 4.5%?")."""
    return frozenset(m.replace(",", "") for m in _FIGURE.findall(question))


_FIGURE = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
_MEASURES = frozenset({"%", "percent", "cent"})


def named_shares(doc: Doc | Span, every: bool = False) -> frozenset[float]:
    """Return the shares that name a thing ("4.5" of "the 4.5% offer", "a 20 per cent tariff").

    With `every`, every share said ("raises its offer to 5.6%", "a turnout of 58%") too.
    """
    found = set()
    for token in doc:
        if not token.like_num or token.i + 1 >= len(doc):
            continue
        unit = doc[token.i + 1]
        if unit.lower_ == "per" and token.i + 2 < len(doc) and doc[token.i + 2].lower_ == "cent":
            unit = doc[token.i + 2]
        if unit.lower_ not in _MEASURES:
            continue
        naming = unit.dep_ in {"compound", "amod"} and unit.head.pos_ == "NOUN" \
            and unit.head.lower_ not in _MEASURES
        try:
            value = float(token.text.replace(",", ""))
        except ValueError:
            continue
        if every or naming:
            found.add(value)
    return frozenset(found)


def _one_share(a: float, b: float) -> bool:
    """Return True when two shares may be one: equal, or a whole one the other rounds to."""
    return a == b or ((a.is_integer() or b.is_integer()) and round(a) == round(b))


def another_share(asked: frozenset[float], doc: Doc, title: Doc, answer: frozenset[float]) -> bool:
    """Return True when a sentence speaks of a thing of another share than the question's.

    "What will the 5.6% deal cost?" is not answered by "It priced the 4.5% offer at $96m a
    year" (a share naming another thing, and not the asked one), nor by "The deal will cost
    about $21 million a year" under the headline "Westerhold paramedics accept 4.8% pay
    deal" (a sentence naming no share is its headline's). A sentence that says the asked
    share anyhow, or says shares only otherwise ("backed by 71% on a turnout of 58%"), says
    nothing either way; the answer's own shares are not another's.
    """
    said = named_shares(doc, every=True) - answer
    if any(_one_share(a, s) for a in asked for s in said):
        return False
    if said:
        return bool(named_shares(doc) - answer)
    headline = named_shares(title, every=True)
    return bool(headline) and not any(_one_share(a, s) for a in asked for s in headline)


def another_figure(span: Span, figures: frozenset[str]) -> bool:
    """Return True when a date follows another figure than the one the question names.

    "Nurses rejected offers of 3.2% in August and 4.5% in September": asked when the offer
    went up to 4.5%, "August" is the 3.2% offer's month. A date is a figure's when the figure
    comes right before it, with one preposition between ("4.5 per cent on Friday"); a
    sentence that does not state the asked figure says nothing either way, nor does a date
    said after no figure ("would go ahead on Tuesday").
    """
    doc = span.doc
    table = tokens(doc)
    stated = {text.replace(",", "") for text, number in zip(table.text, table.number, strict=True)
              if number}
    if not figures & stated:
        return False
    before = span.start - 1
    if before >= 0 and doc[before].pos_ == "ADP":
        before -= 1
    if before < 0:
        return False
    token = doc[before]
    if token.lower_ in _MEASURES or (token.pos_ == "NOUN" and not token.like_num):
        token = next((c for c in token.children if c.dep_ == "nummod" and c.like_num),
                     doc[before - 1] if before > 0 else token)
    if not token.like_num:
        return False
    return token.text.replace(",", "") not in figures


_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "attr", "agent"})


def _closes_aside(verb: Token) -> bool:
    """Return True for a verb joined after a comma to the verb of a clause set inside another.

    "Amberlyn notified the office on 23 October, two days after its security team spotted the
    intrusion, and went public on 10 November": spaCy's small model joins "went" to "spotted",
    but the bank, not its team, went public: the verb after ", and" goes on the sentence's own
    clause, not the one its subordinator ("after", "when", "which") opened. A verb with a
    subject of its own says so itself.
    """
    head = verb.head
    subordinate = head.dep_ == "relcl" or (
        head.dep_ == "advcl" and any(c.dep_ == "mark" for c in head.children))
    before = verb.doc[max(verb.i - 2, 0):verb.i]
    return (subordinate and [t.dep_ for t in before] == ["punct", "cc"] and before[0].text == ","
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children))


def _of_asked(verb: Token, asked: frozenset[str]) -> bool:
    """Return True unless the verb is said of nouns the question does not name.

    Its subject or object ("talks broke up", "open the spillway gates") must be a word of the
    question; a pronoun or no noun at all may be. Without `asked`, every verb is.
    """
    if not asked:
        return True
    nouns = [t for t in verb.children if t.dep_ in _ARGUMENTS and t.pos_ in {"NOUN", "PROPN"}]
    return not nouns or any(stem(t.text) in asked for n in nouns for t in n.subtree
                            if t.is_alpha and not t.is_stop)


def _one_event(verb: Token, asked: Token) -> bool:
    """Return True when `asked` is `verb`, or is joined to it as one event ("scheduled to hold")."""
    for a, b in ((verb, asked), (asked, verb)):
        token = b
        while token.i != a.i and _joined(token) and token.head.i != token.i:
            token = token.head
        if token.i == a.i:
            return True
    return False


_OWN_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "conj"})
_CONDITIONS = frozenset({"if", "unless"})


def hedged(span: Span) -> bool:
    """Return True when the clause that states the span is hedged, not merely its sentence.

    "The toll could rise to 52", "plans to cut 40 jobs by 2030", "if approved, it would cost
    $5 million" hedge their figures; "licensed to carry 180 passengers, suggesting it may have
    been carrying more" does not hedge the 180. The clause is the verb the span hangs from
    and the verbs it is one event with ("expected to rise"), without the clauses of their own
    they hold, but with a condition they are put under ("... if more bodies are found").
    """
    chain = _stating(span)
    if not chain:
        return HEDGES.search(span.sent.text) is not None
    words: set[int] = set()
    for head in chain:
        words.update(_clause(head))
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS
                                         for m in c.children) for c in head.children):
            return True
    text = " ".join(span.doc[i].text for i in sorted(words))
    return HEDGES.search(text) is not None


def possible(span: Span) -> bool:
    """Return True when the clause that states the span says what can be, not what was.

    "The Office of the Data Commissioner can fine a company up to 4 per cent of its
    turnover", "it may face fines of up to $500,000": a ceiling or a possibility, no answer to
    "how much was Amberlyn fined?". A modal of possibility on the verb the span hangs from or
    on a verb it is one event with ("can be found", "may have to pay"); "could", which also
    tells what was ("could not hold a set speed"), is not one.
    """
    return any(c.dep_ == "aux" and c.lower_ in _POSSIBILITY
               for verb in _stating(span) for c in verb.children)


_POSSIBILITY = frozenset({"can", "may", "might"})


def will_do(span: Span, lemma: str) -> bool:
    """Return True when the clause that states the span says it will do the asked verb.

    "The company's chair, Solveig Lunn, will run Pinmoor on an interim basis" says what she
    will do, no answer to "who ran Pinmoor?".
    """
    chain = _stating(span)
    return any(v.lemma_.lower() == lemma for v in chain) and any(
        c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for v in chain for c in v.children)


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "\u2019ll"})


def asks_past(question: Doc, lemma: str) -> bool:
    """Return True when a question asks about its verb in the past: "who ran Pinmoor?"."""
    return any(t.lemma_.lower() == lemma and (t.tag_ in {"VBD", "VBN"} or any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in {"did", "was", "were"}
        for c in t.children)) for t in question)


def still_held(span: Span) -> bool:
    """Return True when a sentence gives a value as one another party still states.

    "later than the September date the transit authority has been giving councillors": the
    figure a revision set aside is still another's account, so the two disagree. Said by a
    noun (not "it") in a clause of the present ("says", "has been giving"); "the 1,870 it
    reported" and "the 40 that local officials gave" are earlier accounts, revised.
    """
    noun = span.root
    if noun.dep_ in {"compound", "nmod", "nummod", "amod"} and noun.head.pos_ == "NOUN":
        noun = noun.head  # "the September date", "the $162 million figure"
    elif noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "the figure of 40"
    return any(clause.dep_ in {"relcl", "acl"} and _ongoing(clause)
               and any(c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}
                       for c in clause.children)
               for clause in noun.children)


def _ongoing(verb: Token) -> bool:
    """Return True when a verb says what holds now: "says", "has been giving"."""
    return verb.tag_ in {"VBZ", "VBP"} or (verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in {"is", "are", "am", "been"} for c in verb.children))


def _stating(span: Span) -> list[Token]:
    """Return the verb a span hangs from and the verbs it is one event with, or nothing."""
    verb = _hanging_from(span.root)
    if verb is None:
        return []
    chain = [verb]
    while chain[-1].dep_ in _ONE_EVENT and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _clause(verb: Token) -> frozenset[int]:
    """Return the token indices of a verb's clause, without the clauses of their own it holds.

    Kept with the doc: each of a sentence's candidate phrases asks it of the same verbs.
    """
    kept = verb.doc.user_data.setdefault(_CLAUSES, {})
    out = kept.get(verb.i)
    if out is None:
        out = kept[verb.i] = frozenset({verb.i}.union(*(
            (t.i for t in child.subtree) for child in verb.children
            if child.dep_ not in _OWN_CLAUSES)))
    return out


_CLAUSES = "newsdesk.clauses"  # Doc.user_data key of the clauses found, by verb index


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6}
_OTHER_ONE = frozenset({"another", "next", "fresh", "further", "renewed"})  # "another strike"


def asked_instance(question: Doc) -> tuple[str, int] | None:
    """Return the noun the question counts an instance of and the instance's number.

    "how long was the first strike meant to last?" -> ("strike", 1); None without an
    ordinal before a noun ("the first to arrive", "who came first?").
    """
    for token in question:
        number = _ORDINALS.get(token.lower_)
        if number and token.dep_ in {"amod", "nummod"} and token.head.pos_ == "NOUN":
            return stem(token.head.text), number
    return None


def another_instance(doc: Doc, asked: tuple[str, int]) -> bool:
    """Return True when a sentence speaks of another instance of the asked thing only.

    Asked about the first strike, "the union would strike again for four days" and "a second
    strike" speak of another; asked about the second, "the first strike" does. A sentence that
    also speaks of the asked instance ("the first strike, and another in October") does not
    count, nor one that speaks of the thing without saying which.
    """
    noun, number = asked
    other = False
    for token in doc:
        if stem(token.text) != noun:
            continue
        said = [_ORDINALS[o.lower_] for c in token.children if c.lower_ in _ORDINALS
                for o in (c, *c.conjuncts) if o.lower_ in _ORDINALS]  # "third and fourth years"
        if number in said:
            return False
        if (said or any(c.lower_ in _OTHER_ONE for c in token.children)
                or (number == 1 and token.pos_ == "VERB"
                    and any(c.lower_ == "again" for c in token.children))):
            other = True
    return other


def counted_apart(doc: Doc, answer: str, counted: str) -> bool:
    """Return True when a sentence counts the asked noun by another number than the answer's.

    Asked how many branches, "about 2.3 million customers" of "Amberlyn, which has about 2.3
    million customers and 71 branches" counts customers: its number counts its own noun, and
    another number the asked one. A number that counts no noun of its own ("including 26,400
    whose passport ...") is not read so.
    """
    asked = stem(counted)
    mine, others = set(), set()
    for token in doc:
        if not (token.like_num or token.lower_ in _VAGUE_COUNTS):  # "thousands more"
            continue
        noun = _counted_by(token)
        if noun is not None:
            (mine if token.text in answer else others).add(stem(noun.text))
    return bool(mine) and asked not in mine and asked in others


def shared_nouns(doc: Doc, answer: str) -> tuple[frozenset[str], frozenset[str]]:
    """Return the nouns (stems) a sentence gives the answer's share, and those of its others.

    "pay a tariff of 4.9 per cent rather than the 70 per cent surtax": the answer "4.9 per
    cent" is the tariff's, the 70 per cent the surtax's. The answer's share is its first
    figure's.
    """
    first = re.search(r"\d+(?:[.,]\d+)*", answer)
    mine, others = set(), set()
    for token in doc:
        if token.lower_ not in {"cent", "%", "percent"}:
            continue
        if token.dep_ == "pobj" and token.head.lower_ == "of":  # "a tariff of 4.9 per cent"
            noun = token.head.head
        elif token.dep_ in {"compound", "amod", "nmod"}:  # "the 70 per cent surtax"
            noun = token.head
        else:
            continue
        number = next((t for t in reversed(doc[max(0, token.i - 3):token.i]) if t.like_num), None)
        if number is None or noun.pos_ != "NOUN":
            continue
        (mine if first and number.text == first.group(0) else others).add(stem(noun.text))
    return frozenset(mine), frozenset(others)


def charge(noun: str) -> str:
    """Return the charge a noun (a stem) names, "" for none: "duti" and "tariff" name one."""
    return _CHARGES.get(noun, "")


# Charges a share may be of; the words of a group name one charge.
_CHARGES = {stem(word): group for group, words in (
    ("tariff", "tariff duty duties customs"), ("surtax", "surtax surcharge"),
    ("levy", "levy levies"), ("tax", "tax taxes vat")) for word in words.split()}


def counts_a_thing(span: Span) -> bool:
    """Return True when a number of the span counts a thing, not money.

    "2.3 million" of "carried 2.3 million passengers" counts passengers: no sum of money.
    """
    return any(noun is not None and not money_word(noun.text)
               for noun in (_counted_by(t) for t in span if t.like_num))


def held_count(span: Span) -> bool:
    """Return True when a span's number counts what its sentence says something has.

    "about 2.3 million" of "Amberlyn, which has about 2.3 million customers" is how many
    customers the bank has: a total, no count of those an event befell (`asks_event_count`).
    """
    nouns = [noun for noun in (_counted_by(t) for t in span if t.like_num) if noun is not None]
    nouns = [_conjoined_to(noun) for noun in nouns]  # "2.3 million customers and 71 branches"
    return bool(nouns) and all(
        noun.dep_ == "dobj" and noun.head.lemma_.lower() == "have" for noun in nouns)


def said_of_another_count(span: Span, lemma: str) -> bool | None:
    """Return True when a sentence says the asked verb of another count than the span's.

    Asked how many are missing, "Thirty-nine people" of "Thirty-nine people are confirmed
    dead and thirteen are still missing" are the dead: the span's count is said to be
    something else, and another count of the sentence is said to be missing. Only counts a
    clause is said of (their subject's verb, or a verb after their noun: "the 13 people still
    missing"). False when the sentence says the verb of the span's count, None when it says
    nothing either way ("the number of confirmed dead rose to 39").
    """
    inside = set(range(span.start, span.end))
    mine: list[set[str]] = []
    others: list[set[str]] = []
    for token in span.doc:
        if not token.like_num or (token.dep_ in {"compound", "quantmod"} and token.head.like_num):
            continue  # "Thirty" of "Thirty-nine": its last number speaks for it
        said = _said_of(token)
        if said is not None:
            (mine if token.i in inside else others).append(said)
    if any(lemma in said for said in mine):
        return False
    if mine and any(lemma in said for said in others):
        return True
    return None


def _said_of(number: Token) -> set[str] | None:
    """Return the lemmas of what a clause says of a count ("die" of "nine people died")."""
    noun = number.head if number.dep_ == "nummod" else number
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        verb = noun.head
        said = {verb.lemma_.lower()}
        for child in verb.children:
            if child.dep_ in {"acomp", "oprd", "xcomp", "attr"}:
                said |= {t.lemma_.lower() for t in child.subtree if t.pos_ in {"VERB", "ADJ"}}
        return said
    said = {c.lemma_.lower() for c in noun.children if c.dep_ in {"acl", "relcl"}}
    return said or None


def _conjoined_to(token: Token) -> Token:
    """Return the first of the words a word is joined to by "and" ("customers" of "branches")."""
    while token.dep_ == "conj":
        token = token.head
    return token


def asks_event_count(question: Doc, lemma: str) -> bool:
    """Return True when a question counts those an event befell: "how many were hurt?".

    A passive verb of an event; not a state ("how many people are employed there?"), which
    a total states.
    """
    return bool(lemma) and lemma not in _STATES and asks_passive(question)


_STATES = frozenset({"be", "have", "employ", "own", "hold", "contain", "include", "keep",
                     "house", "serve", "register", "enrol", "enroll", "base", "locate"})


def _counted_by(number: Token) -> Token | None:
    """Return the noun a number counts ("71" of "71 branches", "2.3" of "2.3 million customers").

    Or of a tally the number is put at: "puts the number of operations lost at 2,140".
    """
    token = number
    while token.dep_ in {"compound", "quantmod"} and token.head.like_num:
        token = token.head  # "2.3" -> "million"
    if number.i + 1 < len(number.doc) and number.doc[number.i + 1].text == "-":
        return None  # "two-way trade", "a 48-hour strike": a word of a compound adjective
    head = token.head
    while head.dep_ == "compound" and head.head.pos_ == "NOUN" and token.dep_ == "nummod":
        head = head.head  # "five vehicle assembly plants", parsed "five vehicle"
    if token.dep_ == "pobj" and head.lower_ in {"at", "to"}:  # "puts the number of planned
        # operations lost at 2,140", "the number of deaths rose to 33"
        verbs = [head.head] + ([head.head.head] if head.head.dep_ in {"advcl", "xcomp"} else [])
        return next((g for v in verbs for t in v.children
                     if t.dep_ in {"dobj", "nsubj", "nsubjpass"} and t.lower_ in _TALLIES
                     for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
    return head if token.dep_ == "nummod" and head.pos_ == "NOUN" else None


_TALLIES = frozenset({"number", "total", "count", "tally"})
_VAGUE_COUNTS = frozenset({"dozens", "hundreds", "thousands", "millions"})


def asked_rank(question: Doc) -> tuple[str, int] | None:
    """Return the noun a question asks the top (or the n-th) of by a superlative, and the rank.

    "what is canada's biggest trading partner?" -> ("partner", 1); "who is the third-largest
    shareholder?" -> ("sharehold", 3); None without a superlative before a noun.
    """
    for token in question:
        if token.tag_ == "JJS" and token.dep_ == "amod" and token.head.pos_ == "NOUN":
            return stem(token.head.text), _rank(token)
    return None


def _rank(superlative: Token) -> int:
    """Return the rank an ordinal gives a superlative ("second-largest" -> 2), or 1."""
    return next((_ORDINALS[c.lower_] for c in superlative.children if c.lower_ in _ORDINALS), 1)


def another_rank(doc: Doc, asked: tuple[str, int]) -> bool:
    """Return True when a sentence ranks the asked noun by a superlative, never at the asked rank.

    Asked the biggest trading partner, "China, its second-largest trading partner" ranks
    another; "its largest partner, the United States" ranks the asked, whatever else it says;
    a sentence that does not rank the noun says nothing.
    """
    noun, number = asked
    said = ranks(doc, noun)
    return bool(said) and number not in said


def ranks(doc: Doc, noun: str) -> frozenset[int]:
    """Return the ranks a sentence gives the noun (a stem) by a superlative: "second-largest"."""
    return frozenset(_rank(c) for token in doc if stem(token.text) == noun
                     for c in token.children if c.tag_ == "JJS" and c.dep_ == "amod")


# What a sum measures, by the noun or the verb that names it: a profit is not a turnover, nor
# a fine a donation. Words of one group are one measure ("turnover" and "sales"; "donated" and
# "a donation"); "income" is either a profit or a turnover, and is not read.
_SUMS = {"profit": "profit", "earnings": "profit", "revenue": "revenue", "turnover": "revenue",
         "sales": "revenue", "loss": "loss", "losses": "loss", "fine": "fine", "penalty": "fine",
         "penalise": "fine", "penalize": "fine", "donation": "gift", "donate": "gift",
         "pledge": "gift", "contribution": "gift", "contribute": "gift",
         "fined": "fine"}  # spaCy's small model lemmatises "fined" as "fin"


def asked_sum(question: Doc) -> str:
    """Return the measure a question asks a sum of ("what profit did it make?" -> "profit").

    "how much was it fined?" asks for a fine.
    """
    return next((_SUMS[_sum_word(t)] for t in question  # spaCy's small model tags "fine" of
                 if t.pos_ in {"NOUN", "VERB", "ADJ"} and _sum_word(t) in _SUMS), "")  # "will
    # the regulator fine Vellstream?" an adjective


def another_sum(span: Span, asked: str) -> bool:
    """Return True when a sum is said to measure another thing than the asked one.

    Asked for a profit, "turnover of 1.6 billion crowns", "2 billion crowns in revenue",
    "revenue rose to 4 billion crowns" and "a 40 million crown loss" give other measures;
    "a profit of 12 million crowns" gives the asked one, and a sum the sentence does not say
    the measure of ("it made 12 million crowns") says nothing. Asked for a fine, "it had
    donated $500,000" gives a gift.
    """
    root = next((t for t in span if t.like_num), span.root)  # the sum, not "... up 4 per cent"
    while root.dep_ in {"nummod", "compound", "quantmod"} and root.head.i != root.i:
        root = root.head  # "1.6 billion" of "1.6 billion crowns"
    said = {_SUMS[_sum_word(n)] for n in _measures(root) if _sum_word(n) in _SUMS}
    return bool(said) and asked not in said


def names_measure(text: str, asked: str) -> bool:
    """Return True when a text names the measure asked ("profits" for "profit", `_SUMS`)."""
    return any(_SUMS.get(w) == asked or _SUMS.get(w[:-1]) == asked
               for w in re.findall(r"[a-z]+", text.lower()))


# Measures a sum is seldom said without naming: asked "what was its profit?", "set aside 95
# million crowns" is no profit, whatever the sentence says it is.
NAMED_MEASURES = frozenset({"profit", "loss"})


def for_another(span: Span, asked: frozenset[str]) -> bool:
    """Return True when a sum's sentence gives another sum to whom or what the question asks.

    "pay 25,000 crowns to the family of each person who died and 5,000 crowns to each
    survivor": asked "how much do survivors get?", the 25,000 crowns are another's. Each sum
    of the sentence is for the noun after it, before the next sum or a semicolon ("to ...",
    "for ...", `_recipient`); a sum is another's when another sum's noun holds more of the
    question's words (`asked`: stems) than its own. A sentence of one sum says nothing.
    """
    doc = span.doc
    sums = _sums(doc)
    own = next((e for e in sums if e.start < span.end and span.start < e.end), None)
    if own is None or len(sums) < 2:
        return False
    held = {}
    for at, sum_ in enumerate(sums):
        end = sums[at + 1].start if at + 1 < len(sums) else len(doc)
        words = list(itertools.takewhile(lambda t: t.text != ";", doc[sum_.end:end]))[:8]
        whom = next((c for t in words if t.lower_ in {"to", "for"} for c in t.children
                     if c.dep_ == "pobj"), None)
        if whom is not None:
            held[sum_.start] = len(_recipient(whom) & asked)
    return own.start in held and held[own.start] < max(held.values())


_ANYONE = GENERIC_ROLES | {"people", "customer", "customers", "one"}  # said by their clause


def _recipient(noun: Token) -> set[str]:
    """Return the stems that say to whom or what a sum goes: the noun and its own modifiers.

    "the family of each person who died": "family"; "each survivor": "survivor"; "those whose
    identity documents were copied": a pronoun, said by its clause.
    """
    if noun.pos_ == "PRON" or noun.lower_ in _ANYONE:
        words = [t for t in noun.subtree if t.is_alpha]
    else:
        words = [noun, *(c for c in noun.children if c.dep_ in {"compound", "amod"})]
    return {stem(t.text) for t in words if not t.is_stop}


def _sums(doc: Doc) -> list[Span]:
    """Return the sums of money a sentence states.

    Its money entities, and the figures said in a currency the entity tagger does not know
    ("25,000 crowns").
    """
    found = [e for e in doc.ents if e.label_ == "MONEY"]
    for token in doc:
        if (token.like_num and token.i + 1 < len(doc) and money_word(doc[token.i + 1].lower_)
                and not any(e.start <= token.i < e.end for e in found)):
            start = token.i
            while start > 0 and doc[start - 1].like_num:  # "5 million crowns"
                start -= 1
            found.append(doc[start:token.i + 2])
    return sorted(found, key=lambda e: e.start)


def said_as_excess(text: str, answer: str) -> bool:
    """Return True when a sentence says an amount as an excess over another.

    "an extra $26.4 million", "$26.4 million more than the contract", "the true overrun is
    closer to $31 million"; not the level reached ("taking the budget to $188.4 million") nor
    the amount exceeded ("more than the $162 million contract").
    """
    figure = _AMOUNT.search(answer)  # "$188.4 million" of "total budget to $188.4 million"
    if figure is None:
        return False
    for match in re.finditer(rf"(?<!\w){re.escape(answer)}(?!\w)", text):
        at = match.start() + figure.start()
        clause = re.split(r"[,;:(]|\d", text[:at])[-1]  # since the last figure
        before = re.findall(r"[\w'’-]+", clause)[-6:]
        after = re.findall(r"[\w'’-]+", text[match.start() + figure.end():])[:2]
        if {w.lower() for w in before[-2:]} & {"than", "from"}:
            continue  # "more than the $162 million contract", "up from $162 million"
        if {w.lower() for w in before} & _EXCESS_WORDS or {w.lower() for w in after} & _AFTER:
            return True
    return False


_AMOUNT = re.compile(r"[$€£]?\d[\d,.]*(?:\s?(?:million|billion|thousand|m|bn|k)\b)?")
# Words that say an amount goes beyond another: before it ("an extra", "the overrun is closer
# to") or right after it ("$26.4 million more than").
_EXCESS_WORDS = frozenset("extra additional more further over above excess overrun overruns "
                          "overspend overspent increase rise jump".split())
_AFTER = frozenset({"more", "over", "above", "extra"})


def _sum_word(noun: Token) -> str:
    """Return the word `_SUMS` knows a word by: "sales" as written (a sale is no turnover)."""
    return noun.lower_ if noun.lower_ in _SUMS else noun.lemma_.lower()


def _measures(root: Token) -> list[Token]:
    """Return the nouns and verbs that say what the amount `root` heads is of."""
    nouns = [root] if root.pos_ == "NOUN" else []  # "a 40 million crown loss"
    head = root.head
    if root.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB":
        nouns.append(head)  # "donated $500,000", "$500,000 was donated"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        nouns.append(head.head)  # "turnover of 1.6 billion crowns"
    ins = [c for t in (root, head) for c in t.children if c.dep_ == "prep" and c.lower_ == "in"]
    nouns += [p for c in ins for p in c.children if p.dep_ == "pobj"]  # "... in revenue"
    verb = head.head if root.dep_ == "pobj" and head.lower_ in {"to", "at", "by", "from"} else head
    if root.dep_ in {"attr", "dobj", "pobj", "npadvmod"} and verb.pos_ in {"VERB", "AUX"}:
        nouns += [c for c in verb.children if c.dep_ == "nsubj"]  # "revenue rose to ...",
        # "from ...", "by ...", "sales grew 400 million crowns"
    return nouns


# Words that say which or how many of a thing, not what kind of thing it is: "120 new buses"
# may be the hydrogen buses asked about.
_NOT_A_KIND = frozenset("new more most other additional extra further total such many several "
                        "few first last next same own old current former latest".split())


def asked_kinds(question: Doc, counted: str) -> tuple[str, ...]:
    """Return the words that say what kind of thing a question counts, in lower case.

    "how many hydrogen buses ...?" -> ("hydrogen",); "how many Norland-built EVs ...?" ->
    ("norland-built",); "how many Kessarian EVs ...?" -> ("kessarian",). An adjective in
    lower case may say which ones rather than of what kind ("how many new buses?") and is not
    read, nor a word of the question's opening ("Many"); nor a name that says whose they are
    rather than of what kind ("how many Amberlyn customers?", "Velcor jobs"): only a people's
    (a demonym, "Kessarian") is.
    """
    noun = next((t for t in question if t.text == counted), None)
    if noun is None:
        return ()
    kinds = []
    for child in noun.children:
        if (child.dep_ == "compound" and not child.like_num
                and (child.pos_ == "NOUN" or child.ent_type_ == "NORP")):
            kinds.append(child.lower_)
        elif child.dep_ == "amod" and child.lower_ not in _NOT_A_KIND:
            words = list(child.subtree)
            joined = question[words[0].i:words[-1].i + 1]
            if len(words) > 1 and " " not in joined.text and "-" in joined.text:
                kinds.append(joined.text.lower())  # "Norland-built"
            elif len(words) == 1 and child.i > 0 and child.ent_type_ == "NORP":
                kinds.append(child.lower_)  # "Kessarian"
    return tuple(kinds)


def kind_said(doc: Doc, counted: str, kinds: tuple[str, ...], context: Doc | None = None) -> str:
    """Return which kind of the counted things a sentence speaks of: "asked", "other", "every".

    Or "" for none. Asked how many hydrogen buses, "Metro ordered 120 electric buses" speaks of
    another ("other"): every time the sentence names the counted noun it qualifies it with a
    word of its own (not "new", `_NOT_A_KIND`), and it never says the asked kind. A sentence
    that says it ("40 buses, all hydrogen", "38,000 EVs made in Kessaria" for "Kessarian
    EVs") speaks of the asked kind. One that names the noun unqualified ("Dealers sold about
    214,000 new electric vehicles in Norland" for "how many Norland-built EVs were sold?")
    counts them all ("every") when its `context` (its paragraph) never says the kind either;
    when it does ("It ordered 40 buses to replace its diesel buses. All will run on
    hydrogen."), the sentence may count the asked kind, and says nothing either way (""), as
    does one that never names the noun. A kind the paragraph says only of another thing
    ("Kessarian makers Ardent Motors and Halcyon EV") is not said of the counted ones.
    """
    if any(_says_kind(kind, text_of(doc)) for kind in kinds):
        return "asked"
    nouns, spelt = _counted_nouns(doc, counted)
    if not nouns:
        return ""
    if all(any(c.dep_ in {"amod", "compound"} and c.pos_ in {"ADJ", "NOUN", "PROPN", "VERB"}
               and not c.like_num and c.lower_ not in _NOT_A_KIND and c.i not in spelt
               for c in noun.children)
           for noun in nouns):
        return "other"
    if context is None:
        return "every"
    return "" if any(_says_kind_of(kind, context, counted) for kind in kinds) else "every"


def _says_kind_of(kind: str, context: Doc, counted: str) -> bool:
    """Return True when a paragraph says a kind other than of a thing not counted.

    "All will run on hydrogen", "made in Kessaria", "Kessarian EVs" for EVs; not "Kessarian
    makers Ardent Motors", a word marking another noun.
    """
    if "-" in kind:
        return kind in context.text.lower()
    asked, (counted_nouns, _) = stem(kind), _counted_nouns(context, counted)
    return any(any(same_stem(said, asked) for said in text_stems(token.text))
               and not (token.dep_ in {"amod", "compound"} and token.head.pos_ in {"NOUN", "PROPN"}
                        and token.head not in counted_nouns)
               for token in context)


def _says_kind(kind: str, text: str) -> bool:
    """Return True when a text says a kind ("Kessarian" of "made in Kessaria").

    A hyphenated one whole ("Norland-built"); a word by its stem, or by a stem of five letters
    or more that shares all but its last two with it ("Chinese" of "from China", "Norwegian"
    of "Norway"; not "French" of "France").
    """
    if "-" in kind:
        return kind in text.lower()
    asked = stem(kind)
    return any(same_stem(said, asked) for said in text_stems(text))


def _counted_nouns(doc: Doc, counted: str) -> tuple[list[Token], frozenset[int]]:
    """Return the nouns of a sentence that name what a question counts, and an acronym's words.

    By stem, or the last word of the acronym spelt out ("vehicles" of "electric vehicles" for
    "EVs"), with the indices of the words it is spelt out in.
    """
    nouns = [t for t in doc if t.pos_ in {"NOUN", "PROPN"} and stem(t.text) == stem(counted)]
    letters = counted[:-1] if counted.endswith("s") and counted[:-1].isupper() else counted
    if nouns or not (letters.isupper() and 1 < len(letters) <= 5):
        return nouns, frozenset()
    width = len(letters)
    starts = [i for i in range(len(doc) - width + 1)
              if "".join(t.text[:1] for t in doc[i:i + width]).upper() == letters
              and all(t.is_alpha for t in doc[i:i + width])
              and doc[i + width - 1].pos_ in {"NOUN", "PROPN"}]
    return ([doc[i + width - 1] for i in starts],
            frozenset(j for i in starts for j in range(i, i + width)))


# Words that negate what a sentence says, somewhere in it: "did not ban it until 1291".
_NEGATIONS = frozenset("not n't never no none nor neither nobody nothing without".split())
_SAID_OF_ANYTHING = frozenset({"be", "do"})  # "what can they not do?": no verb to find
# What a negated verb may be tagged: "when didn't Lowmarsh council ban fireworks?" parses
# "ban" as a noun, and its "n't" as the noun's negation.
_NEGATED = frozenset({"VERB", "AUX", "NOUN"})


def negated_verbs(question: Doc) -> frozenset[str]:
    """Return the lemmas of the verbs a question negates.

    "When didn't Kublai ban the slave trade?" -> {"ban"}; "which hospital did not join the
    strike?" -> {"join"}; "be" and "do" ("what can they not do?") are said of anything.
    """
    negated = [t.head if t.dep_.startswith("nsubj") else t for t in question
               if t.pos_ in _NEGATED and any(c.dep_ == "neg" for c in t.children)]
    # "what don't chloroplastidan chloroplasts have?" may hang its "n't" on the subject;
    # "who is not responsible for it?" negates what it is
    negated += [c for t in negated if t.lemma_.lower() == "be" for c in t.children
                if c.dep_ == "acomp" and c.pos_ == "ADJ"]
    return frozenset(t.lemma_.lower() for t in negated if t.pos_ in _NEGATED | {"ADJ"}
                     and t.lemma_.lower() not in _SAID_OF_ANYTHING)


def denied(doc: Doc, lemma: str) -> bool:
    """Return True when a sentence states the question's verb only negated.

    Asked "what do Acts of the Scottish Parliament begin with?", "Acts of the Scottish
    Parliament do not begin with a conventional enacting formula" says what they do not begin
    with; "with many of their key figures not returned to parliament" does not say whose
    returned. A sentence that also states the verb unnegated says nothing either way, nor does
    one without it, nor one that goes on to say what is so ("did not consider it a legitimate
    dynasty, but rather a period of foreign domination").
    """
    table = tokens(doc)
    verbs = [doc[i] for i, said in enumerate(table.lemma) if said == lemma
             and table.pos[i] in _NEGATED and table.dep[i] not in {"aux", "auxpass"}]
    return (bool(verbs) and _CONTRASTS.isdisjoint(table.lower[verbs[0].i:])
            and all(any(c.dep_ == "neg" or c.lower_ == "never" for c in t.children)
                    for t in verbs))


_CONTRASTS = frozenset({"but", "rather", "instead"})  # "not ..., but rather ..."


def affirmed(span: Span, lemmas: frozenset[str]) -> bool:
    """Return True when a span is stated by a sentence that states what the question negates.

    Asked "When didn't Kublai ban the slave trade?", "1291" of "Kublai banned the slave trade
    in 1291" dates the ban, not a time it did not happen; asked "what are many complexity
    classes not defined by?", "Many complexity classes are defined using the concept of a
    reduction" says what they are defined by, wherever its answer sits. A sentence that
    negates or denies anything ("did not ban it until 1291", "no ban", "the refusal to allow
    them to settle") says nothing either way, nor does a span of a clause coordinated with
    the one stating the verb ("Varnley General stayed open" beside "five hospitals joined the
    strike" for "which hospital did not join the strike?"), nor a sentence without the verb.
    """
    if not lemmas or any(t.lower_ in _NEGATIONS or t.lemma_.lower() in DENIALS - lemmas
                         for t in span.doc):
        return False
    clause = _clause_of(span.root)
    stated = [t for t in span.doc if t.pos_ in _NEGATED | {"ADJ"} and t.lemma_.lower() in lemmas
              and t.dep_ not in {"aux", "auxpass"}]  # not "have" of "have lost"
    return any(clause is None or not _coordinated(clause, verb) for verb in stated)


def _coordinated(clause: Token, verb: Token) -> bool:
    """Return True when two verbs head clauses joined as conjuncts: "joined ..., and stayed"."""
    if clause.i == verb.i:
        return False
    return any(one.dep_ == "conj" and (head := _clause_of(one.head)) is not None
               and head.i == other.i for one, other in ((clause, verb), (verb, clause)))


def _clause_of(token: Token) -> Token | None:
    """Return the verb whose clause a token belongs to: the nearest verb above it, or itself."""
    while token.pos_ not in {"VERB", "AUX"} or token.dep_ in {"aux", "auxpass"}:
        if token.head.i == token.i:
            return None
        token = token.head
    return token


# What a verb is said of, read for an act: its subject, object and prepositional phrases.
_PARTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent", "attr", "prep", "npadvmod"})
# Verbs that report what someone said: "Mayor Simone Castell said" and "Saltmere mayor Hugh
# Garside said" are no one act.
_REPORTING = frozenset("say tell call add ask describe note write warn explain insist argue "
                       "announce report state".split())


def acts(span: Span) -> frozenset[tuple[str, str]]:
    """Return the act a span is stated in: its clause's verb beside each noun said with it.

    "Sable Moth has demanded 7 million crowns from the bank" -> ("demand", "group"), ("demand",
    "bank"), ...: two values of one act (`one_act`) are two accounts of one fact, however
    else their sentences are worded. The verb's subject is its first conjunct's ("claimed the
    attack and is demanding"); "be" states no act, nor does a verb that reports speech ("said").
    The span's own words are not what it is said of.
    """
    verb = _clause_of(span.root)
    if verb is None or verb.lemma_.lower() in _SAID_OF_ANYTHING | _REPORTING:
        return frozenset()
    first = verb
    while first.dep_ == "conj" and first.head.pos_ in {"VERB", "AUX"}:
        first = first.head
    inside = range(span.start, span.end)
    nouns = {stem(t.text) for v in {verb, first} for child in v.children
             if child.dep_ in _PARTS and (v is verb or child.dep_.startswith("nsubj"))
             for t in child.subtree
             if t.i not in inside and t.pos_ in {"NOUN", "PROPN"}}
    return frozenset((verb.lemma_.lower(), noun) for noun in nouns)


def one_act(one: frozenset[tuple[str, str]], other: frozenset[tuple[str, str]],
            least: int = CONFIG.conflict_act_nouns) -> bool:
    """Return True when two values are stated in one act: one verb said of `least` same nouns.

    "A public appeal for victims of the Vell valley floods has raised more than $2.3 million"
    and "The Vell Valley Flood Relief Fund has now raised 3.1 million dollars" share "raise"
    said of the Vell, the valley and the flood; "Kessaria's exports rose 6.2 per cent" and
    "Exports to Norland rose 3 per cent" share only the exports: other exports.
    """
    shared = one & other
    verbs = [verb for verb, _ in shared]
    return any(verbs.count(verb) >= least for verb in set(verbs))
