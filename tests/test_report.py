"""The post-intervention report: counts, modules, needs, notes and room for the formulation."""

from __future__ import annotations

import datetime as dt

import pytest

from hii_planner import Library, Plan, record_session
from hii_planner.documents.model import (
    Block,
    BulletList,
    Document,
    Facts,
    Heading,
    PageBreak,
    Paragraph,
    TableBlock,
    WritingSpace,
)
from hii_planner.documents.render import render_document
from hii_planner.handouts.report import FORMULATION_SECTIONS, REPORT_TITLE, build_report
from tests.conftest import LibraryFactory, fixture_library, make_plan
from tests.fixture_data import MARKING

TODAY = dt.date(2027, 2, 1)


@pytest.fixture
def library(make_library: LibraryFactory) -> Library:
    return fixture_library(make_library)


@pytest.fixture
def plan(library: Library) -> Plan:
    """Intro, middle (one session made up) and ending complete; other not."""
    plan = make_plan(library, start=dt.date(2026, 11, 2), needs=["need-a", "need-b", "need-c"])
    for number, status, options in [
        (1, "delivered", {"note": "Agreed how we work together."}),
        (2, "delivered", {}),
        (3, "missed", {"note": "Unwell.", "not_engaged": True}),  # catch-up becomes 4
        (4, "delivered", {"note": "Caught up on the first middle session."}),
        (5, "delivered", {}),
        (6, "delivered", {"date": dt.date(2026, 12, 1), "note": "Moved to Tuesday."}),
        (7, "cancelled", {"note": "Room unavailable."}),  # session 8 stays planned
        (9, "delivered", {}),
    ]:
        # Recorded on the day it took place, as facilitators do.
        on_the_day = options.get("date") or plan.sessions[number - 1].date  # type: ignore[attr-defined]
        record_session(plan, number, status=status, today=on_the_day, **options)  # type: ignore[arg-type]
    return plan


def _section(document: Document, heading: str) -> list[Block]:
    """The blocks after *heading* up to the next page break or heading at its level or above."""
    blocks = list(document.blocks)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == heading)
    level = blocks[start]
    assert isinstance(level, Heading)
    found: list[Block] = []
    for block in blocks[start + 1 :]:
        if isinstance(block, PageBreak) or (
            isinstance(block, Heading) and block.level <= level.level
        ):
            break
        found.append(block)
    return found


def _facts(blocks: list[Block]) -> dict[str, str]:
    facts = next(b for b in blocks if isinstance(b, Facts))
    return dict(facts.pairs)


def test_the_report_carries_reference_marking_and_dates(plan: Plan, library: Library) -> None:
    # Page furniture and the overview: reference, facilitators, dates, the library's marking.
    document = build_report(plan, today=TODAY, library=library)
    assert (document.title, document.reference, document.marking, document.audience) == (
        REPORT_TITLE,
        "P-0042",
        MARKING,
        "facilitator",
    )
    assert _facts(list(document.blocks[:1])) == {
        "Participant reference": "P-0042",
        "Facilitators": "Facilitator A",
        "Programme": "Test library, version 1",
        "Planned start": "Mon 2 Nov 2026",
        "First session delivered": "Mon 2 Nov 2026",
        "Last session delivered": "Mon 4 Jan 2027",
        "Report prepared": "Mon 1 Feb 2027",
    }


def test_attendance_counts(plan: Plan, library: Library) -> None:
    # Delivered counts the made-up session once; the cancelled one leaves the total.
    document = build_report(plan, today=TODAY, library=library)
    assert _facts(_section(document, "Attendance")) == {
        "Sessions delivered": "6 of 7",
        "Missed": "1",
        "Caught up": "1",
        "Cancelled": "1",
        "Still planned": "1",
        "Engagement concerns": "at session 3",
    }


def test_modules_completed_and_not(plan: Plan, library: Library) -> None:
    # Intro, middle (with its catch-up) and ending are complete; other is not (its first
    # session was cancelled, so one session counts).
    document = build_report(plan, today=TODAY, library=library)
    assert _section(document, "Modules completed") == [
        BulletList(("Intro", "Middle", "Ending")),
        Heading("Modules not completed", level=3),
        BulletList(("Other: 0 of 1 sessions",)),
    ]


