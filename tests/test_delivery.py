"""Delivery rules: recording sessions, catch-ups, rescheduling, and safe plan writes."""

from __future__ import annotations

import datetime as dt
import os
import stat
import tempfile
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hii_planner import (
    DeliveryError,
    FileAccessError,
    Library,
    Plan,
    StalePlanError,
    add_closure,
    amend_session,
    change_status,
    clock,
    dumps_plan,
    read_plan,
    record_in_file,
    record_session,
    reschedule_in_file,
    reschedule_overdue,
    reschedule_session,
    update_plan,
    write_plan,
)
from hii_planner.plans.calendar import closure_on, holiday_name
from hii_planner.plans.ordering_rules import library_dependencies
from tests.conftest import LibraryFactory, dates, fixture_library, make_plan

MON_2_NOV = dt.date(2026, 11, 2)  # 8 weekly Monday sessions, the last on 21 Dec 2026
TODAY = dt.date(2026, 11, 18)  # the frozen clock's day (a Wednesday)
ORIGINAL = [
    "2026-11-02",
    "2026-11-09",
    "2026-11-16",
    "2026-11-23",
    "2026-11-30",
    "2026-12-07",
    "2026-12-14",
    "2026-12-21",
]


@pytest.fixture
def library(make_library: LibraryFactory) -> Library:
    return fixture_library(make_library)


@pytest.fixture
def plan(library: Library) -> Plan:
    plan = make_plan(library, start=MON_2_NOV)
    assert dates(plan) == ORIGINAL
    return plan


# --- recording -------------------------------------------------------------------------


def test_delivered_defaults_to_the_planned_date_and_keeps_the_note(plan: Plan) -> None:
    # Delivered: the planned date is kept, the note and the engagement flag are recorded.
    outcome = record_session(
        plan, 2, status="delivered", today=TODAY, note="  Good start.  ", not_engaged=True
    )
    session = plan.sessions[1]
    assert (session.status, session.date.isoformat(), session.notes) == (
        "delivered",
        "2026-11-09",
        "Good start.",
    )
    assert session.engagement_concern is True
    assert outcome.summary == "session 2 delivered (2026-11-09); engagement concern"
    assert dates(plan) == ORIGINAL


def test_delivered_on_another_day_records_that_day_and_moves_nothing_else(plan: Plan) -> None:
    # Delivered with --date: the session's date becomes the day it took place.
    outcome = record_session(plan, 3, status="delivered", today=TODAY, date=dt.date(2026, 11, 17))
    assert outcome.summary == "session 3 delivered (2026-11-17)"
    assert dates(plan) == [*ORIGINAL[:2], "2026-11-17", *ORIGINAL[3:]]
    assert plan.sessions[2].engagement_concern is False


def test_cancelled_moves_nothing(plan: Plan) -> None:
    # Cancelled: marked cancelled, no catch-up, no session moves.
    outcome = record_session(plan, 4, status="cancelled", today=TODAY, note="Room unavailable")
    assert outcome.summary == "session 4 cancelled (2026-11-23); nothing moved"
    assert [s.status for s in plan.sessions].count("cancelled") == 1
    assert len(plan.sessions) == 8
    assert dates(plan) == ORIGINAL
    assert plan.sessions[3].notes == "Room unavailable"


def test_missed_adds_a_catch_up_and_moves_later_sessions_past_the_boxing_day_holiday(
    plan: Plan,
) -> None:
    # Missed: the session stays missed, its catch-up takes the next slot, the later
    # planned sessions move one slot on and skip Mon 28 Dec 2026 (Boxing Day observed).
    outcome = record_session(plan, 3, status="missed", today=TODAY, note="Unwell")
    assert outcome.summary == (
        "session 3 missed (2026-11-16); catch-up added as session 4 (2026-11-23); 5 sessions moved"
    )
    assert [s.number for s in plan.sessions] == list(range(1, 10))
    assert [(s.module, s.session, s.status, s.catch_up) for s in plan.sessions[2:4]] == [
        ("middle", "s1", "missed", False),
        ("middle", "s1", "planned", True),
    ]
    assert dates(plan) == [*ORIGINAL, "2027-01-04"]
    assert holiday_name("england-and-wales", dt.date(2026, 12, 28)) is not None
    assert plan.sessions[2].notes == "Unwell"
    assert plan.sessions[3].notes == ""


