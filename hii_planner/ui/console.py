"""The rich consoles every front end prints through: data on stdout, messages on stderr."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from hii_planner.errors import HiiPlannerError

if TYPE_CHECKING:
    from rich.console import Console


def stdout_console() -> Console:
    """A rich console for data on stdout (colour off for NO_COLOR and pipes)."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def stderr_console() -> Console:
    """A rich console for messages on stderr."""
    from rich.console import Console

    # In a terminal, messages wrap between words; elsewhere each stays on one line,
    # so logs and grep see it whole.
    return Console(stderr=True, highlight=False, soft_wrap=not sys.stderr.isatty())


def message(text: str, *, style: str | None = None) -> None:
    """Print a message for the user on stderr."""
    stderr_console().print(text, style=style, markup=False)


def report_error(error: HiiPlannerError) -> None:
    """Print an error with every finding and its hint on stderr."""
    from hii_planner.ui.errors import print_error

    print_error(stderr_console(), error)
