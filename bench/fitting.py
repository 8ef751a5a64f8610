"""Fit the decision model on one part of the articles and report it on the other."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np


def _matrix(rows: list[dict], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    x = [[m["features"].get(n, 0.0) for n in names] for r in rows for m in r["merged"]]
    y = [m["label"] for r in rows for m in r["merged"]]
    return np.array(x, dtype=float), np.array(y, dtype=int)


def _weights(rows: list[dict], newsroom: float) -> np.ndarray:
    """Return each merged answer's sample weight: a question weighs 1 (newsroom: more)."""
    return np.array([newsroom if r["kind"].startswith("newsroom") else 1.0
                     for r in rows for _ in r["merged"]])


# SQuAD holds one article per question: there an answer that many paragraphs state is mostly
# the article's own subject, not the answer, and a fitted weight on the count of sources would
# learn that. Across outlets, repetition enters through `mass` (the reader's probability summed
# over the sentences stating the answer) instead.
LEFT_OUT = frozenset({"bias", "support", "support_share"})


def fit(rows: list[dict], c: float = 1.0, newsroom: float = 1.0):
    """Return (weights by name) of a logistic regression over every merged answer of `rows`."""
    from sklearn.linear_model import LogisticRegression

    names = sorted({n for r in rows for m in r["merged"] for n in m["features"]} - LEFT_OUT)
    x, y = _matrix(rows, names)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    model = LogisticRegression(C=c, max_iter=2000).fit((x - mean) / scale, y,
                                                       sample_weight=_weights(rows, newsroom))
    coef = model.coef_[0] / scale
    weights = {n: float(w) for n, w in zip(names, coef, strict=True) if abs(w) > 1e-9}
    weights["bias"] = float(model.intercept_[0] - (coef * mean).sum())
    return weights


def outcomes(rows: list[dict], model) -> list[tuple[str, float, int]]:
    """Return per question (kind, the best answer's probability, whether it is right)."""
    out = []
    for row in rows:
        scored = [(model.probability(m["features"]), m["label"]) for m in row["merged"]]
        p, right = max(scored, default=(0.0, 0))
        kind = row["kind"]
        if kind == "newsroom":
            kind = "newsroom-unanswerable" if row["qkind"] == "unanswerable" else "newsroom"
        out.append((kind, p, right))
    return out


def curve(found: list[tuple[str, float, int]], threshold: float) -> dict[str, float]:
    """Return what the bot does at `threshold`, per kind of question."""
    def share(kind: str, test) -> float:
        items = [f for f in found if f[0] == kind]
        return sum(test(f) for f in items) / max(len(items), 1)

    answered = [f for f in found if f[1] >= threshold]
    return {
        "threshold": threshold,
        "precision": sum(f[2] for f in answered) / max(len(answered), 1),
        "answerable_answered": share("answerable", lambda f: f[1] >= threshold),
        "answerable_right": share("answerable", lambda f: f[1] >= threshold and f[2]),
        "withheld_declined": share("withheld", lambda f: f[1] < threshold),
        "impossible_declined": share("impossible", lambda f: f[1] < threshold),
        "newsroom_right": share("newsroom", lambda f: f[1] >= threshold and f[2]),
        "newsroom_declined": share("newsroom-unanswerable", lambda f: f[1] < threshold),
    }


def fit_and_report(rows: list[dict], fit_titles: set[str], precision: float, reader: str,
                   newsroom: float = 3.0, folds_to: Path | None = None):
    """Fit, measure on held-out data, choose the threshold, print the curve; return the model.

    SQuAD is fitted on `fit_titles` and measured on the other articles; newsroom questions (if
    any) are fitted in two folds, each measured on the other, and all together for the model
    returned. The threshold is the lowest whose held-out answers are right `precision` of the
    time. With `folds_to`, the two fold models are written there for `bench/newsroom.py`.
    """
    from index.answer.decision import DecisionModel

    squad = [r for r in rows if r["kind"] != "newsroom"]
    train = [r for r in squad if r["title"] in fit_titles]
    test = [r for r in squad if r["title"] not in fit_titles]
    folds = [[r for r in rows if r["title"] == f"newsroom-{k}"] for k in (0, 1)]
    weights = fit(train + folds[0] + folds[1], newsroom=newsroom)
    found = outcomes(test, DecisionModel(weights, 0.5, {}))
    fold_models = []
    for k in (0, 1):
        if folds[k]:
            fold = DecisionModel(fit(train + folds[k], newsroom=newsroom), 0.5, {"fold": k})
            found += outcomes(folds[1 - k], fold)
            fold_models.append(fold)
    points = [curve(found, t) for t in np.linspace(0.05, 0.95, 19)]
    names = list(points[0])
    print("| " + " | ".join(n.replace("_", " ") for n in names) + " |")
    print("|---" * len(names) + "|")
    for p in points:
        print("| " + " | ".join(f"{v:.3f}" for v in p.values()) + " |")
    chosen = min((p for p in points if p["precision"] >= precision),
                 key=lambda p: p["threshold"], default=points[-1])
    threshold = round(float(chosen["threshold"]), 3)
    print(f"threshold {threshold} for precision >= {precision}: {chosen}")
    if folds_to is not None:
        for k, fold in enumerate(fold_models):
            DecisionModel(fold.weights, threshold, fold.meta).save(
                folds_to / f"decision-fold-{k}.json")
    meta = {
        "fitted_on": "SQuAD v1.1 dev part b (answerable; the same with their gold paragraph "
                     "withheld) and SQuAD 2.0 dev part b (impossible), articles "
                     + ", ".join(sorted(fit_titles))
                     + ("; the newsroom dev questions (../shared/eval)" if any(folds) else ""),
        "features": sorted(weights),
        "examples": sum(len(r["merged"]) for r in train + folds[0] + folds[1]),
        "questions": len(train) + len(folds[0]) + len(folds[1]),
        "reader": reader,
        "threshold_chosen_for": f"precision >= {precision} on held-out questions (SQuAD: "
                                "the other articles; newsroom: the other fold)",
        "held_out": {k: round(float(v), 3) for k, v in chosen.items()},
        "fitted": dt.date.today().isoformat(),
    }
    return DecisionModel(weights, threshold, meta)
