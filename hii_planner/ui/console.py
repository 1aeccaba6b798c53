"""The rich consoles every front end prints through: data on stdout, messages on stderr."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

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
        # Text from data is shown as it is: no markup (a note's "[/]" or "[bold]" is
        # text, not a style) and no emoji codes (":x:" stays ":x:"). Views style with
        # Text objects. Rich's own control segments (cursor moves) stay; text from
        # data never passes an ESC, BEL or CR to the terminal, whatever a file holds.

        def __init__(self, **options: Any) -> None:
            super().__init__(markup=False, emoji=False, **options)

        def _render_buffer(self, buffer: Iterable[Segment]) -> str:
            text = super()._render_buffer(
                segment if segment.control else Segment(for_terminal(segment.text), segment.style)
                for segment in buffer
            )
            if self.is_terminal:
                return text
            # Piped output carries no padding at line ends (diffs and grep see the text).
            return "\n".join(line.rstrip(" ") for line in text.split("\n"))

    return SafeConsole


def safe_console(**options: Any) -> Console:
    """A rich console that prints data as text (no markup, emoji codes or control characters)."""
    return _safe_console_class()(**options)


class _Output:
    """This invocation's output settings: --quiet (errors only) and --no-pager."""

    quiet = False
    pager = True
    shared: Console | None = None  # while output is gathered for a pager


def set_output(*, quiet: bool | None = None, pager: bool | None = None) -> None:
    """Set --quiet and --no-pager for this invocation (None leaves a setting as it is)."""
    if quiet is not None:
        _Output.quiet = quiet
    if pager is not None:
        _Output.pager = pager


def set_shared_stdout(console: Console | None) -> None:
    """Make every view print through *console* (the pager's), or stop (None)."""
    _Output.shared = console


def quiet() -> bool:
    """True under --quiet: only errors are printed on stderr."""
    return _Output.quiet


def pager_wanted() -> bool:
    """False under --no-pager."""
    return _Output.pager


def stdout_console() -> Console:
    """A rich console for data on stdout (colour off for NO_COLOR and pipes)."""
    if _Output.shared is not None:
        return _Output.shared
    return _safe_console_class()(highlight=False, soft_wrap=False)


def stderr_console(*, errors: bool = False) -> Console:
    """A rich console for messages on stderr; silent under --quiet unless it is for *errors*."""
    # In a terminal, messages wrap between words; elsewhere each stays on one line,
    # so logs and grep see it whole.
    return _safe_console_class()(
        stderr=True,
        highlight=False,
        soft_wrap=not sys.stderr.isatty(),
        quiet=_Output.quiet and not errors,
    )


def message(text: str, *, style: str | None = None, error: bool = False) -> None:
    """Print a message for the user on stderr (under --quiet, only an *error*)."""
    stderr_console(errors=error).print(text, style=style, markup=False)


def report_error(error: HiiPlannerError) -> None:
    """Print an error with every finding and its hint on stderr."""
    from hii_planner.ui.errors import print_error

    print_error(stderr_console(errors=True), error)
