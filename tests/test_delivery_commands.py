"""Delivery as services record it: outcomes, corrections, closures, overdue sessions, status."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hii_planner import (
    DeliveryError,
    Library,
    Plan,
    add_closure,
    amend_in_file,
    amend_session,
    apply_in_file,
    change_status,
    clock,
    plan_progress,
    read_plan,
    record_session,
    reschedule_overdue,
    write_plan,
)
from hii_planner.plans.limits import MAX_NOTE_CHARS
from hii_planner.plans.status import status_history
from tests.conftest import LibraryFactory, dates, fixture_library, make_plan

MON_2_NOV = dt.date(2026, 11, 2)
TODAY = dt.date(2026, 11, 18)  # the frozen "today" (a Wednesday)


@pytest.fixture
def library(make_library: LibraryFactory) -> Library:
    return fixture_library(make_library)


@pytest.fixture
def plan(library: Library) -> Plan:
    return make_plan(library, start=MON_2_NOV, facilitators=("Lead A", "Co B"))


# --- attendance outcomes ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "options", "expected", "summary"),
    [
        pytest.param(
            "delivered",
            {},
            ("delivered", ["Lead A", "Co B"], "", None),
            "session 2 delivered (2026-11-09)",
            id="delivered-by-the-plans-facilitators",
        ),
        pytest.param(
            "delivered",
            {"facilitators": ["Cover C"]},
            ("delivered", ["Cover C"], "", None),
            "session 2 delivered (2026-11-09) by Cover C",
            id="delivered-by-cover",
        ),
        pytest.param(
            "missed",
            {"absence": "acceptable"},
            ("missed", [], "acceptable", None),
            "session 2 missed (2026-11-09), acceptable absence; catch-up added as session 4 "
            "(2026-11-23); 5 sessions moved",
            id="acceptable-absence",
        ),
        pytest.param(
            "missed",
            {"absence": "unacceptable"},
            ("missed", [], "unacceptable", None),
            "session 2 missed (2026-11-09), unacceptable absence; catch-up added as session 4 "
            "(2026-11-23); 5 sessions moved",
            id="unacceptable-absence",
        ),
        pytest.param(
            "cancelled",
            {"by": "participant"},
            ("cancelled", [], "", "participant"),
            "session 2 cancelled by the participant (2026-11-09); nothing moved",
            id="cancelled-by-the-participant",
        ),
        pytest.param(
            "cancelled",
            {"by": "service"},
            ("cancelled", [], "", "service"),
            "session 2 cancelled by the service (2026-11-09); nothing moved",
            id="cancelled-by-the-service",
        ),
    ],
)
def test_outcomes_are_recorded_as_probation_records_them(
    plan: Plan,
    status: str,
    options: dict[str, object],
    expected: tuple[object, ...],
    summary: str,
) -> None:
    # Each outcome keeps who delivered it, the kind of absence, or who cancelled.
    change = record_session(plan, 2, status=status, today=TODAY, **options)  # type: ignore[arg-type]
    session = plan.sessions[1]
    assert (session.status, session.facilitators, session.absence, session.cancelled_by) == (
        expected
    )
    assert change.summary == summary


@pytest.mark.parametrize(
    ("status", "options", "message"),
    [
        pytest.param(
            "delivered",
            {"absence": "acceptable"},
            "--absence is for missed sessions, not delivered ones",
            id="absence-with-delivered",
        ),
        pytest.param(
            "missed",
            {"by": "service"},
            "--by is for cancelled sessions, not missed ones",
            id="by-with-missed",
        ),
        pytest.param(
            "cancelled",
            {"facilitators": ["Lead A"]},
            "--facilitator records who delivered a session; it is not for cancelled sessions",
            id="facilitator-with-cancelled",
        ),
        pytest.param(
            "delivered",
            {"facilitators": ["A", "B", "C"]},
            "a session is delivered by one or two facilitators, not 3",
            id="three-facilitators",
        ),
        pytest.param(
            "delivered",
            {"note": "x" * (MAX_NOTE_CHARS + 1)},
            "the note is 4,001 characters; the limit is 4,000, and nothing was changed",
            id="note-too-long",
        ),
        pytest.param(
            "delivered",
            {"note": "ok\x1b[31m"},
            "the note holds a control character, which is not allowed: U+001B (escape); "
            "nothing was changed",
            id="control-character",
        ),
    ],
)
def test_outcome_options_that_make_no_sense_are_refused(
    plan: Plan, status: str, options: dict[str, object], message: str
) -> None:
    # An option that belongs to another outcome is refused and nothing changes.
    before = plan.model_copy(deep=True)
    with pytest.raises(DeliveryError) as raised:
        record_session(plan, 2, status=status, today=TODAY, **options)  # type: ignore[arg-type]
    assert str(raised.value) == message
    assert plan == before


def test_a_tracks_provider_is_the_default_facilitator(plan: Plan) -> None:
    # Sessions delivered by another provider record that provider unless told otherwise.
    plan.sessions[1].provider = "Specialist adviser"
    record_session(plan, 2, status="delivered", today=TODAY)
    assert plan.sessions[1].facilitators == ["Specialist adviser"]


# --- corrections -----------------------------------------------------------------------


def test_amend_missed_to_delivered_removes_the_planned_catch_up(plan: Plan) -> None:
    # Missed → delivered: the catch-up that is still planned goes; before is kept.
    record_session(plan, 2, status="missed", today=TODAY, absence="acceptable")
    assert len(plan.sessions) == 9
    change = amend_session(plan, 2, status="delivered", why="attended after all", today=TODAY)
    assert len(plan.sessions) == 8 and not any(s.catch_up for s in plan.sessions)
    session = plan.sessions[1]
    assert (session.status, session.absence, session.facilitators) == (
        "delivered",
        "",
        ["Lead A", "Co B"],
    )
    assert change.summary == (
        "session 2 amended: missed → delivered; facilitators corrected; "
        "its planned catch-up (2026-11-23) removed"
    )
    assert change.why == "attended after all"
    assert change.before is not None
    assert (change.before.status, change.before.absence) == ("missed", "acceptable")


def test_amend_delivered_to_missed_adds_a_catch_up(plan: Plan) -> None:
    # Delivered → missed: a catch-up is added from today, numbered by its date.
    record_session(plan, 1, status="delivered", today=TODAY, note="Good start.")
    change = amend_session(
        plan, 1, status="missed", absence="unacceptable", why="wrong session", today=TODAY
    )
    assert change.summary == (
        "session 1 amended: delivered → missed; absence corrected; "
        "catch-up added as session 4 (2026-11-23); 5 sessions moved"
    )
    assert (plan.sessions[0].status, plan.sessions[0].facilitators) == ("missed", [])
    assert plan.sessions[3].catch_up and plan.sessions[3].session == plan.sessions[0].session
    assert change.before is not None and change.before.facilitators == ["Lead A", "Co B"]
    assert change.before.notes == "Good start."


def test_amend_a_date_renumbers_by_date(plan: Plan) -> None:
    # Correcting the day a session took place keeps numbers following dates.
    record_session(plan, 3, status="delivered", today=TODAY)
    change = amend_session(plan, 3, date=dt.date(2026, 11, 3), why="typo in the date", today=TODAY)
    assert change.summary == "session 3 amended; date corrected; now session 2"
    assert [s.date for s in plan.sessions] == sorted(s.date for s in plan.sessions)


@pytest.mark.parametrize(
    ("number", "options", "message"),
    [
        pytest.param(
            5,
            {"status": "delivered"},
            "session 5 is still planned; only a recorded session can be amended",
            id="planned-session",
        ),
        pytest.param(1, {}, "nothing to amend for session 1", id="nothing-given"),
        pytest.param(
            1,
            {"status": "delivered"},
            "session 1 already holds these values; nothing was changed",
            id="same-values",
        ),
        pytest.param(
            1,
            {"absence": "acceptable"},
            "--absence is for missed sessions, not delivered ones",
            id="absence-on-delivered",
        ),
        pytest.param(
            1,
            {"date": dt.date(2026, 11, 30)},
            "session 1 cannot be recorded as delivered on 2026-11-30: that date is in the "
            "future (today is 2026-11-18)",
            id="future-date",
        ),
        pytest.param(
            1, {"status": "missed", "why": "  "}, "an amendment needs a reason", id="no-reason"
        ),
    ],
)
def test_amends_that_make_no_sense_are_refused(
    plan: Plan, number: int, options: dict[str, object], message: str
) -> None:
    # A bad correction says what is allowed and changes nothing.
    record_session(plan, 1, status="delivered", today=TODAY)
    before = plan.model_copy(deep=True)
    arguments: dict[str, object] = {"why": "a correction", **options}
    with pytest.raises(DeliveryError) as raised:
        amend_session(plan, number, today=TODAY, **arguments)  # type: ignore[arg-type]
    assert str(raised.value) == message
    assert plan == before


def test_an_amendment_keeps_what_it_replaced_in_the_file(library: Library, tmp_path: Path) -> None:
    # The history entry carries why and before, and the file reads back.
    path = tmp_path / "P-0042.toml"
    plan = make_plan(library, start=MON_2_NOV)
    record_session(plan, 1, status="delivered", today=TODAY, note="First")
    write_plan(path, plan)
    amend_in_file(path, 1, why="wrong note", note="Second", now=clock.now(), today=TODAY)
    saved = read_plan(path)
    entry = saved.history[-1]
    assert (entry.change, entry.why) == ("session 1 amended; note corrected", "wrong note")
    assert entry.before is not None and entry.before.notes == "First"
    assert saved.sessions[0].notes == "Second"


# --- closures --------------------------------------------------------------------------


def test_a_christmas_closure_moves_two_plans_and_leaves_records_alone(library: Library) -> None:
    # The same closure in two running plans: planned sessions inside move after it,
    # the later ones follow; a delivered session is never moved.
    weekly = make_plan(library, start=dt.date(2026, 11, 30))
    twice = make_plan(
        library, start=dt.date(2026, 11, 30), cadence="twice-weekly", weekdays=("mon", "thu")
    )
    record_session(weekly, 1, status="delivered", today=dt.date(2026, 11, 30))
    christmas = (dt.date(2026, 12, 21), dt.date(2027, 1, 3))
    change = add_closure(weekly, *christmas, reason="establishment closure")
    assert change.summary == (
        "closure 2026-12-21..2027-01-03 (establishment closure) added; "
        "1 session inside it, 5 sessions moved"
    )
    assert change.why == "establishment closure"
    assert dates(weekly) == [
        "2026-11-30", "2026-12-07", "2026-12-14", "2027-01-04",
        "2027-01-11", "2027-01-18", "2027-01-25", "2027-02-01",
    ]  # fmt: skip
    add_closure(twice, *christmas, reason="establishment closure")
    assert not any(christmas[0] <= s.date <= christmas[1] for s in twice.sessions)
    assert dates(twice)[:6] == [
        "2026-11-30", "2026-12-03", "2026-12-07", "2026-12-10", "2026-12-14", "2026-12-17",
    ]  # fmt: skip
    assert dates(twice)[6:] == ["2027-01-04", "2027-01-07"]


def test_catch_ups_and_overdue_reschedules_respect_closures(plan: Plan) -> None:
    # After a closure, no slot search lands inside it.
    add_closure(plan, dt.date(2026, 11, 19), dt.date(2026, 11, 29))
    record_session(plan, 2, status="missed", today=TODAY)
    catch_up = next(s for s in plan.sessions if s.catch_up)
    assert catch_up.date == dt.date(2026, 11, 30)
    reschedule_overdue(plan, today=TODAY)
    assert all(not dt.date(2026, 11, 19) <= s.date <= dt.date(2026, 11, 29) for s in plan.sessions)


def test_a_closure_that_ends_before_it_starts_is_refused(plan: Plan) -> None:
    # A backwards period says how to write one.
    with pytest.raises(DeliveryError, match="ends before it starts"):
        add_closure(plan, dt.date(2027, 1, 3), dt.date(2026, 12, 21))


# --- nothing planned in the past -------------------------------------------------------


def test_overdue_sessions_are_dated_again_from_today_keeping_their_order(plan: Plan) -> None:
    # Sessions 1-3 are overdue on 18 Nov: they and the later ones take the slots from today.
    record_session(plan, 1, status="delivered", today=TODAY)
    change = reschedule_overdue(plan, today=TODAY)
    assert change.summary == "2 overdue sessions and 5 later ones dated again from 2026-11-18"
    assert dates(plan) == [
        "2026-11-02", "2026-11-23", "2026-11-30", "2026-12-07",
        "2026-12-14", "2026-12-21", "2027-01-04", "2027-01-11",
    ]  # fmt: skip
    assert plan_progress(plan, today=TODAY).overdue == ()


@pytest.mark.parametrize(
    ("start", "message"),
    [
        pytest.param(
            dt.date(2026, 11, 17),
            "--from 2026-11-17 is in the past (today is 2026-11-18); nothing is planned in the past",
            id="from-in-the-past",
        ),
    ],
)
def test_overdue_from_a_bad_day_is_refused(plan: Plan, start: dt.date, message: str) -> None:
    # --from may not be in the past.
    with pytest.raises(DeliveryError) as raised:
        reschedule_overdue(plan, today=TODAY, start=start)
    assert str(raised.value) == message


def test_nothing_overdue_is_said_plainly(plan: Plan) -> None:
    # With every past session recorded there is nothing to move.
    for number in (1, 2, 3):
        record_session(plan, number, status="delivered", today=TODAY)
    with pytest.raises(DeliveryError, match="no planned session is overdue"):
        reschedule_overdue(plan, today=TODAY)


# --- the plan's status -----------------------------------------------------------------


def test_pause_resume_complete(plan: Plan) -> None:
    # Paused: nothing overdue. Active again from D: the rest is dated from D.
    # Completed: the rest is cancelled as "plan closed" and recording is refused.
    record_session(plan, 1, status="delivered", today=TODAY)
    change_status(plan, "paused", reason="in hospital", today=TODAY)
    assert plan.status == "paused"
    assert plan_progress(plan, today=TODAY).overdue == ()
    with pytest.raises(DeliveryError, match="the plan is paused, so nothing is overdue"):
        reschedule_overdue(plan, today=TODAY)
    change = change_status(
        plan, "active", reason="discharged", today=TODAY, start=dt.date(2027, 1, 4)
    )
    assert change.summary == "status: paused → active; 7 sessions dated again from 2027-01-04"
    assert dates(plan)[1:3] == ["2027-01-04", "2027-01-11"]
    change = change_status(plan, "completed", reason="goals met", today=TODAY)
    assert change.summary == "status: active → completed; 7 planned sessions cancelled"
    assert {s.cancelled_by for s in plan.sessions[1:]} == {"plan closed"}
    with pytest.raises(DeliveryError, match="cannot be recorded until it is active again"):
        record_session(plan, 1, status="delivered", today=TODAY)
    change_status(plan, "active", reason="reopened", today=TODAY)
    assert [s.status for s in plan.sessions[1:]] == ["planned"] * 7


@pytest.mark.parametrize(
    ("steps", "status", "options", "message"),
    [
        pytest.param(
            [], "active", {}, "the plan is already active; nothing was changed", id="same-status"
        ),
        pytest.param(
            [("completed", {})],
            "paused",
            {},
            "a completed plan cannot become paused; it can become active",
            id="paused-from-completed",
        ),
        pytest.param(
            [],
            "paused",
            {"start": dt.date(2026, 12, 1)},
            "--from is for making a plan active again (the day its sessions restart)",
            id="from-with-pause",
        ),
        pytest.param(
            [("paused", {})],
            "active",
            {"start": dt.date(2026, 11, 1)},
            "--from 2026-11-01 is in the past (today is 2026-11-18); nothing is planned in the past",
            id="from-in-the-past",
        ),
        pytest.param(
            [], "paused", {"reason": ""}, "a status change needs a reason", id="no-reason"
        ),
    ],
)
def test_status_changes_that_are_not_allowed_say_what_is(
    plan: Plan,
    steps: list[tuple[str, dict[str, object]]],
    status: str,
    options: dict[str, object],
    message: str,
) -> None:
    # A refused status change names the statuses that are allowed and changes nothing.
    for step, extra in steps:
        change_status(plan, step, reason="step", today=TODAY, **extra)  # type: ignore[arg-type]
    before = plan.model_copy(deep=True)
    arguments: dict[str, object] = {"reason": "a reason", **options}
    with pytest.raises(DeliveryError) as raised:
        change_status(plan, status, today=TODAY, **arguments)  # type: ignore[arg-type]
    assert str(raised.value) == message
    assert plan == before


def test_from_before_the_last_recorded_session_is_refused(plan: Plan) -> None:
    # Restarting before a session that already took place makes no sense.
    record_session(plan, 3, status="delivered", today=TODAY, date=dt.date(2026, 11, 18))
    change_status(plan, "paused", reason="break", today=dt.date(2026, 11, 10))
    with pytest.raises(DeliveryError, match="is before the last recorded session"):
        change_status(
            plan, "active", reason="back", today=dt.date(2026, 11, 10), start=dt.date(2026, 11, 12)
        )


def test_the_status_history_is_read_back_from_the_file(library: Library, tmp_path: Path) -> None:
    # Each status change is a history entry with its reason, read back in order.
    path = tmp_path / "P-0042.toml"
    write_plan(path, make_plan(library, start=MON_2_NOV))
    for status, reason in (("paused", "in hospital"), ("active", "discharged")):
        apply_in_file(
            path,
            lambda p, s=status, r=reason: change_status(p, s, reason=r, today=TODAY),  # type: ignore[misc]
            now=clock.now(),
        )
    changes = status_history(read_plan(path))
    assert [(c.before, c.after, c.why) for c in changes] == [
        ("active", "paused", "in hospital"),
        ("paused", "active", "discharged"),
    ]
