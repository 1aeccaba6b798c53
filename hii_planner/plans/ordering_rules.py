"""Order holds when sessions move: a session never comes before one it depends on.

A session depends on the earlier sessions of its module and on the sessions of
every module its module requires or comes after (from the library, when the
plan's library is at hand). Catch-ups, missed and cancelled sessions are records
or make-ups, not steps of the order, so they are left out of the check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from hii_planner.errors import DeliveryError
from hii_planner.plans.models import Plan, PlannedSession

if TYPE_CHECKING:
    from hii_planner.library.loader import Library

Dependencies = Mapping[str, Mapping[str, str]]
"""For each module, the modules it must follow and the rule in words ("requires")."""


def library_dependencies(library: Library) -> Dependencies:
    """The modules each module of *library* must follow, with the rule that says so."""
    found: dict[str, dict[str, str]] = {}
    for module_id, module in library.modules.items():
        rules: dict[str, str] = {}
        for target in module.after:
            rules[target] = "comes after"
        for group in module.requires_any:
            for target in group:
                rules[target] = "requires one of " + ", ".join(group) + ", so it follows"
        for target in module.requires:
            rules[target] = "requires"
        found[module_id] = rules
    return found


def _steps(plan: Plan) -> list[PlannedSession]:
    return [s for s in plan.sessions if s.status in ("planned", "delivered") and not s.catch_up]


def _rule(
    first: PlannedSession, then: PlannedSession, dependencies: Dependencies | None
) -> str | None:
    """Why *then* must come after *first*, or None when it need not."""
    if first.module == then.module:
        return "an earlier session of the same module" if first.number < then.number else None
    rule = (dependencies or {}).get(then.module, {}).get(first.module)
    return f"{then.module} {rule} {first.module}" if rule else None


def _breaks(
    steps: Sequence[PlannedSession],
    dates: Mapping[int, dt.date],
    dependencies: Dependencies | None,
) -> list[tuple[PlannedSession, PlannedSession, str]]:
    found = []
    for first in steps:
        for then in steps:
            if first is then or dates[id(then)] >= dates[id(first)]:
                continue
            rule = _rule(first, then, dependencies)
            if rule is not None:
                found.append((first, then, rule))
    return found


def refuse_new_order_breaks(
    plan: Plan,
    saved: Sequence[tuple[PlannedSession, dt.date]],
    *,
    moved: PlannedSession,
    dependencies: Dependencies | None,
) -> None:
    """Refuse a move that puts a session before one it depends on (and was not so before).

    *saved* holds every session with its date before the move; numbers are still
    the ones the user saw.
    """
    steps = _steps(plan)
    old = {id(s): day for s, day in saved}
    new = {id(s): s.date for s in plan.sessions}
    earlier = {(id(a), id(b)) for a, b, _ in _breaks(steps, old, dependencies)}
    for first, then, rule in _breaks(steps, new, dependencies):
        if (id(first), id(then)) in earlier:
            continue
        raise DeliveryError(
            f"moving session {moved.number} to {moved.date.isoformat()} would put session "
            f"{then.number} ({then.module}/{then.session}, {then.date.isoformat()}) before "
            f"session {first.number} ({first.module}/{first.session}, "
            f"{first.date.isoformat()}): {rule}",
            hint="pass --cascade to move the later sessions too, or move the earlier ones first",
        )
