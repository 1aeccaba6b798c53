"""Whether plans are copies of one plan, and what they had in common before they parted.

With a base (git's common ancestor), the base is what they had in common. Two
copies without one (a synced folder's conflict copy) share the start of their
histories; where they differ since, the common value is unknown, except when an
amendment on one side says in its ``before`` that it replaced the other side's
record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from hii_planner.errors import MergeError
from hii_planner.plans.merge_sessions import (
    UNKNOWN,
    Base,
    SessionKey,
    is_recorded,
    keyed,
    record_of,
)
from hii_planner.plans.models import HistoryEntry, Plan, PlannedSession, SessionRecord


@dataclass(frozen=True)
class Ancestor:
    """What both copies had in common: plan fields, sessions and history."""

    fields: dict[str, Any]
    sessions: dict[SessionKey, Base]
    history: list[HistoryEntry]
    order: dict[SessionKey, int]
    plan: Plan | None = None

    def session(self, key: SessionKey) -> Base:
        """The session *key* in the ancestor: a session, none (absent) or unknown."""
        return self.sessions.get(key)

    def rank(self, key: SessionKey) -> tuple[int, Any]:
        """Where a session sorts among sessions of one day: the base's order, then identity."""
        index = self.order.get(key)
        return (0, index) if index is not None else (1, key)

    def unchanged(self, plan: Plan) -> bool:
        """True when *plan* holds nothing the ancestor does not (the other copy is newer)."""
        if self.plan is not None:
            return plan.model_dump(exclude={"revision"}) == self.plan.model_dump(
                exclude={"revision"}
            )
        return plan.history == self.history


def check_copies(base: Plan | None, ours: Plan, theirs: Plan) -> None:
    """Refuse plans that are not copies of one plan, or a base that is not their ancestor."""
    _same_plan(ours, theirs, "ours", "theirs")
    if base is None:
        if not common_prefix(ours.history, theirs.history):
            raise MergeError(
                "ours and theirs share no history: they are two plans, not copies of one",
                hint="keep both files, or delete the one that is not wanted",
            )
        return
    _same_plan(base, ours, "the base", "ours")
    for side, plan in (("ours", ours), ("theirs", theirs)):
        if list(plan.history[: len(base.history)]) != list(base.history):
            raise MergeError(
                f"the base is not an earlier version of {side}: "
                f"{side}' history does not start with the base's",
                hint="give the version both copies were made from, or merge the two copies "
                "without a base: `hii-planner plan merge OURS THEIRS`",
            )


def _same_plan(first: Plan, second: Plan, one: str, other: str) -> None:
    a, b = first.participant.reference, second.participant.reference
    if a != b:
        raise MergeError(
            f"{one} is the plan for {a} and {other} the plan for {b}: "
            "they are not copies of one plan; nothing was changed"
        )
    if first.created != second.created:
        raise MergeError(
            f"{one} and {other} are two plans for {a} (created {_when(first)} and "
            f"{_when(second)}), not copies of one; nothing was changed"
        )


def _when(plan: Plan) -> str:
    return plan.created.strftime("%Y-%m-%d %H:%M:%S")


def common_prefix(
    first: Sequence[HistoryEntry], second: Sequence[HistoryEntry]
) -> list[HistoryEntry]:
    """The history entries both sequences start with."""
    shared = []
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        shared.append(a)
    return shared


def ancestor_of(base: Plan | None, ours: Plan, theirs: Plan) -> Ancestor:
    """The common ancestor: the base, or what two copies without one can tell of it."""
    if base is not None:
        sessions = keyed(base.sessions)
        return Ancestor(
            fields={name: getattr(base, name) for name in Plan.model_fields},
            sessions=dict(sessions),
            history=list(base.history),
            order={key: index for index, key in enumerate(sessions)},
            plan=base,
        )
    shared = common_prefix(ours.history, theirs.history)
    fields = {
        name: getattr(ours, name) if getattr(ours, name) == getattr(theirs, name) else UNKNOWN
        for name in Plan.model_fields
    }
    return Ancestor(
        fields=fields,
        sessions=_shared_sessions(ours, theirs, shared),
        history=shared,
        order={},
    )


def _shared_sessions(
    ours: Plan, theirs: Plan, shared: list[HistoryEntry]
) -> dict[SessionKey, Base]:
    mine, yours = keyed(ours.sessions), keyed(theirs.sessions)
    replaced_by_ours = _replaced(ours.history[len(shared) :])
    replaced_by_theirs = _replaced(theirs.history[len(shared) :])
    ours_modules = {m.id for m in ours.modules}
    found: dict[SessionKey, Base] = {}
    for key in dict.fromkeys([*mine, *yours]):
        a, b = mine.get(key), yours.get(key)
        if a is not None and b is not None:
            found[key] = _shared_version(a, b, replaced_by_ours, replaced_by_theirs)
        elif b is not None and b.module not in ours_modules:
            # Only theirs has it, and ours has not its module: the modules differ, ours
            # is kept, so the session is treated as one that ours removed.
            found[key] = _as_planned(b)
        else:
            found[key] = None  # added by the side that has it
    return found


def _shared_version(
    ours: PlannedSession,
    theirs: PlannedSession,
    replaced_by_ours: list[SessionRecord],
    replaced_by_theirs: list[SessionRecord],
) -> Base:
    if ours.model_dump(exclude={"number"}) == theirs.model_dump(exclude={"number"}):
        return ours
    if is_recorded(ours) and is_recorded(theirs):
        if record_of(ours) in replaced_by_theirs:
            return ours  # theirs amended what ours still holds
        if record_of(theirs) in replaced_by_ours:
            return theirs
    return UNKNOWN


def _replaced(entries: Sequence[HistoryEntry]) -> list[SessionRecord]:
    return [entry.before for entry in entries if entry.before is not None]


def _as_planned(session: PlannedSession) -> PlannedSession:
    blank = SessionRecord(status="planned", date=session.date)
    return session.model_copy(update=blank.model_dump(), deep=True)
