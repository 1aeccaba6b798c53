"""Progress review documents: the facilitator's review guide and the participant's sheet.

The guide gathers what a review looks back on: the sessions since the last
review, each assessed need with its sessions so far, and room for the review
record. The participant's sheet asks, in plain words, how it is going.
"""

from __future__ import annotations

from hii_planner.documents.model import (
    Block,
    BulletList,
    Document,
    Facts,
    Heading,
    MarkdownText,
    Paper,
    Paragraph,
    TableBlock,
    WritingSpace,
)
from hii_planner.handouts.coverage_words import sessions_by_module
from hii_planner.handouts.lookup import SessionInContext
from hii_planner.handouts.words import session_label
from hii_planner.library.loader import Library
from hii_planner.plans.coverage import NeedCoverage, coverage
from hii_planner.plans.models import Plan, PlannedSession
from hii_planner.wording import date, hours, long_date

FOOTER = "Review guide: not for the participant"
REVIEW_RECORD = (
    "What has gone well, and what the participant says about it",
    "Concerns: engagement, wellbeing, risk",
    "Changes agreed to the plan (modules, sessions, pace)",
    "Agreed by, and the date of the next review",
)
HOW_IS_IT_GOING = (
    "What has been useful so far?",
    "What has been hard?",
    "What would you like more of, or less of?",
)


def _status(session: PlannedSession) -> str:
    concern = " (engagement concern)" if session.engagement_concern else ""
    return session.status + concern


def since_last_review(plan: Plan, review: PlannedSession) -> list[PlannedSession]:
    """The sessions after the previous review (or the start) and before *review*."""
    earlier = [s for s in plan.sessions if s.number < review.number]
    last = max((s.number for s in earlier if s.kind == "review"), default=0)
    return [s for s in earlier if s.number > last]


def review_position(plan: Plan, review: PlannedSession) -> tuple[int, int]:
    """Which review this is, of how many in the plan."""
    numbers = [s.number for s in plan.sessions if s.kind == "review"]
    return numbers.index(review.number) + 1, len(numbers)


def coverage_so_far(plan: Plan, library: Library, review: PlannedSession) -> list[NeedCoverage]:
    """Each assessed need with the sessions that addressed it before *review*."""
    return [
        NeedCoverage(
            need=item.need,
            title=item.title,
            sessions=tuple(s for s in item.sessions if s.number < review.number),
        )
        for item in coverage(plan, library)
    ]


def review_guide(
    plan: Plan,
    library: Library,
    item: SessionInContext,
    *,
    large_print: bool = False,
    paper: Paper = "a4",
) -> Document:
    """The facilitator's guide to review session *item*: what to look back on, and the record."""
    review = item.planned
    index, count = review_position(plan, review)
    pairs = [
        ("Date", long_date(review.date)),
        ("Length", hours(review.minutes)),
        ("Review", f"{index} of {count}"),
        ("Participant", plan.participant.reference),
    ]
    if plan.facilitators:
        pairs.append(("Facilitators", ", ".join(plan.facilitators)))
    blocks: list[Block] = [Facts(tuple(pairs))]
    if item.session.objectives:
        blocks += [Heading("Objectives"), BulletList(tuple(item.session.objectives))]
    if item.session.facilitator_notes.strip():
        blocks += [Heading("Facilitator notes"), MarkdownText(item.session.facilitator_notes)]

    blocks.append(Heading("Since the last review"))
    since = since_last_review(plan, review)
    if since:
        rows = tuple(
            (
                str(s.number),
                date(s.date),
                s.title,
                s.status + (" (engagement concern)" if s.engagement_concern else ""),
            )
            for s in since
        )
        blocks.append(TableBlock(("No.", "Date", "Session", "Status"), rows, widths=(2, 5, 12, 4)))
        delivered = sum(1 for s in since if s.status == "delivered")
        blocks.append(Paragraph(f"{delivered} of {len(since)} delivered.", style="muted"))
    else:
        blocks.append(Paragraph("No session has taken place since the last review."))

    blocks.append(Heading("Needs and their sessions so far"))
    found = coverage_so_far(plan, library, review)
    if found:
        blocks.append(
            TableBlock(
                ("Assessed need", "Sessions so far"),
                tuple(
                    (c.title, sessions_by_module(c, plan, with_status=True) or "none yet")
                    for c in found
                ),
                widths=(1, 1),
            )
        )
    else:
        blocks.append(Paragraph("No assessed needs were recorded in this plan."))

    blocks.append(Heading("Review record"))
    blocks += [WritingSpace(prompt, lines=4) for prompt in REVIEW_RECORD]
    return Document(
        title=f"{session_label(review)}: progress review",
        subtitle=f"Review guide · {long_date(review.date)}",
        blocks=tuple(blocks),
        reference=plan.participant.reference,
        marking=library.info.marking,
        audience="facilitator",
        large_print=large_print,
        paper=paper,
        language=library.info.lang,
        footer=FOOTER,
    )


def how_is_it_going(
    plan: Plan,
    library: Library,
    item: SessionInContext,
    *,
    large_print: bool = False,
    paper: Paper = "a4",
) -> Document:
    """The participant's sheet for a review: a few plain questions with room to write."""
    lines = 4 if large_print else 5
    blocks: list[Block] = [
        Paragraph(
            "Today we look back at the sessions so far and agree what comes next. "
            "There are no right or wrong answers."
        ),
        Heading("How is it going?"),
        *(WritingSpace(question, lines=lines) for question in HOW_IS_IT_GOING),
    ]
    return Document(
        title="How is it going?",
        subtitle=f"{session_label(item.planned)} · {long_date(item.planned.date)}",
        blocks=tuple(blocks),
        reference=plan.participant.reference,
        marking=library.info.marking,
        audience="participant",
        large_print=large_print,
        paper=paper,
        language=library.info.lang,
    )
