"""Reading a question against the coverage's words: acronyms found in their long form."""

import pytest

from index.answer.analysis import acronym_found, analyse
from index.models import Passage
from index.store.lexical import LexicalIndex


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


COVERAGE = [
    "Kessaria cut the tariff on canola to 12 per cent.",
    "Brightwell's chief executive, Colm Hardacre, said the depot would reopen.",
    "The council vote is due on Tuesday.",
]


@pytest.mark.parametrize(("asked", "kind", "read"), [
    ("whats the tariff on canola", "percent", "what is the tariff on canola?"),
    ("whos the boss at Brightwell", "person", "who is the boss at Brightwell?"),
    ("Wheres the depot", "place", "Where is the depot?"),
    ("whens the vote", "date", "when is the vote?"),
])
def test_a_question_word_typed_without_its_apostrophe_is_read_as_one(asked, kind, read):
    coverage = LexicalIndex([Passage(str(i), "s.txt", "t", 1, t) for i, t in enumerate(COVERAGE)])
    analysis = analyse(asked, coverage)
    assert analysis.text == asked  # answered as asked
    assert analysis.kind == kind and analysis.read_as == read
    assert not any(t.startswith(("what", "who", "where", "when")) for t in analysis.weights)
