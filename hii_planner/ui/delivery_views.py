"""Delivery on screen: a command's change, outcomes, time and place, overdue, the plan's status."""

from __future__ import annotations

import datetime as dt

from rich.table import Table
from rich.text import Text

from hii_planner.plans.changes import Applied
from hii_planner.plans.models import Plan, PlannedSession
from hii_planner.ui.console import stderr_console

DRY_RUN_LINE = "dry run: nothing was written"


def report_applied(applied: Applied, *, today: dt.date) -> None:
    """After record, amend, reschedule, closure or status: the change and what comes next."""
    from hii_planner.plans.progress import plan_progress
    from hii_planner.ui.plan_views import _session_line as session_line

    console = stderr_console()
    for warning in applied.change.warnings:
        console.print(Text("warning: ", style="bold yellow") + Text(warning))
    mark = "would: " if applied.dry_run else "✓ "
    console.print(Text(mark, style="bold green") + Text(applied.change.summary))
    plan = applied.plan
    progress = plan_progress(plan, today=today)
    following = progress.next_session
    line = f"{progress.delivered} of {progress.total} delivered · next: " + (
        session_line(following) if following else "nothing planned"
    )
    if progress.overdue:
        line += f" · {len(progress.overdue)} overdue"
    if plan.status != "active":
        line += f" · plan {plan.status}"
    console.print(Text("  " + line))
    if applied.dry_run:
        console.print(Text(DRY_RUN_LINE))


def outcome_words(session: PlannedSession) -> str:
    """What was recorded beyond the status: absence, who cancelled, who delivered."""
    if session.status == "missed" and session.absence:
        return f"{session.absence} absence"
    if session.status == "cancelled" and session.cancelled_by:
        return _CANCELLED_BY[session.cancelled_by]
    if session.status == "delivered" and session.facilitators:
        return ", ".join(session.facilitators)
    return ""


_CANCELLED_BY = {
    "participant": "by the participant",
    "service": "by the service",
    "closure": "by a closure",
    "plan closed": "plan closed",
}


def when_and_where(plan: Plan, session: PlannedSession) -> str:
    """A session's own time and place where they differ from the usual ones (facilitators only)."""
    parts = []
    if session.time and session.time != plan.schedule.time:
        parts.append(session.time)
    if session.place and session.place != plan.schedule.place:
        parts.append(session.place)
    return " · ".join(parts)


def is_overdue(plan: Plan, session: PlannedSession, today: dt.date) -> bool:
    """True for a planned session dated before today in an active plan."""
    return plan.status == "active" and session.status == "planned" and session.date < today


def status_heading(plan: Plan) -> Text:
    """The plan's status when it is not simply active, with the reason of its last change."""
    from hii_planner.plans.status import status_history

    if plan.status == "active":
        return Text("")
    changes = status_history(plan)
    why = f" ({changes[-1].why}, {changes[-1].at.date().isoformat()})" if changes else ""
    return Text(f"\nStatus: {plan.status}{why}", style="bold yellow")


def status_history_table(plan: Plan) -> Table | None:
    """Every change of the plan's status with its reason, or None when there was none."""
    from hii_planner.plans.status import status_history

    changes = status_history(plan)
    if not changes:
        return None
    table = Table(title="Status history", title_justify="left")
    table.add_column("date", no_wrap=True)
    table.add_column("change", no_wrap=True)
    table.add_column("reason", overflow="fold")
    for change in changes:
        table.add_row(change.at.date().isoformat(), f"{change.before} → {change.after}", change.why)
    return table


def overdue_hint(plan_file: str) -> Text:
    """Which command fixes overdue sessions."""
    return Text(
        f"Overdue sessions: record them, or date them again from today with "
        f"`hii-planner plan reschedule {plan_file} --overdue`",
        style="yellow",
    )


def schedule_details(plan: Plan) -> Text:
    """The usual time and place and the closures, for the plan's heading (facilitators only)."""
    from hii_planner.plans.closures import closure_words

    schedule = plan.schedule
    parts = []
    if schedule.time:
        parts.append(f"at {schedule.time}")
    if schedule.place:
        parts.append(f"in {schedule.place}")
    if schedule.closures:
        parts.append("closed " + ", ".join(closure_words(c) for c in schedule.closures))
    return Text("\n" + " · ".join(parts), style="dim") if parts else Text("")
