"""The ids in a library, read fast for shell completion: no validation, no pydantic.

A module's id is its file's stem (a library rule), so module ids need no parsing;
needs and tracks come from `library.toml` read with the standard TOML parser.
Anything unreadable gives no names rather than an error: completion never fails.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

LIBRARY_FILE = "library.toml"


def module_files(library: Path) -> list[Path]:
    """The module files in name order: the rule of `library.cache.module_files`, import-free."""
    return sorted(
        p for p in library.glob("*.toml") if p.name != LIBRARY_FILE and not p.name.startswith(".")
    )


def _table(path: Path) -> dict[str, Any]:
    import tomllib  # here: every command imports this module for completion, few complete

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


def _titled(entries: Any, key: str = "title") -> list[tuple[str, str]]:
    if not isinstance(entries, list):
        return []
    return [
        (str(e["id"]), str(e.get(key, "")))
        for e in entries
        if isinstance(e, dict) and isinstance(e.get("id"), str)
    ]


def _title(file: Path) -> str:
    """A module file's top-level title, read from its lines before the first table.

    Parsing only that line keeps a <TAB> fast; a title written any other way is
    found by parsing the whole file.
    """
    import tomllib

    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    for line in text.splitlines():
        if line.lstrip().startswith("["):
            break
        if line.startswith("title") and "=" in line:
            try:
                value = tomllib.loads(line).get("title")
            except tomllib.TOMLDecodeError:
                break
            return value if isinstance(value, str) else ""
    title = _table(file).get("title", "")
    return title if isinstance(title, str) else ""


def module_names(library: Path) -> list[tuple[str, str]]:
    """Each module's id and title, in file-name order."""
    return [(file.stem, _title(file)) for file in module_files(library)]


def need_names(library: Path) -> list[tuple[str, str]]:
    """Each need's id and title, as listed in library.toml."""
    return _titled(_table(library / LIBRARY_FILE).get("needs"))


def track_names(library: Path) -> list[tuple[str, str]]:
    """Each track's id and title, as listed in library.toml."""
    return _titled(_table(library / LIBRARY_FILE).get("tracks"))


def optional_session_names(library: Path) -> list[tuple[str, str]]:
    """``MODULE/SESSION`` and title for every optional session (what --skip-session takes)."""
    names = []
    for file in module_files(library):
        sessions = _table(file).get("sessions")
        for session in sessions if isinstance(sessions, list) else []:
            if isinstance(session, dict) and session.get("optional") and "id" in session:
                names.append((f"{file.stem}/{session['id']}", str(session.get("title", ""))))
    return names


def plan_session_names(plan_file: Path) -> list[tuple[str, str]]:
    """Each session's number and "title · date · status" in a plan file."""
    sessions = _table(plan_file).get("sessions")
    names = []
    for session in sessions if isinstance(sessions, list) else []:
        if isinstance(session, dict) and isinstance(session.get("number"), int):
            words = [str(session.get(k, "")) for k in ("title", "date", "status")]
            names.append((str(session["number"]), " · ".join(w for w in words if w)))
    return names
