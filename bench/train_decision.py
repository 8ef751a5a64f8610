"""Fit the answer decision (`index/answer/decision.json`) on SQuAD, split by article.

Every question is run through the answering pipeline up to the decision (`index.answer.
pipeline.read`); each merged answer it finds is one example, labelled right when it matches a
gold answer (SQuAD F1 >= 0.5 or a gold answer inside it). Three kinds of questions, from
../shared/bench:

- answerable: SQuAD v1.1 part B, asked of all 1,154 paragraphs;
- withheld: the same questions with their gold paragraph left out of the index (the rest of
  the article, same names and topic, stays): every answer found is wrong unless another
  paragraph states it too;
- impossible: SQuAD 2.0's questions written to look answerable from a paragraph that does not
  answer them (`is_impossible`), asked of the same index: every answer found is wrong.

With `--newsroom`, the questions of the invented multi-outlet coverage in ../shared/eval join
them (terse, paraphrased, many sources: what SQuAD lacks), split in two folds by question
number: two more models are fitted, each with one fold, and `bench/newsroom.py --decision`
measures each on the fold it did not see; the shipped model is fitted on both folds. A
newsroom question weighs `--newsroom-weight` (2) SQuAD questions in the fit: 3 gained a
newsroom question held out and lost two points of SQuAD's right answers (docs/benchmarks.md).

The articles are split in two by title (the held-out articles of the reader's recipe, odd
positions, split again): the model is fitted on one part and every figure reported is measured
on the other. The threshold is the highest at which the held-out answerable questions are
still answered 85% of the time (`--answered`): the operating point the answerer's targets
state (decline what cannot be answered while answering 85% of what can); or with
`--precision` the lowest whose held-out answers are right that often. The curve is printed
either way.

Describing and causal questions ("How did X describe Y?", "What caused Z?") are a few per cent
of SQuAD: every one of them in the sampled articles joins the sample (`framed`), so that the
decision learns what an answer frame that fits is worth.

    .venv/bin/python bench/train_decision.py [-n 500] [--reader NAME] [--newsroom [--splits N]]
        [--answered A | --precision P] [--features FILE] [--sentences N]
        [--fold-readers EVEN ODD] [--newsroom-weight W] [--stories] [--out FILE] [--write]

A reader fitted on every SQuAD article (`bench/train_reader.py --titles all`) leaves none it
has not seen; `--fold-readers EVEN ODD` cross-fits: each SQuAD question is read by the fold
reader not fitted on its article (EVEN fitted on the even-position titles, ODD on the odd),
the newsroom by `--reader`, and all 24 articles are sampled and halved (use twice the -n).

With `--stories`, the questions of the second invented set (bench/stories, written apart from
the newsroom's) are fitted on in every model, weighed as newsroom questions, so that a model
fitted without `--newsroom` leaves the newsroom wholly unseen (`--out FILE`, then
`bench/newsroom.py --decision FILE`): without `--newsroom`, the newsroom questions of a cached
features file are left out of the fit.

With `--splits N`, the newsroom questions are also halved N ways (by number, then by seeded
shuffles) and two fold models fitted per halving; `bench/newsroom.py --splits` answers each
half with the model that did not see it and reports the mean and range per kind.

Features are cached per question in bench/.cache/decision-<reader>[-bfloat16].jsonl (a re-run
only fits); the reader and the lexicon compute in the precision ANSWER_PRECISION gives the bot.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from fitting import ANSWERED  # noqa: E402
from quality import CACHE, SQUAD, f1_score, load_squad, normalize, open_desk, training_titles  # noqa: E402

SQUAD2 = SQUAD.with_name("squad-v2.0-dev-part-b.json")


def split_titles(every: bool = False) -> tuple[set[str], set[str]]:
    """Return (fit, test) titles: the reader recipe's held-out articles, halved.

    With `every` (fold readers, see `gather`), the articles it was fitted on join them, halved
    the same way: no reader has seen the article it reads either way.
    """
    data = json.loads(SQUAD.read_text(encoding="utf-8"))["data"]
    trained = training_titles(data)
    held = sorted(d["title"] for d in data if d["title"] not in trained)
    fit, test = set(held[::2]), set(held[1::2])
    if every:
        fit |= set(sorted(trained)[::2])
        test |= set(sorted(trained)[1::2])
    return fit, test


def impossible_questions() -> list[dict]:
    """Return SQuAD 2.0's unanswerable questions, with their paragraph's v1.1 source id."""
    data = json.loads(SQUAD2.read_text(encoding="utf-8"))["data"]
    v1 = {d["title"]: [p["context"] for p in d["paragraphs"]]
          for d in json.loads(SQUAD.read_text(encoding="utf-8"))["data"]}
    out = []
    for doc in data:
        contexts = v1.get(doc["title"], [])
        for para in doc["paragraphs"]:
            source = next((f"{doc['title']}#{i}" for i, c in enumerate(contexts)
                           if c == para["context"]), None)
            for qa in para["qas"]:
                if qa.get("is_impossible"):
                    out.append({"id": qa["id"], "question": qa["question"], "source": source,
                                "answers": [], "title": doc["title"]})
    return out


def label(text: str, answers: list[str]) -> int:
    """Return 1 when a merged answer is a gold answer: F1 >= 0.5, or it holds one and is at
    most 3 words longer (a long span that holds the answer is not the answer)."""
    norm = normalize(text).split()
    for gold in answers:
        words = normalize(gold).split()
        if f1_score(text, gold) >= 0.5:
            return 1
        inside = any(norm[i : i + len(words)] == words for i in range(len(norm)))
        if words and inside and len(norm) <= len(words) + 3:
            return 1
    return 0


def newsroom_label(text: str, answers: list[str]) -> int:
    """Return 1 when an answer (its relative dates resolved) holds an expected string."""
    return int(any(a.lower() in text.lower() for a in answers))


def newsroom_questions(devset: str = "newsroom") -> list[dict]:
    """Return a dev set's questions, each with its fold ("newsroom-0" / "newsroom-1"); the
    stories set's all under one title ("stories"), as it is always fitted on."""
    sys.path.insert(0, str(ROOT / "bench"))
    from newsroom import dev_set, load_questions

    def title(q: dict) -> str:
        return "stories" if devset == "stories" else f"newsroom-{int(q['id'].split('-')[1]) % 2}"

    return [{"id": q["id"], "question": q["question"], "kind": q["kind"],
             "answers": q.get("expect_any") or q.get("expect_all") or [],
             "title": title(q)} for q in load_questions(devset=dev_set(devset))]


