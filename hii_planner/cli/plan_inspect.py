"""`hii-planner plan show|check|why|export`: read a plan without changing it."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from hii_planner.choices import ExportFormat
from hii_planner.cli._common import EXIT_PROBLEM, emit_json, handle_errors, state

PlanFile = Annotated[Path, typer.Argument(help="Plan file (.toml).", show_default=False)]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (stable, documented).")]


@handle_errors
def show(ctx: typer.Context, plan_file: PlanFile, as_json: JsonOption = False) -> None:
    """Show a plan: its sessions with dates, minutes and status, totals, and needs covered."""
    from hii_planner.errors import HiiPlannerError
    from hii_planner.plans.planfile import plan_as_json, read_plan

    plan = read_plan(plan_file)
    if as_json:
        emit_json(plan_as_json(plan))
        return
    from hii_planner.ui.plan_views import render_plan
    from hii_planner.ui.team_views import print_conflicts

    try:
        library = state(ctx).library()
    except HiiPlannerError:
        library = None  # the plan still shows; only coverage by need needs the library
    render_plan(plan, library, file=str(plan_file))
    print_conflicts(plan, plan_file)


@handle_errors
def check(ctx: typer.Context, plan_file: PlanFile, as_json: JsonOption = False) -> None:
    """Check a plan against the library (missing modules or sessions, library changes) and itself.

    A hand-edited plan is checked too: numbers that do not follow dates, a revision
    below the history, a module listed twice, weekdays that do not fit the cadence,
    and recorded dates in the future or long before the plan was made.
    """
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
    ctx: typer.Context,
    plan_file: PlanFile,
    module: Annotated[
        str | None, typer.Argument(help="Module id in the plan.", show_default=False)
    ] = None,
    need: Annotated[
        str | None,
        typer.Option("--need", help="A need: the planned sessions that address it, or why none."),
    ] = None,
) -> None:
    """Explain why a module is in a plan, or which sessions address a need.

    Example: hii-planner plan why P-0042.toml --need identity-meaning-belonging
    """
    from hii_planner.plans.planfile import read_plan

    if (module is None) == (need is None):
        raise typer.BadParameter("give a MODULE or --need ID (one of the two)")
    plan = read_plan(plan_file)
    if need is not None:
        from hii_planner.planning.explain_need import why_need
        from hii_planner.ui.clinical_views import render_need_why

        render_need_why(why_need(plan, state(ctx).library(), need))
        return
    from hii_planner.planning.explain import why as explain
    from hii_planner.ui.plan_views import render_why

    assert module is not None
    render_why(explain(plan, module))


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
        str | None,
        typer.Option(
            "--time",
            help="Start time (Europe/London) of sessions that have none; else all-day (ics).",
            show_default=False,
        ),
    ] = None,
    detail: Annotated[
        bool,
        typer.Option(
            "--detail",
            help="Name modules, tracks, needs, programme and place in events (ics; private).",
        ),
    ] = False,
) -> None:
    """Export a plan as JSON, Markdown, CSV or an iCalendar (ics) file.

    Calendar events hold the reference and the session title only, unless --detail.
    Example: hii-planner plan export P-0042.toml -f ics --out P-0042.ics
    """
    from hii_planner.export import render
    from hii_planner.files.atomic import write_atomic
    from hii_planner.plans.outputs import checked_output
    from hii_planner.plans.planfile import read_plan

    start = _parse_time(time) if time is not None else None
    text = render(read_plan(plan_file), output_format, time=start, detail=detail)
    if out == "-":
        sys.stdout.write(text)
    else:
        target = checked_output(Path(out), force=force, inputs=[plan_file])
        write_atomic(target, text, replace=force)
