"""Describe candidate sentences and answer phrases as named features for the linear rankers.

Every feature is generic (question words found, distances in the parse, entity kinds, the
phrase's grammatical role...): nothing names a question, a topic or a corpus. The weights
that combine them are learned by `bench/train_answerer.py` and shipped in
`index/answer/rankers/`.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from index.answer.phrases import CAUSES, cue_phrases, trim
from index.answer.questions import Question
from index.answer.tokens import Tokens, tokens
from index.models import MAX_WORDS
from index.terms import WORD, stem

# Coarse answer kinds: entity labels and roles are crossed with these.
COARSE = {
    "quantity": "number", "count": "number", "percent": "number", "money": "number",
    "ordinal": "number",
    "date": "date", "duration": "date",
    "person": "person", "place": "place", "organisation": "org",
    "reason": "reason", "yesno": "other", "other": "other",
}
LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
          "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
          "CARDINAL")
ROLES = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "compound", "npadvmod",
         "oprd", "acomp", "amod", "advmod", "ROOT")
POS = ("PROPN", "NOUN", "NUM", "ADJ", "ADV", "VERB")
INSTANCES = re.compile(
    r"\b(such as|including|like|namely|especially|notably|covering|e\.g\.)\s*$", re.I
)
INSTANCE_CUES = re.compile(r"\b(such as|including|namely|covering)\b", re.I)


_CHAINS = "newsdesk.chains"  # Doc.user_data key of the cached paths to the root
WINDOW = 4  # tokens either side of a phrase that count as its context
_ORDINAL = re.compile(r"[IVX]+|\d+(st|nd|rd|th)?")  # of a king, a pope, a ship ("II")
WH = ("what", "which", "who", "whom", "whose", "when", "where", "why", "how")


@lru_cache(maxsize=256)
def wh_word(text: str) -> str:
    """Return the question word a question leads with ("" when it has none)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    return next((w for w in words if w in WH), "")


def anchors(doc: Doc, question: Question) -> list[tuple[Token, float]]:
    """Return the tokens that match question terms, each with its term's weight."""
    weight = dict(zip(question.terms, question.weights, strict=True))
    return [(doc[i], weight[s]) for i, s in enumerate(tokens(doc).stems) if s in weight]


def novelty(span: Span, question: Question) -> float:
    """Return the share of the span's content words the question does not already hold."""
    table = tokens(span.doc)
    words = [i for i in range(span.start, span.end) if table.content[i]]
    if not words:
        return 0.0
    return sum(table.stems[i] not in question.terms for i in words) / len(words)


def names_asked(span: Span, question: Question) -> bool:
    """Return True when `span` is only a name that holds one the question uses.

    Asked for a person, an organisation or a place, "Anselm Vallin" for "who's replacing
    Vallin?", "Trennick Resources" for "which company is bidding against Trennick?" and "Lake
    Brennoch" for "where was the Brennoch ferry bound?" name what the question is about, not
    what it asks for, as does "Brennoch Lake Transport Company" for "who's replacing Vallin at
    BLTC?". A part of such a name is one too: "Coachworks" of "Brightwell Coachworks" for
    "who's the boss at Brightwell?". Other names may hold the question's: "Great Yuan" is the
    official name of the Yuan dynasty.
    """
    if question.kind == "person" and _restates(span, question):
        return True
    if not question.names or question.kind not in ("person", "organisation", "place"):
        return False
    table = tokens(span.doc)
    start, end = _whole_name(table, span)
    words = [i for i in range(start, end) if table.content[i]]
    if not words or any(table.pos[i] != "PROPN" for i in words):
        return False
    asked = {n.lower() for n in question.names if not _ORDINAL.fullmatch(n)}  # "Harold II"
    return any(table.lower[i] in asked for i in words) or any(
        _spells(a, [table.text[i] for i in words]) for a in question.acronyms)


def _whole_name(table: Tokens, span: Span) -> tuple[int, int]:
    """Return the token range of the name a span is part of: its entity's run of name words.

    "Coachworks" is part of "Brightwell Coachworks"; "Monte Gargano" is not part of "the
    Archangel Michael at Monte Gargano", nor "Darius Penhale" of "Metro CEO Darius Penhale"
    (two entities).
    """
    entity = next((e for e in table.ents if e.start <= span.start and span.end <= e.end), None)
    if entity is None:
        return span.start, span.end
    start, end = span.start, span.end
    while start > entity.start and table.pos[start - 1] == "PROPN":
        start -= 1
    while end < entity.end and table.pos[end] == "PROPN":
        end += 1
    return start, end


def _spells(acronym: str, words: list[str]) -> bool:
    """Return True when the last words of a name spell out an acronym of three letters or more.

    "Brennoch Lake Transport Company" (after "Operator") spells "BLTC"; "Prime Minister
    Gareth Lowe" does not spell "PM": its last words are a name of its own.
    """
    letters = acronym.rstrip("s").lower()
    initials = "".join(w[0].lower() for w in words)
    return len(letters) >= 3 and initials.endswith(letters)


