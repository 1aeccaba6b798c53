"""`hii-planner plan edit`: reopen a plan in the guided planner (being built)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hii_planner.cli._common import handle_errors


@handle_errors
def edit(
    ctx: typer.Context,
    plan_file: Annotated[Path, typer.Argument(help="Plan file (.toml).", show_default=False)],
) -> None:
    """Change a plan in the guided planner; recorded sessions are kept as they are."""
    raise NotImplementedError
