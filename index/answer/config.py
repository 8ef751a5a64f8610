"""Every tunable number of the answering pipeline, in one frozen value.

The weights that combine evidence into a decision are not here: they are learned and shipped
in `index/answer/decision.json` (`bench/train_decision.py`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AnswerConfig:
    """How wide the pipeline reads, and how much of each kind it keeps."""

    passages: int = 24  # retrieved passages read sentence by sentence (`ask -k` overrides)
    per_article: int = 4  # at most this many of them from one article, so many outlets are read
    lead: int = 2  # ... besides the article's first paragraphs (its lead; a .txt's headline)
    sentences: int = 18  # best distinct sentences the reader reads (docs/benchmarks.md)
    context: int = 0  # sentences of its passage read each side of a chosen sentence (its
    # article's title is always read before it)
    parsed: int = 10  # best distinct sentences parsed for phrases (the span ranker's options)
    spans: int = 4  # reader spans per sentence considered
    phrases: int = 4  # parsed phrases per sentence considered
    unparsed: float = -4.0  # the span-ranker logit of a reader span that is no parsed phrase
    corroborating: int = 8  # passages not retrieved, found by searching for the answer's
    # value, that may cite more outlets stating it, beside those retrieved whose sentence
    # stating it was not read (`index.answer.corroboration`) ...
    corroborating_coverage: float = 0.2  # ... when their sentence holds this share of the
    # question's words that the answer's best cited sentence holds (and its names), lacking
    # no word weightier by `conflict_missing` than it lacks
    support_coverage: float = 0.5  # a source supports an answer when its sentence holds this
    # share of the question's words that the answer's surest sentence holds
    type_lift: float = 5.0  # an answer type's log-ratio (`index.answer.types`) is kept within
    # +- this: beyond it, it says no more
    unit_synonym: float = 0.7  # a count's noun this near the noun asked (embedding cosine) counts
    # the same thing ("vehicles" for "cars"); below it, something else ("countries", "buses")
    near_word: float = 0.7  # a sentence's word this near a question's word (embedding cosine)
    farther_verb: float = 0.1  # a date's verb this much less near the question's than another
    # date's verb in its sentence dates another event (`clashes.farther_dates`)
    # counts as it in the soft word coverage, by its similarity ("vehicles" for "cars": 0.88)
    nearest: int = 3  # passages cited when the coverage does not answer
    cited: int = 6  # at most this many citations for one answer or side
    yes_no_coverage: float = 0.5  # share of a yes/no question's words a sentence must hold
    scanned: int = 30  # best sentences read for the alternative an either-or question's
    # answer is (`index.answer.choices`), or for what a "who is X?" question's X is (`profiles`)
    conflict_reader_gap: float = 3.0  # another value within this many reader logits may conflict
    conflict_coverage: float = 0.8  # ... when its sentence holds this share of the best's words
    conflict_missing: float = 0.5  # ... and lacks no question word weightier by this (a share
    # of the weightiest word's weight) than the best's sentence lacks; neither holds when both
    # values are stated in one act: one verb said of this many same nouns (`clashes.one_act`)
    conflict_act_nouns: int = 2
    conflict_shared: float = 0.0  # ... and holds more than this share of the question words
    # the best's sentence holds ("takeover rules ... by June 15" shares none of "vote on 9 July")
    conflict_ratio: float = 20.0  # two amounts this many times apart count different things
    # ("$3 million" extra against a "$162 million" project), not two accounts of one; counts
    # of one crowd may differ tenfold (police and organisers), so this is set wider
    conflict_sides: int = 3  # more values than this, each read as a side, are other facts
    # (the years of a history), not accounts of one: the best is given alone
    role_window: int = 4  # two names conflict as holders of the role asked about when each is
    # this many words or fewer from it ("Trade Minister Owen Balcombe", `index.answer.roles`)


CONFIG = AnswerConfig()
