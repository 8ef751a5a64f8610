"""Disagreements and revisions between merged answers, on hand-made answers (no model)."""

from dataclasses import replace

import pytest
from spacy.tokens import Span

from index.answer.clashes import hedged
from index.answer.disagreement import Scored, disagreement
from index.answer.merging import Merged
from index.answer.nlp import get_nlp
from index.answer.sentences import Sentence
from index.answer.spans import Candidate
from index.answer.values import value_of
from index.models import Hit, Passage

THRESHOLD, GAP, SHARE, MISSING = 0.2, 3.0, 0.8, 0.5


def stated(text: str, sentence: str, *sources: tuple[str, str], reader: float = 10.0,
           coverage: float = 1.0, probability: float = 0.6, kind: str = "quantity",
           qualifiers: frozenset[str] = frozenset(), another_event: bool = False) -> Scored:
    """Return an answer stated by `sentence` in each (source, published) given."""
    sentences = tuple(
        Sentence(Hit(Passage(f"{source}#1", source, source, 1, sentence, published=published),
                     1.0), 0, 0, sentence, {"coverage": coverage}, 1.0)
        for source, published in sources)
    candidate = Candidate(text, sentences, "reader", reader, reader, 0.0, 0.0, False,
                          qualifiers=qualifiers, another_event=another_event,
                          hedged=hedged(_span(sentence, text)))
    features = {"coverage": coverage, "missing": 1.0 - coverage}
    merged = Merged(text, value_of(text, kind), (candidate,), features)
    return Scored(merged, probability)


def _span(sentence: str, text: str) -> Span:
    """Return `text` as a span of the parsed sentence (the whole sentence if it is not there)."""
    doc = get_nlp()(sentence)
    at = sentence.find(text)
    found = doc.char_span(at, at + len(text), alignment_mode="expand") if at >= 0 else None
    return found if found is not None else doc[:]


def test_two_sources_with_two_counts_disagree():
    best = stated("40 firefighters", "About 40 firefighters fought the fire.",
                  ("a.md", "2026-04-10"))
    other = stated("90 firefighters", "More than 90 firefighters battled the fire.",
                   ("b.md", "2026-04-10"), probability=0.4)
    found = disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING)
    assert found is not None and not found.revision
    assert [s.merged.text for s in found.sides] == ["40 firefighters", "90 firefighters"]


def test_one_dissenting_source_is_enough_against_three():
    best = stated("2016", "The last visit was in 2016.", ("a.md", "2026-02-11"),
                  ("b.md", "2026-02-12"), ("c.md", "2026-02-15"), kind="date")
    other = stated("2017", "It is the first visit since 2017.", ("d.md", "2026-02-12"),
                   probability=0.3, kind="date")
    assert disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING) is not None


def test_a_later_source_that_says_it_revises_is_a_revision():
    old = stated("three", "Three people were injured.", ("a.md", "2026-05-01"))
    new = stated("eleven", "Police revised the number injured to eleven, up from three.",
                 ("b.md", "2026-05-03"), probability=0.5)
    found = disagreement([old, new], THRESHOLD, GAP, SHARE, MISSING)
    assert found is not None and found.revision
    assert [s.merged.text for s in found.sides] == ["eleven", "three"]


def test_a_later_figure_without_a_revision_cue_is_a_disagreement():
    old = stated("340 million", "Losses were about $340 million.", ("a.md", "2026-05-14"))
    new = stated("450 million", "A modeller estimated losses at $450 million.",
                 ("b.md", "2026-05-15"))
    found = disagreement([old, new], THRESHOLD, GAP, SHARE, MISSING)
    assert found is not None and not found.revision


def test_a_question_for_the_latest_value_takes_the_newest_figure_as_a_revision():
    first = stated("33", "Officials said 33 people had died.", ("a.md", "2026-07-08"))
    second = stated("26", "The confirmed death toll stood at 26.", ("b.md", "2026-07-07"),
                    probability=0.5)
    newest = stated("39", "The number of dead is 39.", ("c.md", "2026-07-12"), probability=0.4)
    ranked = [first, second, newest]
    found = disagreement(ranked, THRESHOLD, GAP, SHARE, MISSING, latest=True)
    assert found is not None and found.revision  # "latest death toll?": no cue needed
    assert [s.merged.text for s in found.sides] == ["39", "33"]
    plain = disagreement(ranked, THRESHOLD, GAP, SHARE, MISSING)
    assert plain is not None and not plain.revision  # "how many died?": the outlets differ
    assert len(plain.sides) == 3