def gather_stories(args, path: Path) -> Path:
    """Compute (or reuse) the features of the stories dev set's questions, beside `path`."""
    from newsroom import dev_set
    from newsroom import open_desk as open_dev_set

    from index.answer.config import CONFIG
    from index.answer.reading_backends import load_reader

    config = CONFIG if args.sentences is None else replace(CONFIG, sentences=args.sentences)
    stories = path.with_name(path.stem + "-stories.jsonl")
    if stories.is_file():
        return stories
    partial = stories.with_suffix(".partial")
    reader = load_reader(args.reader, precision=answer_precision())
    with partial.open("w", encoding="utf-8") as out:
        collect(open_dev_set(devset=dev_set("stories")), newsroom_questions("stories"),
                "newsroom", reader, out, config)
    partial.rename(stories)
    return stories


def collect(desk, questions: list[dict], kind: str, reader, out, config=None) -> None:
    """Run each question to the decision; write one line of merged answers per question.

    `reader` is a reader, or a function of a question's article title returning the one that
    reads it (fold readers).
    """
    from index.answer.config import CONFIG
    from index.answer.pipeline import read

    config = config or CONFIG
    reader_of = reader if callable(reader) else lambda title: reader
    lexicon, parser = desk.lexicon(), desk.parser()
    for i, item in enumerate(questions):
        analysis, evidence = desk.evidence(item["question"])
        findings = read(analysis, evidence, reader_of(item["title"]), config, lexicon=lexicon,
                        parser=parser)
        judge = newsroom_label if kind.startswith("newsroom") else label
        out.write(json.dumps({
            "id": item["id"], "kind": kind, "title": item["title"], "question": item["question"],
            "qkind": item.get("kind", kind),
            "answers": item["answers"],
            "merged": _described(findings.merged, judge, item["answers"]),
            "aside": _described(findings.aside, judge, item["answers"]),  # counted in shares
        }) + "\n")
        out.flush()
        if i % 50 == 0:
            print(f"{kind}: {i}/{len(questions)}", file=sys.stderr)


