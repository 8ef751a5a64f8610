import pytest

from index.models import Passage
from index.store.retrieval import DENSE_WEIGHT, Candidates, fuse, retrieve


def passage(pid: str) -> Passage:
    return Passage(id=pid, source=f"{pid}.txt", title=pid, paragraph=1, text=pid)


A, B, C, D = (passage(x) for x in "abcd")


def test_fusion_rewards_agreement_between_the_two_rankings():
    hits = fuse(Candidates(dense=[(A, 0.9), (B, 0.8), (C, 0.7)],
                           lexical=[(B, 9.0), (C, 5.0), (D, 1.0)]), k=4)
    assert [h.passage.id for h in hits] == ["b", "a", "c", "d"]
    # each side scaled to [0, 1] over its candidates, then weighed
    assert hits[0].score == pytest.approx(DENSE_WEIGHT * 0.5 + (1 - DENSE_WEIGHT) * 1.0)
    assert (hits[0].dense, hits[0].lexical) == (0.8, 9.0)
    assert (hits[1].dense, hits[1].lexical) == (0.9, None)
    assert (hits[3].dense, hits[3].lexical) == (None, 1.0)


def test_a_passage_one_side_ranks_far_first_stays_near_the_top():
    # the dense side's clear first, which BM25 misses (no shared word), against passages both
    # sides rank low: reciprocal-rank fusion would put it below every one of them
    low = [passage(f"p{i}") for i in range(20)]
    dense = [(A, 0.7)] + [(p, 0.3 - i * 0.001) for i, p in enumerate(low)]
    lexical = [(p, 2.0 - i * 0.01) for i, p in enumerate(low)]
    hits = fuse(Candidates(dense, lexical), k=3)
    assert "a" in [h.passage.id for h in hits]


def test_single_side_modes_rank_by_that_side_but_keep_both_scores():
    candidates = Candidates(dense=[(A, 0.9), (B, 0.8)], lexical=[(B, 5.0), (C, 1.0)])
    assert [h.passage.id for h in fuse(candidates, 3, mode="dense")] == ["a", "b"]
    lexical = fuse(candidates, 3, mode="lexical")
    assert [h.passage.id for h in lexical] == ["b", "c"]
    assert lexical[0].dense == 0.8


def test_fusion_truncates_to_k_and_breaks_ties_by_id():
    hits = fuse(Candidates(dense=[(B, 0.5)], lexical=[(A, 3.0)]), k=1)
    assert [h.passage.id for h in hits] == ["a"]


def test_unknown_mode_names_the_valid_ones():
    with pytest.raises(ValueError, match="hybrid, dense, lexical"):
        fuse(Candidates([], []), 3, mode="fancy")


def test_retrieve_asks_each_side_for_a_candidate_margin():
    asked = []

    def side(results):
        def search(question, n):
            asked.append(n)
            return results
        return search

    hits = retrieve("q", 2, side([(A, 0.9)]), side([(B, 2.0)]))
    assert asked == [30, 30]
    assert {h.passage.id for h in hits} == {"a", "b"}


def test_a_misspelt_stem_finds_the_indexed_one_an_edit_away():
    from index.models import Passage
    from index.store.lexical import LexicalIndex

    texts = ["Juvenile ctenophores reproduce.", "The broadcasters purchased four packages.",
             "A purchase was made and purchases followed.", "The purchaser paid."]
    lexical = LexicalIndex([Passage(str(i), "s.txt", "t", 1, t) for i, t in enumerate(texts)])
    assert lexical.nearest_term("purhcas") == "purchas"  # two letters swapped
    assert lexical.nearest_term("ctenophhor") == "ctenophor"  # one letter too many
    assert lexical.nearest_term("juivenil") == "juvenil"
    assert lexical.nearest_term("vancouv") is None  # nothing near: not a typo of ours
    assert lexical.nearest_term("purch") is None  # too short to guess
    assert LexicalIndex([]).nearest_term("purhcas") is None


