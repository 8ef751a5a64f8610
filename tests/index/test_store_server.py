"""The scale-out path: a real `chroma run` server on 127.0.0.1, used through HttpClient."""

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.errors import StoreUnavailableError
from index.settings import Settings
from index.store import connect


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    exe = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
    port = free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    log = (path / "server.log").open("w")
    process = subprocess.Popen(
        [exe, "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(path / "db")],
        stdout=log, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"chroma run exited: {(path / 'server.log').read_text()}")
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("chroma run did not listen within 60 s")
    yield port
    process.terminate()
    process.wait(timeout=30)
    log.close()


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
