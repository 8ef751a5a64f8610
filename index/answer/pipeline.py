"""The answering pipeline, run one way: sentences, spans, merging, decision, the `Answer`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from rapidfuzz.distance import OSA
from spacy.tokens import Doc, Span, Token

from index.answer import citing
from index.answer.analysis import Analysis
from index.answer.choices import either_or
from index.answer.clashes import (
    NAMED_MEASURES,
    ROLE_NOUNS,
    Doer,
    acted_on,
    acts,
    acts_on,
    affirmed,
    another_instance,
    another_rank,
    another_share,
    another_sum,
    asked_figures,
    asked_instance,
    asked_kinds,
    asked_patient,
    asked_rank,
    asked_sum,
    asked_things,
    asked_years,
    asks_event_count,
    asks_passive,
    asks_past,
    called,
    charge,
    counted_apart,
    counts_a_thing,
    denied,
    departed,
    does,
    done_by_asked,
    for_another,
    held_count,
    kind_said,
    leaving,
    name_pattern,
    named_shares,
    named_thing,
    names_a_body,
    names_measure,
    names_whose,
    negated_verbs,
    never_person,
    no_holder,
    no_person,
    not_given,
    noun_owners,
    other_doer,
    other_role,
    other_years,
    phrase_names_thing,
    qualifies_another,
    ranks,
    role_nouns,
    role_qualified,
    role_qualifiers,
    said_as_excess,
    said_leaving,
    said_of_another_count,
    shared_nouns,
    still_held,
    timing_nouns,
    titles,
    will_do,
    years_before,
)
from index.answer.config import CONFIG, AnswerConfig
from index.answer.decision import DecisionModel, load_decision
from index.answer.disagreement import Disagreement, Scored, disagreement, only_earlier
from index.answer.frames import gives_reason, placed_as_reason
from index.answer.lexicon import Lexicon
from index.answer.lists import whole_list
from index.answer.merging import Merged, merge
from index.answer.parsing import Parser
from index.answer.places import (
    another_place,
    another_way,
    asked_places,
    asked_way,
    more_precise,
)
from index.answer.polarity import yes_or_no
from index.answer.profiles import profile
from index.answer.qualified import Qualifier, asked_qualifiers, qualifier_said
from index.answer.questions import (
    asks_done,
    asks_earlier,
    asks_excess,
    asks_for_year,
    asks_latest,
    asks_manner,
    asks_persons_name,
    asks_present,
    asks_score,
    asks_speed,
    costed,
    named_heads,
)
from index.answer.reading import BaseReader
from index.answer.restating import asked_heads, unrestated
from index.answer.roles import OCCUPATIONS, role_owner
from index.answer.sentences import Sentence, describe, distinct
from index.answer.spans import NAMED, mark
from index.answer.tokens import text_of
from index.answer.types import load_types, no_lift, type_inputs
from index.answer.values import (
    Value,
    money_word,
    names_moment,
    only_shares,
    same_value,
    says_amount,
    says_length,
    says_score,
    says_speed,
    says_year,
    singular_noun,
)
from index.corpus.dates import resolve_relative_dates
from index.corpus.sentences import split_sentences
from index.models import Answer, Hit
from index.terms import STOPWORDS, WORD, same_stem, stem, text_stems


@dataclass(frozen=True)
class Evidence:
    """What retrieval found for a question: the passages, the query, the sentence vectors."""

    hits: tuple[Hit, ...]  # best first
    query_vector: np.ndarray
    sentence_vectors: Mapping[str, np.ndarray]  # by passage id: a row per sentence
    cue_vector: np.ndarray | None = None  # the question's type cue (`questions.type_cue`)
    embedder: str = ""  # the model that embedded them


@dataclass(frozen=True)
class Findings:
    """What the pipeline read before deciding: ranked sentences and merged answers."""

    sentences: list[Sentence]
    merged: list[Merged]
    aside: list[Merged] = field(default_factory=list)  # set aside by a rule, still counted


def read(analysis: Analysis, evidence: Evidence, reader: BaseReader,
         config: AnswerConfig = CONFIG, lexicon: Lexicon | None = None,
         parser: Parser | None = None, ranked: list[Sentence] | None = None) -> Findings:
    """Run every stage before the decision: choose sentences, mark spans, merge.

    `ranked` is the evidence's sentences as already ranked, if a stage before read them.
    """
    ranked = _ranked(analysis, evidence) if ranked is None else ranked
    asked = asked_years(_of_story_time(analysis.text, evidence), analysis.kind)  # "in 2024":
    # not "last year (2025)"
    kept = [s for s in ranked
            if not other_years(asked, s.text, s.hit.passage.published, s.hit.passage.text)]
    groups = distinct(kept, config.sentences)
    candidates = mark(analysis, groups, reader, config, lexicon, parser)
    if analysis.kind == "date":  # "begins on Tuesday, after talks broke up on Sunday"
        candidates = [c for c in candidates if not c.another_event]
    lifts = type_lifts(analysis, evidence, lexicon, config.type_lift)
    merged = merge(analysis, candidates, config.support_coverage, lifts, lexicon,
                   config.unit_synonym)
    aside: list[Merged] = []
    read_texts = [g[0].text for g in groups]  # parsed by `mark`: the parses are cached
    persons_name = asks_persons_name(analysis.text) or (  # "the name of the man who died?",
        analysis.kind == "person" and analysis.question.lemma in PERSONS_ACTS)  # "who was
    # skippering the ferry?": not "Dunmarrow", where it sailed from, nor its operator
    role = analysis.question.role or analysis.question.held  # "who chairs ...?": its chair
    parser = parser or Parser()
    docs = parser.parse(read_texts) if role or persons_name else []
    question = parser.parse([analysis.query])[0]  # "carrowmere" written "Carrowmere"
    if role:
        merged = _untitled_dropped(role, merged)
        aside = [m for m in merged if _another_role(role, m, read_texts, docs)]
        if whose := role_qualifiers(question, role):  # "who is the US president?": not
            # "Chinese President Xi Jinping"
            aside += [m for m in merged if _anothers_holder(m, role, whose, parser, docs)]
            articles = _retrieved_articles(evidence.hits, headlines=True)
            if any(names_whose(text, whose) for text in articles.values()):  # nor a prime
                # minister whose articles never name Vastrenia, asked Vastrenia's
                aside += [m for m in merged if m.value.kind in {"name", "text"} and not any(
                    names_whose(articles[s.hit.passage.source], whose)
                    for c in m.candidates for s in c.sentences)]
        owner = role_owner(question, role)
        if owner and any(_names_noun(text, owner) for text in read_texts):  # "the regulator's
            # chair?": not "Board chair Patrick Oyelaran" of a story with no regulator
            aside += [m for m in merged if m.value.kind in {"name", "text"} and not any(
                _names_noun(p, owner) for p in _paragraphs(m, headlines=True).values())]
    timing = [noun for noun in timing_nouns(question)
              if any(_names_event(text, noun) for text in read_texts)]
    if timing:  # "how many were hurt after the grounding?": not two hurt in a rockfall, whose
        # article, of what was retrieved of it, never names a grounding
        articles = _retrieved_articles(evidence.hits, headlines=True)
        aside += [m for m in merged if any(not any(
            _names_event(articles.get(source, ""), noun) for source in m.sources)
            for noun in timing)]
    for owner in noun_owners(question):  # "when did the dockworkers' strike end?": not the
        # nurses' strike's end, where nothing around names dockworkers
        if any(_names_noun(text, owner) for text in read_texts):
            aside += [m for m in merged if not any(
                _names_noun(p, owner) for p in _paragraphs(m, headlines=True).values())]
    if analysis.kind == "organisation" and analysis.question.focus:  # "which group hacked
        aside += _not_so_called(analysis.question.focus, merged)  # it?": "The hacking group
        # Sable Moth", not "The Tarvesian Consumers' Council" beside it
    if analysis.kind == "person":  # "who's running Metro?": not the chief who resigned
        aside += _by_tenure(analysis, merged, evidence, parser)  # "who quit?": only who did
        # nor "Port Allard Transit runs about 140 buses", nor "Finance" of "Finance Minister"
        aside += [m for m in merged if _no_holder(m, parser)]
        aside += [m for m in merged  # "Office" of "the Office of the Data Commissioner"
                  if m.value.kind == "name" and any(names_a_body(s) for s in _spans(m, parser))]
        things = asked_things(question, (
            *analysis.question.role.split(), *analysis.question.held.split(),
            analysis.question.focus))  # "who was skippering the ferry?": not "the ferry MV
        aside += [m for m in merged if _a_thing_asked(m, things)]  # Linnet"
    if analysis.kind in NAMED and (lemma := analysis.question.lemma) and asks_past(
            question, lemma):  # "who ran Pinmoor?": not "Solveig Lunn will run Pinmoor"
        aside += [m for m in merged if (spans := _spans(m, parser)) and all(
            will_do(span, lemma) for span in spans)]
    if analysis.kind in {"person", "organisation"} and (patient := asked_patient(question)):
        # "who runs the health board?": not "the six hospitals" the board runs
        aside += [m for m in merged if _done_by_asked(m, *patient, parser)]
    if analysis.kind in {"count", "money"}:  # "how many died?" is not answered by "MV Linnet
        # sank in 1994", nor "what was Qorvane's profit?" by "cut prices on most of its range",
        # nor "how many died when it sank in 1988?" by the "1988" it names itself, nor "what
        # was its profit?" by "grew only 6 per cent"
        figures = asked_figures(analysis.text)
        aside += [m for m in merged if not says_amount(m.value) or only_shares(m.value)
                  or _restated(m.value, figures)]
    if analysis.kind == "percent":  # "what surtax do cars above the quota pay?": not "full"
        aside += [m for m in merged if not says_amount(m.value)]
        if focus := analysis.question.focus:  # nor "4.9 per cent" of "a tariff of 4.9 per cent
            # rather than the 70 per cent surtax", where a sentence gives the surtax a share
            aside += _shares_of_another(merged, focus, parser)
    if analysis.kind == "duration":  # "how long did they meet for?": not "last" nor "Sunstone
        # Hall"
        aside += [m for m in merged if not says_amount(m.value) and not says_length(m.value)]
    if analysis.kind in _AMOUNT_KINDS and not asks_earlier(analysis.text):  # "how much would
        # the offer cost?": not "$68 million" of "$96 million, compared with $68 million for
        # its original offer"; "how big is the stake?": not "up from 11.6 per cent a week ago"
        aside += [m for m in merged if _set_against(m) or only_earlier(m)]
    if asks_score(analysis.text):  # "final score of the rovers game?": "2-1", not "seven"
        aside += [m for m in merged if not says_score(m.value)]
    if asks_speed(analysis.text):  # "how strong were the gusts?": "110 km/h", not "250
        # passengers" (words may say it: "quickly")
        aside += [m for m in merged if m.value.kind in _MEASURED and not says_speed(m.value)]
    if asks_excess(analysis.text):  # "how much over budget?": "an extra $26.4 million", not
        # "taking the budget to $188.4 million"
        aside += [m for m in merged if not any(said_as_excess(s.text, c.text)
                                               for c in m.candidates for s in c.sentences)]
    if asks_for_year(analysis.text):  # "what year did she perform the roles?": not "theater"
        aside += [m for m in merged if not says_year(m.value)]
    if analysis.kind == "reason":  # "why ...?": not "hospitals", not "after the warning"
        aside += [m for m in merged if not gives_reason(m.value.text)]
    if analysis.kind == "duration":  # "how long was the strike to last?": not "7am on Thursday"
        aside += [m for m in merged if names_moment(m.value)]
        asked_stems = frozenset(analysis.weights)  # "how long did the strike last?": not
        aside += [m for m in merged if _qualifies_another(m, asked_stems, parser)]  # "two-year"
        # of "a two-year pay deal"
    if not (analysis.question.alternatives or analysis.question.described):
        # "polynomial-time reduction" for "polynomial time reductions are an example of
        # what?"; an either-or question offers its answers, and "who is Teodor Valich?" is
        # declined when the name itself is the likeliest answer
        aside += [m for m in merged if analysis.repeats(m.value.text) or (
            m.value.kind == "name" and analysis.repeats(" ".join(m.value.words)))]  # "Alexius
        # Komnenos" of "Byzantine general Alexius Komnenos" for "who ruined Alexius
        # Komnenos's plans?"
    if persons_name:  # not "his car", nor "Crane's Ferry", a place
        aside += [m for m in merged if m.value.kind != "name" or never_person(
            m.value.words, [c.type for c in m.candidates], read_texts, docs)]
    instance = asked_instance(question)
    if instance is not None:  # "how long was the first strike?": not "would strike again"
        aside += [m for m in merged if _another_instance(m, instance, parser)]
    if (rank := asked_rank(question)) is not None:  # "canada's biggest trading partner?":
        # not "China" of "China, its second-largest trading partner"
        aside += [m for m in merged if _ranked_otherwise(m, rank, parser)]
    if negated := negated_verbs(question):  # "When didn't Kublai ban the slave trade?":
        # not "1291" of "Kublai banned the slave trade in 1291"
        aside += [m for m in merged if _affirmed(m, negated, parser)]
    elif lemma := analysis.question.lemma:  # "what do Acts begin with?": not "a conventional
        # enacting formula" of "Acts ... do not begin with a conventional enacting formula"
        aside += [m for m in merged
                  if all(denied(doc, lemma) for doc in _stating(m, parser))]
    counted = analysis.question.counted
    if counted and (kinds := asked_kinds(question, counted)):  # "how many hydrogen buses
        # did it order?": not "120 electric buses"
        aside += [m for m in merged if _another_kind(m, counted, kinds, parser)]
    if counted and analysis.kind == "count" and not money_word(counted):  # "how many
        # customers were locked out?": not "pay 50 crowns"
        aside += [m for m in merged if _sum_of_money(m.value)]
    if analysis.kind == "money":  # "how much did the ferries cost?": not "2.3 million" of
        # "carried 2.3 million passengers"
        aside += [m for m in merged
                  if (m.value.kind == "number" or (m.value.kind == "money" and not m.value.unit))
                  and any(counts_a_thing(span) for span in _spans(m, parser))]
    if counted and analysis.kind in {"count", "quantity"}:  # "how many branches?": not "2.3
        # million customers" of "has about 2.3 million customers and 71 branches"
        aside += [m for m in merged if _counted_apart(m, counted, parser)]
    if counted and analysis.kind == "count" and any(  # "how many passengers does it carry?":
            _names_noun(text, counted) for text in read_texts):  # not "120 Brightwell buses",
        # where sentences read say passengers
        aside += [m for m in merged if _counts_another(m, counted)]
    if analysis.kind == "count" and (lemma := analysis.question.lemma):  # "how many are still
        # missing?": not "Thirty-nine people" of "... are confirmed dead and thirteen are
        # still missing"
        aside += [m for m in merged if _said_of_another_count(m, lemma, parser)]
    if analysis.kind == "count" and asks_event_count(question, analysis.question.lemma):
        # "how many customers were hit?": not "about 2.3 million" of "Amberlyn has about 2.3
        # million customers"
        aside += [m for m in merged if (spans := _spans(m, parser)) and all(
            _a_total(span) for span in spans)]
    if analysis.kind in {"money", "quantity"}:  # "how much do survivors get?": not "25,000
        # crowns to the family of each person who died", beside "5,000 crowns to each survivor"
        stems = frozenset(analysis.weights)
        aside += [m for m in merged if m.value.kind == "money" and (
            spans := _spans(m, parser)) and all(for_another(span, stems) for span in spans)]
    if analysis.kind == "money" and (thing := costed(analysis.text)) and any(
            _names_noun(text, thing) for text in read_texts):  # "how much will the
        # electrolyser cost?": not "$19 million" of the refuelling station beside it
        aside += [m for m in merged if _costs_another(m, thing)]
    if qualifiers := asked_qualifiers(question):  # "the 12 academies": not "16 national
        # science academies"; "the Spanish Parliament": not "the Scottish Parliament"
        aside += [m for m in merged if _qualified_otherwise(m, qualifiers, parser)]
    if analysis.kind == "quantity" and counted:  # "how much snow fell?": not "12 per cent"
        aside += [m for m in merged if _share_of_another(m, counted)]  # of a duty
    if analysis.kind == "place" and (way := asked_way(analysis.text)):  # "where was it
        # bound?": not "Dunmarrow" of "sailed from Dunmarrow"
        aside += [m for m in merged if _another_way(m, way, parser)]
    if heads := named_heads(question):  # "when is the Members Debate held?": not "May 2012"
        # of a church conference, where nothing around names a debate
        read_of = _retrieved_articles(evidence.hits)
        aside += [m for m in merged if _name_unsaid(m, heads, read_of)]
    if places := asked_places(question):  # "who used them in England?": not "In southern
        # Italy, the Normans used them"
        aside += [m for m in merged if _another_place(m, places, parser)]
    if analysis.question.doers:  # "how many buses did Harrowgate order?": not "Port Allard
        # Transit has ordered 40", when nothing stating the answer names Harrowgate
        aside += [m for m in merged if _another_doer(m, analysis.question.doers, parser)]
    if analysis.kind == "date" and analysis.question.doers and not asks_passive(question) and (
            acts_on(question, analysis.question.lemma)):
        # "when did Amberlyn tell the watchdog?": not "the watchdog opened an inquiry into
        # Amberlyn on Thursday"
        aside += [m for m in merged if (spans := _spans(m, parser)) and all(
            acted_on(span, analysis.question.doers) for span in spans)]
    if analysis.kind in _AMOUNT_KINDS and not asked and not _ANY_TIME.search(analysis.text):
        # "how much snow fell?": not "the record ... is 44 cm, set in January 1996"
        aside += [m for m in merged if _years_before(m, parser)]
    measure = asked_sum(question)
    if analysis.kind in {"money", "quantity"} and measure:  # "what profit did it make?": not
        # "reported turnover of 1.6 billion crowns"
        aside += [m for m in merged if _another_sum(m, measure, parser)]
    if measure in NAMED_MEASURES:  # "what was its profit?": not "set aside 95 million crowns",
        # where nothing says profit
        aside += [m for m in merged if m.value.kind in {"money", "number"} and not any(
            names_measure(text_of(span.doc), measure) and not another_sum(span, measure)
            for span in _spans(m, parser))]
    if shares := named_shares(question):  # "what will the 5.6% deal cost?": not "$96m" of
        # "the 4.5% offer"
        aside += [m for m in merged if _of_another_share(m, shares, parser)]
    # "did not give a sales target for 2026" for "what is its sales target for 2026?"
    not_given = [m for m in merged if _not_given(m, analysis.weights, parser)]
    if withheld := _withheld(not_given, parser):  # nor "countries" of "but analysts expect
        # growth to slow as more countries raise tariffs": only another sentence that names
        # the sales target may give it
        saying = {t for m in not_given for t in m.texts}
        aside += [m for m in merged if not any(withheld <= text_stems(t)
                                               for t in m.texts if t not in saying)]
    aside += not_given
    if analysis.kind == "other" and asks_manner(analysis.text):  # "how are they chosen?":
        # not "73"
        aside += [m for m in merged if m.value.kind in _MEASURED]
    if analysis.kind == "other" and analysis.text.lower().startswith(("what ", "which ")):
        # "what will the quota rules say?": not "before any tariff cuts take effect"
        aside += [m for m in merged if _says_when(m)]
    if analysis.kind in _TYPED_KINDS and (lemma := analysis.question.lemma):  # "when was the
        # captain arrested?": not "Police have arrested the captain of the ferry ...", a
        # clause that states the asked act instead of its time
        aside += [m for m in merged if m.value.kind == "text" and _states_act(m, lemma, parser)]
    if analysis.kind == "date":  # nor "ferry that capsized on Lake Brennoch on Saturday", a
        # clause around another act's date
        aside += [m for m in merged if m.value.kind == "text" and _dated_clause(m, parser)]
    if asks_done(analysis.text):  # "how much was it fined?": not "can fine up to 4 per cent"
        aside += [m for m in merged if all(c.possible for c in m.candidates)]
    aside = list({id(m): m for m in aside}.values())  # set aside by two rules: counted once
    answers = [m for m in merged if not any(m is a for a in aside)]
    # an answer set aside that another reading keeps is no evidence against it
    aside = [a for a in aside if not any(same_value(a.value, m.value) for m in answers)]
    return Findings(ranked, answers, aside)


_MEASURED = frozenset({"number", "percent", "money", "date", "time"})  # a value's kinds


def _states_act(merged: Merged, lemma: str, parser: Parser | None) -> bool:
    """Return True when every way the answer is written holds the asked verb, as a verb."""
    spans = _spans(merged, parser)
    return bool(spans) and all(any(t.lemma_.lower() == lemma and t.pos_ == "VERB" for t in span)
                               for span in spans)


def _dated_clause(merged: Merged, parser: Parser | None) -> bool:
    """Return True when every way the answer is written is a clause holding a date or time."""
    spans = _spans(merged, parser)
    return bool(spans) and all(
        any(t.pos_ == "VERB" for t in span) and any(t.ent_type_ in {"DATE", "TIME"} for t in span)
        for span in spans)


def _stating(merged: Merged, parser: Parser | None) -> list[Doc]:
    """Return the parses of the sentences that state an answer, each once."""
    texts = merged.texts
    return (parser or Parser()).parse(texts)


def _acts(merged: Merged, parser: Parser | None) -> frozenset[tuple[str, str]]:
    """Return the acts the sentences stating an answer state it in (`clashes.acts`)."""
    return frozenset().union(*(acts(span) for span in _spans(merged, parser)))


def _of_story_time(question: str, evidence: Evidence) -> str:
    """Return a question with its relative years resolved against the newest passage retrieved.

    "where did they meet last year?" asks about 2025 of coverage whose newest article is of
    2026: the story's time, not the clock's, so an answer does not change as the days pass.
    """
    newest = max((h.passage.published for h in evidence.hits if h.passage.published),
                 default=None)
    return resolve_relative_dates(question, newest) if newest else question


def _another_instance(merged: Merged, instance: tuple[str, int], parser: Parser | None) -> bool:
    """Return True when every sentence stating the answer speaks of another instance only."""
    return all(another_instance(doc, instance) for doc in _stating(merged, parser))


def _ranked_otherwise(merged: Merged, rank: tuple[str, int], parser: Parser | None) -> bool:
    """Return True when the sentences stating an answer rank the asked noun otherwise.

    "China, its second-largest trading partner" for the biggest (`clashes.another_rank`).
    Sentences that never rank the noun ("Carney arrived in China", "its dominant trading
    partner, Caldoria") say nothing either way.
    """
    ranking = [doc for doc in _stating(merged, parser) if ranks(doc, rank[0])]
    return bool(ranking) and all(another_rank(doc, rank) for doc in ranking)


def _counted_apart(merged: Merged, counted: str, parser: Parser | None) -> bool:
    """Return True when every sentence stating a count counts the asked noun by another number."""
    if merged.value.kind != "number":
        return False
    return all(counted_apart(doc, merged.value.text, counted) for doc in _stating(merged, parser))


def _counts_another(merged: Merged, counted: str) -> bool:
    """Return True when an answer counts another noun than the asked.

    A count whose noun is neither the asked one nor near it (`unit_other`: "buses" for
    "passengers") counts something else, where the coverage read names the asked noun (else
    the question may say it otherwise: "miners" of "640 workers walked off the job" at a
    mine). Asked how many of a plural noun, its sentence may name that noun too: "six
    hospitals" of "Midwives at the six hospitals were also left out" counts no midwives.
    A noun a tally is of ("the death toll": "death") is looser: a count from sentences
    that say it ("Thirty-nine people" beside "the death toll") may be the tally.
    """
    if not merged.features.get("unit_other"):
        return False
    return singular_noun(counted.lower()) != counted.lower() or not any(
        _names_noun(text, counted) for text in merged.texts)


def _costs_another(merged: Merged, thing: str) -> bool:
    """Return True when no sentence stating a sum names the thing whose cost is asked.

    Where the coverage read names it elsewhere (`costed`); a sentence that says "it" costs the
    sum ("It will cost $19 million") may speak of the thing named before it.
    """
    return not any(_names_noun(text, thing) or _IT_COSTS.search(text) for text in merged.texts)


_IT_COSTS = re.compile(r"\b(?:it|this|that|they|which)\b(?:\s+\w+){0,3}?\s+(?:cost|costs|costing|"
                       r"priced)\b", re.IGNORECASE)


def _names_event(text: str, noun: str) -> bool:
    """Return True when a text names an event by a noun or a word formed from it.

    "after the merger" is said by "the merged company"; "the grounding" not by "ground".
    """
    if len(noun) < 5:
        return _names_noun(text, noun)
    root = noun.lower()[:-1]
    return any(word.lower().startswith(root) for word in WORD.findall(text))


def _names_noun(text: str, noun: str) -> bool:
    """Return True when a text names a noun, singular or plural ("miners", not "Minerals")."""
    one = singular_noun(noun.lower())
    return any(singular_noun(word.lower()) == one for word in WORD.findall(text))


# Kinds of amount; words of a question that asks about any time, not the story's own.
_AMOUNT_KINDS = frozenset({"count", "quantity", "money", "percent"})
# Kinds of question answered by a value of their own: a date, an amount, a place (a name may
# come with the clause that says what its holder does: "Priyanka Shaw, who runs ...").
_TYPED_KINDS = frozenset({*_AMOUNT_KINDS, "date", "duration", "place", "ordinal"})
_ANY_TIME = re.compile(r"\b(?:record|ever|history|historic|previous|previously|all-time|"
                       r"earlier|before|last time|first time|since|used to|originally)\b",
                       re.IGNORECASE)


def _years_before(merged: Merged, parser: Parser | None) -> bool:
    """Return True when every sentence stating an answer dates it before its article's year."""
    published = {s.text: s.hit.passage.published for c in merged.candidates for s in c.sentences}
    spans = _spans(merged, parser)
    return bool(spans) and all(years_before(span, published[text_of(span.doc)]) for span in spans)


def _another_kind(merged: Merged, counted: str, kinds: tuple[str, ...],
                  parser: Parser | None) -> bool:
    """Return True when the sentences stating the answer count another kind, never the asked.

    Or count them all, where nothing around says the asked kind (`kind_said`). Those that never
    name the counted noun say nothing ("38,000 cars is not a huge number" beside
    "Kessarian-built EVs inside the annual quota of 38,000").
    """
    docs, paragraphs = _stating(merged, parser), _paragraphs(merged)
    around = dict(zip(paragraphs, (parser or Parser()).parse(list(paragraphs.values())),
                      strict=True))
    said = {kind_said(doc, counted, kinds, around[text_of(doc)]) for doc in docs}
    return "asked" not in said and bool(said & {"other", "every"})


def _qualified_otherwise(merged: Merged, asked: tuple[Qualifier, ...],
                         parser: Parser | None) -> bool:
    """Return True when the sentences stating the answer qualify an asked noun otherwise.

    "16 national science academies" for "12 national science academies", "the Scottish
    Parliament" for "the Spanish Parliament" (`qualifier_said`), and none says the asked one.
    """
    paragraphs, headlines = _paragraphs(merged), _paragraphs(merged, headlines=True)
    docs = _stating(merged, parser)
    for qualifier in asked:
        said = {qualifier_said(doc, qualifier, (headlines if qualifier.sort == "model"
                                                else paragraphs)[text_of(doc)]) for doc in docs}
        if "other" in said and "asked" not in said:
            return True
    return False


def _paragraphs(merged: Merged, headlines: bool = False) -> dict[str, str]:
    """Return the paragraph (or paragraphs, one a line) of each sentence stating an answer.

    With `headlines`, each paragraph follows its article's headline.
    """
    paragraphs: dict[str, list[str]] = {}
    for sentence in (s for c in merged.candidates for s in c.sentences):
        passage = sentence.hit.passage
        paragraphs.setdefault(sentence.text, []).append(
            f"{passage.title}\n{passage.text}" if headlines else passage.text)
    return {text: "\n".join(found) for text, found in paragraphs.items()}


def _affirmed(merged: Merged, negated: frozenset[str], parser: Parser | None) -> bool:
    """Return True when every span stating the answer is of a clause stating the negated."""
    spans = _spans(merged, parser)
    return bool(spans) and all(affirmed(span, negated) for span in spans)


def _another_way(merged: Merged, way: str, parser: Parser | None) -> bool:
    """Return True when every sentence stating a place gives it as the journey's other end."""
    return another_way(merged.value.text, way, _stating(merged, parser))


def _name_unsaid(merged: Merged, heads: tuple[tuple[str, str], ...],
                 read: Mapping[str, str]) -> bool:
    """Return True when nothing around a sentence stating the answer says a name asked.

    Not the sentence, nor its headline, nor what was retrieved of its article (`read`: "the
    flood" of a paragraph whose article names the Vell elsewhere), by the name's last word
    (`named_heads`) or a word one edit from it ("Karistadt" typed for "Karlstadt"): "May
    2012" of "the General Conference, held in May 2012" is no date of "the Members Debate".
    A name asked before a noun ("the Marlow clinic") is said again by "the clinic".
    """
    around: dict[str, list[str]] = {}
    for sentence in (s for c in merged.candidates for s in c.sentences):
        passage = sentence.hit.passage
        around.setdefault(sentence.text, [sentence.text, passage.title]).append(
            read.get(passage.source, passage.text))
    texts = ["\n".join(found) for found in around.values()]
    return any(all(not _says_name(head, noun, text) for text in texts) for head, noun in heads)


def _says_name(head: str, noun: str, text: str) -> bool:
    """Return True when a text says a name by its last word, or its noun as "the clinic"."""
    if any(_one_word(head, said) for said in text_stems(text)):
        return True
    return bool(noun) and re.search(rf"\bthe {re.escape(noun)}\b", text, re.IGNORECASE) is not None


def _retrieved_articles(hits: Iterable[Hit], headlines: bool = False) -> dict[str, str]:
    """Return the text retrieved of each article, its passages joined, by source.

    With `headlines`, each article's text opens with its headline.
    """
    parts: dict[str, list[str]] = {}
    for hit in hits:
        passage = hit.passage
        parts.setdefault(passage.source, [passage.title] if headlines else []).append(passage.text)
    return {source: "\n".join(dict.fromkeys(texts)) for source, texts in parts.items()}


def _one_word(word: str, other: str) -> bool:
    """Return True when two stems may be one word's, or one misspelt (one edit, six letters)."""
    return same_stem(word, other) or (len(word) > 5 and OSA.distance(word, other) <= 1)


def _another_place(merged: Merged, places: tuple[str, ...], parser: Parser | None) -> bool:
    """Return True when every sentence stating the answer says it of another place."""
    return all(another_place(doc, merged.value.text, places) for doc in _stating(merged, parser))


def _shares_of_another(merged: list[Merged], noun: str, parser: Parser | None) -> list[Merged]:
    """Return the shares their sentences give another charge, when one gives the asked one one.

    Asked what surtax cars pay, "4.9 per cent" of "a tariff of 4.9 per cent" and of "its
    ordinary 4.9 per cent tariff" is the tariff's where "the 70 per cent surtax" is said. A
    duty is a tariff (`clashes.charge`); a share of no charge is left alone.
    """
    asked = charge(noun)
    if not asked:
        return []
    said = {id(m): [({charge(n) for n in mine} - {""}, {charge(n) for n in others})
                    for mine, others in (shared_nouns(doc, m.value.text)
                                         for doc in _stating(m, parser))]
            for m in merged if _SHARE_SAID.search(m.value.text)}
    if not any(asked in mine | others for found in said.values() for mine, others in found):
        return []
    return [m for m in merged if any(mine for mine, _ in said.get(id(m), []))
            and not any(asked in mine for mine, _ in said[id(m)])]


def _says_when(merged: Merged) -> bool:
    """Return True when every sentence gives an answer as a clause that says when, not what.

    "any tariff cuts take effect" of "will be published before any tariff cuts take effect".
    """
    places = _places(merged)
    return bool(places) and all((_WHEN_CLAUSE.search(text[:at]) and _CLAUSE.match(text[at:]))
                                or _WHEN_OPENING.match(text[at:]) for text, at in places)


# A clause that says when, not what: "before any tariff cuts take effect".
_WHEN_CLAUSE = re.compile(r"(?i)\b(?:before|after|until|till|once|when|whenever|by the time)"
                          r"\b[^,;:.]{0,30}$")
_CLAUSE = re.compile(r"(?!\d)\w+(?:\s+\w+)+")  # words, not a date ("before 1 March")
_WHEN_OPENING = re.compile(r"(?i)(?:before|after|until|till|once|when|whenever|by the time)\s+"
                           r"(?!\d)\w+\s+\w+")
_SHARE_SAID = re.compile(r"\d\s*(?:%|per ?cent\b|percent\b)", re.IGNORECASE)


def _sum_of_money(value: Value) -> bool:
    """Return True when an answer is a sum in a currency: "$96m", "pay 50 crowns"."""
    return (value.kind == "money" and bool(value.unit)) or bool(
        re.search(r"\d", value.text) and (
            re.search(r"[$£€¥₹]\s?\d", value.text)
            or any(money_word(w) for w in WORD.findall(value.text))))


def _set_against(merged: Merged) -> bool:
    """Return True when every sentence stating a figure sets it against another as a yardstick.

    "would cost about $96 million a year, compared with $68 million for its original offer"
    gives the $68 million as what the $96 million is measured against.
    """
    places = _places(merged)
    return bool(places) and all(_AGAINST.search(text[:at]) for text, at in places)


def _said_of_another_count(merged: Merged, lemma: str, parser: Parser | None) -> bool:
    """Return True when a sentence says the asked verb of another count, and none of it.

    Sentences that say the verb of no count ("the number of confirmed dead rose to 39") say
    nothing either way.
    """
    verdicts = {said_of_another_count(span, lemma) for span in _spans(merged, parser)}
    return True in verdicts and False not in verdicts


def _a_total(span: Span) -> bool:
    """Return True when a span counts all there are: "has about 2.3 million customers".

    Or the total another count is set against: "530,000 out of about 2.3 million customers".
    """
    return held_count(span) or _AGAINST.search(span.doc.text[:span.start_char]) is not None


def _places(merged: Merged) -> list[tuple[str, int]]:
    """Return each sentence stating an answer with where each of its wordings stands in it."""
    return [(s.text, found.start()) for c in merged.candidates for s in c.sentences
            for found in re.finditer(rf"(?<!\w){re.escape(c.text)}(?!\w)", s.text)]


# Words that set a figure against another as its yardstick: "compared with $68 million".
_AGAINST = re.compile(r"\b(?:compared (?:with|to)|against|versus|vs\.?|out of) (?:the )?"
                      r"(?:about |around |roughly |some |nearly |almost )?$")


def _qualifies_another(merged: Merged, asked: frozenset[str], parser: Parser | None) -> bool:
    """Return True when a span stating an answer qualifies a noun the question lacks.

    Unless another qualifies one it names: "a 12-day strike" beside "the 12-day walkout".
    """
    spans = _spans(merged, parser)
    return any(qualifies_another(span, asked) for span in spans) and not any(
        qualifies_another(span, frozenset()) and not qualifies_another(span, asked)
        for span in spans)


def _done_by_asked(merged: Merged, lemma: str, thing: str, parser: Parser | None) -> bool:
    """Return True when a span stating an answer is what the asked thing does it to.

    Unless another span does it: "Pinmoor, which runs Amberlyn's archive" beside "Amberlyn,
    run by Pinmoor".
    """
    spans = _spans(merged, parser)
    return (any(done_by_asked(span, lemma, thing) for span in spans)
            and not any(does(span, lemma) for span in spans))


def _another_doer(merged: Merged, doers: tuple[Doer, ...], parser: Parser | None) -> bool:
    """Return True when the sentences stating the answer say another name did the asked."""
    return other_doer(doers, _stating(merged, parser))


def _another_sum(merged: Merged, asked: str, parser: Parser | None) -> bool:
    """Return True when every sentence stating a sum says it measures another thing."""
    spans = _spans(merged, parser)
    return bool(spans) and all(another_sum(span, asked) for span in spans)


def _of_another_share(merged: Merged, asked: frozenset[float], parser: Parser) -> bool:
    """Return True when every sentence stating an answer speaks of another share's thing."""
    titles = {s.text: s.hit.passage.title for c in merged.candidates for s in c.sentences}
    texts = merged.texts
    docs = parser.parse([*texts, *(titles[t] for t in texts)])
    own = named_shares(parser.parse([merged.value.text])[0], every=True)
    return all(another_share(asked, doc, title, own)
               for doc, title in zip(docs[:len(texts)], docs[len(texts):], strict=True))


# Verbs of a post only a person holds: no place nor firm skippers a ferry or chairs a meeting.
PERSONS_ACTS = frozenset("skipper captain chair coach edit pilot helm".split())


def _no_holder(merged: Merged, parser: Parser | None) -> bool:
    """Return True when every span stating an answer to "who ...?" names nobody."""
    spans = _spans(merged, parser)
    return bool(spans) and all(no_holder(span) for span in spans)


def _not_given(merged: Merged, asked: Iterable[str], parser: Parser | None) -> bool:
    """Return True when every span stating an answer says the asked was not given."""
    if not any(_NEGATION.search(s.text) for c in merged.candidates for s in c.sentences):
        return False  # most answers: no parse needed
    spans = _spans(merged, parser)
    return bool(spans) and all(not_given(span, asked) for span in spans)


_NEGATION = re.compile(r"\b(?:not|never)\b|n't", re.IGNORECASE)


def _withheld(not_given: list[Merged], parser: Parser | None) -> frozenset[str]:
    """Return the nouns (stems) of what a sentence read says was not given ("sales target").

    The nouns of the noun phrases among the spans `_not_given` found ("a sales target for
    2026" of "did not give a sales target for 2026"); not of a clause ("The judge did not
    rule on whether the cut itself was justified" withholds no thing).
    """
    return frozenset(stem(t.text) for m in not_given for span in _spans(m, parser)
                     if span.root.pos_ == "NOUN" for t in span if t.pos_ == "NOUN")


def _spans(merged: Merged, parser: Parser | None) -> list[Span]:
    """Return each way the answer is written, as a span of each sentence stating it."""
    spans = []
    for doc in _stating(merged, parser):
        for text in {c.text for c in merged.candidates}:
            found = re.search(rf"(?<![\w.,]){re.escape(text)}", text_of(doc))  # not "5,000
            # crowns" of "25,000 crowns"
            span = None if found is None else doc.char_span(*found.span(),
                                                            alignment_mode="expand")
            if span is not None:
                spans.append(span)
    return spans


def _not_so_called(noun: str, merged: list[Merged]) -> list[Merged]:
    """Return the names the coverage never calls by the asked noun, when it calls one so.

    Asked "which group says it hacked Amberlyn?", "The hacking group Sable Moth" is called a
    group; "The Tarvesian Consumers' Council" is not. Asked "who manages Rovers?", "Rovers
    manager Stuart Pell" is called one, the goal scorer named beside him is not; a role is
    called by any of its nouns (`clashes.role_nouns`: "boss", "chief executive"). A name is
    called so when a sentence stating it titles it with the noun (`clashes.titles`) or the
    noun ends it ("Sable Moth Group"). Nothing is set aside when no name is called so: most
    coverage calls nothing by the question's noun.
    """
    asked = {stem(n) for n in role_nouns(noun)}  # a role by any of its nouns: "boss", "CEO"
    names = [m for m in merged if m.value.kind == "name"]
    so_called = [m for m in names if _called(m, asked)]
    return [m for m in names if not any(m is c for c in so_called)] if so_called else []


def _untitled_dropped(role: str, merged: list[Merged]) -> list[Merged]:
    """Return the answers left when, asked for a post, the names never titled are dropped.

    Asked "who manages Rovers?", "Rovers manager Stuart Pell" says who holds the post; the goal
    scorer named beside him, titled with no role at all, is dropped, not counted in the shares
    (counted, he kept Pell under the threshold). Only when a name is titled with the post, and
    not for an occupation many hold ("which actress ...?"); a name titled with another role is
    left to `_another_role`, which sets it aside as a near miss. A phrase that names none of
    the post's titled holders is dropped too: asked "who heads the federation?", not "the
    Calvessan health ministry" beside "Federation president Lise Arnaud".
    """
    head = role.split()[-1]
    if head in OCCUPATIONS:
        return merged
    untitled = [m for m in _not_so_called(head, merged) if not _titled(m)]
    asked = {stem(n) for n in role_nouns(head)}
    holders = [m.value.words for m in merged if m.value.kind == "name" and _called(m, asked)]
    untitled += [m for m in merged if holders and m.value.kind == "text" and not any(
        name_pattern(words).search(m.value.text) for words in holders)]
    return [m for m in merged if not any(m is u for u in untitled)]


def _share_of_another(merged: Merged, counted: str) -> bool:
    """Return True for a share none of whose sentences names the noun a question counts.

    Asked "how much snow fell?", "about 12 per cent" of a sentence on a duty is no amount of
    snow; "a 25 per cent tariff" may say how much tariff.
    """
    if merged.value.kind != "percent":
        return False
    texts = merged.texts
    return not any(stem(counted) in text_stems(text) for text in texts)


def _a_thing_asked(merged: Merged, things: frozenset[str]) -> bool:
    """Return True when an answer to "who ...?" is a thing the question names.

    A phrase is when it says so (`phrase_names_thing`: "grain barge", "barge Pellow"); a name
    is when a sentence stating it calls it so too ("the barge Pellow").
    """
    if not things:
        return False
    if phrase_names_thing(merged.value.text, things):
        return True
    if merged.value.kind != "name":
        return False
    name = merged.value.words
    texts = merged.texts
    return any(named_thing(name, text) in things for text in texts)


def _titled(merged: Merged) -> bool:
    """Return True when a sentence stating a name titles it with a role."""
    name = merged.value.words
    texts = merged.texts
    return any(set(title) & ROLE_NOUNS for text in texts for title in titles(name, text))


def _called(merged: Merged, asked: set[str]) -> bool:
    """Return True when a sentence stating the answer calls its name by a noun (stems)."""
    texts = merged.texts
    name = merged.value.words
    return any(called(name, noun, texts) for noun in asked)


def _restated(value: Value, asked: frozenset[str]) -> bool:
    """Return True when every figure of an answer is one the question names itself."""
    said = asked_figures(value.text)
    return bool(said) and said <= asked


def _by_tenure(analysis: Analysis, merged: list[Merged], evidence: Evidence,
               parser: Parser | None) -> list[Merged]:
    """Return the answers the coverage says have left the post asked about, or have not.

    Asked who holds a post now (`questions.asks_present`), a person a retrieved passage says
    has left it (`clashes.departed`) is no answer. Asked who left one ("who quit as transit
    boss?"), a person none says left is none, unless a sentence stating the answer tells of
    a departure: its role's ("The managing director ... has resigned", `merging._named`). A
    phrase is judged by the people it names ("The Kelby transit board, run by Colm Ardagh").
    The whole passages are searched, not only the sentences read: the resignation is often
    told in another sentence than what the person ran.
    """
    question = analysis.question
    asked_leaving = leaving(question.lemma, question.predicate.split()[1:])
    if not asked_leaving and not asks_present(analysis.text):
        return []
    parser = parser or Parser()
    texts = list(dict.fromkeys(t for hit in evidence.hits
                               for t in split_sentences(hit.passage.text)))
    out = []
    for m in merged:
        people = _people(m, parser)
        if not people:
            continue
        left = [departed(p, parser.parse([t for t in texts if p[-1] in t.lower()]))
                for p in people]
        if asked_leaving:  # a role said to have left stands for its holder: "The managing
            stated = parser.parse(list(dict.fromkeys(  # director ... has resigned"
                s.text for c in m.candidates for s in c.sentences)))
            if not any(left) and not any(said_leaving(doc) for doc in stated):
                out.append(m)
        elif all(left):
            out.append(m)
    return out


def _people(merged: Merged, parser: Parser) -> list[list[str]]:
    """Return the people an answer names, each as its lower-case words."""
    if merged.value.kind == "name":
        return [merged.value.words]
    if merged.value.kind != "text":
        return []
    read = parser.parse(list(dict.fromkeys(s.text for c in merged.candidates
                                           for s in c.sentences)))
    found = {tuple(t.lower_ for t in e) for doc in read for e in doc.ents
             if e.label_ == "PERSON" and e.text in merged.value.text
             and not _modifies_noun(e.root)}
    return [list(words) for words in found if words]


def _modifies_noun(token: Token) -> bool:
    """Return True for a name that only qualifies a noun: "Kelby" of "the Kelby transit board"."""
    return token.dep_ == "compound" and token.head.pos_ == "NOUN"


def _another_role(role: str, merged: Merged, read_texts: list[str], docs: list[Doc]) -> bool:
    """Return True when a name's sources give it another role than the one asked about.

    Or when the role is a person's and no sentence read makes the name one (`no_person`). A
    phrase that names people is judged by them: "Halvane's first detailed response since Prime
    Minister Helena Stroud" is no commerce minister.
    """
    value = merged.value
    if value.kind not in {"name", "text"}:
        return False
    types = [c.type for c in merged.candidates]
    texts = merged.texts
    if value.kind == "text":  # "commerce ministry" is no commerce minister
        people = _people_in(value.text, docs)
        if people:  # "... since Prime Minister Helena Stroud": judged by the people it names
            return all(other_role(role, list(person), texts) for person in people)
        words = [w.lower() for w in WORD.findall(value.text) if w.lower() not in STOPWORDS]
        return no_person(role, words, types, read_texts, docs)
    name = value.words
    return other_role(role, name, texts) or no_person(role, name, types, read_texts, docs)


def _people_in(text: str, docs: list[Doc]) -> set[tuple[str, ...]]:
    """Return the people the parses name within `text`, each by its lower-case words.

    Each by its longest name: "Emeric Tarvos", not "Tarvos" of another sentence as well.
    """
    people = {tuple(t.lower_ for t in e) for doc in docs for e in doc.ents
              if e.label_ == "PERSON" and e.text in text}
    return {p for p in people if not any(p != q and set(p) < set(q) for q in people)}


def _anothers_holder(merged: Merged, role: str, whose: tuple[str, ...],
                     parser: Parser | None, read: Sequence[Doc] = ()) -> bool:
    """Return True when the sentences naming an answer give it the role of another than asked.

    Asked "who is the US president?", "Chinese President Xi Jinping" holds China's
    (`clashes.role_qualified`); a sentence that also titles him the US one keeps him. A
    phrase is judged by the people it names ("Chinese President Xi Jinping"). The sentences
    are those stating the answer and those read (`read`) that name it: asked Trennick's chair,
    "For chair Piers Haldane, the outcome is a vindication" is read beside "Piers Haldane,
    Carrowmere's chairman".
    """
    value = merged.value
    docs = _stating(merged, parser)
    if value.kind == "name":
        people = {tuple(value.words)}
    elif value.kind == "text":
        people = _people_in(value.text, docs)
    else:
        return False
    heads = role_nouns(role.split()[-1])

    def another(person: tuple[str, ...]) -> bool:  # or holds another role ("Canadian Prime
        # Minister Mark Carney" named beside him)
        naming = name_pattern(list(person))
        said = {role_qualified(doc, list(person), heads, whose, frozenset(role.split()))
                for doc in [*docs, *(d for d in read if naming.search(text_of(d)))]}
        return ("other" in said and "asked" not in said) or other_role(
            role, list(person), merged.texts)

    return bool(people) and all(another(person) for person in people)


def type_lifts(analysis: Analysis, evidence: Evidence, lexicon: Lexicon | None,
               limit: float = CONFIG.type_lift) -> dict[str, float]:
    """Return how much likelier the question makes each answer type (`index.answer.types`).

    The type cue's vector comes with the evidence, else from the lexicon. Nothing (every
    lift 0) without either, without a shipped type model, or when the question was embedded
    by another model than the one it reads.
    """
    model = load_types()
    vector, cue = evidence.query_vector, evidence.cue_vector
    embedder = evidence.embedder
    if cue is None and lexicon is not None:
        cue = lexicon.vectors([analysis.cue])[0]
        embedder = lexicon.embedder.name
    if cue is None or model is None or not model.fits(embedder, len(vector)):
        return no_lift()
    return model.lifts(type_inputs(vector, cue, analysis.kind), limit)


def answer(analysis: Analysis, evidence: Evidence, reader: BaseReader,
           config: AnswerConfig = CONFIG, model: DecisionModel | None = None,
           lexicon: Lexicon | None = None, parser: Parser | None = None) -> Answer:
    """Answer the question from the evidence, or say the coverage does not.

    The lexicon and the parser look up what the indexer kept (word vectors, parses).
    """
    model = model or load_decision()
    if analysis.kind == "yesno":
        ranked = _ranked(analysis, evidence)
        if analysis.question.alternatives:  # "yearly or spread out?": not a yes or a no
            said = either_or(analysis, ranked, config, lexicon)
        else:
            said = yes_or_no(analysis, ranked, config.yes_no_coverage, config.cited, parser,
                             config.conflict_coverage)
        return said or citing.not_found(analysis.text, ranked, config.nearest)
    ranked = None
    if analysis.question.described:  # "who is Teodor Valich?": what the coverage says he is
        ranked = _ranked(analysis, evidence)
        said = profile(analysis, ranked, config, parser)
        if said is not None:
            return said
    findings = read(analysis, evidence, reader, config, lexicon, parser, ranked)
    judged = model.judge([m.features for m in findings.merged],
                         [m.features for m in findings.aside])
    scored = [Scored(m, j.probability, j.share) for m, j in sorted(
        zip(findings.merged, judged, strict=True), key=lambda mj: -mj[1].rank)]
    if not scored or scored[0].probability < model.threshold or (
            analysis.question.described and scored[0].merged.value.kind == "name") or (
            analysis.kind == "reason" and not _given_as_reason(scored[0].merged)):
        # a name is no answer to "who is Teodor Valich?", nor a phrase its sentence gives as
        # no reason to "why?": the coverage does not say
        return citing.not_found(analysis.text, findings.sentences, config.nearest)
    disagreeing = disagreement(scored, model.threshold, config.conflict_reader_gap,
                               config.conflict_coverage, config.conflict_missing,
                               analysis.question.role, config.role_window,
                               config.conflict_ratio, asks_latest(analysis.text),
                               config.conflict_sides, analysis.weights, config.conflict_shared,
                               [_acts(s.merged, parser) if s.probability >= model.threshold
                                else frozenset() for s in scored],
                               one_story=not analysis.question.names)
    if disagreeing is not None and disagreeing.revision and any(
            still_held(span) for span in _spans(disagreeing.sides[1].merged, parser)):
        # "later than the September date the transit authority has been giving": not revised,
        # two parties' accounts
        sides = sorted(disagreeing.sides, key=lambda s: -s.probability)
        disagreeing = Disagreement(tuple(sides), revision=False)
    if disagreeing is not None and disagreeing.revision and asks_earlier(analysis.text):
        # "the original budget?": the figure the revision replaced, given alone
        return citing.answered(analysis.text, disagreeing.sides[1], config.cited)
    if disagreeing is not None:
        return citing.disagreed(analysis.text, disagreeing, config.cited)
    said = citing.answered(analysis.text, scored[0], config.cited)
    said = _shaped(said, analysis, scored[0].merged, parser or Parser())
    if analysis.kind == "place":
        precise = more_precise(said.answer, findings.sentences, parser)
        if precise is not None:
            return citing.restated(said, *precise)
    return said


def _given_as_reason(merged: Merged) -> bool:
    """Return True when a sentence stating the answer gives it as a reason (`placed_as_reason`).

    Judged on the best answer, not by setting the others aside: the phrase the reader likes
    best in a sentence whose one reason is for something else ("a large fire at a recycling
    plant" for "what caused the recycling plant fire?") says the coverage gives none.
    """
    return any(c.fit or any(placed_as_reason(s.text, c.text) for s in c.sentences)
               for c in merged.candidates)


def _shaped(said: Answer, analysis: Analysis, merged: Merged, parser: Parser) -> Answer:
    """Return the answer as an editor would put it, read in its parsed sentence.

    A question for things in the plural ("which three doctors?") gets every item of the list
    the answer begins; an answer does not end on the words its question says ("129" for "how
    many MSPs?", not "the 129 MSPs").
    """
    many = analysis.question.many and merged.value.kind in {"name", "text"}
    cut = analysis.kind not in NAMED
    if not (many or cut):
        return said
    doc = parser.parse([said.sentence])[0]
    shaped = whole_list(said.answer, doc) if many else None
    shaped = shaped or said.answer
    if cut:
        shaped = unrestated(shaped, doc, set(analysis.weights),
                            asked_heads(analysis.question)) or shaped
    return said if shaped == said.answer else replace(said, answer=shaped)


def _ranked(analysis: Analysis, evidence: Evidence) -> list[Sentence]:
    """Return every sentence of the evidence, described and ranked."""
    if not evidence.hits:
        return []
    return describe(analysis, evidence.hits, evidence.query_vector, evidence.sentence_vectors)
