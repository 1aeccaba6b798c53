"""Control characters: refused in free text, and never passed from data to a terminal.

ESC, BEL, CR and their kind can set a terminal's title, clear the screen or
split a row of a table or CSV file, so free text may hold none of them; text
that spans lines (notes, handout bodies) may hold line breaks and tabs.
"""

from __future__ import annotations

import re
import unicodedata

_LINE_BREAKS = frozenset("\n\t")
# Bidirectional overrides and isolates can reorder what a terminal shows.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_NAMES = {
    "\x1b": "escape",
    "\x07": "bell",
    "\r": "carriage return",
    "\n": "line break",
    "\t": "tab",
    "\x08": "backspace",
    "\x00": "null",
    "\x7f": "delete",
}


# General category Cc is fixed by Unicode's stability policy: U+0000-U+001F and U+007F-U+009F.
# One regular-expression search finds clean text (nearly all text) without a loop per character.
_BIDI_CLASS = "\u202a-\u202e\u2066-\u2069"
_ANY_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI_CLASS}]")
_CONTROL_BUT_BREAKS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI_CLASS}]")


def _is_control(character: str) -> bool:
    return unicodedata.category(character) == "Cc" or character in _BIDI


def control_characters(text: str, *, multiline: bool = False) -> list[str]:
    """The control characters in *text* (line breaks and tabs allowed when *multiline*)."""
    if not (_CONTROL_BUT_BREAKS if multiline else _ANY_CONTROL).search(text):
        return []
    allowed = _LINE_BREAKS if multiline else frozenset()
    return [c for c in dict.fromkeys(text) if _is_control(c) and c not in allowed]


def describe(characters: list[str]) -> str:
    """Control characters named for a message: ``U+001B (escape)``."""
    return ", ".join(f"U+{ord(c):04X} ({_NAMES.get(c, 'control character')})" for c in characters)


def refuse_control(text: str, *, what: str, multiline: bool = False) -> str:
    """*text*, or `ValueError` saying that *what* holds a control character."""
    found = control_characters(text, multiline=multiline)
    if found:
        raise ValueError(
            f"{what} holds a control character, which is not allowed: {describe(found)}"
        )
    return text


def one_line(text: str) -> str:
    """*text* if it is one line of plain text (a `ValueError` otherwise)."""
    return refuse_control(text, what="the text")


def not_blank(text: str) -> str:
    """*text* unless it is only spaces."""
    if text and not text.strip():
        raise ValueError("is blank: write some text, or leave the key out")
    return text


def multi_line(text: str) -> str:
    """*text* if it holds no control character but line breaks and tabs."""
    return refuse_control(text, what="the text", multiline=True)


def for_terminal(text: str) -> str:
    """*text* safe to print: each control character shown as a visible escape such as x1b."""
    if not _CONTROL_BUT_BREAKS.search(text):
        return text
    return "".join(_visible(c) if _is_control(c) and c not in _LINE_BREAKS else c for c in text)


def _visible(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
