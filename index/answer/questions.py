"""What a question asks for: the kind of answer, and the words that must be matched."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from index.answer.clashes import Doer, Owner, doers, owners
from index.answer.frames import Frame, question_frame
from index.answer.nlp import get_nlp
from index.answer.roles import GENERIC_ROLES, ROLES, held_role, question_role
from index.answer.tokens import LIGHT_VERBS, is_verb
from index.terms import STOPWORDS, WORD, stem

# Answer kinds and the spaCy entity labels that can fill them.
KINDS: dict[str, tuple[str, ...]] = {
    "quantity": ("CARDINAL", "QUANTITY", "MONEY", "PERCENT"),
    "count": ("CARDINAL", "QUANTITY"),
    "percent": ("PERCENT",),
    "money": ("MONEY",),
    "date": ("DATE", "TIME"),
    "duration": ("DATE", "TIME", "QUANTITY"),
    "person": ("PERSON", "ORG", "NORP"),
    "place": ("FAC", "LOC", "GPE"),
    "organisation": ("ORG",),
    "ordinal": ("ORDINAL",),
    "reason": (),
    "yesno": (),
    "other": (),
}

_WH = frozenset("what which who whom whose when where why how".split())
_YES_NO = r"^(is|are|was|were|has|have|had|do|does|did|can|could|will|would|should|must)\b"

# First matching pattern wins; patterns see the lower-cased question.
_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"^why\b|^(what|which) (caused|causes|led to|leads to|prompted|triggered|drove)\b"
     r"|^what (is|was) the (reason|cause)\b", "reason"),
    (r"\bhow (much|many)\b.*\b(cost|costs|costing|spend|spends|spending|spent|paid|pay|pays|"
     r"paying|worth|price|budget)\b"
     r"|\bhow many (dollars|euros|pounds|yen|yuan|rupees|cents)\b"
     r"|\bhow much (money|cash|funding)\b"
     r"|\bhow much\b.*\b(raised?|donated?|owed?|owes|earn(ed|s)?)\b", "money"),  # not "fined":
    # a fine may be a share ("up to 4 per cent of its turnover")
    (r"\b(what|which)('s|’s| is| was| are| were) the ([\w'’]+ ){0,2}(cost|price|budget|fine|"
     r"fee|salary|ransom)\b", "money"),
    # a sum asked by its noun or its verb: "what price did the directors back?", "what profit
    # did it make?", "what will the deal cost the government?", "what would it have to pay?"
    (r"\b(what|which) (\w+ )?(price|profit|revenue|turnover|earnings|salary|ransom|dividend|"
     r"fine)\b"
     r"|\bwhat (will|would|does|did|do|could|might|must)\b.*\b(cost|(have|has|had) to pay)\b",
     "money"),
    # what a thing is worth ("what's the agreed takeover worth?"), and the size of a sum paid
    # ("how big is the break fee?", not "how big is the depot?")
    (r"\b(what|which)('s|’s| is| was| are| were| will)\b.*\bworth\b"
     r"|\bhow (big|large|much) (is|was|are|were|will be) (the |a |an |its |their |\w+('s|’s) )?"
     r"([\w-]+ ){0,2}(payments?|payouts?|fees?|fines?|bills?|bonus(es)?|grants?|settlements?|"
     r"compensation|salary|salaries|budgets?|costs?|price|prices|pot|fund)\b", "money"),
    # what a firm or a person made or got: "what was Qorvane's profit last year?", "what was
    # ABC's revenue in 1962?" (not "what is the income inequality gap?")
    (r"\b(what|which)('s|’s| is| was| are| were) (the |\w+('s|’s|') )(\w+('s|’s|')? ){0,2}"
     r"(revenues?|profits?|earnings|income|turnover|payout|pay-?off|compensation|salary|wages?|"
     r"dividends?|prices?)"
     r"(\?|$|,| (in|of|for|last|this|at|from|per|during|since|over|after|before|to)\b)",
     "money"),
    # a place in a ranking: "where does Kessaria rank among ...", "what rank does ... hold"
    (r"\b(where|how) (does|do|did|is|are|was|were) .*\brank(s|ed)?\b"
     r"|\b(what|which) (rank|ranking)\b", "ordinal"),
    # a vote's tally is a count of votes ("9-4"), never a sum
    (r"\bvote (tally|count|split|margin|breakdown)\b"
     r"|\b(tally|count|split|margin|breakdown) of the vote\b", "count"),
    (r"\bhow many\b", "count"),
    (r"\bhow much\b", "quantity"),
    # a count of people asked by its noun: "carrowmere headcount?", "what is the death toll?"
    # (never a sum nor a share)
    (r"\b(what|which)('s|’s| is| was| are| were) the ([\w'’]+ ){0,3}(headcount|workforce|"
     r"attendance|death toll)(\?|$| (of|in|at|for|from|after|so far|now)\b)", "count"),
    # a share, not a price "per share" ("what was its first offer per share?") nor a share
    # price
    (r"\b(what|which)\b.*\b(percentage|percent|"
     r"(?<!per )(?<!a )(?<!each )share(?! with\b)(?! prices?\b)|proportion|fraction)\b",
     "percent"),
    # a charge levied as a share: "rapeseed tariff by April?", "what duty do the cars pay?"
    # (not "the main duty of the regulator"), "what's the interest rate?" (not "what tax
    # rate has a direct relationship with ...?")
    (r"\b(what|which)('s|’s| is| was| are| were| will)? (the )?([\w'’]+ ){0,2}(tariffs?|"
     r"surtax(es)?|surcharges?|levy|levies)\b"
     r"|\b(what|which) (\w+ ){0,2}(duty|duties|tax|taxes)\b.*\b(pay|pays|paid|charged?|"
     r"levied|imposed?|faces?)\b"
     r"|\b(what|which)('s|’s| is| was) the (\w+ ){0,2}(interest|tax|vat) rate\b", "percent"),
    (r"\bhow long\b", "duration"),
    # a measure asked by its adjective ("how strong were the gusts?"); before "when": "how old
    # was Tesla when he died?"
    (r"\b(how) (big|large|small|tall|high|low|deep|wide|thick|old|far|fast|heavy|strong|"
     r"hot|cold|warm|loud|steep)\b", "quantity"),
    (r"\b(what|which) (years?|months?|days?|dates?|times?|decades?|century|centuries)\b"
     r"|\b(what|which)('s|’s| is| was) the (\w+ ){0,2}(date|day|year)\b", "date"),
    (r"^(when|since when)\b|\bwhen\b", "date"),
    (r"\b(what|which)('s|’s| is| was| are| were) the ([\w'’]+ ){0,3}(population|number|amount|"
     r"total|size|count|toll|tally|height|depth|length|width|weight|capacity|distance|"
     r"headcount|workforce|turnout|attendance|magnitude|speed|temperature|age)\b",
     "quantity"),
    (r"\b(who|whom|whose)\b", "person"),
    (rf"\b(which|what) ({'|'.join(sorted(ROLES))})s?\b|\bname of (the|a|an|this|that) "
     rf"({'|'.join(sorted(ROLES))})s?\b", "person"),
    (r"\bwhere\b", "place"),
    (r"\b(which|what) (country|city|state|town|region|province|capital|place|venue)\b", "place"),
    (r"\b(which|what) (company|organi[sz]ation|firm|agency|party|group|team|body|regulator|"
     r"watchdog|authority|ministry|department|union|court(?! (case|ruling|decision))|committee|"
     r"council|bank|contractor|"
     r"operator|insurer|charity|bidder|suitor)\b",
     "organisation"),
    (_YES_NO, "yesno"),
)

# Words that shape a question but are not what it is about.
QUESTION_WORDS = frozenset(
    "what which who whom whose when where why how many much did does do was were is are "
    "has have had can could will would should there their its it the a an of in on at to "
    "for by with from as about into than that this these those been be being besides except "
    "excluding apart aside".split()
)

_KEY_POS = frozenset({"NOUN", "PROPN", "NUM"})
SOFT_WEIGHT = 0.35  # verbs and modifiers are often paraphrased; names and nouns rarely are
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,5}s?$")


@dataclass(frozen=True)
class Question:
    """A parsed question."""

    text: str
    kind: str
    terms: tuple[str, ...]  # stems of the content words, in order, without repeats
    weights: tuple[float, ...]  # per term: 1 for nouns, names and numbers, less for the rest
    acronyms: tuple[str, ...]  # e.g. ("EV",) for "EVs"
    names: tuple[str, ...]  # capitalised words past the first: likely names
    focus: str = ""  # stem of the noun a "which X" / "what X" question asks about
    excluded: tuple[str, ...] = ()  # stems the question rules out ("besides energy")
    frame: Frame | None = None  # the construction that would answer it (index.answer.frames)
    predicate: str = ""  # its main verb as written, with its particle ("threw out"), unless light
    cue: str = ""  # the words that say what type of answer it wants ("what duty", "death toll")
    counted: str = ""  # the noun "how many" / "how much" counts, as written ("cars")
    role: str = ""  # the role it asks to fill ("trade minister", `index.answer.roles`)
    alternatives: tuple[str, ...] = ()  # the two things an either-or question offers
    described: str = ""  # the name a "who is X?" / "what is X?" question asks to have described
    owners: tuple[Owner, ...] = ()  # nouns a name owns ("Trennick's chairman"), `clashes`
    lemma: str = ""  # the lemma of its main verb ("hold" of "held"), if it has one
    many: bool = False  # it asks for things in the plural ("which three doctors", `_asks_many`)
    event: str = ""  # with no main verb but a light one, the stem of the noun it asks about
    # ("offer" of "what day was the offer made?", `_event_noun`)
    doers: tuple[Doer, ...] = ()  # verbs a name of it does ("did Harrowgate order"), `clashes`
    held: str = ""  # the role it asks for by a verb ("chair" of "who chairs ...?", `roles`)

    @property
    def labels(self) -> tuple[str, ...]:
        """Return the entity labels that can answer this question."""
        return KINDS[self.kind]

    def rules_out(self, text: str) -> bool:
        """Return True when `text` names what the question excludes ("besides energy")."""
        return bool(self.excluded) and any(stem(w) in self.excluded for w in WORD.findall(text))


_DAY = re.compile(r"\b(what|which)\s+(date|day)\b", re.IGNORECASE)
_LATEST = re.compile(r"\b(now|latest|in the end|ended up|so far|to date|currently|current|"
                     r"most recent|at last count|as it stands|toll)\b", re.IGNORECASE)
# "toll" is a running figure's name: "what's the death toll?" asks how it stands


_EARLIER = re.compile(r"\b(originally|original|initially|initial|at first|first (?:\w+ )?(?:"
                      r"estimate|figure|count|toll|total|report|reported|said|given|put|"
                      r"announced|estimated|offer|bid|proposal|approach|price)|"
                      r"before (?:the|it was) (?:revision|revised|updated?|correct\w*))\b",
                      re.IGNORECASE)


def asks_latest(text: str) -> bool:
    """Return True when `text` asks for a value as it stands now ("latest death toll?").

    Such a question says itself that the figure has changed as the days passed.
    """
    return _LATEST.search(text) is not None


def asks_present(text: str) -> bool:
    """Return True when `text` asks who holds something now: "who's running Metro?".

    "who is the chief executive?", "who heads the inquiry?", "current chair?" do too; "who
    quit?" and "who was the chief executive?" do not, nor a question about leaving ("who is
    the former chief executive?", "who has now quit the board?").
    """
    if _FORMER.search(text):  # "who is the former chief executive?", "who has now quit?"
        return False
    return asks_latest(text) or _PRESENT.search(text) is not None


_FORMER = re.compile(r"\b(?:former|outgoing|previous|ex-|predecessor|resign\w*|quit\w*|"
                     r"retir\w*|step(?:s|ped|ping)? (?:down|aside)|left|leav\w*|ousted|fired|"
                     r"sacked|replaced|departed)", re.IGNORECASE)
_PRESENT = re.compile(r"^\W*who(?:'s|’s|\s+is|\s+are|\s+(?:heads|runs|leads|chairs|owns|"
                      r"manages|controls))\b(?!\s+been\b)", re.IGNORECASE)


def asks_persons_name(text: str) -> bool:
    """Return True when `text` asks for a person's name in so many words.

    "what was the name of the man who died near Elderby?", "the name of the ship's captain?";
    not "the name of the process", nor "who changed his name?".
    """
    for match in _NAME_OF.finditer(text):  # the words of its noun phrase, its owner's left out
        words = [w.lower() for w in match.group(1).split() if not w.endswith(("'s", "’s"))]
        if any(w in ROLES for w in words):
            return True
    return False


_NAME_OF = re.compile(r"\bname\s+of\s+(?:the|a|an|this|that)\s+((?:[\w'’-]+\s*){1,3})",
                      re.IGNORECASE)


def named_heads(question: Doc) -> tuple[tuple[str, str], ...]:
    """Return the stem of the last word of each name the question says, and the noun it names.

    The noun is the common noun the name stands before, if any ("the Marlow clinic" ->
    ("marlow", "clinic")): "the clinic" may then name it again.

    "When is the Members Debate held?" -> "debat"; "the Siege of Antioch" -> "antioch";
    "Mark Woods" -> "wood" (a surname names its bearer alone); "did Tessaby cancel" ->
    "tessabi" (a proper noun alone, not a people's or a language's: "French", "English").
    Not a question word that opens the question ("When"), nor an acronym or a role ("a
    Norland PM" -> "norland"); "and" ends a name ("Zwilling and Karlstadt" are two).
    """
    names, run = [], []
    opening = 0 if len(question) and question[0].lower_ not in QUESTION_WORDS | STOPWORDS else 1
    for token in [*list(question)[opening:], None]:
        if token is not None and token.text[:1].isupper() and token.is_alpha:
            run.append(token)
        elif token is not None and run and token.lower_ in _INSIDE_NAMES:
            continue
        else:
            words = [t for t in run if not t.text.isupper() and t.lower_ not in ROLES]
            single = len(run) == 1 and run[0].pos_ == "PROPN" and run[0].ent_type_ not in {
                "NORP", "LANGUAGE"}  # "Tessaby", not "French" nor "English"
            if (len(run) > 1 or single) and words and words[-1].lower_ not in STOPWORDS:
                last = words[-1]
                after = question[run[-1].i + 1] if run[-1].i + 1 < len(question) else None
                noun = after if (after is not None and after.pos_ == "NOUN"
                                 and after.is_lower) else None  # "the Marlow clinic"
                names.append((stem(last.text), noun.lower_ if noun is not None else ""))
            run = []
    return tuple(dict.fromkeys(names))


_INSIDE_NAMES = frozenset({"of", "the", "de"})  # "the Siege of Antioch"


def asks_manner(text: str) -> bool:
    """Return True when `text` asks how something is done: "how are the MSPs chosen?".

    A number, a sum or a date answers "how many", "how much" or "how long", never "how are
    they chosen?", "how did it end?".
    """
    return _MANNER.search(text) is not None


_MANNER = re.compile(r"\bhow (?:is|are|was|were|do|does|did|can|could|will|would|has|have|had|"
                     r"should|might|may|must)\b", re.IGNORECASE)


def asks_done(text: str) -> bool:
    """Return True when `text` asks what was done: "how much was Amberlyn fined?".

    "what did Velcor pay?" and "how many jobs were cut?" do too; a question of what can,
    will or might be does not ("how much can the commissioner fine?", "what was Velcor
    expected to pay?", "how much would it cost if ...?").
    """
    return _DONE.search(text) is not None and _NOT_DONE.search(text) is None


_DONE = re.compile(r"\b(?:did|was|were|had)\b", re.IGNORECASE)
_NOT_DONE = re.compile(r"\b(?:will|would|could|should|can|may|might|must|'ll|due|expected|"
                       r"set to|going to|supposed|plan\w*|aim\w*|target\w*|likely|if|"
                       r"unless|possible|potential|maximum|most|up to|limit|ceiling|cap)\b",
                       re.IGNORECASE)


def asks_earlier(text: str) -> bool:
    """Return True when `text` asks for a value as first given ("the original budget?").

    "what did the first estimate say?" and "how many were initially reported missing?" do too.
    Such a question is answered with the figure a revision replaced, not with the revision.
    """
    return _EARLIER.search(text) is not None


def asks_for_year(text: str) -> bool:
    """Return True when `text` asks for a year ("in what year did it open?", "which year")."""
    return _YEAR_ASKED.search(text) is not None


_YEAR_ASKED = re.compile(r"\b(what|which)\s+year\b", re.IGNORECASE)


def asks_score(text: str) -> bool:
    """Return True when `text` asks for a game's score ("final score of the rovers game?")."""
    return _SCORE_ASKED.search(text) is not None


_SCORE_ASKED = re.compile(r"\b(?:final|full-time|half-time) score\b|\bscoreline\b"
                          r"|\bscore (?:of|in) the (?:\w+ )?(?:game|match|final|derby|tie)\b",
                          re.IGNORECASE)


def asks_speed(text: str) -> bool:
    """Return True when `text` asks how fast something went or blew.

    "how strong were the gusts?", "top speed of the train?"; not "how strong was the quake?"
    (a magnitude).
    """
    return _SPEED_ASKED.search(text) is not None


_SPEED_ASKED = re.compile(r"\bhow fast\b|\b(?:top|wind|average|maximum|cruising|what|the|its|"
                          r"their) speed\b|\bspeed of\b|"
                          r"\bhow (?:strong|hard|high) (?:\w+ ){0,3}(?:winds?|gusts?)\b|"
                          r"\b(?:winds?|gusts?) (?:\w+ ){0,2}how (?:strong|fast)\b", re.IGNORECASE)


def costed(text: str) -> str:
    """Return the word naming what a question asks the cost of, or "".

    "how much will Port Allard's electrolyser cost?" -> "electrolyser"; "what is the price of
    the Arc 7 Mini?" -> "mini". The last word of the thing, as written; not a pronoun ("how
    much did it cost to build?").
    """
    for pattern in _COSTED:
        match = pattern.search(text)
        words = [w for w in WORD.findall(match.group(1)) if w.lower() not in STOPWORDS
                 and w.lower() not in _COSTING] if match else []
        if words:
            return words[-1].lower()
    return ""


_COSTED = (  # "how much will X cost", "what did X cost"; "the cost of X", "the price of X"
    re.compile(r"\b(?:how much|what) (?:will|would|does|do|did|is|are|was|were|has|have|"
               r"could|should)\s+([\w'.% -]+?)\s+cost\b", re.IGNORECASE),
    re.compile(r"\b(?:cost|price)\s+of\s+([\w' -]+?)(?:\s+(?:be|is|was|were|will|in|at|for|"
               r"to|now)\b|[?.,;]|$)", re.IGNORECASE))
_COSTING = frozenset("estimated expected going likely set due thought said supposed have "
                     "originally eventually ultimately actually now".split())


def asks_excess(text: str) -> bool:
    """Return True when `text` asks by how much something went over ("how much over budget?").

    Such a question asks for the difference, not for the level reached: "an extra $26.4
    million", not "$188.4 million" of "taking the budget to $188.4 million".
    """
    return _EXCESS.search(text) is not None


_EXCESS = re.compile(r"\bhow (?:much|far) (?:\w+ )?(?:over|above|beyond|in excess of)\b"
                     r"|\bover budget\b|\bover-?(?:run|spen[dt])\b", re.IGNORECASE)


def asks_for_day(text: str) -> bool:
    """Return True when `text` asks for a day ("what date", "on which day").

    A year or a month alone answers such a question only in part.
    """
    return _DAY.search(text) is not None


_CLOCK = re.compile(r"\b(what|which)\s+time\b(?!\s+(?:period|frame|span|zone|of))",
                    re.IGNORECASE)


def asks_for_clock(text: str) -> bool:
    """Return True when `text` asks for a time of day ("what time did the fire start?").

    Not "what time period", "what time of year".
    """
    return _CLOCK.search(text) is not None


# A request is no terse question: "Name two series that ..."
_IMPERATIVE = re.compile(r"(name|list|give|identify|state|describe|explain|tell me)\b")


def is_terse(text: str) -> bool:
    """Return True for a question with no question word, no yes/no question and no request.

    "flood death toll?", "share of exports to Caldoria?": it asks what the thing it names is.
    A question word that opens a relative clause asks nothing ("payout for customers whose
    id documents were copied?", `unasked`).
    """
    lowered = unasked(" ".join(text.lower().split()))
    return not (_WH & set(WORD.findall(lowered))) and not re.search(_YES_NO, lowered) \
        and not _IMPERATIVE.match(lowered)


# Words after which a question word still asks: "in which year", "tell me who", "and when",
# "was who". After any other word but a number ("in 1517 who was ...") it opens a relative
# clause ("customers whose", "the town where", "the man who"), unless it is "where" or "when"
# before a verb that asks ("other than New York where did Tesla ..."), or "who else".
_ASKS_AFTER = frozenset("""
    in on at of for from to by with about into onto upon near since until till after before
    during under over between against among through toward towards via per than as like and or
    but so then because if me us you him her them it is are was were be been being do does did
    has have had will would can could should may might must know tell ask explain say said
    wonder remember find out show describe decide see guess exactly just now""".split())
_AUXILIARIES = ("is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|may|"
                "might|must")
_RELATIVE = re.compile(
    r"\b([\w'’-]+) (?:(who|whom|whose|why)|(where|when)(?! (?:" + _AUXILIARIES + r")\b))\b"
    r"(?!\s*\??$| else\b)")


def unasked(lowered: str) -> str:
    """Return a lower-cased question with each question word that asks nothing blanked ("-").

    A question word right after a noun opens a relative clause: "payout for customers whose
    id documents were copied?" asks for a payout, "which company owns the plant where the
    fire started?" for a company.
    """
    return _RELATIVE.sub(lambda m: m.group(0) if m.group(1) in _ASKS_AFTER
                         or m.group(1).isdigit() else f"{m.group(1)} -", lowered)


_CONTRACTED = re.compile(
    r"\b(who|what|where|when|why|how|which|that|there)['’]s\b(\s+(?:been|got)\b)?", re.IGNORECASE
)


_UNMARKED = re.compile(r"\b(what|who|where|when|why|how)s\b", re.IGNORECASE)


def apostrophes(text: str) -> str:
    """Return a question with the apostrophe of a contracted question word put back.

    Chat typing drops it: "whats the tariff on canola" is "what's the tariff on canola".
    """
    return _UNMARKED.sub(r"\1's", text)


def names_something(text: str) -> bool:
    """Return True when a question has a word to look for besides question and stop words.

    "who is ?", "or?", "whats" name nothing.
    """
    words = WORD.findall(apostrophes(text).lower())
    return any(w not in QUESTION_WORDS and w not in STOPWORDS and w != "s" for w in words)


def spelt_out(text: str) -> str:
    """Return a question as it is read by a reader fitted on questions written out in full.

    A question word's "'s" is "is" ("who's the boss at Brightwell?" -> "who is the boss at
    Brightwell?"; "has" before "been" or "got"), and a terse question is read as "what is
    ..." ("flood death toll?" -> "what is the flood death toll?"; "Serravia's new tariff?" ->
    "what is Serravia's new tariff?"); it ends with a question mark, as questions typed in a
    hurry often do not.
    """
    text = _CONTRACTED.sub(lambda m: m.group(1) + (" has" + m.group(2) if m.group(2) else " is"),
                           text).strip()
    if not text.endswith("?"):
        text = text.rstrip(".!") + "?"
    if not is_terse(text):
        return text
    return f"what is {text}" if text[:1].isupper() else f"what is the {text}"


# A capitalised question word after a word is part of a name: "Doctor Who", "The Who".
_NAMED_WH = re.compile(r"(?<=\w )(?:Who|What|Which|When|Where|Why|How)\b")


# A terse question that ends in a role asks who holds it: "velcor ceo?", "health minister
# dealing with the strike?" (not "ceo pay?", "the minister's salary?").
_TERSE_ROLE = re.compile(
    rf"^([\w'’.-]+ ){{0,3}}({'|'.join(sorted(ROLES - GENERIC_ROLES))})s?"
    r"(\?|$| (dealing|running|leading|in charge|at|of|for|who|behind|handling)\b)")


def question_kind(text: str) -> str:
    """Return the kind of answer `text` asks for (a key of KINDS).

    A terse question (`is_terse`) is read as "what is the ...". A question word in a name
    ("In what decades ... Doctor Who?") or one that opens a relative clause (`unasked`) asks
    nothing.
    """
    lowered = unasked(" ".join(_NAMED_WH.sub("-", text).lower().split()))
    if is_terse(lowered):
        if _TERSE_ROLE.search(lowered):
            return "person"
        lowered = f"what is the {lowered}"
    for pattern, kind in _PATTERNS:
        if re.search(pattern, lowered):
            return kind
    return "other"


_EXCLUDING = re.compile(
    r"\b(?:besides|other than|apart from|aside from|except(?: for)?|excluding|not counting)"
    r"\s+((?:the |a |an )?[\w-]+(?: [\w-]+)?)",
    re.I,
)


def excluded_terms(text: str) -> tuple[str, ...]:
    """Return the stems of what a question rules out ("Which others besides energy?")."""
    found = []
    for match in _EXCLUDING.finditer(text):
        words = [w for w in WORD.findall(match.group(1)) if w.lower() not in STOPWORDS]
        found.extend(stem(w) for w in words[:2])
    return tuple(dict.fromkeys(found))


def _asks_people(doc: Doc) -> bool:
    """Return True when "which" asks for people by a demonym: "which Norlanders did ...?".

    The word after it is capitalised and plural, a nationality's ("Americans", "Norlanders"),
    and no noun follows it ("which American firms" asks for firms).
    """
    for token in doc[:-1]:
        if token.lower_ not in {"which", "what"}:
            continue
        people = token.nbor(1)
        after = people.nbor(1) if people.i + 1 < len(doc) else None
        return (people.text[:1].isupper() and people.text.endswith("s")
                and (people.ent_type_ == "NORP" or _DEMONYM.search(people.text) is not None)
                and (after is None or after.pos_ in {"VERB", "AUX", "PUNCT"}))
    return False


_DEMONYM = re.compile(r"(?:[ai]ans|ers|ites)$")  # "Kessarians", "Norlanders", "Israelites"


def parse_question(text: str, known: tuple[str, ...] = ()) -> Question:
    """Parse a question into its kind, weighted content terms, acronyms and names.

    `known` are words the coverage writes as names (`index.answer.analysis`): names wherever
    they stand, the first word too ("Velcor CEO?").
    """
    doc = get_nlp()(text)
    excluded = excluded_terms(text)
    weight_of: dict[str, float] = {}
    for token in doc:
        word = token.text
        if not WORD.fullmatch(word) or word.lower() in QUESTION_WORDS | STOPWORDS \
                or _asks_name(token):
            continue
        term = stem(word)
        if term in excluded:
            continue
        weight = 1.0 if token.pos_ in _KEY_POS else SOFT_WEIGHT
        weight_of[term] = max(weight, weight_of.get(term, 0.0))
    kind = question_kind(text)
    role = question_role(doc)
    if kind == "other" and (role or _asks_people(doc)):
        kind = "person"  # "which Chinese premier": the pattern wants the role noun next;
        # "which Canadians were detained?" asks for people by where they are from
    words = [t.text for t in doc]
    acronyms = tuple(
        w[:-1] if w.endswith("s") and w[:-1].isupper() else w
        for w in words
        if _ACRONYM.match(w)
    )
    names = tuple(
        t.text for t in doc if (t.i > 0 and (t.pos_ == "PROPN"
                                             or (t.text[:1].isupper() and t.is_alpha)))
        or t.text in known
    )
    names = tuple(n for n in dict.fromkeys(names) if n.lower() not in QUESTION_WORDS)
    return Question(
        text,
        kind,
        tuple(weight_of),
        tuple(weight_of.values()),
        acronyms,
        names,
        _focus(doc),
        excluded,
        question_frame(doc, kind),
        _predicate(doc),
        type_cue(doc),
        counted_word(doc) or (measured_noun(doc) if kind in {"quantity", "count"} else ""),
        role,
        alternatives(doc) if kind == "yesno" else (),
        described_name(doc),
        owners(doc),
        _predicate_lemma(doc),
        _asks_many(doc),
        _event_noun(doc),
        doers(doc, names),
        held_role(doc),
    )


def _asks_name(token: Token) -> bool:
    """Return True for the noun "name" that only asks for one.

    "what was the name of the man...", "what name was given to...", "what is the ship's
    name?": a passage says "called" or "named", or just the name. Not "who changed his name?".
    """
    doc = token.doc
    if token.lower_ not in {"name", "names"} or token.pos_ != "NOUN":
        return False
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    return (after is not None and after.lower_ == "of") \
        or (before is not None and before.lower_ in {"what", "which"}) \
        or after is None or after.is_punct


# Words after "or" that make a question no choice: "is it legal or not?"
_NO_CHOICE = frozenset("not no never otherwise else so".split())
# The left dependents that belong to a first alternative that is a noun or a number: "an
# electrical fault", "4.9 per cent" (an adjective or a verb stands alone: "electric").
_MODIFIERS = frozenset("det amod compound nummod quantmod poss nmod case".split())
_MODIFIED = frozenset("NOUN PROPN NUM".split())


def alternatives(doc: Doc) -> tuple[str, ...]:
    """Return the things an either-or question offers, as written, or ().

    "is the quota yearly or spread out?" -> ("yearly", "spread out"); "did the flood kill one
    or two people?" -> ("one", "two"); "was it signed on Thursday or Friday?" -> ("Thursday",
    "Friday"); "are they predators, vegetarian or parasitic?" -> all three. The last is what
    "or" joins (its `conj`); the others, the phrases that end before "or" and before each
    comma of a list. Each is taken in whole words ("pro-life", not "life"). "or not" offers no
    choice.
    """
    for token in doc[1:-1]:
        if token.lower_ != "or" or token.dep_ != "cc":
            continue
        last = next((c for c in token.head.children if c.dep_ == "conj" and c.i > token.i),
                    None)
        after, before = doc[token.i + 1], doc[token.i - 1]
        if last is None and after.pos_ == before.pos_ and not after.is_punct:
            last = after  # misparsed, but alike: "12, 14 or 16 ferries"
        if last is None or last.lower_ in _NO_CHOICE:
            continue
        offered = [_words(doc, token.i + 1, max(last.right_edge.i, last.i))]
        end = token.i - 1
        while end > 0 and len(offered) < _MOST_OFFERED:
            while end > 0 and doc[end].is_punct:
                end -= 1
            first = doc[end]
            start = min((c.left_edge.i for c in first.lefts
                         if c.dep_ in _MODIFIERS and first.pos_ in _MODIFIED), default=first.i)
            offered.insert(0, _words(doc, max(start, 1), end))
            if start < 2 or doc[start - 1].text != ",":
                break
            end = start - 1  # a list: "predators, vegetarian or parasitic"
        offered = [o for o in offered if o]
        if len(offered) >= 2:
            return tuple(offered)
    return ()


_MOST_OFFERED = 4


def _words(doc: Doc, start: int, end: int) -> str:
    """Return the question's tokens `start` to `end` (inclusive) in whole words, unpunctuated.

    "pro" of "pro-choice?" is "pro-choice".
    """
    if start > end:
        return ""
    text = doc.text
    begin, finish = doc[start].idx, doc[end].idx + len(doc[end])
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    while finish < len(text) and not text[finish].isspace():
        finish += 1
    return text[begin:finish].strip(" ,;:?!.\"'")


def described_name(doc: Doc) -> str:
    """Return the name a "who is X?" or "what is X?" question asks to have described, or "".

    "who is Teodor Valich?" -> "Teodor Valich", "what is Vellstream Hydro?" -> "Vellstream
    Hydro"; not "who is the trade minister?", which asks for a name.
    """
    words = [t for t in doc if not t.is_punct]
    if len(words) < 3 or words[0].lower_ not in {"who", "what"} or words[1].lemma_ != "be":
        return ""
    rest = words[2:]
    if all(t.text[:1].isupper() and t.is_alpha for t in rest):
        return " ".join(t.text for t in rest)
    return ""




def _main_verb(doc: Doc) -> Token | None:
    """Return the question's main verb, None if it has none or only a light one."""
    verbs = [t for t in doc if is_verb(t) and t.lemma_.lower() not in LIGHT_VERBS]
    return next((t for t in verbs if t.dep_ == "ROOT"), verbs[0] if verbs else None)


def _predicate(doc: Doc) -> str:
    """Return the question's main verb ("was Vellstream fined" -> "fined"), or "" if light."""
    root = _main_verb(doc)
    return verb_phrase(root) if root is not None else ""


def _predicate_lemma(doc: Doc) -> str:
    """Return the lemma of the question's main verb (`_predicate`), or "" if light."""
    root = _main_verb(doc)
    return root.lemma_.lower() if root is not None else ""


_EVENT_ROLES = ("nsubj", "nsubjpass", "attr", "dobj")  # the subject first
_ASKING_WORDS = frozenset({"what", "which", "how", "whose"})


def _event_noun(doc: Doc) -> str:
    """Return the stem of the noun a question with only a light verb asks about, or "".

    "what day was the 5.6% offer made?" -> "offer"; "when did the talks take place?" ->
    "talk"; "when is the vote?" -> "vote". Not the noun the question word asks for ("what
    day"). A question with a main verb of its own asks about what that verb says ("when did
    the board reject it?": "").
    """
    if _main_verb(doc) is not None:
        return ""
    found: list[tuple[int, Token]] = []
    for verb in (t for t in doc if t.pos_ in {"VERB", "AUX"}):
        found += [(_EVENT_ROLES.index(c.dep_), c) for c in verb.children
                  if c.dep_ in _EVENT_ROLES and c.lower_ != "place"]  # "take place"
        if verb.dep_ == "acl":  # "was the offer made", parsed as "the offer (made)"
            found.append((0, verb.head))
    nouns = [n for _, n in sorted(found, key=lambda rn: (rn[0], rn[1].i))
             if n.pos_ == "NOUN" and n.lower_ not in _ASKING_WORDS
             and not any(c.lower_ in _ASKING_WORDS for c in n.children)]
    return stem(nouns[0].text) if nouns else ""


def verb_phrase(verb: Token) -> str:
    """Return a verb as written, lower-cased, with its particle: "threw out", "set up"."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.lower_, *particles])


def _asks_many(doc: Doc) -> bool:
    """Return True when "which" or "what" asks for a plural noun, not a singular one.

    "What techniques", "members of which organizations", "which three doctors".
    """
    for token in doc:
        if token.lower_ in {"which", "what"}:
            for following in doc[token.i + 1 : token.i + 4]:
                if following.pos_ in {"NOUN", "PROPN"}:
                    return following.tag_ in {"NNS", "NNPS"}
            return False
    return False


def _focus(doc: Doc) -> str:
    """Return the stem of the noun after "which"/"what" ("Which sectors ..." -> "sector")."""
    for token in doc:
        if token.lower_ in {"which", "what"}:
            for following in doc[token.i + 1 : token.i + 4]:
                if following.pos_ in {"NOUN", "PROPN"}:
                    return stem(following.text)
            return ""
    return ""


CUE_WINDOW = 5  # tokens after the question word in which its noun is looked for


def type_cue(doc: Doc) -> str:
    """Return the words that say what type of answer a question wants.

    From the question word to the end of the first noun phrase within a few words of it
    ("what duty", "how much rain", "who's the trade minister", "who quit as transit boss");
    without a question word, the noun phrase the question is built on ("flood death toll",
    "battery size"); else the first few words.
    """
    chunk_end = {t.i: chunk.end for chunk in doc.noun_chunks for t in chunk}
    wh = next((t.i for t in doc if t.lower_ in _WH), None)
    if wh is None:
        root = next((c for c in doc.noun_chunks if c.root.dep_ == "ROOT"), None)
        root = root or next(iter(doc.noun_chunks), None)
        return root.text if root is not None else doc[:3].text
    for token in doc[wh + 1 : wh + 1 + CUE_WINDOW]:
        if token.pos_ in {"NOUN", "PROPN"}:
            return doc[wh : chunk_end.get(token.i, token.i + 1)].text
    return doc[wh : wh + 3].text.rstrip("?")


def counted_word(doc: Doc) -> str:
    """Return the noun a "how many" / "how much" question counts, as written.

    "how many cars did Qorvane sell?" -> "cars"; "" when it counts none ("how much was it
    fined?").
    """
    for token in doc[:-2]:
        if token.lower_ == "how" and doc[token.i + 1].lower_ in {"many", "much"}:
            after = doc[token.i + 2]
            chunk = next((c for c in doc.noun_chunks if c.start <= after.i < c.end), None)
            if chunk is not None and chunk.root.pos_ in {"NOUN", "PROPN"}:
                return chunk.root.text
            return after.text if after.pos_ in {"NOUN", "PROPN"} else ""
    return ""


# Nouns that say how many of something there are: "the customer base", "the death toll", "the
# number of passengers".
_COUNTING = frozenset({"base", "toll", "tally", "count", "number", "total", "headcount"})


def measured_noun(doc: Doc) -> str:
    """Return the noun a counting noun counts, as written, or "" (asked an amount, it is counted).

    "how big is amberlyn's customer base?" -> "customer"; "flood death toll?" -> "death";
    "what was the number of passengers?" -> "passengers". Not a counting noun that counts
    nothing said ("what is the total?") nor one of another sense ("the base of the tower").
    """
    for token in doc:
        if token.lower_ not in _COUNTING or token.pos_ != "NOUN":
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        if before is not None and before.pos_ == "NOUN" and before.dep_ == "compound":
            return before.text  # "customer base", "death toll"
        after = doc[token.i + 1 : token.i + 3]
        if token.lower_ in {"number", "total", "count"} and len(after) == 2 \
                and after[0].lower_ == "of" and after[1].pos_ == "NOUN" and after[1].tag_ == "NNS":
            return after[1].text  # "the number of passengers"
    return ""
