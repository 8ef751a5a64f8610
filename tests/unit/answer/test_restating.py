"""A short answer without the words its question says (the parse only, no model)."""

import pytest

from index.answer.nlp import get_nlp
from index.answer.questions import parse_question
from index.answer.restating import asked_heads, unrestated
from index.terms import WORD, stem


@pytest.mark.parametrize(("question", "sentence", "answer", "said"), [
    ("How many MSPs are there?", "Of the 129 MSPs, 73 represent constituencies.",
     "the 129 MSPs", "129"),
    ("How many housing units were there?", "There were 149,025 housing units in the city.",
     "149,025 housing units", "149,025"),
    ("how many electric vehicles?", "Norland will let in 49,000 electric vehicles a year.",
     "49,000 electric vehicles", "49,000"),
    ("how many schools are there?", "There are over 60 schools in the district.",
     "over 60 schools", "over 60"),
    ("What kind of chains did he wear?", "He wore silver chains around his neck.",
     "silver chains", "silver"),
    ("What computational problem is associated with prime factorization?",
     "The integer factorization problem is hard.", "integer factorization problem",
     "integer factorization"),
    # a word the question does not say stands between the number and the noun
    ("how many ferries did the council order?", "Fourteen battery ferries will replace them.",
     "Fourteen battery ferries", None),
    ("Which bridge did they build?", "They built the Golden Gate Bridge in 1937.",
     "the Golden Gate Bridge", None),  # a name
    ("What type of school is it?", "It opened as Fresno Normal School in 1911.",
     "Fresno Normal School", None),  # a name
    ("For what tournaments does ABC air highlights?", "ABC airs the Open Championship golf "
     "and The Wimbledon tennis tournaments.",
     "Open Championship golf and The Wimbledon tennis tournaments", None),  # a list
    ("What is an example of a machine model?", "Random access machines are one.",
     "Random access machines", None),  # "machine" is not what it asks about
    ("how many ferries?", "The council bought ferries.", "ferries", None),  # nothing is left
    ("how many ferries?", "The council bought 14 ferries.", "14 boats", None),  # not in it
])
def test_an_answer_does_not_end_on_the_words_its_question_says(question, sentence, answer,
                                                               said):
    asked = {stem(w) for w in WORD.findall(question)}
    heads = asked_heads(parse_question(question))
    assert unrestated(answer, get_nlp()(sentence), asked, heads) == said


@pytest.mark.parametrize(("question", "heads"), [
    ("how many EVs?", {stem("EVs")}),
    ("What kind of techniques were used?", {"kind", stem("techniques")}),
    ("Which hospital was kept out of the walkout?", {stem("hospital")}),
    ("who quit?", set()),
])
def test_the_nouns_a_question_asks_about(question, heads):
    assert asked_heads(parse_question(question)) == heads
