"""Dates: one parser for every flag, answers file and wizard answer, and its messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hii_planner import load_library, write_plan
from hii_planner.dates import DateError, date_problem, parse_date
from tests.conftest import Cli, LibraryFactory, fixture_library, make_plan


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2027-01-04", dt.date(2027, 1, 4), id="iso"),
        pytest.param("2026-9-7", dt.date(2026, 9, 7), id="one-digit-month-and-day"),
        pytest.param(" 2027-01-04 ", dt.date(2027, 1, 4), id="spaces-around"),
    ],
)
def test_dates_that_are_read(text: str, expected: dt.date) -> None:
    # YYYY-MM-DD is read, also with one-digit months and days.
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "20270104",
            "dates are YYYY-MM-DD, such as 2027-01-04: did you mean 2027-01-04?",
            id="no-dashes",
        ),
        pytest.param(
            "04/01/2027",
            "dates are YYYY-MM-DD: did you mean 2027-01-04 (4 January) or 2027-04-01 (1 April)?",
            id="slashed-two-readings",
        ),
        pytest.param(
            "13/01/2027",
            "dates are YYYY-MM-DD: did you mean 2027-01-13 (13 January)?",
            id="slashed-one-reading",
        ),
        pytest.param(
            "01/01/2027", "dates are YYYY-MM-DD: did you mean 2027-01-01 (1 January)?", id="same"
        ),
        pytest.param(
            "2027-02-30", "2027-02-30 is not a date: February 2027 has 28 days", id="no-such-day"
        ),
        pytest.param("2027-13-01", "2027-13-01 is not a date: there is no month 13", id="month"),
        pytest.param(
            "next monday",
            "'next monday' is not a date: dates are YYYY-MM-DD, such as 2027-01-04",
            id="words",
        ),
        pytest.param(
            "2027-W01-1",
            "'2027-W01-1' is not a date: dates are YYYY-MM-DD, such as 2027-01-04",
            id="iso-week",
        ),
        pytest.param(
            "9999-12-27",
            "9999-12-27 is outside the dates hii-planner works with (1900-01-01 to 2999-12-31)",
            id="calendar-edge",
        ),
    ],
)
def test_dates_that_are_refused(text: str, message: str) -> None:
    # Anything else is refused with the rule in words, offering the readings it could be.
    with pytest.raises(DateError) as raised:
        parse_date(text)
    assert str(raised.value) == message
    assert date_problem(text) == message


@pytest.fixture
def plan_file(make_library: LibraryFactory, workdir: Path) -> tuple[Path, Path]:
    library = fixture_library(make_library).path
    path = workdir / "P-0042.toml"
    write_plan(path, make_plan(load_library(library), start=dt.date(2026, 11, 2)))
    return library, path


@pytest.mark.parametrize(
    ("command", "message"),
    [
        pytest.param(
            ["record", "{plan}", "1", "--status", "delivered", "--date", "2026-02-30"],
            "--date: 2026-02-30 is not a date: February 2026 has 28 days",
            id="record-no-such-day",
        ),
        pytest.param(
            ["reschedule", "{plan}", "4", "--date", "9999-12-30", "--cascade"],
            "--date: 9999-12-30 is outside the dates hii-planner works with "
            "(1900-01-01 to 2999-12-31)",
            id="reschedule-calendar-edge",
        ),
        pytest.param(
            ["new", "--no-input", "--participant", "P-1", "--start", "2027-02-30", "--out", "-"],
            "--start: 2027-02-30 is not a date: February 2027 has 28 days",
            id="new-no-such-day",
        ),
        pytest.param(
            ["new", "--no-input", "--participant", "P-1", "--start", "9999-12-27", "--out", "-"],
            "--start: 9999-12-27 is outside the dates hii-planner works with "
            "(1900-01-01 to 2999-12-31)",
            id="new-calendar-edge",
        ),
        pytest.param(
            ["new", "--no-input", "--participant", "P-1", "--start", "04/01/2027", "--out", "-"],
            "--start: dates are YYYY-MM-DD: did you mean 2027-01-04 (4 January) "
            "or 2027-04-01 (1 April)?",
            id="new-slashed",
        ),
        pytest.param(
            ["record", "{plan}", "1", "--status", "attended"],
            "'attended' is not one of 'delivered', 'missed', 'cancelled'",
            id="bad-choice",
        ),
    ],
)
def test_bad_values_exit_1_everywhere(
    cli: Cli, plan_file: tuple[Path, Path], command: list[str], message: str
) -> None:
    # A bad value exits 1 with the message, whichever command and option it is given to.
    library, path = plan_file
    before = path.read_bytes()
    args = [a.replace("{plan}", str(path)) for a in command]
    result = cli("--library", str(library), "plan", *args, exit_code=1)
    assert message in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["record", "{plan}", "1", "--colour", "red"], id="unknown-option"),
        pytest.param(["record", "{plan}"], id="missing-argument"),
    ],
)
def test_usage_errors_exit_2(cli: Cli, plan_file: tuple[Path, Path], args: list[str]) -> None:
    # A malformed command line (unknown option, missing argument) stays a usage error.
    library, path = plan_file
    cli(
        "--library",
        str(library),
        "plan",
        *[a.replace("{plan}", str(path)) for a in args],
        exit_code=2,
    )


def test_one_digit_start_is_accepted(cli: Cli, workdir: Path) -> None:
    # --start 2026-9-7 is read as 7 September 2026.
    cli("plan", "new", "--no-input", "--participant", "P-1", "--start", "2026-9-7")
    assert "start = 2026-09-07" in (workdir / "P-1.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        pytest.param(
            'start = "04/01/2027"',
            "schedule.start: dates are YYYY-MM-DD: did you mean 2027-01-04 (4 January) "
            "or 2027-04-01 (1 April)?",
            id="slashed-string",
        ),
        pytest.param(
            "start = 2027-01-04T10:00:00",
            "schedule.start: 2027-01-04T10:00:00 has a time; dates are YYYY-MM-DD, "
            "such as 2027-01-04",
            id="datetime",
        ),
        pytest.param(
            "start = 9999-12-27",
            "schedule.start: 9999-12-27 is outside the dates hii-planner works with",
            id="calendar-edge",
        ),
    ],
)
def test_answers_file_dates(cli: Cli, workdir: Path, line: str, message: str) -> None:
    # An answers file's dates go through the same parser, with the key's line.
    answers = workdir / "answers.toml"
    answers.write_text(f'participant = "P-1"\n\n[schedule]\n{line}\n', encoding="utf-8")
    result = cli("plan", "new", "--no-input", "--answers", str(answers), exit_code=1)
    assert f"answers.toml:4: {message}" in " ".join(result.stderr.split())


def test_answers_file_date_string_is_read(cli: Cli, workdir: Path) -> None:
    # A quoted date in an answers file is read like a flag's.
    answers = workdir / "answers.toml"
    answers.write_text('participant = "P-1"\n\n[schedule]\nstart = "2026-9-7"\n', encoding="utf-8")
    cli("plan", "new", "--no-input", "--answers", str(answers))
    assert "start = 2026-09-07" in (workdir / "P-1.toml").read_text(encoding="utf-8")


def test_source_date_epoch_beyond_the_calendar(
    cli: Cli, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A SOURCE_DATE_EPOCH past year 9999 is a message, not a ValueError.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "253402300800")
    result = cli("plan", "new", "--no-input", "--participant", "P-1", exit_code=1)
    assert "SOURCE_DATE_EPOCH=253402300800 is not a time hii-planner can use" in result.stderr
    assert list(workdir.iterdir()) == []
