"""Write a plan's handouts, facilitator guides and overview as files: the whole job in one call."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Literal

from hii_planner.documents.model import Audience, Document, Paper
from hii_planner.documents.render import EXTENSIONS, FORMATS, OutputFormat
from hii_planner.files.atomic import sync_folder, write_atomic
from hii_planner.handouts.facilitator import facilitator_guide
from hii_planner.handouts.lookup import check_against_library, choose_sessions, in_context
from hii_planner.handouts.outputs import owned_outputs
from hii_planner.handouts.overview import plan_overview
from hii_planner.handouts.participant import participant_handout
from hii_planner.handouts.pool import render_in_order
from hii_planner.handouts.words import slug
from hii_planner.library.loader import Library
from hii_planner.plans.models import Plan
from hii_planner.wording import plural

Kind = Literal["participant", "facilitator", "overview"]
Progress = Callable[[int, int, Path], None]
"""Called after each file with (files done, files in all, path written)."""


@dataclass(frozen=True)
class Job:
    """One document to write and its file name."""

    kind: Kind
    name: str
    build: Callable[[], Document]


@dataclass
class HandoutsWritten:
    """What `write_handouts` wrote."""

    folder: Path
    files: list[Path] = field(default_factory=list)
    counts: dict[Kind, int] = field(
        default_factory=lambda: {"participant": 0, "facilitator": 0, "overview": 0}
    )
    removed: list[Path] = field(default_factory=list)
    """Files an earlier run wrote that this plan no longer produces (removed)."""

    def summary(self, output_format: str) -> str:
        """One line for the user: "wrote 3 files to DIR (1 participant handout, …; PDF)"."""
        labels = {
            "participant": ("participant handout", "participant handouts"),
            "facilitator": ("facilitator guide", "facilitator guides"),
            "overview": ("plan overview", "plan overviews"),
        }
        parts = [
            f"{count} {labels[kind][count != 1]}" for kind, count in self.counts.items() if count
        ]
        total = len(self.files)
        what = ", ".join(parts) if parts else "nothing"
        line = (
            f"wrote {plural(total, 'file')} to {self.folder} "
            f"({what}; {output_format.upper() if output_format != 'markdown' else 'Markdown'})"
        )
        if self.removed:
            line += f"; removed {plural(len(self.removed), 'old file')} the plan no longer produces"
        return line


def plan_jobs(
    plan: Plan,
    library: Library,
    *,
    audience: Audience = "all",
    sessions: Iterable[int] | None = None,
    large_print: bool = False,
    easy_read: bool = False,
    paper: Paper = "a4",
) -> list[Job]:
    """Every document to write, in order: the overview, then each session's documents."""
    check_against_library(plan, library)
    chosen = choose_sessions(plan, sessions)
    width = max(2, len(str(len(plan.sessions))))
    jobs: list[Job] = []
    if audience != "participant" and sessions is None:
        jobs.append(
            Job(
                "overview",
                f"{0:0{width}d}-plan-overview",
                partial(plan_overview, plan, library, large_print=large_print, paper=paper),
            )
        )
    for planned in chosen:
        item = in_context(plan, library, planned)
        stem = f"{planned.number:0{width}d}-{slug(planned.title, fallback=planned.session)}"
        if audience != "facilitator":
            jobs.append(
                Job(
                    "participant",
                    f"{stem}-participant",
                    partial(
                        participant_handout,
                        plan,
                        library,
                        item,
                        easy_read=easy_read,
                        large_print=large_print,
                        paper=paper,
                    ),
                )
            )
        if audience != "participant":
            jobs.append(
                Job(
                    "facilitator",
                    f"{stem}-facilitator",
                    partial(
                        facilitator_guide, plan, library, item, large_print=large_print, paper=paper
                    ),
                )
            )
    return jobs


def write_handouts(
    plan: Plan,
    library: Library,
    *,
    out_dir: Path,
    output_format: OutputFormat = "pdf",
    audience: Audience = "all",
    sessions: Iterable[int] | None = None,
    large_print: bool = False,
    easy_read: bool = False,
    paper: Paper = "a4",
    progress: Progress | None = None,
) -> HandoutsWritten:
    """Render and write the documents of *plan* into *out_dir* (created 0700; files 0600).

    Participant handouts for each chosen session (``sessions``: plan session
    numbers; default every session not missed or cancelled), facilitator guides,
    and the plan overview (when facilitators are in the audience and no sessions
    were picked). Existing files are replaced atomically; a run for every session
    also removes the files an earlier run wrote that the plan no longer produces
    (`handouts.outputs`).
    """
    if output_format not in FORMATS:
        raise ValueError(f"unknown output format {output_format!r}")
    jobs = plan_jobs(
        plan,
        library,
        audience=audience,
        sessions=sessions,
        large_print=large_print,
        easy_read=easy_read,
        paper=paper,
    )
    written = HandoutsWritten(folder=out_dir)
    extension = EXTENSIONS[output_format]
    replaces = (_kinds(audience), extension.lstrip(".")) if sessions is None else None
    names = [f"{job.name}{extension}" for job in jobs]
    with owned_outputs(out_dir, names=names, replaces=replaces) as owned:
        rendered = render_in_order([job.build for job in jobs], output_format)
        for done, (job, content) in enumerate(zip(jobs, rendered, strict=True), start=1):
            path = out_dir / f"{job.name}{extension}"
            write_atomic(path, content, replace=True, folder_sync=False)
            written.files.append(path)
            written.counts[job.kind] += 1
            if progress is not None:
                progress(done, len(jobs), path)
        sync_folder(out_dir)  # once for all the renames, not once a file
    written.removed = owned.removed
    return written


def _kinds(audience: Audience) -> set[str]:
    """The kinds of document a run for every session writes for *audience*."""
    return {
        "participant": {"participant"},
        "facilitator": {"facilitator", "overview"},
        "all": {"participant", "facilitator", "overview"},
    }[audience]
