"""The rich consoles every front end prints through: data on stdout, messages on stderr."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from hii_planner.errors import HiiPlannerError

if TYPE_CHECKING:
    from rich.console import Console


@cache
def _safe_console_class() -> type[Console]:
    """A rich Console that shows control characters from data as visible escapes."""
    from rich.console import Console
    from rich.segment import Segment

    from hii_planner.safetext import for_terminal

    class SafeConsole(Console):
        # Rich's own control segments (cursor moves) stay; text from data never
        # passes an ESC, BEL or CR to the terminal, whatever a file holds.
        def _render_buffer(self, buffer: Iterable[Segment]) -> str:
            return super()._render_buffer(
                segment if segment.control else Segment(for_terminal(segment.text), segment.style)
                for segment in buffer
            )

    return SafeConsole


def stdout_console() -> Console:
    """A rich console for data on stdout (colour off for NO_COLOR and pipes)."""
    return _safe_console_class()(highlight=False, soft_wrap=False)


def stderr_console() -> Console:
    """A rich console for messages on stderr."""
    # In a terminal, messages wrap between words; elsewhere each stays on one line,
    # so logs and grep see it whole.
    return _safe_console_class()(stderr=True, highlight=False, soft_wrap=not sys.stderr.isatty())


def message(text: str, *, style: str | None = None) -> None:
    """Print a message for the user on stderr."""
    stderr_console().print(text, style=style, markup=False)


def report_error(error: HiiPlannerError) -> None:
    """Print an error with every finding and its hint on stderr."""
    from hii_planner.ui.errors import print_error

    print_error(stderr_console(), error)
