"""Answer types: what a candidate is, what a question wants, and the model's lift."""

import json

import numpy as np
import pytest

from index.answer.nlp import get_nlp
from index.answer.questions import KINDS, counted_word, parse_question, type_cue
from index.answer.types import TYPES, TypeModel, answer_type, load_types, type_inputs


def typed(sentence: str, answer: str) -> str:
    doc = get_nlp()(sentence)
    start = sentence.index(answer)
    return answer_type(doc.char_span(start, start + len(answer), alignment_mode="expand"))


@pytest.mark.parametrize(
    ("sentence", "answer", "expected"),
    [
        ("Mark Carney met Xi Jinping in Beijing on Friday.", "Mark Carney", "PERSON"),
        ("Mark Carney met Xi Jinping in Beijing on Friday.", "Beijing", "PLACE"),
        ("Mark Carney met Xi Jinping in Beijing on Friday.", "Friday", "DATE"),
        ("The strike lasted three days before talks resumed.", "three days", "DURATION"),
        ("The plant closed three days ago.", "three days", "DATE"),
        ("Brightwell Coachworks won the order for 120 buses.", "120", "CARDINAL"),
        ("The tariff falls to 6.1 per cent next year.", "6.1 per cent", "PERCENT"),
        ("The council approved $26.4 million more for the project.", "$26.4 million", "MONEY"),
        ("The council voted 9-4 to approve the money.", "9-4", "CARDINAL"),
        ("A gauge recorded 186 mm of rain in 48 hours.", "186 mm of rain", "QUANTITY"),
        ("A gauge recorded 186 mm of rain in 48 hours.", "48 hours", "DURATION"),
        ("It followed three days of torrential rain.", "three days of torrential rain",
         "DURATION"),
        ("Harrowgate recorded 31 cm of snow.", "31 cm", "QUANTITY"),
        ("The plant flooded three days ago.", "three days ago", "DATE"),
        ("Qorvane sold 61,000 electric cars abroad.", "61,000 electric cars", "CARDINAL"),
        ("The fund has raised 3.1 million dollars.", "3.1 million dollars", "MONEY"),
        ("Officials blamed a faulty charger in the depot.", "a faulty charger", "NOUN"),
        ("Tensions grew after the 2018 arrest of the company's finance chief.",
         "the 2018 arrest of the company's finance chief", "NOUN"),
        ("Relations soured because the envoy was detained.", "the envoy was detained",
         "CLAUSE"),
    ],
)
def test_answer_type_of_a_span_in_its_sentence(sentence, answer, expected):
    assert typed(sentence, answer) == expected


@pytest.mark.parametrize(
    ("question", "cue"),
    [
        ("what duty do the quota cars pay?", "what duty"),
        ("how much rain fell before the flood?", "how much rain"),
        ("who's the trade minister?", "who's the trade minister"),
        ("flood death toll?", "flood death toll"),
        ("battery size on the new buses?", "battery size"),
        ("what date did Penhale resign?", "what date"),
    ],
)
def test_type_cue_is_what_says_the_type_wanted(question, cue):
    assert type_cue(get_nlp()(question)) == cue


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("how many cars did Qorvane sell last year?", "cars"),
        ("how many Norland-built EVs will Kessaria take?", "EVs"),
        ("how many hydrogen buses is Port Allard getting?", "buses"),
        ("how much rain fell?", "rain"),
        ("how much was Vellstream fined?", ""),
        ("who quit as transit boss?", ""),
    ],
)
def test_counted_word_is_the_noun_how_many_counts(question, counted):
    assert counted_word(get_nlp()(question)) == counted
    assert parse_question(question).counted == counted


def toy(dimension: int = 2) -> TypeModel:
    """A model that reads the first question coordinate as PERSON, the second as CARDINAL."""
    width = 2 * dimension + len(KINDS)
    weights = np.zeros((len(TYPES), width))
    weights[TYPES.index("PERSON"), 0] = 4.0
    weights[TYPES.index("CARDINAL"), 1] = 4.0
    prior = np.full(len(TYPES), 1.0 / len(TYPES))
    return TypeModel(weights, np.zeros(len(TYPES)), prior, "toy", {"fitted_on": "nothing"})


def test_lifts_favour_the_type_the_question_points_to():
    model = toy()
    lifts = model.lifts(type_inputs(np.array([1.0, 0.0]), np.zeros(2), "person"), 5.0)
    assert lifts["PERSON"] > 0 > lifts["CARDINAL"]
    assert max(lifts, key=lifts.get) == "PERSON"
    assert max(model.lifts(type_inputs(np.array([9.0, 0.0]), np.zeros(2), "person"),
                           1.0).values()) == 1.0
    assert model.fits("toy", 2) and not model.fits("other", 2) and not model.fits("toy", 3)
    # the same model exported to ONNX (`embedder_name`) computes the same vectors
    assert model.fits("toy [onnx-int8]", 2) and not model.fits("other [onnx]", 2)


@pytest.mark.parametrize("backend", ["torch", "onnx", "onnx-int8"])
def test_an_embedders_model_is_its_name_without_the_backend(backend):
    from index.store.embedding import PACKAGED_MODEL
    from index.store.embedding_backends import embedder_name, model_of

    assert model_of(embedder_name(None, backend)) == PACKAGED_MODEL
    assert model_of(embedder_name("/models/e5 [v2]", backend)) == "/models/e5 [v2]"


def test_a_saved_model_loads_the_same(tmp_path):
    path = toy().save(tmp_path / "types.json")
    loaded = load_types(path)
    inputs = type_inputs(np.array([0.2, 0.9]), np.array([0.1, 0.1]), "count")
    assert np.allclose(loaded.probabilities(inputs), toy().probabilities(inputs), atol=1e-4)
    body = json.loads(path.read_text())
    body["types"] = body["types"][:-1]
    path.write_text(json.dumps(body))
    load_types.cache_clear()
    with pytest.raises(ValueError, match="other answer types"):
        load_types(path)


def test_the_shipped_model_is_for_the_packaged_embedder():
    from index.store.embedding import PACKAGED_MODEL

    shipped = load_types()
    assert shipped is not None and shipped.fits(PACKAGED_MODEL, 384)
    assert shipped.meta["held_out"]["log_loss"] < shipped.meta["held_out"]["prior_log_loss"]
