"""The participant's handout for one session: only what the participant should read.

Built from the session's handout text alone, never from objectives, facilitator
notes, needs or reasons, so nothing written for staff can reach the participant.
"""

from __future__ import annotations

from hii_planner.documents.model import (
    Block,
    Document,
    Heading,
    MarkdownText,
    Paper,
    Paragraph,
    WritingSpace,
)
from hii_planner.handouts.lookup import SessionInContext
from hii_planner.handouts.words import long_date, session_label
from hii_planner.library.loader import Library
from hii_planner.plans.models import Plan

WRITING_LINES = {False: 5, True: 4}  # large print: fewer, taller lines on the same page


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
    handout = item.session.handout
    lines = WRITING_LINES[large_print]
    blocks: list[Block] = []
    if handout is None:
        blocks.append(Paragraph("Your facilitator will talk you through today's session."))
        blocks.append(WritingSpace("Your notes", lines=lines + 2))
    else:
        text = handout.easy_read if easy_read and handout.easy_read else handout.body
        blocks += [Heading("What we will look at today"), MarkdownText(text)]
        if handout.reflection:
            blocks.append(Heading("Things to think about"))
            blocks += [WritingSpace(question, lines=lines) for question in handout.reflection]
        else:
            blocks.append(WritingSpace("Your notes", lines=lines + 2))
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
