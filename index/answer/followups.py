"""Follow-up questions: read one against the turn before it, or leave it alone if complete.

People in a chat ask "how many EVs?", then "and canola?", "when?", "who said that?". A
question needs the previous turn when its parse shows it is incomplete:

- **ellipsis**: it has no finite verb ("and the shrimp one?", "from whom?", "what about
  Ford?", "and now?");
- **reference**: it holds a third-person pronoun ("when did she resign?", "who runs it?"), a
  demonstrative pronoun ("who said that?") or a pro-adverb ("who's the boss there?").

Anything else is a complete question and is answered on its own, whatever came before. The
rewrite uses the previous question as it was answered and its answer:

- a fragment holding a question word asks that of the previous question's clause, its
  question phrase filled by the previous answer ("how many buses did Metro buy?" answered
  120, then "from whom?" -> "from whom did Metro buy 120 buses?");
- a noun phrase takes the place of the previous question's phrase nearest it in meaning ("who
  is the trade minister?", then "and the Westmoor premier?" -> "who is the Westmoor
  premier?"); a time or manner adverb takes the place of the previous one;
- a pronoun is replaced by what it most likely refers to: he or she by a person, they by a
  plural noun or an organisation, it by a singular noun, there by a place, that by the
  previous answer, preferring the previous answer, then subjects, then other nouns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from index.answer.lexicon import Lexicon
from index.answer.nlp import get_nlp
from index.answer.questions import question_kind

# English third-person pronouns, by what they can refer to.
PRONOUNS = {
    "he": "person", "him": "person", "his": "person", "she": "person", "her": "person",
    "hers": "person", "it": "thing", "its": "thing", "they": "plural", "them": "plural",
    "their": "plural", "theirs": "plural",
}
POSSESSIVES = frozenset({"his", "her", "its", "their"})
DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})
PRO_ADVERBS = {"there": "place", "then": "date"}
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
WH_TAGS = frozenset({"WP", "WDT", "WRB", "WP$"})
CLITICS = {"'s": "is", "'re": "are", "'m": "am"}
PERSON_LABELS = frozenset({"PERSON"})
THING_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG"})
NAMING_KINDS = frozenset({"person", "organisation", "place"})
MIN_SIMILARITY = 0.3  # below this, a noun phrase replaces none of the previous question's
MIN_SETTING_SIMILARITY = 0.5  # ... and below this, none of its settings ("in the flood")


@dataclass(frozen=True)
class Turn:
    """One question asked and answered: what a follow-up is read against."""

    question: str  # the question as it was answered
    answer: str | None = None  # its short answer: "" if it was declined, None if not known

    @property
    def kind(self) -> str:
        """Return the kind of answer the question asked for (`index.answer.questions.KINDS`)."""
        return question_kind(self.question)


def needs_context(question: str) -> bool:
    """Return True when `question` cannot be answered without the turn before it."""
    return _Parsed(get_nlp()(question)).incomplete


def resolve(question: str, previous: Turn | None, lexicon: Lexicon | None = None) -> str:
    """Return the question to answer: `question` as asked when complete, else rewritten.

    Args:
        question: the follow-up, as asked.
        previous: the turn before it (its question as answered, and its answer), if any.
        lexicon: word similarities, to pick the phrase a noun phrase replaces.

    """
    parsed = _Parsed(get_nlp()(question))
    if previous is None or not parsed.incomplete:
        return parsed.text or question
    before = get_nlp()(previous.question)
    if parsed.referring:
        return _tidy(_replace_references(parsed, before, previous))
    if parsed.has_wh:
        return _tidy(f"{parsed.text.rstrip('?')} {_clause(before, previous)}")
    return _tidy(_substitute(parsed, before, lexicon))


class _Parsed:
    """A question's parse without its opening "and" / "what about", and what it lacks."""

    def __init__(self, doc: Doc) -> None:
        start = 0
        while start < len(doc) and doc[start].dep_ == "cc":
            start += 1
        self.elided = False  # "what about X?" / "how about X?"
        if (start + 1 < len(doc) and doc[start].lower_ in {"what", "how"}
                and doc[start + 1].lower_ == "about"):
            start, self.elided = start + 2, True
        self.span = doc[start:]
        self.text = self.span.text.strip()
        words = [t for t in self.span if not t.is_punct]
        self.finite = any(t.tag_ in FINITE_TAGS for t in words)
        self.has_wh = any(t.tag_ in WH_TAGS for t in words)
        self.referring = [t for t in words if _refers(t)]
        self.incomplete = bool(words) and (self.elided or not self.finite or bool(self.referring))


