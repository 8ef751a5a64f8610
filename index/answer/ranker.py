"""Linear rankers over named features: learned weights, shipped as JSON in `index/answer/rankers/`.

A ranker is a logistic-regression weight per feature name; `score` returns the logit, so
scores of different rankers add up. `bench/train_answerer.py` fits and writes them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

RANKERS = Path(__file__).with_name("rankers")


@dataclass(frozen=True)
class LinearRanker:
    """Weights by feature name; unknown features weigh nothing."""

    name: str
    weights: dict[str, float]
    meta: dict[str, Any]

    def score(self, features: dict[str, float]) -> float:
        """Return the logit for one candidate's features."""
        get = self.weights.get
        return sum(get(key, 0.0) * value for key, value in features.items())

    def save(self, folder: Path = RANKERS) -> Path:
        """Write the ranker as JSON (sorted, so retraining shows as a readable diff)."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.name}.json"
        body = {"meta": self.meta, "weights": dict(sorted(self.weights.items()))}
        path.write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")
        return path


@cache
def load_ranker(name: str) -> LinearRanker:
    """Load a shipped ranker by name ("sentence", "span")."""
    path = RANKERS / f"{name}.json"
    if not path.is_file():
        known = sorted(p.stem for p in RANKERS.glob("*.json"))
        raise ValueError(f"unknown ranker {name!r}; known: {', '.join(known) or 'none'}")
    body = json.loads(path.read_text(encoding="utf-8"))
    return LinearRanker(name, {k: float(v) for k, v in body["weights"].items()}, body["meta"])
