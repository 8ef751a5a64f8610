"""Which retrieved passages are read, and how their sentences are described (no model)."""

from dataclasses import replace

import numpy as np
import pytest

from index.answer.analysis import analyse
from index.answer.config import CONFIG
from index.answer.sentences import describe, refers_back, spread
from index.models import Hit, Passage
from index.store.lexical import LexicalIndex

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


def test_a_sentence_is_weighed_with_the_words_named_before_it():
    text = ("The Tallisk Competition Board has opened an investigation into the takeover. "
            "The regulator said on Wednesday that its review would take 40 days.")
    passage = Passage("c#2", "c.md", "Watchdog opens inquiry", 2, text)
    analysis = analyse("when did the competition board launch its review?",
                       LexicalIndex([passage]))
    vectors = {passage.id: np.eye(2, 4, dtype=np.float32)}
    first, later = sorted(describe(analysis, (Hit(passage, 1.0),), np.ones(4, np.float32),
                                   vectors), key=lambda s: s.index)
    assert later.features["context_coverage"] > later.features["coverage"]
    assert later.features["context_coverage"] >= first.features["coverage"]


@pytest.mark.parametrize(("text", "refers"), [
    ("The ferry, built in 1983, had sailed from Dunmarrow.", True),
    ("The 43-year-old ferry was certified to carry 250 passengers.", True),
    ("It was built in 1983.", True),
    ("The Orsola Grey was built in 1979.", False),  # names its subject itself
    ("San Diego has 1.3 million people.", False),
    ("Items were recovered from the wreck.", False),  # "Items" is no pronoun
])
def test_a_sentence_that_refers_back_to_what_is_named_before_it(text, refers):
    assert refers_back(text) is refers
