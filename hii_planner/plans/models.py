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

    name: str = Field(description="The library's name, as in its library.toml.")
    version: str = Field(description="The library's version the plan was made from.")
    digest: str = Field(
        description="A digest of the library's files, to notice when it changed (sha256:...)."
    )
    files: dict[str, str] = Field(
        default_factory=dict, description="Digest of each library file, to say what changed."
    )


class Participant(Mutable):
    """Who the plan is for: a pseudonymous reference and the assessed needs."""

    reference: Reference = Field(
        description="A pseudonymous reference such as P-0042; never a name."
    )
    needs: list[Slug] = Field(
        default_factory=list,
        description="The assessed needs (need ids of the library) the plan works on.",
    )


class ScreeningAnswer(Mutable):
    """A recorded answer to a screening question, with the caution it raised."""

    id: Slug = Field(description="The screening question's id.")
    answer: bool = Field(description="The answer recorded: true for yes, false for no.")
    caution: str = Field(default="", description="The caution the answer raised, if it raised one.")


class Closure(Mutable):
    """Days on which no session is planned (an establishment closure, a facilitator's leave)."""

    start: dt.date = Field(description="First closed day.")
    end: dt.date = Field(description="Last closed day (inclusive).")
    reason: str = Field(default="", max_length=200, description="Why sessions cannot happen.")


class Schedule(Mutable):
    """The rhythm sessions follow; catch-ups and reschedules use it too."""

    start: dt.date = Field(description="The first possible session date.")
    cadence: Cadence = Field(description="How often sessions happen.")
    weekdays: list[Weekday] = Field(
        min_length=1,
        max_length=2,
        description="The weekdays sessions fall on: one, or two for twice-weekly.",
    )
    holidays: HolidayCalendar = Field(
        description="The public-holiday calendar whose holidays are skipped."
    )
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

    modules: list[Slug] = Field(default_factory=list, description="Modules the facilitator chose.")
    exclude: list[Slug] = Field(
        default_factory=list, description="Modules the facilitator left out."
    )
    skip_sessions: list[SessionRef] = Field(
        default_factory=list, description="Optional sessions left out, as module/session."
    )
    max_sessions: int | None = Field(
        default=None, description="The most sessions the plan may have, if a limit was given."
    )
    twin_track: Slug | None = Field(
        default=None, description="The track whose sessions run alongside the rest, if any."
    )


class PlannedModule(Mutable):
    """A module in the plan and why it is there."""

    id: Slug = Field(description="The module's id in the library.")
    title: str = Field(description="The module's title.")
    track: Slug = Field(description="The module's track.")
    reasons: list[PlanReason] = Field(
        min_length=1, description="Why the module is in the plan, one sentence each."
    )


class PlannedSession(Mutable):
    """One session of the plan, numbered in delivery order."""

    number: int = Field(ge=1, description="The session's number: 1..n in date order.")
    module: Slug = Field(description="The module the session belongs to.")
    session: Slug = Field(description="The session's id within its module.")
    title: str = Field(description="The session's title.")
    minutes: Minutes = Field(description="How long the session lasts.")
    date: dt.date = Field(
        description="The day it is planned, or the day it took place once recorded."
    )
    status: SessionStatus = Field(
        default="planned", description="Planned, delivered, missed or cancelled."
    )
    catch_up: bool = Field(
        default=False, description="True for a session added to make up a missed one."
    )
    notes: str = Field(
        default="",
        description="What was recorded when it was delivered or missed (facilitators only).",
    )
    engagement_concern: bool = Field(
        default=False, description="True when an engagement concern was recorded."
    )
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

    module: Slug = Field(description="The module of the session left out.")
    session: Slug = Field(description="The session left out.")
    reason: str = Field(description="Why it is not in the plan.")


class SessionRecord(Mutable):
    """What was recorded for a session, as kept by an amendment or a merge conflict."""

    status: SessionStatus = Field(description="The outcome recorded.")
    date: dt.date = Field(description="The day recorded.")
    notes: str = Field(default="", description="The note recorded.")
    absence: Absence = Field(
        default="", description="For a missed session: an acceptable or unacceptable absence."
    )
    cancelled_by: CancelledBy | None = Field(
        default=None, description="For a cancelled session: who or what cancelled it."
    )
    facilitators: list[FacilitatorName] = Field(
        default_factory=list, description="Who delivered it."
    )
    engagement_concern: bool = Field(
        default=False, description="True when an engagement concern was recorded."
    )


class HistoryEntry(Mutable):
    """One change to the plan, appended on every write."""

    at: dt.datetime = Field(description="When the change was written.")
    change: str = Field(description="What changed, in one line.")
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
    minutes: Minutes = Field(description="How long it was.")
    at: dt.datetime = Field(description="When it was removed.")


class Plan(Mutable):
    """A participant's plan: modules, dated sessions, delivery records and history."""

    format: Literal["hii-plan"] = Field(default="hii-plan", description='Always "hii-plan".')
    format_version: Literal[1] = Field(default=1, description="The plan-file format version: 1.")
    created: dt.datetime = Field(description="When the plan was made.")
    revision: int = Field(
        ge=1, description="Rises by one on every write; a stale write is refused."
    )
    status: PlanStatus = Field(default="active", description="Where the plan stands as a whole.")
    library: PlanLibrary = Field(description="The library the plan was made from.")
    participant: Participant = Field(description="Who the plan is for.")
    facilitators: list[FacilitatorName] = Field(
        default_factory=list, description="The plan's facilitators (one or two)."
    )
    screening: list[ScreeningAnswer] = Field(
        default_factory=list, description="The screening answers recorded."
    )
    schedule: Schedule = Field(description="When sessions happen.")
    request: RequestRecord = Field(
        default_factory=RequestRecord,
        description="The choices the plan was built from, so it can be edited.",
    )
    modules: list[PlannedModule] = Field(description="The planned modules and why each is there.")
    sessions: list[PlannedSession] = Field(description="Every session, numbered in date order.")
    left_out: list[LeftOut] = Field(
        default_factory=list,
        description="Sessions of planned modules that are not in the plan, and why.",
    )
    history: list[HistoryEntry] = Field(
        default_factory=list, description="One entry per change, appended."
    )
    conflicts: list[Conflict] = Field(
        default_factory=list, description="Sessions a merge could not decide, until resolved."
    )
    removed: list[RemovedSession] = Field(
        default_factory=list,
        description="Sessions taken out of the plan, so calendars cancel their events.",
    )

    def module_entry(self, module_id: str) -> PlannedModule | None:
        """The planned module *module_id*, if it is in the plan."""
        return next((m for m in self.modules if m.id == module_id), None)
