"""`kill -9` a real `newsdesk index` mid-way; new processes answer from the last complete index.

Each test indexes version 1 of a corpus, edits it into version 2 (one article changed, one
removed, one added, many new invented ones), starts `newsdesk index` over version 2 and kills
it with SIGKILL at a point its progress output names. A new process must then serve exactly
version 1 (killed before the commit) or exactly version 2 (killed after it), and the next
`newsdesk index` must finish the job and leave nothing behind.
"""

from __future__ import annotations

import pytest

from tests.index.processes import Desk, write_fillers

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


@pytest.fixture
def desk(tmp_path) -> Desk:
    """Version 1 of the corpus, indexed by a real `newsdesk index`; then edited to version 2."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "aa-dam.txt").write_text(dam("August"))
    (corpus / "aa-pier.txt").write_text(
        "Old pier closes\n\nThe old pier at Harbourview closed on Tuesday for safety checks."
    )
    write_fillers(corpus, "one", V1_FILLERS)
    desk = Desk(corpus, tmp_path / "chroma", tmp_path)
    report = desk.index()
    assert report["articles"] == len(V1_SOURCES)
    (corpus / "aa-dam.txt").write_text(dam("October"))
    (corpus / "aa-pier.txt").unlink()
    (corpus / "ab-bridge.txt").write_text(
        "Kestrel bridge toll dropped\n\n"
        "The toll on the Kestrel bridge was dropped by the city on Monday, the mayor said."
    )
    write_fillers(corpus, "two", V2_FILLERS)
    return desk


def assert_serves_version_1(desk: Desk, active: str) -> None:
    seen = desk.look()
    assert seen["active"] == active
    assert seen["sources"] == V1_SOURCES
    assert not any("October" in t or "Kestrel bridge" in t for t in seen["texts"])
    on_dam, on_bridge = desk.ask(DAM, BRIDGE)
    assert on_dam["answer"] == "August"
    assert on_dam["citations"][0]["source"] == "aa-dam.txt"
    cited = {c["source"] for answer in (on_dam, on_bridge) for c in answer["citations"]}
    assert cited <= set(V1_SOURCES)
    assert "October" not in " ".join(c["quote"] for c in on_dam["citations"])


def assert_serves_version_2(desk: Desk, clean: bool) -> dict:
    seen = desk.look()
    assert seen["sources"] == V2_SOURCES
    assert seen["passages"] == V2_PASSAGES
    if clean:
        assert seen["records"] == V2_PASSAGES
        assert len(seen["collections"]) == 2  # the pointer and the active generation
    on_dam, on_bridge = desk.ask(DAM, BRIDGE)
    assert on_dam["answer"] == "October"
    assert on_bridge["answer"].endswith("Monday")
    assert on_bridge["citations"][0]["source"] == "ab-bridge.txt"
    return seen


@pytest.mark.parametrize("full", [True, False], ids=["full", "incremental"])
def test_killed_while_writing_serves_the_last_complete_index(desk, full):
    before = desk.look()
    run = desk.start_index(*(["--full"] if full else []))
    # The first step's records are written; the run has many more to embed.
    point = run.wait_for(lambda p: p["stage"] == "embedding" and p["passages_embedded"] > 0)
    run.kill()
    written = point["passages_embedded"]

    seen = desk.look()
    if full:  # the half-filled generation is still there, unused
        assert len(seen["collections"]) == 3
    else:  # the killed run's records sit beside the committed ones, unused
        assert seen["records"] >= before["records"] + written
    assert_serves_version_1(desk, before["active"])

    report = desk.index()
    assert (report["added"], report["updated"], report["removed"]) == (1 + V2_FILLERS, 1, 1)
    assert (report["articles"], report["passages"]) == (len(V2_SOURCES), V2_PASSAGES)
    if full:  # the next run is incremental and embeds only the new text
        assert report["embedded"] == V2_NEW_TEXT
    else:  # what the killed run wrote is adopted, not embedded again
        assert report["embedded"] <= V2_NEW_TEXT - written
    after = assert_serves_version_2(desk, clean=True)
    assert after["active"] == before["active"]


@pytest.mark.parametrize("full", [True, False], ids=["full", "incremental"])
def test_killed_after_commit_serves_the_new_index(desk, full):
    before = desk.look()
    run = desk.start_index(*(["--full"] if full else []))
    run.wait_for(lambda p: p["stage"] == "done")
    run.kill()

    seen = assert_serves_version_2(desk, clean=False)
    assert (seen["active"] != before["active"]) == full

    report = desk.index()
    assert (report["embedded"], report["unchanged"]) == (0, len(V2_SOURCES))
    assert assert_serves_version_2(desk, clean=True)["active"] == seen["active"]
