"""Choose the sentences to read: every sentence of the retrieved passages, described and ranked.

Each sentence is described by its dense similarity to the question (sentence vectors stored
at index time, `index.store.vectors`), the weighted share of the question's words it and its passage
hold, the question's names it holds and its passage's rank; the sentence ranker
(`index/answer/rankers/sentence.json`) orders them. The best distinct sentences are read: a sentence
that several outlets print word for word is read once and supports each of them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from index.answer.analysis import Analysis
from index.answer.config import AnswerConfig
from index.answer.features import bigram_share
from index.answer.phrases import CAUSES
from index.answer.ranker import load_ranker
from index.corpus.sentences import split_sentences
from index.models import Hit
from index.terms import WORD, stem_words

DIGIT_KINDS = frozenset({"quantity", "count", "percent", "money", "date", "duration"})


@dataclass(frozen=True)
class Sentence:
    """One sentence of a retrieved passage, described and pre-ranked (a logit)."""

    hit: Hit
    rank: int  # its passage's rank among the hits read
    index: int  # its position in the passage
    text: str
    features: dict[str, float]
    score: float

    @property
    def key(self) -> str:
        """Return what makes two outlets' sentences the same sentence (case and spacing aside)."""
        return " ".join(self.text.lower().split())


def spread(hits: tuple[Hit, ...], config: AnswerConfig) -> tuple[Hit, ...]:
    """Return the hits to read, best first, spread over as many articles as were found.

    At most `per_article` passages of one article are read while other articles offer more,
    besides its lead (its first `lead` paragraphs: in news the lead states the story's main
    facts, and a plain-text article's first paragraph is its headline); when too few articles
    were found, the best of the rest fill the places left.
    """
    taken: dict[str, int] = {}
    first, rest = [], []
    for hit in hits:
        count = taken.get(hit.passage.source, 0)
        lead = hit.passage.paragraph <= config.lead
        (first if count < config.per_article or lead else rest).append(hit)
        taken[hit.passage.source] = count + (not lead)
    chosen = set(map(id, (first + rest)[: config.passages]))
    return tuple(h for h in hits if id(h) in chosen)


def describe(analysis: Analysis, hits: tuple[Hit, ...], query_vector: np.ndarray,
             vectors: Mapping[str, np.ndarray]) -> list[Sentence]:
    """Describe every sentence of `hits` and rank them, best first.

    `vectors` holds each passage's sentence vectors (one row per sentence), by passage id.
    """
    rows = [(rank, hit, i, text) for rank, hit in enumerate(hits)
            for i, text in enumerate(split_sentences(hit.passage.text))]
    if not rows:
        return []
    dense = np.array([float(vectors[hit.passage.id][i] @ query_vector)
                      for _, hit, i, _ in rows])
    held = [analysis.held(text) for *_, text in rows]
    coverage = [analysis.share(words) for words in held]
    headlines = {h.passage.id: analysis.held(h.passage.title) for h in hits}
    top_dense, top_coverage = float(dense.max()), max(coverage)
    passage_coverage = {h.passage.id: analysis.coverage(f"{h.passage.title}\n{h.passage.text}")
                        for h in hits}
    counts = {h.passage.id: len(vectors[h.passage.id]) for h in hits}
    top_hit = max(hits[0].score, 1e-9)
    ranker = load_ranker("sentence")
    wants_digit = analysis.kind in DIGIT_KINDS
    out = []
    for k, ((rank, hit, i, text), similarity, covered) in enumerate(
            zip(rows, dense, coverage, strict=True)):
        stems = stem_words(WORD.findall(text))
        # in context: after its headline and the sentence before it (rows run in passage order)
        context = held[k] | headlines[hit.passage.id] | (held[k - 1] if i else set())
        features = {
            "bias": 1.0,
            "dense": float(similarity),
            "dense_gap": float(similarity) - top_dense,
            "coverage": covered,
            "coverage_gap": covered - top_coverage,
            "context_coverage": analysis.share(context),
            "missing": analysis.lacking(held[k]),
            "context_missing": analysis.lacking(context),
            "refers_back": float(refers_back(text)),
            "passage_coverage": passage_coverage[hit.passage.id],
            "rank": 1 / (1 + rank),
            "retrieval": hit.score / top_hit,
            "bigrams": bigram_share(analysis.question, stems),
            "first": float(i == 0),
            "position": i / max(counts[hit.passage.id] - 1, 1),
            "log_length": math.log1p(len(stems)),
            "digit_wanted": float(wants_digit and any(c.isdigit() for c in text)),
            "cause_wanted": float(analysis.kind == "reason" and bool(CAUSES.search(text))),
            "names": analysis.names_share(text),
        }
        out.append(Sentence(hit, rank, i, text, features, ranker.score(features)))
    out.sort(key=lambda s: -s.score)
    return out


# A sentence that opens on what it calls by a description or a pronoun ("The ferry, built in
# 1983, ...", "It had ..."): news names its subject before, in the headline or the lead, and
# "The regulator said on Wednesday that its review ..." follows "The Competition Board has
# opened an investigation ...". Each sentence is also described in context (`describe`).
_REFERRING = re.compile(r"^(?:(?:The|This|That|These|Those|Its|His|Her|Their)\s+(?![A-Z])"
                        r"|(?:It|He|She|They)\b)")


def refers_back(text: str) -> bool:
    """Return True when a sentence opens on a description or a pronoun of something named before.

    "The ferry, built in 1983, had sailed ...", "It was built in 1983": yes. "The Orsola Grey
    was built in 1979", "San Diego has 1.3 million people": no, they name it themselves.
    """
    return _REFERRING.match(text) is not None


def distinct(sentences: list[Sentence], count: int) -> list[list[Sentence]]:
    """Group the ranked sentences by their text, the `count` best groups in rank order."""
    groups: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        if sentence.key in groups:
            groups[sentence.key].append(sentence)
        elif len(groups) < count:
            groups[sentence.key] = [sentence]
    return list(groups.values())
