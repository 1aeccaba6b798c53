"""A fixture library and plans for the handout and document tests."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from hii_planner import Library, Plan, PlanRequest, ScheduleRequest, build_plan, clock, load_library
from tests.conftest import LibraryFactory, module, session

MARKING = "OFFICIAL-SENSITIVE"
STAFF = "STAFFONLYQ7X"  # planted in everything written for facilitators only
BODY = "PARTICIPANTTEXT"  # planted in the handout body
EASY = "EASYREADTEXT"  # planted in the easy-read text
START = dt.date(2027, 1, 4)  # a Monday

INFO: dict[str, Any] = {
    "marking": MARKING,
    "notice": f"Illustrative library for tests {STAFF}.",
    "needs": [
        {"id": "need-a", "title": f"Need for identity {STAFF}"},
        {"id": "need-b", "title": f"Need for status {STAFF}"},
        {"id": "need-c", "title": f"Need for excitement {STAFF}"},
    ],
}


def staff_session(session_id: str, *, handout: dict[str, Any] | None = None) -> dict[str, Any]:
    """A session whose staff-facing fields all carry the STAFF marker."""
    fields: dict[str, Any] = {
        "objectives": [f"Objective {STAFF}"],
        "activities": [f"Activity {STAFF}"],
        "materials": [f"Material {STAFF}"],
        "facilitator_notes": f"Notes for facilitators {STAFF}.",
    }
    if handout is not None:
        fields["handout"] = handout
    return session(session_id, **fields)


def handout(title: str, **fields: Any) -> dict[str, Any]:
    """A handout table with a body carrying the BODY marker."""
    return {
        "title": title,
        "body": f"Today we talk about **{title.lower()}**.\n\n{BODY} and more.\n",
        "reflection": ["What stood out for you today?", "What would you like to try?"],
        **fields,
    }


MODULES = [
    module(
        "welcome",
        core=True,
        placement="first",
        summary=f"Getting to know each other {STAFF}.",
        sessions=[
            staff_session("hello", handout=handout("Hello", easy_read=f"Easy words. {EASY}")),
            staff_session("no-handout"),
        ],
    ),
    module(
        "identity",
        addresses=["need-a"],
        requires=["welcome"],
        summary=f"Identity work {STAFF}.",
        sessions=[
            staff_session("sides", handout=handout("My many identities")),
            staff_session("belonging", handout=handout("Belonging")),
        ],
    ),
    module(
        "faith-work",
        track="faith",
        addresses=["need-b"],
        sessions=[staff_session("questions", handout=handout("Big questions"))],
    ),
    module(
        "ending",
        core=True,
        placement="last",
        sessions=[staff_session("looking-ahead", handout=handout("Looking ahead"))],
    ),
]


def fixture_library(
    make_library: LibraryFactory,
    modules: Sequence[dict[str, Any]] = MODULES,
    **info: Any,
) -> Library:
    """The fixture library (or *modules* with the fixture's library.toml)."""
    return load_library(make_library(list(modules), info={**INFO, **info}))


def plan_for(
    library: Library,
    *,
    needs: Sequence[str] = ("need-a", "need-b", "need-c"),
    modules: Sequence[str] = (),
    participant: str = "P-0042",
) -> Plan:
    """A plan built by the real planner, weekly on Mondays from START."""
    request = PlanRequest(
        participant=participant,
        needs=list(needs),
        modules=list(modules),
        facilitators=["Facilitator A"],
        schedule=ScheduleRequest(start=START, weekdays=["mon"], holidays="none"),
    )
    return build_plan(library, request, now=clock.now()).plan


def pdf_pages(data: bytes) -> list[str]:
    """The text layer of each page of a PDF, read by pypdf (a standard reader)."""
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def text_of(data: bytes, output_format: str) -> str:
    """What a reader sees in a rendered file: the PDF's text layer, or the text itself."""
    if output_format == "pdf":
        return "\n".join(pdf_pages(data))
    return data.decode("utf-8")
