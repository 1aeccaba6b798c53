"""Make a folder a team's caseload: git attributes, the merge driver, ignored files.

`plan_team_setup` works out what is missing and `apply_team_setup` writes it,
so `team init --dry-run` shows exactly what a real run would do. Existing
``.gitattributes`` and ``.gitignore`` files keep their lines; only the missing
ones are added at the end.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from hii_planner.errors import FileAccessError

DRIVER = "hii-plan"
GITATTRIBUTES = ("*.toml merge=hii-plan",)
GITIGNORE = (
    "# hii-planner: locks, half-written files, git's merge temporaries",
    ".*.lock",
    ".*.tmp",
    ".merge_file_*",
)
DRIVER_NAME = "hii-planner: merge plans by meaning"


def default_command() -> str:
    """How git should run hii-planner: the command on PATH, else this Python."""
    if shutil.which("hii-planner"):
        return "hii-planner"
    return f"{shlex.quote(sys.executable)} -m hii_planner"


@dataclass(frozen=True)
class FileChange:
    """Lines a setup file lacks (none: it is set up), and whether it is new."""

    path: Path
    added: tuple[str, ...]
    created: bool


@dataclass(frozen=True)
class TeamSetup:
    """What `team init` does: file lines to add, and git config to set (if in a repository)."""

    folder: Path
    files: tuple[FileChange, ...]
    repository: Path | None
    config: tuple[tuple[str, str], ...]
    config_changes: tuple[tuple[str, str], ...]

    def config_commands(self) -> list[str]:
        """The git commands that set the merge driver, for a folder outside a repository."""
        return [f"git config {key} {shlex.quote(value)}" for key, value in self.config]

    @property
    def changes_anything(self) -> bool:
        """True when a real run would write or set something."""
        return any(f.added for f in self.files) or bool(self.config_changes)


def plan_team_setup(folder: Path, *, command: str) -> TeamSetup:
    """What is missing in *folder* for a team caseload whose git runs *command*."""
    if folder.exists() and not folder.is_dir():
        raise FileAccessError(f"{folder} is not a folder", hint="give the caseload folder")
    files = (
        _missing_lines(folder / ".gitattributes", GITATTRIBUTES),
        _missing_lines(folder / ".gitignore", GITIGNORE),
    )
    config = (
        (f"merge.{DRIVER}.name", DRIVER_NAME),
        (f"merge.{DRIVER}.driver", f"{command} plan merge %O %A %B"),
    )
    repository = _repository(folder)
    changes: tuple[tuple[str, str], ...] = ()
    if repository is not None:
        changes = tuple((k, v) for k, v in config if _git_config(repository, k) != v)
    return TeamSetup(folder, files, repository, config, changes)


def apply_team_setup(setup: TeamSetup) -> None:
    """Write the missing lines and set the git config that *setup* lists."""
    setup.folder.mkdir(parents=True, exist_ok=True)
    for change in setup.files:
        if change.added:
            _append_lines(change.path, change.added)
    for key, value in setup.config_changes:
        assert setup.repository is not None
        _git(setup.repository, "config", key, value)


def _missing_lines(path: Path, wanted: tuple[str, ...]) -> FileChange:
    if not path.exists():
        return FileChange(path, wanted, created=True)
    try:
        present = {line.strip() for line in path.read_text(encoding="utf-8").splitlines()}
    except (OSError, UnicodeDecodeError) as error:
        raise FileAccessError(f"cannot read {path}: {error}") from None
    missing = tuple(line for line in wanted if line.strip() not in present)
    # A comment alone is not worth adding.
    if all(line.startswith("#") for line in missing):
        missing = ()
    return FileChange(path, missing, created=False)


def _append_lines(path: Path, lines: tuple[str, ...]) -> None:
    try:
        existing = path.read_text(encoding="utf-8") if path.exists() else ""
        separator = "" if not existing or existing.endswith("\n") else "\n"
        with path.open("a", encoding="utf-8") as stream:
            stream.write(separator + "\n".join(lines) + "\n")
    except OSError as error:
        raise FileAccessError(
            f"cannot write {path}: {(error.strerror or str(error)).lower()}"
        ) from None


def _repository(folder: Path) -> Path | None:
    probe = folder if folder.is_dir() else folder.parent
    while not probe.is_dir():
        probe = probe.parent
    try:
        done = subprocess.run(
            ["git", "-C", str(probe), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None  # git is not installed: the commands are printed instead
    return Path(done.stdout.strip()) if done.returncode == 0 else None


def _git_config(repository: Path, key: str) -> str | None:
    done = subprocess.run(
        ["git", "-C", str(repository), "config", "--local", "--get", key],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.rstrip("\n") if done.returncode == 0 else None


def _git(repository: Path, *args: str) -> None:
    done = subprocess.run(
        ["git", "-C", str(repository), *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise FileAccessError(
            f"git {' '.join(args[:2])} failed in {repository}: {done.stderr.strip()}"
        )
