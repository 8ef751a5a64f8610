"""The question's verb against a sentence's verbs, by the real embedding model."""

from index.answer.lexicon import Lexicon
from index.answer.spans import parse_all, predicates, soft


def test_a_paraphrased_verb_is_nearer_than_another_act(embedder):
    near = Lexicon(embedder).similarities("quit", ["resigned", "donated", "quit"])
    assert near["quit"] > 0.99
    assert near["resigned"] > near["donated"]


def test_each_sentence_gets_its_nearest_verb(embedder):
    docs = parse_all(["The operator was fined $500,000 by the regulator.",
                      "The operator donated $500,000 to the relief fund.",
                      "A fine of $500,000."])
    fined, donated, verbless = predicates("fined", docs, Lexicon(embedder))
    assert fined > 0.99
    assert donated < fined
    assert verbless == 0.0


def test_without_a_verb_in_the_question_every_sentence_is_neutral(embedder):
    docs = parse_all(["The operator donated $500,000."])
    assert predicates("", docs, Lexicon(embedder)) == [1.0]


def test_soft_coverage_counts_a_near_word_by_its_similarity(embedder):
    from index.answer.analysis import Analysis
    from index.answer.questions import parse_question

    question = "how many cars did Qorvane sell?"
    weights = {"car": 1.0, "qorvan": 1.0, "sell": 0.35}
    analysis = Analysis(question, question, parse_question(question), weights)
    docs = parse_all(["Qorvane sold 1,912,000 vehicles in 2025.",
                      "Qorvane sells cars in 52 countries.",
                      "Qorvane opened a plant in Valdessa."])
    vehicles, cars, plant = soft(analysis, docs, Lexicon(embedder), 0.7)
    exact = soft(analysis, docs, None, 0.7)
    assert cars == exact[1] == 1.0
    assert exact[0] < vehicles < 1.0  # "vehicles" counts for "cars", by its similarity
    assert plant == exact[2] < vehicles  # nothing near "cars" or "sell" there
