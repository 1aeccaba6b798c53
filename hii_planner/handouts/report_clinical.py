"""The report's clinical sections: coverage by session, reviews held, screening and its effect."""

from __future__ import annotations

from hii_planner.documents.model import Block, BulletList, Heading, Paragraph, TableBlock
from hii_planner.library.loader import Library
from hii_planner.planning.screening import screened_question
from hii_planner.plans.coverage import coverage
from hii_planner.plans.models import Plan
from hii_planner.wording import date


def clinical_sections(plan: Plan, library: Library | None) -> list[Block]:
    """Coverage by session (with the library), progress reviews, and the screening record."""
    return [
        *coverage_by_session(plan, library),
        *reviews_held(plan),
        *screening_record(plan, library),
    ]


def coverage_by_session(plan: Plan, library: Library | None) -> list[Block]:
    """Each assessed need with every session that addressed it, delivered or not."""
    if not plan.participant.needs:
        return []
    blocks: list[Block] = [Heading("Coverage by session")]
    if library is None:
        return [*blocks, Paragraph("Coverage by session needs the library the plan was made from.")]
    rows = []
    for item in coverage(plan, library):
        sessions = "; ".join(f"{s.number} {s.title} ({s.status})" for s in item.sessions)
        delivered = f"{item.delivered} of {len(item.sessions)}" if item.sessions else "0"
        rows.append((item.title, sessions or "no planned session addresses it", delivered))
    blocks.append(
        TableBlock(("Need", "Sessions that address it", "Delivered"), tuple(rows), widths=(3, 6, 2))
    )
    blocks.append(
        Paragraph(
            "A need counts as addressed while a planned session that is not cancelled "
            "addresses it; cancelled sessions are left out.",
            style="muted",
        )
    )
    return blocks


def reviews_held(plan: Plan) -> list[Block]:
    """The progress reviews: those held, with their notes, and those still to come."""
    reviews = [s for s in plan.sessions if s.kind == "review"]
    if not reviews:
        return []
    held = [s for s in reviews if s.status == "delivered"]
    blocks: list[Block] = [Heading("Progress reviews")]
    if held:
        rows = tuple(
            (str(s.number), date(s.date), " ".join(s.notes.split()) or "no note recorded")
            for s in held
        )
        blocks.append(TableBlock(("No.", "Date", "Review record"), rows, widths=(1, 3, 8)))
    else:
        blocks.append(Paragraph("No progress review has been held yet."))
    rest = [s for s in reviews if s.status != "delivered"]
    if rest:
        blocks.append(
            Paragraph(
                f"{len(held)} of {len(reviews)} held; the others: "
                + ", ".join(f"session {s.number} ({s.status})" for s in rest)
                + ".",
                style="muted",
            )
        )
    return blocks


def screening_record(plan: Plan, library: Library | None) -> list[Block]:
    """Each screening answer recorded, the caution it raised and the modules it added."""
    if not plan.screening:
        return []
    questions = {q.id: q.question for q in library.info.screening} if library else {}
    added: dict[str, list[str]] = {}
    for module in plan.modules:
        for reason in module.reasons:
            question = screened_question(reason)
            if question is not None:
                added.setdefault(question, []).append(module.title)
    items = []
    for answer in plan.screening:
        text = f"{questions.get(answer.id, answer.id)} {'Yes' if answer.answer else 'No'}."
        if answer.caution:
            text += f" Caution: {' '.join(answer.caution.split())}"
            modules = added.get(answer.id)
            text += f" Added: {', '.join(modules)}." if modules else " Nothing was added."
        items.append(text)
    return [Heading("Screening"), BulletList(tuple(items))]
