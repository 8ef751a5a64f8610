import pytest

from index.terms import is_known_word, stem, stem_words


@pytest.mark.parametrize(
    ("word", "known"),
    [("tourists", True), ("Purchased", True), ("ferries", True), ("purhcased", False),
     ("ctenophhores", False), ("recieved", False)],
)
def test_is_known_word(word, known):
    assert is_known_word(word) is known


@pytest.mark.parametrize(
    ("plural", "singular_form"),
    [("buses", "bus"), ("Buses", "bus"), ("gases", "gas"), ("statuses", "status"),
     ("bases", "base"), ("causes", "cause"), ("processes", "process"), ("uses", "use")],
)
def test_a_ses_plural_stems_as_its_singular(plural, singular_form):
    assert stem(plural) == stem(singular_form)
    assert stem_words([plural]) == [stem(singular_form)]