def test_asked_the_latest_value_an_undated_side_is_neither_newer_nor_older():
    dated = stated("nine", "At least nine people died.", ("a.md", "2026-07-05"))
    undated = stated("39", "Thirty-nine people are confirmed dead.", ("b.txt", ""),
                     probability=0.4)
    found = disagreement([dated, undated], THRESHOLD, GAP, SHARE, MISSING, latest=True)
    assert found is None or not found.revision or found.sides[0].merged.text == "39"


def test_a_revision_cue_on_the_newest_of_three_sides_is_a_revision():
    first = stated("180,000", "About 180,000 customers were affected.", ("a.md", "2025-11-10"))
    second = stated("412,000", "The bank said 412,000 customers were affected.",
                    ("b.md", "2025-11-17"), probability=0.5)
    newest = stated("530,000", "The count has risen to 530,000, up from 412,000.",
                    ("c.md", "2025-11-26"), probability=0.4)
    found = disagreement([first, second, newest], THRESHOLD, GAP, SHARE, MISSING)
    assert found is not None and found.revision
    assert [s.merged.text for s in found.sides] == ["530,000", "412,000"]


def test_no_disagreement_when_one_side_is_a_possibility():
    best = stated("38,000", "The quota is 38,000 cars a year.", ("a.md", "2026-02-12"))
    other = stated("60,000", "The quota could rise to 60,000 by 2030.", ("b.md", "2026-02-12"))
    assert disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING) is None


def test_no_disagreement_with_an_unlikely_or_weakly_read_or_off_topic_answer():
    best = stated("40 firefighters", "About 40 firefighters fought the fire.",
                  ("a.md", "2026-04-10"))
    unlikely = stated("90 firefighters", "90 firefighters.", ("b.md", "2026-04-10"),
                      probability=0.1)
    weak = stated("90 firefighters", "90 firefighters.", ("b.md", "2026-04-10"), reader=5.0)
    off_topic = stated("90 firefighters", "90 firefighters.", ("b.md", "2026-04-10"),
                       coverage=0.5)
    for other in (unlikely, weak, off_topic):
        assert disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING) is None


def test_no_disagreement_between_values_of_different_kinds_or_within_one_sentence():
    best = stated("40 firefighters", "About 40 firefighters and 12 engines came.",
                  ("a.md", "2026-04-10"))
    engines = stated("12 engines", "About 40 firefighters and 12 engines came.",
                     ("a.md", "2026-04-10"))
    a_date = stated("2019", "It began in 2019.", ("b.md", "2026-04-10"), kind="date")
    bare = stated("90", "Then 90 came.", ("b.md", "2026-04-10"))
    for other in (engines, a_date, bare):
        assert disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING) is None


def test_a_later_running_total_updates_a_bound_it_does_not_contradict():
    old = stated("more than $2.3 million", "The appeal has raised more than $2.3 million.",
                 ("a.md", "2026-05-14"), kind="money")
    new = stated("3.1 million dollars", "The fund has now raised 3.1 million dollars.",
                 ("b.md", "2026-05-20"), probability=0.4, kind="money")
    found = disagreement([old, new], THRESHOLD, GAP, SHARE, MISSING)
    assert found is not None and found.revision
    assert [s.merged.text for s in found.sides] == ["3.1 million dollars",
                                                    "more than $2.3 million"]


def test_a_bound_and_a_figure_within_it_are_no_disagreement_without_an_update():
    best = stated("more than 70 per cent", "It takes more than 70 per cent of exports.",
                  ("a.md", "2026-02-11"), kind="percent")
    other = stated("71 per cent", "It sends 71 per cent of its exports there.",
                   ("b.md", "2026-02-12"), probability=0.4, kind="percent")
    assert disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING) is None


