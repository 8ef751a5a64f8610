import pytest

from index.corpus.cleaning import (
    clean_paragraphs,
    derive_title,
    furniture_kind,
    headline_and_paragraphs,
    is_heading,
    normalise_text,
    text_paragraphs,
)
from tests.conftest import SHARED

SHARED_ARTICLE = SHARED / "corpus" / "001_5c88e681c271383d.txt"


@pytest.fixture
def shared_lines() -> list[str]:
    if not SHARED_ARTICLE.is_file():
        pytest.skip(f"{SHARED_ARTICLE} is not beside the repository")
    return SHARED_ARTICLE.read_text(encoding="utf-8").splitlines()


def test_shared_article_loses_its_furniture(shared_lines):
    paragraphs = clean_paragraphs(shared_lines)

    for furniture in ("ARTICLE AD BOX", "23 hours ago", "1", "English (US) ·", ""):
        assert furniture in shared_lines
        assert furniture not in paragraphs
    for subheading in (
        "Resetting ties after years of strain",
        "Beijing sees \u2018turning point\u2019 in relations",
        "Trade diversification amid US pressure",
        "\u2018Historic gains\u2019 in a divided world",
    ):
        assert subheading in shared_lines
        assert subheading not in paragraphs
    assert paragraphs[0] == (
        "Xi Jinping meets Canadian PM Mark Carney in Beijing to launch a new strategic "
        "partnership, as Ottawa seeks to diversify trade beyond the US."
    )
    assert paragraphs[-1].startswith("China, which has also been hit by US tariffs")
    assert len(paragraphs) == 16


def test_shared_article_title_comes_from_the_standfirst(shared_lines):
    title = derive_title(clean_paragraphs(shared_lines))

    assert title == "Xi Jinping meets Canadian PM Mark Carney in Beijing to launch a new strategic…"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("ARTICLE AD BOX", "ad marker"),
        ("Advertisement", "ad marker"),
        ("Skip to content", "navigation"),
        ("Story continues below advertisement", "navigation"),
        ("23 hours ago", "relative time"),
        ("2 days ago", "relative time"),
        ("Published 3 hours ago", "relative time"),
        ("Updated: 5 mins ago", "relative time"),
        ("12 March 2026", "dateline"),
        ("Published: March 12, 2026 at 9:30 am", "dateline"),
        ("1", "count"),
        ("12 shares", "count"),
        ("1.2K comments", "count"),
        ("Share", "share buttons"),
        ("Save", "share buttons"),
        ("Facebook · Twitter · Email", "share buttons"),
        ("English (US) ·", "language picker"),
        ("Español", "language picker"),
        ("English | Français | Deutsch", "language picker"),
        ("Image source, Getty Images", "image credit"),
        ("Image caption,", "image credit"),
        ("Photo: Jane Doe/Reuters", "image credit"),
        ("Getty Images", "agency credit"),
        ("AFP via Getty Images", "agency credit"),
        ("(Reporting by Jane Doe in Paris; Editing by Richard Roe)", "agency byline"),
        ("Most read: Metro cancels routes as snow hits | Appeal nears target", "link list"),
        ("See also: The long road back", "link list"),
        ("Harrowgate Courier | News | Transport", "breadcrumbs"),
        ("NNR News · World · Business", "breadcrumbs"),
        ("Home > News > UK", "breadcrumbs"),
        ("Sign up for the Courier Sport newsletter", "newsletter prompt"),
        ("Get our daily newsletter. Sign up here.", "newsletter prompt"),
        ("Newsletter: Get the Courier's morning headlines in your inbox", "newsletter prompt"),
        ("Share this page · Sign up for NNR News alerts", "newsletter prompt"),
        ("·", "punctuation"),
        ("* * *", "punctuation"),
    ],
)
def test_furniture_is_recognised(line, kind):
    assert furniture_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell 3% on Monday.",
        "Advertisement revenue rose sharply last year.",
        "English is the language of the hearing.",
        "1 in 5 buses is electric.",
        "Getty Images said it would appeal the ruling.",
        "The council met 2 days ago to vote.",
        "Save the date: the festival opens on 18 July.",
        "(Reporting from the scene was difficult, officials said.)",
        "Sign up for the scheme opened on Monday, the ministry said.",
        "Subscribers to the newsletter rose to 40,000 this year, the paper said.",
        "The route runs Paris / Lyon / Marseille and back, the operator said.",
        "Related: the two councils share one budget, the report found.",
    ],
)
def test_sentences_that_mention_furniture_words_are_kept(line):
    assert furniture_kind(line) is None
    assert clean_paragraphs([line]) == [line]


