"""Fit the answer-type model (`index/answer/types.json`) on SQuAD and report it held out.

Each SQuAD v1.1 question (../shared/bench, part B) is labelled with the type of its first gold
answer, read where it stands in its paragraph (`index.answer.types.answer_type` on the spaCy
parse), and described as the answerer describes it (`index.answer.types.type_inputs`: its
embedding, the embedding of its type cue, its rule-given kind). A multinomial
logistic regression is fitted on the articles the reader was fitted on (even positions of the
sorted titles); accuracy and the log-loss are reported on the other articles, which the
decision is fitted and measured on, against the prior alone.

    .venv/bin/python bench/train_types.py [--C 1.0] [--write] [--show N]

With --show, the N questions of the newsroom dev set (../shared/eval) are printed with the
types the model expects of them (nothing is fitted on them).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from quality import SQUAD, training_titles  # noqa: E402


def labelled(data: list[dict]) -> list[tuple[str, str, str]]:
    """Return (title, question, answer type) for every question with a findable answer."""
    from index.answer.nlp import get_nlp
    from index.answer.types import answer_type

    paragraphs = [(doc["title"], para) for doc in data for para in doc["paragraphs"]]
    docs = get_nlp().pipe(para["context"] for _, para in paragraphs)
    out = []
    for (title, para), doc in zip(paragraphs, docs, strict=True):
        for qa in para["qas"]:
            gold = qa["answers"][0]
            start = gold["answer_start"]
            span = doc.char_span(start, start + len(gold["text"]), alignment_mode="expand")
            if span is not None:
                out.append((title, qa["question"], answer_type(span)))
    return out


def describe(embedder, questions: list[str], parse, inputs) -> np.ndarray:
    """Return each question as the type model reads it (one encoding pass for the vectors)."""
    parsed = [parse(q) for q in questions]
    vectors = embedder.encode(questions + [p.cue for p in parsed])
    n = len(questions)
    return np.array([inputs(vectors[i], vectors[n + i], p.kind) for i, p in enumerate(parsed)])


def main(argv: list[str] | None = None) -> int:
    """Label, embed, fit, report held out; write the model when asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--C", type=float, default=1.0, help="inverse L2 strength")
    parser.add_argument("--write", action="store_true", help="write index/answer/types.json")
    parser.add_argument("--show", type=int, default=0, help="newsroom questions to print")
    args = parser.parse_args(argv)
    if not SQUAD.is_file():
        print(f"{SQUAD} is absent: nothing to fit", file=sys.stderr)
        return 0
    from sklearn.linear_model import LogisticRegression

    from index.answer.questions import parse_question
    from index.answer.types import TYPES, TypeModel, type_inputs
    from index.store.embedding_backends import load_embedder

    data = json.loads(SQUAD.read_text(encoding="utf-8"))["data"]
    trained = training_titles(data)
    rows = labelled(data)
    embedder = load_embedder()
    vectors = describe(embedder, [q for _, q, _ in rows], parse_question, type_inputs)
    target = np.array([TYPES.index(t) for _, _, t in rows])
    fit = np.array([title in trained for title, _, _ in rows])
    counts = collections.Counter(t for _, _, t in rows)
    print("answer types (all articles):",
          ", ".join(f"{t} {counts[t]}" for t in TYPES if counts[t]))
    model = LogisticRegression(C=args.C, max_iter=2000)
    model.fit(vectors[fit], target[fit])
    # Types never seen in fitting get no row from scikit-learn: give them a floor.
    weights = np.zeros((len(TYPES), vectors.shape[1]))
    bias = np.full(len(TYPES), -10.0)
    weights[model.classes_] = model.coef_
    bias[model.classes_] = model.intercept_
    seen = np.bincount(target[fit], minlength=len(TYPES)) + 1.0
    prior = seen / seen.sum()
    found = TypeModel(weights, bias, prior, embedder.name, {})
    held = ~fit
    probs = np.array([found.probabilities(v) for v in vectors[held]])
    truth = target[held]
    accuracy = float((probs.argmax(1) == truth).mean())
    loss = float(-np.log(probs[np.arange(len(truth)), truth]).mean())
    prior_loss = float(-np.log(prior[truth]).mean())
    lift = np.log(probs[np.arange(len(truth)), truth] / prior[truth])
    print(f"fitted on {int(fit.sum())} questions of {len(trained)} articles; "
          f"held out {int(held.sum())}: accuracy {accuracy:.3f} (majority "
          f"{float((truth == prior.argmax()).mean()):.3f}), log-loss {loss:.3f} "
          f"(prior {prior_loss:.3f}), mean lift of the right type {float(lift.mean()):.2f}")
    if args.show:
        sys.path.insert(0, str(ROOT / "bench"))
        from newsroom import load_questions

        questions = load_questions()[: args.show]
        described = describe(embedder, [q["question"] for q in questions], parse_question,
                             type_inputs)
        for q, v in zip(questions, described, strict=True):
            p = found.probabilities(v)
            top = np.argsort(-p)[:3]
            print(f"  {q['id']} {q['question']!r}: "
                  + ", ".join(f"{TYPES[i]} {p[i]:.2f}" for i in top))
    if args.write:
        meta = {"fitted_on": "SQuAD v1.1 dev part b, the reader's articles: "
                             + ", ".join(sorted(trained)),
                "questions": int(fit.sum()), "C": args.C,
                "held_out": {"questions": int(held.sum()), "accuracy": round(accuracy, 3),
                             "log_loss": round(loss, 3), "prior_log_loss": round(prior_loss, 3)}}
        path = TypeModel(weights, bias, prior, embedder.name, meta).save()
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
