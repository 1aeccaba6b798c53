"""A plan never grows past what the reader accepts: long notes and huge plans are refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hii_planner import load_library, read_plan, write_plan
from hii_planner.files.tomlsource import MAX_FILE_BYTES
from hii_planner.plans.limits import MAX_NOTE_CHARS
from tests.conftest import Cli, LibraryFactory, fixture_library, make_plan, module, session


@pytest.fixture
def plan_file(make_library: LibraryFactory, workdir: Path) -> Path:
    library = fixture_library(make_library).path
    path = workdir / "P-0042.toml"
    write_plan(path, make_plan(load_library(library), start=dt.date(2026, 11, 2)))
    return path


def test_a_note_over_the_limit_is_refused_whole(cli: Cli, plan_file: Path) -> None:
    # A note longer than 4,000 characters is refused with the limit; nothing is cut.
    before = plan_file.read_bytes()
    note = "x" * (MAX_NOTE_CHARS + 1)
    result = cli(
        "plan", "record", str(plan_file), "1", "--status", "delivered", "--note", note,
        exit_code=1,
    )  # fmt: skip
    assert result.stderr.splitlines()[0] == (
        "error: the note is 4,001 characters; the limit is 4,000, and nothing was changed"
    )
    assert plan_file.read_bytes() == before


def test_a_note_at_the_limit_is_kept_whole(cli: Cli, plan_file: Path) -> None:
    # A note of exactly 4,000 characters is recorded as written.
    note = "y" * MAX_NOTE_CHARS
    cli("plan", "record", str(plan_file), "1", "--status", "delivered", "--note", note)
    assert read_plan(plan_file).sessions[0].notes == note


def test_a_write_that_would_pass_the_read_limit_is_refused(cli: Cli, plan_file: Path) -> None:
    # Notes that would make the plan larger than the reader accepts are refused before writing.
    plan = read_plan(plan_file)
    plan.sessions[1].notes = "z" * (MAX_FILE_BYTES - len(plan_file.read_bytes()) - 100)
    write_plan(plan_file, plan, replace=True)
    before = plan_file.read_bytes()
    result = cli(
        "plan", "record", str(plan_file), "1", "--status", "delivered", "--note", "n" * 200,
        exit_code=1,
    )  # fmt: skip
    assert "more than a plan file may hold (1,000,000); nothing was written" in result.stderr
    assert plan_file.read_bytes() == before
    read_plan(plan_file)  # still readable


def test_plan_new_never_writes_an_unreadable_plan(
    cli: Cli, make_library: LibraryFactory, workdir: Path
) -> None:
    # A library so large that its plan would pass the read limit gets a message, no file.
    sessions = [session(f"s{n}", title="A long session title " * 9) for n in range(40)]
    modules = [module(f"m{n}", sessions=sessions, core=True) for n in range(80)]
    library = make_library(modules)
    result = cli(
        "--library", str(library), "plan", "new", "--no-input", "--participant", "P-1",
        exit_code=1,
    )  # fmt: skip
    assert "more than a plan file may hold" in result.stderr
    assert not (workdir / "P-1.toml").exists()
