"""Citation numbers and readable dates, as the CLI and the Discord embed show them."""

import pytest

from index.readable import evidence, readable_date


@pytest.mark.parametrize(
    ("published", "shown"),
    [
        ("2026-01-17", "17 Jan 2026"),
        ("2026-02-03T09:00:00Z", "3 Feb 2026"),
        ("2025-12-31T23:30:00+01:00", "31 Dec 2025"),  # the date as the article gives it
        ("last spring", "last spring"),
        ("", None),
        (None, None),
    ],
)
def test_readable_date(published, shown):
    assert readable_date(published) == shown


def test_evidence_lists_numbers_then_distinct_known_dates():
    assert evidence((1, 3), ("2026-01-17", "2026-01-19")) == "[1] [3] (17 Jan 2026, 19 Jan 2026)"
    assert evidence((2, 4), ("2026-01-17T08:00:00Z", "2026-01-17")) == "[2] [4] (17 Jan 2026)"
    assert evidence((5,), (None,)) == "[5]"
    assert evidence((), ()) == ""
