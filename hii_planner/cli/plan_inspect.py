"""`hii-planner plan show|check|why|export`: read a plan without changing it."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from hii_planner.choices import ExportFormat
from hii_planner.cli._common import EXIT_PROBLEM, emit_json, handle_errors, state
from hii_planner.cli.completion import complete_module

PlanFile = Annotated[
    Path, typer.Argument(metavar="FILE", help="Plan file (.toml).", show_default=False)
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (stable, documented).")]


@handle_errors
def show(plan_file: PlanFile, as_json: JsonOption = False) -> None:
    """Show a plan: its sessions with dates, minutes and status, and totals."""
    from hii_planner.plans.planfile import plan_as_json, read_plan

    plan = read_plan(plan_file)
    if as_json:
        emit_json(plan_as_json(plan))
        return
    from hii_planner.ui.paging import paged
    from hii_planner.ui.plan_views import render_plan

    with paged():
        render_plan(plan, file=str(plan_file))


@handle_errors
def check(ctx: typer.Context, plan_file: PlanFile, as_json: JsonOption = False) -> None:
    """Check a plan against the library: missing modules or sessions, library changes."""
    from hii_planner.plans.check import check_plan
    from hii_planner.plans.planfile import read_plan

    plan = read_plan(plan_file)
    result = check_plan(plan, state(ctx).library())
    if as_json:
        emit_json({"ok": result.ok, "errors": result.errors, "warnings": result.warnings})
    else:
        from hii_planner.ui.plan_views import render_plan_check

        render_plan_check(result, str(plan_file))
    if not result.ok:
        raise typer.Exit(EXIT_PROBLEM)


@handle_errors
def why(
    plan_file: PlanFile,
    module: Annotated[
        str,
        typer.Argument(
            metavar="MODULE",
            autocompletion=complete_module,
            help="Module id in the plan.",
            show_default=False,
        ),
    ],
) -> None:
    """Explain why a module is in a plan: the path from a choice or a need to it."""
    from hii_planner.planning.explain import why as explain
    from hii_planner.plans.planfile import read_plan
    from hii_planner.ui.plan_views import render_why

    render_why(explain(read_plan(plan_file), module))


def _parse_time(value: str) -> dt.time:
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a time such as 10:00") from None


@handle_errors
def export(
    plan_file: PlanFile,
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Output format.", show_default=False)
    ],
    out: Annotated[str, typer.Option("--out", "-o", help="File to write, or - for stdout.")] = "-",
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    time: Annotated[
        str, typer.Option("--time", help="Local start time of calendar events (ics only).")
    ] = "10:00",
) -> None:
    """Export a plan as JSON, Markdown, CSV or an iCalendar (ics) file."""
    from hii_planner.export import render
    from hii_planner.files.atomic import write_atomic
    from hii_planner.plans.outputs import checked_output
    from hii_planner.plans.planfile import read_plan

    text = render(read_plan(plan_file), output_format, time=_parse_time(time))
    if out == "-":
        sys.stdout.write(text)
    else:
        target = checked_output(Path(out), force=force, inputs=[plan_file])
        write_atomic(target, text, replace=force)
