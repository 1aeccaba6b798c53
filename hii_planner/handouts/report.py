"""The post-intervention report skeleton: what was delivered, what it addressed, room to write.

The report is facilitator-facing. It states the record (attendance, modules
completed, needs addressed, session notes) and leaves headed blank sections
for the facilitator's own formulation of change; it never writes that part.
"""

from __future__ import annotations

import datetime as dt

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
from hii_planner.handouts.report_clinical import clinical_sections
from hii_planner.handouts.report_delivery import outcome_section, status_section
from hii_planner.library.loader import Library
from hii_planner.plans.models import Plan, PlannedSession
from hii_planner.plans.progress import Progress, plan_progress, session_numbers
from hii_planner.wording import date

REPORT_TITLE = "Post-intervention report"

FORMULATION_SECTIONS: tuple[tuple[str, str], ...] = (
    (
        "Change in relation to the assessed needs",
        "For each assessed need: what has changed, and what shows it?",
    ),
    (
        "The participant's own account",
        "How does the participant describe what has changed for them, in their own words?",
    ),
    (
        "Engagement and the working relationship",
        "How did the participant engage over the sessions, and what helped or got in the way?",
    ),
    (
        "Strengths, protective factors and goals",
        "Which strengths and goals has the participant built on or found?",
    ),
    (
        "Remaining needs and recommendations",
        "What still needs attention, and what do you recommend next?",
    ),
)


def build_report(plan: Plan, *, today: dt.date, library: Library | None = None) -> Document:
    """The report for *plan* as of *today*, as a printable document.

    With *library*, needs are shown by their titles, the modules' own
    ``addresses`` add to the plan's reasons, and the library's protective
    marking goes on every page.
    """
    progress = plan_progress(plan, today=today)
    blocks: list[Block] = [
        _overview(plan, today=today),
        *_attendance(progress),
        *outcome_section(plan),
        *status_section(plan),
        *_modules(progress),
        *_needs(plan, progress, library),
        *clinical_sections(plan, library),
        *_session_notes(plan),
        *_formulation(),
    ]
    return Document(
        title=REPORT_TITLE,
        subtitle=f"{plan.participant.reference} · {plan.library.name}",
        reference=plan.participant.reference,
        marking=library.info.marking if library is not None else "",
        language=library.info.lang if library is not None else "en",
        audience="facilitator",
        blocks=tuple(blocks),
    )


def _overview(plan: Plan, *, today: dt.date) -> Facts:
    delivered = sorted(s.date for s in plan.sessions if s.status == "delivered")
    first = date(delivered[0]) if delivered else "no session delivered yet"
    last = date(delivered[-1]) if delivered else "no session delivered yet"
    return Facts(
        (
            ("Participant reference", plan.participant.reference),
            ("Facilitators", ", ".join(plan.facilitators) or "not recorded in the plan"),
            ("Programme", f"{plan.library.name}, version {plan.library.version}"),
            ("Planned start", date(plan.schedule.start)),
            ("First session delivered", first),
            ("Last session delivered", last),
            ("Report prepared", date(today)),
        )
    )


def _attendance(progress: Progress) -> list[Block]:
    concerns = progress.engagement_concerns
    pairs = [
        ("Sessions delivered", f"{progress.delivered} of {progress.total}"),
        ("Missed", str(progress.missed)),
        ("Caught up", str(progress.caught_up)),
        ("Cancelled", str(progress.cancelled)),
        ("Still planned", str(progress.planned)),
        (
            "Engagement concerns",
            f"at {session_numbers(concerns)}" if concerns else "none recorded",
        ),
    ]
    return [
        Heading("Attendance"),
        Facts(tuple(pairs)),
        Paragraph(
            "A missed session made up by a delivered catch-up counts as delivered; "
            "cancelled sessions are not part of the total.",
            style="muted",
        ),
    ]


def _modules(progress: Progress) -> list[Block]:
    blocks: list[Block] = [Heading("Modules completed")]
    done = progress.modules_complete
    if done:
        blocks.append(BulletList(tuple(m.title for m in done)))
    else:
        blocks.append(Paragraph("No module has been completed yet."))
    rest = [m for m in progress.modules if not m.complete]
    if rest:
        blocks.append(Heading("Modules not completed", level=3))
        blocks.append(
            BulletList(tuple(f"{m.title}: {m.delivered} of {m.total} sessions" for m in rest))
        )
    return blocks


def _addressing(plan: Plan, library: Library | None) -> dict[str, list[str]]:
    """For each need, the plan's modules that address it (by reason or by the library)."""
    found: dict[str, list[str]] = {}
    for module in plan.modules:
        needs = [r.target for r in module.reasons if r.kind == "need"]
        if library is not None and module.id in library.modules:
            needs += library.modules[module.id].addresses
        for need in dict.fromkeys(needs):
            found.setdefault(need, []).append(module.id)
    return found


def _needs(plan: Plan, progress: Progress, library: Library | None) -> list[Block]:
    needs = plan.participant.needs
    if not needs:
        return [
            Heading("Assessed needs"),
            Paragraph("No assessed needs were recorded in the plan."),
        ]
    titles = {m.id: m.title for m in plan.modules}
    complete = {m.id for m in progress.modules_complete}
    addressing = _addressing(plan, library)
    known = library.needs if library is not None else {}
    rows: list[tuple[str, str]] = []
    missing: list[str] = []
    for need in needs:
        label = known[need].title if need in known else need
        done = [titles[m] for m in addressing.get(need, []) if m in complete]
        rows.append((label, ", ".join(done) or "none yet"))
        if not done:
            planned = [titles[m] for m in addressing.get(need, [])]
            why = (
                f"the modules for it are not complete yet ({', '.join(planned)})"
                if planned
                else "no module in the plan addresses it"
            )
            missing.append(f"{label}: {why}")
    blocks: list[Block] = [
        Heading("Assessed needs"),
        TableBlock(("Need", "Addressed by completed modules"), tuple(rows)),
        Heading("Needs not addressed"),
    ]
    if missing:
        blocks.append(BulletList(tuple(missing)))
    else:
        blocks.append(Paragraph("Every assessed need was addressed by a completed module."))
    return blocks


def _session_notes(plan: Plan) -> list[Block]:
    noted = sorted(
        (s for s in plan.sessions if s.notes.strip() or s.engagement_concern),
        key=lambda s: (s.date, s.number),
    )
    if not noted:
        return [Heading("Session notes"), Paragraph("No session notes were recorded.")]
    return [
        Heading("Session notes"),
        TableBlock(
            ("Date", "No.", "Session", "Status", "Note"),
            tuple(_note_row(s) for s in noted),
        ),
    ]


def _note_row(session: PlannedSession) -> tuple[str, str, str, str, str]:
    title = session.title + (" (catch-up)" if session.catch_up else "")
    note = " ".join(session.notes.split())
    if session.engagement_concern:
        note = "Engagement concern recorded." + (f" {note}" if note else "")
    return (date(session.date), str(session.number), title, session.status, note)


def _formulation() -> list[Block]:
    blocks: list[Block] = [
        PageBreak(),  # the facilitators' own writing starts on a fresh page
        Heading("Formulation of change"),
        Paragraph("For the facilitators to complete.", style="muted"),
    ]
    for heading, prompt in FORMULATION_SECTIONS:
        blocks += [Heading(heading, level=3), WritingSpace(prompt, lines=6)]
    return blocks
