"""Progress: delivered of total, catch-ups, overdue and next sessions, module completion."""

from __future__ import annotations

import datetime as dt

import pytest

from hii_planner import Library, Plan, plan_progress, record_session
from tests.conftest import LibraryFactory, fixture_library, make_plan

LATER = dt.date(2027, 6, 1)  # every session of the plan is in the past


@pytest.fixture
def plan(make_library: LibraryFactory) -> Plan:
    # intro 1-2, middle 3-5, other 6-7, ending 8; weekly on Mondays from 2 Nov 2026.
    library: Library = fixture_library(make_library)
    return make_plan(library, start=dt.date(2026, 11, 2))


def _record(plan: Plan, *records: tuple[int, str]) -> None:
    # Each session is recorded on its own day, as facilitators do.
    for number, status in records:
        on_the_day = plan.sessions[number - 1].date
        record_session(plan, number, status=status, today=on_the_day)  # type: ignore[arg-type]


def _modules(plan: Plan) -> dict[str, tuple[int, int, bool]]:
    progress = plan_progress(plan, today=LATER)
    return {m.id: (m.delivered, m.total, m.complete) for m in progress.modules}


@pytest.mark.parametrize(
    ("records", "middle"),
    [
        pytest.param(
            [(3, "delivered"), (4, "delivered"), (5, "delivered")], (3, 3, True), id="all-delivered"
        ),
        pytest.param([(3, "delivered"), (4, "delivered")], (2, 3, False), id="one-to-go"),
        # 4 missed -> catch-up is session 5 (delivered), old 5 is now 6.
        pytest.param(
            [(3, "delivered"), (4, "missed"), (5, "delivered"), (6, "delivered")],
            (3, 3, True),
            id="made-up-by-catch-up",
        ),
        pytest.param(
            [(3, "delivered"), (4, "missed"), (6, "delivered")],
            (2, 3, False),
            id="catch-up-still-planned",
        ),
        # 4 missed -> catch-up 5 missed -> catch-up 6 delivered; old 5 is now 7.
        pytest.param(
            [(3, "delivered"), (4, "missed"), (5, "missed"), (6, "delivered"), (7, "delivered")],
            (3, 3, True),
            id="second-catch-up",
        ),
        pytest.param(
            [(3, "delivered"), (4, "cancelled"), (5, "delivered")],
            (2, 2, True),
            id="cancelled-does-not-count",
        ),
        pytest.param(
            [(3, "cancelled"), (4, "cancelled"), (5, "cancelled")],
            (0, 0, False),
            id="all-cancelled-is-not-complete",
        ),
    ],
)
def test_module_completion_rolls_up_catch_ups(
    plan: Plan, records: list[tuple[int, str]], middle: tuple[int, int, bool]
) -> None:
    # A module is complete when each session that counts is delivered or made up.
    _record(plan, *records)
    assert _modules(plan)["middle"] == middle
    assert _modules(plan)["intro"] == (0, 2, False)


def test_counts_of_a_plan_with_every_kind_of_record(plan: Plan) -> None:
    # Delivered counts made-up sessions once; catch-ups and cancelled ones are not in the total.
    _record(plan, (1, "delivered"), (2, "missed"), (3, "delivered"), (4, "delivered"))
    # 2 missed -> catch-up 3 (delivered), old 3 -> 4 (delivered); old 4 is now 5.
    record_session(plan, 5, status="delivered", today=LATER, not_engaged=True)
    record_session(plan, 6, status="missed", today=plan.sessions[5].date, not_engaged=True)
    # 6 missed -> catch-up 7 (planned); old 6.. -> 8..
    record_session(plan, 8, status="cancelled", today=LATER)
    progress = plan_progress(plan, today=dt.date(2026, 12, 20))
    assert (
        progress.delivered,
        progress.total,
        progress.missed,
        progress.caught_up,
        progress.cancelled,
        progress.planned,
    ) == (4, 7, 2, 1, 1, 3)
    assert [s.number for s in progress.engagement_concerns] == [5, 6]
    assert [(s.number, s.date.isoformat()) for s in progress.overdue] == [(7, "2026-12-14")]
    assert progress.next_session is not None
    assert (progress.next_session.number, progress.next_session.date.isoformat()) == (
        9,
        "2027-01-04",
    )
    assert [m.id for m in progress.modules_complete] == ["intro"]
    assert not progress.complete


def test_a_plan_is_complete_when_every_session_is_delivered(plan: Plan) -> None:
    # All delivered: complete, nothing next, nothing overdue.
    _record(plan, *((n, "delivered") for n in range(1, 9)))
    progress = plan_progress(plan, today=LATER)
    assert progress.complete and (progress.delivered, progress.total) == (8, 8)
    assert progress.next_session is None and progress.overdue == ()
    assert len(progress.modules_complete) == 4


def test_next_session_is_today_or_later_and_overdue_is_before_today(plan: Plan) -> None:
    # On the day of session 3, sessions 1-2 (unrecorded) are overdue and 3 is next.
    progress = plan_progress(plan, today=dt.date(2026, 11, 16))
    assert [s.number for s in progress.overdue] == [1, 2]
    assert progress.next_session is not None and progress.next_session.number == 3
