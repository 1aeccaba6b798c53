"""Explain how a plan addresses one assessed need: the sessions that do, or why none does."""

from __future__ import annotations

from dataclasses import dataclass

from hii_planner.errors import RequestError
from hii_planner.library.loader import Library
from hii_planner.library.session_needs import session_needs
from hii_planner.plans.models import Plan, PlannedSession
from hii_planner.suggest import unknown


@dataclass(frozen=True)
class NeedExplanation:
    """The planned sessions that address a need, and remarks on those that do not."""

    need: str
    title: str
    sessions: list[PlannedSession]
    remarks: list[str]


def why_need(plan: Plan, library: Library, need: str) -> NeedExplanation:
    """The planned, non-cancelled sessions that address *need*, or why there are none."""
    if need not in library.needs:
        raise RequestError([f"--need: {unknown('need', need, library.needs)}"])
    title = library.needs[need].title
    addressing = [s for s in plan.sessions if need in session_needs(library, s.module, s.session)]
    sessions = [s for s in addressing if s.status != "cancelled"]
    remarks = []
    if need not in plan.participant.needs:
        remarks.append(f"{need} is not one of this participant's assessed needs")
    for session in addressing:
        if session.status == "cancelled":
            remarks.append(f"session {session.number} ({session.title}) was cancelled")
    for left in plan.left_out:
        if need in session_needs(library, left.module, left.session):
            remarks.append(f"{left.module}/{left.session} addresses it but was {left.reason}")
    if not sessions:
        planned = {m.id for m in plan.modules}
        modules = [
            m.id
            for m in library.modules.values()
            if any(need in session_needs(library, m.id, s.id) for s in m.sessions)
        ]
        if not modules:
            remarks.append("no module in the library addresses it")
        for module_id in modules:
            if module_id in plan.request.exclude:
                remarks.append(f"{module_id} addresses it but was excluded")
            elif module_id not in planned:
                remarks.append(f"{module_id} addresses it but is not in the plan")
    return NeedExplanation(need=need, title=title, sessions=sessions, remarks=remarks)
