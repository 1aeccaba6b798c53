"""Forgiving input: P-0042 for P-0042.toml, - for stdin, days in full, formats from suffixes.

Also one session in full (`plan show FILE N`) and why a module is not in a plan.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hii_planner import read_plan, write_plan
from hii_planner.choices import weekday_from
from tests.conftest import Cli, LibraryFactory, module

ANSWERS = """
participant = "P-0042"
needs = ["n2"]

[schedule]
start = 2027-01-04
weekdays = ["mon"]
"""


@pytest.fixture
def library(make_library: LibraryFactory) -> Path:
    """Intro (core), a (n1), b (n2, requires a), c (n3, not planned), loner (no need)."""
    return make_library(
        [
            module("intro", core=True, placement="first"),
            module("a", addresses=["n1"], requires=["intro"]),
            module("b", requires=["a"], addresses=["n2"], sessions=2),
            module("c", addresses=["n3"]),
            module("loner"),
        ],
        info={
            "needs": [
                {"id": "n1", "title": "One"},
                {"id": "n2", "title": "Two"},
                {"id": "n3", "title": "Three"},
            ]
        },
    )


@pytest.fixture
def plan_file(cli: Cli, library: Path, workdir: Path) -> Path:
    """P-0042.toml in the working folder, planned for need n2 from the answers on stdin."""
    cli("--library", str(library), "plan", "new", "--answers", "-", input=ANSWERS)
    return workdir / "P-0042.toml"


def test_answers_from_standard_input(plan_file: Path) -> None:
    # `--answers -` reads the answers file from standard input.
    plan = read_plan(plan_file)
    assert plan.participant.reference == "P-0042"
    assert [m.id for m in plan.modules] == ["intro", "a", "b"]


def test_bad_answers_on_standard_input_name_the_line(cli: Cli, library: Path) -> None:
    # Answers on stdin are checked like a file's, located as <stdin> with the line.
    result = cli("--library", str(library), "plan", "new", "--answers", "-",
                 input='participant = "P-1"\nneeds = 3\n', exit_code=1)  # fmt: skip
    assert "<stdin>:2" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("plan", "show", "P-0042"), id="show-without-suffix"),
        pytest.param(("plan", "show", "-"), id="show-stdin"),
        pytest.param(("plan", "check", "-"), id="check-stdin"),
        pytest.param(("plan", "export", "-", "--format", "json"), id="export-stdin"),
        pytest.param(("plan", "why", "P-0042", "b"), id="why-without-suffix"),
    ],
)
def test_read_only_commands_find_the_plan(
    cli: Cli, library: Path, plan_file: Path, args: tuple[str, ...]
) -> None:
    # P-0042 finds P-0042.toml, and - reads the plan from standard input.
    result = cli("--library", str(library), *args, input=plan_file.read_text())
    assert result.stdout or "matches the library" in result.stderr


def test_a_broken_plan_on_standard_input_is_located(cli: Cli) -> None:
    # A broken plan on stdin is reported as <stdin> with the problem, exit 1.
    result = cli("plan", "show", "-", input="format = 'nope'\n", exit_code=1)
    assert "<stdin>" in result.stderr


def test_one_session_in_full_with_its_notes(cli: Cli, plan_file: Path) -> None:
    # `plan show FILE N` shows one session with every fact and its notes in full;
    # `plan show FILE` lists the notes under the table.
    plan = read_plan(plan_file)
    plan.sessions[1].notes = "Talked about work; wants a later time."
    write_plan(plan_file, plan, replace=True)
    one = cli("plan", "show", str(plan_file), "2").stdout
    assert "Session 2 of 4" in one
    assert "Notes    Talked about work; wants a later time." in one
    assert "Date     Monday 11 January 2027" in one
    whole = cli("plan", "show", str(plan_file)).stdout
    assert "Notes" in whole and "2 Talked about work; wants a later time." in whole
    as_json = json.loads(cli("plan", "show", str(plan_file), "2", "--json").stdout)
    assert as_json["number"] == 2 and as_json["notes"].startswith("Talked")


def test_a_session_number_the_plan_lacks(cli: Cli, plan_file: Path) -> None:
    # An unknown session number names the plan's range, exit 1.
    result = cli("plan", "show", str(plan_file), "9", exit_code=1)
    assert "there is no session 9: this plan has sessions 1 to 4" in result.stderr


@pytest.mark.parametrize(
    ("out", "starts"),
    [
        pytest.param("p.json", "{", id="json"),
        pytest.param("p.md", "#", id="markdown"),
        pytest.param("p.ics", "BEGIN:VCALENDAR", id="ics"),
        pytest.param("p.csv", "reference,", id="csv"),
    ],
)
def test_export_takes_the_format_from_the_out_suffix(
    cli: Cli, plan_file: Path, out: str, starts: str
) -> None:
    # `plan export FILE --out NAME.ext` needs no --format, as `plan report` does.
    cli("plan", "export", str(plan_file), "--out", out)
    # (a CSV may begin with a byte-order mark for Excel)
    assert (plan_file.parent / out).read_text(encoding="utf-8").lstrip("\ufeff").startswith(starts)


def test_export_without_format_or_known_suffix(cli: Cli, plan_file: Path) -> None:
    # No --format and no suffix to go by: a one-line message saying what to give, exit 1.
    result = cli("plan", "export", str(plan_file), "--out", "p.txt", exit_code=1)
    assert "give --format json, markdown, csv or ics" in " ".join(result.stderr.split())
    assert not (plan_file.parent / "p.txt").exists()


@pytest.mark.parametrize(
    ("text", "day"),
    [
        pytest.param("mon", "mon", id="short"),
        pytest.param("monday", "mon", id="in-full"),
        pytest.param("Thursday", "thu", id="capitalised"),
        pytest.param("TUES", "tue", id="tues"),
        pytest.param("thurs.", "thu", id="thurs-with-a-dot"),
        pytest.param("mo", None, id="too-short"),
        pytest.param("funday", None, id="not-a-day"),
    ],
)
def test_weekday_names(text: str, day: str | None) -> None:
    # A weekday is its short name or its name in full, in any case.
    assert weekday_from(text) == day


def test_weekday_in_full_on_the_command_line(cli: Cli, library: Path, workdir: Path) -> None:
    # --weekday monday plans the same as --weekday mon; a wrong day is a clear error.
    base = ("--library", str(library), "plan", "new", "--participant", "P-0001",
            "--start", "2027-01-04", "--out", "-")  # fmt: skip
    assert cli(*base, "--weekday", "monday").stdout == cli(*base, "--weekday", "mon").stdout
    wrong = cli(*base, "--weekday", "funday", exit_code=1)
    assert "'funday' is not a weekday" in wrong.stderr


@pytest.mark.parametrize(
    ("module_id", "reasons", "ways_in"),
    [
        pytest.param(
            "c",
            ["it addresses n3, which was not assessed", "no planned module requires it"],
            ["assess the need n3 (`--need n3`)", "choose it (`--module c`"],
            id="need-not-assessed",
        ),
        pytest.param(
            "loner",
            ["it addresses no need, so only choosing it brings it in"],
            ["choose it (`--module loner`"],
            id="no-need",
        ),
    ],
)
def test_why_a_module_is_not_in_the_plan(
    cli: Cli,
    library: Path,
    plan_file: Path,
    module_id: str,
    reasons: list[str],
    ways_in: list[str],
) -> None:
    # `plan why FILE MODULE` for a library module the plan leaves out says why it is not
    # there and what would bring it in (a need it addresses, --module), exit 0.
    result = cli("--library", str(library), "plan", "why", str(plan_file), module_id)
    text = " ".join(result.stdout.split())
    assert f"{module_id} " in text and "is not in the plan" in text
    for line in [*reasons, *ways_in]:
        assert line in text
