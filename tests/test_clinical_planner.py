"""Clinical tailoring in the planner: coverage by session, screening adds, reviews, twin track, size."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from hii_planner import (
    Library,
    PlanningError,
    PlanRequest,
    PlanResult,
    Reason,
    RequestError,
    build_plan,
    load_library,
)
from tests.conftest import LibraryFactory, module, session

NOW = dt.datetime(2026, 11, 18, 9, 0, tzinfo=dt.UTC)
NEEDS = [{"id": "n1", "title": "Need one"}, {"id": "n2", "title": "Need two"}]


def plan_for(library: Library, **request: Any) -> PlanResult:
    request.setdefault("participant", "P-0001")
    request.setdefault("schedule", {"start": "2027-01-04"})
    return build_plan(library, PlanRequest.model_validate(request), now=NOW)


def refs(result: PlanResult) -> list[str]:
    return [f"{s.module}/{s.session}" for s in result.plan.sessions]


@pytest.mark.parametrize(
    ("request_", "uncovered"),
    [
        pytest.param({}, [], id="both-sessions-planned"),
        pytest.param({"skip_sessions": ["a/two"]}, ["n2"], id="only-session-skipped"),
        pytest.param({"max_sessions": 2}, ["n2"], id="only-session-dropped-by-budget"),
    ],
)
def test_coverage_is_by_session(
    make_library: LibraryFactory, request_: dict[str, Any], uncovered: list[str]
) -> None:
    # A need counts as addressed only while a planned session addresses it, not its module.
    sessions = [
        session("one", addresses=["n1"]),
        session("mid", addresses=[]),
        session("two", addresses=["n2"], optional=True),
    ]
    library = load_library(
        make_library(
            [module("a", addresses=["n1", "n2"], sessions=sessions)], info={"needs": NEEDS}
        )
    )
    result = plan_for(library, needs=["n1", "n2"], **request_)
    assert result.uncovered_needs == uncovered


@pytest.mark.parametrize(
    ("answer", "first", "expected"),
    [
        pytest.param(True, True, ["calm/s1", "a/s1", "b/s1"], id="caution-adds-first"),
        pytest.param(True, False, ["a/s1", "b/s1", "calm/s1"], id="caution-adds-in-order"),
        pytest.param(False, True, ["a/s1", "b/s1"], id="no-caution-adds-nothing"),
    ],
)
def test_a_screening_caution_adds_modules(
    make_library: LibraryFactory, answer: bool, first: bool, expected: list[str]
) -> None:
    # A raised caution adds its modules with the reason "screening: ID", first when asked.
    question = {
        "id": "in-crisis",
        "question": "In crisis?",
        "caution_if": True,
        "caution": "Stabilise first.",
        "adds": ["calm"],
        "first": first,
    }
    library = load_library(
        make_library(
            [module("a"), module("b", requires=["a"]), module("calm")],
            info={"screening": [question]},
        )
    )
    result = plan_for(library, modules=["a", "b"], screening={"in-crisis": answer})
    assert refs(result) == expected
    if answer:
        assert result.plan.module_entry("calm") is not None
        assert result.plan.module_entry("calm").reasons == [Reason.screening("in-crisis")]  # type: ignore[union-attr]
        assert result.cautions == ["In crisis? Yes: Stabilise first."]


@pytest.mark.parametrize(
    ("final", "expected"),
    [
        pytest.param(
            False,
            "a a a a R a b b b R b c c c R c",
            id="every-4",
        ),
        pytest.param(
            True,
            "a a a a R a b b b R b R c c c c",
            id="every-4-and-before-the-last-module",
        ),
    ],
)
def test_reviews_every_n_sessions(make_library: LibraryFactory, final: bool, expected: str) -> None:
    # A review follows every 4 other sessions and, with final, comes before the last module.
    library = load_library(
        make_library(
            [
                module("a", sessions=5),
                module("b", sessions=4),
                module("c", sessions=4),
                module("review", sessions=[session("check-in", kind="review")]),
            ],
            info={"review": {"module": "review", "every": 4, "final": final}},
        )
    )
    result = plan_for(library, modules=["a", "b", "c"])
    letters = ["R" if s.kind == "review" else s.module for s in result.plan.sessions]
    assert " ".join(letters) == expected
    assert {s.session for s in result.plan.sessions if s.kind == "review"} == {"check-in"}
    assert result.plan.module_entry("review") is not None


def test_reviews_are_never_dropped_to_fit_the_budget(make_library: LibraryFactory) -> None:
    # --max-sessions drops optional sessions, never reviews, and counts reviews in the size.
    optional = [session(f"s{n}", optional=n > 3) for n in range(1, 7)]
    library = load_library(
        make_library(
            [module("a", sessions=optional), module("review")],
            info={"review": {"module": "review", "every": 2, "final": False}},
        )
    )
    result = plan_for(library, modules=["a"], max_sessions=5)
    assert [s.kind for s in result.plan.sessions].count("review") == 1
    assert len(result.plan.sessions) == 5
    with pytest.raises(PlanningError, match=r"at least 4 sessions \(1 of them progress reviews\)"):
        plan_for(library, modules=["a"], max_sessions=3)


def test_the_review_module_is_not_chosen_by_hand(make_library: LibraryFactory) -> None:
    # Reviews are placed by the rule; choosing the review module is a request problem.
    library = load_library(
        make_library(
            [module("a"), module("review")], info={"review": {"module": "review", "every": 2}}
        )
    )
    with pytest.raises(RequestError) as caught:
        plan_for(library, modules=["a", "review"])
    assert list(caught.value.messages) == [
        "--module: review is the review module: reviews are placed by the library's "
        "[review] rule, not chosen by hand"
    ]


@pytest.mark.parametrize(
    ("main", "twin", "requires", "positions"),
    [
        pytest.param(21, 3, [], [6, 12, 18], id="3-in-24-at-quarters"),
        pytest.param(9, 1, [], [5], id="1-in-10-at-half"),
        pytest.param(21, 3, ["m1"], [15, 18, 22], id="held-back-by-requires"),
    ],
)
def test_twin_track_spreads_through_the_whole_plan(
    make_library: LibraryFactory, main: int, twin: int, requires: list[str], positions: list[int]
) -> None:
    # The twin track's sessions fall at even places (k/(t+1) of the way) where the rules allow.
    per_module = main // 3
    modules = [module(f"m{i}", sessions=per_module + (i < main % 3)) for i in range(3)]
    modules.append(module("f", sessions=twin, track="faith", requires=requires))
    library = load_library(make_library(modules))
    result = plan_for(library, modules=["m0", "m1", "m2", "f"], twin_track="faith")
    numbers = [s.number for s in result.plan.sessions if s.module == "f"]
    assert numbers == positions
    joined = ", ".join(map(str, positions))
    assert f"twin track faith: sessions {joined} of {main + twin}" in result.notes
    if requires:
        assert "f comes later than an even spread: f needs m1 first" in result.notes


@pytest.mark.parametrize(
    ("sessions", "warning"),
    [
        pytest.param(
            1, "the plan has 1 session, fewer than the usual 2 to 4 of Test library", id="small"
        ),
        pytest.param(3, None, id="inside"),
        pytest.param(
            5, "the plan has 5 sessions, more than the usual 2 to 4 of Test library", id="large"
        ),
    ],
)
def test_size_outside_the_usual_range_warns(
    make_library: LibraryFactory, sessions: int, warning: str | None
) -> None:
    # A plan outside the library's usual size gets a warning naming the range.
    library = load_library(
        make_library([module("a", sessions=sessions)], info={"sessions": {"min": 2, "max": 4}})
    )
    assert plan_for(library, modules=["a"]).warnings == ([warning] if warning else [])


def test_a_track_provider_is_on_its_sessions(make_library: LibraryFactory) -> None:
    # Sessions of a track delivered by another provider carry the provider's name.
    tracks = [
        {"id": "main", "title": "Main"},
        {"id": "faith", "title": "Faith", "provider": "Adviser"},
    ]
    library = load_library(
        make_library([module("a"), module("f", track="faith")], info={"tracks": tracks})
    )
    result = plan_for(library, modules=["a", "f"])
    assert [(s.module, s.provider) for s in result.plan.sessions] == [("a", ""), ("f", "Adviser")]


@pytest.mark.parametrize(
    ("modules", "request_", "planned", "note"),
    [
        pytest.param(
            [module("a"), module("rec", addresses=["n1"], excludes=["a"])],
            {"needs": ["n1"], "modules": ["a"]},
            ["a"],
            None,
            id="recommended-conflicting-with-a-chosen-module-gives-way",
        ),
        pytest.param(
            [
                module("a"),
                module("rec", addresses=["n1"], requires=["b"]),
                module("b", excludes=["a"]),
            ],
            {"needs": ["n1"], "modules": ["a"]},
            ["a"],
            "rec addresses n1 but was left out: rec (addresses need: n1) requires b, "
            "which cannot be planned with a (chosen by the facilitator)",
            id="recommended-whose-prerequisite-conflicts-is-dropped",
        ),
    ],
)
def test_recommended_modules_are_soft(
    make_library: LibraryFactory,
    modules: list[dict[str, Any]],
    request_: dict[str, Any],
    planned: list[str],
    note: str | None,
) -> None:
    # A recommended module that cannot join the plan is left out with the reason, never an error.
    library = load_library(make_library(modules, info={"needs": NEEDS}))
    result = plan_for(library, **request_)
    assert [m.id for m in result.plan.modules] == planned
    if note:
        assert note in result.notes
    else:
        assert str(result.plan.modules[0].reasons[-1]) == (
            "chosen instead of: rec (the two exclude each other)"
        )
