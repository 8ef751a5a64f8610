"""The question's verb against a sentence's verbs, by the real embedding model."""

from index.answer.lexicon import Lexicon
from index.answer.spans import parse_all, predicates


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