def test_two_names_disagree_only_as_holders_of_the_role_asked_about():
    best = stated("Owen Balcombe", "Trade Minister Owen Balcombe said the text was ready.",
                  ("a.md", "2026-02-11"), kind="person")
    other = stated("Fiona Ruddick", "Fiona Ruddick, the trade minister, said it was not.",
                   ("b.md", "2026-02-12"), probability=0.4, kind="person")
    colleague = stated("Fiona Ruddick", "She travelled with Trade Minister Owen Balcombe, "
                       "Agriculture Minister Fiona Ruddick and 60 executives.",
                       ("b.md", "2026-02-12"), probability=0.4, kind="person")
    role = "trade minister"  # asked by "who's the trade minister?" (`test_roles`)
    found = disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING, role)
    assert found is not None and not found.revision
    assert disagreement([best, colleague], THRESHOLD, GAP, SHARE, MISSING, role) is None
    # "who operates the dam?" asks for no role: two names are two facts
    assert disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING, "") is None


def test_a_weekday_and_a_year_said_are_no_disagreement_once_the_weekday_is_resolved():
    best = stated("2018", "Penhale took the top job in 2018.", ("a.md", "2026-04-17"),
                  kind="date")
    other = stated("Friday", "He resigned on Friday.", ("b.md", "2026-04-17"),
                   probability=0.4, kind="date")
    other = Scored(Merged("Friday", value_of("Friday (17 April 2026)", "date"),
                          other.merged.candidates, other.merged.features), 0.4)
    assert disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING) is None
    assert disagreement([best, stated("2019", "He took over in 2019.", ("b.md", "2026-04-17"),
                                      probability=0.4, kind="date")],
                        THRESHOLD, GAP, SHARE, MISSING) is not None


def test_a_figure_that_may_be_a_sides_rounded_joins_that_side():
    best = stated("$162 million", "It was a $162 million project.", ("a.md", "2026-03-04"),
                  kind="money")
    rounded = stated("$188 million", "Now it's $188 million.", ("b.md", "2026-03-20"),
                     probability=0.5, kind="money")
    precise = stated("$188.4 million", "The cost is $188.4 million.", ("c.md", "2026-03-20"),
                     probability=0.4, kind="money")
    found = disagreement([best, rounded, precise], THRESHOLD, GAP, SHARE, MISSING)
    assert found is not None and not found.revision
    assert [s.merged.text for s in found.sides] == ["$162 million", "$188 million"]
    assert found.sides[1].merged.sources == ("b.md", "c.md")


@pytest.mark.parametrize(("best", "other", "disagree"), [
    ("$162 million", "$3 million", False),  # an extra sum, not the project's cost
    ("5,000 people", "50,000 people", True),  # police and organisers count one crowd
    ("40 firefighters", "90 firefighters", True),
])
def test_amounts_far_apart_count_different_things(best, other, disagree):
    kind = "money" if best.startswith("$") else "quantity"
    first = stated(best, f"They said {best}.", ("a.md", "2026-03-04"), kind=kind)
    second = stated(other, f"Others said {other}.", ("b.md", "2026-03-04"), kind=kind)
    found = disagreement([first, second], THRESHOLD, GAP, SHARE, MISSING)
    assert (found is not None) == disagree


@pytest.mark.parametrize(("qualified", "disagree"), [
    ((frozenset(), frozenset({"miss"})), False),  # 198 on board, the 13 people still missing
    ((frozenset({"kill"}), frozenset({"kill"})), True),  # 39 people killed, 41 people killed
])
def test_counts_whose_nouns_are_qualified_otherwise_count_different_things(qualified,
                                                                           disagree):
    first = stated("198 people", "It carried 198 people.", ("a.md", "2026-07-05"),
                   qualifiers=qualified[0])
    second = stated("13 people", "The search for 13 people still missing goes on.",
                    ("b.md", "2026-07-08"), qualifiers=qualified[1])
    found = disagreement([first, second], THRESHOLD, GAP, SHARE, MISSING)
    assert (found is not None) == disagree



def test_a_sentence_that_revises_another_figure_is_no_revision_of_the_one_asked():
    budget = stated("$188.4 million", "The programme's budget is now $188.4 million.",
                    ("a.md", "2026-04-10"), kind="money")
    extra = stated("$26.4 million", "The council approved an extra $26.4 million, taking its "
                   "budget to $188.4 million.", ("b.md", "2026-04-18"), probability=0.4,
                   kind="money")
    assert disagreement([budget, extra], THRESHOLD, GAP, SHARE, MISSING) is None
    # "$40" is not said in "$400": a figure is found as a whole
    fourhundred = stated("$400", "Each pass costs $400.", ("b.md", "2026-04-18"),
                      probability=0.4, kind="money")
    forty = stated("$40", "Each pass costs $40.", ("a.md", "2026-04-10"), kind="money")
    assert disagreement([forty, fourhundred], THRESHOLD, GAP, SHARE, MISSING) is not None
    # the same sentence revises from the older figure: a revision
    raised = stated("$188.4 million", "The budget was raised to $188.4 million, up from $162 "
                    "million.", ("b.md", "2026-04-18"), probability=0.4, kind="money")
    first = stated("$162 million", "The programme's budget is $162 million.",
                   ("a.md", "2025-06-19"), kind="money")
    found = disagreement([first, raised], THRESHOLD, GAP, SHARE, MISSING)
    assert found is not None and found.revision
    assert [s.merged.text for s in found.sides] == ["$188.4 million", "$162 million"]


