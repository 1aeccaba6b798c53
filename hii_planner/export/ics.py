"""The plan's sessions as an iCalendar file (RFC 5545) that calendars update on re-import.

Timed events are in Europe/London with a matching VTIMEZONE; sessions without a time
are all-day. UIDs are stable (`plans.events`); every event carries the plan's revision
as its SEQUENCE and the plan's last change as DTSTAMP and LAST-MODIFIED, so a
re-import replaces what a calendar holds rather than adding to it. Sessions taken out
of the plan come back as cancelled events under their old UID.

Calendars leave the machine (phones, shared calendars), so by default an event holds
the participant's reference and the session's title only; *detail* adds the module,
track, needs, programme and place for the facilitator's own calendar.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from hii_planner.plans.events import session_time, session_uids
from hii_planner.plans.models import Plan, PlannedSession, RemovedSession

if TYPE_CHECKING:
    from icalendar import Event

TIMEZONE = "Europe/London"

_STATUS = {
    "planned": "CONFIRMED",
    "delivered": "CONFIRMED",
    "missed": "CANCELLED",
    "cancelled": "CANCELLED",
}


def render(plan: Plan, *, time: dt.time | None = None, detail: bool = False) -> str:
    """The calendar: one event per session and per removed session.

    *time* is the start time of sessions that have none of their own and no usual
    time in the schedule; without it they are all-day events.
    """
    from icalendar import Calendar, Timezone

    calendar = Calendar()
    calendar.add("prodid", "-//hii-planner//plan export//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = f"{plan.participant.reference} sessions"
    calendar.add("x-wr-calname", f"{plan.library.name}: {name}" if detail else name)
    stamp = max((entry.at for entry in plan.history), default=plan.created)
    common = {"sequence": plan.revision - 1, "dtstamp": stamp, "last-modified": stamp}
    zone = ZoneInfo(TIMEZONE)
    events = [
        _session_event(plan, session, uid, fallback=time, zone=zone, detail=detail, **common)
        for uid, session in zip(session_uids(plan), plan.sessions, strict=True)
    ]
    events += [_removed_event(plan, removed, zone=zone, **common) for removed in plan.removed]
    starts = [event.decoded("dtstart") for event in events]
    if any(isinstance(start, dt.datetime) for start in starts):
        days = [s.date() if isinstance(s, dt.datetime) else s for s in starts]
        calendar.add_component(
            Timezone.from_tzid(
                TIMEZONE,
                first_date=min(days) - dt.timedelta(days=366),
                last_date=max(days) + dt.timedelta(days=366),
            )
        )
    for event in events:
        calendar.add_component(event)
    text: str = calendar.to_ical().decode("utf-8")
    return text


def _session_event(
    plan: Plan,
    session: PlannedSession,
    uid: str,
    *,
    fallback: dt.time | None,
    zone: ZoneInfo,
    detail: bool,
    **common: Any,
) -> Event:
    clock = session_time(plan, session)
    start_time = dt.time.fromisoformat(clock) if clock else fallback
    catch_up = " (catch-up)" if session.catch_up else ""
    summary = f"{plan.participant.reference}: session {session.number}, {session.title}{catch_up}"
    event = _event(uid, session.date, start_time, session.minutes, zone=zone, **common)
    event.add("summary", summary)
    event.add("status", _STATUS[session.status])
    description = [f"Status: {session.status}."]
    if detail:
        entry = plan.module_entry(session.module)
        track = f", track {entry.track}" if entry else ""
        description.insert(0, f"Module: {session.module}{track}.")
        if plan.participant.needs:
            description.append(f"Needs: {', '.join(plan.participant.needs)}.")
        description.append(f"Programme: {plan.library.name}.")
        place = session.place or plan.schedule.place
        if place:
            event.add("location", place)
    event.add("description", " ".join(description))
    return event


def _removed_event(plan: Plan, removed: RemovedSession, *, zone: ZoneInfo, **common: Any) -> Event:
    start_time = dt.time.fromisoformat(removed.time) if removed.time else None
    event = _event(removed.uid, removed.date, start_time, removed.minutes, zone=zone, **common)
    event.add("summary", f"{plan.participant.reference}: {removed.title} (removed from the plan)")
    event.add("status", "CANCELLED")
    return event


def _event(
    uid: str,
    day: dt.date,
    start_time: dt.time | None,
    minutes: int,
    *,
    zone: ZoneInfo,
    **common: Any,
) -> Event:
    """An event with its identity and times: timed in *zone*, or all-day."""
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    for key, value in common.items():
        event.add(key, value)
    if start_time is None:
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
    else:
        start = dt.datetime.combine(day, start_time, tzinfo=zone)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=minutes))
    return event
