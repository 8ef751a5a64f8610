"""A plural question's answer widened to the list it begins (the parse only, no model)."""

import pytest

from index.answer.lists import whole_list
from index.answer.nlp import get_nlp
from index.answer.questions import parse_question


@pytest.mark.parametrize(("question", "many"), [
    ("What techniques did Chinese medicine include?", True),
    ("Members of which organizations are disqualified?", True),
    ("Which three doctors were in The Sirens of Time?", True),
    ("Which hospital was kept out of the walkout?", False),
    ("How many ferries did the council order?", False),
    ("Who is the trade minister?", False),
])
def test_a_question_asks_for_things_in_the_plural(question, many):
    assert parse_question(question).many is many


@pytest.mark.parametrize(("answer", "sentence", "listed"), [
    ("acupuncture", "Chinese medicine included acupuncture, moxibustion, pulse diagnosis, and "
     "various herbal drugs.", "acupuncture, moxibustion, pulse diagnosis, and various herbal "
     "drugs"),
    # the parser reads "Colin Baker" in apposition, "Sylvester McCoy" joined to it
    ("Peter Davison", "The Sirens of Time starred Peter Davison, Colin Baker and Sylvester "
     "McCoy.", "Peter Davison, Colin Baker and Sylvester McCoy"),
    ("Peter Davison", "It starred Peter Davison, the actor.", None),  # no list
    ("Glasgow", "It moved to Glasgow in May.", None),
    ("Kellin", "The ferry sailed for Kellin.", None),
])
def test_the_whole_list_an_answer_begins(answer, sentence, listed):
    assert whole_list(answer, get_nlp()(sentence)) == listed
