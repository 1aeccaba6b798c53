"""The guided planner's flow: steps in order, checked as they are answered, then the preview.

Each step is checked by the planner itself as soon as it is answered, with the
answers of the later steps left at their defaults, so a broken rule is explained
at the step that broke it and asked again there. The final screen saves, goes
back to any step, or cancels. Ctrl-C or a closed terminal keeps a draft.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hii_planner import clock
from hii_planner.errors import (
    CancelledByUser,
    HiiPlannerError,
    InterruptedByUser,
    OutputExistsError,
)
from hii_planner.planning.plan_diff import PlanDiff
from hii_planner.planning.planner import PlanResult
from hii_planner.planning.request import PlanRequest
from hii_planner.planning.request_checks import check_request
from hii_planner.ui.notices import notice
from hii_planner.wizard import preview
from hii_planner.wizard.drafts import Draft, DraftStore
from hii_planner.wizard.prompts import Option
from hii_planner.wizard.state import STEP_KEYS, WizardState, keys_through, plain
from hii_planner.wizard.steps import STEPS, Step, step_named

if TYPE_CHECKING:
    from rich.console import Console

PREVIEW = "preview"
_SAVE, _BACK, _CANCEL = "save", "back", "cancel"
_ALL_KEYS = keys_through(list(STEP_KEYS)[-1])
_BEFORE_MODULES = set(list(STEP_KEYS)[: list(STEP_KEYS).index("modules")])


@dataclass(frozen=True)
class Outcome:
    """The plan the answers give, and for an edit what it changes."""

    result: PlanResult
    diff: PlanDiff | None = None


@dataclass(frozen=True)
class Mode:
    """What differs between planning a new plan and editing one."""

    build: Callable[[PlanRequest], Outcome]
    save: Callable[[Outcome], object]
    resume_command: str
    nothing_written: str
    save_label: str = "Save the plan"
    save_elsewhere: Callable[[Outcome, str, bool], object] | None = None
    """Save to another file, or replace (True) the one there: for "Replace / Save as…"."""
    plan_file: str | None = None
    revision: int | None = None


class Wizard:
    """Runs the steps and the final screen over one `WizardState`."""

    def __init__(self, state: WizardState, mode: Mode, drafts: DraftStore) -> None:
        self.state = state
        self.mode = mode
        self.drafts = drafts
        self.position = STEPS[0].name
        self.reviewing = False
        """True once every step has been asked: changes then return to the preview."""
        self._draft_failed = False

    @property
    def console(self) -> Console:
        """The prompter's console."""
        return self.state.prompter.console

    def run(self, start: str, *, reviewing: bool = False) -> Outcome:
        """Ask from step *start* (or the preview) until the plan is saved; return it.

        With *reviewing*, every step has been answered before: after *start* only the
        steps that depend on it are asked again, then the preview comes back.
        """
        self.reviewing = reviewing
        try:
            with _hangup_as_end_of_input():
                return self._run(start)
        except (KeyboardInterrupt, EOFError):
            raise self._interrupted() from None

    def _run(self, start: str) -> Outcome:
        if start != PREVIEW and self.reviewing:
            self._revisit(step_named(start))
        elif start != PREVIEW:
            names = [step.name for step in STEPS]
            for step in STEPS[names.index(start) :]:
                if step.applies(self.state):
                    self.ask(step)
        self.reviewing = True
        while True:
            self.position = PREVIEW
            self.keep_draft()
            self._recheck()
            outcome = self._build()
            if outcome is None:
                self.go_back()
                continue
            preview.show_preview(
                self.console,
                self.state.library,
                outcome.result,
                diff=outcome.diff,
                shown=self.state.shown,
            )
            choice = self.state.prompter.select(
                "What now?",
                [
                    Option(_SAVE, self.mode.save_label),
                    Option(_BACK, "Go back to a step"),
                    Option(_CANCEL, "Cancel (nothing is saved)"),
                ],
                default=_SAVE,
            )
            if choice == _SAVE:
                try:
                    try:
                        self.mode.save(outcome)
                    except OutputExistsError as exists:
                        if self.mode.save_elsewhere is None:
                            raise
                        if not self._save_over(outcome, exists):
                            continue
                except HiiPlannerError as problem:
                    preview.error(
                        self.console,
                        problem,
                        advice="Nothing was saved. To try other options, stop with Ctrl-C "
                        f"(your answers are kept) and run `{self.mode.resume_command}`.",
                    )
                    continue
                self.drafts.discard()
                return outcome
            if choice == _BACK:
                self.go_back()
            elif self.state.prompter.confirm("Cancel and discard these answers?", default=False):
                self.drafts.discard()
                raise CancelledByUser("cancelled: nothing was saved")

    def _save_over(self, outcome: Outcome, exists: OutputExistsError) -> bool:
        """The file is there: replace it, save under another name, or go back (False)."""
        assert self.mode.save_elsewhere is not None
        choice = self.state.prompter.select(
            f"{exists.file} already exists. What now?",
            [
                Option("replace", "Replace it"),
                Option("save-as", "Save as…"),
                Option(_BACK, "Back to the final screen (nothing is saved)"),
            ],
            default=_BACK,
        )
        if choice == _BACK:
            return False
        if choice == "replace":
            self.mode.save_elsewhere(outcome, exists.file, True)
            return True
        name = self.state.prompter.text(
            "Save as (a file name, or a folder to save in):",
            check=lambda text: None if text.strip() else "give a file name",
        )
        self.mode.save_elsewhere(outcome, name.strip(), False)
        return True

    def ask(self, step: Step) -> None:
        """Ask *step* until the planner accepts its answer."""
        self.position = step.name
        self.keep_draft()
        preview.heading(self.console, step.title)
        while True:
            step.ask(self.state)
            problem = self._problem_through(step)
            if problem is None:
                return
            preview.error(self.console, problem)

    def go_back(self) -> None:
        """Let the facilitator pick a step to change; ask again the steps that depend on it."""
        options = [
            Option(step.name, f"{step.title}: {step.summary(self.state)}")
            for step in STEPS
            if step.applies(self.state)
        ]
        options.append(Option(PREVIEW, "Back to the preview"))
        name = self.state.prompter.select("Which step?", options, default=options[0].value)
        if name != PREVIEW:
            self._revisit(step_named(name))

    def _revisit(self, step: Step) -> None:
        """Ask *step* again, then every later step whose choices its answer changed."""
        changed = self._changes(step)
        for later in STEPS[STEPS.index(step) + 1 :]:
            if changed & set(later.reads) and later.applies(self.state):
                changed |= self._changes(later)

    def _changes(self, step: Step) -> set[str]:
        before = plain(self.state.answers)
        self.ask(step)
        after = plain(self.state.answers)
        return {key for key in _ALL_KEYS if before.get(key) != after.get(key)}

    def _recheck(self) -> None:
        """Ask again the first step whose answers the planner refuses, until none is."""
        while True:
            for step in STEPS:
                problem = self._problem_through(step)
                if problem is not None:
                    preview.heading(self.console, step.title)
                    preview.error(self.console, problem)
                    self.ask(step)
                    break
            else:
                return

    def _problem_through(self, step: Step) -> HiiPlannerError | None:
        """What the planner says about the answers up to *step*, or None when it is happy.

        Before the modules step an empty plan is no problem yet: only the answers
        themselves are checked, and the modules step says if nothing is planned.
        """
        keys = keys_through(step.name)
        try:
            if step.name in _BEFORE_MODULES and self.state.planned_nothing(keys):
                check_request(self.state.library, self.state.request(keys))
            else:
                self.state.trial(keys)
        except HiiPlannerError as problem:
            return problem
        return None

    def _build(self) -> Outcome | None:
        try:
            return self.mode.build(self.state.request(_ALL_KEYS))
        except HiiPlannerError as problem:
            preview.error(self.console, problem)
            return None

    def draft(self) -> Draft:
        """The answers so far, as a draft to continue later."""
        library = self.state.library
        return Draft(
            answers=plain(self.state.answers),
            step=self.position,
            saved=clock.now().isoformat(),
            library=f"{library.info.name} {library.info.version}",
            library_digest=library.digest,
            plan_file=self.mode.plan_file,
            revision=self.mode.revision,
            reviewing=self.reviewing,
        )

    def keep_draft(self) -> None:
        """Save the draft now, so that a closed terminal loses nothing; warn once if it fails."""
        try:
            self.drafts.save(self.draft())
        except HiiPlannerError as problem:
            if not self._draft_failed:
                notice(
                    self.console,
                    "warning",
                    f"cannot keep a draft ({problem}); answers are lost if the planner stops",
                    style="bold yellow",
                )
            self._draft_failed = True

    def _interrupted(self) -> InterruptedByUser:
        try:
            self.drafts.save(self.draft())
        except HiiPlannerError:
            return InterruptedByUser(
                f"stopped: {self.mode.nothing_written}, and the answers could not be kept"
            )
        return InterruptedByUser(
            f"stopped: {self.mode.nothing_written}; your answers so far are kept in a "
            "private draft",
            hint=f"run `{self.mode.resume_command}` to continue where you stopped",
        )


@contextlib.contextmanager
def _hangup_as_end_of_input() -> Iterator[None]:
    """Treat a closed terminal (SIGHUP) like the end of input, so the draft is kept."""

    def hang_up(_signum: int, _frame: object) -> None:
        raise EOFError("the terminal was closed")

    hangup = getattr(signal, "SIGHUP", None)
    previous = None
    if hangup is not None:
        with contextlib.suppress(ValueError):  # only the main thread may set handlers
            previous = signal.signal(hangup, hang_up)
    try:
        yield
    finally:
        if hangup is not None and previous is not None:
            signal.signal(hangup, previous)
