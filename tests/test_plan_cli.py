"""`plan new|show|check|why|export` as a script or a facilitator uses them."""

from __future__ import annotations

import csv
import io
import json
import stat
import tomllib
from pathlib import Path

import pytest
from icalendar import Calendar

from hii_planner import default_library_path, load_library
from tests.conftest import Cli, LibraryFactory, module, session

SHIPPED = load_library(default_library_path())


@pytest.fixture
def library(make_library: LibraryFactory) -> Path:
    return make_library(
        [
            module("intro", core=True, placement="first"),
            module(
                "a",
                addresses=["n1"],
                requires=["intro"],
                sessions=[session("one"), session("two", optional=True)],
            ),
            module("b", requires=["a"], addresses=["n2"]),
            module("faith-work", track="faith", sessions=2),
        ],
        info={"needs": [{"id": "n1", "title": "One"}, {"id": "n2", "title": "Two"}]},
    )


FLAGS = [
    "--participant", "P-0042", "--need", "n2", "--module", "faith-work", "--twin-track", "faith",
    "--start", "2027-01-04", "--cadence", "twice-weekly", "--weekday", "mon", "--weekday", "thu",
    "--facilitator", "Facilitator A", "--max-sessions", "6",
]  # fmt: skip

ANSWERS = """
participant = "P-0042"
needs = ["n2"]
modules = ["faith-work"]
twin_track = "faith"
facilitators = ["Facilitator A"]
max_sessions = 6

[schedule]
start = 2027-01-04
cadence = "twice-weekly"
weekdays = ["mon", "thu"]
"""


def test_plan_new_writes_a_private_plan_file(cli: Cli, library: Path, workdir: Path) -> None:
    # Flags alone make a plan; the file is named after the reference and readable only by its owner.
    result = cli("--library", str(library), "plan", "new", "--no-input", *FLAGS)
    path = workdir / "P-0042.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = tomllib.loads(path.read_text())
    assert data["format"] == "hii-plan" and data["revision"] == 1
    assert [s["session"] for s in data["sessions"]] == ["s1", "one", "s1", "s1", "s2"] or len(
        data["sessions"]
    ) <= 6
    assert "wrote P-0042.toml" in result.stderr
    assert "1 optional session left out to fit --max-sessions 6: a/two" not in result.stderr
    assert not list(workdir.glob(".*.tmp"))


def test_answers_file_and_flags_give_identical_bytes(
    cli: Cli, library: Path, workdir: Path
) -> None:
    # The same answers, as flags or as a file, give byte-identical plans.
    cli("--library", str(library), "plan", "new", "--no-input", *FLAGS, "--out", "flags.toml")
    (workdir / "answers.toml").write_text(ANSWERS)
    cli(
        "--library",
        str(library),
        "plan",
        "new",
        "--no-input",
        "--answers",
        "answers.toml",
        "--out",
        "file.toml",
    )
    assert (workdir / "flags.toml").read_bytes() == (workdir / "file.toml").read_bytes()


def test_flags_override_the_answers_file(cli: Cli, library: Path, workdir: Path) -> None:
    # A flag replaces the answer of the same name in the file.
    (workdir / "answers.toml").write_text(ANSWERS)
    result = cli(
        "--library", str(library), "plan", "new", "--no-input", "--answers", "answers.toml",
        "--participant", "P-0099", "--out", "-",
    )  # fmt: skip
    assert tomllib.loads(result.stdout)["participant"]["reference"] == "P-0099"


def test_without_a_terminal_missing_answers_are_listed_at_once(
    cli: Cli, library: Path, workdir: Path
) -> None:
    # Nothing is asked without a terminal; every missing or wrong answer is listed, exit 1.
    result = cli(
        "--library", str(library), "plan", "new", "--need", "n3", "--module", "bb", exit_code=1
    )
    assert result.stderr.splitlines()[:4] == [
        "error: 3 problems with the request",
        "  • missing answer: participant, a pseudonymous reference (--participant P-0042)",
        "  • --need: unknown need 'n3'",
        "  • --module: unknown module 'bb' (did you mean 'b'?)",
    ]
    assert "Traceback" not in result.stderr
    assert not list(workdir.iterdir())


