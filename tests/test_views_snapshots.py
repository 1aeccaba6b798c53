"""Terminal views at COLUMNS=100, 80 and 60, byte for byte: plan show, library list, plan list.

Run with UPDATE_SNAPSHOTS=1 to write a snapshot after a deliberate change, then
read the diff before committing it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from tests.conftest import Cli, LibraryFactory, fixture_library, saved_plan

SNAPSHOTS = Path(__file__).parent / "snapshots" / "views"


def matches_snapshot(name: str, text: str) -> None:
    """Compare *text* with the stored snapshot *name* (or write it when asked)."""
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no snapshot {name}: run with UPDATE_SNAPSHOTS=1 to write it"
    assert text == path.read_text(encoding="utf-8")


@pytest.fixture
def caseload(make_library: LibraryFactory, tmp_path: Path) -> tuple[Path, Path]:
    """The fixture library's folder and a folder of two plans made from it."""
    library = fixture_library(make_library)
    plans = tmp_path / "plans"
    plans.mkdir()
    saved_plan(library, plans, start=dt.date(2027, 1, 4), name="P-0001")
    saved_plan(library, plans, start=dt.date(2027, 2, 1), name="P-0002")
    return library.path, plans


@pytest.mark.parametrize(
    ("name", "args"),
    [
        pytest.param("plan-show.txt", ("plan", "show", "{plans}/P-0001.toml"), id="plan-show"),
        pytest.param("library-list.txt", ("library", "list"), id="library-list"),
        pytest.param("plan-list.txt", ("plan", "list", "{plans}"), id="plan-list"),
    ],
)
def test_views_match_their_snapshots(
    cli: Cli,
    caseload: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    args: tuple[str, ...],
) -> None:
    # Each view prints exactly its stored snapshot at 100 columns (NO_COLOR, frozen clock).
    library, plans = caseload
    monkeypatch.chdir(plans.parent)
    command = [a.replace("{plans}", "plans") for a in args]
    result = cli("--library", str(library), *command)
    matches_snapshot(name, result.stdout)


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize(
    ("name", "args"),
    [
        pytest.param("plan-show", ("plan", "show", "plans/P-0001.toml"), id="plan-show"),
        pytest.param("library-list", ("library", "list"), id="library-list"),
        pytest.param("plan-list", ("plan", "list", "plans"), id="plan-list"),
    ],
)
def test_narrow_views_fit_and_match_their_snapshots(
    cli: Cli,
    caseload: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    columns: int,
    name: str,
    args: tuple[str, ...],
) -> None:
    # At 80 and 60 columns each view fits the width, has no padding at line ends, never
    # breaks an id inside a word, and prints exactly its stored snapshot.
    library, plans = caseload
    monkeypatch.chdir(plans.parent)
    monkeypatch.setenv("COLUMNS", str(columns))
    result = cli("--library", str(library), *args)
    lines = result.stdout.splitlines()
    assert all(len(line) <= columns for line in lines)
    assert all(line == line.rstrip() for line in lines)
    matches_snapshot(f"{name}-{columns}.txt", result.stdout)
