"""Calendar identities of a plan's sessions, and the memory of sessions taken out of it.

A session's calendar event is named by its module, session and occurrence (a catch-up
repeats a session), never by its number, so renumbering moves events instead of
duplicating them. The name is hashed with the plan's reference and creation time:
calendars leave the machine, and a UID must not spell out a module id. When a write
takes a session out of the plan, its UID is kept in ``[[removed]]`` so that the next
calendar export can cancel the event.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from hii_planner.plans.models import Plan, PlannedSession, RemovedSession


def session_uids(plan: Plan) -> list[str]:
    """The calendar UID of each session, in plan order."""
    seen: dict[tuple[str, str], int] = {}
    uids = []
    for session in plan.sessions:
        key = (session.module, session.session)
        seen[key] = seen.get(key, 0) + 1
        name = "\n".join(
            (plan.created.isoformat(), plan.participant.reference, *key, str(seen[key]))
        )
        uids.append(f"{hashlib.sha256(name.encode()).hexdigest()[:32]}@hii-planner")
    return uids


def session_time(plan: Plan, session: PlannedSession) -> str | None:
    """The session's start time (its own, else the schedule's), or None for all day."""
    return session.time or plan.schedule.time


def remember_removed(before: Plan, after: Plan, *, at: dt.datetime) -> None:
    """Record in *after* every session of *before* whose event *after* no longer has.

    A UID that comes back (a module planned again) leaves the removed list, since its
    event is live again. Calling this twice for the same change adds nothing.
    """
    live = set(session_uids(after))
    kept = [r for r in [*before.removed, *after.removed] if r.uid not in live]
    known = {r.uid for r in kept}
    for uid, session in zip(session_uids(before), before.sessions, strict=True):
        if uid not in live and uid not in known:
            known.add(uid)
            kept.append(
                RemovedSession(
                    uid=uid,
                    title=session.title,
                    date=session.date,
                    time=session_time(before, session),
                    minutes=session.minutes,
                    at=at,
                )
            )
    after.removed = list({r.uid: r for r in kept}.values())
