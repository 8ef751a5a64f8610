"""Reading a question against the coverage's words: acronyms found in their long form."""

import pytest

from index.answer.analysis import acronym_found


@pytest.mark.parametrize(
    ("acronym", "text", "found"),
    [
        ("EV", "China will import 49,000 electric vehicles.", True),
        ("PM", "the first visit by a Canadian prime minister", True),
        ("EU", "the European Union said", True),
        ("EV", "China will import many cars.", False),
    ],
)
def test_acronym_found(acronym, text, found):
    assert acronym_found(acronym, text) is found
