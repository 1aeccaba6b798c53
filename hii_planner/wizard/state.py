"""The guided planner's answers so far, and the requests and trial plans built from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from hii_planner.errors import HiiPlannerError, RequestError
from hii_planner.library.loader import Library
from hii_planner.planning.answers import request_from
from hii_planner.planning.planner import PlanResult, build_plan
from hii_planner.planning.request import PlanRequest
from hii_planner.planning.request_checks import request_problems
from hii_planner.planning.selection import Selection, select_modules
from hii_planner.wizard.prompts import Prompter

STEP_KEYS: dict[str, tuple[str, ...]] = {
    "participant": ("participant",),
    "facilitators": ("facilitators",),
    "screening": ("screening",),
    "needs": ("needs",),
    "modules": ("modules", "exclude"),
    "sessions": ("skip_sessions",),
    "twin-track": ("twin_track",),
    "budget": ("max_sessions",),
    "schedule": ("schedule",),
}
"""Each step and the answers it sets, in the order they are asked."""

# Stands in for the reference while checking one answer on its own.
_PROBE_REFERENCE = "P-0000"


def keys_through(step: str) -> set[str]:
    """The answers set by *step* and every step before it."""
    names = list(STEP_KEYS)
    return {key for name in names[: names.index(step) + 1] for key in STEP_KEYS[name]}


def keys_before(step: str) -> set[str]:
    """The answers set by the steps before *step*."""
    return keys_through(step) - set(STEP_KEYS[step])


def plain(value: Any) -> Any:
    """Answers as JSON-ready data: dates become ISO strings, tuples lists."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


@dataclass
class WizardState:
    """Answers in the answers file's shape, the library, the prompter and the clock."""

    library: Library
    prompter: Prompter
    today: dt.date
    now: dt.datetime
    answers: dict[str, Any] = field(default_factory=dict)
    memory: dict[str, Any] = field(default_factory=dict)
    """What a step remembers between asks (its last raw answer, a generated default)."""

    @property
    def shown(self) -> set[str]:
        """The cautions already shown in this run, so that each is shown once."""
        found = self.memory.setdefault("cautions shown", set())
        assert isinstance(found, set)
        return found

    def request(self, keys: Collection[str]) -> PlanRequest:
        """The request made of the answers under *keys* (others take their defaults)."""
        return request_from({k: v for k, v in self.answers.items() if k in keys})

    def trial(self, keys: Collection[str]) -> PlanResult:
        """The plan the answers under *keys* give; raises the planner's errors."""
        return build_plan(self.library, self.request(keys), now=self.now)

    def try_trial(self, keys: Collection[str]) -> PlanResult | None:
        """The plan the answers under *keys* give, or None if they cannot be planned yet."""
        try:
            return self.trial(keys)
        except HiiPlannerError:
            return None

    def selection(self, keys: Collection[str]) -> Selection | None:
        """The modules the answers under *keys* select (with reasons), or None on a conflict."""
        try:
            return select_modules(self.library, self.request(keys))
        except HiiPlannerError:
            return None

    def planned_nothing(self, keys: Collection[str]) -> bool:
        """True when the answers under *keys* select no module at all (yet)."""
        selection = self.selection(keys)
        return selection is not None and not selection.reasons

    def schedule_answers(self) -> dict[str, Any]:
        """The ``[schedule]`` answers (a copy to change and put back)."""
        return dict(self.answers.get("schedule") or {})


def unusable_answers(library: Library, answers: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The answers without the ids the library does not know, and a message for each one.

    The messages are those of `plan new --no-input` for the same answers. Answers typed
    at a prompt (reference, dates, numbers) are left alone: their prompt checks them.
    """
    kept = dict(answers)
    messages: list[str] = []
    for key in ("needs", "modules", "exclude", "skip_sessions"):
        values = kept.get(key)
        if not isinstance(values, list):
            continue
        good = []
        for value in values:
            problems = _problems({key: [value]}, library)
            messages += problems
            if not problems:
                good.append(value)
        kept[key] = good
    track = kept.get("twin_track")
    if track is not None:
        problems = _problems({"twin_track": track}, library)
        messages += problems
        if problems:
            del kept["twin_track"]
    screening = kept.get("screening")
    if isinstance(screening, dict):
        good_answers = {}
        for question, answer in screening.items():
            problems = _problems({"screening": {question: answer}}, library)
            messages += problems
            if not problems:
                good_answers[question] = answer
        kept["screening"] = good_answers
    return kept, messages


def _problems(answer: dict[str, Any], library: Library) -> list[str]:
    try:
        request = request_from({"participant": _PROBE_REFERENCE, **answer})
    except RequestError as error:
        return error.lines()
    return request_problems(library, request)