def _refers(token: Token) -> bool:
    """Return True when `token` refers back to something said before."""
    word = token.lower_
    if word in PRONOUNS:
        return word != "it" or not _expletive(token)
    if word in DEMONSTRATIVES:
        return token.pos_ == "PRON" and token.dep_ not in {"det", "mark"}
    return word in PRO_ADVERBS and token.dep_ == "advmod"


def _expletive(token: Token) -> bool:
    """Return True for a dummy "it": "how much does it cost to fly?", "is it raining?"."""
    if token.dep_ == "expl":
        return True
    return any(c.dep_ in {"xcomp", "ccomp", "csubj"} and c.i > token.i for c in token.head.children)


# -- a fragment holding a question word: ask it of the previous clause ------------------------

def _clause(before: Doc, previous: Turn) -> str:
    """Return the previous question as an inverted clause, its question phrase filled in."""
    phrase = _wh_phrase(before)
    if phrase is None:
        return _words(before)
    filler = _filler(phrase, previous)
    rest = [t for t in before[phrase.end:] if not (t.is_punct and t.i == len(before) - 1)]
    verbs = [t for t in rest if t.pos_ in {"VERB", "AUX"}]
    adverb = phrase.root.tag_ == "WRB" or phrase.root.pos_ in {"ADJ", "ADV"}  # never a subject
    if verbs and not adverb and not any(t.dep_ in {"nsubj", "nsubjpass"} for t in rest):
        return _subject_clause(filler, rest)
    if phrase.root.pos_ in {"NOUN", "PROPN", "PRON"} and phrase.root.dep_ != "ROOT":
        return " ".join([_words(rest), filler]).strip()
    if not rest:
        return filler
    return _words(rest)


def _wh_phrase(doc: Doc) -> Span | None:
    """Return the question phrase: "who", "which firm", "how many buses", "how big"."""
    wh = next((t for t in doc if t.tag_ in WH_TAGS), None)
    if wh is None:
        return None
    head = wh
    while (head.head.i > head.i and head.head.pos_ in {"NOUN", "PROPN", "ADJ", "ADV", "NUM"}
           and not any(t.pos_ in {"AUX", "VERB"} for t in doc[head.i + 1 : head.head.i])):
        head = head.head
    return doc[wh.i : head.i + 1]


def _filler(phrase: Span, previous: Turn) -> str:
    """Return what fills the question phrase: the answer, with the noun counted if any."""
    noun = " ".join(t.text for t in phrase if t.pos_ in {"NOUN", "PROPN"})
    if not previous.answer:
        return noun
    if noun and phrase[0].lower_ == "how" and noun.lower() not in previous.answer.lower():
        return f"{previous.answer} {noun}"
    return previous.answer


def _subject_clause(filler: str, rest: list[Token]) -> str:
    """Return "did Darius Penhale quit ..." for a question whose subject was asked about."""
    if not rest:
        return filler
    first = rest[0]
    if first.pos_ == "AUX":
        word = CLITICS.get(first.lower_, first.text)
        return " ".join([word, filler, _words(rest[1:])]).strip()
    verb = next((t for t in rest if t.tag_ in FINITE_TAGS), None)
    if verb is None:
        return " ".join([filler, _words(rest)])
    support = {"VBD": "did", "VBZ": "does"}.get(verb.tag_, "do")
    words = [t.lemma_ if t.i == verb.i else t.text for t in rest]
    return " ".join([support, filler, *words])


# -- a noun phrase or an adverb: put it in the place of the previous one ----------------------

def _substitute(parsed: _Parsed, before: Doc, lexicon: Lexicon | None) -> str:
    """Return the previous question with the fragment in the place it takes."""
    fragment = parsed.span
    words = [t for t in fragment if not t.is_punct]
    if words and all(t.pos_ == "ADV" or t.ent_type_ in {"DATE", "TIME"} for t in words):
        return _replace_adverb(before, _words(words))
    if words[0].pos_ == "ADP":
        return _replace_setting(before, words)
    targets = _targets(before)
    if not targets:  # "how many EVs?", then "and canola?": the asked-about noun is replaced
        return _replace_asked(before, words)
    head = _head(words)
    chosen = _nearest(head, targets, lexicon)
    if chosen is None:
        return _asked_of(_words(words), before)
    text = _words(words)
    if words[-1].lower_ == "one":  # "the shrimp one" stands for "the shrimp levy"
        text = _words([*words[:-1], chosen.root])
    return _words(before[: chosen.start]) + f" {text} " + _words(before[chosen.end :])


