"""Where a plan stands: sessions delivered, missed, made up and due, and module completion.

A planned session counts as delivered when it was delivered on its date or made
up by a delivered catch-up of the same session. Cancelled sessions and the
catch-ups themselves are not part of the total; a module is complete when each
of its sessions that counts is delivered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from hii_planner.plans.models import Plan, PlannedSession


@dataclass(frozen=True)
class ModuleProgress:
    """How far one module of the plan has got."""

    id: str
    title: str
    delivered: int
    total: int

    @property
    def complete(self) -> bool:
        """True when every session of the module that counts was delivered or made up."""
        return self.total > 0 and self.delivered == self.total


@dataclass(frozen=True)
class Progress:
    """A plan's progress on a given day."""

    delivered: int
    total: int
    missed: int
    caught_up: int
    cancelled: int
    planned: int
    next_session: PlannedSession | None
    overdue: tuple[PlannedSession, ...]
    engagement_concerns: tuple[PlannedSession, ...]
    modules: tuple[ModuleProgress, ...]

    @property
    def complete(self) -> bool:
        """True when every session that counts was delivered or made up."""
        return self.total > 0 and self.delivered == self.total

    @property
    def modules_complete(self) -> tuple[ModuleProgress, ...]:
        """The modules that are complete, in plan order."""
        return tuple(m for m in self.modules if m.complete)


def session_numbers(sessions: Sequence[PlannedSession]) -> str:
    """The sessions' numbers with runs shortened, as in "session 2" or "sessions 4–7, 9"."""
    runs: list[list[int]] = []
    for number in (s.number for s in sessions):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    text = ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)
    return f"session {text}" if len(sessions) == 1 else f"sessions {text}"


def made_up(plan: Plan) -> set[tuple[str, str]]:
    """The (module, session) pairs that a delivered catch-up made up."""
    return {(s.module, s.session) for s in plan.sessions if s.catch_up and s.status == "delivered"}


def counts_towards_total(session: PlannedSession) -> bool:
    """True for a session the plan means to deliver: not a catch-up, not cancelled."""
    return not session.catch_up and session.status != "cancelled"


def is_done(session: PlannedSession, caught_up: set[tuple[str, str]]) -> bool:
    """True when *session* was delivered, or missed and made up by a delivered catch-up."""
    if session.status == "delivered":
        return True
    return session.status == "missed" and (session.module, session.session) in caught_up


def plan_progress(plan: Plan, *, today: dt.date) -> Progress:
    """Count what happened so far and what is due, as of *today*."""
    caught_up = made_up(plan)
    counted = [s for s in plan.sessions if counts_towards_total(s)]
    planned = [s for s in plan.sessions if s.status == "planned"]
    upcoming = sorted((s for s in planned if s.date >= today), key=lambda s: (s.date, s.number))
    modules = tuple(
        ModuleProgress(
            id=module.id,
            title=module.title,
            delivered=sum(1 for s in counted if s.module == module.id and is_done(s, caught_up)),
            total=sum(1 for s in counted if s.module == module.id),
        )
        for module in plan.modules
    )
    return Progress(
        delivered=sum(1 for s in counted if is_done(s, caught_up)),
        total=len(counted),
        missed=sum(1 for s in plan.sessions if s.status == "missed"),
        caught_up=sum(1 for s in plan.sessions if s.catch_up and s.status == "delivered"),
        cancelled=sum(1 for s in plan.sessions if s.status == "cancelled"),
        planned=len(planned),
        next_session=upcoming[0] if upcoming else None,
        # A paused plan has nothing overdue: its sessions are dated again on resuming.
        overdue=tuple(s for s in planned if s.date < today) if plan.status == "active" else (),
        engagement_concerns=tuple(s for s in plan.sessions if s.engagement_concern),
        modules=modules,
    )
