"""The planning core: selection, reasons, order, budget, twin track and errors that name the chain."""

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
START = {"start": "2027-01-04"}  # a Monday with no holidays nearby


def plan_for(library: Library, **request: Any) -> PlanResult:
    request.setdefault("participant", "P-0001")
    request.setdefault("schedule", START)
    return build_plan(library, PlanRequest.model_validate(request), now=NOW)


def module_ids(result: PlanResult) -> list[str]:
    return [m.id for m in result.plan.modules]


def session_refs(result: PlanResult) -> list[str]:
    return [f"{s.module}/{s.session}" for s in result.plan.sessions]


@pytest.fixture
def diamond(make_library: LibraryFactory) -> Library:
    return load_library(
        make_library(
            [
                module("a"),
                module("b", requires=["a"]),
                module("c", requires=["a"]),
                module("d", requires=["b", "c"], addresses=["n1"]),
                module("e"),
            ],
            info={"needs": [{"id": "n1", "title": "Need one"}]},
        )
    )


@pytest.mark.parametrize(
    ("request_", "expected_modules", "expected_reasons"),
    [
        pytest.param(
            {"modules": ["d"]},
            ["a", "b", "c", "d"],
            {
                "a": [Reason.required_by("b"), Reason.required_by("c")],
                "d": [Reason.chosen()],
            },
            id="diamond-chosen",
        ),
        pytest.param(
            {"needs": ["n1"]},
            ["a", "b", "c", "d"],
            {"d": [Reason.need("n1")], "b": [Reason.required_by("d")]},
            id="diamond-by-need",
        ),
        pytest.param(
            {"modules": ["e", "d"]},
            ["e", "a", "b", "c", "d"],
            {"e": [Reason.chosen()]},
            id="facilitator-order-first",
        ),
        pytest.param(
            {"modules": ["d", "e"]},
            ["a", "b", "c", "d", "e"],
            {},
            id="prerequisites-pulled-forward-with-their-module",
        ),
    ],
)
def test_selection_and_order(
    diamond: Library,
    request_: dict[str, Any],
    expected_modules: list[str],
    expected_reasons: dict[str, list[Reason]],
) -> None:
    # Every prerequisite is planned before its module; reasons say why each module is there.
    result = plan_for(diamond, **request_)
    assert module_ids(result) == expected_modules
    reasons = {m.id: m.reasons for m in result.plan.modules}
    for module_id, expected in expected_reasons.items():
        assert reasons[module_id] == expected


@pytest.mark.parametrize(
    ("chosen", "expected_modules", "expected_reason"),
    [
        pytest.param(
            ["m"], ["x", "m"], Reason.one_of("m", ("x", "y")), id="first-alternative-pulled-in"
        ),
        pytest.param(["y", "m"], ["y", "m"], None, id="alternative-already-planned"),
        pytest.param(["m", "y"], ["y", "m"], None, id="alternative-chosen-later-still-counts"),
    ],
)
def test_requires_any(
    make_library: LibraryFactory,
    chosen: list[str],
    expected_modules: list[str],
    expected_reason: Reason | None,
) -> None:
    # The first listed alternative is pulled in only when no member of the group is planned.
    library = load_library(
        make_library([module("x"), module("y"), module("m", requires_any=[["x", "y"]])])
    )
    result = plan_for(library, modules=chosen)
    assert module_ids(result) == expected_modules
    if expected_reason:
        assert result.plan.modules[0].reasons == [expected_reason]


def test_requires_any_skips_an_excluded_first_alternative(make_library: LibraryFactory) -> None:
    # When the first alternative is excluded, the next one is pulled in instead.
    library = load_library(
        make_library([module("x"), module("y"), module("m", requires_any=[["x", "y"]])])
    )
    assert module_ids(plan_for(library, modules=["m"], exclude=["x"])) == ["y", "m"]


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        pytest.param(["m"], ["m"], id="after-target-not-pulled-in"),
        pytest.param(["m", "z"], ["z", "m"], id="after-target-ordered-first-when-planned"),
    ],
)
def test_soft_after(make_library: LibraryFactory, chosen: list[str], expected: list[str]) -> None:
    # `after` orders modules that are both planned but never adds one.
    library = load_library(make_library([module("m", after=["z"]), module("z")]))
    assert module_ids(plan_for(library, modules=chosen)) == expected


@pytest.fixture
def exclusive(make_library: LibraryFactory) -> Library:
    return load_library(
        make_library(
            [
                module("p", addresses=["n"], excludes=["q"]),
                module("q", addresses=["n"]),
                module("r", requires=["q"]),
            ],
            info={"needs": [{"id": "n", "title": "N"}]},
        )
    )