def _described(merged: list, judge, answers: list[str]) -> list[dict]:
    """Return merged answers as a features file holds them, each labelled by `judge`."""
    return [{"text": m.text, "value": m.value.text, "label": judge(m.value.text, answers),
             "features": m.features} for m in merged]


def framed(pool: list[dict], sampled: list[dict]) -> list[dict]:
    """Return the questions of `pool` not sampled whose answer a frame may point at.

    Describing and causal questions ("How did Luther describe ...?", "What caused ...?",
    `index.answer.frames`) are a few per cent of SQuAD: a sample holds too few of them for the
    decision to learn what a frame that fits is worth, so every one of them is added.
    """
    from index.answer.questions import parse_question

    taken = {q["id"] for q in sampled}
    return [q for q in pool
            if q["id"] not in taken and parse_question(q["question"]).frame is not None]


def gather(args) -> Path:
    """Compute (or reuse) the features of every sampled question."""

    from index.answer.config import CONFIG
    from index.answer.reading_backends import load_reader

    config = CONFIG if args.sentences is None else replace(CONFIG, sentences=args.sentences)
    precision = answer_precision()
    tag = "" if args.sentences is None else f"-s{args.sentences}"
    tag += "" if precision == "float32" else f"-{precision}"
    if args.fold_readers:
        tag += "-x-" + "-".join(args.fold_readers)
    path = args.features or CACHE.with_name(f"decision-{args.reader}{tag}.jsonl")
    if path.is_file():
        return path
    fit, test = split_titles(every=bool(args.fold_readers))
    titles = fit | test
    articles, answerable = load_squad(SQUAD, "all")
    title_of = {a["id"]: a["id"].rsplit("#", 1)[0] for a in articles}
    answerable = [dict(q, title=title_of[q["source"]]) for q in answerable
                  if title_of[q["source"]] in titles]
    rng = random.Random(args.seed)
    sampled = rng.sample(answerable, min(args.n, len(answerable)))
    answerable = sampled + framed(answerable, sampled)
    impossible = [q for q in impossible_questions() if q["title"] in titles]
    impossible = rng.sample(impossible, min(args.n, len(impossible)))
    reader = load_reader(args.reader, precision=precision)
    squad_reader = reader
    if args.fold_readers:
        trained = training_titles(json.loads(SQUAD.read_text(encoding="utf-8"))["data"])
        even, odd = (load_reader(name, precision=precision) for name in args.fold_readers)
        squad_reader = lambda title: odd if title in trained else even  # noqa: E731
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        desk = open_desk(articles)
        collect(desk, answerable, "answerable", squad_reader, out, config)
        collect(desk, impossible, "impossible", squad_reader, out, config)
        gold = {q["source"] for q in answerable}
        desk = open_desk([a for a in articles if a["id"] not in gold],
                         CACHE.with_name(f"{CACHE.name}-withheld-decision"))
        collect(desk, answerable, "withheld", squad_reader, out, config)
        if args.newsroom:
            from newsroom import open_desk as open_newsroom

            items = newsroom_questions()
            collect(open_newsroom(), items, "newsroom", reader, out, config)
    partial.rename(path)  # only a complete run is reused
    return path


