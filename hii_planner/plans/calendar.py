"""The calendar of a plan: slots of a cadence on chosen weekdays, skipping holidays and closures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from hii_planner.dates import LATEST
from hii_planner.errors import RequestError
from hii_planner.plans.holiday_table import holiday_on
from hii_planner.plans.models import Closure, Schedule
from hii_planner.types import WEEKDAYS, Weekday

_PERIOD_WEEKS = {"weekly": 1, "twice-weekly": 1, "fortnightly": 2}
# Searching further than this for a free slot means the calendar is broken, not busy.
_MAX_SEARCH_DAYS = 3660


def weekday_of(day: dt.date) -> Weekday:
    """The weekday id (``mon`` ... ``sun``) of *day*."""
    return WEEKDAYS[day.weekday()]


def holiday_name(calendar: str, day: dt.date) -> str | None:
    """The public holiday on *day* in *calendar*, if there is one."""
    if calendar == "none":
        return None
    return holiday_on(calendar, day)


def closure_on(schedule: Schedule, day: dt.date) -> Closure | None:
    """The closure of *schedule* that *day* falls in, if any."""
    return next((c for c in schedule.closures if c.start <= day <= c.end), None)


def _first_weekday_on_or_after(day: dt.date, weekdays: list[Weekday]) -> dt.date:
    targets = {WEEKDAYS.index(w) for w in weekdays}
    while day.weekday() not in targets:
        day += dt.timedelta(days=1)
    return day


def _within_calendar(day: dt.date) -> None:
    # Python's calendar ends in 9999; planning stops well before it, with a message.
    if day > LATEST:
        raise RequestError(
            [f"no session can be planned after {LATEST.isoformat()}; check the dates"]
        )


def slots(schedule: Schedule, *, after: dt.date | None = None) -> Iterator[dt.date]:
    """Every free slot of *schedule*, in order; only those later than *after* if given.

    Fortnightly slots keep the fortnight rhythm of the first slot; a slot on a
    public holiday or inside a closure is skipped, not replaced by another day.
    """
    _within_calendar(after if after is not None and after > schedule.start else schedule.start)
    anchor = _first_weekday_on_or_after(schedule.start, schedule.weekdays)
    anchor_monday = anchor - dt.timedelta(days=anchor.weekday())
    period = _PERIOD_WEEKS[schedule.cadence]
    targets = {WEEKDAYS.index(w) for w in schedule.weekdays}
    day = anchor
    if after is not None and after >= day:
        day = after + dt.timedelta(days=1)
    searched = 0
    while True:
        weeks = (day - anchor_monday).days // 7
        on_rhythm = day.weekday() in targets and weeks % period == 0
        free = on_rhythm and closure_on(schedule, day) is None
        if free and holiday_name(schedule.holidays, day) is None:
            searched = 0
            yield day
        day += dt.timedelta(days=1)
        _within_calendar(day)
        searched += 1
        if searched > _MAX_SEARCH_DAYS:
            raise RequestError(["no free session date within ten years; check the schedule"])


def next_slot(schedule: Schedule, after: dt.date) -> dt.date:
    """The first free slot of *schedule* later than *after*."""
    return next(slots(schedule, after=after))


def dates_for(schedule: Schedule, count: int) -> list[dt.date]:
    """The first *count* free slots of *schedule*."""
    iterator = slots(schedule)
    return [next(iterator) for _ in range(count)]
