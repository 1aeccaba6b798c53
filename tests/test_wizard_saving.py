"""Saving from the guided planner over a file that is there: Replace, Save as…, or Back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hii_planner import PlanResult, read_plan, save_new_plan
from hii_planner.wizard import run_wizard
from hii_planner.wizard.prompts import Prompter
from tests.conftest import LibraryFactory, fixture_library
from tests.wizard_driver import ENTER, UP, Run, _drive, retype

SCHEDULE_DEFAULTS = [ENTER] * 7
TO_FINAL_SCREEN = [retype("P-0042"), *[ENTER] * 5, *SCHEDULE_DEFAULTS]


def plan_new_saving(library: Any, keys: list[str], folder: Path) -> Run:
    """The guided planner saving real files into *folder*, as `plan new` does."""

    def call(prompter: Prompter, saved: list[Any]) -> PlanResult:
        def save(result: PlanResult) -> None:
            saved.append(save_new_plan(result.plan, folder))

        def save_elsewhere(result: PlanResult, target: str, replace: bool) -> None:
            saved.append(save_new_plan(result.plan, folder / target, replace=replace))

        return run_wizard(
            library, {}, resume=False, save=save, save_elsewhere=save_elsewhere, prompter=prompter
        )

    return _drive(keys, call)


@pytest.fixture
def taken(tmp_path: Path) -> Path:
    """A folder in which P-0042.toml is already taken by another file."""
    (tmp_path / "P-0042.toml").write_text("# someone else's file\n", encoding="utf-8")
    return tmp_path


def test_replace_saves_over_the_file(make_library: LibraryFactory, taken: Path) -> None:
    # Choosing "Replace it" writes the plan over the file that was there.
    library = fixture_library(make_library, "wizard")
    run = plan_new_saving(library, [*TO_FINAL_SCREEN, ENTER, UP + UP + ENTER], taken)
    assert run.error is None, run.error
    assert read_plan(taken / "P-0042.toml").participant.reference == "P-0042"


def test_save_as_writes_another_file(make_library: LibraryFactory, taken: Path) -> None:
    # "Save as…" asks for a name and saves there; the file that was there is left as it was.
    library = fixture_library(make_library, "wizard")
    keys = [*TO_FINAL_SCREEN, ENTER, UP + ENTER, "P-0042-second.toml" + ENTER]
    run = plan_new_saving(library, keys, taken)
    assert run.error is None, run.error
    assert read_plan(taken / "P-0042-second.toml").participant.reference == "P-0042"
    assert (taken / "P-0042.toml").read_text(encoding="utf-8") == "# someone else's file\n"


def test_back_returns_to_the_final_screen(make_library: LibraryFactory, taken: Path) -> None:
    # "Back" (the default) saves nothing and shows the final screen again, where the plan
    # can still be saved elsewhere; the file that was there stays as it was.
    library = fixture_library(make_library, "wizard")
    keys = [*TO_FINAL_SCREEN, ENTER, ENTER, ENTER, UP + ENTER, "other.toml" + ENTER]
    run = plan_new_saving(library, keys, taken)
    assert run.error is None, run.error
    assert run.screen.count("── Preview") == 2
    assert [p.name for p in run.saved] == ["other.toml"]
    assert (taken / "P-0042.toml").read_text(encoding="utf-8") == "# someone else's file\n"
