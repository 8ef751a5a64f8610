"""Fit the extractive reader: a LoRA adapter and span head on the packaged MiniLM, from SQuAD.

Trains on the questions of the training articles of ../shared/bench (even positions of the
sorted titles, as `bench/quality.py --half train`; `--titles odd` the other half, `--titles
quarter` every fourth title, `--titles all` every article), then reports short-answer F1 / EM
given the gold paragraph on the held-out articles (when any are held out) and writes the
adapter to `index/answer/readers/<name>/`.

With `--negatives N` each question is read beside the N paragraphs of the same side that BM25
ranks highest without being its own (hard negatives), and the span softmax is shared across
all of them (Clark & Gardner's shared normalisation): the reader learns to score the answer
above every span of a passage that does not hold it, so its scores rank passages as well as
spans. `--start NAME_OR_PATH` continues from an adapter instead of a fresh one.

With `--sentences N` it reads what the answerer reads instead of paragraphs: one sentence after
its article's title, each question's own and N of its paragraph's others that do not answer it
(answered by [CLS]); it then also reports F1 / EM given the gold sentence on the held-out
articles (docs/benchmarks.md, "A reader fitted on titled sentences").

    .venv/bin/python bench/train_reader.py [--epochs 3] [--titles train|odd|quarter|all]
        [--name NAME] [--negatives 2] [--start minilm-squad] [--impossible] [--sentences N]

About 4-7 s per step of 16 questions on 2 cores (3 epochs of one half: about an hour); with
negatives a step holds 16 / (1 + N) questions.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from quality import SQUAD, f1_score, normalize, training_titles  # noqa: E402

SQUAD2 = SQUAD.with_name("squad-v2.0-dev-part-b.json")

from index.answer.reading import MAX_TOKENS, READERS, Reader  # noqa: E402

BATCH = 16
LORA_TARGETS = ["query", "key", "value", "attention.output.dense", "intermediate.dense",
                "output.dense"]


TITLES = ("train", "odd", "quarter", "all")


def chosen_titles(data: list[dict], titles: str) -> tuple[set[str], set[str]]:
    """Return (trained, held-out) article titles for a `--titles` choice.

    `train`: the even positions of the sorted titles (the shipped reader's), held out the odd;
    `odd`: the odd positions, held out the even (the other fold); `quarter`: every fourth
    title, held out the odd ones, so that its held-out figures compare with `train`'s (a point
    of the learning curve); `all`: every article, none held out.
    """
    ordered = sorted(d["title"] for d in data)
    trained = training_titles(data)
    if titles == "all":
        return set(ordered), set()
    if titles == "odd":
        return set(ordered) - trained, trained
    held = set(ordered) - trained
    return (set(ordered[::4]) if titles == "quarter" else trained), held


def examples(titles: str, impossible: bool = False) -> tuple[list[tuple], list[tuple]]:
    """Return (training, held-out) (question, context, answers) triples.

    With `impossible`, the training side also gets SQuAD 2.0's unanswerable questions of its
    articles, with no answer: the reader learns to put them on [CLS] (its no-answer score).
    """
    data = json.loads(SQUAD.read_text(encoding="utf-8"))["data"]
    chosen, held = chosen_titles(data, titles)
    train, test = [], []
    for doc in data:
        side = train if doc["title"] in chosen else test if doc["title"] in held else None
        for para in doc["paragraphs"] if side is not None else []:
            for qa in para["qas"]:
                side.append((qa["question"], para["context"], qa["answers"]))
    if impossible:
        for doc in json.loads(SQUAD2.read_text(encoding="utf-8"))["data"]:
            for para in doc["paragraphs"] if doc["title"] in chosen else []:
                train += [(qa["question"], para["context"], []) for qa in para["qas"]
                          if qa.get("is_impossible")]
    return train, test


def _words(text: str) -> set[str]:
    """Return the lower-cased words of `text` longer than three letters (a rough overlap)."""
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3}


def sentence_examples(chosen: set[str], impossible: bool, negatives: int) -> list[tuple]:
    """Return (question, context, answers) rows of single titled sentences.

    The answerer reads sentences after their article's title (`index.answer.spans.
    read_windows`, which adds their neighbours), most of which do not answer the question. Each
    answerable question gives its gold sentence (the answer's offset moved into it) and the
    `negatives` other sentences of its paragraph that share most words with the question,
    answered by [CLS]; a sentence that holds a gold answer's text is never a negative. With
    `impossible`, each SQuAD 2.0 unanswerable question gives the `negatives + 1` sentences of
    its paragraph nearest to it, answered by [CLS].
    """
    from index.answer.spans import titled
    from index.corpus.sentences import sentence_spans

    def sentences(context: str) -> list[tuple[int, str]]:
        out = []
        for a, b in sentence_spans(context):
            text = context[a:b]
            out.append((a + len(text) - len(text.lstrip()), text.strip()))
        return out

    def nearest(question: str, options: list[tuple[int, str]], count: int) -> list[str]:
        asked = _words(question)
        ranked = sorted(options, key=lambda o: -len(asked & _words(o[1])))
        return [text for _, text in ranked[:count]]

    data = json.loads(SQUAD.read_text(encoding="utf-8"))["data"]
    rows: list[tuple] = []
    for doc in data:
        title = doc["title"].replace("_", " ")
        for para in doc["paragraphs"] if doc["title"] in chosen else []:
            spans = sentences(para["context"])
            for qa in para["qas"]:
                gold = qa["answers"][0]
                start, end = gold["answer_start"], gold["answer_start"] + len(gold["text"])
                own = [(a, t) for a, t in spans if a <= start and end <= a + len(t)]
                if not own:
                    continue  # the answer crosses a sentence boundary
                context, offset = titled(title, own[0][1])
                rows.append((qa["question"], context,
                             [{"text": gold["text"], "answer_start": start - own[0][0] + offset}]))
                texts = [a["text"].lower() for a in qa["answers"]]
                others = [(a, t) for a, t in spans
                          if (a, t) != own[0] and not any(x in t.lower() for x in texts)]
                rows += [(qa["question"], titled(title, t)[0], [])
                         for t in nearest(qa["question"], others, negatives)]
    if impossible:
        for doc in json.loads(SQUAD2.read_text(encoding="utf-8"))["data"]:
            title = doc["title"].replace("_", " ")
            for para in doc["paragraphs"] if doc["title"] in chosen else []:
                spans = sentences(para["context"])
                rows += [(qa["question"], titled(title, t)[0], [])
                         for qa in para["qas"] if qa.get("is_impossible")
                         for t in nearest(qa["question"], spans, negatives + 1)]
    return rows


# Entity labels a question's name or figure may be swapped between (`swapped`).
SWAPPABLE = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                       "WORK_OF_ART", "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY",
                       "QUANTITY", "CARDINAL", "ORDINAL"})


def swapped(rows: list[tuple], titles: dict[str, dict[str, set[str]]],
            seed: int = 0) -> list[tuple]:
    """Return near-miss questions: each answerable row's question with one entity swapped.

    News coverage invites questions that are answerable in every word but one: "how many
    Norland-built EVs will Kessaria take?" of a sentence about Kessarian-built ones, "who's
    Kessaria's commerce minister?" of one naming Norland's prime minister. For each row (a
    question and its gold context: a paragraph, or a titled sentence), one entity of the
    question that the context states is replaced by another of the same label that the same
    article states elsewhere and the context does not ("England" -> "France", "1066" ->
    "1204"); the swapped question asks about something the context does not say, and is
    answered by [CLS]. A row whose answer is the entity, or whose question has no such entity,
    gives none. `titles` maps each
    context to its article's other entities, by label (see `article_entities`).
    """
    from index.answer.nlp import get_nlp

    rng = random.Random(seed)
    questions = [q for q, _, _ in rows]
    out = []
    for (question, context, answers), doc in zip(rows, get_nlp().pipe(questions), strict=True):
        said = context.lower()
        golds = [a["text"].lower() for a in answers]
        options = []
        for ent in doc.ents:
            name = ent.text.lower()
            if ent.label_ not in SWAPPABLE or name not in said or any(name in g for g in golds):
                continue
            others = [o for o in titles.get(context, {}).get(ent.label_, ())
                      if o.lower() not in said and o.lower() != name]
            if others:
                options.append((ent, others))
        if options:
            ent, others = rng.choice(options)
            other = rng.choice(sorted(others))
            text = question[: ent.start_char] + other + question[ent.end_char :]
            out.append((text, context, []))
    return out


def article_entities(chosen: set[str], sentences: bool) -> dict[str, dict[str, set[str]]]:
    """Return, per context of the chosen articles, its article's entities by label.

    A context is a paragraph, or with `sentences` a sentence after its title (as
    `sentence_examples` writes a gold row's context).
    """
    from index.answer.nlp import get_nlp
    from index.answer.spans import titled
    from index.corpus.sentences import split_sentences

    data = json.loads(SQUAD.read_text(encoding="utf-8"))["data"]
    out: dict[str, dict[str, set[str]]] = {}
    for doc in data:
        if doc["title"] not in chosen:
            continue
        title = doc["title"].replace("_", " ")
        contexts = [p["context"] for p in doc["paragraphs"]]
        found: dict[str, set[str]] = {}
        for parsed in get_nlp().pipe(contexts):
            for ent in parsed.ents:
                found.setdefault(ent.label_, set()).add(ent.text)
        for context in contexts:
            if not sentences:
                out[context] = found
                continue
            for sentence in split_sentences(context):
                out[titled(title, sentence)[0]] = found
    return out


def hard_negatives(rows: list[tuple], count: int) -> list[tuple[str, ...]]:
    """Return, per row, the `count` paragraphs of `rows` BM25 ranks best that are not its own."""
    import bm25s

    paragraphs = list(dict.fromkeys(context for _, context, _ in rows))
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(paragraphs, stopwords="en", show_progress=False),
                    show_progress=False)
    found, _ = retriever.retrieve(
        bm25s.tokenize([q for q, _, _ in rows], stopwords="en", show_progress=False),
        k=count + 1, show_progress=False)
    out = []
    for (_, context, _), row in zip(rows, found, strict=True):
        others = [paragraphs[j] for j in row.tolist() if paragraphs[j] != context]
        out.append(tuple(others[:count]))
    return out


def labelled(tokenizer, batch: list[tuple]):
    """Tokenise a batch and mark the first gold answer's first and last token."""
    import torch

    encoded = tokenizer([q for q, _, *_ in batch], [c for _, c, *_ in batch],
                        truncation="only_second", max_length=MAX_TOKENS, padding=True,
                        return_offsets_mapping=True, return_tensors="pt")
    starts, ends = [], []
    for row, (_, _, answers, *_) in enumerate(batch):
        if not answers:  # an unanswerable question: its target is [CLS]
            starts.append(0)
            ends.append(0)
            continue
        first, last = answers[0]["answer_start"], answers[0]["answer_start"]
        last += len(answers[0]["text"])
        start = end = 0  # [CLS] when the answer was truncated away
        for i, ((a, b), seq) in enumerate(zip(encoded["offset_mapping"][row].tolist(),
                                              encoded.sequence_ids(row), strict=True)):
            if seq != 1:
                continue
            if not start and b > first:
                start = i
            if a < last:
                end = i
        starts.append(start)
        ends.append(max(end, start) if start else 0)
    encoded.pop("offset_mapping")
    return encoded, torch.tensor(starts), torch.tensor(ends)


def batches(rows: list[tuple], rng: random.Random, size: int = BATCH) -> list[list[tuple]]:
    """Return shuffled batches of similar-length contexts (less padding)."""
    rng.shuffle(rows)
    out = []
    for i in range(0, len(rows), size * 20):
        pool = sorted(rows[i : i + size * 20], key=lambda r: len(r[1]))
        out += [pool[j : j + size] for j in range(0, len(pool), size)]
    rng.shuffle(out)
    return out


def shared_loss(model, tokenizer, batch: list[tuple]):
    """Return the gold start and end cross-entropy, one softmax per question across passages.

    The softmax runs over every context token of the question's paragraph and its negatives.
    """
    import torch

    group = 1 + len(batch[0][3])
    flat = []
    for question, context, answers, negatives in batch:
        flat.append((question, context, answers))
        flat += [(question, other, []) for other in negatives]
    encoded = tokenizer([q for q, _, _ in flat], [c for _, c, _ in flat],
                        truncation="only_second", max_length=MAX_TOKENS, padding=True,
                        return_tensors="pt")
    context = torch.tensor([[s == 1 for s in encoded.sequence_ids(i)] for i in range(len(flat))])
    # token positions of the gold rows alone equal those in the first row of each group
    # (same truncation, padding only at the end), which is where the flattened view puts them
    _, starts, ends = labelled(tokenizer, [flat[i] for i in range(0, len(flat), group)])
    keep = starts > 0  # 0: the answer was truncated away; such a question teaches nothing here
    if not keep.any():
        return None
    out = model(**encoded)
    loss = 0.0
    for logits, target in ((out.start_logits, starts), (out.end_logits, ends)):
        masked = logits.masked_fill(~context, -1e4).view(len(batch), -1)
        loss = loss + torch.nn.functional.cross_entropy(masked[keep], target[keep])
    return loss / 2


def train(rows: list[tuple], epochs: float, rate: float, rank: int, start: str | None = None):
    """Fine-tune a LoRA adapter and span head; return the peft model."""
    import torch
    from peft import LoraConfig, PeftModel, get_peft_model
    from transformers import AutoTokenizer, BertForQuestionAnswering

    from index.packaged import packaged_model_path

    torch.manual_seed(0)
    base = packaged_model_path()
    tokenizer = AutoTokenizer.from_pretrained(base)
    if start:
        folder = Path(start) if Path(start).is_dir() else READERS / start
        model = PeftModel.from_pretrained(BertForQuestionAnswering.from_pretrained(base), folder,
                                          is_trainable=True)
    else:
        config = LoraConfig(r=rank, lora_alpha=2 * rank, lora_dropout=0.05,
                            target_modules=LORA_TARGETS, modules_to_save=["qa_outputs"])
        model = get_peft_model(BertForQuestionAnswering.from_pretrained(base), config)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=rate, weight_decay=0.01)
    size = BATCH // (1 + len(rows[0][3])) if len(rows[0]) > 3 else BATCH
    steps = int(len(rows) / size * epochs)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, s / (0.1 * steps)) * max(0.0, (steps - s) / steps))
    rng, step, started = random.Random(0), 0, time.perf_counter()
    model.train()
    while step < steps:
        for batch in batches(rows, rng, size):
            if len(batch[0]) > 3:
                loss = shared_loss(model, tokenizer, batch)
                if loss is None:
                    continue
            else:
                encoded, starts, ends = labelled(tokenizer, batch)
                loss = model(**encoded, start_positions=starts, end_positions=ends).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            step += 1
            if step % 50 == 0:
                print(f"step {step}/{steps} loss {loss.item():.3f} "
                      f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
            if step >= steps:
                break
    return model


def held_out_scores(name: str, rows: list[tuple]) -> tuple[float, float]:
    """Return (F1, EM) of the saved reader's best span given the gold paragraph."""
    reader = Reader(name)
    f1 = em = 0.0
    for question, context, answers in rows:
        spans = reader.read(question, [context], top=1)[0]
        guess = context[spans[0].start : spans[0].end] if spans else ""
        golds = [a["text"] for a in answers]
        f1 += max(f1_score(guess, g) for g in golds)
        em += any(normalize(guess) == normalize(g) for g in golds)
    return f1 / len(rows), em / len(rows)


def main(argv: list[str] | None = None) -> int:
    """Train, save and report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=float, default=3.0)
    parser.add_argument("--rate", type=float, default=5e-4)
    parser.add_argument("--rank", type=int, default=16)
    parser.add_argument("--titles", choices=TITLES, default="train",
                        help="the articles trained on (held out: the other half)")
    parser.add_argument("--name", default="minilm-squad2")
    parser.add_argument("--negatives", type=int, default=0,
                        help="hard-negative paragraphs read beside each question's own")
    parser.add_argument("--start", help="continue from this adapter (a name or a folder)")
    parser.add_argument("--impossible", action="store_true",
                        help="add SQuAD 2.0's unanswerable questions, answered by [CLS]")
    parser.add_argument("--swaps", action="store_true",
                        help="add near-miss questions: one entity of each answerable question "
                        "swapped for another of its article that its context does not state "
                        "([CLS])")
    parser.add_argument("--sentences", type=int, metavar="N",
                        help="read titled sentences, as the answerer does: each question's own "
                        "and N of its paragraph's others that do not answer it")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if not SQUAD.is_file():
        print(f"{SQUAD} is absent: nothing to train on", file=sys.stderr)
        return 1
    rows, held_out = examples(args.titles, args.impossible)
    data = json.loads(SQUAD.read_text(encoding="utf-8"))["data"]
    chosen, held = chosen_titles(data, args.titles)
    sentence_rows: list[tuple] = []
    if args.sentences is not None:
        rows = sentence_examples(chosen, args.impossible, args.sentences)
        sentence_rows = sentence_examples(held, False, 0)
    if args.swaps:
        answered = [row for row in rows if row[2]]
        near = swapped(answered, article_entities(chosen, args.sentences is not None))
        print(f"{len(near)} near-miss questions of {len(answered)}", file=sys.stderr)
        rows += near
    if args.negatives:
        rows = [(*row, others) for row, others in
                zip(rows, hard_negatives(rows, args.negatives), strict=True)]
    model = train(rows, args.epochs, args.rate, args.rank, args.start)
    folder = READERS / args.name
    model.save_pretrained(folder)
    (folder / "README.md").unlink(missing_ok=True)  # peft's empty model card
    config = json.loads((folder / "adapter_config.json").read_text(encoding="utf-8"))
    config["base_model_name_or_path"] = "sentence-transformers/all-MiniLM-L6-v2"  # no local path
    (folder / "adapter_config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")
    meta = {"trained_on": f"SQuAD v1.1 dev part b, {args.titles} articles ({len(rows)} "
            "questions)", "epochs": args.epochs, "rate": args.rate, "rank": args.rank,
            "negatives": args.negatives, "start": args.start, "sentences": args.sentences,
            "swaps": args.swaps,
            "impossible": sum(not answers for _, _, answers, *_ in rows)}
    if held_out:
        f1, em = held_out_scores(args.name, held_out)
        meta["held_out"] = {"questions": len(held_out), "f1": round(f1, 3), "em": round(em, 3)}
    if sentence_rows:
        f1, em = held_out_scores(args.name, sentence_rows)
        meta["held_out_sentence"] = {"questions": len(sentence_rows), "f1": round(f1, 3),
                                     "em": round(em, 3)}
    (folder / "trained.json").write_text(json.dumps(meta, indent=1) + "\n")
    print(json.dumps(meta))
    return 0


if __name__ == "__main__":
    sys.exit(main())
