"""A role phrase read as the one person the coverage gives the role (pure, no model)."""

import pytest

from index.answer.holders import Titled, described, holder, role_words
from index.answer.values import value_of

TASKEL = "Pinmoor's managing director, Edwin Taskel, said the company was cooperating."
LUNN = "The company's chair, Solveig Lunn, will run Pinmoor on an interim basis."


@pytest.mark.parametrize(("phrase", "read"), [
    ("The managing director", (["managing", "director"], [])),
    ("director of Pinmoor Data Services, the contractor",
     (["director"], ["pinmoor", "data", "services"])),
    ("Pinmoor's chief executive", (["pinmoor", "chief", "executive"], [])),
    ("the contractor", None),  # no person's role
    ("Managing director Colm Hardacre", None),  # names its holder
    ("the company", None),
])
def test_a_role_phrase_is_its_title_and_its_owner(phrase, read):
    assert role_words(phrase) == read


def person(name: str, text: str):
    return value_of(name, "person"), text


@pytest.mark.parametrize(("phrase", "held"), [
    ("The managing director", "Edwin Taskel"),
    ("director of Pinmoor Data Services", "Edwin Taskel"),  # the owner's word in the title
    ("director of Halvane Freight", None),  # another owner
    ("The company's chair", "Solveig Lunn"),
    ("the finance director", None),  # a title word no title holds
    ("the contractor", None),
])
def test_a_role_is_held_by_the_person_a_sentence_titles_so(phrase, held):
    said = [person("Edwin Taskel", TASKEL), person("Solveig Lunn", LUNN)]
    found = holder(phrase, Titled.of(said))
    assert (found and found.text) == held


def test_a_role_is_held_by_a_title_that_names_it_otherwise():
    said = [person("Ellen Thwaite", "Justice Ellen Thwaite said the ministry erred."),
            person("Edwin Taskel", TASKEL)]
    assert holder("The judge", Titled.of(said)).text == "Ellen Thwaite"
    assert holder("the high court judge", Titled.of(said)) is None  # "high court" unsaid


def test_a_role_two_people_hold_is_held_by_neither():
    said = [person("Edwin Taskel", TASKEL),
            person("Ada Morrow", "Harle's managing director, Ada Morrow, resigned.")]
    assert holder("the managing director", Titled.of(said)) is None


def test_the_holder_is_named_in_the_longest_form_read():
    said = [person("Taskel", "Taskel, Pinmoor's managing director, said he would go."),
            person("Edwin Taskel", "Edwin Taskel stepped down.")]
    assert holder("the managing director", Titled.of(said)).text == "Edwin Taskel"


CONTRACTOR = "Pinmoor Data Services, the contractor at the centre of the breach, said sorry."


@pytest.mark.parametrize(("phrase", "named"), [
    ("contractor's system", "Pinmoor Data Services"),
    ("an outside contractor", "Pinmoor Data Services"),
    ("the contractor's Halvane office", None),  # names something itself
    ("the bank's system", None),  # says no contractor
])
def test_a_phrase_that_says_the_noun_asked_is_the_name_called_so(phrase, named):
    said = [(value_of("Pinmoor Data Services", "organisation"), CONTRACTOR),
            (value_of("Amberlyn Bank", "organisation"), "Amberlyn Bank, the lender, said so.")]
    found = described(phrase, "contractor", Titled.of(said))
    assert (found and found.text) == named


def test_a_noun_two_names_are_called_by_names_neither():
    said = [(value_of("Pinmoor Data Services", "organisation"), CONTRACTOR),
            (value_of("Harle Data", "organisation"), "Harle Data, a contractor, said no.")]
    assert described("the contractor's system", "contractor", Titled.of(said)) is None
