"""Adding articles by URL, the parts without a network: markdown written, URLs compared, names."""

import pytest

from index.corpus.adding import (
    Clipping,
    article_path,
    escape_markdown,
    known_urls,
    normalise_url,
    render,
    save,
)
from index.corpus.files import load_file


def test_markdown_special_characters_read_back_unchanged(tmp_path):
    paragraphs = (
        "1. This line only looks like a numbered list item in the text.",
        "# This one looks like a heading but is a sentence of the article.",
        "- And this one starts with a dash, like a bullet point would.",
        "> A quoted remark from the harbour master, with a leading angle bracket.",
        "Prices rose *sharply* for snake_case_names and [bracketed] words <b>here</b>.",
        "Entities such as &amp; and &#169; stay literal, as does a back\\slash.",
        "2026) was the year the tram reached Quarry Hill, officials said again.",
    )
    clipping = Clipping("Title with *stars*", paragraphs, "https://ledger.example/x")
    text = render(clipping, "https://ledger.example/x", "2026-02-01T00:00:00+00:00")
    source = save(tmp_path, tmp_path / "web" / "x.md", text)
    (article,), skipped = load_file(tmp_path / source, tmp_path)
    assert skipped == []
    assert article.title == "Title with *stars*"
    assert article.paragraphs == paragraphs
    assert escape_markdown("plain words") == "plain words"


def test_save_refuses_text_that_would_not_read_back(tmp_path):
    text = render(Clipping("Only a title", ()), "https://a.example/", "2026-02-01")
    with pytest.raises(Exception, match="no article text found"):
        save(tmp_path, tmp_path / "web" / "a.md", text)
    assert list((tmp_path / "web").iterdir()) == []


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        ("HTTPS://Ledger.Example:443/News?id=3#top", "https://ledger.example/News?id=3"),
        ("http://ledger.example", "http://ledger.example/"),
        ("http://ledger.example:8080/a", "http://ledger.example:8080/a"),
        ("https://ledger.example/a?utm_source=rss&b=2&fbclid=x", "https://ledger.example/a?b=2"),
        ("http://[::1]:8000/a", "http://[::1]:8000/a"),
    ],
)
def test_urls_are_normalised_before_comparison(url, normal):
    assert normalise_url(url) == normal


def test_file_names_are_stable_and_readable(tmp_path):
    first = article_path(tmp_path, "https://ledger.example/news/2026/ferries?id=3")
    assert first == article_path(tmp_path, "https://LEDGER.example/news/2026/ferries?id=3#x")
    assert first.parent == tmp_path / "web"
    assert first.name.startswith("ledger-example-2026-ferries-") and first.suffix == ".md"
    assert first != article_path(tmp_path, "https://ledger.example/news/2026/ferries?id=4")


def test_known_urls_reads_front_matter_and_skips_hidden_files(tmp_path):
    (tmp_path / "a.md").write_text("---\nurl: https://x.example/a\n---\nText.\n")
    (tmp_path / "b.md").write_text("---\nurl: [not, a, url]\n---\nText.\n")
    (tmp_path / "c.md").write_text("No front matter.\n")
    (tmp_path / ".hidden.md").write_text("---\nurl: https://x.example/h\n---\nText.\n")
    assert known_urls(tmp_path) == {"https://x.example/a": "a.md"}
