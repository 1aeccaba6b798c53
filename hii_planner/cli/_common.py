"""What every command shares: error handling, output streams, the chosen library."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import typer

from hii_planner.errors import CancelledByUser, HiiPlannerError
from hii_planner.ui.console import message, report_error

if TYPE_CHECKING:
    from hii_planner.library.loader import Library

P = ParamSpec("P")
R = TypeVar("R")

EXIT_PROBLEM = 1
EXIT_INTERRUPTED = 130


@dataclass
class State:
    """Global options, set by the top-level callback."""

    library_path: Path | None = None

    def library_dir(self) -> Path:
        """The library folder in use: --library, HII_PLANNER_LIBRARY, or the shipped one."""
        if self.library_path is not None:
            return self.library_path
        from hii_planner.library.cache import default_library_path

        return default_library_path()

    def library(self) -> Library:
        """Load the library in use (from the validated cache when it is unchanged).

        An invalid library raises `LibraryError` with every problem.
        """
        from hii_planner.library.stored import load_library_cached

        return load_library_cached(self.library_dir())


def state(ctx: typer.Context) -> State:
    """The global options of this invocation."""
    found = ctx.find_root().obj
    return found if isinstance(found, State) else State()


def emit_json(data: Any) -> None:
    """Write *data* as stable, indented JSON on stdout."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def handle_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the error tree and interrupts into messages and exit codes (no tracebacks)."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except CancelledByUser as cancelled:
            message(str(cancelled))  # a choice, not a problem: said plainly, exit 0
            raise typer.Exit(cancelled.exit_code) from None
        except HiiPlannerError as error:
            report_error(error)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            message("interrupted; nothing was written", error=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # The reader went away (`| head`); quietly stop writing.
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper
