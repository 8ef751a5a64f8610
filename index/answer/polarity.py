"""Yes/no questions: the polarity of the clause that states what is asked, over sources.

A sentence answers "did Valich agree to visit Norland?" in the clause that holds most of the
question's words, not anywhere: "Valich has accepted an invitation to visit Norland, but
neither side has proposed dates" says yes, its "neither" belonging to another clause. A clause
is a verb with its words, less the clauses it governs (`_CLAUSES`); it says no when a word of
it negates ("not", "no one", "never") or its verb denies ("refused", "failed") unless the
question asks about that very verb. The answer is the polarity of the best such clause of
the sentence, among the best about the question, that holds most of the question; the sources
whose sentences or clauses hold nearly as much of it (`conflict` of the best's) and say the
same agree, and one that says the opposite makes the sources disagree: in a clause that
holds the question's own verb, or that denies the event itself ("No vote ... has been held"
against "approved"); "the plan had not been updated" does not deny "is it being
investigated?".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from index.answer.analysis import Analysis
from index.answer.citing import Citations
from index.answer.cues import DENYING
from index.answer.parsing import Parser
from index.answer.sentences import Sentence
from index.models import Answer, Side
from index.terms import stem

NEGATIVE = frozenset("no not never none neither nor nobody nothing nowhere without n't".split())
NOTHING = frozenset("no none neither nobody nothing never".split())  # deny the event itself
_CLAUSES = frozenset({"ccomp", "advcl", "conj", "relcl", "parataxis", "csubj", "cc"})
_READ = 5  # best sentences about the question whose clauses may give the answer


@dataclass(frozen=True)
class Stance:
    """What one sentence says to a yes/no question: its clause's polarity and relevance."""

    sentence: Sentence
    negated: bool
    held: float  # the share of the question's words but its names its clause holds, by rarity
    about: float  # the same share of its whole sentence
    weighed: float  # the share of the question's words its sentence holds, as retrieval weighs
    verb: bool  # its clause holds the question's own verb (True when the question's is light)
    none: bool = False  # its clause denies that anything of the kind happened ("No vote ...")


def about_it(analysis: Analysis, sentence: Sentence, share: float) -> bool:
    """Return True when a sentence's passage holds the question's words and names."""
    text = f"{sentence.hit.passage.title}\n{sentence.hit.passage.text}"
    return analysis.coverage(text) >= share and analysis.names_share(text) >= 0.5


def stance(analysis: Analysis, sentence: Sentence, doc: Doc) -> Stance:
    """Return the polarity of the sentence's clause that holds most of the question.

    The clause is chosen by the question's words other than its names (a sentence's clauses
    share who they are about), each weighing by its rarity alone, and of a tie, by the
    question's own verb: the verb is what a yes/no question asks ("was anyone hurt at the
    depot?" is answered by "no one else was hurt", not by "a fire destroyed buses at the
    depot").
    """
    verbs = [t for t in doc if t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"aux", "auxpass"}]
    clauses = [_clause(v) for v in verbs] or [list(doc)]
    flat = _flat(analysis)
    verb = analysis.question.predicate.split()[0] if analysis.question.predicate else ""
    asked = {stem(verb)} if verb else set()
    scored = [(_held(analysis, flat, own), bool(asked & {stem(t.text) for t in own}),
               analysis.coverage(" ".join(t.text for t in own)), own) for own in clauses]
    held, verb_held, _, own = max(scored, key=lambda found: found[:3])
    negated = any(_negates(t, analysis) for t in own)
    none = any(t.lower_ in NOTHING for t in own)
    return Stance(sentence, negated, held, _held(analysis, flat, list(doc)),
                  analysis.coverage(sentence.text), verb_held or not asked, none)


def _flat(analysis: Analysis) -> dict[str, float]:
    """Return the question's words but its names, each weighing its rarity (no part of speech)."""
    question = analysis.question
    factor = dict(zip(question.terms, question.weights, strict=True))
    names = {stem(n) for n in question.names}
    return {t: w / factor.get(t, 1.0) for t, w in analysis.weights.items() if t not in names}


def _held(analysis: Analysis, weights: dict[str, float], own: list[Token]) -> float:
    """Return the weighted share of `weights`' words that a clause's words hold."""
    total = sum(weights.values())
    if not total:
        return 0.0
    held = analysis.held(" ".join(t.text for t in own))
    return sum(w for t, w in weights.items() if t in held) / total


def _clause(verb: Token) -> list[Token]:
    """Return a verb's clause: the verb and its words, less the clauses it governs."""
    own, todo = [], [verb]
    while todo:
        token = todo.pop()
        own.append(token)
        todo.extend(c for c in token.children if c.dep_ not in _CLAUSES)
    return sorted(own, key=lambda t: t.i)


def _negates(token: Token, analysis: Analysis) -> bool:
    """Return True when a word says no: a negation, or a denying verb the question lacks."""
    if token.dep_ == "neg" or token.lower_ in NEGATIVE:
        return True
    lemma = token.lemma_.lower()
    return lemma in DENYING and stem(lemma) not in analysis.weights \
        and stem(token.text) not in analysis.weights


def yes_or_no(analysis: Analysis, ranked: list[Sentence], share: float, limit: int,
              parser: Parser | None = None, conflict: float = 0.8) -> Answer | None:
    """Answer yes or no from the clauses about it, or report that sources disagree.

    Returns None when no sentence is about what the question asks. `share` is the share of
    the question's words a sentence's passage must hold; `conflict`, the share of the best
    clause's a clause of another source must hold to agree with it or to disagree.
    """
    relevant = [s for s in ranked if about_it(analysis, s, share)]
    if not relevant:
        return None
    docs = (parser or Parser()).parse([s.text for s in relevant])
    stances = [stance(analysis, s, d) for s, d in zip(relevant, docs, strict=True)]
    best = max(stances[:_READ], key=lambda st: (st.about, st.held))
    strong = [st for st in stances if st.held > 0 and (
        st.weighed >= conflict * best.weighed or st.about >= conflict * best.about
        or st.held >= conflict * best.held)]
    agree = [best, *(st for st in strong if st.negated == best.negated and st is not best)]
    other = next((st for st in strong if st.negated != best.negated and (st.verb or st.none)
                  and st.sentence.hit.passage.source != best.sentence.hit.passage.source), None)
    citations = Citations(limit)
    said = "No" if best.negated else "Yes"
    sources = len({st.sentence.hit.passage.source for st in agree})
    if other is None:
        citations.cite([st.sentence for st in agree], best.sentence.score)
        return Answer(analysis.text, True, said, best.sentence.text, False,
                      tuple(citations.items), support=sources)
    first = citations.cite([st.sentence for st in agree], best.sentence.score)
    second = citations.cite([other.sentence], other.sentence.score)
    sides = (Side(said, first, citations.published(first)),
             Side("Yes" if best.negated else "No", second, citations.published(second)))
    return Answer(analysis.text, True, "Sources disagree", best.sentence.text, True,
                  tuple(citations.items), support=sources, sides=sides)
