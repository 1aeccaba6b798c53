"""Participant references: a generated pseudonymous default, and a check for name-like ones."""

from __future__ import annotations

import secrets
from collections.abc import Callable

from pydantic import TypeAdapter, ValidationError

from hii_planner.privacy import looks_like_name
from hii_planner.types import Reference

__all__ = ["generate_reference", "looks_like_name", "reference_problem"]

# No 0/O or 1/I: a reference is read aloud and copied by hand.
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_DIGITS = "23456789"
_REFERENCE = TypeAdapter(Reference)


def generate_reference(
    taken: Callable[[str], bool] = lambda _: False, *, choice: Callable[[str], str] = secrets.choice
) -> str:
    """A fresh reference such as ``P-7F3K`` (always with a digit, so it never reads as a name)."""
    while True:
        code = "".join(choice(_ALPHABET) for _ in range(4))
        if any(c in _DIGITS for c in code) and not taken(f"P-{code}"):
            return f"P-{code}"


def reference_problem(value: str) -> str | None:
    """What is wrong with *value* as a participant reference, or None."""
    text = value.strip()
    if not text:
        return "a reference is needed, such as P-0042"
    try:
        _REFERENCE.validate_python(text)
    except ValidationError:
        return (
            "use up to 40 letters, digits, '.', '_' or '-', without spaces, "
            "starting with a letter or digit, such as P-0042"
        )
    return None
