"""The `newsdesk` command line, run as users and other tools run it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from index.cli import main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "port.txt").write_text(
        "Port of Harbourview reopens\n\nThe port reopened on Monday after a storm, "
        "the harbour master Ines Vale said.\n\nTwelve ships were waiting outside."
    )
    monkeypatch.setenv("CORPUS_DIR", str(corpus))
    monkeypatch.setenv("CHROMA_PATH", str(tmp_path / "chroma"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_ask_on_an_empty_index_indexes_first_then_answers_json(env, capsys):
    assert main(["ask", "Who is the harbour master?", "--json"]) == 0
    out, err = capsys.readouterr()
    body = json.loads(out)
    assert body["answered"] and body["answer"] == "Ines Vale"
    assert body["citations"][0]["source"] == "port.txt"
    assert "indexing the corpus first" in err


def test_batch_answers_every_line_in_order_and_reports_bad_lines(env, capsys):
    batch = env / "q.jsonl"
    batch.write_text(
        '{"id": "a", "question": "When did the port reopen?"}\n'
        "not json\n"
        '{"id": "c"}\n'
        '{"id": "d", "question": ""}\n'
        '{"id": 5, "question": "Who is the harbour master?"}\n'
    )
    assert main(["ask", "--batch", str(batch)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line.get("id") for line in lines] == ["a", None, "c", "d", 5]
    assert lines[0]["answer"] == "Monday"
    assert "not valid JSON" in lines[1]["error"]
    assert "no \"question\"" in lines[2]["error"]
    assert "empty" in lines[3]["error"]
    assert lines[4]["answer"] == "Ines Vale"


def test_index_json_and_sources_json(env, capsys):
    assert main(["index", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["added"], report["articles"], report["passages"]) == (1, 1, 2)
    assert main(["sources", "--json"]) == 0
    [source] = json.loads(capsys.readouterr().out)
    assert source == {"source": "port.txt", "title": "Port of Harbourview reopens",
                      "passages": 2, "published": None, "url": None}


def test_question_and_batch_together_is_a_clear_error(env, capsys):
    assert main(["ask", "q", "--batch", "x.jsonl"]) == 1
    assert "not both" in capsys.readouterr().err


def test_bad_setting_is_a_clear_error(env, capsys, monkeypatch):
    monkeypatch.setenv("CHROMA_PORT", "eighty")
    assert main(["sources"]) == 1
    assert "CHROMA_PORT='eighty' is not valid" in capsys.readouterr().err


def test_console_script_runs(env):
    exe = Path(sys.executable).with_name("newsdesk")
    result = subprocess.run(
        [str(exe), "ask", "When did the port reopen?", "--json"],
        capture_output=True, text=True, timeout=300, env=os.environ.copy(), check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["answer"] == "Monday"
