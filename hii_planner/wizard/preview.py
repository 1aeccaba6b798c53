"""What the guided planner prints: step headings, messages and the preview of the plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from hii_planner.errors import HiiPlannerError
from hii_planner.library.loader import Library
from hii_planner.planning.planner import PlanResult
from hii_planner.plans.coverage import coverage, plan_size
from hii_planner.ui.clinical_views import print_coverage, print_reviews
from hii_planner.ui.errors import print_error
from hii_planner.ui.notices import notice, print_diff
from hii_planner.ui.sessions import session_table
from hii_planner.wording import date, hours, plural, schedule_sentence

if TYPE_CHECKING:
    from rich.console import Console

    from hii_planner.planning.plan_diff import PlanDiff


def heading(console: Console, title: str) -> None:
    """A step's title, set apart from the answers above it."""
    console.print()
    # The rule ends inside the screen's width, so that it never wraps (60 columns and less).
    width = min(64, console.width - 1)
    label = f"── {title} "
    console.print(Text(label, style="bold") + Text("─" * max(0, width - len(label))), no_wrap=True)


def error(
    console: Console, problem: HiiPlannerError, *, advice: str = "Change your answer to go on."
) -> None:
    """The planner's message for a broken rule; its hint in the planner's words, not flags."""
    print_error(console, problem, hint=getattr(problem, "wizard_hint", None))
    console.print(Text(advice, style="italic"))


def show_preview(
    console: Console,
    library: Library,
    result: PlanResult,
    *,
    diff: PlanDiff | None = None,
    shown: set[str] | None = None,
) -> None:
    """The whole plan: sessions and dates, totals, cautions, notes and needs left uncovered."""
    plan = result.plan
    heading(console, "Preview")
    title = Text(f"Plan for {plan.participant.reference}", style="bold")
    if plan.facilitators:
        title += Text(f" · facilitators: {', '.join(plan.facilitators)}")
    console.print(title)
    rhythm = schedule_sentence(plan.schedule)
    console.print(Text(rhythm[:1].upper() + rhythm[1:], style="dim"))
    with_status = any(s.status != "planned" for s in plan.sessions)
    console.print(session_table(plan, with_status=with_status))
    sessions = plan.sessions
    if sessions:
        total = sum(s.minutes for s in sessions if s.status != "cancelled")
        console.print(
            Text("Total: ", style="bold")
            + Text(
                f"{plural(len(plan.modules), 'module')}, {plural(len(sessions), 'session')}, "
                f"{hours(total)}, "
                f"{date(sessions[0].date)} to {date(sessions[-1].date)}"
            )
        )
    size = library.info.sessions
    if size is not None:
        console.print(
            Text("Usual size: ", style="bold")
            + Text(f"{size.min} to {size.max} sessions; this plan has {plan_size(plan)}")
        )
    for warning in result.warnings:
        notice(console, "warning", warning, style="bold yellow")
    for caution in result.cautions:
        if shown is not None and caution in shown:
            continue  # each caution is shown once a run
        notice(console, "caution", caution, style="bold yellow")
        if shown is not None:
            shown.add(caution)
    for note in result.notes:
        notice(console, "note", note)
    print_reviews(console, plan)
    print_coverage(console, coverage(plan, library))
    if result.uncovered_needs:
        names = [
            library.needs[n].title if n in library.needs else n for n in result.uncovered_needs
        ]
        notice(console, "needs no planned session addresses", "; ".join(names), style="bold")
    elif plan.participant.needs:
        console.print(Text("Every assessed need is addressed by a planned session.", style="dim"))
    answered = {a.id for a in plan.screening}
    unanswered = sum(1 for q in library.info.screening if q.id not in answered)
    if unanswered:
        notice(console, "note", f"{plural(unanswered, 'screening question')} not answered yet")
    if diff is not None:
        print_diff(console, diff, none="Changes: none yet.")
