"""Hybrid retrieval: dense (Chroma) and lexical (BM25) rankings fused by reciprocal rank."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from index.models import Hit, Passage

RRF_K = 60  # the constant from Cormack et al. (2009); damps the weight of top ranks
MODES = ("hybrid", "dense", "lexical")

Ranking = Sequence[tuple[Passage, float]]


@dataclass(frozen=True)
class Candidates:
    """The two rankings for one question, best first."""

    dense: Ranking
    lexical: Ranking


def fuse(candidates: Candidates, k: int, mode: str = "hybrid") -> list[Hit]:
    """Fuse the rankings by reciprocal rank and return the best `k` hits.

    Args:
        candidates: the dense and lexical rankings.
        k: how many hits to return.
        mode: "hybrid" fuses both; "dense" or "lexical" ranks by one side alone.

    """
    if mode not in MODES:
        raise ValueError(f"unknown retrieval mode {mode!r}; valid: {', '.join(MODES)}")
    fused: dict[str, float] = {}
    passages: dict[str, Passage] = {}
    dense: dict[str, float] = {}
    lexical: dict[str, float] = {}
    for side, ranking, scores in (
        ("dense", candidates.dense, dense),
        ("lexical", candidates.lexical, lexical),
    ):
        for rank, (passage, score) in enumerate(ranking, start=1):
            scores[passage.id] = score
            passages.setdefault(passage.id, passage)
            if mode in ("hybrid", side):
                fused[passage.id] = fused.get(passage.id, 0.0) + 1.0 / (RRF_K + rank)
    best = sorted(fused, key=lambda pid: (-fused[pid], pid))[:k]
    return [
        Hit(passages[pid], fused[pid], dense=dense.get(pid), lexical=lexical.get(pid))
        for pid in best
    ]


def candidate_count(k: int) -> int:
    """Return how many candidates each side contributes for a final `k`."""
    return max(4 * k, 30)


def retrieve(
    question: str,
    k: int,
    dense_search: Callable[[str, int], Ranking],
    lexical_search: Callable[[str, int], Ranking],
    mode: str = "hybrid",
) -> list[Hit]:
    """Run both searches for `question` and fuse them into `k` hits.

    Both sides always run, so every hit carries both scores as evidence for the answerer;
    `mode` only decides which sides rank.
    """
    n = candidate_count(k)
    return fuse(Candidates(dense_search(question, n), lexical_search(question, n)), k, mode)
