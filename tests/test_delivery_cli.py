"""The delivery commands as facilitators run them: dry runs, JSON, and bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from hii_planner import load_library, read_plan, write_plan
from tests.conftest import Cli, LibraryFactory, fixture_library, make_plan

START = dt.date(2026, 11, 2)  # weekly on Mondays; the frozen today is Wed 18 Nov 2026


@pytest.fixture
def library_dir(make_library: LibraryFactory) -> Path:
    return fixture_library(make_library).path


@pytest.fixture
def plan_file(library_dir: Path, workdir: Path) -> Path:
    path = workdir / "P-0042.toml"
    write_plan(path, make_plan(load_library(library_dir), start=START))
    return path


WRITING_COMMANDS = [
    pytest.param(["record", "{plan}", "2", "--status", "missed"], id="record"),
    pytest.param(["reschedule", "{plan}", "5", "--date", "2026-12-01"], id="reschedule"),
    pytest.param(["reschedule", "{plan}", "--overdue"], id="reschedule-overdue"),
    pytest.param(["closure", "{plan}", "2026-12-21..2027-01-03", "--reason", "Xmas"], id="closure"),
    pytest.param(["status", "{plan}", "paused", "--reason", "in hospital"], id="status"),
]


def _args(template: list[str], plan_file: Path) -> list[str]:
    return ["plan", *(str(plan_file) if a == "{plan}" else a for a in template)]


@pytest.mark.parametrize("template", WRITING_COMMANDS)
def test_a_dry_run_prints_the_real_change_and_writes_nothing(
    cli: Cli, plan_file: Path, template: list[str]
) -> None:
    # --dry-run: the same change line as the real run, the file byte-identical,
    # no lock or temp file left in the folder.
    before = plan_file.read_bytes()
    dry = cli(*_args(template, plan_file), "--dry-run")
    assert plan_file.read_bytes() == before
    assert sorted(p.name for p in plan_file.parent.iterdir()) == ["P-0042.toml"]
    assert dry.stderr.splitlines()[-1] == "dry run: nothing was written"
    real = cli(*_args(template, plan_file))
    dry_change = next(line for line in dry.stderr.splitlines() if line.startswith("would: "))
    real_change = next(line for line in real.stderr.splitlines() if line.startswith("✓ "))
    assert dry_change.removeprefix("would: ") == real_change.removeprefix("✓ ")
    assert read_plan(plan_file).revision == 2


@pytest.mark.parametrize("template", WRITING_COMMANDS)
def test_json_gives_the_documented_shape(cli: Cli, plan_file: Path, template: list[str]) -> None:
    # --json: file, revision, change, the changed sessions as in `plan show --json`, warnings.
    result = cli(*_args(template, plan_file), "--json")
    data = json.loads(result.stdout)
    assert set(data) == {"file", "revision", "change", "sessions", "warnings", "dry_run"}
    assert (data["file"], data["revision"], data["dry_run"]) == (str(plan_file), 2, False)
    saved = read_plan(plan_file)
    assert data["change"] == saved.history[-1].change
    shown = json.loads(cli("plan", "show", str(plan_file), "--json").stdout)["sessions"]
    assert all(session in shown for session in data["sessions"])


def test_record_with_outcomes_on_the_command_line(cli: Cli, plan_file: Path) -> None:
    # --absence, --by and --facilitator reach the plan file.
    cli("plan", "record", str(plan_file), "1", "--status", "delivered", "--facilitator", "Cover C")
    cli("plan", "record", str(plan_file), "2", "--status", "missed", "--absence", "unacceptable")
    cli("plan", "record", str(plan_file), "3", "--status", "cancelled", "--by", "participant")
    sessions = read_plan(plan_file).sessions
    assert sessions[0].facilitators == ["Cover C"]
    assert sessions[1].absence == "unacceptable"
    assert sessions[2].cancelled_by == "participant"


def test_amend_on_the_command_line_keeps_the_history(cli: Cli, plan_file: Path) -> None:
    # plan amend corrects a record and says so on stderr.
    cli("plan", "record", str(plan_file), "1", "--status", "delivered")
    result = cli(
        "plan", "amend", str(plan_file), "1", "--status", "missed", "--why", "wrong session"
    )
    assert result.stderr.splitlines()[0] == (
        "✓ session 1 amended: delivered → missed; "
        "catch-up added as session 4 (2026-11-23); 5 sessions moved"
    )
    entry = read_plan(plan_file).history[-1]
    assert entry.why == "wrong session" and entry.before is not None


def test_reschedule_gives_a_session_its_own_time_and_place(cli: Cli, plan_file: Path) -> None:
    # --time and --place without --date change only that session.
    cli("plan", "reschedule", str(plan_file), "5", "--time", "14:30", "--place", "Room 4")
    session = read_plan(plan_file).sessions[4]
    assert (session.time, session.place, session.date) == ("14:30", "Room 4", dt.date(2026, 11, 30))


def test_reschedule_refuses_an_order_breaking_move_using_the_library(
    cli: Cli, plan_file: Path, library_dir: Path
) -> None:
    # With the plan's library, module rules (middle requires intro) hold too.
    before = plan_file.read_bytes()
    result = cli(
        "--library", str(library_dir),
        "plan", "reschedule", str(plan_file), "2", "--date", "2026-11-25",
        exit_code=1,
    )  # fmt: skip
    assert result.stderr.splitlines()[0] == (
        "error: moving session 2 to 2026-11-25 would put session 3 (middle/s1, 2026-11-16) "
        "before session 2 (intro/s2, 2026-11-25): middle requires intro"
    )
    assert plan_file.read_bytes() == before


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        pytest.param(
            ["record", "{plan}", "1", "--status", "delivered", "--absence", "acceptable"],
            1,
            "error: --absence is for missed sessions, not delivered ones",
            id="absence-with-delivered",
        ),
        pytest.param(
            ["record", "{plan}", "1", "--status", "missed", "--by", "service"],
            1,
            "error: --by is for cancelled sessions, not missed ones",
            id="by-with-missed",
        ),
        pytest.param(
            ["amend", "{plan}", "5", "--status", "delivered", "--why", "x"],
            1,
            "error: session 5 is still planned; only a recorded session can be amended",
            id="amend-planned",
        ),
        pytest.param(
            ["closure", "{plan}", "2027-01-03..2026-12-21"],
            1,
            "error: the closure 2027-01-03..2026-12-21 ends before it starts",
            id="closure-backwards",
        ),
        pytest.param(
            ["closure", "{plan}", "Christmas"],
            1,
            "error: 'Christmas' is not a period such as 2026-12-21..2027-01-03",
            id="closure-not-a-period",
        ),
        pytest.param(
            ["status", "{plan}", "active", "--reason", "x"],
            1,
            "error: the plan is already active; nothing was changed",
            id="status-same",
        ),
        pytest.param(
            ["reschedule", "{plan}", "--overdue", "--from", "2026-11-01"],
            1,
            "error: --from 2026-11-01 is in the past (today is 2026-11-18); "
            "nothing is planned in the past",
            id="overdue-from-the-past",
        ),
        pytest.param(
            ["reschedule", "{plan}", "3", "--overdue"],
            1,
            None,
            id="overdue-with-a-number",
        ),
        pytest.param(["reschedule", "{plan}"], 1, None, id="reschedule-without-number"),
        pytest.param(
            ["reschedule", "{plan}", "5", "--time", "25:00"], 1, None, id="reschedule-bad-time"
        ),
    ],
)
def test_bad_input_is_one_clear_message_and_leaves_the_file_alone(
    cli: Cli, plan_file: Path, arguments: list[str], code: int, message: str | None
) -> None:
    # Exit 1 for a bad value or combination, with one message; the file is byte-identical.
    before = plan_file.read_bytes()
    result = cli(*_args(arguments, plan_file), exit_code=code)
    if message is not None:
        assert result.stderr.splitlines()[0] == message
    assert "Traceback" not in result.stderr
    assert plan_file.read_bytes() == before


def test_plan_new_takes_time_place_and_closures(cli: Cli, library_dir: Path, workdir: Path) -> None:
    # --time, --place and --closed go into [schedule]; no session falls in the closure.
    cli(
        "--library", str(library_dir), "plan", "new", "--no-input",
        "--participant", "P-0042", "--need", "need-a", "--start", "2026-12-07",
        "--time", "10:00", "--place", "Interview room 2",
        "--closed", "2026-12-21..2027-01-03",
    )  # fmt: skip
    plan = read_plan(workdir / "P-0042.toml")
    assert (plan.schedule.time, plan.schedule.place) == ("10:00", "Interview room 2")
    assert [(c.start, c.end) for c in plan.schedule.closures] == [
        (dt.date(2026, 12, 21), dt.date(2027, 1, 3))
    ]
    assert [s.date.isoformat() for s in plan.sessions][:3] == [
        "2026-12-07",
        "2026-12-14",
        "2027-01-04",
    ]


def test_a_closed_plan_refuses_record_and_reschedule(cli: Cli, plan_file: Path) -> None:
    # Completed: record and reschedule are refused until it is active again.
    cli("plan", "status", str(plan_file), "withdrawn", "--reason", "moved away")
    result = cli("plan", "record", str(plan_file), "1", "--status", "delivered", exit_code=1)
    assert result.stderr.splitlines()[0] == (
        "error: the plan is withdrawn: its sessions cannot be recorded until it is active again"
    )
    cli("plan", "reschedule", str(plan_file), "5", "--date", "2026-12-01", exit_code=1)


def test_show_marks_overdue_sessions_and_names_the_fix(cli: Cli, plan_file: Path) -> None:
    # On 18 Nov sessions 1-3 are overdue: marked, and the command that fixes them is named.
    cli("plan", "record", str(plan_file), "2", "--status", "missed", "--absence", "acceptable")
    out = cli("plan", "show", str(plan_file)).stdout
    assert out.count("overdue") >= 2
    assert "acceptable absence" in out
    assert f"hii-planner plan reschedule {plan_file} --overdue" in " ".join(out.split())


def test_show_and_list_give_the_plans_status(cli: Cli, plan_file: Path) -> None:
    # A paused plan says so, with its reason, in plan show and plan list.
    cli("plan", "status", str(plan_file), "paused", "--reason", "in hospital")
    out = cli("plan", "show", str(plan_file)).stdout
    assert "Status: paused (in hospital" in out
    assert "active → paused" in out
    assert "overdue" not in out
    listing = cli("plan", "list", str(plan_file.parent)).stdout
    assert "paused" in listing
    data = json.loads(cli("plan", "list", str(plan_file.parent), "--json").stdout)
    assert data[0]["status"] == "paused"


@pytest.fixture
def more_needs(workdir: Path) -> Path:
    answers = workdir / "changes.toml"
    answers.write_text('needs = ["need-a", "need-b", "need-c"]\n', encoding="utf-8")
    return answers


def test_edit_dry_run_lists_the_changes_and_writes_nothing(
    cli: Cli, plan_file: Path, library_dir: Path, more_needs: Path
) -> None:
    # plan edit --no-input --dry-run: the diff, then nothing written, no lock or temp file.
    before = plan_file.read_bytes()
    result = cli(
        "--library", str(library_dir), "plan", "edit", str(plan_file),
        "--no-input", "--answers", str(more_needs), "--dry-run",
    )  # fmt: skip
    lines = result.stderr.splitlines()
    assert lines[0] == "Changes:" and lines[-1] == "dry run: nothing was written"
    assert plan_file.read_bytes() == before
    assert sorted(p.name for p in plan_file.parent.iterdir()) == ["P-0042.toml", "changes.toml"]


@pytest.mark.parametrize(
    "dry_run", [pytest.param(True, id="dry-run"), pytest.param(False, id="saved")]
)
def test_edit_json_gives_the_documented_shape(
    cli: Cli, plan_file: Path, library_dir: Path, more_needs: Path, dry_run: bool
) -> None:
    # plan edit --no-input --json: the writing commands' shape; a dry run writes nothing.
    before = plan_file.read_bytes()
    revision = read_plan(plan_file).revision
    result = cli(
        "--library", str(library_dir), "plan", "edit", str(plan_file),
        "--no-input", "--answers", str(more_needs), "--json", *(["--dry-run"] if dry_run else []),
    )  # fmt: skip
    data = json.loads(result.stdout)
    assert set(data) == {"file", "revision", "change", "sessions", "warnings", "dry_run"}
    assert data["revision"] == revision + 1 and data["change"] and data["sessions"]
    assert data["dry_run"] is dry_run
    assert (plan_file.read_bytes() == before) is dry_run
    if not dry_run:
        assert read_plan(plan_file).revision == revision + 1


def test_edit_keeps_records_times_and_places_and_plans_nothing_in_the_past(
    cli: Cli, plan_file: Path, library_dir: Path, more_needs: Path
) -> None:
    # Recorded outcomes and facilitators stay; a planned session keeps its own time and
    # place; the sessions planned again start today at the earliest.
    cli("plan", "record", str(plan_file), "1", "--status", "delivered", "--facilitator", "Cover C")
    cli("plan", "record", str(plan_file), "2", "--status", "missed", "--absence", "acceptable")
    cli("plan", "reschedule", str(plan_file), "6", "--time", "14:00", "--place", "Room 9")
    moved = read_plan(plan_file).sessions[5]
    cli(
        "--library", str(library_dir), "plan", "edit", str(plan_file),
        "--no-input", "--answers", str(more_needs),
    )  # fmt: skip
    plan = read_plan(plan_file)
    assert (plan.sessions[0].facilitators, plan.sessions[1].absence) == (["Cover C"], "acceptable")
    twin = next(s for s in plan.sessions if (s.module, s.session) == (moved.module, moved.session))
    assert (twin.time, twin.place) == ("14:00", "Room 9")
    planned = [s for s in plan.sessions if s.status == "planned"]
    assert min(s.date for s in planned) >= dt.date(2026, 11, 18)


def test_edit_of_a_closed_plan_is_refused(
    cli: Cli, plan_file: Path, library_dir: Path, more_needs: Path
) -> None:
    # A completed plan is not edited until it is active again.
    cli("plan", "status", str(plan_file), "completed", "--reason", "goals met")
    before = plan_file.read_bytes()
    result = cli(
        "--library", str(library_dir), "plan", "edit", str(plan_file),
        "--no-input", "--answers", str(more_needs),
        exit_code=1,
    )  # fmt: skip
    assert result.stderr.splitlines()[0] == (
        "error: the plan is completed: its sessions cannot be edited until it is active again"
    )
    assert plan_file.read_bytes() == before
