"""Answering: a one-way pipeline from a question and its retrieved passages to an `Answer`.

The stages, each a module, pass plain frozen values to the next:

    analysis    the question: its kind, weighted words and names, typos read as indexed words
    (retrieval  the facade, `index.service.Newsdesk`, runs every search)
    sentences   every sentence of the retrieved passages described and pre-ranked
    spans       the extractive reader and the parse mark candidate answers in the best ones
    merging     equivalent candidates from many sources merged into one answer each
    decision    one learned model scores each merged answer; answer, decline or disagree
    citing      the `Answer`: phrase, sentence, citations, support, sides
    (dates      relative dates resolved against the cited article, `index.corpus.dates`)
"""

from index.answer.analysis import Analysis, Vocabulary, analyse
from index.answer.config import CONFIG, AnswerConfig
from index.answer.pipeline import Evidence, answer

__all__ = ["CONFIG", "Analysis", "AnswerConfig", "Evidence", "Vocabulary", "analyse", "answer"]
