"""How a sentence is put before the reader: after its article's title."""

import pytest

from index.answer.spans import read_windows, titled


@pytest.mark.parametrize(("title", "text", "read", "offset"), [
    ("Quota cut quashed", "Justice Thwaite ruled on Thursday.",
     "Quota cut quashed. Justice Thwaite ruled on Thursday.", 19),
    ("Quota cut quashed.", "She ruled.", "Quota cut quashed. She ruled.", 19),
    ("  Spaced title  ", "She ruled.", "Spaced title. She ruled.", 14),
    ("", "She ruled.", "She ruled.", 0),
    ("She ruled.", "She ruled.", "She ruled.", 0),  # a headline read as the text itself
])
def test_titled(title, text, read, offset):
    assert titled(title, text) == (read, offset)
    assert read[offset:] == text


def test_a_reader_span_ending_inside_a_word_is_widened_to_the_whole_word():
    from index.answer.analysis import Analysis
    from index.answer.config import CONFIG
    from index.answer.extraction import phrase_options
    from index.answer.nlp import get_nlp
    from index.answer.questions import parse_question
    from index.answer.reading import Reading
    from index.answer.sentences import Sentence
    from index.answer.spans import _read_spans
    from index.models import Hit, Passage

    text = "Board chair Patrick Oyelaran said the board accepted it."
    doc = get_nlp()(text)
    # word pieces: Board, chair, Patrick, Oye, lar, an, said, ...; the best span ends at "lar"
    offsets = ((0, 5), (6, 11), (12, 19), (20, 23), (23, 26), (26, 28), (29, 33))
    starts = (-9.0, -9.0, 9.0, -9.0, -9.0, -9.0, -9.0)
    ends = (-9.0, -9.0, -9.0, -9.0, 9.0, -9.0, -9.0)
    question = "who chairs the board?"
    analysis = Analysis(question, question, parse_question(question), {"board": 1.0})
    hit = Hit(Passage("a.md#1", "a.md", "a.md", 1, text), 1.0)
    group = [Sentence(hit, 0, 0, text, {}, 1.0)]
    options = phrase_options(doc, analysis.question)
    found = _read_spans(analysis, group, doc, [Reading(0, offsets, starts, ends)], (9.0, 0.0),
                        options, CONFIG)
    assert found[0].text == "Patrick Oyelaran"
    # the span is a phrase of the parse: it takes the span ranker's score, however ranked
    listed = next(o.score for o in options if o.text == "Patrick Oyelaran")
    assert found[0].phrase == listed != CONFIG.unparsed
    # a span that is no phrase of the parse ("chair Patrick") is scored as unparsed
    starts = (-9.0, 9.0, -9.0, -9.0, -9.0, -9.0, -9.0)
    ends = (-9.0, -9.0, 9.0, -9.0, -9.0, -9.0, -9.0)
    found = _read_spans(analysis, group, doc, [Reading(0, offsets, starts, ends)], (9.0, 0.0),
                        options, CONFIG)
    assert found[0].text == "chair Patrick" and found[0].phrase == CONFIG.unparsed


PARAGRAPH = ("The court sat in Fenmouth. Justice Ellen Thwaite heard the case. She quashed the cut "
             "on Thursday. The ministry said it would appeal. Fishers welcomed the ruling.")


def _sentences(*indices: int, text: str = PARAGRAPH, title: str = "Quota cut quashed"):
    from index.answer.sentences import Sentence
    from index.corpus.sentences import split_sentences
    from index.models import Hit, Passage

    hit = Hit(Passage("a.md#1", "a.md", title, 1, text), 1.0)
    split = split_sentences(text)
    return [Sentence(hit, 0, i, split[i], {}, 0.0) for i in indices]


def _held(windows, sentences):
    """Return, per window, the sentences it holds, as found at their offsets."""
    return [[text[offset:offset + len(sentences[i].text)] == sentences[i].text and i
             for i, offset in held] for text, held in windows]


