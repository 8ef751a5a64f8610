"""Which questions need the turn before them, and how they are rewritten (spaCy, no model)."""

import pytest

from index.answer.followups import Turn, needs_context, resolve
from index.models import Answer, Side


@pytest.mark.parametrize("question", [
    "and canola?",  # ellipsis: no verb
    "what about Ford?",
    "when?",
    "from whom?",
    "and the shrimp one?",
    "starting when?",  # a verb, but no finite one
    "who said that?",  # a demonstrative pronoun
    "when did she resign?",  # a personal pronoun
    "who's their chief exec?",  # a possessive
    "who's the boss there?",  # a pro-adverb
    "and now?",
])
def test_an_incomplete_question_needs_the_turn_before_it(question):
    assert needs_context(question)


@pytest.mark.parametrize("question", [
    "how many buses did Metro buy?",
    "who's the Saltmere mayor?",
    "and how many people died?",  # an opening "and" before a complete question
    "how much does it cost to fly?",  # a dummy "it"
    "when did Stroud and Valich first meet?",
    "which judge threw out the scallop quota cut?",
])
def test_a_complete_question_stands_on_its_own(question):
    assert not needs_context(question)


@pytest.mark.parametrize(("previous", "answer", "follow_up", "expected"), [
    ("who's the trade minister?", "Owen Balcombe", "and the Westmoor premier?",
     "who is the Westmoor premier?"),
    ("when does the scallop levy come off?", "1 May", "and the shrimp one?",
     "when does the shrimp levy come off?"),
    ("how many buses did Metro buy?", "120", "from whom?",
     "from whom did Metro buy 120 buses?"),
    ("who quit as transit boss?", "Darius Penhale", "when?",
     "when did Darius Penhale quit as transit boss?"),
    ("how many buses burned?", "five", "where?", "where did five buses burn?"),
    ("which exec got detained in Fenmouth in 2019?", "Anika Soran", "how long was she held?",
     "how long was Anika Soran held?"),
    ("who quit as transit boss?", "Darius Penhale", "who replaced him?",
     "who replaced Darius Penhale?"),
    ("who operates the dam?", "Vellstream", "who's their chief exec?",
     "who's Vellstream's chief exec?"),
    ("how many miners walked out at Greywater?", "640", "what do they mine?",
     "what do miners mine?"),
    ("how big could the car quota get by 2030?", "60,000", "and now?",
     "how big could the car quota get now?"),
    ("who quit at the port authority?", "Graham Ostrowe", "and at Metro?",
     "who quit at Metro?"),
    ("who's the Saltmere mayor?", "Hugh Garside", "what about Vellstream's chief exec?",
     "who is Vellstream's chief exec?"),
    ("how much rain fell?", "186 mm", "and how many people died?", "how many people died?"),
    ("how many electric buses?", "36", "and hydrogen trucks?", "how many hydrogen trucks?"),
    ("how many EVs?", "49,000", "and canola?", "how many canola?"),
])
def test_a_follow_up_is_rewritten_with_the_turn_before_it(previous, answer, follow_up,
                                                          expected):
    assert resolve(follow_up, Turn(previous, answer)) == expected


def test_a_follow_up_without_a_previous_question_is_answered_as_asked():
    assert resolve("and canola?", None) == "canola?"
    assert resolve("who replaced him?", None) == "who replaced him?"


def test_a_declined_previous_answer_leaves_the_noun_asked_about():
    assert resolve("where?", Turn("how many buses burned?", "")) == "where did buses burn?"


def test_a_pronoun_with_nothing_to_refer_to_is_left_alone():
    assert resolve("who replaced him?", Turn("how much rain fell?", "186 mm")) == (
        "who replaced him?")


def test_the_answer_a_follow_up_refers_to_is_the_likelier_side_of_a_disagreement():
    sides = (Side("Dale Hurst", (1,), ()), Side("Helena Stroud", (2,), ()))
    assert Answer("who?", True, "Sources disagree: …", conflict=True,
                  sides=sides).value == "Dale Hurst"
    assert Answer("who?", False).value == ""
    assert Answer("who?", True, "Owen Balcombe").value == "Owen Balcombe"
