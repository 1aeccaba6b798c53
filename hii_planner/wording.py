"""How hii-planner says things, the same on every screen and in every file.

One function each for durations, dates, plurals and the schedule sentence.

Dates are spelled from our own tables, never with ``strftime``, so that they read
the same whatever the machine's locale is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from hii_planner.choices import (
    HOLIDAY_CALENDAR_NAMES,
    WEEKDAY_NAMES,
    Cadence,
    HolidayCalendar,
    Weekday,
)

CADENCE_WORDS: dict[Cadence, str] = {
    "weekly": "weekly",
    "twice-weekly": "twice a week",
    "fortnightly": "fortnightly",
}
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DAY_NAMES = tuple(WEEKDAY_NAMES.values())


class ScheduleLike(Protocol):
    """The parts of a schedule that its sentence uses."""

    @property
    def start(self) -> dt.date: ...  # noqa: D102

    @property
    def cadence(self) -> Cadence: ...  # noqa: D102

    @property
    def weekdays(self) -> Sequence[Weekday]: ...  # noqa: D102

    @property
    def holidays(self) -> HolidayCalendar: ...  # noqa: D102


def hours(minutes: int) -> str:
    """A length of time as "25 h 45 min", "2 h" or "45 min"."""
    whole, rest = divmod(minutes, 60)
    if not whole:
        return f"{rest} min"
    return f"{whole} h {rest} min" if rest else f"{whole} h"


def date(day: dt.date) -> str:
    """A date as "Mon 4 Jan 2027", the same in every locale."""
    return f"{_DAY_NAMES[day.weekday()][:3]} {day.day} {MONTH_NAMES[day.month - 1][:3]} {day.year}"


def long_date(day: dt.date) -> str:
    """A date written out, for prose such as handouts: "Monday 4 January 2027"."""
    return f"{_DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def day_month(day: dt.date) -> str:
    """A date as "4 Jan", where the year is plain from the context (a timeline)."""
    return f"{day.day} {MONTH_NAMES[day.month - 1][:3]}"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """*count* and its noun: "1 module", "2 modules" (*many* for irregular plurals)."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def schedule_sentence(schedule: ScheduleLike) -> str:
    """A schedule's rhythm in words: "weekly on Monday from 2027-01-04 (...)"."""
    days = " and ".join(WEEKDAY_NAMES[d] for d in schedule.weekdays)
    return (
        f"{CADENCE_WORDS[schedule.cadence]} on {days} from {schedule.start.isoformat()} "
        f"(public holidays skipped: {HOLIDAY_CALENDAR_NAMES[schedule.holidays]})"
    )
