import pytest

from index.corpus.chunking import chunk_article, passage_id
from index.models import Article, Passage


def article(*paragraphs: str, source: str = "buses.md") -> Article:
    return Article(
        source=source,
        title="Harbourview orders buses",
        paragraphs=paragraphs,
        url="https://example.test/buses",
        published="2026-03-12",
        outlet="Harbourview Gazette",
    )


def test_passage_id_is_a_stable_sha256():
    assert passage_id("a.txt", "Hello.") == (
        "6da9c4f626965dc2fa81867408e4a8c0276af31d16a6d51baf0a290e9e1e84ba"
    )
    assert passage_id("a.txt", "Hello.") == passage_id("a.txt", "Hello.")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("a.txt", "Hello."), ("b.txt", "Hello.")),
        (("a.txt", "Hello."), ("a.txt", "Hello!")),
        (("a.txt", "b"), ("a.txtb", "")),  # the separator keeps source and text apart
    ],
)
def test_passage_id_differs_for_different_source_or_text(first, second):
    assert passage_id(*first) != passage_id(*second)


def test_one_passage_per_paragraph_with_the_article_metadata():
    passages = chunk_article(article("The city ordered 36 buses.", "They arrive in 2027."))

    assert passages == [
        Passage(
            id=passage_id("buses.md", "The city ordered 36 buses."),
            source="buses.md",
            title="Harbourview orders buses",
            paragraph=1,
            text="The city ordered 36 buses.",
            url="https://example.test/buses",
            published="2026-03-12",
            outlet="Harbourview Gazette",
        ),
        Passage(
            id=passage_id("buses.md", "They arrive in 2027."),
            source="buses.md",
            title="Harbourview orders buses",
            paragraph=2,
            text="They arrive in 2027.",
            url="https://example.test/buses",
            published="2026-03-12",
            outlet="Harbourview Gazette",
        ),
    ]


def test_long_paragraph_is_split_at_sentence_boundaries():
    long = (
        "The mayor spoke at the depot. "  # 6 words
        "She said the buses were ordered on Thursday. "  # 8 words
        "The council will vote later. "  # 5 words
        "Work starts in June."  # 4 words
    )

    passages = chunk_article(article("Short intro.", long), max_words=14)

    assert [(p.paragraph, p.text) for p in passages] == [
        (1, "Short intro."),
        (2, "The mayor spoke at the depot. She said the buses were ordered on Thursday."),
        (2, "The council will vote later. Work starts in June."),
    ]
    assert len({p.id for p in passages}) == 3


def test_paragraph_of_exactly_max_words_is_not_split():
    text = "One two three four five. Six seven eight nine ten."

    assert [p.text for p in chunk_article(article(text), max_words=10)] == [text]


def test_over_long_sentence_becomes_its_own_part():
    runaway = "This sentence has far more than five words in it."

    passages = chunk_article(article(f"Hi there. {runaway} Bye now."), max_words=5)

    assert [(p.paragraph, p.text) for p in passages] == [
        (1, "Hi there."),
        (1, runaway),
        (1, "Bye now."),
    ]


def test_duplicate_text_gives_one_passage():
    passages = chunk_article(
        article("Share this story.", "The buses are electric.", "Share this story.")
    )

    assert [(p.paragraph, p.text) for p in passages] == [
        (1, "Share this story."),
        (2, "The buses are electric."),
    ]


def test_duplicate_sentence_runs_across_paragraphs_are_dropped():
    passages = chunk_article(
        article("Alpha beta gamma. Delta epsilon.", "Alpha beta gamma. Zeta eta."), max_words=3
    )

    assert [(p.paragraph, p.text) for p in passages] == [
        (1, "Alpha beta gamma."),
        (1, "Delta epsilon."),
        (2, "Zeta eta."),
    ]


def test_empty_article_gives_no_passages():
    assert chunk_article(article()) == []


@pytest.mark.parametrize("max_words", [0, -3])
def test_max_words_must_be_positive(max_words):
    with pytest.raises(ValueError, match="max_words must be at least 1"):
        chunk_article(article("Text."), max_words=max_words)
