"""The guided planner for a new plan, driven through its real questionary prompts."""

from __future__ import annotations

import datetime as dt
import re
import stat
from pathlib import Path

import pytest

from hii_planner import (
    ClosureRequest,
    PlanningError,
    PlanRequest,
    ScheduleRequest,
    build_plan,
    clock,
    dumps_plan,
    load_library,
    request_from,
)
from hii_planner.errors import CancelledByUser, InterruptedByUser
from hii_planner.wizard.drafts import NEW_PLAN, DraftStore
from tests.conftest import Cli, LibraryFactory, fixture_library, module
from tests.wizard_driver import (
    CTRL_C,
    DOWN,
    ENTER,
    SPACE,
    UP,
    down,
    plan_new,
    retype,
)

# With the frozen clock (Wednesday 2026-11-18) the default start is Thursday 2026-11-19.
DEFAULT_SCHEDULE = ScheduleRequest(
    start=dt.date(2026, 11, 19), cadence="weekly", weekdays=["thu"], holidays="england-and-wales"
)
# Schedule: start, cadence, weekday, holidays, time, place, closures.
SCHEDULE_DEFAULTS = [ENTER] * 7


def flat(text: str) -> str:
    """Text with its line breaks and runs of spaces folded, to find wrapped messages."""
    return " ".join(text.split())


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The default reference avoids plan files in the working folder: keep it private.
    monkeypatch.chdir(tmp_path)


def test_enter_at_every_prompt_saves_the_plan_the_scripted_path_builds(
    make_library: LibraryFactory,
) -> None:
    # Enter at every prompt gives a valid plan, under a generated reference, identical
    # to the plan `plan new --no-input` builds from the same answers; the draft is gone.
    library = fixture_library(make_library, "wizard")
    # participant, facilitator, screening, needs, modules, budget, schedule, save
    run = plan_new(library, [ENTER] * 5 + [ENTER] + SCHEDULE_DEFAULTS + [ENTER])
    assert run.error is None
    [result] = run.saved
    reference = result.plan.participant.reference
    assert re.fullmatch(r"P-[A-HJ-NP-Z2-9]{4}", reference)
    assert any(c.isdigit() for c in reference)
    # No schedule answers at all: the scripted path's defaults are the wizard's (one rule).
    expected = build_plan(library, PlanRequest(participant=reference), now=clock.now())
    assert dumps_plan(result.plan) == dumps_plan(expected.plan)
    assert result.plan.schedule.weekdays == DEFAULT_SCHEDULE.weekdays
    assert result.plan.sessions[0].date == dt.date(2026, 11, 19)
    assert "── Preview" in run.screen
    assert not DraftStore(NEW_PLAN).exists()


def test_enter_at_every_prompt_works_with_the_shipped_library() -> None:
    # The shipped library's defaults also give a plan with its core first and last modules.
    from hii_planner import default_library_path

    library = load_library(default_library_path())
    run = plan_new(library, [ENTER] * 40)
    assert run.error is None
    [result] = run.saved
    sessions = result.plan.sessions
    assert sessions[0].module == "getting-started"
    assert sessions[-1].module == "future-self"


