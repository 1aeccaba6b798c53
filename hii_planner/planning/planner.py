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
from hii_planner.planning.reviews import REVIEWS, review_count, review_slot, with_reviews
from hii_planner.planning.schedule import resolve_schedule
from hii_planner.planning.screening import placed_first
from hii_planner.planning.selection import select_modules
from hii_planner.planning.twin import spread_twin_track
from hii_planner.plans.calendar import dates_for
from hii_planner.plans.coverage import size_warning, unaddressed
from hii_planner.plans.library_record import library_record
from hii_planner.plans.models import (
    HistoryEntry,
    LeftOut,
    Participant,
    Plan,
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
    warnings: list[str] = field(default_factory=list)


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
            "nothing to plan: "
            + (
                "; ".join(selection.notes)
                or "no module was chosen, recommended for a need, or core"
            ),
            hint="pass --need ID or --module ID (`hii-planner library list` shows modules)",
            wizard_hint="Tick an assessed need or a module.",
        )
    module_order = order_modules(
        library,
        list(selection.reasons),
        request.modules,
        early=placed_first(library, request),
    )

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

    order, twin_remarks = _sequence(library, module_order, sessions, request.twin_track)
    notes = list(selection.notes)
    if (
        request.max_sessions is not None
        and len(order) + review_count(library, order) > request.max_sessions
    ):
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
    order = with_reviews(library, order)

    schedule = resolve_schedule(request.schedule, today=today or clock.today())
    dates = dates_for(schedule, len(order))
    planned_sessions = [
        _planned_session(library, number, slot, day)
        for number, (slot, day) in enumerate(zip(order, dates, strict=True), start=1)
    ]
    cautions, screening = _screening(library, request)
    planned_modules = [
        PlannedModule(
            id=m,
            title=library.modules[m].title,
            track=library.modules[m].track,
            reasons=selection.reasons[m],
        )
        for m in module_order
    ]
    review = review_slot(library)
    if review is not None and any(slot.kind == "review" for slot in order):
        reviewing = library.modules[review.module]
        planned_modules.append(
            PlannedModule(
                id=reviewing.id, title=reviewing.title, track=reviewing.track, reasons=[REVIEWS]
            )
        )
    plan = Plan(
        created=now,
        revision=1,
        library=library_record(library, module_order),
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
        modules=planned_modules,
        sessions=planned_sessions,
        left_out=left_out,
        history=[HistoryEntry(at=now, change=_created_summary(planned_sessions, module_order))],
    )
    if request.twin_track:
        notes += twin_positions(plan, library, request.twin_track) + twin_remarks
    size = size_warning(library, len(planned_sessions))
    return PlanResult(
        plan=plan,
        notes=notes,
        cautions=cautions,
        uncovered_needs=unaddressed(plan, library),
        warnings=[size] if size else [],
    )


def _sequence(
    library: Library,
    module_order: list[str],
    sessions: dict[str, list[str]],
    twin_track: str | None,
) -> tuple[list[SessionSlot], list[str]]:
    """Sessions in plan order, and why any twin-track session is not evenly placed."""
    if twin_track is None or not any(library.modules[m].track == twin_track for m in module_order):
        return sequence_sessions(library, module_order, sessions), []
    spread = spread_twin_track(library, module_order, sessions, twin_track)
    return spread.slots, spread.remarks


def twin_positions(plan: Plan, library: Library, track: str) -> list[str]:
    """Where the twin track's sessions fall: ``twin track faith: sessions 6, 12, 18 of 24``."""
    tracks = {m.id: m.track for m in library.modules.values()}
    numbers = [str(s.number) for s in plan.sessions if tracks.get(s.module) == track]
    if not numbers:
        return []
    return [f"twin track {track}: sessions {', '.join(numbers)} of {len(plan.sessions)}"]


def _planned_session(
    library: Library, number: int, slot: SessionSlot, day: dt.date
) -> PlannedSession:
    module = library.modules[slot.module]
    session = module.session(slot.session)
    assert session is not None  # slots come from the library's own sessions
    return PlannedSession(
        number=number,
        module=slot.module,
        session=slot.session,
        title=session.title,
        minutes=session.minutes,
        date=day,
        kind=slot.kind,
        provider=_providers(library).get(module.track, ""),
    )


def _providers(library: Library) -> dict[str, str]:
    return {t.id: t.provider for t in library.info.tracks if t.provider}


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
        if len(kept) + review_count(library, kept) <= budget:
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
    needed = len(kept) + review_count(library, kept)
    if needed > budget:
        reviews = needed - len(kept)
        counted = f" ({reviews} of them progress reviews)" if reviews else ""
        raise PlanningError(
            f"the plan needs at least {needed} sessions{counted}, but the most allowed is {budget}",
            hint=f"raise --max-sessions to {needed}, or exclude or skip modules "
            "(`hii-planner library list` shows their sessions)",
            wizard_hint=f"Allow at least {needed} sessions, or untick modules "
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