def test_missed_across_easter_keeps_the_rhythm_of_a_friday_plan(library: Library) -> None:
    # Good Friday 26 Mar 2027 is skipped when the sessions after a missed one move.
    plan = make_plan(library, start=dt.date(2027, 3, 5), weekdays=["fri"])
    assert dates(plan)[:4] == ["2027-03-05", "2027-03-12", "2027-03-19", "2027-04-02"]
    record_session(plan, 2, status="missed", today=dt.date(2027, 3, 12))
    assert dates(plan)[:6] == [
        "2027-03-05",
        "2027-03-12",
        "2027-03-19",  # the catch-up
        "2027-04-02",  # old session 3, one slot on, past Good Friday
        "2027-04-09",
        "2027-04-16",
    ]


def test_missed_leaves_recorded_sessions_where_they_are(plan: Plan) -> None:
    # Delivered, missed and cancelled sessions never move; only planned ones do,
    # a moved session never lands on a recorded session's day, and numbers follow dates.
    outcome = record_session(plan, 5, status="delivered", today=TODAY, date=dt.date(2026, 11, 10))
    assert outcome.summary == "session 5 delivered (2026-11-10), now session 3"
    record_session(plan, 6, status="cancelled", today=TODAY)
    outcome = record_session(plan, 4, status="missed", today=TODAY)
    assert outcome.summary.endswith("; 3 sessions moved")
    assert [
        (s.number, s.session, s.status, s.catch_up, s.date.isoformat()) for s in plan.sessions
    ] == [
        (1, "s1", "planned", False, "2026-11-02"),
        (2, "s2", "planned", False, "2026-11-09"),
        (3, "s3", "delivered", False, "2026-11-10"),
        (4, "s1", "missed", False, "2026-11-16"),
        (5, "s1", "planned", True, "2026-11-23"),
        (6, "s2", "planned", False, "2026-11-30"),
        (7, "s1", "cancelled", False, "2026-12-07"),
        (8, "s2", "planned", False, "2026-12-21"),
        (9, "s1", "planned", False, "2027-01-04"),
    ]


def test_a_missed_catch_up_gets_its_own_catch_up(plan: Plan) -> None:
    # A catch-up that is missed too is made up by another catch-up, later again.
    record_session(plan, 1, status="missed", today=TODAY)
    assert [(s.session, s.catch_up, s.date.isoformat()) for s in plan.sessions[3:5]] == [
        ("s1", True, "2026-11-23"),
        ("s2", False, "2026-11-30"),
    ]
    record_session(plan, 4, status="missed", today=dt.date(2026, 11, 23))
    assert [(s.session, s.status, s.catch_up) for s in plan.sessions[3:5]] == [
        ("s1", "missed", True),
        ("s1", "planned", True),
    ]
    assert dates(plan)[3:5] == ["2026-11-23", "2026-11-30"]


def test_catch_ups_queue_in_the_order_sessions_were_missed(plan: Plan) -> None:
    # Two misses recorded late: the second catch-up comes after the first.
    record_session(plan, 1, status="missed", today=TODAY)
    outcome = record_session(plan, 2, status="missed", today=TODAY)
    assert outcome.summary == (
        "session 2 missed (2026-11-09); catch-up added as session 5 (2026-11-30); 5 sessions moved"
    )
    catch_ups = [(s.number, s.session, s.date.isoformat()) for s in plan.sessions if s.catch_up]
    assert catch_ups == [(4, "s1", "2026-11-23"), (5, "s2", "2026-11-30")]


