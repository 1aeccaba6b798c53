"""Small text helpers every renderer shares: reading direction, colour groups, page labels."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Literal

from hii_planner.documents.model import Document

Direction = Literal["ltr", "rtl"]
PALETTE_SIZE = 6  # colours a timeline cycles through, in every format


def direction(text: str) -> Direction:
    """The base direction of *text*: that of its first strong character (as dir="auto")."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return "ltr"


def group_colours(groups: Iterable[str]) -> dict[str, int]:
    """A colour index for each group, in order of first appearance."""
    found: dict[str, int] = {}
    for group in groups:
        if group not in found:
            found[group] = len(found) % PALETTE_SIZE
    return found


def reference_label(document: Document) -> str:
    """The reference as printed on every page ("Reference: P-0042"), or nothing."""
    return f"Reference: {document.reference}" if document.reference else ""
