import codecs
import json
import re
from pathlib import Path

import pytest

from index.corpus.files import decode_text, load_corpus, load_file
from index.errors import IngestError
from index.models import Article, Skipped
from tests.conftest import REPO, SHARED

SHARED_CORPUS = SHARED / "corpus"

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ferry timetable changes | Harbour Post</title>
<link rel="canonical" href="https://harbour-post.example/ferry">
<meta property="og:site_name" content="Harbour Post">
<meta property="article:published_time" content="2026-04-02T10:00:00Z">
<script>var tracking = "page";</script></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article><h1>Ferry timetable changes</h1>
<p>The morning ferry to Millbrook will leave at 7.15am from 6 April, the operator said.</p>
<h2>Fewer late sailings</h2>
<p>The last sailing of the day moves from <b>11pm</b> to 10pm, saving <a href="/fuel">fuel</a>.</p>
<ul><li>Weekend sailings are unchanged.</li></ul>
</article>
<footer><p>&copy; 2026 Harbour Post</p></footer><script src="/app.js"></script></body></html>
"""

NAV_ONLY_HTML = """<html><head><title>Menu</title><script>var a = 1;</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul></nav>
<script>console.log("menu");</script></body></html>
"""

GOOD_MD = """---
title: Harbourview orders 36 electric buses
url: https://gazette.example/buses
published: 2026-03-12
outlet: Harbourview Gazette
---

# A heading that is not the title

