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
from pathlib import Path
from typing import Any

from hii_planner import clock
from hii_planner.library.loader import Library
from hii_planner.planning.answers import request_from
from hii_planner.planning.plan_diff import PlanDiff, SessionKey, diff_plans
from hii_planner.planning.planner import PlanResult, build_plan
from hii_planner.planning.request import ClosureRequest, PlanRequest, ScheduleRequest
from hii_planner.plans.calendar import slots
from hii_planner.plans.events import remember_removed
from hii_planner.plans.models import Plan, PlannedModule, PlannedSession
from hii_planner.plans.planfile import save_edited_plan
from hii_planner.plans.reasons import Reason
from hii_planner.plans.status import refuse_if_closed

KEPT_MODULE_REASON = Reason.kept()
# A cancelled session was dropped on purpose, so, like a delivered one, it is not planned again.
_CONSUMED = ("delivered", "cancelled")


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
            time=plan.schedule.time,
            place=plan.schedule.place,
            closures=[
                ClosureRequest(start=c.start, end=c.end, reason=c.reason)
                for c in plan.schedule.closures
            ],
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


@dataclass(frozen=True)
class Replan:
    """The edited plan (with what the planner noted) and what changed."""

    result: PlanResult
    diff: PlanDiff

    @property
    def changed(self) -> bool:
        """True when the edit changes the plan: exactly when its diff is not empty."""
        return not self.diff.empty

    @property
    def plan(self) -> Plan:
        """The edited plan, ready to save."""
        return self.result.plan


def replan(
    library: Library,
    plan: Plan,
    request: PlanRequest,
    *,
    now: dt.datetime,
    today: dt.date | None = None,
) -> Replan:
    """Rebuild *plan* from the edited *request*, keeping every recorded session as it is.

    Planned sessions are dated from the first free slot after the last recorded one
    and not before *today* (default: the real date); a planned session that stays
    keeps its own time and place. A closed plan (completed, withdrawn, transferred)
    is refused. Raises the planner's `RequestError` or `PlanningError` when the
    request cannot be planned, with the same messages as `plan new`.
    """
    refuse_if_closed(plan, "edited")
    day = today or clock.today()
    fresh = build_plan(library, request, now=now, today=day)
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
    _keep_times_and_places(plan, remaining)
    schedule = fresh.plan.schedule
    last = max((s.date for s in recorded), default=None)
    # Nothing is planned in the past: the first slot is today at the earliest.
    after = max(last or dt.date.min, day - dt.timedelta(days=1))
    days = slots(schedule, after=after)
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
            "status": plan.status,
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


def save_replan(path: Path, before: Plan, edited: Replan, *, now: dt.datetime) -> Plan | None:
    """Save an edit that changes the plan (unless the file changed since *before* was read).

    Returns the saved plan, or None when the edit changes nothing: then nothing is
    written, not even a history entry.
    """
    if not edited.changed:
        return None
    return save_edited_plan(
        path, edited.plan, now=now, summary=edited.diff.summary(), read_revision=before.revision
    )


def _keep_times_and_places(plan: Plan, remaining: list[PlannedSession]) -> None:
    """Give each remaining session the time and place its planned twin had, if any."""
    waiting: dict[SessionKey, list[PlannedSession]] = {}
    for session in plan.sessions:
        if session.status == "planned":
            waiting.setdefault((session.module, session.session), []).append(session)
    for session in remaining:
        queue = waiting.get((session.module, session.session))
        if queue:
            twin = queue.pop(0)
            session.time, session.place = twin.time, twin.place


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
