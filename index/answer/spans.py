"""Mark candidate answers in the chosen sentences: the reader's spans and the parse's phrases.

The extractive reader (`index.answer.reading`) reads the question with every chosen sentence in one
batch, each distinct sentence once. Two kinds of candidates come out of a sentence, described
on one scale: the reader's best spans, and the phrases the span ranker likes best (spaCy parse:
entities, noun chunks, short subtrees, the phrase after a causal cue or an answer frame), each
scored by the reader's logits for it. A number is widened to its entity and, for "how many",
its unit; what the question rules out ("besides energy") is never a candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from index.answer.analysis import Analysis
from index.answer.clashes import (
    another_event,
    another_figure,
    asked_figures,
    entry_stamp,
    farther_dates,
    hedged,
    other_owner,
    possible,
    qualifiers,
)
from index.answer.config import AnswerConfig
from index.answer.cues import HEDGES
from index.answer.extraction import MAX_WORDS, Option, phrase_options, widen
from index.answer.features import entity_label, names_asked
from index.answer.lexicon import Lexicon
from index.answer.parsing import Parser
from index.answer.questions import verb_phrase
from index.answer.reading import BaseReader, Reading
from index.answer.sentences import Sentence
from index.answer.tokens import text_of
from index.answer.types import answer_type
from index.corpus.sentences import split_sentences
from index.terms import WORD, stem

_STRIP = " \t\n,.;:!?\"'“”‘’()"


@dataclass(frozen=True)
class Candidate:
    """A possible short answer in one sentence (printed by one or more outlets), described."""

    text: str
    sentences: tuple[Sentence, ...]  # the same sentence in each outlet that prints it
    origin: str  # "reader", or the span ranker's origin ("entity", "chunk", "frame", ...)
    reader: float  # the reader's logit for the span (for a frame: its best in the sentence)
    sentence_reader: float  # the reader's best span logit anywhere in the sentence
    null: float  # the reader's no-answer score for the sentence ([CLS])
    phrase: float  # the span ranker's logit (`AnswerConfig.unparsed` for a reader-only span)
    fit: bool  # of the kind asked for: a name for "who", the phrase after a cue for "why"
    predicate: float = 1.0  # how near its sentence's nearest verb is to the question's
    soft: float = 0.0  # the question's words its sentence holds, near words counting (`soft`)
    type: str = "NOUN"  # its answer type in its sentence (`index.answer.types.answer_type`)
    qualifiers: frozenset[str] = frozenset()  # what qualifies a counted noun, unasked
    # ("missing" of "13 people still missing", `index.answer.clashes.qualifiers`)
    another_event: bool = False  # it hangs from another verb than the asked one its sentence
    # has ("returned on Saturday ..., where she held talks", `index.answer.clashes`), or
    # follows another figure than the asked one ("3.2% in August" asked about 4.5%)
    hedged: bool = False  # the clause that states it is hedged ("could rise to 52", `clashes`)
    possible: bool = False  # it says what can be, not what was ("can fine up to 4 per cent")

    @property
    def best(self) -> Sentence:
        """Return the sentence the candidate is read in, as ranked best."""
        return self.sentences[0]


def mark(analysis: Analysis, groups: list[list[Sentence]], reader: BaseReader,
         config: AnswerConfig, lexicon: Lexicon | None = None,
         parser: Parser | None = None) -> list[Candidate]:
    """Return every candidate answer of the sentence groups (each a sentence and its reprints).

    With a lexicon, each candidate also says how near its sentence's verbs come to the
    question's main verb (1.0 without one, or when the question's verb is a light one). The
    parser looks up kept parses (without one, every sentence is parsed).
    """
    if not groups:
        return []
    texts = [group[0].text for group in groups]
    windows = read_windows([group[0] for group in groups], config.context)
    readings: list[list[Reading]] = [[] for _ in texts]
    for reading in reader.readings(analysis.read_as, [text for text, _ in windows]):
        for index, start in windows[reading.passage][1]:
            cropped = crop(reading, start, start + len(texts[index]))
            if cropped is not None:
                readings[index].append(replace(cropped, passage=index))
    docs = (parser or Parser()).parse(texts)
    if lexicon is not None:  # the question's own words, in one batch: the sentences' are kept
        predicate = analysis.question.predicate
        lexicon.vectors([*asked_words(analysis).values(), *([predicate] if predicate else [])])
    verbs = verb_nearness(analysis.question.predicate, docs, lexicon)
    nearness = [max(near.values(), default=0.0) if near is not None else 1.0 for near in verbs]
    held = soft(analysis, docs, lexicon, config.near_word)
    found: list[Candidate] = []
    for rank, (group, doc, windows) in enumerate(zip(groups, docs, readings, strict=True)):
        if other_owner(analysis.question.owners, doc):  # "Carrowmere's chairman" for Trennick's
            continue
        best = max((s.score for w in windows for s in w.best(1)), default=float("-inf"))
        scores = (best, max((w.null for w in windows), default=0.0))
        options = phrase_options(doc, analysis.question)
        farther = _farther(analysis, doc, verbs[rank], config.farther_verb)
        marked = _read_spans(analysis, group, doc, windows, scores, options, config, farther)
        if rank < config.parsed:
            marked.extend(_parsed(analysis, group, doc, windows, scores, options, config,
                                  farther))
        found.extend(replace(c, predicate=nearness[rank], soft=held[rank]) for c in marked)
    return found


def soft(analysis: Analysis, docs: list[Doc], lexicon: Lexicon | None,
         near: float) -> list[float]:
    """Return, per sentence, the weighted share of the question's words it holds.

    A word the sentence lacks counts by the similarity of its nearest word of the sentence
    under the embedding model, when that reaches `near` ("vehicles" for "cars", 0.88;
    "import" for "buy"): paraphrase keeps a question's meaning, not its words. Without a
    lexicon only the question's own words (their stems) count.
    """
    weights = analysis.weights
    asked = asked_words(analysis)
    total = sum(weights[k] for k in asked)
    if not total:
        return [0.0] * len(docs)
    words = [sorted({t.lower_ for t in doc if t.is_alpha and not t.is_stop}) for doc in docs]
    stems = [{stem(w) for w in found} for found in words]
    lacking = sorted(k for k in asked if any(k not in found for found in stems))
    similar: dict[str, dict[str, float]] = {}
    if lacking and lexicon is not None:
        vocabulary = sorted(set().union(*words))
        vectors = lexicon.vectors([asked[k] for k in lacking] + vocabulary)
        table = vectors[: len(lacking)] @ vectors[len(lacking) :].T
        similar = {k: dict(zip(vocabulary, row.tolist(), strict=True))
                   for k, row in zip(lacking, table, strict=True)}
    out = []
    for found, doc_words in zip(stems, words, strict=True):
        credit = 0.0
        for key in asked:
            if key in found:
                credit += weights[key]
            elif key in similar:
                best = max((similar[key][w] for w in doc_words), default=0.0)
                credit += weights[key] * best if best >= near else 0.0
        out.append(credit / total)
    return out


def asked_words(analysis: Analysis) -> dict[str, str]:
    """Return the question's weighed words as asked (lower-cased), by stem."""
    asked: dict[str, str] = {}
    for word in WORD.findall(analysis.text):
        if (key := stem(word)) in analysis.weights:
            asked.setdefault(key, word.lower())
    return asked


