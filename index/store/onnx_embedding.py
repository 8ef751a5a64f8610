"""The ONNX Runtime embedder backends (`EMBEDDING_BACKEND=onnx` or `onnx-int8`).

The export is made locally, once, from the weights sentence-transformers loads (the packaged
MiniLM by default): the transformer is traced to ONNX with torch's exporter, its attention,
GELU and layer-norm subgraphs are fused by ONNX Runtime's transformer optimizer (`model.onnx`,
float32), and the linear layers of that graph are quantised to int8 with ONNX Runtime's
dynamic quantisation (`model-int8.onnx`). The folder also holds the tokenizer and a
`meta.json`. Nothing is downloaded.

At run time only `onnxruntime` and `tokenizers` are imported (not torch or
sentence-transformers): texts are tokenised exactly as sentence-transformers does (same
`tokenizer.json`, same truncation), run through the graph, mean-pooled over the attention
mask and normalised, as all-MiniLM-L6-v2's own modules do. Models whose pipeline is anything
else (CLS pooling, an extra dense layer) are refused with ConfigError. The int8 graph quantises
activations per batch, so a text's vector varies a little with the batch it is embedded in
(cosine > 0.98 to torch's either way).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import tempfile
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from index.errors import ConfigError
from index.store.embedding import BatchEmbedder, SentenceTransformerEmbedder, Tokens, pipeline

log = logging.getLogger(__name__)

FLOAT_FILE = "model.onnx"
INT8_FILE = "model-int8.onnx"
EXPORT_VERSION = 1  # bump when the export recipe changes: older exports are rebuilt
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def export_folder(root: Path, model: str | None) -> Path:
    """Return the folder under `root` that holds the export of `model` (None: packaged)."""
    if model is None:
        return root / f"all-MiniLM-L6-v2-packaged-v{EXPORT_VERSION}"
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", model).strip("-")[-40:]
    digest = hashlib.sha256(model.encode()).hexdigest()[:8]
    return root / f"{slug}-{digest}-v{EXPORT_VERSION}"


def _check_pipeline(st_model: Any) -> None:
    """Refuse models whose modules are not transformer, mean pooling and (optional) normalise."""
    plain, modules = pipeline(st_model)
    if not plain:
        raise ConfigError(
            "the onnx embedding backends support models made of a transformer, mean pooling "
            f"and normalisation (like all-MiniLM-L6-v2); this one is {modules}: "
            "use EMBEDDING_BACKEND=torch"
        )


def trace(model: Any, sample: Mapping[str, Any], outputs: Sequence[str], path: Path) -> list[str]:
    """Trace a Hugging Face `model` to an ONNX file; return the graph's input names.

    The batch and token axes are dynamic.

    Args:
        model: a transformers model; called with the sample's inputs as keywords.
        sample: tokenizer output to trace with.
        outputs: the names of the model output's fields to keep, in order.
        path: where to write the graph.

    """
    import torch

    model = model.eval()
    model.set_attn_implementation("eager")  # the pattern ONNX Runtime fuses
    names = [name for name in _INPUTS if name in sample]

    class Traced(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, *tensors: torch.Tensor) -> tuple[torch.Tensor, ...]:
            out = self.model(**dict(zip(names, tensors, strict=True)))
            return tuple(getattr(out, name) for name in outputs)

    axes = {name: {0: "batch", 1: "tokens"} for name in [*names, *outputs]}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Traced().eval(), tuple(sample[name] for name in names), str(path),
            input_names=names, output_names=list(outputs), dynamic_axes=axes,
            opset_version=17, dynamo=False,
        )
    return names


def staged(folder: Path, build: Callable[[Path], None]) -> Path:
    """Make an export folder atomically: `build(work)` fills a temporary one, then it moves.

    If another process finished the same export meanwhile, its folder is kept.
    """
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        build(work)
        work.chmod(0o755)
        if folder.exists():
            log.info("the ONNX export in %s was made meanwhile; keeping it", folder)
        else:
            work.rename(folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return folder


def optimise_and_quantise(traced: Path, folder: Path, config: Any) -> None:
    """Fuse the traced graph into `model.onnx` and quantise that into `model-int8.onnx`."""
    from onnx import TensorProto
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers.optimizer import optimize_model

    fused = optimize_model(
        str(traced), model_type="bert", opt_level=1,
        num_heads=int(getattr(config, "num_attention_heads", 0)),
        hidden_size=int(getattr(config, "hidden_size", 0)),
    )
    fused.save_model_to_file(str(folder / FLOAT_FILE))
    logging.disable(logging.WARNING)  # the quantiser logs advice on the root logger
    try:
        quantize_dynamic(
            folder / FLOAT_FILE, folder / INT8_FILE, weight_type=QuantType.QInt8,
            per_channel=True, extra_options={"DefaultTensorType": TensorProto.FLOAT},
        )
    finally:
        logging.disable(logging.NOTSET)


def export(model: str | None, folder: Path) -> Path:
    """Export `model` (None: the packaged MiniLM) to ONNX, float32 and int8, into `folder`."""
    st_model = SentenceTransformerEmbedder(model).model
    _check_pipeline(st_model)
    if not st_model.tokenizer.is_fast:
        raise ConfigError("the onnx embedding backends need a model with a fast tokenizer")

    def build(work: Path) -> None:
        sample = st_model.tokenizer(["a short one", "and a longer sentence"],
                                    return_tensors="pt", padding=True)
        names = trace(st_model[0].auto_model, sample, ["last_hidden_state"],
                      work / "traced.onnx")
        optimise_and_quantise(work / "traced.onnx", work, st_model[0].auto_model.config)
        (work / "traced.onnx").unlink()
        st_model.tokenizer.backend_tokenizer.save(str(work / "tokenizer.json"))
        meta = {
            "model": model,
            "inputs": names,
            "dimension": int(st_model[1].get_config_dict()["embedding_dimension"]),
            "max_seq_length": int(st_model.max_seq_length),
            "pad_id": int(st_model.tokenizer.pad_token_id or 0),
            "pad_token": str(st_model.tokenizer.pad_token or "[PAD]"),
            "version": EXPORT_VERSION,
        }
        (work / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")

    return staged(folder, build)


@dataclass(frozen=True)
class Export:
    """An opened export: its ONNX Runtime session, input names, tokenizer and meta.json."""

    session: Any
    inputs: tuple[str, ...]
    tokenizer: Any
    meta: dict[str, Any]


def open_export(folder: Path, quantized: bool) -> Export:
    """Open the export in `folder` on the CPU; `quantized` picks the int8 graph."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    options = ort.SessionOptions()
    options.log_severity_level = 3
    graph = folder / (INT8_FILE if quantized else FLOAT_FILE)
    session = ort.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    return Export(session, tuple(meta["inputs"]), tokenizer, meta)


