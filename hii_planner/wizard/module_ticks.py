"""Ticks in the modules checkbox, turned into the request's chosen and excluded modules."""

from __future__ import annotations

from collections.abc import Sequence

from hii_planner.errors import HiiPlannerError
from hii_planner.library.loader import Library
from hii_planner.planning.request import PlanRequest
from hii_planner.planning.selection import Selection, select_modules


def modules_answer(
    library: Library,
    request: PlanRequest,
    *,
    ticked: set[str],
    shown: set[str],
    previous_modules: Sequence[str],
    previous_exclude: Sequence[str],
) -> tuple[list[str], list[str]]:
    """Turn ticks into the request's ``modules`` (chosen) and ``exclude`` answers.

    A ticked module the needs would not bring in is chosen; an unticked module that
    was ticked before (or excluded before) and would still come in is excluded. An
    excluded prerequisite is kept as an answer, so the planner can say what it breaks.
    """
    unticked = set(library.modules) - ticked
    exclude = set(previous_exclude) & unticked
    chosen: list[str] = []
    for _ in range(len(library.modules) + 1):
        chosen = _chosen(library, request, ticked, previous_modules, exclude)
        full = _select(library, request, chosen, exclude)
        if full is None:
            break
        more = {m for m in unticked & shown if m in full.reasons} - exclude
        if not more:
            break
        exclude |= more
    # Unticking a module can make its requirements unneeded too: exclude only what must be.
    for module_id in [m for m in reversed(list(library.modules)) if m in exclude]:
        if module_id in previous_exclude:
            continue
        fewer = exclude - {module_id}
        without = _select(
            library, request, _chosen(library, request, ticked, previous_modules, fewer), fewer
        )
        if without is not None and module_id not in without.reasons:
            exclude = fewer
    chosen = _chosen(library, request, ticked, previous_modules, exclude)
    return chosen, [m for m in library.modules if m in exclude]


def _chosen(
    library: Library,
    request: PlanRequest,
    ticked: set[str],
    previous: Sequence[str],
    exclude: set[str],
) -> list[str]:
    """Ticked modules that only come in because they are chosen, earlier choices first."""
    core = {m.id for m in library.modules.values() if m.core}
    candidates = [m for m in previous if m in ticked]
    candidates += [m for m in library.modules if m in ticked - core and m not in candidates]
    base = _comes_in(library, request, [], exclude)
    chosen = [m for m in candidates if m in previous or m not in base]
    for module_id in reversed(list(chosen)):
        if module_id not in previous and module_id in _comes_in(
            library, request, [m for m in chosen if m != module_id], exclude
        ):
            chosen.remove(module_id)
    return chosen


def _comes_in(
    library: Library, request: PlanRequest, chosen: list[str], exclude: set[str]
) -> set[str]:
    """Modules the plan has without being chosen by hand (core, recommended, required).

    When the exclusions break a rule, they are set aside here: the planner will
    explain the broken rule, and a recommended module must not turn into a chosen one.
    """
    found = _select(library, request, chosen, exclude) or _select(library, request, chosen, set())
    return set(found.reasons) if found else set()


def _select(
    library: Library, request: PlanRequest, chosen: list[str], exclude: set[str]
) -> Selection | None:
    trial = request.model_copy(update={"modules": chosen, "exclude": sorted(exclude)})
    try:
        return select_modules(library, trial)
    except HiiPlannerError:
        return None
