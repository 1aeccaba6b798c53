"""The guided planner's flow, driven by a scripted Prompter (answers by value, no keystrokes)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hii_planner import Library, PlanRequest, PlanResult, build_plan, clock, dumps_plan
from hii_planner.wizard import run_wizard
from tests.conftest import LibraryFactory, fixture_library
from tests.fake_prompter import ENTER, ScriptedPrompter


def run(library: Library, answers: list[Any]) -> tuple[ScriptedPrompter, PlanResult]:
    prompter = ScriptedPrompter(answers)
    saved: list[PlanResult] = []
    result = run_wizard(library, {}, resume=False, save=saved.append, prompter=prompter)
    assert saved == [result]
    return prompter, result


def test_enter_everywhere_gives_the_no_input_plan(make_library: LibraryFactory) -> None:
    # Taking every default gives the plan --no-input builds with no schedule answers,
    # and the schedule step offers the one rule's start and weekday.
    library = fixture_library(make_library, "wizard")
    prompter, result = run(library, [ENTER] * 20)
    reference = result.plan.participant.reference
    expected = build_plan(library, PlanRequest(participant=reference), now=clock.now())
    assert dumps_plan(result.plan) == dumps_plan(expected.plan)
    defaults = {a.message: a.default for a in prompter.asked}
    assert defaults["First possible session date (YYYY-MM-DD):"] == "2026-11-19"
    assert defaults["On which day?"] == "thu"


def test_scripted_answers_shape_the_plan(make_library: LibraryFactory) -> None:
    # Answers given by value reach the plan: reference, need, schedule.
    answers: list[Any] = [
        "P-0042",  # reference
        ENTER,  # facilitator
        ENTER,  # screening
        ["belonging"],  # needs
        *[ENTER] * 3,  # modules, sessions, budget (as offered)
        "2027-01-05",  # start
        "twice-weekly",
        ["tue", "fri"],
        "scotland",
        *[ENTER] * 5,
    ]
    prompter, result = run(fixture_library(make_library, "wizard"), answers)
    plan = result.plan
    assert plan.participant.reference == "P-0042"
    assert plan.participant.needs == ["belonging"]
    assert (plan.schedule.start, plan.schedule.weekdays, plan.schedule.holidays) == (
        dt.date(2027, 1, 5),
        ["tue", "fri"],
        "scotland",
    )
    assert [a.kind for a in prompter.asked][:4] == ["text", "text", "select", "checkbox"]
