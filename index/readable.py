"""How an answer's evidence reads for people: citation numbers and readable dates.

The command line's text output and the Discord embed both show a side of a conflict, or the
value a later article revised, as "36 buses [1] [3] (17 Jan 2026, 19 Jan 2026)".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def readable_date(published: str | None) -> str | None:
    """Return an ISO 8601 date or date-time as "17 Jan 2026"; other text as given."""
    if not published or not published.strip():
        return None
    try:
        day = dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return published.strip()
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def citation_refs(numbers: Iterable[int]) -> str:
    """Return citation numbers as "[1] [3]"."""
    return " ".join(f"[{n}]" for n in numbers)


def readable_dates(published: Iterable[str | None]) -> str:
    """Return the distinct dates, in order, as "17 Jan 2026, 19 Jan 2026"; "" when none."""
    dates = [readable_date(when) for when in published]
    return ", ".join(dict.fromkeys(when for when in dates if when))


def evidence(numbers: Iterable[int], published: Iterable[str | None]) -> str:
    """Return "[1] [3] (17 Jan 2026, 19 Jan 2026)", leaving out the dates when none is known."""
    refs, dates = citation_refs(numbers), readable_dates(published)
    return f"{refs} ({dates})".strip() if dates else refs
