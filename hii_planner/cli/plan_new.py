"""`hii-planner plan new`: build a plan from flags, an answers file or the guided planner."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hii_planner.cli._common import handle_errors, state

if TYPE_CHECKING:
    from hii_planner.library.loader import Library
    from hii_planner.planning.planner import PlanResult


class CadenceChoice(StrEnum):
    """How often sessions happen."""

    weekly = "weekly"
    twice_weekly = "twice-weekly"
    fortnightly = "fortnightly"


class WeekdayChoice(StrEnum):
    """Days of the week, as written in plan files."""

    mon = "mon"
    tue = "tue"
    wed = "wed"
    thu = "thu"
    fri = "fri"
    sat = "sat"
    sun = "sun"


class HolidayChoice(StrEnum):
    """Public-holiday calendars."""

    england_and_wales = "england-and-wales"
    scotland = "scotland"
    northern_ireland = "northern-ireland"
    none = "none"


_REQUEST = "Request"
_SCHEDULE = "Schedule"
_OUTPUT = "Output"


def interactive_terminal() -> bool:
    """True when a person can answer questions (both ends are a terminal)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


@handle_errors
def new(
    ctx: typer.Context,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            help="Plan file to write, or - for stdout \\[default: REFERENCE.toml].",
            rich_help_panel=_OUTPUT,
            show_default=False,
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers", help="TOML answers file (flags override it).", rich_help_panel=_REQUEST
        ),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never ask questions; fail listing what is missing.")
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue the guided planner's saved draft.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace an existing plan file.", rich_help_panel=_OUTPUT),
    ] = False,
    participant: Annotated[
        str | None,
        typer.Option(
            help="Pseudonymous reference, e.g. P-0042 (never a name).", rich_help_panel=_REQUEST
        ),
    ] = None,
    need: Annotated[
        list[str] | None,
        typer.Option(help="Assessed need id (repeat for more).", rich_help_panel=_REQUEST),
    ] = None,
    module: Annotated[
        list[str] | None,
        typer.Option(help="Module to include, in your order (repeat).", rich_help_panel=_REQUEST),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(help="Module never to plan (repeat).", rich_help_panel=_REQUEST),
    ] = None,
    skip_session: Annotated[
        list[str] | None,
        typer.Option(
            help="Optional session to leave out, as MODULE/SESSION (repeat).",
            rich_help_panel=_REQUEST,
        ),
    ] = None,
    max_sessions: Annotated[
        int | None,
        typer.Option(
            help="Most sessions; optional ones are dropped from the end to fit.",
            rich_help_panel=_REQUEST,
        ),
    ] = None,
    twin_track: Annotated[
        str | None,
        typer.Option(
            help="Track whose sessions alternate with the rest (e.g. faith-politics).",
            rich_help_panel=_REQUEST,
        ),
    ] = None,
    facilitator: Annotated[
        list[str] | None,
        typer.Option(help="Facilitator (one or two).", rich_help_panel=_REQUEST),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            help="First possible date, YYYY-MM-DD \\[default: tomorrow].",
            rich_help_panel=_SCHEDULE,
            show_default=False,
        ),
    ] = None,
    cadence: Annotated[
        CadenceChoice | None,
        typer.Option(help="How often \\[default: weekly].", rich_help_panel=_SCHEDULE),
    ] = None,
    weekday: Annotated[
        list[WeekdayChoice] | None,
        typer.Option(
            help="Session day; twice for twice-weekly \\[default: the start's weekday].",
            rich_help_panel=_SCHEDULE,
        ),
    ] = None,
    holidays: Annotated[
        HolidayChoice | None,
        typer.Option(
            help="Public holidays to skip \\[default: england-and-wales].",
            rich_help_panel=_SCHEDULE,
        ),
    ] = None,
    time: Annotated[
        str | None,
        typer.Option(
            help="Usual start time, HH:MM \\[default: none, all-day sessions].",
            rich_help_panel=_SCHEDULE,
            show_default=False,
        ),
    ] = None,
    place: Annotated[
        str | None,
        typer.Option(
            help="Usual place (facilitators only, never on handouts).",
            rich_help_panel=_SCHEDULE,
            show_default=False,
        ),
    ] = None,
    closed: Annotated[
        list[str] | None,
        typer.Option(
            help="No sessions from START to END, e.g. 2026-12-21..2027-01-03 (repeat).",
            rich_help_panel=_SCHEDULE,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Build a participant's plan and save it as a plan file.

    In a terminal, without --no-input, a guided planner asks the questions;
    otherwise every answer comes from flags or --answers, and nothing is asked.
    """
    from hii_planner.planning.answers import merge_answers, read_answers

    library = state(ctx).library()
    given = read_answers(answers) if answers else {}
    flags: dict[str, Any] = {
        "participant": participant,
        "needs": need,
        "modules": module,
        "exclude": exclude,
        "skip_sessions": skip_session,
        "max_sessions": max_sessions,
        "twin_track": twin_track,
        "facilitators": facilitator,
        "start": start,
        "cadence": cadence.value if cadence else None,
        "weekdays": [w.value for w in weekday] if weekday else None,
        "holidays": holidays.value if holidays else None,
        "time": time,
        "place": place,
        "closures": _closures(closed),
    }
    merged = merge_answers(given, flags)
    if not no_input and interactive_terminal():
        from hii_planner.wizard import run_wizard

        # The wizard saves through this callback, so a failed save returns to its
        # final screen, and its draft is deleted only once the plan is written.
        run_wizard(
            library, merged, resume=resume, save=lambda r: save_new_plan(r, out=out, force=force)
        )
        return
    if resume:
        from hii_planner.errors import RequestError

        raise RequestError(
            ["--resume continues the guided planner, which needs a terminal"],
            hint="run `hii-planner plan new --resume` in a terminal, without --no-input",
        )
    save_new_plan(_build(library, merged), out=out, force=force)


def _closures(periods: list[str] | None) -> list[dict[str, Any]] | None:
    """``--closed START..END`` values as the answers file's ``[schedule] closures``."""
    if not periods:
        return None
    from hii_planner.plans.closures import parse_period

    found = []
    for period in periods:
        start, end = parse_period(period)
        found.append({"start": start, "end": end})
    return found


def _build(library: Library, merged: dict[str, Any]) -> PlanResult:
    from hii_planner import clock
    from hii_planner.planning.answers import request_from
    from hii_planner.planning.planner import build_plan
    from hii_planner.privacy import NAME_WARNING, looks_like_name
    from hii_planner.ui.console import message

    request = request_from(merged)
    if request.participant and looks_like_name(request.participant):
        message("warning: " + NAME_WARNING.format(reference=request.participant))
    return build_plan(library, request, now=clock.now())


def save_new_plan(result: PlanResult, *, out: str | None, force: bool) -> Path | None:
    """Write the plan (or print it for ``--out -``) and tell the facilitator what to know."""
    from hii_planner.plans.planfile import dumps_plan, write_plan
    from hii_planner.ui.plan_views import report_new_plan

    plan = result.plan
    if out == "-":
        sys.stdout.write(dumps_plan(plan))
        report_new_plan(result, None)
        return None
    path = Path(out) if out else Path(f"{plan.participant.reference}.toml")
    write_plan(path, plan, replace=force)
    report_new_plan(result, path)
    return path
