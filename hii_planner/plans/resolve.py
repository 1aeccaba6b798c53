"""Settle a merge conflict: take our or their record of one session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from hii_planner.errors import DeliveryError
from hii_planner.plans.catch_ups import (
    add_catch_up,
    drop_redundant_catch_ups,
    needs_catch_up,
    renumber_by_date,
)
from hii_planner.plans.models import Conflict, Plan, PlannedSession, SessionRecord
from hii_planner.plans.planfile import update_plan

Side = Literal["ours", "theirs"]
KEPT_REASON_MARK = "kept by a merge"


def find_conflict(plan: Plan, number: int) -> Conflict:
    """The conflict on session *number*; an unknown one names those there are."""
    for conflict in plan.conflicts:
        if conflict.session == number:
            return conflict
    if not plan.conflicts:
        raise DeliveryError(f"this plan has no merge conflicts; session {number} is settled")
    numbers = ", ".join(str(c.session) for c in plan.conflicts)
    raise DeliveryError(
        f"session {number} has no merge conflict; the conflicts are on session {numbers}",
        hint="`hii-planner plan resolve FILE` lists them with both records",
    )


def resolve_conflict(plan: Plan, number: int, *, take: Side, today: dt.date) -> str:
    """Settle the conflict on session *number* with one side's record, editing *plan*.

    A side that no longer has the session removes it. Catch-ups follow the
    record taken: a delivered session's planned catch-up goes, a missed one
    without a catch-up gets one. The numbers of other conflicts follow the
    sessions when they are renumbered by date.
    """
    conflict = find_conflict(plan, number)
    session = plan.sessions[number - 1]
    record = conflict.ours if take == "ours" else conflict.theirs
    others = {id(plan.sessions[c.session - 1]): c for c in plan.conflicts if c is not conflict}
    plan.conflicts = [c for c in plan.conflicts if c is not conflict]
    if record is None:
        plan.sessions.remove(session)
        _drop_module_if_unused(plan, session.module)
        outcome = f"session {number} removed, as in {take}"
    else:
        _apply(session, record)
        outcome = f"session {number} {record.status} ({record.date.isoformat()}), as in {take}"
    dropped = drop_redundant_catch_ups(plan)
    renumber_by_date(plan)
    if record is not None and session in plan.sessions and needs_catch_up(plan, session):
        catch_up = add_catch_up(plan, session, today=today)
        outcome += f"; catch-up added ({catch_up.date.isoformat()})"
    if dropped:
        outcome += f"; {dropped} planned catch-up{'s' if dropped > 1 else ''} removed"
    for kept in plan.sessions:
        if id(kept) in others:
            others[id(kept)].session = kept.number
    return f"merge conflict settled: {outcome}"


def _apply(session: PlannedSession, record: SessionRecord) -> None:
    for name, value in record.model_dump().items():
        setattr(session, name, value)


def _drop_module_if_unused(plan: Plan, module_id: str) -> None:
    """Remove a module a merge kept only for the removed session."""
    if any(s.module == module_id for s in plan.sessions):
        return
    plan.modules = [
        m
        for m in plan.modules
        if m.id != module_id or not any(KEPT_REASON_MARK in str(r) for r in m.reasons)
    ]


def resolve_in_file(path: Path, number: int, *, take: Side, now: dt.datetime) -> tuple[Plan, str]:
    """Settle a conflict in the plan file at *path* (locked, atomic, one history entry)."""
    summaries: list[str] = []

    def change(plan: Plan) -> str:
        summaries.append(resolve_conflict(plan, number, take=take, today=now.date()))
        return summaries[-1]

    plan = update_plan(path, change, now=now, settling_conflicts=True)
    return plan, summaries[-1]
