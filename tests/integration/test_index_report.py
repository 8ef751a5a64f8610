"""What an index run reports: a first run, a run with nothing to do, a full rebuild, and a
change of corpus folder."""

import io
import json

from index.cli import _print_report

ARTICLES = {
    "ferry.txt": "Ferry returns\n\nThe ferry returns on 2 June.\n\nFourteen crew were rehired.",
    "bridge.txt": "Bridge toll dropped\n\nThe toll on the bridge was dropped on Monday.",
    "park.txt": "Park reopens\n\nThe park reopened after the storm, the council said.",
}
PASSAGES = 4


def counts(report):
    body = report.to_json()
    return {k: body[k] for k in ("added", "updated", "unchanged", "reembedded", "removed")}


def line(report) -> str:
    out = io.StringIO()
    _print_report(report, out)
    return out.getvalue().split(" in ", 1)[1].split(": ", 1)  # [time and kind, counts]


def test_index_then_again_then_full(tmp_path, make_desk):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text)
    desk = make_desk(corpus)

    first = desk.index()
    assert counts(first) == {"added": 3, "updated": 0, "unchanged": 0, "reembedded": 0,
                             "removed": 0}
    assert (first.embedded, first.passages, first.full) == (PASSAGES, PASSAGES, False)

    again = desk.index()
    assert counts(again) == {"added": 0, "updated": 0, "unchanged": 3, "reembedded": 0,
                             "removed": 0}
    assert (again.embedded, again.full) == (0, False)
    kind, said = line(again)
    assert not kind.endswith("(full rebuild)")
    assert said.startswith("0 added, 0 updated, 3 unchanged, 0 removed, 0 skipped; 0 passages")

    full = desk.index(full=True)  # every passage is embedded again: none is "unchanged"
    assert counts(full) == {"added": 0, "updated": 0, "unchanged": 0, "reembedded": 3,
                            "removed": 0}
    assert (full.embedded, full.passages, full.full) == (PASSAGES, PASSAGES, True)
    body = json.loads(json.dumps(full.to_json()))
    assert (body["full"], body["reembedded"], body["embedded"]) == (True, 3, PASSAGES)
    kind, said = line(full)
    assert kind.endswith("(full rebuild)")
    assert said.startswith("0 added, 0 updated, 3 re-embedded, 0 removed, 0 skipped; 4 passages")

    (corpus / "park.txt").unlink()
    (corpus / "ferry.txt").write_text(ARTICLES["ferry.txt"] + "\n\nThe first sailing is at 7am.")
    (corpus / "tram.txt").write_text("Tram opens\n\nThe tram opened on Friday.")
    edited = desk.index(full=True)
    assert counts(edited) == {"added": 1, "updated": 1, "unchanged": 0, "reembedded": 1,
                              "removed": 1}
    assert edited.embedded == edited.passages == PASSAGES + 1

    after = desk.index()  # a full rebuild leaves nothing for the next run to do
    assert counts(after) == {"added": 0, "updated": 0, "unchanged": 3, "reembedded": 0,
                             "removed": 0}
    assert after.embedded == 0


def test_a_changed_corpus_folder_is_reported_with_what_it_removed(tmp_path, make_desk):
    first, second = tmp_path.resolve() / "first", tmp_path.resolve() / "second"
    first.mkdir()
    second.mkdir()
    for name, text in ARTICLES.items():
        (first / name).write_text(text)
    (second / "tram.txt").write_text("Tram opens\n\nThe tram opened on Friday.")
    (second / "park.txt").write_text(ARTICLES["park.txt"])  # one file name in both folders
    desk = make_desk(first)
    assert desk.index().corpus_changed_from is None  # nothing was indexed before

    moved = desk.index(second)
    assert (moved.corpus, moved.corpus_changed_from) == (str(second), str(first))
    assert (moved.added, moved.unchanged, moved.removed, moved.articles) == (1, 1, 2, 2)
    out = io.StringIO()
    _print_report(moved, out)
    assert out.getvalue().splitlines()[1] == (
        f"corpus folder changed from {first} to {second}: 2 articles of {first} removed"
    )
    body = json.loads(json.dumps(moved.to_json()))
    assert (body["corpus"], body["corpus_changed_from"], body["removed"]) == (
        str(second), str(first), 2)

    again = desk.index(second)
    assert again.corpus_changed_from is None
    out = io.StringIO()
    _print_report(again, out)
    assert len(out.getvalue().splitlines()) == 1
