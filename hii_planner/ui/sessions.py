"""The one session table, shown by `plan show` and by the guided planner's preview."""

from __future__ import annotations

import datetime as dt

from rich.table import Table
from rich.text import Text

from hii_planner.choices import STATUS_STYLES
from hii_planner.plans.models import Plan
from hii_planner.wording import date, hours, plural


def session_table(
    plan: Plan,
    *,
    title: str | None = None,
    with_status: bool = True,
    today: dt.date | None = None,
) -> Table:
    """Number, date, session (with its module), minutes and status, with totals.

    With *today*, planned sessions dated before it are marked overdue; outcomes (who
    delivered, absences, cancellations) and a session's own time and place show too.
    """
    from hii_planner.ui.delivery_views import is_overdue, outcome_words, when_and_where

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
        if session.kind == "review" and "review" not in session.title.lower():
            label.append(" (progress review)", style="bold")
        label.append(f"\n{session.module}", style="dim")
        if session.provider:
            label.append(f" · by {session.provider}", style="dim")
        day = Text(date(session.date))
        if where := when_and_where(plan, session):
            day.append(f"\n{where}", style="dim")
        row: list[str | Text] = [str(session.number), day, label, str(session.minutes)]
        if with_status:
            words = session.status + (" ⚑" if session.engagement_concern else "")
            status = Text(words, style=STATUS_STYLES[session.status])
            if today is not None and is_overdue(plan, session, today):
                status = Text("overdue", style="bold yellow")
            if details := outcome_words(session):
                status.append(f"\n{details}", style="dim")
            row.append(status)
        table.add_row(*row)
    return table
