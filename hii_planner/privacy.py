"""Privacy checks: participant references must be pseudonymous codes, never names."""

from __future__ import annotations

import re

_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_CAMEL_NAME = re.compile(r"(?:[A-Z][a-z]+){2,}\d*")

NAME_WARNING = (
    "{reference!r} looks like a name or initials. Plans identify people by a "
    "pseudonymous reference only, such as the case system's code or P-0042."
)


def looks_like_name(value: str) -> bool:
    """True when *value* reads like a personal name or initials rather than a code.

    Letters only ("Smith", "JS", "jane.doe"), two or more capitalised words
    ("Jane-Smith-01") or joined capitalised words ("JaneSmith").
    """
    text = value.strip()
    parts = [p for p in re.split(r"[\s._-]+", text) if p]
    if not parts:
        return False
    if all(p.isalpha() for p in parts):
        return True
    if sum(1 for p in parts if _CAPITALISED.fullmatch(p)) >= 2:
        return True
    return any(_CAMEL_NAME.fullmatch(p) for p in parts)
