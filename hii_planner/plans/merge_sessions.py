"""Merge the sessions of two copies of a plan, one session at a time, by meaning.

A session is known by what it is, not by its number (numbers change when a
catch-up is inserted): its module, its session id, whether it is a catch-up, and
which occurrence of that triple it is in the plan (reviews and repeated
catch-ups appear more than once). Each side's session is compared with the
base's: a side that left a session as it was gives way to the side that changed
it. What was recorded (the `SessionRecord` fields) travels as one piece, so a
record is never mixed from two sides; a recorded session wins over a planned
one, since a session that took place cannot be moved. Two planned sessions
moved differently on both sides take the later placement, which is the same
whichever side is "ours". Only two different records of one session, or a
record on one side of a session the other side removed, stay undecided.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from hii_planner.plans.models import PlannedSession, SessionRecord

SessionKey = tuple[str, str, bool, int]
"""A session's identity across copies: module, session, catch-up, occurrence."""


class Unknown:
    """The base of a session whose common ancestor is not known (two copies, no base)."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Final = Unknown()
Base = PlannedSession | None | Unknown

RECORD_FIELDS: tuple[str, ...] = tuple(SessionRecord.model_fields)
PLACEMENT_FIELDS = ("date", "time", "place")
_IDENTITY_FIELDS = ("number", "module", "session", "catch_up")


def keyed(sessions: Iterable[PlannedSession]) -> dict[SessionKey, PlannedSession]:
    """The sessions by their identity, in plan order."""
    seen: dict[tuple[str, str, bool], int] = {}
    found: dict[SessionKey, PlannedSession] = {}
    for session in sessions:
        triple = (session.module, session.session, session.catch_up)
        occurrence = seen.get(triple, 0)
        seen[triple] = occurrence + 1
        found[(*triple, occurrence)] = session
    return found


def record_of(session: PlannedSession) -> SessionRecord:
    """What was recorded for *session*, as one value."""
    return SessionRecord.model_validate({f: getattr(session, f) for f in RECORD_FIELDS})


def is_recorded(session: PlannedSession) -> bool:
    """True when the session took place, was missed or was cancelled."""
    return session.status != "planned"


@dataclass(frozen=True)
class SessionDecision:
    """The merged session (none: removed) and, when undecided, both sides' records."""

    session: PlannedSession | None
    undecided: bool = False
    ours: SessionRecord | None = None
    theirs: SessionRecord | None = None


def merge_session(
    base: Base, ours: PlannedSession | None, theirs: PlannedSession | None
) -> SessionDecision:
    """Decide one session from its base and both sides (see the module doc)."""
    if ours is not None and theirs is not None:
        return _merge_both(base, ours, theirs)
    present = ours if ours is not None else theirs
    if present is None:
        return SessionDecision(None)  # removed on both sides, or never there
    if base is None:
        return SessionDecision(present.model_copy(deep=True))  # added on one side
    # The other side removed it (an edit, or an amendment that dropped a catch-up).
    changed_record = is_recorded(present) and (
        isinstance(base, Unknown) or record_of(present) != record_of(base)
    )
    if not changed_record:
        return SessionDecision(None)
    record = record_of(present)
    return SessionDecision(
        present.model_copy(deep=True),
        undecided=True,
        ours=record if ours is not None else None,
        theirs=record if theirs is not None else None,
    )


def _merge_both(base: Base, ours: PlannedSession, theirs: PlannedSession) -> SessionDecision:
    merged = _merge_fields(base, ours, theirs, _other_fields())
    if not is_recorded(ours) and not is_recorded(theirs):
        merged.update(_merge_group(base, ours, theirs, PLACEMENT_FIELDS))
        merged.update(_merge_fields(base, ours, theirs, _record_fields_but_date()))
        return SessionDecision(_build(ours, merged))
    if is_recorded(ours) != is_recorded(theirs):
        recorder = ours if is_recorded(ours) else theirs
        merged.update(_values(recorder, (*RECORD_FIELDS, *PLACEMENT_FIELDS)))
        return SessionDecision(_build(ours, merged))
    mine, yours = record_of(ours), record_of(theirs)
    known = base if isinstance(base, PlannedSession) else None
    before = record_of(known) if known is not None else None
    if mine == yours or yours == before:
        chosen, undecided = ours, False
    elif mine == before:
        chosen, undecided = theirs, False
    else:
        chosen, undecided = ours, True
    merged.update(_values(chosen, (*RECORD_FIELDS, *PLACEMENT_FIELDS)))
    if not undecided:
        return SessionDecision(_build(ours, merged))
    return SessionDecision(_build(ours, merged), undecided=True, ours=mine, theirs=yours)


def _other_fields() -> tuple[str, ...]:
    taken = {*_IDENTITY_FIELDS, *RECORD_FIELDS, *PLACEMENT_FIELDS}
    return tuple(f for f in PlannedSession.model_fields if f not in taken)


def _record_fields_but_date() -> tuple[str, ...]:
    return tuple(f for f in RECORD_FIELDS if f not in PLACEMENT_FIELDS)


def _values(session: PlannedSession, fields: Sequence[str]) -> dict[str, Any]:
    return {f: getattr(session, f) for f in fields}


def _merge_fields(
    base: Base, ours: PlannedSession, theirs: PlannedSession, fields: Sequence[str]
) -> dict[str, Any]:
    """Each field on its own: the side that changed it wins; both changed: the larger value."""
    merged: dict[str, Any] = {}
    for name in fields:
        merged.update(_merge_group(base, ours, theirs, (name,)))
    return merged


def _merge_group(
    base: Base, ours: PlannedSession, theirs: PlannedSession, fields: Sequence[str]
) -> dict[str, Any]:
    """Fields that belong together (date, time, place), taken from one side as a whole."""
    mine, yours = _values(ours, fields), _values(theirs, fields)
    if isinstance(base, PlannedSession):
        before = _values(base, fields)
        if mine == before:
            return yours
        if yours == before:
            return mine
    if mine == yours:
        return mine
    # Both moved it: the later placement, so the result is the same whichever side is ours.
    return max(mine, yours, key=lambda values: [_sortable(values[f]) for f in fields])


def _sortable(value: Any) -> tuple[bool, str]:
    return (value is not None, str(value))


def _build(template: PlannedSession, values: dict[str, Any]) -> PlannedSession:
    data = template.model_dump()
    data.update(values)
    return PlannedSession.model_validate(data)