def answer_precision() -> str:
    """Return the precision the reader and lexicon compute in: ANSWER_PRECISION, as the bot's."""
    from index.answer.precision import resolve_precision
    from index.settings import Settings

    return resolve_precision(Settings.from_env().answer_precision)


def main(argv: list[str] | None = None) -> int:
    """Gather features, fit, report held-out figures, and write the model when asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=500, help="questions of each kind")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--reader", default="minilm-squad2")
    parser.add_argument("--answered", type=float, default=ANSWERED,
                        help="choose the highest threshold that still answers this share of "
                             "the held-out answerable questions (default %(default)s)")
    parser.add_argument("--precision", type=float,
                        help="choose the lowest threshold whose held-out answers are right this "
                             "often (default: see above)")
    parser.add_argument("--features", type=Path)
    parser.add_argument("--write", action="store_true", help="write index/answer/decision.json")
    parser.add_argument("--newsroom", action="store_true",
                        help="fit on the newsroom dev questions too (two folds, see above)")
    parser.add_argument("--stories", action="store_true",
                        help="fit on the stories dev questions (bench/stories) too, always: "
                             "their features are cached beside the others' (-stories.jsonl)")
    parser.add_argument("--out", type=Path, help="write the model to this file as well")
    parser.add_argument("--sentences", type=int,
                        help="sentences the reader reads (AnswerConfig.sentences), to fit a "
                             "decision for another setting; features cached apart")
    parser.add_argument("--splits", type=int, default=0,
                        help="with --newsroom: also fit the fold models of this many halvings "
                             "of the newsroom questions, for `bench/newsroom.py --splits`")
    parser.add_argument("--fold-readers", nargs=2, metavar=("EVEN", "ODD"),
                        help="cross-fitting, for a --reader fitted on all the SQuAD articles: "
                             "SQuAD questions are read by EVEN (a reader fitted on the "
                             "even-position articles) or ODD (on the others), whichever has "
                             "not seen their article, and every article is sampled; the "
                             "newsroom is read by --reader")
    parser.add_argument("--newsroom-weight", type=float, default=2.0,
                        help="how much a newsroom question weighs against a SQuAD one")
    args = parser.parse_args(argv)
    if not SQUAD.is_file():
        print(f"{SQUAD} is absent: nothing to fit", file=sys.stderr)
        return 0
    from fitting import fit_and_report

    path = gather(args)
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    if not args.newsroom:  # the cache may hold them: fit without them all the same
        rows = [r for r in rows if r["kind"] != "newsroom"]
    if args.stories:
        rows += [json.loads(line) for line in gather_stories(args, path).read_text().splitlines()]
    for row in rows:  # labelled again: a cache made before a change of rule stays usable
        judge = newsroom_label if row["kind"] == "newsroom" else label
        for merged in row["merged"]:
            merged["label"] = judge(merged.get("value", merged["text"]), row["answers"])
    fit_titles, _ = split_titles(every=bool(args.fold_readers))
    reader = f"{args.reader} ({answer_precision()})"
    if args.fold_readers:
        reader += "; SQuAD read by {} and {}".format(*args.fold_readers)
    model = fit_and_report(rows, fit_titles, args.precision, reader, args.newsroom_weight,
                           CACHE.parent, args.answered)
    if args.splits and args.newsroom:
        from fitting import fit_splits

        for old in CACHE.parent.glob("decision-split-*-fold-*.json"):
            old.unlink()
        written = fit_splits(rows, fit_titles, model.threshold, args.splits,
                             args.newsroom_weight, CACHE.parent)
        print(f"wrote {len(written)} fold models to {CACHE.parent} for bench/newsroom.py --splits")
    if args.out:
        print(f"wrote {model.save(args.out)}")
    if args.write:
        print(f"wrote {model.save()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
