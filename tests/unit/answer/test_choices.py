import pytest

from index.answer.choices import Choice

QUOTA = "Norland will admit 38,000 Kessarian electric vehicles spread over three years."


@pytest.mark.parametrize(("offered", "other", "sentence", "said"), [
    ("yearly", "spread out", "The quota of 38,000 vehicles a year is a starting point.", True),
    ("yearly", "spread out", "Norland will admit 38,000 Kessarian EVs each year.", True),
    ("yearly", "spread out", "It sets an annual quota of 38,000.", True),  # the same period
    ("yearly", "spread out", QUOTA, False),  # a length of time, not a rate
    ("spread out", "yearly", QUOTA, True),  # the verb's particle need not be said
    ("spread out", "yearly", "The quota of 38,000 vehicles a year is a starting point.", False),
    ("monthly", "weekly", "Fares are paid per month.", True),
    ("monthly", "weekly", "The line was closed for three months.", False),
    ("electric", "diesel", "The new trams are electric.", True),
    ("electric", "diesel", "The old trams ran on diesel.", False),
])
def test_an_alternative_is_said_by_its_words_a_rate_by_its_period(offered, other, sentence,
                                                                    said):
    assert Choice(offered, [other], None).stated_in(sentence, 0.7) is said
