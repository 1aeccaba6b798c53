"""How handouts say things: session labels, reasons, neighbours and file names."""

from __future__ import annotations

import re
import unicodedata

from hii_planner.library.loader import Library
from hii_planner.plans.models import PlannedSession
from hii_planner.plans.reasons import Reason
from hii_planner.wording import date

MAX_SLUG = 40  # characters of a title kept in file names


def session_label(planned: PlannedSession) -> str:
    """The session as "Session 3" or "Session 5 (catch-up)"."""
    return f"Session {planned.number}" + (" (catch-up)" if planned.catch_up else "")


def neighbour(planned: PlannedSession | None, library: Library, *, none: str) -> str:
    """One line about a neighbouring session, for the facilitator guide."""
    if planned is None:
        return none
    module = library.modules.get(planned.module)
    module_title = module.title if module is not None else planned.module
    return f"{session_label(planned)}, {date(planned.date)}: {planned.title} ({module_title})"


def reason_text(reason: Reason, library: Library) -> str:
    """A plan reason in plain words, naming needs and modules by their titles."""
    match reason.kind:
        case "core":
            return "Core module: part of every plan"
        case "chosen":
            return "Chosen by the facilitator"
        case "need":
            found = library.needs.get(reason.target)
            return f"Addresses an assessed need: {found.title if found else reason.target}"
        case "screening":
            question = next((q for q in library.info.screening if q.id == reason.target), None)
            words = question.question if question else reason.target
            return f"Added by a screening answer: {words}"
        case "review":
            return "Progress reviews: part of every plan"
        case "required-by":
            module = library.modules.get(reason.target)
            return f"Needed before {module.title} ({reason.target})" if module else str(reason)
    text = str(reason)
    return text[:1].upper() + text[1:]


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
