"""Apply one delivery change to a plan file: under its lock, or as a dry run that writes nothing.

Every writing delivery command (record, amend, reschedule, closure, status) is an
*action* that edits a plan in place and returns a `Change`. `apply_in_file` runs
it on the file (revision + 1, one history entry, atomic replace) or, for a dry
run, on a copy read without a lock, so the file and its folder stay untouched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hii_planner.errors import DeliveryError, UnresolvedConflictsError
from hii_planner.plans.models import HistoryEntry, Plan, PlannedSession, SessionRecord
from hii_planner.plans.planfile import read_plan, update_plan
from hii_planner.safetext import refuse_control

Action = Callable[[Plan], "Change"]
Guard = Callable[[Plan, Plan], None]


@dataclass(frozen=True)
class Change:
    """What a delivery command changed: the history line, why, what it replaced, warnings."""

    summary: str
    warnings: tuple[str, ...] = ()
    why: str | None = None
    before: SessionRecord | None = None


@dataclass(frozen=True)
class Applied:
    """A change applied to a plan file (or, in a dry run, to a copy of it)."""

    file: Path
    plan: Plan
    change: Change
    sessions: tuple[PlannedSession, ...] = field(default=())
    dry_run: bool = False

    def as_json(self) -> Mapping[str, Any]:
        """The contract's shape for ``--json`` on a writing command."""
        return {
            "file": str(self.file),
            "revision": self.plan.revision,
            "change": self.change.summary,
            "sessions": [s.model_dump(mode="json", exclude_none=True) for s in self.sessions],
            "warnings": list(self.change.warnings),
            "dry_run": self.dry_run,
        }


def apply_in_file(
    path: Path,
    action: Action,
    *,
    now: dt.datetime,
    dry_run: bool = False,
    guard: Guard | None = None,
) -> Applied:
    """Apply *action* to the plan at *path* and save it, or only show it with *dry_run*.

    *guard(seen, current)* may refuse when the plan changed between the first
    read and the lock in a way that makes the action mean something else.
    """
    seen = read_plan(path)
    changes: list[Change] = []
    before_sessions: list[dict[str, Any]] = []

    def change(plan: Plan) -> HistoryEntry:
        if guard is not None and plan.revision != seen.revision:
            guard(seen, plan)
        before_sessions[:] = [s.model_dump() for s in plan.sessions]
        changes.append(action(plan))
        done = changes[-1]
        return HistoryEntry(at=now, change=done.summary, why=done.why, before=done.before)

    if dry_run:
        if seen.conflicts:  # the same refusal as a real run, so a dry run never misleads
            raise UnresolvedConflictsError(str(path), [c.session for c in seen.conflicts])
        plan = seen.model_copy(deep=True)
        entry = change(plan)
        plan.revision += 1
        plan.history.append(entry)
    else:
        plan = update_plan(path, change, now=now)
    changed = tuple(s for s in plan.sessions if s.model_dump() not in before_sessions)
    return Applied(file=path, plan=plan, change=changes[-1], sessions=changed, dry_run=dry_run)


def record_of(session: PlannedSession) -> SessionRecord:
    """What is recorded for *session*, as kept in history by an amendment."""
    return SessionRecord(
        status=session.status,
        date=session.date,
        notes=session.notes,
        absence=session.absence,
        cancelled_by=session.cancelled_by,
        facilitators=list(session.facilitators),
        engagement_concern=session.engagement_concern,
    )


def checked_text(label: str, text: str, *, limit: int, lines: bool = False) -> str:
    """*text* without surrounding space, refused when too long or holding control characters."""
    text = text.strip()
    if len(text) > limit:
        raise DeliveryError(
            f"the {label} is {len(text):,} characters long; the limit is {limit:,}",
            hint="shorten it; nothing was cut and nothing was written",
        )
    try:
        refuse_control(text, what=f"the {label}", multiline=lines)
    except ValueError as error:
        raise DeliveryError(
            f"{error}; nothing was changed", hint="retype it without pasting terminal codes"
        ) from None
    return text
