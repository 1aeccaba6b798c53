"""`hii-planner handouts`: print participant handouts, facilitator guides and the overview."""

from __future__ import annotations


def handouts() -> None:
    """Print handouts, facilitator guides and the plan overview."""