Harbourview has ordered **36 electric buses**, Mayor [Ada Quill](https://x.example) said
on *Thursday*. ![depot photo](depot.jpg)

## Council approval

- The council approved the `budget` on 10 March.
- Work starts in June.

```
code is not article text
```

| Route | Buses |
|-------|-------|
| Harbour loop | 20 |
"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def load_one(tmp_path: Path, name: str, content: str | bytes) -> tuple[list, list]:
    return load_file(write(tmp_path, name, content), tmp_path)


# --- formats -----------------------------------------------------------------------------


def test_txt_one_paragraph_per_line_with_furniture_and_derived_title(tmp_path):
    text = (
        "Advertisement\n"
        "The harbour loop gets electric buses first, the council said.\n"
        "3 hours ago\n"
        "Drivers start training in May.\n"
        "Share\n"
    )

    assert load_one(tmp_path, "loop.txt", text) == (
        [
            Article(
                source="loop.txt",
                title="The harbour loop gets electric buses first, the council said",
                paragraphs=(
                    "The harbour loop gets electric buses first, the council said.",
                    "Drivers start training in May.",
                ),
            )
        ],
        [],
    )


def test_txt_leading_headline_becomes_the_title(tmp_path):
    text = "Depot gets 18 chargers\nWork starts in June.\n\nNight charging\nIt is cheaper.\n"

    articles, _ = load_one(tmp_path, "depot.txt", text)

    assert articles[0].title == "Depot gets 18 chargers"
    assert articles[0].paragraphs == ("Work starts in June.", "It is cheaper.")


def test_txt_hard_wrapped_paragraphs_are_joined(tmp_path):
    text = (  # textwrap.fill(..., width=60)
        "The city council met on Monday evening to discuss the plan\n"
        "to replace the diesel fleet with electric buses over five\n"
        "years, starting with the harbour loop.\n"
        "\n"
        "Councillors asked how the new depot chargers would be paid\n"
        "for and when the first buses would carry passengers.\n"
    )

    articles, _ = load_one(tmp_path, "wrapped.txt", text)

    assert articles[0].paragraphs == (
        "The city council met on Monday evening to discuss the plan to replace the diesel "
        "fleet with electric buses over five years, starting with the harbour loop.",
        "Councillors asked how the new depot chargers would be paid for and when the first "
        "buses would carry passengers.",
    )


def test_txt_long_lines_with_a_trailing_furniture_block_are_not_joined(tmp_path):
    first = (
        "The city council met on Monday evening to discuss the plan to replace the diesel fleet."
    )
    second = "Councillors asked how the new depot chargers would be paid for, and by whom."
    text = f"{first}\n{second}\n\n23 hours ago\n1\n\n\nEnglish (US) ·"

    articles, _ = load_one(tmp_path, "shared-like.txt", text)

    assert articles[0].paragraphs == (first, second)


def test_txt_short_lines_in_blocks_are_not_joined(tmp_path):
    text = "First short paragraph.\nSecond one.\n\nThird paragraph here, a longer line.\n"

    articles, _ = load_one(tmp_path, "lines.txt", text)

    assert articles[0].paragraphs == (
        "First short paragraph.",
        "Second one.",
        "Third paragraph here, a longer line.",
    )


def test_md_with_front_matter(tmp_path):
    assert load_one(tmp_path, "news/buses.md", GOOD_MD) == (
        [
            Article(
                source="news/buses.md",
                title="Harbourview orders 36 electric buses",
                paragraphs=(
                    "Harbourview has ordered 36 electric buses, Mayor Ada Quill said on Thursday.",
                    "The council approved the budget on 10 March.",
                    "Work starts in June.",
                    "Route | Buses",
                    "Harbour loop | 20",
                ),
                url="https://gazette.example/buses",
                published="2026-03-12",
                outlet="Harbourview Gazette",
            )
        ],
        [],
    )


def test_md_without_front_matter_takes_the_first_h1_as_title(tmp_path):
    text = "Intro line before the heading.\n\n# Buses arrive\n\nThey are *blue*.\n\n# Later\n"

    assert load_one(tmp_path, "plain.md", text)[0] == [
        Article(
            source="plain.md",
            title="Buses arrive",
            paragraphs=("Intro line before the heading.", "They are blue."),
        )
    ]


@pytest.mark.parametrize(
    ("front_matter", "published"),
    [
        ("published: 2026-03-12T09:30:00Z", "2026-03-12T09:30:00+00:00"),
        ("published: '12 March 2026'", "12 March 2026"),
        ("date: 2026-03-11", "2026-03-11"),
        ("title: Only a title", None),
    ],
)
def test_md_published_is_stored_as_text(tmp_path, front_matter, published):
    articles, _ = load_one(tmp_path, "a.md", f"---\n{front_matter}\n---\nThe buses came.\n")

    assert articles[0].published == published


def test_html_article_with_metadata(tmp_path):
    assert load_one(tmp_path, "ferry.html", ARTICLE_HTML) == (
        [
            Article(
                source="ferry.html",
                title="Ferry timetable changes",
                paragraphs=(
                    "The morning ferry to Millbrook will leave at 7.15am from 6 April, "
                    "the operator said.",
                    "The last sailing of the day moves from 11pm to 10pm, saving fuel.",
                    "Weekend sailings are unchanged.",
                ),
                url="https://harbour-post.example/ferry",
                published="2026-04-02",
                outlet="Harbour Post",
            )
        ],
        [],
    )


def test_jsonl_one_article_per_line_and_broken_lines_skipped(tmp_path):
    lines = [
        json.dumps({"id": "wire-1", "title": "Buses", "text": "First para.\nSecond para."}),
        json.dumps(
            {
                "id": 7,
                "text": "Numbered id.",
                "url": "https://w.example/7",
                "published": "2026-03-14",
                "outlet": "Regional Wire",
            }
        ),
        '{"id": "wire-3", "text": ',
        json.dumps({"id": "wire-4", "title": "No body"}),
        "",
        json.dumps({"title": "No id", "text": "Text."}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "wire-1", "text": "Same id again."}),
        json.dumps({"id": "wire-9", "text": "Fine.", "url": ["a", "b"]}),
        json.dumps({"id": "wire-10", "text": "Share\n2 hours ago"}),
        json.dumps({"id": ["wire", 11], "text": "List id."}),
    ]

    articles, skipped = load_one(tmp_path, "wire.jsonl", "\n".join(lines) + "\n")

    assert articles == [
        Article(source="wire-1", title="Buses", paragraphs=("First para.", "Second para.")),
        Article(
            source="7",
            title="Numbered id",
            paragraphs=("Numbered id.",),
            url="https://w.example/7",
            published="2026-03-14",
            outlet="Regional Wire",
        ),
    ]
    assert skipped == [
        Skipped("wire.jsonl:3", "line 3 is not valid JSON"),
        Skipped("wire.jsonl:4", "line 4 has no text"),
        Skipped("wire.jsonl:6", "line 6 has no id"),
        Skipped("wire.jsonl:7", "line 7 is not a JSON object"),
        Skipped("wire.jsonl:8", "line 8 repeats id 'wire-1' from line 1"),
        Skipped("wire.jsonl:9", "line 9 field 'url' must be text, not list"),
        Skipped("wire.jsonl:10", "line 10 has no article text"),
        Skipped("wire.jsonl:11", "line 11 has an id that is not a string or number"),
    ]


def test_jsonl_file_without_any_json_is_one_skip(tmp_path):
    assert load_one(tmp_path, "notes.jsonl", "just some notes\nand more notes\n\n") == (
        [],
        [Skipped("notes.jsonl", "not JSON Lines: none of its 2 lines is JSON")],
    )


