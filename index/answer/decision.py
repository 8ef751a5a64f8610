"""One learned decision: the probability that a merged answer is right, and when to decline.

The model is a logistic regression over a merged answer's features (`index.answer.merging`),
shipped as one JSON file (`decision.json`) that records what it was fitted on, its features and
weights, and the probability below which the bot declines, chosen on held-out data for a stated
precision (`bench/train_decision.py`).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

MODEL = Path(__file__).with_name("decision.json")


@dataclass(frozen=True)
class DecisionModel:
    """Weights by feature name, the decline threshold, and how they were fitted."""

    weights: dict[str, float]
    threshold: float  # a probability: below it, the best answer is not given
    meta: dict[str, Any]

    def probability(self, features: dict[str, float]) -> float:
        """Return the probability that the answer with these features is right."""
        get = self.weights.get
        logit = sum(get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(logit, 40.0), -40.0)))

    def save(self, path: Path = MODEL) -> Path:
        """Write the model as JSON (sorted, so a refit shows as a readable diff)."""
        body = {"meta": self.meta, "threshold": self.threshold,
                "weights": dict(sorted(self.weights.items()))}
        path.write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")
        return path


@cache
def load_decision(path: Path = MODEL) -> DecisionModel:
    """Load the shipped decision model."""
    body = json.loads(path.read_text(encoding="utf-8"))
    return DecisionModel({k: float(v) for k, v in body["weights"].items()},
                         float(body["threshold"]), body["meta"])