def test_needs_addressed_and_not_addressed(plan: Plan, library: Library) -> None:
    # Each assessed need with the completed modules that addressed it, then the gaps.
    document = build_report(plan, today=TODAY, library=library)
    assert _section(document, "Assessed needs") == [
        TableBlock(
            ("Need", "Addressed by completed modules"),
            (
                ("Need for identity", "Middle"),
                ("Need for status", "none yet"),
                ("Need for excitement", "none yet"),
            ),
        )
    ]
    assert _section(document, "Needs not addressed") == [
        BulletList(
            (
                "Need for status: the modules for it are not complete yet (Other)",
                "Need for excitement: no module in the plan addresses it",
            )
        )
    ]


def test_without_the_library_needs_are_shown_by_id_and_there_is_no_marking(plan: Plan) -> None:
    # The plan alone still makes a report: need ids from the plan's reasons, no marking.
    document = build_report(plan, today=TODAY)
    assert document.marking == ""
    table = _section(document, "Assessed needs")[0]
    assert isinstance(table, TableBlock)
    assert table.rows[0] == ("need-a", "Middle")


def test_session_notes_are_in_date_order(plan: Plan, library: Library) -> None:
    # Notes and engagement concerns, by date (session 6 took place on a Tuesday).
    document = build_report(plan, today=TODAY, library=library)
    (table,) = _section(document, "Session notes")
    assert isinstance(table, TableBlock)
    assert table.rows == (
        ("Mon 2 Nov 2026", "1", "S1", "delivered", "Agreed how we work together."),
        ("Mon 16 Nov 2026", "3", "S1", "missed", "Engagement concern recorded. Unwell."),
        (
            "Mon 23 Nov 2026",
            "4",
            "S1 (catch-up)",
            "delivered",
            "Caught up on the first middle session.",
        ),
        ("Tue 1 Dec 2026", "6", "S3", "delivered", "Moved to Tuesday."),
        ("Mon 14 Dec 2026", "7", "S1", "cancelled", "Room unavailable."),
    )


def test_a_new_plan_reports_nothing_delivered(library: Library) -> None:
    # Before anything is recorded: zero counts and plain sentences, no empty tables.
    plan = make_plan(library, start=dt.date(2027, 1, 4), needs=[])
    document = build_report(plan, today=TODAY, library=library)
    assert _facts(_section(document, "Attendance"))["Sessions delivered"] == "0 of 3"
    assert _section(document, "Session notes") == [Paragraph("No session notes were recorded.")]
    assert _section(document, "Assessed needs") == [
        Paragraph("No assessed needs were recorded in the plan.")
    ]
    assert _facts(list(document.blocks[:1]))["First session delivered"] == (
        "no session delivered yet"
    )


def test_the_formulation_is_left_blank_under_headings(plan: Plan, library: Library) -> None:
    # The facilitators write the formulation of change; the report only gives it room.
    document = build_report(plan, today=TODAY, library=library)
    section = _section(document, "Formulation of change")
    spaces = [b for b in section if isinstance(b, WritingSpace)]
    headings = [b.text for b in section if isinstance(b, Heading)]
    assert headings == [heading for heading, _ in FORMULATION_SECTIONS]
    assert [s.prompt for s in spaces] == [prompt for _, prompt in FORMULATION_SECTIONS]


def test_the_markdown_report_reads_as_a_document(plan: Plan, library: Library) -> None:
    # The Markdown rendering has the marking, the counts and the tables.
    text = render_document(build_report(plan, today=TODAY, library=library), "markdown").decode()
    assert text.startswith(
        "**OFFICIAL-SENSITIVE** · Reference: P-0042\n\n# Post-intervention report"
    )
    for line in [
        "- **Sessions delivered:** 6 of 7",
        "| Need for identity | Middle |",
        "| Tue 1 Dec 2026 | 6 | S3 | delivered | Moved to Tuesday. |",
        "## Formulation of change",
    ]:
        assert line in text.splitlines()
