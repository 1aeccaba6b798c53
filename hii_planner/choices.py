"""Every list of choices, once: models, CLI choices and help, and wizard options derive from these.

Plain ``Literal`` types and tables, with no pydantic, so the command line can build
its choices and help without loading the models.
"""

from __future__ import annotations

from typing import Literal, get_args

Placement = Literal["first", "any", "last"]
Cadence = Literal["weekly", "twice-weekly", "fortnightly"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
HolidayCalendar = Literal["england-and-wales", "scotland", "northern-ireland", "none"]
SessionStatus = Literal["planned", "delivered", "missed", "cancelled"]
RecordedStatus = Literal["delivered", "missed", "cancelled"]
AbsenceChoice = Literal["acceptable", "unacceptable"]
"""What `--absence` takes: an absence is stated as acceptable or unacceptable."""
CancelledByChoice = Literal["participant", "service"]
"""What `--by` takes; closures and closing a plan cancel sessions themselves."""
SessionKind = Literal["session", "review"]
PlanStatus = Literal["active", "paused", "completed", "withdrawn", "transferred"]
Absence = Literal["acceptable", "unacceptable", ""]
CancelledBy = Literal["participant", "service", "closure", "plan closed"]
ExportFormat = Literal["json", "markdown", "csv", "ics"]
GraphFormat = Literal["tree", "dot", "mermaid"]
SchemaKind = Literal["module", "library", "plan", "answers"]

WEEKDAYS: tuple[Weekday, ...] = get_args(Weekday)
CADENCES: tuple[Cadence, ...] = get_args(Cadence)
HOLIDAY_CALENDARS: tuple[HolidayCalendar, ...] = get_args(HolidayCalendar)
SESSION_STATUSES: tuple[SessionStatus, ...] = get_args(SessionStatus)
EXPORT_FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)

DEFAULT_CADENCE: Cadence = "weekly"
DEFAULT_HOLIDAYS: HolidayCalendar = "england-and-wales"

DAYS_A_WEEK: dict[Cadence, int] = {"weekly": 1, "twice-weekly": 2, "fortnightly": 1}
"""How many weekdays a schedule of each cadence takes."""

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
STATUS_STYLES: dict[SessionStatus, str] = {
    "planned": "",
    "delivered": "green",
    "missed": "red",
    "cancelled": "dim strike",
}
"""How each session status is styled on a terminal (rich style names)."""


def weekday_from(text: str) -> Weekday | None:
    """The weekday *text* names: "mon", "Monday", "MONDAY", "tues" or "thurs"; else None."""
    word = text.strip().lower().rstrip(".")
    for day, name in WEEKDAY_NAMES.items():
        if len(word) >= 3 and name.lower().startswith(word):
            return day
    return None