def test_a_late_recording_puts_the_catch_up_in_the_future_and_numbers_follow_dates(
    library: Library,
) -> None:
    # A session missed eight weeks ago is recorded today: the catch-up is not in the
    # past, and it is numbered after every session dated before it (#12 item 12).
    plan = make_plan(library, start=dt.date(2026, 9, 21))
    today = dt.date(2026, 11, 18)
    for number in range(2, 9):
        record_session(plan, number, status="delivered", today=today)
    outcome = record_session(plan, 1, status="missed", today=today)
    catch_up = next(s for s in plan.sessions if s.catch_up)
    assert catch_up.date == dt.date(2026, 11, 23)
    assert catch_up.number == 9
    assert outcome.summary == (
        "session 1 missed (2026-09-21); catch-up added as session 9 (2026-11-23); 0 sessions moved"
    )
    assert [s.date for s in plan.sessions] == sorted(s.date for s in plan.sessions)
    assert [s.number for s in plan.sessions] == list(range(1, 10))


def test_deliver_two_and_three_then_miss_one_numbers_the_catch_up_after_them(plan: Plan) -> None:
    # #12 item 12: the catch-up is never numbered before sessions dated earlier.
    record_session(plan, 2, status="delivered", today=TODAY)
    record_session(plan, 3, status="delivered", today=TODAY)
    record_session(plan, 1, status="missed", today=TODAY)
    assert [(s.number, s.status, s.catch_up, s.date.isoformat()) for s in plan.sessions[:5]] == [
        (1, "missed", False, "2026-11-02"),
        (2, "delivered", False, "2026-11-09"),
        (3, "delivered", False, "2026-11-16"),
        (4, "planned", True, "2026-11-23"),
        (5, "planned", False, "2026-11-30"),
    ]


@pytest.mark.parametrize(
    ("number", "status", "options", "message"),
    [
        pytest.param(
            9,
            "delivered",
            {},
            "there is no session 9: this plan has sessions 1 to 8",
            id="unknown-number",
        ),
        pytest.param(
            4,
            "delivered",
            {},
            "session 4 cannot be recorded as delivered on 2026-11-23: "
            "its planned date 2026-11-23 is in the future (today is 2026-11-18)",
            id="future-planned-date",
        ),
        pytest.param(
            2,
            "delivered",
            {"date": dt.date(2026, 11, 19)},
            "session 2 cannot be recorded as delivered on 2026-11-19: "
            "that date is in the future (today is 2026-11-18)",
            id="future-given-date",
        ),
        pytest.param(
            5,
            "missed",
            {},
            "session 5 cannot be recorded as missed on 2026-11-30: "
            "its planned date 2026-11-30 is in the future (today is 2026-11-18)",
            id="missed-in-the-future",
        ),
        pytest.param(
            5,
            "cancelled",
            {"date": dt.date(2026, 11, 18)},
            "--date is for delivered and missed sessions; a cancelled session keeps its planned date",
            id="cancelled-with-date",
        ),
        pytest.param(
            5,
            "cancelled",
            {"not_engaged": True},
            "--not-engaged is for delivered and missed sessions, not cancelled ones",
            id="cancelled-not-engaged",
        ),
    ],
)
def test_refused_records_say_why_and_change_nothing(
    plan: Plan, number: int, status: str, options: dict[str, object], message: str
) -> None:
    # Bad records are refused with a message naming the session and the rule.
    before = plan.model_copy(deep=True)
    with pytest.raises(DeliveryError) as raised:
        record_session(plan, number, status=status, today=TODAY, **options)  # type: ignore[arg-type]
    assert str(raised.value) == message
    assert plan == before


def test_recording_a_recorded_session_again_is_refused(plan: Plan) -> None:
    # A session is recorded once; the second record names its status and date.
    record_session(plan, 1, status="delivered", today=TODAY)
    with pytest.raises(DeliveryError) as raised:
        record_session(plan, 1, status="missed", today=TODAY)
    assert str(raised.value) == (
        "session 1 is already recorded as delivered (2026-11-02); nothing was changed"
    )
    assert raised.value.hint is not None and "plan amend FILE 1 --why" in raised.value.hint


def test_an_empty_plan_says_it_has_no_sessions(plan: Plan) -> None:
    # An unknown number in a plan without sessions says so.
    plan.sessions.clear()
    with pytest.raises(DeliveryError, match=r"^there is no session 1: this plan has no sessions$"):
        record_session(plan, 1, status="delivered", today=TODAY)


