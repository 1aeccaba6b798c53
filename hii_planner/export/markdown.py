"""The plan as a Markdown document for facilitators' case notes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from hii_planner.core._types import HOLIDAY_CALENDAR_NAMES, WEEKDAY_NAMES
from hii_planner.core.plan_models import Plan

_CADENCE = {"weekly": "weekly", "twice-weekly": "twice a week", "fortnightly": "fortnightly"}


def cell(text: object) -> str:
    """Text made safe for a Markdown table cell."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip()


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> Iterator[str]:
    """A Markdown table, one line at a time."""
    yield "| " + " | ".join(header) + " |"
    yield "|" + "|".join("---" for _ in header) + "|"
    for row in rows:
        yield "| " + " | ".join(cell(value) for value in row) + " |"


def schedule_sentence(plan: Plan) -> str:
    """The plan's rhythm in words: "weekly on Monday from 2027-01-04"."""
    schedule = plan.schedule
    days = " and ".join(WEEKDAY_NAMES[d] for d in schedule.weekdays)
    return (
        f"{_CADENCE[schedule.cadence]} on {days} from {schedule.start.isoformat()} "
        f"(public holidays skipped: {HOLIDAY_CALENDAR_NAMES[schedule.holidays]})"
    )


def hours(minutes: int) -> str:
    """Minutes as "12 h 30 min"."""
    whole, rest = divmod(minutes, 60)
    return f"{whole} h {rest:02d} min" if rest else f"{whole} h"


def lines(plan: Plan) -> Iterator[str]:
    """The document, line by line."""
    yield f"# Plan for {plan.participant.reference}"
    yield ""
    yield f"- Library: {plan.library.name}, version {plan.library.version}"
    yield f"- Created: {plan.created.date().isoformat()} (revision {plan.revision})"
    if plan.facilitators:
        yield f"- Facilitators: {', '.join(plan.facilitators)}"
    yield f"- Schedule: {schedule_sentence(plan)}"
    total = sum(s.minutes for s in plan.sessions if s.status != "cancelled")
    yield f"- Sessions: {len(plan.sessions)}, {hours(total)}"
    if plan.participant.needs:
        yield ""
        yield "## Assessed needs"
        yield ""
        yield from (f"- {need}" for need in plan.participant.needs)
    yield ""
    yield "## Modules"
    yield ""
    counts = {m.id: sum(1 for s in plan.sessions if s.module == m.id) for m in plan.modules}
    yield from table(
        ("Module", "Track", "Sessions", "Why it is in the plan"),
        [
            (f"{m.title} ({m.id})", m.track, counts[m.id], "; ".join(m.reasons))
            for m in plan.modules
        ],
    )
    yield ""
    yield "## Sessions"
    yield ""
    yield from table(
        ("No.", "Date", "Module", "Session", "Minutes", "Status"),
        [
            (
                s.number,
                s.date.strftime("%a %d %b %Y"),
                s.module,
                s.title + (" (catch-up)" if s.catch_up else ""),
                s.minutes,
                s.status,
            )
            for s in plan.sessions
        ],
    )
    if plan.left_out:
        yield ""
        yield "## Left out"
        yield ""
        yield from (f"- {item.module}/{item.session}: {item.reason}" for item in plan.left_out)


def render(plan: Plan) -> str:
    """The whole document."""
    return "\n".join(lines(plan)) + "\n"
