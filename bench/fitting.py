"""Fit the two parts of the decision model and report them on held-out questions.

The ranker is fitted listwise (one softmax over each question's merged answers, L-BFGS on the
mean negative log-likelihood of the right ones, L2-penalised), on the questions that have a
right answer among their merged answers; the decision is a logistic regression over the best
answer's rank score, share and margin (`index.answer.decision.decision_features`), fitted on
every question, labelled by whether that best answer is right.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np

# The count of sources is no feature (`index.answer.merging` does not compute it): SQuAD holds
# one article per question, where an answer that many paragraphs state is mostly the article's
# own subject, and a fitted weight on the count learned that (-3.3). Across outlets, repetition
# enters through `mass` (the reader's probability summed over the sentences stating it).
LEFT_OUT = frozenset({"bias", "support", "support_share"})
ANSWERED = 0.90  # share of answerable questions the chosen threshold must still answer
STORIES = "stories"  # the title of the stories dev set's questions: always fitted on


def feature_names(rows: list[dict]) -> list[str]:
    """Return the ranker's features: every merged answer feature but those left out."""
    return sorted({n for r in rows for m in r["merged"] for n in m["features"]} - LEFT_OUT)


def _matrices(rows: list[dict], names: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    return [(np.array([[m["features"].get(n, 0.0) for n in names] for m in r["merged"]]),
             np.array([m["label"] for m in r["merged"]])) for r in rows if r["merged"]]


def fit_ranker(rows: list[dict], newsroom: float, penalty: float = 0.01,
               names: list[str] | None = None) -> dict[str, float]:
    """Return the ranker's weights by name, fitted listwise on the answerable questions.

    `names` are the features fitted (by default `feature_names`).
    """
    from scipy.optimize import minimize

    names = names or feature_names(rows)
    usable = [r for r in rows if any(m["label"] for m in r["merged"])]
    data = _matrices(usable, names)
    weight = np.array([newsroom if r["kind"] == "newsroom" else 1.0 for r in usable])
    stacked = np.vstack([x for x, _ in data])
    mean, scale = stacked.mean(axis=0), stacked.std(axis=0) + 1e-9
    data = [((x - mean) / scale, y == 1) for x, y in data]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.0, np.zeros_like(w)
        for (z, right), c in zip(data, weight, strict=True):
            s = z @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            held = p[right].sum()
            total -= c * np.log(held + 1e-12)
            grad += c * ((p[:, None] * z).sum(axis=0)
                         - (p[right, None] * z[right]).sum(axis=0) / held)
        n = weight.sum()
        return total / n + penalty * w @ w, grad / n + 2 * penalty * w

    w = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B").x
    coef = w / scale
    weights = {n: float(v) for n, v in zip(names, coef, strict=True)}
    weights["bias"] = float(-(coef * mean).sum())  # moves no ranking; centres the scores
    return weights


def _judge(row: dict, model) -> list:
    """Return the model's judgement of a row's merged answers, those set aside counted."""
    return model.judge([m["features"] for m in row["merged"]],
                       [m["features"] for m in row.get("aside", ())])


def _best(row: dict, model) -> tuple[dict, object]:
    judged = _judge(row, model)
    i = max(range(len(judged)), key=lambda k: judged[k].rank)
    return row["merged"][i], judged[i]


from index.answer.decision import OWN  # noqa: E402

NAMES = ("rank", "share", "margin", *OWN)


def fit_decision(rows: list[dict], rank: dict[str, float], newsroom: float) -> dict[str, float]:
    """Return the decision's weights: is the ranker's best answer right?"""
    from sklearn.linear_model import LogisticRegression

    from index.answer.decision import DecisionModel, decision_features

    ranker = DecisionModel(rank, {}, 0.5, {})
    x, y, c = [], [], []
    for row in (r for r in rows if r["merged"]):
        best, judged = _best(row, ranker)
        second = sorted(j.rank for j in ranker.judge([m["features"] for m in row["merged"]]))
        margin = judged.rank - (second[-2] if len(second) > 1 else judged.rank - 10.0)
        said = decision_features(judged.rank, judged.share, margin, best["features"])
        x.append([said[k] for k in NAMES])
        y.append(best["label"] if row.get("qkind", "answer") != "unanswerable"
                 and row["kind"] in ("answerable", "withheld", "newsroom") else 0)
        c.append(newsroom if row["kind"] == "newsroom" else 1.0)
    x = np.array(x)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    model = LogisticRegression(C=1.0, max_iter=2000).fit((x - mean) / scale, np.array(y),
                                                         sample_weight=np.array(c))
    coef = model.coef_[0] / scale
    weights = dict(zip(NAMES, map(float, coef), strict=True))
    weights["bias"] = float(model.intercept_[0] - (coef * mean).sum())
    return weights


def fit(rows: list[dict], newsroom: float):
    """Return a DecisionModel (threshold 0.5) fitted on `rows`."""
    from index.answer.decision import DecisionModel

    rank = fit_ranker(rows, newsroom)
    return DecisionModel(rank, fit_decision(rows, rank, newsroom), 0.5, {})


def outcomes(rows: list[dict], model) -> list[tuple[str, float, int, float]]:
    """Return per question (kind, the best answer's probability, whether it is right, and the
    probability the second side needs: a disagreement is handled only when another right
    answer passes the threshold too; 1 for the others, which need none)."""
    out = []
    for row in (r for r in rows if r["merged"]):
        best, judged = _best(row, model)
        kind = row["kind"]
        if kind == "newsroom":
            kind = "newsroom-unanswerable" if row["qkind"] == "unanswerable" else "newsroom"
        right = best["label"] if kind in ("answerable", "withheld", "newsroom") else 0
        second = 1.0
        if row.get("qkind") == "conflict":
            judgements = _judge(row, model)
            second = max((j.probability for m, j in zip(row["merged"], judgements, strict=True)
                          if m["label"] and m is not best and m["text"] != best["text"]),
                         default=-1.0)
        out.append((kind, judged.probability, right, second))
    return out


def curve(found: list[tuple[str, float, int, float]], threshold: float) -> dict[str, float]:
    """Return what the bot does at `threshold`, per kind of question."""
    def share(kind: str, test) -> float:
        items = [f for f in found if f[0] == kind]
        return sum(test(f) for f in items) / max(len(items), 1)

    def mean(values: list[float]) -> float:
        return sum(values) / max(len(values), 1)

    def right(f: tuple[str, float, int, float]) -> bool:
        return f[1] >= threshold and bool(f[2]) and f[3] >= threshold

    answered = [f for f in found if f[1] >= threshold]
    kinds = {f[0] for f in found}
    answering = [share(k, right) for k in ("answerable", "newsroom") if k in kinds]
    declining = [share(k, lambda f: f[1] < threshold)
                 for k in ("withheld", "impossible", "newsroom-unanswerable") if k in kinds]
    newsroom = [f for f in found if f[0].startswith("newsroom")]
    return {
        "threshold": threshold,
        # newsroom questions in their own mix (most coverage questions have an answer)
        "newsroom_handled": mean([float(right(f) if f[1] >= threshold else
                                        f[0] == "newsroom-unanswerable") for f in newsroom]),
        # answering right and declining right weigh alike, whatever the mix of questions
        "balanced": (mean(answering) + mean(declining)) / 2,
        "precision": sum(right(f) for f in answered) / max(len(answered), 1),
        "answerable_answered": share("answerable", lambda f: f[1] >= threshold),
        "answerable_right": share("answerable", right),
        "withheld_declined": share("withheld", lambda f: f[1] < threshold),
        "impossible_declined": share("impossible", lambda f: f[1] < threshold),
        "newsroom_right": share("newsroom", right),
        "newsroom_declined": share("newsroom-unanswerable", lambda f: f[1] < threshold),
    }


def fit_and_report(rows: list[dict], fit_titles: set[str], precision: float | None,
                   reader: str, newsroom: float = 3.0, folds_to: Path | None = None,
                   answered: float = ANSWERED):
    """Fit, measure on held-out data, choose the threshold, print the curve; return the model.

    SQuAD is fitted on `fit_titles` and measured on the other articles; newsroom questions (if
    any) are fitted in two folds, each measured on the other, and all together for the model
    returned. The threshold (in steps of 0.01) is the highest at which the held-out answerable
    SQuAD questions are still answered at least `answered` of the time: there the bot declines
    the most while it answers what it should (the operating point the answerer's targets
    state: decline unanswerable questions while answering 85% of answerable ones); or, with
    `precision`, the lowest whose answers are right that often. With `folds_to`, the fold
    models are written there for `bench/newsroom.py`.
    """
    from index.answer.decision import DecisionModel

    squad = [r for r in rows if r["kind"] != "newsroom"]
    stories = [r for r in rows if r["title"] == STORIES]
    train = [r for r in squad if r["title"] in fit_titles] + stories
    test = [r for r in squad if r["title"] not in fit_titles]
    folds = [[r for r in rows if r["title"] == f"newsroom-{k}"] for k in (0, 1)]
    model = fit(train + folds[0] + folds[1], newsroom)
    found = outcomes(test, model)
    fold_models = []
    for k in (0, 1):
        if folds[k]:
            fold = fit(train + folds[k], newsroom)
            found += outcomes(folds[1 - k], fold)
            fold_models.append(fold)
    points = [curve(found, t) for t in np.round(np.arange(0.01, 0.96, 0.01), 2)]
    names = list(points[0])
    print("| " + " | ".join(n.replace("_", " ") for n in names) + " |")
    print("|---" * len(names) + "|")
    for p in points[4::5]:
        print("| " + " | ".join(f"{v:.3f}" for v in p.values()) + " |")
    if precision is None:
        chosen = max((p for p in points if p["answerable_answered"] >= answered),
                     key=lambda p: p["threshold"], default=points[0])
        rule = (f"the highest threshold at which held-out answerable questions are still "
                f"answered >= {answered}")
    else:
        chosen = min((p for p in points if p["precision"] >= precision),
                     key=lambda p: p["threshold"], default=points[-1])
        rule = f"precision >= {precision}"
    threshold = round(float(chosen["threshold"]), 3)
    print(f"threshold {threshold} for {rule}: "
          + ", ".join(f"{k} {v:.3f}" for k, v in chosen.items()))
    if folds_to is not None:
        for k, fold in enumerate(fold_models):
            DecisionModel(fold.rank, fold.decide, threshold, {"fold": k}).save(
                folds_to / f"decision-fold-{k}.json")
    meta = {
        "fitted_on": "SQuAD v1.1 dev part b (answerable; the same with their gold paragraph "
                     "withheld) and SQuAD 2.0 dev part b (impossible), articles "
                     + ", ".join(sorted(fit_titles))
                     + ("; the newsroom dev questions (../shared/eval)" if any(folds) else "")
                     + ("; the stories dev questions (bench/stories)" if stories else ""),
        "features": sorted(model.rank),
        "questions": len(train) + len(folds[0]) + len(folds[1]),
        "reader": reader,
        "threshold_chosen_for": f"{rule} (SQuAD: the other articles; newsroom: the other "
                                "fold)",
        "held_out": {k: round(float(v), 3) for k, v in chosen.items()},
        "fitted": dt.date.today().isoformat(),
    }
    return DecisionModel(model.rank, model.decide, threshold, meta)


def fit_splits(rows: list[dict], fit_titles: set[str], threshold: float, splits: int,
               newsroom: float, folds_to: Path) -> list[Path]:
    """Fit two fold models for each of `splits` random halvings of the newsroom questions.

    Split 0 halves them by question number, as `fit_and_report` does; split s > 0 by a
    shuffle seeded with s. Each model is fitted on the SQuAD fitting articles and one half,
    keeps `threshold`, and records the ids of the half it did not see (`meta.held_out_ids`),
    which `bench/newsroom.py --splits` answers with it: one refit moves a half's total by a
    question or more, so several halvings give the held-out figure with its spread.
    """
    import random

    from index.answer.decision import DecisionModel

    squad = [r for r in rows if (r["kind"] != "newsroom" and r["title"] in fit_titles)
             or r["title"] == STORIES]
    asked = [r for r in rows if r["kind"] == "newsroom" and r["title"] != STORIES]
    ids = sorted({r["id"] for r in asked})
    written = []
    for split in range(splits):
        if split == 0:
            half = {i for i in ids if int(i.split("-")[1]) % 2 == 0}
        else:
            shuffled = random.Random(split).sample(ids, len(ids))
            half = set(shuffled[: len(ids) // 2])
        halves = ([r for r in asked if r["id"] in half],
                  [r for r in asked if r["id"] not in half])
        for k in (0, 1):
            fold = fit(squad + halves[k], newsroom)
            held_out = sorted({r["id"] for r in halves[1 - k]})
            path = folds_to / f"decision-split-{split}-fold-{k}.json"
            DecisionModel(fold.rank, fold.decide, threshold,
                          {"split": split, "fold": k, "held_out_ids": held_out}).save(path)
            written.append(path)
    return written
