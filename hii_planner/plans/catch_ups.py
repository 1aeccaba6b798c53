"""Keep catch-ups consistent with the records they make up, after a merge or a resolve.

A planned catch-up makes up the latest earlier occurrence of its session; when
that occurrence is not missed (a merge or a resolve took a "delivered" record),
the catch-up has nothing to make up and goes. A missed session whose next
occurrence is not a catch-up gets one in the first free slot.
"""

from __future__ import annotations

import datetime as dt

from hii_planner.plans.calendar import slots
from hii_planner.plans.models import Plan, PlannedSession


def renumber_by_date(plan: Plan) -> None:
    """Sort the sessions by date (keeping the order of a day's sessions) and number them 1..n."""
    plan.sessions.sort(key=lambda s: s.date)
    for number, session in enumerate(plan.sessions, start=1):
        session.number = number


def redundant_catch_ups(sessions: list[PlannedSession]) -> list[PlannedSession]:
    """The planned catch-ups whose latest earlier occurrence was not missed."""
    redundant = []
    for index, session in enumerate(sessions):
        if not session.catch_up or session.status != "planned":
            continue
        earlier = [
            s
            for s in sessions[:index]
            if (s.module, s.session) == (session.module, session.session)
        ]
        if not earlier or earlier[-1].status != "missed":
            redundant.append(session)
    return redundant


def drop_redundant_catch_ups(plan: Plan) -> int:
    """Remove the catch-ups that make up nothing; how many went."""
    redundant = {id(s) for s in redundant_catch_ups(plan.sessions)}
    plan.sessions = [s for s in plan.sessions if id(s) not in redundant]
    return len(redundant)


def needs_catch_up(plan: Plan, session: PlannedSession) -> bool:
    """True when *session* is missed and its next occurrence is not a catch-up."""
    if session.status != "missed":
        return False
    index = next(i for i, s in enumerate(plan.sessions) if s is session)
    later = [
        s
        for s in plan.sessions[index + 1 :]
        if (s.module, s.session) == (session.module, session.session)
    ]
    return not later or not later[0].catch_up


def add_catch_up(plan: Plan, missed: PlannedSession, *, today: dt.date) -> PlannedSession:
    """A catch-up of *missed* in the first free slot after it, not in the past."""
    taken = {s.date for s in plan.sessions if s.status != "cancelled"}
    after = max(missed.date, today - dt.timedelta(days=1))
    day = next(d for d in slots(plan.schedule, after=after) if d not in taken)
    catch_up = PlannedSession(
        number=missed.number,
        module=missed.module,
        session=missed.session,
        title=missed.title,
        minutes=missed.minutes,
        kind=missed.kind,
        provider=missed.provider,
        date=day,
        catch_up=True,
    )
    plan.sessions.append(catch_up)
    renumber_by_date(plan)
    return catch_up
