"""The fixture libraries' data: module tables and library.toml fields, and planted markers.

`tests.conftest.fixture_library` writes and loads them; tests import the markers and tables
from here to say what they expect.
"""

from __future__ import annotations

from typing import Any

from tests.conftest import module, session

MARKING = "OFFICIAL-SENSITIVE"

# --- "delivery": the default fixture library --------------------------------------------

LIBRARY_INFO: dict[str, Any] = {
    "marking": MARKING,
    "needs": [
        {"id": "need-a", "title": "Need for identity"},
        {"id": "need-b", "title": "Need for status"},
        {"id": "need-c", "title": "Need for excitement"},
    ],
}

# Planned for needs a and b: intro (2), middle (3), other (2), ending (1) = 8 sessions.
LIBRARY_MODULES = [
    module("intro", sessions=2, core=True, placement="first"),
    module("middle", sessions=3, addresses=["need-a"], requires=["intro"]),
    module("other", sessions=2, addresses=["need-b"]),
    module("ending", sessions=1, core=True, placement="last"),
]

# --- "handouts": staff-only text planted everywhere, to prove it never reaches participants

STAFF = "STAFFONLYQ7X"  # planted in everything written for facilitators only
BODY = "PARTICIPANTTEXT"  # planted in the handout body
EASY = "EASYREADTEXT"  # planted in the easy-read text
ALL_NEEDS = ("need-a", "need-b", "need-c")  # the handout tests' plans assess every need

HANDOUT_INFO: dict[str, Any] = {
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


HANDOUT_MODULES = [
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

# --- "wizard": the small library the guided planner's tests plan from ----------------------

WIZARD_INFO: dict[str, Any] = {
    "dimensions": [
        {"id": "engagement", "title": "Engagement"},
        {"id": "intent", "title": "Intent"},
    ],
    "needs": [
        {
            "id": "belonging",
            "title": "Need for belonging",
            "dimension": "engagement",
            "description": "Looks to a group for a place to fit.",
        },
        {"id": "status", "title": "Need for status", "dimension": "engagement"},
        {"id": "us-and-them", "title": "Us and them thinking", "dimension": "intent"},
    ],
    "tracks": [{"id": "main", "title": "Main"}, {"id": "faith", "title": "Faith"}],
    "screening": [
        {
            "id": "ideology",
            "question": "Was the offending driven by a group, cause or ideology?",
            "caution_if": False,
            "caution": "The intervention may not be suitable.",
        }
    ],
    "order": ["welcome", "story", "identity", "status-work", "extra", "beliefs", "close"],
}
"""Needs checkbox: ── Engagement, belonging, status, ── Intent, us-and-them."""

# The modules checkbox lists: ── Main, welcome (core), story, identity, status-work,
# extra, close (core), ── Faith, beliefs. The pointer starts on story.
WIZARD_MODULES = [
    module("welcome", core=True, placement="first"),
    module("story", sessions=2),
    module(
        "identity",
        addresses=["belonging"],
        requires=["story"],
        sessions=[session("s1"), session("s2", optional=True, minutes=45)],
    ),
    module("status-work", addresses=["status"], sessions=2),
    module("extra"),
    module("beliefs", track="faith", addresses=["us-and-them"], sessions=2),
    module("close", core=True, placement="last"),
]

FIXTURES: dict[str, tuple[dict[str, Any], list[dict[str, Any]]]] = {
    "delivery": (LIBRARY_INFO, LIBRARY_MODULES),
    "handouts": (HANDOUT_INFO, HANDOUT_MODULES),
    "wizard": (WIZARD_INFO, WIZARD_MODULES),
}