def test_answers_file_errors_have_lines(cli: Cli, library: Path, workdir: Path) -> None:
    # A typo in an answers file is reported with its line and a suggestion.
    (workdir / "answers.toml").write_text('participant = "P-1"\nneeds = ["n1"]\nmodule = ["a"]\n')
    result = cli("--library", str(library), "plan", "new", "--answers", "answers.toml", exit_code=1)
    assert "answers.toml:3: module: unknown key 'module' (did you mean 'modules'?)" in result.stderr


def test_existing_plan_is_not_overwritten_without_force(
    cli: Cli, library: Path, workdir: Path
) -> None:
    # A plan is never replaced by surprise; --force replaces it atomically.
    args = ["--library", str(library), "plan", "new", "--participant", "P-1", "--need", "n1"]
    cli(*args)
    before = (workdir / "P-1.toml").read_bytes()
    result = cli(*args, "--start", "2027-02-01", exit_code=1)
    assert "error: P-1.toml already exists; nothing was written" in result.stderr
    assert (workdir / "P-1.toml").read_bytes() == before
    cli(*args, "--start", "2027-02-01", "--force")
    assert (workdir / "P-1.toml").read_bytes() != before


def test_planning_errors_exit_1_with_the_chain(cli: Cli, library: Path, workdir: Path) -> None:
    # An impossible request names the chain and suggests a fix.
    result = cli(
        "--library",
        str(library),
        "plan",
        "new",
        "--participant",
        "P-1",
        "--module",
        "b",
        "--exclude",
        "a",
        exit_code=1,
    )
    assert result.stderr == (
        "error: b (chosen by the facilitator) requires a, which you excluded\n"
        "hint: remove --exclude a, or leave out b\n"
    )


def test_resume_needs_a_terminal(cli: Cli, library: Path, workdir: Path) -> None:
    # --resume belongs to the guided planner; without a terminal it says so.
    result = cli(
        "--library", str(library), "plan", "new", "--resume", "--participant", "P-1", exit_code=1
    )
    assert "--resume continues the guided planner, which needs a terminal" in result.stderr


def test_stdout_output(cli: Cli, library: Path, workdir: Path) -> None:
    # --out - prints the plan file to stdout and writes nothing.
    result = cli(
        "--library",
        str(library),
        "plan",
        "new",
        "--participant",
        "P-1",
        "--need",
        "n1",
        "--out",
        "-",
    )
    assert tomllib.loads(result.stdout)["participant"] == {"reference": "P-1", "needs": ["n1"]}
    assert not list(workdir.iterdir())


@pytest.fixture
def plan_file(cli: Cli, library: Path, workdir: Path) -> Path:
    cli("--library", str(library), "plan", "new", "--no-input", *FLAGS)
    return workdir / "P-0042.toml"


def test_show_json_is_the_plan_file(cli: Cli, plan_file: Path) -> None:
    # plan show --json is the plan file's content, dates as ISO strings.
    shown = json.loads(cli("plan", "show", str(plan_file), "--json").stdout)
    assert shown["participant"]["reference"] == "P-0042"
    assert shown["created"] == "2026-11-18T11:06:40Z"
    assert shown["sessions"][0]["date"] == "2027-01-04"
    assert shown["library"]["digest"].startswith("sha256:")


def test_show_table(cli: Cli, plan_file: Path) -> None:
    # The table lists every session with its date, and totals.
    output = cli("plan", "show", str(plan_file)).stdout
    assert "Plan for P-0042" in output
    assert "Mon 4 Jan 2027" in output
    assert "sessions" in output


