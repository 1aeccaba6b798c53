"""The plan's sessions as CSV, one row per session, for spreadsheets and case systems.

RFC 4180 with a UTF-8 byte-order mark and CRLF line ends: Excel reads a file without
the mark in the machine's legacy code page and garbles non-ASCII text. ISO dates.
"""

from __future__ import annotations

import csv
import io

from hii_planner.plans.models import Plan

COLUMNS = (
    "reference",
    "number",
    "date",
    "weekday",
    "module",
    "session",
    "title",
    "minutes",
    "status",
    "catch_up",
    "engagement_concern",
    "notes",
)


def _safe(text: str) -> str:
    """Stop spreadsheets from running a cell as a formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


BYTE_ORDER_MARK = "\ufeff"


def render(plan: Plan) -> str:
    """A byte-order mark, a header row, then one row per session in plan order."""
    buffer = io.StringIO()
    buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for session in plan.sessions:
        writer.writerow(
            (
                plan.participant.reference,
                session.number,
                session.date.isoformat(),
                session.date.strftime("%a"),
                session.module,
                session.session,
                _safe(session.title),
                session.minutes,
                session.status,
                "yes" if session.catch_up else "no",
                "yes" if session.engagement_concern else "no",
                _safe(session.notes),
            )
        )
    return buffer.getvalue()
