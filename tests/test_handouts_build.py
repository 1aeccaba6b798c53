"""Handout builders: what participants and facilitators get for each session, and the overview."""

from __future__ import annotations

import pytest

from hii_planner import Library, Plan
from hii_planner.documents.model import (
    BulletList,
    Document,
    Facts,
    Heading,
    MarkdownText,
    Paragraph,
    TableBlock,
    Timeline,
    WritingSpace,
)
from hii_planner.documents.render import FORMATS, render_document, render_documents
from hii_planner.handouts import facilitator_guide, in_context, participant_handout, plan_overview
from tests.conftest import LibraryFactory, fixture_library, make_plan, pdf_pages, text_of
from tests.fixture_data import ALL_NEEDS, BODY, EASY, MARKING, STAFF

FORMAT_PARAMS = [pytest.param(f, id=f) for f in FORMATS]


@pytest.fixture
def library(make_library: LibraryFactory) -> Library:
    return fixture_library(make_library, "handouts")


@pytest.fixture
def plan(library: Library) -> Plan:
    return make_plan(library, needs=ALL_NEEDS, holidays="none")


def participant_documents(plan: Plan, library: Library, **options: bool) -> list[Document]:
    return [
        participant_handout(plan, library, in_context(plan, library, s), **options)  # type: ignore[arg-type]
        for s in plan.sessions
    ]


def facilitator_documents(plan: Plan, library: Library) -> list[Document]:
    return [facilitator_guide(plan, library, in_context(plan, library, s)) for s in plan.sessions]


def test_the_fixture_plan(plan: Plan) -> None:
    # The plan the tests use: six sessions over four modules, one need left uncovered.
    assert [(s.module, s.session) for s in plan.sessions] == [
        ("welcome", "hello"),
        ("welcome", "no-handout"),
        ("faith-work", "questions"),
        ("identity", "sides"),
        ("identity", "belonging"),
        ("ending", "looking-ahead"),
    ]


@pytest.mark.parametrize("output_format", FORMAT_PARAMS)
@pytest.mark.parametrize(
    "easy_read", [pytest.param(False, id="standard"), pytest.param(True, id="easy")]
)
def test_participant_handouts_never_carry_staff_text(
    plan: Plan, library: Library, output_format: str, easy_read: bool
) -> None:
    # Objectives, activities, materials, notes, needs, summary and notice never reach participants.
    for document in participant_documents(plan, library, easy_read=easy_read, large_print=True):
        text = text_of(render_document(document, output_format), output_format)
        assert STAFF not in text
        assert "Reference: P-0042" in text
        assert MARKING in text


@pytest.mark.parametrize("output_format", FORMAT_PARAMS)
def test_facilitator_guides_carry_the_staff_text(
    plan: Plan, library: Library, output_format: str
) -> None:
    # The control for the test above: the same text reader does find the planted marker.
    for document in facilitator_documents(plan, library):
        assert STAFF in text_of(render_document(document, output_format), output_format)


def test_participant_handout_content(plan: Plan, library: Library) -> None:
    # Number and date, the handout title, the body, and each reflection question with lines.
    document = participant_documents(plan, library)[3]
    assert document.title == "My many identities"
    assert document.subtitle == "Session 4 · Monday 25 January 2027"
    assert (document.reference, document.marking, document.audience) == (
        "P-0042",
        MARKING,
        "participant",
    )
    assert document.blocks == (
        Heading("About this session"),
        MarkdownText(f"Today we talk about **my many identities**.\n\n{BODY} and more.\n"),
        Heading("Things to think about"),
        WritingSpace("What stood out for you today?", lines=5),
        WritingSpace("What would you like to try?", lines=5),
    )


def test_easy_read_uses_easy_read_text_where_there_is_one(plan: Plan, library: Library) -> None:
    # Session 1 has easy-read text; session 3 has none and keeps its ordinary body.
    documents = participant_documents(plan, library, easy_read=True)
    assert MarkdownText(f"Easy words. {EASY}") in documents[0].blocks
    assert not any(BODY in b.source for b in documents[0].blocks if isinstance(b, MarkdownText))
    assert any(BODY in b.source for b in documents[2].blocks if isinstance(b, MarkdownText))


def test_a_session_without_handout_text_still_gets_a_page(plan: Plan, library: Library) -> None:
    # The participant gets the session title, a kind line and room for notes.
    document = participant_documents(plan, library)[1]
    assert document.title == "No Handout"
    assert document.blocks == (
        Paragraph("Your facilitator will talk you through today's session."),
        WritingSpace("Your notes", lines=7),
    )