# --- decoding ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Café in Zürich, naïve façade.".encode("latin-1"), "Café in Zürich, naïve façade."),
        (
            "Le maire a dit « c\u2019est fini » — très bien.".encode("cp1252"),
            "Le maire a dit « c\u2019est fini » — très bien.",
        ),
        (
            "Zażółć gęślą jaźń, powiedział burmistrz.".encode("cp1250"),
            "Zażółć gęślą jaźń, powiedział burmistrz.",
        ),
        (codecs.BOM_UTF8 + "Ünïcödé text.".encode(), "Ünïcödé text."),
        (
            codecs.BOM_UTF16_LE + "Bus № 36 — électrique.".encode("utf-16-le"),
            "Bus № 36 — électrique.",
        ),
        (
            codecs.BOM_UTF16_BE + "Bus № 36 — électrique.".encode("utf-16-be"),
            "Bus № 36 — électrique.",
        ),
        ("Plain UTF-8: 36 “electric” buses.".encode(), "Plain UTF-8: 36 “electric” buses."),
    ],
)
def test_decode_text(data, text):
    assert decode_text(data) == text


def test_latin1_and_utf16_files_load(tmp_path):
    write(tmp_path, "latin.txt", "Le café a rouvert à Zürich.".encode("latin-1"))
    write(tmp_path, "utf16.txt", "Über 36 Busse wurden bestellt.".encode("utf-16"))

    articles, skipped = load_corpus(tmp_path)

    assert [a.paragraphs for a in articles] == [
        ("Le café a rouvert à Zürich.",),
        ("Über 36 Busse wurden bestellt.",),
    ]
    assert skipped == []


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04\x00\x00binary\x00zip", "binary file (not text)"),
        (bytes(range(1, 9)) * 20 + b"a few letters", "binary file (not text)"),
        (
            codecs.BOM_UTF8 + b"caf\xe9 au lait",
            "not valid UTF-8 although it starts with a UTF-8 BOM",
        ),
    ],
)
def test_decode_text_rejects_what_is_not_text(data, reason):
    with pytest.raises(IngestError, match=f"^{re.escape(reason)}$"):
        decode_text(data)


# --- bad files beside good ones ----------------------------------------------------------


