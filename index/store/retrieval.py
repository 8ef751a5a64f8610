"""Hybrid retrieval: dense (Chroma) and lexical (BM25) rankings fused by their scores.

Each side's scores are scaled to [0, 1] over its candidates (min-max) and the fused score is
their weighted sum, a passage missing from one side counting 0 there: a convex combination,
which Bruch, Gai and Ingber ("An Analysis of Fusion Functions for Hybrid Retrieval", ACM TOIS
2023) found better than reciprocal-rank fusion, and which keeps a passage that one side ranks
far first near the top ("who quit as transit boss?" shares no word with "Darius Penhale, the
chief executive of Harrowgate Metro, resigned", the dense side's first). Measured in
docs/benchmarks.md ("Fusing the two rankings").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from index.models import Hit, Passage

DENSE_WEIGHT = 0.5  # the dense side's share of the fused score (chosen on SQuAD's training half)
MODES = ("hybrid", "dense", "lexical")

Ranking = Sequence[tuple[Passage, float]]


@dataclass(frozen=True)
class Candidates:
    """The two rankings for one question, best first."""

    dense: Ranking
    lexical: Ranking


def fuse(candidates: Candidates, k: int, mode: str = "hybrid",
         dense_weight: float = DENSE_WEIGHT) -> list[Hit]:
    """Fuse the rankings by a weighted sum of their scaled scores; return the best `k` hits.

    Args:
        candidates: the dense and lexical rankings.
        k: how many hits to return.
        mode: "hybrid" fuses both; "dense" or "lexical" ranks by one side alone (the
            passages the other side found are left out).
        dense_weight: the dense side's share of a hybrid score (`bench/fusion.py` weighs
            others).

    """
    if mode not in MODES:
        raise ValueError(f"unknown retrieval mode {mode!r}; valid: {', '.join(MODES)}")
    passages = {p.id: p for ranking in (candidates.dense, candidates.lexical) for p, _ in ranking}
    dense = {p.id: score for p, score in candidates.dense}
    lexical = {p.id: score for p, score in candidates.lexical}
    weight = {"hybrid": dense_weight, "dense": 1.0, "lexical": 0.0}[mode]
    ranked = {"hybrid": passages, "dense": dense, "lexical": lexical}[mode]
    scaled_dense, scaled_lexical = _scaled(dense), _scaled(lexical)
    fused = {pid: weight * scaled_dense.get(pid, 0.0) + (1 - weight) * scaled_lexical.get(pid, 0.0)
             for pid in ranked}
    best = sorted(fused, key=lambda pid: (-fused[pid], pid))[:k]
    return [
        Hit(passages[pid], fused[pid], dense=dense.get(pid), lexical=lexical.get(pid))
        for pid in best
    ]


def _scaled(scores: dict[str, float]) -> dict[str, float]:
    """Return the scores scaled to [0, 1] (min-max); all 1 when they are all alike."""
    if not scores:
        return {}
    low, high = min(scores.values()), max(scores.values())
    if high <= low:
        return dict.fromkeys(scores, 1.0)
    return {pid: (score - low) / (high - low) for pid, score in scores.items()}


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
