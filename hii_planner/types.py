"""Reusable field types shared by the library, request and plan models."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from hii_planner.safetext import MultiLine, NotBlank, OneLine

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
"""A lowercase identifier such as ``identity-and-belonging``; never a path."""

Text = Annotated[str, StringConstraints(min_length=1, max_length=200), OneLine, NotBlank]
"""A short non-empty label (titles, questions)."""

LongText = Annotated[str, StringConstraints(max_length=50_000), MultiLine]
"""Free text such as handout bodies and facilitator notes."""

Minutes = Annotated[int, Field(ge=5, le=480)]
"""A session's length in minutes."""

Reference = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"),
]
"""A pseudonymous participant reference such as ``P-0042``."""

_SLUG = SLUG_PATTERN.strip("^$")
SessionRef = Annotated[str, StringConstraints(pattern=rf"^{_SLUG}/{_SLUG}$")]
"""A session written as ``module-id/session-id``."""

FacilitatorName = Annotated[
    str, StringConstraints(min_length=1, max_length=80, strip_whitespace=True), OneLine
]
"""A facilitator's name or role, as the team writes it (``Lead A``)."""

MAX_FACILITATORS = 2

Placement = Literal["first", "any", "last"]
Cadence = Literal["weekly", "twice-weekly", "fortnightly"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
HolidayCalendar = Literal["england-and-wales", "scotland", "northern-ireland", "none"]
SessionStatus = Literal["planned", "delivered", "missed", "cancelled"]
SessionKind = Literal["session", "review"]
PlanStatus = Literal["active", "paused", "completed", "withdrawn", "transferred"]
Absence = Literal["acceptable", "unacceptable", ""]
CancelledBy = Literal["participant", "service", "closure", "plan closed"]

ClockTime = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
"""A time of day on the 24-hour clock, ``HH:MM`` (Europe/London)."""

Place = Annotated[str, StringConstraints(max_length=200), OneLine]
"""Where sessions happen; facilitator-facing only, never on participant handouts."""

WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CADENCES: tuple[Cadence, ...] = ("weekly", "twice-weekly", "fortnightly")
HOLIDAY_CALENDARS: tuple[HolidayCalendar, ...] = (
    "england-and-wales",
    "scotland",
    "northern-ireland",
    "none",
)
WEEKDAY_NAMES: dict[Weekday, str] = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}
HOLIDAY_CALENDAR_NAMES: dict[HolidayCalendar, str] = {
    "england-and-wales": "England and Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
    "none": "none",
}


class Strict(BaseModel):
    """Base for file models: unknown keys are errors, since they are usually typos."""

    # strict: `core = "yes"`, `minutes = 90.0` or `minutes = true` are errors, as the
    # JSON Schemas say, not quietly converted.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Mutable(BaseModel):
    """Base for records that commands update (plan sessions, history)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)
