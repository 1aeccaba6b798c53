"""A cache of each valid library's JSON listings, so `--json` answers without re-validating.

Validating a library needs pydantic and every file parsed; the listings only change
when a file changes. Entries are keyed by the digest of every file's bytes (and the
hii-planner version), so an edited library is always validated afresh. This module
imports no pydantic: a cache hit costs a few file reads and a hash.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hii_planner import __version__
from hii_planner.files.tomlsource import UnreadableFileError, read_regular_file

if TYPE_CHECKING:
    from hii_planner.library.session_needs import SessionNeeds

LIBRARY_FILE = "library.toml"


def default_library_path() -> Path:
    """The library shipped with hii-planner (inside the package once installed)."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "modules"
    if installed.is_dir():
        return installed
    return package.parent / "modules"


def library_files(path: Path) -> list[Path]:
    """library.toml first, then the module files in name order."""
    return [path / LIBRARY_FILE, *module_files(path)]


def module_files(path: Path) -> list[Path]:
    """The module files of the library at *path*, in name order; hidden files are ignored."""
    return sorted(
        p for p in path.glob("*.toml") if p.name != LIBRARY_FILE and not p.name.startswith(".")
    )


def file_digests(files: Iterable[Path]) -> dict[str, str]:
    """The sha256 of each file's bytes, by file name."""
    return {f.name: "sha256:" + hashlib.sha256(read_regular_file(f)).hexdigest() for f in files}


def combined_digest(digests: Mapping[str, str]) -> str:
    """One digest over all files' names and digests (the plan file's `library.digest`)."""
    combined = hashlib.sha256()
    for name in sorted(digests):
        combined.update(f"{name}\0{digests[name]}\n".encode())
    return "sha256:" + combined.hexdigest()


def _cache_file(digest: str) -> Path | None:
    if os.environ.get("HII_PLANNER_NO_CACHE"):
        return None
    from platformdirs import user_cache_dir

    key = hashlib.sha256(f"{__version__}\0{digest}".encode()).hexdigest()[:32]
    return Path(user_cache_dir("hii-planner")) / "libraries" / f"{key}.json"


def current_digest(path: Path) -> str | None:
    """The digest of the library at *path* as it is on disk, or None if unreadable."""
    try:
        if not (path / LIBRARY_FILE).is_file():
            return None
        return combined_digest(file_digests(library_files(path)))
    except (OSError, UnreadableFileError):
        return None


_KINDS = frozenset({"modules", "info", "session_needs"})


def listing(path: Path, kind: str) -> Any:
    """The `--json` listing *kind* ("modules" or "info") of the library at *path*."""
    return listings(path)[kind]


def session_needs_of(path: Path) -> SessionNeeds:
    """The needs of each session of the library at *path* (for coverage), as `listings`."""
    from hii_planner.library.session_needs import SessionNeeds

    found = listings(path)
    titles = {need["id"]: need["title"] for need in found["info"].get("needs", [])}
    return SessionNeeds.from_json(titles, found["session_needs"])


def listings(path: Path) -> dict[str, Any]:
    """The library's `--json` listings ("modules", "info") and each session's needs.

    The needs ("session_needs") are as `SessionNeeds.to_json` gives them.

    From the cache when the library's files are unchanged; otherwise the library
    is loaded and checked (raising `LibraryError` if it is invalid) and cached.
    """
    digest = current_digest(path)
    cache = _cache_file(digest) if digest else None
    if cache is not None:
        try:
            entry = json.loads(cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entry = None
        if isinstance(entry, dict) and entry.get("digest") == digest and entry.keys() >= _KINDS:
            return {kind: entry[kind] for kind in _KINDS}

    from hii_planner.library.listing import module_listing
    from hii_planner.library.session_needs import SessionNeeds
    from hii_planner.library.stored import load_library_cached

    library = load_library_cached(path)
    found = {
        "modules": [module_listing(m) for m in library.modules.values()],
        "info": library.info.model_dump(mode="json"),
        "session_needs": SessionNeeds.of(library).to_json(),
    }
    _store(library.digest, found)
    return found


def _store(digest: str, listings: Mapping[str, Any]) -> None:
    """Remember *listings* for the library with *digest* (best effort, never fails)."""
    cache = _cache_file(digest)
    if cache is None:
        return
    from hii_planner.errors import HiiPlannerError
    from hii_planner.files.atomic import ensure_private_dir, write_atomic

    try:
        ensure_private_dir(cache.parent)
        write_atomic(cache, json.dumps({"digest": digest, **listings}), replace=True)
    except HiiPlannerError:
        pass  # a cache that cannot be written only costs time
