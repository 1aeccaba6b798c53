"""The plan overview: schedule, modules with reasons, needs coverage and a timeline."""

from __future__ import annotations

from hii_planner.documents.model import (
    Block,
    BulletList,
    Document,
    Facts,
    Heading,
    Paper,
    Paragraph,
    TableBlock,
    Timeline,
)
from hii_planner.handouts.coverage_words import sessions_by_module
from hii_planner.handouts.words import reason_text
from hii_planner.library.loader import Library
from hii_planner.plans.coverage import coverage
from hii_planner.plans.models import Plan
from hii_planner.wording import date, day_month, hours, plural, schedule_sentence

FOOTER = "Plan overview: for facilitators"


def _facts(plan: Plan, library: Library) -> Facts:
    held = [s for s in plan.sessions if s.status != "cancelled"]
    delivered = sum(1 for s in plan.sessions if s.status == "delivered")
    pairs = [
        ("Participant", plan.participant.reference),
        ("Library", f"{plan.library.name}, version {plan.library.version}"),
        ("Schedule", schedule_sentence(plan.schedule)),
        (
            "Sessions",
            f"{len(held)} ({hours(sum(s.minutes for s in held))}), {delivered} delivered",
        ),
    ]
    if plan.sessions:
        pairs.append(
            (
                "Dates",
                f"{date(plan.sessions[0].date)} to {date(plan.sessions[-1].date)}",
            )
        )
    if plan.facilitators:
        pairs.append(("Facilitators", ", ".join(plan.facilitators)))
    pairs.append(("Plan", f"revision {plan.revision}, made {date(plan.created.date())}"))
    return Facts(tuple(pairs))


def _schedule(plan: Plan, titles: dict[str, str]) -> TableBlock:
    rows = tuple(
        (
            str(s.number),
            date(s.date),
            s.title
            + (" (catch-up)" if s.catch_up else "")
            + (f" (by {s.provider})" if s.provider else ""),
            titles.get(s.module, s.module),
            str(s.minutes),
            s.status,
        )
        for s in plan.sessions
    )
    header = ("No.", "Date", "Session", "Module", "Minutes", "Status")
    return TableBlock(header, rows, widths=(3, 8, 12, 10, 4, 5))


def _modules(plan: Plan, library: Library) -> TableBlock:
    tracks = {t.id: t.title for t in library.info.tracks}
    counts = {m.id: sum(1 for s in plan.sessions if s.module == m.id) for m in plan.modules}
    rows = tuple(
        (
            m.title,
            tracks.get(m.track, m.track),
            str(counts[m.id]),
            "; ".join(reason_text(r, library) for r in m.reasons),
        )
        for m in plan.modules
    )
    return TableBlock(
        ("Module", "Track", "Sessions", "Why it is in the plan"), rows, widths=(6, 4, 2, 10)
    )


def _needs(plan: Plan, library: Library) -> list[Block]:
    if not plan.participant.needs:
        return [Paragraph("No assessed needs were recorded in this plan.")]
    found = coverage(plan, library)
    rows = tuple(
        (item.title, sessions_by_module(item, plan) or "NOT ADDRESSED: no planned session does")
        for item in found
    )
    blocks: list[Block] = [
        TableBlock(("Assessed need", "Addressed by sessions"), rows, widths=(1, 1))
    ]
    uncovered = [item.title for item in found if not item.addressed]
    if uncovered:
        blocks.append(
            Paragraph(
                f"{plural(len(uncovered), 'assessed need')} "
                f"{'is' if len(uncovered) == 1 else 'are'} "
                "not addressed by any planned session: " + "; ".join(uncovered) + ".",
                style="lead",
            )
        )
    return blocks


def _left_out(plan: Plan, library: Library) -> list[str]:
    found = []
    for item in plan.left_out:
        module = library.modules.get(item.module)
        session = module.session(item.session) if module is not None else None
        module_title = module.title if module is not None else item.module
        session_title = session.title if session is not None else item.session
        found.append(f"{module_title}: {session_title} ({item.reason})")
    return found


def plan_overview(
    plan: Plan, library: Library, *, large_print: bool = False, paper: Paper = "a4"
) -> Document:
    """The overview of *plan* for facilitators."""
    titles = {m.id: m.title for m in plan.modules}
    tracks = {t.id: t.title for t in library.info.tracks}
    module_tracks = {m.id: m.track for m in plan.modules}
    marks = tuple(
        (
            str(s.number),
            day_month(s.date),
            tracks.get(module_tracks.get(s.module, ""), module_tracks.get(s.module, "")),
        )
        for s in plan.sessions
        if s.status != "cancelled"
    )
    blocks: list[Block] = [
        _facts(plan, library),
        Heading("Timeline"),
        Paragraph("Sessions by number and date, by track.", style="muted"),
        Timeline(marks),
        Heading("Schedule"),
        _schedule(plan, titles),
        Heading("Modules and why they are in the plan"),
        _modules(plan, library),
        Heading("Needs coverage"),
        *_needs(plan, library),
    ]
    if plan.left_out:
        blocks += [
            Heading("Left out"),
            BulletList(tuple(_left_out(plan, library))),
        ]
    if library.info.notice.strip():
        blocks.append(Paragraph(" ".join(library.info.notice.split()), style="muted"))
    return Document(
        title="Plan overview",
        subtitle=f"{plan.participant.reference} · {plan.library.name}",
        blocks=tuple(blocks),
        reference=plan.participant.reference,
        marking=library.info.marking,
        language=library.info.lang,
        audience="facilitator",
        large_print=large_print,
        paper=paper,
        footer=FOOTER,
    )
