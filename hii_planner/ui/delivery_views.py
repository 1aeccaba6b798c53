"""What a writing delivery command says on stderr: the change, warnings, what comes next."""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from hii_planner.plans.changes import Applied
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
