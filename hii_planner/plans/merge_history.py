"""The history of a merged plan: the shared entries, then both sides' entries in time order."""

from __future__ import annotations

from collections.abc import Sequence

from hii_planner.plans.models import HistoryEntry


def merged_history(
    shared: Sequence[HistoryEntry],
    ours: Sequence[HistoryEntry],
    theirs: Sequence[HistoryEntry],
) -> list[HistoryEntry]:
    """*shared* (where both copies' histories start), then the later entries of both.

    Each side's own entries keep their order; between the sides, the earlier
    entry comes first (on a tie, the one whose text sorts first, so the result
    is the same whichever side is ours). An entry both sides hold is kept once.
    """
    mine = list(ours[len(shared) :])
    yours = [entry for entry in theirs[len(shared) :] if entry not in mine]
    merged = [entry.model_copy(deep=True) for entry in shared]
    i = j = 0
    while i < len(mine) and j < len(yours):
        if _order(mine[i]) <= _order(yours[j]):
            merged.append(mine[i].model_copy(deep=True))
            i += 1
        else:
            merged.append(yours[j].model_copy(deep=True))
            j += 1
    merged += [entry.model_copy(deep=True) for entry in [*mine[i:], *yours[j:]]]
    return merged


def _order(entry: HistoryEntry) -> tuple[object, ...]:
    return (entry.at, entry.change, entry.why or "")
