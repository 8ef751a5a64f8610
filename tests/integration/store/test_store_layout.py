"""The store's commit rule, in process: readers see exactly the last committed manifest.

The subprocess tests in test_crash.py kill real runs; these stop a run at exact points
(a progress callback that raises, or a run whose clean-up never happens) and open a new
`Newsdesk` on the same store, as a restarted process would.
"""

from __future__ import annotations

import numpy as np
import pytest

from index.store.chroma import PREFIX, PassageStore, record_id
from index.store.indexing import IndexJob

from .conftest import CORPUS


class Stop(Exception):
    """Raised by a progress callback to stop a run where it is."""


def stop_once_written(progress):
    """Stop a run right after its first records are written."""
    if progress.stage == "embedding" and progress.passages_embedded > 0:
        raise Stop


def edit(corpus):
    (corpus / "dam.txt").write_text(CORPUS["dam.txt"].replace("August", "October"))
    (corpus / "pier.txt").unlink()
    (corpus / "bridge.txt").write_text("Bridge toll dropped\n\nThe bridge toll was dropped.")


def texts(desk):
    return sorted(p.text for p in desk._snapshot.lexical.passages)


def records(desk):
    return desk.store.active().count()


def test_run_stopped_before_commit_is_invisible_and_adopted(corpus, make_desk):
    desk = make_desk(corpus)
    desk.index()
    before = texts(desk)
    edit(corpus)
    with pytest.raises(Stop):
        desk.index(progress=stop_once_written)
    assert records(desk) == 3 + 3  # the stopped run wrote all three new versions
    restarted = make_desk(corpus)
    assert texts(restarted) == before
    assert restarted.ask("When did the dam repairs finish?").answer == "August"

    report = restarted.index()
    assert report.embedded == 0  # every vector the stopped run wrote is adopted
    assert (report.added, report.updated, report.removed) == (1, 1, 1)
    assert records(restarted) == report.passages == 3
    assert restarted.ask("When did the dam repairs finish?").answer == "October"


def test_run_stopped_after_commit_is_served_and_cleaned_by_the_next(corpus, make_desk):
    desk = make_desk(corpus)
    desk.index()
    edit(corpus)
    IndexJob(desk.store, desk.embedder).run(corpus)  # commits; its clean-up never runs
    restarted = make_desk(corpus)
    assert "The bridge toll was dropped." in texts(restarted)
    assert "The old pier closed on Tuesday for safety checks." not in texts(restarted)
    assert records(restarted) == 6
    assert restarted.index().embedded == 0
    assert records(restarted) == 3


def test_full_run_stopped_before_commit_leaves_a_generation_the_next_run_drops(
    corpus, make_desk
):
    desk = make_desk(corpus)
    desk.index()
    active = desk.store.info()["active"]
    with pytest.raises(Stop):
        desk.index(full=True, progress=stop_once_written)
    names = {c.name for c in desk.store.client.list_collections()}
    assert len(names) == 3 and active in names
    restarted = make_desk(corpus)
    assert restarted.store.info()["active"] == active
    assert restarted.ask("When did the dam repairs finish?").answer == "August"
    restarted.index()
    assert {c.name for c in restarted.store.client.list_collections()} == {
        "newsdesk-meta", active
    }


def test_unreadable_file_keeps_its_last_version_through_a_full_rebuild(corpus, make_desk):
    desk = make_desk(corpus)
    desk.index()
    (corpus / "dam.txt").write_bytes(bytes(range(256)) * 4)
    report = desk.index(full=True)
    assert [s.source for s in report.skipped] == ["dam.txt"]
    assert report.articles == 2
    restarted = make_desk(corpus)
    assert restarted.ask("When did the dam repairs finish?").answer == "August"


def test_store_from_before_manifests_is_served_then_rewritten_without_embedding(
    corpus, make_desk, embedder
):
    desk = make_desk(corpus)
    desk.index()
    stored = list(PassageStore.scan(desk.store.active()))
    old = desk.store.new_generation()  # the old layout: ids are passage ids, no manifest
    vectors = PassageStore.vectors(desk.store.active(), [s.record for s in stored])
    old.add(
        ids=[s.passage.id for s in stored],
        embeddings=np.vstack([vectors[s.record].passage for s in stored]),
        documents=[s.passage.text for s in stored],
        metadatas=[
            {"source": s.passage.source, "title": s.passage.title,
             "paragraph": s.passage.paragraph, "article": s.article_hash}
            for s in stored
        ],
    )
    desk.store.point(old, model=embedder.name)
    desk.store.drop_inactive()
    restarted = make_desk(corpus)
    assert restarted.store.committed().manifest is None
    assert restarted.ask("When did the dam repairs finish?").answer == "August"
    report = restarted.index()
    assert (report.embedded, report.unchanged) == (0, 2)
    ids = restarted.store.active().get()["ids"]
    assert sorted(ids) == sorted(record_id(s.passage.id, s.article_hash) for s in stored)
    assert restarted.store.active().name.startswith(PREFIX)


def test_reader_follows_a_full_rebuild_made_by_another_desk(corpus, make_desk):
    reader = make_desk(corpus)
    reader.index()
    edit(corpus)
    make_desk(corpus).index(full=True)  # drops the generation `reader` has loaded
    answer = reader.ask("When did the dam repairs finish?")
    assert answer.answer == "October"
    assert "bridge.txt" in {s.source for s in reader.sources()}
