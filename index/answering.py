"""Answer a question from retrieved passages: mark the short answer, give its sentence, cite.

No generative model: the answer is always a span of the coverage. Every sentence of the top
passages is scored (its dense similarity to the question, how much of the question's weighted
vocabulary it holds, how its passage ranked); the extractive reader (`index.reading`) marks
spans in the passages of the best sentences, and a span's score plus its sentence's wins. The
answerer abstains when the coverage does not hold what the question is about, and reports a
conflict when sources' best sentences disagree in polarity.
"""

from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

import numpy as np
from spacy.tokens import Doc

from index.embedding import Embedder
from index.extraction import MAX_WORDS, Option, phrase_options, widen
from index.features import CAUSES, bigram_share, entity_label
from index.models import Answer, Citation, Hit, Passage
from index.nlp import get_nlp
from index.questions import Question, parse_question
from index.ranker import load_ranker
from index.reading import BaseReader, Reading, Span, load_reader
from index.sentences import sentence_spans, split_sentences
from index.terms import WORD, is_known_word, stem, stem_words

PASSAGES = 8  # how many top passages are read sentence by sentence
READ = 6  # how many best sentences may be cited beside the chosen one
READ_PASSAGES = 4  # how many passages (those of the best sentences) the reader reads
SENTENCE_WEIGHT = 2.0  # weight of the sentence ranker's logit beside the reader's span score
NEAREST = 3  # passages shown when the coverage does not answer
PHRASE_WEIGHT = 0.5  # weight of the span ranker's logit for a parsed phrase
UNPARSED = -4.0  # the span-ranker logit a reader span that is no parsed phrase counts as
SPANS = 5  # reader spans per passage window, and parsed phrases per sentence, considered
PARSED = 6  # how many best sentences of the read passages are parsed for phrases
FIT_BONUS = 1.0  # a parsed phrase of the asked-for kind ("who" -> a name) gains this much
FRAME_BONUS = 2.0  # a phrase an answer frame points at (index.frames) gains this much instead
PLACES = frozenset({"FAC", "LOC", "GPE", "ORG"})
MIN_COVERAGE = 0.5  # weighted share of the question's words the best passage must hold
MIN_SCORE = 13.0  # the best answer's score (reader + sentence + phrase) below which none is given
K = TypeVar("K")
V = TypeVar("V")
NEGATION = re.compile(
    r"\b(no|not|never|none|neither|nor|without|yet to|denied|denies|refused|n't)\b", re.I
)


@dataclass(frozen=True)
class Evidence:
    """Everything the answerer may use for one question."""

    question: str
    hits: tuple[Hit, ...]
    query_vector: np.ndarray
    embed: Embedder
    document_frequency: Callable[[str], int]
    documents: int
    search: Callable[[str], tuple[Hit, ...]] | None = None  # the same retrieval, another query
    # the sentence vectors the indexer stored for these passages, by passage id
    stored_sentences: Callable[[list[Passage]], Mapping[str, np.ndarray]] | None = None
    reader: BaseReader | None = None  # None: the shipped reader on torch
    correct: Callable[[str], str | None] | None = None  # a stem one edit away the coverage uses


@dataclass(frozen=True)
class Candidate:
    """One sentence of a retrieved passage, described and scored (a logit)."""

    hit: Hit
    rank: int
    sentence: str
    dense: float
    coverage: float
    features: dict[str, float]
    score: float


def acronym_found(acronym: str, text: str) -> bool:
    """Return True when `text` spells out `acronym` ("EV" -> "electric vehicles")."""
    letters = acronym.lower()
    if re.search(rf"\b{re.escape(acronym)}s?\b", text):
        return True
    words = WORD.findall(text)
    initials = "".join(w[0].lower() for w in words)
    return len(letters) > 1 and letters in initials


