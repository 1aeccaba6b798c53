"""Shell completion of ids and numbers: module, need, track and session ids, session numbers.

These run on every <TAB>, so they read names fast (`library.names`): no library
validation, no pydantic, nothing heavy imported.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import typer

from hii_planner.library import names

LIBRARY_META = "hii_planner.library"  # set by --library after the command

Names = list[tuple[str, str]]


def _library(ctx: typer.Context) -> Path:
    chosen = ctx.meta.get(LIBRARY_META) or ctx.find_root().params.get("library")
    if chosen:
        return Path(chosen)
    if os.environ.get("HII_PLANNER_LIBRARY"):
        return Path(os.environ["HII_PLANNER_LIBRARY"])
    from hii_planner.library.cache import default_library_path

    return default_library_path()


def _matching(found: Names, incomplete: str) -> Names:
    return [(name, help_text) for name, help_text in found if name.startswith(incomplete)]


def _from_library(reader: Callable[[Path], Names]) -> Callable[[typer.Context, str], Names]:
    def complete(ctx: typer.Context, incomplete: str) -> Names:
        return _matching(reader(_library(ctx)), incomplete)

    return complete


complete_module = _from_library(names.module_names)
complete_need = _from_library(names.need_names)
complete_track = _from_library(names.track_names)
complete_optional_session = _from_library(names.optional_session_names)


def complete_session_number(ctx: typer.Context, incomplete: str) -> Names:
    """The session numbers of the plan named earlier on the line."""
    plan_file = ctx.params.get("plan_file")
    if not plan_file:
        return []
    return _matching(names.plan_session_names(Path(plan_file)), incomplete)
