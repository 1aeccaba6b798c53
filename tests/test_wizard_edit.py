"""`plan edit`: the guided planner pre-filled from a plan, and the scripted edit."""

from __future__ import annotations

import datetime as dt
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
import tomli_w

from hii_planner import (
    Library,
    Plan,
    PlanRequest,
    Replan,
    build_plan,
    clock,
    read_plan,
    write_plan,
)
from hii_planner.cli.plan_edit import save_edit
from hii_planner.errors import InterruptedByUser
from hii_planner.plans.calendar import next_slot
from hii_planner.wizard.drafts import DraftStore, edit_key
from tests.conftest import Cli, LibraryFactory, fixture_library, make_plan
from tests.wizard_driver import CTRL_C, DOWN, ENTER, SPACE, down, plan_edit


def recorded_plan(library: Library, path: Path) -> Plan:
    """A plan weekly on Mondays from 2027-01-04: 1-2 delivered, 3 missed, 4 its catch-up."""
    plan = make_plan(library, needs=("belonging",))
    first, second, third = plan.sessions[:3]
    first.status, first.notes = "delivered", "Settled in well."
    second.status, second.engagement_concern = "delivered", True
    second.date = dt.date(2027, 1, 13)  # delivered on another day than planned
    third.status, third.notes = "missed", "Unwell."
    # As `plan record 3 --status missed` does: a catch-up in the next slot, the rest one on.
    catch_up = third.model_copy(update={"status": "planned", "notes": "", "catch_up": True})
    plan.sessions.insert(3, catch_up)
    for number, session in enumerate(plan.sessions[3:], start=4):
        session.number = number
        session.date = next_slot(plan.schedule, plan.sessions[number - 2].date)
    write_plan(path, plan)
    return read_plan(path)


def saver(path: Path, before: Plan) -> Callable[[Replan], None]:
    """The save `plan edit` uses in the guided planner."""

    def save(edited: Replan) -> None:
        save_edit(path, before, edited, show_diff=False)

    return save


