"""Coverage by session: which planned sessions address each assessed need, and the plan's size.

A need counts as addressed when at least one planned, non-cancelled session
addresses it; a session addresses its own `addresses`, or else its module's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from hii_planner.library.session_needs import SessionNeeds
from hii_planner.plans.models import Plan, PlannedSession

if TYPE_CHECKING:
    from hii_planner.library.loader import Library


@dataclass(frozen=True)
class NeedCoverage:
    """An assessed need and the plan's sessions that address it (cancelled ones left out)."""

    need: str
    title: str
    sessions: tuple[PlannedSession, ...]

    @property
    def addressed(self) -> bool:
        """True when at least one session that is not cancelled addresses the need."""
        return bool(self.sessions)

    @property
    def delivered(self) -> int:
        """How many of those sessions were delivered."""
        return sum(1 for s in self.sessions if s.status == "delivered")


def coverage(plan: Plan, library: Library | SessionNeeds) -> list[NeedCoverage]:
    """Each of the participant's assessed needs with the sessions that address it.

    *library* may be the library itself or its `SessionNeeds` (as read from the cache).
    """
    needs = (
        library
        if isinstance(library, SessionNeeds)
        else SessionNeeds.of(library, only=[(s.module, s.session) for s in plan.sessions])
    )
    found = []
    for need in plan.participant.needs:
        sessions = tuple(
            s
            for s in plan.sessions
            if s.status != "cancelled"
            and s.kind != "review"
            and need in needs.of_session(s.module, s.session)
        )
        found.append(NeedCoverage(need=need, title=needs.title(need), sessions=sessions))
    return found


def unaddressed(plan: Plan, library: Library) -> list[str]:
    """The assessed needs no planned, non-cancelled session addresses."""
    return [c.need for c in coverage(plan, library) if not c.addressed]


def size_warning(library: Library, count: int) -> str | None:
    """A warning when *count* sessions is outside the library's usual range, else None."""
    size = library.info.sessions
    if size is None or size.min <= count <= size.max:
        return None
    side = "fewer" if count < size.min else "more"
    return (
        f"the plan has {count} session{'s' if count != 1 else ''}, {side} than the usual "
        f"{size.min} to {size.max} of {library.info.name}"
    )


def plan_size(plan: Plan) -> int:
    """The sessions that count in a plan's size: all but the cancelled ones."""
    return sum(1 for s in plan.sessions if s.status != "cancelled")


def clinical_warnings(plan: Plan, library: Library) -> list[str]:
    """What `plan check` warns about: a size outside the usual range, needs left unaddressed."""
    warnings = []
    size = size_warning(library, plan_size(plan))
    if size:
        warnings.append(size)
    missing = unaddressed(plan, library)
    if missing:
        warnings.append("no planned session addresses: " + ", ".join(missing))
    return warnings
