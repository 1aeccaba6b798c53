"""The shipped library: valid, complete, and written to the content rules for each session."""

from __future__ import annotations

import re
import tomllib
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from hii_planner import (
    Library,
    LibraryCheck,
    check_library,
    default_library_path,
)
from hii_planner.library.loader import LIBRARY_FILE
from hii_planner.library.models import Handout, Module, Session
from tests.conftest import make_plan
from tests.readability import reading_ease

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
# Figures of speech that easy-read guidance asks authors to avoid (the first edition had them).
FIGURES_OF_SPEECH = re.compile(
    r"\b(waves?|riding|ride out|heavy bag|backpack|table legs?|roots?|ripples?|round in circles|"
    r"knock\w*|off course|fork in the road|road ahead|on track|tank|fuel|blood boil|head up|"
    r"squeezed|anchor\w*|traffic|in your corner|rough patch|let them land)\b",
    re.IGNORECASE,
)
# Words an easy-read reader may not know: replaced or explained in the first edition's place.
HARD_WORDS = re.compile(
    r"\b(facilitators?|involvement|custody|experiments?|supervising|formulation)\b", re.IGNORECASE
)
# Prompts that ask for a disclosure belong in `discuss` (for talking), never on writing lines.
SENSITIVE_PROMPT = re.compile(
    r"never (told|said)|still agree|point of view|powerless|who was affected|truly yours",
    re.IGNORECASE,
)
# Wording the second edition took out: assumptions about the participant, put-downs.
ASSUMPTIONS = re.compile(r"\b(dad|dads|stupid|hating)\b", re.IGNORECASE)
EASY_READ_EASE = 90  # Flesch reading ease, Markdown stripped: easy read and its page
BODY_EASE = 75  # ... and every handout body and homework
EASY_SENTENCE_WORDS = 18
MANAGED_ELSEWHERE = "managed elsewhere"


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
        *handout.discuss,
        handout.homework or "",
        handout.easy_read or "",
        *handout.easy_read_reflection,
    ]


def easy_read_page(handout: Handout) -> str:
    """What an easy-read handout prints: the easy read, its questions and the homework."""
    return "\n\n".join(
        [handout.easy_read or "", *handout.easy_read_reflection, handout.homework or ""]
    )


def sentences(markdown: str) -> list[str]:
    """The sentences of *markdown*, each list item counted as one."""
    return [s for s in re.split(r"(?<=[.!?:])\s+|\n", markdown) if WORD.search(s)]


def all_sessions(library: Library) -> list[tuple[Module, Session]]:
    return [(m, s) for m in library.modules.values() for s in m.sessions]


def plan_of(library: Library, modules: list[str]) -> list[tuple[str, str]]:
    """The (module, session) pairs, in order, of a plan built from the shipped library."""
    plan = make_plan(library, needs=(), modules=modules, facilitators=())
    return [(s.module, s.session) for s in plan.sessions]


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


def test_screening_asks_what_a_facilitator_needs_before_planning(library: Library) -> None:
    # Suitability, crisis, willingness, formulation, time left, language, adviser, other work.
    assert [q.id for q in library.info.screening] == [
        "ideology-driven",
        "mental-health-crisis",
        "ready-to-engage",
        "formulation-available",
        "enough-time",
        "language-needs",
        "adviser-available",
        "other-programmes",
    ]
    assert all(q.caution.strip() for q in library.info.screening)


@pytest.mark.parametrize(
    ("question", "module"),
    [
        pytest.param(
            "mental-health-crisis", "emotions-and-tolerance", id="crisis-stabilises-first"
        ),
        pytest.param(
            "ready-to-engage", "motivation-and-engagement", id="unwilling-motivation-first"
        ),
    ],
)
def test_screening_that_raises_a_caution_acts(library: Library, question: str, module: str) -> None:
    # A crisis adds the emotions work and an unwilling participant the motivation work, first.
    found = next(q for q in library.info.screening if q.id == question)
    assert (found.adds, found.first) == ([module], True)


def test_consent_is_recorded_in_a_required_session_of_every_plan(library: Library) -> None:
    # The consent activity sits in a required session of a core module, never an optional one.
    consent = [
        (m, s)
        for m, s in all_sessions(library)
        if any("record consent" in activity.lower() for activity in s.activities)
    ]
    assert consent
    assert all(m.core and not s.optional for m, s in consent)


