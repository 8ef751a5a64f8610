"""Sentence vectors with the real model: pooled in the passage's pass, stored, then used."""

import numpy as np
import pytest

import index.service as service
from index.caching import BatchCache
from index.corpus.sentences import split_sentences
from index.store.chroma import PassageStore
from index.store.vectors import KEY, unpack

PASSAGE = (
    "Harbourview has ordered 36 electric buses, Mayor Ada Quill said on Thursday. "
    "The first will arrive in May. They replace the oldest diesel vehicles."
)


def test_the_model_pools_sentences_in_the_same_pass_as_the_passage(embedder):
    texts = [PASSAGE, "One more sentence.", ""]
    vectors, sentences = embedder.encode_with_sentences(texts)
    assert np.allclose(vectors, embedder.encode(texts), atol=1e-5)
    assert [len(s) for s in sentences] == [3, 1, 0]
    assert np.allclose(np.linalg.norm(sentences[0], axis=1), 1.0, atol=1e-5)
    # Each sentence is read in its passage's context: the first, read with little of it, is
    # near itself alone; later ones carry what came before ("The first" -> the buses).
    alone = embedder.encode(split_sentences(PASSAGE))
    assert float(sentences[0][0] @ alone[0]) > 0.9
    # without the [CLS] and [SEP] tokens a one-sentence passage's mean still nears its vector
    assert float(sentences[1][0] @ embedder.encode(["One more sentence."])[0]) > 0.9


def test_the_index_stores_sentence_vectors_and_the_answerer_uses_them(
    tmp_path, make_desk, embedder, monkeypatch
):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "buses.txt").write_text(f"Harbourview orders buses\n\n{PASSAGE}", encoding="utf-8")
    desk = make_desk(corpus)
    desk.index()
    stored = list(PassageStore.scan(desk.store.active()))
    records = [s.record for s in stored]
    packed = PassageStore.sentence_vectors(desk.store.active(), records)
    assert set(packed) == set(records)
    assert unpack(packed[records[0]], 384).shape == (3, 384)
    # Reindexing everything reuses nothing, an incremental run rewrites nothing: both keep them.
    desk.index(full=True)
    assert all(isinstance(m.get(KEY), str)
               for m in desk.store.active().get(include=["metadatas"])["metadatas"])
    cache = BatchCache(100)  # what the answerer encodes at question time lands here
    monkeypatch.setattr(service, "SENTENCE_VECTORS", cache)
    answer = desk.ask("How many electric buses did Harbourview order?")
    assert answer.answered and answer.answer == "36"  # the question says "electric buses"
    assert len(cache) == 0  # every sentence read came with its stored vector


def test_sentences_indexed_without_vectors_are_encoded_when_read(
    tmp_path, make_desk, monkeypatch
):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "buses.txt").write_text(f"Harbourview orders buses\n\n{PASSAGE}", encoding="utf-8")
    desk = make_desk(corpus)
    desk.index()
    collection = desk.store.active()
    page = collection.get(include=["metadatas"])
    collection.update(ids=page["ids"], metadatas=[{**m, KEY: None} for m in page["metadatas"]])
    cache = BatchCache(100)
    monkeypatch.setattr(service, "SENTENCE_VECTORS", cache)
    answer = desk.ask("How many electric buses did Harbourview order?")
    assert answer.answered and answer.answer == "36"  # the question says "electric buses"
    assert len(cache) == 3


@pytest.fixture(scope="module")
def cls_model(tmp_path_factory):
    """A model that is not mean-pooled: the packaged MiniLM's transformer with CLS pooling."""
    from sentence_transformers import SentenceTransformer, models

    from index.packaged import packaged_model_path

    word = models.Transformer(str(packaged_model_path()))
    dimension = getattr(word, "get_embedding_dimension", None) or word.get_word_embedding_dimension
    pooling = models.Pooling(dimension(), pooling_mode="cls")
    folder = tmp_path_factory.mktemp("models") / "minilm-cls"
    SentenceTransformer(modules=[word, pooling], device="cpu").save(str(folder))
    return folder


def test_a_model_that_is_not_mean_pooled_stores_no_sentence_vectors(cls_model, tmp_path):
    from index.errors import ConfigError
    from index.service import Newsdesk
    from index.settings import Settings
    from index.store.chroma import connect
    from index.store.embedding_backends import load_embedder
    from index.store.onnx_embedding import export

    embedder = load_embedder(str(cls_model))
    vectors, sentences = embedder.encode_with_sentences([PASSAGE, "One more."])
    assert np.allclose(vectors, embedder.encode([PASSAGE, "One more."]), atol=1e-5)
    assert sentences == [None, None]
    with pytest.raises(ConfigError, match="pooling 'cls'"):
        export(str(cls_model), tmp_path / "export")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "buses.txt").write_text(f"Harbourview orders buses\n\n{PASSAGE}", encoding="utf-8")
    settings = Settings(corpus_dir=corpus, chroma_path=tmp_path / "chroma",
                        embedding_model=str(cls_model))
    desk = Newsdesk(settings, embedder, PassageStore(connect(settings)))
    desk.index()
    records = [s.record for s in PassageStore.scan(desk.store.active())]
    assert PassageStore.sentence_vectors(desk.store.active(), records) == {}
    assert desk.ask("When will the first bus arrive?").citations[0].source == "buses.txt"
