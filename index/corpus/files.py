"""Reading a corpus folder into cleaned `Article`s, one file format at a time.

Supported: `.txt` (one paragraph per line, or hard-wrapped blocks), `.md` (optional YAML front
matter), `.html`/`.htm` (main text found by trafilatura) and `.jsonl` (one article per line).
A file that cannot be read never stops the run: it comes back as a `Skipped` with the reason.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import logging
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import charset_normalizer
import trafilatura
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from index.corpus.cleaning import (
    clean_paragraphs,
    derive_title,
    headline_and_paragraphs,
    normalise_text,
    text_paragraphs,
)
from index.errors import IngestError
from index.models import Article, Skipped

if TYPE_CHECKING:
    from lxml import etree

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
MAX_FILE_BYTES = 20 * 1024 * 1024
_MAX_CONTROL_SHARE = 0.01  # decoded "text" with more control characters than this is binary
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f]")  # not tab, newline, \v, \f or \r
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])

Loaded = tuple[list[Article], list[Skipped]]


def load_corpus(corpus_dir: Path) -> Loaded:
    """Load every supported file below `corpus_dir`, in order of relative path.

    Hidden files and folders (name starting with '.') are ignored; every other file that
    cannot be loaded is reported as a `Skipped`.

    Args:
        corpus_dir: the corpus folder.

    Raises:
        IngestError: the folder does not exist or is not a folder.

    """
    if not corpus_dir.exists():
        raise IngestError(f"corpus folder {corpus_dir} does not exist")
    if not corpus_dir.is_dir():
        raise IngestError(f"corpus path {corpus_dir} is not a folder")
    paths, skipped = _corpus_files(corpus_dir)
    articles: list[Article] = []
    for path in paths:
        loaded, problems = load_file(path, corpus_dir)
        articles.extend(loaded)
        skipped.extend(problems)
    unique, duplicates = _unique_sources(articles)
    return unique, skipped + duplicates


def load_file(path: Path, corpus_dir: Path) -> Loaded:
    """Load the articles in one file; a file that cannot be read comes back as `Skipped`.

    Args:
        path: the file, inside `corpus_dir`.
        corpus_dir: the corpus folder; sources are POSIX paths relative to it.

    Raises:
        IngestError: `path` is not inside `corpus_dir`.

    """
    try:
        source = path.relative_to(corpus_dir).as_posix()
    except ValueError:
        raise IngestError(f"{path} is not inside the corpus folder {corpus_dir}") from None
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return [], [Skipped(source, f"unsupported file type {suffix or '(no extension)'}")]
    try:
        text = _read_text(path)
        if suffix == ".jsonl":
            return _read_jsonl(text, source)
        return [_READERS[suffix](text, source)], []
    except IngestError as error:
        return [], [Skipped(source, str(error))]
    except OSError as error:
        return [], [Skipped(source, f"cannot read file: {error.strerror or error}")]
    except Exception as error:  # a parser failed on odd input: report it, keep the run going
        log.warning("unexpected error reading %s", source, exc_info=True)
        return [], [Skipped(source, f"could not be read: {type(error).__name__}: {error}")]


def decode_text(data: bytes) -> str:
    """Decode file bytes: UTF-8 (BOM or not), UTF-16/32 with a BOM, else a detected encoding.

    Raises:
        IngestError: the bytes are not text.

    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8")
    if data.startswith(_UTF32_BOMS):
        return _strict(data, "utf-32")
    if data.startswith(_UTF16_BOMS):
        return _strict(data, "utf-16")
    if b"\x00" in data:
        raise IngestError("binary file (not text)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detected(data)
    if len(_CONTROL_CHARS.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise IngestError("binary file (not text)")
    return text


def has_files(corpus_dir: Path) -> bool:
    """Return True when any visible file lies below `corpus_dir` (False if it is no folder)."""
    for _, dirs, names in os.walk(corpus_dir):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        if any(not name.startswith(".") for name in names):
            return True
    return False


def _corpus_files(corpus_dir: Path) -> tuple[list[Path], list[Skipped]]:
    """Return the visible files below `corpus_dir` sorted by relative path, and unreadable dirs."""
    files: list[Path] = []
    skipped: list[Skipped] = []

    def unreadable(error: OSError) -> None:
        where = Path(error.filename).relative_to(corpus_dir).as_posix()
        skipped.append(Skipped(where, f"cannot read folder: {error.strerror or error}"))

    for root, dirs, names in os.walk(corpus_dir, onerror=unreadable):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        files.extend(Path(root, name) for name in names if not name.startswith("."))
    files.sort(key=lambda path: path.relative_to(corpus_dir).as_posix())
    return files, skipped


def _unique_sources(articles: list[Article]) -> Loaded:
    """Keep the first article for each source; report the later ones."""
    seen: set[str] = set()
    unique: list[Article] = []
    duplicates: list[Skipped] = []
    for article in articles:
        if article.source in seen:
            duplicates.append(Skipped(article.source, "duplicate source: loaded once already"))
        else:
            seen.add(article.source)
            unique.append(article)
    return unique, duplicates


def _read_text(path: Path) -> str:
    """Return a file's text, after checking its size."""
    size = path.stat().st_size
    if size == 0:
        raise IngestError("empty file")
    if size > MAX_FILE_BYTES:
        raise IngestError(f"file is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MiB limit")
    text = decode_text(path.read_bytes())
    if not text.strip():
        raise IngestError("empty file (whitespace only)")
    return text


def _strict(data: bytes, encoding: str) -> str:
    """Decode `data` that announced its encoding with a byte-order mark."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        name = encoding.upper()
        raise IngestError(f"not valid {name} although it starts with a {name} BOM") from None


def _detected(data: bytes) -> str:
    """Decode non-UTF-8 bytes in the encoding charset-normalizer finds most plausible."""
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise IngestError("binary file (not text)")
    # Short texts fit several single-byte code pages equally well; prefer cp1252, the usual
    # Western one (and what browsers use for "latin-1"), when it decodes equally plausibly.
    for match in matches:
        tied = match.chaos <= best.chaos and match.coherence >= best.coherence
        if tied and "cp1252" in match.could_be_from_charset:
            return data.decode("cp1252")
    return str(best)


def _article(source: str, title: str | None, paragraphs: list[str], **meta: str | None) -> Article:
    """Build an `Article`, deriving a title when none is given."""
    title = normalise_text(title or "")
    if title and paragraphs and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]  # the body repeats the headline
    if not paragraphs:
        raise IngestError("no article text found")
    return Article(source, title or derive_title(paragraphs), tuple(paragraphs), **meta)


def _read_txt(text: str, source: str) -> Article:
    """Read a plain-text article; a heading-shaped first line becomes the title."""
    headline, paragraphs = headline_and_paragraphs(text_paragraphs(text))
    return _article(source, headline, paragraphs)


def _read_md(text: str, source: str) -> Article:
    """Read a markdown article with optional YAML front matter."""
    meta, body = _front_matter(text)
    heading, paragraphs = _markdown_paragraphs(body)
    where = "front matter field"
    return _article(
        source,
        _text_field(meta, "title", where) or heading,
        clean_paragraphs(paragraphs, drop_subheadings=False),
        url=_text_field(meta, "url", where),
        published=_text_field(meta, "published", where) or _text_field(meta, "date", where),
        outlet=_text_field(meta, "outlet", where),
    )


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split `---` YAML front matter from a markdown body."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return {}, text
    end = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() in ("---", "...")), 0)
    if not end:
        raise IngestError("front matter is not closed: no second '---' line")
    try:
        meta = yaml.safe_load("".join(lines[1:end]))
    except yaml.YAMLError as error:
        meta = _plain_fields(lines[1:end]) if _COLON_IN_VALUE in str(error) else None
        if meta is None:
            raise IngestError(f"front matter is not valid YAML: {_yaml_detail(error)}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise IngestError("front matter is not a YAML mapping of fields")
    return meta, "".join(lines[end + 1 :])


def _plain_fields(lines: list[str]) -> dict[str, str] | None:
    """Return front matter written as plain `key: value` lines, or None if it is not.

    Hand-written front matter often holds a colon in a value that YAML reads as a nested
    mapping ("title: Analysis: The fine will be the smallest part"); each line of one field
    and its text is read as that, the value whole.
    """
    fields = {}
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _PLAIN_FIELD.match(line.rstrip("\r\n"))
        if match is None:
            return None
        value = match["value"].strip()
        if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        fields[match["key"]] = value
    return fields


_COLON_IN_VALUE = "mapping values are not allowed here"
_PLAIN_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):[ \t]+(?P<value>\S.*)$")


def _yaml_detail(error: yaml.YAMLError) -> str:
    """Return a one-line description of a YAML error, with its line number in the file."""
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    mark = getattr(error, "problem_mark", None)
    return f"{problem} (line {mark.line + 2})" if mark is not None else problem


def _markdown_paragraphs(body: str) -> tuple[str | None, list[str]]:
    """Return the first `# Heading` and the plain text of each paragraph and table row."""
    heading: str | None = None
    paragraphs: list[str] = []
    row: list[str] | None = None
    tokens = _MARKDOWN.parse(body)
    for previous, token in zip([None, *tokens], tokens, strict=False):
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            paragraphs.append(" | ".join(row))
            row = None
        elif token.type != "inline" or previous is None:
            continue
        elif previous.type == "heading_open":
            if previous.tag == "h1" and heading is None:
                heading = _inline_text(token)
        elif previous.type == "paragraph_open":
            paragraphs.append(_inline_text(token))
        elif row is not None:
            row.append(_inline_text(token))
    return heading, paragraphs


def _inline_text(token: Token) -> str:
    """Return the plain text of an inline markdown token: no markup, links keep their text."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def _read_html(text: str, source: str) -> Article:
    """Read the main article of an HTML page with trafilatura."""
    document = trafilatura.bare_extraction(
        text, with_metadata=True, favor_precision=True, include_comments=False
    )
    if document is None or document.body is None:
        raise IngestError("no article text found")
    return _article(
        source,
        document.title,
        clean_paragraphs(_html_paragraphs(document.body), drop_subheadings=False),
        url=document.url,
        published=document.date,
        outlet=document.sitename,
    )


def _html_paragraphs(body: etree._Element) -> list[str]:
    """Return the text of each paragraph, list item and table row in trafilatura's XML."""
    for line_break in body.iter("lb"):
        line_break.tail = " " + (line_break.tail or "")
    blocks = ("p", "item", "row")
    paragraphs = []
    for element in body.iter(*blocks):
        if next(element.iterancestors(*blocks), None) is not None:
            continue  # its text is part of the enclosing block
        if element.tag == "row":
            paragraphs.append(" | ".join("".join(cell.itertext()) for cell in element))
        else:
            paragraphs.append("".join(element.itertext()))
    return paragraphs


def _read_jsonl(text: str, source: str) -> Loaded:
    """Read one article per line; a broken line is skipped with its line number."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            article = _jsonl_article(line)
            if article.source in first_line:
                raise IngestError(
                    f"repeats id {article.source!r} from line {first_line[article.source]}"
                )
        except IngestError as error:
            skipped.append(Skipped(f"{source}:{number}", f"line {number} {error}"))
            continue
        first_line[article.source] = number
        articles.append(article)
    if len(skipped) > 1 and not articles and all("valid JSON" in s.reason for s in skipped):
        return [], [Skipped(source, f"not JSON Lines: none of its {len(skipped)} lines is JSON")]
    return articles, skipped


def _jsonl_article(line: str) -> Article:
    """Build the article of one JSON line; errors read as "line N <message>"."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        raise IngestError("is not valid JSON") from None
    if not isinstance(record, dict):
        raise IngestError("is not a JSON object")
    article_id = record.get("id")
    if isinstance(article_id, bool) or not isinstance(article_id, str | int | float):
        raise IngestError(
            "has no id" if article_id is None else "has an id that is not a string or number"
        )
    if not str(article_id).strip():
        raise IngestError("has no id")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise IngestError("has no text")
    meta = {key: _text_field(record, key, "field") for key in ("url", "published", "outlet")}
    title = _text_field(record, "title", "field")
    headline, paragraphs = headline_and_paragraphs(body.splitlines())
    try:
        return _article(str(article_id).strip(), title or headline, paragraphs, **meta)
    except IngestError:
        raise IngestError("has no article text") from None


def _text_field(record: dict[str, Any], key: str, where: str) -> str | None:
    """Return a metadata field as text (dates in ISO 8601), or None when absent or empty."""
    value = record.get(key)
    if isinstance(value, dt.date):  # YAML reads `published: 2026-03-12` as a date
        return value.isoformat()
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return normalise_text(str(value)) or None
    if value is None:
        return None
    raise IngestError(f"{where} '{key}' must be text, not {type(value).__name__}")


_READERS: dict[str, Callable[[str, str], Article]] = {
    ".txt": _read_txt,
    ".md": _read_md,
    ".html": _read_html,
    ".htm": _read_html,
}
