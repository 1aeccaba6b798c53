"""Drafts of the guided planner's answers, kept privately until the plan is saved.

A draft holds a participant's answers, so it is written like a plan file: mode
0600 in a 0700 folder of the user's data folder, atomically. There is one draft
for `plan new` and one per plan file for `plan edit`; each is deleted once the
plan is saved.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from hii_planner.errors import FileAccessError
from hii_planner.files.atomic import ensure_private_dir, write_atomic

DRAFT_FORMAT = "hii-planner-draft"
DRAFT_VERSION = 1
NEW_PLAN = "new-plan"


def data_folder() -> Path:
    """hii-planner's folder in the user's data folder (XDG_DATA_HOME on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("hii-planner", appauthor=False))


def edit_key(plan_file: Path) -> str:
    """The draft name for editing *plan_file* (one per file, whatever the working folder)."""
    digest = hashlib.sha256(str(plan_file.resolve()).encode()).hexdigest()[:16]
    return f"edit-{digest}"


@dataclass(frozen=True)
class Draft:
    """Answers so far, the step to continue at, and what they were made with."""

    answers: dict[str, Any]
    step: str
    saved: str
    library: str
    library_digest: str
    plan_file: str | None = None
    revision: int | None = None
    reviewing: bool = False
    """True when every step had been answered: the draft continues like a change."""


class DraftStore:
    """Reads, writes and deletes one named draft."""

    def __init__(self, key: str, *, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else data_folder() / "drafts"
        self.path = self.folder / f"{key}.json"

    def exists(self) -> bool:
        """True when a draft is waiting."""
        return self.path.is_file()

    def load(self) -> Draft | None:
        """The saved draft, or None when there is none or it cannot be read."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("format") != DRAFT_FORMAT:
            return None
        try:
            return Draft(
                answers=dict(data["answers"]),
                step=str(data["step"]),
                saved=str(data["saved"]),
                library=str(data.get("library", "")),
                library_digest=str(data.get("library_digest", "")),
                plan_file=data.get("plan_file"),
                revision=data.get("revision"),
                reviewing=bool(data.get("reviewing", False)),
            )
        except (KeyError, TypeError, ValueError):
            return None

    def save(self, draft: Draft) -> None:
        """Write the draft privately (mode 0600 in a 0700 folder), all or nothing."""
        ensure_private_dir(self.folder.parent)
        ensure_private_dir(self.folder)
        data = {"format": DRAFT_FORMAT, "version": DRAFT_VERSION, **asdict(draft)}
        write_atomic(self.path, json.dumps(data, indent=2, ensure_ascii=False), replace=True)

    def discard(self) -> None:
        """Delete the draft, if there is one."""
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            raise FileAccessError(
                f"cannot delete the draft {self.path}: {(error.strerror or str(error)).lower()}",
                hint="delete it by hand: it holds a participant's answers",
            ) from None
