"""The small corpus the store's tests index."""

import pytest

CORPUS = {
    "dam.txt": "Dam repairs finished\n\nRepairs to the Kestrel dam finished in August.\n\n"
    "The work cost 3 million euros.",
    "pier.txt": "Old pier closes\n\nThe old pier closed on Tuesday for safety checks.",
}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in CORPUS.items():
        (folder / name).write_text(text)
    return folder
