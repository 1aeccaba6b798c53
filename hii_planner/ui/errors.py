"""How an error looks on a console: one place for the CLI and the guided planner."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from hii_planner.errors import HiiPlannerError


def print_error(console: Console, error: HiiPlannerError, *, hint: str | None = None) -> None:
    """The error, each of its findings on its own line, and its hint (or *hint* instead)."""
    lines = error.lines()
    if len(lines) == 1:
        console.print(Text("error: ", style="bold red") + Text(lines[0]))
    else:
        console.print(Text("error: ", style="bold red") + Text(str(error)))
        for line in lines:
            console.print(Text("  • ") + Text(line))
    if hint or error.hint:
        console.print(Text("hint: ", style="bold") + Text(hint or error.hint or ""))
