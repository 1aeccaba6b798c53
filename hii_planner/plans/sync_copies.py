"""Find the conflict copies that synced folders make of a plan, so they can be folded in.

OneDrive names a copy ``NAME-HOST.toml``, Dropbox ``NAME (HOST's conflicted copy
DATE).toml`` and Syncthing ``NAME.sync-conflict-DATE-TIME-ID.toml``. Whatever the
name, two plan files with one reference and a shared history are two copies of
one plan: the one named like the reference (or not named like a copy) is the
original, the others its copies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hii_planner.plans.caseload import CaseloadEntry
from hii_planner.plans.models import Plan

_COPY_NAMES = (
    ("Syncthing conflict copy", re.compile(r"^(?P<name>.+)\.sync-conflict-[0-9]{8}-[0-9]{6}.*$")),
    ("Dropbox conflicted copy", re.compile(r"^(?P<name>.+?) \(.*conflicted copy.*\)$", re.I)),
    ("OneDrive conflict copy", re.compile(r"^(?P<name>.+)-[A-Za-z0-9][A-Za-z0-9_]*$")),
)


@dataclass(frozen=True)
class ConflictCopy:
    """A copy of a plan made by a synced folder (or by hand), and the plan it copies."""

    copy: Path
    original: Path
    kind: str


def find_conflict_copies(entries: Sequence[CaseloadEntry]) -> list[ConflictCopy]:
    """Every copy among the readable plans of a caseload, by file name."""
    groups: dict[tuple[str, object], list[tuple[Path, Plan]]] = {}
    for entry in entries:
        if entry.plan is not None and entry.plan.history:
            key = (entry.plan.participant.reference, _first_entry(entry.plan))
            groups.setdefault(key, []).append((entry.file, entry.plan))
    copies = []
    for members in groups.values():
        if len(members) < 2:
            continue
        original = min(members, key=lambda m: _original_rank(m[0], m[1]))[0]
        for path, _ in sorted(members):
            if path != original:
                copies.append(ConflictCopy(path, original, _kind(path, original)))
    return sorted(copies, key=lambda c: c.copy.name)


def _first_entry(plan: Plan) -> object:
    first = plan.history[0]
    return (plan.created, first.at, first.change)


def _original_rank(path: Path, plan: Plan) -> tuple[bool, bool, int, str]:
    named_as_copy = any(
        pattern.match(path.stem) for kind, pattern in _COPY_NAMES if not kind.startswith("One")
    )
    return (path.stem != plan.participant.reference, named_as_copy, len(path.name), path.name)


def _kind(path: Path, original: Path) -> str:
    for kind, pattern in _COPY_NAMES:
        found = pattern.match(path.stem)
        if found and found.group("name") == original.stem:
            return kind
    return "second copy"


def mark_copies(items: list[dict[str, Any]], copies: Sequence[ConflictCopy]) -> None:
    """Add ``conflict_copy_of`` to the `plan list --json` objects of copies (null otherwise)."""
    originals = {str(c.copy): str(c.original) for c in copies}
    for item in items:
        item["conflict_copy_of"] = originals.get(item["file"])
