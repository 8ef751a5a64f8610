import pytest

from index.terms import derived_stems, is_known_word, stem, stem_words


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


@pytest.mark.parametrize(
    ("words", "derived"),
    [(["province", "provincial"], {"provincial": "province"}),
     (["Kessaria", "Kessarian", "Kessarians"], {"Kessarian": "Kessaria", "Kessarians": "Kessaria"}),
     (["economy", "economic"], {"economy": "economic"}),
     (["Luther", "Lutheran"], {"Lutheran": "Luther"}),
     (["clinic", "clinician"], {"clinician": "clinic"}),
     (["Christ", "Christi", "Christian"], {"Christi": "Christ", "Christian": "Christ"}),
     (["provincial"], {}),  # no root among them
     (["asia", "asian", "media", "median"], {}),  # roots too short to tell
     (["factor", "factory", "victor", "victory", "station", "stationary"], {}),
     (["state", "statement", "govern", "governor"], {})],  # other words, not derived
)
def test_a_stem_derived_from_another_is_mapped_to_it(words, derived):
    stems = {stem(w) for w in words}
    assert derived_stems(stems) == {stem(a): stem(b) for a, b in derived.items()}


@pytest.mark.parametrize(("typed", "printed"), [
    ("Herve", "Hervé"), ("Montreal", "Montréal"), ("Sao", "São"), ("Temur", "Temür"),
])
def test_a_word_typed_without_its_accents_stems_as_printed(typed, printed):
    assert stem(typed) == stem(printed)
    assert stem_words([typed]) == stem_words([printed])
