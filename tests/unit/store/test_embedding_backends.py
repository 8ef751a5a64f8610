"""Choosing the embedding backend by name."""

import pytest

from index.errors import ConfigError
from index.settings import BACKENDS, Settings
from index.store.embedding_backends import load_embedder


def test_unknown_backend_is_refused_with_the_valid_names():
    with pytest.raises(ValueError, match="unknown embedding backend 'tensorrt'; valid: "
                                         "torch, onnx, onnx-int8"):
        load_embedder(None, "tensorrt")
    with pytest.raises(ConfigError, match=r"EMBEDDING_BACKEND='gpu' is not valid: .*onnx-int8"):
        Settings.from_env({"EMBEDDING_BACKEND": "gpu"})
    assert Settings.from_env({"EMBEDDING_BACKEND": " ONNX-int8 "}).embedding_backend == "onnx-int8"
    assert Settings.from_env({}).embedding_backend == "torch"
    assert BACKENDS == ("torch", "onnx", "onnx-int8")
