"""Handouts for every plan in a folder, in one process (one library load, warm PDF engines)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from hii_planner.documents.model import Audience, Paper
from hii_planner.documents.render import OutputFormat
from hii_planner.errors import HiiPlannerError
from hii_planner.handouts.write import HandoutsWritten, Progress, write_handouts
from hii_planner.library.loader import Library
from hii_planner.plans.caseload import read_caseload
from hii_planner.plans.check import library_drift


@dataclass
class PlanHandouts:
    """One plan of the batch: what was written, or why nothing was."""

    plan_file: Path
    written: HandoutsWritten | None = None
    warnings: list[str] = field(default_factory=list)
    error: HiiPlannerError | None = None


def handouts_folder(plan_file: Path, out_root: Path | None) -> Path:
    """Where a plan's documents go: OUT/STEM with --out, else STEM-handouts beside the plan."""
    if out_root is not None:
        return out_root / plan_file.stem
    return plan_file.parent / f"{plan_file.stem}-handouts"


def write_batch(
    folder: Path,
    library: Library,
    *,
    out_root: Path | None,
    today: dt.date,
    output_format: OutputFormat = "pdf",
    audience: Audience = "all",
    large_print: bool = False,
    easy_read: bool = False,
    paper: Paper = "a4",
    progress: Progress | None = None,
) -> list[PlanHandouts]:
    """Write the documents of every plan in *folder* (as `plan list` finds them), by file name.

    A plan that cannot be read, or whose documents cannot be made, is reported in
    its entry and the others are still written.
    """
    results = []
    for entry in read_caseload(folder, today=today):
        if entry.plan is None:
            results.append(PlanHandouts(entry.file, error=entry.error))
            continue
        done = PlanHandouts(entry.file, warnings=library_drift(entry.plan, library))
        try:
            done.written = write_handouts(
                entry.plan,
                library,
                out_dir=handouts_folder(entry.file, out_root),
                output_format=output_format,
                audience=audience,
                large_print=large_print,
                easy_read=easy_read,
                paper=paper,
                progress=progress,
            )
        except HiiPlannerError as error:
            done.error = error
        results.append(done)
    return results
