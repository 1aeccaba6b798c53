"""A plan's own consistency: what a hand edit can break that the file format alone does not catch.

Numbers follow dates, the revision counts every write, each module appears once,
the weekdays fit the cadence, and recorded dates are neither in the future nor
implausibly old. `plan check` reports each; recording a session refuses a date
that could only be a typing slip.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from itertools import pairwise

from hii_planner.choices import DAYS_A_WEEK
from hii_planner.errors import DeliveryError
from hii_planner.plans.models import Plan, PlannedSession
from hii_planner.wording import plural

OLDEST_RECORD = dt.date(1990, 1, 1)
"""No session recorded by this tool can have taken place before this day."""


def earliest_plausible(plan: Plan) -> dt.date:
    """The earliest date a session of *plan* can have taken place: its creation less a year."""
    a_year_before = plan.created.date() - dt.timedelta(days=365)
    return max(OLDEST_RECORD, a_year_before)


def refuse_implausible(plan: Plan, session: PlannedSession, status: str, *, when: dt.date) -> None:
    """Refuse recording *session* on a day long before the plan existed (a typing slip)."""
    earliest = earliest_plausible(plan)
    if when >= earliest:
        return
    raise DeliveryError(
        f"session {session.number} cannot be recorded as {status} on {when.isoformat()}: "
        f"that is before {earliest.isoformat()}, long before the plan was made "
        f"({plan.created.date().isoformat()})",
        hint="check the year in --date (dates are YYYY-MM-DD)",
    )


def plan_inconsistencies(plan: Plan, *, today: dt.date) -> list[str]:
    """Every inconsistency in *plan* that a hand edit can cause, one line each."""
    return [
        *_numbers_and_dates(plan),
        *_revision(plan),
        *_duplicate_modules(plan),
        *_weekdays(plan),
        *_recorded_dates(plan, today=today),
    ]


def _numbers_and_dates(plan: Plan) -> list[str]:
    found: list[str] = []
    numbers = [session.number for session in plan.sessions]
    if sorted(numbers) != list(range(1, len(numbers) + 1)):
        repeated = sorted(number for number, count in Counter(numbers).items() if count > 1)
        detail = (
            f"{', '.join(map(str, repeated))} more than once"
            if repeated
            else f"{', '.join(map(str, sorted(numbers)))}"
        )
        found.append(f"sessions are not numbered 1 to {len(numbers)} (found {detail})")
    by_number = sorted(plan.sessions, key=lambda session: session.number)
    for earlier, later in pairwise(by_number):
        if later.date < earlier.date:
            found.append(
                f"numbers do not follow dates: session {later.number} "
                f"({later.date.isoformat()}) is dated before session {earlier.number} "
                f"({earlier.date.isoformat()})"
            )
    return found


MERGE_CHANGE = "merged "
"""How a merge's history entry begins (`plan merge`)."""


def _revision(plan: Plan) -> list[str]:
    # Every write adds one revision and one history entry, so the revision is at least
    # the number of entries; a merge keeps both sides' entries but takes the larger
    # side's revision + 1, so after one the count may rightly exceed it.
    merged = any(entry.change.startswith(MERGE_CHANGE) for entry in plan.history)
    if merged or plan.revision >= len(plan.history):
        return []
    return [
        f"revision {plan.revision} is below the number of changes in the history "
        f"({len(plan.history)}); every write adds one to the revision"
    ]


def _duplicate_modules(plan: Plan) -> list[str]:
    counts = Counter(module.id for module in plan.modules)
    return [
        f"module {module_id} is listed {plural(count, 'time')} in [[modules]]"
        for module_id, count in counts.items()
        if count > 1
    ]


def _weekdays(plan: Plan) -> list[str]:
    schedule = plan.schedule
    found: list[str] = []
    repeated = sorted(day for day, count in Counter(schedule.weekdays).items() if count > 1)
    if repeated:
        found.append(f"weekday {', '.join(repeated)} is given more than once in [schedule]")
    wanted = DAYS_A_WEEK[schedule.cadence]
    given = len(set(schedule.weekdays))
    if given != wanted:
        found.append(
            f"a {schedule.cadence} schedule takes {plural(wanted, 'weekday')}, "
            f"not {given} ({', '.join(schedule.weekdays) or 'none'})"
        )
    return found


def _recorded_dates(plan: Plan, *, today: dt.date) -> list[str]:
    earliest = earliest_plausible(plan)
    found: list[str] = []
    for session in plan.sessions:
        if session.status not in ("delivered", "missed"):
            continue
        if session.date > today:
            found.append(
                f"session {session.number} is recorded as {session.status} on "
                f"{session.date.isoformat()}, which is in the future (today is "
                f"{today.isoformat()})"
            )
        elif session.date < earliest:
            found.append(
                f"session {session.number} is recorded as {session.status} on "
                f"{session.date.isoformat()}, before {earliest.isoformat()} "
                "(long before the plan was made)"
            )
    return found
