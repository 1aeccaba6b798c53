"""`hii-planner team init`: make a folder a caseload that a team shares through git."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hii_planner.cli._common import handle_errors

app = typer.Typer(
    help="Share a caseload between facilitators' machines.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain help, as the root app
)


@app.command("init")
@handle_errors
def init(
    folder: Annotated[
        Path,
        typer.Argument(
            help="The caseload folder (made if missing).", metavar="DIR", show_default=False
        ),
    ] = Path(),
    command: Annotated[
        str | None,
        typer.Option(
            help="How git runs hii-planner [default: hii-planner if on PATH, else this Python].",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be written; write nothing.")
    ] = False,
) -> None:
    """Set up a caseload folder for a team: git merges plans by meaning.

    Adds `*.toml merge=hii-plan` to .gitattributes, a .gitignore for locks and
    half-written files, and, when the folder is in a git repository, the merge
    driver to the repository's config (otherwise it prints the git commands).
    Existing lines are kept; only missing ones are added. Run it once in
    every clone, since git does not share its config:

        git clone git@server:team/caseload.git && hii-planner team init caseload
    """
    from hii_planner.plans.team_setup import apply_team_setup, default_command, plan_team_setup
    from hii_planner.ui.team_views import report_team_setup

    setup = plan_team_setup(folder, command=command or default_command())
    if not dry_run:
        apply_team_setup(setup)
    report_team_setup(setup, dry_run=dry_run)
