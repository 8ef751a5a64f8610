"""Cleaning of extracted article text: paragraphs, whitespace, furniture, subheadings, titles.

Every function here is pure: strings in, strings out. Furniture is what a web page wraps
around an article (ad markers, share buttons, timestamps, language pickers, image credits,
breadcrumbs, newsletter prompts, lists of links to other stories);
it is recognised only when it fills a whole line, so sentences that mention such words are
never touched. The patterns live in one table, `FURNITURE`.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable

from index.corpus.sentences import split_sentences

TITLE_MAX_CHARS = 90
HEADING_MAX_WORDS = 10
_WRAP_MIN_WIDTH, _WRAP_MAX_WIDTH = 40, 100  # the widths hard-wrapped text is wrapped at

# Zero-width and invisible characters that carry no text. ZWJ and ZWNJ (U+200D, U+200C) are
# kept on purpose: they change meaning in Persian and Indic scripts and join emoji.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_TERMINAL = re.compile("[.!?\u2026:;][\"'\u201d\u2019\u00bb)\\]]*$")  # closing quotes allowed

_LANGUAGES = (
    "English|Español|Espanol|Français|Francais|Deutsch|Italiano|Português|Portugues|Nederlands|"
    "Polski|Русский|Українська|Türkçe|Turkce|العربية|فارسی|اردو|中文|简体中文|繁體中文|日本語|"
    "한국어|हिन्दी|বাংলা|Bahasa Indonesia|Bahasa Melayu|Tiếng Việt|Svenska|Norsk|Dansk|Suomi|"
    "Ελληνικά|Čeština|Magyar|Română|עברית|ไทย|Kiswahili|Hausa|Soomaali|Afaan Oromoo"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,5})?)?"
)
_UNIT = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|[smhdwy])"
_SOCIAL = (
    r"(?:share(?: this(?: article| story| page)?| on \w+)?|save|saved|copy link|print|e-?mail|"
    r"facebook|twitter|x|whatsapp|linkedin|reddit|messenger|telegram|pinterest|bluesky|threads|"
    r"comments?|listen(?: to this article)?|follow|like|reply|tweet)"
)
_AGENCY = (
    r"(?:getty images|reuters|afp|ap(?: photo)?|epa(?:-efe)?|pa(?: media| wire)?|shutterstock|"
    r"alamy|bloomberg|anadolu(?: agency)?|associated press)"
)

# "Image: Crowds at the rally. Credit: The Courier / J. Doe": the caption is kept, as what the
# outlet says of the picture ("... celebrates his late winner"); its label and credit are not.
_CAPTION = re.compile(
    r"(?:image|photo|picture|photograph)s?\s*:\s*(?P<caption>.{1,300}?)\s*"
    r"\b(?:image |photo )?credit\s*:[^!?]{1,120}(?<![a-z]{3}\.)",  # initials, not a sentence
    re.IGNORECASE,
)

# The label of a list of links to other stories ("Related stories", "Most read", "See also").
_LINKS = (
    r"related(?: stories| articles| topics| content| links| coverage)?|more on this story|"
    r"top stories|most (?:read|popular|viewed|shared|commented)|trending(?: now)?|"
    r"read (?:more|next|also)|see also|also read|you (?:may|might) also like|"
    r"recommended(?: for you| reading)?|more (?:from|on) [^:.!?]{1,40}"
)
_LINKS_HEADING = re.compile(rf"(?:{_LINKS})\s*:?", re.IGNORECASE)


# Page furniture: (kind, pattern matched against a whole normalised line, case-insensitive).
FURNITURE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        # "ARTICLE AD BOX", "Advertisement", "Sponsored content"
        (
            "ad marker",
            r"(?:article |story )?(?:ad|advert|advertisement)(?: box| feature)?"
            r"|sponsored(?: content)?|paid (?:content|post)",
        ),
        # "Skip to content", "Story continues below advertisement", "Read more", "Back to top"
        (
            "navigation",
            r"skip to (?:main )?(?:content|navigation)|(?:story|article) continues"
            r"(?: below)?(?: advertisement)?|continue reading(?: below)?|read more|"
            r"back to top|scroll to (?:continue|top)|more on this story|related"
            r"(?: articles| stories| topics| content)?|top stories",
        ),
        # "23 hours ago", "Published 3 hours ago", "Updated 2 days ago", "just now"
        (
            "relative time",
            rf"(?:(?:published|updated|posted|last updated):?\s+)?"
            rf"(?:(?:\d+|an?|one)\s*{_UNIT}\s+ago|just now)",
        ),
        # "12 March 2026", "Published: March 12, 2026 at 9:30 am", "Updated 2026-03-12"
        (
            "dateline",
            rf"(?:(?:published|updated|posted|last updated)(?:\s+on)?:?\s+)?"
            rf"(?:(?:mon|tues|wed|thurs|fri|sat|sun)[a-z]*,?\s+)?{_DATE}",
        ),
        # "1", "12 shares", "1.2K comments"
        ("count", r"[\d.,]+\s*[km]?(?:\s+(?:shares?|comments?|likes?|views?|reactions?|replies))?"),
        # "Share", "Save", "Share this article", "Facebook · Twitter · Email"
        ("share buttons", rf"{_SOCIAL}(?:\s*[·|•,/]?\s*{_SOCIAL})*"),
        # "English (US) ·", "Español", "English | Français"
        (
            "language picker",
            rf"(?:(?:select |change |choose (?:your )?)?language:?\s*)?"
            rf"(?:(?:{_LANGUAGES})(?:\s*\([^()]{{1,30}}\))?\s*[·|•/,]?\s*)+"
            rf"|(?:select |change |choose (?:your )?)language",
        ),
        # "Image source, Getty Images", "Image caption,", "Photo: J. Doe/Reuters"
        (
            "image credit",
            r"(?:image|photo|picture|video|media)\s+(?:source|caption|credit)s?\b.*"
            r"|(?:photo|photograph|picture|image|credit)s?\s*:\s*[^.!?]{1,80}"
            r"|\(?(?:photo|photograph|picture|image)\s+(?:by|courtesy of)\b"
            r"[^.!?]{1,80}\)?",
        ),
        # "Getty Images", "AFP via Getty Images", "Reuters/Jane Doe"
        ("agency credit", rf"{_AGENCY}(?:\s*(?:/|via)\s*[^.!?]{{1,60}})?"),
        # "(Reporting by J. Doe in Paris; Editing by R. Roe)"
        (
            "agency byline",
            r"\((?:(?:additional )?reporting|writing|editing|compiled|edited)\s+by\b[^()]{1,200}\)",
        ),
        # "Most read: Metro cancels routes | Appeal nears target", "Related: ...", "See also: ..."
        ("link list", rf"(?:{_LINKS})\s*:[^.!?]*"),
        # "Harrowgate Courier | News | Transport", "NNR News · World · Business", "Home > News > UK"
        (
            "breadcrumbs",
            r"[^.!?:|·•›»>/]{1,40}(?:\s+[|·•›»>/]\s+[^.!?:|·•›»>/]{1,40}){2,}",
        ),
        # "Sign up for the Courier Sport newsletter", "Get our daily newsletter. Sign up here."
        (
            "newsletter prompt",
            r"(?=.{1,160}$)(?=.*\b(?:newsletters?|alerts?|briefings?|inbox|digest)\b)"
            r"(?:(?:sign up|subscribe|get (?:our|the)|share this (?:article|story|page))\b"
            r"|newsletter\s*:).*",
        ),
        # "·", "* * *", "---": nothing but punctuation, symbols or whitespace
        ("punctuation", r"[\W_]*"),
    )
)


def normalise_text(text: str) -> str:
    """Return `text` in NFC on one line: invisible characters gone, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    return " ".join(text.split())  # str.split() also splits on NBSP and the other Unicode spaces


