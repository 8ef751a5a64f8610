"""Cut the short answer out of the sentence that answers: a phrase, never the whole sentence."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from index.questions import Question
from index.terms import stem

MAX_WORDS = 15
# Among entities that fit, the more specific kinds read better as an answer.
_PREFERENCE = {"FAC": 0, "LOC": 1, "GPE": 2, "PERSON": 0, "ORG": 1, "NORP": 2}
# The small NER model confuses names of one kind for another: accept these at a penalty.
_CONFUSED = {
    "person": ("LOC", "GPE", "FAC", "PRODUCT", "WORK_OF_ART"),
    "place": ("ORG", "PERSON", "NORP"),
    "organisation": ("PERSON", "GPE", "NORP", "FAC", "PRODUCT"),
}
_NOUNISH = frozenset({"NOUN", "PROPN", "NUM"})
_EDGE = frozenset(",.;:!?—–-\"'“”‘’()[]{}") | {"and", "or", "but", "'s", "’s"}
_CAUSES = ("because of", "because", "due to", "stemming from", "stemmed from", "caused by",
           "as a result of", "owing to", "following", "after", "from", "over", "amid")
_INSTANCES = ("such as", "including", "like", "covering", "namely", "especially", "notably")
_OBJECT_ROLES = frozenset({"dobj", "attr", "pobj", "oprd", "acomp", "appos", "conj", "npadvmod"})


def _novel(span: Span, question: Question) -> float:
    """Return the share of the span's content words the question does not already hold."""
    words = [t for t in span if (t.is_alpha or t.like_num) and not t.is_stop]
    if not words:
        return 0.0
    fresh = [t for t in words if stem(t.text) not in question.terms]
    return len(fresh) / len(words)


def _anchors(doc: Doc, question: Question) -> list[int]:
    """Return positions of the sentence's tokens that match question terms."""
    return [t.i for t in doc if stem(t.text) in question.terms]


def _distance(span: Span, anchors: list[int]) -> int:
    if not anchors:
        return 0
    return min(
        0 if span.start <= a < span.end else min(abs(a - span.start), abs(a - span.end + 1))
        for a in anchors
    )


