"""What the guided planner prints: step headings, messages and the preview of the plan."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from hii_planner.errors import HiiPlannerError
from hii_planner.library.loader import Library
from hii_planner.planning.planner import PlanResult
from hii_planner.plans.coverage import coverage, plan_size
from hii_planner.plans.models import Plan
from hii_planner.ui.clinical_views import print_coverage, print_reviews
from hii_planner.ui.errors import print_error
from hii_planner.wording import hours, schedule_sentence

if TYPE_CHECKING:
    from rich.console import Console

    from hii_planner.planning.replan import PlanDiff

_STATUS_STYLE = {"planned": "", "delivered": "green", "missed": "red", "cancelled": "dim"}


def heading(console: Console, title: str) -> None:
    """A step's title, set apart from the answers above it."""
    console.print()
    console.print(Text(f"── {title} ", style="bold") + Text("─" * max(0, 60 - len(title))))


def error(
    console: Console, problem: HiiPlannerError, *, advice: str = "Change your answer to go on."
) -> None:
    """The planner's message for a broken rule, as `plan new --no-input` prints it."""
    print_error(console, problem)
    console.print(Text(advice, style="italic"))


def label(console: Console, kind: str, text: str, *, style: str = "bold") -> None:
    """A one-line message such as ``caution: ...`` or ``note: ...``."""
    console.print(Text(f"{kind}: ", style=style) + Text(text))


def session_table(plan: Plan, *, with_status: bool) -> Table:
    """Every session with its date; a module's name only where its run of sessions starts."""
    table = Table(title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("module", ratio=2)
    table.add_column("session", ratio=3)
    table.add_column("min", justify="right", no_wrap=True)
    if with_status:
        table.add_column("status", no_wrap=True)
    titles = {m.id: m.title for m in plan.modules}
    previous = ""
    for session in plan.sessions:
        module = titles.get(session.module, session.module) if session.module != previous else ""
        previous = session.module
        row: list[str | Text] = [
            str(session.number),
            session.date.strftime("%a %d %b %Y"),
            module,
            session.title + (" (catch-up)" if session.catch_up else ""),
            str(session.minutes),
        ]
        if with_status:
            row.append(Text(session.status, style=_STATUS_STYLE[session.status]))
        table.add_row(*row)
    return table


def show_preview(
    console: Console, library: Library, result: PlanResult, *, diff: PlanDiff | None = None
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
                f"{len(plan.modules)} modules, {len(sessions)} sessions, {hours(total)}, "
                f"{_day(sessions[0].date)} to {_day(sessions[-1].date)}"
            )
        )
    size = library.info.sessions
    if size is not None:
        console.print(
            Text("Usual size: ", style="bold")
            + Text(f"{size.min} to {size.max} sessions; this plan has {plan_size(plan)}")
        )
    for warning in result.warnings:
        label(console, "warning", warning, style="bold yellow")
    for caution in result.cautions:
        label(console, "caution", caution, style="bold yellow")
    for note in result.notes:
        label(console, "note", note)
    print_reviews(console, plan)
    print_coverage(console, coverage(plan, library))
    if result.uncovered_needs:
        names = [
            library.needs[n].title if n in library.needs else n for n in result.uncovered_needs
        ]
        label(console, "needs no planned session addresses", "; ".join(names), style="bold")
    elif plan.participant.needs:
        console.print(Text("Every assessed need is addressed by a planned session.", style="dim"))
    answered = {a.id for a in plan.screening}
    unanswered = sum(1 for q in library.info.screening if q.id not in answered)
    if unanswered:
        questions = "question" if unanswered == 1 else "questions"
        label(console, "note", f"{unanswered} screening {questions} not answered yet")
    if diff is not None:
        show_diff(console, diff)


def _day(day: dt.date) -> str:
    return day.strftime("%d %b %Y")


def show_diff(console: Console, diff: PlanDiff) -> None:
    """What the edit changes, one line each, or that it changes nothing."""
    if diff.empty:
        console.print(Text("Changes: none yet.", style="bold"))
        return
    console.print(Text("Changes:", style="bold"))
    for line in diff.lines():
        console.print(Text(f"  {line}"))
