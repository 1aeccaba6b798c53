"""The report's delivery sections: attendance outcomes, who delivered, and the plan's status.

Kept apart from `report.py` so that each part of the report reads on its own.
"""

from __future__ import annotations

from collections import Counter

from hii_planner.documents.model import Block, Facts, Heading, Paragraph, TableBlock
from hii_planner.plans.models import Plan
from hii_planner.plans.status import status_history
from hii_planner.types import CancelledBy

_CANCELLED_BY: tuple[tuple[CancelledBy, str], ...] = (
    ("participant", "Cancelled by the participant"),
    ("service", "Cancelled by the service"),
    ("closure", "Cancelled by a closure"),
    ("plan closed", "Cancelled as the plan closed"),
)


def outcome_counts(plan: Plan) -> list[tuple[str, str]]:
    """Delivered, absences by kind, cancellations by whom, catch-ups made up, as fact rows."""
    sessions = plan.sessions
    missed = [s for s in sessions if s.status == "missed"]
    cancelled = Counter(s.cancelled_by for s in sessions if s.status == "cancelled")
    rows = [
        ("Sessions delivered (including catch-ups)", str(_count(plan, "delivered"))),
        ("Acceptable absences", str(sum(1 for s in missed if s.absence == "acceptable"))),
        ("Unacceptable absences", str(sum(1 for s in missed if s.absence == "unacceptable"))),
    ]
    unstated = sum(1 for s in missed if not s.absence)
    if unstated:
        rows.append(("Absences, kind not recorded", str(unstated)))
    rows += [(label, str(cancelled[key])) for key, label in _CANCELLED_BY if cancelled[key]]
    if cancelled[None]:
        rows.append(("Cancelled, by whom not recorded", str(cancelled[None])))
    made_up = sum(1 for s in sessions if s.catch_up and s.status == "delivered")
    rows.append(("Catch-ups made up", str(made_up)))
    return rows


def _count(plan: Plan, status: str) -> int:
    return sum(1 for s in plan.sessions if s.status == status)


def outcome_section(plan: Plan) -> list[Block]:
    """Attendance outcomes as probation services count them, and sessions by facilitator."""
    blocks: list[Block] = [
        Heading("Attendance outcomes", level=3),
        Facts(tuple(outcome_counts(plan))),
    ]
    by_facilitator = Counter(
        name for s in plan.sessions if s.status == "delivered" for name in s.facilitators
    )
    if by_facilitator:
        blocks += [
            Heading("Sessions by facilitator", level=3),
            TableBlock(
                ("Facilitator", "Sessions delivered"),
                tuple((name, str(count)) for name, count in sorted(by_facilitator.items())),
            ),
        ]
    return blocks


def status_section(plan: Plan) -> list[Block]:
    """The plan's status now and every change of it, with the reasons."""
    changes = status_history(plan)
    blocks: list[Block] = [Heading("Plan status"), Facts((("Status", plan.status),))]
    if not changes:
        blocks.append(Paragraph("The plan's status has not changed since it was made."))
        return blocks
    blocks.append(
        TableBlock(
            ("Date", "Change", "Reason"),
            tuple((c.at.date().isoformat(), f"{c.before} → {c.after}", c.why) for c in changes),
        )
    )
    return blocks
