"""Merging candidates into answers, on hand-made candidates (pure, no model)."""

from dataclasses import replace

import pytest

from index.answer.analysis import Analysis
from index.answer.merging import amount_said, merge
from index.answer.questions import Question
from index.answer.sentences import Sentence
from index.answer.spans import Candidate
from index.answer.values import value_of
from index.models import Hit, Passage


def asked(text: str, kind: str) -> Analysis:
    """Return a question of `kind` whose words all weigh alike."""
    terms = ("hydrogen", "buse", "port", "allard")
    question = Question(text, kind, terms, (1.0,) * len(terms), (), ("Port", "Allard"))
    return Analysis(text, text, question, dict.fromkeys(terms, 1.0))


def read(text: str, sentence: str, source: str = "a.md", reader: float = 8.0) -> Candidate:
    """Return a reader candidate `text` found in `sentence` of `source`."""
    hit = Hit(Passage(f"{source}#1", source, source, 1, sentence), 1.0)
    features = {"coverage": 1.0, "dense": 0.5, "passage_coverage": 1.0, "names": 1.0}
    said = Sentence(hit, 0, 0, sentence, features, 1.0)
    return Candidate(text, (said,), "reader", reader, reader, 0.0, -4.0, False)


SENTENCE = "Port Allard ordered 40 hydrogen buses in a contract worth $58 million, 5 per cent less."


@pytest.mark.parametrize(("question", "kind", "kept"), [
    ("how many hydrogen buses did Port Allard order?", "count", "40 hydrogen buses"),
    ("what tariff does Port Allard pay on hydrogen buses?", "percent", "5 per cent"),
])
def test_a_count_and_a_share_are_never_answered_by_another_kind_of_amount(question, kind, kept):
    candidates = [read("$58 million", SENTENCE, reader=9.0), read("5 per cent", SENTENCE),
                  read("40 hydrogen buses", SENTENCE, reader=7.0)]
    assert [m.text for m in merge(asked(question, kind), candidates, 0.5)] == [kept]


def test_how_much_may_be_answered_by_a_sum():
    candidates = [read("$58 million", SENTENCE, reader=9.0), read("5 per cent", SENTENCE)]
    merged = merge(asked("how much is the Port Allard order?", "quantity"), candidates, 0.5)
    assert [m.text for m in merged] == ["$58 million", "5 per cent"]


def test_a_count_of_the_noun_asked_about_matches_its_unit():
    candidates = [read("40 hydrogen fuel-cell buses", SENTENCE),
                  read("about 140 drivers", "Port Allard employs about 140 drivers.")]
    merged = merge(asked("how many hydrogen buses is Port Allard getting?", "count"),
                   candidates, 0.5)
    assert {m.text: m.features["unit_match"] for m in merged} == {
        "40 hydrogen fuel-cell buses": 1.0, "about 140 drivers": 0.0}


def test_a_day_asked_for_is_not_answered_by_a_year_or_a_month_alone():
    said = ("Port Allard ordered hydrogen buses in 2011, in September 2019 and on Monday (16 "
            "March 2026).")
    candidates = [read("2011", said, reader=9.0), read("September 2019", said, reader=8.5),
                  read("Monday (16 March 2026)", said, reader=7.0)]
    merged = merge(asked("what date did Port Allard order hydrogen buses?", "date"),
                   candidates, 0.5)
    assert [m.text for m in merged] == ["Monday (16 March 2026)"]
    when = merge(asked("when did Port Allard order hydrogen buses?", "date"), candidates, 0.5)
    assert len(when) == 3  # "when" may be answered by a year


def test_a_day_asked_for_is_never_answered_by_what_is_no_date():
    said = "The board rejected the 42-crown approach on Sunday (17 May 2026)."
    candidates = [read("42-crown approach", said, reader=9.0),
                  read("Sunday (17 May 2026)", said, reader=7.0)]
    merged = merge(asked("what date did the board reject the 42-crown approach?", "date"),
                   candidates, 0.5)
    assert [m.text for m in merged] == ["Sunday (17 May 2026)"]
    assert merge(asked("what date did the board reject it?", "date"), candidates[:1], 0.5) == []


