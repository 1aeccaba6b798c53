"""The one-line notices every front end prints (``caution: ...``, ``note: ...``) and the diff."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console

    from hii_planner.planning.plan_diff import PlanDiff

NoticeKind = Literal["caution", "warning", "note"]
NOTICE_STYLES: dict[str, str] = {"caution": "bold yellow", "warning": "bold yellow", "note": "bold"}


def notice(console: Console, kind: str, text: str, *, style: str | None = None) -> None:
    """One notice: its kind in its style, then the text as it is (never read as markup)."""
    console.print(Text(f"{kind}: ", style=style or NOTICE_STYLES.get(kind, "bold")) + Text(text))


def print_diff(console: Console, diff: PlanDiff, *, none: str = "Changes: none.") -> None:
    """What an edit changes, one line each, or *none* when it changes nothing."""
    if diff.empty:
        console.print(Text(none, style="bold"))
        return
    console.print(Text("Changes:", style="bold"))
    for line in diff.lines():
        console.print(Text(f"  {line}"))
