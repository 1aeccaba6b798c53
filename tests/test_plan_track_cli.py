"""`plan record|reschedule|report|list` and the progress in `plan show`, as facilitators use them."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from hii_planner import Plan, load_library, plan_as_json, read_plan, write_plan
from tests.conftest import Cli, LibraryFactory, dates, fixture_library, make_plan

# The frozen clock's today is Wed 18 Nov 2026; sessions run weekly on Mondays from 2 Nov.
START = dt.date(2026, 11, 2)


@pytest.fixture
def library_dir(make_library: LibraryFactory) -> Path:
    return fixture_library(make_library).path


@pytest.fixture
def plan_file(library_dir: Path, workdir: Path) -> Path:
    path = workdir / "P-0042.toml"
    write_plan(path, make_plan(load_library(library_dir), start=START))
    return path


def _plan(path: Path) -> Plan:
    return read_plan(path)


# --- plan record -----------------------------------------------------------------------


def test_record_delivered_confirms_on_stderr(cli: Cli, plan_file: Path) -> None:
    # Delivered: a one-line confirmation and what comes next, nothing on stdout.
    result = cli(
        "plan", "record", str(plan_file), "1", "--status", "delivered", "--note", "Good start."
    )
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "✓ session 1 delivered (2026-11-02)",
        "  1 of 8 delivered · next: Mon 23 Nov 2026 · session 4, S2 · 2 overdue",
    ]
    session = _plan(plan_file).sessions[0]
    assert (session.status, session.notes, session.engagement_concern) == (
        "delivered",
        "Good start.",
        False,
    )


def test_record_missed_adds_a_catch_up_and_says_what_moved(cli: Cli, plan_file: Path) -> None:
    # Missed: the catch-up and the moved sessions are named; Boxing Day is skipped.
    result = cli(
        "plan", "record", str(plan_file), "3", "--status", "missed", "--not-engaged"
    )  # fmt: skip
    assert result.stderr.splitlines()[0] == (
        "✓ session 3 missed (2026-11-16); catch-up added as session 4 (2026-11-23); "
        "5 sessions moved"
    )
    plan = _plan(plan_file)
    assert dates(plan)[-2:] == ["2026-12-21", "2027-01-04"]
    assert plan.sessions[2].engagement_concern
    assert plan.sessions[3].catch_up


def test_record_cancelled_moves_nothing(cli: Cli, plan_file: Path) -> None:
    # Cancelled: the plan's dates stay as they were.
    before = dates(_plan(plan_file))
    result = cli("plan", "record", str(plan_file), "5", "--status", "cancelled")
    assert result.stderr.splitlines()[0] == "✓ session 5 cancelled (2026-11-30); nothing moved"
    assert dates(_plan(plan_file)) == before


def test_record_with_another_date(cli: Cli, plan_file: Path) -> None:
    # --date records the day the session took place.
    cli("plan", "record", str(plan_file), "2", "--status", "delivered", "--date", "2026-11-10")
    assert _plan(plan_file).sessions[1].date == dt.date(2026, 11, 10)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["9", "--status", "delivered"],
            [
                "error: there is no session 9: this plan has sessions 1 to 8",
                "hint: `hii-planner plan show FILE` lists the sessions with their numbers",
            ],
            id="unknown-number",
        ),
        pytest.param(
            ["4", "--status", "delivered"],
            [
                "error: session 4 cannot be recorded as delivered on 2026-11-23: its planned "
                "date 2026-11-23 is in the future (today is 2026-11-18)",
                "hint: pass --date with the day it took place",
            ],
            id="future",
        ),
        pytest.param(
            ["4", "--status", "missed"],
            [
                "error: session 4 cannot be recorded as missed on 2026-11-23: its planned "
                "date 2026-11-23 is in the future (today is 2026-11-18)",
                "hint: to move a session that has not happened yet, use "
                "`hii-planner plan reschedule`",
            ],
            id="missed-future",
        ),
    ],
)
def test_refused_records_exit_1_and_leave_the_file(
    cli: Cli, plan_file: Path, args: list[str], message: list[str]
) -> None:
    # A record the rules refuse: the error and its hint, exit 1, the file unchanged.
    before = plan_file.read_bytes()
    result = cli("plan", "record", str(plan_file), *args, exit_code=1)
    assert result.stderr.splitlines() == message
    assert plan_file.read_bytes() == before


def test_recording_twice_names_the_existing_record(cli: Cli, plan_file: Path) -> None:
    # The second record of a session is refused with its status and date.
    cli("plan", "record", str(plan_file), "1", "--status", "delivered")
    result = cli("plan", "record", str(plan_file), "1", "--status", "missed", exit_code=1)
    assert result.stderr.splitlines()[0] == (
        "error: session 1 is already recorded as delivered (2026-11-02); nothing was changed"
    )


@pytest.mark.parametrize(
    ("args", "fragment", "code"),
    [
        pytest.param(["1", "--status", "done"], "'done' is not one of", 1, id="bad-status"),
        pytest.param(["1"], "Missing option '--status'", 2, id="no-status"),
        pytest.param(
            ["1", "--status", "delivered", "--date", "18/11/2026"],
            "--date: dates are YYYY-MM-DD: did you mean 2026-11-18 (18 November)?",
            1,
            id="bad-date",
        ),
        pytest.param(["0", "--status", "delivered"], "0 is not in the range x>=1", 1, id="zero"),
    ],
)
def test_bad_values_and_usage_errors(
    cli: Cli, plan_file: Path, args: list[str], fragment: str, code: int
) -> None:
    # Bad values exit 1, a missing option is a usage error (exit 2), each with the reason.
    result = cli("plan", "record", str(plan_file), *args, exit_code=code)
    assert fragment in " ".join(result.stderr.split()).replace("│", "").replace("  ", " ")


def test_a_missing_plan_file_is_a_clear_error(cli: Cli, workdir: Path) -> None:
    # No such file: exit 1 with the path.
    result = cli("plan", "record", "nope.toml", "1", "--status", "delivered", exit_code=1)
    assert result.stderr.splitlines()[0] == "error: nope.toml does not exist"


# --- plan reschedule -------------------------------------------------------------------


def test_reschedule_with_cascade(cli: Cli, plan_file: Path) -> None:
    # --cascade moves every later planned session to the following slots, past Boxing Day.
    result = cli("plan", "reschedule", str(plan_file), "6", "--date", "2026-12-16", "--cascade")
    assert result.stderr.splitlines()[0] == (
        "✓ session 6 moved from 2026-12-07 to 2026-12-16; 2 later sessions moved"
    )
    assert dates(_plan(plan_file))[5:] == ["2026-12-16", "2026-12-21", "2027-01-04"]


def test_reschedule_onto_a_holiday_warns(cli: Cli, plan_file: Path) -> None:
    # A public holiday is allowed (the facilitator chose it) and named in a warning.
    result = cli("plan", "reschedule", str(plan_file), "8", "--date", "2026-12-25")
    assert result.stderr.splitlines()[:2] == [
        "warning: 2026-12-25 is a public holiday in England and Wales (Christmas Day)",
        "✓ session 8 moved from 2026-12-21 to 2026-12-25",
    ]


def test_reschedule_of_a_recorded_session_is_refused(cli: Cli, plan_file: Path) -> None:
    # Delivered sessions never move.
    cli("plan", "record", str(plan_file), "1", "--status", "delivered")
    result = cli(
        "plan", "reschedule", str(plan_file), "1", "--date", "2026-12-02", exit_code=1
    )  # fmt: skip
    assert result.stderr.splitlines() == [
        "error: session 1 was delivered on 2026-11-02; only planned sessions can be moved",
        "hint: delivered, missed and cancelled sessions stay where they are; "
        "to correct one, use `hii-planner plan amend FILE 1 --why TEXT`",
    ]


def test_every_write_is_private_and_in_the_history(cli: Cli, plan_file: Path) -> None:
    # Each command adds one history entry and bumps the revision; the file stays 0600.
    cli("plan", "record", str(plan_file), "1", "--status", "delivered")
    cli("plan", "reschedule", str(plan_file), "4", "--date", "2026-11-24")
    plan = _plan(plan_file)
    assert plan.revision == 3
    assert [h.change for h in plan.history][1:] == [
        "session 1 delivered (2026-11-02)",
        "session 4 moved from 2026-11-23 to 2026-11-24",
    ]
    assert stat.S_IMODE(plan_file.stat().st_mode) == 0o600


# --- plan show -------------------------------------------------------------------------


def test_show_ends_with_progress_and_module_completion(cli: Cli, plan_file: Path) -> None:
    # Delivered of total with a bar, next session, attendance, overdue, concerns, modules.
    cli("plan", "record", str(plan_file), "1", "--status", "delivered")
    cli("plan", "record", str(plan_file), "2", "--status", "delivered", "--not-engaged")
    cli("plan", "record", str(plan_file), "3", "--status", "missed")
    lines = [line.rstrip() for line in cli("plan", "show", str(plan_file)).stdout.splitlines()]
    assert lines[-8:] == [
        "Progress    █████░░░░░░░░░░░░░░░ 2 of 8 delivered",
        "Next        Mon 23 Nov 2026 · session 4, S1 (catch-up)",
        "Attendance  1 missed, 0 caught up",
        "Concerns    engagement concern at session 2",
        "Modules     ✓ Intro  2/2",
        "            · Middle 0/3",
        "            · Other  0/2",
        "            · Ending 0/1",
    ]


def test_show_json_stays_the_plan_file(cli: Cli, plan_file: Path) -> None:
    # `plan show --json` is the plan file's content, with no progress fields added.
    cli("plan", "record", str(plan_file), "1", "--status", "delivered")
    data = json.loads(cli("plan", "show", str(plan_file), "--json").stdout)
    assert data == json.loads(json.dumps(plan_as_json(_plan(plan_file))))
    assert data["sessions"][0]["status"] == "delivered"
    assert not {"progress", "delivered", "total", "next_date"} & set(data)


# --- plan report -----------------------------------------------------------------------


def test_report_is_markdown_on_stdout_by_default(
    cli: Cli, plan_file: Path, library_dir: Path
) -> None:
    # No --out: Markdown on stdout, marked with the library's marking.
    cli("plan", "record", str(plan_file), "1", "--status", "delivered", "--note", "Settled.")
    result = cli("--library", str(library_dir), "plan", "report", str(plan_file))
    lines = result.stdout.splitlines()
    assert lines[0] == "**OFFICIAL-SENSITIVE** · Reference: P-0042"
    assert "- **Sessions delivered:** 1 of 8" in lines
    assert "| Mon 2 Nov 2026 | 1 | S1 | delivered | Settled. |" in lines
    assert result.stderr == ""


def test_report_to_a_file_is_private_and_never_overwritten(
    cli: Cli, plan_file: Path, library_dir: Path
) -> None:
    # --out writes 0600; an existing file needs --force; the suffix picks the format.
    args = ("--library", str(library_dir), "plan", "report", str(plan_file))
    result = cli(*args, "--out", "report.html")
    assert result.stderr.splitlines() == ["✓ wrote report.html"]
    html = Path("report.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") or html.lower().startswith("<!doctype html>")
    assert "Post-intervention report" in html
    assert stat.S_IMODE(Path("report.html").stat().st_mode) == 0o600
    refused = cli(*args, "--out", "report.html", exit_code=1)
    assert refused.stderr.splitlines() == [
        "error: report.html already exists; nothing was written",
        "hint: pass --force to replace it, or choose another --out",
    ]
    cli(*args, "--out", "report.html", "--format", "markdown", "--force")
    assert Path("report.html").read_text(encoding="utf-8").startswith("**OFFICIAL-SENSITIVE**")


@pytest.mark.slow
def test_pdf_report_goes_to_a_file_named_after_the_reference(
    cli: Cli, plan_file: Path, library_dir: Path, workdir: Path
) -> None:
    # PDF without --out: REFERENCE-report.pdf in the current folder, never to a terminal.
    result = cli("--library", str(library_dir), "plan", "report", str(plan_file), "-f", "pdf")
    assert result.stdout == ""
    assert result.stderr.splitlines() == ["✓ wrote P-0042-report.pdf"]
    assert (workdir / "P-0042-report.pdf").read_bytes().startswith(b"%PDF-")


def test_report_with_another_library_warns_and_leaves_out_the_marking(
    cli: Cli, plan_file: Path, make_library: LibraryFactory
) -> None:
    # A library that is not the plan's: no borrowed marking or need titles, and a warning.
    other = fixture_library(make_library, info={"name": "Another"}, name="o").path
    result = cli("--library", str(other), "plan", "report", str(plan_file))
    assert result.stderr.startswith(
        "warning: the plan was made with the library 'Test library', not 'Another'"
    )
    assert "OFFICIAL-SENSITIVE" not in result.stdout


# --- plan list -------------------------------------------------------------------------


@pytest.fixture
def caseload(library_dir: Path, tmp_path: Path) -> Path:
    library = load_library(library_dir)
    folder = tmp_path / "caseload"
    folder.mkdir()
    for reference, start in [("P-0001", START), ("P-0002", dt.date(2027, 1, 4))]:
        plan = make_plan(library, start=start)
        plan.participant.reference = reference
        write_plan(folder / f"{reference}.toml", plan)
    return folder


def test_list_shows_each_plan(cli: Cli, caseload: Path, library_dir: Path) -> None:
    # The caseload table: reference, progress, next date, overdue count.
    cli("plan", "record", str(caseload / "P-0001.toml"), "1", "--status", "delivered")
    result = cli("--library", str(library_dir), "plan", "list", str(caseload))
    rows = [line for line in result.stdout.splitlines() if "P-000" in line]
    assert len(rows) == 2
    assert "█░░░░░░░░░ 1/8" in rows[0] and "Mon 23 Nov 2026" in rows[0]
    assert rows[0].split("│")[4].strip() == "2"
    assert "░░░░░░░░░░ 0/8" in rows[1] and "Mon 4 Jan 2027" in rows[1]
    assert result.stderr == ""


def test_list_reports_a_broken_plan_and_still_lists_the_others(
    cli: Cli, caseload: Path, library_dir: Path
) -> None:
    # One unreadable plan: its error on stderr, the others listed, exit 1.
    (caseload / "P-0003.toml").write_text('format = "hii-plan"\nrevision = "one"\n')
    result = cli("--library", str(library_dir), "plan", "list", str(caseload), exit_code=1)
    assert "P-0001" in result.stdout and "P-0002" in result.stdout
    assert result.stderr.splitlines()[0] == (
        f"error: {caseload / 'P-0003.toml'} is not a valid plan file"
    )
    as_json = cli(
        "--library", str(library_dir), "plan", "list", str(caseload), "--json", exit_code=1
    )
    assert [item["reference"] for item in json.loads(as_json.stdout)] == ["P-0001", "P-0002"]
    assert "P-0003.toml is not a valid plan file" in as_json.stderr


def test_list_reports_an_empty_file_and_an_answers_file_and_exits_1(
    cli: Cli, caseload: Path, library_dir: Path
) -> None:
    # Neither is skipped silently: each is named on stderr, the plans are listed, exit 1.
    (caseload / "P-0003.toml").write_text("", encoding="utf-8")
    (caseload / "answers.toml").write_text('participant = "P-0009"\n', encoding="utf-8")
    result = cli("--library", str(library_dir), "plan", "list", str(caseload), exit_code=1)
    assert "P-0001" in result.stdout and "P-0002" in result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {caseload / 'P-0003.toml'}: the file is empty "
        '(a plan file starts with format = "hii-plan")',
        f"error: {caseload / 'answers.toml'}: not a plan file: it looks like an answers file "
        "(for `plan new --answers`)",
    ]
    assert result.stderr.splitlines()[-1] == (
        "2 of 4 .toml files are not readable plans; the plans are listed"
    )


def test_list_json_has_the_contract_fields(cli: Cli, caseload: Path, library_dir: Path) -> None:
    # --json: at least file, reference, delivered, total, next_date for each plan.
    data = json.loads(
        cli("--library", str(library_dir), "plan", "list", str(caseload), "--json").stdout
    )
    assert {"file", "reference", "delivered", "total", "next_date", "overdue"} <= set(data[0])
    assert (data[1]["reference"], data[1]["next_date"], data[1]["total"]) == (
        "P-0002",
        "2027-01-04",
        8,
    )


def test_list_warns_when_the_library_changed(cli: Cli, caseload: Path, library_dir: Path) -> None:
    # A library edited since the plans were made: a warning per plan, and in the JSON.
    (library_dir / "ending.toml").write_text(
        (library_dir / "ending.toml").read_text(encoding="utf-8").replace("60", "45")
    )
    result = cli("--library", str(library_dir), "plan", "list", str(caseload))
    assert result.stderr.splitlines()[0] == (
        "warning: P-0001.toml: the library changed since this plan was made "
        "(1 then, 1 now; changed: ending.toml)"
    )
    assert "library changed" in result.stdout
    data = json.loads(
        cli("--library", str(library_dir), "plan", "list", str(caseload), "--json").stdout
    )
    assert [item["library_changed"] for item in data] == [True, True]


def test_list_of_an_empty_folder(cli: Cli, tmp_path: Path) -> None:
    # No plans: a note on stderr, an empty JSON array, exit 0.
    assert cli("plan", "list", str(tmp_path)).stderr.strip() == f"no plan files in {tmp_path}"
    assert json.loads(cli("plan", "list", str(tmp_path), "--json").stdout) == []


# --- two processes at once -------------------------------------------------------------


def _record_process(path: Path, number: int, status: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hii_planner",
            "plan",
            "record",
            str(path),
            str(number),
            "--status",
            status,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param((1, "delivered"), (2, "delivered"), id="two-deliveries"),
        pytest.param((2, "missed"), (3, "delivered"), id="missed-and-delivered"),
    ],
)
def test_two_processes_recording_at_once_never_corrupt_the_plan(
    library_dir: Path, tmp_path: Path, first: tuple[int, str], second: tuple[int, str]
) -> None:
    # Two real processes record different sessions at the same moment, three times over:
    # each lands, or is refused because the other changed its session; the file always
    # parses, and its revision counts exactly the records that landed.
    library = load_library(library_dir)
    for attempt in range(3):
        path = tmp_path / f"race-{attempt}.toml"
        write_plan(path, make_plan(library, start=START))
        processes = [_record_process(path, n, s) for n, s in (first, second)]
        results = [(p.wait(timeout=60), *p.communicate()) for p in processes]
        landed = 0
        for code, _, stderr in results:
            if code == 0:
                landed += 1
            else:
                assert code == 1, stderr
                assert "changed since it was read" in stderr or "already recorded" in stderr, stderr
        plan = read_plan(path)
        assert plan.revision == 1 + landed
        assert len(plan.history) == 1 + landed
        assert landed >= 1
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
