"""Rich renderings of plans for the terminal: the session table, explanations, checks."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text

from hii_planner.cli._common import stderr_console, stdout_console
from hii_planner.core.explain import Explanation
from hii_planner.core.plan_check import PlanCheck
from hii_planner.core.plan_models import Plan
from hii_planner.core.planner import PlanResult
from hii_planner.export.markdown import hours, schedule_sentence

_STATUS_STYLE = {
    "planned": "",
    "delivered": "green",
    "missed": "red",
    "cancelled": "dim strike",
}


def session_table(plan: Plan, *, title: str | None = None) -> Table:
    """Number, date, module, session, minutes and status of every session, with totals."""
    table = Table(title=title, title_justify="left", show_footer=True)
    table.add_column("#", justify="right", footer="")
    table.add_column("date", no_wrap=True, footer="")
    table.add_column("module", overflow="fold", footer="")
    table.add_column("session", overflow="fold", footer=f"{len(plan.sessions)} sessions")
    total = sum(s.minutes for s in plan.sessions if s.status != "cancelled")
    table.add_column("min", justify="right", footer=hours(total))
    table.add_column("status", footer="")
    for session in plan.sessions:
        label = session.title + (" [catch-up]" if session.catch_up else "")
        status = session.status + (" ⚑" if session.engagement_concern else "")
        table.add_row(
            str(session.number),
            session.date.strftime("%a %d %b %Y"),
            session.module,
            label,
            str(session.minutes),
            Text(status, style=_STATUS_STYLE[session.status]),
        )
    return table


def plan_heading(plan: Plan) -> Text:
    """Reference, facilitators, library and rhythm in two lines."""
    heading = Text(f"Plan for {plan.participant.reference}", style="bold")
    if plan.facilitators:
        heading += Text(f"  · facilitators: {', '.join(plan.facilitators)}")
    heading += Text(
        f"\n{plan.library.name} {plan.library.version} · {schedule_sentence(plan)}", style="dim"
    )
    return heading


def render_plan(plan: Plan) -> None:
    """The whole plan for `plan show`."""
    console = stdout_console()
    console.print(plan_heading(plan))
    console.print(session_table(plan))
    if plan.left_out:
        console.print(
            Text("Left out: ", style="bold")
            + Text(", ".join(f"{i.module}/{i.session} ({i.reason})" for i in plan.left_out))
        )


def report_new_plan(result: PlanResult, path: Path | None) -> None:
    """After `plan new`: where the plan went, its size, and anything to know (on stderr)."""
    plan = result.plan
    console = stderr_console()
    for caution in result.cautions:
        console.print(Text("caution: ", style="bold yellow") + Text(caution))
    for note in result.notes:
        console.print(Text("note: ", style="bold") + Text(note))
    if result.uncovered_needs:
        console.print(
            Text("note: ", style="bold")
            + Text("no planned module addresses: " + ", ".join(result.uncovered_needs))
        )
    sessions = plan.sessions
    span = f"{sessions[0].date.isoformat()} to {sessions[-1].date.isoformat()}" if sessions else ""
    where = f"wrote {path}" if path else "plan written to stdout"
    console.print(
        Text("✓ ", style="bold green")
        + Text(
            f"{where}: {len(plan.modules)} modules, {len(sessions)} sessions "
            f"({hours(sum(s.minutes for s in sessions))}), {span}"
        )
    )


def render_why(explanation: Explanation) -> None:
    """Each chain from a choice or need to the module, as arrows."""
    console = stdout_console()
    console.print(Text(f"{explanation.module} is in the plan because:", style="bold"))
    for path in explanation.paths:
        root, *modules = path
        console.print(Text("  • ") + Text(root, style="cyan") + Text(" → " + " → ".join(modules)))
    for remark in explanation.remarks:
        console.print(Text("  • ") + Text(remark, style="dim"))


def render_plan_check(result: PlanCheck, file: str) -> None:
    """Errors and warnings of `plan check`, then a verdict."""
    console = stderr_console()
    for error in result.errors:
        console.print(Text("error: ", style="bold red") + Text(error))
    for warning in result.warnings:
        console.print(Text("warning: ", style="bold yellow") + Text(warning))
    if result.ok:
        console.print(Text("✓ ", style="bold green") + Text(f"{file} matches the library"))
    else:
        console.print(Text("✗ ", style="bold red") + Text(f"{file} does not match the library"))