# --- rescheduling ----------------------------------------------------------------------


def test_reschedule_moves_one_session_only(plan: Plan) -> None:
    # Without --cascade only the session itself moves.
    outcome = reschedule_session(plan, 4, date=dt.date(2026, 11, 25), today=TODAY)
    assert outcome.summary == "session 4 moved from 2026-11-23 to 2026-11-25"
    assert outcome.warnings == ()
    assert dates(plan) == [*ORIGINAL[:3], "2026-11-25", *ORIGINAL[4:]]


def test_reschedule_cascade_moves_later_planned_sessions_to_the_following_slots(
    plan: Plan,
) -> None:
    # With --cascade the later planned sessions take the slots after the new date,
    # skipping Boxing Day (observed); a delivered session stays put.
    record_session(plan, 3, status="delivered", today=TODAY, date=dt.date(2026, 11, 17))
    outcome = reschedule_session(plan, 4, date=dt.date(2026, 12, 9), today=TODAY, cascade=True)
    assert (
        outcome.summary == "session 4 moved from 2026-11-23 to 2026-12-09; 4 later sessions moved"
    )
    assert dates(plan) == [
        *ORIGINAL[:2],
        "2026-11-17",  # delivered: never moved
        "2026-12-09",  # a Wednesday, as asked
        "2026-12-14",
        "2026-12-21",
        "2027-01-04",
        "2027-01-11",
    ]
    assert outcome.warnings == ()


def test_reschedule_cascade_can_bring_sessions_forward(plan: Plan) -> None:
    # Cascading to an earlier date pulls the later sessions into consecutive slots.
    reschedule_session(plan, 5, date=dt.date(2027, 1, 11), today=TODAY, cascade=True)
    assert dates(plan)[4:] == ["2027-01-11", "2027-01-18", "2027-01-25", "2027-02-01"]
    outcome = reschedule_session(plan, 5, date=dt.date(2026, 11, 30), today=TODAY, cascade=True)
    assert (
        outcome.summary == "session 5 moved from 2027-01-11 to 2026-11-30; 3 later sessions moved"
    )
    assert dates(plan) == ORIGINAL
    outcome = reschedule_session(plan, 5, date=dt.date(2026, 11, 30), today=TODAY, cascade=True)
    assert outcome.summary == "session 5 stays on 2026-11-30; 0 later sessions moved"


def test_reschedule_onto_a_public_holiday_is_allowed_with_a_warning(plan: Plan) -> None:
    # The facilitator chose the day, so a holiday is accepted, and named.
    outcome = reschedule_session(plan, 8, date=dt.date(2026, 12, 28), today=TODAY)
    assert outcome.warnings == (
        "2026-12-28 is a public holiday in England and Wales (Boxing Day (observed))",
    )
    assert plan.sessions[7].date == dt.date(2026, 12, 28)


@pytest.mark.parametrize(
    ("number", "day", "with_library", "message"),
    [
        pytest.param(
            4,
            dt.date(2026, 12, 7),
            False,
            "moving session 4 to 2026-12-07 would put session 5 (middle/s3, 2026-11-30) "
            "before session 4 (middle/s2, 2026-12-07): an earlier session of the same module",
            id="past-a-later-session-of-its-module",
        ),
        pytest.param(
            7,
            dt.date(2026, 12, 2),
            False,
            "moving session 7 to 2026-12-02 would put session 7 (other/s2, 2026-12-02) "
            "before session 6 (other/s1, 2026-12-07): an earlier session of the same module",
            id="before-an-earlier-session-of-its-module",
        ),
        pytest.param(
            2,
            dt.date(2026, 11, 25),
            True,
            "moving session 2 to 2026-11-25 would put session 3 (middle/s1, 2026-11-16) "
            "before session 2 (intro/s2, 2026-11-25): middle requires intro",
            id="past-a-module-that-requires-it",
        ),
    ],
)
def test_reschedule_out_of_order_is_refused_naming_both_sessions_and_the_rule(
    plan: Plan, library: Library, number: int, day: dt.date, with_library: bool, message: str
) -> None:
    # Order holds: a move that puts a session before one it depends on is refused.
    before = plan.model_copy(deep=True)
    rules = library_dependencies(library) if with_library else None
    with pytest.raises(DeliveryError) as raised:
        reschedule_session(plan, number, date=day, today=TODAY, dependencies=rules)
    assert str(raised.value) == message
    assert raised.value.hint is not None and "--cascade" in raised.value.hint
    assert plan == before


