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
from hii_planner.types import ClockTime, Reference, SessionRef

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


def _pattern(alias: object) -> str:
    found = [m.pattern for m in getattr(alias, "__metadata__", ()) if hasattr(m, "pattern")]
    return str(found[0])


# Patterns are said in words: a regular expression means nothing to most readers.
_PATTERN_RULES = {
    _pattern(Reference): "a reference is up to 40 letters, digits, dots, hyphens and "
    "underscores, starting with a letter or digit, such as P-0042",
    _pattern(SessionRef): "a session is written module-id/session-id, such as "
    "getting-started/welcome",
    _pattern(ClockTime): "a time is HH:MM on the 24-hour clock, such as 10:00",
}


# Wrong types in words: TOML's own spelling, never a Python type name.
_TYPE_WORDS = {
    "int_type": "should be a whole number, such as 60 (without quotes or a decimal point)",
    "int_parsing": "should be a whole number, such as 60",
    "int_from_float": "should be a whole number, such as 60 (without a decimal point)",
    "bool_type": "should be true or false (without quotes)",
    "bool_parsing": "should be true or false (without quotes)",
    "string_type": "should be text in quotes",
    "list_type": 'should be a list in square brackets, such as ["a", "b"]',
    "dict_type": "should be a table",
    "model_type": "should be a table of keys, such as [[sessions]] with its keys below",
    "float_type": "should be a number",
    "datetime_type": "should be a date and time, such as 2026-11-22T10:00:00Z",
    "date_type": "should be a date, such as 2027-01-04",
}


# Pydantic's range checks, in the file author's words: "0 is too small: the least allowed is 1".
_BOUNDS = {
    "greater_than_equal": ("ge", "small: the least allowed is"),
    "greater_than": ("gt", "small: it must be more than"),
    "less_than_equal": ("le", "large: the most allowed is"),
    "less_than": ("lt", "large: it must be less than"),
}


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
        if pattern in _PATTERN_RULES:
            return f"{value!r} is not allowed: {_PATTERN_RULES[pattern]}"
        if "a-z0-9]+(-" in pattern:
            return (
                f"{value!r} is not a valid id: use lowercase letters, digits and single "
                "hyphens, such as 'my-module'"
            )
        return f"{value!r} is not allowed: it has characters that are not allowed here"
    if kind in _TYPE_WORDS:
        shown = str(value).lower() if isinstance(value, bool) else repr(value)
        return f"{shown} {_TYPE_WORDS[kind]}"
    if kind == "value_error":
        # Our own validators word their messages for the file's author.
        return str((error.get("ctx") or {}).get("error", error["msg"]))
    if kind == "literal_error":
        expected = str((error.get("ctx") or {}).get("expected", ""))
        return f"{value!r} is not allowed: use {expected}"
    if kind in _BOUNDS:
        limit, words = _BOUNDS[kind]
        return f"{value!r} is too {words} {(error.get('ctx') or {}).get(limit)}"
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
