"""Pydantic models of the plan file (format ``hii-plan``, version 1)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from hii_planner.plans.reasons import PlanReason
from hii_planner.types import (
    Absence,
    Cadence,
    CancelledBy,
    ClockTime,
    FacilitatorName,
    HolidayCalendar,
    Minutes,
    Mutable,
    Place,
    PlanStatus,
    Reference,
    SessionKind,
    SessionRef,
    SessionStatus,
    Slug,
    Weekday,
)


class PlanLibrary(Mutable):
    """Which library the plan was made from, to detect later drift."""

    name: str
    version: str
    digest: str
    files: dict[str, str] = Field(
        default_factory=dict, description="Digest of each library file, to say what changed."
    )


class Participant(Mutable):
    """Who the plan is for: a pseudonymous reference and the assessed needs."""

    reference: Reference
    needs: list[Slug] = Field(default_factory=list)


class ScreeningAnswer(Mutable):
    """A recorded answer to a screening question, with the caution it raised."""

    id: Slug
    answer: bool
    caution: str = ""


class Closure(Mutable):
    """Days on which no session is planned (an establishment closure, a facilitator's leave)."""

    start: dt.date = Field(description="First closed day.")
    end: dt.date = Field(description="Last closed day (inclusive).")
    reason: str = Field(default="", max_length=200, description="Why sessions cannot happen.")


class Schedule(Mutable):
    """The rhythm sessions follow; catch-ups and reschedules use it too."""

    start: dt.date
    cadence: Cadence
    weekdays: list[Weekday] = Field(min_length=1, max_length=2)
    holidays: HolidayCalendar
    time: ClockTime | None = Field(
        default=None, description="Usual start time (Europe/London); none: all-day sessions."
    )
    place: Place | None = Field(
        default=None, description="Usual place; facilitator-facing, never on handouts."
    )
    closures: list[Closure] = Field(
        default_factory=list, description="Periods in which no session is planned."
    )


class RequestRecord(Mutable):
    """The choices the plan was built from, so it can be edited and rebuilt."""

    modules: list[Slug] = Field(default_factory=list)
    exclude: list[Slug] = Field(default_factory=list)
    skip_sessions: list[SessionRef] = Field(default_factory=list)
    max_sessions: int | None = None
    twin_track: Slug | None = None


class PlannedModule(Mutable):
    """A module in the plan and why it is there."""

    id: Slug
    title: str
    track: Slug
    reasons: list[PlanReason] = Field(min_length=1)


class PlannedSession(Mutable):
    """One session of the plan, numbered in delivery order."""

    number: int = Field(ge=1)
    module: Slug
    session: Slug
    title: str
    minutes: Minutes
    date: dt.date
    status: SessionStatus = "planned"
    catch_up: bool = False
    notes: str = ""
    engagement_concern: bool = False
    kind: SessionKind = Field(default="session", description="A session or a progress review.")
    provider: str = Field(
        default="", max_length=80, description="Another provider who delivers this session."
    )
    time: ClockTime | None = Field(
        default=None, description="Start time for this session, overriding the schedule's."
    )
    place: Place | None = Field(
        default=None, description="Place for this session, overriding the schedule's."
    )
    facilitators: list[FacilitatorName] = Field(
        default_factory=list, max_length=4, description="Who delivered it."
    )
    absence: Absence = Field(
        default="", description="For a missed session: an acceptable or unacceptable absence."
    )
    cancelled_by: CancelledBy | None = Field(
        default=None, description="For a cancelled session: who or what cancelled it."
    )


class LeftOut(Mutable):
    """A session of a planned module that is not in the plan, and why."""

    module: Slug
    session: Slug
    reason: str


class SessionRecord(Mutable):
    """What was recorded for a session, as kept by an amendment or a merge conflict."""

    status: SessionStatus
    date: dt.date
    notes: str = ""
    absence: Absence = ""
    cancelled_by: CancelledBy | None = None
    facilitators: list[FacilitatorName] = Field(default_factory=list)
    engagement_concern: bool = False


class HistoryEntry(Mutable):
    """One change to the plan, appended on every write."""

    at: dt.datetime
    change: str
    why: str | None = Field(default=None, description="Why the change was made.")
    before: SessionRecord | None = Field(default=None, description="What an amendment replaced.")


class Conflict(Mutable):
    """A session that a merge could not decide: both sides' records, until resolved."""

    session: int = Field(ge=1, description="The session number in the merged plan.")
    ours: SessionRecord | None = Field(
        default=None, description="Our record; none: our copy no longer has the session."
    )
    theirs: SessionRecord | None = Field(
        default=None, description="Their record; none: their copy no longer has the session."
    )


class RemovedSession(Mutable):
    """A session taken out of the plan, kept so calendars can cancel its event."""

    uid: str = Field(max_length=300, description="The calendar event's UID.")
    title: str = Field(description="The session's title when it was removed.")
    date: dt.date = Field(description="The date it had.")
    time: ClockTime | None = Field(default=None, description="The start time it had.")
    minutes: Minutes
    at: dt.datetime = Field(description="When it was removed.")


class Plan(Mutable):
    """A participant's plan: modules, dated sessions, delivery records and history."""

    format: Literal["hii-plan"] = "hii-plan"
    format_version: Literal[1] = 1
    created: dt.datetime
    revision: int = Field(ge=1)
    status: PlanStatus = Field(default="active", description="Where the plan stands as a whole.")
    library: PlanLibrary
    participant: Participant
    facilitators: list[FacilitatorName] = Field(default_factory=list)
    screening: list[ScreeningAnswer] = Field(default_factory=list)
    schedule: Schedule
    request: RequestRecord = Field(default_factory=RequestRecord)
    modules: list[PlannedModule]
    sessions: list[PlannedSession]
    left_out: list[LeftOut] = Field(default_factory=list)
    history: list[HistoryEntry] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    removed: list[RemovedSession] = Field(
        default_factory=list,
        description="Sessions taken out of the plan, so calendars cancel their events.",
    )

    def module_entry(self, module_id: str) -> PlannedModule | None:
        """The planned module *module_id*, if it is in the plan."""
        return next((m for m in self.modules if m.id == module_id), None)
