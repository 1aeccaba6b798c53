"""How handouts say things: dates, durations, reasons, neighbours and file names."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from hii_planner.library.loader import Library
from hii_planner.planning.reviews import REVIEWS
from hii_planner.planning.screening import screened_question
from hii_planner.planning.selection import CHOSEN, CORE, addressed_need, required_by
from hii_planner.plans.models import PlannedSession
from hii_planner.types import WEEKDAY_NAMES

MAX_SLUG = 40  # characters of a title kept in file names
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DAYS = list(WEEKDAY_NAMES.values())


def long_date(day: dt.date) -> str:
    """The date as "Monday 4 January 2027" (the same in every locale)."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def short_date(day: dt.date) -> str:
    """The date as "Mon 4 Jan 2027"."""
    return f"{_DAYS[day.weekday()][:3]} {day.day} {_MONTHS[day.month - 1][:3]} {day.year}"


def day_month(day: dt.date) -> str:
    """The date as "4 Jan"."""
    return f"{day.day} {_MONTHS[day.month - 1][:3]}"


def duration(minutes: int) -> str:
    """A length as "90 minutes", or "40 hours 30 minutes" from two hours up."""
    if minutes < 120:
        return f"{minutes} minutes"
    hours, rest = divmod(minutes, 60)
    return f"{hours} hours" + (f" {rest} minutes" if rest else "")


def session_label(planned: PlannedSession) -> str:
    """The session as "Session 3" or "Session 5 (catch-up)"."""
    return f"Session {planned.number}" + (" (catch-up)" if planned.catch_up else "")


def neighbour(planned: PlannedSession | None, library: Library, *, none: str) -> str:
    """One line about a neighbouring session, for the facilitator guide."""
    if planned is None:
        return none
    module = library.modules.get(planned.module)
    module_title = module.title if module is not None else planned.module
    return f"{session_label(planned)}, {short_date(planned.date)}: {planned.title} ({module_title})"


def reason_text(reason: str, library: Library) -> str:
    """A plan reason in plain words, naming needs and modules by their titles."""
    if reason == CORE:
        return "Core module: part of every plan"
    if reason == CHOSEN:
        return "Chosen by the facilitator"
    need = addressed_need(reason)
    if need is not None:
        found = library.needs.get(need)
        return f"Addresses an assessed need: {found.title if found else need}"
    question = screened_question(reason)
    if question is not None:
        found_q = next((q for q in library.info.screening if q.id == question), None)
        return f"Added by a screening answer: {found_q.question if found_q else question}"
    if reason == REVIEWS:
        return "Progress reviews: part of every plan"
    parent = required_by(reason)
    if parent is not None and reason == f"required by: {parent}":
        module = library.modules.get(parent)
        return f"Needed before {module.title} ({parent})" if module else reason
    return reason[:1].upper() + reason[1:]


def slug(text: str, *, fallback: str) -> str:
    """A file-name-safe slug of *text* ("My many identities" → "my-many-identities")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).split()
    found = ""
    for word in words:  # whole words, up to about 40 characters
        if found and len(found) + 1 + len(word) > MAX_SLUG:
            break
        found = f"{found}-{word}" if found else word[:MAX_SLUG]
    return found or fallback
