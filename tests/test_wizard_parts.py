"""The guided planner's parts: references, ticks to answers, typed-answer checks, drafts."""

from __future__ import annotations

import json
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from hii_planner import Library, request_from
from hii_planner.dates import date_problem
from hii_planner.wizard.drafts import Draft, DraftStore
from hii_planner.wizard.module_ticks import modules_answer
from hii_planner.wizard.reference import generate_reference, looks_like_name, reference_problem
from hii_planner.wizard.steps_shape import budget_problem
from tests.conftest import LibraryFactory, fixture_library, module

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("reference", "name_like"),
    [
        pytest.param("P-0042", False, id="code"),
        pytest.param("P-7F3K", False, id="generated"),
        pytest.param("CRN-2026-118", False, id="case-number"),
        pytest.param("P-AAAA", False, id="generated-shape-all-letters"),
        pytest.param("P-ABCD", False, id="generated-shape-letters"),
        pytest.param("CRN-QBXT", False, id="case-code-letters"),
        pytest.param("J-SMITH", True, id="initial-and-surname-in-capitals"),
        pytest.param("JANE-SMITH", True, id="name-in-capitals"),
        pytest.param("P-Jane", True, id="prefix-and-a-name"),
        pytest.param("Smith", True, id="surname"),
        pytest.param("JS", True, id="initials"),
        pytest.param("jane.doe", True, id="letters-with-a-dot"),
        pytest.param("Jane-Smith-01", True, id="two-capitalised-words"),
        pytest.param("JaneSmith", True, id="joined-capitalised-words"),
        pytest.param("JaneSmith7", True, id="joined-words-and-a-digit"),
    ],
)
def test_name_like_references(reference: str, name_like: bool) -> None:
    # Letters only, or capitalised words, read like a name or initials; codes do not,
    # including the generated shape in letters only (P-ABCD), which is not questioned.
    assert looks_like_name(reference) is name_like


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        pytest.param("P-0042", None, id="fine"),
        pytest.param("  P-0042 ", None, id="spaces-around"),
        pytest.param("", "a reference is needed, such as P-0042", id="empty"),
        pytest.param(
            "P 42",
            "use up to 40 letters, digits, '.', '_' or '-', without spaces, starting with a "
            "letter or digit, such as P-0042",
            id="space-inside",
        ),
        pytest.param("-P42", reference_problem("P 42"), id="leading-dash"),
        pytest.param("P" * 41, reference_problem("P 42"), id="too-long"),
    ],
)
def test_reference_problems(value: str, problem: str | None) -> None:
    # The reference prompt refuses what a plan file cannot hold, saying what is allowed.
    assert reference_problem(value) == problem


def test_generated_references_have_a_digit_and_avoid_taken_ones() -> None:
    # A generated reference always has a digit (never name-like) and skips taken ones.
    letters = iter("ABCDEFG2HJK3")
    reference = generate_reference(lambda ref: ref == "P-EFG2", choice=lambda _: next(letters))
    assert reference == "P-HJK3"
    for _ in range(200):
        fresh = generate_reference()
        assert re.fullmatch(r"P-[A-HJ-NP-Z2-9]{4}", fresh)
        assert not looks_like_name(fresh)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        pytest.param("2027-01-04", None, id="date"),
        pytest.param(
            "2027-02-30", "2027-02-30 is not a date: February 2027 has 28 days", id="no-such-day"
        ),
        pytest.param(
            "04/01/2027",
            "dates are YYYY-MM-DD: did you mean 2027-01-04 (4 January) or 2027-04-01 (1 April)?",
            id="other-format",
        ),
        pytest.param(
            "2027-W01-1",
            "'2027-W01-1' is not a date: dates are YYYY-MM-DD, such as 2027-01-04",
            id="iso-week",
        ),
    ],
)
def test_date_problems(value: str, problem: str | None) -> None:
    # The wizard's start date goes through the one date parser, with its messages.
    assert date_problem(value) == problem


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        pytest.param("", None, id="no-limit"),
        pytest.param("12", None, id="number"),
        pytest.param("0", "a whole number from 1 to 500, or nothing for no limit", id="zero"),
        pytest.param("501", budget_problem("0"), id="too-many"),
        pytest.param("ten", budget_problem("0"), id="words"),
    ],
)
def test_budget_problems(value: str, problem: str | None) -> None:
    # The budget is empty (no limit) or a whole number the request accepts.
    assert budget_problem(value) == problem


CORE = {"welcome", "close"}
SHOWN_FOR_BELONGING = CORE | {"story", "identity"}


