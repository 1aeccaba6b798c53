"""Steps about the people: the participant's reference, the facilitators, the screening."""

from __future__ import annotations

from pathlib import Path

from hii_planner.planning.screening import what_it_adds
from hii_planner.types import MAX_FACILITATORS
from hii_planner.ui.notices import notice
from hii_planner.wizard.clinical import NOT_ANSWERED, screening_options
from hii_planner.wizard.reference import generate_reference, looks_like_name, reference_problem
from hii_planner.wizard.state import WizardState
from hii_planner.wording import plural

_NAME_LIMIT = 80


def ask_participant(state: WizardState) -> None:
    """A pseudonymous reference; a generated one by default, a warning if it reads like a name."""
    prompter = state.prompter
    default = state.answers.get("participant") or _generated(state)
    while True:
        reference = prompter.text(
            "Participant reference (pseudonymous, never a name):",
            default=str(default),
            check=reference_problem,
        ).strip()
        if not looks_like_name(reference):
            break
        notice(
            prompter.console,
            "warning",
            f"'{reference}' looks like a name or initials. Plans identify people by a "
            "pseudonymous reference only, such as the case system's code or "
            f"{_generated(state)}.",
            style="bold yellow",
        )
        if prompter.confirm("Use it anyway?", default=False):
            break
        default = _generated(state)
    state.answers["participant"] = reference


def _generated(state: WizardState) -> str:
    """One generated reference per run, avoiding plan files already in this folder."""
    found = state.memory.get("reference")
    if not isinstance(found, str):
        found = generate_reference(lambda ref: Path(f"{ref}.toml").exists())
        state.memory["reference"] = found
    return found


def summarise_participant(state: WizardState) -> str:
    """The reference chosen."""
    return str(state.answers.get("participant") or "not chosen yet")


def ask_facilitators(state: WizardState) -> None:
    """One or two facilitators, by name or staff code; Enter leaves them out."""
    prompter = state.prompter
    current = list(state.answers.get("facilitators") or [])
    names: list[str] = []
    for index in range(MAX_FACILITATORS):
        if index > 0 and not names:
            break
        message = (
            "Facilitator (Enter for none):"
            if index == 0
            else "Second facilitator (Enter for none):"
        )
        name = prompter.text(
            message, default=current[index] if index < len(current) else "", check=_name_problem
        ).strip()
        if not name:
            break
        names.append(name)
    state.answers["facilitators"] = names


def _name_problem(value: str) -> str | None:
    if len(value.strip()) > _NAME_LIMIT:
        return f"at most {_NAME_LIMIT} characters"
    return None


def summarise_facilitators(state: WizardState) -> str:
    """The facilitators, or none."""
    return ", ".join(state.answers.get("facilitators") or []) or "none"


def has_screening(state: WizardState) -> bool:
    """True when the library asks screening questions."""
    return bool(state.library.info.screening)


def ask_screening(state: WizardState) -> None:
    """Each screening question; an answer that raises a caution shows it at once."""
    prompter = state.prompter
    answers = dict(state.answers.get("screening") or {})
    for question in state.library.info.screening:
        current = answers.get(question.id)
        default = NOT_ANSWERED if current is None else ("yes" if current else "no")
        choice = prompter.select(question.question, screening_options(question), default=default)
        if choice == NOT_ANSWERED:
            answers.pop(question.id, None)
            continue
        answers[question.id] = choice == "yes"
        if answers[question.id] == question.caution_if:
            shown = state.shown
            if question.caution not in shown:  # once, even when the step is asked again
                notice(prompter.console, "caution", question.caution, style="bold yellow")
                shown.add(question.caution)
                if question.adds:
                    notice(prompter.console, "note", what_it_adds(question, True))
    state.answers["screening"] = answers


def summarise_screening(state: WizardState) -> str:
    """How many questions are answered, and how many raise a caution."""
    questions = state.library.info.screening
    answers = state.answers.get("screening") or {}
    cautions = sum(1 for q in questions if q.id in answers and answers[q.id] == q.caution_if)
    text = f"{sum(1 for q in questions if q.id in answers)} of {len(questions)} answered"
    return text + (f", {plural(cautions, 'caution')}" if cautions else "")
