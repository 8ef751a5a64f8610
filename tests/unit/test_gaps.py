"""Grouping the wordings of declined questions (pure: vectors made by hand)."""

import numpy as np

from index.feedback import Asked
from index.gaps import Gap, group


def unit(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_near_wordings_count_together_under_the_most_asked():
    asked = [Asked("how many electric cars", 1, "2026-12-01T10:00:00+00:00"),
             Asked("how many EVs", 2, "2026-11-30T09:00:00+00:00"),
             Asked("who won the cup", 1, "2026-12-02T08:00:00+00:00")]
    vectors = np.stack([unit(1, 0.9, 0), unit(1, 0.6, 0), unit(0, 0, 1)])  # cars~EVs: 0.96
    assert group(asked, vectors, similar=0.6) == [
        Gap("how many EVs", 3, "2026-12-01T10:00:00+00:00",
            ("how many EVs", "how many electric cars")),
        Gap("who won the cup", 1, "2026-12-02T08:00:00+00:00", ("who won the cup",)),
    ]
    assert len(group(asked, vectors, similar=0.99)) == 3  # stricter: each wording alone


def test_nothing_declined_is_no_gap():
    assert group([], np.zeros((0, 3), dtype=np.float32)) == []
