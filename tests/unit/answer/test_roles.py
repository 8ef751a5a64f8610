import pytest

from index.answer.nlp import get_nlp
from index.answer.questions import parse_question
from index.answer.roles import beside, role_owner


@pytest.mark.parametrize(("question", "role"), [
    ("who's the trade minister?", "trade minister"),
    ("who's the boss at Brightwell?", "boss"),
    ("who quit as transit boss?", "transit boss"),
    ("who's Kessaria's commerce minister?", "commerce minister"),  # the name is no role word
    ("who's the new permanent Metro CEO?", "new permanent ceo"),
    ("which judge threw out the scallop quota cut?", "judge"),
    ("Which Chinese premier did the prime minister meet?", "premier"),
    ("who was the chief fire officer?", "chief fire officer"),
    ("who was named interim chief executive?", "interim chief executive"),
    ("whose spokesperson denied it?", "spokesperson"),
    ("what is metro's finance chief called?", "finance chief"),
    ("what's the CEO called?", "ceo"),
    # a role noun doing something else is not asked for
    ("who did the prime minister meet?", ""),
    ("who operates the dam?", ""),
    ("who runs the car workers' union?", ""),
    ("what was the name of the man who died near Elderby?", ""),  # a person, no role
    ("who chairs the east coast shellfish council?", ""),  # a verb: `held`
])
def test_the_role_a_question_asks_to_fill(question, role):
    assert parse_question(question).role == role


@pytest.mark.parametrize(("question", "held"), [
    # a verb that names a role, asked in the present of whoever does it
    ("who chairs the east coast shellfish council?", "chair"),
    ("who manages harrowgate rovers?", "manager"),
    ("who coaches the team?", "coach"),
    ("who heads the energy regulator?", "head"),
    ("who leads the nurses' union?", "leader"),
    ("who led the charge?", ""),
    ("who chaired the meeting?", ""),  # who did it, whatever their title
    ("who's running port allard transit?", ""),  # running: anyone may run a thing
    ("who's the trade minister?", ""),  # a noun: `role`
])
def test_the_role_a_question_asks_for_by_a_verb(question, held):
    assert parse_question(question).held == held


def test_a_role_noun_after_which_makes_a_person_question():
    assert parse_question("Which Chinese premier did the prime minister meet?").kind == "person"


def test_the_words_beside_a_name_leave_out_stop_words():
    assert beside(["owen", "balcombe"], "He met the Trade Minister, Owen Balcombe, on Monday.",
                  3) == [["trade", "minister", "monday"]]


@pytest.mark.parametrize(("question", "owner"), [
    ("who is the regulator's chair?", "regulator"),
    ("who is the chair of the regulator?", "regulator"),
    ("who leads the union?", "union"),
    ("who is Trennick's chairman?", ""),  # a name: `clashes.owners`
    ("who is the chairman?", ""),
])
def test_a_question_may_ask_the_role_of_a_thing_it_names_by_a_noun(question, owner):
    parsed = parse_question(question)
    assert role_owner(get_nlp()(question), parsed.role or parsed.held) == owner
