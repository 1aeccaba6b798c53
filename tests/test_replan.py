"""Rebuilding an edited plan: recorded sessions stay, the rest is planned and dated again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hii_planner import (
    Library,
    Plan,
    PlannedSession,
    PlanningError,
    Reason,
    build_plan,
    clock,
    diff_plans,
    edited_request,
    load_library,
    plan_request,
    read_plan,
    replan,
    request_from,
    save_replan,
    write_plan,
)
from hii_planner.planning.replan import KEPT_MODULE_REASON
from hii_planner.plans.models import LeftOut
from tests.conftest import LibraryFactory, module

JAN = 1
FEB = 2
BASE_ANSWERS: dict[str, Any] = {
    "participant": "P-0042",
    "needs": ["n1"],
    "schedule": {"start": "2027-01-04", "weekdays": ["mon"], "holidays": "none"},
}


def day(month: int, date: int) -> dt.date:
    return dt.date(2027, month, date)


@pytest.fixture
def library(make_library: LibraryFactory) -> Library:
    """Core a (first), b for need n1, c to choose, d requiring c."""
    return load_library(
        make_library(
            [
                module("a", core=True, placement="first", sessions=2),
                module("b", addresses=["n1"], sessions=2),
                module("c"),
                module("d", requires=["c"]),
            ],
            info={"needs": [{"id": "n1", "title": "Need one"}]},
        )
    )


def base_plan(library: Library) -> Plan:
    """a/s1 4 Jan, a/s2 11 Jan, b/s1 18 Jan, b/s2 25 Jan (weekly on Mondays)."""
    return build_plan(library, request_from(BASE_ANSWERS), now=clock.now()).plan


def mark(*records: tuple[int, str, dt.date | None]) -> Callable[[Plan], None]:
    """Record sessions by number: (number, status, the day it happened or None)."""

    def apply(plan: Plan) -> None:
        for number, status, when in records:
            session = plan.sessions[number - 1]
            session.status = status  # type: ignore[assignment]
            session.notes = f"note {number}"
            if when is not None:
                session.date = when

    return apply


def caught_up(plan: Plan) -> None:
    """Session 2 missed, and its catch-up (now session 3) delivered on 18 Jan."""
    mark((1, "delivered", None), (2, "missed", None))(plan)
    catch_up = plan.sessions[1].model_copy(
        update={"status": "delivered", "catch_up": True, "date": day(JAN, 18), "notes": ""}
    )
    plan.sessions.insert(2, catch_up)
    for number, session in enumerate(plan.sessions, start=1):
        session.number = number


Row = tuple[int, str, dt.date, str, bool]


def rows(plan: Plan) -> list[Row]:
    return [
        (s.number, f"{s.module}/{s.session}", s.date, s.status, s.catch_up) for s in plan.sessions
    ]


@pytest.mark.parametrize(
    ("record", "edit", "expected", "summary"),
    [
        pytest.param(
            mark(),
            {},
            [
                (1, "a/s1", day(JAN, 4), "planned", False),
                (2, "a/s2", day(JAN, 11), "planned", False),
                (3, "b/s1", day(JAN, 18), "planned", False),
                (4, "b/s2", day(JAN, 25), "planned", False),
            ],
            "edited: no change",
            id="nothing-recorded-nothing-changed",
        ),
        pytest.param(
            mark((1, "delivered", None), (2, "delivered", day(JAN, 20))),
            {},
            [
                (1, "a/s1", day(JAN, 4), "delivered", False),
                (2, "a/s2", day(JAN, 20), "delivered", False),
                (3, "b/s1", day(JAN, 25), "planned", False),
                (4, "b/s2", day(FEB, 1), "planned", False),
            ],
            "edited: sessions: 2 moved",
            id="dated-after-the-last-recorded-session",
        ),
        pytest.param(
            mark((1, "delivered", None)),
            {"modules": ["c"]},
            [
                (1, "a/s1", day(JAN, 4), "delivered", False),
                (2, "a/s2", day(JAN, 11), "planned", False),
                (3, "c/s1", day(JAN, 18), "planned", False),
                (4, "b/s1", day(JAN, 25), "planned", False),
                (5, "b/s2", day(FEB, 1), "planned", False),
            ],
            "edited: modules added: c; sessions: 1 added, 2 moved",
            id="module-added-after-the-started-one",
        ),
        pytest.param(
            mark((1, "delivered", None), (2, "cancelled", None)),
            {},
            [
                (1, "a/s1", day(JAN, 4), "delivered", False),
                (2, "a/s2", day(JAN, 11), "cancelled", False),
                (3, "b/s1", day(JAN, 18), "planned", False),
                (4, "b/s2", day(JAN, 25), "planned", False),
            ],
            "edited: no change",
            id="cancelled-not-planned-again",
        ),
        pytest.param(
            mark((1, "delivered", None), (2, "missed", None)),
            {},
            [
                (1, "a/s1", day(JAN, 4), "delivered", False),
                (2, "a/s2", day(JAN, 11), "missed", False),
                (3, "a/s2", day(JAN, 18), "planned", True),
                (4, "b/s1", day(JAN, 25), "planned", False),
                (5, "b/s2", day(FEB, 1), "planned", False),
            ],
            "edited: sessions: 1 added, 2 moved",
            id="missed-planned-again-as-catch-up",
        ),
        pytest.param(
            caught_up,
            {},
            [
                (1, "a/s1", day(JAN, 4), "delivered", False),
                (2, "a/s2", day(JAN, 11), "missed", False),
                (3, "a/s2", day(JAN, 18), "delivered", True),
                (4, "b/s1", day(JAN, 25), "planned", False),
                (5, "b/s2", day(FEB, 1), "planned", False),
            ],
            "edited: sessions: 2 moved",
            id="missed-and-caught-up-not-planned-again",
        ),
        pytest.param(
            mark((1, "delivered", None), (2, "delivered", None), (3, "delivered", None)),
            {"needs": []},
            [
                (1, "a/s1", day(JAN, 4), "delivered", False),
                (2, "a/s2", day(JAN, 11), "delivered", False),
                (3, "b/s1", day(JAN, 18), "delivered", False),
            ],
            "edited: sessions: 1 removed; needs removed: n1; "
            "reasons for b: + kept: it has sessions already recorded",
            id="removed-module-keeps-its-delivered-sessions",
        ),
        pytest.param(
            mark((1, "delivered", None)),
            {"schedule": {"cadence": "fortnightly"}},
            [
                (1, "a/s1", day(JAN, 4), "delivered", False),
                (2, "a/s2", day(JAN, 18), "planned", False),
                (3, "b/s1", day(FEB, 1), "planned", False),
                (4, "b/s2", day(FEB, 15), "planned", False),
            ],
            "edited: sessions: 3 moved; schedule: weekly on mon from 2027-01-04 (none holidays) "
            "→ fortnightly on mon from 2027-01-04 (none holidays)",
            id="new-cadence",
        ),
    ],
)
def test_replan(
    library: Library,
    tmp_path: Path,
    record: Callable[[Plan], None],
    edit: dict[str, Any],
    expected: list[Row],
    summary: str,
) -> None:
    # Recorded sessions keep their place, date, notes and flags; the rest is planned again
    # and dated from the first slot after the last recorded one; the diff says what moved.
    plan = base_plan(library)
    record(plan)
    before = [s.model_dump(exclude={"number"}) for s in plan.sessions if s.status != "planned"]
    edited = replan(library, plan, edited_request(plan, edit), now=clock.now())
    assert rows(edited.plan) == expected
    kept = [s.model_dump(exclude={"number"}) for s in edited.plan.sessions[: len(before)]]
    assert kept == before
    assert edited.diff.summary() == summary
    # The edited plan is a valid plan file.
    write_plan(tmp_path / "plan.toml", edited.plan)
    assert read_plan(tmp_path / "plan.toml").sessions == edited.plan.sessions


def test_a_module_kept_for_its_recorded_sessions_says_why(library: Library) -> None:
    # A module left out by the edit but with delivered sessions stays in [[modules]],
    # which lists modules in the order their first sessions come.
    plan = base_plan(library)
    mark((3, "delivered", None))(plan)
    edited = replan(library, plan, edited_request(plan, {"needs": []}), now=clock.now())
    entry = edited.plan.module_entry("b")
    assert entry is not None
    assert entry.reasons == [Reason.need("n1"), KEPT_MODULE_REASON]
    assert [m.id for m in edited.plan.modules] == ["b", "a"]


def test_the_plan_gives_back_the_request_it_was_built_from(library: Library) -> None:
    # plan_request(plan) rebuilds the very same plan.
    answers = {
        **BASE_ANSWERS,
        "facilitators": ["Facilitator A"],
        "modules": ["d"],
        "skip_sessions": [],
        "max_sessions": 9,
        "twin_track": "faith",
    }
    plan = build_plan(library, request_from(answers), now=clock.now()).plan
    again = build_plan(library, plan_request(plan), now=clock.now()).plan
    assert again == plan


def test_an_edit_that_changes_nothing_is_not_a_change(library: Library) -> None:
    # Re-planning the same request changes nothing; a new facilitator does, and is listed.
    plan = base_plan(library)
    same = replan(library, plan, plan_request(plan), now=clock.now())
    assert not same.changed
    assert same.diff.empty
    other = replan(
        library, plan, edited_request(plan, {"facilitators": ["Facilitator B"]}), now=clock.now()
    )
    assert other.changed
    assert other.diff.lines() == ["~ facilitators: none → Facilitator B"]


def test_diff_lines_name_every_change(library: Library) -> None:
    # Each added, removed and moved session is one line a facilitator can check.
    plan = base_plan(library)
    edited = replan(
        library, plan, edited_request(plan, {"modules": ["c"], "needs": []}), now=clock.now()
    )
    assert edited.diff.lines() == [
        "+ module c",
        "- module b",
        "+ session 3 c/s1 on 2027-01-18",
        "- session b/s1 (was 3, 2027-01-18)",
        "- session b/s2 (was 4, 2027-01-25)",
        "~ needs removed: n1",
    ]
    assert diff_plans(plan, plan).empty


def test_an_edit_that_breaks_a_rule_gives_the_planner_message(library: Library) -> None:
    # The same PlanningError as `plan new` for an excluded prerequisite.
    plan = base_plan(library)
    with pytest.raises(PlanningError) as raised:
        replan(
            library,
            plan,
            edited_request(plan, {"modules": ["d"], "exclude": ["c"]}),
            now=clock.now(),
        )
    assert str(raised.value) == "d (chosen by the facilitator) requires c, which you excluded"


STATUSES = st.sampled_from(["planned", "delivered", "missed", "cancelled"])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    statuses=st.lists(STATUSES, min_size=4, max_size=4),
    edit=st.sampled_from([{}, {"modules": ["c"]}, {"needs": []}, {"modules": ["d"]}]),
)
def test_replan_invariants(library: Library, statuses: list[str], edit: dict[str, Any]) -> None:
    # Whatever was recorded and whatever the edit: recorded sessions come first, unchanged
    # and in order; numbers run 1..n; planned dates rise and follow every recorded date.
    plan = base_plan(library)
    for session, status in zip(plan.sessions, statuses, strict=True):
        session.status = status  # type: ignore[assignment]
    recorded = [s for s in plan.sessions if s.status != "planned"]
    edited = replan(library, plan, edited_request(plan, edit), now=clock.now()).plan
    front: list[PlannedSession] = edited.sessions[: len(recorded)]
    assert [s.model_dump(exclude={"number"}) for s in front] == [
        s.model_dump(exclude={"number"}) for s in recorded
    ]
    assert [s.number for s in edited.sessions] == list(range(1, len(edited.sessions) + 1))
    planned = [s.date for s in edited.sessions[len(recorded) :]]
    assert all(s.status == "planned" for s in edited.sessions[len(recorded) :])
    assert planned == sorted(set(planned))
    if recorded and planned:
        assert planned[0] > max(s.date for s in recorded)
    assert {s.module for s in edited.sessions} <= {m.id for m in edited.modules}


@pytest.mark.parametrize(
    ("answers", "lines"),
    [
        pytest.param(
            {"modules": ["b"]},
            ["~ reasons for b: + chosen by the facilitator"],
            id="choosing-a-module-already-planned-for-a-need",
        ),
        pytest.param(
            {"exclude": ["c"]},
            ["~ excluded modules: none → c"],
            id="excluding-a-module-not-planned",
        ),
    ],
)
def test_an_edit_that_changes_the_plan_says_what_changed(
    library: Library, answers: dict[str, Any], lines: list[str]
) -> None:
    # Bug: these edits changed the plan file while the diff was empty ("edited: no change").
    # Changed means the diff is not empty; the diff covers reasons and request fields.
    plan = base_plan(library)
    edited = replan(library, plan, edited_request(plan, answers), now=clock.now())
    assert edited.plan != plan
    assert edited.diff.lines() == lines
    assert edited.changed
    assert edited.diff.summary() != "edited: no change"


def test_saving_an_edit_writes_only_when_the_diff_is_not_empty(
    library: Library, tmp_path: Path
) -> None:
    # An edit that changes nothing leaves the file byte-identical; one that changes the
    # reasons only is saved, with the change in its history line.
    path = tmp_path / "P-0042.toml"
    plan = base_plan(library)
    write_plan(path, plan)
    before = path.read_bytes()
    same = replan(library, plan, plan_request(plan), now=clock.now())
    assert save_replan(path, plan, same, now=clock.now()) is None
    assert path.read_bytes() == before
    chosen = replan(library, plan, edited_request(plan, {"modules": ["b"]}), now=clock.now())
    saved = save_replan(path, plan, chosen, now=clock.now())
    assert saved is not None and saved.revision == plan.revision + 1
    assert read_plan(path).history[-1].change == (
        "edited: reasons for b: + chosen by the facilitator"
    )


def test_a_difference_no_line_names_still_counts_as_a_change(library: Library) -> None:
    # The diff is the one definition of "changed": anything else that differs is named too.
    plan = base_plan(library)
    other = plan.model_copy(deep=True)
    other.left_out = [LeftOut(module="b", session="s2", reason="by hand")]
    assert diff_plans(plan, other).lines() == ["~ other details: left_out"]
