"""Answer frames: constructions in which a sentence says outright what a question asks.

Three kinds of question name the thing they ask about and expect a fixed construction around it:

- **description**: "How did Xi describe the relations?" / "What did critics call the plan?" is
  answered where the coverage uses a verb of the same kind on the same thing: "X described Y
  as Z", "X called Y Z", "Y, which X saw as Z", or, for a describing question, reports X's
  words about Y: "Xi said that relations had reached Z". The answer is Z.
- **cause**: "What caused the tension?" / "Why did the line close?" is answered where a causal
  cue stands beside the effect the question names: "tensions ..., stemming from Z", "the line
  closed because of Z". The answer is the phrase the cue introduces.
- **charge**: "What is the captain accused of?" / "What was Smith convicted of?" is answered
  where a verb of accusing is said of the same person: "the captain was charged with Z",
  "police arrested the captain on suspicion of Z", "he was found guilty of Z". The answer is Z.

A frame is found with the dependency parse (spaCy) and the question's words, never a topic:
`question_frame` reads the question, `frame_spans` finds what a parsed sentence frames. The
reader, fitted on a few thousand questions, often prefers a phrase nearer the question's words
over the one a frame points at; a frame that fits is the surer answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from index.answer.phrases import CAUSES, cue_phrases, trim
from index.models import MAX_WORDS
from index.terms import STOPWORDS, stem

# Verbs by their lemma (spaCy's lemmatizer: "saw" -> "see", "told" -> "tell"). A sentence
# answers a describing question only with a verb of the question's own kind.
VERB_KINDS = {
    "describe": frozenset("describe characterise characterize portray depict paint".split()),
    "view": frozenset("view see regard consider deem".split()),
    "call": frozenset("call term dub name label brand nickname".split()),
    # accusing: "accused of", "charged with", "arrested on suspicion of", "jailed for"
    "charge": frozenset("accuse charge convict suspect indict arrest detain prosecute jail "
                        "find plead".split()),
}
SAYING = frozenset("say state tell declare note add claim argue insist stress warn remark "
                   "write comment observe".split())
CAUSING = frozenset("cause lead prompt trigger drive reason be do have happen".split())
COMPLEMENTS = frozenset({"attr", "acomp", "oprd", "dobj"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
CAUSE_WINDOW = 8  # tokens between an effect word and the causal cue that explains it
EFFECT_WORDS = 2  # distinct effect words the cue must stand beside (fewer if the effect has)


@dataclass(frozen=True)
class Frame:
    """What a question frames: its kind, the stems of its topic and of who speaks."""

    kind: str  # "describe", "view", "call" or "charge" (a verb kind), or "cause"
    topic: frozenset[str]  # the thing described, the person accused, or the effect whose
    # cause is asked
    agent: frozenset[str] = frozenset()  # who describes ("Xi"), when the question says


# Openings that say when ("since" and "as" may give a reason too: "since it was cheaper")
_WHEN = re.compile(r"^(?:after|before|when|whenever|while|until|till|during|as soon as|"
                   r"in \d{4}|(?:on |last |next |early |late )?(?:monday|tuesday|wednesday|"
                   r"thursday|friday|saturday|sunday|january|february|march|april|june|july|"
                   r"august|september|october|november|december|yesterday|today|tonight))\b",
                   re.IGNORECASE)


def gives_reason(phrase: str) -> bool:
    """Return True when a phrase may give a reason: in more than one word, and not a time.

    "Why ...?" is not answered by "hospitals" nor by "after the storm warning had been issued"
    (that says when). None of SQuAD's 94 reason questions in its dev part B has a gold answer
    of one word or one opening so.
    """
    return len(phrase.split()) > 1 and not _WHEN.match(phrase.strip())


# What a cause is said to have done, right after it: "the increase in tea drinking led to ..."
_CAUSED = re.compile(r"^[\s,]*(?:\w+\s+)?(?:led|leads?|leading|caused?|causes|causing|"
                     r"prompt(?:s|ed)?|trigger(?:s|ed)?|dr[oi]ve|drives|sparked|sparks|"
                     r"result(?:s|ed)? in)\b", re.IGNORECASE)
# What comes before a reason stated as one: "The reason for the majority rule is ..."
_REASON_IS = re.compile(r"\breasons? (?:for|why|behind)\b[^.;]*?\b(?:is|was|are|were)\s+$",
                        re.IGNORECASE)
CUE_GAP = 4  # words a reason may stand after its causal cue ("because it was thought their")


def placed_as_reason(sentence: str, phrase: str) -> bool:
    """Return True when a sentence gives a phrase as a reason.

    It holds a causal cue, or stands at most `CUE_GAP` words after one ("closed because of
    the smoke"), or is what caused something ("the increase in tea drinking led to"), or what
    "the reason for" something "is". "Why did the fire start?" is not answered by "a large fire
    at a recycling plant" of "crews spent the night tackling a large fire at a recycling
    plant, and residents were told to keep windows closed because of the smoke": its sentence
    gives a reason, but for something else.
    """
    at = sentence.find(phrase)
    if at < 0:
        return False
    end = at + len(phrase)
    for cue in CAUSES.finditer(sentence):
        if at <= cue.start() < end or (
                cue.end() <= at and len(sentence[cue.end():at].split()) <= CUE_GAP):
            return True
    return bool(_CAUSED.match(sentence[end:]) or _REASON_IS.search(sentence[:at]))


def _stems(tokens: Iterable[Token]) -> frozenset[str]:
    return frozenset(
        stem(t.text) for t in tokens
        if (t.is_alpha or t.like_num) and not t.is_stop and t.lower_ not in STOPWORDS
    )


def _subtree(token: Token) -> Span:
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def _verb_kind(token: Token) -> str:
    return next((kind for kind, verbs in VERB_KINDS.items() if token.lemma_.lower() in verbs),
                "")


def question_frame(doc: Doc, kind: str) -> Frame | None:
    """Return the frame a parsed question asks for, or None (most questions frame nothing)."""
    if kind == "reason":  # the effect: its common words (names stand beside many a cue)
        topic = _stems(t for t in doc if t.pos_ in {"NOUN", "VERB", "ADJ"}
                       and t.lemma_.lower() not in CAUSING)
        return Frame("cause", topic) if topic else None
    verb = next((t for t in doc if t.pos_ == "VERB" and _verb_kind(t)), None)
    if verb is None or not _asks_how(doc, verb):
        return None
    # the small parser often calls a passive question's subject nsubj: "How is Y described?"
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    objects = {"dobj", "nsubjpass", "nsubj"} if passive else {"dobj", "nsubjpass"}
    described = [c for c in verb.children if c.dep_ in objects
                 and c.lower_ not in {"what", "which", "how"}]
    if verb.dep_ in {"acl", "relcl"}:  # "what's the captain accused of?"
        described.append(verb.head)
    topic = _stems(t for c in described for t in _subtree(c))
    agents = [c for c in verb.children if c.dep_ == "agent"] if passive else [
        c for c in verb.children if c.dep_ == "nsubj"]  # "by workers" / "critics"
    agent = _stems(t for c in agents for t in _subtree(c))
    return Frame(_verb_kind(verb), topic, agent) if topic else None


def _asks_how(doc: Doc, verb: Token) -> bool:
    """Return True for "How did X describe Y?", "What did X describe Y as?", "What is Y called?"."""
    first = doc[0].lower_
    if _verb_kind(verb) == "charge":  # "what is he accused of?", "what was she charged with?"
        return first in {"what", "which"} and any(
            t.lower_ in _CHARGING for t in doc[verb.i + 1 :])
    if first == "how":
        return True
    if first not in {"what", "which"}:
        return False
    return _verb_kind(verb) == "call" or any(t.lower_ == "as" for t in doc[verb.i + 1 :])


def frame_spans(doc: Doc, frame: Frame) -> list[Span]:
    """Return the phrases of a parsed sentence that `frame` points at, in sentence order."""
    found = _causes(doc, frame) if frame.kind == "cause" else _descriptions(doc, frame)
    spans = {(s.start, s.end): s for raw in found if (s := trim(raw)) is not None}
    return [spans[k] for k in sorted(spans)]


def _causes(doc: Doc, frame: Frame) -> Iterator[Span]:
    """Yield each cue phrase ("stemming from Z") that stands beside the effect asked about."""
    wanted = min(EFFECT_WORDS, len(frame.topic))
    for cue, phrase in cue_phrases(doc, CAUSES):
        near = [*doc[max(0, cue.start - CAUSE_WINDOW) : cue.start],
                *doc[phrase.end : phrase.end + CAUSE_WINDOW]]
        if len(_stems(near) & frame.topic) >= wanted:
            yield phrase


def _descriptions(doc: Doc, frame: Frame) -> Iterator[Span]:
    for token in doc:
        if frame.kind == "charge":
            if _verb_kind(token) == "charge" and any(
                    _names(t, frame) or t.pos_ == "PRON" for t in _accused(token)):
                yield from _charges(token)
            continue
        if _verb_kind(token) == frame.kind and _by_agent(token, frame, required=False) and any(
                _names(t, frame) for t in _described(token)):
            yield from _as_complements(token)
        if frame.kind == "describe" and token.lemma_.lower() in SAYING \
                and _by_agent(token, frame):
            for clause in (c for c in token.children if c.dep_ == "ccomp"):
                if any(c.dep_ in SUBJECTS and _names(c, frame) for c in clause.children):
                    yield from (_subtree(c) for c in clause.children
                                if c.dep_ in COMPLEMENTS and len(_subtree(c)) <= MAX_WORDS)


def _described(verb: Token) -> list[Token]:
    """Return what a describing verb describes: its object, passive subject or relative head."""
    described = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ in {"relcl", "acl"}:  # "Erfurt, which he described as ..."
        described.append(verb.head)
    return described


def _names(token: Token, frame: Frame) -> bool:
    """Return True when the phrase headed by `token` is the question's topic (its head word)."""
    return stem(token.text) in frame.topic


def _as_complements(verb: Token) -> Iterator[Span]:
    """Yield Z of "described Y as Z" and of "called Y Z"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            for part in child.children:
                if part.dep_ in {"pobj", "pcomp", "amod", "acomp"}:
                    yield _subtree(part)
        elif child.dep_ in {"oprd", "attr"} and _verb_kind(verb) == "call":
            yield _subtree(child)


def _accused(verb: Token) -> list[Token]:
    """Return who a verb of accusing accuses: its object, passive subject or relative head.

    Whoever pleads is the accused ("the captain pleaded guilty to ...").
    """
    if verb.lemma_.lower() == "plead":
        return [c for c in verb.children if c.dep_ in SUBJECTS]
    return _described(verb)


def _charges(verb: Token) -> Iterator[Span]:
    """Yield Z of "charged with Z", "accused of Z", "on suspicion of Z", "found guilty of Z".

    "find" and "plead" accuse only through "guilty" ("found guilty of fraud", "pleaded
    guilty to theft"); "arrested on Monday" names no charge.
    """
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "accused X of Z"
    if verb.lemma_.lower() in _THROUGH_GUILTY:  # "of" may hang from either word
        guilty = [c for c in verb.children if c.lower_ in _GUILTY]
        heads = [verb, *guilty] if guilty else []
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in _CHARGING):
            for part in (c for c in prep.children if c.dep_ == "pobj"):
                if part.lemma_.lower() in _GROUNDS:  # "on suspicion of manslaughter"
                    yield from (_subtree(p) for o in part.children
                                if o.dep_ == "prep" and o.lower_ == "of"
                                for p in o.children if p.dep_ == "pobj")
                elif prep.lower_ != "on" and part.pos_ in {"NOUN", "PROPN"}:
                    yield _subtree(part)


_CHARGING = frozenset({"of", "with", "for", "over", "to", "on"})  # the charge's preposition
_GROUNDS = frozenset({"suspicion", "charge", "allegation", "count"})  # "on suspicion of Z"
_THROUGH_GUILTY = frozenset({"find", "plead"})
_GUILTY = frozenset({"guilty", "innocent"})


def _by_agent(verb: Token, frame: Frame, required: bool = True) -> bool:
    """Return True when the verb's subject is the question's agent (or either is unknown).

    Reported words must be the agent's; a describing verb's subject only must not be someone
    else ("Economists view Y as Z" does not say how workers view Y; "he saw Y as Z" may).
    """
    if not frame.agent:
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not required and not [s for s in subjects if s.pos_ != "PRON"]:
        return True
    return any(_stems(_subtree(s)) & frame.agent for s in subjects)