_SPELT = re.compile(r"[A-Z][A-Z0-9]{1,5}")  # an acronym, as "(NCWU)" spells one out


def _restates(span: Span, question: Question) -> bool:
    """Return True when a name is of the kind of thing a "who" question names besides its answer.

    "Nursing and Care Workers' Union", "NCWU" said after it in brackets, or a part of it, for
    "who's leading the nurses' union?": the union is what the question is about, not who leads
    it. The name's last word is one of the question's nouns, not the role it asks to fill.
    """
    table = tokens(span.doc)
    words = [i for i in range(span.start, span.end)
             if table.content[i] and not _ORDINAL.fullmatch(table.text[i])]  # "William II"
    if not words or any(table.pos[i] != "PROPN" for i in words):
        return False
    head = words[-1]
    if _SPELT.fullmatch(table.text[head]):
        if head < 2 or table.text[head - 1] != "(" or table.pos[head - 2] != "PROPN":
            return False
        head -= 2  # "Union" of "Nursing and Care Workers' Union (NCWU)"
    while (step := _name_goes_on(table, head)):  # "Care Workers' Union"
        head += step
    role = {stem(w) for w in WORD.findall(question.role)}
    asked = set(question.terms) - role - {question.focus}
    return table.stems[head] in asked


def _name_goes_on(table: Tokens, i: int) -> int:
    """Return how many tokens on the name of word `i` goes on (0: it ends there).

    "Workers" goes on to "Union" in "Care Workers' Union"; "William" ends before "II".
    """
    for step in (1, 2):
        j = i + step
        if j >= len(table.text) or _ORDINAL.fullmatch(table.text[j]):
            return 0
        if table.pos[j] == "PROPN":
            return step
        if table.tag[j] != "POS":
            return 0
    return 0


def _chains(doc: Doc) -> list[list[int]]:
    """Return each token's path to its sentence root (token indices), kept with the doc."""
    chains = doc.user_data.get(_CHAINS)
    if chains is None:
        heads = tokens(doc).head
        chains = []
        for i in range(len(heads)):
            chain = [i]
            while heads[chain[-1]] != chain[-1]:
                chain.append(heads[chain[-1]])
            chains.append(chain)
        doc.user_data[_CHAINS] = chains
    return chains


def _arcs(doc: Doc, a: int, b: int) -> int:
    """Return the number of dependency arcs between words `a` and `b` (12 across sentences)."""
    chains = _chains(doc)
    depth = {t: d for d, t in enumerate(chains[b])}
    for d, t in enumerate(chains[a]):
        if t in depth:
            return d + depth[t]
    return 12


def _joined(span: Span) -> Span:
    """Widen a span over words hyphen-joined to it ("second" -> "second-largest")."""
    doc, start, end = span.doc, span.start, span.end
    table = tokens(doc)
    text, space = table.text, table.space
    while (end + 1 < len(doc) and text[end] in "-–"
           and not space[end - 1] and not space[end]):
        end += 2
    while (start >= 2 and text[start - 1] in "-–"
           and not space[start - 2] and not space[start - 1]):
        start -= 2
    return doc[start:end]


def _raw_spans(doc: Doc) -> Iterator[tuple[str, Span]]:
    yield from _after_cues(doc)  # first: a phrase keeps the origin it is first seen with
    table = tokens(doc)
    for entity in table.ents:
        yield "entity", entity
    for chunk in table.chunks:
        yield "chunk", chunk
    for i, (pos, (left, right)) in enumerate(zip(table.pos, table.edges, strict=True)):
        if pos in {"NOUN", "PROPN", "NUM"} and 1 < right + 1 - left <= MAX_WORDS:
            yield "subtree", doc[left : right + 1]
        if pos in {"ADJ", "ADV", "NUM", "PROPN", "NOUN"} and not table.stop[i]:
            yield "word", doc[i : i + 1]


def _after_cues(doc: Doc) -> Iterator[tuple[str, Span]]:
    """Yield the phrase each causal or instance cue introduces ("stemming from X" -> X)."""
    for origin, cues in (("cause", CAUSES), ("instance", INSTANCE_CUES)):
        for _, span in cue_phrases(doc, cues):
            yield origin, span


def span_candidates(doc: Doc, question: Question) -> list[tuple[str, Span]]:
    """Return `(origin, span)` for every distinct phrase that could answer, new to the question."""
    seen: dict[tuple[int, int], tuple[str, Span]] = {}
    for origin, raw in _raw_spans(doc):
        span = trim(_joined(raw))
        if span is None or (span.start, span.end) in seen:
            continue
        if (novelty(span, question) > 0 and not question.rules_out(span.text)
                and not names_asked(span, question)):
            seen[(span.start, span.end)] = (origin, span)
    return list(seen.values())


