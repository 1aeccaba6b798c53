"""The order of a plan: modules after their prerequisites, sessions kept in module order."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from hii_planner.library.graph import ordered_topological_sort
from hii_planner.library.loader import Library
from hii_planner.types import SessionKind

_PLACEMENT_RANK = {"first": 0, "any": 1, "last": 2}


@dataclass(frozen=True)
class SessionSlot:
    """One session in plan order, before it gets a date."""

    module: str
    session: str
    kind: SessionKind = "session"


def order_modules(
    library: Library,
    planned: Sequence[str],
    chosen: Sequence[str],
    *,
    early: Collection[str] = (),
) -> list[str]:
    """Planned modules in delivery order.

    Prerequisites (requires, requires_any, after) come first; then placement
    (first, then the *early* modules a screening caution places first, any, last);
    then the facilitator's order of choice; then library order.
    A library that passed its checks cannot make placement and prerequisites disagree.
    """
    present = set(planned)
    choice = {module_id: index for index, module_id in enumerate(chosen)}

    def key(module_id: str) -> tuple[float, int, int]:
        module = library.modules[module_id]
        rank: float = _PLACEMENT_RANK[module.placement]
        if module_id in early and module.placement == "any":
            rank = 0.5
        return (
            rank,
            choice.get(module_id, len(choice)),
            library.position[module_id],
        )

    before = {
        module_id: [m for m in library.modules[module_id].prerequisites() if m in present]
        for module_id in planned
    }
    return ordered_topological_sort(planned, before, key)


def sequence_sessions(
    library: Library,
    module_order: Sequence[str],
    sessions: Mapping[str, Sequence[str]],
    *,
    twin_track: str | None = None,
) -> list[SessionSlot]:
    """All planned sessions in order; a twin track's sessions spread through the rest."""
    if twin_track is None or not any(library.modules[m].track == twin_track for m in module_order):
        return [SessionSlot(m, s) for m in module_order for s in sessions[m]]
    from hii_planner.planning.twin import spread_twin_track

    return spread_twin_track(library, module_order, sessions, twin_track).slots
