"""Turn a schedule request (flags, answers, wizard) into a plan's schedule, filling in defaults.

The defaults are one rule, said in words here too, so that the `plan new` help,
the answers-file schema and the wizard's Enter-only answers all agree with it:
the start is the next Monday-to-Friday day after today, and the sessions fall on
the start's weekday (twice-weekly adds the third day after it, or the Monday when
that is a weekend day). Light to import: the command line builds its help from it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from hii_planner.choices import DAYS_A_WEEK, WEEKDAYS, Cadence, Weekday
from hii_planner.errors import RequestError

if TYPE_CHECKING:
    from hii_planner.planning.request import ScheduleRequest
    from hii_planner.plans.models import Schedule

DEFAULT_START_WORDS = "the next weekday (Monday to Friday) after today"
DEFAULT_WEEKDAYS_WORDS = (
    "the start's weekday; twice-weekly adds the third day after it (Monday after a weekend)"
)
_SATURDAY = 5


def default_start(today: dt.date) -> dt.date:
    """The first Monday-to-Friday day after *today*: where a plan starts unless told."""
    day = today + dt.timedelta(days=1)
    while day.weekday() >= _SATURDAY:
        day += dt.timedelta(days=1)
    return day


def default_weekdays(start: dt.date, cadence: Cadence) -> list[Weekday]:
    """The weekdays a schedule from *start* takes unless told (see the module's rule)."""
    first = start.weekday()
    days = [first]
    if DAYS_A_WEEK[cadence] == 2:
        second = (first + 3) % 7
        days.append(0 if second >= _SATURDAY else second)
    return sorted((WEEKDAYS[d] for d in dict.fromkeys(days)), key=WEEKDAYS.index)


def resolve_schedule(request: ScheduleRequest, *, today: dt.date) -> Schedule:
    """Fill in the defaults (start, weekdays) and check the weekdays suit the cadence."""
    from hii_planner.plans.models import Closure, Schedule

    start = request.start or default_start(today)
    weekdays = list(dict.fromkeys(request.weekdays)) or default_weekdays(start, request.cadence)
    needed = DAYS_A_WEEK[request.cadence]
    if len(weekdays) != needed:
        days = "one weekday" if needed == 1 else "two weekdays"
        raise RequestError(
            [f"a {request.cadence} schedule takes {days}, not {len(weekdays)}"],
            hint="pass --weekday once for weekly or fortnightly, twice for twice-weekly",
        )
    weekdays.sort(key=WEEKDAYS.index)
    backwards = [c for c in request.closures if c.end < c.start]
    if backwards:
        raise RequestError(
            [
                f"the closure {c.start.isoformat()}..{c.end.isoformat()} ends before it starts"
                for c in backwards
            ],
            hint="write a closure as START..END with the end on or after the start",
        )
    return Schedule(
        start=start,
        cadence=request.cadence,
        weekdays=weekdays,
        holidays=request.holidays,
        time=request.time,
        place=request.place.strip() if request.place and request.place.strip() else None,
        closures=sorted(
            (Closure(start=c.start, end=c.end, reason=c.reason.strip()) for c in request.closures),
            key=lambda c: (c.start, c.end),
        ),
    )
