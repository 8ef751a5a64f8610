"""What the indexer keeps for answering (word vectors, parses): a store it cannot write."""

from __future__ import annotations

import logging

import pytest


@pytest.mark.parametrize(("path", "what"), [("words_path", "words"),
                                             ("parses_path", "sentences")])
def test_a_store_that_cannot_be_written_costs_the_index_nothing(corpus, make_desk, caplog,
                                                                path, what):
    desk = make_desk(corpus)
    getattr(desk.settings, path).mkdir(parents=True)  # a folder where the file should be
    with caplog.at_level(logging.WARNING, logger="index.service"):
        report = desk.index()
    assert report.passages == 3 and not desk.is_empty
    assert f"the {what} of the coverage were not kept" in caplog.text
    assert desk.ask("When did the dam repairs finish?").answered
