"""`kill -9` a real `newsdesk index` mid-way; new processes answer from the last complete index.

Each test starts from version 1 of a corpus (indexed once per module; each test gets its own
copy of the corpus and the store) and edits it into version 2 (one article changed, one
removed, one added, many new invented ones). It starts `newsdesk index` (full or incremental)
and kills it with SIGKILL while it writes, at a point its progress output names: a new process
must serve exactly version 1, and the next `newsdesk index` must finish and leave nothing
behind. Then version 3 (one more edit) is indexed by a run killed just after its switch: a new
process must serve version 3, and the next run must clean up.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.integration.processes import Desk, write_fillers

DAM = "When did the Kestrel dam repairs finish?"
BRIDGE = "When was the toll on the Kestrel bridge dropped?"
V1_FILLERS, V2_FILLERS = 4, 16
V1_SOURCES = sorted(
    ["aa-dam.txt", "aa-pier.txt", *(f"one-{i:03d}.txt" for i in range(V1_FILLERS))]
)
V2_SOURCES = sorted(
    [
        "aa-dam.txt",
        "ab-bridge.txt",
        *(f"one-{i:03d}.txt" for i in range(V1_FILLERS)),
        *(f"two-{i:03d}.txt" for i in range(V2_FILLERS)),
    ]
)
V2_PASSAGES = 2 + 1 + 8 * (V1_FILLERS + V2_FILLERS)
V2_NEW_TEXT = 1 + 1 + 8 * V2_FILLERS  # the dam's edited paragraph, the bridge, new fillers


def dam(month: str) -> str:
    return (
        "Kestrel dam repairs finished\n\n"
        f"Repairs to the Kestrel dam finished in {month}, the water board said.\n\n"
        "The work cost 3 million euros."
    )


@pytest.fixture(scope="module")
def version_1(tmp_path_factory) -> Path:
    """Version 1 of the corpus (`ROOT/corpus`), indexed once by a real `newsdesk index`."""
    root = tmp_path_factory.mktemp("version-1")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "aa-dam.txt").write_text(dam("August"))
    (corpus / "aa-pier.txt").write_text(
        "Old pier closes\n\nThe old pier at Harbourview closed on Tuesday for safety checks."
    )
    write_fillers(corpus, "one", V1_FILLERS)
    desk = Desk(corpus, root / "chroma", root)
    report = desk.index()
    assert report["articles"] == len(V1_SOURCES)
    return root


@pytest.fixture
def desk(version_1, tmp_path) -> Desk:
    """A copy of the indexed version 1 (corpus and store), edited to version 2."""
    corpus = tmp_path / "corpus"
    shutil.copytree(version_1 / "corpus", corpus)
    shutil.copytree(version_1 / "chroma", tmp_path / "chroma")
    desk = Desk(corpus, tmp_path / "chroma", tmp_path)
    (corpus / "aa-dam.txt").write_text(dam("October"))
    (corpus / "aa-pier.txt").unlink()
    (corpus / "ab-bridge.txt").write_text(
        "Kestrel bridge toll dropped\n\n"
        "The toll on the Kestrel bridge was dropped by the city on Monday, the mayor said."
    )
    write_fillers(corpus, "two", V2_FILLERS)
    return desk


def assert_serves_version_1(desk: Desk, seen: dict, active: str) -> None:
    assert seen["active"] == active
    assert seen["sources"] == V1_SOURCES
    assert not any("October" in t or "Kestrel bridge" in t for t in seen["texts"])
    on_dam, on_bridge = desk.ask(DAM, BRIDGE)
    assert on_dam["answer"] == "August"
    assert on_dam["citations"][0]["source"] == "aa-dam.txt"
    cited = {c["source"] for answer in (on_dam, on_bridge) for c in answer["citations"]}
    assert cited <= set(V1_SOURCES)
    assert "October" not in " ".join(c["quote"] for c in on_dam["citations"])


@pytest.mark.parametrize("full", [True, False], ids=["full", "incremental"])
def test_killed_runs_leave_the_last_complete_index_and_nothing_behind(desk, full):
    mode = ["--full"] if full else []
    before = desk.look()

    # 1. Killed while writing: version 1 is served, untouched.
    run = desk.start_index(*mode)
    point = run.wait_for(lambda p: p["stage"] == "embedding" and p["passages_embedded"] > 0)
    run.kill()
    written = point["passages_embedded"]  # at least this many records of version 2 are stored
    seen = desk.look()
    if full:  # the half-filled generation is still there, unused
        assert len(seen["collections"]) == 3
    else:  # the killed run's records sit beside the committed ones, unused
        assert seen["records"] >= before["records"] + written
    assert_serves_version_1(desk, seen, before["active"])

    # 2. The next run completes and cleans up.
    report = desk.index()
    assert (report["added"], report["updated"], report["removed"]) == (1 + V2_FILLERS, 1, 1)
    assert (report["articles"], report["passages"]) == (len(V2_SOURCES), V2_PASSAGES)
    if full:  # it is incremental, and embeds only the new text
        assert report["embedded"] == V2_NEW_TEXT
    else:  # what the killed run wrote is adopted, not embedded again
        assert report["embedded"] <= V2_NEW_TEXT - written
    seen = desk.look()
    assert (seen["active"], seen["sources"]) == (before["active"], V2_SOURCES)
    assert seen["records"] == seen["passages"] == V2_PASSAGES
    assert len(seen["collections"]) == 2  # the pointer and the active generation

    # 3. Killed after its switch (clean-up maybe not done): version 3 is served.
    (desk.corpus / "aa-dam.txt").write_text(dam("November"))
    run = desk.start_index(*mode)
    run.wait_for(lambda p: p["stage"] == "done")
    run.kill()
    seen = desk.look()
    assert (seen["active"] != before["active"]) == full
    assert (seen["sources"], seen["passages"]) == (V2_SOURCES, V2_PASSAGES)
    on_dam, on_bridge = desk.ask(DAM, BRIDGE)
    assert on_dam["answer"] == "November"
    assert on_bridge["answer"].endswith("Monday")
    assert on_bridge["citations"][0]["source"] == "ab-bridge.txt"

    # 4. The next run finds nothing to do but the clean-up.
    report = desk.index()
    assert (report["embedded"], report["unchanged"]) == (0, len(V2_SOURCES))
    after = desk.look()
    assert after["active"] == seen["active"]
    assert after["records"] == after["passages"] == V2_PASSAGES
    assert len(after["collections"]) == 2
