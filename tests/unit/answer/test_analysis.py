"""Reading a question against the coverage's words: acronyms found in their long form."""

import pytest

from index.answer.analysis import acronym_found, analyse
from index.answer.values import value_of
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


def test_a_question_typed_in_lower_case_reads_the_names_as_the_coverage_writes_them():
    coverage = LexicalIndex([Passage(str(i), "s.txt", "t", 1, t) for i, t in enumerate([
        "Shares in Velcor rose after the offer for Carrowmere Mining.",
        "Analysts said Velcor would raise its offer; the board of Carrowmere said no.",
        "The offer valued Carrowmere at 6.3 billion crowns, Velcor said.",
    ])])
    analysis = analyse("velcor offer for carrowmere?", coverage)
    assert analysis.text == "velcor offer for carrowmere?"  # answered as asked
    assert analysis.query == "Velcor offer for Carrowmere?"
    assert analysis.question.names == ("Velcor", "Carrowmere")  # the first word too


@pytest.mark.parametrize(("asked", "read"), [
    ("when did the govt raise its offer?", "when did the government raise its offer?"),
    ("how many ops were cancelled?", "how many operations were cancelled?"),
    ("who is the ceo?", "who is the chief executive?"),
    ("who is the CFO?", "who is the CFO?"),  # upper case: an acronym, read as one
    ("how many hq staff?", "how many hq staff?"),  # the coverage lacks "headquarters" too
    ("max fine it could face?", "maximum fine it could face?"),
])
def test_a_chat_short_form_the_coverage_never_uses_is_spelt_out(asked, read):
    coverage = LexicalIndex([Passage(str(i), "s.txt", "t", 1, t) for i, t in enumerate([
        "The government raised its offer, and 1,870 operations were cancelled.",
        "The chief executive and the chief financial officer resigned; staff were told.",
        "The fine was well short of the legal maximum.",
    ])])
    assert analyse(asked, coverage).query == read


@pytest.mark.parametrize(("asked", "text", "held"), [
    ("how much will the province match?", "The provincial government will match it.",
     {"provinc", "match"}),
    ("what do Kessarian carmakers want?", "Carmakers in Kessaria want more.",
     {"kessarian", "carmak", "want"}),
    ("how big is the economy?", "Economic output grew.", {"economi"}),
    ("what did the factory make?", "The factors were plain.", set()),  # another word
])
def test_a_question_word_is_held_by_a_form_derived_from_it(asked, text, held):
    coverage = LexicalIndex([Passage("1", "s.txt", "t", 1, text)])
    analysis = analyse(asked, coverage)
    assert analysis.held(text) == held


@pytest.mark.parametrize(("asked", "answer", "repeats"), [
    ("Polynomial time reductions are an example of what?", "polynomial-time reduction", True),
    ("who runs Acme Motors?", "Acme Motors", True),
    ("What term was used for the first regeneration?", "the regeneration", True),
    # a word of its own, a figure, or nothing but stop words
    ("who runs Acme Motors?", "Acme's founder", False),
    ("how many EVs?", "49,000", False),
    ("what is it?", "the", False),
])
def test_an_answer_may_only_repeat_the_question(asked, answer, repeats):
    coverage = LexicalIndex([Passage("1", "s.txt", "t", 1, answer)])
    assert analyse(asked, coverage).repeats(answer) is repeats


def test_a_name_read_without_its_title_may_repeat_the_question():
    answer = "Byzantine general Alexius Komnenos"
    coverage = LexicalIndex([Passage("1", "s.txt", "t", 1, answer)])
    analysis = analyse("Who ruined Alexius Komnenos's plans?", coverage)
    name = value_of(answer, "person")
    assert name.words == ["alexius", "komnenos"]
    assert not analysis.repeats(answer)  # "Byzantine general" is no word of the question
    assert analysis.repeats(" ".join(name.words))