class Weights:
    """Inverse document frequency weights for a question's terms."""

    def __init__(self, question: Question, evidence: Evidence) -> None:
        """Weigh each term; terms the coverage never uses weigh most."""
        n = max(evidence.documents, 1)
        self.question = question
        self.of = {}
        names = set(stem_words(list(question.names)))
        words = {stem(w): w for w in WORD.findall(question.text)}
        for term, factor in zip(question.terms, question.weights, strict=True):
            frequency = evidence.document_frequency(term)
            if not frequency and term not in names and evidence.correct is not None \
                    and not is_known_word(words.get(term, term)):
                # a word the coverage never uses may be misspelt ("purhcased"): weigh and
                # look for the word one edit away that it does use; a name, or a common word
                # spelt right ("tourists", not "tourism"), stays as it is
                term = evidence.correct(term) or term
                frequency = evidence.document_frequency(term)
            weight = factor * math.log(1 + n / (frequency + 0.5))
            self.of[term] = max(self.of.get(term, 0.0), weight)

    def coverage(self, text: str) -> float:
        """Return the weighted share of the question's terms that `text` holds."""
        if not self.of:
            return 1.0
        stems = set(stem_words(WORD.findall(text)))
        held = {t for t in self.of if t in stems}
        for acronym in self.question.acronyms:
            if acronym_found(acronym, text):
                held.add(stem_words([acronym])[0])
        return sum(self.of.get(t, 0.0) for t in held) / sum(self.of.values())

    def names_share(self, text: str) -> float:
        """Return the share of the names and acronyms the question uses that `text` holds."""
        named = [n for n in self.question.names if n not in self.question.acronyms]
        wanted = len(named) + len(self.question.acronyms)
        if not wanted:
            return 1.0
        stems = set(stem_words(WORD.findall(text)))
        found = sum(_name_found(n, stems, text) for n in named)
        found += sum(acronym_found(a, text) for a in self.question.acronyms)
        return found / wanted


def _name_found(name: str, stems: set[str], text: str) -> bool:
    """Return True when `text` names `name`: by stem, or verbatim for "V&A", "U.S.", "Sky+HD"."""
    if WORD.fullmatch(name):
        return stem_words([name])[0] in stems
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


class BatchCache(Generic[K, V]):
    """Values by key, the missing ones computed in one batch; least recently used dropped.

    Thread-safe; two threads may compute the same missing value at once (to the same result).
    """

    def __init__(self, size: int) -> None:
        """Hold at most `size` values."""
        self.size = size
        self._values: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """Return how many values are held."""
        return len(self._values)

    def get(self, keys: list[K], compute: Callable[[list[K]], Iterable[V]]) -> list[V]:
        """Return the value of each key, calling `compute` once for the keys not held."""
        with self._lock:
            held = {k: self._values[k] for k in keys if k in self._values}
        missing = [k for k in dict.fromkeys(keys) if k not in held]
        fresh = dict(zip(missing, compute(missing), strict=True)) if missing else {}
        found = {**held, **fresh}
        with self._lock:
            self._values.update(found)
            for key in found:
                self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return [found[k] for k in keys]


SENTENCE_VECTORS: BatchCache[tuple[str, str], np.ndarray] = BatchCache(20_000)  # ~1.5 KB each


@dataclass(frozen=True)
class _Row:
    rank: int
    hit: Hit
    sentence: str
    index: int  # position in its passage
    count: int  # sentences in its passage
    previous: str


def _rows(hits: tuple[Hit, ...]) -> list[_Row]:
    rows = []
    for rank, hit in enumerate(hits):
        sentences = split_sentences(hit.passage.text)
        for i, sentence in enumerate(sentences):
            rows.append(_Row(rank, hit, sentence, i, len(sentences),
                             sentences[i - 1] if i else ""))
    return rows


def _sentence_vectors(evidence: Evidence, rows: list[_Row]) -> np.ndarray:
    """Return each row's sentence vector: stored at index time, else encoded (and cached)."""
    stored: Mapping[str, np.ndarray] = {}
    if evidence.stored_sentences is not None:
        passages = list({r.hit.passage.id: r.hit.passage for r in rows}.values())
        stored = evidence.stored_sentences(passages)
    found: list[np.ndarray | None] = []
    for row in rows:
        vectors = stored.get(row.hit.passage.id)
        if vectors is None or len(vectors) != row.count or np.isnan(vectors[row.index, 0]):
            found.append(None)
        else:
            found.append(vectors[row.index])
    missing = [i for i, v in enumerate(found) if v is None]
    if missing:
        embed = evidence.embed
        encoded = SENTENCE_VECTORS.get([(embed.name, rows[i].sentence) for i in missing],
                                       lambda keys: embed.encode([s for _, s in keys]))
        for i, vector in zip(missing, encoded, strict=True):
            found[i] = vector
    return np.vstack(found)


