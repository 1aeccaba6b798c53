"""Steps about content: assessed needs, the modules that follow from them, optional sessions."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from hii_planner.library.models import Module
from hii_planner.planning.ordering import order_modules
from hii_planner.planning.selection import review_module
from hii_planner.plans.reasons import Reason
from hii_planner.ui.notices import notice
from hii_planner.wizard.clinical import only_sessions, unaddressed_by_skipping
from hii_planner.wizard.module_ticks import modules_answer
from hii_planner.wizard.prompts import Entry, Heading, Option
from hii_planner.wizard.state import WizardState, keys_before, keys_through
from hii_planner.wording import hours, plural

_DESCRIPTION_LIMIT = 200


def has_needs(state: WizardState) -> bool:
    """True when the library has a needs catalogue."""
    return bool(state.library.info.needs)


def ask_needs(state: WizardState) -> None:
    """The assessed needs, grouped by dimension, each with its description."""
    library = state.library
    current = set(state.answers.get("needs") or [])
    dimensions = {d.id for d in library.info.dimensions}
    entries: list[Entry] = []
    for dimension in library.info.dimensions:
        needs = [n for n in library.info.needs if n.dimension == dimension.id]
        if needs:
            entries.append(Heading(dimension.title))
        entries += [_need_option(n.id, n.title, n.description, n.id in current) for n in needs]
    others = [n for n in library.info.needs if n.dimension not in dimensions]
    if others and dimensions:
        entries.append(Heading("Other needs"))
    entries += [_need_option(n.id, n.title, n.description, n.id in current) for n in others]
    state.answers["needs"] = state.prompter.checkbox(
        "Assessed needs (tick each need the assessment identified):", entries
    )


def _need_option(need_id: str, title: str, description: str, checked: bool) -> Option:
    return Option(need_id, title, description=_short(description) or None, checked=checked)


def summarise_needs(state: WizardState) -> str:
    """How many needs are ticked."""
    count = len(state.answers.get("needs") or [])
    return "none" if not count else plural(count, "need")


def ask_modules(state: WizardState) -> None:
    """Modules: core and recommended ones pre-ticked with their reason, any other to add."""
    library, prompter = state.library, state.prompter
    previous_modules = list(state.answers.get("modules") or [])
    previous_exclude = list(state.answers.get("exclude") or [])
    current = state.selection(keys_through("modules"))
    if current is not None:
        reasons = current.reasons
        shown = set(reasons)
    else:
        # The last answer broke a rule: show it again as it was ticked, to correct it.
        reasons = {}
        remembered = state.memory.get("modules")
        shown = set(remembered) if isinstance(remembered, list) else set(previous_modules)
    core = {m.id for m in library.modules.values() if m.core}
    shown |= core
    _explain_preticked(state, reasons)
    entries: list[Entry] = []
    for track in library.info.tracks:
        # The review module is placed by the [review] rule, never ticked by hand.
        modules = [
            m
            for m in library.modules.values()
            if m.track == track.id and m.id != review_module(library)
        ]
        if modules:
            entries.append(Heading(track.title))
        for module in modules:
            entries.append(_module_option(module, reasons, shown, previous_exclude))
    ticked = (
        set(prompter.checkbox("Modules (untick to leave one out, tick to add one):", entries))
        | core
    )
    state.memory["modules"] = sorted(ticked)
    request = state.request(keys_before("modules"))
    chosen, exclude = modules_answer(
        library,
        request,
        ticked=ticked,
        shown=shown,
        previous_modules=previous_modules,
        previous_exclude=previous_exclude,
    )
    state.answers["modules"] = chosen
    state.answers["exclude"] = exclude


def _explain_preticked(state: WizardState, reasons: dict[str, list[Reason]]) -> None:
    console = state.prompter.console
    modules = state.library.modules
    explained = {m: why for m, why in reasons.items() if not modules[m].core}
    if not explained:
        return
    console.print("Pre-ticked, besides the core modules:")
    for module_id, why in explained.items():
        console.print(
            Text(f"  • {modules[module_id].title}: ") + Text("; ".join(map(str, why)), style="dim")
        )


def _module_option(
    module: Module, reasons: dict[str, list[Reason]], shown: set[str], excluded: Sequence[str]
) -> Option:
    count = len(module.sessions)
    title = f"{module.title} · {plural(count, 'session')} · {hours(module.minutes)}"
    if module.core:
        return Option(module.id, title, checked=True, disabled="core: in every plan")
    if module.id in reasons:
        description = "; ".join(map(str, reasons[module.id]))
    elif module.id in excluded:
        description = "left out by you · " + _short(module.summary)
    else:
        description = _short(module.summary)
    return Option(module.id, title, description=description or None, checked=module.id in shown)


def summarise_modules(state: WizardState) -> str:
    """How many modules the plan has, and how many were added or left out by hand."""
    chosen = state.answers.get("modules") or []
    excluded = state.answers.get("exclude") or []
    selection = state.selection(keys_through("modules"))
    text = f"{len(selection.reasons)} in the plan" if selection else "to check"
    extras = [f"{len(chosen)} added", f"{len(excluded)} left out"]
    return text + " (" + ", ".join(extras) + ")"


def planned_modules(state: WizardState) -> list[str]:
    """The modules the answers so far put in the plan, in delivery order."""
    keys = keys_through("modules")
    selection = state.selection(keys)
    if selection is None:
        return []
    chosen = list(state.answers.get("modules") or [])
    return order_modules(state.library, list(selection.reasons), chosen)


def _optional(state: WizardState) -> list[tuple[Module, list[str]]]:
    found = []
    for module_id in planned_modules(state):
        module = state.library.modules[module_id]
        optional = [s.id for s in module.sessions if s.optional]
        if optional:
            found.append((module, optional))
    return found


def has_optional_sessions(state: WizardState) -> bool:
    """True when a planned module has sessions the facilitator may leave out."""
    return bool(_optional(state))


def ask_sessions(state: WizardState) -> None:
    """Optional sessions of the planned modules, ticked unless left out; untick to skip."""
    prompter = state.prompter
    previous = list(state.answers.get("skip_sessions") or [])
    entries: list[Entry] = []
    shown: list[str] = []
    needs = list(state.answers.get("needs") or [])
    modules = planned_modules(state)
    alone = only_sessions(state.library, modules, needs, set(previous))
    for module, optional in _optional(state):
        entries.append(Heading(module.title))
        for session_id in optional:
            session = module.session(session_id)
            assert session is not None
            ref = f"{module.id}/{session.id}"
            shown.append(ref)
            description = _short(" ".join(session.objectives))
            if ref in alone:
                description = _only_session(state, alone[ref]) + description
            entries.append(
                Option(
                    ref,
                    f"{session.title} · {session.minutes} min",
                    description=description or None,
                    checked=ref not in previous,
                )
            )
    prompter.console.print(
        "Every other session of the chosen modules is delivered; these are optional."
    )
    kept = set(prompter.checkbox("Optional sessions (untick to leave one out):", entries))
    skipped = [ref for ref in previous if ref not in shown]
    skipped += [ref for ref in shown if ref not in kept]
    for note in unaddressed_by_skipping(state.library, modules, needs, skipped):
        notice(prompter.console, "note", note)
    state.answers["skip_sessions"] = skipped


def _only_session(state: WizardState, needs: list[str]) -> str:
    titles = [state.library.needs[n].title if n in state.library.needs else n for n in needs]
    return "The only session for " + "; ".join(titles) + ". "


def summarise_sessions(state: WizardState) -> str:
    """How many optional sessions are left out."""
    count = len(state.answers.get("skip_sessions") or [])
    return "all kept" if not count else f"{count} optional left out"


def _short(text: str) -> str:
    """The first sentence or so of *text*, on one line."""
    flat = " ".join(text.split())
    if len(flat) <= _DESCRIPTION_LIMIT:
        return flat
    cut = flat[:_DESCRIPTION_LIMIT].rsplit(" ", 1)[0]
    return cut + " …"
