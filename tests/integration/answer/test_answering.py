"""Short answers cut by the reader, on invented one-paragraph articles (real model, Chroma)."""

import pytest

from index.answer.extraction import MAX_WORDS
from index.answer.pipeline import read
from index.service import Newsdesk, reader_for

ARTICLES = {
    "buses.txt": "Harbourview orders buses\n\n"
                 "The council of Harbourview ordered 36 electric buses from a Swedish maker.",
    "depot.txt": "Depot opens\n\n"
                 "The new depot on Quay Street opened in March 2025 after two years of work.",
    "fleet.txt": "Fleet report\n\n"
                 "Today only 12% of the Harbourview fleet is electric, the transit office said.",
    "board.txt": "Transit board meets\n\n"
                 "The transit board, led by Amira Okafor, met on Monday to review fares.",
    "vote.txt": "Depot vote delayed\n\n"
                "The depot vote was delayed because of a dispute over the depot's cost.",
    "port.txt": "Port reopens\n\n"
                "The port reopened on Monday after a storm, the harbour master Ines Vale said.",
    "routes.txt": "First routes\n\n"
                  "The electric buses will first serve routes such as the harbour loop and the "
                  "airport line.",
    "deals.txt": "Trade mission\n\n"
                 "The delegation signed a deal on wind energy. Further agreements were signed "
                 "on forestry and fisheries.",
    "summit.txt": "Leaders meet\n\n"
                  "The premiers Hana Dorn and Rui Sato held talks in Oslo on Tuesday.",
    "ferry.txt": "Ferry suspended\n\n"
                 "The island ferry has been suspended for the winter, the operator said. Years "
                 "of tension between the operator and the island council have marked the "
                 "service. The tension grew out of a 2019 dispute over harbour fees.",
    "venue.txt": "Venue chosen\n\n"
                 "The meeting at Oslo's City Hall was the first of its kind in a decade.",
    "reef.txt": "Reef tanks\n\n"
                "The city aquarium first bred ctenophores in its reef tanks in 2021.",
    "museum.txt": "Museum galleries\n\n"
                  "The V&A reopened its glass gallery in May 2024 after a two-year refit.",
    "budget.txt": "City budget strained\n\n"
                  "Mayor Lena Ortiz said that the city budget had reached a breaking point, with "
                  "the new levy opening \u201ca long road toward recovery.\u201d",
    "visitors.txt": "Summer season\n\n"
                    "Tourism in Harbourview grew by 8% last summer, the visitor office said.",
    "castles.txt": "Norman castles\n\n"
                   "In southern Italy, the Normans built castles of stone on the coast.",
    "wool.txt": "Wool trade\n\nMerchants shipped wool from England to Flanders, and cloth back "
                "to England.",
    "riders.txt": "Tram riders\n\n"
                  "The tram line lost passengers during its closure, the operator said.",
    "conference.txt": "Church conference\n\n"
                      "The General Conference was held in May 2012 in Tampa.",
    "tram.txt": "Tram line reopens\n\n"
                "The tram line reopened in June. Its closure followed months of delays on the "
                "line, stemming from a shortage of signal engineers. As the city seeks to win "
                "back riders, the line is a test of its transport plans.",
}


@pytest.fixture(scope="module")
def desk(corpus_desk) -> Newsdesk:
    return corpus_desk(ARTICLES, "answering")


@pytest.mark.parametrize(
    ("question", "answer", "source"),
    [
        ("How many buses did Harbourview order?", "36 electric buses", "buses.txt"),
        ("When did the depot on Quay Street open?", "March 2025", "depot.txt"),
        ("How much of the Harbourview fleet is electric?", "12%", "fleet.txt"),
        ("Who leads the transit board?", "Amira Okafor", "board.txt"),
        ("Why was the depot vote delayed?", "a dispute over the depot's cost", "vote.txt"),
        ("Who is the harbour master?", "Ines Vale", "port.txt"),
        pytest.param("Which routes will the electric buses serve first?",
                     "the harbour loop", "routes.txt",
                     marks=pytest.mark.xfail(strict=True, reason="index/answer gives 'harbour "
                                             "loop', without its article")),
        ("Which agreements were signed besides energy?", "forestry and fisheries", "deals.txt"),
        # a misspelt word is read as the word one edit away that the coverage uses
        ("When were ctenophhores first bred?", "2021", "reef.txt"),
        # a name that is no plain word is found verbatim
        ("When did the V&A reopen its glass gallery?", "May 2024", "museum.txt"),
        # answer frames (index.answer.frames): what the mayor said the budget reached, and what the
        # cue beside the delays names, not the quote or the clause nearest the question's words
        ("How did Ortiz describe the state of the city budget?", "a breaking point",
         "budget.txt"),
        ("What caused the months of delays on the tram line?",
         "a shortage of signal engineers", "tram.txt"),
    ],
)
def test_short_answer_is_the_phrase_not_the_sentence(desk, question, answer, source):
    result = desk.ask(question)
    assert result.answered
    assert answer in result.answer
    assert len(result.answer.split()) <= MAX_WORDS
    assert len(result.answer) < len(result.sentence)
    assert result.answer in result.sentence or answer in result.sentence
    assert result.citations[0].source == source


