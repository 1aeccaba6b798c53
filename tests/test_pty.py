"""`hii-planner plan new` in a real pseudo-terminal, as a facilitator runs it."""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

import pexpect
import pytest

from hii_planner import read_plan
from tests.conftest import LibraryFactory, fixture_library

pytestmark = pytest.mark.slow

TIMEOUT = 60  # seconds for each prompt to appear: generous for loaded machines


def spawn(library: Path, folder: Path, *args: str) -> pexpect.spawn:
    """`python -m hii_planner --library LIBRARY plan new ARGS` in an 80-column terminal."""
    env = {
        **os.environ,
        "COLUMNS": "80",
        "LINES": "30",
        "TERM": "xterm-256color",
        # No terminal answers cursor-position requests here; do not wait for one.
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    return pexpect.spawn(
        sys.executable,
        ["-m", "hii_planner", "--library", str(library), "plan", "new", *args],
        cwd=str(folder),
        env=env,
        dimensions=(30, 80),
        encoding="utf-8",
        timeout=TIMEOUT,
    )


def answer(child: pexpect.spawn, prompt: str, keys: str) -> None:
    """Wait for a question's text on the screen, then type *keys*."""
    child.expect_exact(prompt)
    child.send(keys)


def finish(child: pexpect.spawn) -> int:
    """The exit status once the command has ended."""
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None
    return int(child.exitstatus)


def test_plan_new_in_a_terminal_from_start_to_a_saved_plan(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    # Every question appears in a real terminal; answering them saves a private plan file
    # and ends with exit code 0 and the summary line.
    library = fixture_library(make_library, "wizard").path
    work = tmp_path / "work"
    work.mkdir()
    child = spawn(library, work)
    answer(child, "Participant reference", "\r")
    answer(child, "Facilitator (Enter for none)", "Facilitator A\r")
    answer(child, "Second facilitator", "\r")
    answer(child, "Was the offending driven by a group", "\r")
    answer(child, "Assessed needs", " \r")
    answer(child, "Modules (untick", "\r")
    answer(child, "Optional sessions", "\r")
    answer(child, "Most sessions", "\r")
    answer(child, "First possible session date", "\r")
    answer(child, "How often?", "\r")
    answer(child, "On which day?", "\r")
    answer(child, "Skip the public holidays of", "\r")
    answer(child, "Usual start time", "10:00\r")
    answer(child, "Usual place", "\r")
    answer(child, "Closures", "\r")
    answer(child, "What now?", "\r")
    child.expect(r"wrote (P-[A-Z0-9]{4})\.toml")
    reference = child.match.group(1)
    assert finish(child) == 0
    path = work / f"{reference}.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    plan = read_plan(path)
    assert plan.facilitators == ["Facilitator A"]
    assert plan.participant.needs == ["belonging"]
    assert [m.id for m in plan.modules] == ["welcome", "story", "identity", "close"]


def test_ctrl_c_in_a_terminal_then_resume(make_library: LibraryFactory, tmp_path: Path) -> None:
    # Ctrl-C exits with 130 and says how to resume; `plan new --resume` picks up the answers.
    library = fixture_library(make_library, "wizard").path
    work = tmp_path / "work"
    work.mkdir()
    child = spawn(library, work)
    answer(child, "Participant reference", "P-0042\r")  # typing replaces the generated one
    answer(child, "Facilitator (Enter for none)", "\x03")
    child.expect_exact("hii-planner plan new --resume")
    assert finish(child) == 130
    assert list(work.iterdir()) == []

    child = spawn(library, work, "--resume")
    answer(child, "Facilitator (Enter for none)", "\r")
    for prompt in (
        "Was the offending driven by a group",
        "Assessed needs",
        "Modules (untick",
        "Most sessions",
        "First possible session date",
        "How often?",
        "On which day?",
        "Skip the public holidays of",
        "Usual start time",
        "Usual place",
        "Closures",
        "What now?",
    ):
        answer(child, prompt, "\r")
    child.expect_exact("wrote P-0042.toml")
    assert finish(child) == 0
    assert re.fullmatch("P-0042", read_plan(work / "P-0042.toml").participant.reference)
