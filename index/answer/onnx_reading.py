"""The reader on ONNX Runtime, for `EMBEDDING_BACKEND=onnx` or `onnx-int8`.

The export is made locally, once, like the embedder's (`index.store.onnx_embedding`): the packaged
MiniLM with the shipped adapter merged in is traced to ONNX, fused by ONNX Runtime's
transformer optimiser (`model.onnx`) and its linear layers quantised to int8
(`model-int8.onnx`). The folder's name carries a hash of the adapter, so a new adapter gets a
new export. At run time only `onnxruntime` and `tokenizers` are imported: a process on an ONNX
backend answers without loading transformers, peft or sentence-transformers.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

from index.answer.reading import (
    MAX_TOKENS,
    STRIDE,
    BaseReader,
    Reading,
    adapter_folder,
    load_model,
    windows,
)
from index.store.onnx_embedding import ensure, open_export, optimise_and_quantise, staged, trace

EXPORT_VERSION = 1  # bump when the export recipe changes: older exports are rebuilt


def export_folder(root: Path, name: str) -> Path:
    """Return the folder under `root` that holds the export of the named reader."""
    weights = adapter_folder(name) / "adapter_model.safetensors"
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()[:8]
    return root / f"reader-{name}-{digest}-v{EXPORT_VERSION}"


def export(name: str, folder: Path) -> Path:
    """Export the named reader to ONNX, float32 and int8, into `folder`."""
    model, tokenizer = load_model(name)

    def build(work: Path) -> None:
        sample = tokenizer(["who reads?"], ["the reader reads passages"], return_tensors="pt")
        names = trace(model, sample, ["start_logits", "end_logits"], work / "traced.onnx")
        optimise_and_quantise(work / "traced.onnx", work, model.config)
        (work / "traced.onnx").unlink()
        tokenizer.backend_tokenizer.save(str(work / "tokenizer.json"))
        meta = {
            "reader": name,
            "inputs": names,
            "pad_id": int(tokenizer.pad_token_id or 0),
            "pad_token": str(tokenizer.pad_token or "[PAD]"),
            "version": EXPORT_VERSION,
        }
        (work / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")

    return staged(folder, build)


def ensure_export(name: str, root: Path, force: bool = False) -> tuple[Path, bool]:
    """Return the export folder of the named reader under `root`, and whether it was made now."""
    return ensure(export_folder(root, name), lambda folder: export(name, folder), force)


class OnnxReader(BaseReader):
    """The reader running an ONNX export with ONNX Runtime (see the module doc)."""

    batch_size = 4  # read faster than 8 by ONNX Runtime on the CPU (docs/benchmarks.md)

    def __init__(self, folder: Path, name: str, quantized: bool) -> None:
        """Open the export in `folder`; `quantized` picks the int8 graph."""
        export = open_export(folder, quantized)
        self._session, self._inputs = export.session, export.inputs
        self._tokenizer = export.tokenizer
        # The same windows as the torch reader's tokenizer call: question whole, the passage
        # cut into MAX_TOKENS windows overlapping by STRIDE tokens.
        self._tokenizer.enable_truncation(MAX_TOKENS, stride=STRIDE, strategy="only_second")
        self._tokenizer.no_padding()
        self._pad = int(export.meta["pad_id"])
        self.name = name

    def _batch(self, question: str, passages: list[str]) -> list[Reading]:
        """Return the reader's logits over one batch of passages (ONNX Runtime)."""
        if not passages:
            return []
        owners, rows = [], []
        for owner, encoding in enumerate(self._tokenizer.encode_batch(
                [(question, passage) for passage in passages])):
            for window in [encoding, *encoding.overflowing]:
                owners.append(owner)
                rows.append(window)
        width = max(len(w.ids) for w in rows)
        ids = np.full((len(rows), width), self._pad, dtype=np.int64)
        types = np.zeros_like(ids)
        mask = np.zeros_like(ids)
        for i, window in enumerate(rows):
            ids[i, : len(window.ids)] = window.ids
            types[i, : len(window.ids)] = window.type_ids
            mask[i, : len(window.ids)] = 1
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        starts, ends = self._session.run(None, {n: feed[n] for n in self._inputs})
        return windows(owners, [w.offsets for w in rows], [w.sequence_ids for w in rows],
                       starts, ends)


def load_onnx_reader(name: str, quantized: bool, root: Path) -> OnnxReader:
    """Open the ONNX export of the named reader under `root`, exporting it first if missing."""
    folder, _ = ensure_export(name, root)
    return OnnxReader(folder, f"{name} [{'onnx-int8' if quantized else 'onnx'}]", quantized)
