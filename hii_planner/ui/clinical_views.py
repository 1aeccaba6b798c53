"""Terminal views of the clinical picture of a plan: coverage by need, reviews, twin track, size."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from hii_planner.plans.coverage import NeedCoverage
from hii_planner.plans.models import Plan
from hii_planner.ui.console import stdout_console

if TYPE_CHECKING:  # `plan show` uses these views and builds no library models
    from hii_planner.planning.explain_need import NeedExplanation


def coverage_lines(found: Sequence[NeedCoverage]) -> list[Text]:
    """One line per assessed need: the sessions that address it, or that none does."""
    lines = []
    for item in found:
        line = Text("  • ") + Text(item.title, style="bold")
        if item.addressed:
            numbers = ", ".join(str(s.number) for s in item.sessions)
            plural = "s" if len(item.sessions) != 1 else ""
            line += Text(f": session{plural} {numbers}")
            if item.delivered:
                line += Text(f" ({item.delivered} delivered)", style="dim")
        else:
            line += Text(": unaddressed (no planned session addresses it)", style="bold yellow")
        lines.append(line)
    return lines


def print_coverage(console: Console, found: Sequence[NeedCoverage]) -> None:
    """The coverage section of `plan show` and the wizard preview."""
    if not found:
        return
    console.print(Text("Needs, by the sessions that address them:", style="bold"))
    for line in coverage_lines(found):
        console.print(line)


def review_numbers(plan: Plan) -> list[int]:
    """The numbers of the plan's progress review sessions."""
    return [s.number for s in plan.sessions if s.kind == "review"]


def print_reviews(console: Console, plan: Plan) -> None:
    """Where the progress reviews fall, when the plan has any."""
    numbers = review_numbers(plan)
    if numbers:
        plural = "s" if len(numbers) != 1 else ""
        console.print(
            Text("Progress reviews: ", style="bold")
            + Text(f"session{plural} " + ", ".join(map(str, numbers)))
        )


def render_need_why(explanation: NeedExplanation) -> None:
    """`plan why FILE --need ID`: the sessions that address a need, or why none does."""
    console = stdout_console()
    if explanation.sessions:
        console.print(Text(f"{explanation.title} is addressed by:", style="bold"))
        for session in explanation.sessions:
            console.print(
                Text(f"  • session {session.number} ")
                + Text(f"{session.module}/{session.session}", style="cyan")
                + Text(f" {session.title} ({session.status}, {session.date.isoformat()})")
            )
    else:
        console.print(Text(f"{explanation.title} is not addressed by this plan:", style="bold"))
    for remark in explanation.remarks:
        console.print(Text("  • ") + Text(remark, style="dim"))