def test_a_sentence_is_read_after_its_title_among_its_neighbours():
    sentences = _sentences(2)
    windows = read_windows(sentences, 1)
    assert windows[0][0] == ("Quota cut quashed. Justice Ellen Thwaite heard the case. She "
                             "quashed the cut on Thursday. The ministry said it would appeal.")
    assert _held(windows, sentences) == [[0]]


def test_sentences_whose_neighbourhoods_meet_are_read_once():
    sentences = _sentences(1, 3)  # neighbours 0-2 and 2-4 share sentence 2
    windows = read_windows(sentences, 1)
    assert len(windows) == 1 and _held(windows, sentences) == [[0, 1]]
    assert windows[0][0].count("Thwaite") == 1


def test_without_neighbours_each_sentence_is_read_alone():
    sentences = _sentences(1, 2)
    windows = read_windows(sentences, 0)
    assert [text for text, _ in windows] == [
        "Quota cut quashed. Justice Ellen Thwaite heard the case.",
        "Quota cut quashed. She quashed the cut on Thursday."]
    assert _held(windows, sentences) == [[0], [1]]


def test_neighbours_stop_at_the_passage_and_far_sentences_are_read_apart():
    sentences = _sentences(0, 4)
    windows = read_windows(sentences, 1)
    assert len(windows) == 2 and _held(windows, sentences) == [[0], [1]]
    assert windows[0][0].startswith("Quota cut quashed. The court sat in Fenmouth.")
    assert windows[1][0].endswith("Fishers welcomed the ruling.")


@pytest.mark.parametrize(("question", "sentence", "span", "expected"), [
    ("how many buses did Harrowgate order?",
     "Metro ordered 120 electric buses from Brightwell last June in a $162 million contract.",
     "120 electric buses from Brightwell last June in a $162 million", "120 electric buses"),
    ("how much rain fell before the flood?",
     "A rain gauge at Tarnhollow recorded 186 mm of rain in 48 hours up to Saturday.",
     "186 mm of rain in 48 hours", "186 mm"),
    ("how many firefighters were there?", "About 50 firefighters, and 12 engines, were called.",
     "About 50 firefighters, and 12 engines", "About 50 firefighters"),
    ("how many people were evacuated?", "About 1,200 people were evacuated on Sunday.",
     "About 1,200 people", "About 1,200 people"),
    # ... or past it into its verb: "and six are missing" is not 11
    ("how many died in the floods?", "At least 11 people have died and six are missing.",
     "At least 11 people have died and six", "At least 11 people"),
    # ... a figure in words as well
    ("how many died?", "Thirty-nine people are confirmed dead and thirteen are still missing.",
     "Thirty-nine people are confirmed dead and thirteen", "Thirty-nine people"),
    ("how much did the fund raise?", "$3.1 million was raised by Friday.",
     "$3.1 million was raised", "$3.1 million"),
    # asked something else, a measure (a share, a sum, a quantity) is cut as well
    ("rapeseed tariff by end of April?",
     "Kessaria will reduce the duty to about 12 per cent by the end of April and lift others.",
     "about 12 per cent by the end of April and lift others", "about 12 per cent"),
    # the reader's span may open inside the amount said: it gets the whole amount
    ("rapeseed tariff by end of April?",
     "Kessaria will reduce the duty to about 12 per cent by the end of April and lift others.",
     "12 per cent by the end of April and lift others", "about 12 per cent"),
    ("what did the council approve?", "The council approved $26.4 million for the programme.",
     "$26.4 million for the programme", "$26.4 million"),
    # a currency sign the parse leaves out of the amount's entity is the amount's
    ("how much will the Arc 7 cost?", "The Arc 7 will cost $899 for the base model.",
     "899", "$899"),
    # ... and so is a rate's "/h" ("km/h")
    ("how strong were the gusts?", "Gusts of 90 km/h were recorded at Kellin.", "90 km",
     "90 km/h"),
    # ... a bare count is not, nor is anything asked why: a cause runs on
    ("who ordered the buses?", "Metro ordered 120 electric buses from Brightwell.",
     "120 electric buses from Brightwell", "120 electric buses from Brightwell"),
    ("why did the price rise?", "It rose after a 25 per cent tariff on batteries.",
     "25 per cent tariff on batteries", "25 per cent tariff on batteries"),
    ("what happened to the buses?", "Five buses were destroyed in the fire.",
     "Five buses were destroyed", "Five buses were destroyed"),
    # not the amount the span opens with: as read
    ("how much will the duty fall?", "Kessaria will cut the duty to about 12 per cent by April.",
     "cut the duty to about 12 per cent by April", "cut the duty to about 12 per cent by April"),
])
def test_an_amount_span_that_runs_on_is_cut_to_the_amount(question, sentence, span, expected):
    assert _phrase_of(question, sentence, span) == expected


