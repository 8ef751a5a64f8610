"""The stories dev set (bench/stories): every question's expected strings are in its sources."""

import importlib.util
from pathlib import Path

STORIES = Path(__file__).resolve().parents[2] / "bench" / "stories"


def _check():
    spec = importlib.util.spec_from_file_location("stories_check", STORIES / "check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_stories_question_points_at_coverage_that_states_its_answer():
    check = _check()
    files = sorted(STORIES.glob("questions-*.jsonl"))
    assert len(files) == 4
    assert [p for f in files for p in check.problems(f)] == []


def test_the_check_finds_a_question_whose_answer_its_source_does_not_state(tmp_path):
    check = _check()
    article = next((STORIES / "articles").glob("s1-01-*"))
    bad = tmp_path / "questions-x.jsonl"
    bad.write_text('{"id": "x-1", "question": "q?", "kind": "answer", '
                   f'"expect_any": ["no such answer anywhere"], "sources": ["{article.name}"]}}\n',
                   encoding="utf-8")
    assert check.problems(bad) == ["questions-x.jsonl:1: none of ['no such answer anywhere'] "
                                   "is in its sources"]
