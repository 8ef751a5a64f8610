"""Typed, frozen values that cross module boundaries."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

MAX_WORDS = 15  # the longest short answer, in words (its sentence goes in `Answer.sentence`)
EMPTY_INDEX = "The index is empty: no article has been indexed yet."


@dataclass(frozen=True)
class Article:
    """One cleaned article, ready to be cut into passages."""

    source: str  # path relative to the corpus folder, or a `.jsonl` line's id
    title: str
    paragraphs: tuple[str, ...]
    url: str | None = None
    published: str | None = None  # ISO 8601 date or date-time, as given
    outlet: str | None = None


@dataclass(frozen=True)
class Passage:
    """A retrievable piece of an article: one paragraph, or part of a long one."""

    id: str
    source: str
    title: str
    paragraph: int  # 1-based paragraph number in the cleaned article
    text: str
    url: str | None = None
    published: str | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class Hit:
    """A passage found for a question, with the evidence that ranked it."""

    passage: Passage
    score: float  # fused rank score, higher is better
    dense: float | None = None  # cosine similarity, when the dense side found it
    lexical: float | None = None  # BM25 score, when the lexical side found it


@dataclass(frozen=True)
class Citation:
    """A numbered reference from an answer to the passage it used."""

    n: int
    source: str
    title: str
    paragraph: int
    quote: str
    score: float
    url: str | None = None
    published: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the contract's citation object."""
        return {
            "n": self.n,
            "source": self.source,
            "title": self.title,
            "paragraph": self.paragraph,
            "quote": self.quote,
            "score": round(self.score, 4),
            "url": self.url,
            "published": self.published,
        }


@dataclass(frozen=True)
class Side:
    """A value some sources give, and the citations that say it.

    One side of a disagreement, or the earlier value a later article revised.
    """

    answer: str
    citations: tuple[int, ...]  # the numbers (`Citation.n`) of the citations that say it
    published: tuple[str | None, ...]  # each of those citations' published date

    def to_json(self) -> dict[str, Any]:
        """Return the contract's side object."""
        return {"answer": self.answer, "citations": list(self.citations),
                "published": list(self.published)}


@dataclass(frozen=True)
class Answer:
    """What newsdesk says to a question; `to_json` is the stable contract."""

    question: str
    answered: bool
    answer: str = ""
    sentence: str = ""
    conflict: bool = False
    citations: tuple[Citation, ...] = ()
    elapsed_ms: float = 0.0
    support: int = 0  # distinct sources (articles) that state the answer
    sides: tuple[Side, ...] = ()  # on a conflict: each value and the citations giving it
    revised_from: Side | None = None  # the earlier value a later article revised
    # Why nothing could be looked for (the index is empty, starting with `EMPTY_INDEX`) and
    # what to do about it; None when the coverage was searched.
    error: str | None = None
    # The question actually answered: a follow-up ("and canola?") read against the turn
    # before it (`index.answer.followups`); "" when it is the question as asked.
    answered_question: str = ""

    @property
    def value(self) -> str:
        """Return what a follow-up may refer to ("" when declined).

        That is the answer, or on a disagreement the likelier side's value.
        """
        if not self.answered:
            return ""
        return self.sides[0].answer if self.conflict and self.sides else self.answer

    def to_json(self, id: Any = None) -> dict[str, Any]:
        """Return the contract's answer object; `id` is set for batch answers, `error` if any."""
        body: dict[str, Any] = {} if id is None else {"id": id}
        body.update(
            question=self.question,
            answered=self.answered,
            answer=self.answer,
            sentence=self.sentence,
            conflict=self.conflict,
            citations=[citation.to_json() for citation in self.citations],
            elapsed_ms=round(self.elapsed_ms, 1),
            support=self.support,
            sides=[side.to_json() for side in self.sides],
            revised_from=None if self.revised_from is None else self.revised_from.to_json(),
            answered_question=self.answered_question or self.question,
        )
        if self.error is not None:
            body["error"] = self.error
        return body


@dataclass(frozen=True)
class Skipped:
    """A document that could not be indexed, and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class IndexReport:
    """What one indexing run did."""

    added: int = 0  # articles new to the index
    updated: int = 0  # articles whose text changed
    unchanged: int = 0  # articles kept as they were, not embedded again
    removed: int = 0  # articles gone from the corpus
    skipped: tuple[Skipped, ...] = ()
    articles: int = 0  # articles in the index afterwards
    passages: int = 0  # passages in the index afterwards
    embedded: int = 0  # passages embedded by this run
    elapsed_s: float = 0.0
    # A full rebuild (`--full`, or a change of embedding model) embeds every article again:
    # the articles it would otherwise leave unchanged are counted here, not in `unchanged`.
    reembedded: int = 0
    full: bool = False
    corpus: str = ""  # the corpus folder indexed, as an absolute path
    # The folder the index was built from before, when it was another: its articles are gone
    # from the index (counted in `removed`, unless the new folder holds the same file names).
    corpus_changed_from: str | None = None

    def corpus_note(self) -> str | None:
        """Say that the corpus folder changed and what that removed; None when it did not."""
        if self.corpus_changed_from is None:
            return None
        return (f"corpus folder changed from {self.corpus_changed_from} to {self.corpus}: "
                f"{self.removed} articles of {self.corpus_changed_from} removed")

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready summary."""
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "skipped": [{"source": s.source, "reason": s.reason} for s in self.skipped],
            "articles": self.articles,
            "passages": self.passages,
            "embedded": self.embedded,
            "elapsed_s": round(self.elapsed_s, 3),
            "reembedded": self.reembedded,
            "full": self.full,
            "corpus": self.corpus,
            "corpus_changed_from": self.corpus_changed_from,
        }


@dataclass(frozen=True)
class Progress:
    """A snapshot of a running index job, for live progress displays."""

    stage: str  # "reading", "embedding" (each step is embedded, then written), "done" (the
    # index is committed and answers from it); then, for what it added, "words" (their vectors
    # kept) and "parsing" (their sentences' parses kept, KEEP_PARSES), until the run returns
    documents_read: int = 0
    documents_total: int = 0
    passages_embedded: int = 0
    passages_total: int = 0
    elapsed_s: float = 0.0
    words_embedded: int = 0
    words_total: int = 0
    sentences_parsed: int = 0
    sentences_total: int = 0


@dataclass(frozen=True)
class SourceInfo:
    """One indexed article, as `sources` lists it."""

    source: str
    title: str
    passages: int
    published: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Status:
    """The state of the index, as `/status` shows it."""

    articles: int
    passages: int
    model: str
    store: str
    last_indexed_at: str | None = None  # ISO 8601, UTC
    last_index_s: float | None = None
    corpus: str | None = None  # the folder last indexed; None before it was recorded

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready description, a key a field (`newsdesk status --json` adds feeds)."""
        return asdict(self)
