"""Answer quality on SQuAD v1.1 (dev part in ../shared/bench), through the normal answer path.

Every SQuAD paragraph becomes one article of a `.jsonl` corpus that is indexed by the normal
ingestion path; every sampled question is asked with `Newsdesk.ask`, once per retrieval mode
(hybrid, BM25 alone, dense alone). Reported per mode:

- hit@1/5/20: the gold paragraph among the first 1/5/20 retrieved passages (the ranking
  the answerer reads its citations from);
- cited: the gold paragraph among the answer's citations;
- sentence@1: the answer's `sentence` contains a gold answer (SQuAD normalisation);
- F1 / EM: the short answer against the gold answers (SQuAD's own metric);
- abstained: share of questions answered "not in the coverage" (every SQuAD question here is
  answerable, so this is the false-abstention rate).

With `--withhold` the gold paragraph of every sampled question is left out of the corpus, so
the coverage no longer holds the answer while the rest of its article (same names, same topic)
is still indexed: the hard case for abstention. Then `abstained` is the share rightly refused,
and EM the share answered with a gold answer all the same (another paragraph of the article
says it too: such a question is still answerable, and answering it is right).

    .venv/bin/python bench/quality.py [-n 1000] [--modes hybrid,lexical,dense] [--json out.json]
        [--half all|train|heldout] [--withhold] [--reader NAME] [--decision FILE]

The shipped reader and rankers were fitted on the articles at even positions of the sorted
titles (`--half train`); `--half heldout` asks only about the other articles (the whole corpus
is indexed either way), which is the honest figure for questions the models never saw.

The index is cached in bench/.cache/squad (re-runs are incremental: nothing is re-embedded).
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import string
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # measure this checkout's code, not the installed one
SQUAD = ROOT.parent / "shared" / "bench" / "squad-v1.1-dev-part-b.json"
CACHE = ROOT / "bench" / ".cache" / "squad"


def normalize(text: str) -> str:
    """SQuAD's answer normalisation: lower case, no punctuation, articles or extra spaces."""
    text = text.lower()
    text = "".join(ch for ch in text if ch not in set(string.punctuation))
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def f1_score(prediction: str, gold: str) -> float:
    """SQuAD's token-overlap F1 between one prediction and one gold answer."""
    pred, ref = normalize(prediction).split(), normalize(gold).split()
    common = collections.Counter(pred) & collections.Counter(ref)
    same = sum(common.values())
    if same == 0:
        return 0.0
    precision, recall = same / len(pred), same / len(ref)
    return 2 * precision * recall / (precision + recall)


def training_titles(data: list[dict]) -> set[str]:
    """Return the article titles the shipped models were fitted on (even sorted positions)."""
    return set(sorted(doc["title"] for doc in data)[::2])


def load_squad(path: Path, half: str = "all") -> tuple[list[dict], list[dict]]:
    """Return (articles for a .jsonl corpus, questions with their gold paragraph and answers).

    `half` keeps the questions of every article ("all"), of the training articles ("train")
    or of the held-out ones ("heldout"); the articles are always all of them.
    """
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    trained = training_titles(data)
    articles, questions = [], []
    for doc in data:
        for i, para in enumerate(doc["paragraphs"]):
            pid = f"{doc['title']}#{i}"
            title = doc["title"].replace("_", " ")
            articles.append({"id": pid, "title": title, "text": para["context"]})
            if half != "all" and (doc["title"] in trained) != (half == "train"):
                continue
            for qa in para["qas"]:
                golds = sorted({a["text"] for a in qa["answers"]})
                questions.append({"id": qa["id"], "question": qa["question"],
                                  "source": pid, "answers": golds})
    return articles, questions


