"""The plan as a Markdown document for facilitators' case notes.

Every text that comes from the library or the plan (titles, names, needs, reasons,
notes) goes through the one Markdown escaper of `documents.markdown`, so inline
markup and raw HTML in it print as written and never run.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from hii_planner.documents.markdown import block_markdown, escape_line
from hii_planner.documents.model import TableBlock
from hii_planner.plans.models import Plan
from hii_planner.wording import hours, schedule_sentence


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> Iterator[str]:
    """A GFM table, every cell escaped."""
    block = TableBlock(
        header=tuple(header), rows=tuple(tuple(str(value) for value in row) for row in rows)
    )
    for text in block_markdown(block):
        yield from text.split("\n")


def lines(plan: Plan) -> Iterator[str]:
    """The document, line by line."""
    yield f"# Plan for {escape_line(plan.participant.reference)}"
    yield ""
    yield (
        f"- Library: {escape_line(plan.library.name)}, version {escape_line(plan.library.version)}"
    )
    yield f"- Created: {plan.created.date().isoformat()} (revision {plan.revision})"
    if plan.facilitators:
        yield f"- Facilitators: {escape_line(', '.join(plan.facilitators))}"
    yield f"- Schedule: {escape_line(schedule_sentence(plan.schedule))}"
    total = sum(s.minutes for s in plan.sessions if s.status != "cancelled")
    yield f"- Sessions: {len(plan.sessions)}, {hours(total)}"
    if plan.participant.needs:
        yield ""
        yield "## Assessed needs"
        yield ""
        yield from (f"- {escape_line(need)}" for need in plan.participant.needs)
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
        yield from (
            f"- {escape_line(f'{item.module}/{item.session}: {item.reason}')}"
            for item in plan.left_out
        )


def render(plan: Plan) -> str:
    """The whole document."""
    return "\n".join(lines(plan)) + "\n"
