"""The caseload: every plan file in a folder with its progress, next date and warnings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hii_planner.errors import FileAccessError, HiiPlannerError, PlanFileError, Problem
from hii_planner.files.tomlsource import TomlDocument, read_toml
from hii_planner.library.loader import Library
from hii_planner.plans.check import library_drift, library_mismatch
from hii_planner.plans.models import Plan
from hii_planner.plans.planfile import plan_from_document
from hii_planner.plans.progress import Progress, plan_progress

PLAN_FORMAT = "hii-plan"


@dataclass(frozen=True)
class CaseloadEntry:
    """One plan file of the folder: its plan and progress, or why it could not be read."""

    file: Path
    plan: Plan | None = None
    progress: Progress | None = None
    warnings: tuple[str, ...] = ()
    library_changed: bool = False
    error: HiiPlannerError | None = None


def read_caseload(
    folder: Path, *, today: dt.date, library: Library | None = None
) -> list[CaseloadEntry]:
    """Every plan in *folder* (not its subfolders), by file name.

    Hidden files and TOML files that are not plans (answers files, library
    files) are left out. A plan that cannot be read becomes an entry with its
    error, so the others are still listed. With *library*, each plan is
    compared with it and a changed library is a warning.
    """
    if not folder.is_dir():
        reason = "is not a folder" if folder.exists() else "does not exist"
        raise FileAccessError(f"{folder} {reason}", hint="give the folder that holds the plans")
    try:
        files = sorted(p for p in folder.glob("*.toml") if not p.name.startswith("."))
    except OSError as error:
        raise FileAccessError(
            f"cannot read the folder {folder}: {(error.strerror or str(error)).lower()}"
        ) from None
    entries = []
    for path in files:
        if not path.is_file():
            continue
        # Each file is parsed once: the same document says whether it is a plan and is checked.
        document = read_toml(path)
        if isinstance(document, Problem):
            # A file that cannot be parsed may be a hand-broken plan: listed with its error.
            unreadable = PlanFileError(str(path), [document])
            entries.append(CaseloadEntry(file=path, error=unreadable))
        elif document.data.get("format") == PLAN_FORMAT:
            entries.append(_entry(path, document, today=today, library=library))
    return entries


def _entry(
    path: Path, document: TomlDocument, *, today: dt.date, library: Library | None
) -> CaseloadEntry:
    try:
        plan = plan_from_document(document, path)
    except HiiPlannerError as error:
        return CaseloadEntry(file=path, error=error)
    warnings: list[str] = []
    if library is not None:
        if (mismatch := library_mismatch(plan, library)) is not None:
            warnings.append(mismatch)
        else:
            warnings += library_drift(plan, library)
    return CaseloadEntry(
        file=path,
        plan=plan,
        progress=plan_progress(plan, today=today),
        warnings=tuple(warnings),
        library_changed=bool(warnings),
    )


def caseload_json(entries: list[CaseloadEntry]) -> list[dict[str, Any]]:
    """The `plan list --json` array: one object per readable plan (see the contract)."""
    found = []
    for entry in entries:
        if entry.plan is None or entry.progress is None:
            continue
        progress = entry.progress
        following = progress.next_session
        found.append(
            {
                "file": str(entry.file),
                "reference": entry.plan.participant.reference,
                "status": entry.plan.status,
                "delivered": progress.delivered,
                "total": progress.total,
                "next_date": following.date.isoformat() if following else None,
                "next_session": following.number if following else None,
                "overdue": len(progress.overdue),
                "missed": progress.missed,
                "caught_up": progress.caught_up,
                "cancelled": progress.cancelled,
                "engagement_concerns": len(progress.engagement_concerns),
                "modules_complete": len(progress.modules_complete),
                "modules": len(progress.modules),
                "revision": entry.plan.revision,
                "library_changed": entry.library_changed,
                "warnings": list(entry.warnings),
            }
        )
    return found
