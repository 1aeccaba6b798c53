"""Record what happened at a session and move planned sessions: the contract's delivery rules.

Only planned sessions ever move. A missed session stays in the plan as missed and a
catch-up of it takes the first free slot on or after today; every later planned
session moves one slot on. Sessions are numbered 1..n in date order (`placing`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from hii_planner.choices import Absence, CancelledByChoice, RecordedStatus
from hii_planner.errors import DeliveryError, StalePlanError
from hii_planner.plans.changes import (
    Applied,
    Change,
    apply_in_file,
    checked_text,
)
from hii_planner.plans.consistency import refuse_implausible
from hii_planner.plans.limits import check_note
from hii_planner.plans.models import Plan, PlannedSession
from hii_planner.plans.placing import add_catch_up, renumber
from hii_planner.plans.status import refuse_if_closed
from hii_planner.types import MAX_FACILITATORS, CancelledBy
from hii_planner.wording import plural

_DAY = dt.timedelta(days=1)


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


def checked_facilitators(names: Sequence[str]) -> list[str]:
    """One or two facilitator names, each plain text, without repeats."""
    found = list(dict.fromkeys(checked_text("facilitator name", n, limit=80) for n in names))
    if any(not n for n in found):
        raise DeliveryError("a facilitator name is empty", hint="pass --facilitator NAME")
    if len(found) > MAX_FACILITATORS:
        raise DeliveryError(
            f"a session is delivered by one or two facilitators, not {len(found)}",
            hint="pass --facilitator once or twice",
        )
    return found


def default_facilitators(plan: Plan, session: PlannedSession) -> list[str]:
    """Who delivered *session* unless told otherwise: its provider, else the plan's facilitators."""
    return [session.provider] if session.provider else list(plan.facilitators)


def check_outcome_options(
    status: RecordedStatus,
    *,
    absence: str,
    by: str | None,
    facilitators: Sequence[str],
) -> None:
    """Refuse outcome options that do not belong to *status* (saying which status they need)."""
    if absence and status != "missed":
        raise DeliveryError(
            f"--absence is for missed sessions, not {status} ones",
            hint="use --absence acceptable|unacceptable with --status missed",
        )
    if by is not None and status != "cancelled":
        raise DeliveryError(
            f"--by is for cancelled sessions, not {status} ones",
            hint="use --by participant|service with --status cancelled",
        )
    if facilitators and status != "delivered":
        raise DeliveryError(
            f"--facilitator records who delivered a session; it is not for {status} sessions",
            hint="use --facilitator NAME with --status delivered",
        )


def record_session(
    plan: Plan,
    number: int,
    *,
    status: RecordedStatus,
    today: dt.date,
    date: dt.date | None = None,
    note: str = "",
    not_engaged: bool = False,
    absence: Absence = "",
    by: CancelledByChoice | None = None,
    facilitators: Sequence[str] = (),
) -> Change:
    """Record session *number* as delivered, missed or cancelled, editing *plan* in place.

    The date defaults to the planned date and may not be in the future for a
    delivered or missed session. A missed session gets a catch-up (see module doc).
    """
    refuse_if_closed(plan, "recorded")
    session = find_session(plan, number)
    if session.status != "planned":
        raise DeliveryError(
            f"session {number} is already recorded as {session.status} "
            f"({session.date.isoformat()}); nothing was changed",
            hint=f"to correct the record, use `hii-planner plan amend FILE {number} --why TEXT`",
        )
    check_outcome_options(status, absence=absence, by=by, facilitators=facilitators)
    note = check_note(note.strip())
    names = checked_facilitators(facilitators)
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
        refuse_future(session, status, when=date or session.date, given=date, today=today)
        refuse_implausible(plan, session, status, when=date or session.date)
    session.status = status
    session.date = date or session.date
    session.notes = "\n".join(part for part in (session.notes, note) if part)
    session.engagement_concern = not_engaged
    when = session.date.isoformat()
    if status == "delivered":
        session.facilitators = names or default_facilitators(plan, session)
        renumber(plan)
        concern = "; engagement concern" if not_engaged else ""
        by_whom = f" by {' and '.join(names)}" if names else ""
        renumbered = now_words(session, number)
        return Change(f"session {number} delivered ({when}){by_whom}{renumbered}{concern}")
    if status == "cancelled":
        session.cancelled_by = by
        return Change(f"session {number} cancelled{cancelled_words(by)} ({when}); nothing moved")
    session.absence = absence
    renumber(plan)
    catch_up, moved = add_catch_up(plan, session, today=today)
    return Change(
        f"session {number} missed ({when}){absence_words(absence)}{now_words(session, number)}; "
        f"catch-up added as session {catch_up.number} ({catch_up.date.isoformat()}); "
        f"{plural(moved, 'session')} moved"
    )


def absence_words(absence: str) -> str:
    """The absence in words for a summary, or nothing when it was not stated."""
    return f", {absence} absence" if absence else ""


def cancelled_words(by: CancelledBy | None) -> str:
    """Who cancelled, in words for a summary, or nothing when it was not stated."""
    return {
        None: "",
        "participant": " by the participant",
        "service": " by the service",
        "closure": " by a closure",
        "plan closed": " as the plan closed",
    }[by]


def now_words(session: PlannedSession, number: int) -> str:
    """The words ", now session N" when renumbering changed the number, else nothing."""
    return "" if session.number == number else f", now session {session.number}"


def record_in_file(
    path: Path,
    number: int,
    *,
    status: RecordedStatus,
    now: dt.datetime,
    today: dt.date | None = None,
    date: dt.date | None = None,
    note: str = "",
    not_engaged: bool = False,
    absence: Absence = "",
    by: CancelledByChoice | None = None,
    facilitators: Sequence[str] = (),
    dry_run: bool = False,
) -> Applied:
    """Record a session in the plan file at *path* (locked, atomic, one history entry)."""
    day = today or now.date()
    return apply_in_file(
        path,
        lambda plan: record_session(
            plan,
            number,
            status=status,
            today=day,
            date=date,
            note=note,
            not_engaged=not_engaged,
            absence=absence,
            by=by,
            facilitators=facilitators,
        ),
        now=now,
        dry_run=dry_run,
        guard=same_session_guard(path, number),
    )


def same_session_guard(path: Path, number: int) -> Callable[[Plan, Plan], None]:
    """Refuse when session *number* is no longer the session the user saw.

    Another command may have written the plan between our read and the lock.
    When session *number* is still the same session, applying the action to the
    current plan is what they meant; when it moved or was renumbered, it is refused.
    """

    def guard(seen: Plan, current: Plan) -> None:
        expected = _identity(find_session(seen, number))
        if _identity(find_session(current, number)) != expected:
            error = StalePlanError(str(path), expected=seen.revision, found=current.revision)
            error.hint = (
                f"another command changed session {number} meanwhile; check the numbers "
                "with `hii-planner plan show FILE` and run the command again"
            )
            raise error

    return guard


def _identity(session: PlannedSession) -> tuple[object, ...]:
    # Not the status: recording a session twice gets the clearer "already recorded".
    return (session.module, session.session, session.catch_up, session.date)


def refuse_future(
    session: PlannedSession,
    status: str,
    *,
    when: dt.date,
    given: dt.date | None,
    today: dt.date,
) -> None:
    """Refuse recording *session* as delivered or missed on a day after *today*."""
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