class OnnxEmbedder(BatchEmbedder):
    """A sentence embedder running an ONNX export with ONNX Runtime (see the module doc)."""

    def __init__(self, folder: Path, name: str, quantized: bool, batch_size: int = 32) -> None:
        """Open the export in `folder`; `quantized` picks the int8 graph."""
        export = open_export(folder, quantized)
        meta = export.meta
        self._session, self._inputs = export.session, export.inputs
        self._tokenizer = export.tokenizer
        self._tokenizer.enable_truncation(int(meta["max_seq_length"]))
        self._tokenizer.enable_padding(pad_id=int(meta["pad_id"]), pad_token=meta["pad_token"])
        self.name = name
        self.backend = "onnx-int8" if quantized else "onnx"
        self.dimension = int(meta["dimension"])
        self.batch_size = batch_size

    def _encode(self, texts: list[str]) -> np.ndarray:
        return self._tokens(texts)[0]

    def _tokens(self, texts: list[str]) -> tuple[np.ndarray, list[Tokens]]:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, {name: feed[name] for name in self._inputs})[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        vectors = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        offsets = [[o if special == 0 else (0, 0) for o, special in zip(
            e.offsets, e.special_tokens_mask, strict=True)] for e in encodings]
        return vectors, list(zip(offsets, hidden, strict=True))


def ensure(folder: Path, make: Callable[[Path], Path], force: bool = False) -> tuple[Path, bool]:
    """Return an export folder and whether `make(folder)` made it just now (when missing)."""
    if (folder / "meta.json").is_file() and not force:
        return folder, False
    shutil.rmtree(folder, ignore_errors=True)
    log.info("making the ONNX export %s (once)", folder)
    return make(folder), True


def ensure_export(model: str | None, root: Path, force: bool = False) -> tuple[Path, bool]:
    """Return the export folder of `model` under `root` and whether it was made just now."""
    return ensure(export_folder(root, model), lambda folder: export(model, folder), force)


def load_onnx_embedder(
    model: str | None, name: str, quantized: bool, root: Path
) -> OnnxEmbedder:
    """Open the ONNX export of `model` under `root`, exporting it first if it is missing."""
    folder, _ = ensure_export(model, root)
    return OnnxEmbedder(folder, name, quantized)
