"""`plan report` as a use case: choose the format and file, check the library, render the report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hii_planner.documents.render import OutputFormat, render_document
from hii_planner.files.atomic import write_atomic
from hii_planner.handouts.report import build_report
from hii_planner.library.loader import Library
from hii_planner.plans.check import library_mismatch
from hii_planner.plans.models import Plan

_SUFFIX_FORMATS: dict[str, OutputFormat] = {".pdf": "pdf", ".html": "html", ".htm": "html"}


@dataclass(frozen=True)
class ReportOutput:
    """A rendered report, where it goes (None: standard output) and what to warn about."""

    data: bytes
    output_format: OutputFormat
    path: Path | None
    warnings: tuple[str, ...] = ()


def format_from_name(out: str | None) -> OutputFormat:
    """The format an output file's suffix asks for: pdf, html, else markdown."""
    suffix = Path(out).suffix.lower() if out and out != "-" else ""
    return _SUFFIX_FORMATS.get(suffix, "markdown")


def prepare_report(
    plan: Plan,
    library: Library,
    *,
    today: dt.date,
    output_format: OutputFormat | None = None,
    out: str | None = None,
) -> ReportOutput:
    """The report of *plan*: its format (given, or from *out*'s suffix) and its file.

    A PDF with no *out* goes to ``REFERENCE-report.pdf``; other formats go to standard
    output unless *out* names a file. With another library than the plan's, need
    titles and the protective marking are left out, and a warning says so.
    """
    chosen = output_format or format_from_name(out)
    warnings: list[str] = []
    mismatch = library_mismatch(plan, library)
    if mismatch is not None:
        warnings.append(
            f"the plan was {mismatch}: need titles and the protective marking are left out "
            "(pass --library with the plan's library)"
        )
    document = build_report(plan, today=today, library=None if mismatch else library)
    if out is None and chosen == "pdf":
        out = f"{plan.participant.reference}-report.pdf"
    path = None if out is None or out == "-" else Path(out)
    return ReportOutput(render_document(document, chosen), chosen, path, tuple(warnings))


def write_report(
    report: ReportOutput, *, replace: bool = False, inputs: Sequence[Path] = ()
) -> None:
    """Write a report that has a file, atomically (refusing to replace one unless asked).

    A plan file, the report's own plan among them (*inputs*), is never replaced.
    """
    from hii_planner.plans.outputs import checked_output

    if report.path is None:
        raise ValueError("this report goes to standard output")
    write_atomic(
        checked_output(report.path, force=replace, inputs=inputs), report.data, replace=replace
    )
