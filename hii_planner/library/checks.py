"""Checks across the files of a library: references, cycles, placement, repetition."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from hii_planner.errors import Problem
from hii_planner.files.tomlsource import KeyPath, TomlDocument
from hii_planner.library.clinical_checks import clinical_checks
from hii_planner.library.graph import find_cycles
from hii_planner.library.models import LibraryInfo, Module
from hii_planner.suggest import unknown


def cross_check(
    info: LibraryInfo,
    info_doc: TomlDocument,
    modules: Sequence[Module],
    documents: Mapping[str, TomlDocument],
) -> tuple[list[Problem], list[Problem]]:
    """Errors and warnings about how the library's records refer to each other."""
    errors = _check_catalogue(info, info_doc, {m.id for m in modules})
    by_id = {m.id: m for m in modules}
    needs = {n.id for n in info.needs}
    tracks = {t.id for t in info.tracks}
    for module in modules:
        errors.extend(_check_module(module, documents[module.id], by_id, needs, tracks))
    errors.extend(_check_cycles(modules, documents))
    errors.extend(clinical_checks(info, info_doc, modules, documents))
    warnings = _unaddressed_needs(info, info_doc, modules)
    warnings.extend(_repeated_objectives(modules, documents))
    return errors, warnings


def _duplicates(ids: Iterable[str]) -> list[tuple[int, str]]:
    seen: set[str] = set()
    repeated = []
    for index, item in enumerate(ids):
        if item in seen:
            repeated.append((index, item))
        seen.add(item)
    return repeated


def _check_catalogue(info: LibraryInfo, doc: TomlDocument, module_ids: set[str]) -> list[Problem]:
    errors = []
    for table, kind, records in (
        ("dimensions", "dimension", info.dimensions),
        ("needs", "need", info.needs),
        ("tracks", "track", info.tracks),
        ("screening", "screening question", info.screening),
    ):
        for index, record_id in _duplicates(r.id for r in records):
            errors.append(doc.problem((table, index, "id"), f"duplicate {kind} id '{record_id}'"))
    dimensions = {d.id for d in info.dimensions}
    for index, need in enumerate(info.needs):
        if need.dimension is not None and need.dimension not in dimensions:
            errors.append(
                doc.problem(
                    ("needs", index, "dimension"),
                    unknown("dimension", need.dimension, dimensions),
                )
            )
        if need.dimension is None and dimensions:
            errors.append(
                doc.problem(
                    ("needs", index),
                    f"need '{need.id}' has no dimension: the library defines dimensions, "
                    "so every need names one",
                )
            )
    for index, module_id in enumerate(info.order):
        if module_id not in module_ids:
            errors.append(doc.problem(("order", index), unknown("module", module_id, module_ids)))
    for index, module_id in _duplicates(info.order):
        errors.append(doc.problem(("order", index), f"'{module_id}' is listed twice"))
    return errors


def _check_module(
    module: Module,
    doc: TomlDocument,
    by_id: Mapping[str, Module],
    needs: set[str],
    tracks: set[str],
) -> list[Problem]:
    errors = []
    if module.track not in tracks:
        errors.append(doc.problem(("track",), unknown("track", module.track, tracks)))
    for index, need in enumerate(module.addresses):
        if need not in needs:
            errors.append(doc.problem(("addresses", index), unknown("need", need, needs)))

    references: list[tuple[KeyPath, str]] = [
        *((("requires", i), m) for i, m in enumerate(module.requires)),
        *(
            (("requires_any", g, i), m)
            for g, group in enumerate(module.requires_any)
            for i, m in enumerate(group)
        ),
        *((("after", i), m) for i, m in enumerate(module.after)),
        *((("excludes", i), m) for i, m in enumerate(module.excludes)),
    ]
    for path, target in references:
        if target == module.id:
            errors.append(doc.problem(path, f"module '{module.id}' refers to itself"))
        elif target not in by_id:
            errors.append(doc.problem(path, unknown("module", target, by_id)))

    for index, group in enumerate(module.requires_any):
        if not group:
            errors.append(
                doc.problem(("requires_any", index), "an empty group: list at least one module")
            )
    for target in module.requires:
        if target in module.excludes:
            errors.append(
                doc.problem(
                    ("excludes", module.excludes.index(target)),
                    f"'{module.id}' both requires and excludes '{target}'",
                )
            )
        elif target in by_id and module.id in by_id[target].excludes:
            errors.append(
                doc.problem(
                    ("requires", module.requires.index(target)),
                    f"'{module.id}' requires '{target}', which excludes '{module.id}'",
                )
            )
    errors.extend(_check_placement(module, doc, by_id))
    for index, session_id in _duplicates(s.id for s in module.sessions):
        errors.append(
            doc.problem(("sessions", index, "id"), f"duplicate session id '{session_id}'")
        )
    return errors