def test_why_prints_the_path(cli: Cli, plan_file: Path) -> None:
    # plan why traces a module back to the need or choice that brought it in.
    output = cli("plan", "why", str(plan_file), "a").stdout
    assert "a is in the plan because:" in output
    assert "assessed need n2 → b → a" in output


def test_why_for_a_module_not_in_the_plan(cli: Cli, plan_file: Path) -> None:
    # Asking about a module that is not planned says so, with suggestions.
    result = cli("plan", "why", str(plan_file), "bb", exit_code=1)
    assert "unknown module in this plan 'bb' (did you mean 'b'?)" in result.stderr


def test_check_reports_library_drift(cli: Cli, plan_file: Path, library: Path) -> None:
    # A changed library is a warning naming the file; a removed module is an error.
    assert cli("--library", str(library), "plan", "check", str(plan_file)).exit_code == 0
    (library / "b.toml").write_text(
        (library / "b.toml").read_text().replace('title = "B"', 'title = "Bee"')
    )
    result = cli("--library", str(library), "plan", "check", str(plan_file), "--json")
    assert json.loads(result.stdout)["warnings"][0].endswith("(1 then, 1 now; changed: b.toml)")
    (library / "faith-work.toml").unlink()
    result = cli("--library", str(library), "plan", "check", str(plan_file), "--json", exit_code=1)
    assert json.loads(result.stdout)["errors"] == [
        "module faith-work is not in the library any more"
    ]


def test_broken_plan_file_is_reported_not_rewritten(cli: Cli, plan_file: Path) -> None:
    # A hand-broken plan gives the file and line, and is left exactly as it was.
    text = plan_file.read_text().replace('status = "planned"', 'status = "done"', 1)
    plan_file.write_text(text)
    result = cli("plan", "show", str(plan_file), exit_code=1)
    line = text.splitlines().index('status = "done"') + 1
    assert f"{plan_file}:{line}: sessions[0].status: 'done' is not allowed" in result.stderr
    assert plan_file.read_text() == text


