"""`hii-planner plan edit`: change a plan; sessions already recorded stay as they are."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hii_planner.cli._common import handle_errors, state
from hii_planner.ui.console import message

if TYPE_CHECKING:
    from hii_planner.planning.replan import Replan
    from hii_planner.plans.models import Plan


@handle_errors
def edit(
    ctx: typer.Context,
    plan_file: Annotated[
        Path, typer.Argument(metavar="FILE", help="Plan file (.toml).", show_default=False)
    ],
    answers: Annotated[
        Path | None,
        typer.Option("--answers", help="TOML answers file whose answers replace the plan's own."),
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option("--no-input", help="Never ask questions; apply --answers and save."),
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue the saved draft of this edit.")
    ] = False,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help="With --answers: list the changes and write nothing (never asks)."
        ),
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", help="With --answers: print the change as JSON on stdout (never asks)."
        ),
    ] = False,
) -> None:
    """Change a plan in the guided planner; recorded sessions are kept as they are.

    The planner opens at the plan's preview, with every answer the plan
    was built from. Delivered, missed and cancelled sessions keep their
    place, date and notes; the other sessions are planned again from the
    first free slot after the last recorded one. The changes are listed
    before the plan is saved.

    Without a terminal, or with --no-input, the answers in --answers are
    applied instead; --dry-run lists the changes they would make.

    Example: hii-planner plan edit P-0042.toml --no-input --answers changes.toml --dry-run
    """
    from hii_planner.cli.plan_new import interactive_terminal
    from hii_planner.planning.answers import read_answers
    from hii_planner.plans.planfile import read_plan

    library = state(ctx).library()
    plan = read_plan(plan_file)
    given = read_answers(answers) if answers else {}
    if not no_input and not dry_run and not as_json and interactive_terminal():
        from hii_planner.wizard import run_edit_wizard

        run_edit_wizard(
            library,
            plan,
            plan_file=plan_file,
            answers=given,
            resume=resume,
            save=lambda edited: save_edit(plan_file, plan, edited, show_diff=False),
        )
        return

    from hii_planner import clock
    from hii_planner.errors import RequestError
    from hii_planner.planning.replan import edited_request, replan

    if resume:
        raise RequestError(
            ["--resume continues the guided planner, which needs a terminal"],
            hint=f"run `hii-planner plan edit {plan_file} --resume` in a terminal",
        )
    if not given:
        raise RequestError(
            ["nothing to change: without a terminal, the changes come from --answers FILE"],
            hint="run `hii-planner plan edit` in a terminal, or pass --answers with the "
            "answers to change (same names as for `plan new`)",
        )
    edited = replan(
        library, plan, edited_request(plan, given), now=clock.now(), today=clock.today()
    )
    save_edit(plan_file, plan, edited, show_diff=not as_json, dry_run=dry_run, as_json=as_json)


def save_edit(
    path: Path,
    before: Plan,
    edited: Replan,
    *,
    show_diff: bool,
    dry_run: bool = False,
    as_json: bool = False,
) -> None:
    """Save an edited plan if it changed (refusing if the file changed meanwhile), and say so.

    With *dry_run*, the changes are listed and nothing is written; with *as_json*, the
    change is printed in the shape of every writing command's ``--json``.
    """
    from rich.text import Text

    from hii_planner import clock
    from hii_planner.planning.replan import save_replan
    from hii_planner.ui.console import stderr_console
    from hii_planner.ui.notices import notice, print_diff

    if as_json:
        _emit_edit(path, before, edited, dry_run=dry_run)
        return
    if not edited.changed:
        message(f"nothing changed; {path} was not written")
        return
    console = stderr_console()
    if show_diff:
        print_diff(console, edited.diff)
    for caution in edited.result.cautions:
        notice(console, "caution", caution)
    if dry_run:
        from hii_planner.ui.delivery_views import DRY_RUN_LINE

        console.print(Text("would: ", style="bold green") + Text(edited.diff.summary()))
        console.print(Text(DRY_RUN_LINE))
        return
    saved = save_replan(path, before, edited, now=clock.now())
    assert saved is not None  # the edit changed the plan
    console.print(
        Text("✓ ", style="bold green")
        + Text(f"saved {path} (revision {saved.revision}): {edited.diff.summary()}")
    )


def _emit_edit(path: Path, before: Plan, edited: Replan, *, dry_run: bool) -> None:
    """`plan edit --json`: the file, revision, change, changed sessions and cautions."""
    from hii_planner import clock
    from hii_planner.cli._common import emit_json
    from hii_planner.planning.replan import save_replan

    plan = edited.plan
    revision = before.revision
    if edited.changed and not dry_run:
        saved = save_replan(path, before, edited, now=clock.now())
        assert saved is not None  # the edit changed the plan
        plan, revision = saved, saved.revision
    elif edited.changed:
        revision += 1
    old = [s.model_dump(exclude={"number"}) for s in before.sessions]
    emit_json(
        {
            "file": str(path),
            "revision": revision,
            "change": edited.diff.summary() if edited.changed else "",
            "sessions": [
                s.model_dump(mode="json", exclude_none=True)
                for s in plan.sessions
                if s.model_dump(exclude={"number"}) not in old
            ],
            "warnings": list(edited.result.cautions),
            "dry_run": dry_run,
        }
    )
