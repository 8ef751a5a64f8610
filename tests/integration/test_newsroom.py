"""The newsroom dev set from ../shared/eval, asked once per test run, a floor per kind of question.

Each answer is judged by the official scorer (bench/newsroom.py runs the same and prints it).
The floors are the rates measured with the shipped answerer (see FLOOR): raise them as it
improves. Skipped when ../shared/eval is absent.
"""

import pytest

from bench import newsroom

# The rates measured with the shipped decision model and reader, in float32 and in bfloat16
# alike (54/60, 9/15, 7/12, 12/12), floors two under the answers and one under each other
# kind: reading sentences in batches of another make-up moves a logit in the last decimals,
# which can tip a close decision. The decision was fitted on these questions too (in two
# folds); the held-out rates are in docs/benchmarks.md.
FLOOR = {"answer": 52 / 60, "unanswerable": 8 / 15, "conflict": 6 / 12, "time": 11 / 12}
ABSENT = newsroom.missing()
pytestmark = pytest.mark.skipif(ABSENT is not None, reason=str(ABSENT))


@pytest.fixture(scope="module")
def newsroom_results(newsroom_desk):
    return newsroom.run(newsroom_desk, newsroom.load_questions())


@pytest.mark.parametrize("kind", newsroom.KINDS)
def test_newsroom_kind_holds_its_floor(newsroom_results, kind):
    passed, asked = newsroom.tally(newsroom_results)[kind]
    failures = "\n".join(newsroom.failure_lines(newsroom_results, kind))
    assert passed / asked >= FLOOR[kind], (
        f"{passed}/{asked} {kind} ({passed / asked:.2f}) is under the floor {FLOOR[kind]:.2f}; "
        f"failed:\n{failures}"
    )


# Questions the dev set does not ask, about its distractor stories: near misses an outlet's
# wording invites, which generic rules on the parse set aside (`index.answer.clashes`).
@pytest.mark.parametrize(("question", "wrong"), [
    ("who is serravia's trade minister?", "Finance"),  # of "Finance Minister Jonas Arvelo"
    ("who's running port allard transit?", "runs about 140 buses"),  # a clause, not a person
    ("what is qorvane's sales target for 2026?", "give"),  # "It did not give a sales target"
    ("how many hydrogen buses did harrowgate order?", "40"),  # what Port Allard ordered
])
def test_a_near_miss_is_not_the_answer(newsroom_desk, question, wrong):
    result = newsroom_desk.ask(question)
    assert wrong not in result.answer, result.answer


def test_asked_who_runs_it_a_person_is_the_answer(newsroom_desk):
    result = newsroom_desk.ask("who's running port allard transit?")
    assert result.answer == "Rosa Ventham"