@pytest.mark.parametrize("sentence", [
    "The first buses now come in November, later than the September date given before.",
    "The first buses now come in November rather than September.",
    "The first buses now come in November instead of September.",
])
def test_a_sentence_that_sets_one_date_against_another_states_one_fact(sentence):
    told = stated("September", "The first buses arrive in September.", ("a.md", "2026-04-10"),
                  kind="date")
    later = stated("November", sentence, ("b.md", "2026-04-18"), probability=0.4, kind="date")
    assert disagreement([told, later], THRESHOLD, GAP, SHARE, MISSING) is not None


def test_a_date_of_another_event_in_the_sentence_is_no_side():
    best = stated("Thursday", "Stroud will hold talks with Valich on Thursday.",
                  ("a.md", "2026-02-11"), kind="date")
    other = stated("Saturday", "Stroud returned on Saturday from Kessaria, where she held talks.",
                   ("b.md", "2026-02-19"), probability=0.4, kind="date", another_event=True)
    assert disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING) is None
    said = stated("Friday", "Stroud held talks with Valich on Friday.", ("c.md", "2026-02-14"),
                  probability=0.4, kind="date")
    assert disagreement([best, said], THRESHOLD, GAP, SHARE, MISSING) is not None


def test_a_side_said_again_in_other_words_cites_each_source():
    best = stated("87%", "87% of members backed strike action.", ("a.md", "2025-09-15"),
                  kind="percent")
    other = stated("78%", "78% of members had backed industrial action.",
                   ("b.md", "2025-09-16"), probability=0.4, kind="percent")
    again = stated("78%", "On its own figures, 78% of voters backed it.", ("c.md", "2025-10-03"),
                   probability=0.3, coverage=0.3, kind="percent")
    found = disagreement([best, other, again], THRESHOLD, GAP, SHARE, MISSING)
    assert found is not None
    assert [s.merged.text for s in found.sides] == ["87%", "78%"]
    assert found.sides[1].merged.sources == ("b.md", "c.md")


def test_a_side_that_refers_back_is_read_with_what_is_named_before_it():
    best = stated("1979", "The Orsola Grey was built in 1979.", ("a.md", "2026-07-05"),
                  kind="date")
    alone = stated("1983", "The ferry, built in 1983, had sailed from Dunmarrow.",
                   ("b.md", "2026-07-09"), probability=0.4, coverage=0.3, kind="date")
    assert disagreement([best, alone], THRESHOLD, GAP, SHARE, MISSING) is None
    features = {**alone.merged.features, "context_coverage": 1.0, "context_missing": 0.0}
    in_context = replace(alone, merged=replace(alone.merged, features=features))
    found = disagreement([best, in_context], THRESHOLD, GAP, SHARE, MISSING)
    assert found is not None
    assert [s.merged.text for s in found.sides] == ["1979", "1983"]


def test_a_side_stated_in_the_best_sides_act_need_not_hold_as_much_of_the_question():
    best = stated("12 million crowns", "Sable Moth is demanding a ransom of 12 million crowns.",
                  ("a.md", "2026-11-12"), kind="money")
    other = stated("7 million crowns", "The group has demanded 7 million crowns from the bank.",
                   ("b.md", "2026-11-13"), probability=0.4, coverage=0.5, kind="money")
    assert disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING) is None
    one_act = [frozenset({("demand", "moth"), ("demand", "group")})] * 2
    found = disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING, acts=one_act)
    assert found is not None
    assert [s.merged.text for s in found.sides] == ["12 million crowns", "7 million crowns"]
    other_acts = [frozenset({("demand", "moth"), ("demand", "group")}),
                  frozenset({("demand", "moth"), ("set", "group")})]  # one noun of one verb
    assert disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING, acts=other_acts) is None


