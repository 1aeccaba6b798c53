"""Where planned sessions go: free slots, catch-ups, and numbers that follow dates.

Every slot search of delivery goes through `plans.calendar.slots`, so public
holidays and closures are respected by catch-ups, reschedules and closures alike.
Only planned sessions are ever given another date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from hii_planner.plans.calendar import slots
from hii_planner.plans.models import Plan, PlannedSession, Schedule

_DAY = dt.timedelta(days=1)


def renumber(plan: Plan) -> None:
    """Number the sessions 1..n in date order (recorded ones by the day they took place).

    Sessions on the same day keep their order, so a plan already in date order
    keeps its numbers.
    """
    plan.sessions.sort(key=lambda s: s.date)  # sort is stable: same-day order is kept
    for number, session in enumerate(plan.sessions, start=1):
        if session.number != number:
            session.number = number


def free_slot(schedule: Schedule, *, after: dt.date, taken: Iterable[dt.date]) -> dt.date:
    """The first slot of *schedule* later than *after* that no session in *taken* holds."""
    busy = set(taken)
    return next(day for day in slots(schedule, after=after) if day not in busy)


def taken_days(plan: Plan, moving: Iterable[PlannedSession]) -> set[dt.date]:
    """Days held by sessions that stay where they are (cancelled sessions hold none)."""
    staying = {id(s) for s in moving}
    return {s.date for s in plan.sessions if id(s) not in staying and s.status != "cancelled"}


def place(plan: Plan, moving: list[PlannedSession], *, after: dt.date, one_slot_on: bool) -> int:
    """Give each session of *moving* a free slot after the previous one; count the moves.

    With *one_slot_on*, each session goes to the first free slot after its own
    date (gaps in the plan stay gaps); otherwise the sessions take consecutive
    free slots after *after*.
    """
    taken = taken_days(plan, moving)
    moved = 0
    previous = after
    for session in moving:
        start = max(session.date, previous) if one_slot_on else previous
        day = free_slot(plan.schedule, after=start, taken=taken)
        if day != session.date:
            moved += 1
        session.date = previous = day
    return moved


def follow(plan: Plan, moving: list[PlannedSession], *, earliest: dt.date) -> int:
    """Keep each of *moving* (date order) on its day if still free, else push it on; count moves.

    A session stays when its day is a free slot on or after *earliest* and after
    the previous session; otherwise it takes the next free slot. Used when slots
    disappear (a closure).
    """
    taken = taken_days(plan, moving)
    moved = 0
    previous = earliest - _DAY
    for session in moving:
        start = max(session.date, previous + _DAY) - _DAY
        day = free_slot(plan.schedule, after=start, taken=taken)
        if day != session.date:
            moved += 1
        session.date = previous = day
    return moved


def planned_from(plan: Plan, day: dt.date) -> list[PlannedSession]:
    """The planned sessions dated on or after *day*, in date order."""
    return [s for s in plan.sessions if s.status == "planned" and s.date >= day]


def add_catch_up(
    plan: Plan, missed: PlannedSession, *, today: dt.date
) -> tuple[PlannedSession, int]:
    """Add a catch-up of *missed* in the first free slot from today, after any queued one.

    The slot is also after the missed session and after every catch-up still planned.

    Every planned session from that slot on moves one slot on; sessions are then
    numbered by date, so the catch-up comes after every session dated earlier.
    Returns the catch-up and how many other sessions moved.
    """
    # Catch-ups queue up in the order sessions were missed: after any still planned.
    queued = [s.date for s in plan.sessions if s.catch_up and s.status == "planned"]
    threshold = max([missed.date, today - _DAY, *queued])
    later = [s for s in planned_from(plan, threshold + _DAY) if s is not missed]
    catch_up = PlannedSession(
        number=len(plan.sessions) + 1,
        module=missed.module,
        session=missed.session,
        title=missed.title,
        minutes=missed.minutes,
        date=threshold,
        catch_up=True,
        kind=missed.kind,
        provider=missed.provider,
        time=missed.time,
        place=missed.place,
    )
    plan.sessions.append(catch_up)
    moved = place(plan, [catch_up, *later], after=threshold, one_slot_on=True)
    renumber(plan)
    return catch_up, moved - 1


def remove_catch_up(plan: Plan, missed: PlannedSession) -> PlannedSession | None:
    """Remove the still-planned catch-up of *missed*, if there is one; return it."""
    found = next(
        (
            s
            for s in plan.sessions
            if s.catch_up
            and s.status == "planned"
            and (s.module, s.session) == (missed.module, missed.session)
            and s.date > missed.date
        ),
        None,
    )
    if found is not None:
        plan.sessions.remove(found)
        renumber(plan)
    return found
