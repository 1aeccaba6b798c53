"""The facilitator's guide to one session: aims, activities, notes, its place in the plan."""

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
)
from hii_planner.handouts.lookup import SessionInContext
from hii_planner.handouts.words import neighbour, reason_text, session_label
from hii_planner.library.loader import Library
from hii_planner.plans.models import Plan
from hii_planner.wording import hours, long_date

FOOTER = "Facilitator guide: not for the participant"


def _facts(plan: Plan, library: Library, item: SessionInContext) -> Facts:
    index, count = item.position
    track = next((t.title for t in library.info.tracks if t.id == item.module.track), "")
    pairs = [
        ("Date", long_date(item.planned.date)),
        ("Length", hours(item.planned.minutes)),
        ("Module", f"{item.module.title} (session {index} of {count})"),
        ("Track", track or item.module.track),
        ("Participant", plan.participant.reference),
    ]
    if plan.facilitators:
        pairs.append(("Facilitators", ", ".join(plan.facilitators)))
    if item.planned.provider:
        pairs.append(("Delivered by", item.planned.provider))
    if item.planned.status != "planned":
        pairs.append(("Status", item.planned.status))
    if item.session.optional:
        pairs.append(("Optional", "yes: this session may be left out"))
    return Facts(tuple(pairs))


def _section(title: str, items: list[str], *, numbered: bool = False) -> list[Block]:
    if not items:
        return []
    return [Heading(title), BulletList(tuple(items), numbered=numbered)]


def _needs(plan: Plan, library: Library, item: SessionInContext) -> list[str]:
    assessed = set(plan.participant.needs)
    found = []
    addresses = item.session.addresses
    for need_id in addresses if addresses is not None else item.module.addresses:
        need = library.needs.get(need_id)
        title = need.title if need is not None else need_id
        found.append(f"{title} (assessed)" if need_id in assessed else title)
    return found


def _handout(item: SessionInContext) -> list[Block]:
    handout = item.session.handout
    if handout is None:
        return [Heading("The participant's handout"), Paragraph("This session has no handout.")]
    blocks: list[Block] = [
        Heading("The participant's handout"),
        Paragraph(f"Title: {handout.title or item.session.title}"),
    ]
    if handout.reflection:
        blocks.append(Paragraph("Questions the participant is asked to think about:"))
        blocks.append(BulletList(tuple(handout.reflection)))
    if handout.discuss:
        blocks.append(
            Paragraph("Questions to talk about (no writing lines on the participant's sheet):")
        )
        blocks.append(BulletList(tuple(handout.discuss)))
    if handout.homework:
        blocks += [Paragraph("Before next time (the task between sessions):")]
        blocks.append(MarkdownText(handout.homework))
    if handout.easy_read:
        blocks.append(Paragraph("An easy-read version is available (--easy-read).", style="muted"))
    return blocks


def facilitator_guide(
    plan: Plan,
    library: Library,
    item: SessionInContext,
    *,
    large_print: bool = False,
    paper: Paper = "a4",
) -> Document:
    """The facilitator's guide to session *item* of *plan* (a review guide for a review)."""
    if item.planned.kind == "review":
        from hii_planner.handouts.review import review_guide

        return review_guide(plan, library, item, large_print=large_print, paper=paper)
    session, module = item.session, item.module
    entry = plan.module_entry(module.id)
    reasons = [reason_text(r, library) for r in (entry.reasons if entry else [])]
    blocks: list[Block] = [_facts(plan, library, item)]
    blocks += _section("Objectives", list(session.objectives))
    blocks += _section("Activities", list(session.activities), numbered=True)
    blocks += _section("Materials", list(session.materials))
    if session.facilitator_notes.strip():
        blocks += [Heading("Facilitator notes"), MarkdownText(session.facilitator_notes)]
    if item.planned.notes.strip():
        blocks += [Heading("Recorded for this session"), Paragraph(item.planned.notes)]
    blocks += _section("Needs this session addresses", _needs(plan, library, item))
    blocks += _section("Why this module is in the plan", reasons)
    if module.summary.strip():
        blocks += [Heading("About the module", level=3), MarkdownText(module.summary)]
    blocks += [
        Heading("Before and after"),
        Facts(
            (
                ("Before", neighbour(item.previous, library, none="This is the first session.")),
                ("Next", neighbour(item.following, library, none="This is the last session.")),
            )
        ),
    ]
    blocks += _handout(item)
    if library.info.notice.strip():
        blocks.append(Paragraph(" ".join(library.info.notice.split()), style="muted"))
    return Document(
        title=f"{session_label(item.planned)}: {session.title}",
        subtitle=f"Facilitator guide · {long_date(item.planned.date)}",
        blocks=tuple(blocks),
        reference=plan.participant.reference,
        marking=library.info.marking,
        language=library.info.lang,
        audience="facilitator",
        large_print=large_print,
        paper=paper,
        footer=FOOTER,
    )
