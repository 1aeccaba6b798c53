"""`hii-planner plan record|reschedule|report|list`: delivery tracking and the caseload."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from hii_planner.choices import RecordedStatus
from hii_planner.cli._common import EXIT_PROBLEM, emit_json, handle_errors, state
from hii_planner.cli._delivery import (
    AbsenceOption,
    AsJson,
    ByOption,
    DryRun,
    Facilitators,
    Number,
    PlanFile,
    finish,
    parse_date,
    plan_dependencies,
)
from hii_planner.cli.completion import complete_session_number
from hii_planner.documents.render import OutputFormat


@handle_errors
def record(
    plan_file: PlanFile,
    number: Number,
    status: Annotated[
        RecordedStatus,
        typer.Option(help="What happened at the session.", show_default=False),
    ],
    date: Annotated[
        str | None,
        typer.Option(
            help="The day it took place, YYYY-MM-DD [default: its planned date].",
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str, typer.Option(help="A short note for the session record (facilitators only).")
    ] = "",
    not_engaged: Annotated[
        bool, typer.Option("--not-engaged", help="Record an engagement concern.")
    ] = False,
    absence: AbsenceOption = None,
    by: ByOption = None,
    facilitator: Facilitators = None,
    dry_run: DryRun = False,
    as_json: AsJson = False,
) -> None:
    """Record what happened at a session: delivered, missed or cancelled.

    A missed session stays in the plan as missed; a catch-up of it takes the
    first free slot from today and every later planned session moves one slot
    on. A cancelled session is not made up and nothing moves. Sessions are
    numbered in date order, so numbers may change.

    Example: hii-planner plan record P-0042.toml 3 --status missed --absence acceptable
    """
    from hii_planner import clock
    from hii_planner.plans.delivery import record_in_file

    applied = record_in_file(
        plan_file,
        number,
        status=status,
        date=parse_date(date),
        note=note,
        not_engaged=not_engaged,
        absence=absence or "",
        by=by,
        facilitators=facilitator or (),
        now=clock.now(),
        today=clock.today(),
        dry_run=dry_run,
    )
    finish(applied, as_json=as_json)


@handle_errors
def reschedule(
    ctx: typer.Context,
    plan_file: PlanFile,
    number: Annotated[
        int | None,
        typer.Argument(
            min=1,
            metavar="N",
            autocompletion=complete_session_number,
            help="Session number (see `plan show`); not with --overdue.",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="The new date, YYYY-MM-DD.", show_default=False)
    ] = None,
    time: Annotated[
        str | None,
        typer.Option(help='Start time HH:MM for this session ("" for the usual one).'),
    ] = None,
    place: Annotated[
        str | None,
        typer.Option(help='Place for this session, facilitators only ("" for the usual one).'),
    ] = None,
    cascade: Annotated[
        bool,
        typer.Option("--cascade", help="Move every later planned session to the slots after it."),
    ] = False,
    overdue: Annotated[
        bool,
        typer.Option(
            "--overdue", help="Move every overdue planned session, and the later ones, forward."
        ),
    ] = False,
    from_date: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="With --overdue: the first day to use, YYYY-MM-DD [default: today].",
            show_default=False,
        ),
    ] = None,
    dry_run: DryRun = False,
    as_json: AsJson = False,
) -> None:
    """Move a planned session (or every overdue one), or give it a time or place.

    A session is never moved before one it depends on (an earlier session of
    its module, or a module it requires or comes after): pass --cascade to
    move the later sessions too, or move the earlier ones first.

    Examples: hii-planner plan reschedule P-0042.toml 5 --date 2027-01-11 --cascade;
    hii-planner plan reschedule P-0042.toml --overdue
    """
    from hii_planner import clock
    from hii_planner.plans.rescheduling import reschedule_in_file

    _check_reschedule_options(number, overdue, date, time, place, cascade, from_date)
    if time and not _CLOCK_TIME.match(time):
        raise typer.BadParameter(f"{time!r} is not a time such as 10:00", param_hint="--time")
    applied = reschedule_in_file(
        plan_file,
        number,
        date=parse_date(date),
        time=time,
        place_text=place,
        cascade=cascade,
        overdue_from=parse_date(from_date, "--from"),
        dependencies=plan_dependencies(ctx, plan_file) if date else None,
        now=clock.now(),
        today=clock.today(),
        dry_run=dry_run,
    )
    finish(applied, as_json=as_json)


_CLOCK_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def _check_reschedule_options(
    number: int | None,
    overdue: bool,
    date: str | None,
    time: str | None,
    place: str | None,
    cascade: bool,
    from_date: str | None,
) -> None:
    if overdue:
        if number is not None or date or time is not None or place is not None or cascade:
            raise typer.BadParameter(
                "--overdue moves every overdue session; give no NUMBER, --date, --time, "
                "--place or --cascade with it",
                param_hint="--overdue",
            )
        return
    if from_date is not None:
        raise typer.BadParameter("--from goes with --overdue", param_hint="--from")
    if number is None:
        raise typer.BadParameter(
            "give the session NUMBER to move, or --overdue", param_hint="NUMBER"
        )


@handle_errors
def report(
    ctx: typer.Context,
    plan_file: PlanFile,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format [default: from the --out suffix, else markdown].",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write, or - for stdout [default: stdout; for pdf, REFERENCE-report.pdf].",
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
    from hii_planner.handouts.report_output import prepare_report, write_report
    from hii_planner.plans.planfile import read_plan
    from hii_planner.ui.console import message

    plan = read_plan(plan_file)
    report = prepare_report(
        plan, state(ctx).library(), today=clock.today(), output_format=output_format, out=out
    )
    for warning in report.warnings:
        message(f"warning: {warning}")
    if report.path is None:
        sys.stdout.buffer.write(report.data)
        sys.stdout.flush()
        return
    write_report(report, replace=force, inputs=[plan_file])
    message(f"✓ wrote {report.path}")


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
