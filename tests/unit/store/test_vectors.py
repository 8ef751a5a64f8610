"""Sentence vectors: pooled from token vectors, packed for Chroma and unpacked."""

import numpy as np
import pytest

from index.store.vectors import pack, pool_sentences, unpack


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
