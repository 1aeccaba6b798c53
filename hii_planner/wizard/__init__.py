"""The guided planner (questionary): asks the questions, returns the plan it saved.

It only collects answers: the plan request it builds is the one `plan new` builds
from flags or an answers file, checked by the same planner with the same messages.
Everything is imported when the planner starts, so `plan new --no-input` never
loads questionary.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hii_planner.library.loader import Library
    from hii_planner.planning.planner import PlanResult
    from hii_planner.planning.replan import Replan
    from hii_planner.plans.models import Plan
    from hii_planner.wizard.drafts import DraftStore
    from hii_planner.wizard.prompts import Prompter


def run_wizard(
    library: Library,
    answers: dict[str, Any],
    *,
    resume: bool,
    save: Callable[[PlanResult], object],
    save_elsewhere: Callable[[PlanResult, str, bool], object] | None = None,
    prompter: Prompter | None = None,
    drafts: DraftStore | None = None,
) -> PlanResult:
    """Ask the facilitator every question, starting from *answers*; save and return the plan.

    *save* writes the plan; if it fails, its message is shown and the final screen
    comes back. The draft is deleted once *save* succeeds. Ctrl-C or a closed
    terminal keeps the draft and raises `InterruptedByUser` (exit 130). When the plan
    file is already there, the facilitator may replace it or save under another name
    through *save_elsewhere(result, file, replace)*.
    """
    from hii_planner.wizard.run import plan_new

    return plan_new(
        library,
        answers,
        resume=resume,
        save=save,
        save_elsewhere=save_elsewhere,
        prompter=prompter,
        drafts=drafts,
    )


def run_edit_wizard(
    library: Library,
    plan: Plan,
    *,
    plan_file: Path,
    answers: dict[str, Any],
    resume: bool,
    save: Callable[[Replan], object],
    prompter: Prompter | None = None,
    drafts: DraftStore | None = None,
) -> Replan:
    """Reopen *plan* in the guided planner, pre-filled from it (and *answers*); save the edit."""
    from hii_planner.wizard.run import plan_edit

    return plan_edit(
        library,
        plan,
        plan_file=plan_file,
        answers=answers,
        resume=resume,
        save=save,
        prompter=prompter,
        drafts=drafts,
    )
