"""One wording for every screen and file: durations, dates, plurals."""

from __future__ import annotations

import datetime as dt

import pytest

from hii_planner.wording import date, day_month, hours, long_date, plural


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        pytest.param(45, "45 min", id="under-an-hour"),
        pytest.param(60, "1 h", id="one-hour"),
        pytest.param(90, "1 h 30 min", id="hour-and-a-half"),
        pytest.param(65, "1 h 5 min", id="no-leading-zero"),
        pytest.param(1545, "25 h 45 min", id="a-whole-plan"),
    ],
)
def test_durations(minutes: int, words: str) -> None:
    # Every length of time reads "25 h 45 min", whatever screen or file shows it.
    assert hours(minutes) == words


@pytest.mark.parametrize(
    ("day", "short", "long", "brief"),
    [
        pytest.param(
            dt.date(2027, 1, 4), "Mon 4 Jan 2027", "Monday 4 January 2027", "4 Jan", id="jan"
        ),
        pytest.param(
            dt.date(2026, 12, 27), "Sun 27 Dec 2026", "Sunday 27 December 2026", "27 Dec", id="dec"
        ),
    ],
)
def test_dates(day: dt.date, short: str, long: str, brief: str) -> None:
    # Dates are spelled from our own names, so they read the same in every locale.
    assert (date(day), long_date(day), day_month(day)) == (short, long, brief)


@pytest.mark.parametrize(
    ("count", "noun", "many", "words"),
    [
        pytest.param(1, "module", None, "1 module", id="one"),
        pytest.param(0, "module", None, "0 modules", id="none"),
        pytest.param(2, "session", None, "2 sessions", id="many"),
        pytest.param(3, "catch-up", None, "3 catch-ups", id="hyphenated"),
        pytest.param(2, "is", "are", "2 are", id="irregular"),
    ],
)
def test_plurals(count: int, noun: str, many: str | None, words: str) -> None:
    # "1 module", never "1 modules".
    assert plural(count, noun, many) == words
