"""How the settings of a command are compared with what the index was built from."""

from pathlib import Path

import pytest

from index.settings import Settings
from index.store.embedding import PACKAGED_MODEL
from index.store.provenance import built_with, corpus_change, differences, settings_differ


class Named:
    """An embedder as far as a commit looks at it: a name, maybe a backend."""

    def __init__(self, name: str, backend: str | None = None) -> None:
        self.name = name
        if backend is not None:
            self.backend = backend


def test_a_commit_records_the_resolved_corpus_folder_the_model_and_its_backend(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    assert built_with(Path("corpus"), Named(PACKAGED_MODEL, "torch")) == {
        "corpus": str(tmp_path / "corpus"), "model": PACKAGED_MODEL, "backend": "torch",
    }
    assert "backend" not in built_with(Path("corpus"), Named("table"))


def test_settings_like_the_build_differ_in_nothing(tmp_path):
    info = {"corpus": str(tmp_path / "a"), "model": PACKAGED_MODEL, "backend": "torch"}
    assert settings_differ(info, Settings(corpus_dir=tmp_path / "a")) is None
    onnx = {**info, "model": f"{PACKAGED_MODEL} [onnx]", "backend": "onnx"}
    assert differences(onnx, Settings(corpus_dir=tmp_path / "a", embedding_backend="onnx")) == []


def test_another_corpus_folder_is_named_with_what_to_run(tmp_path):
    info = {"corpus": str(tmp_path / "a"), "model": PACKAGED_MODEL, "backend": "torch"}
    assert settings_differ(info, Settings(corpus_dir=tmp_path / "b")) == (
        f"the index was built with corpus folder {tmp_path / 'a'} (CORPUS_DIR is "
        f"{tmp_path / 'b'}): answers come from that index. Run `newsdesk index` to index "
        "what these settings name."
    )


@pytest.mark.parametrize(("settings", "expected"), [
    ({"embedding_backend": "onnx-int8"},
     ["embedding backend torch (EMBEDDING_BACKEND is onnx-int8)"]),  # not the model's name too
    ({"embedding_model": "/models/e5"},
     [f"embedding model {PACKAGED_MODEL} (EMBEDDING_MODEL is /models/e5)"]),
])
def test_another_backend_or_model_is_named_once(tmp_path, settings, expected):
    info = {"corpus": str(tmp_path), "model": PACKAGED_MODEL, "backend": "torch"}
    assert differences(info, Settings(corpus_dir=tmp_path, **settings)) == expected


def test_an_index_that_recorded_no_corpus_folder_differs_in_nothing(tmp_path):
    old = {"active": "newsdesk-passages-1", "model": "another-model", "indexed_at": "2026"}
    other = Settings(corpus_dir=tmp_path / "b", embedding_backend="onnx")
    assert differences(old, other) == [] and settings_differ(old, other) is None
    assert differences({}, other) == []


def test_a_changed_corpus_folder_is_told_from_the_same_one(tmp_path):
    info = {"corpus": str(tmp_path / "a")}
    assert corpus_change(info, tmp_path / "b") == str(tmp_path / "a")
    assert corpus_change(info, tmp_path / "b" / ".." / "a") is None
    assert corpus_change({}, tmp_path / "b") is None
