"""Terminal output for working as a team: merges, conflicts, conflict copies, team setup."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from hii_planner.plans.models import Conflict, Plan, SessionRecord
from hii_planner.ui.console import stderr_console, stdout_console

if TYPE_CHECKING:
    from hii_planner.plans.merge import MergeResult
    from hii_planner.plans.sync_copies import ConflictCopy
    from hii_planner.plans.team_setup import TeamSetup
    from hii_planner.plans.team_summary import TeamSummary

GIT_TEMPORARY_PREFIX = ".merge_file_"


def shown_name(path: Path) -> str:
    """The plan's name for a hint: FILE when git handed us one of its temporary files."""
    return "FILE" if path.name.startswith(GIT_TEMPORARY_PREFIX) else shlex.quote(str(path))


def record_words(record: SessionRecord | None) -> str:
    """A session record in plain words: "missed on 2026-11-30 (an acceptable absence)"."""
    if record is None:
        return "no longer has this session (its modules were edited)"
    text = f"{record.status} on {record.date.isoformat()}"
    details = []
    if record.absence:
        details.append(f"an {record.absence} absence")
    if record.cancelled_by:
        details.append(f"cancelled by {record.cancelled_by}")
    if record.facilitators:
        details.append("by " + ", ".join(record.facilitators))
    if record.engagement_concern:
        details.append("engagement concern")
    if record.notes:
        details.append(f"note: {record.notes!r}")
    return text + (f" ({'; '.join(details)})" if details else "")


def conflict_words(plan: Plan, conflict: Conflict) -> str:
    """One conflict in plain words, naming the session and both records."""
    session = plan.sessions[conflict.session - 1]
    return (
        f"session {conflict.session}, {session.title} ({session.module}): "
        f"ours says {record_words(conflict.ours)}; theirs says {record_words(conflict.theirs)}"
    )


def print_conflicts(plan: Plan, path: Path) -> None:
    """Each conflict of *plan* on its own line, then how to settle them (stderr)."""
    console = stderr_console()
    for conflict in plan.conflicts:
        console.print(Text("conflict: ", style="bold red") + Text(conflict_words(plan, conflict)))
    if plan.conflicts:
        first = plan.conflicts[0].session
        console.print(
            Text("hint: ", style="bold")
            + Text(
                f"settle each with `hii-planner plan resolve {shown_name(path)} {first} "
                "--take ours|theirs`; until then, commands that change the plan refuse it"
            )
        )


def report_merge(
    result: MergeResult, *, ours: Path, theirs: Path, dry_run: bool, folded_copy: bool
) -> None:
    """What a merge did (or would do), its warnings and its conflicts (stderr).

    With *folded_copy* (two copies, no base), the copy is said to be deletable.
    """
    console = stderr_console()
    for warning in result.warnings:
        console.print(Text("warning: ", style="bold yellow") + Text(warning))
    if not result.changed_ours:
        console.print(Text("✓ ", style="bold green") + Text(f"{result.summary}; {ours} unchanged"))
    else:
        verb = "would write" if dry_run else "wrote"
        console.print(
            Text("✓ ", style="bold green")
            + Text(f"{result.summary}; {verb} {ours} (revision {result.plan.revision})")
        )
    print_conflicts(result.plan, ours)
    if folded_copy and not dry_run:
        console.print(Text(f"  {theirs} is folded in and can be deleted"))


def report_conflict_copies(copies: Sequence[ConflictCopy]) -> None:
    """Each conflict copy in the folder and the command that folds it in (stderr)."""
    console = stderr_console()
    for copy in copies:
        console.print(
            Text("conflict copy: ", style="bold yellow")
            + Text(
                f"{copy.copy.name} is a {copy.kind} of {copy.original.name}; fold it in with "
                f"`hii-planner plan merge {shlex.quote(str(copy.original))} "
                f"{shlex.quote(str(copy.copy))}`"
            )
        )


def report_team_setup(setup: TeamSetup, *, dry_run: bool) -> None:
    """What `team init` wrote and set, or would (stderr), and what is left to do."""
    console = stderr_console()
    for change in setup.files:
        if not change.added:
            console.print(Text(f"  {change.path.name}: already set up"))
            continue
        verb = (
            ("would create" if dry_run else "created")
            if change.created
            else ("would add to" if dry_run else "added to")
        )
        console.print(Text("✓ ", style="bold green") + Text(f"{verb} {change.path}:"))
        for line in change.added:
            console.print(Text(f"    {line}"))
    if setup.repository is None:
        console.print(
            Text(
                f"{setup.folder} is not in a git repository; after `git init` (or in each "
                "clone), set the merge driver with:"
            )
        )
        for line in setup.config_commands():
            console.print(Text(f"    {line}"))
        return
    if not setup.config_changes:
        console.print(Text(f"  merge driver: already set in {setup.repository}"))
        return
    verb = "would set" if dry_run else "set"
    console.print(
        Text("✓ ", style="bold green") + Text(f"{verb} the merge driver in {setup.repository}:")
    )
    for key, value in setup.config_changes:
        console.print(Text(f"    {key} = {value}"))
    if not dry_run:
        console.print(
            Text(
                "  every clone needs this once: run `hii-planner team init` there too "
                "(git does not share its config)"
            )
        )


def render_team_summary(summary: TeamSummary, folder: Path) -> None:
    """The team view of a caseload (stdout): figures, then next week's sessions."""
    figures = Table(title=f"Team view: {folder}", title_justify="left", show_header=False)
    figures.add_column(no_wrap=True)
    figures.add_column(overflow="fold")
    statuses = ", ".join(f"{n} {s}" for s, n in summary.by_status.items() if n) or "none"
    missed = (
        f"{summary.absences_acceptable} acceptable, {summary.absences_unacceptable} unacceptable"
        + (f", {summary.absences_not_stated} not stated" if summary.absences_not_stated else "")
    )
    rows = [
        ("plans", f"{summary.plans} ({statuses})"),
        (
            "delivered",
            f"{summary.delivered_this_month} this month "
            f"({summary.today.strftime('%B %Y')}), {summary.delivered} in total",
        ),
        ("missed", missed),
        ("cancelled", str(summary.cancelled)),
        ("overdue", str(summary.overdue)),
        ("library changed", _names(summary.library_changed)),
        ("merge conflicts", _names(summary.with_conflicts)),
        ("conflict copies", _names(tuple(c.copy for c in summary.conflict_copies))),
    ]
    if summary.unreadable:
        rows.append(("unreadable", _names(summary.unreadable)))
    for label, value in rows:
        figures.add_row(label, value)
    console = stdout_console()
    console.print(figures)
    week = Table(title="Next 7 days", title_justify="left")
    for column in ("date", "time", "reference", "#", "session"):
        week.add_column(column, no_wrap=column != "session", overflow="fold")
    for upcoming in summary.next_week:
        week.add_row(
            upcoming.date.strftime("%a %d %b"),
            upcoming.time or "",
            upcoming.reference,
            str(upcoming.number),
            upcoming.title,
        )
    if summary.next_week:
        console.print(week)
    else:
        console.print(Text("Next 7 days: no sessions planned"))


def _names(paths: Sequence[Path]) -> str:
    return f"{len(paths)}: " + ", ".join(p.name for p in paths) if paths else "0"
