"""Fit the extractive reader: a LoRA adapter and span head on the packaged MiniLM, from SQuAD.

Trains on the questions of the training articles of ../shared/bench (even positions of the
sorted titles, as `bench/quality.py --half train`), or of every article with `--titles all`,
then reports short-answer F1 / EM given the gold paragraph on the held-out articles (when any
are held out) and writes the adapter to `index/readers/<name>/`.

    .venv/bin/python bench/train_reader.py [--epochs 3] [--titles train|all] [--name NAME]

About 4-7 s per step of 16 questions on 2 cores (3 epochs of one half: about an hour).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from quality import SQUAD, f1_score, normalize, training_titles  # noqa: E402

from index.reading import MAX_TOKENS, READERS, Reader  # noqa: E402

BATCH = 16
LORA_TARGETS = ["query", "key", "value", "attention.output.dense", "intermediate.dense",
                "output.dense"]


def examples(titles: str) -> tuple[list[tuple], list[tuple]]:
    """Return (training, held-out) (question, context, answers) triples."""
    data = json.loads(SQUAD.read_text(encoding="utf-8"))["data"]
    trained = training_titles(data)
    train, test = [], []
    for doc in data:
        side = train if titles == "all" or doc["title"] in trained else test
        for para in doc["paragraphs"]:
            for qa in para["qas"]:
                side.append((qa["question"], para["context"], qa["answers"]))
    return train, test


def labelled(tokenizer, batch: list[tuple]):
    """Tokenise a batch and mark the first gold answer's first and last token."""
    import torch

    encoded = tokenizer([q for q, _, _ in batch], [c for _, c, _ in batch],
                        truncation="only_second", max_length=MAX_TOKENS, padding=True,
                        return_offsets_mapping=True, return_tensors="pt")
    starts, ends = [], []
    for row, (_, _, answers) in enumerate(batch):
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


def batches(rows: list[tuple], rng: random.Random) -> list[list[tuple]]:
    """Return shuffled batches of similar-length contexts (less padding)."""
    rng.shuffle(rows)
    out = []
    for i in range(0, len(rows), BATCH * 20):
        pool = sorted(rows[i : i + BATCH * 20], key=lambda r: len(r[1]))
        out += [pool[j : j + BATCH] for j in range(0, len(pool), BATCH)]
    rng.shuffle(out)
    return out


def train(rows: list[tuple], epochs: float, rate: float, rank: int):
    """Fine-tune a LoRA adapter and span head; return the peft model."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoTokenizer, BertForQuestionAnswering

    from index.embedding import packaged_model_path

    torch.manual_seed(0)
    base = packaged_model_path()
    tokenizer = AutoTokenizer.from_pretrained(base)
    config = LoraConfig(r=rank, lora_alpha=2 * rank, lora_dropout=0.05,
                        target_modules=LORA_TARGETS, modules_to_save=["qa_outputs"])
    model = get_peft_model(BertForQuestionAnswering.from_pretrained(base), config)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=rate, weight_decay=0.01)
    steps = int(len(rows) / BATCH * epochs)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, s / (0.1 * steps)) * max(0.0, (steps - s) / steps))
    rng, step, started = random.Random(0), 0, time.perf_counter()
    model.train()
    while step < steps:
        for batch in batches(rows, rng):
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
    parser.add_argument("--titles", choices=("train", "all"), default="train")
    parser.add_argument("--name", default="minilm-squad")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if not SQUAD.is_file():
        print(f"{SQUAD} is absent: nothing to train on", file=sys.stderr)
        return 1
    rows, held_out = examples(args.titles)
    model = train(rows, args.epochs, args.rate, args.rank)
    folder = READERS / args.name
    model.save_pretrained(folder)
    (folder / "README.md").unlink(missing_ok=True)  # peft's empty model card
    config = json.loads((folder / "adapter_config.json").read_text(encoding="utf-8"))
    config["base_model_name_or_path"] = "sentence-transformers/all-MiniLM-L6-v2"  # no local path
    (folder / "adapter_config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")
    meta = {"trained_on": f"SQuAD v1.1 dev part b, {args.titles} articles ({len(rows)} "
            "questions)", "epochs": args.epochs, "rate": args.rate, "rank": args.rank}
    if held_out:
        f1, em = held_out_scores(args.name, held_out)
        meta["held_out"] = {"questions": len(held_out), "f1": round(f1, 3), "em": round(em, 3)}
    (folder / "trained.json").write_text(json.dumps(meta, indent=1) + "\n")
    print(json.dumps(meta))
    return 0


if __name__ == "__main__":
    sys.exit(main())
