"""The participant's handout for one session: only what the participant should read.

Built from the session's handout text alone, never from objectives, facilitator
notes, needs or reasons, so nothing written for staff can reach the participant.
"""

from __future__ import annotations

from collections.abc import Sequence

from hii_planner.documents.model import (
    Block,
    BulletList,
    Document,
    Heading,
    MarkdownText,
    Paper,
    Paragraph,
    WritingSpace,
)
from hii_planner.handouts.lookup import SessionInContext
from hii_planner.handouts.words import session_label
from hii_planner.library.loader import Library
from hii_planner.plans.models import Plan
from hii_planner.wording import long_date

WRITING_LINES = {False: 5, True: 4}  # large print: fewer, taller lines on the same page


TALK_NOT_WRITE = (
    "These questions are for talking about with your facilitator. "
    "You do not need to write anything down."
)


def talking_points(questions: Sequence[str]) -> list[Block]:
    """Questions to talk about: no writing lines, and marked as for talking, not writing."""
    if not questions:
        return []
    return [
        Heading("To talk about"),
        Paragraph(TALK_NOT_WRITE, style="muted"),
        BulletList(tuple(questions)),
    ]


def participant_handout(
    plan: Plan,
    library: Library,
    item: SessionInContext,
    *,
    easy_read: bool = False,
    large_print: bool = False,
    paper: Paper = "a4",
) -> Document:
    """The handout a participant takes away from session *item*."""
    if item.planned.kind == "review":
        from hii_planner.handouts.review import how_is_it_going

        return how_is_it_going(plan, library, item, large_print=large_print, paper=paper)
    handout = item.session.handout
    lines = WRITING_LINES[large_print]
    blocks: list[Block] = []
    if handout is None:
        blocks.append(Paragraph("Your facilitator will talk you through today's session."))
        blocks.append(WritingSpace("Your notes", lines=lines + 2))
    else:
        text = handout.easy_read if easy_read and handout.easy_read else handout.body
        blocks += [Heading("About this session"), MarkdownText(text)]
        reflection = handout.reflection
        if easy_read and handout.easy_read_reflection:
            reflection = handout.easy_read_reflection
        if reflection:
            blocks.append(Heading("Things to think about"))
            blocks += [WritingSpace(question, lines=lines) for question in reflection]
        else:
            blocks.append(WritingSpace("Your notes", lines=lines + 2))
        blocks += talking_points(handout.discuss)
        if handout.homework:
            blocks += [Heading("Before next time"), MarkdownText(handout.homework)]
    title = handout.title if handout is not None and handout.title else item.session.title
    return Document(
        title=title,
        subtitle=f"{session_label(item.planned)} · {long_date(item.planned.date)}",
        blocks=tuple(blocks),
        reference=plan.participant.reference,
        marking=library.info.marking,
        language=library.info.lang,
        audience="participant",
        large_print=large_print,
        easy_read=easy_read,
        paper=paper,
    )
