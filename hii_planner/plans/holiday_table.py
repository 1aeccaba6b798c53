"""Public holidays from a cached table, so dating sessions does not import ~300 countries.

Importing `holidays` loads the package's registry of every country (about 0.2 s
on the reference machine, more than the rest of `plan new`); even its UK class
is reached through that registry. The UK subdivisions' holidays for
``FIRST_YEAR``..``LAST_YEAR`` are therefore computed once from the package and
kept as a small JSON table in the user cache folder, keyed by the package's
version and the source of its UK calendar, so an upgraded package means a fresh
table. Days outside those years, and ``HII_PLANNER_NO_CACHE``, use the package
directly: the dates are the package's either way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase

SUBDIVISIONS = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}
FIRST_YEAR = 2000
LAST_YEAR = 2075


def holiday_on(calendar: str, day: dt.date) -> str | None:
    """The name of the public holiday on *day* in *calendar* (a key of SUBDIVISIONS)."""
    if FIRST_YEAR <= day.year <= LAST_YEAR and not os.environ.get("HII_PLANNER_NO_CACHE"):
        return _table(calendar).get(day)
    name = live_calendar(calendar).get(day)
    return str(name) if name else None


@cache
def live_calendar(calendar: str) -> HolidayBase:
    """The `holidays` package's calendar for *calendar* (the import is paid here only)."""
    from holidays.countries.united_kingdom import UnitedKingdom

    return UnitedKingdom(subdiv=SUBDIVISIONS[calendar])  # type: ignore[no-untyped-call]


def build_table(calendar: str) -> dict[dt.date, str]:
    """Every holiday of *calendar* from FIRST_YEAR to LAST_YEAR, by date, from the package."""
    from holidays.countries.united_kingdom import UnitedKingdom

    years = range(FIRST_YEAR, LAST_YEAR + 1)
    found = UnitedKingdom(subdiv=SUBDIVISIONS[calendar], years=years)  # type: ignore[no-untyped-call]
    return {day: str(name) for day, name in sorted(found.items())}


@cache
def _table(calendar: str) -> dict[dt.date, str]:
    made_by = _package_key()
    entry = _entry_file(calendar)
    if made_by is not None:
        try:
            stored = json.loads(entry.read_text(encoding="utf-8"))
            if stored.get("made_by") == made_by:
                return {dt.date.fromisoformat(d): n for d, n in stored["holidays"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass
    table = build_table(calendar)
    if made_by is not None:
        _write(entry, made_by, table)
    return table


def _entry_file(calendar: str) -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("hii-planner")) / "holidays" / f"{calendar}.json"


def _package_key() -> str | None:
    """The installed package's version and UK source digest, found without importing it."""
    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    package = Path(spec.origin).parent
    try:
        source = (package / "countries" / "united_kingdom.py").read_bytes()
    except OSError:
        return None
    versions = sorted(p.name for p in package.parent.glob("holidays-*.dist-info"))
    digest = hashlib.sha256(source).hexdigest()[:16]
    return f"{'+'.join(versions)} {digest} {FIRST_YEAR}-{LAST_YEAR}"


def _write(entry: Path, made_by: str, table: dict[dt.date, str]) -> None:
    """Keep *table* (best effort: a table that cannot be written only costs time)."""
    from hii_planner.errors import HiiPlannerError
    from hii_planner.files.atomic import ensure_private_dir, write_atomic

    data = {"made_by": made_by, "holidays": {d.isoformat(): n for d, n in table.items()}}
    try:
        ensure_private_dir(entry.parent)
        write_atomic(entry, json.dumps(data, ensure_ascii=False), replace=True)
    except HiiPlannerError:
        pass
