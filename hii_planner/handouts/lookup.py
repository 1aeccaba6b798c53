"""Find each planned session's module and text in the library, and its neighbours in the plan."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hii_planner.errors import HiiPlannerError, RequestError
from hii_planner.library.loader import Library
from hii_planner.library.models import Module, Session
from hii_planner.plans.models import Plan, PlannedSession

SKIPPED_BY_DEFAULT = frozenset({"missed", "cancelled"})  # a catch-up carries a missed session


class NotInLibraryError(HiiPlannerError):
    """The plan names modules or sessions the library does not have (all are listed)."""

    def __init__(self, missing: Sequence[str], library_name: str) -> None:
        self.missing = tuple(missing)
        count = len(self.missing)
        super().__init__(
            self.missing[0]
            if count == 1
            else f"{count} parts of the plan are not in the library {library_name!r}"
        )
        self.hint = (
            "run `hii-planner plan check FILE` for details, or pass --library "
            "with the library the plan was made from"
        )

    def lines(self) -> list[str]:
        """Every missing module or session, one per line."""
        return list(self.missing)


@dataclass(frozen=True)
class SessionInContext:
    """A planned session with its library text and where it sits in the plan."""

    planned: PlannedSession
    module: Module
    session: Session
    previous: PlannedSession | None
    following: PlannedSession | None

    @property
    def position(self) -> tuple[int, int]:
        """The session's place in its module: (1-based index, number of sessions)."""
        ids = [s.id for s in self.module.sessions]
        return ids.index(self.session.id) + 1, len(ids)


def check_against_library(plan: Plan, library: Library) -> None:
    """Raise `NotInLibraryError` naming every planned module and session the library lacks."""
    name = library.info.name
    missing = [
        f"module {m.id} is not in the library {name!r}"
        for m in plan.modules
        if m.id not in library.modules
    ]
    for planned in plan.sessions:
        module = library.modules.get(planned.module)
        if module is None:
            if all(planned.module != m.id for m in plan.modules):
                missing.append(f"module {planned.module} is not in the library {name!r}")
        elif module.session(planned.session) is None:
            missing.append(
                f"session {planned.number} ({planned.module}/{planned.session}) "
                f"is not in the library {name!r}"
            )
    if missing:
        raise NotInLibraryError(list(dict.fromkeys(missing)), name)


def choose_sessions(plan: Plan, numbers: Iterable[int] | None) -> list[PlannedSession]:
    """The sessions to print: those asked for, or every one not missed or cancelled."""
    if numbers is None:
        return [s for s in plan.sessions if s.status not in SKIPPED_BY_DEFAULT]
    wanted = sorted(set(numbers))
    by_number = {s.number: s for s in plan.sessions}
    unknown = [n for n in wanted if n not in by_number]
    if unknown:
        span = f"1 to {len(plan.sessions)}" if plan.sessions else "none"
        raise RequestError(
            [f"session {n} is not in the plan (its sessions are numbered {span})" for n in unknown],
            hint="`hii-planner plan show FILE` lists the sessions",
        )
    return [by_number[n] for n in wanted]


def in_context(plan: Plan, library: Library, planned: PlannedSession) -> SessionInContext:
    """*planned* with its library module and session and its neighbours in the plan."""
    module = library.modules[planned.module]
    session = module.session(planned.session)
    assert session is not None  # check_against_library ran first
    # Neighbours are sessions that happen(ed): a missed or cancelled one is passed over.
    held = [s for s in plan.sessions if s.status not in SKIPPED_BY_DEFAULT]
    earlier = [s for s in held if s.number < planned.number]
    later = [s for s in held if s.number > planned.number]
    return SessionInContext(
        planned=planned,
        module=module,
        session=session,
        previous=earlier[-1] if earlier else None,
        following=later[0] if later else None,
    )
