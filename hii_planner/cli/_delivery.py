"""Options and output shared by the writing delivery commands (record, amend, reschedule...)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hii_planner.choices import AbsenceChoice, CancelledByChoice
from hii_planner.cli.completion import complete_session_number

if TYPE_CHECKING:
    from hii_planner.plans.changes import Applied
    from hii_planner.plans.ordering_rules import Dependencies

PlanFile = Annotated[
    Path, typer.Argument(metavar="FILE", help="Plan file (.toml).", show_default=False)
]
Number = Annotated[
    int,
    typer.Argument(
        min=1,
        metavar="N",
        autocompletion=complete_session_number,
        help="Session number (see `plan show`).",
        show_default=False,
    ),
]
DryRun = Annotated[
    bool,
    typer.Option("--dry-run", help="Show the change and write nothing (no lock, no temp file)."),
]
AsJson = Annotated[
    bool, typer.Option("--json", help="Print the change as JSON on stdout (stable, documented).")
]
AbsenceOption = Annotated[
    AbsenceChoice | None,
    typer.Option(help="For a missed session: an acceptable or unacceptable absence."),
]
ByOption = Annotated[
    CancelledByChoice | None,
    typer.Option("--by", help="For a cancelled session: who cancelled it."),
]
Facilitators = Annotated[
    list[str] | None,
    typer.Option(
        "--facilitator",
        help="Who delivered it (once or twice) [default: the plan's facilitators].",
        show_default=False,
    ),
]


def parse_date(value: str | None, option: str = "--date") -> dt.date | None:
    """A date option's value through the one date parser, naming the option when it is wrong."""
    from hii_planner.dates import option_date

    return option_date(option, value)


def plan_dependencies(ctx: typer.Context, plan_file: Path) -> Dependencies | None:
    """The module order rules of the plan's library, when that library is at hand."""
    from hii_planner.cli._common import state
    from hii_planner.errors import HiiPlannerError
    from hii_planner.plans.ordering_rules import library_dependencies
    from hii_planner.plans.planfile import read_plan

    try:
        library = state(ctx).library()
        plan = read_plan(plan_file)
    except HiiPlannerError:
        return None  # the command itself reports an unreadable plan
    if library.info.name != plan.library.name:
        return None
    return library_dependencies(library)


def finish(applied: Applied, *, as_json: bool) -> None:
    """Print the change: JSON on stdout, or the change lines on stderr."""
    from hii_planner import clock

    if as_json:
        from hii_planner.cli._common import emit_json

        emit_json(applied.as_json())
        return
    from hii_planner.ui.delivery_views import report_applied

    report_applied(applied, today=clock.today())
