"""Fit the decision model on one part of the articles and report it on the other."""

from __future__ import annotations

import datetime as dt

import numpy as np


def _matrix(rows: list[dict], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    x = [[m["features"].get(n, 0.0) for n in names] for r in rows for m in r["merged"]]
    y = [m["label"] for r in rows for m in r["merged"]]
    return np.array(x, dtype=float), np.array(y, dtype=int)


# SQuAD holds one article per question: there an answer that many paragraphs state is mostly
# the article's own subject, not the answer, and a fitted weight on the count of sources would
# learn that. Across outlets, repetition enters through `mass` (the reader's probability summed
# over the sentences stating the answer) instead.
LEFT_OUT = frozenset({"bias", "support", "support_share"})


def fit(rows: list[dict], c: float = 1.0):
    """Return (weights by name) of a logistic regression over every merged answer of `rows`."""
    from sklearn.linear_model import LogisticRegression

    names = sorted({n for r in rows for m in r["merged"] for n in m["features"]} - LEFT_OUT)
    x, y = _matrix(rows, names)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    model = LogisticRegression(C=c, max_iter=2000).fit((x - mean) / scale, y)
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
        out.append((row["kind"], p, right))
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
    }


def fit_and_report(rows: list[dict], fit_titles: set[str], precision: float, reader: str):
    """Fit on `fit_titles`, choose the threshold on the rest, print the curve; return the model."""
    from index.answer.decision import DecisionModel

    train = [r for r in rows if r["title"] in fit_titles]
    test = [r for r in rows if r["title"] not in fit_titles]
    weights = fit(train)
    draft = DecisionModel(weights, 0.5, {})
    found = outcomes(test, draft)
    points = [curve(found, t) for t in np.linspace(0.05, 0.95, 19)]
    print("| threshold | precision | answerable answered | answerable right "
          "| withheld declined | impossible declined |")
    print("|---|---|---|---|---|---|")
    for p in points:
        print("| " + " | ".join(f"{v:.3f}" if k != "threshold" else f"{v:.2f}"
                                for k, v in p.items()) + " |")
    chosen = min((p for p in points if p["precision"] >= precision),
                 key=lambda p: p["threshold"], default=points[-1])
    print(f"threshold {chosen['threshold']:.2f} for precision >= {precision}: {chosen}")
    meta = {
        "fitted_on": "SQuAD v1.1 dev part b (answerable; withheld gold paragraphs) and SQuAD 2.0 "
                     "dev part b (impossible), articles " + ", ".join(sorted(fit_titles)),
        "examples": sum(len(r["merged"]) for r in train),
        "questions": len(train),
        "reader": reader,
        "threshold_chosen_for": f"precision >= {precision} on the other articles",
        "held_out": {k: round(v, 3) for k, v in chosen.items()},
        "fitted": dt.date.today().isoformat(),
    }
    return DecisionModel(weights, round(float(chosen["threshold"]), 3), meta)
