"""One session of a plan in full (`plan show FILE N`), and the notes under `plan show`."""

from __future__ import annotations

import datetime as dt

from rich.table import Table
from rich.text import Text

from hii_planner.choices import STATUS_STYLES
from hii_planner.plans.models import Plan, PlannedSession
from hii_planner.ui.console import stdout_console
from hii_planner.wording import hours, long_date


def session_facts(plan: Plan, session: PlannedSession, *, today: dt.date) -> Table:
    """Every recorded fact of *session*, one a line, notes last and in full."""
    from hii_planner.ui.delivery_views import is_overdue, outcome_words

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    status = Text(session.status, style=STATUS_STYLES[session.status])
    if is_overdue(plan, session, today):
        status = Text("overdue (planned before today, not recorded)", style="bold yellow")
    if details := outcome_words(session):
        status.append(f" · {details}")
    rows: list[tuple[str, str | Text]] = [
        ("Module", session.module),
        ("Session", session.session + (" (catch-up)" if session.catch_up else "")),
        ("Date", long_date(session.date)),
        ("Time", session.time or plan.schedule.time or "all day"),
        ("Place", session.place or plan.schedule.place or "not given"),
        ("Length", hours(session.minutes)),
        ("Status", status),
    ]
    if session.provider:
        rows.append(("Provider", session.provider))
    if session.engagement_concern:
        rows.append(("Concern", Text("engagement concern recorded ⚑", style="yellow")))
    rows.append(("Notes", session.notes or Text("none recorded", style="dim")))
    for label, value in rows:
        grid.add_row(label, value)
    return grid


def render_session(plan: Plan, number: int, *, today: dt.date) -> None:
    """Session *number* of *plan* in full, with its history lines."""
    from hii_planner.plans.delivery import find_session

    found = find_session(plan, number)  # an unknown number names the plan's range
    console = stdout_console()
    console.print(
        Text(f"Session {number} of {len(plan.sessions)}: ", style="bold")
        + Text(found.title, style="bold")
        + Text(f"  · plan for {plan.participant.reference}", style="dim")
    )
    console.print(session_facts(plan, found, today=today))


def notes_table(plan: Plan) -> Table | None:
    """The recorded notes of every session, by number (None when there are none)."""
    noted = [s for s in plan.sessions if s.notes]
    if not noted:
        return None
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for session in noted:
        grid.add_row(f"{session.number}", session.notes)
    table = Table.grid()
    table.add_row(Text("Notes", style="bold"))
    table.add_row(grid)
    return table
