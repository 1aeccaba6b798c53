"""`hii-planner plan record|reschedule|report|list`: delivery tracking and the caseload."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from hii_planner.choices import RecordedStatus
from hii_planner.cli._common import EXIT_PROBLEM, emit_json, handle_errors, state
from hii_planner.documents.render import OutputFormat

PlanFile = Annotated[Path, typer.Argument(help="Plan file (.toml).", show_default=False)]
Number = Annotated[
    int, typer.Argument(min=1, help="Session number (see `plan show`).", show_default=False)
]


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
    from hii_planner.dates import option_date
    from hii_planner.plans.delivery import record_in_file
    from hii_planner.ui.plan_views import report_delivery

    plan, outcome = record_in_file(
        plan_file,
        number,
        status=status,
        date=option_date("--date", date),
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
    from hii_planner.dates import option_date
    from hii_planner.plans.delivery import reschedule_in_file
    from hii_planner.ui.plan_views import report_delivery

    new_date = option_date("--date", date)
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
        OutputFormat | None,
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
) -> None:
    """The caseload: every plan in a folder with its progress and next date.

    Plans that cannot be read are reported on stderr and the others are still
    listed; the exit code is then 1.
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
    if as_json:
        emit_json(caseload_json(entries))
    else:
        render_caseload(entries, folder=folder)
    if report_unreadable(entries):
        raise typer.Exit(EXIT_PROBLEM)
