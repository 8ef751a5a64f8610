"""Fit the sentence and span rankers on SQuAD (dev part in ../shared/bench), honestly split.

The 24 SQuAD articles are split in two by title (sorted; even positions train, odd ones are
held out). Features come from the normal answer path (`index.answering.candidates`,
`index.extraction` / `index.features`); the labels are whether a sentence holds a gold
answer and how well a phrase matches one (SQuAD F1). Weights are L2-regularised logistic
regressions (scikit-learn), written to index/rankers/*.json.

    .venv/bin/python bench/train_answerer.py [--write]      # fit, report held-out, write
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import SQUAD, f1_score, load_squad, normalize, open_desk

from index.answering import READ, Weights, _about_it, candidates
from index.features import anchors, span_candidates, span_features
from index.nlp import get_nlp
from index.questions import parse_question
from index.ranker import LinearRanker

SPAN_LABEL_F1 = 0.5


def split_titles(articles: list[dict]) -> tuple[set[str], set[str]]:
    """Return (training titles, held-out titles): alternate positions of the sorted titles."""
    titles = sorted({a["id"].rsplit("#", 1)[0] for a in articles})
    return set(titles[::2]), set(titles[1::2])


def fit(rows: list[dict[str, float]], labels: list[int], name: str, c: float,
        meta: dict) -> LinearRanker:
    """Fit a logistic regression over named features and return it as a LinearRanker."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
    model.fit(x, np.array(labels))
    weights = {f: round(float(w), 5) for f, w in zip(vectorizer.feature_names_,
                                                     model.coef_[0], strict=True) if w}
    return LinearRanker(name, weights, meta | {"examples": len(rows),
                                               "positives": int(sum(labels))})


def collect(desk, questions: list[dict]) -> list[dict]:
    """Run retrieval and sentence description for each question; keep what training needs."""
    items = []
    for n, item in enumerate(questions):
        evidence = desk.evidence(item["question"])
        question = parse_question(item["question"])
        weights = Weights(question, evidence)
        ranked = candidates(evidence, weights)
        golds = [normalize(a) for a in item["answers"]]
        items.append({"item": item, "question": question, "weights": weights,
                      "ranked": ranked, "golds": golds})
        if n % 200 == 0:
            print(f"  {n}/{len(questions)}", file=sys.stderr)
    return items


def holds(golds: list[str], sentence: str) -> bool:
    norm = normalize(sentence)
    return any(g in norm for g in golds)


def span_rows(items: list[dict]) -> tuple[list[dict], list[int]]:
    """Features and labels of the phrases of every sentence that holds a gold answer."""
    nlp = get_nlp()
    rows, labels = [], []
    for it in items:
        sentences = [c.sentence for c in it["ranked"][:READ] if holds(it["golds"], c.sentence)]
        for doc in parsed(nlp, sentences[:2]):
            found = anchors(doc, it["question"])
            for origin, span in span_candidates(doc, it["question"]):
                f1 = max(f1_score(span.text, a) for a in it["item"]["answers"])
                rows.append(span_features(origin, span, it["question"], found))
                labels.append(int(f1 >= SPAN_LABEL_F1))
    return rows, labels


_DOCS: dict = {}


def parsed(nlp, sentences: list[str]) -> list:
    """Parse sentences once per process (training re-reads them many times)."""
    missing = [s for s in dict.fromkeys(sentences) if s not in _DOCS]
    _DOCS.update(zip(missing, nlp.pipe(missing), strict=True))
    return [_DOCS[s] for s in sentences]


def end_to_end(items: list[dict], sentence: LinearRanker, span: LinearRanker,
               blend: float) -> dict[str, float]:
    """Re-score with the given rankers and return sentence@1, F1 and abstention."""
    from index.extraction import Option

    nlp = get_nlp()
    sent_ok = f1_total = abstained = 0.0
    for it in items:
        ranked = sorted(it["ranked"], key=lambda c: -sentence.score(c.features))
        relevant = [c for c in ranked if _about_it(it["weights"], c)]
        if not relevant:
            abstained += 1
            continue
        best = None
        read = relevant[:READ]
        for cand, doc in zip(read, parsed(nlp, [c.sentence for c in read]), strict=True):
            found = anchors(doc, it["question"])
            options = [Option(span.score(span_features(o, s, it["question"], found)), s, o)
                       for o, s in span_candidates(doc, it["question"])]
            if not options:
                continue
            top = max(options, key=lambda o: (o.score, -o.span.start))
            total = top.score + blend * sentence.score(cand.features)
            if best is None or total > best[0]:
                best = (total, top.text, cand.sentence)
        if best is None:
            abstained += 1
            continue
        sent_ok += holds(it["golds"], best[2])
        f1_total += max(f1_score(best[1], a) for a in it["item"]["answers"])
    n = len(items)
    return {"sentence@1": round(sent_ok / n, 3), "f1": round(f1_total / n, 3),
            "abstained": round(abstained / n, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=0, help="questions per side (0: all)")
    parser.add_argument("--c", type=float, default=0.3, help="inverse L2 strength")
    parser.add_argument("--write", action="store_true", help="write index/rankers/*.json")
    args = parser.parse_args(argv)
    articles, questions = load_squad(SQUAD)
    train_titles, test_titles = split_titles(articles)
    side = {t: "train" for t in train_titles} | {t: "test" for t in test_titles}
    parts: dict[str, list[dict]] = {"train": [], "test": []}
    for q in questions:
        parts[side[q["source"].rsplit("#", 1)[0]]].append(q)
    if args.n:
        parts = {k: v[: args.n] for k, v in parts.items()}
    desk = open_desk(articles)
    data = {k: collect(desk, v) for k, v in parts.items()}
    sent_rows = [c.features for it in data["train"] for c in it["ranked"]]
    sent_labels = [int(holds(it["golds"], c.sentence)) for it in data["train"]
                   for c in it["ranked"]]
    meta = {"trained_on": "SQuAD v1.1 dev part b, even-position article titles",
            "c": args.c}
    sentence = fit(sent_rows, sent_labels, "sentence", args.c, meta)
    span_x, span_y = span_rows(data["train"])
    span = fit(span_x, span_y, "span", args.c, meta | {"label_f1": SPAN_LABEL_F1})
    scores = {b: end_to_end(data["train"], sentence, span, b) for b in (0.5, 1.0, 1.5, 2.0)}
    for b, s in scores.items():
        print(f"train blend={b}: {s}")
    blend = max(scores, key=lambda b: scores[b]["f1"])
    span = LinearRanker("span", span.weights, span.meta | {"sentence_weight": blend})
    print(f"held out ({len(data['test'])} questions), blend={blend}:",
          end_to_end(data["test"], sentence, span, blend))
    if args.write:
        print("wrote", sentence.save(), span.save())
    return 0


if __name__ == "__main__":
    sys.exit(main())
