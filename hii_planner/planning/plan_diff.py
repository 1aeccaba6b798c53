"""What an edit changes, for the facilitator to check and for the history: `diff_plans`.

The diff is the one definition of "changed": it names every difference between
two plans apart from their bookkeeping (created, revision, history), so an edit
with an empty diff changes nothing and is not written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from hii_planner.plans.models import Closure, Plan, PlannedSession

SessionKey = tuple[str, str]
BOOKKEEPING = frozenset({"created", "revision", "history"})


@dataclass(frozen=True)
class SessionMove:
    """A planned session that the edit gave another date."""

    number: int
    module: str
    session: str
    title: str
    before: dt.date
    after: dt.date


@dataclass(frozen=True)
class PlanDiff:
    """What an edit changes: modules, planned sessions, and the plan's other answers."""

    modules_added: tuple[str, ...] = ()
    modules_removed: tuple[str, ...] = ()
    sessions_added: tuple[PlannedSession, ...] = ()
    sessions_removed: tuple[PlannedSession, ...] = ()
    sessions_moved: tuple[SessionMove, ...] = ()
    details: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """True when the edit changes nothing a reader of the plan would see."""
        return not (
            self.modules_added
            or self.modules_removed
            or self.sessions_added
            or self.sessions_removed
            or self.sessions_moved
            or self.details
        )

    def summary(self) -> str:
        """One line for the history: ``edited: modules added: x; sessions: 2 added, 1 moved``."""
        parts = []
        if self.modules_added:
            parts.append("modules added: " + ", ".join(self.modules_added))
        if self.modules_removed:
            parts.append("modules removed: " + ", ".join(self.modules_removed))
        counts = [
            f"{len(items)} {label}"
            for items, label in (
                (self.sessions_added, "added"),
                (self.sessions_removed, "removed"),
                (self.sessions_moved, "moved"),
            )
            if items
        ]
        if counts:
            parts.append("sessions: " + ", ".join(counts))
        parts.extend(self.details)
        return "edited: " + ("; ".join(parts) if parts else "no change")

    def lines(self) -> list[str]:
        """Every change, one per line, for the facilitator to check before saving."""
        found = [f"+ module {m}" for m in self.modules_added]
        found += [f"- module {m}" for m in self.modules_removed]
        found += [
            f"+ session {s.number} {s.module}/{s.session} on {s.date.isoformat()}"
            for s in self.sessions_added
        ]
        found += [
            f"- session {s.module}/{s.session} (was {s.number}, {s.date.isoformat()})"
            for s in self.sessions_removed
        ]
        found += [
            f"~ session {m.number} {m.module}/{m.session}: "
            f"{m.before.isoformat()} → {m.after.isoformat()}"
            for m in self.sessions_moved
        ]
        found += [f"~ {detail}" for detail in self.details]
        return found


def diff_plans(before: Plan, after: Plan) -> PlanDiff:
    """Modules added and removed, planned sessions added, removed and moved, other changes."""
    old_modules = [m.id for m in before.modules]
    new_modules = [m.id for m in after.modules]
    old = [s for s in before.sessions if s.status == "planned"]
    new = [s for s in after.sessions if s.status == "planned"]
    pairs, removed, added = _match(old, new)
    moved = tuple(
        SessionMove(
            number=b.number,
            module=b.module,
            session=b.session,
            title=b.title,
            before=a.date,
            after=b.date,
        )
        for a, b in pairs
        if a.date != b.date
    )
    diff = PlanDiff(
        modules_added=tuple(m for m in new_modules if m not in old_modules),
        modules_removed=tuple(m for m in old_modules if m not in new_modules),
        sessions_added=tuple(added),
        sessions_removed=tuple(removed),
        sessions_moved=moved,
        details=tuple(_details(before, after)),
    )
    old_rest, new_rest = _rest(before), _rest(after)
    if diff.empty and old_rest != new_rest:
        # A difference no line names (say, the order of modules) is still a change.
        fields = [k for k, v in old_rest.items() if new_rest.get(k) != v]
        diff = dataclasses.replace(diff, details=("other details: " + ", ".join(fields),))
    return diff


