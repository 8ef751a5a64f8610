"""One learned decision: which merged answer is likeliest, whether it is right, when to decline.

The model, shipped as one JSON file (`decision.json`: what it was fitted on, its features, its
weights and its threshold), has two linear parts fitted by `bench/train_decision.py`:

- a ranker over a merged answer's features (`index.answer.merging`), fitted with one softmax
  over each question's merged answers (listwise), so that its scores compare the answers of
  one question: `share` is an answer's softmax probability among them;
- a logistic regression that turns the best answer's rank score, its share, its margin over
  the next and some of its own evidence (`OWN`) into the probability that it is right.
  Below `threshold` the bot declines; the threshold is chosen on held-out questions
  (`bench/train_decision.py` says how).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

MODEL = Path(__file__).with_name("decision.json")


def _dot(weights: dict[str, float], features: dict[str, float]) -> float:
    get = weights.get
    return sum(get(name, 0.0) * value for name, value in features.items())


def _sigmoid(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(logit, 40.0), -40.0)))


@dataclass(frozen=True)
class Judgement:
    """What the model says of one merged answer among its question's others."""

    rank: float  # the ranker's score
    share: float  # its softmax probability among the question's answers
    probability: float  # that it is right


@dataclass(frozen=True)
class DecisionModel:
    """The ranker's and the decision's weights by feature name, and the decline threshold."""

    rank: dict[str, float]
    decide: dict[str, float]
    threshold: float  # a probability: below it, the best answer is not given
    meta: dict[str, Any]

    def judge(self, features: list[dict[str, float]],
              aside: Sequence[dict[str, float]] = ()) -> list[Judgement]:
        """Return a judgement of each of one question's merged answers, in the same order.

        `aside` are the features of answers a rule set aside (`pipeline.Findings.aside`): no
        answer, but still counted in every share, so that setting a wrong answer aside never
        makes the others surer. (Margins are over the answers kept.)
        """
        if not features:
            return []
        scores = [_dot(self.rank, f) for f in features]
        every = scores + [_dot(self.rank, f) for f in aside]
        top = max(every)
        total = sum(math.exp(s - top) for s in every)
        out = []
        for i, score in enumerate(scores):
            rest = max((s for j, s in enumerate(scores) if j != i), default=score - 10.0)
            share = math.exp(score - top) / total
            said = decision_features(score, share, score - rest, features[i])
            out.append(Judgement(score, share, _sigmoid(_dot(self.decide, said))))
        return out

    def save(self, path: Path = MODEL) -> Path:
        """Write the model as JSON (sorted, so a refit shows as a readable diff)."""
        body = {"meta": self.meta, "threshold": self.threshold,
                "rank": dict(sorted(self.rank.items())),
                "decide": dict(sorted(self.decide.items()))}
        path.write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")
        return path


# What the decision reads of an answer's own features, beside its rank: whether the words and
# names the question asks about are in its sentence, whether the reader thinks it answers, and
# whether an answer frame points at it.
OWN = ("coverage", "missing", "names", "dense", "top_dense", "null_gap", "sentence_null_gap",
       "value_fit", "type_lift", "frame", "soft_coverage")


# The widest margin the decision reads. Beyond it an answer already holds nearly all the share,
# and a wider margin comes from rivals set aside by a rule, or from none at all (a lone
# answer's margin is 10): it tells nothing more, yet by the margin's negative weight (the share
# again, nearly) it cost such answers their probability ("640 workers" 0.110, "Darius
# Penhale" 0.100, under the threshold of 0.12).
MARGIN_CAP = 3.0


def decision_features(rank: float, share: float, margin: float,
                      own: dict[str, float]) -> dict[str, float]:
    """Return what the decision reads of an answer: rank score, share, margin, own evidence."""
    said = {"bias": 1.0, "rank": rank, "share": share,
            "margin": max(min(margin, MARGIN_CAP), -10.0)}
    said.update((name, own.get(name, 0.0)) for name in OWN)
    return said


@cache
def load_decision(path: Path = MODEL) -> DecisionModel:
    """Load a decision model (the shipped one by default)."""
    body = json.loads(path.read_text(encoding="utf-8"))
    return DecisionModel({k: float(v) for k, v in body["rank"].items()},
                         {k: float(v) for k, v in body["decide"].items()},
                         float(body["threshold"]), body["meta"])