def test_a_tailored_path_through_every_step(make_library: LibraryFactory) -> None:
    # Typed and chosen answers at every step make the same plan as the equivalent request;
    # a screening answer that raises a caution shows it at once, and only once (the
    # preview does not repeat it).
    library = fixture_library(make_library, "wizard")
    keys = [
        retype("P-0042"),
        "Facilitator A" + ENTER,
        "Facilitator B" + ENTER,
        UP + ENTER,  # screening: "No" raises the caution
        SPACE + DOWN + DOWN + SPACE + ENTER,  # needs: belonging, us-and-them
        down(3) + SPACE + ENTER,  # modules: add extra (pointer starts on story)
        SPACE + ENTER,  # sessions: untick identity/s2
        down(2) + ENTER,  # twin track: faith (off, main, faith)
        retype("8"),  # budget
        retype("2027-01-04"),  # a Monday
        DOWN + ENTER,  # twice a week: Monday and Thursday ticked
        down(2) + SPACE + DOWN + SPACE + ENTER,  # Monday and Wednesday
        DOWN + ENTER,  # Scotland
        retype("9:5"),  # not a time: the prompt stays open
        retype("10:30"),  # usual time
        retype("Interview room 2"),  # usual place
        retype("2027-01-11..2027-01-17, 2027-02-15..2027-02-19"),  # closures
        ENTER,  # save
    ]
    run = plan_new(library, keys)
    assert run.error is None, run.error
    [result] = run.saved
    expected = PlanRequest(
        participant="P-0042",
        facilitators=["Facilitator A", "Facilitator B"],
        screening={"ideology": False},
        needs=["belonging", "us-and-them"],
        modules=["extra"],
        skip_sessions=["identity/s2"],
        twin_track="faith",
        max_sessions=8,
        schedule=ScheduleRequest(
            start=dt.date(2027, 1, 4),
            cadence="twice-weekly",
            weekdays=["mon", "wed"],
            holidays="scotland",
            time="10:30",
            place="Interview room 2",
            closures=[
                ClosureRequest(start=dt.date(2027, 1, 11), end=dt.date(2027, 1, 17)),
                ClosureRequest(start=dt.date(2027, 2, 15), end=dt.date(2027, 2, 19)),
            ],
        ),
    )
    assert dumps_plan(result.plan) == dumps_plan(
        build_plan(library, expected, now=clock.now()).plan
    )
    assert run.screen.count("caution: The intervention may not be suitable.") == 1
    assert run.screen.index("caution:") < run.screen.index("── Assessed needs")
    assert result.plan.screening[0].caution == "The intervention may not be suitable."
    assert "Pre-ticked, besides the core modules:" in run.screen
    assert "• Identity: addresses need: belonging" in run.screen


def test_going_back_from_the_preview_asks_again_what_depends_on_the_change(
    make_library: LibraryFactory,
) -> None:
    # From the preview, going back to the needs and ticking one re-asks the modules and
    # sessions it affects (pre-ticked with the new recommendation), then shows the preview.
    library = fixture_library(make_library, "wizard")
    keys = [
        *[ENTER] * 6,
        *SCHEDULE_DEFAULTS,
        DOWN + ENTER,  # What now? Go back to a step
        down(3) + ENTER,  # Which step? participant, facilitators, screening, needs
        SPACE + ENTER,  # needs: belonging
        ENTER,  # modules: identity and story now pre-ticked
        ENTER,  # sessions: identity's optional session kept
        ENTER,  # save
    ]
    run = plan_new(library, keys)
    assert run.error is None, run.error
    [result] = run.saved
    assert result.plan.participant.needs == ["belonging"]
    assert [m.id for m in result.plan.modules] == ["welcome", "story", "identity", "close"]
    assert run.screen.count("── Preview") == 2
    assert "── Session budget" in run.screen.split("── Preview")[0]
    assert "── Session budget" not in run.screen.split("── Preview")[1]


def test_a_broken_rule_is_explained_at_its_step_and_corrected_in_place(
    make_library: LibraryFactory, cli: Cli
) -> None:
    # Leaving out a required module, then a budget that cannot fit, each show the
    # scripted path's message at that step; correcting the answer carries on.
    library = fixture_library(make_library, "wizard")
    keys = [
        *[ENTER] * 3,
        SPACE + ENTER,  # needs: belonging
        SPACE + ENTER,  # modules: untick story, which identity requires
        SPACE + ENTER,  # asked again as ticked: tick story again
        ENTER,  # sessions
        retype("2"),  # budget too small
        retype(""),  # no limit
        *SCHEDULE_DEFAULTS,
        ENTER,
    ]
    run = plan_new(library, keys)
    assert run.error is None, run.error
    [result] = run.saved
    assert "story" in [m.id for m in result.plan.modules]
    assert result.plan.request.max_sessions is None

    with pytest.raises(PlanningError) as excluded:
        build_plan(
            library,
            request_from({"participant": "P-1", "needs": ["belonging"], "exclude": ["story"]}),
            now=clock.now(),
        )
    assert (
        str(excluded.value)
        == "identity (addresses need: belonging) requires story, which you excluded"
    )
    with pytest.raises(PlanningError) as budget:
        build_plan(
            library,
            request_from({"participant": "P-1", "needs": ["belonging"], "max_sessions": 2}),
            now=clock.now(),
        )
    screen = flat(run.screen)
    for error in (excluded.value, budget.value):
        assert f"error: {error}" in screen
        # The hint speaks the planner's language (titles, ticks), never a flag name.
        assert f"hint: {error.wizard_hint}" in screen
    assert "hint: Tick Story again, or untick Identity." in screen
    assert "--exclude" not in screen and "--max-sessions" not in screen
    assert screen.index(str(excluded.value)) < screen.index("── Sessions within the modules")
    assert screen.index(str(budget.value)) > screen.index("── Session budget")

    # The scripted path prints the same message for the same answers.
    folder = str(library.path)
    scripted = cli(
        "--library", folder, "plan", "new", "--no-input", "--participant", "P-1",
        "--need", "belonging", "--exclude", "story", exit_code=1,
    )  # fmt: skip
    assert f"error: {excluded.value}" in flat(scripted.stderr)


