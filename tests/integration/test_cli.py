"""The `newsdesk` command line, run as users and other tools run it."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from index.cli import EMPTY_INDEX_EXIT, main
from index.corpus.feeds import Feed, save_feeds
from index.models import EMPTY_INDEX
from index.settings import Settings
from index.store.chroma import META, PassageStore, connect
from tests.integration.processes import Desk

REPO = Path(__file__).resolve().parents[2]
ANSWER_KEYS = ["question", "answered", "answer", "sentence", "conflict", "citations",
               "elapsed_ms", "support", "sides", "revised_from", "answered_question"]
# Runs commands in one new process, then says which model runtimes that process imported.
IN_ONE_PROCESS = """
import json, sys
from index.cli import main
codes = [main(argv) for argv in json.loads(sys.argv[1])]
heavy = sorted(m for m in ("torch", "sentence_transformers", "onnxruntime") if m in sys.modules)
print(json.dumps({"codes": codes, "imported": heavy}))
"""


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


def run_in_one_process(env: Path, *commands: list[str]) -> tuple[dict, str]:
    """Run `newsdesk` commands in one new process; return its summary line and its stderr."""
    result = subprocess.run(
        [sys.executable, "-c", IN_ONE_PROCESS, json.dumps(commands)], cwd=env,
        capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "LOG_LEVEL": "INFO"},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1]), result.stderr


def test_sources_status_and_bad_questions_load_no_model(env, make_desk):
    make_desk(env / "corpus").index()
    summary, err = run_in_one_process(
        env, ["sources"], ["status", "--json"], ["ask", " "], ["ask", "why? " * 300]
    )
    assert summary == {"codes": [0, 0, 1, 1], "imported": []}
    assert "loading embedding model" not in err
    assert "The question is empty" in err and "1,499 characters long" in err
    summary, err = run_in_one_process(env, ["sources"], ["ask", "Who is the harbour master?"])
    assert summary == {"codes": [0, 0], "imported": ["sentence_transformers", "torch"]}
    assert err.count("loading embedding model") == 1  # when a question needs it, once


def test_status_text_and_json(env, make_desk, capsys):
    report = make_desk(env / "corpus").index()
    save_feeds(env / "corpus", [Feed("https://e.example/rss", "Harbour News")])
    assert main(["status", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert list(body) == ["articles", "passages", "model", "store", "last_indexed_at",
                          "last_index_s", "corpus", "feeds", "feeds_error"]
    assert (body["articles"], body["passages"]) == (1, 2)
    assert body["model"] == "all-MiniLM-L6-v2 (packaged)"
    assert body["store"] == f"embedded chroma at {env / 'chroma'}"
    assert body["last_indexed_at"].endswith("+00:00") and body["last_index_s"] > 0
    assert body["corpus"] == report.corpus == str((env / "corpus").resolve())
    assert body["feeds"] == [{"url": "https://e.example/rss", "title": "Harbour News",
                              "followed_at": "", "last_poll": None, "last_error": None,
                              "added": 0}]
    assert body["feeds_error"] is None
    assert main(["status"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == ["articles:       1", "passages:       2"]
    assert lines[4:] == [
        "model:          all-MiniLM-L6-v2 (packaged)",
        f"store:          embedded chroma at {env / 'chroma'}",
        f"corpus folder:  {(env / 'corpus').resolve()}",
        "feeds:          1 followed",
        "  Harbour News (https://e.example/rss) · not polled yet",
    ]


def test_ask_on_an_empty_corpus_folder_says_how_to_fill_the_index(env, capsys):
    (env / "corpus" / "port.txt").unlink()
    assert main(["ask", "Who is the harbour master?", "--json"]) == EMPTY_INDEX_EXIT
    out, err = capsys.readouterr()
    assert "indexing the corpus first" not in err  # no file to read: no index run, no model
    body = json.loads(out)
    assert list(body) == [*ANSWER_KEYS, "error"]
    assert (body["answered"], body["answer"], body["citations"]) == (False, "", [])
    assert body["error"] == (
        f"{EMPTY_INDEX} Put articles (.txt, .md, .html or .jsonl files) in the corpus folder "
        f"{(env / 'corpus').resolve()} (CORPUS_DIR) and run `newsdesk index`, or add one by "
        "URL with `newsdesk add URL`."
    )


def test_ask_with_no_corpus_folder_and_no_index_says_how_to_fill_it(env, capsys, monkeypatch):
    monkeypatch.setenv("CORPUS_DIR", str(env / "missing"))
    assert main(["ask", "Who is the harbour master?"]) == EMPTY_INDEX_EXIT
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"newsdesk: {EMPTY_INDEX} Put articles")
    assert f"{env / 'missing'} (CORPUS_DIR)" in err and "`newsdesk add URL`" in err
    batch = env / "q.jsonl"
    batch.write_text('{"id": 1, "question": "Who?"}\n{"id": 2, "question": ""}\n')
    assert main(["ask", "--batch", str(batch)]) == EMPTY_INDEX_EXIT
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert list(first) == ["id", *ANSWER_KEYS, "error"] and not first["answered"]
    assert first["error"].startswith(EMPTY_INDEX)
    assert second == {"id": 2, "question": "", "error": (
        "The question is empty: ask something about the coverage.")}


def test_ask_warns_once_when_the_settings_name_another_corpus_folder(tmp_path):
    built, other = tmp_path / "a", tmp_path / "b"
    for folder in (built, other):
        folder.mkdir()
    (built / "port.txt").write_text(
        "Port of Harbourview reopens\n\nThe port reopened on Monday, the harbour master "
        "Ines Vale said."
    )
    indexed = Desk(built, tmp_path / "chroma", tmp_path)
    indexed.index()
    batch = "".join(json.dumps({"question": q}) + "\n" for q in (
        "Who is the harbour master?", "When did the port reopen?"))
    result = Desk(other, tmp_path / "chroma", tmp_path).run("ask", "--batch", "-", stdin=batch)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["answer"] for line in result.stdout.splitlines()] == [
        "Ines Vale", "Monday"]  # answered from the index as it is
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert len(warnings) == 1
    assert warnings[0].endswith(
        f"the index was built with corpus folder {built.resolve()} (CORPUS_DIR is "
        f"{other.resolve()}): answers come from that index. Run `newsdesk index` to index "
        "what these settings name."
    )
    assert "WARNING" not in indexed.run("ask", "Who is the harbour master?").stderr

    store = PassageStore(connect(Settings(chroma_path=tmp_path / "chroma")))
    pointer = store.client.get_collection(META)  # as newsdesk wrote it before it recorded these
    pointer.modify(metadata={k: v for k, v in store.info().items()
                             if k not in ("corpus", "backend")})
    old = Desk(other, tmp_path / "chroma", tmp_path).run("ask", "Who is the harbour master?")
    assert old.returncode == 0 and "WARNING" not in old.stderr


def test_ask_records_each_question_unless_told_not_to(env, capsys, monkeypatch):
    assert main(["ask", "Who is the harbour master?", "--json"]) == 0
    answered = json.loads(capsys.readouterr().out)
    db = sqlite3.connect(env / "chroma-feedback.sqlite3")
    rows = db.execute("SELECT question, answer, answered, guild, channel FROM asked").fetchall()
    assert rows == [("Who is the harbour master?", answered["answer"], int(answered["answered"]),
                     None, None)]
    monkeypatch.setenv("RECORD_QUESTIONS", "0")
    assert main(["ask", "When did the port reopen?"]) == 0
    assert db.execute("SELECT COUNT(*) FROM asked").fetchone() == (1,)


def test_gaps_groups_declined_wordings_and_lists_down_voted_answers(env, capsys):
    from index.feedback import FeedbackLog
    from index.models import Answer

    log = FeedbackLog(env / "chroma-feedback.sqlite3")
    for question, user in (("how many EVs", 1), ("how many EVs", 2),
                           ("how many electric cars", 3), ("who won the world cup", 4)):
        log.record(Answer(question, False), user)
    given = log.record(Answer("who is the harbour master?", True, "Ines Vale"), 5)
    log.vote(given, 6, up=False)
    log.vote(given, 7, up=False)
    log.vote(given, 8, up=True)
    assert main(["gaps", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert [(g["question"], g["count"], g["wordings"]) for g in body["declined"]] == [
        ("how many EVs", 3, ["how many EVs", "how many electric cars"]),  # 0.67 apart
        ("who won the world cup", 1, ["who won the world cup"]),
    ]
    assert [(v["question"], v["answer"], v["up"], v["down"]) for v in body["downvoted"]] == [
        ("who is the harbour master?", "Ines Vale", 1, 2)]
    assert main(["gaps", "--csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "kind,question,count,last,answer,up,down,wordings"
    assert rows[1].startswith("declined,how many EVs,3,")
    assert main(["gaps", "--since", "2000-01-01"]) == 0
    text = capsys.readouterr().out
    assert "  3× how many EVs (last " in text and "also asked as: how many electric cars" in text
    assert "  2 down, 1 up: who is the harbour master? -> 'Ines Vale'" in text


def test_ask_follow_up_of_answers_the_question_it_means(env, capsys):
    argv = ["ask", "--follow-up-of", "When did the port reopen?", "after what?", "--json"]
    assert main(argv) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["question"] == "after what?"
    assert body["answered_question"] == "after what did the port reopen?"
    assert "storm" in body["answer"]
    assert main(["ask", "--follow-up-of", "When did the port reopen?", "after what?"]) == 0
    assert capsys.readouterr().out.startswith("Answering: after what did the port reopen?\n")


def test_batch_lines_may_carry_the_previous_question(env, capsys):
    batch = env / "q.jsonl"
    batch.write_text(
        '{"id": 1, "question": "who is the harbour master?"}\n'
        '{"id": 2, "question": "after what?", "previous": "When did the port reopen?"}\n'
        '{"id": 3, "question": "after what?", "previous": 7}\n'
    )
    assert main(["ask", "--batch", str(batch)]) == 0
    first, second, bad = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert first["answered_question"] == first["question"]
    assert second["answered_question"] == "after what did the port reopen?"
    assert "\"previous\" is not a string" in bad["error"]


def test_follow_up_of_with_a_batch_is_a_clear_error(env, capsys):
    batch = env / "q.jsonl"
    batch.write_text('{"id": 1, "question": "when?"}\n')
    assert main(["ask", "--batch", str(batch), "--follow-up-of", "When?"]) != 0
    assert "--follow-up-of goes with one question" in capsys.readouterr().err


def test_search_lists_matching_articles_with_their_best_passage(env, capsys):
    assert main(["search", "ships waiting", "--json"]) == 0
    [found] = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert (found["source"], found["title"], found["paragraph"]) == (
        "port.txt", "Port of Harbourview reopens", 2)
    assert found["passage"] == "Twelve ships were waiting outside."
    assert main(["search", "ships waiting"]) == 0
    assert capsys.readouterr().out.startswith("1. Port of Harbourview reopens (undated)\n")
    assert main(["search", "ships", "--since", "7d", "--json"]) == 0  # the article is undated
    assert json.loads(capsys.readouterr().out) == []
    assert main(["search", "zeppelin"]) == 0
    assert capsys.readouterr().out == "no article matches\n"


def test_search_with_a_bad_period_is_a_clear_error(env, capsys):
    with pytest.raises(SystemExit):
        main(["search", "ships", "--since", "last week"])
    assert "use 7d, 24h or a date" in capsys.readouterr().err


def test_chat_reads_each_question_against_the_one_before(env, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("When did the port reopen?\n\nafter what?\n"))
    assert main(["chat"]) == 0
    first, second = capsys.readouterr().out.strip().split("\n\n")
    assert first.startswith("Monday")
    assert second.startswith("Answering: after what did the port reopen?\n")
    assert "storm" in second.splitlines()[1]
