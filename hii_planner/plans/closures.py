"""Closures: periods in which no session is planned (an establishment closure, leave).

`plans.calendar.slots` skips closed days, so every slot search respects them;
`add_closure` adds one to a running plan and moves the planned sessions inside it.
"""

from __future__ import annotations

import datetime as dt

from hii_planner.errors import DeliveryError
from hii_planner.plans.changes import Change, checked_text
from hii_planner.plans.models import Closure, Plan
from hii_planner.plans.placing import follow, planned_from, renumber
from hii_planner.plans.status import refuse_if_closed
from hii_planner.wording import plural

PERIOD_EXAMPLE = "2026-12-21..2027-01-03"


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """``START..END`` as two dates (the end inclusive and not before the start)."""
    start_text, dots, end_text = text.strip().partition("..")
    try:
        if not dots:
            raise ValueError
        start = dt.date.fromisoformat(start_text.strip())
        end = dt.date.fromisoformat(end_text.strip())
    except ValueError:
        raise DeliveryError(
            f"{text!r} is not a period such as {PERIOD_EXAMPLE}",
            hint="write the first and the last closed day as YYYY-MM-DD..YYYY-MM-DD",
        ) from None
    if end < start:
        raise DeliveryError(
            f"the closure {text.strip()} ends before it starts",
            hint="write START..END with the end on or after the start",
        )
    return start, end


def closure_words(closure: Closure) -> str:
    """A closure in words: its first and last day and its reason."""
    why = f" ({closure.reason})" if closure.reason else ""
    return f"{closure.start.isoformat()}..{closure.end.isoformat()}{why}"


def add_closure(plan: Plan, start: dt.date, end: dt.date, *, reason: str = "") -> Change:
    """Add a closure to *plan* and move the planned sessions inside it, and the later ones.

    Recorded sessions never move; one recorded inside the closure is a warning.
    """
    refuse_if_closed(plan, "moved by a closure")
    if end < start:
        raise DeliveryError(
            f"the closure {start.isoformat()}..{end.isoformat()} ends before it starts",
            hint="write START..END with the end on or after the start",
        )
    why = checked_text("reason", reason, limit=200)
    closure = Closure(start=start, end=end, reason=why)
    if closure in plan.schedule.closures:
        raise DeliveryError(f"the plan already has the closure {closure_words(closure)}")
    plan.schedule.closures = sorted(
        [*plan.schedule.closures, closure], key=lambda c: (c.start, c.end)
    )
    warnings = tuple(
        f"session {s.number} was {s.status} on {s.date.isoformat()}, inside the closure; "
        "it stays as recorded"
        for s in plan.sessions
        if s.status in ("delivered", "missed") and start <= s.date <= end
    )
    inside = [s for s in planned_from(plan, start) if s.date <= end]
    moved = follow(plan, planned_from(plan, start), earliest=start)
    renumber(plan)
    return Change(
        f"closure {closure_words(closure)} added; "
        f"{plural(len(inside), 'session')} inside it, {plural(moved, 'session')} moved",
        warnings,
        why=why or None,
    )
