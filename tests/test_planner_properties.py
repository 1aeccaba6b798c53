"""Invariants of the planner over generated libraries (hypothesis)."""

from __future__ import annotations

import datetime as dt
import tempfile
import tomllib
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from hii_planner import (
    Library,
    LibraryError,
    Plan,
    PlanningError,
    PlanRequest,
    PlanResult,
    ScheduleRequest,
    build_plan,
    dumps_plan,
    load_library,
)

NOW = dt.datetime(2026, 11, 18, 9, 0, tzinfo=dt.UTC)
NEEDS = ["n0", "n1", "n2", "n3"]


@st.composite
def libraries(draw: st.DrawFn) -> Library:
    """Libraries written as files and read by the real loader; drawn ones it refuses are rejected.

    Modules refer only to earlier ones (no cycles); placement and excludes are drawn
    too, so the loader's checks and the planner's exclusion rules are exercised.
    """
    count = draw(st.integers(min_value=1, max_value=10))
    modules: list[dict[str, object]] = []
    placed: dict[str, str] = {}
    for index in range(count):
        placement = draw(st.sampled_from(["any", "any", "any", "first", "last"]))
        # A module placed first may need only modules placed first, and only a module placed
        # last may need one placed last: other links are conflicts the loader refuses. They are
        # drawn now and then (1 in 10) so most examples reach the planner; the loader's
        # checks have tests of their own.
        fits = {"first": {"first"}, "any": {"first", "any"}, "last": {"first", "any", "last"}}
        earlier = [
            m for m, p in placed.items() if p in fits[placement] or draw(st.integers(0, 9)) == 0
        ]
        pick = (
            st.lists(st.sampled_from(earlier), unique=True, max_size=min(3, len(earlier)))
            if earlier
            else st.just([])
        )
        requires = draw(pick)
        group = (
            st.lists(
                st.sampled_from(earlier), unique=True, min_size=1, max_size=min(3, len(earlier))
            )
            if earlier
            else st.nothing()
        )
        groups = draw(st.lists(group, max_size=2)) if earlier else []
        after = draw(pick)
        # Excluding a module this one also needs is refused too: drawn rarely.
        linked = {*requires, *after, *(m for g in groups for m in g)}
        free = [m for m in earlier if m not in linked or draw(st.integers(0, 9)) == 0]
        excludes = (
            draw(st.lists(st.sampled_from(free), unique=True, max_size=min(2, len(free))))
            if free and draw(st.integers(0, 3)) == 0
            else []
        )
        placed[f"m{index}"] = placement
        sessions = [
            {
                "id": f"s{n}",
                "title": f"S{n}",
                "minutes": 60,
                "optional": draw(st.booleans()) and n > 0,
            }
            for n in range(draw(st.integers(min_value=1, max_value=3)))
        ]
        modules.append(
            {
                "id": f"m{index}",
                "title": f"m{index}",
                "track": draw(st.sampled_from(["main", "faith"])),
                "addresses": draw(st.lists(st.sampled_from(NEEDS), unique=True, max_size=2)),
                "requires": requires,
                "requires_any": groups,
                "after": after,
                "excludes": excludes,
                "placement": placement,
                "sessions": sessions,
            }
        )
    info = {
        "name": "Generated",
        "version": "1",
        "needs": [{"id": n, "title": n} for n in NEEDS],
        "tracks": [{"id": "main", "title": "Main"}, {"id": "faith", "title": "Faith"}],
    }
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "library.toml").write_text(tomli_w.dumps(info), encoding="utf-8")
        for item in modules:
            (Path(folder) / f"{item['id']}.toml").write_text(tomli_w.dumps(item), encoding="utf-8")
        try:
            return load_library(Path(folder))
        except LibraryError:
            reject()  # a drawn library the checks refuse (placement or exclusion conflicts)
            raise


@st.composite
def requests(draw: st.DrawFn, library: Library) -> PlanRequest:
    ids = list(library.modules)
    return PlanRequest(
        participant="P-0001",
        modules=draw(
            st.lists(st.sampled_from(ids), unique=True, min_size=1, max_size=min(4, len(ids)))
        ),
        needs=draw(st.lists(st.sampled_from(NEEDS), unique=True, max_size=2)),
        twin_track=draw(st.sampled_from([None, "faith"])),
        schedule=ScheduleRequest(start=dt.date(2027, 1, 4)),
    )


def first_and_last(plan: Plan) -> tuple[dict[str, int], dict[str, int]]:
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for index, session in enumerate(plan.sessions):
        first.setdefault(session.module, index)
        last[session.module] = index
    return first, last


def plan_of(library: Library, request: PlanRequest) -> PlanResult:
    try:
        return build_plan(library, request, now=NOW)
    except PlanningError as error:
        if "the plan needs at least" in str(error):
            raise
        reject()  # drawn choices that exclude each other or an excluded prerequisite
        raise


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_order_respects_every_edge(data: st.DataObject) -> None:
    # Every planned prerequisite finishes before the module that needs it starts.
    library = data.draw(libraries())
    result = plan_of(library, data.draw(requests(library)))
    first, last = first_and_last(result.plan)
    for module_id in first:
        for earlier in library.modules[module_id].prerequisites():
            if earlier in first:
                assert last[earlier] < first[module_id], (earlier, module_id)
    for module_id in first:
        for group in library.modules[module_id].requires_any:
            assert any(member in first for member in group)
        for required in library.modules[module_id].requires:
            assert required in first
    # Placement holds: nothing comes before a "first" module's sessions or after a "last" one's.
    placement = {m: library.modules[m].placement for m in first}
    for module_id, where in placement.items():
        others = [m for m, p in placement.items() if p != where]
        if where == "first":
            assert all(last[module_id] < first[m] for m in others), module_id
        if where == "last":
            assert all(first[module_id] > last[m] for m in others), module_id
    # Sessions keep their order within a module.
    for module_id in first:
        order = [s.session for s in result.plan.sessions if s.module == module_id]
        assert order == sorted(order)


@given(data=st.data())
def test_closure_is_idempotent(data: st.DataObject) -> None:
    # Choosing exactly the planned modules gives the same modules again.
    library = data.draw(libraries())
    result = plan_of(library, data.draw(requests(library)))
    planned = [m.id for m in result.plan.modules]
    again = plan_of(
        library,
        PlanRequest(
            participant="P-0001",
            modules=planned,
            schedule=ScheduleRequest(start=dt.date(2027, 1, 4)),
        ),
    )
    assert sorted(m.id for m in again.plan.modules) == sorted(planned)


@given(data=st.data())
def test_plan_file_round_trips(data: st.DataObject) -> None:
    # Writing a plan as TOML and reading it back loses nothing, and the same request gives the same bytes.
    library = data.draw(libraries())
    request = data.draw(requests(library))
    text = dumps_plan(plan_of(library, request).plan)
    assert Plan.model_validate(tomllib.loads(text)) == plan_of(library, request).plan
    assert dumps_plan(plan_of(library, request).plan) == text


@given(data=st.data(), budget=st.integers(min_value=1, max_value=20))
def test_budget_is_met_or_explained(data: st.DataObject, budget: int) -> None:
    # A budget is either met by dropping only optional sessions, or refused with the minimum.
    library = data.draw(libraries())
    request = data.draw(requests(library)).model_copy(update={"max_sessions": budget})
    try:
        result = plan_of(library, request)
    except PlanningError as error:
        assert "the plan needs at least" in str(error)
        return
    assert len(result.plan.sessions) <= budget
    for item in result.plan.left_out:
        found = library.modules[item.module].session(item.session)
        assert found is not None and found.optional
