"""Record what happened at a session and move planned sessions: the contract's delivery rules.

Only planned sessions ever move. A missed session stays in the plan as missed and a
catch-up of it takes the next free slot; every later planned session moves one slot
on. Session numbers stay 1..n in delivery order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from hii_planner.errors import DeliveryError, StalePlanError
from hii_planner.plans.calendar import holiday_name, slots
from hii_planner.plans.limits import check_note
from hii_planner.plans.models import Plan, PlannedSession, Schedule
from hii_planner.plans.planfile import read_plan, update_plan
from hii_planner.types import HOLIDAY_CALENDAR_NAMES
from hii_planner.wording import plural

RecordedStatus = Literal["delivered", "missed", "cancelled"]


@dataclass(frozen=True)
class DeliveryOutcome:
    """What a delivery command changed: a one-line history summary and any warnings."""

    summary: str
    warnings: tuple[str, ...] = ()


def find_session(plan: Plan, number: int) -> PlannedSession:
    """Session *number* of *plan*; an unknown number names the plan's range."""
    count = len(plan.sessions)
    if count == 0:
        raise DeliveryError(f"there is no session {number}: this plan has no sessions")
    if not 1 <= number <= count:
        span = "only session 1" if count == 1 else f"sessions 1 to {count}"
        raise DeliveryError(
            f"there is no session {number}: this plan has {span}",
            hint="`hii-planner plan show FILE` lists the sessions with their numbers",
        )
    return plan.sessions[number - 1]


def record_session(
    plan: Plan,
    number: int,
    *,
    status: RecordedStatus,
    today: dt.date,
    date: dt.date | None = None,
    note: str = "",
    not_engaged: bool = False,
) -> DeliveryOutcome:
    """Record session *number* as delivered, missed or cancelled, editing *plan* in place.

    The date defaults to the planned date and may not be in the future for a
    delivered or missed session. A missed session gets a catch-up (see module doc).
    """
    check_note(note)
    session = find_session(plan, number)
    if session.status != "planned":
        raise DeliveryError(
            f"session {number} is already recorded as {session.status} "
            f"({session.date.isoformat()}); nothing was changed",
            hint="a recorded session is never changed by a command; "
            "if the record is wrong, correct it in the plan file",
        )
    if status == "cancelled":
        if date is not None:
            raise DeliveryError(
                "--date is for delivered and missed sessions; "
                "a cancelled session keeps its planned date",
                hint="leave out --date, or record the session as delivered or missed",
            )
        if not_engaged:
            raise DeliveryError(
                "--not-engaged is for delivered and missed sessions, not cancelled ones",
                hint="add the concern as a --note instead",
            )
    else:
        _refuse_future(session, status, when=date or session.date, given=date, today=today)
    session.status = status
    session.date = date or session.date
    session.notes = "\n".join(part for part in (session.notes, note.strip()) if part)
    session.engagement_concern = not_engaged
    when = session.date.isoformat()
    if status == "delivered":
        concern = "; engagement concern" if not_engaged else ""
        return DeliveryOutcome(f"session {number} delivered ({when}){concern}")
    if status == "cancelled":
        return DeliveryOutcome(f"session {number} cancelled ({when}); nothing moved")
    catch_up, moved = _add_catch_up(plan, session)
    return DeliveryOutcome(
        f"session {number} missed ({when}); catch-up added as session {catch_up.number} "
        f"({catch_up.date.isoformat()}); {plural(moved, 'session')} moved"
    )


def reschedule_session(
    plan: Plan, number: int, *, date: dt.date, today: dt.date, cascade: bool = False
) -> DeliveryOutcome:
    """Move planned session *number* to *date*; with *cascade*, later planned ones follow it.

    A date on a public holiday is accepted (the facilitator chose it) with a
    warning; so is a move that puts the session out of order with its neighbours.
    """
    session = find_session(plan, number)
    if session.status != "planned":
        raise DeliveryError(
            f"session {number} was {session.status} on {session.date.isoformat()}; "
            "only planned sessions can be moved",
            hint="delivered, missed and cancelled sessions stay where they are",
        )
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
    warnings = _holiday_warning(plan.schedule, date)
    before = session.date
    session.date = date
    summary = (
        f"session {number} moved from {before.isoformat()} to {date.isoformat()}"
        if date != before
        else f"session {number} stays on {date.isoformat()}"
    )
    if cascade:
        later = _later_planned(plan, session)
        moved = _place(plan, later, after=date, one_slot_on=False)
        summary += f"; {plural(moved, 'later session')} moved"
    warnings += _order_warnings(plan, session, cascade=cascade)
    return DeliveryOutcome(summary, tuple(warnings))


def record_in_file(
    path: Path,
    number: int,
    *,
    status: RecordedStatus,
    now: dt.datetime,
    date: dt.date | None = None,
    note: str = "",
    not_engaged: bool = False,
) -> tuple[Plan, DeliveryOutcome]:
    """Record a session in the plan file at *path* (locked, atomic, one history entry)."""
    return _apply(
        path,
        number,
        now=now,
        action=lambda plan: record_session(
            plan,
            number,
            status=status,
            today=now.date(),
            date=date,
            note=note,
            not_engaged=not_engaged,
        ),
    )


