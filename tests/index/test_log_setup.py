"""Logging: our lines at LOG_LEVEL, other libraries' (bm25s, chromadb...) at LIBRARY_LOG_LEVEL."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from index.errors import ConfigError
from index.log_setup import LevelByOrigin
from index.settings import Settings

NEWSDESK = str(Path(sys.executable).with_name("newsdesk"))
OUR_INFO = "INFO index.store.embedding_backends: loading embedding model"
BM25S_DEBUG = "DEBUG bm25s: "


def newsdesk_index(tmp_path: Path, **env: str) -> str:
    """Run a real `newsdesk index` over a one-article corpus; return its stderr."""
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / "port.txt").write_text("Port reopens\n\nThe port reopened on Monday after a storm.")
    settings = {"CORPUS_DIR": str(corpus), "CHROMA_PATH": str(tmp_path / "chroma"), **env}
    child_env = {k: v for k, v in os.environ.items() if "LOG_LEVEL" not in k} | settings
    result = subprocess.run(
        [NEWSDESK, "index"], capture_output=True, text=True, cwd=tmp_path,
        env=child_env, timeout=600, check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr


def test_library_debug_lines_stay_out_of_the_log_while_ours_show(tmp_path):
    # bm25s sets its own logger to DEBUG when imported and logs "Building index from ..." on
    # every index build, which `newsdesk index` does once it has written the passages.
    quiet = newsdesk_index(tmp_path, LOG_LEVEL="INFO")
    assert OUR_INFO in quiet
    assert BM25S_DEBUG not in quiet and " DEBUG " not in quiet

    ours_debug = newsdesk_index(tmp_path, LOG_LEVEL="DEBUG")
    assert BM25S_DEBUG not in ours_debug and " DEBUG chromadb" not in ours_debug

    loud = newsdesk_index(tmp_path, LOG_LEVEL="INFO", LIBRARY_LOG_LEVEL="DEBUG")
    assert OUR_INFO in loud and BM25S_DEBUG in loud


@pytest.mark.parametrize(
    ("levels", "name", "shown"),
    [
        (("INFO", "WARNING"), "index.store.indexing", ["INFO", "WARNING"]),
        (("INFO", "WARNING"), "bm25s", ["WARNING"]),
        (("INFO", "WARNING"), "chromadb.telemetry", ["WARNING"]),
        (("INFO", "WARNING"), "discord.gateway", ["INFO", "WARNING"]),
        (("DEBUG", "WARNING"), "bot.desk", ["DEBUG", "INFO", "WARNING"]),
        (("DEBUG", "WARNING"), "discord.gateway", ["INFO", "WARNING"]),
        (("DEBUG", "WARNING"), "httpx", ["WARNING"]),
        (("WARNING", "WARNING"), "discord.client", ["WARNING"]),
        (("WARNING", "DEBUG"), "sentence_transformers", ["DEBUG", "INFO", "WARNING"]),
        (("WARNING", "DEBUG"), "indexer_elsewhere", ["DEBUG", "INFO", "WARNING"]),
        (("WARNING", "DEBUG"), "index", ["WARNING"]),
    ],
)
def test_each_logger_gets_its_level(levels, name, shown):
    own, library = (logging.getLevelName(level) for level in levels)
    origin = LevelByOrigin(own, library)
    passed = [
        level for level in ("DEBUG", "INFO", "WARNING")
        if origin.filter(logging.LogRecord(name, logging.getLevelName(level), "", 0, "", (), None))
    ]
    assert passed == shown


@pytest.mark.parametrize("name", ["LOG_LEVEL", "LIBRARY_LOG_LEVEL"])
def test_an_unknown_level_is_a_clear_error(name):
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({name: "loud"})
    assert str(caught.value) == (
        f"{name}='loud' is not valid: expected one of DEBUG, INFO, WARNING, ERROR, CRITICAL"
    )
    assert Settings.from_env({name: " debug "}).__dict__[name.lower()] == "DEBUG"
