"""`hii-planner plan amend|closure|status`: correct records, close periods, pause or close plans."""

from __future__ import annotations

from typing import Annotated

import typer

from hii_planner.choices import PlanStatus, RecordedStatus
from hii_planner.cli._common import handle_errors
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
)


@handle_errors
def amend(
    plan_file: PlanFile,
    number: Number,
    why: Annotated[
        str, typer.Option("--why", help="Why the record is corrected.", show_default=False)
    ],
    status: Annotated[
        RecordedStatus | None, typer.Option(help="The correct outcome.", show_default=False)
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="The day it took place, YYYY-MM-DD.", show_default=False)
    ] = None,
    note: Annotated[
        str | None,
        typer.Option(help="The note that replaces the recorded one.", show_default=False),
    ] = None,
    absence: AbsenceOption = None,
    by: ByOption = None,
    facilitator: Facilitators = None,
    dry_run: DryRun = False,
    as_json: AsJson = False,
) -> None:
    """Correct a recorded session; what it replaced stays in the plan's history.

    Missed → delivered removes its catch-up if that is still planned;
    delivered → missed adds one. A planned session is recorded, not amended.

    Example: hii-planner plan amend P-0042.toml 4 --status missed --why "recorded against the
    wrong session"
    """
    from hii_planner import clock
    from hii_planner.plans.amend import amend_in_file

    applied = amend_in_file(
        plan_file,
        number,
        why=why,
        status=status,
        date=parse_date(date),
        note=note,
        absence=absence,
        by=by,
        facilitators=facilitator or (),
        now=clock.now(),
        today=clock.today(),
        dry_run=dry_run,
    )
    finish(applied, as_json=as_json)


@handle_errors
def closure(
    plan_file: PlanFile,
    period: Annotated[
        str,
        typer.Argument(
            help="First and last closed day, START..END (e.g. 2026-12-21..2027-01-03).",
            show_default=False,
        ),
    ],
    reason: Annotated[
        str, typer.Option(help="Why no session can happen (e.g. establishment closure).")
    ] = "",
    dry_run: DryRun = False,
    as_json: AsJson = False,
) -> None:
    """Close a period: planned sessions inside it move to the next free slots after it.

    The later planned sessions follow; recorded sessions never move. Catch-ups,
    reschedules and edits respect the closure from then on.

    Example: hii-planner plan closure P-0042.toml 2026-12-21..2027-01-03 --reason "Christmas"
    """
    from hii_planner import clock
    from hii_planner.plans.changes import apply_in_file
    from hii_planner.plans.closures import add_closure, parse_period

    start, end = parse_period(period)
    applied = apply_in_file(
        plan_file,
        lambda plan: add_closure(plan, start, end, reason=reason),
        now=clock.now(),
        dry_run=dry_run,
    )
    finish(applied, as_json=as_json)


@handle_errors
def status(
    plan_file: PlanFile,
    new_status: Annotated[
        PlanStatus,
        typer.Argument(metavar="STATUS", help="The plan's new status.", show_default=False),
    ],
    reason: Annotated[str, typer.Option(help="Why the status changes.", show_default=False)],
    from_date: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Back to active: the day sessions restart, YYYY-MM-DD [default: today].",
            show_default=False,
        ),
    ] = None,
    dry_run: DryRun = False,
    as_json: AsJson = False,
) -> None:
    """Pause, resume or close the whole plan (active, paused, completed, withdrawn, transferred).

    While paused, no session is overdue; made active again, the remaining
    planned sessions are dated again from --from. Completed, withdrawn or
    transferred cancels the remaining planned sessions, and the plan refuses
    record, reschedule and edit until it is made active again.

    Example: hii-planner plan status P-0042.toml paused --reason "in hospital"
    """
    from hii_planner import clock
    from hii_planner.plans.changes import apply_in_file
    from hii_planner.plans.status import change_status

    restart = parse_date(from_date, "--from")
    today = clock.today()
    applied = apply_in_file(
        plan_file,
        lambda plan: change_status(plan, new_status, reason=reason, today=today, start=restart),
        now=clock.now(),
        dry_run=dry_run,
    )
    finish(applied, as_json=as_json)