def _match(
    old: list[PlannedSession], new: list[PlannedSession]
) -> tuple[list[tuple[PlannedSession, PlannedSession]], list[PlannedSession], list[PlannedSession]]:
    """Pair sessions by module and session id, occurrence by occurrence, in plan order."""
    waiting: dict[SessionKey, list[PlannedSession]] = {}
    for session in old:
        waiting.setdefault((session.module, session.session), []).append(session)
    pairs: list[tuple[PlannedSession, PlannedSession]] = []
    added: list[PlannedSession] = []
    for session in new:
        queue = waiting.get((session.module, session.session))
        if queue:
            pairs.append((queue.pop(0), session))
        else:
            added.append(session)
    paired = {id(a) for a, _ in pairs}
    removed = [s for s in old if id(s) not in paired]
    return pairs, removed, added


def _details(before: Plan, after: Plan) -> list[str]:
    """The answers an edit changed besides modules and sessions, in words."""
    found: list[str] = []
    if before.participant.reference != after.participant.reference:
        found.append(
            f"participant reference: {before.participant.reference} → {after.participant.reference}"
        )
    if before.facilitators != after.facilitators:
        found.append(
            f"facilitators: {_listing(before.facilitators)} → {_listing(after.facilitators)}"
        )
    old_needs, new_needs = before.participant.needs, after.participant.needs
    if added := [n for n in new_needs if n not in old_needs]:
        found.append("needs added: " + ", ".join(added))
    if removed := [n for n in old_needs if n not in new_needs]:
        found.append("needs removed: " + ", ".join(removed))
    old_answers = {a.id: a.answer for a in before.screening}
    new_answers = {a.id: a.answer for a in after.screening}
    for question in dict.fromkeys([*old_answers, *new_answers]):
        was, now = old_answers.get(question), new_answers.get(question)
        if was != now:
            found.append(f"screening {question}: {_yes_no(was)} → {_yes_no(now)}")
    old, new = before.schedule, after.schedule
    if (old.start, old.cadence, old.weekdays, old.holidays) != (
        new.start,
        new.cadence,
        new.weekdays,
        new.holidays,
    ):
        found.append(f"schedule: {_rhythm(before)} → {_rhythm(after)}")
    if old.time != new.time:
        found.append(f"usual time: {old.time or 'all day'} → {new.time or 'all day'}")
    if old.place != new.place:
        found.append(f"usual place: {old.place or 'none'} → {new.place or 'none'}")
    if old.closures != new.closures:
        found.append(f"closures: {_closures(old.closures)} → {_closures(new.closures)}")
    if before.request.twin_track != after.request.twin_track:
        old_track, new_track = before.request.twin_track, after.request.twin_track
        found.append(f"twin track: {old_track or 'off'} → {new_track or 'off'}")
    if before.request.max_sessions != after.request.max_sessions:
        found.append(
            f"most sessions: {before.request.max_sessions or 'no limit'} → "
            f"{after.request.max_sessions or 'no limit'}"
        )
    # Choosing modules shows in the modules and their reasons; an exclusion may show nowhere else.
    if before.request.exclude != after.request.exclude:
        old_list, new_list = before.request.exclude, after.request.exclude
        found.append(f"excluded modules: {_listing(old_list)} → {_listing(new_list)}")
    found += _reason_changes(before, after)
    if before.library.digest != after.library.digest:
        found.append(
            f"library: {before.library.name} {before.library.version} → "
            f"{after.library.name} {after.library.version} (the plan now follows this version)"
        )
    return found


def _closures(closures: Sequence[Closure]) -> str:
    return ", ".join(f"{c.start.isoformat()}..{c.end.isoformat()}" for c in closures) or "none"


def _rest(plan: Plan) -> dict[str, object]:
    return plan.model_dump(mode="json", exclude=set(BOOKKEEPING))


def _reason_changes(before: Plan, after: Plan) -> list[str]:
    """For modules in both plans, the reasons the edit added and took away."""
    found = []
    for module in after.modules:
        old = before.module_entry(module.id)
        if old is None or old.reasons == module.reasons:
            continue
        added = [f"+ {r}" for r in module.reasons if r not in old.reasons]
        removed = [f"- {r}" for r in old.reasons if r not in module.reasons]
        changes = added + removed or ["in another order"]
        found.append(f"reasons for {module.id}: " + "; ".join(changes))
    return found


def _listing(names: Sequence[str]) -> str:
    return ", ".join(names) if names else "none"


def _yes_no(answer: bool | None) -> str:
    return "not answered" if answer is None else ("yes" if answer else "no")


def _rhythm(plan: Plan) -> str:
    schedule = plan.schedule
    return (
        f"{schedule.cadence} on {'+'.join(schedule.weekdays)} from {schedule.start.isoformat()}"
        f" ({schedule.holidays} holidays)"
    )