def predicates(verb: str, docs: list[Doc], lexicon: Lexicon | None) -> list[float]:
    """Return, per sentence, the similarity of its nearest verb to the question's `verb`."""
    return [max(near.values(), default=0.0) if near is not None else 1.0
            for near in verb_nearness(verb, docs, lexicon)]


def verb_nearness(verb: str, docs: list[Doc], lexicon: Lexicon | None
                  ) -> list[dict[int, float] | None]:
    """Return, per sentence, each of its verbs' similarity to the question's `verb`.

    By token index; a verb with its particle ("turned down"). None without a verb or a lexicon.
    """
    if not verb or lexicon is None:
        return [None] * len(docs)
    phrases = [{t.i: verb_phrase(t) for t in doc if t.pos_ == "VERB"} for doc in docs]
    near = lexicon.similarities(verb, sorted({p for found in phrases for p in found.values()}))
    return [{i: near[p] for i, p in found.items()} for found in phrases]


def _farther(analysis: Analysis, doc: Doc, nearness: dict[int, float] | None,
             margin: float) -> frozenset[int]:
    """Return the tokens of the sentence's dates that date a farther event than another date.

    Asked for a date, in a sentence without the asked verb (`clashes.farther_dates`); with it,
    `clashes.another_event` tells.
    """
    lemma = analysis.question.lemma
    if analysis.kind != "date" or not nearness or not lemma or any(
            t.pos_ == "VERB" and t.lemma_.lower() == lemma for t in doc):
        return frozenset()
    return farther_dates(doc, nearness, margin)


