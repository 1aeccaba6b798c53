"""Screening answers that act: the cautions they raise and the modules those cautions add."""

from __future__ import annotations

from hii_planner.library.loader import Library
from hii_planner.library.models import ScreeningQuestion
from hii_planner.planning.request import PlanRequest
from hii_planner.plans.reasons import Reason


def screening_reason(question_id: str) -> Reason:
    """The reason a module added by a raised caution carries: ``screening: ID``."""
    return Reason.screening(question_id)


def screened_question(reason: Reason) -> str | None:
    """The question a "screening" reason names, or None for other reasons."""
    return reason.target if reason.kind == "screening" else None


def raised(library: Library, request: PlanRequest) -> list[ScreeningQuestion]:
    """The questions whose recorded answer raises their caution, in library order."""
    return [
        q
        for q in library.info.screening
        if q.id in request.screening and request.screening[q.id] == q.caution_if
    ]


def placed_first(library: Library, request: PlanRequest) -> set[str]:
    """Modules that a raised caution adds with ``first = true``."""
    return {m for q in raised(library, request) if q.first for m in q.adds}


def what_it_adds(question: ScreeningQuestion, answer: bool) -> str:
    """What recording *answer* to *question* does to the plan, in one sentence."""
    if answer != question.caution_if:
        return "no caution: nothing is added"
    if not question.adds:
        return "raises a caution (recorded on the plan); no module is added"
    where = ", placed first" if question.first else ""
    return "raises a caution and adds " + ", ".join(question.adds) + where
