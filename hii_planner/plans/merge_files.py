"""Merge plan files: git's three files (base, ours, theirs) or two copies in a synced folder."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from hii_planner.errors import MergeError, Problem
from hii_planner.files.atomic import write_atomic
from hii_planner.files.tomlsource import read_toml
from hii_planner.plans.merge import MergeResult, merge_plans
from hii_planner.plans.models import Plan
from hii_planner.plans.planfile import dumps_plan, plan_lock, read_plan


def merge_files(
    ours: Path,
    theirs: Path,
    *,
    base: Path | None,
    now: dt.datetime,
    dry_run: bool = False,
) -> MergeResult:
    """Merge *theirs* into *ours* and write the result to *ours* (unless *dry_run*).

    With *base*, this is git's merge driver (``%O %A %B``): the files are git's
    temporary copies, so no lock is taken. An empty base is git's way of saying
    the file was added on both sides: the copies are then merged without one.
    Without *base*, *ours* is a plan in a folder and is locked while it changes.
    When the merge fails, *ours* is left byte-identical.
    """
    if ours.resolve() == theirs.resolve():
        raise MergeError(f"{ours} and {theirs} are the same file; there is nothing to merge")
    base_plan = _read_base(base)
    their_plan = read_plan(theirs)
    if base is not None or dry_run:  # a dry run leaves no lock file behind either
        return _merge_and_write(base_plan, read_plan(ours), their_plan, ours, now, dry_run)
    with plan_lock(ours):
        return _merge_and_write(None, read_plan(ours), their_plan, ours, now, dry_run)


def is_plan_file(path: Path) -> bool:
    """True when *path* holds TOML with ``format = "hii-plan"`` (broken TOML counts as a plan).

    A file git hands the driver that is some other TOML (an answers file, a
    library file in the same repository) is merged line by line instead.
    """
    document = read_toml(path)
    if isinstance(document, Problem):
        return True
    return not document.data or document.data.get("format") == "hii-plan"


def merge_lines(base: Path, ours: Path, theirs: Path) -> int:
    """Git's own line merge (`git merge-file`) into *ours*; the number of conflicts."""
    command = ["git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs"]
    try:
        done = subprocess.run(
            [*command, str(ours), str(base), str(theirs)], capture_output=True, check=False
        )
    except OSError as error:
        raise MergeError(f"cannot run git merge-file: {error.strerror or error}") from None
    if done.returncode < 0 or done.returncode > 127:
        raise MergeError("git merge-file failed: " + done.stderr.decode(errors="replace").strip())
    return done.returncode


def _read_base(base: Path | None) -> Plan | None:
    if base is None or (base.is_file() and base.stat().st_size == 0):
        return None
    return read_plan(base)


def _merge_and_write(
    base: Plan | None,
    ours: Plan,
    theirs: Plan,
    path: Path,
    now: dt.datetime,
    dry_run: bool,
) -> MergeResult:
    result = merge_plans(base, ours, theirs, now=now)
    if result.changed_ours and not dry_run:
        write_atomic(path, dumps_plan(result.plan), replace=True)
    return result
