"""The report's clinical sections: coverage by session, reviews held, screening and what it added."""

from __future__ import annotations

import datetime as dt

import pytest

from hii_planner import Library, Plan, load_library
from hii_planner.documents.model import Block, BulletList, Heading, Paragraph, TableBlock
from hii_planner.handouts.report import build_report
from tests.conftest import LibraryFactory, make_plan, module, session

TODAY = dt.date(2027, 3, 1)
QUESTION = {
    "id": "in-crisis",
    "question": "In crisis?",
    "caution_if": True,
    "caution": "Stabilise first.",
    "adds": ["calm"],
    "first": True,
}


@pytest.fixture
def library(make_library: LibraryFactory) -> Library:
    work = module(
        "work",
        addresses=["n1", "n2"],
        sessions=[session("one", addresses=["n1"]), session("two", addresses=["n2"])],
    )
    return load_library(
        make_library(
            [work, module("calm"), module("review")],
            info={
                "needs": [{"id": "n1", "title": "Need one"}, {"id": "n2", "title": "Need two"}],
                "review": {"module": "review", "every": 2, "final": False},
                "screening": [
                    QUESTION,
                    {"id": "ok", "question": "Willing?", "caution_if": False, "caution": "C."},
                ],
            },
        )
    )


@pytest.fixture
def plan(library: Library) -> Plan:
    built = make_plan(
        library,
        participant="P-1",
        needs=("n1", "n2"),
        modules=("work",),
        screening={"in-crisis": True, "ok": True},
        holidays="none",
        facilitators=(),
    )
    # calm/s1, work/one, review, work/two
    built.sessions[0].status = "delivered"
    built.sessions[2].status = "delivered"
    built.sessions[2].notes = "Going well; pace kept."
    built.sessions[3].status = "cancelled"
    return built


def section(plan: Plan, library: Library | None, heading: str) -> list[Block]:
    blocks = list(build_report(plan, today=TODAY, library=library).blocks)
    start = blocks.index(Heading(heading))
    end = next(
        (i for i in range(start + 1, len(blocks)) if isinstance(blocks[i], Heading)), len(blocks)
    )
    return blocks[start + 1 : end]


def test_coverage_by_session_lists_every_session_delivered_or_not(
    plan: Plan, library: Library
) -> None:
    # Each need with the sessions that address it and their status; a cancelled one is left out.
    [table, _] = section(plan, library, "Coverage by session")
    assert table == TableBlock(
        ("Need", "Sessions that address it", "Delivered"),
        (
            ("Need one", "2 One (planned)", "0 of 1"),
            ("Need two", "no planned session addresses it", "0"),
        ),
        widths=(3, 6, 2),
    )


def test_reviews_held_with_their_record(plan: Plan, library: Library) -> None:
    # The reviews held, with the note recorded for each.
    assert section(plan, library, "Progress reviews") == [
        TableBlock(
            ("No.", "Date", "Review record"),
            (("3", "Mon 18 Jan 2027", "Going well; pace kept."),),
            widths=(1, 3, 8),
        )
    ]


def test_screening_answers_with_cautions_and_what_they_added(plan: Plan, library: Library) -> None:
    # Each recorded answer, the caution it raised and the modules it added.
    assert section(plan, library, "Screening") == [
        BulletList(
            (
                "In crisis? Yes. Caution: Stabilise first. Added: Calm.",
                "Willing? Yes.",
            )
        )
    ]


def test_without_the_library_coverage_says_what_it_needs(plan: Plan) -> None:
    # Coverage by session needs the library; the report says so instead of guessing.
    assert section(plan, None, "Coverage by session") == [
        Paragraph("Coverage by session needs the library the plan was made from.")
    ]
