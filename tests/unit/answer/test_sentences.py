"""Which retrieved passages are read: spread over articles (pure, no model)."""

from dataclasses import replace

from index.answer.config import CONFIG
from index.answer.sentences import spread
from index.models import Hit, Passage

CONFIG_3 = replace(CONFIG, passages=3, per_article=1, lead=1)


def hit(source: str, paragraph: int, score: float) -> Hit:
    return Hit(Passage(f"{source}#{paragraph}", source, source, paragraph, "text"), score)


def read(hits: list[Hit]) -> list[str]:
    return [h.passage.id for h in spread(tuple(hits), CONFIG_3)]


def test_other_articles_are_read_before_a_further_passage_of_one():
    hits = [hit("a", 5, 0.9), hit("a", 6, 0.8), hit("b", 3, 0.7), hit("c", 4, 0.6)]
    assert read(hits) == ["a#5", "b#3", "c#4"]


def test_an_articles_lead_is_read_beyond_its_share():
    hits = [hit("a", 5, 0.9), hit("a", 1, 0.8), hit("b", 3, 0.7), hit("c", 4, 0.6)]
    assert read(hits) == ["a#5", "a#1", "b#3"]


def test_the_best_of_the_rest_fill_the_places_too_few_articles_leave():
    hits = [hit("a", 5, 0.9), hit("a", 6, 0.8), hit("a", 7, 0.7), hit("b", 3, 0.6)]
    assert read(hits) == ["a#5", "a#6", "b#3"]
