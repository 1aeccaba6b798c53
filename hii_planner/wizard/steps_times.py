"""The schedule's last questions: the usual time and place, and closures (Enter keeps each)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from hii_planner.errors import HiiPlannerError
from hii_planner.plans.closures import PERIOD_EXAMPLE, parse_period
from hii_planner.wizard.prompts import Prompter

NONE = "none"
_CLOCK_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
_MAX_PLACE = 200


def ask_times_and_closures(prompter: Prompter, schedule: Mapping[str, Any]) -> dict[str, Any]:
    """Ask the usual time, place and closures; the answers as ``[schedule]`` keys."""
    found: dict[str, Any] = {}
    time = prompter.text(
        "Usual start time (HH:MM; Enter for all-day sessions):",
        default=str(schedule.get("time") or ""),
        check=time_problem,
    ).strip()
    if time:
        found["time"] = time
    place = prompter.text(
        "Usual place (facilitators only, never on handouts; Enter for none):",
        default=str(schedule.get("place") or ""),
        check=place_problem,
    ).strip()
    if place:
        found["place"] = place
    earlier = list(schedule.get("closures") or [])
    answer = prompter.text(
        f"Closures, as START..END separated by commas (e.g. {PERIOD_EXAMPLE}):",
        default=closures_text(earlier),
        check=closures_problem,
    )
    closures = parse_closures(answer, earlier)
    if closures:
        found["closures"] = closures
    return found


def time_problem(value: str) -> str | None:
    """What is wrong with *value* as a start time, or None."""
    text = value.strip()
    if not text or _CLOCK_TIME.fullmatch(text):
        return None
    return "a time on the 24-hour clock such as 10:00, or nothing for all-day sessions"


def place_problem(value: str) -> str | None:
    """What is wrong with *value* as a place, or None."""
    text = value.strip()
    if len(text) > _MAX_PLACE:
        return f"at most {_MAX_PLACE} characters"
    if any(unicodedata.category(c) == "Cc" for c in text):
        return "plain text, without control characters"
    return None


def closures_text(closures: Sequence[Mapping[str, Any]]) -> str:
    """Closures as the question's default: ``START..END, START..END``, or none."""
    if not closures:
        return NONE
    return ", ".join(f"{_iso(c['start'])}..{_iso(c['end'])}" for c in closures)


def _iso(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def closures_problem(value: str) -> str | None:
    """What is wrong with *value* as a list of closures, or None."""
    try:
        parse_closures(value, [])
    except HiiPlannerError as error:
        return str(error)
    return None


def parse_closures(value: str, earlier: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The closures in *value*, keeping the reason an earlier closure of the same days had."""
    text = value.strip()
    if not text or text.lower() == NONE:
        return []
    reasons = {(_iso(c["start"]), _iso(c["end"])): c.get("reason", "") for c in earlier}
    found = []
    for part in text.split(","):
        start, end = parse_period(part)
        entry: dict[str, Any] = {"start": start.isoformat(), "end": end.isoformat()}
        if reason := reasons.get((entry["start"], entry["end"])):
            entry["reason"] = reason
        found.append(entry)
    return found