def test_reschedule_past_an_unrelated_session_renumbers_by_date(plan: Plan) -> None:
    # Moving a session past one it does not depend on is fine; numbers follow the dates.
    outcome = reschedule_session(plan, 5, date=dt.date(2026, 12, 8), today=TODAY)
    assert outcome.summary == "session 5 moved from 2026-11-30 to 2026-12-08, now session 6"
    assert [s.number for s in plan.sessions] == list(range(1, 9))
    assert [s.date for s in plan.sessions] == sorted(s.date for s in plan.sessions)


@pytest.mark.parametrize(
    ("number", "day", "message"),
    [
        pytest.param(
            0,
            dt.date(2026, 12, 1),
            "there is no session 0: this plan has sessions 1 to 8",
            id="zero",
        ),
        pytest.param(
            4,
            dt.date(2026, 11, 17),
            "2026-11-17 is in the past (today is 2026-11-18); "
            "a session can only be moved to today or later",
            id="past",
        ),
        pytest.param(
            4,
            dt.date(2026, 11, 23),
            "session 4 is already planned for 2026-11-23; nothing was changed",
            id="same-day",
        ),
        pytest.param(
            1,
            dt.date(2026, 12, 1),
            "session 1 was delivered on 2026-11-02; only planned sessions can be moved",
            id="recorded",
        ),
    ],
)
def test_refused_reschedules_say_why(plan: Plan, number: int, day: dt.date, message: str) -> None:
    # Only planned sessions move, never into the past, and never to where they are.
    record_session(plan, 1, status="delivered", today=TODAY)
    before = plan.model_copy(deep=True)
    with pytest.raises(DeliveryError) as raised:
        reschedule_session(plan, number, date=day, today=TODAY)
    assert str(raised.value) == message
    assert plan == before


# --- invariants ------------------------------------------------------------------------

_ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "delivered",
                "missed",
                "cancelled",
                "reschedule",
                "cascade",
                "overdue",
                "amend-delivered",
                "amend-missed",
                "closure",
                "pause",
                "resume",
                "complete",
            ]
        ),
        st.integers(min_value=1, max_value=14),
        st.integers(min_value=0, max_value=60),
    ),
    max_size=12,
)


def _act(plan: Plan, action: str, number: int, offset: int, today: dt.date) -> None:
    day = today + dt.timedelta(days=offset)
    if action in ("reschedule", "cascade"):
        reschedule_session(plan, number, date=day, today=today, cascade=action == "cascade")
    elif action == "overdue":
        reschedule_overdue(plan, today=today)
    elif action.startswith("amend-"):
        status = action.removeprefix("amend-")
        amend_session(plan, number, status=status, why="fuzz", today=today)  # type: ignore[arg-type]
    elif action == "closure":
        add_closure(plan, day, day + dt.timedelta(days=number), reason="fuzz")
    elif action in ("pause", "resume", "complete"):
        status = {"pause": "paused", "resume": "active", "complete": "completed"}[action]
        change_status(plan, status, reason="fuzz", today=today)  # type: ignore[arg-type]
    else:
        record_session(plan, number, status=action, today=today)  # type: ignore[arg-type]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(actions=_ACTIONS)