def _replace_asked(before: Doc, words: list[Token]) -> str:
    """Put a noun phrase in the place of the noun the previous question asked about."""
    phrase = _wh_phrase(before)
    asked = [] if phrase is None else [  # "electric buses" of "how many electric buses"
        t for t in phrase if t.tag_ not in WH_TAGS and t.lower_ not in {"many", "much"}]
    if not any(t.pos_ in {"NOUN", "PROPN"} for t in asked):
        return f"{_words(words)} {_words(before)}"
    bare = [t for t in words if t.dep_ != "det"] or words
    start, end = asked[0].i, asked[-1].i + 1
    return f"{_words(before[:start])} {_words(bare)} {_words(before[end:])}"


def _asked_of(fragment: str, before: Doc) -> str:
    """Return "what was the death toll in the flood?": the fragment, in the previous setting."""
    settings = [t for t in before if t.dep_ == "prep" and t.head.pos_ in {"VERB", "AUX"}]
    copula = "was" if any(t.tag_ == "VBD" for t in before) else "is"
    where = " ".join(_words(before[c.left_edge.i : c.right_edge.i + 1]) for c in settings)
    return f"what {copula} {fragment} {where}"


def _targets(doc: Doc) -> list[Span]:
    """Return the previous question's noun phrases and names that are not its question."""
    phrases = [c for c in doc.noun_chunks
               if c.root.is_alpha and len(c.root) > 1 and not any(t.tag_ in WH_TAGS for t in c)]
    phrases += [e for e in doc.ents if not any(e.start < p.end and p.start < e.end
                                               for p in phrases)]
    return sorted(phrases, key=lambda s: s.start)


def _head(words: list[Token]) -> Token:
    """Return the fragment's head word."""
    heads = [t for t in words if t.head.i == t.i or t.head not in words]
    return heads[0] if heads else words[-1]


def _nearest(head: Token, targets: list[Span], lexicon: Lexicon | None) -> Span | None:
    """Return the target the fragment most likely replaces, or None if none is near."""
    if head.ent_type_:
        same = [t for t in targets if t.root.ent_type_ == head.ent_type_]
        if same:
            return same[-1]
    if len(targets) == 1 or lexicon is None or head.lower_ == "one":
        return _salient(targets)
    word = head.text if head.lower_ != "one" else (head.head.text if head.head != head else "")
    near = lexicon.similarities(word, [t.root.text for t in targets])
    best = max(targets, key=lambda t: near[t.root.text])
    wanted = MIN_SETTING_SIMILARITY if best.root.dep_ == "pobj" else MIN_SIMILARITY
    return best if near[best.root.text] >= wanted else None


def _salient(targets: list[Span]) -> Span:
    """Return the most salient phrase: a subject, then an object, then the first."""
    for roles in ({"nsubj", "nsubjpass", "attr"}, {"dobj", "pobj"}):
        found = [t for t in targets if t.root.dep_ in roles]
        if found:
            return found[0]
    return targets[0]


def _replace_setting(before: Doc, words: list[Token]) -> str:
    """Put a prepositional phrase ("at Metro") in the place of the previous one, else add it."""
    preps = [t for t in before if t.dep_ == "prep" and not any(c.tag_ in WH_TAGS
                                                               for c in t.subtree)]
    same = [t for t in preps if t.lower_ == words[0].lower_] or preps
    if not same:
        return f"{_words(before).rstrip('?')} {_words(words)}"
    prep = same[-1]
    end = prep.right_edge.i + 1
    return f"{_words(before[: prep.i])} {_words(words)} {_words(before[end:])}"


def _replace_adverb(before: Doc, adverb: str) -> str:
    """Put `adverb` in the place of the previous question's time or manner modifier."""
    for token in before:
        if token.tag_ in WH_TAGS:
            continue
        if token.pos_ == "ADV" and token.dep_ == "advmod":
            return _words(before[: token.i]) + f" {adverb} " + _words(before[token.i + 1 :])
        if token.dep_ == "prep" and any(c.ent_type_ in {"DATE", "TIME"} for c in token.children):
            end = token.right_edge.i + 1
            return _words(before[: token.i]) + f" {adverb} " + _words(before[end:])
    body = _words(before).rstrip("?")
    return f"{body} {adverb}?"


# -- pronouns: replace each by what it refers to ----------------------------------------------