def test_a_time_of_day_asked_for_is_not_answered_by_a_date():
    said = ("The first Port Allard hydrogen buses left the depot on March 3, shortly after "
            "6:15 a.m.")
    candidates = [read("March 3", said, reader=9.0), read("shortly after 6:15 a.m.", said)]
    merged = merge(asked("what time did the Port Allard hydrogen buses leave?", "date"),
                   candidates, 0.5)
    assert [m.text for m in merged] == ["shortly after 6:15 a.m."]
    when = merge(asked("when did the Port Allard hydrogen buses leave?", "date"), candidates,
                 0.5)
    assert len(when) == 2
    dated = merge(asked("what time did the Port Allard hydrogen buses leave?", "date"),
                  candidates[:1], 0.5)
    assert [m.text for m in dated] == ["March 3"]  # no time of day said: the date may do


def test_an_amount_asked_for_is_not_answered_by_a_rate():
    said = "Snow fell at up to 4 cm an hour over Port Allard, leaving 31 cm by morning."
    candidates = [read("up to 4 cm an hour", said, reader=9.0), read("31 cm", said)]
    merged = merge(asked("how much snow did Port Allard get?", "quantity"), candidates, 0.5)
    assert [m.text for m in merged] == ["31 cm"]
    fast = merge(asked("how fast did the snow fall on Port Allard?", "quantity"), candidates,
                 0.5)
    assert [m.text for m in fast] == ["up to 4 cm an hour", "31 cm"]


@pytest.mark.parametrize(("question", "kind", "lengths"), [
    ("how much rain fell before the flood?", "quantity", False),
    ("how many people were evacuated?", "count", False),
    ("flood death toll?", "quantity", False),
    ("how many days did the rain last?", "count", True),
    ("how many more weeks will the repairs take?", "count", True),
    ("how much time did the crews need?", "quantity", True),
    ("how long did it rain?", "duration", True),
])
def test_an_amount_asked_for_is_a_length_of_time_only_when_time_is_counted(question, kind,
                                                                           lengths):
    said = "The flood followed three days of torrential rain, with 186 mm at Tarnhollow."
    candidates = [replace(read("three days", said, reader=9.0), type="DURATION"),
                  replace(read("186 mm", said), type="QUANTITY")]
    merged = merge(asked(question, kind), candidates, 0.5)
    assert ("three days" in [m.text for m in merged]) is lengths


def test_a_reason_is_never_a_bare_amount_or_date():
    said = "Port Allard cut its hydrogen bus order by 5 per cent in 2019 because fuel cost more."
    candidates = [replace(read("5 per cent", said, reader=9.0), type="PERCENT"),
                  replace(read("2019", said, reader=8.5), type="DATE"),
                  replace(read("the 2018 fuel price rise", said, reader=8.0), type="NOUN"),
                  read("fuel cost more", said, reader=7.0)]
    merged = merge(asked("why did Port Allard cut its hydrogen bus order?", "reason"),
                   candidates, 0.5)
    assert [m.text for m in merged] == ["the 2018 fuel price rise", "fuel cost more"]


def test_one_value_from_two_outlets_is_one_answer_citing_both():
    candidates = [read("40 buses", SENTENCE, "a.md"), read("forty buses", SENTENCE, "b.md")]
    merged = merge(asked("how many buses?", "count"), candidates, 0.5)
    assert len(merged) == 1 and merged[0].sources == ("a.md", "b.md")


def test_an_answer_carries_the_lift_of_its_type():
    from dataclasses import replace

    candidates = [replace(read("40 buses", SENTENCE), type="CARDINAL"),
                  replace(read("Port Allard", SENTENCE, reader=7.0), type="PLACE")]
    lifts = {"CARDINAL": 1.5, "PLACE": -2.0}
    merged = merge(asked("how many buses?", "other"), candidates, 0.5, lifts)
    assert {m.text: m.features["type_lift"] for m in merged} == {"40 buses": 1.5,
                                                                "Port Allard": -2.0}
    unlifted = merge(asked("how many buses?", "other"), candidates, 0.5)
    assert {m.features["type_lift"] for m in unlifted} == {0.0}


