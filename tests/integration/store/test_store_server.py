"""The scale-out path: a real `chroma run` server on 127.0.0.1, used through HttpClient."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.errors import StoreUnavailableError
from index.settings import Settings
from index.store.chroma import connect


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_chroma(port: int, path: Path) -> subprocess.Popen:
    """Start `chroma run` on 127.0.0.1:`port` with its data in `path`; wait until it listens."""
    exe = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
    log = (path / "server.log").open("a")
    process = subprocess.Popen(
        [exe, "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(path / "db")],
        stdout=log, stderr=subprocess.STDOUT,
    )
    log.close()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"chroma run exited: {(path / 'server.log').read_text()}")
            time.sleep(0.2)
    process.kill()
    pytest.fail("chroma run did not listen within 60 s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    port = free_port()
    process = start_chroma(port, tmp_path_factory.mktemp("chroma-server"))
    yield port
    stop(process)


def test_index_and_answer_through_a_chroma_server(chroma_server, tmp_path, make_desk):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "dam.txt").write_text(
        "Dam repairs finished\n\nRepairs to the Kestrel dam finished in August, "
        "the water board said.\n\nThe work cost 3 million euros."
    )
    desk = make_desk(corpus, chroma_host="127.0.0.1", chroma_port=chroma_server)
    report = desk.index()
    assert (report.articles, report.passages) == (1, 2)
    answer = desk.ask("When did the dam repairs finish?")
    assert answer.answer == "August"
    assert answer.citations[0].source == "dam.txt"
    assert desk.status().store == f"chroma server 127.0.0.1:{chroma_server}"
    # A second client sees the same index: the data lives in the server.
    again = make_desk(corpus, chroma_host="127.0.0.1", chroma_port=chroma_server)
    assert again.status().passages == 2
    assert again.index().embedded == 0


def test_unreachable_server_names_host_and_port():
    port = free_port()
    with pytest.raises(StoreUnavailableError, match=f"127.0.0.1:{port}"):
        connect(Settings(chroma_host="127.0.0.1", chroma_port=port))


def test_server_that_goes_away_gives_a_clear_error_and_comes_back(tmp_path, make_desk):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "dam.txt").write_text(
        "Dam repairs finished\n\nRepairs to the Kestrel dam finished in August, "
        "the water board said."
    )
    port = free_port()
    server = start_chroma(port, tmp_path)
    try:
        desk = make_desk(corpus, chroma_host="127.0.0.1", chroma_port=port)
        desk.index()
        stop(server)
        where = f"Chroma server at 127.0.0.1:{port} cannot be reached"
        for call in (
            lambda: desk.ask("When did the dam repairs finish?"),
            desk.status,
            desk.sources,
            desk.index,
        ):
            with pytest.raises(StoreUnavailableError, match=where):
                call()
        env = {**os.environ, "CORPUS_DIR": str(corpus), "CHROMA_HOST": "127.0.0.1",
               "CHROMA_PORT": str(port), "LOG_LEVEL": "WARNING"}
        cli = subprocess.run(
            [str(Path(sys.executable).with_name("newsdesk")), "index"],
            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300, check=False,
        )
        assert cli.returncode == 1
        assert cli.stderr.splitlines() == [f"newsdesk: the {where}"]
        server = start_chroma(port, tmp_path)
        # The same desk, not restarted, works again.
        assert desk.ask("When did the dam repairs finish?").answer == "August"
        assert desk.status().passages == 1
        assert [s.source for s in desk.sources()] == ["dam.txt"]
        assert desk.index().unchanged == 1
    finally:
        stop(server)
