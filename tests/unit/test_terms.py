import pytest

from index.terms import is_known_word


@pytest.mark.parametrize(
    ("word", "known"),
    [("tourists", True), ("Purchased", True), ("ferries", True), ("purhcased", False),
     ("ctenophhores", False), ("recieved", False)],
)
def test_is_known_word(word, known):
    assert is_known_word(word) is known
