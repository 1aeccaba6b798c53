"""Rebuild an edited plan: recorded sessions stay exactly as they are, the rest is planned again.

`plan edit` turns a plan back into the request it was built from (`plan_request`),
lets the facilitator change it, then calls `replan`. Sessions already delivered,
missed or cancelled are records of what happened: they keep their place at the
front, their date, notes and flags. The planner builds the new plan from the
edited request; every session it plans that was already delivered (or dropped by
cancelling it) is left out, and the rest is dated from the first slot after the
last recorded session. `diff_plans` says what the edit changed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hii_planner.library.loader import Library
from hii_planner.planning.answers import request_from
from hii_planner.planning.planner import PlanResult, build_plan
from hii_planner.planning.request import PlanRequest, ScheduleRequest
from hii_planner.plans.calendar import slots
from hii_planner.plans.events import remember_removed
from hii_planner.plans.models import Plan, PlannedModule, PlannedSession

KEPT_MODULE_REASON = "kept: it has sessions already recorded"
# A cancelled session was dropped on purpose, so, like a delivered one, it is not planned again.
_CONSUMED = ("delivered", "cancelled")

SessionKey = tuple[str, str]


def plan_request(plan: Plan) -> PlanRequest:
    """The request a plan was built from, as recorded in the plan file."""
    return PlanRequest(
        participant=plan.participant.reference,
        facilitators=list(plan.facilitators),
        needs=list(plan.participant.needs),
        modules=list(plan.request.modules),
        exclude=list(plan.request.exclude),
        skip_sessions=list(plan.request.skip_sessions),
        max_sessions=plan.request.max_sessions,
        twin_track=plan.request.twin_track,
        schedule=ScheduleRequest(
            start=plan.schedule.start,
            cadence=plan.schedule.cadence,
            weekdays=list(plan.schedule.weekdays),
            holidays=plan.schedule.holidays,
        ),
        screening={answer.id: answer.answer for answer in plan.screening},
    )


def overlay_answers(base: Mapping[str, Any], top: Mapping[str, Any]) -> dict[str, Any]:
    """Answers *base* with every answer in *top* laid over it (``[schedule]`` key by key)."""
    merged = {**base, **{k: v for k, v in top.items() if k != "schedule"}}
    if "schedule" in top:
        merged["schedule"] = {**(base.get("schedule") or {}), **(top.get("schedule") or {})}
    return merged


def edited_request(plan: Plan, answers: Mapping[str, Any]) -> PlanRequest:
    """The plan's request with the answers of an answers file laid over it."""
    base = plan_request(plan).model_dump(exclude_none=True)
    return request_from(overlay_answers(base, answers), source="answers")


def plan_changed(before: Plan, after: Plan) -> bool:
    """True when an edit changes anything but the plan's bookkeeping (created, history)."""
    ignored = {"created", "revision", "history"}
    return before.model_dump(exclude=ignored) != after.model_dump(exclude=ignored)


@dataclass(frozen=True)
class SessionMove:
    """A planned session that the edit gave another date."""

    number: int
    module: str
    session: str
    title: str
    before: dt.date
    after: dt.date


@dataclass(frozen=True)
class PlanDiff:
    """What an edit changes: modules, planned sessions, and the plan's other answers."""

    modules_added: tuple[str, ...] = ()
    modules_removed: tuple[str, ...] = ()
    sessions_added: tuple[PlannedSession, ...] = ()
    sessions_removed: tuple[PlannedSession, ...] = ()
    sessions_moved: tuple[SessionMove, ...] = ()
    details: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """True when the edit changes nothing a reader of the plan would see."""
        return not (
            self.modules_added
            or self.modules_removed
            or self.sessions_added
            or self.sessions_removed
            or self.sessions_moved
            or self.details
        )

    def summary(self) -> str:
        """One line for the history: ``edited: modules added: x; sessions: 2 added, 1 moved``."""
        parts = []
        if self.modules_added:
            parts.append("modules added: " + ", ".join(self.modules_added))
        if self.modules_removed:
            parts.append("modules removed: " + ", ".join(self.modules_removed))
        counts = [
            f"{len(items)} {label}"
            for items, label in (
                (self.sessions_added, "added"),
                (self.sessions_removed, "removed"),
                (self.sessions_moved, "moved"),
            )
            if items
        ]
        if counts:
            parts.append("sessions: " + ", ".join(counts))
        parts.extend(self.details)
        return "edited: " + ("; ".join(parts) if parts else "no change")

    def lines(self) -> list[str]:
        """Every change, one per line, for the facilitator to check before saving."""
        found = [f"+ module {m}" for m in self.modules_added]
        found += [f"- module {m}" for m in self.modules_removed]
        found += [
            f"+ session {s.number} {s.module}/{s.session} on {s.date.isoformat()}"
            for s in self.sessions_added
        ]
        found += [
            f"- session {s.module}/{s.session} (was {s.number}, {s.date.isoformat()})"
            for s in self.sessions_removed
        ]
        found += [
            f"~ session {m.number} {m.module}/{m.session}: "
            f"{m.before.isoformat()} → {m.after.isoformat()}"
            for m in self.sessions_moved
        ]
        found += [f"~ {detail}" for detail in self.details]
        return found