def test_exclusive_modules_recommended_by_need_one_wins(exclusive: Library) -> None:
    # Both address the need; the first in library order wins and names the alternative.
    result = plan_for(exclusive, needs=["n"])
    assert module_ids(result) == ["p"]
    assert result.plan.modules[0].reasons == [
        Reason.need("n"),
        Reason.alternative_to("q"),
    ]


def test_exclusive_modules_chosen_by_hand_are_an_error(exclusive: Library) -> None:
    # A facilitator cannot choose two modules that exclude each other.
    with pytest.raises(PlanningError) as caught:
        plan_for(exclusive, modules=["p", "q"])
    assert str(caught.value) == (
        "p (chosen by the facilitator) and q (chosen by the facilitator) exclude each other"
    )
    assert caught.value.hint == "choose only one of p and q"


def test_prerequisite_conflicting_with_a_chosen_module(exclusive: Library) -> None:
    # A module whose prerequisite cannot share the plan with a chosen module is explained.
    with pytest.raises(PlanningError) as caught:
        plan_for(exclusive, modules=["p", "r"])
    assert str(caught.value) == (
        "r (chosen by the facilitator) requires q, which cannot be planned with p "
        "(chosen by the facilitator)"
    )


@pytest.mark.parametrize(
    ("request_", "message", "hint"),
    [
        pytest.param(
            {"modules": ["d"], "exclude": ["b"]},
            "d (chosen by the facilitator) requires b, which you excluded",
            "remove --exclude b, or leave out d",
            id="direct",
        ),
        pytest.param(
            {"needs": ["n1"], "exclude": ["a"]},
            "d (addresses need: n1) requires b, which requires a, which you excluded",
            "remove --exclude a, or leave out b",
            id="chain-from-need",
        ),
    ],
)
def test_excluded_prerequisite_names_the_chain(
    diamond: Library, request_: dict[str, Any], message: str, hint: str
) -> None:
    # Like a package resolver, the error traces the requirement back to its origin.
    with pytest.raises(PlanningError) as caught:
        plan_for(diamond, **request_)
    assert str(caught.value) == message
    assert caught.value.hint == hint


def test_an_empty_plan_is_refused(diamond: Library) -> None:
    # With no core module, choice or need there is nothing to plan, and the error says what to add.
    with pytest.raises(PlanningError) as caught:
        plan_for(diamond)
    assert (
        str(caught.value)
        == "nothing to plan: no module was chosen, recommended for a need, or core"
    )
    assert (
        caught.value.hint
        == "pass --need ID or --module ID (`hii-planner library list` shows modules)"
    )


def test_core_modules_cannot_be_excluded(make_library: LibraryFactory) -> None:
    # Core modules are in every plan; excluding one says so.
    library = load_library(make_library([module("intro", core=True, placement="first")]))
    with pytest.raises(
        PlanningError, match="intro is a core module, in every plan, so it cannot be excluded"
    ):
        plan_for(library, exclude=["intro"])


def test_request_problems_are_listed_together(diamond: Library) -> None:
    # Unknown ids and missing answers come in one error, each with a suggestion where possible.
    with pytest.raises(RequestError) as caught:
        build_plan(
            diamond,
            PlanRequest(
                needs=["n2"],
                modules=["dd"],
                exclude=["zz"],
                twin_track="mian",
                skip_sessions=["a/s1"],
            ),
            now=NOW,
        )
    assert caught.value.lines() == [
        "missing answer: participant, a pseudonymous reference (--participant P-0042)",
        "--need: unknown need 'n2'",
        "--module: unknown module 'dd' (did you mean 'd'?)",
        "--exclude: unknown module 'zz'",
        "--skip-session: a/s1 is not optional, so it cannot be skipped (optional sessions of a: none)",
        "--twin-track: unknown track 'mian' (did you mean 'main'?)",
    ]


@pytest.fixture
def optional_sessions(make_library: LibraryFactory) -> Library:
    sessions = [session("one"), session("two", optional=True), session("three", optional=True)]
    return load_library(
        make_library([module("a", sessions=sessions), module("b", sessions=sessions)])
    )


