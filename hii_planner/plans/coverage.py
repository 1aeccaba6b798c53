"""Coverage by session: which planned sessions address each assessed need, and the plan's size.

A need counts as addressed when at least one planned, non-cancelled session
addresses it; a session addresses its own `addresses`, or else its module's.
"""

from __future__ import annotations

from dataclasses import dataclass

from hii_planner.library.loader import Library
from hii_planner.plans.models import Plan, PlannedSession


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


def session_needs(library: Library, module_id: str, session_id: str) -> list[str]:
    """The needs a library session addresses: its own list, or else its module's."""
    module = library.modules.get(module_id)
    if module is None:
        return []
    session = module.session(session_id)
    if session is None or session.kind == "review":
        return []
    return list(session.addresses if session.addresses is not None else module.addresses)


def coverage(plan: Plan, library: Library) -> list[NeedCoverage]:
    """Each of the participant's assessed needs with the sessions that address it."""
    found = []
    for need in plan.participant.needs:
        sessions = tuple(
            s
            for s in plan.sessions
            if s.status != "cancelled"
            and s.kind != "review"
            and need in session_needs(library, s.module, s.session)
        )
        title = library.needs[need].title if need in library.needs else need
        found.append(NeedCoverage(need=need, title=title, sessions=sessions))
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