def test_a_typed_answer_is_checked_before_it_is_accepted(make_library: LibraryFactory) -> None:
    # A reference with a space and an impossible date are refused at their prompt, which
    # stays open until the answer is corrected.
    library = fixture_library(make_library, "wizard")
    keys = [
        retype("P 42"),
        retype("P-42"),
        *[ENTER] * 5,
        retype("2027-02-30"),
        retype("2027-03-01"),
        *[ENTER] * 6,
        ENTER,
    ]
    run = plan_new(library, keys)
    assert run.error is None, run.error
    [result] = run.saved
    assert result.plan.participant.reference == "P-42"
    assert result.plan.schedule.start == dt.date(2027, 3, 1)


def test_a_name_like_reference_is_questioned(make_library: LibraryFactory) -> None:
    # A reference that reads like a name is warned about; declining gives a generated one.
    library = fixture_library(make_library, "wizard")
    keys = [retype("JaneDoe"), ENTER, ENTER, *[ENTER] * 5, *SCHEDULE_DEFAULTS, ENTER]
    run = plan_new(library, keys)
    assert run.error is None, run.error
    [result] = run.saved
    assert "warning: 'JaneDoe' looks like a name or initials." in run.screen
    assert re.fullmatch(r"P-[A-Z0-9]{4}", result.plan.participant.reference)


def test_ctrl_c_keeps_a_private_draft_and_resume_continues_it(
    make_library: LibraryFactory,
) -> None:
    # Ctrl-C stops with exit code 130, writes no plan, keeps the answers in a 0600 draft
    # and says how to resume; --resume says what it resumes and continues at the same step,
    # and saving deletes the draft.
    library = fixture_library(make_library, "wizard")
    first = plan_new(library, [retype("P-0042"), ENTER, ENTER, SPACE + ENTER, CTRL_C])
    assert isinstance(first.error, InterruptedByUser)
    assert first.error.exit_code == 130
    assert str(first.error) == (
        "stopped: no plan was written; your answers so far are kept in a private draft"
    )
    assert first.error.hint == "run `hii-planner plan new --resume` to continue where you stopped"
    assert first.saved == []
    store = DraftStore(NEW_PLAN)
    draft = store.load()
    assert draft is not None
    assert draft.step == "modules"
    assert draft.answers["participant"] == "P-0042"
    assert draft.answers["needs"] == ["belonging"]
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700

    second = plan_new(library, [ENTER] * 3 + SCHEDULE_DEFAULTS + [ENTER], resume=True)
    assert second.error is None, second.error
    [result] = second.saved
    assert result.plan.participant.reference == "P-0042"
    assert result.plan.participant.needs == ["belonging"]
    assert "── Participant" not in second.screen
    # --resume says what it resumes, then starts at that step.
    first_line, rest = second.screen.lstrip().split("\n", 1)
    assert first_line == (
        "note: resuming P-0042, saved Wed 18 Nov 2026 11:06 UTC, at the Modules step"
    )
    assert rest.lstrip().startswith("── Modules")
    assert not store.exists()


def test_a_closed_terminal_keeps_the_draft_too(make_library: LibraryFactory) -> None:
    # When the input ends (the terminal closed), the answers so far are kept the same way.
    library = fixture_library(make_library, "wizard")
    run = plan_new(library, [retype("P-0042")])
    assert isinstance(run.error, InterruptedByUser)
    draft = DraftStore(NEW_PLAN).load()
    assert draft is not None
    assert (draft.step, draft.answers["participant"]) == ("facilitators", "P-0042")


def test_a_waiting_draft_is_offered_without_resume(make_library: LibraryFactory) -> None:
    # Starting `plan new` while a draft waits offers to continue it (the default).
    library = fixture_library(make_library, "wizard")
    plan_new(library, [retype("P-0042"), CTRL_C])
    run = plan_new(library, [ENTER] + [ENTER] * 5 + SCHEDULE_DEFAULTS + [ENTER])
    assert run.error is None, run.error
    [result] = run.saved
    assert result.plan.participant.reference == "P-0042"