def test_more_values_than_accounts_of_one_fact_are_no_disagreement():
    years = [stated(year, f"The series was released on CD in {year}.", (f"{year}.md", ""),
                    probability=0.6 - i / 10, kind="date")
             for i, year in enumerate(["2012", "1999", "1981", "1983"])]
    assert disagreement(years, THRESHOLD, GAP, SHARE, MISSING) is None
    found = disagreement(years[:3], THRESHOLD, GAP, SHARE, MISSING)
    assert found is not None and len(found.sides) == 3


def _read_also(side: Scored, *others: Scored) -> Scored:
    """Return `side` with the candidates of `others` read as ways of saying it."""
    candidates = side.merged.candidates + tuple(c for o in others for c in o.merged.candidates)
    return replace(side, merged=replace(side.merged, candidates=candidates))


def test_a_date_read_in_part_is_not_found_in_another_date():
    # the reader marked "July" of "9 July" too: it is no way of saying 9 July in "14 July"
    said = "Shareholders will vote on the deal on 9 July."
    best = _read_also(stated("9 July", said, ("a.md", "2026-05-20"), kind="date"),
                      stated("July", said, ("a.md", "2026-05-20"), kind="date"))
    other = stated("14 July", "Shareholders are due to vote on 14 July.", ("b.md", "2026-05-21"),
                   probability=0.4, kind="date")
    assert disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING) is not None


def test_two_answers_read_in_one_sentence_are_two_facts():
    both = "In February 2011 a soundtrack was released for the 2010 Christmas special."
    best = _read_also(stated("8 November 2010", "The soundtrack was released on 8 November "
                             "2010.", ("a.md", ""), kind="date"),
                      stated("2010", both, ("b.md", ""), kind="date"))
    other = stated("February 2011", both, ("b.md", ""), probability=0.4, kind="date")
    assert disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING) is None


def test_a_side_shares_some_of_what_the_best_side_says_of_the_question():
    asked = {"carrowmer": 0.5, "investor": 1.0, "vote": 1.0, "takeover": 0.6}
    best = stated("9 July", "Carrowmere shareholders will vote on 9 July.",
                  ("a.md", "2026-05-20"), kind="date")
    deadline = stated("June 15", "Under takeover rules, the bidders must make a firm offer by "
                      "June 15.", ("b.md", "2026-05-20"), probability=0.4, kind="date")
    vote = stated("14 July", "Shareholders are due to vote on 14 July.", ("c.md", "2026-05-21"),
                  probability=0.4, kind="date")
    assert disagreement([best, deadline], THRESHOLD, GAP, SHARE, MISSING, asked=asked) is None
    assert disagreement([best, vote], THRESHOLD, GAP, SHARE, MISSING, asked=asked) is not None
    # without the question's words, no sharing is asked for
    assert disagreement([best, deadline], THRESHOLD, GAP, SHARE, MISSING) is not None


def test_two_values_of_one_sentence_are_not_two_sides():
    best = stated("September 5, 1985", "The merger received federal approval on September 5, "
                  "1985.", ("a.md", ""), kind="date")
    said = ("Disney shareholders approved the merger on January 4, 1996, with the acquisition "
            "completed on February 9.")
    first = stated("January 4, 1996", said, ("b.md", ""), probability=0.4, kind="date")
    second = stated("February 9", said, ("b.md", ""), probability=0.3, kind="date")
    found = disagreement([best, first, second], THRESHOLD, GAP, SHARE, MISSING)
    assert found is not None
    assert [s.merged.text for s in found.sides] == ["September 5, 1985", "January 4, 1996"]


def _also_read_in(answer: Scored, other: Scored) -> Scored:
    """Return `answer` as also read in the sentences `other` was read in."""
    extra = tuple(replace(c, text=answer.merged.text) for c in other.merged.candidates)
    merged = replace(answer.merged, candidates=answer.merged.candidates + extra)
    return replace(answer, merged=merged)


