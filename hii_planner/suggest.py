"""Find near matches for mistyped ids ("did you mean ...")."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def close_matches(wrong: str, choices: Iterable[str], *, limit: int = 3) -> list[str]:
    """Choices that look like *wrong*: similar spelling, or containing it as a word part."""
    options = list(choices)
    similar = difflib.get_close_matches(wrong, options, n=limit, cutoff=0.6)
    containing = [c for c in options if len(wrong) >= 3 and wrong in c and c not in similar]
    return (similar + containing)[:limit]


def did_you_mean(wrong: str, choices: Iterable[str]) -> str:
    """A "did you mean" phrase for *wrong* among *choices*, or ``""`` if none is close."""
    close = close_matches(wrong, choices)
    if not close:
        return ""
    return " (did you mean " + " or ".join(f"'{c}'" for c in close) + "?)"


def unknown(kind: str, wrong: str, choices: Iterable[str]) -> str:
    """The message for an unknown id of *kind*, with suggestions."""
    return f"unknown {kind} '{wrong}'{did_you_mean(wrong, choices)}"