@pytest.mark.parametrize(("question", "sentence", "span", "expected"), [
    # asked for a person or a body, a span that opens with one runs on past it: the name
    ("who quit as transit boss?",
     "Darius Penhale, the chief executive of Harrowgate Metro, resigned on Monday.",
     "Darius Penhale, the chief executive", "Darius Penhale"),
    ("who leads the inquiry?",
     "Helen Marsh, who chairs the regulator, will lead the inquiry.",
     "Helen Marsh, who chairs the regulator", "Helen Marsh"),
    # a span that opens with a title and ends in the name set off after it: the name
    ("who resigned at pinmoor?",
     "Pinmoor's managing director, Edwin Taskel, stepped down on Monday.",
     "Pinmoor's managing director, Edwin Taskel", "Edwin Taskel"),
    ("who was skippering the ferry?",
     "Among those rescued was the ferry's captain, Emeric Tarvos, 61.",
     "the ferry's captain, Emeric Tarvos", "Emeric Tarvos"),
    ("who quit?", "The board, Pinmoor and Velcor said nothing.",  # a list, not a title
     "The board, Pinmoor", "The board, Pinmoor"),
    # a list is kept whole, and so is a name of another kind than asked
    ("Who were two of the founders?",
     "The founders were John Wesley and Charles Wesley, both Anglicans.",
     "John Wesley and Charles Wesley", "John Wesley and Charles Wesley"),
    ("who made the film?",
     "The film was a co-production between Fox, Universal Pictures and the BBC.",
     "Fox, Universal Pictures", "Fox, Universal Pictures"),
    ("which Norlanders did Kessaria lock up?",
     "The men were held by Kessaria, Norland said.", "Kessaria, Norland", "Kessaria, Norland"),
    # asked something else, the span is as read
    ("where did he resign?",
     "Darius Penhale, the chief executive of Harrowgate Metro, resigned on Monday.",
     "Darius Penhale, the chief executive", "Darius Penhale, the chief executive"),
    ("where did he resign?",
     "Pinmoor's managing director, Edwin Taskel, stepped down on Monday.",
     "Pinmoor's managing director, Edwin Taskel", "Pinmoor's managing director, Edwin Taskel"),
])
def test_a_name_span_that_runs_on_is_cut_to_the_name(question, sentence, span, expected):
    assert _phrase_of(question, sentence, span) == expected


