"""Turn a schedule request (flags, answers, wizard) into a plan's schedule, filling in defaults."""

from __future__ import annotations

import datetime as dt

from hii_planner.errors import RequestError
from hii_planner.planning.request import ScheduleRequest
from hii_planner.plans.calendar import DAYS_A_WEEK
from hii_planner.plans.models import Schedule
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
    return Schedule(
        start=start, cadence=request.cadence, weekdays=weekdays, holidays=request.holidays
    )
