"""Fit the span ranker (index/answer/rankers/span.json) on SQuAD (dev part in ../shared/bench).

The 24 SQuAD articles are split by title (sorted; even positions train, odd ones are held
out). For each question, the sentence of its paragraph that holds the gold answer is parsed;
every candidate phrase (`index.answer.features.span_candidates`) is described by
`index.answer.features.span_features` and labelled 1 when its SQuAD F1 against a gold answer is at
least 0.8. The weights are an L2-regularised logistic regression (scikit-learn). The script
prints the short-answer F1 on the gold sentences of both halves; `--write` saves the ranker.
The sentence ranker (index/answer/rankers/sentence.json) is fitted by `bench/train_sentences.py`.

    .venv/bin/python bench/train_answerer.py [--write] [--c 0.3] [--label-f1 0.8]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import SQUAD, f1_score

from index.answer import features
from index.answer.nlp import get_nlp
from index.answer.questions import parse_question
from index.answer.ranker import LinearRanker
from index.corpus.sentences import sentence_spans


def gold_sentences(path: Path, per_side: tuple[int, int]) -> list[dict]:
    """Return questions with the sentence holding their first gold answer, split by article."""
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    train = set(sorted(d["title"] for d in data)[::2])
    rows = []
    for doc in data:
        for para in doc["paragraphs"]:
            spans = sentence_spans(para["context"])
            for qa in para["qas"]:
                at = qa["answers"][0]["answer_start"]
                hold = next(((a, b) for a, b in spans if a <= at < b), None)
                if hold is not None:
                    rows.append({"side": "train" if doc["title"] in train else "test",
                                 "question": qa["question"],
                                 "sentence": para["context"][hold[0]:hold[1]].strip(),
                                 "golds": sorted({a["text"] for a in qa["answers"]})})
    random.Random(1).shuffle(rows)
    return ([r for r in rows if r["side"] == "train"][: per_side[0]]
            + [r for r in rows if r["side"] == "test"][: per_side[1]])


def described(row: dict) -> list[tuple[dict, str]]:
    """Return (features, phrase text) for every candidate phrase of the row's sentence."""
    found = features.anchors(row["doc"], row["parsed"])
    return [(features.span_features(origin, span, row["parsed"], found), span.text)
            for origin, span in features.span_candidates(row["doc"], row["parsed"])]


def fit(rows: list[dict], c: float, label_f1: float) -> LinearRanker:
    """Fit the logistic regression on the training rows."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    x_rows, labels = [], []
    for row in rows:
        for feats, text in described(row):
            x_rows.append(feats)
            labels.append(int(max(f1_score(text, g) for g in row["golds"]) >= label_f1))
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
    model.fit(vectorizer.fit_transform(x_rows), np.array(labels))
    weights = {f: round(float(w), 5)
               for f, w in zip(vectorizer.feature_names_, model.coef_[0], strict=True) if w}
    meta = {"trained_on": "SQuAD v1.1 dev part b: gold sentences of the even-position "
                          "article titles", "c": c, "label_f1": label_f1,
            "sentence_weight": 1.0, "examples": len(x_rows), "positives": int(sum(labels))}
    return LinearRanker("span", weights, meta)


def mean_f1(rows: list[dict], ranker: LinearRanker) -> float:
    """Return the mean best-gold F1 of the top-scored phrase of each row's sentence."""
    total = 0.0
    for row in rows:
        options = described(row)
        if options:
            best = max(options, key=lambda o: ranker.score(o[0]))[1]
            total += max(f1_score(best, g) for g in row["golds"])
    return round(total / max(len(rows), 1), 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=0.3, help="inverse L2 strength")
    parser.add_argument("--label-f1", type=float, default=0.8)
    parser.add_argument("--train", type=int, default=2000, help="training questions")
    parser.add_argument("--test", type=int, default=800, help="held-out questions")
    parser.add_argument("--write", action="store_true", help="write index/answer/rankers/span.json")
    args = parser.parse_args(argv)
    if not SQUAD.is_file():
        print(f"{SQUAD} is absent", file=sys.stderr)
        return 0
    rows = gold_sentences(SQUAD, (args.train, args.test))
    nlp = get_nlp()
    for row, doc in zip(rows, nlp.pipe(r["sentence"] for r in rows), strict=True):
        row["doc"], row["parsed"] = doc, parse_question(row["question"])
    ranker = fit([r for r in rows if r["side"] == "train"], args.c, args.label_f1)
    for side in ("train", "test"):
        print(side, mean_f1([r for r in rows if r["side"] == side], ranker))
    if args.write:
        print("wrote", ranker.save())
    return 0


if __name__ == "__main__":
    sys.exit(main())
