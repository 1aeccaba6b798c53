"""Drive the guided planner's real questionary prompts with keys (the library: fixture "wizard")."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from hii_planner import HiiPlannerError, Library, Plan, PlanResult, Replan
from hii_planner.wizard import run_edit_wizard, run_wizard
from hii_planner.wizard.prompts import Prompter

ENTER = "\r"
DOWN = "\x1b[B"
UP = "\x1b[A"
SPACE = " "
CTRL_C = "\x03"
CLEAR = "\x15"  # Ctrl-U: clear the text typed before the cursor (the default)


def down(times: int) -> str:
    """The down arrow, *times* times."""
    return DOWN * times


def retype(text: str) -> str:
    """Replace a text prompt's default with *text* and confirm it."""
    return CLEAR + text + ENTER


@dataclass
class Run:
    """What one run of the guided planner did."""

    screen: str
    saved: list[Any] = field(default_factory=list)
    result: Any = None
    error: HiiPlannerError | None = None


def _drive(keys: Sequence[str], call: Callable[[Prompter, list[Any]], Any]) -> Run:
    out = io.StringIO()
    console = Console(file=out, width=80, no_color=True, highlight=False)
    saved: list[Any] = []
    run = Run(screen="", saved=saved)
    with create_pipe_input() as pipe:
        pipe.send_text("".join(keys))
        # Closing the input makes any question the test did not expect end the run
        # (as a closed terminal would) instead of waiting for keys forever.
        pipe.close()
        prompter = Prompter(input=pipe, output=DummyOutput(), console=console)
        try:
            run.result = call(prompter, saved)
        except HiiPlannerError as error:
            run.error = error
    run.screen = out.getvalue()
    return run


def plan_new(
    library: Library,
    keys: Sequence[str],
    *,
    answers: dict[str, Any] | None = None,
    resume: bool = False,
    save: Callable[[PlanResult], object] | None = None,
) -> Run:
    """Run `plan new`'s guided planner with *keys* typed."""

    def call(prompter: Prompter, saved: list[Any]) -> PlanResult:
        def keep(result: PlanResult) -> None:
            if save is not None:
                save(result)
            saved.append(result)

        return run_wizard(library, answers or {}, resume=resume, save=keep, prompter=prompter)

    return _drive(keys, call)


def plan_edit(
    library: Library,
    plan: Plan,
    plan_file: Path,
    keys: Sequence[str],
    *,
    save: Callable[[Replan], object],
    answers: dict[str, Any] | None = None,
    resume: bool = False,
) -> Run:
    """Run `plan edit`'s guided planner on *plan* with *keys* typed."""

    def call(prompter: Prompter, saved: list[Any]) -> Replan:
        def keep(edited: Replan) -> None:
            save(edited)
            saved.append(edited)

        return run_edit_wizard(
            library,
            plan,
            plan_file=plan_file,
            answers=answers or {},
            resume=resume,
            save=keep,
            prompter=prompter,
        )

    return _drive(keys, call)
