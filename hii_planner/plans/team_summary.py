"""The team view of a caseload: figures over the plans `plan list` has already read."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hii_planner.plans.caseload import CaseloadEntry
from hii_planner.plans.models import PlannedSession
from hii_planner.plans.sync_copies import ConflictCopy
from hii_planner.types import PlanStatus

WEEK = dt.timedelta(days=7)
_STATUSES: tuple[PlanStatus, ...] = ("active", "paused", "completed", "withdrawn", "transferred")


@dataclass(frozen=True)
class Upcoming:
    """A planned session in the coming week."""

    file: Path
    reference: str
    number: int
    title: str
    date: dt.date
    time: str | None


@dataclass(frozen=True)
class TeamSummary:
    """What a treatment manager looks at first (conflict copies are not counted twice)."""

    today: dt.date
    plans: int
    by_status: dict[str, int]
    delivered_this_month: int
    delivered: int
    absences_acceptable: int
    absences_unacceptable: int
    absences_not_stated: int
    cancelled: int
    overdue: int
    library_changed: tuple[Path, ...]
    with_conflicts: tuple[Path, ...]
    conflict_copies: tuple[ConflictCopy, ...]
    unreadable: tuple[Path, ...]
    next_week: tuple[Upcoming, ...]


def team_summary(
    entries: Sequence[CaseloadEntry], *, today: dt.date, copies: Sequence[ConflictCopy] = ()
) -> TeamSummary:
    """Count *entries* as of *today*; the *copies* of plans are left out of the figures."""
    skipped = {c.copy for c in copies}
    plans = [e for e in entries if e.plan is not None and e.file not in skipped]
    statuses: Counter[str] = Counter(dict.fromkeys(_STATUSES, 0))
    absences: Counter[str] = Counter()
    delivered = this_month = cancelled = overdue = 0
    upcoming: list[Upcoming] = []
    for entry in plans:
        plan = entry.plan
        assert plan is not None
        statuses[plan.status] += 1
        for session in plan.sessions:
            if session.status == "delivered":
                delivered += 1
                same_month = (session.date.year, session.date.month) == (today.year, today.month)
                this_month += same_month
            elif session.status == "missed":
                absences[session.absence] += 1
            elif session.status == "cancelled":
                cancelled += 1
            elif plan.status == "active":
                if session.date < today:
                    overdue += 1
                elif session.date < today + WEEK:
                    upcoming.append(_upcoming(entry.file, plan.participant.reference, session))
    return TeamSummary(
        today=today,
        plans=len(plans),
        by_status=dict(statuses),
        delivered_this_month=this_month,
        delivered=delivered,
        absences_acceptable=absences["acceptable"],
        absences_unacceptable=absences["unacceptable"],
        absences_not_stated=absences[""],
        cancelled=cancelled,
        overdue=overdue,
        library_changed=tuple(e.file for e in plans if e.library_changed),
        with_conflicts=tuple(e.file for e in plans if e.plan is not None and e.plan.conflicts),
        conflict_copies=tuple(copies),
        unreadable=tuple(e.file for e in entries if e.error is not None),
        next_week=tuple(sorted(upcoming, key=lambda u: (u.date, u.time or "", u.reference))),
    )


def _upcoming(file: Path, reference: str, session: PlannedSession) -> Upcoming:
    return Upcoming(file, reference, session.number, session.title, session.date, session.time)


def summary_json(summary: TeamSummary) -> dict[str, Any]:
    """The `plan list --summary --json` object: the same figures as the table."""
    return {
        "today": summary.today.isoformat(),
        "plans": summary.plans,
        "by_status": summary.by_status,
        "delivered": {"this_month": summary.delivered_this_month, "total": summary.delivered},
        "missed": {
            "acceptable": summary.absences_acceptable,
            "unacceptable": summary.absences_unacceptable,
            "not_stated": summary.absences_not_stated,
            "total": summary.absences_acceptable
            + summary.absences_unacceptable
            + summary.absences_not_stated,
        },
        "cancelled": summary.cancelled,
        "overdue": summary.overdue,
        "library_changed": [str(p) for p in summary.library_changed],
        "with_conflicts": [str(p) for p in summary.with_conflicts],
        "conflict_copies": [
            {"file": str(c.copy), "copy_of": str(c.original), "kind": c.kind}
            for c in summary.conflict_copies
        ],
        "unreadable": [str(p) for p in summary.unreadable],
        "next_week": [
            {
                "file": str(u.file),
                "reference": u.reference,
                "session": u.number,
                "title": u.title,
                "date": u.date.isoformat(),
                "time": u.time,
            }
            for u in summary.next_week
        ],
    }
