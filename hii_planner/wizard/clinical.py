"""What the guided planner says about clinical consequences before an answer is saved."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from hii_planner.library.loader import Library
from hii_planner.library.models import ScreeningQuestion
from hii_planner.library.session_needs import session_needs
from hii_planner.planning.screening import what_it_adds
from hii_planner.wizard.prompts import Option

NOT_ANSWERED = "not-answered"


def screening_options(question: ScreeningQuestion) -> list[Option]:
    """Yes, no and not answered, each saying what it will add to the plan."""
    return [
        Option("yes", "Yes", description=what_it_adds(question, True)),
        Option("no", "No", description=what_it_adds(question, False)),
        Option(NOT_ANSWERED, "Not answered yet", description="nothing is recorded or added"),
    ]


def only_sessions(
    library: Library, modules: Sequence[str], needs: Sequence[str], skipped: Collection[str]
) -> dict[str, list[str]]:
    """The needs for which a session (``module/session``) is the only one left, by session.

    Leaving such a session out would leave those needs unaddressed.
    """
    found: dict[str, list[str]] = {}
    for need in needs:
        refs = [
            f"{m}/{s.id}"
            for m in modules
            if m in library.modules
            for s in library.modules[m].sessions
            if f"{m}/{s.id}" not in skipped and need in session_needs(library, m, s.id)
        ]
        if len(refs) == 1:
            found.setdefault(refs[0], []).append(need)
    return found


def unaddressed_by_skipping(
    library: Library, modules: Sequence[str], needs: Sequence[str], skipped: Sequence[str]
) -> list[str]:
    """A sentence for each assessed need that the *skipped* sessions leave unaddressed."""
    before = set(skipped)
    notes = []
    for ref in skipped:
        alone = only_sessions(library, modules, needs, before - {ref}).get(ref, [])
        for need in alone:
            title = library.needs[need].title if need in library.needs else need
            notes.append(f"leaving out {ref} leaves {title} unaddressed: it was its only session")
    return notes
