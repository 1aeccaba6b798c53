"""A cache of validated libraries, so an unchanged library is not parsed and checked again.

Reading a library means parsing every TOML file and validating every module; for
thousands of modules that is most of a command's time. Once a library has passed
its checks, its validated content is written as JSON to the user cache folder
(0700, files 0600) and read back with pydantic's `validate_json` (never pickle:
a cache file is data, not code). An entry is used only when the digest of the
library's files on disk, the hii-planner version and the models' source all match
what it was made from, so any edited, added or removed file means a fresh check.
There is one entry per library folder, replaced when the library changes, so the
cache does not grow with edits. ``HII_PLANNER_NO_CACHE`` (any value) bypasses it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from hii_planner import __version__
from hii_planner.errors import HiiPlannerError, Problem
from hii_planner.files.bulk import collector_paused
from hii_planner.library.cache import current_digest
from hii_planner.library.loader import Library, load_library
from hii_planner.library.models import LibraryInfo, Module

NO_CACHE_VARIABLE = "HII_PLANNER_NO_CACHE"


class _StoredLibrary(BaseModel):
    """What a cache entry holds: a validated library and what it was made from."""

    model_config = ConfigDict(extra="forbid")

    format: Literal[1]
    made_by: str
    digest: str
    info: LibraryInfo
    modules: list[Module]
    file_digests: dict[str, str]
    files: dict[str, str]
    warnings: list[Problem]


def cache_disabled() -> bool:
    """True when ``HII_PLANNER_NO_CACHE`` asks for every library to be read afresh."""
    return bool(os.environ.get(NO_CACHE_VARIABLE))


def cache_folder() -> Path:
    """The folder of cached libraries inside the user cache folder."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("hii-planner")) / "validated"


def _entry_file(path: Path) -> Path:
    folder_key = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32]
    return cache_folder() / f"{folder_key}.json"


def _made_by() -> str:
    """The hii-planner version and a digest of the model sources that shaped the entry."""
    sources = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for source in (package / "library" / "models.py", package / "types.py"):
        try:
            sources.update(source.read_bytes())
        except OSError:
            sources.update(source.name.encode())
    return f"{__version__} {sources.hexdigest()[:16]}"


def load_library_cached(path: Path) -> Library:
    """The library at *path*, from the cache when its files are unchanged.

    On a miss the library is loaded and checked as `load_library` does (raising
    `LibraryError` for an invalid library, which is never cached) and stored.
    """
    if cache_disabled():
        return load_library(path)
    digest = current_digest(path)
    if digest is None:
        return load_library(path)  # reports the missing or unreadable library
    entry = _entry_file(path)
    made_by = _made_by()
    found = _read_entry(entry, digest=digest, made_by=made_by)
    if found is not None:
        return Library(
            path=path,
            info=found.info,
            modules={m.id: m for m in found.modules},
            digest=found.digest,
            file_digests=found.file_digests,
            warnings=tuple(found.warnings),
            files=found.files,
        )
    library = load_library(path)
    if library.digest == digest:  # not edited while it was being read
        _write_entry(entry, library, made_by=made_by)
    return library


def _read_entry(entry: Path, *, digest: str, made_by: str) -> _StoredLibrary | None:
    try:
        raw = entry.read_bytes()
    except OSError:
        return None
    # A cheap look at the header first: a stale entry is not validated at all.
    if f'"digest":"{digest}"'.encode() not in raw[:400]:
        return None
    try:
        with collector_paused():
            stored = _StoredLibrary.model_validate_json(raw)
    except (ValidationError, ValueError):
        return None
    if stored.digest != digest or stored.made_by != made_by:
        return None
    return stored


def _write_entry(entry: Path, library: Library, *, made_by: str) -> None:
    """Remember *library* (best effort: a cache that cannot be written only costs time)."""
    from hii_planner.files.atomic import ensure_private_dir, write_atomic

    stored = _StoredLibrary(
        format=1,
        made_by=made_by,
        digest=library.digest,
        info=library.info,
        modules=list(library.modules.values()),
        file_digests=dict(library.file_digests),
        files=dict(library.files),
        warnings=list(library.warnings),
    )
    try:
        ensure_private_dir(entry.parent)
        write_atomic(entry, stored.model_dump_json(), replace=True)
    except HiiPlannerError:
        pass