def test_without_a_lexicon_no_count_is_compared_with_the_noun_asked():
    merged = merge(asked("how many hydrogen buses is Port Allard getting?", "count"),
                   [read("about 140 drivers", "Port Allard employs about 140 drivers.")], 0.5)
    assert merged[0].features["unit_synonym"] == 0.0 == merged[0].features["unit_other"]


def test_a_date_is_given_in_the_words_that_say_the_most_of_it():
    from dataclasses import replace

    def dated(text: str, sentence: str, source: str, reader: float,
              published: str) -> Candidate:
        said = read(text, sentence, source, reader)
        hit = said.best.hit
        passage = replace(hit.passage, published=published)
        return replace(said, sentences=(replace(said.best, hit=replace(hit, passage=passage)),))

    # "last week" in an article of Wednesday 20 May is the week of 11 May, which holds the
    # Wednesday (13 May) an article of Saturday 16 May says
    vague = dated("last week", "The relief fund, launched last week, paid its first grants.",
                  "a.md", 9.0, "2026-05-20")
    exact = dated("Wednesday", "The relief fund was launched on Wednesday by the foundation.",
                  "b.md", 7.0, "2026-05-16")
    merged = merge(asked("what date was the relief fund launched?", "date"), [vague, exact], 0.0)
    assert len(merged) == 1
    assert merged[0].text == "Wednesday" and merged[0].best is exact
    assert merged[0].features["reader"] == 9.0  # described by its surest candidate all the same
    assert merged[0].sources == ("b.md", "a.md")
    # said in an article of that Saturday, "last week" is the week before: another answer
    early = dated("last week", "The relief fund, launched last week, paid its first grants.",
                  "a.md", 9.0, "2026-05-16")
    apart = merge(asked("when was the relief fund launched?", "date"), [early, exact], 0.0)
    assert len(apart) == 2


def test_of_two_words_for_one_date_the_sentence_about_the_question_gives_it():
    def dated(text: str, sentence: str, source: str, reader: float,
              coverage: float) -> Candidate:
        said = read(text, sentence, source, reader)
        passage = replace(said.best.hit.passage, published="2026-02-13")
        best = replace(said.best, hit=replace(said.best.hit, passage=passage),
                       features={**said.best.features, "coverage": coverage})
        return replace(said, sentences=(best,))

    night = dated("Thursday night", "He spoke to her by phone on Thursday night.", "a.md",
                  9.0, 0.4)
    talks = dated("Thursday", "The Port Allard hydrogen bus talks are on Thursday.", "b.md",
                  8.0, 1.0)
    day = merge(asked("what day were the Port Allard hydrogen bus talks?", "date"),
                [night, talks], 0.0)
    assert len(day) == 1 and day[0].best is talks
    assert day[0].features["reader"] == 9.0  # described by its surest candidate all the same


def test_a_figure_read_without_its_bound_gets_it_back_and_merges_with_it():
    said = "Caldoria takes more than 70 per cent of Norland's exports."
    candidates = [read("70 per cent", said, reader=9.0),
                  read("more than 70 per cent", said, reader=7.0)]
    merged = merge(asked("what share of exports go to Caldoria?", "percent"), candidates, 0.5)
    assert [m.text for m in merged] == ["more than 70 per cent"]
    assert merged[0].value.span[1] == float("inf")  # so "71%" does not contradict it


def test_asked_who_a_role_phrase_is_the_person_a_sentence_titles_so():
    resigned = "The managing director of Pinmoor Data Services has resigned."
    titled = "Pinmoor's managing director, Edwin Taskel, said the firm was cooperating."
    candidates = [read("The managing director", resigned, "a.md", reader=9.0),
                  replace(read("Edwin Taskel", titled, "b.md", reader=6.0), type="PERSON"),
                  read("Pinmoor Data Services", resigned, "a.md", reader=7.0)]
    merged = merge(asked("who resigned at Pinmoor?", "person"), candidates, 0.5)
    assert [(m.text, m.sources) for m in merged] == [
        ("Edwin Taskel", ("a.md", "b.md")), ("Pinmoor Data Services", ("a.md",))]
    assert merged[0].best.best.text == resigned  # the sentence that answers comes first
    unasked = merge(asked("what resigned at Pinmoor?", "other"), candidates, 0.5)
    assert "The managing director" in [m.text for m in unasked]


