"""Handouts for clinical tailoring: homework, talking points, easy-read reflection, provider, reviews."""

from __future__ import annotations

import pytest

from hii_planner import Library, Plan, load_library
from hii_planner.documents.model import BulletList, Facts, Heading, MarkdownText, WritingSpace
from hii_planner.documents.render import FORMATS, render_document
from hii_planner.handouts import facilitator_guide, in_context, participant_handout, plan_overview
from hii_planner.handouts.participant import TALK_NOT_WRITE
from tests.conftest import LibraryFactory, make_plan, module, session, text_of
from tests.fixture_data import STAFF

NEEDS = [{"id": "n1", "title": "Need one"}, {"id": "n2", "title": "Need two"}]


@pytest.fixture
def library(make_library: LibraryFactory) -> Library:
    work_handout = {
        "body": "Today we talk.",
        "reflection": ["What did you notice?"],
        "easy_read_reflection": ["What was good?"],
        "easy_read": "We talk today.",
        "homework": "Write down one thing that went well.",
        "discuss": ["Who do you trust?"],
    }
    work = module(
        "work",
        addresses=["n1"],
        sessions=[
            session("one", handout=work_handout),
            session("two", addresses=["n2"]),
            session("three"),
        ],
    )
    review = module(
        "review",
        sessions=[session("check-in", kind="review", facilitator_notes=f"Notes {STAFF}.")],
    )
    return load_library(
        make_library(
            [work, module("faith", track="faith", sessions=2), review],
            info={
                "needs": NEEDS,
                "review": {"module": "review", "every": 3, "final": False},
                "tracks": [
                    {"id": "main", "title": "Main"},
                    {"id": "faith", "title": "Faith", "provider": "Specialist adviser"},
                ],
            },
        )
    )


@pytest.fixture
def plan(library: Library) -> Plan:
    built = make_plan(
        library, needs=("n1", "n2"), modules=("work", "faith"), holidays="none", facilitators=()
    )
    built.sessions[0].status = "delivered"
    return built


def blocks_after(document: object, heading: str) -> object:
    blocks = list(document.blocks)  # type: ignore[attr-defined]
    return blocks[blocks.index(Heading(heading)) + 1 :]


@pytest.mark.parametrize(
    ("easy_read", "reflection"),
    [
        pytest.param(False, "What did you notice?", id="standard"),
        pytest.param(True, "What was good?", id="easy-read"),
    ],
)
def test_the_handout_has_homework_talking_points_and_the_right_reflection(
    library: Library, plan: Plan, easy_read: bool, reflection: str
) -> None:
    # Homework under "Before next time"; discuss questions without writing lines and marked as
    # for talking; easy-read handouts ask the easy-read reflection questions.
    document = participant_handout(
        plan, library, in_context(plan, library, plan.sessions[0]), easy_read=easy_read
    )
    spaces = [b.prompt for b in document.blocks if isinstance(b, WritingSpace)]
    assert spaces == [reflection]
    talk = blocks_after(document, "To talk about")
    assert talk[1] == BulletList(("Who do you trust?",))  # type: ignore[index]
    assert TALK_NOT_WRITE in str(talk[0])  # type: ignore[index]
    assert "Who do you trust?" not in spaces
    homework = blocks_after(document, "Before next time")
    assert homework[0] == MarkdownText("Write down one thing that went well.")  # type: ignore[index]


def test_provider_is_on_the_guide_and_the_overview(library: Library, plan: Plan) -> None:
    # Sessions of a track with another provider say who delivers them, for facilitators.
    faith = next(s for s in plan.sessions if s.module == "faith")
    guide = facilitator_guide(plan, library, in_context(plan, library, faith))
    facts = next(b for b in guide.blocks if isinstance(b, Facts))
    assert ("Delivered by", "Specialist adviser") in facts.pairs
    overview = render_document(plan_overview(plan, library), "markdown").decode()
    assert "(by Specialist adviser)" in overview


def test_a_review_gets_a_review_guide(library: Library, plan: Plan) -> None:
    # The review guide lists the sessions since the last review, needs with their sessions
    # so far, and space for the review record.
    review = next(s for s in plan.sessions if s.kind == "review")
    guide = facilitator_guide(plan, library, in_context(plan, library, review))
    text = render_document(guide, "markdown").decode()
    assert guide.title == f"Session {review.number}: progress review"
    for part in ("Since the last review", "Needs and their sessions so far", "Review record"):
        assert f"## {part}" in text
    assert "1 of 3 delivered." in text
    assert "| Need one | 1 delivered, 3 (Work) |" in text
    assert "| Need two | 2 (Work) |" in text
    assert "Changes agreed to the plan" in text


@pytest.mark.parametrize("output_format", [pytest.param(f, id=f) for f in FORMATS])
def test_a_review_gets_a_how_is_it_going_sheet(
    library: Library, plan: Plan, output_format: str
) -> None:
    # The participant's review sheet asks how it is going, in every format, with nothing for staff.
    review = next(s for s in plan.sessions if s.kind == "review")
    sheet = participant_handout(plan, library, in_context(plan, library, review))
    text = text_of(render_document(sheet, output_format), output_format)
    assert "How is it going?" in text
    assert "What has been useful so far?" in text
    assert STAFF not in text
    assert sheet.audience == "participant"
