"""Where a read-only command finds its plan: a file, ``P-0042`` (for its .toml), or ``-``."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from hii_planner.errors import FileAccessError
from hii_planner.files.tomlsource import MAX_FILE_BYTES
from hii_planner.plans.models import Plan

STDIN = "-"
STDIN_NAME = "<stdin>"


def plan_path(given: Path) -> Path:
    """*given*, or ``given.toml`` when only that exists (``plan show P-0042``)."""
    if given.suffix == "" and not given.exists():
        with_suffix = given.with_name(given.name + ".toml")
        if with_suffix.is_file():
            return with_suffix
    return given


def read_plan_input(given: Path, *, stdin: BinaryIO) -> tuple[Plan, str]:
    """The plan named by *given* (``-`` reads *stdin*) and the name to show for it."""
    from hii_planner.plans.planfile import plan_from_bytes, read_plan

    if str(given) != STDIN:
        path = plan_path(given)
        return read_plan(path), str(path)
    raw = stdin.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise FileAccessError(
            f"the plan on standard input is larger than {MAX_FILE_BYTES:,} bytes",
            hint="a plan file is far smaller: check what is piped in",
        )
    return plan_from_bytes(raw, name=STDIN_NAME), STDIN_NAME
