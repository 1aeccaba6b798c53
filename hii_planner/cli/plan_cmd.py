"""`hii-planner plan ...`: build, inspect, export and track participants' plans."""

from __future__ import annotations

import typer

app = typer.Typer(
    help="Build, inspect, export and track participants' plans.", no_args_is_help=True
)