def read_windows(sentences: list[Sentence], around: int
                 ) -> list[tuple[str, list[tuple[int, int]]]]:
    """Return the texts to read for `sentences`, each with the sentences it holds and where.

    Each sentence is read after its article's title and among `around` neighbours of its
    passage each side: the reader was fitted on paragraphs, and "He ruled on Thursday" names
    its judge only for a reader that has seen the sentence before it. Sentences of one passage
    whose neighbourhoods meet share one text, read once. Returns `(text, [(i, offset), ...])`:
    sentence `i` of `sentences` starts at `offset` of `text`.
    """
    ranges: dict[str, list[tuple[int, int, int]]] = {}  # passage id -> (first, last, i)
    alone: list[tuple[str, list[tuple[int, int]]]] = []
    parts: dict[str, list[str]] = {}
    for i, sentence in enumerate(sentences):
        passage = sentence.hit.passage
        split = parts.setdefault(passage.id, split_sentences(passage.text))
        if sentence.index >= len(split) or split[sentence.index] != sentence.text:
            text, offset = titled(passage.title, sentence.text)
            alone.append((text, [(i, offset)]))
            continue
        first = max(sentence.index - around, 0)
        last = min(sentence.index + around, len(split) - 1)
        ranges.setdefault(passage.id, []).append((first, last, i))
    out = []
    for passage_id, spans in ranges.items():
        split = parts[passage_id]
        title = next(sentences[i].hit.passage.title for *_, i in spans)
        spans.sort()
        merged: list[tuple[int, int, list[int]]] = []
        for first, last, i in spans:
            if merged and first <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(last, merged[-1][1]), [*merged[-1][2], i])
            else:
                merged.append((first, last, [i]))
        for first, last, held in merged:
            text, offset = titled(title, " ".join(split[first:last + 1]))
            starts = [offset]
            for part in split[first:last]:
                starts.append(starts[-1] + len(part) + 1)
            out.append((text, [(i, starts[sentences[i].index - first]) for i in held]))
    return out + alone


def titled(title: str, text: str) -> tuple[str, int]:
    """Return `text` after its article's title, as the reader reads it, and the text's offset."""
    title = title.strip()
    if not title or title == text:
        return text, 0
    head = title.rstrip(".") + ". "
    return head + text, len(head)


def crop(reading: Reading, start: int, end: int) -> Reading | None:
    """Return a reading cut to the characters [start, end), its offsets made relative to start.

    None when no token of the window falls inside.
    """
    keep = [i for i, (a, b) in enumerate(reading.offsets) if start <= a and b <= end]
    if not keep:
        return None
    return Reading(reading.passage, tuple((reading.offsets[i][0] - start,
                                          reading.offsets[i][1] - start) for i in keep),
                   tuple(reading.starts[i] for i in keep), tuple(reading.ends[i] for i in keep),
                   reading.null)


