"""Checks of the clinical tailoring keys: reviews, screening adds, size range, session needs.

Also the modules that could never be planned: one that excludes something it
requires (directly or through the closure of `requires`) or a core module.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from hii_planner.errors import Problem
from hii_planner.files.tomlsource import TomlDocument
from hii_planner.library.models import LibraryInfo, Module
from hii_planner.suggest import unknown


def clinical_checks(
    info: LibraryInfo,
    info_doc: TomlDocument,
    modules: Sequence[Module],
    documents: Mapping[str, TomlDocument],
) -> list[Problem]:
    """Errors in the clinical tailoring keys of *info* and *modules*."""
    by_id = {m.id: m for m in modules}
    excluding = exclusions(by_id)  # once: per module it made the check quadratic
    core = [m for m in modules if m.core]
    errors = [*_check_size(info, info_doc), *_check_review(info, info_doc, by_id)]
    errors += _check_screening_adds(info, info_doc, by_id, excluding, core)
    needs = {n.id for n in info.needs}
    for module in modules:
        errors += _check_session_needs(module, documents[module.id], needs)
        errors += _never_plannable(module, documents[module.id], by_id, excluding, core)
    return errors


def exclusions(by_id: Mapping[str, Module]) -> dict[str, set[str]]:
    """For each module, those it cannot share a plan with (either side's `excludes`)."""
    found: dict[str, set[str]] = {module_id: set() for module_id in by_id}
    for module in by_id.values():
        for other in module.excludes:
            if other in found:
                found[module.id].add(other)
                found[other].add(module.id)
    return found


def requires_closure(module_id: str, by_id: Mapping[str, Module]) -> dict[str, list[str]]:
    """Every module *module_id* requires, directly or not, with the chain that pulls it in."""
    chains: dict[str, list[str]] = {module_id: [module_id]}
    pending = [module_id]
    while pending:
        current = pending.pop(0)
        for target in by_id[current].requires if current in by_id else []:
            if target in by_id and target not in chains:
                chains[target] = [*chains[current], target]
                pending.append(target)
    del chains[module_id]
    return chains


def _check_size(info: LibraryInfo, doc: TomlDocument) -> list[Problem]:
    size = info.sessions
    if size is None or size.min <= size.max:
        return []
    return [
        doc.problem(
            ("sessions", "min"),
            f"min ({size.min}) is more than max ({size.max}): "
            "the usual range of a plan's size runs from min to max",
        )
    ]


def _check_review(
    info: LibraryInfo, doc: TomlDocument, by_id: Mapping[str, Module]
) -> list[Problem]:
    rule = info.review
    if rule is None:
        return []
    module = by_id.get(rule.module)
    if module is None:
        return [doc.problem(("review", "module"), unknown("module", rule.module, by_id))]
    if len(module.sessions) != 1:
        return [
            doc.problem(
                ("review", "module"),
                f"the review module '{rule.module}' has {len(module.sessions)} sessions: "
                "a review module is the template of one review, so it has exactly one",
            )
        ]
    if module.core:
        return [
            doc.problem(
                ("review", "module"),
                f"the review module '{rule.module}' is a core module: reviews are "
                "placed by the [review] rule, so it cannot also be core",
            )
        ]
    return []


def _check_screening_adds(
    info: LibraryInfo,
    doc: TomlDocument,
    by_id: Mapping[str, Module],
    excluding: Mapping[str, set[str]],
    core_modules: Sequence[Module],
) -> list[Problem]:
    errors = []
    core = [m.id for m in core_modules]
    for q_index, question in enumerate(info.screening):
        for index, module_id in enumerate(question.adds):
            path = ("screening", q_index, "adds", index)
            if module_id not in by_id:
                errors.append(doc.problem(path, unknown("module", module_id, by_id)))
                continue
            rival = next((c for c in core if c in excluding[module_id]), None)
            if rival is not None:
                errors.append(
                    doc.problem(
                        path,
                        f"'{module_id}' cannot be planned with the core module '{rival}' "
                        "(one excludes the other), so this answer could never add it",
                    )
                )
            elif info.review is not None and module_id == info.review.module:
                errors.append(
                    doc.problem(path, f"'{module_id}' is the review module, placed by [review]")
                )
    return errors


def _check_session_needs(module: Module, doc: TomlDocument, needs: set[str]) -> list[Problem]:
    return [
        doc.problem(("sessions", s_index, "addresses", index), unknown("need", need, needs))
        for s_index, session in enumerate(module.sessions)
        for index, need in enumerate(session.addresses or [])
        if need not in needs
    ]


def _never_plannable(
    module: Module,
    doc: TomlDocument,
    by_id: Mapping[str, Module],
    excluding: Mapping[str, set[str]],
    core_modules: Sequence[Module],
) -> list[Problem]:
    """A module whose own requirements or the core modules rule it out of every plan."""
    errors = []
    for core in core_modules:
        if core.id != module.id and core.id in excluding[module.id]:
            errors.append(
                doc.problem(
                    _exclusion_path(module, core.id),
                    f"'{module.id}' can never be planned: it cannot share a plan with "
                    f"the core module '{core.id}', which is in every plan",
                )
            )
    chains = requires_closure(module.id, by_id)
    members = {module.id, *chains}
    for target, chain in chains.items():
        # A direct require-and-exclude pair is reported by the reference checks already.
        direct = {module.id} if len(chain) == 2 else set()
        clash = sorted(m for m in excluding[target] if m in members - direct)
        if clash:
            errors.append(
                doc.problem(
                    ("requires", module.requires.index(chain[1])),
                    f"'{module.id}' can never be planned: it requires "
                    + " → ".join(chain)
                    + f", and '{target}' cannot share a plan with '{clash[0]}'",
                )
            )
            break
    return errors


def _exclusion_path(module: Module, other: str) -> tuple[str | int, ...]:
    if other in module.excludes:
        return ("excludes", module.excludes.index(other))
    return ("id",)
