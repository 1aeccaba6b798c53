"""No command writes over a plan by surprise, onto a folder or a device, or through a link."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from hii_planner import load_library, read_plan, write_plan
from tests.conftest import Cli, LibraryFactory, fixture_library, make_plan


@pytest.fixture
def library_dir(make_library: LibraryFactory) -> Path:
    return fixture_library(make_library).path


@pytest.fixture
def plan_file(library_dir: Path, workdir: Path) -> Path:
    path = workdir / "P-0042.toml"
    write_plan(path, make_plan(load_library(library_dir), start=dt.date(2026, 11, 2)))
    return path


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["plan", "export", "{plan}", "--format", "json"], id="export-json"),
        pytest.param(["plan", "export", "{plan}", "--format", "csv"], id="export-csv"),
        pytest.param(["plan", "report", "{plan}", "--format", "markdown"], id="report"),
    ],
)
def test_exports_never_replace_the_plan(
    cli: Cli, library_dir: Path, plan_file: Path, command: list[str]
) -> None:
    # --out naming the input plan is refused even with --force, naming the file.
    cli("plan", "record", str(plan_file), "1", "--status", "delivered")
    before = plan_file.read_bytes()
    args = [a.replace("{plan}", str(plan_file)) for a in command]
    result = cli(
        "--library", str(library_dir), *args, "--out", str(plan_file), "--force", exit_code=1
    )
    assert result.stderr.startswith(f"error: {plan_file} is a plan file;")
    assert plan_file.read_bytes() == before


def test_exports_never_replace_another_plan(cli: Cli, plan_file: Path, workdir: Path) -> None:
    # Any plan file is protected, not only the one being exported.
    other = workdir / "P-0043.toml"
    other.write_bytes(plan_file.read_bytes())
    result = cli(
        "plan", "export", str(plan_file), "--format", "json", "--out", str(other), "--force",
        exit_code=1,
    )  # fmt: skip
    assert "is a plan file" in result.stderr
    assert other.read_bytes() == plan_file.read_bytes()


def test_export_still_replaces_an_old_export(cli: Cli, plan_file: Path, workdir: Path) -> None:
    # --force over a file that is not a plan replaces it as before.
    target = workdir / "plan.json"
    target.write_text("old", encoding="utf-8")
    cli("plan", "export", str(plan_file), "--format", "json", "--out", str(target), "--force")
    assert target.read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize(
    ("target", "message"),
    [
        pytest.param("folder", "is a folder; nothing was written", id="folder"),
        pytest.param("pipe", "is not a regular file (a device or a pipe)", id="pipe"),
    ],
)
def test_exports_refuse_folders_and_devices(
    cli: Cli, plan_file: Path, workdir: Path, target: str, message: str
) -> None:
    # An --out that is a folder or a device is refused, even with --force.
    # (A FIFO stands for a device: a test must never risk replacing /dev/null.)
    (workdir / "folder").mkdir()
    os.mkfifo(workdir / "pipe")
    result = cli(
        "plan", "export", str(plan_file), "--format", "json", "--out", target, "--force",
        exit_code=1,
    )  # fmt: skip
    assert message in result.stderr


def test_new_force_over_recorded_sessions_is_refused(
    cli: Cli, library_dir: Path, plan_file: Path
) -> None:
    # plan new --force over a plan with recorded sessions says how many would be lost.
    cli("plan", "record", str(plan_file), "1", "--status", "delivered")
    cli("plan", "record", str(plan_file), "2", "--status", "cancelled")
    before = plan_file.read_bytes()
    new = ("--library", str(library_dir), "plan", "new", "--no-input", "--participant", "P-0042")
    result = cli(*new, "--out", str(plan_file), "--force", exit_code=1)
    assert result.stderr.splitlines() == [
        f"error: {plan_file} has 2 recorded sessions, which --force would lose; "
        "nothing was written",
        "hint: add --discard-records to replace it anyway, or choose another --out",
    ]
    assert plan_file.read_bytes() == before
    cli(*new, "--out", str(plan_file), "--force", "--discard-records")
    assert all(s.status == "planned" for s in read_plan(plan_file).sessions)


def test_new_force_over_an_unrecorded_plan_replaces_it(
    cli: Cli, library_dir: Path, plan_file: Path
) -> None:
    # With nothing recorded, --force replaces the plan as before.
    cli(
        "--library", str(library_dir), "plan", "new", "--no-input", "--participant", "P-0042",
        "--need", "need-a", "--out", str(plan_file), "--force",
    )  # fmt: skip
    assert read_plan(plan_file).participant.needs == ["need-a"]


def test_new_into_a_folder_writes_reference_toml(cli: Cli, workdir: Path) -> None:
    # --out naming an existing folder writes REFERENCE.toml inside it.
    (workdir / "caseload").mkdir()
    cli("plan", "new", "--no-input", "--participant", "P-7", "--out", "caseload")
    assert (workdir / "caseload" / "P-7.toml").is_file()


@pytest.mark.parametrize(
    ("out", "message"),
    [
        pytest.param("newdir/", "the folder newdir/ does not exist", id="missing-folder"),
        pytest.param("pipe", "pipe is not a regular file", id="device"),
    ],
)
def test_new_refuses_missing_folders_and_devices(
    cli: Cli, workdir: Path, out: str, message: str
) -> None:
    # A trailing slash means a folder, and a device (here a FIFO) is never replaced by a plan.
    os.mkfifo(workdir / "pipe")
    result = cli(
        "plan", "new", "--no-input", "--participant", "P-7", "--out", out, "--force", exit_code=1
    )
    assert message in result.stderr
    assert [p.name for p in workdir.iterdir()] == ["pipe"]
    assert stat.S_ISFIFO((workdir / "pipe").stat().st_mode)


def test_writes_go_through_a_symlink_to_its_target(
    cli: Cli, plan_file: Path, workdir: Path
) -> None:
    # A plan reached through a symlink is updated in place: the link stays a link.
    link = workdir / "link.toml"
    link.symlink_to(plan_file)
    cli("plan", "record", str(link), "1", "--status", "delivered")
    assert link.is_symlink()
    assert read_plan(plan_file).sessions[0].status == "delivered"
    assert stat.S_IMODE(plan_file.stat().st_mode) == 0o600
    assert sorted(p.name for p in workdir.iterdir() if not p.name.startswith(".")) == [
        "P-0042.toml",
        "link.toml",
    ]
