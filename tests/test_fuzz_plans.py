"""Fuzz: random plans through random sequences of delivery commands and edits keep every rule.

`test_delivery.py` drives delivery commands on one fixed plan; this test also draws
the plan (start, cadence, weekdays, holiday calendar, needs) and mixes in `plan edit`
(`replan`), checking after every step that the plan is still one `plan check` accepts,
that recorded sessions stay as they were unless amended, that nothing the command
placed is on a holiday or in a closure, and that the file written reads back equal.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hii_planner import (
    HiiPlannerError,
    Library,
    Plan,
    PlannedSession,
    add_closure,
    amend_session,
    change_status,
    clock,
    edited_request,
    read_plan,
    record_session,
    replan,
    reschedule_overdue,
    reschedule_session,
    write_plan,
)
from hii_planner.plans.calendar import closure_on, holiday_name
from hii_planner.plans.consistency import plan_inconsistencies
from tests.conftest import LibraryFactory, fixture_library, make_plan

TODAY = dt.date(2026, 12, 1)

SCHEDULES = st.sampled_from(
    [
        ("weekly", ("mon",)),
        ("weekly", ("fri",)),
        ("twice-weekly", ("tue", "thu")),
        ("fortnightly", ("wed",)),
    ]
)
EDITS: list[dict[str, Any]] = [
    {},
    {"needs": ["need-a"]},
    {"needs": ["need-a", "need-b", "need-c"]},
    {"exclude": ["other"]},
    {"modules": ["other"]},
    {"schedule": {"cadence": "twice-weekly", "weekdays": ["mon", "thu"]}},
    {"schedule": {"cadence": "fortnightly", "weekdays": ["wed"]}},
    {"schedule": {"holidays": "scotland"}},
]
COMMANDS = [
    "delivered", "missed", "cancelled", "reschedule", "cascade", "overdue", "amend-delivered",
    "amend-missed", "amend-cancelled", "closure", "pause", "resume", "complete", "edit",
]  # fmt: skip
ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(COMMANDS),
        st.integers(min_value=1, max_value=10),
        st.integers(min_value=0, max_value=70),
    ),
    min_size=1,
    max_size=10,
)


@pytest.fixture
def library(make_library: LibraryFactory) -> Library:
    return fixture_library(make_library)


def _act(library: Library, plan: Plan, action: str, number: int, offset: int) -> Plan:
    """Apply one command to *plan* (in place, or the edited plan for `edit`)."""
    day = TODAY + dt.timedelta(days=offset)
    if action == "edit":
        request = edited_request(plan, EDITS[(number + offset) % len(EDITS)])
        return replan(library, plan, request, now=clock.now(), today=TODAY).plan
    if action in ("reschedule", "cascade"):
        reschedule_session(plan, number, date=day, today=TODAY, cascade=action == "cascade")
    elif action == "overdue":
        reschedule_overdue(plan, today=TODAY)
    elif action.startswith("amend-"):
        status: Any = action.removeprefix("amend-")
        amend_session(plan, number, status=status, why="fuzz", today=TODAY)
    elif action == "closure":
        add_closure(plan, day, day + dt.timedelta(days=number), reason="fuzz")
    elif action in ("pause", "resume", "complete"):
        target: Any = {"pause": "paused", "resume": "active", "complete": "completed"}[action]
        change_status(plan, target, reason="fuzz", today=TODAY)
    else:
        outcome: Any = action
        record_session(plan, number, status=outcome, today=TODAY)
    return plan


def _record(session: PlannedSession) -> tuple[object, ...]:
    return (
        session.module, session.session, session.catch_up, session.date, session.status,
        session.notes, session.absence, session.cancelled_by,
    )  # fmt: skip


def _placed(before: Plan, after: Plan, chosen: dt.date | None) -> list[PlannedSession]:
    """Planned sessions the command dated anew (not the one dated by the facilitator)."""
    had = {(s.module, s.session, s.date) for s in before.sessions if s.status == "planned"}
    return [
        s
        for s in after.sessions
        if s.status == "planned" and (s.module, s.session, s.date) not in had and s.date != chosen
    ]


@settings(
    max_examples=60,
    deadline=dt.timedelta(seconds=5),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    start=st.dates(min_value=dt.date(2026, 8, 3), max_value=dt.date(2026, 12, 28)),
    schedule=SCHEDULES,
    holidays=st.sampled_from(["england-and-wales", "scotland", "none"]),
    needs=st.sampled_from([("need-a",), ("need-b",), ("need-a", "need-b")]),
    actions=ACTIONS,
)
def test_random_plans_keep_every_rule_through_any_commands(
    library: Library,
    tmp_path: Path,
    start: dt.date,
    schedule: tuple[str, tuple[str, ...]],
    holidays: str,
    needs: tuple[str, ...],
    actions: list[tuple[str, int, int]],
) -> None:
    # Any plan, any commands (record, amend, reschedule, overdue, closure, status, edit):
    # no traceback; plan check finds nothing (numbers follow dates, ...); recorded sessions
    # never change unless amended (then only the one); nothing placed on a holiday or in a
    # closure; the file always parses back to the same plan.
    cadence, weekdays = schedule
    plan = make_plan(
        library, start=start, needs=needs, cadence=cadence, weekdays=weekdays, holidays=holidays
    )
    path = tmp_path / "P-0042.toml"
    write_plan(path, plan, replace=True)
    for action, number, offset in actions:
        before = plan.model_copy(deep=True)
        try:
            plan = _act(library, plan, action, number, offset)
        except HiiPlannerError:
            assert plan == before, f"{action} failed but changed the plan"
            continue

        assert plan_inconsistencies(plan, today=TODAY) == [], action
        kept = Counter(
            _record(s)
            for s in before.sessions
            if s.status != "planned" and not (action == "resume" and s.status == "cancelled")
        )
        now = Counter(_record(s) for s in plan.sessions if s.status != "planned")
        lost = kept - now
        assert len(lost) <= (1 if action.startswith("amend-") else 0), (action, lost)

        chosen = TODAY + dt.timedelta(days=offset) if action in ("reschedule", "cascade") else None
        for session in _placed(before, plan, chosen):
            assert holiday_name(plan.schedule.holidays, session.date) is None, (action, session)
            assert closure_on(plan.schedule, session.date) is None, (action, session)

        write_plan(path, plan, replace=True)
        assert read_plan(path) == plan
