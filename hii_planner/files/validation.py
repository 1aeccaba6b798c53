"""Read a TOML file and validate it: every problem located, for the author to act on.

`read_validated` is the one path for library, plan and answers files: read the TOML
(with line numbers), validate it against its model, and return the value or every
problem, each with its file, line and key path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from hii_planner.errors import Problem
from hii_planner.files.tomlsource import KeyPath, TomlDocument, read_toml
from hii_planner.suggest import did_you_mean

M = TypeVar("M", bound=BaseModel)


def _keys_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> set[str]:
    """The keys allowed in the table that holds *loc*, for "did you mean" on unknown keys."""
    current = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        nested = _nested_models(field.annotation) if field else []
        if not nested:
            break
        current = nested[0]
    return set(current.model_fields)


def _nested_models(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in getattr(annotation, "__args__", ()):
        found.extend(_nested_models(arg))
    return found


def _message(error: ErrorDetails, model: type[BaseModel]) -> str:
    kind = error["type"]
    loc = error["loc"]
    value = error.get("input")
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else "?"
        return f"unknown key '{name}'{did_you_mean(name, _keys_at(model, loc))}"
    if kind == "missing":
        return "missing required key"
    if kind == "string_pattern_mismatch":
        pattern = str((error.get("ctx") or {}).get("pattern", ""))
        if "a-z0-9]+(-" in pattern:
            return (
                f"{value!r} is not a valid id: use lowercase letters, digits and single "
                "hyphens, such as 'my-module'"
            )
        return f"{value!r} is not allowed here ({error['msg'].lower()})"
    if kind == "literal_error":
        return f"{value!r} is not allowed: {error['msg'][0].lower()}{error['msg'][1:]}"
    text = error["msg"]
    return text[0].lower() + text[1:] if text else kind


def problems_from(
    error: ValidationError, document: TomlDocument, model: type[BaseModel]
) -> list[Problem]:
    """One problem per validation error, each with its file, line and key path."""
    problems = []
    for detail in error.errors():
        path: KeyPath = tuple(p for p in detail["loc"] if isinstance(p, str | int))
        problems.append(document.problem(path, _message(detail, model)))
    return problems


def validate_document(document: TomlDocument, model: type[M]) -> M | list[Problem]:
    """Validate a parsed document against *model*, or return its problems."""
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        return problems_from(error, document, model)


def read_validated(
    path: Path,
    model: type[M],
    *,
    precheck: Callable[[TomlDocument], list[Problem]] | None = None,
) -> tuple[TomlDocument, M] | list[Problem]:
    """The document at *path* and its value as *model*, or every problem found.

    *precheck* looks at the parsed document first (say, that it is a file of the right
    kind), so that a wrong file gets one clear problem rather than many field errors.
    """
    document = read_toml(path)
    if isinstance(document, Problem):
        return [document]
    if precheck is not None and (problems := precheck(document)):
        return problems
    result = validate_document(document, model)
    return result if isinstance(result, list) else (document, result)
