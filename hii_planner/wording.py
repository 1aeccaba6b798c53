"""How hii-planner says things, the same on every screen and in every file: durations, rhythms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from hii_planner.types import (
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
    """Minutes as "12 h 30 min"."""
    whole, rest = divmod(minutes, 60)
    return f"{whole} h {rest:02d} min" if rest else f"{whole} h"


def schedule_sentence(schedule: ScheduleLike) -> str:
    """A schedule's rhythm in words: "weekly on Monday from 2027-01-04 (...)"."""
    days = " and ".join(WEEKDAY_NAMES[d] for d in schedule.weekdays)
    return (
        f"{CADENCE_WORDS[schedule.cadence]} on {days} from {schedule.start.isoformat()} "
        f"(public holidays skipped: {HOLIDAY_CALENDAR_NAMES[schedule.holidays]})"
    )