def _subject_named(table: Tokens, root: int, question: Question) -> bool:
    """Return True when the question names the subject of the verb the phrase is the object of.

    The phrase is the one headed by word `root`.
    """
    head, dep = table.head, table.dep
    verb = head[root]
    if dep[root] == "pobj" and head[verb] != verb:
        verb = head[verb]
    if dep[root] not in {"dobj", "attr", "oprd", "pobj", "acomp"} or table.pos[verb] not in {
            "VERB", "AUX"}:
        return False
    return any(dep[c] in {"nsubj", "nsubjpass"} and table.stems[c] in question.terms
               for c in table.children(verb))


def _governor(table: Tokens, root: int) -> str:
    """Return the stem of the word that the phrase headed by word `root` attaches to.

    A preposition is looked through ("the bill [on] tariffs" -> "bill").
    """
    head = table.head[root]
    if table.dep[head] == "prep" and table.head[head] != head:
        head = table.head[head]
    return table.stems[head]


def entity_label(span: Span) -> str:
    """Return the entity label of the span's head word, else of its first named word."""
    table = tokens(span.doc)
    return _label(table, span, table.root(span.start, span.end))


def _label(table: Tokens, span: Span, root: int) -> str:
    """Return the entity label of word `root`, else of the span's first named word."""
    entity = table.entity
    if entity[root]:
        return entity[root]
    return next((entity[i] for i in range(span.start, span.end) if entity[i]), "")


def span_features(
    origin: str, span: Span, question: Question, found: list[tuple[Token, float]]
) -> dict[str, float]:
    """Describe one candidate answer phrase of a parsed sentence."""
    kind = COARSE[question.kind]
    table = tokens(span.doc)
    root = table.root(span.start, span.end)
    total = sum(w for _, w in found) or 1.0
    outside = [(t, w) for t, w in found if not span.start <= t.i < span.end]
    near = min((abs(t.i - (span.start if t.i < span.start else span.end - 1))
                for t, _ in outside), default=12)
    size = sum(not table.punct[i] for i in range(span.start, span.end))
    label = _label(table, span, root)
    exact_entity = any(e.start == span.start and e.end == span.end for e in table.ents)
    before = table.before(span.start, 3)
    left = sum(w for t, w in outside if 0 < span.start - t.i <= WINDOW) / total
    right = sum(w for t, w in outside if 0 <= t.i - span.end < WINDOW) / total
    wh = wh_word(question.text)
    subject_named = float(_subject_named(table, root, question))
    anchor_governs = float(_governor(table, root) in question.terms)
    cause_cue = float(bool(CAUSES.search(before)))
    features = {
        "bias": 1.0,
        "novelty": novelty(span, question),
        "proximity": sum(w / (1 + _arcs(span.doc, root, t.i)) for t, w in outside) / total,
        "near": 1 / (1 + near),
        "size": min(size, MAX_WORDS) / MAX_WORDS,
        "single": float(size == 1),
        "log_size": math.log1p(size),
        "after_anchor": float(any(t.i < span.start for t, _ in outside)),
        "before_anchor": float(any(t.i >= span.end for t, _ in outside)),
        "exact_entity": float(exact_entity),
        "in_parens": float(span.start > 0 and table.text[span.start - 1] == "("),
        "after_comma": float(span.start > 0 and table.text[span.start - 1] == ","),
        "gerund": float(table.tag[span.start] == "VBG"),
        "cause_cue": cause_cue,
        "instance_cue": float(bool(INSTANCES.search(before))),
        "has_digit": float(any(table.number[span.start : span.end])),
        "anchor_governs": anchor_governs,
        "subject_named": subject_named,
        f"{kind}:subject_named": subject_named,
        f"{kind}:anchor_governs": anchor_governs,
        "left_context": left,
        "right_context": right,
        "both_sides": min(left, right),
        f"wh={wh}:label={label or 'none'}": 1.0,
        f"wh={wh}:role={dep if (dep := table.dep[root]) in ROLES else 'other'}": 1.0,
        f"origin={origin}": 1.0,
        f"{kind}:origin={origin}": 1.0,
        f"{kind}:label={label or 'none'}": 1.0,
        f"{kind}:role={dep if dep in ROLES else 'other'}": 1.0,
        f"{kind}:pos={pos if (pos := table.pos[root]) in POS else 'other'}": 1.0,
        f"{kind}:bias": 1.0,
        f"{kind}:single": float(size == 1),
        f"{kind}:cause_cue": cause_cue,
    }
    if label in question.labels:
        features["label_fits"] = 1.0
    if question.focus:
        features["focus_in_span"] = float(question.focus in table.stems[span.start : span.end])
        features["focus_is_head"] = float(table.stems[root] == question.focus)
        features["focus_governs"] = float(table.stems[table.head[root]] == question.focus)
        features["focus_instance"] = float(bool(INSTANCES.search(before)))
    return features


def bigram_share(question: Question, sentence_stems: list[str]) -> float:
    """Return the share of the question's adjacent term pairs that the sentence holds."""
    pairs = set(zip(question.terms, question.terms[1:], strict=False))
    if not pairs:
        return 0.0
    held = set(itertools.pairwise(sentence_stems))
    return len(pairs & held) / len(pairs)
