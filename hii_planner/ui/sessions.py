"""The one session table, shown by `plan show` and by the guided planner's preview."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from hii_planner.choices import STATUS_STYLES
from hii_planner.plans.models import Plan
from hii_planner.wording import date, hours, plural


def session_table(plan: Plan, *, title: str | None = None, with_status: bool = True) -> Table:
    """Number, date, session (with its module), minutes and status, with totals."""
    table = Table(title=title, title_justify="left", show_footer=True)
    table.add_column("#", justify="right", footer="")
    table.add_column("date", no_wrap=True, footer="")
    footer = plural(len(plan.sessions), "session")
    table.add_column("session · module", overflow="fold", footer=footer)
    total = sum(s.minutes for s in plan.sessions if s.status != "cancelled")
    table.add_column("min", justify="right", footer=hours(total))
    if with_status:
        table.add_column("status", footer="")
    for session in plan.sessions:
        label = Text(session.title)
        if session.catch_up:
            label.append(" (catch-up)", style="bold")
        label.append(f"\n{session.module}", style="dim")
        row: list[str | Text] = [
            str(session.number),
            date(session.date),
            label,
            str(session.minutes),
        ]
        if with_status:
            status = session.status + (" ⚑" if session.engagement_concern else "")
            row.append(Text(status, style=STATUS_STYLES[session.status]))
        table.add_row(*row)
    return table
