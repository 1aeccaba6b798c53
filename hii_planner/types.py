"""Reusable field types shared by the library, request and plan models."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

# Choice lists live in `choices` (no pydantic, so the CLI loads them cheaply); re-exported here.
# isort: off
from hii_planner.choices import (
    CADENCES as CADENCES,
    HOLIDAY_CALENDAR_NAMES as HOLIDAY_CALENDAR_NAMES,
    HOLIDAY_CALENDARS as HOLIDAY_CALENDARS,
    WEEKDAY_NAMES as WEEKDAY_NAMES,
    WEEKDAYS as WEEKDAYS,
    Absence as Absence,
    Cadence as Cadence,
    CancelledBy as CancelledBy,
    HolidayCalendar as HolidayCalendar,
    Placement as Placement,
    PlanStatus as PlanStatus,
    SessionKind as SessionKind,
    SessionStatus as SessionStatus,
    Weekday as Weekday,
)

# isort: on
from hii_planner.safetext import multi_line, not_blank, one_line

OneLine = AfterValidator(one_line)
"""Pydantic check for one-line free text (names, titles, places): no control characters."""

NotBlank = AfterValidator(not_blank)
"""Pydantic check that text is not only spaces (titles, questions)."""

MultiLine = AfterValidator(multi_line)
"""Pydantic check for text that spans lines (bodies, notes): line breaks and tabs only."""

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

ClockTime = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
"""A time of day on the 24-hour clock, ``HH:MM`` (Europe/London)."""

Place = Annotated[str, StringConstraints(max_length=200), OneLine]
"""Where sessions happen; facilitator-facing only, never on participant handouts."""


class Strict(BaseModel):
    """Base for file models: unknown keys are errors, since they are usually typos."""

    # strict: `core = "yes"`, `minutes = 90.0` or `minutes = true` are errors, as the
    # JSON Schemas say, not quietly converted. defer_build: a model's validator is made
    # when it is first used, so a command builds the models it reads (a plan's nested
    # models inside the plan's one validator), not every model it imports.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


class Mutable(BaseModel):
    """Base for records that commands update (plan sessions, history)."""

    # defer_build as for Strict.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)