@dataclass(frozen=True)
class Replan:
    """The edited plan (with what the planner noted) and what changed."""

    result: PlanResult
    diff: PlanDiff

    @property
    def plan(self) -> Plan:
        """The edited plan, ready to save."""
        return self.result.plan


def replan(library: Library, plan: Plan, request: PlanRequest, *, now: dt.datetime) -> Replan:
    """Rebuild *plan* from the edited *request*, keeping every recorded session as it is.

    Raises the planner's `RequestError` or `PlanningError` when the request cannot be
    planned, with the same messages as `plan new`.
    """
    fresh = build_plan(library, request, now=now)
    recorded = [s.model_copy(deep=True) for s in plan.sessions if s.status != "planned"]
    consumed = Counter((s.module, s.session) for s in recorded if s.status in _CONSUMED)
    missed = {(s.module, s.session) for s in recorded if s.status == "missed"}

    remaining: list[PlannedSession] = []
    for session in fresh.plan.sessions:
        key = (session.module, session.session)
        if consumed[key] > 0:
            consumed[key] -= 1
            continue
        remaining.append(session.model_copy(update={"catch_up": key in missed}))

    remaining = _started_first(library, remaining, recorded)
    schedule = fresh.plan.schedule
    last = max((s.date for s in recorded), default=None)
    days = slots(schedule, after=last) if last is not None else slots(schedule)
    for number, session in enumerate(remaining, start=len(recorded) + 1):
        session.number = number
        session.date = next(days)
    for number, session in enumerate(recorded, start=1):
        session.number = number

    sessions = [*recorded, *remaining]
    edited = fresh.plan.model_copy(
        update={
            "created": plan.created,
            "revision": plan.revision,
            "history": [entry.model_copy() for entry in plan.history],
            "modules": _in_delivery_order(_modules(plan, fresh.plan.modules, recorded), sessions),
            "sessions": sessions,
        }
    )
    remember_removed(plan, edited, at=now)
    result = PlanResult(
        plan=edited,
        notes=fresh.notes,
        cautions=fresh.cautions,
        uncovered_needs=fresh.uncovered_needs,
    )
    return Replan(result=result, diff=diff_plans(plan, edited))


def _started_first(
    library: Library, remaining: list[PlannedSession], recorded: list[PlannedSession]
) -> list[PlannedSession]:
    """The remaining sessions, those of modules already under way first.

    The planner puts chosen modules first; in an edit that would interrupt a module
    the participant has started. Its remaining sessions come first instead, when its
    prerequisites (and any module placed first) have nothing left to deliver.
    """
    started = {s.module for s in recorded if s.status != "cancelled"}
    pending = {s.module for s in remaining}
    placed_first = {
        m for m in pending if m in library.modules and library.modules[m].placement == "first"
    }

    def ready(module_id: str) -> bool:
        if module_id not in started or module_id not in library.modules:
            return False
        module = library.modules[module_id]
        if module.placement == "last":
            return False
        waiting = (set(module.prerequisites()) | placed_first) & pending
        return not waiting - {module_id}

    first = [s for s in remaining if ready(s.module)]
    return first + [s for s in remaining if not ready(s.module)]


def _modules(
    plan: Plan, planned: Sequence[PlannedModule], recorded: Iterable[PlannedSession]
) -> list[PlannedModule]:
    """The new plan's modules, with any module left out that still has recorded sessions."""
    present = {m.id for m in planned}
    kept: list[PlannedModule] = []
    for module_id in dict.fromkeys(s.module for s in recorded):
        if module_id in present:
            continue
        entry = plan.module_entry(module_id)
        assert entry is not None  # a valid plan lists the module of every session
        reasons = [*entry.reasons, KEPT_MODULE_REASON]
        kept.append(entry.model_copy(update={"reasons": list(dict.fromkeys(reasons))}))
    return [*kept, *(m.model_copy(deep=True) for m in planned)]


