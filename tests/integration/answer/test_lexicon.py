"""The question's verb against a sentence's verbs, by the real embedding model."""

import numpy as np
import pytest

from index.answer.clashes import farther_dates
from index.answer.lexicon import Lexicon
from index.answer.parsing import Parser
from index.answer.spans import predicates, soft, verb_nearness


def test_a_paraphrased_verb_is_nearer_than_another_act(embedder):
    near = Lexicon(embedder).similarities("quit", ["resigned", "donated", "quit"])
    assert near["quit"] > 0.99
    assert near["resigned"] > near["donated"]


def test_each_sentence_gets_its_nearest_verb(embedder):
    docs = Parser().parse(["The operator was fined $500,000 by the regulator.",
                      "The operator donated $500,000 to the relief fund.",
                      "A fine of $500,000."])
    fined, donated, verbless = predicates("fined", docs, Lexicon(embedder))
    assert fined > 0.99
    assert donated < fined
    assert verbless == 0.0


def test_of_two_dates_the_one_whose_verb_is_farther_from_the_question_is_another_event(
        embedder):
    # "what date did the board reject the proposal?": rejected (turned down) on Sunday
    docs = Parser().parse(["Velcor made public on Monday a proposal to buy Carrowmere, after "
                           "Carrowmere's board turned the approach down on Sunday."])
    nearness = verb_nearness("reject", docs, Lexicon(embedder))[0]
    farther = farther_dates(docs[0], nearness, 0.1)
    assert [t.text for t in docs[0] if t.i in farther] == ["Monday"]


def test_without_a_verb_in_the_question_every_sentence_is_neutral(embedder):
    docs = Parser().parse(["The operator donated $500,000."])
    assert predicates("", docs, Lexicon(embedder)) == [1.0]


def test_soft_coverage_counts_a_near_word_by_its_similarity(embedder):
    from index.answer.analysis import Analysis
    from index.answer.questions import parse_question

    question = "how many cars did Qorvane sell?"
    weights = {"car": 1.0, "qorvan": 1.0, "sell": 0.35}
    analysis = Analysis(question, question, parse_question(question), weights)
    docs = Parser().parse(["Qorvane sold 1,912,000 vehicles in 2025.",
                      "Qorvane sells cars in 52 countries.",
                      "Qorvane opened a plant in Valdessa."])
    vehicles, cars, plant = soft(analysis, docs, Lexicon(embedder), 0.7)
    exact = soft(analysis, docs, None, 0.7)
    assert cars == exact[1] == 1.0
    assert exact[0] < vehicles < 1.0  # "vehicles" counts for "cars", by its similarity
    assert plant == exact[2] < vehicles  # nothing near "cars" or "sell" there


def test_bfloat16_similarities_are_float32_ones_within_a_hundredth(embedder):
    words = ["resigned", "donated", "quit", "vehicles", "cars", "tariff", "levy"]
    exact = Lexicon(embedder).similarities("quit", words)
    fast = Lexicon(embedder, "bfloat16")
    assert fast.similarities("quit", words) == pytest.approx(exact, abs=0.01)
    assert fast.vectors(["cars"]).dtype == np.float32
    assert np.linalg.norm(fast.vectors(["cars"])[0]) == pytest.approx(1.0, abs=1e-3)
    # its own vectors, not float32's from the shared cache
    assert not np.array_equal(fast.vectors(["levy"]), Lexicon(embedder).vectors(["levy"]))


def test_a_desk_embeds_words_in_its_answer_precision(make_desk, tmp_path):
    from index.answer.precision import resolve_precision

    for precision in ("float32", "bfloat16", "auto"):
        desk = make_desk(tmp_path, answer_precision=precision)
        want = resolve_precision(precision)
        assert (desk.lexicon()._model is not None) == (want == "bfloat16")


def test_warm_up_makes_the_bfloat16_word_model_before_the_first_question(embedder):
    from index.answer.lexicon import _bfloat16_model
    from index.service import warm_up
    from index.settings import Settings

    warm_up(Settings(answer_precision="bfloat16"), embedder)
    made = _bfloat16_model.cache_info()
    assert Lexicon(embedder, "bfloat16")._model is not None
    after = _bfloat16_model.cache_info()
    assert (after.hits, after.misses) == (made.hits + 1, made.misses)  # reused, not made
