"""The JSON of the values that cross the command line's boundary: extended, never renamed."""

from index.models import EMPTY_INDEX, Answer, IndexReport, Status

ANSWER_KEYS = ["question", "answered", "answer", "sentence", "conflict", "citations",
               "elapsed_ms", "support", "sides", "revised_from", "answered_question"]


def test_an_answer_carries_an_error_only_when_nothing_could_be_searched():
    assert list(Answer("Who?", True, "Ines Vale").to_json()) == ANSWER_KEYS
    empty = Answer("Who?", False, error=f"{EMPTY_INDEX} Run `newsdesk index`.").to_json(id=7)
    assert list(empty) == ["id", *ANSWER_KEYS, "error"]
    assert (empty["answered"], empty["citations"], empty["sides"]) == (False, [], [])
    assert empty["error"].startswith("The index is empty: ")


def test_an_index_report_says_when_the_corpus_folder_changed():
    report = IndexReport(removed=3, articles=1, corpus="/news/b", corpus_changed_from="/news/a")
    assert report.corpus_note() == (
        "corpus folder changed from /news/a to /news/b: 3 articles of /news/a removed"
    )
    body = report.to_json()
    assert (body["corpus"], body["corpus_changed_from"]) == ("/news/b", "/news/a")
    assert list(body)[:11] == ["added", "updated", "unchanged", "removed", "skipped", "articles",
                               "passages", "embedded", "elapsed_s", "reembedded", "full"]
    same = IndexReport(corpus="/news/b")
    assert same.corpus_note() is None and same.to_json()["corpus_changed_from"] is None


def test_status_json_keys():
    status = Status(2, 24, "all-MiniLM-L6-v2 (packaged)", "embedded chroma at data/chroma",
                    "2026-11-23T11:00:00+00:00", 1.25, "/news")
    assert status.to_json() == {
        "articles": 2, "passages": 24, "model": "all-MiniLM-L6-v2 (packaged)",
        "store": "embedded chroma at data/chroma", "last_indexed_at": "2026-11-23T11:00:00+00:00",
        "last_index_s": 1.25, "corpus": "/news",
    }