@pytest.mark.parametrize(("revising", "newer", "older"), [
    ("The number cancelled because of the strike has risen to 2,140, up from the 1,870 it "
     "reported when nurses returned to work.", "2,140", "1,870"),
    ("The operator said 203 people had been aboard, revised up from the 198 it gave at the "
     "weekend.", "203", "198"),
    ("The number whose documents were taken has also risen sharply, to 26,400 from about "
     "9,000, the bank said.", "26,400", "about 9,000"),
    ("The ministry said more than 3,400 operations had been cancelled, a figure it revised up "
     "last week from an earlier estimate of 2,600.", "more than 3,400", "2,600"),
])
def test_a_sentence_that_says_which_figure_replaced_which_is_a_revision(revising, newer, older):
    # the older figure is the likelier answer, both were first said the same day (or the older
    # by an undated source), and the newer one is not likely on its own: the sentence decides
    first = stated(older, f"Officials said {older} had been counted.", ("a.txt", ""),
                   probability=0.8)
    update = stated(newer, revising, ("b.md", "2025-10-02"), probability=0.1)
    first = _also_read_in(first, update)
    found = disagreement([first, update], THRESHOLD, GAP, SHARE, MISSING)
    assert found is not None and found.revision
    assert [s.merged.text for s in found.sides] == [newer, older]
    # the newer figure the likelier: still a revision, from the figure it replaced
    found = disagreement([replace(update, probability=0.9), replace(first, probability=0.1)],
                         THRESHOLD, GAP, SHARE, MISSING)
    assert found is not None and found.revision
    assert [s.merged.text for s in found.sides] == [newer, older]


@pytest.mark.parametrize("sentence", [
    "The miner produced 61,000 tonnes in the six months to April, up from 48,400 tonnes a "
    "year earlier.",  # another period, not an earlier account
    "Output of 61,000 tonnes and sales of 48,400 tonnes were reported.",  # no change said
    "Output rose to 61,000 tonnes as sales reached 48,400 tonnes.",  # neither is a "from"
    "Output could rise to 61,000 tonnes, up from 48,400 tonnes.",  # a possibility
])
def test_two_figures_of_one_sentence_are_no_stated_revision_unless_one_replaced_the_other(
        sentence):
    output = stated("61,000 tonnes", sentence, ("a.md", "2026-05-01"))
    earlier = _also_read_in(stated("48,400 tonnes", "It produced 48,400 tonnes.",
                                   ("b.md", "2026-05-01"), probability=0.3), output)
    found = disagreement([earlier, output], THRESHOLD, GAP, SHARE, MISSING)
    assert found is None or not found.revision


def test_a_figure_of_another_year_is_no_side():
    # "how long was the strike meant to last?" in 2025: not the 2011 stoppage
    best = stated("48-hour", "Nurses are on the first day of a 48-hour strike over pay.",
                  ("a.md", "2025-09-23"))
    other = stated("one-day", "Nurses last went on strike in 2011, in a one-day stoppage.",
                   ("b.md", "2025-09-23"), probability=0.4)
    assert disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING) is None
    same_year = stated("one-day", "Nurses went on strike this year, in a one-day stoppage.",
                       ("b.md", "2025-09-23"), probability=0.4)  # "this year" is 2025
    assert disagreement([best, same_year], THRESHOLD, GAP, SHARE, MISSING) is not None
    dated = stated("one-day", "A one-day strike is planned since 2011 rules allow no more.",
                   ("b.md", "2025-09-23"), probability=0.4)  # a bound, not a year it is of
    assert disagreement([best, dated], THRESHOLD, GAP, SHARE, MISSING) is not None


def test_an_undated_source_is_of_no_year():
    best = stated("48-hour", "Nurses are on the first day of a 48-hour strike over pay.",
                  ("a.md", None))
    other = stated("one-day", "Nurses went on strike in 2011, in a one-day stoppage.",
                   ("b.md", None), probability=0.4)
    assert disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING) is not None


