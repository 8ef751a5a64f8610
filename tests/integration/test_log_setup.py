"""Logging: our lines at LOG_LEVEL, other libraries' (bm25s, chromadb...) at LIBRARY_LOG_LEVEL."""

import os
import subprocess
import sys
from pathlib import Path

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
