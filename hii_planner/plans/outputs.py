"""Where commands may write: never over a plan by surprise, never onto a folder or a device."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from hii_planner.errors import FileAccessError, OutputExistsError
from hii_planner.files.tomlsource import TomlDocument, read_toml
from hii_planner.plans.models import Plan


class PlanOverwriteError(FileAccessError):
    """A command would replace a plan file that it has no business changing."""


def _kind_of(path: Path) -> str | None:
    """What is at *path*: a folder, a regular file, "other" (device, FIFO), or None."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        raise FileAccessError(
            f"cannot use {path}: {(error.strerror or str(error)).lower()}"
        ) from None
    if stat.S_ISDIR(mode):
        return "folder"
    return "regular" if stat.S_ISREG(mode) else "other"


def is_plan_file(path: Path) -> bool:
    """Whether *path* is a regular file holding a plan (``format = "hii-plan"``)."""
    document = _plan_document(path)
    return document is not None


def _plan_document(path: Path) -> TomlDocument | None:
    if _kind_of(path) != "regular":
        return None
    document = read_toml(path)
    if isinstance(document, TomlDocument) and document.data.get("format") == "hii-plan":
        return document
    return None


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.samefile(second)
    except OSError:
        return False


def checked_output(path: Path, *, force: bool, inputs: Sequence[Path] = ()) -> Path:
    """The file an export or report may write to, or an error saying why not.

    Only commands that change plans write over a plan file: an ``--out`` naming
    the input plan, or any plan file, is refused even with ``--force``. Folders
    and devices are refused, since replacing them with a file is never meant.
    """
    kind = _kind_of(path)
    if kind == "folder":
        raise FileAccessError(
            f"{path} is a folder; nothing was written", hint="give --out a file name"
        )
    if kind == "other":
        raise FileAccessError(
            f"{path} is not a regular file (a device or a pipe); nothing was written",
            hint="give --out the name of a file, or - for standard output",
        )
    if kind is None:
        return path
    if any(_same_file(path, given) for given in inputs) or is_plan_file(path):
        raise PlanOverwriteError(
            f"{path} is a plan file; only commands that change plans write over one, "
            "and nothing was written",
            hint="choose another --out (even --force never replaces a plan with an export)",
        )
    if not force:
        raise OutputExistsError(str(path))
    return path


def new_plan_path(out: str | None, reference: str) -> Path:
    """Where `plan new` writes: ``--out`` as given, or ``REFERENCE.toml`` inside a folder."""
    default = f"{reference}.toml"
    if out is None:
        return Path(default)
    path = Path(out)
    kind = _kind_of(path)
    if kind == "folder":
        return path / default
    if out.endswith(("/", os.sep)):
        raise FileAccessError(
            f"the folder {out} does not exist; nothing was written",
            hint="create it first, or give --out a file name",
        )
    if kind == "other":
        raise FileAccessError(
            f"{path} is not a regular file (a device or a pipe); nothing was written",
            hint="give --out the name of a plan file (.toml), or - for standard output",
        )
    return path


def check_replacing_plan(path: Path, *, force: bool, discard_records: bool) -> None:
    """Refuse to replace a plan that holds recorded sessions unless told to discard them."""
    document = _plan_document(path) if force else None
    if document is None or discard_records:
        return
    sessions = document.data.get("sessions")
    recorded = sum(
        1
        for s in (sessions if isinstance(sessions, list) else [])
        if isinstance(s, dict) and s.get("status", "planned") != "planned"
    )
    if recorded:
        noun = "session" if recorded == 1 else "sessions"
        raise PlanOverwriteError(
            f"{path} has {recorded} recorded {noun}, which --force would lose; nothing was written",
            hint="add --discard-records to replace it anyway, or choose another --out",
        )


def write_new_plan(out: str | None, plan: Plan, *, force: bool, discard_records: bool) -> Path:
    """Write a new plan where `plan new` was told to, with every guard above; return its path."""
    from hii_planner.plans.planfile import write_plan

    path = new_plan_path(out, plan.participant.reference)
    check_replacing_plan(path, force=force, discard_records=discard_records)
    write_plan(path, plan, replace=force)
    return path
