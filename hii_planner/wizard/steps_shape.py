"""Steps about shape and pace: twin track, session budget, and the dates."""

from __future__ import annotations

from collections import Counter
from typing import cast

from hii_planner.choices import (
    CADENCES,
    DAYS_A_WEEK,
    DEFAULT_CADENCE,
    DEFAULT_HOLIDAYS,
    HOLIDAY_CALENDAR_NAMES,
    HOLIDAY_CALENDARS,
    WEEKDAY_NAMES,
    WEEKDAYS,
    Cadence,
)
from hii_planner.dates import date_problem, parse_date
from hii_planner.library.models import Track
from hii_planner.planning.schedule import default_start, default_weekdays
from hii_planner.wizard.prompts import Option
from hii_planner.wizard.state import WizardState, keys_before, keys_through
from hii_planner.wizard.steps_times import ask_times_and_closures
from hii_planner.wording import CADENCE_WORDS, hours

OFF = "off"
MAX_BUDGET = 500
_CADENCES = tuple(Option(c, CADENCE_WORDS[c].capitalize()) for c in CADENCES)
_CALENDARS = (
    *(Option(c, HOLIDAY_CALENDAR_NAMES[c]) for c in HOLIDAY_CALENDARS if c != "none"),
    Option("none", "None: sessions may fall on public holidays"),
)


def _twin_tracks(state: WizardState) -> list[tuple[Track, int, int]]:
    """Tracks that have some, but not all, of the planned sessions: (track, in it, others)."""
    trial = state.try_trial(keys_through("sessions"))
    if trial is None:
        return []
    track_of = {m.id: m.track for m in trial.plan.modules}
    counts = Counter(track_of[s.module] for s in trial.plan.sessions)
    total = len(trial.plan.sessions)
    tracks = state.library.info.tracks
    # A library that marks its twin tracks gets only those offered; otherwise any track.
    if any(track.twin for track in tracks):
        tracks = [track for track in tracks if track.twin]
    return [
        (track, counts[track.id], total - counts[track.id])
        for track in tracks
        if 0 < counts[track.id] < total
    ]


def has_twin_choice(state: WizardState) -> bool:
    """True when a track's sessions could alternate with the rest (or one was asked for)."""
    return bool(_twin_tracks(state)) or bool(state.answers.get("twin_track"))


def ask_twin_track(state: WizardState) -> None:
    """Whether one track's sessions run alongside the rest instead of in blocks."""
    current = state.answers.get("twin_track") or OFF
    options = [Option(OFF, "Off: each module's sessions run one after another")]
    offered = set()
    for track, inside, others in _twin_tracks(state):
        offered.add(track.id)
        options.append(
            Option(
                track.id,
                f"{track.title}: its {inside} sessions alternate with the other {others}",
                description=track.description or None,
            )
        )
    if current != OFF and current not in offered:
        options.append(Option(current, f"{current}: no planned module is in this track"))
    state.prompter.console.print(
        "With a twin track, one track's sessions alternate with the others instead of "
        "running as a block."
    )
    choice = state.prompter.select("Twin track:", options, default=current)
    if choice == OFF:
        state.answers.pop("twin_track", None)
    else:
        state.answers["twin_track"] = choice


def summarise_twin_track(state: WizardState) -> str:
    """The twin track, or off."""
    return str(state.answers.get("twin_track") or "off")


def ask_budget(state: WizardState) -> None:
    """The most sessions the plan may have; optional ones are dropped from the end to fit."""
    prompter = state.prompter
    trial = state.try_trial(keys_before("budget"))
    if trial is not None:
        sessions = trial.plan.sessions
        optional = _optional_count(state, [(s.module, s.session) for s in sessions])
        prompter.console.print(
            f"The plan has {len(sessions)} sessions ({hours(sum(s.minutes for s in sessions))}); "
            f"{optional} of them optional."
        )
    current = state.answers.get("max_sessions")
    answer = prompter.text(
        "Most sessions (Enter for no limit):",
        default="" if current is None else str(current),
        check=budget_problem,
    ).strip()
    if answer:
        state.answers["max_sessions"] = int(answer)
    else:
        state.answers.pop("max_sessions", None)


def _optional_count(state: WizardState, sessions: list[tuple[str, str]]) -> int:
    count = 0
    for module_id, session_id in sessions:
        session = state.library.modules[module_id].session(session_id)
        count += bool(session and session.optional)
    return count


def budget_problem(value: str) -> str | None:
    """What is wrong with *value* as a session budget, or None."""
    text = value.strip()
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= MAX_BUDGET:
        return f"a whole number from 1 to {MAX_BUDGET}, or nothing for no limit"
    return None


def summarise_budget(state: WizardState) -> str:
    """The budget, or no limit."""
    current = state.answers.get("max_sessions")
    return "no limit" if current is None else f"at most {current} sessions"


def ask_schedule(state: WizardState) -> None:
    """First date, cadence, weekdays, the public holidays to skip, time, place and closures."""
    prompter = state.prompter
    schedule = state.schedule_answers()
    start_text = prompter.text(
        "First possible session date (YYYY-MM-DD):",
        default=str(schedule.get("start") or default_start(state.today).isoformat()),
        check=date_problem,
    ).strip()
    start = parse_date(start_text)
    # select() answers one of the options' values, all cadences.
    cadence = cast(
        Cadence,
        prompter.select("How often?", _CADENCES, default=schedule.get("cadence", DEFAULT_CADENCE)),
    )
    needed = DAYS_A_WEEK[cadence]
    days = [d for d in (schedule.get("weekdays") or []) if d in WEEKDAYS]
    if len(days) != needed:
        days = list(default_weekdays(start, cadence))
    day_options = [Option(d, WEEKDAY_NAMES[d], checked=d in days) for d in WEEKDAYS]
    if needed == 1:
        days = [prompter.select("On which day?", day_options, default=days[0])]
    else:
        days = prompter.checkbox("On which two days?", day_options, check=_two_days_problem)
    holidays = prompter.select(
        "Skip the public holidays of:",
        _CALENDARS,
        default=schedule.get("holidays", DEFAULT_HOLIDAYS),
    )
    state.answers["schedule"] = {
        "start": start.isoformat(),
        "cadence": cadence,
        "weekdays": days,
        "holidays": holidays,
        **ask_times_and_closures(prompter, schedule),
    }


def _two_days_problem(days: list[str]) -> str | None:
    # The same words as the planner uses for a wrong number of weekdays.
    if len(days) != 2:
        return f"a twice-weekly schedule takes two weekdays, not {len(days)}"
    return None


def summarise_schedule(state: WizardState) -> str:
    """Cadence, days and start."""
    schedule = state.schedule_answers()
    if not schedule:
        return "not chosen yet"
    days = "+".join(schedule.get("weekdays") or [])
    found = f"{schedule.get('cadence', 'weekly')} on {days} from {schedule.get('start', '?')}"
    if schedule.get("time"):
        found += f" at {schedule['time']}"
    if schedule.get("closures"):
        found += f", {len(schedule['closures'])} closed period(s)"
    return found
