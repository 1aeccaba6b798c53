"""`hii-planner plan show|check|why|export`: read a plan without changing it."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hii_planner.choices import ExportFormat
from hii_planner.cli._common import EXIT_PROBLEM, emit_json, handle_errors, state
from hii_planner.cli.completion import complete_module, complete_need, complete_session_number

if TYPE_CHECKING:
    from hii_planner.plans.models import Plan

PlanInput = Annotated[
    Path,
    typer.Argument(
        metavar="FILE",
        help="Plan file (.toml); P-0042 finds P-0042.toml; - reads standard input.",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (stable, documented).")]


def _read(plan_file: Path) -> tuple[Plan, str]:
    """The plan the argument names (``P-0042``, a path, or ``-``) and its shown name."""
    from hii_planner.plans.plan_input import read_plan_input

    return read_plan_input(plan_file, stdin=sys.stdin.buffer)


@handle_errors
def show(
    ctx: typer.Context,
    plan_file: PlanInput,
    number: Annotated[
        int | None,
        typer.Argument(
            min=1,
            metavar="N",
            autocompletion=complete_session_number,
            help="Show only this session, in full with its notes.",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Show a plan: its sessions with dates, minutes and status, notes, totals, needs covered.

    FILE may be P-0042 for P-0042.toml, or - to read the plan from standard input.
    """
    from hii_planner.errors import HiiPlannerError
    from hii_planner.plans.planfile import plan_as_json

    plan, name = _read(plan_file)
    if as_json:
        data = plan_as_json(plan)
        if number is not None:
            from hii_planner.plans.delivery import find_session

            data = data["sessions"][find_session(plan, number).number - 1]
        emit_json(data)
        return
    from hii_planner import clock
    from hii_planner.ui.paging import paged
    from hii_planner.ui.plan_views import render_plan
    from hii_planner.ui.session_detail import render_session
    from hii_planner.ui.team_views import print_conflicts

    if number is not None:
        render_session(plan, number, today=clock.today())
        return
    from hii_planner.library.cache import session_needs_of

    try:
        needs = session_needs_of(state(ctx).library_dir())  # from the cache: no models built
    except HiiPlannerError:
        needs = None  # the plan still shows; only coverage by need needs the library
    with paged():
        render_plan(plan, needs, file=name)
    print_conflicts(plan, Path(name))


@handle_errors
def check(ctx: typer.Context, plan_file: PlanInput, as_json: JsonOption = False) -> None:
    """Check a plan against the library (missing modules or sessions, library changes) and itself.

    A hand-edited plan is checked too: numbers that do not follow dates, a revision
    below the history, a module listed twice, weekdays that do not fit the cadence,
    and recorded dates in the future or long before the plan was made.
    """
    from hii_planner.plans.check import check_plan

    plan, name = _read(plan_file)
    result = check_plan(plan, state(ctx).library())
    if as_json:
        emit_json({"ok": result.ok, "errors": result.errors, "warnings": result.warnings})
    else:
        from hii_planner.ui.plan_views import render_plan_check

        render_plan_check(result, name)
    if not result.ok:
        raise typer.Exit(EXIT_PROBLEM)


@handle_errors
def why(
    ctx: typer.Context,
    plan_file: PlanInput,
    module: Annotated[
        str | None,
        typer.Argument(
            metavar="MODULE",
            autocompletion=complete_module,
            help="Module id, in the plan or not.",
            show_default=False,
        ),
    ] = None,
    need: Annotated[
        str | None,
        typer.Option(
            "--need",
            metavar="NEED",
            autocompletion=complete_need,
            help="A need: the planned sessions that address it, or why none.",
        ),
    ] = None,
) -> None:
    """Explain why a module is in a plan, or which sessions address a need.

    For a module the plan leaves out, it says why, and what would bring it in.
    """
    if (module is None) == (need is None):
        raise typer.BadParameter("give a MODULE or --need ID (one of the two)")
    plan, _name = _read(plan_file)
    if need is not None:
        from hii_planner.planning.explain_need import why_need
        from hii_planner.ui.clinical_views import render_need_why

        render_need_why(why_need(plan, state(ctx).library(), need))
        return
    from hii_planner.planning.explain import why as explain
    from hii_planner.ui.plan_views import render_why

    assert module is not None
    if module not in {m.id for m in plan.modules}:
        library = state(ctx).library()
        if module in library.modules:
            from hii_planner.planning.why_not import why_not
            from hii_planner.ui.plan_views import render_why_not

            render_why_not(why_not(plan, library, module))
            return
    render_why(explain(plan, module))


def _parse_time(value: str) -> dt.time:
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a time such as 10:00") from None


_EXPORT_SUFFIXES: dict[str, ExportFormat] = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".ics": "ics",
}


def _export_format(given: ExportFormat | None, out: str) -> ExportFormat:
    """--format, or the one --out's suffix names (as `plan report` does)."""
    if given is not None:
        return given
    found = _EXPORT_SUFFIXES.get(Path(out).suffix.lower()) if out != "-" else None
    if found is None:
        raise typer.BadParameter(
            "give --format json, markdown, csv or ics, or an --out file ending in "
            ".json, .md, .csv or .ics",
            param_hint="--format",
        )
    return found


@handle_errors
def export(
    plan_file: PlanInput,
    output_format: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format [default: from the --out suffix].",
            show_default=False,
        ),
    ] = None,
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
    """
    from hii_planner.export import render
    from hii_planner.files.atomic import write_atomic
    from hii_planner.plans.outputs import checked_output

    chosen = _export_format(output_format, out)
    plan, name = _read(plan_file)
    start = _parse_time(time) if time is not None else None
    text = render(plan, chosen, time=start, detail=detail)
    if out == "-":
        sys.stdout.write(text)
    else:
        inputs = [] if str(plan_file) == "-" else [Path(name)]
        target = checked_output(Path(out), force=force, inputs=inputs)
        write_atomic(target, text, replace=force)
