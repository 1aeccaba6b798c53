"""Session dates: cadences, weekdays, defaults and public holidays skipped."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from hii_planner import RequestError, ScheduleRequest
from hii_planner.planning.schedule import default_start, default_weekdays, resolve_schedule
from hii_planner.plans.calendar import dates_for, holiday_name, next_slot

TODAY = dt.date(2026, 11, 18)  # a Wednesday


def dates(count: int, **request: Any) -> list[str]:
    schedule = resolve_schedule(ScheduleRequest.model_validate(request), today=TODAY)
    return [d.isoformat() for d in dates_for(schedule, count)]


@pytest.mark.parametrize(
    ("request_", "expected"),
    [
        pytest.param(
            {"start": "2027-01-04", "cadence": "weekly"},
            ["2027-01-04", "2027-01-11", "2027-01-18"],
            id="weekly-on-the-start-weekday",
        ),
        pytest.param(
            {"start": "2027-01-05", "cadence": "weekly", "weekdays": ["fri"]},
            ["2027-01-08", "2027-01-15", "2027-01-22"],
            id="weekly-on-a-given-weekday",
        ),
        pytest.param(
            {"start": "2027-01-04", "cadence": "twice-weekly", "weekdays": ["thu", "mon"]},
            ["2027-01-04", "2027-01-07", "2027-01-11", "2027-01-14"],
            id="twice-weekly",
        ),
        pytest.param(
            {"start": "2027-01-04", "cadence": "twice-weekly"},
            ["2027-01-04", "2027-01-07", "2027-01-11"],
            id="twice-weekly-default-days",
        ),
        pytest.param(
            {"start": "2027-01-06", "cadence": "fortnightly", "weekdays": ["mon"]},
            ["2027-01-11", "2027-01-25", "2027-02-08"],
            id="fortnightly-keeps-its-rhythm",
        ),
        pytest.param({}, ["2026-11-19", "2026-11-26"], id="defaults-next-weekday-on-its-weekday"),
    ],
)
def test_cadences(request_: dict[str, Any], expected: list[str]) -> None:
    # Sessions take consecutive slots of the cadence on the chosen weekdays.
    assert dates(len(expected), **request_) == expected


@pytest.mark.parametrize(
    ("request_", "expected"),
    [
        pytest.param(
            {"start": "2026-12-18", "weekdays": ["fri"]},
            ["2026-12-18", "2027-01-08", "2027-01-15"],
            id="christmas-and-new-year-fridays",
        ),
        pytest.param(
            {"start": "2027-12-20", "weekdays": ["mon"]},
            ["2027-12-20", "2028-01-10"],
            id="christmas-substitute-monday-and-new-year",
        ),
        pytest.param(
            {"start": "2027-03-22", "weekdays": ["mon"]},
            ["2027-03-22", "2027-04-05"],
            id="easter-monday",
        ),
        pytest.param(
            {"start": "2027-03-22", "weekdays": ["mon"], "holidays": "scotland"},
            ["2027-03-22", "2027-03-29"],
            id="easter-monday-is-not-a-scottish-bank-holiday",
        ),
        pytest.param(
            {"start": "2027-03-19", "weekdays": ["fri"], "holidays": "none"},
            ["2027-03-19", "2027-03-26"],
            id="no-calendar",
        ),
        pytest.param(
            {"start": "2027-07-05", "weekdays": ["mon"], "holidays": "northern-ireland"},
            ["2027-07-05", "2027-07-19"],
            id="northern-ireland-twelfth-of-july",
        ),
    ],
)
def test_public_holidays_are_skipped(request_: dict[str, Any], expected: list[str]) -> None:
    # A slot on a public holiday is skipped; the session takes the next slot.
    assert dates(len(expected), **request_) == expected


def test_holiday_names() -> None:
    # The calendars come from the maintained `holidays` package, with no network.
    assert holiday_name("england-and-wales", dt.date(2027, 3, 26)) == "Good Friday"
    assert holiday_name("england-and-wales", dt.date(2027, 3, 25)) is None
    assert holiday_name("none", dt.date(2027, 12, 25)) is None


def test_next_slot_follows_the_rhythm() -> None:
    # Catch-ups and cascades use the plan's own rhythm, holidays included.
    schedule = resolve_schedule(
        ScheduleRequest(start=dt.date(2027, 3, 15), weekdays=["mon"]), today=TODAY
    )
    assert next_slot(schedule, dt.date(2027, 3, 22)) == dt.date(2027, 4, 5)
    assert next_slot(schedule, dt.date(2027, 3, 10)) == dt.date(2027, 3, 15)


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        pytest.param(
            {"cadence": "weekly", "weekdays": ["mon", "thu"]},
            "a weekly schedule takes one weekday, not 2",
            id="weekly-with-two-days",
        ),
        pytest.param(
            {"cadence": "twice-weekly", "weekdays": ["mon"]},
            "a twice-weekly schedule takes two weekdays, not 1",
            id="twice-weekly-with-one-day",
        ),
    ],
)
def test_weekday_count_must_match_the_cadence(request_: dict[str, Any], message: str) -> None:
    # A mismatch between cadence and weekdays is explained, with the flag to use.
    with pytest.raises(RequestError) as caught:
        resolve_schedule(ScheduleRequest.model_validate(request_), today=TODAY)
    assert caught.value.lines() == [message]


@pytest.mark.parametrize(
    ("today", "start"),
    [
        pytest.param(dt.date(2026, 11, 18), dt.date(2026, 11, 19), id="wednesday-to-thursday"),
        pytest.param(dt.date(2026, 11, 20), dt.date(2026, 11, 23), id="friday-to-monday"),
        pytest.param(dt.date(2026, 11, 21), dt.date(2026, 11, 23), id="saturday-to-monday"),
    ],
)
def test_the_default_start_is_the_next_weekday(today: dt.date, start: dt.date) -> None:
    # Without --start a plan starts on the next Monday-to-Friday day, never at a weekend.
    assert default_start(today) == start
    schedule = resolve_schedule(ScheduleRequest(), today=today)
    assert schedule.start == start


@pytest.mark.parametrize(
    ("start", "cadence", "weekdays"),
    [
        pytest.param("2027-01-06", "weekly", ["wed"], id="weekly-start-weekday"),
        pytest.param("2027-01-09", "fortnightly", ["sat"], id="a-given-weekend-start-is-kept"),
        pytest.param("2027-01-04", "twice-weekly", ["mon", "thu"], id="monday-and-thursday"),
        pytest.param("2027-01-05", "twice-weekly", ["tue", "fri"], id="tuesday-and-friday"),
        pytest.param("2027-01-07", "twice-weekly", ["mon", "thu"], id="thursday-then-monday"),
        pytest.param("2027-01-08", "twice-weekly", ["mon", "fri"], id="friday-then-monday"),
    ],
)
def test_the_default_weekdays_follow_the_start(
    start: str, cadence: str, weekdays: list[str]
) -> None:
    # One rule: the start's weekday; twice-weekly adds the third day after it (Monday after
    # a weekend). Flags, answers files and the wizard all use it.
    request = ScheduleRequest.model_validate({"start": start, "cadence": cadence})
    assert resolve_schedule(request, today=TODAY).weekdays == weekdays
    assert default_weekdays(dt.date.fromisoformat(start), request.cadence) == weekdays