def _replace_references(parsed: _Parsed, before: Doc, previous: Turn) -> str:
    """Return the question with each pronoun replaced by its most likely referent."""
    parts = []
    for token in parsed.span:
        referent = _referent(token, before, previous) if token in parsed.referring else None
        if referent is None:
            parts.append(token.text_with_ws)
            continue
        if token.lower_ in POSSESSIVES:
            referent += "'s"
        elif token.lower_ == "there":
            referent = f"at {referent}"
        parts.append(referent + token.whitespace_)
    return "".join(parts)


def _referent(token: Token, before: Doc, previous: Turn) -> str | None:
    """Return the phrase `token` most likely refers to in the previous turn."""
    word = token.lower_
    want = PRONOUNS.get(word) or PRO_ADVERBS.get(word) or "statement"
    answer = previous.answer if _names(previous) else ""
    if want in {"statement", "date"}:
        return previous.answer or None
    phrases = [p for p in _ranked_phrases(before) if _phrase_fits(want, p)]
    if (want == "thing" and phrases) or (want == "plural" and phrases
                                       and phrases[0].root.tag_ in {"NNS", "NNPS"}):
        return _words(phrases[0])  # a thing or plural the question named, before its answer
    if answer and _fits(want, answer):
        return answer
    if phrases:
        return _words(phrases[0])
    return _statement(before, previous) if want == "thing" else None


def _names(previous: Turn) -> bool:
    """Return True when the previous answer names someone or something (not a number)."""
    answer = previous.answer
    if not answer or any(c.isdigit() for c in answer):
        return False
    return previous.kind in NAMING_KINDS or (previous.kind == "other" and answer[:1].isupper())


def _fits(want: str, answer: str) -> bool:
    """Return True when a name given as an answer can be what a pronoun of `want` means."""
    label = _entity(answer)
    if want == "person":
        return label in PERSON_LABELS or not label
    return want == "place" or label not in PERSON_LABELS


def _statement(before: Doc, previous: Turn) -> str:
    """Return the previous question as a statement of its answer ("five buses burned")."""
    phrase = _wh_phrase(before)
    if phrase is None:
        return _words(before).rstrip("?")
    rest = [t for t in before[phrase.end :] if not t.is_punct]
    return " ".join([_filler(phrase, previous), _words(rest)]).strip()


def _entity(text: str) -> str:
    """Return the entity label spaCy gives `text` as a whole ("" if none)."""
    doc = get_nlp()(text)
    return doc.ents[0].label_ if len(doc.ents) == 1 and len(doc.ents[0]) == len(doc) else ""


def _ranked_phrases(doc: Doc) -> list[Span]:
    """Return the previous question's phrases, subjects first, then objects, then the rest.

    Names inside a longer phrase ("Rovers" in "the Rovers winner") come after the phrases,
    and the noun of the question phrase ("miners" in "how many miners") last.
    """
    order = {"nsubj": 0, "nsubjpass": 0, "attr": 1, "dobj": 1, "pobj": 2}
    phrases = sorted(_targets(doc), key=lambda s: (order.get(s.root.dep_, 3), s.start))
    phrases += [e for e in doc.ents if e not in phrases]
    asked = _wh_phrase(doc)
    if asked is not None:
        phrases += [asked[i : i + 1] for i, t in enumerate(asked) if t.pos_ in {"NOUN", "PROPN"}]
    return phrases


def _phrase_fits(want: str, phrase: Span) -> bool:
    """Return True when `phrase` agrees with a pronoun of `want` in number and kind."""
    label = phrase.root.ent_type_
    plural = phrase.root.tag_ in {"NNS", "NNPS"}
    if want == "person":
        return label in PERSON_LABELS
    if want == "place":
        return label in PLACE_LABELS
    if want == "plural":
        return plural or label in {"ORG", "NORP"}
    return not plural and label not in PERSON_LABELS


def _words(tokens: Span | Doc | list[Token]) -> str:
    """Return tokens as text, keeping their spacing, clitic verbs spelt out ("'s" -> "is")."""
    parts = [(" " + CLITICS[t.lower_] + t.whitespace_) if t.pos_ == "AUX" and t.lower_ in CLITICS
             else t.text_with_ws for t in tokens]
    return "".join(parts).strip()


def _tidy(text: str) -> str:
    """Return a rewritten question with single spaces, clitics spelt out, one question mark."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([?,.'])", r"\1", text).replace(" 's", "'s")
    text = re.sub(r"^(\w+) 's\b", r"\1 is", text)
    return text.rstrip("?").rstrip() + "?"