def test_export_formats(cli: Cli, plan_file: Path, workdir: Path) -> None:
    # Each export format is well formed and has one entry per session.
    sessions = json.loads(cli("plan", "export", str(plan_file), "--format", "json").stdout)[
        "sessions"
    ]
    rows = list(
        csv.DictReader(io.StringIO(cli("plan", "export", str(plan_file), "-f", "csv").stdout))
    )
    assert len(rows) == len(sessions) and rows[0]["date"] == "2027-01-04"
    markdown = cli("plan", "export", str(plan_file), "-f", "markdown").stdout
    assert markdown.startswith("# Plan for P-0042\n") and "| No. | Date |" in markdown
    cli("plan", "export", str(plan_file), "-f", "ics", "--time", "14:30", "--out", "plan.ics")
    calendar = Calendar.from_ical((workdir / "plan.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == len(sessions)
    assert events[0].decoded("dtstart").isoformat() == "2027-01-04T14:30:00+00:00"
    assert events[0]["dtstart"].params["TZID"] == "Europe/London"
    detailed = cli("plan", "export", str(plan_file), "-f", "ics", "--detail").stdout
    assert "Module: " in detailed and "Module: " not in (workdir / "plan.ics").read_text()
    assert stat.S_IMODE((workdir / "plan.ics").stat().st_mode) == 0o600


def test_csv_export_neutralises_formulas(cli: Cli, plan_file: Path) -> None:
    # Notes starting with = cannot run as spreadsheet formulas.
    plan_file.write_text(plan_file.read_text().replace('notes = ""', 'notes = "=HYPERLINK(1)"', 1))
    rows = list(
        csv.DictReader(io.StringIO(cli("plan", "export", str(plan_file), "-f", "csv").stdout))
    )
    assert rows[0]["notes"] == "'=HYPERLINK(1)"


@pytest.mark.parametrize("need", [n.id for n in SHIPPED.info.needs])
def test_every_shipped_need_gives_a_valid_plan(cli: Cli, workdir: Path, need: str) -> None:
    # With the shipped library, each assessed need on its own gives a plan covering it.
    result = cli("plan", "new", "--no-input", "--participant", "P-1", "--need", need, "--out", "-")
    plan = tomllib.loads(result.stdout)
    assert any(
        f"addresses need: {need}" in reason for m in plan["modules"] for reason in m["reasons"]
    )
    assert plan["modules"][0]["id"] == "getting-started"
    assert plan["sessions"][0]["module"] == "getting-started"
    assert plan["sessions"][-1]["module"] == "future-self"


def test_all_shipped_needs_together(cli: Cli, workdir: Path) -> None:
    # All needs at once still give one valid, ordered plan.
    args = [arg for n in SHIPPED.info.needs for arg in ("--need", n.id)]
    result = cli(
        "plan", "new", "--participant", "P-1", *args, "--twin-track", "faith-politics", "--out", "-"
    )
    plan = tomllib.loads(result.stdout)
    assert len(plan["sessions"]) >= 36
    assert "no planned module addresses" not in result.stderr


@pytest.mark.parametrize(
    ("reference", "warned"),
    [
        ("JohnSmith", True),
        ("J.S", True),
        ("Smith", True),
        ("P-0042", False),
        ("CASE-2027-001", False),
    ],
)
def test_name_like_references_are_warned_about(
    cli: Cli, library: Path, workdir: Path, reference: str, warned: bool
) -> None:
    # Scripts get the same privacy warning as the guided planner when a reference reads like a name.
    result = cli(
        "--library",
        str(library),
        "plan",
        "new",
        "--participant",
        reference,
        "--need",
        "n1",
        "--out",
        "-",
    )
    assert ("looks like a name or initials" in result.stderr) is warned


def test_csv_export_opens_in_excel(cli: Cli, workdir: Path, plan_file: Path) -> None:
    # The file starts with a UTF-8 byte-order mark and every record ends in CRLF, so Excel
    # shows non-ASCII text correctly; it still reads back as the same rows.
    plan_file.write_text(
        plan_file.read_text().replace('notes = ""', 'notes = "Café, “quoted”\\nline two"', 1)
    )
    cli("plan", "export", str(plan_file), "-f", "csv", "--out", "plan.csv")
    data = (workdir / "plan.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfreference,number,date,")
    assert data.count(b"\r\n") == data.count(b"\n") - 1  # the one bare \n is inside quotes
    assert data.endswith(b"\r\n")
    with (workdir / "plan.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert rows[0]["notes"] == "Café, “quoted”\nline two"
    assert next(iter(rows[0])) == "reference"


@pytest.mark.parametrize("previewed", [False, True])
def test_a_new_plan_is_reported_with_what_to_know_unless_just_previewed(
    make_library: LibraryFactory,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    previewed: bool,
) -> None:
    # `plan new` says the plan's warnings with where it went; after the guided planner's
    # preview (which has just shown them) only where it went is said, not the warnings again.
    import datetime as dt

    from hii_planner import build_plan, request_from
    from hii_planner.ui.plan_views import report_new_plan

    library = load_library(
        make_library([module("only", core=True)], info={"sessions": {"min": 10, "max": 32}})
    )
    request = request_from({"participant": "P-0042", "schedule": {"start": dt.date(2027, 1, 4)}})
    result = build_plan(library, request, now=dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    assert result.warnings  # one session, fewer than the usual 10
    report_new_plan(result, tmp_path / "P-0042.toml", previewed=previewed)
    lines = capsys.readouterr().err.splitlines()
    assert lines[-1].startswith(f"✓ wrote {tmp_path / 'P-0042.toml'}: 1 module, 1 session (1 h)")
    assert any(line.startswith("warning: ") for line in lines) is not previewed