def test_delivery_invariants_hold_for_any_sequence_of_commands(
    library: Library, actions: list[tuple[str, int, int]]
) -> None:
    # Whatever is recorded, amended, moved, closed or paused: numbers stay 1..n in date
    # order, recorded sessions never move or disappear unless amended, nothing planned
    # lands on a holiday or in a closure after a move, and the plan always writes and
    # reads back.
    plan = make_plan(library, start=MON_2_NOV)
    today = dt.date(2026, 12, 1)
    for action, number, offset in actions:
        recorded = {id(s): (s.date, s.status) for s in plan.sessions if s.status != "planned"}
        # A date the facilitator chose may be a holiday (accepted with a warning), and it stays.
        chosen = (
            plan.sessions[number - 1]
            if action in ("reschedule", "cascade") and number <= len(plan.sessions)
            else None
        )
        dated = {id(s): s.date for s in plan.sessions}
        try:
            _act(plan, action, number, offset, today)
        except DeliveryError:
            continue
        assert [s.number for s in plan.sessions] == list(range(1, len(plan.sessions) + 1))
        assert [s.date for s in plan.sessions] == sorted(s.date for s in plan.sessions)
        present = {id(s): s for s in plan.sessions}
        for key, (day, status) in recorded.items():
            session = present.get(key)
            assert session is not None, "a recorded session disappeared"
            if not action.startswith("amend-") and not (
                action == "resume" and status == "cancelled"
            ):
                assert (session.date, session.status) == (day, status)
        if action in ("missed", "cascade", "overdue", "closure", "amend-missed", "resume"):
            moved = [
                s
                for s in plan.sessions
                if s.status == "planned"
                and s is not chosen
                and (id(s) not in dated or dated[id(s)] != s.date)
            ]
            assert all(holiday_name("england-and-wales", s.date) is None for s in moved)
            assert all(closure_on(plan.schedule, s.date) is None for s in moved)
        assert Plan.model_validate(tomllib.loads(dumps_plan(plan))) == plan


# --- the plan file ---------------------------------------------------------------------


