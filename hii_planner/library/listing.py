"""The documented JSON shapes of library records (`library list --json`)."""

from __future__ import annotations

from typing import Any

from hii_planner.library.models import Module


def module_listing(module: Module) -> dict[str, Any]:
    """One module as listed by `library list --json` (sessions in brief)."""
    return {
        "id": module.id,
        "title": module.title,
        "track": module.track,
        "summary": module.summary,
        "addresses": list(module.addresses),
        "requires": list(module.requires),
        "requires_any": [list(group) for group in module.requires_any],
        "after": list(module.after),
        "excludes": list(module.excludes),
        "placement": module.placement,
        "core": module.core,
        "sessions": [
            {"id": s.id, "title": s.title, "minutes": s.minutes, "optional": s.optional}
            for s in module.sessions
        ],
    }