@pytest.mark.parametrize(("question", "sentence", "span", "expected"), [
    # asked when, a span inside a date is the whole date
    ("when do investors vote?", "The deal goes to a shareholder vote on 14 July.", "July",
     "14 July"),
    ("when were the images used?", "Images were used in the 1530s and 1540s.", "1530s",
     "the 1530s"),  # the parser's entity ends on "and": trimmed
    # a span that runs on past the date is cut to it
    ("when do investors vote?", "Shareholders vote on 9 July, before the ruling.",
     "9 July, before the ruling", "9 July"),
    ("when do arc 7 sales start?", "It goes on sale on 27 March in Norland, Valdessa and "
     "Serravia, with pre-orders opening immediately.", "27 March in Norland, Valdessa and "
     "Serravia, with pre-orders opening immediately", "27 March"),
    # but not one that runs on to another date or time
    ("when did the talks run?", "The talks ran from March to May, officials said.",
     "March to May", "March to May"),
    ("when is the sport on?", "It airs on some weekend afternoons at any time from 12:00 to "
     "6:00 p.m. Eastern Time.", "some weekend afternoons at any time from 12:00 to 6:00 p.m. "
     "Eastern Time", "some weekend afternoons at any time from 12:00 to 6:00 p.m. Eastern "
     "Time"),
    ("how many voted?", "About 900 voted on 14 July.", "July", "July"),  # not asked when
])
def test_a_date_span_is_the_whole_date_and_only_the_date(question, sentence, span, expected):
    assert _phrase_of(question, sentence, span) == expected


def _phrase_of(question: str, sentence: str, span: str) -> str:
    """Return the short answer a reader's `span` of `sentence` gives for `question`."""
    from index.answer.analysis import Analysis
    from index.answer.nlp import get_nlp
    from index.answer.questions import parse_question
    from index.answer.spans import _phrase

    start = sentence.index(span)
    analysis = Analysis(question, question, parse_question(question), {})
    return _phrase(sentence, get_nlp()(sentence), start, start + len(span), analysis)


@pytest.mark.parametrize(("question", "sentence", "span", "owner"), [
    ("who was the rival suitor?", "It talked to a rival suitor, Osmark's Trennick Resources.",
     "Osmark", True),  # where the suitor is from: the name after "'s" answers
    ("who was the rival suitor?", "It talked to a rival suitor, Osmark's Trennick Resources.",
     "Trennick Resources", False),
    ("whose bid was rejected?", "The board rejected Osmark's Trennick Resources bid.",
     "Osmark", False),  # "whose" asks for the owner
    ("who rejected the bid?", "Carrowmere's board rejected the bid.", "Carrowmere", False),
    # it owns no name
    ("where is the suitor based?", "It talked to Osmark's Trennick Resources.", "Osmark",
     False),  # not asked for a person or a body
])
def test_the_owner_of_a_name_is_not_the_name_asked_for(question, sentence, span, owner):
    from index.answer.analysis import Analysis
    from index.answer.nlp import get_nlp
    from index.answer.questions import parse_question
    from index.answer.spans import _owner_of_name

    doc = get_nlp()(sentence)
    at = sentence.index(span)
    marked = doc.char_span(at, at + len(span), alignment_mode="expand")
    analysis = Analysis(question, question, parse_question(question), {})
    assert _owner_of_name(marked, analysis) is owner


@pytest.mark.parametrize(("question", "sentence", "span", "owner"), [
    ("latest pay offer on the table?",
     "Nurses will vote on the government's latest pay offer next week.", "government", True),
    # what it owns holds a word the question does not: it may say what the thing is
    ("latest pay offer on the table?",
     "Nurses will vote on the government's 5.6% pay offer next week.", "government", False),
    # asked who, or whose, the owner may answer
    ("who made the latest pay offer?",
     "Nurses will vote on the government's latest pay offer next week.", "government", False),
    ("whose pay offer is on the table?",
     "Nurses will vote on the government's latest pay offer next week.", "government", False),
    ("latest pay offer on the table?", "The government raised its pay offer.", "government",
     False),  # no owner
])
def test_the_owner_of_the_thing_asked_about_is_not_what_it_is(question, sentence, span, owner):
    from index.answer.analysis import Analysis
    from index.answer.nlp import get_nlp
    from index.answer.questions import parse_question
    from index.answer.spans import _owner_of_asked
    from index.terms import WORD, stem

    doc = get_nlp()(sentence)
    at = sentence.index(span)
    marked = doc.char_span(at, at + len(span), alignment_mode="expand")
    weights = {stem(w): 1.0 for w in WORD.findall(question)}
    analysis = Analysis(question, question, parse_question(question), weights)
    assert _owner_of_asked(marked, analysis) is owner
