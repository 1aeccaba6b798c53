"""The one date parser: every flag, answers file and wizard question reads dates through it.

Dates are written YYYY-MM-DD. Single-digit months and days (``2026-9-7``) are
accepted; anything else gets a message that says the rule in words, and a
day-first or month-first date such as ``04/01/2027`` gets both readings offered.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator

from hii_planner.errors import HiiPlannerError

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2999, 12, 31)
"""The dates hii-planner accepts: far from the calendar's end, so planning never overflows."""

RULE = "dates are YYYY-MM-DD, such as 2027-01-04"

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASHED = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_DIGITS = re.compile(r"(\d{4})(\d{2})(\d{2})")


class DateError(HiiPlannerError):
    """A date written in a way hii-planner does not read, or outside the calendar it plans in."""


def _day_words(day: dt.date) -> str:
    return f"{day.day} {calendar.month_name[day.month]}"


def _real_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _calendar_problem(text: str, year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return f"{text} is not a date: there is no month {month}"
    if year < 1:
        return f"{text} is not a date: there is no year 0"
    days = calendar.monthrange(year, month)[1]
    return f"{text} is not a date: {calendar.month_name[month]} {year} has {days} days"


def _readings(text: str) -> str:
    """The message for a slashed date: each real reading offered, or the rule."""
    match = _SLASHED.fullmatch(text)
    if match is None:
        return f"{text!r} is not a date: {RULE}"
    first, second, year = (int(part) for part in match.groups())
    found: list[dt.date] = []
    for month, day in ((second, first), (first, second)):
        candidate = _real_date(year, month, day)
        if candidate is not None and candidate not in found:
            found.append(candidate)
    if not found:
        return f"{text!r} is not a date: {RULE}"
    offers = " or ".join(f"{d.isoformat()} ({_day_words(d)})" for d in found)
    return f"dates are YYYY-MM-DD: did you mean {offers}?"


def date_problem(text: str) -> str | None:
    """What is wrong with *text* as a date, in words, or None when it is one."""
    try:
        parse_date(text)
    except DateError as error:
        return str(error)
    return None


def parse_date(text: str) -> dt.date:
    """*text* as a date (YYYY-MM-DD, one-digit month and day allowed), or `DateError`."""
    value = text.strip()
    match = _ISO.fullmatch(value)
    if match is None:
        digits = _DIGITS.fullmatch(value)
        if digits and _real_date(*(int(p) for p in digits.groups())):
            year, month, day = digits.groups()
            raise DateError(f"{RULE}: did you mean {year}-{month}-{day}?")
        raise DateError(_readings(value))
    year, month, day = (int(part) for part in match.groups())
    found = _real_date(year, month, day)
    if found is None:
        raise DateError(_calendar_problem(value, year, month, day))
    return check_range(found)


def check_range(day: dt.date) -> dt.date:
    """*day* if hii-planner can plan around it, or `DateError` naming the range."""
    if not EARLIEST <= day <= LATEST:
        raise DateError(
            f"{day.isoformat()} is outside the dates hii-planner works with "
            f"({EARLIEST.isoformat()} to {LATEST.isoformat()})"
        )
    return day


def option_date(option: str, text: str | None) -> dt.date | None:
    """The date given to *option* on the command line (None when not given)."""
    if text is None:
        return None
    try:
        return parse_date(text)
    except DateError as error:
        raise DateError(f"{option}: {error}") from None


def _coerce(value: Any) -> Any:
    """Dates in files and answers: TOML dates checked for range, strings parsed, times refused."""
    if isinstance(value, dt.datetime):
        raise ValueError(f"{value.isoformat()} has a time; {RULE}")
    if isinstance(value, dt.date):
        try:
            return check_range(value)
        except DateError as error:
            raise ValueError(str(error)) from None
    if isinstance(value, str):
        try:
            return parse_date(value)
        except DateError as error:
            raise ValueError(str(error)) from None
    raise ValueError(f"{value!r} is not a date: {RULE}")


Date = Annotated[dt.date, BeforeValidator(_coerce)]
"""A calendar date in a request or answers file, read by `parse_date`."""
