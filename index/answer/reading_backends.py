"""Load the reader on the runtime EMBEDDING_BACKEND names: torch, or an ONNX export."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from index.answer.onnx_reading import load_onnx_reader
from index.answer.reading import DEFAULT_READER, BaseReader, Reader


@cache
def load_reader(
    name: str = DEFAULT_READER, backend: str = "torch", export_root: Path | None = None,
    precision: str = "float32",
) -> BaseReader:
    """Return the named reader on a runtime, loaded once per process.

    `backend` is the embedder's (EMBEDDING_BACKEND): `torch`, or `onnx` / `onnx-int8` for an
    ONNX export of the reader made under `export_root` on first use (`index.answer.onnx_reading`).
    `precision` (ANSWER_PRECISION) is what the torch reader computes in; the ONNX backends'
    names say theirs.
    """
    if backend == "torch":
        return Reader(name, precision)
    if export_root is None:
        raise ValueError(f"the {backend} reader needs a folder for its export")
    return load_onnx_reader(name, backend == "onnx-int8", export_root)
