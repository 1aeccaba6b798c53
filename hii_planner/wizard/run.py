"""Start the guided planner for a new plan or an edit: drafts, pre-filled answers, the mode."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from hii_planner import clock
from hii_planner.errors import InterruptedByUser
from hii_planner.library.loader import Library
from hii_planner.planning.planner import PlanResult, build_plan
from hii_planner.planning.replan import Replan, overlay_answers, plan_request, replan
from hii_planner.planning.request import PlanRequest
from hii_planner.plans.models import Plan
from hii_planner.ui.notices import notice
from hii_planner.wizard.drafts import NEW_PLAN, Draft, DraftStore, edit_key
from hii_planner.wizard.flow import PREVIEW, Mode, Outcome, Wizard
from hii_planner.wizard.prompts import Option, Prompter
from hii_planner.wizard.state import STEP_KEYS, WizardState, plain, unusable_answers
from hii_planner.wording import date

NEW_RESUME = "hii-planner plan new --resume"
STEPS_START = next(iter(STEP_KEYS))


def plan_new(
    library: Library,
    answers: Mapping[str, Any],
    *,
    resume: bool,
    save: Callable[[PlanResult], object],
    save_elsewhere: Callable[[PlanResult, str, bool], object] | None = None,
    prompter: Prompter | None = None,
    drafts: DraftStore | None = None,
) -> PlanResult:
    """Ask for a new plan, starting from *answers* (or the saved draft); save it with *save*.

    When the file is already there, *save_elsewhere(result, file, replace)* saves it
    over that file or under another name, as the facilitator chooses.
    """
    prompter = prompter or Prompter()
    drafts = drafts or DraftStore(NEW_PLAN)
    state = _state(library, prompter)
    given = plain(answers)
    draft = _draft_to_continue(prompter, drafts, resume=resume, what="plan new")
    start = STEPS_START
    if draft is not None:
        _note_library_change(prompter, library, draft)
        given = overlay_answers(draft.answers, given)
        start = _known_step(draft.step)

    def build(request: PlanRequest) -> Outcome:
        return Outcome(build_plan(library, request, now=state.now))

    mode = Mode(
        build=build,
        save=lambda outcome: save(outcome.result),
        save_elsewhere=(
            None
            if save_elsewhere is None
            else lambda outcome, file, replace: save_elsewhere(outcome.result, file, replace)
        ),
        resume_command=NEW_RESUME,
        nothing_written="no plan was written",
    )
    _fill(state, given)
    reviewing = draft is not None and draft.reviewing
    return Wizard(state, mode, drafts).run(start, reviewing=reviewing).result


def plan_edit(
    library: Library,
    plan: Plan,
    *,
    plan_file: Path,
    answers: Mapping[str, Any],
    resume: bool,
    save: Callable[[Replan], object],
    prompter: Prompter | None = None,
    drafts: DraftStore | None = None,
) -> Replan:
    """Reopen *plan* at its preview with its own answers (and *answers* over them)."""
    prompter = prompter or Prompter()
    drafts = drafts or DraftStore(edit_key(plan_file))
    state = _state(library, prompter)
    given = overlay_answers(plain(plan_request(plan).model_dump(exclude_none=True)), plain(answers))
    draft = _draft_to_continue(prompter, drafts, resume=resume, what=f"plan edit {plan_file}")
    start = PREVIEW
    if draft is not None:
        _note_library_change(prompter, library, draft)
        if draft.revision is not None and draft.revision != plan.revision:
            notice(
                prompter.console,
                "note",
                f"{plan_file} changed since the draft was saved (revision {draft.revision} "
                f"then, {plan.revision} now); the draft's answers apply to the plan as it is now",
            )
        given = overlay_answers(draft.answers, plain(answers))
        start = _known_step(draft.step)

    def build(request: PlanRequest) -> Outcome:
        edited = replan(library, plan, request, now=state.now)
        return Outcome(edited.result, edited.diff)

    def save_edit(outcome: Outcome) -> None:
        assert outcome.diff is not None  # every edit outcome carries its diff
        save(Replan(result=outcome.result, diff=outcome.diff))

    mode = Mode(
        build=build,
        save=save_edit,
        resume_command=f"hii-planner plan edit {plan_file} --resume",
        nothing_written=f"{plan_file} was not changed",
        save_label="Save the changes",
        plan_file=str(plan_file),
        revision=plan.revision,
    )
    _fill(state, given)
    # An edit starts with every answer given, so it is always a review.
    outcome = Wizard(state, mode, drafts).run(start, reviewing=True)
    assert outcome.diff is not None
    return Replan(result=outcome.result, diff=outcome.diff)


def _state(library: Library, prompter: Prompter) -> WizardState:
    now = clock.now()
    return WizardState(library=library, prompter=prompter, today=clock.today(), now=now)


def _fill(state: WizardState, answers: dict[str, Any]) -> None:
    """Pre-fill the answers, telling the facilitator about any the library does not know."""
    state.answers, problems = unusable_answers(state.library, answers)
    for problem in problems:
        notice(state.prompter.console, "note", f"not used: {problem}")


def _draft_to_continue(
    prompter: Prompter, drafts: DraftStore, *, resume: bool, what: str
) -> Draft | None:
    """The draft to continue: asked for with --resume, or offered when one is waiting."""
    try:
        return _pick_draft(prompter, drafts, resume=resume, what=what)
    except (KeyboardInterrupt, EOFError):
        raise InterruptedByUser(
            "stopped: nothing was written, and the draft is unchanged"
        ) from None


def _pick_draft(prompter: Prompter, drafts: DraftStore, *, resume: bool, what: str) -> Draft | None:
    draft = drafts.load() if drafts.exists() else None
    if draft is None:
        if resume:
            notice(prompter.console, "note", "there is no draft to continue; starting afresh")
        return None
    reference = draft.answers.get("participant") or "no reference yet"
    if resume:
        notice(prompter.console, "note", resuming_words(draft))
        return draft
    choice = prompter.select(
        f"A draft of `{what}` ({reference}, {_when(draft.saved)}) is waiting. Continue it?",
        [
            Option("continue", "Continue the draft"),
            Option("afresh", "Start afresh (the draft is discarded)"),
        ],
        default="continue",
    )
    return draft if choice == "continue" else None


def resuming_words(draft: Draft) -> str:
    """What `--resume` picks up, e.g. "resuming P-1200, saved …, at the Modules step"."""
    from hii_planner.wizard.steps import step_named

    reference = draft.answers.get("participant") or "a plan with no reference yet"
    name = _known_step(draft.step)
    where = "the final preview" if name == PREVIEW else f"the {step_named(name).title} step"
    return f"resuming {reference}, saved {_when(draft.saved)}, at {where}"


def _when(saved: str) -> str:
    """A draft's time as "Sun 22 Nov 2026 11:12 UTC"."""
    try:
        moment = dt.datetime.fromisoformat(saved)
    except ValueError:
        return saved
    utc = moment.astimezone(dt.UTC)
    return f"{date(utc.date())} {utc:%H:%M} UTC"


def _note_library_change(prompter: Prompter, library: Library, draft: Draft) -> None:
    if draft.library_digest and draft.library_digest != library.digest:
        notice(
            prompter.console,
            "note",
            f"the draft was made with another version of the library ({draft.library}); "
            "its answers are checked again as you go",
        )


def _known_step(name: str) -> str:
    return name if name in STEP_KEYS or name == PREVIEW else STEPS_START
