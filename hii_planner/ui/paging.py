"""A pager for long output on a terminal (plan show, library list, library show)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from hii_planner.ui import console as consoles


def _show_in_pager(text: str) -> None:
    """Run $PAGER (default ``less``) on *text*; without one, print it."""
    command = shlex.split(os.environ.get("PAGER", "").strip() or "less")
    # -F: no pager for one screen, -R: keep colours, -X: leave the text on the screen.
    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
    try:
        subprocess.run(command, input=text, text=True, env=env, check=False)
    except OSError:
        sys.stdout.write(text)


@contextmanager
def paged() -> Iterator[None]:
    """Gather what the views print on stdout and page it when it is longer than the screen.

    Only on a terminal: piped output and ``--no-pager`` print as they go.
    """
    if not (consoles.pager_wanted() and sys.stdout.isatty()):
        yield
        return
    console = consoles.stdout_console()
    console.begin_capture()
    consoles.set_shared_stdout(console)
    try:
        yield
    finally:
        consoles.set_shared_stdout(None)
        text = console.end_capture()
    if text.count("\n") < console.height:
        sys.stdout.write(text)
    else:
        _show_in_pager(text)
