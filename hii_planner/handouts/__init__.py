"""Printable documents built from a plan: participant handouts, facilitator guides, the overview."""

from __future__ import annotations

from hii_planner.handouts.facilitator import facilitator_guide
from hii_planner.handouts.lookup import NotInLibraryError, SessionInContext, in_context
from hii_planner.handouts.overview import plan_overview
from hii_planner.handouts.participant import participant_handout
from hii_planner.handouts.write import HandoutsWritten, plan_jobs, write_handouts

__all__ = [
    "HandoutsWritten",
    "NotInLibraryError",
    "SessionInContext",
    "facilitator_guide",
    "in_context",
    "participant_handout",
    "plan_jobs",
    "plan_overview",
    "write_handouts",
]
