"""`plan check` finds what a hand edit breaks; `record` refuses a date long before the plan."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from hii_planner import (
    DeliveryError,
    Library,
    Plan,
    amend_session,
    read_plan,
    record_session,
    write_plan,
)
from hii_planner.plans.consistency import plan_inconsistencies
from tests.conftest import Cli, LibraryFactory, fixture_library, make_plan

TODAY = dt.date(2026, 11, 18)
START = dt.date(2026, 11, 2)  # sessions 1-3 are in the past on TODAY


@pytest.fixture
def library(make_library: LibraryFactory) -> Library:
    return fixture_library(make_library)


@pytest.fixture
def plan(library: Library) -> Plan:
    made = make_plan(library, start=START)
    record_session(made, 1, status="delivered", today=TODAY)
    return made


def swap_dates(plan: Plan) -> None:
    plan.sessions[2].date, plan.sessions[3].date = plan.sessions[3].date, plan.sessions[2].date


def duplicate_module(plan: Plan) -> None:
    plan.modules.append(plan.modules[1].model_copy())


def two_weekdays(plan: Plan) -> None:
    plan.schedule.weekdays = ["mon", "thu"]


def future_delivery(plan: Plan) -> None:
    plan.sessions[0].date = dt.date(2026, 12, 7)
    plan.sessions[0].status = "delivered"


def ancient_record(plan: Plan) -> None:
    plan.sessions[0].date = dt.date(1989, 12, 31)


def low_revision(plan: Plan) -> None:
    plan.history = plan.history * 3


def repeated_number(plan: Plan) -> None:
    plan.sessions[4].number = 4


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        pytest.param(swap_dates, ["numbers do not follow dates: session 4 (2026-11-16) is dated before session 3 (2026-11-23)"], id="dates-out-of-order"),
        pytest.param(low_revision, ["revision 1 is below the number of changes in the history (3); every write adds one to the revision"], id="revision-below-history"),
        pytest.param(duplicate_module, ["module middle is listed 2 times in [[modules]]"], id="duplicated-module"),
        pytest.param(two_weekdays, ["a weekly schedule takes 1 weekday, not 2 (mon, thu)"], id="two-weekdays-weekly"),
        pytest.param(future_delivery, [
            "numbers do not follow dates: session 2 (2026-11-09) is dated before session 1 (2026-12-07)",
            "session 1 is recorded as delivered on 2026-12-07, which is in the future (today is 2026-11-18)",
        ], id="delivered-in-the-future"),
        pytest.param(ancient_record, ["session 1 is recorded as delivered on 1989-12-31, before 2025-11-18 (long before the plan was made)"], id="recorded-before-1990"),
        pytest.param(repeated_number, ["sessions are not numbered 1 to 8 (found 4 more than once)"], id="repeated-number"),
    ],
)  # fmt: skip
def test_each_hand_edit_is_reported(
    plan: Plan, edit: Callable[[Plan], None], expected: list[str]
) -> None:
    # A consistent plan has nothing to report; each edit is named in words.
    assert plan_inconsistencies(plan, today=TODAY) == []
    edit(plan)
    assert plan_inconsistencies(plan, today=TODAY) == expected


def test_a_merged_plan_may_have_more_history_than_revisions(plan: Plan) -> None:
    # A merge keeps both sides' history but takes the larger revision + 1: not a hand edit.
    low_revision(plan)
    merge = plan.history[0].model_copy(
        update={"change": "merged revisions 2 (ours) and 2 (theirs): 2 sessions recorded"}
    )
    plan.history.append(merge)
    assert plan_inconsistencies(plan, today=TODAY) == []


def test_plan_check_exits_1_and_names_each_inconsistency(
    cli: Cli, library: Library, plan: Plan, tmp_path: Path
) -> None:
    # A hand-edited plan file fails `plan check`, with every problem on stderr and in --json.
    folder = library.path
    path = tmp_path / "P-0042.toml"
    swap_dates(plan)
    two_weekdays(plan)
    write_plan(path, plan)
    before = path.read_bytes()
    result = cli("--library", str(folder), "plan", "check", str(path), exit_code=1)
    assert result.stderr.splitlines() == [
        "error: numbers do not follow dates: session 4 (2026-11-16) is dated before session 3 "
        "(2026-11-23)",
        "error: a weekly schedule takes 1 weekday, not 2 (mon, thu)",
        f"✗ {path}: 2 problems (nothing was changed)",
    ]
    as_json = cli("--library", str(folder), "plan", "check", str(path), "--json", exit_code=1)
    assert '"ok": false' in as_json.stdout
    assert path.read_bytes() == before


def test_a_plan_as_written_passes_plan_check(
    cli: Cli, library: Library, plan: Plan, tmp_path: Path
) -> None:
    # Delivery commands keep a plan consistent: plan check has nothing to say.
    folder = library.path
    path = tmp_path / "P-0042.toml"
    record_session(plan, 2, status="missed", today=TODAY)
    write_plan(path, plan)
    result = cli("--library", str(folder), "plan", "check", str(path))
    assert result.stderr.strip() == f"✓ {path} matches the library"


@pytest.mark.parametrize(
    "day",
    [
        pytest.param(dt.date(1990, 1, 1), id="1990"),
        pytest.param(dt.date(2025, 11, 17), id="a-year-and-a-day-before"),
    ],
)
def test_record_and_amend_refuse_a_date_long_before_the_plan(plan: Plan, day: dt.date) -> None:
    # The plan was made on 2026-11-18: a session cannot have taken place over a year before.
    before = plan.model_copy(deep=True)
    message = (
        f"session 2 cannot be recorded as delivered on {day.isoformat()}: that is before "
        "2025-11-18, long before the plan was made (2026-11-18)"
    )
    with pytest.raises(DeliveryError, match=re.escape(message)):
        record_session(plan, 2, status="delivered", today=TODAY, date=day)
    with pytest.raises(DeliveryError, match=re.escape(message.replace("session 2", "session 1"))):
        amend_session(plan, 1, date=day, why="typo", today=TODAY)
    assert plan == before


def test_record_on_the_cli_refuses_1990(
    cli: Cli, library: Library, plan: Plan, tmp_path: Path
) -> None:
    # `plan record --date 1990-01-01` is refused as implausible, exit 1, file unchanged.
    folder = library.path
    path = tmp_path / "P-0042.toml"
    write_plan(path, plan)
    before = path.read_bytes()
    result = cli("--library", str(folder), "plan", "record", str(path), "2", "--status",
                 "delivered", "--date", "1990-01-01", exit_code=1)  # fmt: skip
    assert result.stderr.splitlines()[0] == (
        "error: session 2 cannot be recorded as delivered on 1990-01-01: that is before "
        "2025-11-18, long before the plan was made (2026-11-18)"
    )
    assert path.read_bytes() == before
    assert read_plan(path) == plan


def test_amending_a_future_cancelled_session_to_delivered_needs_a_past_date(plan: Plan) -> None:
    # Found by the fuzz test: a cancelled session keeps its planned date, which may be still
    # to come; amending it to delivered without --date would record a delivery in the future.
    record_session(plan, 6, status="cancelled", today=TODAY)
    before = plan.model_copy(deep=True)
    with pytest.raises(DeliveryError, match="is in the future"):
        amend_session(plan, 6, status="delivered", why="it did happen", today=TODAY)
    assert plan == before
    amend_session(plan, 6, status="delivered", date=TODAY, why="it did happen", today=TODAY)
    assert plan_inconsistencies(plan, today=TODAY) == []