def test_a_role_phrase_stays_itself_when_no_person_read_is_titled_so():
    resigned = "The managing director of Pinmoor Data Services has resigned."
    candidates = [read("The managing director", resigned, reader=9.0),
                  replace(read("Solveig Lunn", "Solveig Lunn, the chair, will run it.",
                               "b.md"), type="PERSON")]
    merged = merge(asked("who resigned at Pinmoor?", "person"), candidates, 0.5)
    assert [m.text for m in merged] == ["The managing director", "Solveig Lunn"]


def test_a_figure_a_sentence_says_was_replaced_is_no_answer():
    said = "Port Allard will pay $58 million, instead of $40 million, for the hydrogen buses."
    candidates = [read("$40 million", said, reader=9.0), read("$58 million", said),
                  read("$40 million", "Port Allard first budgeted $40 million.", "b.md")]
    merged = merge(asked("how much will Port Allard pay?", "money"), candidates, 0.5)
    assert [(m.text, m.sources) for m in merged] == [("$58 million", ("a.md",)),
                                                     ("$40 million", ("b.md",))]


def test_asked_which_organisation_a_phrase_saying_its_noun_is_the_name_called_so():
    broken = "Hackers got into the contractor's system on 28 September."
    called = "Pinmoor Data Services, the contractor at the centre of the breach, said sorry."
    candidates = [read("contractor's system", broken, "a.md", reader=9.0),
                  replace(read("Pinmoor Data Services", called, "b.md", reader=6.0),
                          type="ORG")]
    question = asked("which contractor did the hackers get in through?", "organisation")
    question = replace(question, question=replace(question.question, focus="contractor"))
    merged = merge(question, candidates, 0.5)
    assert [(m.text, m.sources) for m in merged] == [("Pinmoor Data Services", ("a.md", "b.md"))]


@pytest.mark.parametrize(("phrase", "hint", "said"), [
    ("60 million crowns Amberlyn set aside less than a fortnight ago now looks too little",
     "money", "60 million crowns"),
    ("about 9,000 customers had copies of their passports", "count", "about 9,000 customers"),
    ("more than $2.3 million raised in its first three days", "money",
     "more than $2.3 million"),
    ("5.6 per cent, plus a one-off payment of $1,250", "percent", "5.6 per cent"),  # not "5.6"
    ("1,870 planned operations", "count", "1,870 planned operations"),  # what it counts stays
    ("49,000 electric vehicles made in Kessaria last year", "count", "49,000 electric vehicles"),
    ("a 70 million crown break fee", "money", "a 70 million crown break fee"),  # a few words
    ("about $21 million a year", "money", "about $21 million a year"),
    ("188.4m over the next three years", "money", "188.4m over the next three years"),
])
def test_an_amount_is_given_as_said_without_what_follows_it(phrase, hint, said):
    assert amount_said(phrase, value_of(phrase, hint)) == said


@pytest.mark.parametrize(("question", "kind", "given"), [
    ("how much is in the compensation pot now?", "money", "60 million crowns"),
    ("what caused the tension?", "reason",  # not asked for an amount: given as read
     "60 million crowns Amberlyn set aside less than a fortnight ago now looks too little"),
])
def test_an_amount_is_cut_to_what_says_it_only_when_one_is_asked(question, kind, given):
    phrase = "60 million crowns Amberlyn set aside less than a fortnight ago now looks too little"
    sentence = f"The {phrase}."
    merged = merge(asked(question, kind), [read(phrase, sentence)], 0.0)
    assert [m.text for m in merged] == [given]


def test_two_days_are_two_answers_though_one_month_holds_both():
    candidates = [read("March 2026", "Deliveries start in March 2026.", "a.md", reader=9.0),
                  read("27 March 2026", "It goes on sale on 27 March 2026.", "b.md"),
                  read("10 March 2026", "It was unveiled on 10 March 2026.", "c.md", 7.0)]
    merged = merge(asked("when do Port Allard hydrogen buses go on sale?", "date"),
                   candidates, 0.5)
    assert [sorted(m.sources) for m in merged] == [["a.md", "b.md"], ["c.md"]]
