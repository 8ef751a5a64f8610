import pytest

from index.answer.extraction import short_answer
from index.answer.frames import frame_spans, gives_reason, placed_as_reason, question_frame
from index.answer.nlp import get_nlp
from index.answer.questions import parse_question, question_kind


def _frame(question: str):
    return question_frame(get_nlp()(question), question_kind(question))


@pytest.mark.parametrize(
    ("question", "kind", "topic", "agent"),
    [
        ("How did the mayor describe the state of the budget?", "describe",
         {"state", "budget"}, {"mayor"}),
        ("How is the new stadium described?", "describe", {"new", "stadium"}, set()),
        ("How is the levy viewed by shop owners?", "view", {"levi"}, {"shop", "owner"}),
        ("What did critics call the plan?", "call", {"plan"}, {"critic"}),
        ("How did the council view the merger?", "view", {"merger"}, {"council"}),
        ("What caused the years of tension between the two towns?", "cause",
         {"year", "tension", "town"}, set()),
        # names are left out of an effect: they stand beside many a cue that explains another thing
        ("Why did the tram line close?", "cause", {"line", "close"}, set()),
        # what someone is accused of: the accused is the topic ("accused" is its clause)
        ("What is the ferry captain accused of?", "charge", {"ferri", "captain", "accus"},
         set()),
        ("What was Smith convicted of?", "charge", {"smith"}, set()),
    ],
)
def test_question_frame(question, kind, topic, agent):
    frame = _frame(question)
    assert frame is not None
    assert (frame.kind, set(frame.topic), set(frame.agent)) == (kind, topic, agent)


@pytest.mark.parametrize(
    "question",
    ["How many buses did the council order?", "Who described the plan?",
     "When was the budget described?", "What did the mayor see in the harbour?",
     "When was the captain charged?", "Who charged the captain?"],
)
def test_most_questions_frame_nothing(question):
    assert _frame(question) is None


@pytest.mark.parametrize(
    ("question", "sentence", "framed"),
    [
        # reported words about the topic: the complement of the clause the speaker says
        ("How did the mayor describe the state of the budget?",
         "The mayor said that the budget had reached a breaking point, with the new levy "
         "opening \"a long road toward recovery.\"", ["a breaking point"]),
        ("How did critics describe the new stadium?",
         "Critics described the new stadium as a costly mistake.", ["a costly mistake"]),
        ("How did the mayor describe the old pier?",
         "The old pier, which the mayor described as an eyesore, was closed.", ["an eyesore"]),
        ("What did critics call the plan?",
         "Critics called the plan a reckless gamble.", ["a reckless gamble"]),
        # someone else's words, or words about something else, frame nothing
        ("How did the mayor describe the state of the budget?",
         "The auditor said that the budget had reached a breaking point.", []),
        ("How did critics describe the new stadium?",
         "Critics described the old arena as a costly mistake.", []),
        # how someone else sees it is not what the question asks
        ("How is the levy viewed by shop owners?",
         "Economists view the levy as a fair tax, but shop owners see the levy as a burden.",
         ["a burden"]),
        ("How did the mayor describe the old pier?",
         "The old pier, which he described as an eyesore, was closed.", ["an eyesore"]),
        # a verb of another kind answers another question: calling is not viewing
        ("How did the council view the merger?",
         "The council called the merger a fair deal and saw the merger as a first step.",
         ["a first step"]),
        # the topic must head the phrase described: a museum's web page is not the museum
        ("What was the museum originally called?",
         "There is a page on the museum's web site called \"Search the Collections\".", []),
        # a causal cue beside the effect the question names
        ("What caused the years of tension between the operator and the council?",
         "The deal ends years of tension between the two sides, stemming from a 2019 dispute "
         "over harbour fees.", ["a 2019 dispute over harbour fees"]),
        ("Why did the tram line close?",
         "The tram line closed because of a shortage of signal engineers.",
         ["a shortage of signal engineers"]),
        # a cue far from what the question asks about frames nothing
        ("Why did the tram line close?",
         "The tram line closed in June, months after the council met in the old town hall "
         "because of a dispute.", []),
        ("Why did the tram line close?",
         "The bus line was busy because of a dispute.", []),
        # the charge laid against the person asked about, however the accusing is said
        ("What is the ferry captain accused of?",
         "The ferry's captain, Emeric Tarvos, was formally charged on Monday with manslaughter "
         "by negligence and remanded in custody.", ["manslaughter"]),
        ("What is the ferry captain accused of?",
         "Police arrested the captain on suspicion of manslaughter.", ["manslaughter"]),
        ("What is the ferry captain accused of?",
         "Prosecutors accused the captain of bribery.", ["bribery"]),
        ("What is the ferry captain accused of?",
         "The captain pleaded guilty to careless navigation.", ["careless navigation"]),
        ("What was Smith convicted of?", "He was found guilty of fraud in 2019.", ["fraud"]),
        # no charge named, or another person accused, or "charged" of a price
        ("What is the ferry captain accused of?", "The captain was arrested on Monday.", []),
        ("What is the ferry captain accused of?",
         "Police arrested the ferry's owner on suspicion of fraud.", []),
        ("What is the ferry captain accused of?",
         "The harbour charged the captain a mooring fee.", []),
    ],
)
def test_frame_spans(question, sentence, framed):
    frame = _frame(question)
    assert [s.text for s in frame_spans(get_nlp()(sentence), frame)] == framed


def test_a_framed_phrase_is_the_first_option():
    question = parse_question("How did the mayor describe the state of the budget?")
    sentence = get_nlp()("The mayor said that the budget had reached a breaking point, with "
                         "the new levy opening \"a long road toward recovery.\"")
    assert short_answer(sentence, question) == "a breaking point"


@pytest.mark.parametrize(("phrase", "reason"), [
    ("due to a malfunction in the chameleon circuit", True),
    ("American Revolution", True),
    ("the Soran affair", True),
    ("since it was cheaper", True),  # "since" gives a reason too
    ("hospitals", False),  # one word
    ("frosty", False),
    ("after the storm warning had been issued", False),  # says when
    ("during the night", False),
    ("in 2019 after the arrests", False),
    ("Friday evening (14 August 2026), after the gale warning had been issued", False),
    ("on Monday night", False),
    ("Marchers blocked the road", True),  # a month's name inside a word is none
])
def test_gives_reason(phrase, reason):
    assert gives_reason(phrase) == reason


@pytest.mark.parametrize(("sentence", "phrase", "reason"), [
    ("The line closed because of a signal fault near the depot.",
     "a signal fault near the depot", True),  # right after its cue
    ("It was rejected because it was thought the plan was too costly.",
     "the plan was too costly", True),  # a few words after it
    ("The ferry sank, the inquiry found, due to overloading.", "due to overloading",
     True),  # holding one
    ("The increase in tea drinking led to the production of tea sets.",
     "The increase in tea drinking", True),  # what caused something
    ("The reason for the majority rule is the risk of a conflict of interest.",
     "the risk of a conflict of interest", True),
    ("Crews spent the night tackling a large fire at a recycling plant, and residents were "
     "told to keep windows closed because of the smoke.", "a large fire at a recycling plant",
     False),  # the sentence's reason is for something else
    ("The line closed on Monday.", "on Monday", False),
    ("The line closed because of a fault.", "a signal box", False),  # not in the sentence
])
def test_a_sentence_places_a_phrase_as_a_reason(sentence, phrase, reason):
    assert placed_as_reason(sentence, phrase) is reason