def test_edit_keeps_recorded_sessions_and_plans_the_rest_again(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    # Adding a module in the editor keeps delivered and missed sessions exactly as they
    # were, dates the rest from the first slot after the last recorded one, shows what
    # changes before saving, and saves the next revision with a history entry.
    library = fixture_library(make_library, "wizard")
    path = tmp_path / "P-0042.toml"
    before = recorded_plan(library, path)
    keys = [
        DOWN + ENTER,  # What now? Go back to a step
        down(4) + ENTER,  # Which step? ... modules
        down(3) + SPACE + ENTER,  # modules: add extra (pointer starts on story)
        ENTER,  # sessions, asked again since the modules changed
        ENTER,  # Save the changes
    ]
    run = plan_edit(library, before, path, keys, save=saver(path, before))
    assert run.error is None, run.error
    after = read_plan(path)
    assert after.revision == before.revision + 1
    assert [s.model_dump() for s in after.sessions[:3]] == [
        s.model_dump() for s in before.sessions[:3]
    ]
    # The started module's catch-up comes first, then the planner's order (chosen first).
    planned = [(s.number, s.module, s.session, s.date, s.catch_up) for s in after.sessions[3:]]
    assert planned == [
        (4, "story", "s2", dt.date(2027, 1, 25), True),
        (5, "extra", "s1", dt.date(2027, 2, 1), False),
        (6, "identity", "s1", dt.date(2027, 2, 8), False),
        (7, "identity", "s2", dt.date(2027, 2, 15), False),
        (8, "close", "s1", dt.date(2027, 2, 22), False),
    ]
    assert after.history[-1].change == "edited: modules added: extra; sessions: 1 added, 3 moved"
    assert "  + module extra" in run.screen
    assert "── Preview" in run.screen
    assert not DraftStore(edit_key(path)).exists()


def test_saving_an_unchanged_edit_writes_nothing(
    make_library: LibraryFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Opening a plan and saving at once changes nothing, so the file is left as it was.
    library = fixture_library(make_library, "wizard")
    path = tmp_path / "P-0042.toml"
    request = PlanRequest(participant="P-0042", needs=["belonging"])
    write_plan(path, build_plan(library, request, now=clock.now()).plan)
    before = read_plan(path)
    text = path.read_text(encoding="utf-8")
    run = plan_edit(library, before, path, [ENTER], save=saver(path, before))
    assert run.error is None, run.error
    assert "Changes: none yet." in run.screen
    assert path.read_text(encoding="utf-8") == text
    assert f"nothing changed; {path} was not written" in capsys.readouterr().err


def test_ctrl_c_in_an_edit_keeps_a_draft_for_that_plan(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    # Stopping an edit leaves the plan untouched and keeps a draft that --resume continues.
    library = fixture_library(make_library, "wizard")
    path = tmp_path / "P-0042.toml"
    before = recorded_plan(library, path)
    text = path.read_text(encoding="utf-8")
    keys = [DOWN + ENTER, down(3) + ENTER, DOWN + SPACE + ENTER, CTRL_C]  # tick status
    run = plan_edit(library, before, path, keys, save=saver(path, before))
    assert isinstance(run.error, InterruptedByUser)
    assert str(run.error).startswith(f"stopped: {path} was not changed;")
    assert run.error.hint == (
        f"run `hii-planner plan edit {path} --resume` to continue where you stopped"
    )
    assert path.read_text(encoding="utf-8") == text
    store = DraftStore(edit_key(path))
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600

    resumed = plan_edit(library, before, path, [ENTER] * 3, save=saver(path, before), resume=True)
    assert resumed.error is None, resumed.error
    after = read_plan(path)
    assert after.participant.needs == ["belonging", "status"]
    assert "status-work" in [m.id for m in after.modules]
    assert not store.exists()


def test_scripted_edit_applies_an_answers_file(
    make_library: LibraryFactory, tmp_path: Path, cli: Cli
) -> None:
    # Without a terminal, `plan edit --answers` lays the file's answers over the plan's own,
    # lists the changes and saves; the recorded sessions stay.
    library = fixture_library(make_library, "wizard")
    path = tmp_path / "P-0042.toml"
    before = recorded_plan(library, path)
    answers = tmp_path / "answers.toml"
    answers.write_text(tomli_w.dumps({"exclude": ["identity"], "needs": []}), encoding="utf-8")
    result = cli(
        "--library", str(library.path), "plan", "edit", str(path), "--answers", str(answers)
    )
    after = read_plan(path)
    assert [s.model_dump() for s in after.sessions[:3]] == [
        s.model_dump() for s in before.sessions[:3]
    ]
    assert [m.id for m in after.modules] == ["welcome", "story", "close"]
    assert "  - module identity" in result.stderr
    assert f"✓ saved {path} (revision 2)" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            [],
            "error: nothing to change: without a terminal, the changes come from --answers FILE",
            id="no-answers",
        ),
        pytest.param(
            ["--resume"],
            "error: --resume continues the guided planner, which needs a terminal",
            id="resume-without-terminal",
        ),
    ],
)
def test_scripted_edit_refuses_what_needs_a_terminal(
    make_library: LibraryFactory, tmp_path: Path, cli: Cli, args: list[str], message: str
) -> None:
    # Without a terminal, an edit with nothing to apply, or --resume, is an error (exit 1).
    library = fixture_library(make_library, "wizard")
    path = tmp_path / "P-0042.toml"
    recorded_plan(library, path)
    result = cli("--library", str(library.path), "plan", "edit", str(path), *args, exit_code=1)
    assert result.stderr.splitlines()[0] == message


def test_an_edit_that_breaks_a_rule_says_so_and_writes_nothing(
    make_library: LibraryFactory, tmp_path: Path, cli: Cli
) -> None:
    # Excluding a module the plan needs gives the planner's message, and the plan stays.
    library = fixture_library(make_library, "wizard")
    path = tmp_path / "P-0042.toml"
    recorded_plan(library, path)
    text = path.read_text(encoding="utf-8")
    answers = tmp_path / "answers.toml"
    answers.write_text(tomli_w.dumps({"exclude": ["story"]}), encoding="utf-8")
    result = cli(
        "--library", str(library.path), "plan", "edit", str(path), "--answers", str(answers),
        exit_code=1,
    )  # fmt: skip
    assert result.stderr.startswith(
        "error: identity (addresses need: belonging) requires story, which you excluded"
    )
    assert path.read_text(encoding="utf-8") == text
