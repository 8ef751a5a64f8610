import math

import pytest

from index.answer.decision import MARGIN_CAP, OWN, DecisionModel, load_decision

# A ranker that reads one feature, a decision that reads the share: small enough to check by hand.
MODEL = DecisionModel({"reader": 1.0}, {"bias": -1.0, "share": 4.0}, 0.5, {})


def test_shares_are_a_softmax_over_a_questions_answers():
    judged = MODEL.judge([{"reader": 2.0}, {"reader": 0.0}])
    assert [j.rank for j in judged] == [2.0, 0.0]
    assert judged[0].share == pytest.approx(math.exp(2) / (math.exp(2) + 1))
    assert sum(j.share for j in judged) == pytest.approx(1.0)


def test_an_answer_set_aside_still_counts_in_the_shares():
    every = MODEL.judge([{"reader": 3.0}, {"reader": 1.0}, {"reader": 0.0}])
    kept = MODEL.judge([{"reader": 1.0}, {"reader": 0.0}], aside=[{"reader": 3.0}])
    assert [j.share for j in kept] == pytest.approx([j.share for j in every[1:]])
    assert [j.probability for j in kept] == pytest.approx([j.probability for j in every[1:]])


def test_setting_a_wrong_answer_aside_never_makes_the_others_surer():
    dropped = MODEL.judge([{"reader": 1.0}, {"reader": 0.0}])
    aside = MODEL.judge([{"reader": 1.0}, {"reader": 0.0}], aside=[{"reader": 3.0}])
    assert all(a.probability < d.probability for a, d in zip(aside, dropped, strict=True))


def test_the_margin_is_over_the_answers_kept():
    model = DecisionModel({"reader": 1.0}, {"margin": 1.0}, 0.5, {})
    kept = model.judge([{"reader": 1.0}, {"reader": 0.0}], aside=[{"reader": 3.0}])
    assert kept[0].probability == pytest.approx(1 / (1 + math.exp(-1.0)))  # 1 over 0, not -2


def test_the_margin_read_is_at_most_the_cap():
    """A lone answer (margin 10 by convention) or one whose rivals were set aside reads no
    wider margin than the cap: the margin's weight is negative in the shipped model."""
    model = DecisionModel({"reader": 1.0}, {"margin": 1.0}, 0.5, {})
    alone = model.judge([{"reader": 1.0}])[0]
    far = model.judge([{"reader": 9.0}, {"reader": 0.0}])[0]
    near = model.judge([{"reader": 2.0}, {"reader": 0.0}])[0]
    assert alone.probability == far.probability == pytest.approx(1 / (1 + math.exp(-MARGIN_CAP)))
    assert near.probability == pytest.approx(1 / (1 + math.exp(-2.0)))


def test_no_answers_no_judgements():
    assert MODEL.judge([], aside=[{"reader": 1.0}]) == []


def test_the_shipped_model_names_its_features_and_threshold():
    model = load_decision()
    assert 0.0 < model.threshold < 1.0
    assert set(model.decide) <= {"bias", "rank", "share", "margin", *OWN}
    assert model.meta["fitted_on"] and model.rank
