"""The extractive reader: the shipped adapter on the packaged MiniLM, on invented passages."""

import pytest

from index.answer.precision import native_bfloat16, resolve_precision
from index.answer.reading import LONGEST, Reader
from index.answer.reading_backends import load_reader

FERRY = (
    "Harbourview's council voted on Tuesday to buy 40 electric buses from Northwind Motors. "
    "The order, worth 38 million dollars, replaces the diesel fleet by 2028, said the mayor, "
    "Alma Ruiz."
)
WEATHER = "Heavy rain closed the coastal road for two days. Crews cleared mud from the tunnel."


@pytest.fixture(scope="module")
def reader() -> Reader:
    return load_reader()


FERRY_ANSWERS = [
    ("How many electric buses will Harbourview buy?", "40"),
    ("Who is the mayor of Harbourview?", "Alma Ruiz"),
    ("Which company makes the buses?", "Northwind Motors"),
    ("How much is the order worth?", "38 million dollars"),
]


@pytest.mark.parametrize(("question", "answer"), FERRY_ANSWERS)
def test_best_span_is_the_answer(reader, question, answer):
    best = reader.read(question, [FERRY], top=1)[0][0]
    assert answer in FERRY[best.start : best.end]
    assert len(FERRY[best.start : best.end].split()) <= 6


def test_scores_compare_across_passages(reader):
    spans = reader.read("How many electric buses will Harbourview buy?", [WEATHER, FERRY])
    assert spans[1][0].score > spans[0][0].score
    assert all(s.passage == i for i, found in enumerate(spans) for s in found)


def test_spans_are_ordered_bounded_and_inside_the_passage(reader):
    spans = reader.read("When will the diesel fleet be replaced?", [FERRY], top=5)[0]
    assert [s.score for s in spans] == sorted((s.score for s in spans), reverse=True)
    assert len(spans) == 5
    for span in spans:
        assert 0 <= span.start < span.end <= len(FERRY)
    reading = reader.readings("When will the diesel fleet be replaced?", [FERRY])[0]
    assert reading.score(spans[0].start, spans[0].end) == pytest.approx(spans[0].score)
    assert all(len(reader._tokenizer.tokenize(FERRY[s.start : s.end])) <= LONGEST
               for s in spans)


def test_best_within_a_sentence(reader):
    question = "Who is the mayor of Harbourview?"
    reading = reader.readings(question, [FERRY])[0]
    second = FERRY.index("The order")
    best = reader.read(question, [FERRY], top=1)[0][0]
    assert best.start >= second  # "Alma Ruiz", in the second sentence
    assert reading.best_within(second, len(FERRY)) == pytest.approx(best.score)
    first = reading.best_within(0, second)
    spans = reader.read(question, [FERRY], top=200)[0]
    assert first == pytest.approx(max(s.score for s in spans if s.end <= second))
    assert reading.best_within(len(FERRY), len(FERRY) + 10) is None


def test_a_long_passage_is_read_in_windows(reader):
    filler = " ".join(["The committee met again and discussed the budget at length."] * 60)
    passage = f"{filler} The new bridge will open in 2031."
    best = reader.read("When will the new bridge open?", [passage], top=1)[0][0]
    assert passage[best.start : best.end] == "2031"


def test_no_passages_read_nothing(reader):
    assert reader.read("Anything?", []) == []


def test_many_passages_read_in_batches_read_as_each_alone(reader):
    question = "How many electric buses will Harbourview buy?"
    passages = [FERRY, WEATHER, "Short.", FERRY + " " + WEATHER, *(WEATHER[: 20 + n] for n in
                                                                  range(9))]
    together = reader.readings(question, passages)
    assert [r.passage for r in together] == list(range(len(passages)))
    for got in together:
        alone = reader.readings(question, [passages[got.passage]])[0]
        assert got.offsets == alone.offsets
        assert got.starts == pytest.approx(alone.starts, abs=1e-3)
        assert got.null == pytest.approx(alone.null, abs=1e-3)


@pytest.fixture(scope="module")
def bfloat16_reader() -> Reader:
    return load_reader(precision="bfloat16")


@pytest.mark.parametrize(("question", "answer"), FERRY_ANSWERS)
def test_bfloat16_reads_as_float32(reader, bfloat16_reader, question, answer):
    assert (reader.precision, bfloat16_reader.precision) == ("float32", "bfloat16")
    best = bfloat16_reader.read(question, [FERRY], top=1)[0][0]
    assert answer in FERRY[best.start : best.end]
    for want, got in zip(reader.readings(question, [FERRY, WEATHER]),
                         bfloat16_reader.readings(question, [FERRY, WEATHER]), strict=True):
        assert got.offsets == want.offsets
        assert got.starts == pytest.approx(want.starts, abs=0.15)
        assert got.ends == pytest.approx(want.ends, abs=0.15)
        assert got.null == pytest.approx(want.null, abs=0.15)


def test_precision_auto_follows_the_cpu_and_a_bad_one_is_named():
    assert resolve_precision("auto") == ("bfloat16" if native_bfloat16() else "float32")
    assert resolve_precision("float32") == "float32"
    with pytest.raises(ValueError, match="unknown answer precision 'fp8'; valid: auto, bfloat16"):
        resolve_precision("fp8")