def _read_spans(analysis: Analysis, group: list[Sentence], doc: Doc, windows: list[Reading],
                scores: tuple[float, float], options: list[Option], config: AnswerConfig,
                farther: frozenset[int] = frozenset()) -> list[Candidate]:
    """Return the reader's best spans of one sentence as candidates.

    A span is widened to the parse's whole words: the reader's word pieces may end inside one
    ("Patrick Oyelar" of "Patrick Oyelaran"). A span that is one of the sentence's phrases
    (`options`, however the span ranker ranks it) takes that phrase's score; any other span,
    `AnswerConfig.unparsed`.
    """
    ranked: dict[str, float] = {}
    for option in options:
        key = option.text.strip(_STRIP).lower()
        ranked[key] = max(option.score, ranked.get(key, option.score))
    out = []
    text = group[0].text
    for window in windows:
        for span in window.best(config.spans):
            marked = doc.char_span(span.start, span.end, alignment_mode="expand")
            start, end = (span.start, span.end) if marked is None else (
                marked.start_char, marked.end_char)
            phrase = _phrase(text, doc, start, end, analysis)
            if (not phrase or analysis.question.rules_out(phrase)
                    or _names_asked(doc, marked, phrase, analysis)):
                continue
            typed = answer_type(marked) if marked is not None else "NOUN"
            out.append(Candidate(phrase, tuple(group), "reader", span.score, *scores,
                                 ranked.get(phrase.lower(), config.unparsed), False,
                                 type=typed, qualifiers=_unasked(marked, analysis),
                                 another_event=_another_event(marked, analysis, farther),
                                 hedged=_hedged(marked, text),
                                 possible=marked is not None and possible(marked)))
    return out


def _names_asked(doc: Doc, marked: Span | None, phrase: str, analysis: Analysis) -> bool:
    """Return True when the phrase cut from `marked` is no name to answer with.

    It is a name the question already uses (`names_asked`), or it owns the name that answers
    (`_owner_of_name`).
    """
    if marked is None:
        return False
    at = text_of(doc).find(phrase, marked.start_char)
    named = doc.char_span(at, at + len(phrase)) if at >= 0 else None
    return named is not None and (names_asked(named, analysis.question)
                                  or _owner_of_name(named, analysis)
                                  or _owner_of_asked(named, analysis))


def _owner_of_name(span: Span, analysis: Analysis) -> bool:
    """Return True when, asked for a person or a body, the span owns a name that follows it.

    "Osmark" of "a rival suitor, Osmark's Trennick Resources" is where the suitor is from,
    and "Norland" of "Norland's Brightwell Group" who owns it: the name after "'s" answers.
    Asked "whose ...?", the owner is what is asked.
    """
    doc, end = span.doc, span.end
    if analysis.kind not in NAMED or _WHOSE.search(analysis.text):
        return False
    return (end + 1 < len(doc) and doc[end].tag_ == "POS" and doc[end + 1].pos_ == "PROPN"
            and span[-1].pos_ == "PROPN")


_WHOSE = re.compile(r"\bwhose\b", re.IGNORECASE)


def _owner_of_asked(span: Span, analysis: Analysis) -> bool:
    """Return True when, asked what a thing is, the span only says whose it is.

    "government" of "the government's latest pay offer" for "latest pay offer on the
    table?": every word of what it owns is a word of the question, so the sentence names the
    thing asked about, not what it is. Asked who or which body, or whose, the owner may be
    the answer.
    """
    if analysis.kind in NAMED or _WHOSE.search(analysis.text) or span.root.dep_ != "poss":
        return False
    owned = span.root.head
    words = [t for t in owned.subtree
             if not (span.root.left_edge.i <= t.i <= span.root.right_edge.i)
             and ((t.is_alpha and not t.is_stop) or t.like_num)]  # "5.6% pay offer": a figure
    return bool(words) and all(stem(t.text) in analysis.weights for t in words)


def _parsed(analysis: Analysis, group: list[Sentence], doc: Doc, windows: list[Reading],
            scores: tuple[float, float], options: list[Option], config: AnswerConfig,
            farther: frozenset[int] = frozenset()) -> list[Candidate]:
    """Return the span ranker's best phrases of a sentence (`options`), scored by the reader."""
    out = []
    for option in options[: config.phrases]:
        start, end = option.span.start_char, option.span.end_char
        if option.origin == "frame":  # the reader's trust in the sentence, the frame's span
            marks = [v for w in windows if (v := w.best_within(0, len(text_of(doc)))) is not None]
        else:
            marks = [v for w in windows if (v := w.score(start, end)) is not None]
        if marks and option.text and not (_owner_of_name(option.span, analysis)
                                          or _owner_of_asked(option.span, analysis)):
            out.append(Candidate(option.text, tuple(group), option.origin, max(marks), *scores,
                                 option.score, _fits(option, analysis),
                                 type=answer_type(option.span),
                                 qualifiers=_unasked(option.span, analysis),
                                 another_event=_another_event(option.span, analysis,
                                                              farther),
                                 hedged=_hedged(option.span, text_of(doc)),
                                 possible=possible(option.span)))
    return out


