"""How well each way of fusing the dense and BM25 rankings puts a passage that answers first.

For every question, both sides are searched as deep as `ask` searches them (each side's best
`candidate_count(48)` passages, 48 being the passages `ask` fuses before spreading them over
articles), for the question as typed (`ask` searches it with misspelt words repaired),
and the two rankings are fused by reciprocal rank (Cormack et al. 2009, k = 60: the
previous fusion) and by the shipped weighted sum of min-max scaled scores at several dense
weights (`index.store.retrieval.fuse`). Reported per fusion: hit@1/5/24 (a passage that
answers among the first 1, 5 or 24) and the mean reciprocal rank of the first one.

- SQuAD v1.1 (dev part in ../shared/bench): the gold paragraph answers; `--half train` or
  `heldout` asks about the articles the reader was or was not fitted on (the weight is chosen
  on `train`);
- the newsroom dev set (`--set newsroom`): a passage of one of a question's listed sources
  that holds one of its expected answers (time questions, whose expected answer is a resolved
  date, are left out).

    .venv/bin/python bench/fusion.py [--set squad|newsroom] [-n 400] [--half train|heldout]
        [--weights 0.3,0.4,0.5,0.6,0.7]
"""

from __future__ import annotations

import argparse
import random
import sys

from index.models import Hit
from index.store.retrieval import Candidates, candidate_count, fuse

FUSED = 48  # passages `ask` fuses (twice `AnswerConfig.passages`) before spreading them
RRF_K = 60
KS = (1, 5, 24)


def reciprocal_rank(candidates: Candidates) -> list[str]:
    """Return the passage ids ranked by reciprocal-rank fusion (the previous fusion)."""
    fused: dict[str, float] = {}
    for ranking in (candidates.dense, candidates.lexical):
        for rank, (passage, _) in enumerate(ranking, start=1):
            fused[passage.id] = fused.get(passage.id, 0.0) + 1.0 / (RRF_K + rank)
    return sorted(fused, key=lambda pid: (-fused[pid], pid))


def sides(desk, question: str) -> Candidates:
    """Return both sides' rankings for `question`, as deep as `ask` asks each for them."""
    n = candidate_count(FUSED)

    def side(mode: str) -> list[tuple]:
        hits: list[Hit] = desk.search(question, n, mode)
        return [(h.passage, h.dense if mode == "dense" else h.lexical) for h in hits]

    return Candidates(side("dense"), side("lexical"))


def scores(rankings: dict[str, list[list[str]]],
           golds: list[set[str]]) -> dict[str, dict[str, float]]:
    """Return hit@k and MRR per fusion, from each question's ranked ids and its gold ids."""
    out = {}
    for name, ranked_lists in rankings.items():
        hits = dict.fromkeys(KS, 0)
        reciprocal = 0.0
        for ranked, gold in zip(ranked_lists, golds, strict=True):
            first = next((i for i, pid in enumerate(ranked) if pid in gold), None)
            for k in KS:
                hits[k] += first is not None and first < k
            reciprocal += 0.0 if first is None else 1 / (first + 1)
        n = max(len(golds), 1)
        out[name] = {**{f"hit@{k}": hits[k] / n for k in KS}, "mrr": reciprocal / n}
    return out


def squad_questions(n: int, half: str, seed: int):
    """Return the SQuAD desk and (question, gold source) pairs."""
    import quality

    articles, questions = quality.load_squad(quality.SQUAD, half)
    random.Random(seed).shuffle(questions)
    desk = quality.open_desk(articles)
    return desk, [(q["question"], q["source"]) for q in questions[:n]]


def newsroom_questions():
    """Return the newsroom desk and (question, gold passage ids) pairs."""
    import newsroom

    desk = newsroom.open_desk()
    asked = []
    for item in newsroom.load_questions():
        expected = item.get("expect_all") or item.get("expect_any") or []
        if item["kind"] == "time" or not expected:
            continue
        asked.append((item["question"], set(item.get("sources") or []),
                      [e.lower() for e in expected]))
    return desk, asked


def main(argv: list[str] | None = None) -> int:
    """Fuse both sides' rankings every way for each question and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("squad", "newsroom"), default="squad")
    parser.add_argument("-n", type=int, default=400, help="SQuAD questions to sample")
    parser.add_argument("--half", choices=("train", "heldout"), default="heldout")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--weights", default="0.3,0.4,0.5,0.6,0.7",
                        help="dense weights of the weighted sum to try")
    args = parser.parse_args(argv)
    weights = [float(w) for w in args.weights.split(",")]
    names = ["reciprocal rank", *(f"weighted sum, dense {w:g}" for w in weights),
             "dense alone", "BM25 alone"]
    rankings: dict[str, list[list[str]]] = {name: [] for name in names}
    golds: list[set[str]] = []
    if args.set == "squad":
        import quality

        if not quality.SQUAD.is_file():
            print(f"{quality.SQUAD} is absent: nothing to measure", file=sys.stderr)
            return 0
        desk, asked = squad_questions(args.n, args.half, args.seed)
    else:
        import newsroom

        if newsroom.missing():
            print(f"{newsroom.missing()} is absent: nothing to measure", file=sys.stderr)
            return 0
        desk, asked = newsroom_questions()
    for item in asked:
        candidates = sides(desk, item[0])
        everything = {p.id: p for r in (candidates.dense, candidates.lexical) for p, _ in r}
        if args.set == "squad":
            gold = {pid for pid, p in everything.items() if p.source == item[1]}
        else:
            gold = {pid for pid, p in everything.items() if p.source in item[1]
                    and any(e in p.text.lower() for e in item[2])}
        if not gold:
            continue  # no passage that answers is among either side's candidates
        golds.append(gold)
        rankings["reciprocal rank"].append(reciprocal_rank(candidates))
        for w in weights:
            fused = fuse(candidates, len(everything), dense_weight=w)
            rankings[f"weighted sum, dense {w:g}"].append([h.passage.id for h in fused])
        rankings["dense alone"].append([p.id for p, _ in candidates.dense])
        rankings["BM25 alone"].append([p.id for p, _ in candidates.lexical])
    where = f"SQuAD {args.half}, {len(golds)} of {len(asked)} questions" \
        if args.set == "squad" else f"newsroom, {len(golds)} of {len(asked)} questions"
    print(f"{where} (those with a passage that answers among the candidates)")
    print("| fusion | " + " | ".join(f"hit@{k}" for k in KS) + " | MRR |")
    print("|---|" + "---|" * (len(KS) + 1))
    for name, row in scores(rankings, golds).items():
        print(f"| {name} | " + " | ".join(f"{row[f'hit@{k}']:.3f}" for k in KS)
              + f" | {row['mrr']:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
