"""What a commit records of how the index was built, and the warning when settings differ."""

import logging

from index.store.chroma import META, PassageStore, connect
from index.store.embedding import PACKAGED_MODEL

BUILT = "the index was built with "


def port(folder):
    folder.mkdir()
    (folder / "port.txt").write_text(
        "Port of Harbourview reopens\n\nThe port reopened on Monday, the harbour master "
        "Ines Vale said."
    )
    return folder


def warnings_of(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records
            if r.levelno == logging.WARNING and r.getMessage().startswith(BUILT)]


def test_each_commit_records_the_corpus_folder_model_and_backend(tmp_path, make_desk):
    corpus = port(tmp_path.resolve() / "corpus")
    desk = make_desk(corpus)
    desk.index()
    info = desk.store.info()
    assert (info["corpus"], info["model"], info["backend"]) == (
        str(corpus), PACKAGED_MODEL, "torch")
    other = port(tmp_path.resolve() / "other")
    desk.index(other)  # nothing changed in the passages: only the pointer's metadata
    assert desk.store.info()["corpus"] == str(other)


def test_another_backend_in_the_settings_is_warned_of_once(tmp_path, make_desk, caplog):
    corpus = port(tmp_path / "corpus")
    make_desk(corpus).index()
    onnx = make_desk(corpus, embedding_backend="onnx")  # the index was built on torch
    with caplog.at_level(logging.WARNING):
        assert onnx.search("Who is the harbour master?")[0].passage.source == "port.txt"
        assert onnx.ask("When did the port reopen?").answer == "Monday"
    assert warnings_of(caplog) == [
        f"{BUILT}embedding backend torch (EMBEDDING_BACKEND is onnx): answers come from that "
        "index. Run `newsdesk index` to index what these settings name."
    ]


def test_an_index_from_before_the_corpus_folder_was_recorded_is_not_warned_of(
    tmp_path, make_desk, caplog
):
    corpus = port(tmp_path / "corpus")
    make_desk(corpus).index()
    store = PassageStore(connect(make_desk(corpus).settings))
    store.client.get_collection(META).modify(
        metadata={k: v for k, v in store.info().items() if k not in ("corpus", "backend")})
    elsewhere = make_desk(tmp_path / "elsewhere", embedding_backend="onnx")
    with caplog.at_level(logging.WARNING):
        assert elsewhere.ask("Who is the harbour master?").answer == "Ines Vale"
    assert warnings_of(caplog) == []