def test_a_value_worded_otherwise_by_two_outlets_is_read_with_what_both_say():
    asked = {"member": 1.0, "back": 1.0, "strike": 1.0, "action": 1.0}
    best = stated("87%", "The union said 87% of members backed strike action.",
                  ("a.md", "2025-09-12"), kind="percent")
    ballot = stated("78%", "The union said 78% of members who returned a ballot paper had "
                    "backed industrial action.", ("b.md", "2025-09-11"), probability=0.4,
                    coverage=0.75, kind="percent")
    voted = stated("78%", "On the union's own figures, 78% of those who voted backed a strike.",
                   ("c.md", "2025-09-20"), probability=0.3, coverage=0.5, kind="percent")
    assert disagreement([best, ballot], THRESHOLD, GAP, SHARE, MISSING, asked=asked) is None
    found = disagreement([best, ballot, voted], THRESHOLD, GAP, SHARE, MISSING, asked=asked)
    assert found is not None and not found.revision
    assert [s.merged.text for s in found.sides] == ["87%", "78%"]
    assert found.sides[1].merged.sources == ("b.md", "c.md")
    # an unlikely answer of the value adds nothing to what it is read with, nor does one
    # article that says it twice
    unlikely = replace(voted, probability=0.1)
    assert disagreement([best, ballot, unlikely], THRESHOLD, GAP, SHARE, MISSING,
                        asked=asked) is None
    again = stated("78%", "On the union's own figures, 78% of those who voted backed a strike.",
                   ("b.md", "2025-09-11"), probability=0.3, coverage=0.5, kind="percent")
    assert disagreement([best, ballot, again], THRESHOLD, GAP, SHARE, MISSING,
                        asked=asked) is None


def test_a_date_said_as_since_when_is_no_side_against_the_day_it_was_done():
    best = stated("8 November 2010", "The soundtrack was released on 8 November 2010.",
                  ("a.md", ""), kind="date")
    since = stated("since 2005", "Murray Gold has composed the soundtracks since 2005.",
                   ("b.md", ""), probability=0.4, kind="date")
    assert disagreement([best, since], THRESHOLD, GAP, SHARE, MISSING) is None
    held = stated("since 2005", "Gold has been the series' composer since 2005.", ("a.md", ""),
                  kind="date")
    other = stated("since 2007", "Gold has written its music since 2007.", ("b.md", ""),
                   probability=0.4, kind="date")
    assert disagreement([held, other], THRESHOLD, GAP, SHARE, MISSING) is not None


@pytest.mark.parametrize("said", [
    "Shares fell a further 4 per cent on Tuesday.",
    "Shares lost another 4 per cent on Tuesday.",
])
def test_an_amount_said_as_added_to_another_is_no_side(said):
    best = stated("9 per cent", "Shares fell 9 per cent on Monday.", ("a.md", "2026-11-10"))
    other = stated("4 per cent", said, ("b.md", "2026-11-11"), probability=0.5)
    assert disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING) is None
    alone = stated("4 per cent", "Shares fell 4 per cent on Monday.", ("b.md", "2026-11-11"),
                   probability=0.5)
    assert disagreement([best, alone], THRESHOLD, GAP, SHARE, MISSING) is not None


@pytest.mark.parametrize(("said", "disagree"), [
    ("More than 90 firefighters battled the fire in Harrowgate.", True),
    ("More than 90 firefighters battled the fire in Saltmere.", False),  # another story's
])
def test_a_side_of_another_story_is_none_when_the_question_names_nothing(said, disagree):
    best = stated("40 firefighters", "About 40 firefighters fought the fire in Harrowgate.",
                  ("a.md", "2026-04-10"), ("c.md", "2026-04-10"))
    other = stated("90 firefighters", said, ("b.md", "2026-04-10"), probability=0.4)
    found = disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING, one_story=True)
    assert (found is not None) is disagree
    assert disagreement([best, other], THRESHOLD, GAP, SHARE, MISSING) is not None
    # told by as many sources as the best, it may be the story asked about: a side
    alone = stated("40 firefighters", "About 40 firefighters fought the fire in Harrowgate.",
                   ("a.md", "2026-04-10"))
    assert disagreement([alone, other], THRESHOLD, GAP, SHARE, MISSING, one_story=True)


def test_values_of_another_story_still_count_among_too_many_values():
    best = stated("40 firefighters", "About 40 firefighters fought the fire in Harrowgate.",
                  ("a.md", "2026-04-10"), ("c.md", "2026-04-10"))
    same = stated("90 firefighters", "More than 90 firefighters battled the fire in Harrowgate.",
                  ("b.md", "2026-04-10"), probability=0.5)
    others = [stated(f"{n} firefighters", f"{n} firefighters fought a fire in Saltmere.",
                     (f"{n}.md", "2026-04-10"), probability=0.4) for n in (12, 25, 60)]
    assert disagreement([best, same], THRESHOLD, GAP, SHARE, MISSING, one_story=True)
    assert disagreement([best, same, *others], THRESHOLD, GAP, SHARE, MISSING,
                        one_story=True) is None
