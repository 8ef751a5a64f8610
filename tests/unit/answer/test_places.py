"""Where a journey starts or ends, asked and stated (pure but for the parse)."""

import pytest

from index.answer.nlp import get_nlp
from index.answer.places import another_place, another_way, asked_places, asked_way, way_of


@pytest.mark.parametrize(("question", "way"), [
    ("where was the brennoch ferry bound?", "to"),
    ("where was she heading?", "to"),
    ("where was the plane going?", "to"),
    ("Where did Beyonce move to?", "to"),
    ("what was the ship's destination?", "to"),
    ("where did the ferry sail from?", "from"),
    ("Where did the flight depart?", "from"),
    ("Where did the Normans come from?", "from"),
    ("where did the ferry capsize?", ""),
    ("where is the headquarters?", ""),
    ("where did he work?", ""),
])
def test_a_question_asks_for_a_journeys_end_or_start(question, way):
    assert asked_way(question) == way


@pytest.mark.parametrize(("sentence", "place", "way"), [
    ("The crossing from Dunmarrow to Kellin takes 75 minutes.", "Dunmarrow", "from"),
    ("The crossing from Dunmarrow to Kellin takes 75 minutes.", "Kellin", "to"),
    ("The ferry left Dunmarrow at 7:50 p.m. on the scheduled crossing.", "Dunmarrow", "from"),
    ("The ferry had sailed from Dunmarrow on the evening of 4 July.", "Dunmarrow", "from"),
    ("The ship was bound for Lisbon when it sank.", "Lisbon", "to"),
    ("The flight reached Oslo at noon.", "Oslo", "to"),
    ("The flight from Paris landed late.", "Paris", "from"),
    # how far, not whence
    ("The ferry rolled over in a storm on Saturday, roughly two kilometres from Kellin.",
     "Kellin", ""),
    ("It sank a mile away from Oslo.", "Oslo", ""),
    ("She lives in Dunmarrow.", "Dunmarrow", ""),
])
def test_a_sentence_gives_a_place_as_a_journeys_start_or_end(sentence, place, way):
    doc = get_nlp()(sentence)
    at = sentence.index(place)
    assert way_of(doc.char_span(at, at + len(place), alignment_mode="expand")) == way


def test_a_place_is_the_other_end_only_when_every_sentence_says_so():
    nlp = get_nlp()
    started = nlp("The ferry had sailed from Dunmarrow on the evening of 4 July.")
    ended = nlp("The ferry was bound for Dunmarrow.")
    lives = nlp("The captain lives in Dunmarrow.")
    assert another_way("Dunmarrow", "to", [started])
    assert not another_way("Dunmarrow", "to", [started, ended])
    assert not another_way("Dunmarrow", "to", [started, lives])  # the parse does not tell
    assert not another_way("Dunmarrow", "from", [started])
    assert not another_way("Kellin", "to", [started])  # not named: nothing to go by


@pytest.mark.parametrize(("question", "places"), [
    ("Who incorporated Byzantine building techniques in England?", ("England",)),
    ("How many people died at Dover in 1940?", ("Dover",)),
    ("Where in England did the Normans build castles?", ()),  # asks where
    ('Who said "we are united in Thee"?', ()),  # inside a quotation
    ("Who built the castles?", ()),
])
def test_a_question_may_say_where_something_happened(question, places):
    assert asked_places(get_nlp()(question)) == places


@pytest.mark.parametrize(("sentence", "answer", "asked", "other"), [
    ("In southern Italy, the Normans incorporated elements of Byzantine building techniques.",
     "Normans", "England", True),
    ("In England and in southern Italy, the Normans built in stone.", "Normans", "England",
     False),
    ("The Italian Normans built castles in England.", "Normans", "Italy", False),  # its
    # people's word
    ("The Normans built castles.", "Normans", "England", False),  # no place said
    ("The castle stands in Dublin.", "Dublin", "England", False),  # the place is the answer
])
def test_a_sentence_may_say_it_happened_in_another_place(sentence, answer, asked, other):
    assert another_place(get_nlp()(sentence), answer, (asked,)) is other