def furniture_kind(line: str) -> str | None:
    """Return the kind of page furniture a normalised line is, or None for article text."""
    for kind, pattern in FURNITURE:
        if pattern.fullmatch(line):
            return kind
    return None


def is_heading(line: str) -> bool:
    """Return whether a normalised line is shaped like a heading: short, no closing punctuation."""
    return len(line.split()) <= HEADING_MAX_WORDS and not _TERMINAL.search(line)


def clean_paragraphs(paragraphs: Iterable[str], *, drop_subheadings: bool = True) -> list[str]:
    """Return the article's body paragraphs: normalised, without furniture or subheadings.

    Args:
        paragraphs: raw paragraphs (or lines) in reading order.
        drop_subheadings: drop heading-shaped lines that are followed by a body paragraph;
            turn off when the source format already marks headings (markdown, HTML).

    """
    lines = _without_link_lists([_uncaptioned(normalise_text(p)) for p in paragraphs])
    lines = [line for line in lines if line and furniture_kind(line) is None]
    return _without_subheadings(lines) if drop_subheadings else lines


def headline_and_paragraphs(paragraphs: Iterable[str]) -> tuple[str | None, list[str]]:
    """Return the leading headline of unstructured text, if it opens with one, and the body."""
    lines = clean_paragraphs(paragraphs, drop_subheadings=False)
    headline = None
    if len(lines) >= 2 and is_heading(lines[0]) and not is_heading(lines[1]):
        headline, lines = lines[0], lines[1:]
    return headline, _without_subheadings(lines)


