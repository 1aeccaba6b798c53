"""What a facilitator asks for: the plan request, shared by flags, answers files and the wizard."""

from __future__ import annotations

from pydantic import Field

from hii_planner.choices import DEFAULT_CADENCE, DEFAULT_HOLIDAYS
from hii_planner.dates import Date
from hii_planner.planning.schedule import DEFAULT_START_WORDS, DEFAULT_WEEKDAYS_WORDS
from hii_planner.types import (
    MAX_FACILITATORS,
    Cadence,
    ClockTime,
    FacilitatorName,
    HolidayCalendar,
    Place,
    Reference,
    SessionRef,
    Slug,
    Strict,
    Weekday,
)


class ClosureRequest(Strict):
    """A period in which no session is planned, as asked for (`--closed START..END`)."""

    start: Date = Field(description="First closed day.")
    end: Date = Field(description="Last closed day (inclusive).")
    reason: str = Field(default="", max_length=200, description="Why sessions cannot happen.")


class ScheduleRequest(Strict):
    """When sessions happen: start date, cadence, weekdays and the holiday calendar."""

    start: Date | None = Field(
        default=None, description=f"First possible session date [default: {DEFAULT_START_WORDS}]."
    )
    cadence: Cadence = Field(default=DEFAULT_CADENCE, description="How often sessions happen.")
    weekdays: list[Weekday] = Field(
        default_factory=list,
        description="Weekly and fortnightly take one weekday, twice-weekly two "
        f"[default: {DEFAULT_WEEKDAYS_WORDS}].",
    )
    holidays: HolidayCalendar = Field(
        default=DEFAULT_HOLIDAYS,
        description="The public-holiday calendar whose holidays are skipped.",
    )
    time: ClockTime | None = Field(
        default=None, description="Usual start time, HH:MM (Europe/London); none: all-day."
    )
    place: Place | None = Field(
        default=None, description="Usual place; facilitator-facing, never on handouts."
    )
    closures: list[ClosureRequest] = Field(
        default_factory=list, description="Periods in which no session is planned."
    )


class PlanRequest(Strict):
    """Everything a plan is built from; the answers file has exactly this shape."""

    participant: Reference | None = Field(
        default=None, description="Pseudonymous reference such as P-0042, never a name."
    )
    facilitators: list[FacilitatorName] = Field(
        default_factory=list,
        max_length=MAX_FACILITATORS,
        description="The plan's facilitators (one or two).",
    )
    needs: list[Slug] = Field(default_factory=list, description="Assessed needs (need ids).")
    modules: list[Slug] = Field(
        default_factory=list, description="Modules chosen by hand, in order."
    )
    exclude: list[Slug] = Field(default_factory=list, description="Modules never to plan.")
    skip_sessions: list[SessionRef] = Field(
        default_factory=list, description="Optional sessions to leave out, as module/session."
    )
    max_sessions: int | None = Field(
        default=None, ge=1, le=500, description="The most sessions the plan may have."
    )
    twin_track: Slug | None = Field(
        default=None,
        description="Track whose sessions are spread evenly through the plan (a twin track).",
    )
    schedule: ScheduleRequest = Field(
        default_factory=ScheduleRequest, description="When sessions happen."
    )
    screening: dict[Slug, bool] = Field(
        default_factory=dict, description="Answers to the library's screening questions by id."
    )
