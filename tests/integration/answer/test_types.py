"""Answer types and counted nouns, by the real embedding model and the shipped type model."""

from index.answer.analysis import Analysis
from index.answer.lexicon import Lexicon
from index.answer.merging import merge
from index.answer.pipeline import Evidence, type_lifts
from index.answer.questions import parse_question
from index.answer.sentences import Sentence
from index.answer.spans import Candidate
from index.models import Hit, Passage


def analyse(text: str) -> Analysis:
    """Return a question as analysed against no coverage (every word weighs alike)."""
    question = parse_question(text)
    return Analysis(text, text, question, dict.fromkeys(question.terms, 1.0))


def lifts_for(question: str, embedder) -> dict[str, float]:
    evidence = Evidence((), embedder.embed_query(question), {})
    return type_lifts(analyse(question), evidence, Lexicon(embedder))


def test_the_question_makes_its_type_likelier_than_others(embedder):
    assert max(lifts_for("how many buses did Metro buy?", embedder).items(),
               key=lambda kv: kv[1])[0] == "CARDINAL"
    who = lifts_for("who's the Saltmere mayor?", embedder)
    assert who["PERSON"] > 0 > who["CARDINAL"]
    when = lifts_for("when did the phone alert go out?", embedder)
    assert when["DATE"] > when["PERSON"]


def test_without_a_lexicon_types_say_nothing(embedder):
    evidence = Evidence((), embedder.embed_query("who is the mayor?"), {})
    assert set(type_lifts(analyse("who is the mayor?"), evidence, None).values()) == {0.0}


def candidate(text: str, sentence: str) -> Candidate:
    hit = Hit(Passage("a.md#1", "a.md", "Qorvane sales", 1, sentence), 1.0)
    features = {"coverage": 1.0, "dense": 0.5, "passage_coverage": 1.0, "names": 1.0}
    return Candidate(text, (Sentence(hit, 0, 0, sentence, features, 1.0),), "reader", 8.0,
                     8.0, 0.0, -4.0, False)


def test_a_count_of_another_noun_is_told_from_one_of_the_noun_asked(embedder):
    sentence = "Qorvane sold 2,400 vehicles in 52 countries and 3 cars to a museum last year."
    merged = merge(analyse("how many cars did Qorvane sell last year?"),
                   [candidate("2,400 vehicles", sentence), candidate("52 countries", sentence),
                    candidate("3 cars", sentence), candidate("1,100", "It made 1,100 in May.")],
                   0.5, None, Lexicon(embedder), 0.7)
    said = {m.text: (m.features["unit_match"], m.features["unit_synonym"],
                     m.features["unit_other"]) for m in merged}
    assert said == {"3 cars": (1.0, 1.0, 0.0), "2,400 vehicles": (0.0, 1.0, 0.0),
                    "52 countries": (0.0, 0.0, 1.0), "1,100": (0.0, 0.0, 0.0)}


def test_the_desk_embeds_the_type_cue_with_the_question(corpus_desk, embedder):
    desk = corpus_desk({"mayor.txt": "Saltmere mayor\n\nThe mayor of Saltmere is Ada Quill."},
                       "types")
    analysis, evidence = desk.evidence("who's the Saltmere mayor?")
    assert evidence.embedder == embedder.name
    assert abs(float(evidence.cue_vector @ embedder.embed_query(analysis.question.cue)) - 1) < 1e-4
    assert abs(float(evidence.query_vector @ embedder.embed_query(analysis.query)) - 1) < 1e-4
    lifts = type_lifts(analysis, evidence, None)  # no lexicon: the evidence's cue vector
    expected = lifts_for("who's the Saltmere mayor?", embedder)
    assert all(abs(lifts[t] - v) < 1e-3 for t, v in expected.items())
    assert desk.ask("who's the Saltmere mayor?").answer == "Ada Quill"


def test_a_count_of_what_an_acronym_spells_out_counts_it(embedder):
    sentence = "Kessaria sold 214,000 electric vehicles and 744,000 vehicles in all."
    merged = merge(analyse("how many EVs?"),
                   [candidate("214,000 electric vehicles", sentence),
                    candidate("744,000 vehicles", sentence)], 0.5, None, Lexicon(embedder), 0.7)
    said = {m.text: (m.features["unit_synonym"], m.features["unit_other"]) for m in merged}
    assert said == {"214,000 electric vehicles": (1.0, 0.0), "744,000 vehicles": (0.0, 1.0)}
