"""The report's delivery sections: outcome counts, sessions by facilitator, status history."""

from __future__ import annotations

import datetime as dt

import pytest

from hii_planner import HistoryEntry, Library, Plan, change_status, record_session
from hii_planner.documents.model import Document, Facts, Heading, TableBlock
from hii_planner.handouts.report import build_report
from tests.conftest import LibraryFactory, fixture_library, make_plan

TODAY = dt.date(2026, 11, 18)


@pytest.fixture
def plan(make_library: LibraryFactory) -> Plan:
    library: Library = fixture_library(make_library)
    plan = make_plan(library, start=dt.date(2026, 11, 2), facilitators=("Lead A",))
    record_session(plan, 1, status="delivered", today=TODAY)
    record_session(plan, 2, status="delivered", today=TODAY, facilitators=["Cover C"])
    record_session(plan, 3, status="missed", today=TODAY, absence="acceptable")
    # 3 missed: its catch-up is session 4 on Mon 23 Nov.
    record_session(plan, 5, status="cancelled", today=TODAY, by="service")
    record_session(plan, 6, status="cancelled", today=TODAY, by="participant")
    change = change_status(plan, "paused", reason="in hospital", today=TODAY)
    plan.history.append(
        HistoryEntry(
            at=dt.datetime(2026, 11, 18, tzinfo=dt.UTC), change=change.summary, why=change.why
        )
    )
    return plan


def _after(document: Document, heading: str) -> object:
    blocks = list(document.blocks)
    index = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == heading)
    return blocks[index + 1]


def test_the_report_counts_outcomes_as_probation_does(plan: Plan) -> None:
    # Delivered, absences by kind, cancellations by whom and catch-ups made up.
    facts = _after(build_report(plan, today=TODAY), "Attendance outcomes")
    assert isinstance(facts, Facts)
    assert dict(facts.pairs) == {
        "Sessions delivered (including catch-ups)": "2",
        "Acceptable absences": "1",
        "Unacceptable absences": "0",
        "Cancelled by the participant": "1",
        "Cancelled by the service": "1",
        "Catch-ups made up": "0",
    }


def test_the_report_counts_sessions_by_facilitator(plan: Plan) -> None:
    # Lead and cover each get the sessions they delivered.
    table = _after(build_report(plan, today=TODAY), "Sessions by facilitator")
    assert isinstance(table, TableBlock)
    assert table.rows == (("Cover C", "1"), ("Lead A", "1"))


def test_the_report_shows_the_status_and_its_history(plan: Plan) -> None:
    # The plan's status now, then each change with its date and reason.
    document = build_report(plan, today=TODAY)
    facts = _after(document, "Plan status")
    assert isinstance(facts, Facts) and dict(facts.pairs) == {"Status": "paused"}
    table = next(
        b
        for b in document.blocks
        if isinstance(b, TableBlock) and b.header[0:2] == ("Date", "Change")
    )
    assert table.rows == (("2026-11-18", "active → paused", "in hospital"),)
