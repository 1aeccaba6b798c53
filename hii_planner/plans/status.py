"""The plan's status as a whole: active, paused, or closed (completed, withdrawn, transferred).

A paused plan has nothing overdue; made active again, its remaining planned
sessions are dated again from a given day. Closing a plan cancels its remaining
planned sessions (``cancelled_by = "plan closed"``); reopening it plans them again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hii_planner.errors import DeliveryError
from hii_planner.plans.changes import Change, checked_text
from hii_planner.plans.models import Plan
from hii_planner.plans.placing import place, renumber
from hii_planner.types import PlanStatus
from hii_planner.wording import plural

CLOSED: tuple[PlanStatus, ...] = ("completed", "withdrawn", "transferred")
PLAN_STATUSES: tuple[PlanStatus, ...] = ("active", "paused", *CLOSED)
ALLOWED: dict[PlanStatus, tuple[PlanStatus, ...]] = {
    "active": ("paused", *CLOSED),
    "paused": ("active", *CLOSED),
    **dict.fromkeys(CLOSED, ("active",)),
}
_STATUS: dict[str, PlanStatus] = {s: s for s in PLAN_STATUSES}
_PREFIX = "status: "
_ARROW = " → "
_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class StatusChange:
    """One change of the plan's status, read back from its history."""

    at: dt.datetime
    before: PlanStatus
    after: PlanStatus
    why: str


def is_closed(plan: Plan) -> bool:
    """True when the plan is completed, withdrawn or transferred."""
    return plan.status in CLOSED


def refuse_if_closed(plan: Plan, doing: str) -> None:
    """Refuse *doing* (e.g. "recorded") on a closed plan, saying how to reopen it."""
    if is_closed(plan):
        raise DeliveryError(
            f"the plan is {plan.status}: its sessions cannot be {doing} until it is active again",
            hint="`hii-planner plan status FILE active --reason TEXT` reopens it",
        )


def last_recorded(plan: Plan) -> dt.date | None:
    """The latest day a session was recorded on (delivered or missed), if any."""
    days = [s.date for s in plan.sessions if s.status in ("delivered", "missed")]
    return max(days, default=None)


def check_restart(plan: Plan, start: dt.date, *, today: dt.date, option: str) -> None:
    """Refuse a restart day in the past or before the last recorded session."""
    if start < today:
        raise DeliveryError(
            f"{option} {start.isoformat()} is in the past (today is {today.isoformat()}); "
            "nothing is planned in the past",
            hint=f"give {option} today or a later day",
        )
    last = last_recorded(plan)
    if last is not None and start < last:
        raise DeliveryError(
            f"{option} {start.isoformat()} is before the last recorded session "
            f"({last.isoformat()})",
            hint=f"give {option} on or after {last.isoformat()}",
        )


def change_status(
    plan: Plan,
    status: PlanStatus,
    *,
    reason: str,
    today: dt.date,
    start: dt.date | None = None,
) -> Change:
    """Move *plan* to *status* (see the module doc), editing it in place."""
    why = checked_text("reason", reason, limit=200)
    if not why:
        raise DeliveryError(
            "a status change needs a reason",
            hint='pass --reason "why", e.g. --reason "in hospital"',
        )
    current = plan.status
    if status == current:
        raise DeliveryError(f"the plan is already {current}; nothing was changed")
    allowed = ALLOWED[current]
    if status not in allowed:
        raise DeliveryError(
            f"a {current} plan cannot become {status}; it can become {_or(allowed)}",
            hint="reopen it first with `hii-planner plan status FILE active --reason TEXT`",
        )
    if start is not None and status != "active":
        raise DeliveryError(
            "--from is for making a plan active again (the day its sessions restart)",
            hint="leave out --from",
        )
    summary = f"{_PREFIX}{current}{_ARROW}{status}"
    if status in CLOSED:
        remaining = [s for s in plan.sessions if s.status == "planned"]
        for session in remaining:
            session.status = "cancelled"
            session.cancelled_by = "plan closed"
        if remaining:
            summary += f"; {plural(len(remaining), 'planned session')} cancelled"
    elif status == "active":
        restart = start or today
        check_restart(plan, restart, today=today, option="--from")
        reopened = [
            s for s in plan.sessions if s.status == "cancelled" and s.cancelled_by == "plan closed"
        ]
        for session in reopened:
            session.status = "planned"
            session.cancelled_by = None
        remaining = sorted(
            (s for s in plan.sessions if s.status == "planned"), key=lambda s: s.number
        )
        place(plan, remaining, after=restart - _DAY, one_slot_on=False)
        renumber(plan)
        if remaining:
            summary += (
                f"; {plural(len(remaining), 'session')} dated again from {restart.isoformat()}"
            )
    plan.status = status
    return Change(summary, why=why)


def status_history(plan: Plan) -> list[StatusChange]:
    """Every change of the plan's status, oldest first."""
    found = []
    for entry in plan.history:
        if not entry.change.startswith(_PREFIX):
            continue
        words = entry.change[len(_PREFIX) :].split(";", 1)[0].split(_ARROW)
        if len(words) == 2 and all(w in PLAN_STATUSES for w in words):
            found.append(
                StatusChange(entry.at, _STATUS[words[0]], _STATUS[words[1]], entry.why or "")
            )
    return found


def _or(choices: tuple[str, ...]) -> str:
    return choices[0] if len(choices) == 1 else ", ".join(choices[:-1]) + " or " + choices[-1]