def reschedule_in_file(
    path: Path, number: int, *, date: dt.date, now: dt.datetime, cascade: bool = False
) -> tuple[Plan, DeliveryOutcome]:
    """Move a session in the plan file at *path* (locked, atomic, one history entry)."""
    return _apply(
        path,
        number,
        now=now,
        action=lambda plan: reschedule_session(
            plan, number, date=date, today=now.date(), cascade=cascade
        ),
    )


def _apply(
    path: Path, number: int, *, now: dt.datetime, action: Callable[[Plan], DeliveryOutcome]
) -> tuple[Plan, DeliveryOutcome]:
    """Apply *action* under the plan's lock, unless session *number* changed meanwhile.

    Another command may have written the plan between our read and the lock.
    When session *number* is still the session the user saw, applying the
    action to the current plan is what they meant; when it moved or was
    renumbered (a catch-up inserted before it), the write is refused.
    """
    seen = read_plan(path)
    expected = _identity(find_session(seen, number))
    outcomes: list[DeliveryOutcome] = []

    def change(plan: Plan) -> str:
        if plan.revision != seen.revision and _identity(find_session(plan, number)) != expected:
            error = StalePlanError(str(path), expected=seen.revision, found=plan.revision)
            error.hint = (
                f"another command changed session {number} meanwhile; check the numbers "
                "with `hii-planner plan show FILE` and run the command again"
            )
            raise error
        outcomes.append(action(plan))
        return outcomes[-1].summary

    plan = update_plan(path, change, now=now)
    return plan, outcomes[-1]


def _identity(session: PlannedSession) -> tuple[object, ...]:
    # Not the status: recording a session twice gets the clearer "already recorded".
    return (session.module, session.session, session.catch_up, session.date)


def _refuse_future(
    session: PlannedSession,
    status: RecordedStatus,
    *,
    when: dt.date,
    given: dt.date | None,
    today: dt.date,
) -> None:
    if when <= today:
        return
    which = "that date" if given is not None else f"its planned date {when.isoformat()}"
    hint = (
        "pass --date with the day it took place"
        if status == "delivered"
        else "to move a session that has not happened yet, use `hii-planner plan reschedule`"
    )
    raise DeliveryError(
        f"session {session.number} cannot be recorded as {status} on {when.isoformat()}: "
        f"{which} is in the future (today is {today.isoformat()})",
        hint=hint,
    )


def _add_catch_up(plan: Plan, missed: PlannedSession) -> tuple[PlannedSession, int]:
    """Insert a catch-up of *missed* right after it and move the later planned sessions."""
    later = _later_planned(plan, missed)
    catch_up = PlannedSession(
        number=missed.number + 1,
        module=missed.module,
        session=missed.session,
        title=missed.title,
        minutes=missed.minutes,
        date=missed.date,
        catch_up=True,
    )
    plan.sessions.insert(missed.number, catch_up)
    for number, session in enumerate(plan.sessions, start=1):
        session.number = number
    # The catch-up starts on the missed date, so "one slot on" is the next free slot.
    moved = _place(plan, [catch_up, *later], after=missed.date, one_slot_on=True)
    return catch_up, moved - 1


def _later_planned(plan: Plan, session: PlannedSession) -> list[PlannedSession]:
    return [s for s in plan.sessions[session.number :] if s.status == "planned"]


def _place(plan: Plan, moving: list[PlannedSession], *, after: dt.date, one_slot_on: bool) -> int:
    """Give each session of *moving* a free slot after the previous one; count the moves.

    With *one_slot_on*, each session goes to the first free slot after its own
    date (gaps in the plan stay gaps); otherwise the sessions take consecutive
    free slots. A slot is free unless a session that is not moving is on it.
    """
    staying = {id(s) for s in moving}
    taken = {s.date for s in plan.sessions if id(s) not in staying and s.status != "cancelled"}
    moved = 0
    previous = after
    for session in moving:
        start = max(session.date, previous) if one_slot_on else previous
        day = _free_slot(plan.schedule, after=start, taken=taken)
        if day != session.date:
            moved += 1
        session.date = previous = day
    return moved


def _free_slot(schedule: Schedule, *, after: dt.date, taken: Iterable[dt.date]) -> dt.date:
    busy = set(taken)
    return next(day for day in slots(schedule, after=after) if day not in busy)


def _holiday_warning(schedule: Schedule, date: dt.date) -> list[str]:
    name = holiday_name(schedule.holidays, date)
    if name is None:
        return []
    region = HOLIDAY_CALENDAR_NAMES[schedule.holidays]
    return [f"{date.isoformat()} is a public holiday in {region} ({name})"]


def _order_warnings(plan: Plan, session: PlannedSession, *, cascade: bool) -> list[str]:
    """Say when a moved session now sits out of order with its neighbours or shares a day."""
    others = [s for s in plan.sessions if s is not session and s.status != "cancelled"]
    warnings = [
        f"session {other.number} is on the same day"
        for other in others
        if other.date == session.date
    ]
    earlier = [s for s in others if s.number < session.number and s.date > session.date]
    if earlier:
        warnings.append(
            f"session {session.number} now comes before session {earlier[-1].number} "
            f"({earlier[-1].date.isoformat()}), which is earlier in the plan's order"
        )
    later = [s for s in others if s.number > session.number and s.date < session.date]
    if later and not cascade:
        warnings.append(
            f"session {session.number} now comes after session {later[0].number} "
            f"({later[0].date.isoformat()}); pass --cascade to move the later sessions too"
        )
    return warnings
