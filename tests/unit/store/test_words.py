"""The word vectors kept beside the index (a real SQLite file)."""

import numpy as np

from index.store.words import WordVectors, digest


def test_nothing_is_kept_before_the_first_write(tmp_path):
    store = WordVectors(tmp_path / "words.sqlite3")
    assert store.get("m", ["ferry"]) == {}
    assert store.unread("m", {"a", "b"}) == {"a", "b"}
    assert not store.path.exists()  # reading creates nothing


def test_kept_vectors_come_back_by_model_and_word(tmp_path):
    store = WordVectors(tmp_path / "sub" / "words.sqlite3")
    ferry = np.arange(4, dtype=np.float32) / 10
    store.add("m", {"ferry": ferry, "dam": ferry + 1}, [digest("The ferry.")])
    found = store.get("m", ["ferry", "pier", "dam"])
    assert sorted(found) == ["dam", "ferry"]
    assert np.array_equal(found["ferry"], ferry)
    assert store.get("other model", ["ferry"]) == {}  # keyed by the model that embedded them
    assert store.known("m", ["ferry", "pier"]) == {"ferry"}
    assert store.unread("m", {digest("The ferry."), digest("The pier.")}) == {digest("The pier.")}
    assert store.unread("other model", {digest("The ferry.")}) == {digest("The ferry.")}


def test_many_words_are_looked_up_past_sqlites_variable_limit(tmp_path):
    store = WordVectors(tmp_path / "words.sqlite3")
    words = {f"w{i}": np.full(2, i, dtype=np.float32) for i in range(1200)}
    store.add("m", words, ())
    found = store.get("m", list(words))
    assert len(found) == 1200 and found["w1199"][0] == 1199
