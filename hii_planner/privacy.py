"""Privacy checks: participant references must be pseudonymous codes, never names."""

from __future__ import annotations

import re

_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_CAMEL_NAME = re.compile(r"(?:[A-Z][a-z]+){2,}\d*")
# The shape of a generated reference (P-QB66) or a short case code (CRN-ABCD): a prefix
# of up to three capitals, a dash, four capitals or digits. Letters only, but a code.
_CODE = re.compile(r"[A-Z]{1,3}-[A-Z0-9]{4}")

NAME_WARNING = (
    "{reference!r} looks like a name or initials. Plans identify people by a "
    "pseudonymous reference only, such as the case system's code or P-0042."
)


def looks_like_name(value: str) -> bool:
    """True when *value* reads like a personal name or initials rather than a code.

    Letters only ("Smith", "JS", "jane.doe", "J-SMITH"), two or more capitalised words
    ("Jane-Smith-01") or joined capitalised words ("JaneSmith"). A code's shape
    ("P-ABCD", like the generated "P-QB66") is not questioned.
    """
    text = value.strip()
    if _CODE.fullmatch(text):
        return False
    parts = [p for p in re.split(r"[\s._-]+", text) if p]
    if not parts:
        return False
    if all(p.isalpha() for p in parts):
        return True
    if sum(1 for p in parts if _CAPITALISED.fullmatch(p)) >= 2:
        return True
    return any(_CAMEL_NAME.fullmatch(p) for p in parts)
