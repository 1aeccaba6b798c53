"""The twin track spread evenly through the whole plan, as far as the ordering rules allow.

The sessions of the twin track's modules (faith and politics work, say) run beside
the rest instead of in a block: each goes where an even spread puts it, counted
over the sessions still to place, unless a rule holds it back (its module needs
another first, or the modules placed first or last frame the plan) or another
module needs it sooner. Each time a rule moves a session away from its even
place, a remark says which rule.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hii_planner.library.loader import Library
from hii_planner.planning.ordering import SessionSlot


@dataclass(frozen=True)
class TwinSpread:
    """Sessions in plan order and why any twin-track session is not where an even spread puts it."""

    slots: list[SessionSlot]
    remarks: list[str]


def spread_twin_track(
    library: Library,
    module_order: Sequence[str],
    sessions: Mapping[str, Sequence[str]],
    twin_track: str,
) -> TwinSpread:
    """Merge the twin track's sessions into the others at evenly spaced places."""
    waits_for = _waits_for(library, module_order)
    position = {m: i for i, m in enumerate(module_order)}
    present = set(module_order)

    def stream(twin: bool) -> list[SessionSlot]:
        return [
            SessionSlot(m, s)
            for m in module_order
            if (library.modules[m].track == twin_track) is twin
            for s in sessions[m]
        ]

    streams = [stream(False), stream(True)]
    total = len(streams[0]) + len(streams[1])
    heads = [0, 0]
    left = {m: len(sessions[m]) for m in module_order}
    done: set[str] = {m for m, count in left.items() if count == 0}
    merged: list[SessionSlot] = []
    remarks: list[str] = []
    last_twin = -1

    def head(which: int) -> SessionSlot | None:
        return streams[which][heads[which]] if heads[which] < len(streams[which]) else None

    def ready(which: int) -> bool:
        slot = head(which)
        return slot is not None and waits_for[slot.module] <= done

    def remark(text: str) -> None:
        if text not in remarks:
            remarks.append(text)

    count = len(streams[1])
    # The even places: the k-th of t twin sessions at k/(t+1) of the way through the plan.
    ideal = [_half_up((k + 1) * total / (count + 1)) - 1 for k in range(count)]
    late = False
    while len(merged) < total:
        twins_left = count - heads[1]
        target = ideal[heads[1]] if twins_left else total
        if late and twins_left:
            # Held back: spread what is left evenly from the last one, not in a block.
            rest = total - last_twin
            target = max(target, last_twin + _half_up(rest / (twins_left + 1)))
        due = twins_left > 0 and len(merged) >= target
        if due and ready(1):
            which = 1
        elif ready(0):
            which = 0
            if due:
                held = streams[1][heads[1]].module
                remark(f"{held} comes later than an even spread: {_held(library, held, present)}")
        elif ready(1):
            which = 1
            main = head(0)
            if main is not None:
                soon = streams[1][heads[1]].module
                remark(
                    f"{soon} comes sooner than an even spread: "
                    + _held(library, main.module, present)
                )
        else:
            # Both wait: the stream whose next module comes first in module order is free.
            which = min(
                (i for i in (0, 1) if head(i) is not None),
                key=lambda i: position[streams[i][heads[i]].module],
            )
        slot = streams[which][heads[which]]
        heads[which] += 1
        if which == 1:
            last_twin = len(merged)
            late = last_twin > ideal[heads[1] - 1]
        merged.append(slot)
        left[slot.module] -= 1
        if left[slot.module] == 0:
            done.add(slot.module)
    return TwinSpread(merged, remarks)


def _half_up(value: float) -> int:
    return int(value + 0.5)


def _held(library: Library, module_id: str, present: set[str]) -> str:
    """The rule that keeps *module_id* from starting yet."""
    module = library.modules[module_id]
    needs = [m for m in module.prerequisites() if m in present]
    if needs:
        return f"{module_id} needs {', '.join(needs)} first"
    if module.placement == "last":
        return f"{module_id} is placed last"
    return "the modules placed first open the plan"


def _waits_for(library: Library, module_order: Sequence[str]) -> dict[str, set[str]]:
    """What each module waits for: its planned prerequisites, and the modules placed around it."""
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
    return waits_for
