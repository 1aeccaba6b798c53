"""Build a plan from a library and a request: the one entry point of the planning core."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from hii_planner import clock
from hii_planner.errors import PlanningError
from hii_planner.library.loader import Library
from hii_planner.planning.ordering import SessionSlot, order_modules, sequence_sessions
from hii_planner.planning.request import PlanRequest
from hii_planner.planning.request_checks import check_request
from hii_planner.planning.schedule import resolve_schedule
from hii_planner.planning.selection import select_modules
from hii_planner.plans.calendar import dates_for
from hii_planner.plans.models import (
    HistoryEntry,
    LeftOut,
    Participant,
    Plan,
    PlanLibrary,
    PlannedModule,
    PlannedSession,
    RequestRecord,
    ScreeningAnswer,
)
from hii_planner.wording import plural


@dataclass(frozen=True)
class PlanResult:
    """A new plan and what the facilitator should know about it."""

    plan: Plan
    notes: list[str] = field(default_factory=list)
    cautions: list[str] = field(default_factory=list)
    uncovered_needs: list[str] = field(default_factory=list)


def build_plan(
    library: Library, request: PlanRequest, *, now: dt.datetime, today: dt.date | None = None
) -> PlanResult:
    """Select, order, trim and date the sessions of a plan for *request*.

    *now* stamps the plan; *today* (default: the real date) is what a missing start
    date is counted from.

    Raises `RequestError` for unknown ids or missing answers (all listed at once)
    and `PlanningError` when no plan satisfies the request (naming the chain).
    """
    check_request(library, request)
    assert request.participant is not None  # check_request insists on it
    selection = select_modules(library, request)
    if not selection.reasons:
        raise PlanningError(
            "nothing to plan: no module was chosen, recommended for a need, or core",
            hint="pass --need ID or --module ID (`hii-planner library list` shows modules)",
            wizard_hint="Tick an assessed need or a module.",
        )
    module_order = order_modules(library, list(selection.reasons), request.modules)

    skipped = {tuple(ref.split("/", 1)) for ref in request.skip_sessions}
    left_out: list[LeftOut] = []
    sessions: dict[str, list[str]] = {}
    for module_id in module_order:
        module = library.modules[module_id]
        kept = [s.id for s in module.sessions if (module_id, s.id) not in skipped]
        if not kept:
            raise PlanningError(
                f"every session of {module_id} is skipped, but {selection.chain(module_id)}"
                " is in the plan",
                hint=f"keep at least one session of {module_id}, or --exclude it",
                wizard_hint=f"Tick at least one session of {module.title}, or untick the module.",
            )
        left_out += [
            LeftOut(module=module_id, session=s.id, reason="skipped by the facilitator")
            for s in module.sessions
            if (module_id, s.id) in skipped
        ]
        sessions[module_id] = kept

    order = sequence_sessions(library, module_order, sessions, twin_track=request.twin_track)
    notes = list(selection.notes)
    if request.max_sessions is not None and len(order) > request.max_sessions:
        order, dropped = _fit_budget(library, order, request.max_sessions)
        left_out += dropped
        notes.append(
            f"{plural(len(dropped), 'optional session')} left out "
            f"to fit --max-sessions {request.max_sessions}: "
            + ", ".join(f"{d.module}/{d.session}" for d in dropped)
        )
    if request.twin_track and not any(
        library.modules[m].track == request.twin_track for m in module_order
    ):
        notes.append(f"no planned module is in track {request.twin_track}, so nothing alternates")

    schedule = resolve_schedule(request.schedule, today=today or clock.today())
    dates = dates_for(schedule, len(order))
    planned_sessions = [
        _planned_session(library, number, slot, day)
        for number, (slot, day) in enumerate(zip(order, dates, strict=True), start=1)
    ]
    cautions, screening = _screening(library, request)
    covered = {need for m in module_order for need in library.modules[m].addresses}
    uncovered = [need for need in request.needs if need not in covered]
    plan = Plan(
        created=now,
        revision=1,
        library=PlanLibrary(
            name=library.info.name,
            version=library.info.version,
            digest=library.digest,
            files=dict(library.file_digests),
        ),
        participant=Participant(reference=request.participant, needs=list(request.needs)),
        facilitators=list(request.facilitators),
        screening=screening,
        schedule=schedule,
        request=RequestRecord(
            modules=list(request.modules),
            exclude=list(request.exclude),
            skip_sessions=list(request.skip_sessions),
            max_sessions=request.max_sessions,
            twin_track=request.twin_track,
        ),
        modules=[
            PlannedModule(
                id=m,
                title=library.modules[m].title,
                track=library.modules[m].track,
                reasons=selection.reasons[m],
            )
            for m in module_order
        ],
        sessions=planned_sessions,
        left_out=left_out,
        history=[HistoryEntry(at=now, change=_created_summary(planned_sessions, module_order))],
    )
    return PlanResult(plan=plan, notes=notes, cautions=cautions, uncovered_needs=uncovered)


def _planned_session(
    library: Library, number: int, slot: SessionSlot, day: dt.date
) -> PlannedSession:
    session = library.modules[slot.module].session(slot.session)
    assert session is not None  # slots come from the library's own sessions
    return PlannedSession(
        number=number,
        module=slot.module,
        session=slot.session,
        title=session.title,
        minutes=session.minutes,
        date=day,
    )


def _fit_budget(
    library: Library, order: list[SessionSlot], budget: int
) -> tuple[list[SessionSlot], list[LeftOut]]:
    """Drop optional sessions from the end backwards until the plan fits *budget*."""
    kept = list(order)
    remaining = {slot.module: 0 for slot in kept}
    for slot in kept:
        remaining[slot.module] += 1
    dropped: list[LeftOut] = []
    for index in range(len(kept) - 1, -1, -1):
        if len(kept) <= budget:
            break
        slot = kept[index]
        session = library.modules[slot.module].session(slot.session)
        # A module keeps at least one session: an empty module would break its dependents.
        if session is not None and session.optional and remaining[slot.module] > 1:
            del kept[index]
            remaining[slot.module] -= 1
            dropped.append(
                LeftOut(
                    module=slot.module,
                    session=slot.session,
                    reason=f"left out to fit --max-sessions {budget}",
                )
            )
    if len(kept) > budget:
        raise PlanningError(
            f"the plan needs at least {len(kept)} sessions, but the most allowed is {budget}",
            hint=f"raise --max-sessions to {len(kept)}, or exclude or skip modules "
            "(`hii-planner library list` shows their sessions)",
            wizard_hint=f"Allow at least {len(kept)} sessions, or untick modules "
            "or optional sessions.",
        )
    dropped.reverse()
    return kept, dropped


def _screening(library: Library, request: PlanRequest) -> tuple[list[str], list[ScreeningAnswer]]:
    cautions: list[str] = []
    answers: list[ScreeningAnswer] = []
    for question in library.info.screening:
        if question.id not in request.screening:
            continue
        answer = request.screening[question.id]
        raised = answer == question.caution_if
        if raised:
            cautions.append(f"{question.question} {'Yes' if answer else 'No'}: {question.caution}")
        answers.append(
            ScreeningAnswer(
                id=question.id, answer=answer, caution=question.caution if raised else ""
            )
        )
    return cautions, answers


def _created_summary(sessions: list[PlannedSession], modules: list[str]) -> str:
    if not sessions:
        return "created: empty plan"
    return (
        f"created: {len(modules)} modules, {len(sessions)} sessions, "
        f"{sessions[0].date.isoformat()} to {sessions[-1].date.isoformat()}"
    )
