"""The shipped library: valid, complete, and written to the content rules for each session."""

from __future__ import annotations

import re
import tomllib
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from hii_planner.library.loader import (
    LIBRARY_FILE,
    Library,
    LibraryCheck,
    check_library,
    default_library_path,
)
from hii_planner.library.models import Module, Session

LIBRARY_PATH = default_library_path()
TRACKS = {
    "engagement",
    "identity",
    "emotions",
    "thinking",
    "relationships",
    "faith-politics",
    "future",
}
NEEDS_PER_DIMENSION = {"engagement": 13, "intent": 6, "capability": 3}
# Assessment and risk vocabulary that belongs in facilitator notes, never on a handout.
FACILITATOR_ONLY = re.compile(
    r"\b(risks?|risky|erg|extremists?|extremism|offenders?|dehumani[sz]ation)\b", re.IGNORECASE
)
WORD = re.compile(r"\w[\w'’-]*")


def _read_toml(file: Path) -> dict[str, Any]:
    return tomllib.loads(file.read_text(encoding="utf-8"))


def _load_modules() -> list[Module]:
    """Every module file that parses, read directly so one bad file spoils no other test."""
    modules = []
    for file in sorted(LIBRARY_PATH.glob("*.toml")):
        if file.name == LIBRARY_FILE:
            continue
        try:
            modules.append(Module.model_validate(_read_toml(file)))
        except (tomllib.TOMLDecodeError, ValidationError):
            continue  # reported with file and line by the no-errors test
    return modules


MODULES = _load_modules()
NEED_IDS = [need["id"] for need in _read_toml(LIBRARY_PATH / LIBRARY_FILE).get("needs", [])]
SESSIONS = [
    pytest.param(module, session, id=f"{module.id}/{session.id}")
    for module in MODULES
    for session in module.sessions
]


def words(text: str) -> int:
    """The number of words in *text*, ignoring Markdown punctuation such as list dashes."""
    return len(WORD.findall(text))


def participant_texts(session: Session) -> list[str]:
    """Everything from a session that a participant reads: title, body, questions, easy read."""
    assert session.handout is not None
    handout = session.handout
    return [
        handout.title or session.title,
        handout.body,
        *handout.reflection,
        handout.easy_read or "",
    ]


@pytest.fixture(scope="module")
def checked() -> LibraryCheck:
    return check_library(LIBRARY_PATH)


@pytest.fixture(scope="module")
def library(checked: LibraryCheck) -> Library:
    assert checked.library is not None, "\n".join(str(p) for p in checked.errors)
    return checked.library


def test_the_shipped_library_has_no_errors_or_warnings(checked: LibraryCheck) -> None:
    # `library check` on the shipped library reports nothing at all, not even a warning.
    problems = [str(p) for p in (*checked.errors, *checked.warnings)]
    assert problems == []


def test_the_library_is_big_enough_for_real_plans(library: Library) -> None:
    # Enough modules and sessions to tailor a 10 to 32 session plan.
    assert len(library.modules) >= 12
    assert sum(len(m.sessions) for m in library.modules.values()) >= 36


def test_the_needs_catalogue_has_22_needs_in_three_dimensions(library: Library) -> None:
    # The catalogue follows the 22 factors: 13 engagement, 6 intent, 3 capability.
    assert len(library.needs) == 22
    assert Counter(n.dimension for n in library.needs.values()) == NEEDS_PER_DIMENSION


def test_every_track_exists_and_holds_a_module(library: Library) -> None:
    # The seven tracks are defined, and each has at least one module.
    assert {t.id for t in library.info.tracks} == TRACKS
    assert {m.track for m in library.modules.values()} == TRACKS


def test_most_needs_are_addressed_by_some_module(library: Library) -> None:
    # At least 18 of the 22 needs have a module that works on them.
    addressed = {need for m in library.modules.values() for need in m.addresses}
    assert len(addressed) >= 18, sorted(set(library.needs) - addressed)


