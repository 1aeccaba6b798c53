"""The plan's sessions as an iCalendar file: one event per session, at a local time."""

from __future__ import annotations

import datetime as dt

from hii_planner.plans.models import Plan

_STATUS = {
    "planned": "CONFIRMED",
    "delivered": "CONFIRMED",
    "missed": "CANCELLED",
    "cancelled": "CANCELLED",
}


def render(plan: Plan, *, time: dt.time) -> str:
    """VEVENTs with floating local start times, so they show at *time* wherever opened.

    UIDs name the module and session rather than the session number, so a calendar
    that re-imports the file after a reschedule moves events instead of duplicating them.
    Events carry the reference and session title only: no needs, notes or names.
    """
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//hii-planner//plan export//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"HII plan {plan.participant.reference}")
    seen: dict[tuple[str, str], int] = {}
    reference = plan.participant.reference
    for session in plan.sessions:
        key = (session.module, session.session)
        seen[key] = seen.get(key, 0) + 1
        repeat = f".{seen[key]}" if seen[key] > 1 else ""
        start = dt.datetime.combine(session.date, time)
        event = Event()
        event.add("uid", f"{reference}.{session.module}.{session.session}{repeat}@hii-planner")
        event.add("dtstamp", plan.created)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=session.minutes))
        catch_up = " (catch-up)" if session.catch_up else ""
        event.add("summary", f"{reference}: session {session.number}, {session.title}{catch_up}")
        event.add("description", f"Module: {session.module}. Status: {session.status}.")
        event.add("status", _STATUS[session.status])
        calendar.add_component(event)
    text: str = calendar.to_ical().decode("utf-8")
    return text
