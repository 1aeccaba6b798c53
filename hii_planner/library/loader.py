"""Load a module library folder: read every file, validate it, and check it as a whole."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from hii_planner.errors import LibraryError, Problem, RequestError
from hii_planner.files.bulk import collector_paused
from hii_planner.files.tomlsource import TomlDocument
from hii_planner.files.validation import read_validated
from hii_planner.library.cache import (
    LIBRARY_FILE,
    combined_digest,
    default_library_path,
)
from hii_planner.library.cache import module_files as library_module_files
from hii_planner.library.models import LibraryInfo, Module, Need
from hii_planner.suggest import unknown
from hii_planner.types import SLUG_PATTERN

__all__ = [
    "LIBRARY_FILE",
    "Library",
    "LibraryCheck",
    "check_library",
    "default_library_path",
    "load_library",
]

MAX_MODULE_FILES = 20_000  # the benchmarks check 16,000-module libraries
_SLUG = re.compile(SLUG_PATTERN)
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Library:
    """A valid module library: its description, its modules in library order, its digest."""

    path: Path
    info: LibraryInfo
    modules: Mapping[str, Module]
    digest: str
    file_digests: Mapping[str, str]
    warnings: tuple[Problem, ...] = ()
    files: Mapping[str, str] = field(default_factory=dict)  # module id -> file name

    def module(self, module_id: str) -> Module:
        """The module *module_id*; an unknown id is a request error with suggestions."""
        try:
            return self.modules[module_id]
        except KeyError:
            raise RequestError([unknown("module", module_id, self.modules)]) from None

    @cached_property
    def needs(self) -> dict[str, Need]:
        """Needs by id, in catalogue order."""
        return {need.id: need for need in self.info.needs}

    @cached_property
    def position(self) -> dict[str, int]:
        """Each module's place in library order."""
        return {module_id: index for index, module_id in enumerate(self.modules)}

    @cached_property
    def dependents(self) -> dict[str, list[str]]:
        """For each module, the modules that must follow it (requires, requires_any, after)."""
        found: dict[str, list[str]] = {module_id: [] for module_id in self.modules}
        for module in self.modules.values():
            for earlier in module.prerequisites():
                if earlier in found:
                    found[earlier].append(module.id)
        return found

    @cached_property
    def exclusions(self) -> dict[str, set[str]]:
        """For each module, the modules it cannot share a plan with (either side's excludes)."""
        from hii_planner.library.clinical_checks import exclusions

        return exclusions(self.modules)

    def addressing(self, need_id: str) -> list[Module]:
        """Modules that address *need_id*, in library order."""
        return [m for m in self.modules.values() if need_id in m.addresses]


@dataclass(frozen=True)
class LibraryCheck:
    """Everything `library check` found; ``library`` is set when there are no errors."""

    path: Path
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    library: Library | None

    @property
    def ok(self) -> bool:
        """True when the library can be used."""
        return not self.errors


def load_library(path: Path) -> Library:
    """Load and check the library at *path*; raise `LibraryError` listing every problem."""
    result = check_library(path)
    if result.library is None:
        raise LibraryError(result.errors)
    return result.library


def check_library(path: Path) -> LibraryCheck:
    """Read, validate and cross-check every file of the library at *path*."""
    with collector_paused():
        return _check_library(path)


def _check_library(path: Path) -> LibraryCheck:
    from hii_planner.library.checks import cross_check

    if not path.is_dir():
        reason = "does not exist" if not path.exists() else "is not a folder"
        problem = Problem(str(path), None, "", f"the library folder {reason}")
        return LibraryCheck(path, (problem,), (), None)

    errors: list[Problem] = []
    info_read = _read(path / LIBRARY_FILE, LibraryInfo, errors, missing_hint=True)
    info_doc, info = info_read if info_read is not None else (None, None)

    module_files = library_module_files(path)
    if not module_files:
        errors.append(
            Problem(
                str(path),
                None,
                "",
                "the library has no module files: add one <module-id>.toml per module",
            )
        )
    if len(module_files) > MAX_MODULE_FILES:
        errors.append(Problem(str(path), None, "", f"more than {MAX_MODULE_FILES:,} module files"))
        module_files = module_files[:MAX_MODULE_FILES]

    documents: dict[str, TomlDocument] = {}
    modules: list[Module] = []
    unreadable: dict[str, str] = {}
    for file in module_files:
        found = _read(file, Module, errors)
        if found is None:
            unreadable[file.stem] = str(file)
            continue
        document, module = found
        if not _SLUG.match(file.stem):
            errors.append(
                document.problem(
                    (),
                    f"the file name '{file.name}' is not a valid module id: use lowercase "
                    "letters, digits and single hyphens, such as 'my-module.toml'",
                )
            )
        elif file.stem != module.id:
            errors.append(
                document.problem(
                    ("id",),
                    f"id '{module.id}' does not match the file name: "
                    f'rename the file to {module.id}.toml or set id = "{file.stem}"',
                )
            )
        if module.id in documents:
            # Blame the copy: the file named after the id is the original, whichever
            # sorts first; otherwise the later file is the duplicate.
            earlier = documents[module.id]
            blamed, kept = document, earlier
            if file.stem == module.id and Path(earlier.file).stem != module.id:
                blamed, kept = earlier, document
                modules[[m.id for m in modules].index(module.id)] = module
                documents[module.id] = document
            errors.append(
                blamed.problem(
                    ("id",), f"duplicate module id '{module.id}' (the module is in {kept.file})"
                )
            )
            continue
        documents[module.id] = document
        modules.append(module)

    warnings: list[Problem] = []
    if info is not None and info_doc is not None:
        cross_errors, warnings = cross_check(
            info, info_doc, modules, documents, unreadable=unreadable
        )
        errors.extend(cross_errors)
    if errors or info is None:
        return LibraryCheck(path, tuple(errors), tuple(warnings), None)

    ordered = _library_order(info, modules)
    # The same digests as library_index.file_digests, from the bytes already read.
    digests = {Path(d.file).name: d.digest for d in [info_doc, *documents.values()] if d}
    library = Library(
        path=path,
        info=info,
        modules={m.id: m for m in ordered},
        digest=combined_digest(digests),
        file_digests=digests,
        warnings=tuple(warnings),
        files={m.id: Path(documents[m.id].file).name for m in ordered},
    )
    return LibraryCheck(path, (), tuple(warnings), library)


def _read(
    file: Path, model: type[M], errors: list[Problem], *, missing_hint: bool = False
) -> tuple[TomlDocument, M] | None:
    """The file's document and value, or None with its problems added to *errors*."""
    if missing_hint and not file.exists():
        errors.append(
            Problem(
                str(file),
                None,
                "",
                "library.toml is missing: a library folder needs one "
                "(name, version, tracks, needs); see `hii-planner library schema library`",
            )
        )
        return None
    result = read_validated(file, model)
    if isinstance(result, list):
        errors.extend(result)
        return None
    return result


def _library_order(info: LibraryInfo, modules: list[Module]) -> list[Module]:
    """The order named in library.toml, then the remaining modules by id."""
    rank = {module_id: index for index, module_id in enumerate(info.order)}
    return sorted(modules, key=lambda m: (rank.get(m.id, len(rank)), m.id))