def open_desk(articles: list[dict], cache: Path = CACHE, backend: str = "torch"):
    """Write the corpus, index it (incrementally, cached in `cache`) and return the desk."""
    from index.service import Newsdesk
    from index.settings import Settings

    corpus = cache / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    lines = "\n".join(json.dumps(a, ensure_ascii=False) for a in articles) + "\n"
    target = corpus / "squad.jsonl"
    if not target.is_file() or target.read_text(encoding="utf-8") != lines:
        target.write_text(lines, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, chroma_path=cache / "chroma",
                        embedding_backend=backend,
                        answer_precision=Settings.from_env().answer_precision)
    desk = Newsdesk.open(settings)
    started = time.perf_counter()
    report = desk.index()
    print(f"indexed {report.passages} passages ({report.embedded} embedded) "
          f"in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return desk


def evaluate(desk, questions: list[dict], mode: str) -> dict:
    """Ask every question in `mode`; return the metrics and per-question rows."""
    totals = collections.Counter()
    rows = []
    started = time.perf_counter()
    for item in questions:
        answer = desk.ask(item["question"], mode=mode)
        ranked = [h.passage.source for h in desk.search(item["question"], 20, mode)]
        gold, answers = item["source"], item["answers"]
        for k in (1, 5, 20):
            totals[f"hit@{k}"] += gold in ranked[:k]
        totals["cited"] += any(c.source == gold for c in answer.citations)
        norm_sentence = normalize(answer.sentence)
        totals["sentence@1"] += answer.answered and any(
            normalize(a) in norm_sentence for a in answers)
        f1 = max(f1_score(answer.answer, a) for a in answers) if answer.answered else 0.0
        em = answer.answered and any(normalize(answer.answer) == normalize(a) for a in answers)
        totals["f1"] += f1
        totals["em"] += em
        totals["abstained"] += not answer.answered
        rows.append({"id": item["id"], "question": item["question"], "gold": answers,
                     "answer": answer.answer, "sentence": answer.sentence, "f1": round(f1, 3),
                     "gold_rank": ranked.index(gold) + 1 if gold in ranked else None})
    n = len(questions)
    metrics = {key: round(value / n, 3) for key, value in sorted(totals.items())}
    metrics["ms_per_question"] = round((time.perf_counter() - started) * 1000 / n, 1)
    return {"metrics": metrics, "rows": rows}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table (and write JSON when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="questions to sample (0: all)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--modes", default="hybrid,lexical,dense")
    parser.add_argument("--json", type=Path, help="write metrics and per-question rows here")
    parser.add_argument("--cache", type=Path, default=CACHE, help="index cache folder")
    parser.add_argument("--backend", default="torch", help="EMBEDDING_BACKEND for the run")
    parser.add_argument("--half", choices=("all", "train", "heldout"), default="all",
                        help="ask about all articles, the training ones or the held-out ones")
    parser.add_argument("--withhold", action="store_true",
                        help="leave each sampled question's gold paragraph out of the corpus")
    parser.add_argument("--reader", help="answer with this reader (a folder name in "
                        "index/answer/readers/) instead of the shipped one")
    parser.add_argument("--decision", type=Path,
                        help="answer with this decision model instead of the shipped one")
    args = parser.parse_args(argv)
    if not SQUAD.is_file():
        print(f"{SQUAD} is absent: nothing to measure", file=sys.stderr)
        return 0
    articles, questions = load_squad(SQUAD, args.half)
    if args.n:
        questions = random.Random(args.seed).sample(questions, min(args.n, len(questions)))
    cache = args.cache
    if args.withhold:
        gold = {q["source"] for q in questions}
        articles = [a for a in articles if a["id"] not in gold]
        cache = cache.with_name(f"{cache.name}-withheld")
    desk = open_desk(articles, cache, args.backend)
    from newsroom import use_models

    use_models(desk, args.reader, args.decision)
    results = {mode: evaluate(desk, questions, mode) for mode in args.modes.split(",")}
    keys = list(next(iter(results.values()))["metrics"])
    print(f"{len(questions)} questions over {len(articles)} paragraphs")
    print("| mode | " + " | ".join(keys) + " |")
    print("|---" * (len(keys) + 1) + "|")
    for mode, result in results.items():
        print(f"| {mode} | " + " | ".join(str(result["metrics"][k]) for k in keys) + " |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
