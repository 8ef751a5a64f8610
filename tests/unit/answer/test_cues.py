"""The generic cues of disagreements: hedged statements and revisions (pure, no model)."""

import pytest

from index.answer.cues import HEDGES, REVISIONS


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        ("The quota could rise to about 60,000 by 2030 if sales hold up.", True),
        ("The yard aims to deliver 20 ferries.", True),
        ("Officials plan to hire 300 drivers.", True),
        ("The first boats are expected to arrive in May.", True),
        ("The council ordered 14 electric ferries.", False),
        ("About 50 firefighters were called to the depot.", False),
        ("The deal covers 38,000 vehicles a year.", False),
    ],
)
def test_hedged_statements(sentence, hedged):
    assert bool(HEDGES.search(sentence)) is hedged


@pytest.mark.parametrize(
    ("sentence", "revises"),
    [
        ("Police revised the number injured to eleven, up from three.", True),
        ("The county cut its count to 4,860, down from the 5,200 it gave earlier.", True),
        ("The budget has risen to $188.4 million.", True),
        ("Five buses were destroyed, two more than first reported.", True),
        ("A second person has died, police said.", True),
        ("The new figure is $26.4 million more than the contract.", True),
        ("The fund has now raised 3.1 million dollars.", True),
        ("The fund raised more than $2.3 million in its first three days.", False),
        ("About 50 firefighters were called to the depot.", False),
        ("The council ordered 14 electric ferries.", False),
    ],
)
def test_revision_cues(sentence, revises):
    assert bool(REVISIONS.search(sentence)) is revises