def test_a_stabilising_session_comes_before_life_story_and_grievance_work(
    library: Library,
) -> None:
    # Staying steady (core, required) is planned before my-story and grievance sessions.
    steady = library.module("getting-started").session("steady-ground")
    assert steady is not None and not steady.optional
    order = plan_of(library, ["grievance-and-injustice", "my-story"])
    first_hard = min(
        order.index(p) for p in order if p[0] in {"my-story", "grievance-and-injustice"}
    )
    assert order.index(("getting-started", "steady-ground")) < first_hard


def test_the_twin_track_runs_beside_the_work(library: Library) -> None:
    # Two faith-politics modules, 5+ sessions, the later one after identity work, a provider.
    track = next(t for t in library.info.tracks if t.id == "faith-politics")
    assert track.twin and track.provider
    modules = [m for m in library.modules.values() if m.track == "faith-politics"]
    assert len(modules) >= 2
    assert sum(len(m.sessions) for m in modules) >= 5
    assert any("identity-and-belonging" in m.after for m in modules)
    order = plan_of(library, ["faith-in-daily-life", "identity-and-belonging"])
    last_identity = max(i for i, p in enumerate(order) if p[0] == "identity-and-belonging")
    first_later = min(i for i, p in enumerate(order) if p[0] == "faith-in-daily-life")
    assert last_identity < first_later


def test_no_faith_module_is_linked_with_harmful_ends(library: Library) -> None:
    # Harmful end objectives are worked on in the beliefs work, never in a faith module.
    faith = [m for m in library.modules.values() if m.track == "faith-politics"]
    assert all("harmful-end-objectives" not in m.addresses for m in faith)
    assert all(
        "harmful-end-objectives" not in (s.addresses or []) for m in faith for s in m.sessions
    )


def test_participant_text_promises_no_adviser_unconditionally(library: Library) -> None:
    # A specialist adviser is offered "if one is available", never as a certainty.
    for m, s in all_sessions(library):
        for text in participant_texts(s):
            if re.search(r"adviser|expert", text, re.IGNORECASE):
                assert re.search(r"if (one|there) is( one)?( available)?", text), f"{m.id}/{s.id}"


def test_the_plan_size_range_is_the_public_catalogue_range(library: Library) -> None:
    # A plan usually has 10 to 32 sessions.
    assert library.info.sessions is not None
    assert (library.info.sessions.min, library.info.sessions.max) == (10, 32)


def test_progress_reviews_are_part_of_every_plan(library: Library) -> None:
    # A one-session review module, every 6-8 sessions and a final one; not core, no needs.
    rule = library.info.review
    assert rule is not None
    assert 6 <= rule.every <= 8 and rule.final
    review = library.module(rule.module)
    assert [s.kind for s in review.sessions] == ["review"]
    assert not review.core and review.addresses == []
    assert all(s.kind == "session" for m, s in all_sessions(library) if m.id != rule.module)


def test_notes_name_reviews_as_the_rule_plans_them(library: Library) -> None:
    # No note refers to a "mid-point review": the rule plans progress reviews, not a mid-point.
    for m, s in all_sessions(library):
        assert "mid-point review" not in s.facilitator_notes, f"{m.id}/{s.id}"


def test_every_need_is_addressed_by_a_required_session_or_managed_elsewhere(
    library: Library,
) -> None:
    # Coverage is honest: a required session works on each need, or its description says why not.
    covered = {
        need
        for m, s in all_sessions(library)
        if not s.optional
        for need in (s.addresses if s.addresses is not None else m.addresses)
    }
    thin = [
        n.id
        for n in library.needs.values()
        if n.id not in covered and MANAGED_ELSEWHERE not in n.description
    ]
    assert thin == []


def test_session_addresses_stay_within_their_module(library: Library) -> None:
    # A session works on needs its module is recommended for, so choosing a need finds it.
    for m, s in all_sessions(library):
        assert set(s.addresses or []) <= set(m.addresses), f"{m.id}/{s.id}"


def test_facilitators_can_tailor_within_modules(library: Library) -> None:
    # At least 12 optional sessions, each saying in its notes when to leave it out.
    optional = [(m, s) for m, s in all_sessions(library) if s.optional]
    assert len(optional) >= 12
    for m, s in optional:
        assert "leave it out" in s.facilitator_notes.lower(), f"{m.id}/{s.id}"


