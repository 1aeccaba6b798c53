"""Answers files and flags: merged into one plan request, flags overriding the file."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hii_planner.errors import AnswersFileError, FileAccessError, RequestError
from hii_planner.files.tomlsource import not_a_file
from hii_planner.files.validation import problems_from, read_validated
from hii_planner.planning.request import PlanRequest

SCHEDULE_KEYS = ("start", "cadence", "weekdays", "holidays", "time", "place", "closures")


def read_answers(path: Path) -> dict[str, Any]:
    """The answers in an answers file, checked against the request's shape with lines."""
    reason = not_a_file(path)
    if reason is not None:
        raise FileAccessError(f"answers file {path} {reason}")
    result = read_validated(path, PlanRequest)
    if isinstance(result, list):
        raise AnswersFileError(str(path), result)
    return result[0].data


def answers_from_bytes(raw: bytes, *, name: str = "<stdin>") -> dict[str, Any]:
    """The answers in TOML bytes (``--answers -``), checked as a file's are, with lines."""
    from hii_planner.errors import Problem
    from hii_planner.files.tomlsource import parse_toml
    from hii_planner.files.validation import validate_document

    document = parse_toml(raw, file=name)
    if isinstance(document, Problem):
        raise AnswersFileError(name, [document])
    result = validate_document(document, PlanRequest)
    if isinstance(result, list):
        raise AnswersFileError(name, result)
    return document.data


def merge_answers(answers: Mapping[str, Any], flags: Mapping[str, Any]) -> dict[str, Any]:
    """Answers with every given flag laid over them (``None`` and empty lists mean "not given").

    Schedule flags (start, cadence, weekdays, holidays, time, place, closures) go into
    the ``[schedule]`` table.
    """
    merged = dict(answers)
    schedule = dict(merged.get("schedule") or {})
    for key, value in flags.items():
        if value is None or value == [] or value == ():
            continue
        if key in SCHEDULE_KEYS:
            schedule[key] = value
        else:
            merged[key] = value
    if schedule:
        merged["schedule"] = schedule
    return merged


def request_from(data: Mapping[str, Any], *, source: str = "answers") -> PlanRequest:
    """Validate merged answers into a `PlanRequest`, listing every problem at once."""
    from pydantic import ValidationError

    from hii_planner.files.tomlsource import TomlDocument

    try:
        return PlanRequest.model_validate(dict(data))
    except ValidationError as error:
        problems = problems_from(error, TomlDocument(file=source, data=dict(data)), PlanRequest)
        raise RequestError([f"{p.location}: {p.message}" for p in problems]) from None
