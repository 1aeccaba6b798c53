"""Rich renderings of plans for the terminal: the session table, explanations, checks.

Tables are imported where they are drawn: `plan new` reports on one line, and starts
faster without them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text

from hii_planner.plans.models import Plan, PlannedSession
from hii_planner.ui.console import stderr_console, stdout_console
from hii_planner.ui.notices import notice
from hii_planner.wording import date, hours, plural, schedule_sentence

if TYPE_CHECKING:  # only for annotations: `plan show` builds no library or planner models
    from rich.table import Table

    from hii_planner.library.loader import Library
    from hii_planner.library.session_needs import SessionNeeds
    from hii_planner.planning.explain import Explanation
    from hii_planner.planning.planner import PlanResult
    from hii_planner.planning.why_not import NotPlanned
    from hii_planner.plans.caseload import CaseloadEntry
    from hii_planner.plans.check import PlanCheck
    from hii_planner.plans.progress import Progress


def plan_heading(plan: Plan) -> Text:
    """Reference, facilitators, library and rhythm in two lines."""
    heading = Text(f"Plan for {plan.participant.reference}", style="bold")
    if plan.facilitators:
        heading += Text(f"  · facilitators: {', '.join(plan.facilitators)}")
    heading += Text(
        f"\n{plan.library.name} {plan.library.version} · {schedule_sentence(plan.schedule)}",
        style="dim",
    )
    from hii_planner.ui.delivery_views import schedule_details, status_heading

    heading += schedule_details(plan)
    heading += status_heading(plan)
    return heading


def render_plan(
    plan: Plan, library: Library | SessionNeeds | None = None, *, file: str = "FILE"
) -> None:
    """The whole plan for `plan show`, ending with where it stands today.

    With the *library* (or its sessions' needs), the needs are shown with the sessions
    that address them.
    """
    from hii_planner import clock
    from hii_planner.plans.progress import plan_progress
    from hii_planner.ui.clinical_views import print_coverage, print_reviews
    from hii_planner.ui.delivery_views import overdue_hint, status_history_table
    from hii_planner.ui.sessions import session_table

    console = stdout_console()
    today = clock.today()
    console.print(plan_heading(plan))
    console.print(session_table(plan, today=today))
    if plan.left_out:
        console.print(
            Text("Left out: ", style="bold")
            + Text(", ".join(f"{i.module}/{i.session} ({i.reason})" for i in plan.left_out))
        )
    from hii_planner.ui.session_detail import notes_table

    notes = notes_table(plan)
    if notes is not None:
        console.print(notes)
    print_reviews(console, plan)
    if library is not None:
        from hii_planner.plans.coverage import coverage

        print_coverage(console, coverage(plan, library))
    progress = plan_progress(plan, today=today)
    console.print(progress_grid(progress))
    history = status_history_table(plan)
    if history is not None:
        console.print(history)
    if progress.overdue:
        console.print(overdue_hint(file))


def report_new_plan(result: PlanResult, path: Path | None, *, previewed: bool = False) -> None:
    """After `plan new`: where the plan went, its size, and anything to know (on stderr).

    When *previewed* (the guided planner's preview has just shown the cautions,
    warnings and notes of this plan), only where it went is said.
    """
    plan = result.plan
    console = stderr_console()
    if not previewed:
        for caution in result.cautions:
            notice(console, "caution", caution)
        for warning in result.warnings:
            notice(console, "warning", warning)
        for note in result.notes:
            notice(console, "note", note)
        if result.uncovered_needs:
            uncovered = ", ".join(result.uncovered_needs)
            notice(console, "note", "no planned session addresses: " + uncovered)
    sessions = plan.sessions
    span = f"{sessions[0].date.isoformat()} to {sessions[-1].date.isoformat()}" if sessions else ""
    where = f"wrote {path}" if path else "plan written to stdout"
    console.print(
        Text("✓ ", style="bold green")
        + Text(
            f"{where}: {plural(len(plan.modules), 'module')}, {plural(len(sessions), 'session')} "
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


def render_why_not(answer: NotPlanned) -> None:
    """Why a module is not in the plan, then each way to bring it in."""
    console = stdout_console()
    console.print(Text(f"{answer.module} ({answer.title}) is not in the plan:", style="bold"))
    console.print(_bullets(answer.reasons))
    console.print(Text("To bring it in:", style="bold"))
    console.print(_bullets(answer.ways_in))


def _bullets(lines: Sequence[str]) -> Table:
    """Bulleted lines whose wrapped parts stay under their first word."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for line in lines:
        grid.add_row("  •", line)
    return grid


def render_plan_check(result: PlanCheck, file: str) -> None:
    """Errors and warnings of `plan check`, then a verdict."""
    console = stderr_console()
    for error in result.errors:
        stderr_console(errors=True).print(Text("error: ", style="bold red") + Text(error))
    for warning in result.warnings:
        notice(console, "warning", warning)
    if result.ok:
        console.print(Text("✓ ", style="bold green") + Text(f"{file} matches the library"))
    else:
        console.print(
            Text("✗ ", style="bold red")
            + Text(f"{file}: {plural(len(result.errors), 'problem')} (nothing was changed)")
        )


_BAR_WIDTH = 20


def progress_bar(done: int, total: int, *, width: int = _BAR_WIDTH) -> Text:
    """A bar of *width* cells, filled in proportion to *done* of *total*."""
    filled = round(width * done / total) if total else 0
    return Text("█" * filled, style="green") + Text("░" * (width - filled), style="dim")


def _session_line(session: PlannedSession) -> str:
    label = session.title + (" (catch-up)" if session.catch_up else "")
    return f"{date(session.date)} · session {session.number}, {label}"


def progress_grid(progress: Progress) -> Table:
    """Delivered of total with a bar, next session, attendance, overdue, concerns, modules."""
    from rich.table import Table

    from hii_planner.plans.progress import session_numbers

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(
        "Progress",
        progress_bar(progress.delivered, progress.total)
        + Text(f" {progress.delivered} of {progress.total} delivered"),
    )
    following = progress.next_session
    grid.add_row("Next", _session_line(following) if following else "nothing planned")
    attendance = f"{progress.missed} missed, {progress.caught_up} caught up"
    if progress.cancelled:
        attendance += f", {progress.cancelled} cancelled"
    grid.add_row("Attendance", attendance)
    if progress.overdue:
        grid.add_row(
            "Overdue",
            Text(
                f"{len(progress.overdue)} planned before today, not recorded "
                f"({session_numbers(progress.overdue)})",
                style="yellow",
            ),
        )
    if progress.engagement_concerns:
        grid.add_row(
            "Concerns",
            Text(
                f"engagement concern at {session_numbers(progress.engagement_concerns)}",
                style="yellow",
            ),
        )
    if progress.modules:
        grid.add_row("Modules", module_grid(progress))
    return grid


def module_grid(progress: Progress) -> Table:
    """Each module with its sessions delivered, and a tick when it is complete."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_column(justify="right", no_wrap=True)
    for module in progress.modules:
        mark = Text("✓", style="green") if module.complete else Text("·", style="dim")
        grid.add_row(mark, module.title, f"{module.delivered}/{module.total}")
    return grid


def render_caseload(entries: Sequence[CaseloadEntry], *, folder: Path) -> None:
    """The caseload table: reference, progress, next date, overdue sessions and warnings."""
    readable = [e for e in entries if e.plan is not None and e.progress is not None]
    if not entries:
        stderr_console().print(Text(f"no plan files in {folder}"))
    if not readable:
        return
    console = stdout_console()
    narrow = console.width < 80  # the bars give way so that notes keep whole words
    from rich import box
    from rich.table import Table

    table = Table(
        title=f"Caseload: {folder}",
        title_justify="left",
        box=box.SIMPLE_HEAD if narrow else box.HEAVY_HEAD,
        pad_edge=not narrow,
        padding=(0, 1, 0, 0) if narrow else (0, 1),
    )
    table.add_column("reference", no_wrap=True)
    table.add_column("progress", no_wrap=True)
    table.add_column("next", no_wrap=True)
    table.add_column("overdue", justify="right", no_wrap=True)
    table.add_column("notes")
    for entry in readable:
        assert entry.plan is not None and entry.progress is not None
        progress = entry.progress
        following = progress.next_session
        table.add_row(
            entry.plan.participant.reference,
            Text(f"{progress.delivered}/{progress.total}")
            if narrow
            else progress_bar(progress.delivered, progress.total, width=10)
            + Text(f" {progress.delivered}/{progress.total}"),
            date(following.date) if following else "—",
            Text(str(len(progress.overdue)), style="yellow" if progress.overdue else ""),
            Text("; ".join(_caseload_notes(entry))),
        )
    console.print(table)
    for entry in readable:
        for warning in entry.warnings:
            notice(stderr_console(), "warning", f"{entry.file.name}: {warning}")


def _caseload_notes(entry: CaseloadEntry) -> list[str]:
    assert entry.plan is not None and entry.progress is not None
    progress = entry.progress
    notes: list[str] = []
    if entry.plan.status != "active":
        notes.append(entry.plan.status)
    if progress.complete:
        notes.append("complete")
    if progress.engagement_concerns:
        notes.append(f"⚑ {len(progress.engagement_concerns)} concern")
    if progress.missed:
        notes.append(f"{progress.missed} missed")
    if entry.library_changed:
        notes.append("library changed")
    if entry.file.stem != entry.plan.participant.reference:
        notes.append(entry.file.name)
    return notes


def report_unreadable(entries: Sequence[CaseloadEntry]) -> bool:
    """Print each plan of the caseload that could not be read (stderr); True if any."""
    from hii_planner.ui.console import report_error

    broken = [e for e in entries if e.error is not None]
    for entry in broken:
        assert entry.error is not None
        report_error(entry.error)
    if broken:
        count = len(broken)
        stderr_console(errors=True).print(
            Text(
                f"{count} of {len(entries)} .toml files are not readable plans"
                + ("; the plans are listed" if count < len(entries) else "")
            )
        )
    return bool(broken)