@pytest.mark.parametrize(
    ("needs", "ticked", "shown", "previous", "expected"),
    [
        pytest.param(
            ["belonging"], SHOWN_FOR_BELONGING, SHOWN_FOR_BELONGING, ([], []), ([], []),
            id="as-pre-ticked",
        ),
        pytest.param(
            ["belonging"], SHOWN_FOR_BELONGING | {"extra"}, SHOWN_FOR_BELONGING, ([], []),
            (["extra"], []), id="one-added",
        ),
        pytest.param(
            ["belonging"], CORE | {"identity"}, SHOWN_FOR_BELONGING, ([], []),
            ([], ["story"]), id="required-one-unticked-is-excluded",
        ),
        pytest.param(
            ["belonging"], CORE, SHOWN_FOR_BELONGING, ([], []),
            ([], ["identity"]), id="recommended-and-its-requirement-unticked",
        ),
        pytest.param(
            [], CORE | {"identity", "story"}, CORE, ([], []),
            (["identity"], []), id="requirement-of-a-chosen-one-is-not-chosen",
        ),
        pytest.param(
            [], CORE | {"identity"}, CORE, ([], []),
            (["identity"], []), id="requirement-not-shown-is-not-excluded",
        ),
        pytest.param(
            [], CORE, CORE | {"extra"}, (["extra"], []),
            ([], []), id="chosen-one-unticked-is-just-not-chosen",
        ),
        pytest.param(
            [], CORE | {"extra", "story"}, CORE | {"extra", "story"}, (["story", "extra"], []),
            (["story", "extra"], []), id="earlier-choices-keep-their-order",
        ),
        pytest.param(
            ["belonging"], SHOWN_FOR_BELONGING, SHOWN_FOR_BELONGING, ([], ["beliefs"]),
            ([], ["beliefs"]), id="earlier-exclusion-stays",
        ),
    ],
)  # fmt: skip
def test_ticks_become_chosen_and_excluded_modules(
    make_library: LibraryFactory,
    needs: list[str],
    ticked: set[str],
    shown: set[str],
    previous: tuple[list[str], list[str]],
    expected: tuple[list[str], list[str]],
) -> None:
    # A ticked module the needs would not bring in is chosen; an unticked one that was
    # pre-ticked (or excluded before) and would still come in is excluded.
    library: Library = fixture_library(make_library, "wizard")
    request = request_from({"participant": "P-1", "needs": needs})
    answer = modules_answer(
        library,
        request,
        ticked=ticked,
        shown=shown,
        previous_modules=previous[0],
        previous_exclude=previous[1],
    )
    assert answer == expected


def test_drafts_are_private_and_round_trip(tmp_path: Path) -> None:
    # A draft is written 0600 in a 0700 folder, read back as written, and deleted.
    store = DraftStore("new-plan", folder=tmp_path / "data" / "drafts")
    draft = Draft(
        answers={"participant": "P-0042", "schedule": {"start": "2027-01-04"}},
        step="needs",
        saved="2026-11-18T07:06:40+00:00",
        library="Test library 1",
        library_digest="sha256:0",
        reviewing=True,
    )
    store.save(draft)
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700
    assert store.load() == draft
    store.discard()
    assert not store.exists()
    assert store.load() is None


@pytest.mark.parametrize(
    "content",
    [
        pytest.param("not json", id="not-json"),
        pytest.param(json.dumps({"format": "something-else"}), id="other-format"),
        pytest.param(json.dumps({"format": "hii-planner-draft"}), id="missing-keys"),
    ],
)
def test_an_unreadable_draft_is_ignored(tmp_path: Path, content: str) -> None:
    # A damaged draft is treated as no draft, so the planner starts afresh.
    store = DraftStore("new-plan", folder=tmp_path)
    store.path.write_text(content, encoding="utf-8")
    assert store.load() is None


def test_questionary_is_imported_by_the_prompt_module_only() -> None:
    # Only hii_planner/wizard/prompts.py imports questionary (ruff bans it outside the wizard).
    importing = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "hii_planner").rglob("*.py")
        if re.search(r"^\s*(import questionary|from questionary)", path.read_text("utf-8"), re.M)
    )
    assert importing == ["hii_planner/wizard/prompts.py"]