@pytest.fixture
def plan_file(plan: Plan, tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "P-0042.toml"
    path.parent.mkdir()
    write_plan(path, plan)
    return path


def test_each_write_bumps_the_revision_appends_history_and_stays_private(plan_file: Path) -> None:
    # Every record: revision + 1, one [[history]] entry with the summary, mode 0600.
    record_in_file(plan_file, 1, status="delivered", now=clock.now())
    applied = record_in_file(plan_file, 3, status="missed", now=clock.now())
    plan, outcome = applied.plan, applied.change
    reschedule_in_file(plan_file, 9, date=dt.date(2027, 1, 6), now=clock.now())
    saved = read_plan(plan_file)
    assert saved.revision == 4
    assert [h.change for h in saved.history[1:]] == [
        "session 1 delivered (2026-11-02)",
        outcome.summary,
        "session 9 moved from 2027-01-04 to 2027-01-06",
    ]
    assert all(h.at == clock.now() for h in saved.history)
    assert stat.S_IMODE(plan_file.stat().st_mode) == 0o600
    assert plan.revision == 3


def test_a_refused_record_leaves_the_file_byte_for_byte(plan_file: Path) -> None:
    # A record the rules refuse writes nothing at all.
    before = plan_file.read_bytes()
    with pytest.raises(DeliveryError):
        record_in_file(plan_file, 42, status="delivered", now=clock.now())
    with pytest.raises(DeliveryError):
        record_in_file(plan_file, 8, status="delivered", now=clock.now())
    assert plan_file.read_bytes() == before


def test_a_stale_revision_is_refused(plan_file: Path) -> None:
    # A plan that changed on disk since it was read is not overwritten.
    read_revision = read_plan(plan_file).revision
    record_in_file(plan_file, 1, status="delivered", now=clock.now())
    after_record = plan_file.read_bytes()
    with pytest.raises(StalePlanError) as raised:
        update_plan(plan_file, lambda p: "edit", now=clock.now(), expected_revision=read_revision)
    assert str(raised.value) == (
        f"{plan_file} changed since it was read (revision 1 then, 2 now); nothing was written"
    )
    assert plan_file.read_bytes() == after_record


def test_a_record_whose_session_moved_meanwhile_is_refused(
    plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another command inserted a catch-up between our read and our write: session 4 is
    # now a different session, so recording it would record the wrong one.
    from hii_planner.plans import changes, planfile

    real_update = planfile.update_plan

    def someone_else_first(*args: object, **kwargs: object) -> Plan:
        monkeypatch.setattr(changes, "update_plan", real_update)
        record_in_file(plan_file, 3, status="missed", now=clock.now())
        return real_update(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(changes, "update_plan", someone_else_first)
    with pytest.raises(StalePlanError) as raised:
        record_in_file(plan_file, 4, status="cancelled", now=clock.now())
    assert str(raised.value) == (
        f"{plan_file} changed since it was read (revision 1 then, 2 now); nothing was written"
    )
    assert raised.value.hint == (
        "another command changed session 4 meanwhile; check the numbers with "
        "`hii-planner plan show FILE` and run the command again"
    )
    saved = read_plan(plan_file)
    assert saved.revision == 2
    assert saved.sessions[3].catch_up and saved.sessions[3].status == "planned"


def test_a_record_of_an_unaffected_session_lands_after_another_write(
    plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another command recorded a different session meanwhile: ours still applies.
    from hii_planner.plans import changes, planfile

    real_update = planfile.update_plan

    def someone_else_first(*args: object, **kwargs: object) -> Plan:
        monkeypatch.setattr(changes, "update_plan", real_update)
        record_in_file(plan_file, 1, status="delivered", now=clock.now())
        return real_update(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(changes, "update_plan", someone_else_first)
    record_in_file(plan_file, 2, status="delivered", now=clock.now())
    saved = read_plan(plan_file)
    assert (saved.revision, saved.sessions[0].status, saved.sessions[1].status) == (
        3,
        "delivered",
        "delivered",
    )


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_a_write_into_an_unwritable_folder_leaves_the_plan_intact(plan_file: Path) -> None:
    # No permission to write the folder: a clear error, the plan unchanged, no temp files.
    before = plan_file.read_bytes()
    plan_file.parent.chmod(0o500)
    try:
        with pytest.raises(FileAccessError) as raised:
            record_in_file(plan_file, 1, status="delivered", now=clock.now())
    finally:
        plan_file.parent.chmod(0o700)
    assert "permission denied" in str(raised.value)
    assert plan_file.read_bytes() == before
    assert _leftovers(plan_file.parent) == []


@pytest.mark.parametrize(
    ("module", "name", "error", "message"),
    [
        pytest.param(
            os, "replace", OSError(28, "No space left on device"), "cannot write {file}: "
            "no space left on device", id="rename-fails"
        ),
        pytest.param(
            os, "fsync", OSError(5, "Input/output error"), "cannot write {file}: "
            "input/output error", id="fsync-fails"
        ),
        pytest.param(
            tempfile, "mkstemp", PermissionError(13, "Permission denied"), "cannot write to "
            "{folder}: permission denied", id="folder-not-writable"
        ),
    ],
)  # fmt: skip
def test_a_failed_write_leaves_the_plan_intact_and_no_temp_files(
    plan_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    module: object,
    name: str,
    error: OSError,
    message: str,
) -> None:
    # The disk or the folder refuses the write (simulated, so it works as root too):
    # a clear error, the old plan byte for byte, and no temporary file left behind.
    before = plan_file.read_bytes()

    def refuse(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(module, name, refuse)
    with pytest.raises(FileAccessError) as raised:
        record_in_file(plan_file, 1, status="delivered", now=clock.now())
    monkeypatch.undo()
    assert str(raised.value) == message.format(file=plan_file, folder=plan_file.parent)
    assert plan_file.read_bytes() == before
    assert _leftovers(plan_file.parent) == []
    assert read_plan(plan_file).revision == 1


def test_a_broken_plan_file_is_reported_with_its_line_and_never_modified(plan_file: Path) -> None:
    # A hand-broken plan: the error names file and line; the file stays as it was.
    from hii_planner import PlanFileError

    text = plan_file.read_text(encoding="utf-8").replace('status = "planned"', 'status = "done"', 1)
    plan_file.write_text(text, encoding="utf-8")
    line = text.splitlines().index('status = "done"') + 1
    with pytest.raises(PlanFileError) as raised:
        record_in_file(plan_file, 1, status="delivered", now=clock.now())
    assert any(f"{plan_file}:{line}:" in problem for problem in raised.value.lines())
    assert plan_file.read_text(encoding="utf-8") == text