def _another_event(span: Span | None, analysis: Analysis,
                   farther: frozenset[int] = frozenset()) -> bool:
    """Return True when the span dates another event than the asked one.

    It hangs from another verb than the asked one (`another_event`), follows another figure
    than the one the question names (`another_figure`), is a live blog's stamp on an entry
    about something else (`entry_stamp`), or its dates are among the sentence's `farther`
    ones (`_farther`).
    """
    if span is None:
        return False
    question = analysis.question
    dated = [t.i for t in span if t.ent_type_ in {"DATE", "TIME"}]
    return (another_event(span, question.lemma, frozenset(analysis.weights), question.event)
            or another_figure(span, asked_figures(analysis.text))
            or entry_stamp(span, question.lemma)
            or (bool(dated) and all(i in farther for i in dated)))


def _hedged(span: Span | None, text: str) -> bool:
    """Return True when the clause stating the span is hedged (its sentence, without a span)."""
    return hedged(span) if span is not None else HEDGES.search(text) is not None


def _unasked(span: Span | None, analysis: Analysis) -> frozenset[str]:
    """Return what qualifies the noun a span counts that the question does not ask about."""
    if span is None:
        return frozenset()
    return frozenset(q for q in qualifiers(span) if stem(q) not in analysis.weights)


def _fits(option: Option, analysis: Analysis) -> bool:
    """Return True when a phrase is of the kind asked for: a name for "who", a cause for "why"."""
    question = analysis.question
    if question.kind == "reason":
        return option.origin in {"cause", "frame"}
    return option.origin == "frame" or (
        bool(question.labels) and entity_label(option.span) in question.labels)


def _phrase(text: str, doc: Doc, start: int, end: int, analysis: Analysis) -> str:
    """Return a reader span as a short answer: a number gets its unit, at most 15 words.

    Asked for an amount, a span that opens with one and runs on past it into a preposition,
    a conjunction or a comma ("120 electric buses from Brightwell last June in a ...", "186 mm
    of rain in 48 hours") is cut to the amount with its unit: the rest is its sentence's.
    Asked anything else but a reason, so is a span that opens with a measure (a share, a sum,
    a quantity: "about 12 per cent by the end of April and to lift tariffs ..." for "rapeseed
    tariff?"). Asked when, a span inside a date is the whole date ("14 July" of "July"), and
    one that opens with a date and runs on is cut to it ("27 March" of "on 27 March in Norland,
    Valdessa and Serravia, with pre-orders opening immediately").
    """
    phrase = text[start:end]
    if analysis.kind == "date":
        if (marked := doc.char_span(start, end, alignment_mode="expand")) is not None:
            phrase = _date_only(widen(marked, analysis.question)).text
    elif analysis.kind in NAMED:
        if (marked := doc.char_span(start, end, alignment_mode="expand")) is not None:
            phrase = _name_only(marked, analysis).text
    elif any(c.isdigit() for c in phrase) or analysis.kind in _AMOUNT_KINDS:  # "Thirty-nine
        # people are confirmed dead and thirteen are still missing" is "Thirty-nine people"
        marked = doc.char_span(start, end, alignment_mode="expand")
        if marked is not None:
            marked = _amount_only(widen(marked, analysis.question), analysis)
            phrase = marked.text
    words = phrase.strip(_STRIP).split()
    return " ".join(words[:MAX_WORDS])


_AMOUNT_KINDS = frozenset({"count", "quantity", "money", "percent"})
_RUN_ON = frozenset({"ADP", "CCONJ", "SCONJ", "PUNCT"})
_PREDICATE = frozenset({"AUX", "VERB"})  # "11 people have died and six are missing"
_MEASURES = frozenset({"PERCENT", "MONEY", "QUANTITY"})  # entity labels of a measured amount
_PERCENT = frozenset({"cent", "percent", "pct", "%"})


