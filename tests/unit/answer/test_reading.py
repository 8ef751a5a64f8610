"""The reader's shipped adapters, by name (nothing loaded)."""

import pytest

from index.answer.reading import Reader


def test_unknown_reader_names_the_known_ones():
    with pytest.raises(ValueError, match="unknown reader 'nope'; known: minilm-squad2"):
        Reader("nope")
