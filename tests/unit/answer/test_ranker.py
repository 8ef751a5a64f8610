import pytest

from index.answer.extraction import phrase_options
from index.answer.nlp import get_nlp
from index.answer.questions import excluded_terms, parse_question
from index.answer.ranker import LinearRanker, load_ranker


def test_shipped_rankers_load_and_unknown_names_are_refused():
    assert load_ranker("span").weights and load_ranker("sentence").weights
    with pytest.raises(ValueError, match="known: sentence, span"):
        load_ranker("nonsense")


def test_ranker_round_trips_through_json(tmp_path):
    ranker = LinearRanker("demo", {"a": 1.5, "b": -2.0}, {"c": 0.3})
    path = ranker.save(tmp_path)
    assert path.name == "demo.json"
    assert ranker.score({"a": 2.0, "b": 1.0, "unknown": 9.0}) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("question", "excluded"),
    [
        ("Which other agreements were signed besides energy?", ("energi",)),
        ("What else was cut apart from the ferry budget?", ("ferri", "budget")),
        ("Which agreements were signed?", ()),
    ],
)
def test_excluded_terms(question, excluded):
    assert excluded_terms(question) == excluded


def test_an_excluded_thing_is_never_the_answer():
    doc = get_nlp()("The two sides signed agreements on energy and on forestry.")
    options = phrase_options(doc, parse_question("Which agreements were signed besides energy?"))
    assert options and all("energy" not in o.text for o in options)
