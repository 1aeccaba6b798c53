"""`hii-planner plan record|reschedule|report|list`: delivery tracking and the caseload."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from hii_planner.cli._common import EXIT_PROBLEM, emit_json, handle_errors, state

PlanFile = Annotated[Path, typer.Argument(help="Plan file (.toml).", show_default=False)]
Number = Annotated[
    int, typer.Argument(min=1, help="Session number (see `plan show`).", show_default=False)
]


class RecordStatus(StrEnum):
    """What happened at a session."""

    delivered = "delivered"
    missed = "missed"
    cancelled = "cancelled"


class ReportFormat(StrEnum):
    """Formats of `plan report`."""

    markdown = "markdown"
    html = "html"
    pdf = "pdf"


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date such as 2027-01-04") from None


@handle_errors
def record(
    plan_file: PlanFile,
    number: Number,
    status: Annotated[
        RecordStatus,
        typer.Option(help="What happened at the session.", show_default=False),
    ],
    date: Annotated[
        str | None,
        typer.Option(
            help="The day it took place, YYYY-MM-DD \\[default: its planned date].",
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str, typer.Option(help="A short note for the session record (facilitators only).")
    ] = "",
    not_engaged: Annotated[
        bool, typer.Option("--not-engaged", help="Record an engagement concern.")
    ] = False,
) -> None:
    """Record what happened at a session: delivered, missed or cancelled.

    A missed session stays in the plan as missed; a catch-up of it takes the
    next free slot and every later planned session moves one slot on.
    A cancelled session is not made up and nothing moves.
    """
    from hii_planner import clock
    from hii_planner.plans.delivery import record_in_file
    from hii_planner.ui.plan_views import report_delivery

    plan, outcome = record_in_file(
        plan_file,
        number,
        status=status.value,
        date=_parse_date(date),
        note=note,
        not_engaged=not_engaged,
        now=clock.now(),
    )
    report_delivery(plan, outcome, today=clock.today())


@handle_errors
def reschedule(
    plan_file: PlanFile,
    number: Number,
    date: Annotated[str, typer.Option(help="The new date, YYYY-MM-DD.", show_default=False)],
    cascade: Annotated[
        bool,
        typer.Option("--cascade", help="Move every later planned session to the slots after it."),
    ] = False,
) -> None:
    """Move a planned session to another date, optionally moving the later ones too."""
    from hii_planner import clock
    from hii_planner.plans.delivery import reschedule_in_file
    from hii_planner.ui.plan_views import report_delivery

    new_date = _parse_date(date)
    assert new_date is not None  # the option is required
    plan, outcome = reschedule_in_file(
        plan_file, number, date=new_date, cascade=cascade, now=clock.now()
    )
    report_delivery(plan, outcome, today=clock.today())


@handle_errors
def report(
    ctx: typer.Context,
    plan_file: PlanFile,
    output_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format \\[default: from the --out suffix, else markdown].",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write, or - for stdout "
            "\\[default: stdout; for pdf, REFERENCE-report.pdf].",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Write the post-intervention report skeleton (Markdown, HTML or PDF).

    It lists attendance, modules completed, the needs they addressed and the
    session notes, with headed blank sections for your formulation of change.
    """
    from hii_planner import clock
    from hii_planner.documents.render import render_document
    from hii_planner.files.atomic import write_atomic
    from hii_planner.handouts.report import build_report
    from hii_planner.plans.planfile import read_plan

    plan = read_plan(plan_file)
    chosen = output_format.value if output_format else _format_from(out)
    library = state(ctx).library()
    same_library = library.info.name == plan.library.name
    if not same_library:
        from hii_planner.ui.console import message

        message(
            f"warning: the plan was made with the library {plan.library.name!r}, not "
            f"{library.info.name!r}: need titles and the protective marking are left out "
            "(pass --library with the plan's library)"
        )
    document = build_report(plan, today=clock.today(), library=library if same_library else None)
    data = render_document(document, chosen)
    if out is None and chosen == "pdf":
        out = f"{plan.participant.reference}-report.pdf"
    if out is None or out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    write_atomic(Path(out), data, replace=force)
    from hii_planner.ui.console import message

    message(f"✓ wrote {out}")


def _format_from(out: str | None) -> str:
    suffix = Path(out).suffix.lower() if out and out != "-" else ""
    return {".pdf": "pdf", ".html": "html", ".htm": "html"}.get(suffix, "markdown")


@handle_errors
def list_plans(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help="Folder of plan files.", show_default=False)],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON (stable, documented).")
    ] = False,
    summary: Annotated[
        bool,
        typer.Option(
            "--summary", help="The team view: figures over the caseload instead of one row a plan."
        ),
    ] = False,
) -> None:
    """The caseload: every plan in a folder with its progress and next date.

    Plans that cannot be read are reported on stderr and the others are still
    listed; the exit code is then 1. Conflict copies that a synced folder made
    of a plan are named, with the `plan merge` command that folds them in.
    With --summary: plans by status, sessions delivered and missed, overdue
    sessions, library changes, conflicts and next week's sessions.
    """
    from hii_planner import clock
    from hii_planner.errors import HiiPlannerError
    from hii_planner.plans.caseload import caseload_json, read_caseload
    from hii_planner.ui.plan_views import render_caseload, report_unreadable

    try:
        library = state(ctx).library()
    except HiiPlannerError as error:
        library = None
        from hii_planner.ui.console import message

        message(f"warning: library changes are not checked: {error}")
    entries = read_caseload(folder, today=clock.today(), library=library)
    from hii_planner.plans.sync_copies import find_conflict_copies, mark_copies
    from hii_planner.ui.team_views import report_conflict_copies

    copies = find_conflict_copies(entries)
    if summary:
        from hii_planner.plans.team_summary import summary_json, team_summary
        from hii_planner.ui.team_views import render_team_summary

        figures = team_summary(entries, today=clock.today(), copies=copies)
        if as_json:
            emit_json(summary_json(figures))
        else:
            render_team_summary(figures, folder)
    elif as_json:
        items = caseload_json(entries)
        mark_copies(items, copies)
        emit_json(items)
    else:
        render_caseload(entries, folder=folder)
    report_conflict_copies(copies)
    if report_unreadable(entries):
        raise typer.Exit(EXIT_PROBLEM)
