"""The followed feeds' list in the corpus folder, read without a network."""

import pytest

from index.corpus.feeds import FEEDS_FILE, load_feeds
from index.errors import IngestError


def test_an_unreadable_feed_list_is_an_error_not_an_empty_list(tmp_path):
    corpus = tmp_path  # a corpus folder
    (corpus / FEEDS_FILE).write_text("{not json")
    with pytest.raises(IngestError, match="cannot be read"):
        load_feeds(corpus)
