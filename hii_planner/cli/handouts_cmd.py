"""`hii-planner handouts`: print participant handouts, facilitator guides and the overview."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hii_planner.cli._common import EXIT_PROBLEM, handle_errors, state
from hii_planner.cli.completion import complete_session_number
from hii_planner.documents.model import Audience, Paper
from hii_planner.documents.render import OutputFormat
from hii_planner.ui.console import message, stderr_console

if TYPE_CHECKING:
    from hii_planner.documents.model import Audience, Paper
    from hii_planner.documents.render import OutputFormat
    from hii_planner.handouts.write import Progress


@contextmanager
def _progress(description: str) -> Iterator[Progress | None]:
    """A progress bar on stderr while files are written (only on a terminal)."""
    console = stderr_console()
    if not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task(description, total=None)

        def advance(done: int, total: int, path: Path) -> None:
            bar.update(task, completed=done, total=total, description=f"writing {path.name}")

        yield advance


@handle_errors
def handouts(
    ctx: typer.Context,
    plan_file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="Plan file (.toml), or a folder of plans for all their handouts at once.",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Folder to write into [default: PLAN-handouts beside the plan file; "
            "for a folder of plans, OUT/PLAN for each].",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = "pdf",
    audience: Annotated[
        Audience,
        typer.Option("--audience", help="Participant handouts, facilitator guides, or both."),
    ] = "all",
    session: Annotated[
        list[int] | None,
        typer.Option(
            "--session",
            "-s",
            min=1,
            metavar="N",
            autocompletion=complete_session_number,
            help="Only this session number (repeatable) [default: every session not "
            "missed or cancelled, and the plan overview].",
            show_default=False,
        ),
    ] = None,
    large_print: Annotated[
        bool, typer.Option("--large-print", help="Large-print layout (16 pt body text).")
    ] = False,
    easy_read: Annotated[
        bool,
        typer.Option(
            "--easy-read", help="Use the easy-read handout text where the library has it."
        ),
    ] = False,
    paper: Annotated[Paper, typer.Option("--paper", help="Paper size.")] = "a4",
) -> None:
    """Print handouts for the participant, session guides for facilitators, and the plan overview.

    Files are named like 03-my-many-identities-participant.pdf and 00-plan-overview.pdf.

    Every page carries the participant's reference and the library's protective marking.

    Participant handouts never show facilitator notes, objectives or assessed needs.

    Given a folder, every plan in it gets its documents in one run, for example
    `hii-planner handouts caseload/ --out printing/`.
    """
    if plan_file.is_dir():
        if session:
            raise typer.BadParameter(
                "--session picks sessions of one plan; give a plan file, not a folder",
                param_hint="--session",
            )
        _batch(
            ctx,
            plan_file,
            out,
            output_format=output_format,
            audience=audience,
            large_print=large_print,
            easy_read=easy_read,
            paper=paper,
        )
        return
    from hii_planner.handouts.write import write_handouts
    from hii_planner.plans.check import library_drift
    from hii_planner.plans.planfile import read_plan

    plan = read_plan(plan_file)
    library = state(ctx).library()
    for warning in library_drift(plan, library):
        message(f"warning: {warning}")
    folder = out if out is not None else plan_file.parent / f"{plan_file.stem}-handouts"
    with _progress("rendering") as progress:
        written = write_handouts(
            plan,
            library,
            out_dir=folder,
            output_format=output_format,
            audience=audience,
            sessions=session or None,
            large_print=large_print,
            easy_read=easy_read,
            paper=paper,
            progress=progress,
        )
    message(written.summary(output_format))


def _batch(
    ctx: typer.Context,
    folder: Path,
    out: Path | None,
    *,
    output_format: OutputFormat,
    audience: Audience,
    large_print: bool,
    easy_read: bool,
    paper: Paper,
) -> None:
    """Handouts for every plan in *folder*; unreadable plans are reported and give exit 1."""
    from hii_planner import clock
    from hii_planner.handouts.batch import write_batch
    from hii_planner.ui.console import report_error

    library = state(ctx).library()
    with _progress("rendering") as progress:
        results = write_batch(
            folder,
            library,
            out_root=out,
            today=clock.today(),
            output_format=output_format,
            audience=audience,
            large_print=large_print,
            easy_read=easy_read,
            paper=paper,
            progress=progress,
        )
    failed = 0
    for result in results:
        for warning in result.warnings:
            message(f"warning: {result.plan_file.name}: {warning}")
        if result.written is not None:
            message(f"{result.plan_file.name}: {result.written.summary(output_format)}")
        elif result.error is not None:
            failed += 1
            report_error(result.error)
    if not results:
        message(f"no plan files in {folder}")
    if failed:
        message(f"{failed} of {len(results)} plans got no handouts")
        raise typer.Exit(EXIT_PROBLEM)
