"""Calendar export: time zones, all-day sessions, updates, cancellations and privacy."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from hii_planner import (
    Library,
    Plan,
    clock,
    edited_request,
    read_plan,
    replan,
    reschedule_in_file,
    write_plan,
)
from hii_planner.export import ics
from hii_planner.plans.planfile import save_edited_plan
from tests.conftest import LibraryFactory, fixture_library, make_plan

START = dt.date(2027, 1, 4)
LONDON = "Europe/London"


@pytest.fixture
def library(make_library: LibraryFactory) -> Library:
    return fixture_library(make_library)


def events(text: str) -> list[Any]:
    return list(Calendar.from_ical(text).walk("VEVENT"))


def by_uid(text: str) -> dict[str, Any]:
    return {str(event["uid"]): event for event in events(text)}


def test_timed_sessions_carry_the_london_zone(library: Library) -> None:
    # A schedule time gives Europe/London events with a VTIMEZONE; summer sessions keep their
    # local time (10:00 BST is 09:00 UTC), so no parser can put them an hour late.
    plan = make_plan(library, start=dt.date(2027, 6, 7))
    plan.schedule.time = "10:00"
    plan.sessions[1].time = "14:30"
    text = ics.render(plan)
    calendar = Calendar.from_ical(text)
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == [LONDON]
    first, second = events(text)[:2]
    assert first["dtstart"].params["TZID"] == LONDON
    start = first.decoded("dtstart")
    assert (start.hour, start.utcoffset()) == (10, dt.timedelta(hours=1))
    assert start.astimezone(dt.UTC).hour == 9
    assert second.decoded("dtstart").hour == 14
    assert first.decoded("dtend") - start == dt.timedelta(minutes=60)
    assert "DTSTART;TZID=Europe/London:20270607T100000" in text


def test_sessions_without_a_time_are_all_day(library: Library) -> None:
    # No time anywhere: all-day VALUE=DATE events and no VTIMEZONE; --time gives a time.
    plan = make_plan(library, start=START)
    text = ics.render(plan)
    first = events(text)[0]
    assert first.decoded("dtstart") == START and not isinstance(
        first.decoded("dtstart"), dt.datetime
    )
    assert "DTSTART;VALUE=DATE:20270104" in text
    assert first.decoded("dtend") == START + dt.timedelta(days=1)
    assert not Calendar.from_ical(text).walk("VTIMEZONE")
    fallback = events(ics.render(plan, time=dt.time(9, 15)))[0].decoded("dtstart")
    assert (fallback.hour, fallback.minute, str(fallback.tzinfo)) == (9, 15, LONDON)


def test_a_reschedule_raises_sequence_and_stamps(library: Library, tmp_path: Path) -> None:
    # After a reschedule the same UID comes back with a higher SEQUENCE and a later DTSTAMP
    # and LAST-MODIFIED, taken from the plan's history, so a re-import updates the event.
    path = tmp_path / "P-0042.toml"
    write_plan(path, make_plan(library, start=START))
    before = by_uid(ics.render(read_plan(path)))
    later = clock.now() + dt.timedelta(days=2)
    plan = reschedule_in_file(path, 3, date=dt.date(2027, 1, 20), now=later).plan
    after = by_uid(ics.render(plan))
    assert before.keys() == after.keys()
    uid = str(events(ics.render(plan))[2]["uid"])
    assert after[uid].decoded("dtstart") == dt.date(2027, 1, 20)
    assert after[uid]["sequence"] > before[uid]["sequence"]
    assert after[uid].decoded("dtstamp") == later > before[uid].decoded("dtstamp")
    assert after[uid].decoded("last-modified") == later


def test_a_removed_session_is_cancelled_under_its_old_uid(library: Library, tmp_path: Path) -> None:
    # An edit that drops a need removes its module's sessions; the calendar gets them as
    # CANCELLED under the UIDs they had, and the plan file remembers them in [[removed]].
    path = tmp_path / "P-0042.toml"
    write_plan(path, make_plan(library, start=START))
    plan = read_plan(path)
    old = by_uid(ics.render(plan))
    edited = replan(library, plan, edited_request(plan, {"needs": ["need-a"]}), now=clock.now())
    gone = {r.uid for r in edited.plan.removed}
    assert len(gone) == 2
    assert {r.title for r in edited.plan.removed} == {"S1", "S2"}
    saved = save_edited_plan(
        path, edited.plan, now=clock.now(), summary="edited", read_revision=plan.revision
    )
    assert read_plan(path).removed == saved.removed
    new = by_uid(ics.render(saved))
    assert set(old) == set(new)
    for uid in gone:
        assert new[uid]["status"] == "CANCELLED"
        assert new[uid].decoded("dtstart") == old[uid].decoded("dtstart")
        assert new[uid]["sequence"] > old[uid]["sequence"]


def test_a_module_planned_again_leaves_the_removed_list(library: Library) -> None:
    # Removing then re-adding a need brings the same UIDs back as live events.
    plan = make_plan(library, start=START)
    dropped = replan(library, plan, edited_request(plan, {"needs": ["need-a"]}), now=clock.now())
    back = replan(
        library,
        dropped.plan,
        edited_request(dropped.plan, {"needs": ["need-a", "need-b"]}),
        now=clock.now(),
    )
    assert dropped.plan.removed and not back.plan.removed
    assert all(e["status"] == "CONFIRMED" for e in events(ics.render(back.plan)))


def private_plan(library: Library) -> Plan:
    plan = make_plan(library, start=START)
    plan.schedule.place = "Interview room 2"
    return plan


@pytest.mark.parametrize(
    ("detail", "present", "absent"),
    [
        pytest.param(
            False,
            ["P-0042: session 1, S1"],
            ["intro", "need-a", "Test library", "main", "Interview room", "LOCATION"],
            id="private-by-default",
        ),
        pytest.param(
            True,
            ["Module: intro, track main", "need-a", "Test library", "LOCATION:Interview room 2"],
            [],
            id="detail-for-the-facilitator",
        ),
    ],
)
def test_events_are_private_unless_detail(
    library: Library, detail: bool, present: list[str], absent: list[str]
) -> None:
    # By default events hold the reference and the session title only; --detail adds module,
    # track, needs, programme name and place.
    text = ics.render(private_plan(library), detail=detail)
    unfolded = text.replace("\r\n ", "").replace("\\,", ",")
    for word in present:
        assert word in unfolded
    lowered = unfolded.lower()
    for word in absent:
        assert word.lower() not in lowered
    calname = str(Calendar.from_ical(text)["x-wr-calname"])
    assert ("Test library" in calname) is detail


def test_uids_are_stable_across_exports(library: Library) -> None:
    # Two exports of the same plan are byte-identical (reproducible, stable UIDs).
    plan = make_plan(library, start=START)
    assert ics.render(plan) == ics.render(plan.model_copy(deep=True))
