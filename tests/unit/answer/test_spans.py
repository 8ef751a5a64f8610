"""How a sentence is put before the reader: after its article's title."""

import pytest

from index.answer.spans import titled


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
    found = _read_spans(analysis, group, doc, [Reading(0, offsets, starts, ends)], (9.0, 0.0),
                        CONFIG)
    assert found[0].text == "Patrick Oyelaran"
