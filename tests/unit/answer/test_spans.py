"""How a sentence is put before the reader: after its article's title."""

import pytest

from index.answer.spans import titled


@pytest.mark.parametrize(("title", "text", "read", "offset"), [
    ("Quota cut quashed", "Justice Thwaite ruled on Thursday.",
     "Quota cut quashed. Justice Thwaite ruled on Thursday.", 19),
    ("Quota cut quashed.", "She ruled.", "Quota cut quashed. She ruled.", 19),
    ("  Spaced title  ", "She ruled.", "Spaced title. She ruled.", 14),
    ("", "She ruled.", "She ruled.", 0),
    ("She ruled.", "She ruled.", "She ruled.", 0),  # a headline read as the text itself
])
def test_titled(title, text, read, offset):
    assert titled(title, text) == (read, offset)
    assert read[offset:] == text
