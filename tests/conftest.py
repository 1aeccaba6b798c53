"""Shared fixtures: an isolated environment, library and plan factories, and a CLI runner."""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol

import pytest
import tomli_w
import typer
from hypothesis import settings
from prompt_toolkit.application import application
from typer import _click as click
from typer import testing
from typer.main import get_command
from typer.testing import CliRunner, Result

from hii_planner import Library, Plan, PlanRequest, build_plan, clock, load_library, write_plan
from hii_planner.cli.app import app
from tests.error_corpus import unwanted

# Typer builds its Click command tree on every `CliRunner.invoke` (about 25 ms, most of an
# in-process run). The app is the same object all session, so build it once: the commands
# run exactly as the console script runs them.
_COMMAND = get_command(app)


def _command_of(typer_app: typer.Typer) -> click.Command:
    return _COMMAND if typer_app is app else get_command(typer_app)


testing._get_command = _command_of  # type: ignore[attr-defined,assignment]

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


FixtureName = Literal["delivery", "handouts", "wizard"]
START = dt.date(2027, 1, 4)  # a Monday: the fixture plans' first session


def fixture_library(
    make_library: LibraryFactory,
    which: FixtureName = "delivery",
    *,
    modules: Sequence[dict[str, Any]] | None = None,
    info: dict[str, Any] | None = None,
    name: str = "library",
) -> Library:
    """A fixture library of tests/fixture_data.py, written to a folder and loaded for real.

    "delivery" has two core modules and one module for each of two needs; "handouts"
    plants staff-only markers in every facilitator-facing field; "wizard" has dimensions,
    screening and a faith track for the guided planner. *modules* replace the
    fixture's modules; *info* fields are added to its library.toml. `.path` is the folder.
    """
    from tests.fixture_data import FIXTURES  # it builds its tables with module() above

    fixture_info, fixture_modules = FIXTURES[which]
    tables = list(fixture_modules if modules is None else modules)
    return load_library(make_library(tables, info={**fixture_info, **(info or {})}, name=name))


def make_plan(
    library: Library,
    *,
    start: dt.date | None = START,
    needs: Sequence[str] = ("need-a", "need-b"),
    modules: Sequence[str] = (),
    weekdays: Sequence[str] = ("mon",),
    cadence: str = "weekly",
    holidays: str = "england-and-wales",
    facilitators: Sequence[str] = ("Facilitator A",),
    participant: str = "P-0042",
    now: dt.datetime | None = None,
    **request: Any,
) -> Plan:
    """A plan built by the real planner: P-0042, weekly on Mondays from START, by default.

    Other request fields (exclude, screening, twin_track, max_sessions...) pass through;
    an empty *weekdays* or *facilitators*, or no *start*, leaves the planner's default.
    """
    answers = {
        "participant": participant,
        "needs": list(needs),
        "modules": list(modules),
        "facilitators": list(facilitators),
        "schedule": {
            "start": start,
            "weekdays": list(weekdays),
            "cadence": cadence,
            "holidays": holidays,
        },
        **request,
    }
    return build_plan(library, PlanRequest.model_validate(answers), now=now or clock.now()).plan


def saved_plan(library: Library, folder: Path, *, name: str = "P-0042", **plan: Any) -> Path:
    """A plan made by make_plan(library, **plan), written to *folder* as ``name.toml``."""
    path = folder / f"{name}.toml"
    write_plan(path, make_plan(library, **plan))
    return path


def dates(plan: Plan) -> list[str]:
    """Each session's date as ISO text, in number order."""
    return [s.date.isoformat() for s in plan.sessions]


def pdf_pages(data: bytes) -> list[str]:
    """The text layer of each page of a PDF, read by pypdf (a standard reader)."""
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def text_of(data: bytes, output_format: str) -> str:
    """What a reader sees in a rendered file: the PDF's text layer, or the text itself."""
    if output_format == "pdf":
        return "\n".join(pdf_pages(data))
    return data.decode("utf-8")


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
