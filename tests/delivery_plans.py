"""Plans for the delivery tests, built by the planner over a small fixture library."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hii_planner import (
    Library,
    Plan,
    PlanRequest,
    ScheduleRequest,
    build_plan,
    clock,
    load_library,
    write_plan,
)
from tests.conftest import LibraryFactory, module

MARKING = "OFFICIAL-SENSITIVE"

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


def delivery_library(make_library: LibraryFactory) -> Library:
    """The fixture library: two core modules and one module for each of two needs."""
    return load_library(make_library(LIBRARY_MODULES, info=LIBRARY_INFO))


def new_plan(
    library: Library,
    *,
    start: dt.date,
    needs: Sequence[str] = ("need-a", "need-b"),
    weekdays: Sequence[str] = ("mon",),
    cadence: str = "weekly",
    holidays: str = "england-and-wales",
    facilitators: Sequence[str] = ("Facilitator A",),
) -> Plan:
    """A plan for P-0042 from *start*, through the real planner."""
    request = PlanRequest.model_validate(
        {
            "participant": "P-0042",
            "needs": list(needs),
            "facilitators": list(facilitators),
            "schedule": ScheduleRequest.model_validate(
                {
                    "start": start,
                    "weekdays": list(weekdays),
                    "cadence": cadence,
                    "holidays": holidays,
                }
            ),
        }
    )
    return build_plan(library, request, now=clock.now()).plan


def saved_plan(library: Library, folder: Path, *, start: dt.date, name: str = "P-0042") -> Path:
    """A plan written to *folder* as ``name.toml``."""
    path = folder / f"{name}.toml"
    write_plan(path, new_plan(library, start=start))
    return path


def dates(plan: Plan) -> list[str]:
    """Each session's date as ISO text, in number order."""
    return [s.date.isoformat() for s in plan.sessions]
