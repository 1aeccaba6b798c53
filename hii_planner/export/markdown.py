"""The plan as a Markdown document for facilitators' case notes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from hii_planner.plans.models import Plan
from hii_planner.wording import hours, schedule_sentence


def cell(text: object) -> str:
    """Text made safe for a Markdown table cell."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip()


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> Iterator[str]:
    """A Markdown table, one line at a time."""
    yield "| " + " | ".join(header) + " |"
    yield "|" + "|".join("---" for _ in header) + "|"
    for row in rows:
        yield "| " + " | ".join(cell(value) for value in row) + " |"


def lines(plan: Plan) -> Iterator[str]:
    """The document, line by line."""
    yield f"# Plan for {plan.participant.reference}"
    yield ""
    yield f"- Library: {plan.library.name}, version {plan.library.version}"
    yield f"- Created: {plan.created.date().isoformat()} (revision {plan.revision})"
    if plan.facilitators:
        yield f"- Facilitators: {', '.join(plan.facilitators)}"
    yield f"- Schedule: {schedule_sentence(plan.schedule)}"
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
            (f"{m.title} ({m.id})", m.track, counts[m.id], "; ".join(map(str, m.reasons)))
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
