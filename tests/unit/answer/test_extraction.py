import pytest

from index.answer.extraction import MAX_WORDS, short_answer, widen
from index.answer.features import names_asked
from index.answer.nlp import get_nlp
from index.answer.questions import parse_question


@pytest.mark.parametrize(
    ("question", "sentence", "answer"),
    [
        ("How many buses did Harbourview order?",
         "The council of Harbourview ordered 36 electric buses from a Swedish maker.",
         "36 electric buses"),
        ("When did the depot open?",
         "The new depot on Quay Street opened in March 2025 after two years of work.",
         "March 2025"),
        ("What share of the fleet is electric?",
         "Today only 12% of the fleet is electric, the transit office said.",
         "only 12%"),
        ("Who leads the transit board?",
         "The transit board, led by Amira Okafor, met on Monday.",
         "Amira Okafor"),
        ("Why was the vote delayed?",
         "The vote was delayed because of a dispute over the depot's cost.",
         "a dispute over the depot's cost"),
        ("Why did the ferry stay in port?",
         "The ferry stayed in port for fear of a second storm, the operator said.",
         "fear of a second storm"),
        ("Who is the mayor?",
         "Mayor Ada Quill's office said the order would stand.",
         "Ada Quill"),
        ("Who is the harbour master?",
         "The port reopened on Monday after a storm, the harbour master Ines Vale said.",
         "Ines Vale"),
        ("Which routes will get the buses first?",
         "The buses will first serve routes such as the harbour loop and the airport line.",
         "the harbour loop and the airport line"),
    ],
)
def test_short_answer_is_the_phrase_not_the_sentence(question, sentence, answer):
    found = short_answer(get_nlp()(sentence), parse_question(question))
    assert found == answer
    assert len(found.split()) <= MAX_WORDS


def test_answer_never_repeats_only_the_question():
    doc = get_nlp()("Harbourview ordered buses.")
    assert short_answer(doc, parse_question("Who ordered buses in Harbourview?")) == ""


@pytest.mark.parametrize(
    ("question", "sentence", "asked"),
    [
        ("Who is replacing Vallin at BLTC?", "Anselm Vallin stepped down on Friday.", True),
        ("Which company is bidding against Trennick?",
         "Trennick Resources has not said whether it will return.", True),
        ("Who killed Harold II?", "Duke William II of Normandy killed him.", False),
        ("What is the Yuan dynasty's official name?", "Great Yuan was its name.", False),
        ("Where was the Brennoch ferry bound?", "Lake Brennoch was calm that night.", True),
        ("Where was the Brennoch ferry bound?", "Kellin was its port of call.", False),
        ("Who is replacing Vallin at BLTC?",
         "Brennoch Lake Transport Company named a new chief.", True),  # spells the acronym
        ("Who's the PM?", "Prime Minister Gareth Lowe spoke.", False),
    ],
)
def test_a_name_the_question_uses_is_no_answer_to_who(question, sentence, asked):
    doc = get_nlp()(sentence)
    name = next(e for e in doc.ents) if doc.ents else doc[:2]
    assert names_asked(name, parse_question(question)) is asked


UNION = "Nurses struck, with the Nursing and Care Workers' Union (NCWU) saying 8,400 walked out."


@pytest.mark.parametrize(
    ("question", "sentence", "phrase", "asked"),
    [
        ("Who's leading the nurses' union?", UNION, "Nursing and Care Workers' Union", True),
        ("Who's leading the nurses' union?", UNION, "NCWU", True),  # spelt out before it
        ("Who's leading the nurses' union?", UNION, "Nursing and Care Workers", True),
        ("Who's leading the nurses' union?", UNION, "Care Workers' Union (NCWU", True),
        ("Which union is leading the strike?", UNION, "Nursing and Care Workers' Union", False),
        ("Who's the union's leader?", "Union leader Maria Holt said so.", "Maria Holt", False),
        ("Who founded the company?", "Tobias Marr founded Marr Holdings.", "Tobias Marr", False),
        # a part of a name that holds the question's
        ("Who's the boss at Brightwell?", "Brightwell Coachworks named Ada Pike its chief.",
         "Coachworks", True),
        ("Who's Metro's CEO?", "Metro CEO Darius Penhale resigned.", "Darius Penhale", False),
        ("Where was the Archangel Michael shrine?",
         "Pilgrims to the shrine of the Archangel Michael at Monte Gargano met him.",
         "Monte Gargano", False),
    ],
)
def test_a_name_of_what_a_who_question_is_about_is_no_answer(question, sentence, phrase, asked):
    at = sentence.index(phrase)
    span = get_nlp()(sentence).char_span(at, at + len(phrase))
    assert names_asked(span, parse_question(question)) is asked


@pytest.mark.parametrize(("question", "sentence", "part", "whole"), [
    ("when did the bank spot the breach?", "It became aware of the breach on 19 October.",
     "October", "19 October"),  # a month alone would be one value with 21 October
    ("when did the bank spot the breach?", "It spotted the breach at 10:07 p.m. on Tuesday.",
     "10:07", "10:07 p.m."),
    ("how many people were there?", "About 900 people came on 19 October.", "October",
     "October"),  # not asked when: as marked
    ("how much did shares rise?", "Shares rose 12% on Monday.", "12", "12%"),  # a number
])
def test_a_span_is_widened_to_the_value_it_is_part_of(question, sentence, part, whole):
    doc = get_nlp()(sentence)
    at = sentence.index(part)
    span = doc.char_span(at, at + len(part), alignment_mode="expand")
    assert widen(span, parse_question(question)).text == whole
