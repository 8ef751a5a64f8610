"""One reindex at a time, across processes; a killed holder's lock is free again."""

from __future__ import annotations

import os

import pytest

from index.errors import IndexBusyError
from index.settings import Settings
from index.store.locking import IndexLock, lock_path
from tests.integration.processes import Desk, write_fillers


def test_second_process_is_refused_and_a_killed_holder_leaves_no_lock(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    passages = write_fillers(corpus, "story", 12)
    desk = Desk(corpus, tmp_path / "chroma", tmp_path)
    first = desk.start_index()
    first.wait_for(lambda p: p["stage"] == "embedding" and p["passages_embedded"] > 0)
    pid = first.process.pid
    lock = lock_path(Settings(chroma_path=desk.chroma))
    assert lock.read_text().strip() == str(pid)

    second = desk.run("index")
    assert second.returncode == 1
    message = f"newsdesk: An index run is already running (pid {pid}); try again when it ends."
    assert message in second.stderr.splitlines()

    first.kill()  # SIGKILL: the kernel drops the holder's lock with the process
    report = desk.index()
    assert (report["added"], report["passages"], report["embedded"]) == (12, passages, passages)
    seen = desk.look()
    assert len(seen["collections"]) == 2  # the killed run's generation is gone
    assert seen["records"] == seen["passages"] == passages
    assert lock.read_text() == ""  # released, with no holder recorded


def test_in_process_run_is_refused_while_another_holds_the_lock(tmp_path, make_desk):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.txt").write_text("Tram line opens\n\nThe tram line opened on Sunday.")
    desk = make_desk(corpus)
    path = lock_path(desk.settings)
    with IndexLock(path), pytest.raises(IndexBusyError, match=f"pid {os.getpid()}"):
        desk.index()
    path.write_text("999999999\n")  # a pid no process has: only a held lock counts
    assert desk.index().added == 1
