"""The guided planner in a real 80×24 terminal: key help on every list, a cue when it scrolls."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest

from tests.conftest import LibraryFactory, fixture_library
from tests.fixture_data import WIZARD_INFO

pytestmark = pytest.mark.slow

TIMEOUT = 60


def many_needs_info() -> dict[str, Any]:
    """Fields for the wizard library with 30 more needs, too many for a 24-row screen."""
    needs = [
        {"id": f"need-{n:02d}", "title": f"Need number {n}", "dimension": "engagement"}
        for n in range(1, 31)
    ]
    return {"needs": [*WIZARD_INFO["needs"], *needs], "screening": []}


def spawn(library: Path, folder: Path, rows: int, columns: int) -> pexpect.spawn:
    """`plan new` in a pseudo-terminal of *rows* × *columns*."""
    env = {
        **os.environ,
        "COLUMNS": str(columns),
        "LINES": str(rows),
        "TERM": "xterm-256color",
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    return pexpect.spawn(
        sys.executable,
        ["-m", "hii_planner", "--library", str(library), "plan", "new"],
        cwd=str(folder), env=env, dimensions=(rows, columns), encoding="utf-8", timeout=TIMEOUT,
    )  # fmt: skip


def test_needs_step_at_80_by_24_shows_key_help_and_a_more_cue(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    # At 80×24 the needs list is taller than the screen: its key help is still shown (on
    # its own line under the long question) and it says there is more below.
    library = fixture_library(make_library, "wizard", info=many_needs_info()).path
    work = tmp_path / "work"
    work.mkdir()
    child = spawn(library, work, 24, 80)
    child.expect_exact("Participant reference")
    child.send("\r")
    child.expect_exact("Facilitator (Enter for none)")
    child.send("\r")
    child.expect_exact("Assessed needs (tick each need the assessment identified):")
    child.expect_exact("(space ticks, Enter confirms) ↓ more below")
    child.expect_exact("Need number 1")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert list(work.iterdir()) == []


def test_short_lists_keep_key_help_on_the_question_line(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    # A list that fits says no "more", and its key help stays beside the question.
    library = fixture_library(make_library, "wizard", info={"screening": []}).path
    work = tmp_path / "work"
    work.mkdir()
    child = spawn(library, work, 40, 100)
    for prompt in ("Participant reference", "Facilitator (Enter for none)"):
        child.expect_exact(prompt)
        child.send("\r")
    # (colour codes may sit between the question and its key help)
    child.expect(r"identified\):(?:\x1b\[[0-9;]*m| )*\(space ticks, Enter confirms\)")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    assert "more below" not in (child.before or "")
