"""Follow-ups read against the turn before them, with the real model, over the newsroom dev set.

bench/followups.jsonl is the development table (the rules were written against it);
bench/followups-heldout.jsonl was written after them and measured once before any change.
bench/followups.py prints the same figures.
"""

from pathlib import Path

import pytest

from bench import followups
from index.answer.followups import Turn, resolve
from index.answer.lexicon import Lexicon

HELD_OUT = Path(followups.__file__).with_name("followups-heldout.jsonl")
# Measured: the development table is read as meant 36/36 and answered right 17/36 (each previous
# question answered first, as `newsdesk ask --follow-up-of` does); the held-out table is read
# as meant 13/14 (11/14 at its first run).
ANSWERED_FLOOR = 16 / 36


@pytest.mark.parametrize("table", [followups.TABLE, HELD_OUT], ids=["dev", "heldout"])
def test_follow_ups_are_read_as_meant_given_the_previous_answer(embedder, table):
    rows = followups.load_table(table)
    misread = [(row["follow_up"], got) for row in rows
               if not followups.read_right(row, got := resolve(
                   row["follow_up"], Turn(row["previous"], row["previous_answer"]),
                   Lexicon(embedder)))]
    assert len(misread) <= (0 if table == followups.TABLE else 1), misread


def test_follow_ups_answered_after_their_previous_question_hold_the_floor(newsroom_desk):
    results = followups.run(newsroom_desk, followups.load_table())
    right = sum(r.answered_right for r in results)
    misses = [(r.follow_up, r.answered_question, r.answer) for r in results
              if not r.answered_right]
    assert right / len(results) >= ANSWERED_FLOOR, misses
    assert sum(r.read_right for r in results) >= 30


def test_a_complete_question_after_another_is_answered_on_its_own(newsroom_desk):
    answer = newsroom_desk.ask("who's the Saltmere mayor?", previous=Turn("how many EVs?"))
    assert answer.answered_question == "" and answer.to_json()["answered_question"] == (
        "who's the Saltmere mayor?")
    assert "Garside" in answer.answer