def test_cancel_discards_the_answers(make_library: LibraryFactory) -> None:
    # Cancelling at the final screen, once confirmed, writes nothing and keeps no draft;
    # it is a choice, not an interruption: exit code 0 and "nothing was saved".
    library = fixture_library(make_library, "wizard")
    run = plan_new(library, [*[ENTER] * 6, *SCHEDULE_DEFAULTS, down(2) + ENTER, "y"])
    assert isinstance(run.error, CancelledByUser)
    assert run.error.exit_code == 0
    assert str(run.error) == "cancelled: nothing was saved"
    assert run.saved == []
    assert not DraftStore(NEW_PLAN).exists()


def test_a_failed_save_returns_to_the_final_screen(make_library: LibraryFactory) -> None:
    # When saving fails (the file exists), the message is shown and the plan can be saved
    # again, here once the file is out of the way.
    from hii_planner import OutputExistsError

    library = fixture_library(make_library, "wizard")
    attempts: list[int] = []

    def save(_result: object) -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise OutputExistsError("P-0042.toml")

    run = plan_new(
        library, [retype("P-0042"), *[ENTER] * 5, *SCHEDULE_DEFAULTS, ENTER, ENTER], save=save
    )
    assert run.error is None, run.error
    assert len(attempts) == 2
    assert "error: P-0042.toml already exists; nothing was written" in run.screen


def test_answers_given_as_flags_pre_fill_the_prompts(make_library: LibraryFactory) -> None:
    # Answers from flags or an answers file are the defaults: Enter keeps them, and ids the
    # library does not know are named, with the scripted path's message, and left out.
    library = fixture_library(make_library, "wizard")
    answers = {
        "participant": "P-0042",
        "needs": ["belonging", "belongin"],
        "max_sessions": 20,
        "schedule": {"start": dt.date(2027, 1, 5), "cadence": "fortnightly"},
    }
    run = plan_new(library, [ENTER] * 7 + SCHEDULE_DEFAULTS + [ENTER], answers=answers)
    assert run.error is None, run.error
    [result] = run.saved
    plan = result.plan
    assert plan.participant.reference == "P-0042"
    assert plan.participant.needs == ["belonging"]
    assert plan.request.max_sessions == 20
    assert (plan.schedule.start, plan.schedule.cadence, plan.schedule.weekdays) == (
        dt.date(2027, 1, 5),
        "fortnightly",
        ["tue"],
    )
    assert "note: not used: --need: unknown need 'belongin' (did you mean 'belonging'?)" in (
        run.screen
    )


def test_an_empty_plan_is_explained_at_the_modules_step(make_library: LibraryFactory) -> None:
    # Without core modules or needs nothing is planned: the modules step says so, with the
    # planner's message, and ticking a module carries on.
    library = load_library(make_library([module("one"), module("two")]))
    # No screening and no needs in this library: participant, facilitator, modules twice.
    keys = [retype("P-0042"), ENTER, ENTER, SPACE + ENTER, ENTER, *SCHEDULE_DEFAULTS, ENTER]
    run = plan_new(library, keys)
    assert run.error is None, run.error
    [result] = run.saved
    assert [m.id for m in result.plan.modules] == ["one"]
    assert re.search(
        r"── Modules ─+ error: nothing to plan: no module was chosen, recommended for a need, "
        r"or core hint: Tick an assessed need or a module\.",
        flat(run.screen),
    )


def test_resuming_a_change_made_from_the_preview_returns_to_the_preview(
    make_library: LibraryFactory,
) -> None:
    # Stopped while changing a step from the preview, --resume asks that step (and what
    # depends on it) and goes back to the preview, without walking every step again.
    library = fixture_library(make_library, "wizard")
    first = plan_new(
        library, [*[ENTER] * 6, *SCHEDULE_DEFAULTS, DOWN + ENTER, down(3) + ENTER, CTRL_C]
    )
    assert isinstance(first.error, InterruptedByUser)
    draft = DraftStore(NEW_PLAN).load()
    assert draft is not None
    assert (draft.step, draft.reviewing) == ("needs", True)

    second = plan_new(library, [SPACE + ENTER, ENTER, ENTER, ENTER], resume=True)
    assert second.error is None, second.error
    [result] = second.saved
    assert result.plan.participant.needs == ["belonging"]
    assert "── Dates" not in second.screen
