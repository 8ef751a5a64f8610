"""Answer a question from retrieved passages: pick the sentence, cut the short answer, cite.

No language model: the answer is always a span of the coverage. The sentence is chosen by
three pieces of evidence (its dense similarity to the question, how much of the question's
weighted vocabulary it holds, and how its passage ranked); the short answer is cut from it by
what the question asks for. The answerer abstains when the coverage does not hold what the
question is about, and reports a conflict when sources' best sentences disagree in polarity.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
from spacy.tokens import Doc

from index.embedding import Embedder
from index.extraction import entity_options, short_answer
from index.models import Answer, Citation, Hit
from index.nlp import get_nlp
from index.questions import Question, parse_question
from index.sentences import split_sentences
from index.terms import WORD, stem_words

PASSAGES = 8  # how many top passages are read sentence by sentence
READ = 6  # how many best sentences are parsed for an answer
NEAREST = 3  # passages shown when the coverage does not answer
W_DENSE, W_COVER, W_RANK = 0.45, 0.40, 0.15
MIN_COVERAGE = 0.5  # weighted share of the question's words the best passage must hold
W_FIT = 0.1  # bonus for a sentence that holds the kind of answer asked for
SPECIFIC = frozenset({"place", "person", "organisation"})
CAUSE = re.compile(
    r"\b(because|due to|stemm(ing|ed) from|caused by|as a result|owing to|led to|after)\b", re.I
)
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


@dataclass(frozen=True)
class Candidate:
    """One sentence of a retrieved passage, scored."""

    hit: Hit
    rank: int
    sentence: str
    dense: float
    coverage: float
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
        self.of = {
            term: factor * math.log(1 + n / (evidence.document_frequency(term) + 0.5))
            for term, factor in zip(question.terms, question.weights, strict=True)
        }

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


def _sentence_vectors(embed: Embedder, sentences: list[str]) -> np.ndarray:
    """Embed sentences in one batch, each distinct sentence once."""
    distinct = list(dict.fromkeys(sentences))
    found = dict(zip(distinct, embed.encode(distinct), strict=True))
    return np.vstack([found[s] for s in sentences])


def candidates(evidence: Evidence, weights: Weights) -> list[Candidate]:
    """Split the top passages into sentences and score each."""
    rows: list[tuple[int, Hit, str]] = []
    for rank, hit in enumerate(evidence.hits[:PASSAGES]):
        for sentence in split_sentences(hit.passage.text):
            rows.append((rank, hit, sentence))
    if not rows:
        return []
    vectors = _sentence_vectors(evidence.embed, [s for _, _, s in rows])
    dense = vectors @ evidence.query_vector
    scored = []
    for (rank, hit, sentence), similarity in zip(rows, dense, strict=True):
        coverage = weights.coverage(sentence)
        score = W_DENSE * float(similarity) + W_COVER * coverage + W_RANK / (1 + rank)
        scored.append(Candidate(hit, rank, sentence, float(similarity), coverage, score))
    scored.sort(key=lambda c: -c.score)
    return scored


def _about_it(question: Question, weights: Weights, candidate: Candidate) -> bool:
    """Return True when the candidate's passage is about what the question names."""
    text = f"{candidate.hit.passage.title}\n{candidate.hit.passage.text}"
    if weights.coverage(text) < MIN_COVERAGE:
        return False
    named = [n for n in question.names if n not in question.acronyms]
    found = [n for n in named if stem_words([n])[0] in set(stem_words(WORD.findall(text)))]
    acronyms = [a for a in question.acronyms if acronym_found(a, text)]
    wanted = len(named) + len(question.acronyms)
    return wanted == 0 or (len(found) + len(acronyms)) * 2 >= wanted


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
        if other.coverage < MIN_COVERAGE or not _about_it(question, weights, other):
            continue
        if bool(NEGATION.search(other.sentence)) != negated:
            return other
    return None


def compose(evidence: Evidence) -> Answer:
    """Answer the question in `evidence`, or say the coverage does not."""
    question = parse_question(evidence.question)
    weights = Weights(question, evidence)
    ranked = candidates(evidence, weights)
    relevant = [c for c in ranked if _about_it(question, weights, c)]
    if not relevant:
        return _not_found(evidence.question, ranked)
    best = relevant[0]
    if question.kind == "yesno":
        other = _conflict(question, best, relevant, weights)
        if other is not None:
            return Answer(
                question=evidence.question,
                answered=True,
                answer="Sources disagree",
                sentence=best.sentence,
                conflict=True,
                citations=_cite([best, other]),
            )
        verdict = "No" if NEGATION.search(best.sentence) else "Yes"
        return Answer(evidence.question, True, verdict, best.sentence, False, _cite([best]))
    read, docs = _read(relevant[:READ], question)
    if question.labels:
        options = [
            (candidate.score - penalty, text, candidate)
            for candidate, doc in zip(read, docs, strict=True)
            for penalty, text in entity_options(doc, question)
        ]
        if options:
            _, phrase, candidate = max(options, key=lambda o: o[0])
            phrase, candidate = _more_specific(phrase, candidate, ranked, question)
            return _answered(evidence.question, phrase, candidate, read)
    for candidate, doc in zip(read, docs, strict=True):
        phrase = short_answer(doc, question)
        if phrase:
            return _answered(evidence.question, phrase, candidate, read)
    return _not_found(evidence.question, ranked)


def _read(read: list[Candidate], question: Question) -> tuple[list[Candidate], list[Doc]]:
    """Parse the best sentences and re-rank them by whether they hold the asked-for kind."""
    docs = list(get_nlp().pipe([c.sentence for c in read]))
    rescored = []
    for candidate, doc in zip(read, docs, strict=True):
        fits = bool(entity_options(doc, question)) if question.labels else (
            question.kind == "reason" and bool(CAUSE.search(candidate.sentence))
        )
        rescored.append((replace(candidate, score=candidate.score + W_FIT * fits), doc))
    rescored.sort(key=lambda pair: -pair[0].score)
    return [c for c, _ in rescored], [d for _, d in rescored]


def _more_specific(
    phrase: str, chosen: Candidate, ranked: list[Candidate], question: Question
) -> tuple[str, Candidate]:
    """Prefer a longer name of the same kind that contains the answer ("Beijing's X")."""
    if question.kind not in SPECIFIC:
        return phrase, chosen
    holding = [c for c in ranked if phrase in c.sentence and c is not chosen]
    for candidate, doc in zip(holding, get_nlp().pipe(c.sentence for c in holding),
                              strict=True):
        for entity in doc.ents:
            if entity.label_ in question.labels and phrase in entity.text \
                    and len(entity.text) > len(phrase):
                return entity.text, candidate
    return phrase, chosen


def _answered(question: str, phrase: str, chosen: Candidate, read: list[Candidate]) -> Answer:
    """Return the answer, citing the chosen passage and every other read one that says it."""
    support = [chosen] + [
        c for c in read if c is not chosen and phrase.lower() in c.sentence.lower()
    ]
    return Answer(question, True, phrase, chosen.sentence, False, _cite(support))