def test_modules_are_linked_by_prerequisites(library: Library) -> None:
    # The library exercises hard, either-or and soft ordering between modules.
    modules = library.modules.values()
    assert sum(1 for m in modules if m.requires or m.requires_any) >= 5
    assert sum(1 for m in modules if m.after) >= 2


def test_some_sessions_are_optional_but_no_module_is_all_optional(library: Library) -> None:
    # Facilitators can drop optional sessions, yet every module keeps a required one.
    sessions = [s for m in library.modules.values() for s in m.sessions]
    assert any(s.optional for s in sessions)
    assert [m.id for m in library.modules.values() if all(s.optional for s in m.sessions)] == []


def test_getting_started_opens_and_future_self_closes_every_plan(library: Library) -> None:
    # The engagement module is core and first; the future-self module is core and last.
    first, last = library.module("getting-started"), library.module("future-self")
    assert (first.core, first.placement) == (True, "first")
    assert (last.core, last.placement) == (True, "last")


def test_three_screening_questions_are_asked_before_planning(library: Library) -> None:
    # Suitability, mental-health crisis and willingness are screened.
    assert len(library.info.screening) == 3


def test_at_least_a_third_of_sessions_have_an_easy_read_handout(library: Library) -> None:
    # Easy-read handouts exist for a good share of the programme.
    sessions = [s for m in library.modules.values() for s in m.sessions]
    easy = [s for s in sessions if s.handout is not None and s.handout.easy_read]
    assert len(easy) * 3 >= len(sessions)


def test_no_library_file_says_offender() -> None:
    # Respectful language everywhere: "participant" or "person", never "offender".
    files = sorted(LIBRARY_PATH.iterdir())
    assert files
    found = [f.name for f in files if "offender" in f.read_text(encoding="utf-8").lower()]
    assert found == []


def test_no_two_sessions_share_a_sentence() -> None:
    # No copy-paste between sessions: every longer sentence appears in one session only.
    places: dict[str, set[str]] = defaultdict(set)
    for module in MODULES:
        for session in module.sessions:
            texts = [session.facilitator_notes, *session.activities, *participant_texts(session)]
            for sentence in re.split(r"[.!?:;]\s", " ".join(texts)):
                normal = " ".join(WORD.findall(sentence.lower()))
                if len(normal.split()) >= 8:
                    places[normal].add(f"{module.id}/{session.id}")
    repeated = {sentence: sorted(where) for sentence, where in places.items() if len(where) > 1}
    assert repeated == {}


@pytest.mark.parametrize(("module", "session"), SESSIONS)
def test_session_length_is_realistic(module: Module, session: Session) -> None:
    # Sessions last between one and two hours.
    assert 60 <= session.minutes <= 120


@pytest.mark.parametrize(("module", "session"), SESSIONS)
def test_session_gives_the_facilitator_a_plan(module: Module, session: Session) -> None:
    # 2-4 objectives, 2-5 activities, 1-4 materials and 60-200 words of facilitator notes.
    assert 2 <= len(session.objectives) <= 4
    assert 2 <= len(session.activities) <= 5
    assert 1 <= len(session.materials) <= 4
    assert 60 <= words(session.facilitator_notes) <= 200


@pytest.mark.parametrize(("module", "session"), SESSIONS)
def test_handout_fills_a_printed_page(module: Module, session: Session) -> None:
    # A handout body of 180+ words, 2-4 reflection questions, and a short easy read if any.
    assert session.handout is not None
    assert words(session.handout.body) >= 180
    assert 2 <= len(session.handout.reflection) <= 4
    if session.handout.easy_read is not None:
        assert 60 <= words(session.handout.easy_read) <= 150


@pytest.mark.parametrize(("module", "session"), SESSIONS)
def test_participant_text_has_no_assessment_language(module: Module, session: Session) -> None:
    # Handouts carry no risk or assessment terms and no need ids.
    text = "\n".join(participant_texts(session))
    found = [m.group(0) for m in FACILITATOR_ONLY.finditer(text)]
    found += [need for need in NEED_IDS if need in text.lower()]
    assert found == []
