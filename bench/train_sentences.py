"""Fit the sentence ranker (index/answer/rankers/sentence.json) on SQuAD, via normal retrieval.

Every sampled question of the training articles (even positions of the sorted titles, as
`bench/quality.py --half train`) is retrieved as `ask` would; every sentence of its top
passages is described by `index.answer.sentences.describe` and labelled 1 when it holds a gold
answer (SQuAD normalisation). The weights are fitted listwise, as the answer ranker's are
(`bench/fitting.fit_ranker`: one softmax over each question's sentences, the likelihood of
those holding an answer, L2-penalised on standardised features): a sentence is chosen
against its question's other sentences, not against every sentence of every question.
Printed: sentence@1 (the best-scored sentence holds a gold answer) of the shipped ranker and
of the fitted one, on both halves, and read@16 (a gold sentence among the 16 the reader
reads). `--write` saves the fitted ranker.

    .venv/bin/python bench/train_sentences.py [-n 1500] [--penalty 0.001] [--write]

Collecting is the slow part (it embeds the sentences of the top passages of every question:
about 10 minutes for 1,500 questions on 2 cores); it is cached in bench/.cache/.
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from quality import CACHE, SQUAD, load_squad, normalize, open_desk  # noqa: E402

from index.answer.config import CONFIG  # noqa: E402
from index.answer.ranker import LinearRanker, load_ranker  # noqa: E402

Rows = list[list[tuple[dict[str, float], bool]]]  # per question: (features, holds an answer)
FEATURES = 2  # the version of `describe`'s features: a change of them must not read old rows


def collect(half: str, n: int, seed: int = 21) -> Rows:
    """Return the labelled sentence features of `n` questions of `half` (cached on disk)."""
    cache = CACHE.parent / f"sentences-{half}-{n}-{seed}-{FEATURES}.pkl"
    if cache.is_file():
        return pickle.loads(cache.read_bytes())
    from index.answer.sentences import describe

    articles, questions = load_squad(SQUAD, half)
    questions = random.Random(seed).sample(questions, min(n, len(questions)))
    desk = open_desk(articles)
    rows: Rows = []
    for item in questions:
        analysis, evidence = desk.evidence(item["question"])
        ranked = describe(analysis, evidence.hits, evidence.query_vector,
                          evidence.sentence_vectors)
        golds = [normalize(a) for a in item["answers"]]
        rows.append([(c.features, any(g in normalize(c.text) for g in golds))
                     for c in ranked])
    cache.write_bytes(pickle.dumps(rows))
    return rows


def sentence_at_1(ranker: LinearRanker, rows: Rows) -> float:
    """Return the share of questions whose best-scored sentence holds a gold answer."""
    hits = sum(max(q, key=lambda r: ranker.score(r[0]))[1] for q in rows if q)
    return hits / len(rows)


def read_at(ranker: LinearRanker, rows: Rows, count: int = CONFIG.sentences) -> float:
    """Return the share of questions with a gold sentence among the `count` best (those read).

    (SQuAD prints each sentence once; on news coverage the reader reads a reprint once.)
    """
    hits = 0
    for question in rows:
        if not question:
            continue
        ranked = sorted(question, key=lambda r: -ranker.score(r[0]))
        hits += any(label for _, label in ranked[:count])
    return hits / len(rows)


# Features that are the same shift for every sentence of a question ("dense_gap" is "dense"
# less the question's best): a ranking of one question's sentences cannot weigh them.
_SHIFTS = frozenset({"bias", "dense_gap", "coverage_gap"})


def fit(rows: Rows, penalty: float) -> LinearRanker:
    """Fit the weights listwise: one softmax over each question's sentences (`fitting`)."""
    from fitting import fit_ranker

    names = sorted({k for q in rows for features, _ in q for k in features} - _SHIFTS)
    as_answers = [{"kind": "squad", "merged": [{"features": f, "label": int(held)}
                                               for f, held in q]} for q in rows]
    weights = fit_ranker(as_answers, 1.0, penalty, names)
    meta = {"trained_on": "SQuAD v1.1 dev part b: sentences of the top passages of "
                          f"{len(rows)} questions of the even-position article titles",
            "fitted": "listwise (bench/fitting.fit_ranker) on standardised features",
            "penalty": penalty}
    return LinearRanker("sentence", {k: round(v, 4) for k, v in weights.items()}, meta)


def main(argv: list[str] | None = None) -> int:
    """Collect, fit, compare, and write when asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1500, help="training questions")
    parser.add_argument("--held-out", type=int, default=600, help="held-out questions")
    parser.add_argument("--penalty", type=float, default=0.001,
                        help="L2 penalty on the standardised weights")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    if not SQUAD.is_file():
        print(f"{SQUAD} is absent: nothing to fit", file=sys.stderr)
        return 1
    train, held_out = collect("train", args.n), collect("heldout", args.held_out)
    shipped, fitted = load_ranker("sentence"), fit(train, args.penalty)
    print(f"| ranker | sentence@1 train | sentence@1 held-out | read@{CONFIG.sentences} "
          "held-out |\n|---|---|---|---|")
    for name, ranker in (("shipped", shipped), ("fitted", fitted)):
        print(f"| {name} | {sentence_at_1(ranker, train):.3f} | "
              f"{sentence_at_1(ranker, held_out):.3f} | {read_at(ranker, held_out):.3f} |")
    if args.write:
        print(f"wrote {fitted.save()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