def test_bad_files_are_skipped_with_reasons_while_the_rest_load(tmp_path):
    write(tmp_path, "a-good.txt", "The buses are electric.\n")
    write(tmp_path, "b-empty.txt", b"")
    write(tmp_path, "c-blank.md", "  \n\n  ")
    write(tmp_path, "d-binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with (tmp_path / "e-huge.txt").open("wb") as huge:
        huge.truncate(21 * 1024 * 1024)
    write(tmp_path, "f-bad-bom.txt", codecs.BOM_UTF8 + b"\xff\xfe broken")
    write(tmp_path, "g-broken.jsonl", '{"id": 1, "text": "Fine line."}\n{oops\n')
    write(tmp_path, "h-yaml.md", "---\ntitle: Buses\nurl: [unclosed\n---\nBody text.\n")
    write(tmp_path, "i-nav.html", NAV_ONLY_HTML)
    write(tmp_path, "j-report.pdf", b"%PDF-1.7")
    write(tmp_path, "k-unclosed.md", "---\ntitle: Buses\nBody text.\n")
    write(tmp_path, "l-list.md", "---\n- a\n- b\n---\nBody text.\n")
    write(tmp_path, "m-furniture.txt", "Advertisement\n2 hours ago\nShare\n")
    write(tmp_path, "noextension", "Some text.")
    write(tmp_path, "z-good.md", "Last *good* file.\n")

    articles, skipped = load_corpus(tmp_path)

    assert [(a.source, a.paragraphs) for a in articles] == [
        ("a-good.txt", ("The buses are electric.",)),
        ("1", ("Fine line.",)),
        ("z-good.md", ("Last good file.",)),
    ]
    assert skipped == [
        Skipped("b-empty.txt", "empty file"),
        Skipped("c-blank.md", "empty file (whitespace only)"),
        Skipped("d-binary.txt", "binary file (not text)"),
        Skipped("e-huge.txt", "file is larger than the 20 MiB limit"),
        Skipped("f-bad-bom.txt", "not valid UTF-8 although it starts with a UTF-8 BOM"),
        Skipped("g-broken.jsonl:2", "line 2 is not valid JSON"),
        Skipped(
            "h-yaml.md",
            "front matter is not valid YAML: expected ',' or ']', but got '<stream end>' (line 4)",
        ),
        Skipped("i-nav.html", "no article text found"),
        Skipped("j-report.pdf", "unsupported file type .pdf"),
        Skipped("k-unclosed.md", "front matter is not closed: no second '---' line"),
        Skipped("l-list.md", "front matter is not a YAML mapping of fields"),
        Skipped("m-furniture.txt", "no article text found"),
        Skipped("noextension", "unsupported file type (no extension)"),
    ]


def test_file_outside_the_corpus_folder_raises(tmp_path):
    path = write(tmp_path, "elsewhere/a.txt", "Text.")

    with pytest.raises(IngestError, match="is not inside the corpus folder"):
        load_file(path, tmp_path / "corpus")


def test_a_front_matter_value_holding_a_colon_is_read_whole(tmp_path):
    text = ("---\ntitle: Analysis: The fine will be the smallest part\noutlet: Ashlar Review\n"
            "published: '2025-11-28'\n---\nThe bank's bill keeps growing.\n")
    articles, skipped = load_one(tmp_path, "a.md", text)
    assert skipped == []
    assert articles[0].title == "Analysis: The fine will be the smallest part"
    assert articles[0].outlet == "Ashlar Review"
    assert articles[0].published.startswith("2025-11-28")


def test_front_matter_field_of_the_wrong_type_is_reported(tmp_path):
    assert load_one(tmp_path, "t.md", "---\ntitle: [a, b]\n---\nBody.\n") == (
        [],
        [Skipped("t.md", "front matter field 'title' must be text, not list")],
    )


# --- the corpus folder -------------------------------------------------------------------


def test_corpus_is_recursive_sorted_and_ignores_hidden_files(tmp_path):
    write(tmp_path, "b.txt", "Bee.\n")
    write(tmp_path, "a/z.txt", "Zed.\n")
    write(tmp_path, "a/b/c.md", "Sea.\n")
    write(tmp_path, ".newsdesk-feeds.json", "{}")
    write(tmp_path, ".hidden.txt", "Hidden.\n")
    write(tmp_path, ".cache/inside.txt", "Hidden too.\n")
    write(tmp_path, "a/.DS_Store", b"\x00\x01")

    articles, skipped = load_corpus(tmp_path)

    assert [a.source for a in articles] == ["a/b/c.md", "a/z.txt", "b.txt"]
    assert skipped == []


def test_same_source_twice_is_reported(tmp_path):
    write(tmp_path, "a.jsonl", json.dumps({"id": "b.txt", "text": "From jsonl."}) + "\n")
    write(tmp_path, "b.txt", "From the file.\n")

    articles, skipped = load_corpus(tmp_path)

    assert [a.paragraphs for a in articles] == [("From jsonl.",)]
    assert skipped == [Skipped("b.txt", "duplicate source: loaded once already")]


def test_missing_corpus_folder_raises(tmp_path):
    with pytest.raises(IngestError, match=r"corpus folder .*missing does not exist"):
        load_corpus(tmp_path / "missing")


def test_corpus_path_that_is_a_file_raises(tmp_path):
    path = write(tmp_path, "a.txt", "Text.")

    with pytest.raises(IngestError, match="is not a folder"):
        load_corpus(path)


def test_sample_corpus_loads_cleanly():
    articles, skipped = load_corpus(REPO / "corpus")

    assert skipped == []
    assert [(a.source, a.title, a.published, a.outlet) for a in articles] == [
        (
            "coastal-courier-budget.html",
            "Bus budget still waits for a council vote",
            "2026-03-13",
            "Coastal Courier",
        ),
        (
            "harbourview-gazette-buses.md",
            "Harbourview orders 36 electric buses",
            "2026-03-12",
            "Harbourview Gazette",
        ),
        (
            "harbourview-radio-depot.txt",
            "Quayside depot gets 18 chargers for the new buses",
            None,
            None,
        ),
        (
            "regional-wire-0412",
            "Millbrook coach factory hires 120 to build Harbourview buses",
            "2026-03-14",
            "Regional Wire",
        ),
        (
            "regional-wire-0419",
            "Harbour festival returns to Harbourview in July",
            "2026-03-16",
            "Regional Wire",
        ),
    ]
    gazette = articles[1]
    assert gazette.paragraphs[0] == (
        "Harbourview has ordered 36 electric buses to replace the oldest diesel vehicles in "
        "its fleet, Mayor Ada Quill announced on Thursday at the Quayside depot."
    )
    assert "no vote has yet been held" in articles[0].paragraphs[1]
    assert "approved the budget for the buses on 10 March" in gazette.paragraphs[2]


def test_shared_article_loads_as_one_clean_article():
    path = SHARED_CORPUS / "001_5c88e681c271383d.txt"
    if not path.is_file():
        pytest.skip(f"{path} is not beside the repository")

    articles, skipped = load_file(path, SHARED_CORPUS)

    assert skipped == []
    [article] = articles
    assert article.source == "001_5c88e681c271383d.txt"
    assert article.title == (
        "Xi Jinping meets Canadian PM Mark Carney in Beijing to launch a new strategic\u2026"
    )
    assert article.paragraphs[0].startswith("Xi Jinping meets Canadian PM Mark Carney")
    assert len(article.paragraphs) == 16
    assert "Resetting ties after years of strain" not in article.paragraphs
    assert not {"ARTICLE AD BOX", "23 hours ago", "1", "English (US) \u00b7"} & set(
        article.paragraphs
    )