def candidates(evidence: Evidence, weights: Weights,
               extra: tuple[Hit, ...] = ()) -> list[Candidate]:
    """Split the top passages into sentences, describe each and score it, best first.

    `extra` passages are read after the top ones (ranked below them).
    """
    rows = _rows(evidence.hits[:PASSAGES] + extra)
    if not rows:
        return []
    vectors = _sentence_vectors(evidence, rows)
    dense = vectors @ evidence.query_vector
    coverage = [weights.coverage(r.sentence) for r in rows]
    top_dense, top_coverage = float(dense.max()), max(coverage)
    top_hit = max(evidence.hits[0].score, 1e-9)
    passage_coverage = {
        h.passage.id: weights.coverage(f"{h.passage.title}\n{h.passage.text}")
        for h in evidence.hits[:PASSAGES] + extra
    }
    question = weights.question
    wants_digit = question.kind in {"quantity", "percent", "money", "date", "duration"}
    ranker = load_ranker("sentence")
    scored = []
    for row, similarity, covered in zip(rows, dense, coverage, strict=True):
        stems = stem_words(WORD.findall(row.sentence))
        features = {
            "bias": 1.0,
            "dense": float(similarity),
            "dense_gap": float(similarity) - top_dense,
            "coverage": covered,
            "coverage_gap": covered - top_coverage,
            "passage_coverage": passage_coverage[row.hit.passage.id],
            "rank": 1 / (1 + row.rank),
            "retrieval": row.hit.score / top_hit,
            "bigrams": bigram_share(question, stems),
            "first": float(row.index == 0),
            "position": row.index / max(row.count - 1, 1),
            "log_length": math.log1p(len(stems)),
            "previous_coverage": weights.coverage(row.previous) if row.previous else 0.0,
            "digit_wanted": float(wants_digit and any(c.isdigit() for c in row.sentence)),
            "cause_wanted": float(question.kind == "reason" and bool(CAUSES.search(row.sentence))),
            "names": weights.names_share(row.sentence),
        }
        scored.append(Candidate(row.hit, row.rank, row.sentence, float(similarity), covered,
                                features, ranker.score(features)))
    scored.sort(key=lambda c: -c.score)
    return scored


def _about_it(weights: Weights, candidate: Candidate) -> bool:
    """Return True when the candidate's passage is about what the question names."""
    text = f"{candidate.hit.passage.title}\n{candidate.hit.passage.text}"
    return weights.coverage(text) >= MIN_COVERAGE and weights.names_share(text) >= 0.5


def _cite(candidates_used: list[Candidate]) -> tuple[Citation, ...]:
    citations = []
    seen: set[str] = set()
    for candidate in candidates_used:
        passage = candidate.hit.passage
        if passage.id in seen:
            continue
        seen.add(passage.id)
        citations.append(
            Citation(
                n=len(citations) + 1,
                source=passage.source,
                title=passage.title,
                paragraph=passage.paragraph,
                quote=candidate.sentence,
                score=candidate.score,
                url=passage.url,
                published=passage.published,
            )
        )
    return tuple(citations)


def _not_found(question: str, ranked: list[Candidate]) -> Answer:
    nearest: list[Candidate] = []
    for candidate in ranked:
        if candidate.hit.passage.id not in {c.hit.passage.id for c in nearest}:
            nearest.append(candidate)
    return Answer(question=question, answered=False, citations=_cite(nearest[:NEAREST]))


def _conflict(question: Question, best: Candidate, ranked: list[Candidate],
              weights: Weights) -> Candidate | None:
    """Return a strong sentence from another source whose polarity opposes `best`'s."""
    if question.kind != "yesno":
        return None
    negated = bool(NEGATION.search(best.sentence))
    for other in ranked[1:]:
        if other.hit.passage.source == best.hit.passage.source:
            continue
        if other.coverage < MIN_COVERAGE or not _about_it(weights, other):
            continue
        if bool(NEGATION.search(other.sentence)) != negated:
            return other
    return None


