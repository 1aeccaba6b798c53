"""The needs each library session addresses, as coverage by need reads them.

`plan show` shows coverage without building the library's models: the needs are kept
beside the library's listings in the cache and read back as `SessionNeeds`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hii_planner.library.loader import Library


def session_needs(library: Library, module_id: str, session_id: str) -> list[str]:
    """The needs a library session addresses: its own list, or else its module's."""
    module = library.modules.get(module_id)
    if module is None:
        return []
    session = module.session(session_id)
    if session is None or session.kind == "review":
        return []
    return list(session.addresses if session.addresses is not None else module.addresses)


@dataclass(frozen=True)
class SessionNeeds:
    """Need titles and each session's needs (``"module/session"`` → needs), as plain data."""

    titles: Mapping[str, str]
    sessions: Mapping[str, tuple[str, ...]]

    @classmethod
    def of(cls, library: Library, *, only: Iterable[tuple[str, str]] | None = None) -> SessionNeeds:
        """What *library* says of every session, or of the (module, session) pairs *only*.

        Review sessions address no need.
        """
        pairs = (
            only
            if only is not None
            else ((m.id, s.id) for m in library.modules.values() for s in m.sessions)
        )
        return cls(
            titles={n.id: n.title for n in library.needs.values()},
            sessions={f"{m}/{s}": tuple(session_needs(library, m, s)) for m, s in pairs},
        )

    @classmethod
    def from_json(cls, titles: Mapping[str, str], data: Mapping[str, Any]) -> SessionNeeds:
        """Read back what `to_json` gave, with the need titles of the library's info."""
        return cls(titles=dict(titles), sessions={k: tuple(v) for k, v in data.items()})

    def to_json(self) -> dict[str, list[str]]:
        """The sessions' needs as JSON (titles are in the library's info already)."""
        return {key: list(needs) for key, needs in self.sessions.items()}

    def of_session(self, module_id: str, session_id: str) -> tuple[str, ...]:
        """The needs one session addresses (none for a session the library lacks)."""
        return self.sessions.get(f"{module_id}/{session_id}", ())

    def title(self, need: str) -> str:
        """The need's title, or its id when the library does not name it."""
        return self.titles.get(need, need)