def _in_delivery_order(
    modules: list[PlannedModule], sessions: list[PlannedSession]
) -> list[PlannedModule]:
    """Modules in the order their first sessions come."""
    first: dict[str, int] = {}
    for index, session in enumerate(sessions):
        first.setdefault(session.module, index)
    return sorted(modules, key=lambda m: first.get(m.id, len(sessions)))


def diff_plans(before: Plan, after: Plan) -> PlanDiff:
    """Modules added and removed, planned sessions added, removed and moved, other changes."""
    old_modules = [m.id for m in before.modules]
    new_modules = [m.id for m in after.modules]
    old = [s for s in before.sessions if s.status == "planned"]
    new = [s for s in after.sessions if s.status == "planned"]
    pairs, removed, added = _match(old, new)
    moved = tuple(
        SessionMove(
            number=b.number,
            module=b.module,
            session=b.session,
            title=b.title,
            before=a.date,
            after=b.date,
        )
        for a, b in pairs
        if a.date != b.date
    )
    return PlanDiff(
        modules_added=tuple(m for m in new_modules if m not in old_modules),
        modules_removed=tuple(m for m in old_modules if m not in new_modules),
        sessions_added=tuple(added),
        sessions_removed=tuple(removed),
        sessions_moved=moved,
        details=tuple(_details(before, after)),
    )


def _match(
    old: list[PlannedSession], new: list[PlannedSession]
) -> tuple[list[tuple[PlannedSession, PlannedSession]], list[PlannedSession], list[PlannedSession]]:
    """Pair sessions by module and session id, occurrence by occurrence, in plan order."""
    waiting: dict[SessionKey, list[PlannedSession]] = {}
    for session in old:
        waiting.setdefault((session.module, session.session), []).append(session)
    pairs: list[tuple[PlannedSession, PlannedSession]] = []
    added: list[PlannedSession] = []
    for session in new:
        queue = waiting.get((session.module, session.session))
        if queue:
            pairs.append((queue.pop(0), session))
        else:
            added.append(session)
    paired = {id(a) for a, _ in pairs}
    removed = [s for s in old if id(s) not in paired]
    return pairs, removed, added


def _details(before: Plan, after: Plan) -> list[str]:
    """The answers an edit changed besides modules and sessions, in words."""
    found: list[str] = []
    if before.participant.reference != after.participant.reference:
        found.append(
            f"participant reference: {before.participant.reference} → {after.participant.reference}"
        )
    if before.facilitators != after.facilitators:
        found.append(
            f"facilitators: {_listing(before.facilitators)} → {_listing(after.facilitators)}"
        )
    old_needs, new_needs = before.participant.needs, after.participant.needs
    if added := [n for n in new_needs if n not in old_needs]:
        found.append("needs added: " + ", ".join(added))
    if removed := [n for n in old_needs if n not in new_needs]:
        found.append("needs removed: " + ", ".join(removed))
    old_answers = {a.id: a.answer for a in before.screening}
    new_answers = {a.id: a.answer for a in after.screening}
    for question in dict.fromkeys([*old_answers, *new_answers]):
        was, now = old_answers.get(question), new_answers.get(question)
        if was != now:
            found.append(f"screening {question}: {_yes_no(was)} → {_yes_no(now)}")
    if before.schedule != after.schedule:
        found.append(f"schedule: {_rhythm(before)} → {_rhythm(after)}")
    if before.request.twin_track != after.request.twin_track:
        old_track, new_track = before.request.twin_track, after.request.twin_track
        found.append(f"twin track: {old_track or 'off'} → {new_track or 'off'}")
    if before.request.max_sessions != after.request.max_sessions:
        found.append(
            f"most sessions: {before.request.max_sessions or 'no limit'} → "
            f"{after.request.max_sessions or 'no limit'}"
        )
    if before.library.digest != after.library.digest:
        found.append(
            f"library: {before.library.name} {before.library.version} → "
            f"{after.library.name} {after.library.version} (the plan now follows this version)"
        )
    return found


def _listing(names: Sequence[str]) -> str:
    return ", ".join(names) if names else "none"


def _yes_no(answer: bool | None) -> str:
    return "not answered" if answer is None else ("yes" if answer else "no")


def _rhythm(plan: Plan) -> str:
    schedule = plan.schedule
    return (
        f"{schedule.cadence} on {'+'.join(schedule.weekdays)} from {schedule.start.isoformat()}"
        f" ({schedule.holidays} holidays)"
    )
