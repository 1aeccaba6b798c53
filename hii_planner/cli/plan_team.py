"""`hii-planner plan merge|resolve`: fold copies of a plan together and settle conflicts."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hii_planner.cli._common import EXIT_PROBLEM, emit_json, handle_errors

if TYPE_CHECKING:
    from hii_planner.plans.merge import MergeResult


class Take(StrEnum):
    """Which side's record settles a conflict."""

    ours = "ours"
    theirs = "theirs"


DryRun = Annotated[bool, typer.Option("--dry-run", help="Show what would change; write nothing.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON (stable, documented).")]


@handle_errors
def merge(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="BASE OURS THEIRS (git's %O %A %B), or OURS THEIRS for two copies.",
            metavar="[BASE] OURS THEIRS",
            show_default=False,
        ),
    ],
    dry_run: DryRun = False,
    as_json: AsJson = False,
) -> None:
    """Merge two copies of a plan by meaning; the result is written to OURS.

    With three files this is git's merge driver (`hii-planner team init` sets it
    up): sessions recorded on either side are kept, a reschedule on one side and
    a record on the other both apply, both histories are kept in time order.
    With two files, such as a synced folder's conflict copy, the copies'
    shared history stands in for the base:

        hii-planner plan merge P-0042.toml "P-0042 (conflicted copy).toml"

    When both sides recorded one session differently, OURS is still a valid
    plan: it holds ours' record and both records in its conflicts list; the
    exit code is then 1 and `hii-planner plan resolve` settles each conflict.
    """
    if len(files) not in (2, 3):
        raise _usage_error(
            f"give OURS THEIRS or BASE OURS THEIRS, not {len(files)} file(s)", "FILES"
        )
    from hii_planner import clock
    from hii_planner.plans.merge_files import is_plan_file, merge_files, merge_lines
    from hii_planner.ui.team_views import report_merge

    base = files[0] if len(files) == 3 else None
    ours, theirs = files[-2:]
    if base is not None and not all(is_plan_file(f) for f in (base, ours, theirs)):
        # Another TOML file under the same attribute: git's own merge, with its markers.
        if dry_run:
            raise typer.BadParameter("--dry-run is for plan files", param_hint="--dry-run")
        conflicts = merge_lines(base, ours, theirs)
        if conflicts:
            raise typer.Exit(EXIT_PROBLEM)
        return
    result = merge_files(ours, theirs, base=base, now=clock.now(), dry_run=dry_run)
    if as_json:
        emit_json(_merge_json(ours, result))
    report_merge(result, ours=ours, theirs=theirs, dry_run=dry_run, folded_copy=base is None)
    if result.conflicts:
        raise typer.Exit(EXIT_PROBLEM)


def _merge_json(ours: Path, result: MergeResult) -> dict[str, object]:
    from hii_planner.plans.planfile import plan_as_json

    sessions = plan_as_json(result.plan)["sessions"]
    return {
        "file": str(ours),
        "revision": result.plan.revision,
        "change": result.summary,
        "outcome": result.outcome,
        "sessions": [s for s in sessions if s["number"] in result.changed],
        "conflicts": plan_as_json(result.plan).get("conflicts", []),
        "warnings": list(result.warnings),
    }


@handle_errors
def resolve(
    plan_file: Annotated[Path, typer.Argument(help="Plan file (.toml).", show_default=False)],
    number: Annotated[
        int | None,
        typer.Argument(
            min=1, help="Session number of the conflict [default: list them].", show_default=False
        ),
    ] = None,
    take: Annotated[
        Take | None,
        typer.Option(help="Whose record to keep: ours or theirs.", show_default=False),
    ] = None,
    dry_run: DryRun = False,
    as_json: AsJson = False,
) -> None:
    """Settle a merge conflict by taking ours' or theirs' record of the session.

    Without a session number, lists the plan's conflicts with both records:

        hii-planner plan resolve P-0042.toml
        hii-planner plan resolve P-0042.toml 4 --take theirs

    In a git merge, "ours" is the branch you are on and "theirs" the one
    coming in. After the last conflict, `git add` the plan and commit.
    """
    from hii_planner import clock
    from hii_planner.plans.planfile import plan_as_json, read_plan
    from hii_planner.plans.resolve import find_conflict, resolve_conflict, resolve_in_file
    from hii_planner.ui.console import message
    from hii_planner.ui.team_views import print_conflicts

    if number is None:
        plan = read_plan(plan_file)
        if as_json:
            emit_json(plan_as_json(plan).get("conflicts", []))
        elif not plan.conflicts:
            message(f"{plan_file} has no merge conflicts")
        else:
            print_conflicts(plan, plan_file)
        return
    if take is None:
        raise _usage_error("say whose record to keep: --take ours|theirs", "--take")
    if dry_run:
        plan = read_plan(plan_file)
        find_conflict(plan, number)
        summary = resolve_conflict(plan, number, take=take.value, today=clock.today())
    else:
        plan, summary = resolve_in_file(plan_file, number, take=take.value, now=clock.now())
    if as_json:
        data = plan_as_json(plan)
        emit_json(
            {
                "file": str(plan_file),
                "revision": plan.revision,
                "change": summary,
                "sessions": data["sessions"],
                "conflicts": data.get("conflicts", []),
                "warnings": [],
            }
        )
    message(f"dry run, nothing written: {summary}" if dry_run else f"✓ {summary}")
    if plan.conflicts:
        print_conflicts(plan, plan_file)
    elif not dry_run:
        message(f"  {plan_file} has no conflicts left; in a git merge, `git add` it and commit")


def _usage_error(text: str, param_hint: str) -> typer.BadParameter:
    """A usage error (exit 2): a wrong number of arguments or a missing option, not a bad value."""
    error = typer.BadParameter(text, param_hint=param_hint)
    error.exit_code = 2
    return error
