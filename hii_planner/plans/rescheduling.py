"""Move planned sessions: one to a new date, time or place (and its followers), or the overdue.

Recorded sessions never move; numbers follow dates afterwards, and a move that would put
a session before one it depends on is refused.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hii_planner.errors import DeliveryError
from hii_planner.plans.calendar import closure_on, holiday_name
from hii_planner.plans.changes import Applied, Change, apply_in_file, checked_text
from hii_planner.plans.delivery import find_session, now_words, same_session_guard
from hii_planner.plans.models import Plan, PlannedSession, Schedule
from hii_planner.plans.ordering_rules import Dependencies, refuse_new_order_breaks
from hii_planner.plans.placing import place, renumber
from hii_planner.plans.status import check_restart, refuse_if_closed
from hii_planner.types import HOLIDAY_CALENDAR_NAMES
from hii_planner.wording import plural

_DAY = dt.timedelta(days=1)


def reschedule_session(
    plan: Plan,
    number: int,
    *,
    today: dt.date,
    date: dt.date | None = None,
    time: str | None = None,
    place_text: str | None = None,
    cascade: bool = False,
    dependencies: Dependencies | None = None,
) -> Change:
    """Move planned session *number* to *date* and/or give it a time or place.

    With *cascade*, later planned sessions follow it. A date on a public holiday
    is accepted (the facilitator chose it) with a warning; a date that puts the
    session before one it depends on (or after one that depends on it) is refused.
    """
    refuse_if_closed(plan, "rescheduled")
    session = find_session(plan, number)
    if session.status != "planned":
        raise DeliveryError(
            f"session {number} was {session.status} on {session.date.isoformat()}; "
            "only planned sessions can be moved",
            hint="delivered, missed and cancelled sessions stay where they are; "
            f"to correct one, use `hii-planner plan amend FILE {number} --why TEXT`",
        )
    if date is None and time is None and place_text is None:
        raise DeliveryError(
            f"nothing to change for session {number}",
            hint="pass --date D, --time HH:MM or --place TEXT (or --overdue for every late one)",
        )
    if cascade and date is None:
        raise DeliveryError("--cascade moves the later sessions after --date; pass --date too")
    parts: list[str] = []
    warnings: list[str] = []
    if date is not None:
        parts, warnings = _move(plan, session, number, date, today, cascade, dependencies)
    if time is not None:
        session.time = time or None
        parts.append(f"session {session.number} at {time}" if time else "usual time")
    if place_text is not None:
        where = checked_text("place", place_text, limit=200)
        session.place = where or None
        parts.append(f"session {session.number} in {where}" if where else "usual place")
    return Change("; ".join(parts), tuple(warnings))


def _move(
    plan: Plan,
    session: PlannedSession,
    number: int,
    date: dt.date,
    today: dt.date,
    cascade: bool,
    dependencies: Dependencies | None,
) -> tuple[list[str], list[str]]:
    if date < today:
        raise DeliveryError(
            f"{date.isoformat()} is in the past (today is {today.isoformat()}); "
            "a session can only be moved to today or later",
            hint="to record a session that took place, use "
            f"`hii-planner plan record FILE {number} --status delivered --date {date.isoformat()}`",
        )
    if date == session.date and not cascade:
        raise DeliveryError(
            f"session {number} is already planned for {date.isoformat()}; nothing was changed"
        )
    closed = closure_on(plan.schedule, date)
    if closed is not None:
        why = f" ({closed.reason})" if closed.reason else ""
        raise DeliveryError(
            f"{date.isoformat()} is inside the closure {closed.start.isoformat()}.."
            f"{closed.end.isoformat()}{why}; no session is planned in a closure",
            hint="choose a day after the closure ends",
        )
    warnings = _holiday_warning(plan.schedule, date)
    before = session.date
    saved = [(s, s.date) for s in plan.sessions]
    session.date = date
    summary = (
        f"session {number} moved from {before.isoformat()} to {date.isoformat()}"
        if date != before
        else f"session {number} stays on {date.isoformat()}"
    )
    if cascade:
        later = [s for s in plan.sessions[number:] if s.status == "planned"]
        moved = place(plan, later, after=date, one_slot_on=False)
        summary += f"; {plural(moved, 'later session')} moved"
    try:
        refuse_new_order_breaks(plan, saved, moved=session, dependencies=dependencies)
    except DeliveryError:
        for item, day in saved:
            item.date = day
        raise
    warnings += [
        f"session {other.number} is on the same day"
        for other in plan.sessions
        if other is not session and other.status != "cancelled" and other.date == date
    ]
    renumber(plan)
    summary += now_words(session, number)
    return [summary], warnings


def reschedule_overdue(plan: Plan, *, today: dt.date, start: dt.date | None = None) -> Change:
    """Move every overdue planned session, and the later ones, to the next slots from *start*.

    *start* defaults to today; the sessions keep their order.
    """
    refuse_if_closed(plan, "rescheduled")
    if plan.status == "paused":
        raise DeliveryError(
            "the plan is paused, so nothing is overdue",
            hint="`hii-planner plan status FILE active --reason TEXT [--from D]` "
            "dates the sessions again",
        )
    restart = start or today
    check_restart(plan, restart, today=today, option="--from")
    planned = sorted((s for s in plan.sessions if s.status == "planned"), key=lambda s: s.date)
    overdue = [s for s in planned if s.date < today]
    if not overdue:
        raise DeliveryError(
            f"no planned session is overdue (before today, {today.isoformat()}); "
            "nothing was changed"
        )
    moving = planned[planned.index(overdue[0]) :]
    place(plan, moving, after=restart - _DAY, one_slot_on=False)
    renumber(plan)
    return Change(
        f"{plural(len(overdue), 'overdue session')} and "
        f"{plural(len(moving) - len(overdue), 'later one')} dated again "
        f"from {restart.isoformat()}"
    )


def reschedule_in_file(
    path: Path,
    number: int | None,
    *,
    now: dt.datetime,
    today: dt.date | None = None,
    date: dt.date | None = None,
    time: str | None = None,
    place_text: str | None = None,
    cascade: bool = False,
    overdue_from: dt.date | None = None,
    dependencies: Dependencies | None = None,
    dry_run: bool = False,
) -> Applied:
    """Move a session (or, with *number* None, every overdue one) in the plan file at *path*."""
    day = today or now.date()
    if number is None:
        return apply_in_file(
            path,
            lambda plan: reschedule_overdue(plan, today=day, start=overdue_from),
            now=now,
            dry_run=dry_run,
        )
    return apply_in_file(
        path,
        lambda plan: reschedule_session(
            plan,
            number,
            today=day,
            date=date,
            time=time,
            place_text=place_text,
            cascade=cascade,
            dependencies=dependencies,
        ),
        now=now,
        dry_run=dry_run,
        guard=same_session_guard(path, number),
    )


def _holiday_warning(schedule: Schedule, date: dt.date) -> list[str]:
    name = holiday_name(schedule.holidays, date)
    if name is None:
        return []
    region = HOLIDAY_CALENDAR_NAMES[schedule.holidays]
    return [f"{date.isoformat()} is a public holiday in {region} ({name})"]