def test_plan_new_without_input_never_loads_questionary(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    # `plan new --no-input` runs without importing questionary or prompt_toolkit at all.
    folder = make_library([module("only", core=True)])
    code = (
        "import sys\n"
        "from hii_planner.cli.app import app\n"
        "try:\n"
        f"    app(['--library', {str(folder)!r}, 'plan', 'new', '--no-input',"
        f" '--participant', 'P-0001', '--out', {str(tmp_path / 'p.toml')!r}])\n"
        "except SystemExit as stop:\n"
        "    assert not stop.code, stop.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('questionary', 'prompt_toolkit')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert done.stdout.strip() == "[]"
    assert (tmp_path / "p.toml").is_file()


def test_the_preview_fits_80_columns_without_colour(make_library: LibraryFactory) -> None:
    # The preview of a plan with recorded sessions stays within 80 columns and, with
    # NO_COLOR set (as in every test), carries no colour, even on a colour terminal.
    import io

    from rich.console import Console

    from hii_planner import build_plan, clock, replan
    from hii_planner.wizard.preview import show_preview

    library = fixture_library(make_library, "wizard")
    request = request_from(
        {"participant": "P-0042", "needs": ["belonging", "us-and-them"], "twin_track": "faith"}
    )
    plan = build_plan(library, request, now=clock.now()).plan
    plan.sessions[0].status = "delivered"
    plan.sessions[1].status = "missed"
    edited = replan(library, plan, request, now=clock.now())
    out = io.StringIO()
    console = Console(file=out, width=80, force_terminal=True)
    show_preview(console, library, edited.result, diff=edited.diff)
    text = out.getvalue()
    assert not re.search(r"\x1b\[(3\d|9\d|38;)", text)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert max(len(line) for line in plain.splitlines()) <= 80
    assert "delivered" in plain
    assert "Changes:" in plain


def test_twin_track_offers_only_marked_tracks(make_library: LibraryFactory) -> None:
    # When a library marks tracks as twin tracks, only those are offered; otherwise any
    # track with some (but not all) of the planned sessions is.
    import datetime as dt
    from typing import Any

    from hii_planner.wizard.state import WizardState
    from hii_planner.wizard.steps_shape import _twin_tracks

    answers = {"participant": "P-0042", "modules": ["status-work", "beliefs"]}

    def offered(info: dict[str, Any], name: str) -> list[str]:
        library = fixture_library(make_library, "wizard", info=info, name=name)
        state = WizardState(
            library=library,
            prompter=None,  # type: ignore[arg-type]  # no question is asked
            today=dt.date(2026, 11, 18),
            now=dt.datetime(2026, 11, 18, tzinfo=dt.UTC),
            answers=dict(answers),
        )
        return [track.id for track, _, _ in _twin_tracks(state)]

    assert offered({}, "unmarked") == ["main", "faith"]
    marked = [{"id": "main", "title": "Main"}, {"id": "faith", "title": "Faith", "twin": True}]
    assert offered({"tracks": marked}, "marked") == ["faith"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param("", None, id="empty-is-all-day"),
        pytest.param("09:30", None, id="a-time"),
        pytest.param("9:30", "a time on the 24-hour clock", id="one-digit-hour"),
        pytest.param("24:00", "a time on the 24-hour clock", id="no-hour-24"),
    ],
)
def test_the_time_question_checks_its_answer(text: str, problem: str | None) -> None:
    # A start time is HH:MM on the 24-hour clock, or nothing for all-day sessions.
    from hii_planner.wizard.steps_times import time_problem

    found = time_problem(text)
    assert (found is None) if problem is None else (found is not None and problem in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("none", [], id="none"),
        pytest.param("", [], id="enter"),
        pytest.param(
            "2026-12-21..2027-01-03",
            [{"start": "2026-12-21", "end": "2027-01-03", "reason": "establishment closure"}],
            id="keeps-the-earlier-reason",
        ),
        pytest.param(
            "2026-12-21..2027-01-03, 2027-04-01..2027-04-05",
            [
                {"start": "2026-12-21", "end": "2027-01-03", "reason": "establishment closure"},
                {"start": "2027-04-01", "end": "2027-04-05"},
            ],
            id="two-periods",
        ),
    ],
)
def test_the_closures_question_reads_periods(text: str, expected: list[dict[str, str]]) -> None:
    # Closures are START..END separated by commas; "none" (the default) means none.
    from hii_planner.wizard.steps_times import parse_closures

    earlier = [{"start": "2026-12-21", "end": "2027-01-03", "reason": "establishment closure"}]
    assert parse_closures(text, earlier) == expected


def test_a_backwards_closure_is_refused_at_its_prompt() -> None:
    # The question says what is wrong before the answer is taken.
    from hii_planner.wizard.steps_times import closures_problem

    assert closures_problem("2027-01-03..2026-12-21") == (
        "the closure 2027-01-03..2026-12-21 ends before it starts"
    )


@pytest.mark.parametrize("width", [100, 80, 60, 40])
def test_section_rules_never_wrap(width: int) -> None:
    # A step's heading rule fits on one line at any width, down to 40 columns.
    import io

    from rich.console import Console

    from hii_planner.wizard.preview import heading

    out = io.StringIO()
    heading(Console(file=out, width=width, no_color=True), "Sessions within the modules")
    lines = out.getvalue().strip("\n").splitlines()
    assert len(lines) == 1
    assert len(lines[0]) < width
    assert lines[0].startswith("── Sessions within the modules ─")
