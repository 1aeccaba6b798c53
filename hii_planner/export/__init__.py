"""Turn a plan into other formats; each format is one module with a `render` function."""

from __future__ import annotations

import datetime as dt
from importlib import import_module

from hii_planner.plans.models import Plan

FORMATS = ("json", "markdown", "csv", "ics")
_MODULES = {"json": "json_", "markdown": "markdown", "csv": "csv_", "ics": "ics"}


def render(
    plan: Plan, output_format: str, *, time: dt.time | None = None, detail: bool = False
) -> str:
    """The plan as text in *output_format* (imports only that format's code).

    *time* and *detail* apply to calendars only: the start time of sessions that have
    none, and whether events name modules, needs, programme and place.
    """
    module = import_module(f"hii_planner.export.{_MODULES[output_format]}")
    if output_format == "ics":
        return str(module.render(plan, time=time, detail=detail))
    return str(module.render(plan))
