"""Yes/no polarity: the clause that states what is asked, on real parses."""

import pytest

from index.answer.analysis import analyse
from index.answer.nlp import get_nlp
from index.answer.polarity import stance
from index.answer.sentences import Sentence
from index.models import Hit, Passage
from index.store.lexical import LexicalIndex

COVERAGE = [
    "The mayor has accepted an invitation to visit the island, but neither side has proposed "
    "dates.",
    "No one else was hurt, though a fire destroyed two buses at the depot.",
    "The council refused to approve the extra money.",
    "The ministry failed to consult the fishing industry.",
    "Officials said the mayor would not resign.",
    "The mayor did not say whether the council had approved the budget.",
]


def said(text: str) -> Sentence:
    hit = Hit(Passage("p#1", "p.md", "p", 1, text), 1.0)
    return Sentence(hit, 0, 0, text, {}, 1.0)


@pytest.mark.parametrize(("question", "text", "negated"), [
    # a negation in another clause than the one asked about says nothing of it
    ("has the mayor agreed to visit the island?", COVERAGE[0], False),
    ("have dates been proposed for the visit?", COVERAGE[0], True),
    ("was anyone hurt at the depot?", COVERAGE[1], True),
    ("did a fire destroy buses at the depot?", COVERAGE[1], False),
    # a denying verb says no, unless it is what the question asks about
    ("did the council approve the extra money?", COVERAGE[2], True),
    ("did the council refuse to approve the extra money?", COVERAGE[2], False),
    ("did the ministry consult the fishing industry?", COVERAGE[3], True),
    # the reported clause, not the report
    ("will the mayor resign?", COVERAGE[4], True),
    ("did the council approve the budget?", COVERAGE[5], False),
])
def test_the_clause_that_states_what_is_asked_gives_the_polarity(question, text, negated):
    coverage = LexicalIndex([Passage(str(i), "s.md", "t", 1, t) for i, t in enumerate(COVERAGE)])
    found = stance(analyse(question, coverage), said(text), get_nlp()(text))
    assert found.negated is negated
    assert found.held > 0


@pytest.mark.parametrize(("text", "none"), [
    ("No vote on the budget has yet been held.", True),  # denies the event itself
    ("Nobody was hurt.", True),
    ("The operating plan had not been updated.", False),  # denies another verb only
])
def test_a_clause_that_denies_the_event_itself_is_told_from_one_that_denies_a_verb(text, none):
    coverage = LexicalIndex([Passage("0", "s.md", "t", 1, text)])
    found = stance(analyse("was the budget approved?", coverage), said(text), get_nlp()(text))
    assert found.negated and found.none is none
