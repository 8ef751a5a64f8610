"""More outlets for an answer from passages not read (the parse only, no model)."""

import pytest

from index.answer.analysis import Analysis
from index.answer.corroboration import corroborate, query
from index.answer.parsing import Parser
from index.answer.questions import parse_question
from index.models import Answer, Citation, Passage, Side
from index.terms import WORD, stem

QUESTION = "how much did carrowmere stock gain the day the bid went public?"
# the weights `analyse` would give against a coverage about Carrowmere: names are common there
WEIGHTS = {"carrowmer": 2.4, "stock": 5.2, "gain": 1.9, "day": 2.6, "bid": 4.3, "went": 1.3,
           "public": 1.2}
SHARE, GAP, LIMIT = 0.2, 0.5, 6


def analysis(question: str = QUESTION, weights: dict[str, float] | None = None) -> Analysis:
    if weights is None:
        weights = {stem(w): 1.0 for w in WORD.findall(question)}
    return Analysis(question, question, parse_question(question), weights)


def passage(source: str, text: str, title: str = "Markets") -> Passage:
    return Passage(f"{source}#1", source, title, 1, text, published="2026-05-19")


def cited(n: int, source: str, quote: str) -> Citation:
    return Citation(n=n, source=source, title="Markets", paragraph=1, quote=quote, score=0.6,
                    published="2026-05-19")


ANSWER = Answer(QUESTION, True, "31 per cent", "Carrowmere shares jumped 31 per cent on the "
                "day the bid went public.", citations=(cited(1, "a.md", "Carrowmere shares "
                "jumped 31 per cent on the day the bid went public."),), support=1)
CONFLICT = Answer(
    QUESTION, True, "Sources disagree: 31 per cent or 27 per cent", ANSWER.sentence, True,
    (cited(1, "a.md", ANSWER.sentence),
     cited(2, "b.md", "Carrowmere shares finished up 27 per cent on the day of the bid.")),
    support=1, sides=(Side("31 per cent", (1,), ("2026-05-19",)),
                      Side("27 per cent", (2,), ("2026-05-19",))))


def test_an_outlet_not_read_that_states_the_figure_is_cited():
    found = corroborate(ANSWER, analysis(weights=WEIGHTS), [passage(
        "c.md", "Shares in Carrowmere Mining closed 31 per cent higher at 41.10 crowns.")],
        Parser(), SHARE, GAP, LIMIT)
    assert [c.source for c in found.citations] == ["a.md", "c.md"]
    assert found.support == 2
    assert found.citations[1].n == 2 and found.citations[1].quote.startswith("Shares in")
    assert found.citations[1].score == 0.6  # the answer's, as its first citation gives it


def test_each_side_of_a_disagreement_gets_its_outlets():
    found = corroborate(CONFLICT, analysis(weights=WEIGHTS), [
        passage("c.md", "Shares in Carrowmere Mining closed 31 per cent higher on Monday."),
        passage("d.md", "Carrowmere stock closed up 27 per cent that day.")],
        Parser(), SHARE, GAP, LIMIT)
    assert [(s.answer, s.citations) for s in found.sides] == [("31 per cent", (1, 3)),
                                                              ("27 per cent", (2, 4))]
    assert found.sides[1].published == ("2026-05-19", "2026-05-19")
    assert found.support == 2


def test_an_outlet_cited_for_one_side_is_cited_for_another_it_states_too():
    found = corroborate(CONFLICT, analysis(weights=WEIGHTS), [
        passage("b.md", "Carrowmere shares closed 31 per cent higher on the day of the bid, "
                "other traders said.")], Parser(), SHARE, GAP, LIMIT)
    assert [(s.answer, s.citations) for s in found.sides] == [("31 per cent", (1, 3)),
                                                              ("27 per cent", (2,))]
    assert found.citations[2].source == "b.md"


def test_a_sentence_whose_article_names_what_the_question_names_elsewhere_is_cited():
    lead = Passage("c.md#1", "c.md", "Markets", 1, "Carrowmere Mining was the day's story.",
                   published="2026-05-19")
    later = Passage("c.md#2", "c.md", "Markets", 2, "Its shares closed 31 per cent higher on "
                    "the day the bid went public.", published="2026-05-19")
    asked = analysis(QUESTION.replace("carrowmere", "Carrowmere"), WEIGHTS)
    found = corroborate(ANSWER, asked, [lead, later], Parser(), SHARE, GAP, LIMIT)
    assert [c.source for c in found.citations] == ["a.md", "c.md"]
    assert corroborate(ANSWER, asked, [later], Parser(), SHARE, GAP,
                       LIMIT) == ANSWER  # alone, it names no Carrowmere


def test_a_sentence_quoted_already_is_not_cited_again_from_a_passage_read():
    read = passage("b.md", "Carrowmere shares finished up 27 per cent on the day of the bid.")
    found = corroborate(CONFLICT, analysis(weights=WEIGHTS), [read, read], Parser(), SHARE,
                        GAP, LIMIT)
    assert found == CONFLICT


@pytest.mark.parametrize("text", [
    "Shares in Halcyra closed 31 per cent higher.",  # not the question's name
    "Carrowmere shares rose 31 per cent, then fell 27 per cent on the day of the bid.",  # both
    "Carrowmere shares closed 30 per cent higher on the day of the bid.",  # another figure
])
def test_a_sentence_that_is_no_account_of_the_answer_is_not_cited(text):
    found = corroborate(CONFLICT, analysis(weights=WEIGHTS), [passage("c.md", text)],
                        Parser(), SHARE, GAP, LIMIT)
    assert found == CONFLICT


def test_a_sentence_lacking_a_weightier_question_word_is_not_cited():
    asked = "how much did home insurance go up last year?"
    said = "The average cost of home insurance in Norland rose 11 per cent last year."
    found = Answer(asked, True, "11 per cent", said, citations=(cited(1, "a.md", said),),
                   support=1)
    weights = {"home": 2.0, "insur": 3.0, "go": 0.4, "up": 0.4, "last": 0.5, "year": 1.0}
    phones = passage("c.md", "The company sold about 1.3 million phones last year, mostly in "
                     "Norland, where it holds about 11 per cent of the market.")
    assert corroborate(found, analysis(asked, weights), [phones], Parser(), SHARE, GAP,
                       LIMIT) == found


def test_an_outlet_already_cited_is_not_cited_again():
    found = corroborate(ANSWER, analysis(weights=WEIGHTS), [passage(
        "a.md", "Shares in Carrowmere Mining closed 31 per cent higher at 41.10 crowns.")],
        Parser(), SHARE, GAP, LIMIT)
    assert found == ANSWER


@pytest.mark.parametrize(("question", "answer", "looked_for"), [
    (QUESTION, "31 per cent", True),
    ("when do investors vote?", "9 July", True),
    ("what year was the ferry built?", "1983", True),
    ("when did the talks break down?", "Sunday", False),  # a day only against its article
    ("how many people died?", "two", False),  # said of many things
    ("how much did shares gain?", "3 per cent", False),
    ("who leads the union?", "Orla Brennick", False),  # a name needs the reader
])
def test_only_a_specific_figure_or_date_is_looked_for(question, answer, looked_for):
    found = Answer(question, True, answer, f"It was {answer}.",
                   citations=(cited(1, "a.md", f"It was {answer}."),), support=1)
    wanted = query(found, analysis(question))
    assert bool(wanted) is looked_for
    if looked_for:
        assert wanted.startswith(answer) and question in wanted