def test_a_paragraph_is_found_by_its_articles_title_but_its_own_words_are_counted():
    from index.models import Passage
    from index.store.lexical import LexicalIndex

    lexical = LexicalIndex([
        Passage("1", "a.txt", "Court quashes scallop quota cut", 2,
                "Justice Ellen Thwaite said the ministry had given fishers nine days."),
        Passage("2", "b.txt", "Harbour dredging resumes", 1,
                "The ministry said dredging would resume in nine days."),
    ])
    assert [p.id for p, _ in lexical.search("which judge threw out the scallop quota?", 2)] \
        == ["1"]
    assert lexical.document_frequency("scallop") == 0  # in a title, not in a passage's text
    assert lexical.document_frequency("ministri") == 2


def test_a_word_is_found_in_the_form_derived_from_it_and_the_other_way():
    from index.models import Passage
    from index.store.lexical import LexicalIndex

    lexical = LexicalIndex([
        Passage("1", "a.txt", "Relief fund launched", 1,
                "The provincial government promised to match every dollar up to $5 million."),
        Passage("2", "b.txt", "Council backs funding", 1,
                "The council will match the funding for the new depot."),
        Passage("3", "c.txt", "Quota deal", 1, "Kessarian carmakers welcomed the quota."),
        Passage("4", "d.txt", "Canola", 1, "Norland canola growers welcomed the cut."),
    ])
    assert [p.id for p, _ in lexical.search("how much will the province match?", 1)] == ["1"]
    assert [p.id for p, _ in lexical.search("what did Kessaria's carmakers say?", 1)] == ["3"]
    assert lexical.document_frequency("provinci") == 1  # counted as written
    assert lexical.document_frequency("provinc") == 0


def test_a_name_asked_without_its_accents_finds_the_passage_that_prints_them():
    from index.models import Passage
    from index.store.lexical import LexicalIndex

    lexical = LexicalIndex([
        Passage("1", "a.txt", "Normans", 1, "Hervé served as a Byzantine general in the 1050s."),
        Passage("2", "b.txt", "Normans", 1, "Roussel served as a general in Asia Minor."),
    ])
    assert [p.id for p, _ in lexical.search("when did Herve serve as a general?", 1)] == ["1"]


def test_words_the_coverage_writes_as_names_are_written_so():
    from index.models import Passage
    from index.store.lexical import LexicalIndex

    texts = ["Shares in Velcor rose after the BLTC ferry sank. The board met.",
             "Analysts said Velcor would raise its bid; the BLTC fleet is old.",
             "Velcor opens this sentence, so its capital says nothing.",
             "The Competition Board opened a review, and the board of Carrowmere objected.",
             "A grey ferry left the harbour, and the board said nothing."]
    lexical = LexicalIndex([Passage(str(i), "s.txt", "t", 1, t) for i, t in enumerate(texts)])
    written = lexical.written(["velcor", "bltc", "board", "grey", "carrowmere", "unknown"])
    # twice or more, capitalised in the middle of a sentence, never in lower case: a name;
    # "board" is mostly lower case, "grey" always; "Carrowmere" is said only once
    assert written == {"velcor": "Velcor", "bltc": "BLTC"}
    assert LexicalIndex([]).written(["velcor"]) == {}


def test_a_common_word_said_only_within_longer_names_is_one_only_asked_with_them():
    from index.models import Passage
    from index.store.lexical import LexicalIndex

    texts = ["The Orsola Grey passed its last Maritime Safety Board survey, its owner said.",
             "The Maritime Safety Board has opened an inquiry into the Orsola Grey.",
             "Investors sold Shell shares; the Shell board met in The Hague."]
    lexical = LexicalIndex([Passage(str(i), "s.txt", "t", 1, t) for i, t in enumerate(texts)])
    # "safety" is said only in "Maritime Safety Board", "grey" only in "Orsola Grey"
    assert lexical.written(["safety", "survey"]) == {}
    assert lexical.written(["orsola", "grey"]) == {"orsola": "Orsola", "grey": "Grey"}
    assert lexical.written(["maritime", "safety", "board"]) == {"maritime": "Maritime",
                                                                 "safety": "Safety"}
    assert lexical.written(["shell"]) == {"shell": "Shell"}  # a name on its own
