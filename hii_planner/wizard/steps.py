"""The guided planner's steps, in the order a facilitator would follow them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hii_planner.wizard import steps_modules, steps_people, steps_shape
from hii_planner.wizard.state import STEP_KEYS, WizardState


def _always(_state: WizardState) -> bool:
    return True


@dataclass(frozen=True)
class Step:
    """One step: what it asks, how its answer reads, when it applies, what it depends on."""

    name: str
    title: str
    ask: Callable[[WizardState], None]
    summary: Callable[[WizardState], str]
    applies: Callable[[WizardState], bool] = _always
    reads: tuple[str, ...] = ()
    """Answers that change this step's choices: when one changes, the step is asked again."""

    @property
    def keys(self) -> tuple[str, ...]:
        """The answers this step sets."""
        return STEP_KEYS[self.name]


_CONTENT = ("needs", "modules", "exclude")

STEPS: tuple[Step, ...] = (
    Step(
        "participant",
        "Participant",
        steps_people.ask_participant,
        steps_people.summarise_participant,
    ),
    Step(
        "facilitators",
        "Facilitators",
        steps_people.ask_facilitators,
        steps_people.summarise_facilitators,
    ),
    Step(
        "screening",
        "Screening",
        steps_people.ask_screening,
        steps_people.summarise_screening,
        applies=steps_people.has_screening,
    ),
    Step(
        "needs",
        "Assessed needs",
        steps_modules.ask_needs,
        steps_modules.summarise_needs,
        applies=steps_modules.has_needs,
    ),
    Step(
        "modules",
        "Modules",
        steps_modules.ask_modules,
        steps_modules.summarise_modules,
        reads=("needs",),
    ),
    Step(
        "sessions",
        "Sessions within the modules",
        steps_modules.ask_sessions,
        steps_modules.summarise_sessions,
        applies=steps_modules.has_optional_sessions,
        reads=_CONTENT,
    ),
    Step(
        "twin-track",
        "Twin track",
        steps_shape.ask_twin_track,
        steps_shape.summarise_twin_track,
        applies=steps_shape.has_twin_choice,
        reads=_CONTENT,
    ),
    Step("budget", "Session budget", steps_shape.ask_budget, steps_shape.summarise_budget),
    Step("schedule", "Dates", steps_shape.ask_schedule, steps_shape.summarise_schedule),
)

assert [s.name for s in STEPS] == list(STEP_KEYS), "every step sets its own answers"


def step_named(name: str) -> Step:
    """The step called *name*."""
    return next(step for step in STEPS if step.name == name)
