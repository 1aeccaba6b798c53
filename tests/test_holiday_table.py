"""Public holidays from the cached table: the package's dates, without importing it each time."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import holidays
import pytest

from hii_planner.plans import holiday_table
from hii_planner.plans.calendar import holiday_name
from hii_planner.plans.holiday_table import SUBDIVISIONS, holiday_on

CALENDARS = list(SUBDIVISIONS)


@pytest.fixture(autouse=True)
def fresh_tables() -> Iterator[None]:
    """Each test starts without tables held in memory (the cache folder is per test)."""
    holiday_table._table.cache_clear()
    yield
    holiday_table._table.cache_clear()


def _table_file(calendar: str) -> Path:
    return holiday_table._entry_file(calendar)


@pytest.mark.parametrize("calendar", CALENDARS)
def test_the_table_has_the_packages_dates_2020_to_2040(calendar: str) -> None:
    # Every day of 2020-2040 has the same holiday (or none) as country_holidays("GB", subdiv).
    reference = holidays.country_holidays(
        "GB", subdiv=SUBDIVISIONS[calendar], years=range(2020, 2041)
    )
    day = dt.date(2020, 1, 1)
    found, expected = {}, {}
    while day.year <= 2040:
        found[day] = holiday_name(calendar, day)
        expected[day] = reference.get(day)
        day += dt.timedelta(days=1)
    assert {d: n for d, n in found.items() if n} == {d: n for d, n in expected.items() if n}
    assert sum(1 for n in found.values() if n) > 8 * 21


@pytest.mark.parametrize("calendar", CALENDARS)
def test_a_second_use_reads_the_stored_table(calendar: str) -> None:
    # The table is written once (0600) and read back the same, whatever the package would say.
    first = holiday_on(calendar, dt.date(2027, 12, 25))
    assert first is not None
    entry = _table_file(calendar)
    assert entry.stat().st_mode & 0o777 == 0o600
    stored = json.loads(entry.read_text(encoding="utf-8"))
    stored["holidays"]["2027-06-01"] = "A day only the stored table knows"
    entry.write_text(json.dumps(stored), encoding="utf-8")
    holiday_table._table.cache_clear()
    assert holiday_on(calendar, dt.date(2027, 6, 1)) == "A day only the stored table knows"
    assert holiday_on(calendar, dt.date(2027, 12, 25)) == first


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda text: text.replace('"made_by": "', '"made_by": "old '), id="other-package"),
        pytest.param(lambda text: text[:40], id="cut-short"),
        pytest.param(lambda text: '{"made_by": 3}', id="wrong-shape"),
    ],
)  # fmt: skip
def test_a_stale_or_damaged_table_is_rebuilt(damage: object) -> None:
    # A table made by another package version, or damaged, is computed again from the package.
    holiday_on("scotland", dt.date(2027, 1, 2))
    entry = _table_file("scotland")
    assert callable(damage)
    entry.write_text(damage(entry.read_text(encoding="utf-8")), encoding="utf-8")
    holiday_table._table.cache_clear()
    assert holiday_on("scotland", dt.date(2027, 1, 2)) == "New Year Holiday"
    assert json.loads(entry.read_text(encoding="utf-8"))["made_by"].startswith("holidays-")


def test_days_outside_the_table_come_from_the_package() -> None:
    # Before FIRST_YEAR and after LAST_YEAR, the package answers directly.
    assert holiday_on("england-and-wales", dt.date(2090, 12, 25)) == "Christmas Day"
    assert holiday_on("england-and-wales", dt.date(1999, 12, 25)) == "Christmas Day"
    assert holiday_on("england-and-wales", dt.date(2090, 6, 14)) is None


def test_no_cache_variable_writes_no_table(monkeypatch: pytest.MonkeyPatch) -> None:
    # HII_PLANNER_NO_CACHE: holidays come from the package and no table is kept.
    monkeypatch.setenv("HII_PLANNER_NO_CACHE", "1")
    assert holiday_on("northern-ireland", dt.date(2027, 3, 17)) == "Saint Patrick's Day"
    assert not _table_file("northern-ireland").exists()


def test_plan_new_with_a_stored_table_does_not_import_holidays(tmp_path: Path) -> None:
    # Once the table is stored, dating a plan's sessions loads no module of the package.
    code = (
        "import sys\n"
        "sys.argv = ['hii-planner', 'plan', 'new', '--no-input', '--participant', 'P-1',"
        " '--need', 'mental-health', '--start', '2027-12-20', '--out', '-']\n"
        "from hii_planner.cli.app import app\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print('LOADED', sorted(m for m in sys.modules if m.split('.')[0] == 'holidays'),"
        " file=sys.stderr)\n"
    )
    run = [sys.executable, "-c", code]
    first = subprocess.run(run, capture_output=True, text=True, cwd=tmp_path, check=False)
    assert first.returncode == 0, first.stderr
    second = subprocess.run(run, capture_output=True, text=True, cwd=tmp_path, check=False)
    assert "LOADED []" in second.stderr, second.stderr
    assert first.stdout == second.stdout
