"""Shared fixtures: an isolated environment, a library factory and a CLI runner."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

import pytest
import tomli_w
from hypothesis import settings
from prompt_toolkit.application import application
from typer import testing
from typer.main import get_command
from typer.testing import CliRunner, Result

from hii_planner import clock
from hii_planner.cli.app import app
from tests.error_corpus import unwanted

# Typer builds its Click command tree on every `CliRunner.invoke` (about 25 ms, most of an
# in-process run). The app is the same object all session, so build it once: the commands
# run exactly as the console script runs them.
_COMMAND = get_command(app)
testing._get_command = lambda typer_app: _COMMAND if typer_app is app else get_command(typer_app)  # type: ignore[attr-defined,assignment]

# prompt_toolkit builds its default key bindings (about 300 of them) for every question the
# wizard asks; they hold no state of their own, so keystroke tests share one set.
application.load_key_bindings = functools.cache(application.load_key_bindings)  # type: ignore[attr-defined]

# No per-example deadline: first calls import libraries (holidays) and would look slow.
settings.register_profile("hii", deadline=None, max_examples=60)
settings.load_profile("hii")

FROZEN_EPOCH = "1795000000"  # 2026-11-18T11:06:40Z, a Wednesday
FROZEN_TODAY = dt.date(2026, 11, 18)  # "today" for overdue, past and future: the same Wednesday


@pytest.fixture(autouse=True)
def isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep tests away from the user's home, colours and clock."""
    home = tmp_path_factory.mktemp("home")
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("HII_PLANNER_LIBRARY", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FROZEN_EPOCH)
    # The one seam for "today": the real date otherwise decides what is overdue.
    monkeypatch.setattr(clock, "today", lambda: FROZEN_TODAY)


def session(session_id: str = "one", **fields: Any) -> dict[str, Any]:
    """A minimal valid session table."""
    return {
        "id": session_id,
        "title": session_id.replace("-", " ").title(),
        "minutes": 60,
        **fields,
    }


def module(
    module_id: str, *, sessions: int | list[dict[str, Any]] = 1, **fields: Any
) -> dict[str, Any]:
    """A minimal valid module table (track "main" unless given)."""
    if isinstance(sessions, int):
        sessions = [session(f"s{n}") for n in range(1, sessions + 1)]
    return {
        "id": module_id,
        "title": module_id.replace("-", " ").title(),
        "track": "main",
        **fields,
        "sessions": sessions,
    }


DEFAULT_INFO: dict[str, Any] = {
    "name": "Test library",
    "version": "1",
    "tracks": [{"id": "main", "title": "Main"}, {"id": "faith", "title": "Faith"}],
}


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder, made the current directory."""
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


class LibraryFactory(Protocol):
    """Writes a library folder from Python data."""

    def __call__(
        self,
        modules: list[dict[str, Any]] | None = ...,
        *,
        info: dict[str, Any] | None = ...,
        raw: dict[str, str] | None = ...,
        name: str = ...,
    ) -> Path: ...


@pytest.fixture
def make_library(tmp_path: Path) -> LibraryFactory:
    """Build a library in tmp_path: module dicts, library.toml fields, raw file texts."""

    def factory(
        modules: list[dict[str, Any]] | None = None,
        *,
        info: dict[str, Any] | None = None,
        raw: dict[str, str] | None = None,
        name: str = "library",
    ) -> Path:
        folder = tmp_path / name
        folder.mkdir()
        info_data = {**DEFAULT_INFO, **(info or {})}
        (folder / "library.toml").write_text(tomli_w.dumps(info_data), encoding="utf-8")
        for item in modules if modules is not None else [module("only")]:
            (folder / f"{item['id']}.toml").write_text(tomli_w.dumps(item), encoding="utf-8")
        for file_name, text in (raw or {}).items():
            (folder / file_name).write_text(text, encoding="utf-8")
        return folder

    return factory


class Cli(Protocol):
    """Runs hii-planner in-process and checks its exit code."""

    def __call__(self, *args: str, exit_code: int = ..., input: str | None = ...) -> Result: ...


@pytest.fixture
def cli() -> Iterator[Cli]:
    """Invoke the CLI; assert the exit code (0 unless told otherwise)."""
    runner = CliRunner()

    def invoke(*args: str, exit_code: int = 0, input: str | None = None) -> Result:
        result = runner.invoke(app, list(args), input=input)
        if result.exit_code == 1:
            # The error corpus: every bad-input case of the suite reads as plain words.
            assert not unwanted(result.stderr), (unwanted(result.stderr), result.stderr)
        if result.exit_code != exit_code:
            raise AssertionError(
                f"exit code {result.exit_code} (expected {exit_code})\n"
                f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}\n{result.exception!r}"
            )
        return result

    yield invoke
