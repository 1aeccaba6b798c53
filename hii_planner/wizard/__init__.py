"""The guided planner (questionary): asks the questions, returns a built plan."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hii_planner.core.library import Library
    from hii_planner.core.planner import PlanResult


def run_wizard(library: Library, answers: dict[str, Any], *, resume: bool) -> PlanResult:
    """Ask the facilitator every question, starting from *answers*; return the plan."""
    raise NotImplementedError("the guided planner is being built")