def text_paragraphs(text: str) -> list[str]:
    """Split plain text into paragraphs: one per line, or one per block when hard-wrapped."""
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    blocks = [block for block in blocks if block]
    if _is_hard_wrapped(blocks):
        return [" ".join(block) for block in blocks]
    return [line for block in blocks for line in block]


def derive_title(paragraphs: Iterable[str]) -> str:
    """Return a readable title from the first paragraph's first sentence, at most 90 chars."""
    first = next((line for line in map(normalise_text, paragraphs) if line), "")
    if not first:
        return "Untitled"
    sentences = split_sentences(first)
    title = sentences[0] if sentences else first
    if len(title) <= TITLE_MAX_CHARS:
        return title.removesuffix(".") if not title.endswith("..") else title
    cut = title[: TITLE_MAX_CHARS - 1]
    if title[TITLE_MAX_CHARS - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-\u2013\u2014") + "…"


def _uncaptioned(line: str) -> str:
    """Return a picture's caption without its label and credit; any other line as it is."""
    caption = _CAPTION.fullmatch(line)
    return caption["caption"] if caption else line


def _without_link_lists(lines: list[str]) -> list[str]:
    """Drop the headlines listed under a "Related stories" label: links to other stories.

    A plain-text copy of a page keeps a link list as lines of headlines; they are headline-
    shaped (`is_heading`), and the list ends at the first line that is not.
    """
    out, listing = [], False
    for line in lines:
        if _LINKS_HEADING.fullmatch(line):
            listing = True
            continue
        if listing and line and is_heading(line):
            continue
        listing = listing and not line
        out.append(line)
    return out


def _without_subheadings(lines: list[str]) -> list[str]:
    """Drop heading-shaped lines that are immediately followed by a body paragraph."""
    return [
        line
        for i, line in enumerate(lines)
        if not (is_heading(line) and i + 1 < len(lines) and not is_heading(lines[i + 1]))
    ]


def _is_hard_wrapped(blocks: list[list[str]]) -> bool:
    """Return whether blank-line-separated blocks hold paragraphs wrapped over several lines.

    A wrapped line ends only where the next line's first word would not have fitted, and
    no line is wider than the wrap width (at most 100 characters).
    """
    pairs = [(line, after) for block in blocks for line, after in itertools.pairwise(block)]
    if len(blocks) < 2 or not pairs:
        return False
    width = max(len(line) for block in blocks for line in block)
    if not _WRAP_MIN_WIDTH <= width <= _WRAP_MAX_WIDTH:
        return False
    full = sum(len(line) + 1 + len(after.split()[0]) > width for line, after in pairs)
    return full >= 0.8 * len(pairs)
