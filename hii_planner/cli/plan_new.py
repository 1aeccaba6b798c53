"""`hii-planner plan new`: build a plan from flags, an answers file or the guided planner."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hii_planner.choices import (
    DEFAULT_CADENCE,
    DEFAULT_HOLIDAYS,
    WEEKDAYS,
    Cadence,
    HolidayCalendar,
    Weekday,
    weekday_from,
)
from hii_planner.cli._common import handle_errors, state
from hii_planner.cli.completion import (
    complete_module,
    complete_need,
    complete_optional_session,
    complete_track,
)
from hii_planner.planning.schedule import DEFAULT_START_WORDS, DEFAULT_WEEKDAYS_WORDS

if TYPE_CHECKING:
    from hii_planner.library.loader import Library
    from hii_planner.planning.planner import PlanResult


_REQUEST = "Request"
_SCHEDULE = "Schedule"
_OUTPUT = "Output"


def _weekday(value: str) -> Weekday:
    # Typer takes no list of Literal, so the choices are checked here, from the same list;
    # a day written in full (monday, Tuesday) is as good as its short name.
    day = weekday_from(value)
    if day is None:
        raise typer.BadParameter(
            f"{value!r} is not a weekday: use {', '.join(WEEKDAYS)} or a day's name (monday)"
        )
    return day


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
            help="Plan file or existing folder to write in, or - for stdout "
            "[default: REFERENCE.toml].",
            rich_help_panel=_OUTPUT,
            show_default=False,
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="TOML answers file, or - for standard input (flags override it).",
            rich_help_panel=_REQUEST,
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
    discard_records: Annotated[
        bool,
        typer.Option(
            "--discard-records",
            help="With --force, replace a plan even if it has recorded sessions.",
            rich_help_panel=_OUTPUT,
        ),
    ] = False,
    participant: Annotated[
        str | None,
        typer.Option(
            help="Pseudonymous reference, e.g. P-0042 (never a name).", rich_help_panel=_REQUEST
        ),
    ] = None,
    need: Annotated[
        list[str] | None,
        typer.Option(
            metavar="NEED",
            autocompletion=complete_need,
            help="Assessed need id (repeat for more).",
            rich_help_panel=_REQUEST,
        ),
    ] = None,
    module: Annotated[
        list[str] | None,
        typer.Option(
            metavar="MODULE",
            autocompletion=complete_module,
            help="Module to include, in your order (repeat).",
            rich_help_panel=_REQUEST,
        ),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            metavar="MODULE",
            autocompletion=complete_module,
            help="Module never to plan (repeat).",
            rich_help_panel=_REQUEST,
        ),
    ] = None,
    skip_session: Annotated[
        list[str] | None,
        typer.Option(
            metavar="MODULE/SESSION",
            autocompletion=complete_optional_session,
            help="Optional session to leave out, as MODULE/SESSION (repeat).",
            rich_help_panel=_REQUEST,
        ),
    ] = None,
    max_sessions: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            help="Most sessions; optional ones are dropped from the end to fit.",
            rich_help_panel=_REQUEST,
        ),
    ] = None,
    twin_track: Annotated[
        str | None,
        typer.Option(
            metavar="TRACK",
            autocompletion=complete_track,
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
            help=f"First possible date, YYYY-MM-DD [default: {DEFAULT_START_WORDS}].",
            rich_help_panel=_SCHEDULE,
            show_default=False,
        ),
    ] = None,
    cadence: Annotated[
        Cadence | None,
        typer.Option(help=f"How often [default: {DEFAULT_CADENCE}].", rich_help_panel=_SCHEDULE),
    ] = None,
    weekday: Annotated[
        list[str] | None,
        typer.Option(
            parser=_weekday,
            metavar=f"<{'|'.join(WEEKDAYS)}>",
            autocompletion=lambda: list(WEEKDAYS),
            help=f"Session day; twice for twice-weekly [default: {DEFAULT_WEEKDAYS_WORDS}].",
            rich_help_panel=_SCHEDULE,
        ),
    ] = None,
    holidays: Annotated[
        HolidayCalendar | None,
        typer.Option(
            help=f"Public holidays to skip [default: {DEFAULT_HOLIDAYS}].",
            rich_help_panel=_SCHEDULE,
        ),
    ] = None,
    time: Annotated[
        str | None,
        typer.Option(
            help="Usual start time, HH:MM [default: none, all-day sessions].",
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
    from hii_planner.dates import option_date
    from hii_planner.planning.answers import merge_answers

    library = state(ctx).library()
    given = _given_answers(answers)
    flags: dict[str, Any] = {
        "participant": participant,
        "needs": need,
        "modules": module,
        "exclude": exclude,
        "skip_sessions": skip_session,
        "max_sessions": max_sessions,
        "twin_track": twin_track,
        "facilitators": facilitator,
        "start": option_date("--start", start),
        "cadence": cadence,
        "weekdays": weekday or None,
        "holidays": holidays,
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
            library,
            merged,
            resume=resume,
            save=lambda r: save_new_plan(
                r, out=out, force=force, discard_records=discard_records, previewed=True
            ),
            save_elsewhere=lambda r, target, replace: save_new_plan(
                r, out=target, force=replace, discard_records=discard_records, previewed=True
            ),
        )
        return
    if resume:
        from hii_planner.errors import RequestError

        raise RequestError(
            ["--resume continues the guided planner, which needs a terminal"],
            hint="run `hii-planner plan new --resume` in a terminal, without --no-input",
        )
    save_new_plan(_build(library, merged), out=out, force=force, discard_records=discard_records)


def _given_answers(answers: Path | None) -> dict[str, Any]:
    """The answers file's answers; ``--answers -`` reads them from standard input."""
    from hii_planner.planning.answers import answers_from_bytes, read_answers

    if answers is None:
        return {}
    if str(answers) != "-":
        return read_answers(answers)
    from hii_planner.files.tomlsource import MAX_FILE_BYTES

    raw = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise typer.BadParameter(
            f"the answers on standard input are larger than {MAX_FILE_BYTES:,} bytes",
            param_hint="--answers",
        )
    return answers_from_bytes(raw)


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


def save_new_plan(
    result: PlanResult,
    *,
    out: str | None,
    force: bool,
    discard_records: bool = False,
    previewed: bool = False,
) -> Path | None:
    """Write the plan (or print it for ``--out -``) and tell the facilitator what to know.

    *previewed*: the guided planner's preview has just said it (only where it went is said).
    """
    from hii_planner.plans.limits import check_plan_size
    from hii_planner.plans.planfile import dumps_plan, save_new_plan
    from hii_planner.ui.plan_views import report_new_plan

    if out == "-":
        sys.stdout.write(check_plan_size(dumps_plan(result.plan), file="the plan"))
        report_new_plan(result, None, previewed=previewed)
        return None
    path = save_new_plan(result.plan, out, replace=force, discard_records=discard_records)
    report_new_plan(result, path, previewed=previewed)
    return path
