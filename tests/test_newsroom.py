"""The newsroom dev set from ../shared/eval, asked once per test run, a floor per kind of question.

Each answer is judged by the official scorer (bench/newsroom.py runs the same and prints it).
The floors are the rates measured at 91da6c3 (28/60, 3/15, 0/12, 8/12): raise them as the
answerer improves. Skipped when ../shared/eval is absent.
"""

import pytest

from bench import newsroom

FLOOR = {"answer": 0.46, "unanswerable": 0.20, "conflict": 0.00, "time": 0.66}
ABSENT = newsroom.missing()
pytestmark = pytest.mark.skipif(ABSENT is not None, reason=str(ABSENT))


@pytest.fixture(scope="module")
def newsroom_results(embedder, tmp_path_factory):
    from index.service import Newsdesk
    from index.settings import Settings
    from index.store import PassageStore, connect

    settings = Settings(corpus_dir=newsroom.CORPUS,
                        chroma_path=tmp_path_factory.mktemp("newsroom") / "chroma")
    desk = Newsdesk(settings, embedder, PassageStore(connect(settings)))
    desk.index()
    return newsroom.run(desk, newsroom.load_questions())


@pytest.mark.parametrize("kind", newsroom.KINDS)
def test_newsroom_kind_holds_its_floor(newsroom_results, kind):
    passed, asked = newsroom.tally(newsroom_results)[kind]
    failures = "\n".join(newsroom.failure_lines(newsroom_results, kind))
    assert passed / asked >= FLOOR[kind], (
        f"{passed}/{asked} {kind} ({passed / asked:.2f}) is under the floor {FLOOR[kind]:.2f}; "
        f"failed:\n{failures}"
    )
