"""The decision's fold models for several halvings of the newsroom questions (bench/fitting.py)."""

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from fitting import fit_splits


def _rows() -> list[dict]:
    rng = random.Random(3)

    def merged() -> list[dict]:
        right = rng.random()
        return [{"text": "a", "label": 1, "features": {"reader": 5 + right, "dense": 0.6}},
                {"text": "b", "label": 0, "features": {"reader": 4 - right, "dense": 0.4}}]

    squad = [{"id": f"q{i}", "kind": "answerable", "title": "Fitted", "merged": merged()}
             for i in range(20)]
    newsroom = [{"id": f"nr-{i:02d}", "kind": "newsroom", "qkind": "answer",
                 "title": f"newsroom-{i % 2}", "merged": merged()} for i in range(1, 11)]
    for row in squad[:6]:
        row["merged"][0]["label"] = 0  # some best answers wrong: the decision sees both
    return squad + newsroom


def test_each_halving_holds_out_every_question_once(tmp_path):
    written = fit_splits(_rows(), {"Fitted"}, 0.2, 3, 3.0, tmp_path)
    models = [json.loads(p.read_text()) for p in written]
    assert len(models) == 6 and {m["threshold"] for m in models} == {0.2}
    ids = {f"nr-{i:02d}" for i in range(1, 11)}
    for split in range(3):
        folds = [m["meta"] for m in models if m["meta"]["split"] == split]
        held = [set(f["held_out_ids"]) for f in folds]
        assert held[0] | held[1] == ids and not held[0] & held[1]
    first = next(m["meta"] for m in models if m["meta"]["split"] == 0 and m["meta"]["fold"] == 0)
    # split 0 halves by number, as the shipped fit does: fold 0 is fitted on the even ones
    assert set(first["held_out_ids"]) == {f"nr-{i:02d}" for i in range(1, 11, 2)}
    halvings = {frozenset(m["meta"]["held_out_ids"]) for m in models}
    assert len(halvings) > 2  # the shuffled halvings differ from the first