def _trim(span: Span) -> str:
    """Return the span's text without edge punctuation or conjunctions, at most MAX_WORDS."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in _EDGE:
        tokens.pop(0)
    while tokens and tokens[-1].lower_ in _EDGE:
        tokens.pop()
    if not tokens:
        return ""
    text = span.doc[tokens[0].i : tokens[-1].i + 1].text
    return " ".join(text.split()[:MAX_WORDS])


def _joined(span: Span) -> Span:
    """Widen a span over words hyphen-joined to it ("second" -> "second-largest")."""
    doc, start, end = span.doc, span.start, span.end
    while (end + 1 < len(doc) and doc[end].text in "-–"
           and not doc[end - 1].whitespace_ and not doc[end].whitespace_):
        end += 2
    while (start >= 2 and doc[start - 1].text in "-–"
           and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_):
        start -= 2
    return doc[start:end]


def _with_unit(entity: Span) -> Span:
    """Widen a bare number to the noun phrase it counts ("49,000" -> "49,000 electric vehicles")."""
    if entity.label_ not in {"CARDINAL", "QUANTITY"}:
        return entity
    for chunk in entity.doc.noun_chunks:
        if chunk.start <= entity.start and entity.end <= chunk.end and len(chunk) <= 8:
            return chunk
    head = entity.root.head
    if head.pos_ == "NOUN" and head.i == entity.end:
        return entity.doc[entity.start : head.i + 1]
    return entity


def entity_options(doc: Doc, question: Question) -> list[tuple[float, str]]:
    """Return `(penalty, text)` for each entity of the asked-for kind; lower is better."""
    anchors = _anchors(doc, question)
    options = []
    confused = _CONFUSED.get(question.kind, ())
    for entity in doc.ents:
        if entity.label_ in question.labels:
            preference = _PREFERENCE.get(entity.label_, 3)
        elif entity.label_ in confused:
            preference = 5
        else:
            continue
        if _novel(entity, question) == 0:
            continue
        penalty = 0.03 * _distance(entity, anchors) + 0.05 * preference
        text = _trim(_joined(_with_unit(entity)))
        if text:
            options.append((penalty, text))
    return options


def _phrase_after(doc: Doc, char: int) -> Span | None:
    """Return the noun phrase that starts at or after character `char` of the sentence."""
    span = doc.char_span(char, len(doc.text), alignment_mode="expand")
    if span is None or not len(span):
        return None
    cue = doc[span.start - 1] if span.start else None
    if cue is not None:
        objects = [c for c in cue.children if c.dep_ in {"pobj", "dobj"} and c.i >= span.start]
        if objects:
            return doc[objects[0].left_edge.i : objects[0].right_edge.i + 1]
    for token in span:
        if token.pos_ in _NOUNISH:
            head = token
            while head.head.i > head.i and head.head.pos_ in _NOUNISH and head.head.i < span.end:
                head = head.head
            return doc[span.start : head.right_edge.i + 1]
    return None


def _after_cues(doc: Doc, question: Question, cues: tuple[str, ...], start: int = 0) -> str:
    """Return the first new phrase one of `cues` introduces after character `start`, or ""."""
    lowered = doc.text.lower()
    for cue in cues:
        at = lowered.find(f" {cue} ", start)
        if at < 0:
            continue
        phrase = _phrase_after(doc, at + len(cue) + 2)
        if phrase is not None and _novel(phrase, question) > 0:
            return _trim(phrase)
    return ""


def reason_answer(doc: Doc, question: Question) -> str:
    """Return the phrase a causal cue introduces ("stemming from X" -> X), or ""."""
    return _after_cues(doc, question, _CAUSES)


def instance_answer(doc: Doc, question: Question) -> str:
    """For "which X" questions, return the instances the sentence names ("X such as A, B")."""
    if not question.focus:
        return ""
    for token in doc:
        if stem(token.text) != question.focus:
            continue
        found = _after_cues(doc, question, _INSTANCES, start=token.idx)
        if found and doc.text.lower().find(found.lower()) - token.idx < 40:
            return found
    return ""


def _phrases(doc: Doc) -> list[Span]:
    """Return noun phrases of the sentence: subtrees of nouns when short, and noun chunks."""
    phrases: list[Span] = list(doc.noun_chunks)
    for token in doc:
        if token.pos_ in _NOUNISH:
            subtree = doc[token.left_edge.i : token.right_edge.i + 1]
            if 1 < len(subtree) <= MAX_WORDS:
                phrases.append(subtree)
    return phrases


def _phrase_score(span: Span, question: Question, anchors: list[int]) -> float:
    """Score a phrase as an answer: new to the question, near its words, in an object role."""
    size = len([t for t in span if not t.is_punct])
    named = {t.ent_type_ for t in span} - {""}
    entity_bonus = 0.3 if named - {"PERSON", "GPE", "NORP"} else 0.1 if named else 0.0
    role = span.root.dep_
    role_bonus = 0.25 if role in _OBJECT_ROLES else -0.2 if role.startswith("nsubj") else 0.0
    verbal = -0.4 if span[0].tag_ == "VBG" else 0.0
    return (_novel(span, question) + entity_bonus + role_bonus + verbal
            - 0.15 * _distance(span, anchors) - 0.03 * size)


def phrase_answer(doc: Doc, question: Question) -> str:
    """Return the noun phrase that best adds to the question, near its words."""
    anchors = _anchors(doc, question)
    scored = [
        (_phrase_score(span, question, anchors), -span.start, span)
        for span in _phrases(doc)
        if _novel(span, question) > 0
    ]
    if not scored:
        return ""
    return _trim(max(scored, key=lambda item: (item[0], item[1]))[2])


def short_answer(doc: Doc, question: Question) -> str:
    """Return the short answer in the sentence `doc` for `question`, or ""."""
    if question.labels:
        options = entity_options(doc, question)
        if options:
            return min(options)[1]
    if question.kind == "reason":
        found = reason_answer(doc, question)
        if found:
            return found
    return instance_answer(doc, question) or phrase_answer(doc, question)
