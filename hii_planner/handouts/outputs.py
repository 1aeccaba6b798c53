"""The files `handouts` owns in its folder: a rerun replaces its own set and sweeps its stale temps.

A small manifest in the output folder lists every file the command wrote there.
A full run (every session) replaces the owned files of the kinds and format it
writes, so a session renumbered by a catch-up leaves no stale handout behind;
files the command did not write are never touched. Temporary files left by a
killed run (``.NN-….pdf.XXXXXXXX.tmp``, our own pattern only) are removed on the
next run once they are old enough that no other run can still be writing them.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from hii_planner.files.atomic import ensure_private_dir, write_atomic
from hii_planner.files.tomlsource import UnreadableFileError, read_regular_file

MANIFEST = ".hii-handouts.json"
STALE_AFTER = 120.0
"""Seconds after which a temp file of ours is abandoned (a live run renames it within seconds)."""

_OWN_NAME = re.compile(
    r"^\d+-[a-z0-9-]+-(?P<kind>participant|facilitator|plan-overview)\.(?P<ext>pdf|html|md)$"
)
# write_atomic's temp names: "." + final name + "." + 8 random characters + ".tmp".
_OWN_TEMP = re.compile(
    r"^\.(\d+-[a-z0-9-]+\.(?:pdf|html|md)|" + re.escape(MANIFEST) + r")\.[a-z0-9_]{8}\.tmp$"
)


def sweep_stale_temps(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove our own temp files in *folder* older than `STALE_AFTER`; return what was removed."""
    cutoff = (time.time() if now is None else now) - STALE_AFTER
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            if not _OWN_TEMP.match(entry.name) or entry.is_symlink() or not entry.is_file():
                continue
            with contextlib.suppress(OSError):
                if entry.stat().st_mtime < cutoff:
                    entry.unlink()
                    removed.append(entry)
    return removed


def read_manifest(folder: Path) -> set[str]:
    """The names of the files a previous run wrote in *folder* (none if there is no manifest)."""
    path = folder / MANIFEST
    if path.is_symlink() or not path.is_file():
        return set()
    try:
        content = json.loads(read_regular_file(path, limit=1_000_000))
    except (UnreadableFileError, ValueError):
        # An unreadable manifest owns nothing: we would rather leave a stale file than delete one.
        return set()
    listed = content.get("files", []) if isinstance(content, dict) else []
    return {name for name in listed if isinstance(name, str) and _OWN_NAME.match(name)}


def _write_manifest(folder: Path, names: Iterable[str]) -> None:
    content = json.dumps({"files": sorted(set(names))}, indent=2) + "\n"
    write_atomic(folder / MANIFEST, content, replace=True)


def _kind_and_extension(name: str) -> tuple[str, str] | None:
    found = _OWN_NAME.match(name)
    if found is None:
        return None
    kind = "overview" if found["kind"] == "plan-overview" else found["kind"]
    return kind, found["ext"]


@dataclass
class OwnedOutputs:
    """One run's files in the output folder, from the first write to the last removal."""

    folder: Path
    created_folder: bool
    previous: set[str]
    planned: set[str]
    replaces: tuple[Collection[str], str] | None
    removed: list[Path] = field(default_factory=list)

    def commit(self) -> None:
        """Remove the owned files this run replaced and did not write again; record the new set."""
        keep = set(self.planned)
        for name in sorted(self.previous - self.planned):
            if not self._replaced(name):
                keep.add(name)
                continue
            path = self.folder / name
            if path.is_symlink() or not path.is_file():
                continue
            try:
                path.unlink()
            except OSError:
                keep.add(name)
            else:
                self.removed.append(path)
        _write_manifest(self.folder, keep)

    def abandon(self) -> None:
        """After a failure: leave no empty folder of ours behind (files written stay whole)."""
        if not self.created_folder:
            return
        with contextlib.suppress(OSError):
            if all(entry.name == MANIFEST for entry in self.folder.iterdir()):
                (self.folder / MANIFEST).unlink(missing_ok=True)
                self.folder.rmdir()

    def _replaced(self, name: str) -> bool:
        if self.replaces is None:
            return False
        kinds, extension = self.replaces
        found = _kind_and_extension(name)
        return found is not None and found[0] in kinds and found[1] == extension


@contextlib.contextmanager
def owned_outputs(
    folder: Path, *, names: Iterable[str], replaces: tuple[Collection[str], str] | None
) -> Iterator[OwnedOutputs]:
    """Own the files *names* in *folder* while they are written.

    ``replaces`` is ``(kinds, extension)`` for a run that writes the whole set of
    those kinds in that format: owned files of theirs that this run does not write
    are removed at the end. ``None`` (a run for some sessions only) removes nothing.
    The manifest lists the planned files before the first is written, so a run
    that is killed part-way still owns what it wrote.
    """
    created = not folder.exists()
    ensure_private_dir(folder)
    sweep_stale_temps(folder)
    previous = read_manifest(folder)
    outputs = OwnedOutputs(
        folder=folder, created_folder=created, previous=previous, planned=set(names),
        replaces=replaces,
    )  # fmt: skip
    try:
        _write_manifest(folder, previous | outputs.planned)
        yield outputs
    except BaseException:
        outputs.abandon()
        raise
    outputs.commit()