def test_large_print_documents(plan: Plan, library: Library) -> None:
    # Large print is a document flag the renderers honour (16 pt body, fewer taller lines).
    document = participant_documents(plan, library, large_print=True)[0]
    assert document.large_print
    assert WritingSpace("What stood out for you today?", lines=4) in document.blocks
    assert "--body-size: 16pt" in render_document(document, "html").decode()


def test_facilitator_guide_content(plan: Plan, library: Library) -> None:
    # Staff text, the needs, the reasons, and the sessions before and after.
    guide = facilitator_documents(plan, library)[3]
    assert guide.title == "Session 4: Sides"
    assert guide.footer == "Facilitator guide: not for the participant"
    facts = guide.blocks[0]
    assert isinstance(facts, Facts)
    assert dict(facts.pairs) == {
        "Date": "Monday 25 January 2027",
        "Length": "1 h",
        "Module": "Identity (session 1 of 2)",
        "Track": "Main",
        "Participant": "P-0042",
        "Facilitators": "Facilitator A",
    }
    blocks = list(guide.blocks)
    after = {b.text: blocks[i + 1] for i, b in enumerate(blocks[:-1]) if isinstance(b, Heading)}
    assert after["Objectives"] == BulletList((f"Objective {STAFF}",))
    assert after["Activities"] == BulletList((f"Activity {STAFF}",), numbered=True)
    assert after["Materials"] == BulletList((f"Material {STAFF}",))
    assert after["Facilitator notes"] == MarkdownText(f"Notes for facilitators {STAFF}.")
    assert after["Needs this session addresses"] == BulletList(
        (f"Need for identity {STAFF} (assessed)",)
    )
    assert after["Why this module is in the plan"] == BulletList(
        (f"Addresses an assessed need: Need for identity {STAFF}",)
    )
    assert after["Before and after"] == Facts(
        (
            ("Before", "Session 3, Mon 18 Jan 2027: Questions (Faith Work)"),
            ("Next", "Session 5, Mon 1 Feb 2027: Belonging (Identity)"),
        )
    )


def test_first_and_last_guides_say_so(plan: Plan, library: Library) -> None:
    # The first session has nothing before it, the last nothing after.
    guides = facilitator_documents(plan, library)
    text = render_document(guides[0], "markdown").decode()
    assert "**Before:** This is the first session." in text
    assert "**Next:** This is the last session." in render_document(guides[-1], "markdown").decode()


def test_overview_content(plan: Plan, library: Library) -> None:
    # Schedule, modules with reasons, needs coverage with the uncovered need, and a timeline.
    overview = plan_overview(plan, library)
    tables = [b for b in overview.blocks if isinstance(b, TableBlock)]
    schedule, modules, needs = tables
    assert len(schedule.rows) == 6
    assert schedule.rows[0] == ("1", "Mon 4 Jan 2027", "Hello", "Welcome", "60", "planned")
    assert modules.rows[0] == (
        "Welcome",
        "Main",
        "2",
        "Core module: part of every plan; Needed before Identity (identity)",
    )
    assert needs.rows == (
        (f"Need for identity {STAFF}", "4, 5 (Identity)"),
        (f"Need for status {STAFF}", "3 (Faith Work)"),
        (f"Need for excitement {STAFF}", "NOT ADDRESSED: no planned session does"),
    )
    assert (
        Paragraph(
            f"1 assessed need is not addressed by any planned session: Need for excitement {STAFF}.",
            style="lead",
        )
        in overview.blocks
    )
    timeline = next(b for b in overview.blocks if isinstance(b, Timeline))
    assert timeline.marks[0] == ("1", "4 Jan", "Main")
    assert timeline.marks[2] == ("3", "18 Jan", "Faith")


def test_overview_of_a_plan_without_needs(library: Library) -> None:
    # A plan made from chosen modules only says there were no assessed needs.
    overview = plan_overview(
        make_plan(library, needs=(), modules=("faith-work",), holidays="none"), library
    )
    assert Paragraph("No assessed needs were recorded in this plan.") in overview.blocks


def test_every_session_gets_at_least_one_pdf_page(plan: Plan, library: Library) -> None:
    # All handouts in one PDF: at least one page per session, each opening with its title.
    documents = participant_documents(plan, library)
    pages = pdf_pages(render_documents(documents, "pdf"))
    assert len(pages) >= len(plan.sessions)
    titles = [d.title for d in documents]
    starts = [t for t in titles if any(page.lstrip().splitlines()[1:2] == [t] for page in pages)]
    assert starts == titles
