"""The ONNX embedder backends: a real local export of the packaged MiniLM, checked against torch."""

import json

import numpy as np

from index.cli import main
from index.service import Newsdesk
from index.settings import Settings
from index.store.chroma import PassageStore, connect
from index.store.embedding_backends import load_embedder
from index.store.onnx_embedding import INT8_FILE, OnnxEmbedder, ensure_export, export_folder

TEXTS = [
    "How many electric buses did Harbourview order?",
    "Harbourview has ordered 36 electric buses to replace the oldest diesel vehicles in its "
    "fleet, Mayor Ada Quill announced on Thursday at the Quayside depot.",
    "The port reopened on Monday after a storm.",
    "Northwind Coachworks will hire 120 workers at its Millbrook factory. " * 8,
]


def test_int8_and_float_exports_embed_like_torch(onnx_root, embedder):
    reference = embedder.encode(TEXTS)
    folder = export_folder(onnx_root, None)
    assert (folder / INT8_FILE).stat().st_size < (folder / "model.onnx").stat().st_size / 3
    int8 = OnnxEmbedder(folder, "int8", quantized=True, batch_size=2)
    float32 = OnnxEmbedder(folder, "float", quantized=False)
    done = []
    vectors = int8.encode(TEXTS, on_batch=done.append)
    assert done == [2, 4]
    assert vectors.shape == (4, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    cosine = (vectors * reference).sum(axis=1)
    assert cosine.min() > 0.98, cosine  # same order as the input, each close to torch's
    assert (float32.encode(TEXTS) * reference).sum(axis=1).min() > 0.9999
    # Activations are quantised per batch, so a text's int8 vector depends a little on its batch.
    assert float(int8.embed_query(TEXTS[0]) @ vectors[0]) > 0.98
    assert np.allclose(float32.embed_query(TEXTS[0]), reference[0], atol=1e-4)
    assert int8(TEXTS[2:3]).shape == (1, 384)
    assert int8.encode([]).shape == (0, 384)


def test_a_second_export_is_not_made(onnx_root):
    assert ensure_export(None, onnx_root) == (export_folder(onnx_root, None), False)


def test_switching_to_onnx_reembeds_and_answers(onnx_root, make_desk, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "buses.txt").write_text(
        "Harbourview orders electric buses\n\nHarbourview has ordered 36 electric buses, "
        "Mayor Ada Quill said on Thursday.\n\nThe first will arrive in May."
    )
    first = make_desk(corpus).index()
    assert first.embedded == 2
    settings = Settings(corpus_dir=corpus, chroma_path=tmp_path / "chroma")
    int8 = load_embedder(None, "onnx-int8", onnx_root)
    assert int8.name == "all-MiniLM-L6-v2 (packaged) [onnx-int8]"
    desk = Newsdesk(settings, int8, PassageStore(connect(settings)))
    assert desk.index().embedded == 2  # another backend: every vector is made again
    assert desk.index().embedded == 0
    answer = desk.ask("How many electric buses did Harbourview order?")
    assert answer.answered and "36" in answer.answer
    assert answer.citations[0].source == "buses.txt"


def test_cli_uses_the_backend_setting(onnx_root, tmp_path, monkeypatch, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "port.txt").write_text(
        "Port of Harbourview reopens\n\nThe port reopened on Monday after a storm, "
        "the harbour master Ines Vale said."
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CORPUS_DIR", str(corpus))
    monkeypatch.setenv("CHROMA_PATH", str(onnx_root.parent / "chroma"))  # beside the export
    monkeypatch.setenv("EMBEDDING_BACKEND", "onnx-int8")
    assert main(["export-onnx"]) == 0
    assert capsys.readouterr().out.startswith("already exported: ")
    assert main(["ask", "Who is the harbour master?", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["answered"] and "Vale" in body["answer"]
    assert body["citations"][0]["source"] == "port.txt"
    monkeypatch.setenv("EMBEDDING_BACKEND", "tpu")
    assert main(["sources"]) == 1
    assert "EMBEDDING_BACKEND='tpu' is not valid" in capsys.readouterr().err


def test_onnx_pools_sentences_like_torch(onnx_root, embedder):
    float32 = OnnxEmbedder(export_folder(onnx_root, None), "float", quantized=False)
    texts = [*TEXTS[1:], TEXTS[3] * 4]  # the last runs past the model's 256 tokens
    vectors, sentences = float32.encode_with_sentences(texts)
    reference, expected = embedder.encode_with_sentences(texts)
    assert np.allclose(vectors, reference, atol=1e-4)
    for found, wanted in zip(sentences, expected, strict=True):
        assert found.shape == wanted.shape
        assert (np.isnan(found[:, 0]) == np.isnan(wanted[:, 0])).all()
        kept = ~np.isnan(wanted[:, 0])
        assert (found[kept] * wanted[kept]).sum(axis=1).min() > 0.9999
    assert np.isnan(sentences[-1][-1]).all() and not np.isnan(sentences[-1][0]).any()