def compose(evidence: Evidence) -> Answer:
    """Answer the question in `evidence`, or say the coverage does not."""
    question = parse_question(evidence.question)
    weights = Weights(question, evidence)
    ranked = candidates(evidence, weights)
    relevant = [c for c in ranked if _about_it(weights, c)]
    if not relevant:
        return _not_found(evidence.question, ranked)
    if question.kind == "yesno":
        return _yes_or_no(evidence.question, question, weights, relevant)
    chosen = _read(evidence.reader or load_reader(), evidence.question, question, ranked)
    if chosen is None:
        return _not_found(evidence.question, ranked)
    phrase, candidate = chosen
    if question.kind == "place":
        phrase, candidate = _more_specific(phrase, candidate, ranked, evidence, weights)
    return _answered(evidence.question, phrase, candidate, relevant[:READ])


def _more_specific(phrase: str, chosen: Candidate, ranked: list[Candidate],
                   evidence: Evidence, weights: Weights) -> tuple[str, Candidate]:
    """Prefer a named place inside the answer ("Beijing" -> "Beijing's Great Hall").

    The read sentences are searched first, then the passages retrieved for the question with
    the answer added (where the coverage names the answer, a place inside it may be near).
    """
    marks = (f"{phrase}'s ", f"{phrase}’s ")
    for candidate in _marked_sentences(marks, ranked, evidence, weights):
        doc = _parse(candidate.sentence)
        for entity in doc.ents:
            if entity.label_ not in PLACES:
                continue
            if entity.text.startswith(marks):
                return entity.text, candidate
            owner = doc[max(0, entity.start - 2) : entity.end]  # "Oslo 's City Hall"
            if owner.text.replace(" ", "").startswith(tuple(m.strip() for m in marks)):
                return owner.text, candidate
    return phrase, chosen


def _marked_sentences(marks: tuple[str, ...], ranked: list[Candidate], evidence: Evidence,
                      weights: Weights) -> Iterator[Candidate]:
    """Yield the read sentences holding one of `marks`, then those of passages found with them."""
    yield from (c for c in ranked if any(m in c.sentence for m in marks))
    if evidence.search is None:
        return
    read = {c.hit.passage.id for c in ranked}
    extra = tuple(h for h in evidence.search(f"{evidence.question} {marks[0].strip()}")
                  if h.passage.id not in read and any(m in h.passage.text for m in marks))
    if extra:
        yield from (c for c in candidates(evidence, weights, extra)
                    if c.hit in extra and any(m in c.sentence for m in marks))


def _yes_or_no(text: str, question: Question, weights: Weights,
               relevant: list[Candidate]) -> Answer:
    """Answer yes or no from the best sentence, or report sources that disagree."""
    best = relevant[0]
    other = _conflict(question, best, relevant, weights)
    if other is not None:
        return Answer(text, True, "Sources disagree", best.sentence, True, _cite([best, other]))
    verdict = "No" if NEGATION.search(best.sentence) else "Yes"
    return Answer(text, True, verdict, best.sentence, False, _cite([best]))


@dataclass(frozen=True)
class _Choice:
    """A possible short answer: a reader span or a parsed phrase, in its sentence, scored."""

    total: float
    candidate: Candidate
    span: Span | None = None  # a span the reader marked (made a phrase only if it wins)
    phrase: str = ""  # a phrase of the parsed sentence


def _read(reader: BaseReader, text: str, question: Question,
          ranked: list[Candidate]) -> tuple[str, Candidate] | None:
    """Mark the answer: reader spans and parsed phrases of the best sentences, scored together."""
    hits: list[Hit] = []
    for candidate in ranked:
        if all(h.passage.id != candidate.hit.passage.id for h in hits):
            hits.append(candidate.hit)
        if len(hits) == READ_PASSAGES:
            break
    readings = reader.readings(text, [h.passage.text for h in hits])
    choices = _marked(question, hits, readings, ranked) + _parsed(question, hits, readings,
                                                                  ranked)
    best = max(choices, key=lambda c: c.total, default=None)
    if best is None or best.total < MIN_SCORE:  # nothing read answers it with any confidence
        return None
    phrase = best.phrase if best.span is None else _phrase(best.span, best.candidate, question)
    return phrase, best.candidate


