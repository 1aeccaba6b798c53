"""The order of a plan: modules after their prerequisites, sessions kept in module order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hii_planner.library.graph import ordered_topological_sort
from hii_planner.library.loader import Library

_PLACEMENT_RANK = {"first": 0, "any": 1, "last": 2}


@dataclass(frozen=True)
class SessionSlot:
    """One session in plan order, before it gets a date."""

    module: str
    session: str


def order_modules(library: Library, planned: Sequence[str], chosen: Sequence[str]) -> list[str]:
    """Planned modules in delivery order.

    Prerequisites (requires, requires_any, after) come first; then placement
    (first, any, last); then the facilitator's order of choice; then library order.
    A library that passed its checks cannot make placement and prerequisites disagree.
    """
    present = set(planned)
    choice = {module_id: index for index, module_id in enumerate(chosen)}

    def key(module_id: str) -> tuple[int, int, int]:
        module = library.modules[module_id]
        return (
            _PLACEMENT_RANK[module.placement],
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
    """All planned sessions in order; a twin track's sessions alternate with the rest."""
    if twin_track is None or not any(library.modules[m].track == twin_track for m in module_order):
        return [SessionSlot(m, s) for m in module_order for s in sessions[m]]
    return _alternate(library, module_order, sessions, twin_track)


def _alternate(
    library: Library,
    module_order: Sequence[str],
    sessions: Mapping[str, Sequence[str]],
    twin_track: str,
) -> list[SessionSlot]:
    """Merge two streams, alternating wherever every module's prerequisites are done.

    A module may start once all its planned prerequisites are complete and the
    placement rules allow it. When the preferred stream must wait, the other goes;
    when both must wait, the stream whose next module comes first in module order
    goes (it is always free, since module order respects every constraint).
    """
    position = {m: i for i, m in enumerate(module_order)}
    present = set(module_order)
    waits_for = {
        m: {p for p in library.modules[m].prerequisites() if p in present} for m in module_order
    }
    placed_first = {m for m in module_order if library.modules[m].placement == "first"}
    not_last = {m for m in module_order if library.modules[m].placement != "last"}
    for m in module_order:
        placement = library.modules[m].placement
        if placement != "first":
            waits_for[m] |= placed_first
        if placement == "last":
            waits_for[m] |= not_last
        waits_for[m].discard(m)

    def stream(twin: bool) -> list[SessionSlot]:
        return [
            SessionSlot(m, s)
            for m in module_order
            if (library.modules[m].track == twin_track) is twin
            for s in sessions[m]
        ]

    streams = [stream(False), stream(True)]
    heads = [0, 0]
    left = {m: len(sessions[m]) for m in module_order}
    done: set[str] = {m for m, count in left.items() if count == 0}
    merged: list[SessionSlot] = []
    turn = 0

    def ready(which: int) -> bool:
        if heads[which] >= len(streams[which]):
            return False
        module = streams[which][heads[which]].module
        return module not in done and waits_for[module] <= done

    while any(heads[i] < len(streams[i]) for i in (0, 1)):
        if ready(turn):
            which = turn
        elif ready(1 - turn):
            which = 1 - turn
        else:
            candidates = [i for i in (0, 1) if heads[i] < len(streams[i])]
            which = min(candidates, key=lambda i: position[streams[i][heads[i]].module])
        slot = streams[which][heads[which]]
        heads[which] += 1
        merged.append(slot)
        left[slot.module] -= 1
        if left[slot.module] == 0:
            done.add(slot.module)
        # First- and last-placed modules frame the plan; alternation starts after them.
        if library.modules[slot.module].placement == "any":
            turn = 1 - which
    return merged
