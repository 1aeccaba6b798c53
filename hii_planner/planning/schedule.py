"""Turn a schedule request (flags, answers, wizard) into a plan's schedule, filling in defaults."""

from __future__ import annotations

import datetime as dt

from hii_planner.errors import RequestError
from hii_planner.planning.request import ScheduleRequest
from hii_planner.plans.calendar import DAYS_A_WEEK
from hii_planner.plans.models import Closure, Schedule
from hii_planner.types import WEEKDAYS


def resolve_schedule(request: ScheduleRequest, *, today: dt.date) -> Schedule:
    """Fill in defaults (start tomorrow, weekday from the start) and check the weekdays."""
    start = request.start or today + dt.timedelta(days=1)
    weekdays = list(dict.fromkeys(request.weekdays))
    needed = DAYS_A_WEEK[request.cadence]
    if not weekdays:
        if request.start is None and needed == 1:
            weekdays = ["mon"]
        else:
            first = start.weekday() if request.start else 0
            weekdays = [WEEKDAYS[first], WEEKDAYS[(first + 3) % 7]][:needed]
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
