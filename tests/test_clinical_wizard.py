"""The guided planner's clinical messages: what screening adds, lost coverage, the preview."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from rich.console import Console

from hii_planner import Library, PlanRequest, ScheduleRequest, build_plan, load_library
from hii_planner.library.models import ScreeningQuestion
from hii_planner.wizard.clinical import only_sessions, screening_options, unaddressed_by_skipping
from hii_planner.wizard.preview import show_preview
from tests.conftest import LibraryFactory, module, session

NEEDS = [{"id": "n1", "title": "Need one"}, {"id": "n2", "title": "Need two"}]


@pytest.fixture
def library(make_library: LibraryFactory) -> Library:
    sessions = [
        session("one", addresses=["n1"]),
        session("two", addresses=["n2"], optional=True),
        session("three", addresses=["n1"], optional=True),
    ]
    return load_library(
        make_library(
            [
                module("work", addresses=["n1", "n2"], sessions=sessions),
                module("f", track="faith", sessions=2),
                module("review", sessions=[session("check-in", kind="review")]),
            ],
            info={
                "needs": NEEDS,
                "sessions": {"min": 8, "max": 12},
                "review": {"module": "review", "every": 2, "final": False},
            },
        )
    )


@pytest.mark.parametrize(
    ("adds", "first", "expected"),
    [
        pytest.param(["calm"], True, "raises a caution and adds calm, placed first", id="first"),
        pytest.param(["calm"], False, "raises a caution and adds calm", id="in-order"),
        pytest.param(
            [], False, "raises a caution (recorded on the plan); no module is added", id="none"
        ),
    ],
)
def test_screening_options_say_what_an_answer_adds(
    adds: list[str], first: bool, expected: str
) -> None:
    # Before an answer is saved, each choice says what it will add to the plan.
    question = ScreeningQuestion(
        id="q", question="Q?", caution_if=True, caution="C.", adds=adds, first=first
    )
    descriptions = {o.value: o.description for o in screening_options(question)}
    assert descriptions["yes"] == expected
    assert descriptions["no"] == "no caution: nothing is added"


def test_leaving_out_a_needs_only_session_says_so(library: Library) -> None:
    # The optional-sessions step marks a need's only session and names the need it would lose.
    assert only_sessions(library, ["work"], ["n1", "n2"], set()) == {"work/two": ["n2"]}
    assert only_sessions(library, ["work"], ["n1", "n2"], {"work/three"}) == {
        "work/one": ["n1"],
        "work/two": ["n2"],
    }
    assert unaddressed_by_skipping(library, ["work"], ["n1", "n2"], ["work/two", "work/three"]) == [
        "leaving out work/two leaves Need two unaddressed: it was its only session"
    ]


def test_the_preview_shows_coverage_reviews_twin_positions_and_size(library: Library) -> None:
    # The preview gives each need with its sessions, the reviews, the twin track and the size.
    request = PlanRequest(
        participant="P-1",
        needs=["n1", "n2"],
        modules=["f"],
        skip_sessions=["work/two"],
        twin_track="faith",
        schedule=ScheduleRequest(start=dt.date(2027, 1, 4)),
    )
    result = build_plan(library, request, now=dt.datetime(2026, 11, 18, tzinfo=dt.UTC))
    out = io.StringIO()
    show_preview(Console(file=out, width=100, no_color=True), library, result)
    screen = out.getvalue()
    for text in (
        "Usual size: 8 to 12 sessions; this plan has 5",
        "warning: the plan has 5 sessions, fewer than the usual 8 to 12 of Test library",
        "Progress reviews: session",
        "twin track faith: sessions",
        "Need one: sessions",
        "Need two: unaddressed (no planned session addresses it)",
        "needs no planned session addresses: Need two",
    ):
        assert text in screen