def test_tasks_between_sessions_are_homework(library: Library) -> None:
    # Practice tasks sit in `homework` (printed under "Before next time"), not in the text.
    handouts = [s.handout for _, s in all_sessions(library) if s.handout is not None]
    assert sum(1 for h in handouts if h.homework) >= 20
    task = re.compile(r"something to try|try this", re.IGNORECASE)
    assert [
        h.title for h in handouts if task.search(h.body) or task.search(h.easy_read or "")
    ] == []


@pytest.mark.parametrize(
    ("where", "prompt"),
    [
        pytest.param(
            "grievance-and-injustice/what-feels-unfair", "never told anyone", id="untold-wrong"
        ),
        pytest.param(
            "beliefs-and-justifications/reasons-i-gave-myself", "still agree", id="old-reasons"
        ),
        pytest.param(
            "faith-politics-meaning/many-voices", "never said out loud", id="unspoken-question"
        ),
    ],
)
def test_the_first_editions_sensitive_prompts_are_now_for_talking(
    library: Library, where: str, prompt: str
) -> None:
    # The prompts the review named are kept, as questions to talk about.
    module_id, session_id = where.split("/")
    session = library.module(module_id).session(session_id)
    assert session is not None and session.handout is not None
    assert any(prompt in question for question in session.handout.discuss)


def test_handout_prose_is_readable_before_and_after_easy_read(library: Library) -> None:
    # The whole library meets the readability floors (the per-session tests name the failures).
    handouts = [s.handout for _, s in all_sessions(library) if s.handout is not None]
    assert min(reading_ease(h.body) for h in handouts) >= BODY_EASE
    assert min(reading_ease(h.easy_read or "") for h in handouts) >= EASY_READ_EASE


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
    # A handout body of 180+ words, 2-4 reflection questions, and a short easy read.
    assert session.handout is not None
    assert words(session.handout.body) >= 180
    assert 2 <= len(session.handout.reflection) <= 4
    assert session.handout.easy_read is not None
    assert 60 <= words(session.handout.easy_read) <= 150


@pytest.mark.parametrize(("module", "session"), SESSIONS)
def test_easy_read_follows_the_easy_read_guidance(module: Module, session: Session) -> None:
    # Plain words, no figures of speech, short sentences, its own questions; Flesch 90 or more.
    handout = session.handout
    assert handout is not None and handout.easy_read is not None
    page = easy_read_page(handout)
    assert [m.group(0) for m in FIGURES_OF_SPEECH.finditer(page)] == []
    assert [m.group(0) for m in HARD_WORDS.finditer(page)] == []
    assert [
        s for s in sentences(handout.easy_read) if len(WORD.findall(s)) > EASY_SENTENCE_WORDS
    ] == []
    assert 2 <= len(handout.easy_read_reflection) <= 3
    assert reading_ease(handout.easy_read) >= EASY_READ_EASE
    assert reading_ease(page) >= EASY_READ_EASE


@pytest.mark.parametrize(("module", "session"), SESSIONS)
def test_handout_body_and_homework_are_plain_english(module: Module, session: Session) -> None:
    # Flesch reading ease 75 or more; homework short (40 words at most) and left to choice.
    handout = session.handout
    assert handout is not None
    assert reading_ease(handout.body) >= BODY_EASE
    if handout.homework is not None:
        assert words(handout.homework) <= 40
        assert reading_ease(handout.homework) >= BODY_EASE


@pytest.mark.parametrize(("module", "session"), SESSIONS)
def test_sensitive_prompts_are_for_talking_not_writing(module: Module, session: Session) -> None:
    # Disclosure prompts sit in `discuss`; reflection lines and homework never ask for them.
    handout = session.handout
    assert handout is not None
    written = [*handout.reflection, *handout.easy_read_reflection, handout.homework or ""]
    assert [q for q in written if SENSITIVE_PROMPT.search(q)] == []


@pytest.mark.parametrize(("module", "session"), SESSIONS)
def test_participant_text_makes_no_assumptions(module: Module, session: Session) -> None:
    # Neutral examples (no "a son, a dad"), no put-downs, nothing that assumes hate.
    text = "\n".join(participant_texts(session))
    assert [m.group(0) for m in ASSUMPTIONS.finditer(text)] == []


@pytest.mark.parametrize(("module", "session"), SESSIONS)
def test_participant_text_has_no_assessment_language(module: Module, session: Session) -> None:
    # Handouts carry no risk or assessment terms and no need ids.
    text = "\n".join(participant_texts(session))
    found = [m.group(0) for m in FACILITATOR_ONLY.finditer(text)]
    found += [need for need in NEED_IDS if need in text.lower()]
    assert found == []
