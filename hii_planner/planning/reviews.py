"""Progress reviews placed by the library's `[review]` rule: every N sessions, and near the end."""

from __future__ import annotations

from collections.abc import Sequence

from hii_planner.library.loader import Library
from hii_planner.planning.ordering import SessionSlot
from hii_planner.plans.reasons import Reason

REVIEWS = Reason.review()
"""The reason the review module is in a plan."""


def review_slot(library: Library) -> SessionSlot | None:
    """The slot of one review (the review module's only session), if the library has reviews."""
    rule = library.info.review
    module = library.modules.get(rule.module) if rule is not None else None
    if module is None or len(module.sessions) != 1:
        return None
    return SessionSlot(module.id, module.sessions[0].id, kind="review")


def with_reviews(library: Library, order: Sequence[SessionSlot]) -> list[SessionSlot]:
    """*order* with a review after every `every` other sessions, and one before the last module.

    With `final`, a review comes before the last module's first session. There is
    never a review before the first session or after the last, nor two in a row.
    """
    rule = library.info.review
    review = review_slot(library)
    if rule is None or review is None or not order:
        return list(order)
    last_module = order[-1].module
    final_at = next(i for i, slot in enumerate(order) if slot.module == last_module)
    merged: list[SessionSlot] = []
    since = 0
    for index, slot in enumerate(order):
        if rule.final and index == final_at and index > 0 and since > 0:
            merged.append(review)
            since = 0
        merged.append(slot)
        since += 1
        if since == rule.every and index < len(order) - 1:
            merged.append(review)
            since = 0
    return merged


def review_count(library: Library, order: Sequence[SessionSlot]) -> int:
    """How many reviews *order* gets."""
    return len(with_reviews(library, order)) - len(order)
