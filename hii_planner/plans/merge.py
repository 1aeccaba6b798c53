"""Merge two copies of one plan by meaning: the git merge driver and synced-folder copies.

`merge_plans` takes the base (the version both copies started from, or none for
two copies without one) and the two copies, and returns one plan: sessions
decided one by one (`merge_sessions`), the plan's other fields taken from the
side that changed them, the history of both sides in time order, the revision
one more than either side's. What it cannot decide becomes `[[conflicts]]`
entries in an otherwise valid plan that holds our values.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from hii_planner.errors import MergeError
from hii_planner.plans.ancestry import Ancestor, ancestor_of, check_copies
from hii_planner.plans.catch_ups import drop_redundant_catch_ups, renumber_by_date
from hii_planner.plans.merge_history import merged_history
from hii_planner.plans.merge_sessions import (
    UNKNOWN,
    SessionKey,
    Unknown,
    keyed,
    merge_session,
)
from hii_planner.plans.models import (
    Conflict,
    HistoryEntry,
    Plan,
    PlannedModule,
    PlannedSession,
    SessionRecord,
)

_Records = tuple[SessionRecord | None, SessionRecord | None]

KEPT_REASON = "kept by a merge: the other copy recorded its sessions"
_NOT_MERGED_FIELDWISE = {
    "format",
    "format_version",
    "created",
    "revision",
    "sessions",
    "history",
    "conflicts",
}


@dataclass(frozen=True)
class MergeResult:
    """The merged plan and what the merge did."""

    plan: Plan
    outcome: Literal["merged", "ours", "theirs"]
    summary: str
    warnings: tuple[str, ...] = ()
    changed: tuple[int, ...] = ()
    """The numbers (in the merged plan) of the sessions that differ from ours."""

    @property
    def conflicts(self) -> list[Conflict]:
        """The sessions the merge could not decide."""
        return self.plan.conflicts

    @property
    def changed_ours(self) -> bool:
        """True when OURS must be rewritten with the result."""
        return self.outcome != "ours"


def merge_plans(base: Plan | None, ours: Plan, theirs: Plan, *, now: dt.datetime) -> MergeResult:
    """Merge *ours* and *theirs* (see the module doc); *base* none: two copies without one."""
    check_copies(base, ours, theirs)
    for side, plan in (("ours", ours), ("theirs", theirs)):
        if plan.conflicts:
            numbers = ", ".join(str(c.session) for c in plan.conflicts)
            raise MergeError(
                f"{side} still holds conflicts from an earlier merge (session {numbers})",
                hint="settle them with `hii-planner plan resolve FILE N --take ours|theirs` first",
            )
    ancestor = ancestor_of(base, ours, theirs)
    if ancestor.unchanged(theirs):
        return MergeResult(ours.model_copy(deep=True), "ours", "nothing to merge: ours has it all")
    if ancestor.unchanged(ours):
        mine = {k: _content(s) for k, s in keyed(ours.sessions).items()}
        changed = tuple(
            s.number for k, s in keyed(theirs.sessions).items() if mine.get(k) != _content(s)
        )
        summary = "ours had no changes: took theirs as it is"
        return MergeResult(theirs.model_copy(deep=True), "theirs", summary, changed=changed)
    return _MergeRun(ancestor, ours, theirs, now=now).result()


@dataclass
class _MergeRun:
    ancestor: Ancestor
    ours: Plan
    theirs: Plan
    now: dt.datetime
    warnings: list[str] = field(default_factory=list)
    _keys: dict[int, SessionKey] = field(default_factory=dict)
    _rank: dict[SessionKey, tuple[int, Any]] = field(default_factory=dict)

    def result(self) -> MergeResult:
        plan = self.ours.model_copy(deep=True)
        for name in Plan.model_fields:
            if name not in _NOT_MERGED_FIELDWISE:
                setattr(plan, name, self._field(name))
        sessions, undecided = self._sessions()
        plan.sessions = sessions
        self._keep_modules_of(plan)
        self._order(plan)
        if drop_redundant_catch_ups(plan):
            renumber_by_date(plan)
        plan.conflicts = [
            Conflict(session=s.number, ours=undecided[id(s)][0], theirs=undecided[id(s)][1])
            for s in plan.sessions
            if id(s) in undecided
        ]
        plan.revision = max(self.ours.revision, self.theirs.revision) + 1
        plan.history = merged_history(self.ancestor.history, self.ours.history, self.theirs.history)
        changed = self._changed_from_ours(plan)
        summary = _summary(self.ours, self.theirs, len(changed), len(plan.conflicts))
        plan.history.append(HistoryEntry(at=self.now, change=summary))
        self.warnings += _shared_days(plan)
        checked = Plan.model_validate(plan.model_dump())
        return MergeResult(checked, "merged", summary, tuple(self.warnings), changed)

    def _field(self, name: str) -> Any:
        mine, yours = getattr(self.ours, name), getattr(self.theirs, name)
        before = self.ancestor.fields.get(name, UNKNOWN)
        if mine == yours:
            return mine
        if not isinstance(before, Unknown):
            if mine == before:
                return yours
            if yours == before:
                return mine
        self.warnings.append(
            f"both copies changed the plan's {name.replace('_', ' ')}; ours was kept"
        )
        return mine

    def _sessions(self) -> tuple[list[PlannedSession], dict[int, _Records]]:
        mine, yours = keyed(self.ours.sessions), keyed(self.theirs.sessions)
        keys = list(dict.fromkeys([*mine, *yours]))
        self._rank = {key: self.ancestor.rank(key) for key in keys}
        sessions: list[PlannedSession] = []
        undecided: dict[int, _Records] = {}
        for key in keys:
            decision = merge_session(self.ancestor.session(key), mine.get(key), yours.get(key))
            if decision.session is None:
                continue
            sessions.append(decision.session)
            self._keys[id(decision.session)] = key
            if decision.undecided:
                undecided[id(decision.session)] = (decision.ours, decision.theirs)
        return sessions, undecided

    def _keep_modules_of(self, plan: Plan) -> None:
        """A session kept from one side keeps its module in the plan, saying why."""
        planned = {m.id for m in plan.modules}
        for session in plan.sessions:
            if session.module in planned:
                continue
            entry = self.theirs.module_entry(session.module) or self.ours.module_entry(
                session.module
            )
            if entry is None:
                raise MergeError(f"module {session.module} is in neither copy's [[modules]]")
            reasons = [*entry.reasons, KEPT_REASON]
            plan.modules.append(PlannedModule(**{**entry.model_dump(), "reasons": reasons}))
            planned.add(session.module)

    def _order(self, plan: Plan) -> None:
        # The same order whichever side is ours. On one day: what took place first, then
        # sessions before catch-ups, then the base's order, then identity.
        plan.sessions.sort(
            key=lambda s: (s.status == "planned", s.catch_up, self._rank[self._keys[id(s)]])
        )
        renumber_by_date(plan)

    def _changed_from_ours(self, plan: Plan) -> tuple[int, ...]:
        mine = keyed(self.ours.sessions)
        changed = []
        for session in plan.sessions:
            own = mine.get(self._keys[id(session)])
            if own is None or _content(own) != _content(session):
                changed.append(session.number)
        return tuple(changed)


def _content(session: PlannedSession) -> dict[str, Any]:
    return session.model_dump(exclude={"number"})


def _summary(ours: Plan, theirs: Plan, from_theirs: int, conflicts: int) -> str:
    noun = "session" if from_theirs == 1 else "sessions"
    text = (
        f"merged revisions {ours.revision} (ours) and {theirs.revision} (theirs): "
        f"{from_theirs} {noun} changed from theirs"
    )
    if conflicts:
        text += f"; {conflicts} undecided (see [[conflicts]])"
    return text


def _shared_days(plan: Plan) -> list[str]:
    days = Counter(s.date for s in plan.sessions if s.status == "planned")
    return [
        f"{count} planned sessions share {day.isoformat()}; "
        "`hii-planner plan reschedule` can move one"
        for day, count in sorted(days.items())
        if count > 1
    ]
