"""The words of the coverage, embedded when it is indexed and looked up when answering."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from index.answer import lexicon as lexicons
from index.caching import BatchCache
from index.store.chroma import PassageStore


@pytest.fixture
def fresh_words(monkeypatch):
    """An empty in-process word cache, so that vectors come from the store or the model."""
    monkeypatch.setattr(lexicons, "WORDS", BatchCache(1000))


def test_indexing_keeps_the_words_of_the_passages_it_adds(corpus, make_desk, fresh_words,
                                                          monkeypatch):
    desk = make_desk(corpus)
    desk.index()
    lexicon = desk.lexicon()
    kept = lexicon.store.get(lexicon.name, ["repairs", "kestrel", "pier", "tuesday", "the"])
    assert sorted(kept) == ["kestrel", "pier", "repairs", "the", "tuesday"]
    assert np.allclose(lexicon.vectors(["pier"])[0], kept["pier"])  # looked up, as kept
    # the model, asked now without the store, gives the vectors kept
    monkeypatch.setattr(lexicons, "WORDS", BatchCache(1000))
    unkept = copy.copy(lexicon)
    unkept.store = None
    assert np.allclose(unkept.vectors(["kestrel"])[0], kept["kestrel"], atol=0.02)
    # the same passages again: nothing read or embedded
    passages = PassageStore.scan(desk.store.committed().collection)
    assert lexicon.keep([s.passage.text for s in passages]) == 0


def test_an_added_article_has_only_its_new_words_embedded(corpus, make_desk, fresh_words):
    desk = make_desk(corpus)
    desk.index()
    (corpus / "ferry.txt").write_text("Ferry sails again\n\nThe old ferry sailed on Tuesday.")
    desk.index()
    lexicon = desk.lexicon()
    assert sorted(lexicon.store.get(lexicon.name, ["ferry", "sailed"])) == ["ferry", "sailed"]
    # of this text's words, only "a", "new", "word" and "lighthouse" are not kept yet
    assert lexicon.keep(["The old ferry sailed on Tuesday. A new word: lighthouse."]) == 4