def _check_placement(
    module: Module, doc: TomlDocument, by_id: Mapping[str, Module]
) -> list[Problem]:
    errors = []
    for key, path, target in _prerequisite_paths(module):
        other = by_id.get(target)
        if other is None:
            continue
        if module.placement == "first" and other.placement != "first":
            errors.append(
                doc.problem(
                    path,
                    f"'{module.id}' is placed first but {_verb(key)} '{target}', "
                    "which is not placed first",
                )
            )
        if other.placement == "last" and module.placement != "last":
            errors.append(
                doc.problem(
                    path,
                    f"'{module.id}' {_verb(key)} '{target}', which is placed last",
                )
            )
    return errors


def _verb(key: str) -> str:
    return {"requires": "requires", "requires_any": "may require", "after": "comes after"}[key]


def _prerequisite_paths(module: Module) -> list[tuple[str, KeyPath, str]]:
    return [
        *(("requires", ("requires", i), m) for i, m in enumerate(module.requires)),
        *(
            ("requires_any", ("requires_any", g, i), m)
            for g, group in enumerate(module.requires_any)
            for i, m in enumerate(group)
        ),
        *(("after", ("after", i), m) for i, m in enumerate(module.after)),
    ]


def _check_cycles(
    modules: Sequence[Module], documents: Mapping[str, TomlDocument]
) -> list[Problem]:
    by_id = {m.id: m for m in modules}
    # Self-references are reported on their own, not as one-module cycles.
    edges = {m.id: [t for t in m.prerequisites() if t != m.id] for m in modules}
    errors = []
    for cycle in find_cycles(list(by_id), edges):
        first, second = cycle[0], cycle[1]
        key, path = next(
            (k, p) for k, p, target in _prerequisite_paths(by_id[first]) if target == second
        )
        errors.append(
            documents[first].problem(
                path,
                "prerequisite cycle: "
                + " → ".join(cycle)
                + f" (each needs the next one first; starts at {key})",
            )
        )
    return errors


def _unaddressed_needs(
    info: LibraryInfo, doc: TomlDocument, modules: Sequence[Module]
) -> list[Problem]:
    addressed = {need for m in modules for need in m.addresses}
    addressed |= {need for m in modules for s in m.sessions for need in s.addresses or []}
    return [
        doc.problem(
            ("needs", index),
            f"no module addresses need '{need.id}'",
            severity="warning",
        )
        for index, need in enumerate(info.needs)
        if need.id not in addressed
    ]


_NOT_WORD = re.compile(r"[\W_]+")


def _repeated_objectives(
    modules: Sequence[Module], documents: Mapping[str, TomlDocument]
) -> list[Problem]:
    """Sessions whose objectives repeat another session's (the evaluation found repetition)."""
    first_seen: dict[str, str] = {}
    places: dict[str, list[tuple[Module, int, int]]] = defaultdict(list)
    for module in modules:
        for s_index, session in enumerate(module.sessions):
            for o_index, objective in enumerate(session.objectives):
                normal = _NOT_WORD.sub(" ", objective.lower()).strip()
                if normal:
                    places[normal].append((module, s_index, o_index))
                    first_seen.setdefault(normal, f"{module.id}/{session.id}")
    warnings = []
    for normal, found in places.items():
        for module, s_index, o_index in found[1:]:
            session = module.sessions[s_index]
            warnings.append(
                documents[module.id].problem(
                    ("sessions", s_index, "objectives", o_index),
                    f"session '{session.id}' repeats an objective of {first_seen[normal]}: "
                    "rewrite one so that each session adds something new",
                    severity="warning",
                )
            )
    return warnings
