"""What no message may show: regular expressions, Python type names, pydantic phrases."""

from __future__ import annotations

import re

FORBIDDEN = [
    (re.compile(r"\^\[|\[a-z|\]\{\d|\(\?:|\\d|\$'"), "a regular expression"),
    (re.compile(r"\b(?:str|int|float|bool|NoneType|dict|list)_?type\b|<class '"), "a Python type"),
    (
        re.compile(
            r"Input should be|input should be a valid|Value error,|validation error for|"
            r"type=\w+|pydantic|For further information visit",
            re.IGNORECASE,
        ),
        "a pydantic phrase",
    ),
]


def unwanted(message: str) -> list[str]:
    """What *message* shows that a user should never see (empty when it reads well)."""
    return [what for pattern, what in FORBIDDEN if pattern.search(message)]