def _marked(question: Question, hits: list[Hit], readings: list[Reading],
            ranked: list[Candidate]) -> list[_Choice]:
    """Return the reader's best spans that lie within one sentence, each with its sentence."""
    of_sentence = {(c.hit.passage.id, c.sentence): c for c in ranked}
    choices = []
    for reading in readings:
        hit = hits[reading.passage]
        bounds = sentence_spans(hit.passage.text)
        for span in reading.best(SPANS):
            if question.rules_out(hit.passage.text[span.start : span.end]):
                continue
            start, end = next(((s, e) for s, e in bounds if s <= span.start < e), (0, 0))
            if span.end > end:  # an answer never runs on into the next sentence
                continue
            candidate = of_sentence.get((hit.passage.id, hit.passage.text[start:end].strip()))
            if candidate is not None:
                total = span.score + SENTENCE_WEIGHT * candidate.score + PHRASE_WEIGHT * UNPARSED
                choices.append(_Choice(total, candidate, span=span))
    return choices


def _parsed(question: Question, hits: list[Hit], readings: list[Reading],
            ranked: list[Candidate]) -> list[_Choice]:
    """Return the span ranker's best phrases of the best sentences, each scored by the reader."""
    index_of = {h.passage.id: i for i, h in enumerate(hits)}
    choices = []
    parsed = [c for c in ranked if c.hit.passage.id in index_of][:PARSED]
    docs = _parse_all([c.sentence for c in parsed])
    for candidate, doc in zip(parsed, docs, strict=True):
        offset = candidate.hit.passage.text.find(candidate.sentence)
        if offset < 0:
            continue
        windows = [r for r in readings if r.passage == index_of[candidate.hit.passage.id]]
        for option in phrase_options(doc, question)[:SPANS]:
            start, end = offset + option.span.start_char, offset + option.span.end_char
            if option.origin == "frame":  # the reader's trust in the sentence, the frame's span
                start, end = offset, offset + len(candidate.sentence)
                scores = [v for r in windows if (v := r.best_within(start, end)) is not None]
            else:
                scores = [v for r in windows if (v := r.score(start, end)) is not None]
            if scores:
                total = max(scores) + SENTENCE_WEIGHT * candidate.score \
                    + PHRASE_WEIGHT * option.score + _bonus(option, question)
                choices.append(_Choice(total, candidate, phrase=option.text))
    return choices


def _bonus(option: Option, question: Question) -> float:
    """Return what a phrase gains for being framed, or of the kind asked for."""
    if option.origin == "frame":
        return FRAME_BONUS
    return FIT_BONUS * _fits(option, question)


def _fits(option: Option, question: Question) -> bool:
    """Return True when a phrase is of the kind asked for: a name for "who", a cause for "why"."""
    if question.kind == "reason":
        return option.origin == "cause"
    return bool(question.labels) and entity_label(option.span) in question.labels


PARSES: BatchCache[str, Doc] = BatchCache(4096)  # spaCy parses of read sentences


def _parse(sentence: str) -> Doc:
    """Parse a sentence once (the same sentences come back for related questions)."""
    return _parse_all([sentence])[0]


def _parse_all(sentences: list[str]) -> list[Doc]:
    """Parse sentences, those not parsed before in one batch (about half the time of each alone)."""
    return PARSES.get(sentences, lambda missing: get_nlp().pipe(missing))


def _phrase(span: Span, candidate: Candidate, question: Question) -> str:
    """Return a reader span as a short answer: a number gets its unit, at most 15 words."""
    text = candidate.hit.passage.text
    phrase = text[span.start : span.end]
    offset = text.find(candidate.sentence)
    if offset >= 0 and any(c.isdigit() for c in phrase):
        marked = _parse(candidate.sentence).char_span(
            span.start - offset, span.end - offset, alignment_mode="expand")
        if marked is not None:
            phrase = widen(marked, question).text
    words = phrase.strip(" \t\n,.;:!?\"'“”‘’()").split()
    return " ".join(words[:MAX_WORDS])


def _answered(question: str, phrase: str, chosen: Candidate, read: list[Candidate]) -> Answer:
    """Return the answer, citing the chosen passage and every other read one that says it."""
    support = [chosen] + [
        c for c in read if c is not chosen and phrase.lower() in c.sentence.lower()
    ]
    return Answer(question, True, phrase, chosen.sentence, False, _cite(support))
