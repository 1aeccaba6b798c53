"""Which modules a plan contains, and why: core, chosen, recommended by need, required."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from hii_planner.errors import PlanningError
from hii_planner.library.loader import Library
from hii_planner.planning.request import PlanRequest
from hii_planner.planning.screening import raised, screening_reason
from hii_planner.plans.reasons import Reason


class _Conflict(PlanningError):
    """A module cannot join the plan because of `excludes`: soft for recommended modules."""


@dataclass
class Selection:
    """Modules in the order they were selected, each with its reasons."""

    reasons: dict[str, list[Reason]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add(self, module_id: str, reason: Reason) -> bool:
        """Add *module_id* for *reason*; True if the module is new to the selection."""
        new = module_id not in self.reasons
        found = self.reasons.setdefault(module_id, [])
        if reason not in found:
            found.append(reason)
        return new

    def chain(self, module_id: str) -> str:
        """How *module_id* came in, ready for a verb: ``a (chosen ...) requires b, which``."""
        path = [module_id]
        while (parent := self.reasons[path[0]][0].parent) is not None and parent not in path:
            path.insert(0, parent)
        root = path[0]
        text = f"{root} ({self.reasons[root][0]})"
        for later in path[1:]:
            text += f" requires {later}, which"
        return text


def _title(library: Library, module_id: str) -> str:
    return library.modules[module_id].title if module_id in library.modules else module_id


def _conflict(library: Library, a: str, b: str) -> bool:
    return b in library.exclusions[a]


def _rival(library: Library, selection: Selection, module_id: str) -> str | None:
    """A selected module that cannot be planned together with *module_id*."""
    return next((m for m in library.exclusions[module_id] if m in selection.reasons), None)


def select_modules(library: Library, request: PlanRequest) -> Selection:
    """Core and chosen modules, those screening or the needs add, and all they require.

    Core and chosen modules are hard: a conflict among them, or with what they
    require, is an error. Modules added by screening or recommended for a need are
    soft: one that `excludes` keeps out of the plan is left out, with the reason in
    the notes. An `--exclude`d module that any of them requires is always an error.
    """
    selection = Selection()
    excluded = set(request.exclude)
    for module in library.modules.values():
        if module.core:
            if module.id in excluded:
                raise PlanningError(
                    f"{module.id} is a core module, in every plan, so it cannot be excluded",
                    hint=f"remove --exclude {module.id}",
                    wizard_hint=f"Tick {module.title} again: a core module is in every plan.",
                )
            selection.add(module.id, Reason.core())
    for module_id in request.modules:
        selection.add(module_id, Reason.chosen())
    _refuse_chosen_conflicts(library, selection)
    _close_over_prerequisites(library, selection, excluded)

    for question in raised(library, request):
        for module_id in question.adds:
            _add_softly(library, selection, module_id, screening_reason(question.id), excluded)
    for need in request.needs:
        for module in library.addressing(need):
            if module.id != review_module(library):
                _add_softly(library, selection, module.id, Reason.need(need), excluded)
    return selection


def review_module(library: Library) -> str | None:
    """The library's review module (placed by the [review] rule, never selected), if any."""
    rule = library.info.review
    return rule.module if rule is not None and rule.module in library.modules else None


def _refuse_chosen_conflicts(library: Library, selection: Selection) -> None:
    chosen = list(selection.reasons)
    for index, first in enumerate(chosen):
        for second in chosen[index + 1 :]:
            if _conflict(library, first, second):
                hard = [m for m in (first, second) if selection.reasons[m][0].kind != "core"]
                raise PlanningError(
                    f"{first} ({selection.reasons[first][0]}) and {second} "
                    f"({selection.reasons[second][0]}) exclude each other",
                    hint=f"choose only one of {first} and {second}"
                    if len(hard) == 2
                    else f"leave out --module {hard[0]}: core modules are in every plan",
                )


def _add_softly(
    library: Library, selection: Selection, module_id: str, reason: Reason, excluded: set[str]
) -> None:
    """Add *module_id* with all it requires, or leave it out and note why."""
    if module_id in selection.reasons:
        selection.add(module_id, reason)
        return
    if module_id in excluded:
        selection.notes.append(f"{module_id} {_for(reason)} but was excluded")
        return
    rival = _rival(library, selection, module_id)
    if rival is not None:
        selection.add(rival, Reason.alternative_to(module_id))
        return
    trial = Selection({m: list(r) for m, r in selection.reasons.items()}, list(selection.notes))
    trial.add(module_id, reason)
    try:
        _close_over_prerequisites(library, trial, excluded)
    except _Conflict as error:
        selection.notes.append(f"{module_id} {_for(reason)} but was left out: {error}")
        return
    selection.reasons = trial.reasons


def _for(reason: Reason) -> str:
    """``addresses n1`` or ``is added by screening: q`` for a soft module's note."""
    if reason.kind == "need":
        return f"addresses {reason.target}"
    return f"is added by {reason}"


def _close_over_prerequisites(library: Library, selection: Selection, excluded: set[str]) -> None:
    """Pull in every `requires` target, then one member of each unmet `requires_any` group."""
    pending = list(selection.reasons)
    while pending:
        while pending:
            module_id = pending.pop(0)
            for target in library.modules[module_id].requires:
                _require(library, selection, module_id, target, excluded, pending)
        for module_id in [m for m in selection.reasons if library.modules[m].requires_any]:
            for group in library.modules[module_id].requires_any:
                if any(member in selection.reasons for member in group):
                    continue
                pick = _first_possible(library, selection, group, excluded)
                if pick is None:
                    raise PlanningError(
                        f"{selection.chain(module_id)} needs one of {_listing(group)} first, "
                        "but each is excluded or conflicts with the plan",
                        hint=f"allow one of {_listing(group)}, or leave out {module_id}",
                    )
                selection.add(pick, Reason.one_of(module_id, tuple(group)))
                pending.append(pick)


def _require(
    library: Library,
    selection: Selection,
    module_id: str,
    target: str,
    excluded: set[str],
    pending: list[str],
) -> None:
    if target in excluded:
        raise PlanningError(
            f"{selection.chain(module_id)} requires {target}, which you excluded",
            hint=f"remove --exclude {target}, or leave out {module_id}",
            wizard_hint=f"Tick {_title(library, target)} again, "
            f"or untick {_title(library, module_id)}.",
        )
    rival = _rival(library, selection, target)
    if rival is not None and target not in selection.reasons:
        raise _Conflict(
            f"{selection.chain(module_id)} requires {target}, which cannot be planned "
            f"with {rival} ({selection.reasons[rival][0]})",
            hint=f"leave out {module_id}"
            if selection.reasons[rival][0].kind == "core"
            else f"leave out {module_id} or {rival}",
        )
    if selection.add(target, Reason.required_by(module_id)):
        pending.append(target)


def _first_possible(
    library: Library, selection: Selection, group: Iterable[str], excluded: set[str]
) -> str | None:
    for member in group:
        if member in excluded:
            continue
        if _rival(library, selection, member) is not None:
            continue
        return member
    return None


def _listing(items: Iterable[str]) -> str:
    names = list(items)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
