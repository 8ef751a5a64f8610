"""How `newsdesk ask` shows an answer in a terminal."""

from index.cli import format_answer
from index.models import Answer, Citation, Side


def cited(n: int, quote: str, published: str | None = None) -> Citation:
    return Citation(n, f"{n}.txt", f"Article {n}", 1, quote, 0.5, published=published)


def test_text_answer_says_how_many_sources_agree_and_what_was_revised():
    answer = Answer(
        "How many buses?", True, "40 buses", "The order grew to 40 buses.", support=2,
        citations=(cited(1, "The order grew to 40 buses.", "2026-02-03T09:00:00Z"),
                   cited(2, "It ordered 36 buses.", "2026-01-17")),
        revised_from=Side("36 buses", (2,), ("2026-01-17",)),
    )
    assert format_answer(answer).splitlines() == [
        "40 buses",
        "  2 sources agree",
        "  revised from 36 buses [2] (17 Jan 2026)",
        "  “The order grew to 40 buses.”",
        "  [1] Article 1 (1.txt, paragraph 1, 2026-02-03): “The order grew to 40 buses.”",
        "  [2] Article 2 (2.txt, paragraph 1, 2026-01-17): “It ordered 36 buses.”",
    ]
    single = Answer("Q?", True, "Monday", "It reopened on Monday.", support=1)
    assert format_answer(single).splitlines() == ["Monday", "  “It reopened on Monday.”"]


def test_text_conflict_lists_each_side_with_its_citations_and_dates():
    sides = (Side("36 buses", (1, 3), ("2026-01-17", "2026-01-19")),
             Side("40 buses", (2,), (None,)))
    answer = Answer("How many buses?", True, "36 or 40 buses", conflict=True, support=2,
                    citations=(cited(1, "36."), cited(2, "40."), cited(3, "36.")), sides=sides)
    assert format_answer(answer).splitlines()[:3] == [
        "The sources disagree:",
        "  - 36 buses [1] [3] (17 Jan 2026, 19 Jan 2026)",
        "  - 40 buses [2]",
    ]
    old_style = Answer("Approved?", True, "Sources disagree", conflict=True,
                       citations=(cited(1, "Approved."), cited(2, "No vote yet.")))
    assert format_answer(old_style).splitlines() == [
        "The sources disagree:",
        "  [1] Article 1 (1.txt, paragraph 1): “Approved.”",
        "  [2] Article 2 (2.txt, paragraph 1): “No vote yet.”",
    ]
