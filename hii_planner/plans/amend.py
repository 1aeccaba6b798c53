"""Correct a recorded session (`plan amend`): what it replaced stays in the history.

Amending a missed session to delivered (or cancelled) removes its catch-up if
that is still planned; amending a delivered or cancelled session to missed adds
one. A planned session cannot be amended: it is recorded instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from hii_planner.choices import AbsenceChoice, CancelledByChoice, RecordedStatus
from hii_planner.errors import DeliveryError
from hii_planner.plans.changes import (
    Applied,
    Change,
    apply_in_file,
    checked_text,
    record_of,
)
from hii_planner.plans.consistency import refuse_implausible
from hii_planner.plans.delivery import (
    checked_facilitators,
    default_facilitators,
    find_session,
    refuse_future,
    same_session_guard,
)
from hii_planner.plans.limits import check_note
from hii_planner.plans.models import Plan
from hii_planner.plans.placing import add_catch_up, remove_catch_up, renumber
from hii_planner.plans.status import is_closed
from hii_planner.wording import plural


def amend_session(
    plan: Plan,
    number: int,
    *,
    why: str,
    today: dt.date,
    status: RecordedStatus | None = None,
    date: dt.date | None = None,
    note: str | None = None,
    absence: AbsenceChoice | None = None,
    by: CancelledByChoice | None = None,
    facilitators: Sequence[str] = (),
    not_engaged: bool | None = None,
) -> Change:
    """Correct recorded session *number* of *plan* in place (see the module doc)."""
    reason = checked_text("reason (--why)", why, limit=200)
    if not reason:
        raise DeliveryError(
            "an amendment needs a reason", hint='pass --why "what was wrong", e.g. --why "typo"'
        )
    session = find_session(plan, number)
    if session.status == "planned":
        raise DeliveryError(
            f"session {number} is still planned; only a recorded session can be amended",
            hint=f"record it with `hii-planner plan record FILE {number} --status ...`",
        )
    given = (status, date, note, absence, by, not_engaged)
    if all(v is None for v in given) and not facilitators:
        raise DeliveryError(
            f"nothing to amend for session {number}",
            hint="pass what to correct: --status, --date, --note, --absence, --by or --facilitator",
        )
    old = record_of(session)
    new_status = status or session.status
    _check_options(new_status, absence=absence, by=by, facilitators=facilitators)
    if new_status != "cancelled" and (date is not None or session.status == "cancelled"):
        # A cancelled session keeps its planned date, which may be still to come.
        when = date or session.date
        refuse_future(session, new_status, when=when, given=date, today=today)
        refuse_implausible(plan, session, new_status, when=when)
    if new_status == "cancelled" and date is not None:
        raise DeliveryError("a cancelled session keeps its planned date; leave out --date")
    names = checked_facilitators(facilitators)
    if note is not None:
        session.notes = check_note(note.strip())
    if date is not None:
        session.date = date
    if not_engaged is not None:
        session.engagement_concern = not_engaged
    session.status = new_status
    if new_status == "delivered":
        session.facilitators = names or (
            session.facilitators
            if old.status == "delivered"
            else default_facilitators(plan, session)
        )
    else:
        session.facilitators = []
    session.absence = (
        (absence if absence is not None else session.absence) if (new_status == "missed") else ""
    )
    session.cancelled_by = (by or session.cancelled_by) if new_status == "cancelled" else None
    if record_of(session) == old:
        raise DeliveryError(f"session {number} already holds these values; nothing was changed")
    renumber(plan)
    parts = [f"session {number} amended"]
    if old.status != new_status:
        parts[0] += f": {old.status} → {new_status}"
    changed = [
        name
        for name, was, now in (
            ("date", old.date, session.date),
            ("note", old.notes, session.notes),
            ("absence", old.absence, session.absence),
            ("cancelled by", old.cancelled_by, session.cancelled_by),
            ("facilitators", old.facilitators, session.facilitators),
            ("engagement concern", old.engagement_concern, session.engagement_concern),
        )
        if was != now and not (name != "date" and old.status != new_status and not now)
    ]
    if changed:
        parts.append(", ".join(changed) + " corrected")
    warnings: list[str] = []
    if old.status == "missed" and new_status != "missed":
        removed = remove_catch_up(plan, session)
        if removed is not None:
            parts.append(f"its planned catch-up ({removed.date.isoformat()}) removed")
    if new_status == "missed" and old.status != "missed":
        if is_closed(plan):
            warnings.append(f"no catch-up was added: the plan is {plan.status}")
        else:
            renumber(plan)
            catch_up, moved = add_catch_up(plan, session, today=today)
            parts.append(
                f"catch-up added as session {catch_up.number} ({catch_up.date.isoformat()}); "
                f"{plural(moved, 'session')} moved"
            )
    if session.number != number:
        parts.append(f"now session {session.number}")
    return Change("; ".join(parts), tuple(warnings), why=reason, before=old)


def _check_options(
    status: RecordedStatus,
    *,
    absence: str | None,
    by: str | None,
    facilitators: Sequence[str],
) -> None:
    from hii_planner.plans.delivery import check_outcome_options

    check_outcome_options(status, absence=absence or "", by=by, facilitators=facilitators)


def amend_in_file(
    path: Path,
    number: int,
    *,
    why: str,
    now: dt.datetime,
    today: dt.date | None = None,
    status: RecordedStatus | None = None,
    date: dt.date | None = None,
    note: str | None = None,
    absence: AbsenceChoice | None = None,
    by: CancelledByChoice | None = None,
    facilitators: Sequence[str] = (),
    dry_run: bool = False,
) -> Applied:
    """Amend a session in the plan file at *path* (locked, atomic, one history entry)."""
    day = today or now.date()
    return apply_in_file(
        path,
        lambda plan: amend_session(
            plan,
            number,
            why=why,
            today=day,
            status=status,
            date=date,
            note=note,
            absence=absence,
            by=by,
            facilitators=facilitators,
        ),
        now=now,
        dry_run=dry_run,
        guard=same_session_guard(path, number),
    )
