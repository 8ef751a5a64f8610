"""What the coverage lacks: declined questions, near-identical wordings counted together.

Wordings are grouped by the embedding model: a question joins the group of the most asked
wording whose vector is within `SIMILAR` cosine of its own ("how many EVs" and "how many
electric cars" are 0.67 apart under all-MiniLM-L6-v2; "how many EVs" and "how many canola
tonnes" 0.12), so a group's count is how often its question was asked in any of its words.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from index.feedback import Asked

SIMILAR = 0.6  # cosine similarity at which two wordings count as one question


@dataclass(frozen=True)
class Gap:
    """A question the coverage could not answer: its most asked wording and the others."""

    question: str
    count: int  # times asked, in all its wordings
    last: str  # when last asked (ISO 8601)
    wordings: tuple[str, ...]  # every wording, the most asked first


def group(asked: list[Asked], vectors: np.ndarray, similar: float = SIMILAR) -> list[Gap]:
    """Group the wordings of `asked` (one unit-length vector a row), most asked groups first."""
    order = sorted(range(len(asked)), key=lambda i: (-asked[i].count, asked[i].question))
    heads: list[int] = []
    members: dict[int, list[int]] = {}
    for i in order:
        home = next((h for h in heads if float(vectors[h] @ vectors[i]) >= similar), None)
        if home is None:
            heads.append(i)
            members[i] = [i]
        else:
            members[home].append(i)
    gaps = [Gap(asked[h].question, sum(asked[i].count for i in members[h]),
                max(asked[i].last for i in members[h]),
                tuple(asked[i].question for i in members[h])) for h in heads]
    return sorted(gaps, key=lambda g: (-g.count, g.question))