def _per_cent(amount: Span) -> Span:
    """Return an amount with the "per cent" after it, which spaCy's entities often leave out."""
    doc, end = amount.doc, amount.end
    if end + 1 < len(doc) and doc[end].lower_ == "per" and doc[end + 1].lower_ == "cent":
        return doc[amount.start : end + 2]
    if end < len(doc) and doc[end].lower_ in _PERCENT:
        return doc[amount.start : end + 1]
    return amount


NAMED = frozenset({"person", "organisation"})  # kinds of question answered by a name
_APPOSED = frozenset({"who", "whose", "which", "that"})


def _name_only(span: Span, analysis: Analysis) -> Span:
    """Return the name a span opens with, asked for a person or a body, when the span runs on.

    "Darius Penhale, the chief executive of Harrowgate Metro" is "Darius Penhale" for "who
    quit?", and is merged with the name said alone; "Jules Mortensen of Roadmap Transit
    Advisory" is "Jules Mortensen". A list ("John Wesley and Charles Wesley", "Fox, Universal
    Pictures"), a name of another kind than asked ("Kessaria, ..." for "who") and a span that
    is the name are kept as they are. A span that opens with a title and ends in the name set
    off after it is the name (`_apposed_name`).
    """
    first = span[0] if span[0].lower_ != "the" or len(span) == 1 else span[1]
    entity = next((e for e in span.doc.ents if e.start == first.i), None)
    if entity is None or entity.label_ not in analysis.question.labels:
        return _apposed_name(span, analysis) or span
    if entity.end >= span.end:
        return span
    doc = span.doc
    after = doc[entity.end]
    if after.pos_ not in _RUN_ON - {"CCONJ"} and after.lower_ not in _APPOSED:
        return span  # "John Wesley and Charles Wesley" is a list
    listed = entity.end + 1 < span.end and doc[entity.end + 1].ent_iob_ == "B" \
        and doc[entity.end + 1].ent_type_ in analysis.question.labels
    return span if listed else doc[span.start : entity.end]  # "Fox, Universal Pictures"


def _apposed_name(span: Span, analysis: Analysis) -> Span | None:
    """Return the name a span ends in, set off after the title it names, or None.

    "Pinmoor's managing director, Edwin Taskel" is "Edwin Taskel" for "who resigned?";
    "the ferry's captain, Emeric Tarvos" is "Emeric Tarvos". Only a name of the kind asked
    for, in apposition to a noun of the span after a comma.
    """
    doc = span.doc
    entity = next((e for e in doc.ents if e.end == span.end and e.start > span.start), None)
    if entity is None or entity.label_ not in analysis.question.labels:
        return None
    root = entity.root
    before = doc[entity.start - 1]
    if before.text != "," or root.dep_ != "appos" or not (
            span.start <= root.head.i < entity.start and root.head.pos_ in {"NOUN", "PROPN"}):
        return None
    return entity


def _date_only(span: Span) -> Span:
    """Return the date a span opens with, when the span runs on past it to no other date."""
    dates = [e for e in span.doc.ents if e.label_ in {"DATE", "TIME"}]
    date = next((e for e in dates if span.start <= e.start <= span.start + 1), None)
    if (date is None or date.label_ != "DATE" or date.end >= span.end
            or span.doc[date.end].pos_ not in _RUN_ON):
        return span
    if any(date.end <= e.start < span.end for e in dates):
        return span  # "March to May", "afternoons at any time from 12:00 to 6:00 p.m."
    return date


def _amount_only(span: Span, analysis: Analysis) -> Span:
    """Return the amount a span opens with, with its unit, when the span runs on past it."""
    lead = span[:3]
    first = next((t for t in lead if t.like_num), None)
    if first is None:
        return span
    amount = _per_cent(widen(span.doc[first.i : first.i + 1], analysis.question))
    if amount.end >= span.end:
        return span
    measured = amount[-1].lower_ in _PERCENT or any(t.ent_type_ in _MEASURES for t in amount)
    if analysis.kind == "reason" or (analysis.kind not in _AMOUNT_KINDS and not measured):
        return span  # a cause runs on; "38,000 will pay ..." may answer "what will happen?"
    after = span.doc[amount.end].pos_
    if after not in _RUN_ON and not (analysis.kind in _AMOUNT_KINDS and after in _PREDICATE):
        return span
    return span.doc[min(span.start, amount.start) : amount.end]  # "12" is "about 12" said
