"""Merging copies of a plan by meaning: records, moves, catch-ups, history, conflicts."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from hii_planner import (
    DeliveryError,
    HistoryEntry,
    Library,
    MergeError,
    Plan,
    dumps_plan,
    load_library,
    merge_plans,
    record_session,
    reschedule_session,
    resolve_conflict,
)
from hii_planner.plans.changes import record_of
from hii_planner.plans.merge import KEPT_REASON
from hii_planner.plans.merge_sessions import keyed
from tests.conftest import make_plan
from tests.fixture_data import LIBRARY_INFO, LIBRARY_MODULES

TODAY = dt.date(2026, 11, 18)
NOW = dt.datetime(2026, 11, 18, 12, 0, tzinfo=dt.UTC)
# Weekly on Mondays from 2026-10-05: sessions 1-7 are before TODAY, session 8 after.
START = dt.date(2026, 10, 5)

Op = Callable[[Plan], str]
_clock = itertools.count()


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    folder = tmp_path_factory.mktemp("library")
    info = {"name": "Test library", "version": "1", **LIBRARY_INFO}
    info["tracks"] = [{"id": "main", "title": "Main"}]
    (folder / "library.toml").write_text(tomli_w.dumps(info), encoding="utf-8")
    for item in LIBRARY_MODULES:
        (folder / f"{item['id']}.toml").write_text(tomli_w.dumps(item), encoding="utf-8")
    return load_library(folder)


def apply(plan: Plan, *ops: Op) -> Plan:
    """A copy of *plan* after *ops*, each written as the next revision with a history entry."""
    copy = plan.model_copy(deep=True)
    for op in ops:
        change = op(copy)
        copy.revision += 1
        at = NOW + dt.timedelta(minutes=next(_clock))
        copy.history.append(HistoryEntry(at=at, change=change))
    return copy


def rec(number: int, status: str = "delivered", **options: Any) -> Op:
    return lambda plan: (
        record_session(
            plan,
            number,
            status=status,  # type: ignore[arg-type]
            today=TODAY,
            **options,
        ).summary
    )


def move(number: int, date: dt.date, *, cascade: bool = False) -> Op:
    return lambda plan: (
        reschedule_session(plan, number, date=date, today=TODAY, cascade=cascade).summary
    )


def pause(plan: Plan) -> str:
    plan.status = "paused"
    return "plan paused"


def by_identity(plan: Plan) -> dict[tuple[str, str, bool, int], dict[str, Any]]:
    return {k: s.model_dump(exclude={"number"}) for k, s in keyed(plan.sessions).items()}


def session(plan: Plan, module: str, name: str, catch_up: bool = False) -> Any:
    return next(
        s for s in plan.sessions if (s.module, s.session, s.catch_up) == (module, name, catch_up)
    )


def test_a_record_on_one_side_and_a_move_on_the_other_both_apply(library: Library) -> None:
    # Records from ours, a move and a record with a note from theirs: all kept, no conflict,
    # revision one more than the larger side, history of both sides plus the merge.
    base = make_plan(library, start=START)
    ours = apply(base, rec(1), rec(2))
    theirs = apply(base, move(8, dt.date(2026, 12, 2)), rec(3, note="good"))
    result = merge_plans(base, ours, theirs, now=NOW)
    plan = result.plan
    assert not plan.conflicts and result.outcome == "merged"
    assert [s.status for s in plan.sessions[:3]] == ["delivered"] * 3
    assert plan.sessions[2].notes == "good"
    assert session(plan, "ending", "s1").date == dt.date(2026, 12, 2)
    assert plan.revision == 4
    changes = [h.change for h in plan.history]
    assert changes[0].startswith("created")
    assert sum("delivered" in c for c in changes) == 3
    assert changes[-1].startswith("merged revisions 3 (ours) and 3 (theirs)")
    assert result.changed == (3, 8)


@pytest.mark.parametrize(
    ("ours_ops", "theirs_ops", "check"),
    [
        pytest.param(
            [rec(2, "missed")],
            [rec(2, "missed")],
            lambda p: sum(s.catch_up for s in p.sessions) == 1 and not p.conflicts,
            id="the same catch-up from both sides is kept once",
        ),
        pytest.param(
            [rec(2, "missed")],
            [rec(5)],
            lambda p: (
                session(p, "intro", "s2", True).status == "planned"
                and session(p, "middle", "s3").status == "delivered"
            ),
            id="a catch-up on one side and a record on the other",
        ),
        pytest.param(
            [rec(4, "cancelled")],
            [rec(4, "cancelled")],
            lambda p: p.sessions[3].status == "cancelled" and not p.conflicts,
            id="the same record on both sides is no conflict",
        ),
        pytest.param(
            [pause],
            [rec(1)],
            lambda p: p.status == "paused" and p.sessions[0].status == "delivered",
            id="a status change on one side applies",
        ),
        pytest.param(
            [move(8, dt.date(2026, 12, 2))],
            [move(8, dt.date(2026, 12, 9))],
            lambda p: p.sessions[-1].date == dt.date(2026, 12, 9) and not p.conflicts,
            id="a session moved on both sides takes the later date",
        ),
        pytest.param(
            [move(8, dt.date(2026, 11, 19))],
            [],
            lambda p: p.sessions[-1].date == dt.date(2026, 11, 19),
            id="theirs unchanged: ours as it is",
        ),
    ],
)
def test_merges_that_decide(
    library: Library, ours_ops: list[Op], theirs_ops: list[Op], check: Callable[[Plan], bool]
) -> None:
    # Each pair of changes merges without a conflict, to the plan described by its id.
    base = make_plan(library, start=START)
    result = merge_plans(base, apply(base, *ours_ops), apply(base, *theirs_ops), now=NOW)
    assert check(result.plan)
    assert [s.number for s in result.plan.sessions] == list(range(1, len(result.plan.sessions) + 1))
    dates = [s.date for s in result.plan.sessions]
    assert dates == sorted(dates)  # numbers follow dates


def test_the_same_session_recorded_differently_is_a_conflict_holding_ours(
    library: Library,
) -> None:
    # Delivered here, missed there: ours' values, a [[conflicts]] entry with both records,
    # and theirs' catch-up is not planned for a session ours says was delivered.
    base = make_plan(library, start=START)
    ours = apply(base, rec(4, note="went well"))
    theirs = apply(base, rec(4, "missed"))
    result = merge_plans(base, ours, theirs, now=NOW)
    plan = result.plan
    assert [c.session for c in plan.conflicts] == [4]
    assert plan.sessions[3].status == "delivered" and plan.sessions[3].notes == "went well"
    conflict = plan.conflicts[0]
    assert conflict.ours is not None and conflict.ours.status == "delivered"
    assert conflict.theirs is not None and conflict.theirs.status == "missed"
    assert not any(s.catch_up for s in plan.sessions)
    assert "1 undecided" in result.summary
    text = dumps_plan(plan)
    assert "[conflicts.ours]" in text and "[conflicts.theirs]" in text


def test_settling_a_conflict_takes_a_side_and_keeps_catch_ups_consistent(
    library: Library,
) -> None:
    # --take theirs (missed) adds the catch-up the missed record needs; --take ours leaves
    # the delivered session as it is; either way the conflict goes.
    base = make_plan(library, start=START)
    merged = merge_plans(base, apply(base, rec(4)), apply(base, rec(4, "missed")), now=NOW).plan
    taken_theirs = merged.model_copy(deep=True)
    summary = resolve_conflict(taken_theirs, 4, take="theirs", today=TODAY)
    assert "as in theirs; catch-up added" in summary
    assert not taken_theirs.conflicts
    assert taken_theirs.sessions[3].status == "missed"
    catch_up = session(taken_theirs, "middle", "s2", True)
    assert catch_up.date >= TODAY
    taken_ours = merged.model_copy(deep=True)
    resolve_conflict(taken_ours, 4, take="ours", today=TODAY)
    assert taken_ours.sessions == merged.sessions and not taken_ours.conflicts


def test_an_edit_that_removed_a_module_the_other_side_recorded_is_a_conflict(
    library: Library,
) -> None:
    # Ours dropped module "other" (an edit); theirs delivered its first session. The session
    # and its module stay (records are never lost) with a conflict whose ours side is empty;
    # taking ours removes them.
    base = make_plan(library, start=START)

    def drop_other(plan: Plan) -> str:
        plan.modules = [m for m in plan.modules if m.id != "other"]
        plan.sessions = [s for s in plan.sessions if s.module != "other"]
        for number, s in enumerate(plan.sessions, start=1):
            s.number = number
        return "edited: modules removed: other"

    theirs = apply(base, rec(1), rec(2), rec(3), rec(4), rec(5), rec(6))
    result = merge_plans(base, apply(base, drop_other), theirs, now=NOW)
    plan = result.plan
    kept = session(plan, "other", "s1")
    assert kept.status == "delivered"
    assert [(c.session, c.ours) for c in plan.conflicts] == [(kept.number, None)]
    assert KEPT_REASON in map(str, plan.module_entry("other").reasons)  # type: ignore[union-attr]
    assert all(s.module != "other" or s is kept for s in plan.sessions)
    resolve_conflict(plan, kept.number, take="ours", today=TODAY)
    assert plan.module_entry("other") is None and not plan.conflicts


def test_two_copies_without_a_base_use_their_shared_history(library: Library) -> None:
    # A synced folder's copy: no base, the histories' common start stands in for it.
    base = make_plan(library, start=START)
    ours = apply(base, rec(1), rec(2))
    theirs = apply(base, rec(3, note="copy"), move(8, dt.date(2026, 12, 2)))
    plan = merge_plans(None, ours, theirs, now=NOW).plan
    assert plan.sessions == merge_plans(base, ours, theirs, now=NOW).plan.sessions
    assert merge_plans(None, ours, base, now=NOW).outcome == "ours"
    assert merge_plans(None, base, theirs, now=NOW).outcome == "theirs"


def test_an_amendment_on_one_copy_wins_over_the_record_it_replaced(library: Library) -> None:
    # Without a base, an amendment's `before` says which record it replaced.
    base = apply(make_plan(library, start=START), rec(1, note="first"))

    def amend(plan: Plan) -> str:
        before = record_of(plan.sessions[0])  # what `plan amend` keeps
        plan.sessions[0].notes = "corrected"
        plan.history.append(
            HistoryEntry(at=NOW, change="session 1 amended", why="typo", before=before)
        )
        return "session 1 amended (saved)"

    ours = apply(base, amend, rec(2))
    theirs = apply(base, rec(3))
    plan = merge_plans(None, ours, theirs, now=NOW).plan
    assert plan.sessions[0].notes == "corrected" and not plan.conflicts


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param(
            lambda p: setattr(p.participant, "reference", "P-0099"),
            "ours is the plan for P-0042 and theirs the plan for P-0099",
            id="another participant",
        ),
        pytest.param(
            lambda p: setattr(p, "created", p.created + dt.timedelta(days=1)),
            "are two plans for P-0042",
            id="another plan for the same participant",
        ),
    ],
)
def test_plans_that_are_not_copies_of_one_plan_are_refused(
    library: Library, change: Callable[[Plan], None], message: str
) -> None:
    # Two different plans never merge.
    ours = make_plan(library, start=START)
    theirs = ours.model_copy(deep=True)
    change(theirs)
    with pytest.raises(MergeError, match=message):
        merge_plans(None, ours, theirs, now=NOW)


def test_a_base_that_is_not_an_ancestor_is_refused(library: Library) -> None:
    # A base with history the copies do not start with is not their ancestor.
    base = make_plan(library, start=START)
    ours, theirs = apply(base, rec(1)), apply(base, rec(2))
    stranger = apply(base, rec(3))
    with pytest.raises(MergeError, match="the base is not an earlier version of ours"):
        merge_plans(stranger, ours, theirs, now=NOW)


OPERATION = st.one_of(
    st.tuples(
        st.just("record"),
        st.integers(1, 9),
        st.sampled_from(["delivered", "missed", "cancelled"]),
    ),
    st.tuples(st.just("move"), st.integers(1, 9), st.integers(0, 40), st.booleans()),
)


def _operate(plan: Plan, operations: list[tuple[Any, ...]]) -> Plan:
    ops: list[Op] = []
    for operation in operations:
        if operation[0] == "record":
            ops.append(rec(operation[1], operation[2], note=f"note {operation[1]}"))
        else:
            ops.append(
                move(operation[1], TODAY + dt.timedelta(days=operation[2]), cascade=operation[3])
            )
    copy = plan
    for op in ops:
        # An operation this copy does not allow (already recorded, no such session) is skipped.
        with contextlib.suppress(DeliveryError):
            copy = apply(copy, op)
    return copy


@settings(max_examples=150)
@given(st.lists(OPERATION, max_size=6), st.lists(OPERATION, max_size=6))
def test_merging_is_the_same_whichever_side_is_ours(
    library: Library, ops_a: list[tuple[Any, ...]], ops_b: list[tuple[Any, ...]]
) -> None:
    # For random delivery operations on two copies: merge(A, B) and merge(B, A) give the
    # same sessions (apart from undecided ones and their catch-ups, which follow each
    # one's own record, and the same conflicts either way); merging with an unchanged
    # copy changes nothing.
    base = make_plan(library, start=START)
    a, b = _operate(base, ops_a), _operate(base, ops_b)
    for ancestor in (base, None):  # with git's base, and as two copies without one
        _assert_symmetric(
            merge_plans(ancestor, a, b, now=NOW).plan, merge_plans(ancestor, b, a, now=NOW).plan
        )
    for plan in (a, b):
        assert merge_plans(base, plan, base, now=NOW).plan.sessions == plan.sessions
        assert merge_plans(base, base, plan, now=NOW).plan.sessions == plan.sessions
        assert merge_plans(None, plan, base, now=NOW).plan.sessions == plan.sessions


def _assert_symmetric(ab: Plan, ba: Plan) -> None:
    undecided = {keyed_of(ab, c.session) for c in ab.conflicts}
    assert {keyed_of(ba, c.session) for c in ba.conflicts} == undecided
    followed = {key[:2] for key in undecided}
    one, other = by_identity(ab), by_identity(ba)
    assert {k: v for k, v in one.items() if k[:2] not in followed} == {
        k: v for k, v in other.items() if k[:2] not in followed
    }
    records_ab = sorted((keyed_of(ab, c.session), c.ours, c.theirs) for c in ab.conflicts)
    swapped_ba = sorted((keyed_of(ba, c.session), c.theirs, c.ours) for c in ba.conflicts)
    assert records_ab == swapped_ba


def keyed_of(plan: Plan, number: int) -> tuple[str, str, bool, int]:
    return next(k for k, s in keyed(plan.sessions).items() if s.number == number)


def test_a_merged_plan_round_trips_through_its_file(library: Library, tmp_path: Path) -> None:
    # The merged plan, conflicts and all, is written and read back unchanged.
    from hii_planner import read_plan, write_plan

    base = make_plan(library, start=START)
    plan = merge_plans(base, apply(base, rec(4)), apply(base, rec(4, "missed")), now=NOW).plan
    write_plan(tmp_path / "P-0042.toml", plan)
    assert read_plan(tmp_path / "P-0042.toml") == plan


def test_changing_commands_refuse_a_plan_with_conflicts_until_it_is_settled(
    library: Library, tmp_path: Path
) -> None:
    # update_plan (under record, reschedule, edit and whatever comes next) refuses the
    # plan; the settling path is let through.
    from hii_planner import UnresolvedConflictsError, update_plan, write_plan
    from hii_planner.plans.planfile import save_edited_plan

    base = make_plan(library, start=START)
    plan = merge_plans(base, apply(base, rec(4)), apply(base, rec(4, "missed")), now=NOW).plan
    path = tmp_path / "P-0042.toml"
    write_plan(path, plan)
    before = path.read_bytes()
    with pytest.raises(UnresolvedConflictsError, match="session 4"):
        update_plan(path, lambda p: "anything", now=NOW)
    with pytest.raises(UnresolvedConflictsError):
        save_edited_plan(path, plan, now=NOW, summary="edited", read_revision=plan.revision)
    assert path.read_bytes() == before
    settled = update_plan(path, lambda p: "settled", now=NOW, settling_conflicts=True)
    assert settled.revision == plan.revision + 1


def test_history_after_the_shared_start_is_in_time_order(library: Library) -> None:
    # Entries of both sides interleave by time; each side's own order is kept.
    base = make_plan(library, start=START)
    ours = apply(base, rec(1), rec(2))  # minutes n, n+1
    theirs = apply(base, rec(3), rec(4))  # minutes n+2, n+3
    ours = apply(ours, rec(5))  # minute n+4
    history = merge_plans(base, ours, theirs, now=NOW).plan.history
    shared = len(base.history)
    assert history[:shared] == base.history
    stamps = [h.at for h in history[shared:-1]]
    assert stamps == sorted(stamps) and len(stamps) == 5
