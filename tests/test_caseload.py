"""The caseload: every plan in a folder, unreadable ones reported, library drift flagged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from hii_planner import (
    FileAccessError,
    Plan,
    PlanFileError,
    caseload_json,
    load_library,
    read_caseload,
    record_in_file,
    write_plan,
)
from tests.conftest import LibraryFactory, fixture_library, make_plan

TODAY = dt.date(2026, 11, 18)


def _write(plan: Plan, path: Path, reference: str) -> Path:
    plan.participant.reference = reference
    write_plan(path, plan)
    return path


@pytest.fixture
def library_dir(make_library: LibraryFactory) -> Path:
    return fixture_library(make_library).path


@pytest.fixture
def caseload(library_dir: Path, tmp_path: Path) -> Path:
    """Two good plans, one broken plan, and files that are not plans at all."""
    library = load_library(library_dir)
    folder = tmp_path / "caseload"
    folder.mkdir()
    _write(make_plan(library, start=dt.date(2026, 11, 2)), folder / "P-0001.toml", "P-0001")
    _write(make_plan(library, start=dt.date(2027, 1, 4)), folder / "P-0002.toml", "P-0002")
    broken = _write(make_plan(library, start=dt.date(2026, 9, 7)), folder / "P-0003.toml", "P-0003")
    text = broken.read_text(encoding="utf-8").replace('status = "planned"', "status = planned", 1)
    broken.write_text(text, encoding="utf-8")
    (folder / "answers.toml").write_text('participant = "P-0009"\n', encoding="utf-8")
    (folder / ".hidden.toml").write_text("not = [toml", encoding="utf-8")
    (folder / "notes.txt").write_text("not a plan", encoding="utf-8")
    (folder / "old").mkdir()
    _write(make_plan(library, start=dt.date(2026, 1, 5)), folder / "old" / "P-0004.toml", "P-0004")
    return folder


def test_every_plan_is_listed_and_a_broken_one_carries_its_error(
    caseload: Path, library_dir: Path
) -> None:
    # Plans are read in name order; the broken one is an entry with an error naming the line;
    # hidden files, files that are not .toml and subfolders are left out.
    record_in_file(caseload / "P-0001.toml", 1, status="delivered", now=_now())
    entries = read_caseload(caseload, today=TODAY, library=load_library(library_dir))
    assert [e.file.name for e in entries] == [
        "P-0001.toml", "P-0002.toml", "P-0003.toml", "answers.toml",
    ]  # fmt: skip
    first, second, broken, _ = entries
    assert first.progress is not None and second.progress is not None
    assert (first.progress.delivered, first.progress.total, len(first.progress.overdue)) == (
        1,
        8,
        2,
    )
    assert first.progress.next_session is not None
    assert first.progress.next_session.date == dt.date(2026, 11, 23)
    assert (second.progress.delivered, len(second.progress.overdue)) == (0, 0)
    assert isinstance(broken.error, PlanFileError)
    assert broken.plan is None
    lines = (caseload / "P-0003.toml").read_text(encoding="utf-8").splitlines()
    line = lines.index("status = planned") + 1
    assert broken.error.lines() == [
        f"{caseload / 'P-0003.toml'}:{line}: TOML syntax error: Invalid value"
    ]
    assert (first.warnings, first.library_changed) == ((), False)


def test_json_lists_the_readable_plans_with_the_contract_fields(caseload: Path) -> None:
    # `plan list --json`: file, reference, delivered, total, next_date, and the extras.
    entries = read_caseload(caseload, today=TODAY)
    found = caseload_json(entries)
    assert [item["reference"] for item in found] == ["P-0001", "P-0002"]
    assert found[0] == {
        "file": str(caseload / "P-0001.toml"),
        "reference": "P-0001",
        "status": "active",
        "delivered": 0,
        "total": 8,
        "next_date": "2026-11-23",
        "next_session": 4,
        "overdue": 3,
        "missed": 0,
        "caught_up": 0,
        "cancelled": 0,
        "engagement_concerns": 0,
        "modules_complete": 0,
        "modules": 4,
        "revision": 1,
        "library_changed": False,
        "warnings": [],
    }


def test_a_changed_library_is_a_warning_naming_the_changed_file(
    caseload: Path, library_dir: Path
) -> None:
    # The library was edited after the plans were made: each plan says so.
    text = (library_dir / "middle.toml").read_text(encoding="utf-8")
    (library_dir / "middle.toml").write_text(text.replace("minutes = 60", "minutes = 75", 1))
    entries = read_caseload(caseload, today=TODAY, library=load_library(library_dir))
    assert entries[0].library_changed
    assert entries[0].warnings == (
        "the library changed since this plan was made (1 then, 1 now; changed: middle.toml)",
    )
    assert caseload_json(entries)[1]["library_changed"] is True


def test_a_plan_from_another_library_is_flagged(
    caseload: Path, make_library: LibraryFactory
) -> None:
    # Comparing with a different library entirely is a warning, not a drift report.
    other = fixture_library(make_library, info={"name": "Another"}, name="other")
    entries = read_caseload(caseload, today=TODAY, library=other)
    assert entries[0].warnings == ("made with the library 'Test library', not 'Another'",)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda p: None, "does not exist", id="missing"),
        pytest.param(lambda p: p.write_text("x"), "is not a folder", id="file"),
    ],
)
def test_a_folder_that_is_not_there_is_an_error(
    tmp_path: Path, make: Callable[[Path], object], message: str
) -> None:
    # The caseload folder must exist and be a folder.
    target = tmp_path / "plans"
    make(target)
    with pytest.raises(FileAccessError, match=rf"^{target} {message}$"):
        read_caseload(target, today=TODAY)


def test_an_empty_folder_is_an_empty_caseload(tmp_path: Path) -> None:
    # No plans: nothing listed, no error.
    assert read_caseload(tmp_path, today=TODAY) == []


def _now() -> dt.datetime:
    from hii_planner import clock

    return clock.now()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param("", 'the file is empty (a plan file starts with format = "hii-plan")', id="empty"),
        pytest.param("\n# nothing yet\n", 'the file is empty (a plan file starts with format = "hii-plan")', id="only-a-comment"),
        pytest.param('participant = "P-0009"\nneeds = ["x"]\n', "not a plan file: it looks like an answers file (for `plan new --answers`)", id="answers"),
        pytest.param('name = "A library"\nversion = "1"\n', 'format: not a plan file (format = "hii-plan" is missing)', id="no-format"),
        pytest.param('format = "hii-answers"\n', 'format: not a plan file (format is "hii-answers", a plan has format = "hii-plan")', id="other-format"),
    ],
)  # fmt: skip
def test_every_toml_that_is_not_a_plan_is_reported(
    caseload: Path, content: str, message: str
) -> None:
    # An empty file, an answers file or TOML without format is an entry with its error, not skipped.
    (caseload / "answers.toml").unlink()
    (caseload / "P-0005.toml").write_text(content, encoding="utf-8")
    entries = read_caseload(caseload, today=TODAY)
    refused = next(e for e in entries if e.file.name == "P-0005.toml")
    assert refused.plan is None and refused.error is not None
    assert refused.error.lines()[-1].replace(":1:", ":") == f"{caseload / 'P-0005.toml'}: {message}"
    assert [e.file.name for e in entries if e.plan is not None] == ["P-0001.toml", "P-0002.toml"]
