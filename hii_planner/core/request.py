"""What a facilitator asks for: the plan request, shared by flags, answers files and the wizard."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints

from hii_planner.core._types import (
    SLUG_PATTERN,
    Cadence,
    HolidayCalendar,
    Reference,
    Slug,
    Strict,
    Weekday,
)

_SLUG = SLUG_PATTERN.strip("^$")
SessionRef = Annotated[str, StringConstraints(pattern=rf"^{_SLUG}/{_SLUG}$")]
"""A session written as ``module-id/session-id``."""

FacilitatorName = Annotated[
    str, StringConstraints(min_length=1, max_length=80, strip_whitespace=True)
]

MAX_FACILITATORS = 2


class ScheduleRequest(Strict):
    """When sessions happen: start date, cadence, weekdays and the holiday calendar."""

    start: dt.date | None = Field(
        default=None, description="First possible session date [default: the next weekday slot]."
    )
    cadence: Cadence = "weekly"
    weekdays: list[Weekday] = Field(
        default_factory=list,
        description="Weekly and fortnightly take one weekday, twice-weekly two "
        "[default: the start date's weekday, and three days later for twice-weekly].",
    )
    holidays: HolidayCalendar = "england-and-wales"


class PlanRequest(Strict):
    """Everything a plan is built from; the answers file has exactly this shape."""

    participant: Reference | None = Field(
        default=None, description="Pseudonymous reference such as P-0042, never a name."
    )
    facilitators: list[FacilitatorName] = Field(default_factory=list, max_length=MAX_FACILITATORS)
    needs: list[Slug] = Field(default_factory=list, description="Assessed needs (need ids).")
    modules: list[Slug] = Field(
        default_factory=list, description="Modules chosen by hand, in order."
    )
    exclude: list[Slug] = Field(default_factory=list, description="Modules never to plan.")
    skip_sessions: list[SessionRef] = Field(
        default_factory=list, description="Optional sessions to leave out, as module/session."
    )
    max_sessions: int | None = Field(default=None, ge=1, le=500)
    twin_track: Slug | None = Field(
        default=None, description="Track whose sessions alternate with the rest."
    )
    schedule: ScheduleRequest = Field(default_factory=ScheduleRequest)
    screening: dict[Slug, bool] = Field(
        default_factory=dict, description="Answers to the library's screening questions by id."
    )