def test_a_word_spelt_right_is_not_read_as_its_indexed_neighbour(desk):
    # "tourists" is one edit from the indexed "tourism", but it is a word, not a typo
    analysis, _ = desk.evidence("How many tourists came to Harbourview?")
    assert analysis.query == "How many tourists came to Harbourview?"
    assert desk.ask("How much did tourism in Harbourview grow?").answer == "8%"


@pytest.mark.xfail(strict=True, reason="the decision gives '36 electric buses' at 0.16 (threshold "
                   "0.10): a count of another noun, in a sentence holding a quarter of the "
                   "question's words; declined before the answer types made the ranking surer")
def test_a_count_of_what_the_coverage_never_counts_is_declined(desk):
    # the coverage says how tourism grew, not how many tourists came
    assert not desk.ask("How many tourists came to Harbourview?").answered


def test_a_count_of_another_noun_is_no_count_of_what_is_asked(desk):
    # the coverage says passengers elsewhere: "36 electric buses" counts something else
    analysis, evidence = desk.evidence("How many passengers did Harbourview's buses carry?")
    findings = read(analysis, evidence, reader_for(desk.settings, desk.reader),
                    lexicon=desk.lexicon(), parser=desk.parser())
    assert "36 electric buses" in {m.value.text for m in findings.aside}
    assert "36 electric buses" not in {m.value.text for m in findings.merged}


def test_a_date_of_what_the_question_does_not_name_is_not_given(desk):
    # nothing around "May 2012" names a festival: it is the date of another event
    analysis, evidence = desk.evidence("When was the Harbour Festival held?")
    findings = read(analysis, evidence, reader_for(desk.settings, desk.reader),
                    lexicon=desk.lexicon(), parser=desk.parser())
    assert "May 2012" in {m.value.text for m in findings.aside}
    assert not desk.ask("When was the Harbour Festival held?").answered


def test_a_guess_the_reader_is_unsure_of_is_not_given(desk):
    # the depot passage holds the question's words but not who designed it: the best guess
    # ("Amira Okafor", from the board passage) scores far below a stated answer
    result = desk.ask("Who designed the depot?")
    assert not result.answered
    assert result.answer == ""
    assert result.citations  # the nearest passages, for the reader to judge


def test_a_place_is_named_more_precisely_from_another_passage(desk):
    # the talks passage says "Oslo"; another passage names the hall in Oslo where they met
    result = desk.ask("Where did Dorn and Sato hold talks?")
    assert result.answer == "Oslo's City Hall"
    assert result.citations[0].source == "venue.txt"
    assert "summit.txt" in {c.source for c in result.citations}


def test_a_question_typed_in_lower_case_is_parsed_as_the_coverage_writes_it(desk):
    # "england" read as "England": the coverage says who built castles in southern Italy
    analysis, evidence = desk.evidence("who built castles in england?")
    findings = read(analysis, evidence, reader_for(desk.settings, desk.reader),
                    lexicon=desk.lexicon(), parser=desk.parser())
    assert "Normans" not in {m.value.text.removeprefix("the ") for m in findings.merged}
    assert not desk.ask("who built castles in england?").answered


def test_an_answer_stays_within_its_sentence(desk):
    # the reader reads each sentence with the next one as context: its best span for "Years
    # of tension ... have marked the service" ran into "The tension grew out of ..."
    analysis, evidence = desk.evidence(
        "What caused the years of tension between the operator and the council?")
    findings = read(analysis, evidence, reader_for(desk.settings, desk.reader),
                    lexicon=desk.lexicon(), parser=desk.parser())
    candidates = [c for m in [*findings.merged, *findings.aside] for c in m.candidates]
    tension = [c for c in candidates if c.best.text.startswith("Years of tension")]
    assert any(c.origin == "reader" for c in tension)
    assert "harbour fees" in {c.text for c in candidates}
    for candidate in candidates:
        assert candidate.text in candidate.best.text
