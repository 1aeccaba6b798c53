"""JSON Schemas of the library and plan files, generated from the pydantic models."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_KINDS = ("module", "library", "plan", "answers")


def _model(kind: str) -> type[BaseModel]:
    if kind == "module":
        from hii_planner.library.models import Module

        return Module
    if kind == "library":
        from hii_planner.library.models import LibraryInfo

        return LibraryInfo
    if kind == "plan":
        from hii_planner.plans.models import Plan

        return Plan
    if kind == "answers":
        from hii_planner.planning.request import PlanRequest

        return PlanRequest
    raise ValueError(f"no schema for {kind!r}")


_TITLES = {
    "module": "hii-planner module file (<module-id>.toml)",
    "library": "hii-planner library description (library.toml)",
    "plan": "hii-planner plan file",
    "answers": "hii-planner answers file (plan new --answers)",
}


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema for one *kind* of file, for editors and validators."""
    schema = _model(kind).model_json_schema(mode="validation")
    schema["title"] = _TITLES[kind]
    return {"$schema": SCHEMA_DIALECT, **schema}
