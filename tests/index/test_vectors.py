"""Sentence vectors pooled at index time: pooling, packing, storing, and the answerer using them."""

import numpy as np
import pytest

import index.service as service
from index.caching import BatchCache
from index.corpus.sentences import split_sentences
from index.store.chroma import PassageStore
from index.store.vectors import KEY, pack, pool_sentences, unpack

PASSAGE = (
    "Harbourview has ordered 36 electric buses, Mayor Ada Quill said on Thursday. "
    "The first will arrive in May. They replace the oldest diesel vehicles."
)


def test_pack_keeps_vectors_to_a_thousandth_and_missing_rows_missing():
    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((3, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors[1] = np.nan
    packed = pack(vectors)
    assert isinstance(packed, str) and len(packed) < 3 * 540
    back = unpack(packed, 384)
    assert np.isnan(back[1]).all() and not np.isnan(back[[0, 2]]).any()
    assert np.abs(back[[0, 2]] - vectors[[0, 2]]).max() < 2e-3
    assert unpack(pack(np.zeros((0, 384), np.float32)), 384).shape == (0, 384)


def test_unpack_refuses_vectors_of_another_size():
    packed = pack(np.ones((2, 384), np.float32))
    with pytest.raises(ValueError, match="no whole number of 768-d sentence vectors"):
        unpack(packed, 768)


def test_a_sentence_past_the_truncation_has_no_vector():
    text = "First sentence here. Second one."
    tokens = np.ones((4, 8), np.float32)
    offsets = [(0, 0), (0, 5), (6, 14), (15, 20)]  # the tokenizer stopped inside sentence 1
    pooled = pool_sentences(text, offsets, tokens)
    assert pooled.shape == (2, 8)
    assert np.allclose(np.linalg.norm(pooled[0]), 1.0) and np.isnan(pooled[1]).all()


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
    assert answer.answered and answer.answer == "36 electric buses"
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
    assert answer.answered and answer.answer == "36 electric buses"
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