@pytest.mark.parametrize(
    ("budget", "expected"),
    [
        pytest.param(
            None, ["a/one", "a/two", "a/three", "b/one", "b/two", "b/three"], id="no-budget"
        ),
        pytest.param(6, ["a/one", "a/two", "a/three", "b/one", "b/two", "b/three"], id="fits"),
        pytest.param(
            5, ["a/one", "a/two", "a/three", "b/one", "b/two"], id="drop-one-from-the-end"
        ),
        pytest.param(3, ["a/one", "a/two", "b/one"], id="drop-backwards-across-modules"),
        pytest.param(2, ["a/one", "b/one"], id="only-required-left"),
    ],
)
def test_budget_drops_optional_sessions_from_the_end(
    optional_sessions: Library, budget: int | None, expected: list[str]
) -> None:
    # Optional sessions are dropped from the end backwards until the plan fits.
    result = plan_for(optional_sessions, modules=["a", "b"], max_sessions=budget)
    assert session_refs(result) == expected
    dropped = [f"{i.module}/{i.session}" for i in result.plan.left_out]
    assert len(dropped) == 6 - len(expected)


def test_budget_that_cannot_fit_states_the_minimum(optional_sessions: Library) -> None:
    # When required sessions alone exceed the budget, the error gives the minimum.
    with pytest.raises(PlanningError) as caught:
        plan_for(optional_sessions, modules=["a", "b"], max_sessions=1)
    assert str(caught.value) == "the plan needs at least 2 sessions, but the most allowed is 1"
    assert caught.value.hint is not None and "raise --max-sessions to 2" in caught.value.hint


def test_skipped_sessions_are_left_out_and_recorded(optional_sessions: Library) -> None:
    # Optional sessions can be skipped; the plan records why they are missing.
    result = plan_for(optional_sessions, modules=["a"], skip_sessions=["a/two"])
    assert session_refs(result) == ["a/one", "a/three"]
    assert [(i.session, i.reason) for i in result.plan.left_out] == [
        ("two", "skipped by the facilitator")
    ]


def test_twin_track_spreads_through_the_rest(make_library: LibraryFactory) -> None:
    # A twin track's sessions spread evenly through the others instead of forming a block.
    library = load_library(
        make_library(
            [
                module("intro", placement="first", core=True),
                module("m1", sessions=2, requires=["intro"]),
                module("m2", sessions=2, requires=["m1"]),
                module("f1", sessions=3, track="faith", requires=["intro"]),
                module("end", placement="last", core=True),
            ]
        )
    )
    result = plan_for(library, modules=["m2", "f1"], twin_track="faith")
    assert session_refs(result) == [
        "intro/s1",
        "f1/s1",
        "m1/s1",
        "m1/s2",
        "f1/s2",
        "m2/s1",
        "f1/s3",
        "m2/s2",
        "end/s1",
    ]


def test_twin_track_waits_for_prerequisites(make_library: LibraryFactory) -> None:
    # A twin-track module that requires another module starts only once that one is complete.
    library = load_library(
        make_library(
            [
                module("m1", sessions=3),
                module("m2", sessions=1),
                module("f1", sessions=2, track="faith", requires=["m1"]),
            ]
        )
    )
    result = plan_for(library, modules=["m1", "m2", "f1"], twin_track="faith")
    assert session_refs(result) == ["m1/s1", "m1/s2", "m1/s3", "f1/s1", "m2/s1", "f1/s2"]
    assert "f1 comes later than an even spread: f1 needs m1 first" in result.notes


def test_first_and_last_placement(make_library: LibraryFactory) -> None:
    # `first` and `last` hold whatever order the facilitator chose.
    library = load_library(
        make_library(
            [module("start", placement="first"), module("mid"), module("finish", placement="last")]
        )
    )
    assert module_ids(plan_for(library, modules=["finish", "mid", "start"])) == [
        "start",
        "mid",
        "finish",
    ]


def test_uncovered_needs_and_screening_cautions(make_library: LibraryFactory) -> None:
    # The facilitator learns which assessed needs no module addresses and which cautions apply.
    library = load_library(
        make_library(
            [module("intro", core=True), module("a", addresses=["n1"])],
            info={
                "needs": [{"id": "n1", "title": "One"}, {"id": "n2", "title": "Two"}],
                "screening": [
                    {
                        "id": "ready",
                        "question": "Ready to engage?",
                        "caution_if": False,
                        "caution": "Start slowly.",
                    }
                ],
            },
        )
    )
    result = plan_for(library, needs=["n1", "n2"], screening={"ready": False}, exclude=["a"])
    assert result.uncovered_needs == ["n1", "n2"]
    assert result.notes == ["a addresses n1 but was excluded"]
    assert result.cautions == ["Ready to engage? No: Start slowly."]
    assert result.plan.screening[0].model_dump() == {
        "id": "ready",
        "answer": False,
        "caution": "Start slowly.",
    }