def test_the_headlines_listed_under_a_links_label_go_with_it():
    lines = ["The council voted 9-4 for the plan.", "Share this article", "Related stories",
             "Metro board approves $162m bus order", "'It failed': residents turn on operator",
             "", "Get our daily newsletter. Sign up here."]
    assert clean_paragraphs(lines) == ["The council voted 9-4 for the plan."]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Image: Kofi Lind celebrates his late winner. Credit: The Courier / Rhian Cole",
         "Kofi Lind celebrates his late winner."),
        ("Image: Sandbags in the square. Image credit: NNR / J. Doe", "Sandbags in the square."),
        # no credit: no caption, a line like any other
        ("Image: the word the campaign used most, its strategist said, was credit: cheap credit.",
         "Image: the word the campaign used most, its strategist said, was credit: cheap credit."),
    ],
)
def test_a_caption_keeps_its_words_without_its_label_and_credit(line, kept):
    assert clean_paragraphs([line], drop_subheadings=False) == [kept]


def test_a_links_label_ends_at_the_first_line_that_is_no_headline():
    lines = ["Read more", "Fire hits depot", "The fire started at 2 a.m., officials said.",
             "Rovers win again"]
    assert clean_paragraphs(lines, drop_subheadings=False) == [
        "The fire started at 2 a.m., officials said.", "Rovers win again"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Mayor\u00a0Ada  Quill\tspoke.", "Mayor Ada Quill spoke."),
        ("zero\u200bwidth\u2060 gone\ufeff", "zerowidth gone"),
        ("Cafe\u0301 de\u0301ja\u0300 vu", "Café déjà vu"),
        ("  padded  \n  lines  ", "padded lines"),
        ("soft\u00adhyphen and\u202fnarrow space", "softhyphen and narrow space"),
    ],
)
def test_normalise_text(raw, expected):
    assert normalise_text(raw) == expected


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Resetting ties after years of strain", True),
        ("\u2018Historic gains\u2019 in a divided world", True),
        ("The council voted.", False),
        ("She called it “historic.”", False),
        ("He said:", False),
        ("one two three four five six seven eight nine ten eleven", False),
    ],
)
def test_is_heading(line, heading):
    assert is_heading(line) is heading


def test_subheading_is_dropped_only_before_a_body_paragraph():
    lines = [
        "The city ordered new buses.",
        "Section one",
        "Subsection one",
        "They arrive next year.",
        "Contact the newsroom",
    ]

    assert clean_paragraphs(lines) == [
        "The city ordered new buses.",
        "Section one",
        "They arrive next year.",
        "Contact the newsroom",
    ]
    assert clean_paragraphs(lines, drop_subheadings=False) == lines


def test_headline_is_split_from_the_body():
    lines = ["Advertisement", "Harbourview orders buses", "The city ordered buses.", "Depot", "Ok."]

    assert headline_and_paragraphs(lines) == (
        "Harbourview orders buses",
        ["The city ordered buses.", "Ok."],
    )


def test_no_headline_when_text_opens_with_a_sentence():
    assert headline_and_paragraphs(["It rained.", "Then it stopped."]) == (
        None,
        ["It rained.", "Then it stopped."],
    )


@pytest.mark.parametrize(
    ("paragraphs", "title"),
    [
        (["The council met on Monday. It voted."], "The council met on Monday"),
        (["", "  The bus left.  "], "The bus left"),
        (["Why did the buses stop? Nobody knows."], "Why did the buses stop?"),
        (
            [
                "Harbourview council has agreed a plan to replace every diesel bus in the city "
                "with an electric one before the end of the decade, officials said."
            ],
            "Harbourview council has agreed a plan to replace every diesel bus in the city "
            "with an…",
        ),
        (["x" * 120], "x" * 89 + "…"),
        ([], "Untitled"),
    ],
)
def test_derive_title(paragraphs, title):
    assert derive_title(paragraphs) == title
    assert len(title) <= 90


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("One.\nTwo.\r\n\n\nThree.\n", ["One.", "Two.", "Three."]),
        (  # wrapped at 44 columns: each line ends where the next word would not fit
            "The council met on Monday to discuss buses\n"
            "and the depot, and voted to hire drivers.\n"
            "\n"
            "Work at the Quayside depot will start in\n"
            "June and take five months to complete.",
            [
                "The council met on Monday to discuss buses and the depot, and voted to hire "
                "drivers.",
                "Work at the Quayside depot will start in June and take five months to complete.",
            ],
        ),
        (  # short lines in blocks: a heading and its paragraph, not a wrapped paragraph
            "Depot gets 18 chargers\nWork starts in June.\n\nNight charging\nIt is cheaper.",
            ["Depot gets 18 chargers", "Work starts in June.", "Night charging", "It is cheaper."],
        ),
        ("  \n\n", []),
    ],
)
def test_text_paragraphs(text, paragraphs):
    assert text_paragraphs(text) == paragraphs
