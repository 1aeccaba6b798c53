"""`handouts` owns the set of files it writes: reruns replace it, stale temps are swept, failures leave nothing."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from hii_planner import (
    FileAccessError,
    Library,
    read_plan,
    record_session,
    write_handouts,
    write_plan,
)
from hii_planner.handouts.outputs import MANIFEST, STALE_AFTER
from tests.conftest import Cli, LibraryFactory, fixture_library, make_plan
from tests.fixture_data import ALL_NEEDS


@pytest.fixture
def library(make_library: LibraryFactory) -> Library:
    return fixture_library(make_library, "handouts")


@pytest.fixture
def plan_file(library: Library, tmp_path: Path) -> Path:
    path = tmp_path / "P-0042.toml"
    write_plan(path, make_plan(library, needs=ALL_NEEDS, holidays="none"))
    return path


def visible(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def miss_session_two(plan_file: Path) -> None:
    """Session 2 missed the day after: a catch-up renumbers every later session."""
    plan = read_plan(plan_file)
    record_session(plan, 2, status="missed", today=dt.date(2027, 1, 12))
    write_plan(plan_file, plan, replace=True)


def test_a_rerun_after_a_catch_up_replaces_the_set_it_wrote(
    cli: Cli, library: Library, plan_file: Path, tmp_path: Path
) -> None:
    # Renumbered sessions leave no stale handout behind; a file the command did not write stays.
    out = tmp_path / "out"
    args = ["--library", str(library.path), "handouts", str(plan_file), "--out", str(out)]
    cli(*args, "--format", "markdown", "--audience", "participant")
    assert visible(out) == [
        "01-hello-participant.md", "02-no-handout-participant.md", "03-questions-participant.md",
        "04-sides-participant.md", "05-belonging-participant.md", "06-looking-ahead-participant.md",
    ]  # fmt: skip
    (out / "notes.md").write_text("mine", encoding="utf-8")
    (out / "07-mine-participant.md").write_text("mine too", encoding="utf-8")
    miss_session_two(plan_file)

    result = cli(*args, "--format", "markdown", "--audience", "participant")

    assert visible(out) == [
        "01-hello-participant.md", "03-no-handout-participant.md", "04-questions-participant.md",
        "05-sides-participant.md", "06-belonging-participant.md",
        "07-looking-ahead-participant.md", "07-mine-participant.md", "notes.md",
    ]  # fmt: skip
    assert "removed 5 old files the plan no longer produces" in result.stderr
    assert (out / "notes.md").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("second_run", "kept"),
    [
        pytest.param(["--session", "1"], "02-no-handout-participant.md", id="some-sessions"),
        pytest.param(["--format", "html"], "02-no-handout-participant.md", id="another-format"),
        pytest.param(
            ["--audience", "facilitator"], "02-no-handout-participant.md", id="another-audience"
        ),
    ],
)
def test_a_partial_rerun_removes_nothing_outside_what_it_covers(
    cli: Cli,
    library: Library,
    plan_file: Path,
    tmp_path: Path,
    second_run: list[str],
    kept: str,
) -> None:
    # Only a run for every session, in the same format and audience, replaces the old set.
    out = tmp_path / "out"
    args = ["--library", str(library.path), "handouts", str(plan_file), "--out", str(out)]
    cli(*args, "--format", "markdown", "--audience", "participant")
    miss_session_two(plan_file)
    options = second_run if "--format" in second_run else [*second_run, "--format", "markdown"]
    if "--audience" not in second_run:
        options += ["--audience", "participant"]
    cli(*args, *options)
    assert kept in visible(out)


def test_stale_temp_files_of_ours_are_swept_and_nothing_else(
    cli: Cli, library: Library, plan_file: Path, tmp_path: Path
) -> None:
    # A killed run's temp files go on the next run once old; young ones and others' files stay.
    out = tmp_path / "out"
    out.mkdir()
    old = time.time() - STALE_AFTER - 10
    ours_old = out / ".03-questions-participant.pdf.k2j_9xq1.tmp"
    ours_young = out / ".04-sides-participant.pdf.a1b2c3d4.tmp"
    theirs = [out / ".notes.txt.a1b2c3d4.tmp", out / "draft.tmp", out / ".x.pdf.a1b2c3d4.tmp"]
    for path in [ours_old, ours_young, *theirs]:
        path.write_bytes(b"%PDF-half")
    for path in [ours_old, *theirs]:
        os.utime(path, (old, old))

    cli("--library", str(library.path), "handouts", str(plan_file), "--out", str(out),
        "--format", "markdown", "--session", "1")  # fmt: skip

    assert not ours_old.exists()
    assert ours_young.exists()
    assert all(path.exists() for path in theirs)


def test_a_failed_first_write_leaves_no_folder(
    library: Library, plan_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Disk full on the first handout: the folder the command created is gone again.
    def disk_full(path: Path, content: object, **_: bool) -> None:
        raise FileAccessError(f"cannot write {path}: no space left on device")

    monkeypatch.setattr("hii_planner.handouts.write.write_atomic", disk_full)
    out = tmp_path / "new" / "out"
    with pytest.raises(FileAccessError):
        write_handouts(read_plan(plan_file), library, out_dir=out, output_format="markdown")
    assert not out.exists()


def test_the_folder_is_synced_once_a_run_not_once_a_file(
    library: Library, plan_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every file is flushed to disk; the renames into the folder are made durable together.
    import stat

    synced = {"files": 0, "folders": 0}
    real_fsync = os.fsync

    def counting(descriptor: int) -> None:
        folder = stat.S_ISDIR(os.fstat(descriptor).st_mode)
        synced["folders" if folder else "files"] += 1
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", counting)
    out = tmp_path / "out"
    written = write_handouts(read_plan(plan_file), library, out_dir=out, output_format="markdown")
    assert len(written.files) > 3
    # The handouts, and the manifest before and after them.
    assert synced == {"files": len(written.files) + 2, "folders": 3}


def test_an_interrupted_run_leaves_whole_files_only_and_owns_them(
    library: Library, plan_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ctrl-C part-way: no temp file is left, the files written are whole and listed as ours.
    from hii_planner.documents.render import render_document as real

    calls = []

    def interrupted(document: object, output_format: str) -> str | bytes:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(document, output_format)  # type: ignore[arg-type]

    monkeypatch.setattr("hii_planner.handouts.pool.render_document", interrupted)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        write_handouts(read_plan(plan_file), library, out_dir=out, output_format="markdown")
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    assert len(visible(out)) == 2
    listed = (out / MANIFEST).read_text(encoding="utf-8")
    assert all(name in listed for name in visible(out))
