"""`hii-planner plan record|reschedule|report|list`: delivery tracking (being built)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hii_planner.cli._common import handle_errors

PlanFile = Annotated[Path, typer.Argument(help="Plan file (.toml).", show_default=False)]


@handle_errors
def record(plan_file: PlanFile) -> None:
    """Record what happened at a session: delivered, missed or cancelled."""
    raise NotImplementedError


@handle_errors
def reschedule(plan_file: PlanFile) -> None:
    """Move a planned session to another date, optionally moving the later ones too."""
    raise NotImplementedError


@handle_errors
def report(plan_file: PlanFile) -> None:
    """Write the post-intervention report skeleton."""
    raise NotImplementedError


@handle_errors
def list_plans(folder: Annotated[Path, typer.Argument(help="Folder of plan files.")]) -> None:
    """The caseload: every plan in a folder with its progress and next date."""
    raise NotImplementedError
