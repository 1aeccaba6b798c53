"""Limits every plan writer keeps, so that a plan never grows past what the reader accepts."""

from __future__ import annotations

from hii_planner.errors import DeliveryError, FileAccessError
from hii_planner.files.tomlsource import MAX_FILE_BYTES
from hii_planner.safetext import refuse_control

MAX_NOTE_CHARS = 4_000
"""The longest note one command may add to a session (nothing is ever cut)."""


def check_note(note: str) -> str:
    """*note* if it is plain text within `MAX_NOTE_CHARS`, else a `DeliveryError` saying why."""
    try:
        refuse_control(note, what="the note", multiline=True)
    except ValueError as error:
        raise DeliveryError(f"{error}; nothing was changed") from None
    if len(note) > MAX_NOTE_CHARS:
        raise DeliveryError(
            f"the note is {len(note):,} characters; the limit is {MAX_NOTE_CHARS:,}, "
            "and nothing was changed",
            hint="shorten it, or keep the full text in the case record and note where it is",
        )
    return note


def check_plan_size(text: str, *, file: str) -> str:
    """*text* if a plan file holding it can be read back, else a `FileAccessError`."""
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        raise FileAccessError(
            f"{file} would be {size:,} bytes, more than a plan file may hold "
            f"({MAX_FILE_BYTES:,}); nothing was written",
            hint="a plan this large cannot be read back: shorten the notes or plan fewer sessions",
        )
    return text
